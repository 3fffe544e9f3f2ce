package cli

// The GitLab CI checker registers itself with the lint driver in init.
import _ "github.com/regdoctor/regdoctor/internal/lint/gitlab"

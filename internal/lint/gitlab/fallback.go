package gitlab

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"

	"github.com/regdoctor/regdoctor/internal/finding"
)

var deprecatedRef = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`\$\{?(CI_BUILD_[A-Z_]+)\}?`) })
var registryCmdLine = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`\b(docker|podman|buildah|skopeo|crane|nerdctl)\s+(login|push)\b|config\.json`)
})

// fallbackFindings scans a file that is not valid YAML (a cookiecutter or
// Jinja template, a merge conflict) line by line for the one check that
// needs no YAML: removed pre-9.0 variables in registry commands (GLC005).
func fallbackFindings(root, rel string) []finding.Finding {
	fp := filepath.Join(root, filepath.FromSlash(rel))
	if st, err := os.Stat(fp); err != nil || st.Size() > 4<<20 {
		return nil
	}
	data, err := os.ReadFile(fp)
	if err != nil {
		return nil
	}
	c := &pctx{}
	for i, line := range strings.Split(string(data), "\n") {
		if !registryCmdLine().MatchString(line) {
			continue
		}
		for _, m := range deprecatedRef().FindAllStringSubmatchIndex(line, -1) {
			name := line[m[2]:m[3]]
			repl, ok := deprecatedVars[name]
			if !ok {
				continue
			}
			pos := glPos(rel, i+1, m[0]+1)
			c.reportSev("GLC005", severityForDeprecated(name), pos, nil, "",
				fmt.Sprintf("`$%s` was removed in GitLab 9.0 and expands to an empty string, so this registry command runs without its value; use `$%s`%s (file is not valid YAML, checked line by line).", name, repl, loginHint(name)))
		}
	}
	return c.grouped()
}

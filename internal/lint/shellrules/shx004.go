package shellrules

import (
	"fmt"
	"strings"

	"github.com/regdoctor/regdoctor/internal/finding"
	"github.com/regdoctor/regdoctor/internal/lint"
	"github.com/regdoctor/regdoctor/internal/reghost"
	"github.com/regdoctor/regdoctor/internal/shellcmd"
)

func init() {
	register(lint.Meta{
		ID: "SHX004", Name: "gar-host-not-configured", Cause: "no-login", Severity: finding.Error,
		Summary: "gcloud auth configure-docker does not list the Artifact Registry host pushed to, or the GAR path lacks its repository.",
		Description: "`gcloud auth configure-docker` with no argument registers only the gcr.io family; Artifact Registry " +
			"hosts (`<location>-docker.pkg.dev`) must be named (`gcloud auth configure-docker europe-docker.pkg.dev`) " +
			"(https://cloud.google.com/artifact-registry/docs/docker/authentication). Otherwise the push has no credential " +
			"helper for its host: `unauthenticated: User cannot be authenticated` / `denied`. Artifact Registry paths are " +
			"`HOST/PROJECT/REPOSITORY/IMAGE`; `HOST/PROJECT/IMAGE` (no repository) is rejected " +
			"(https://cloud.google.com/artifact-registry/docs/docker/pushing-and-pulling).\n\n" +
			"Fix: `gcloud auth configure-docker <location>-docker.pkg.dev --quiet` before the push, and push to `HOST/PROJECT/REPOSITORY/IMAGE`.",
		Broken: `publish:
  image: google/cloud-sdk:slim
  script:
    - gcloud auth configure-docker --quiet
    - docker push europe-docker.pkg.dev/acme-prod/images/app:latest
`,
		Fixed: `publish:
  image: google/cloud-sdk:slim
  script:
    - gcloud auth configure-docker europe-docker.pkg.dev --quiet
    - docker push europe-docker.pkg.dev/acme-prod/images/app:latest
`,
	}, checkSHX004)
}

func checkSHX004(cmds []shellcmd.Command) []Hit {
	var hits []Hit
	for i, c := range cmds {
		if c.Action != shellcmd.Push {
			continue
		}
		for _, r := range c.Refs {
			host, ok := refHostLiteral(r)
			if !ok || reghost.Classify(host) != reghost.GAR {
				continue
			}
			_, repo, _, _ := shellcmd.SplitRef(r.Value)
			if strings.HasSuffix(host, "-docker.pkg.dev") && !strings.Contains(repo, "$") && strings.Count(repo, "/") < 2 {
				hits = append(hits, Hit{Cmd: i, Pos: r.Pos, Registry: host, Cause: "invalid-reference", Message: fmt.Sprintf(
					"`%s` has no repository segment: Artifact Registry paths are HOST/PROJECT/REPOSITORY/IMAGE.", r.Value)})
				continue
			}
			var helpers []shellcmd.Command
			covered, unsure := false, false
			for _, p := range cmds[:i] {
				if p.Action != shellcmd.Login && p.Action != shellcmd.CredHelper && p.Action != shellcmd.WriteConfig {
					continue
				}
				if p.Action == shellcmd.WriteConfig {
					unsure = true
				}
				if p.Tool == "gcloud" {
					helpers = append(helpers, p)
				}
				for _, h := range p.Hosts {
					if strings.Contains(h, "$") {
						unsure = true
					}
					if reghost.Normalize(h) == host {
						covered = true
					}
				}
			}
			if covered || unsure || len(helpers) == 0 {
				continue // no gcloud setup at all is the platform checker's push-without-login
			}
			hits = append(hits, Hit{Cmd: i, Pos: r.Pos, Registry: host, Message: fmt.Sprintf(
				"pushes to %s, but `%s` does not register that host, so docker has no credential helper for it; run `gcloud auth configure-docker %s --quiet`.",
				host, strings.Join(strings.Fields(helpers[len(helpers)-1].Text), " "), host)})
		}
	}
	return hits
}

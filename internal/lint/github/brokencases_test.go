package github_test

import (
	"strings"
	"testing"

	"github.com/regdoctor/regdoctor/internal/finding"
)

// Constructs from real broken workflows checked on the lint-broken branch
// (public issue and pull-request threads; the cases themselves live outside
// the repository), each written here as a minimal workflow of our own with
// the counterpart that must stay quiet.
func TestBrokenConstructsGHA005(t *testing.T) {
	login := func(cond string) string {
		s := "on:\n  push:\n  pull_request:\njobs:\n  image:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: docker/login-action@v3\n"
		if cond != "" {
			s += "        if: " + cond + "\n"
		}
		return s + "        with:\n          username: ${{ secrets.DOCKERHUB_USERNAME }}\n          password: ${{ secrets.DOCKERHUB_TOKEN }}\n" +
			"      - uses: docker/build-push-action@v6\n        with:\n          push: ${{ github.event_name != 'pull_request' }}\n          tags: acme/app:1\n"
	}
	cases := []struct {
		name, yml string
		want      string // GHA005 message fragment; "" = no GHA005 at warning or above
	}{
		{"no guard", login(""), "for fork and Dependabot pull requests"},
		// a Dependabot pull request is a branch of this repository: not a fork
		{"fork flag only", login(`"! github.event.pull_request.head.repo.fork"`), "Dependabot's pull requests come from a branch of this repository"},
		{"head repository name only", login("github.event.pull_request.head.repo.full_name == github.repository"), "Dependabot's pull requests"},
		{"fork flag and actor", login(`"! github.event.pull_request.head.repo.fork && github.actor != 'dependabot[bot]'"`), ""},
		{"event name", login("github.event_name != 'pull_request'"), ""},
		{"event name or same repository", login("github.event_name != 'pull_request' || github.event.pull_request.head.repo.full_name == github.repository"), ""},
		{"secret present", login("env.HAS_SECRET == 'true'"), ""},
		{"job-level fork flag only", strings.Replace(login(""), "    runs-on: ubuntu-latest\n", "    runs-on: ubuntu-latest\n    if: ${{ !github.event.pull_request.head.repo.fork }}\n", 1), "Dependabot's pull requests"},
		{"job-level fork flag and step actor", strings.Replace(login("github.actor != 'dependabot[bot]'"), "    runs-on: ubuntu-latest\n", "    runs-on: ubuntu-latest\n    if: ${{ !github.event.pull_request.head.repo.fork }}\n", 1), ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			res := lintWorkflow(t, c.yml)
			var got []string
			for _, f := range res.Findings {
				if f.Rule == "GHA005" && f.Severity != finding.Info {
					got = append(got, f.Message)
				}
			}
			switch {
			case c.want == "" && len(got) > 0:
				t.Errorf("unexpected GHA005: %q\n%s", got, render(res))
			case c.want != "" && (len(got) != 1 || !strings.Contains(got[0], c.want)):
				t.Errorf("GHA005 %q, want one containing %q\n%s", got, c.want, render(res))
			}
		})
	}
}

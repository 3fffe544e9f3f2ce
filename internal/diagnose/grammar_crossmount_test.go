package diagnose

import (
	"strings"
	"testing"
)

// TestMessageGrammarCrossMount holds BuildKit pushes refused with
// insufficient_scope after a token request for a cross-repository mount
// (crossmount.go), and the pushes that keep the namespace reading.
func TestMessageGrammarCrossMount(t *testing.T) {
	checkFirstCause(t, map[string]string{
		// a per-repository job token on a shared builder, or a credential that may not push at all: the
		// same request and refusal (insufficient-role first, the mount defect second)
		"#8 pushing layers\n#8 ERROR: failed to push registry.lab.example/team-b/api:4f2a: server message: insufficient_scope: authorization failed\n\n#9 [auth] team-a/base:pull team-b/api:pull,push token for registry.lab.example": "insufficient-role",
		// the auth line before the refusal, buildx's error form
		"#12 [auth] ops/agent-base:pull ops/agent:pull,push token for harbor.lab.example\n#12 DONE 0.0s\n#11 ERROR: failed to push harbor.lab.example/ops/agent:2.0: server message: insufficient_scope: authorization failed\nERROR: failed to solve: failed to push harbor.lab.example/ops/agent:2.0: server message: insufficient_scope: authorization failed": "insufficient-role",
		// guard: a plain push token request keeps the namespace reading
		"#9 [auth] lumenlabs/notes-api:pull,push token for registry-1.docker.io\n#8 ERROR: failed to push docker.io/lumenlabs/notes-api:1.4: server message: insufficient_scope: authorization failed": "push-outside-namespace",
		// guard: a mount token for another pushed repository does not explain this one
		"#9 [auth] team-a/base:pull team-b/api:pull,push token for registry.lab.example\n#8 ERROR: failed to push registry.lab.example/team-c/web:1.0: server message: insufficient_scope: authorization failed": "push-outside-namespace",
		// guard: a pull refused with the same words keeps the pull reading
		"#5 [auth] team-a/base:pull team-b/api:pull,push token for registry.lab.example\n#4 ERROR: failed to resolve source metadata for registry.lab.example/team-a/base:1: pull access denied, repository does not exist or may require authorization: server message: insufficient_scope: authorization failed": "no-login",
	})
}

// TestCrossMountSecond: the mount defect stays in the ranking, second,
// with the token request as its evidence.
func TestCrossMountSecond(t *testing.T) {
	log := "#9 [auth] team-a/base:pull team-b/api:pull,push token for registry.lab.example\n#8 ERROR: failed to push registry.lab.example/team-b/api:4f2a: server message: insufficient_scope: authorization failed\n"
	rep, err := Explain(strings.NewReader(log), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(rep.Findings) < 2 || rep.Findings[1].Cause != "client-bug" {
		t.Fatalf("want client-bug second, got %+v", rep.Findings)
	}
	found := false
	for _, e := range rep.Findings[1].Evidence {
		found = found || strings.Contains(e.Text, "cross-repository mount from team-a/base into team-b/api")
	}
	if !found {
		t.Errorf("client-bug's evidence lacks the mount token request: %+v", rep.Findings[1].Evidence)
	}
}

func TestBuildkitCrossMount(t *testing.T) {
	for _, tc := range []struct {
		line     string
		from, to string
	}{
		{"#9 [auth] team-a/base:pull team-b/api:pull,push token for registry.lab.example", "team-a/base", "team-b/api"},
		{"#9 [auth] team-b/api:pull,push team-a/base:pull token for registry.lab.example", "team-a/base", "team-b/api"},
		{"#5 [auth] lumenlabs/notes-api:pull,push token for registry-1.docker.io", "", ""},
		{"#5 [auth] library/alpine:pull token for registry-1.docker.io", "", ""},
		{"#5 [auth] ops/app:pull ops/app:pull,push token for harbor.lab.example", "", ""},
		{"[auth] sharing credentials for 444455556666.dkr.ecr.eu-west-1.amazonaws.com", "", ""},
	} {
		m := buildkitCrossMount(tc.line, 1)
		if m.from != tc.from || m.to != tc.to {
			t.Errorf("%q: from %q to %q, want %q %q", tc.line, m.from, m.to, tc.from, tc.to)
		}
	}
}

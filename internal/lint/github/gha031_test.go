package github

import "testing"

func TestNearOwner(t *testing.T) {
	for _, tc := range []struct {
		ns, owner string
		want      bool
	}{
		{"danteev", "dante-ev", true}, // separator dropped
		{"my_org", "My-Org", true},    // case and separator
		{"acmee", "acme", false},      // short owner: only case/separators
		{"grafan", "grafana", true},   // one deletion
		{"grfna", "grafana", true},    // two deletions
		{"k6io", "grafana", false},    // another organisation
		{"kubernetes", "kubeflow", false},
		{"opencontainers", "opencontainer", true},
	} {
		if got := nearOwner(tc.ns, tc.owner); got != tc.want {
			t.Errorf("nearOwner(%q, %q) = %v, want %v", tc.ns, tc.owner, got, tc.want)
		}
	}
}

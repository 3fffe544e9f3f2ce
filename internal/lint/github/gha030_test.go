package github

import (
	"testing"

	wf "github.com/regdoctor/regdoctor/internal/workflow/github"
)

func TestTruthyInput(t *testing.T) {
	cases := []struct {
		expr string
		isIf bool
		want string // "" = not flagged
	}{
		{"${{ inputs.push && inputs.token != '' }}", false, "push"},
		{"${{ !inputs.dry-run }}", false, "dry-run"},
		{"${{ inputs.push == 'true' && inputs.token != '' }}", false, ""},
		{"${{ 'true' == inputs.push }}", false, ""},
		{"${{ fromJSON(inputs.push) }}", false, ""},
		{"${{ github.event_name == 'push' }}", false, ""},
		{"inputs.publish", true, "publish"},
		{"inputs.publish != 'false'", true, ""},
		{"true", false, ""},
	}
	for _, c := range cases {
		got, ok := truthyInput(wf.Value{Set: true, Str: c.expr}, c.isIf)
		if (c.want != "") != ok || got != c.want {
			t.Errorf("truthyInput(%q, %v) = %q, %v; want %q", c.expr, c.isIf, got, ok, c.want)
		}
	}
}

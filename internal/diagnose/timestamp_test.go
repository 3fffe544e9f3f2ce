package diagnose

import (
	"fmt"
	"reflect"
	"strings"
	"testing"
)

// TestTimestampDigitsChangeNothing: a line's meaning must not change with
// the time it was printed. Every test log and corpus log is given a GitHub
// Actions timestamp on each line twice, once with fractions that hold the
// prefilter's status-code keywords ("...05.4010403Z": 401 and 403;
// "...05.4040400Z": 404 and 400) and once with fractions that hold none, and
// explained both ways: the reports must be equal.
func TestTimestampDigitsChangeNothing(t *testing.T) {
	logs := testLogs(t)
	stamp := func(log string, fractions ...string) string {
		var b strings.Builder
		for i, l := range strings.Split(strings.TrimSuffix(log, "\n"), "\n") {
			fmt.Fprintf(&b, "2024-01-02T03:04:%02d.%sZ %s\n", i%60, fractions[i%len(fractions)], l)
		}
		return b.String()
	}
	found := 0
	for name, log := range logs {
		a, err := Explain(strings.NewReader(stamp(log, "4010403", "4040400")), Options{})
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		b, err := Explain(strings.NewReader(stamp(log, "1234567", "5678912")), Options{})
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if !reflect.DeepEqual(a, b) {
			t.Errorf("%s: the report changes with the timestamps' digits:\n%+v\n%+v", name, a.Findings, b.Findings)
		}
		found += len(a.Findings)
	}
	if found == 0 {
		t.Fatal("no finding on any log: the comparison saw nothing")
	}
}

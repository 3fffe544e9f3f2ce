package diagnose

import (
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/regdoctor/regdoctor/internal/logscan"
)

// TestObserveKeyless reads every line of the test logs (normalised, no
// prefilter) into two engines, one with the keyless shortcut of
// engine.apply and one without, and compares what they gathered.
func TestObserveKeyless(t *testing.T) {
	keywords()
	files, _ := filepath.Glob(filepath.Join("testdata", "logs", "*.log"))
	if len(files) == 0 {
		t.Fatal("no test logs")
	}
	defer func() { fullObserve = false }()
	keyless := 0
	for _, file := range files {
		var lines []logscan.Line
		fh, err := os.Open(file)
		if err != nil {
			t.Fatal(err)
		}
		err = logscan.Scan(fh, logscan.Options{}, func(l logscan.Line) error {
			lines = append(lines, l)
			return nil
		})
		fh.Close()
		if err != nil {
			t.Fatal(err)
		}
		run := func(full bool) *engine {
			fullObserve = full
			e := newEngine()
			for _, l := range lines {
				var in lineIn
				in.prepare(l, nil)
				if !full && !in.anyKey {
					keyless++
				}
				e.apply(&in)
			}
			// The current line's scratch (set anew by each apply) is not compared.
			e.f.text, e.f.low, e.f.lineRefMask, e.f.refGroups = "", "", refSet{}, [2]string{}
			return e
		}
		short, full := run(false), run(true)
		if !reflect.DeepEqual(short.f, full.f) {
			a, b := reflect.ValueOf(short.f).Elem(), reflect.ValueOf(full.f).Elem()
			for i := range a.NumField() {
				if fmt.Sprintf("%+v", a.Field(i)) != fmt.Sprintf("%+v", b.Field(i)) {
					t.Errorf("%s: facts.%s differs with the keyless shortcut: %+v, without: %+v", file, a.Type().Field(i).Name, a.Field(i), b.Field(i))
				}
			}
		}
		if len(short.hits) != len(full.hits) {
			t.Errorf("%s: %d hits with the keyless shortcut, %d without", file, len(short.hits), len(full.hits))
		}
	}
	if keyless == 0 {
		t.Error("no keyless line in the test logs: the shortcut is not exercised")
	}
}

// TestTrimASCII compares trimASCII with strings.Trim on references as logs
// quote them, Unicode and bytes that are not UTF-8 included.
func TestTrimASCII(t *testing.T) {
	const cut = "\"'[]<>(),;`"
	for _, s := range []string{"", "\"", "''", "\"ghcr.io/a/b:1\"", "[docker.io/library/alpine]", "(x),", "`a`;",
		"«ghcr.io/a»", "\"é\"", "\xff'x'\xff", "'\xc5'", "<>", "a", "  'a' ", "ghcr.io/a/b@sha256:00;"} {
		if got, want := trimASCII(s, &refTrim), strings.Trim(s, cut); got != want {
			t.Errorf("trimASCII(%q) = %q, strings.Trim gives %q", s, got, want)
		}
	}
}

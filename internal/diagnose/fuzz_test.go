package diagnose

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/regdoctor/regdoctor/internal/catalog"
)

// FuzzExplain checks that the diagnosis never panics and that every finding it
// returns is well formed, whatever the input: `go test -fuzz FuzzExplain
// ./internal/diagnose`. The seeds are our own test logs plus edge shapes.
// It runs without the keyword prefilter (internal/logscan's own tests cover
// it), so every fuzzed line reaches the signatures.
func FuzzExplain(f *testing.F) {
	files, _ := filepath.Glob(filepath.Join("testdata", "logs", "*.log"))
	for _, file := range files {
		if data, err := os.ReadFile(file); err == nil {
			f.Add(data)
		}
	}
	for _, s := range []string{"", "\n", "denied: ", "failed to push :", "The push refers to repository []",
		"https://", "https://:0/v2/", "scope=repository:::", "\x1f\x8b", "PK\x03\x04", "Login Succeeded\nno basic auth credentials",
		"invalid argument \"\" for \"-t, --tag\" flag: invalid reference format", "auths:{:{", "GITHUB_TOKEN Permissions\nPackages: write"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		rep, err := explain(bytes.NewReader(data), Options{}, nil)
		if err != nil {
			return // bad input is an error, never a panic
		}
		if len(rep.Findings) > DefaultMaxFindings {
			t.Fatalf("%d findings > default max", len(rep.Findings))
		}
		for _, fd := range rep.Findings {
			if _, ok := catalog.Get(fd.Cause); !ok {
				t.Fatalf("unknown cause %q", fd.Cause)
			}
			if fd.Confidence <= 0 || fd.Confidence > 1 {
				t.Fatalf("confidence %v out of range", fd.Confidence)
			}
			for _, ev := range fd.Evidence {
				if ev.Line < 0 {
					t.Fatalf("negative evidence line %d", ev.Line)
				}
			}
		}
	})
}

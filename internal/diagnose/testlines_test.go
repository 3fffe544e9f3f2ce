package diagnose

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/regdoctor/regdoctor/internal/testenv"
	"go.yaml.in/yaml/v4"
)

// testLogLines returns every line of the package's test logs
// (testdata/logs/*.log) and of the shared corpus's logs (the log: field of
// ../shared/corpus/logs/*.yaml, read in place; the test is skipped with a
// message when ../shared is absent).
func testLogLines(t *testing.T) []string {
	t.Helper()
	var lines []string
	files, _ := filepath.Glob(filepath.Join("testdata", "logs", "*.log"))
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		lines = append(lines, strings.Split(string(data), "\n")...)
	}
	corpus, _ := filepath.Glob(filepath.Join(testenv.SharedDir(t), "corpus", "logs", "*.yaml"))
	for _, f := range corpus {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		var cc corpusCase
		if err := yaml.Load(data, &cc); err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		lines = append(lines, strings.Split(cc.Log, "\n")...)
	}
	return lines
}

package diagnose

import (
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/regdoctor/regdoctor/internal/testenv"
)

// testLogs returns the package's test logs (testdata/logs/*.log) and the
// shared corpus's logs (the log: field of ../shared/corpus/logs/*.yaml, read
// in place; the test is skipped with a message when ../shared is absent),
// keyed by file path.
func testLogs(t *testing.T) map[string]string {
	t.Helper()
	logs := map[string]string{}
	files, _ := filepath.Glob(filepath.Join("testdata", "logs", "*.log"))
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		logs[f] = string(data)
	}
	corpus, _ := filepath.Glob(filepath.Join(testenv.SharedDir(t), "corpus", "logs", "*.yaml"))
	for _, f := range corpus {
		cc := readCorpusCase(t, f)
		logs[f] = cc.Log
	}
	return logs
}

// testLogLines returns every line of testLogs, the logs in file-path order.
func testLogLines(t *testing.T) []string {
	t.Helper()
	logs := testLogs(t)
	names := slices.Sorted(maps.Keys(logs))
	var lines []string
	for _, name := range names {
		lines = append(lines, strings.Split(logs[name], "\n")...)
	}
	return lines
}

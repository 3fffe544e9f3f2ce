// Package bench assembles large, realistic CI job logs from the real corpus
// (../shared/corpus/logs) for benchmarks of logscan and `regdoctor explain`.
// Nothing it writes is committed: logs go to temporary directories.
package bench

import (
	"bufio"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"go.yaml.in/yaml/v4"
)

// CorpusLog is the part of one corpus case the benchmarks use.
type CorpusLog struct {
	ID  string `yaml:"id"`
	Log string `yaml:"log"`
}

// LoadCorpus reads every *.yaml case in dir (../shared/corpus/logs) that has
// a non-empty log, in name order.
func LoadCorpus(dir string) ([]CorpusLog, error) {
	paths, err := filepath.Glob(filepath.Join(dir, "*.yaml"))
	if err != nil {
		return nil, err
	}
	sort.Strings(paths)
	var logs []CorpusLog
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			return nil, err
		}
		var c CorpusLog
		if err := yaml.Unmarshal(data, &c); err != nil {
			return nil, fmt.Errorf("%s: %w", p, err)
		}
		if strings.TrimSpace(c.Log) != "" {
			logs = append(logs, c)
		}
	}
	if len(logs) == 0 {
		return nil, fmt.Errorf("no corpus logs in %s", dir)
	}
	return logs, nil
}

// ReadKeywords reads a keyword file: one keyword a line, taken as is
// (leading and trailing spaces are part of it); empty lines and comment lines
// starting with "# " are skipped, so a keyword may start with '#' ("##[").
func ReadKeywords(path string) ([]string, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var kw []string
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		l := strings.TrimSuffix(sc.Text(), "\r")
		if l != "" && !strings.HasPrefix(l, "# ") && l != "#" {
			kw = append(kw, l)
		}
	}
	return kw, sc.Err()
}

// AssembleStats describes an assembled log.
type AssembleStats struct {
	Bytes       int64 // bytes written
	Lines       int64 // lines written
	CorpusLogs  int   // whole corpus logs embedded
	FillerLines int   // distinct filler lines available
}

// Assemble writes about size bytes of GitHub Actions-style job log to w:
// filler lines taken from the corpus logs themselves (the lines that match
// no keyword: build output, progress, commands), each with a runner
// timestamp, and every gap bytes one whole corpus log (cycling through all of
// them), so keyword hits are as rare as in a real long job. The output is
// deterministic for a seed.
func Assemble(w io.Writer, logs []CorpusLog, keywords []string, size, gap int64, seed uint64) (AssembleStats, error) {
	var st AssembleStats
	lowerKw := make([]string, len(keywords))
	for i, k := range keywords {
		lowerKw[i] = strings.ToLower(k)
	}
	var filler []string
	seen := map[string]bool{}
	for _, l := range logs {
		for _, line := range strings.Split(l.Log, "\n") {
			low := strings.ToLower(line)
			hit := strings.TrimSpace(line) == ""
			for _, k := range lowerKw {
				if strings.Contains(low, k) {
					hit = true
					break
				}
			}
			if !hit && !seen[line] {
				seen[line] = true
				filler = append(filler, line)
			}
		}
	}
	if len(filler) == 0 {
		return st, fmt.Errorf("no filler lines: every corpus line matches a keyword")
	}
	st.FillerLines = len(filler)
	rng := rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))
	bw := bufio.NewWriterSize(w, 1<<20)
	ts := time.Date(2024, 3, 5, 10, 0, 0, 0, time.UTC)
	var tsBuf []byte
	write := func(line string) error {
		ts = ts.Add(time.Duration(rng.IntN(2_000_000)) * time.Microsecond)
		tsBuf = ts.AppendFormat(tsBuf[:0], "2006-01-02T15:04:05.0000000Z ")
		bw.Write(tsBuf)
		bw.WriteString(line)
		if err := bw.WriteByte('\n'); err != nil {
			return err
		}
		st.Bytes += int64(len(tsBuf) + len(line) + 1)
		st.Lines++
		return nil
	}
	next := gap
	order := rng.Perm(len(logs))
	for st.Bytes < size {
		if st.Bytes >= next {
			l := logs[order[st.CorpusLogs%len(logs)]]
			for _, line := range strings.Split(strings.TrimRight(l.Log, "\n"), "\n") {
				if err := write(line); err != nil {
					return st, err
				}
			}
			st.CorpusLogs++
			next += gap
			continue
		}
		// A run of consecutive filler lines, as build output comes in blocks.
		start := rng.IntN(len(filler))
		for i := range 1 + rng.IntN(40) {
			if err := write(filler[(start+i)%len(filler)]); err != nil {
				return st, err
			}
		}
	}
	return st, bw.Flush()
}

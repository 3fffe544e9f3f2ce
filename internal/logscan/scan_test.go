package logscan

import (
	"archive/zip"
	"bufio"
	"bytes"
	"compress/gzip"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

func collect(t *testing.T, r io.Reader, o Options) ([]Line, Summary) {
	t.Helper()
	var got []Line
	sum, err := ScanSummary(r, o, func(l Line) error {
		got = append(got, l)
		return nil
	})
	if err != nil {
		t.Fatalf("ScanSummary: %v", err)
	}
	return got, sum
}

// naive is the obvious line-by-line scanner the chunked one must agree with
// for lines no longer than the window: a line is delivered when the text
// after its CI prefixes (textStart) holds a keyword.
func naive(log string, keywords []string) []Line {
	var out []Line
	sc := bufio.NewScanner(strings.NewReader(log))
	sc.Buffer(nil, 1<<30)
	n := 0
	for sc.Scan() {
		n++
		raw := sc.Text()
		hit := len(keywords) == 0
		for _, k := range keywords {
			if strings.Contains(strings.ToLower(raw[textStart(raw):]), strings.ToLower(k)) {
				hit = true
			}
		}
		if hit {
			out = append(out, Line{N: n, Text: Normalize(raw)})
		}
	}
	return out
}

func TestScanPlainKeywords(t *testing.T) {
	log := "2024-03-05T10:11:12.1234567Z ##[group]Run docker push\n" +
		"2024-03-05T10:11:12.1234567Z The push refers to repository [ghcr.io/acme/app]\n" +
		"2024-03-05T10:11:13.1234567Z \x1b[31mDENIED\x1b[0m: permission_denied: write_package\n" +
		"2024-03-05T10:11:13.1234567Z ##[error]Process completed with exit code 1.\n"
	got, sum := collect(t, strings.NewReader(log), Options{Keywords: []string{"denied", "exit code"}})
	want := []Line{
		{N: 3, Text: "DENIED: permission_denied: write_package", Platform: GitHubActions},
		{N: 4, Text: "Process completed with exit code 1.", Platform: GitHubActions, Level: "error"},
	}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Fatalf("got %+v\nwant %+v", got, want)
	}
	if sum.Format != "text" || sum.Lines != 4 || sum.Delivered != 2 || sum.Platform != GitHubActions || sum.Bytes != int64(len(log)) {
		t.Errorf("summary %+v", sum)
	}
}

// A GitHub Actions annotation marker's level is kept on the line (Line.Level):
// a warning does not fail a step, an error does.
func TestScanAnnotationLevel(t *testing.T) {
	log := "2021-06-29T10:52:22.9660083Z ##[group]BuildKit version\n" +
		"2021-06-29T10:52:23.0610726Z ##[warning]docker: invalid reference format.\n" +
		"##[notice]cache hit\n" +
		"##[debug]Evaluating condition\n" +
		"2021-06-29T10:52:24.1Z ##[error]Process completed with exit code 1.\n" +
		"##[command]/usr/bin/docker push acme/app\n" +
		"##[endgroup]\n" +
		"plain line\n"
	got, _ := collect(t, strings.NewReader(log), Options{})
	want := []string{"", "warning", "notice", "debug", "error", "", "", ""}
	if len(got) != len(want) {
		t.Fatalf("got %d lines, want %d: %+v", len(got), len(want), got)
	}
	for i, l := range got {
		if l.Level != want[i] {
			t.Errorf("line %d %q: Level %q, want %q", l.N, l.Text, l.Level, want[i])
		}
	}
	if got[1].Text != "docker: invalid reference format." {
		t.Errorf("warning text %q", got[1].Text)
	}
}

func TestScanEveryLineAndCRLF(t *testing.T) {
	log := "first\r\nsecond \x1b[1mbold\x1b[0m\r\n\r\nlast without newline"
	got, sum := collect(t, strings.NewReader(log), Options{})
	want := []Line{{N: 1, Text: "first"}, {N: 2, Text: "second bold"}, {N: 3, Text: ""}, {N: 4, Text: "last without newline"}}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Fatalf("got %+v\nwant %+v", got, want)
	}
	if sum.Lines != 4 {
		t.Errorf("Lines = %d, want 4", sum.Lines)
	}
	// CRLF with keywords: the keyword line is found and the CR is gone.
	got, _ = collect(t, strings.NewReader("a\r\nb unauthorized\r\nc\r\n"), Options{Keywords: []string{"UNAUTHORIZED"}})
	if len(got) != 1 || got[0].N != 2 || got[0].Text != "b unauthorized" {
		t.Errorf("CRLF keyword scan: %+v", got)
	}
}

func TestScanEmpty(t *testing.T) {
	for _, o := range []Options{{}, {Keywords: []string{"x"}}} {
		got, sum := collect(t, strings.NewReader(""), o)
		if len(got) != 0 || sum.Lines != 0 {
			t.Errorf("empty input: %+v %+v", got, sum)
		}
	}
}

func TestScanInvalidUTF8(t *testing.T) {
	got, _ := collect(t, strings.NewReader("ok\nerror \xc3\x28 here\n"), Options{Keywords: []string{"error"}})
	if len(got) != 1 || got[0].Text != "error \uFFFD( here" {
		t.Errorf("got %+v", got)
	}
}

func TestScanBinary(t *testing.T) {
	png := "\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10"
	elf := "\x7fELF\x02\x01\x01\x00\x00\x00\x00\x00\x00\x00\x00\x00\x02\x00>\x00"
	for name, in := range map[string]string{"png": png, "elf": elf, "nul later": strings.Repeat("text\n", 100) + "\x00"} {
		err := Scan(strings.NewReader(in), Options{}, func(Line) error { return nil })
		if !errors.Is(err, ErrBinary) {
			t.Errorf("%s: err = %v, want ErrBinary", name, err)
		}
		if err != nil && strings.Contains(err.Error(), "\n") {
			t.Errorf("%s: error message is not one line: %q", name, err)
		}
	}
	// A NUL after the sniffed head is not a reason to refuse a text log.
	in := strings.Repeat("x", binarySniff) + "\n\x00 denied\n"
	got, _ := collect(t, strings.NewReader(in), Options{Keywords: []string{"denied"}})
	if len(got) != 1 || got[0].N != 2 {
		t.Errorf("late NUL: %+v", got)
	}
}

func TestScanCallbackError(t *testing.T) {
	stop := errors.New("stop")
	calls := 0
	err := Scan(strings.NewReader("a\nb\nc\n"), Options{}, func(Line) error {
		calls++
		if calls == 2 {
			return stop
		}
		return nil
	})
	if err != stop || calls != 2 {
		t.Errorf("err=%v calls=%d", err, calls)
	}
}

func TestScanMaxLineCapped(t *testing.T) {
	// A huge MaxLineBytes must not size a huge buffer: it is capped at 1 MiB.
	long := strings.Repeat("x", 3<<20) + " denied\n"
	got, _ := collect(t, strings.NewReader(long), Options{Keywords: []string{"denied"}, MaxLineBytes: 1 << 40})
	if len(got) != 1 || !got[0].Truncated || len(got[0].Text) != MaxMaxLineBytes {
		t.Errorf("got %d lines, text %d bytes", len(got), len(got[0].Text))
	}
}

func TestScanBadKeyword(t *testing.T) {
	if err := Scan(strings.NewReader("x"), Options{Keywords: []string{""}}, func(Line) error { return nil }); err == nil {
		t.Error("empty keyword accepted")
	}
}

// genLog builds a random log: short and long lines, CRLF, keywords at random
// places including line starts and ends, GitHub timestamps.
func genLog(rng *rand.Rand, lines, maxLen int, keywords []string) string {
	const alpha = "abcdefghijklmnopqrstuvwxyz ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789:/._-"
	var b strings.Builder
	for i := 0; i < lines; i++ {
		switch rng.IntN(6) {
		case 0, 1:
			// Any digits: the fraction may hold a keyword ("...12.4010000Z").
			fmt.Fprintf(&b, "2024-03-05T10:11:12.%07dZ ", rng.IntN(10_000_000))
		case 2:
			fmt.Fprintf(&b, "2024-03-05T10:11:12.%06dZ 00O ", rng.IntN(1_000_000)) // GitLab runner
		case 3:
			b.WriteString("2024-03-05T10:11:12.4011234Z ##[group]")
		}
		n := rng.IntN(maxLen)
		if rng.IntN(40) == 0 {
			n = 0
		}
		kwAt := -1
		if rng.IntN(5) == 0 {
			kwAt = rng.IntN(n + 1)
		}
		for j := 0; j <= n; j++ {
			if j == kwAt {
				k := keywords[rng.IntN(len(keywords))]
				if rng.IntN(2) == 0 {
					k = strings.ToUpper(k)
				}
				b.WriteString(k)
			}
			if j < n {
				b.WriteByte(alpha[rng.IntN(len(alpha))])
			}
		}
		if rng.IntN(4) == 0 {
			b.WriteByte('\r')
		}
		b.WriteByte('\n')
	}
	if rng.IntN(2) == 0 {
		b.WriteString("tail denied without newline")
	}
	return b.String()
}

// TestScanChunkBoundaries compares the chunked scanner with the line-by-line
// one over random logs and tiny chunks, so keywords, newlines and CRs land on
// every chunk boundary.
func TestScanChunkBoundaries(t *testing.T) {
	keywords := []string{"denied", "unauthorized", "401", "x509: certificate", "toomanyrequests"}
	rng := rand.New(rand.NewPCG(1, 2))
	for iter := 0; iter < 40; iter++ {
		log := genLog(rng, 300, 120, append(keywords, "deni", "unauth")) // near-misses too
		want := naive(log, keywords)
		for _, chunk := range []int{1, 7, 64, 333, 4096} {
			// Lines are shorter than the 200-byte window, which keeps the
			// buffer small (about 2 windows): many chunk boundaries per log.
			o := Options{Keywords: keywords, MaxLineBytes: 200, chunkSize: chunk}
			got, sum := collect(t, strings.NewReader(log), o)
			for i := range got {
				got[i].Platform = ""
			}
			if d := firstDiff(got, want); d != "" {
				t.Fatalf("iter %d chunk %d: %s", iter, chunk, d)
			}
			if wantLines := strings.Count(log, "\n") + btoi(!strings.HasSuffix(log, "\n")); sum.Lines != wantLines {
				t.Fatalf("iter %d chunk %d: Lines %d, want %d", iter, chunk, sum.Lines, wantLines)
			}
		}
		// Every line, small chunks.
		wantAll := naive(log, nil)
		gotAll, _ := collect(t, strings.NewReader(log), Options{MaxLineBytes: 200, chunkSize: 5})
		for i := range gotAll {
			gotAll[i].Platform = ""
		}
		if d := firstDiff(gotAll, wantAll); d != "" {
			t.Fatalf("iter %d: every line: %s", iter, d)
		}
	}
}

func firstDiff(got, want []Line) string {
	for i := range min(len(got), len(want)) {
		if got[i] != want[i] {
			return fmt.Sprintf("line %d: got %+v, want %+v", i, got[i], want[i])
		}
	}
	if len(got) != len(want) {
		return fmt.Sprintf("got %d lines, want %d", len(got), len(want))
	}
	return ""
}

func btoi(b bool) int {
	if b {
		return 1
	}
	return 0
}

// oneByteReader returns one byte per Read, the worst case for a streaming
// reader.
type oneByteReader struct{ r io.Reader }

func (o oneByteReader) Read(p []byte) (int, error) {
	if len(p) == 0 {
		return 0, nil
	}
	return o.r.Read(p[:1])
}

func TestScanLongLinesWindow(t *testing.T) {
	const window = 64
	long := strings.Repeat("a", 1000) + " DENIED by policy " + strings.Repeat("b", 1000)
	log := "short denied\n" + long + "\n" + strings.Repeat("c", 5000) + "\nafter denied\n" + strings.Repeat("d", 3000) + " denied"
	for _, chunk := range []int{1, 100, 1 << 20} {
		for name, r := range map[string]io.Reader{"reader": strings.NewReader(log), "one byte": oneByteReader{strings.NewReader(log)}} {
			got, _ := collect(t, r, Options{Keywords: []string{"denied"}, MaxLineBytes: window, chunkSize: chunk})
			if len(got) != 4 {
				t.Fatalf("chunk %d %s: %d lines: %+v", chunk, name, len(got), got)
			}
			wantN := []int{1, 2, 4, 5}
			for i, l := range got {
				if l.N != wantN[i] {
					t.Errorf("chunk %d %s: line %d N=%d want %d", chunk, name, i, l.N, wantN[i])
				}
				if !strings.Contains(strings.ToLower(l.Text), "denied") {
					t.Errorf("chunk %d %s: window lost the keyword: %q", chunk, name, l.Text)
				}
				if len(l.Text) > window {
					t.Errorf("chunk %d %s: window %d bytes > %d", chunk, name, len(l.Text), window)
				}
			}
			if got[0].Truncated || !got[1].Truncated || got[2].Truncated || !got[3].Truncated {
				t.Errorf("chunk %d %s: Truncated flags %v %v %v %v", chunk, name, got[0].Truncated, got[1].Truncated, got[2].Truncated, got[3].Truncated)
			}
			if len(got[1].Text) != window {
				t.Errorf("chunk %d %s: long line window is %d bytes, want %d", chunk, name, len(got[1].Text), window)
			}
		}
	}
	// Without keywords a long line is delivered as its head.
	got, _ := collect(t, strings.NewReader(long+"\nnext\n"), Options{MaxLineBytes: window, chunkSize: 10})
	if len(got) != 2 || !got[0].Truncated || got[0].Text != strings.Repeat("a", window) || got[1].N != 2 || got[1].Text != "next" {
		t.Errorf("every-line long: %+v", got)
	}
}

// repeatReader yields size bytes: block repeated, with a hook to place a
// needle in the middle, generated on the fly (nothing on disk or in memory).
type repeatReader struct {
	block       []byte
	size, off   int64
	needle      []byte
	needleAt    int64
	needleWrote bool
}

func (r *repeatReader) Read(p []byte) (int, error) {
	if r.off >= r.size {
		return 0, io.EOF
	}
	n := 0
	for n < len(p) && r.off < r.size {
		if !r.needleWrote && r.needle != nil && r.off >= r.needleAt {
			k := copy(p[n:], r.needle)
			if k < len(r.needle) {
				r.needle = r.needle[k:]
			} else {
				r.needleWrote = true
			}
			n += k
			r.off += int64(k)
			continue
		}
		i := int(r.off % int64(len(r.block)))
		lim := len(r.block) - i
		if rem := r.size - r.off; int64(lim) > rem {
			lim = int(rem)
		}
		if r.needle != nil && !r.needleWrote && r.off+int64(lim) > r.needleAt {
			lim = int(r.needleAt - r.off)
		}
		k := copy(p[n:], r.block[i:i+lim])
		n += k
		r.off += int64(k)
	}
	return n, nil
}

func TestScanHugeLineMemoryFlat(t *testing.T) {
	// One 50 MB line with the keyword in the middle.
	r := &repeatReader{block: []byte("0123456789abcdef"), size: 50 << 20, needle: []byte(" unauthorized: authentication required "), needleAt: 25 << 20}
	var ms0, ms1 runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&ms0)
	got, sum := collect(t, r, Options{Keywords: []string{"unauthorized"}})
	runtime.ReadMemStats(&ms1)
	if len(got) != 1 || got[0].N != 1 || !got[0].Truncated || len(got[0].Text) > DefaultMaxLineBytes ||
		!strings.Contains(got[0].Text, "unauthorized: authentication required") {
		t.Fatalf("got %d lines: %.300v", len(got), got)
	}
	if alloc := ms1.TotalAlloc - ms0.TotalAlloc; alloc > 8<<20 {
		t.Errorf("scanning a 50 MB line allocated %d bytes; the line was buffered", alloc)
	}
	if sum.Lines != 1 || sum.Bytes != 50<<20 {
		t.Errorf("summary %+v", sum)
	}
}

func TestScan2GBStream(t *testing.T) {
	if testing.Short() {
		t.Skip("streams 2 GB; skipped with -short")
	}
	block := []byte("2024-03-05T10:11:12.1234567Z #12 pushing layer sha256:0123456789abcdef 12.3MB / 45.6MB\n")
	size := int64(2<<30) / int64(len(block)) * int64(len(block))
	needle := []byte("2024-03-05T10:11:12.1234567Z denied: requested access to the resource is denied\n")
	r := &repeatReader{block: block, size: size, needle: needle, needleAt: size / 2 / int64(len(block)) * int64(len(block))}
	got, sum := collect(t, r, Options{Keywords: []string{"denied", "unauthorized"}})
	wantN := int(r.needleAt/int64(len(block))) + 1
	if len(got) != 1 || got[0].N != wantN || got[0].Text != "denied: requested access to the resource is denied" {
		t.Fatalf("got %+v, want line %d", got, wantN)
	}
	if sum.Lines != int(size/int64(len(block)))+1 {
		t.Errorf("Lines = %d", sum.Lines)
	}
}

func gz(t *testing.T, s string) []byte {
	t.Helper()
	var b bytes.Buffer
	w := gzip.NewWriter(&b)
	w.Write([]byte(s))
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func TestScanGzip(t *testing.T) {
	log := "line one\nError: unauthorized\n"
	got, sum := collect(t, bytes.NewReader(gz(t, log)), Options{Keywords: []string{"unauthorized"}})
	if len(got) != 1 || got[0].N != 2 || got[0].Text != "Error: unauthorized" || sum.Format != "gzip" {
		t.Errorf("got %+v %+v", got, sum)
	}
	// Truncated: a clear error naming gzip and the truncation.
	full := gz(t, strings.Repeat("some log text denied\n", 2000))
	err := Scan(bytes.NewReader(full[:len(full)/2]), Options{Keywords: []string{"denied"}}, func(Line) error { return nil })
	if err == nil || !strings.Contains(err.Error(), "gzip") || !strings.Contains(err.Error(), "truncated") {
		t.Errorf("truncated gzip: err = %v", err)
	}
	// Binary inside gzip.
	err = Scan(bytes.NewReader(gz(t, "\x7fELF\x02\x01\x01\x00\x00")), Options{}, func(Line) error { return nil })
	if !errors.Is(err, ErrBinary) {
		t.Errorf("gzip of binary: %v", err)
	}
}

// ghArchive builds a zip shaped like GitHub Actions' "Download log archive":
// a top-level file per job and a folder per job with one file per step.
func ghArchive(t *testing.T) []byte {
	t.Helper()
	var b bytes.Buffer
	w := zip.NewWriter(&b)
	add := func(name, body string) {
		f, err := w.Create(name)
		if err != nil {
			t.Fatal(err)
		}
		f.Write([]byte(body))
	}
	step1 := "\uFEFF2024-03-05T10:11:12.1234567Z ##[group]Run actions/checkout@v4\n2024-03-05T10:11:12.2234567Z ##[endgroup]\n"
	step2 := "\uFEFF2024-03-05T10:11:13.1234567Z ##[group]Run docker/login-action@v3\n2024-03-05T10:11:14.1234567Z ##[error]Error response from daemon: denied: denied\n"
	step10 := "\uFEFF2024-03-05T10:11:20.1234567Z Cleaning up orphan processes\n2024-03-05T10:11:20.2234567Z denied again\n"
	add("1_build.txt", step1+step2+step10) // the job log repeats its steps
	add("build/10_Complete job.txt", step10)
	add("build/1_Set up job.txt", step1)
	add("build/2_Log in to GHCR.txt", step2)
	add("0_lint.txt", "\uFEFF2024-03-05T10:11:12.1234567Z lint ok, nothing denied\n") // a job without step files
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func TestScanZipArchive(t *testing.T) {
	data := ghArchive(t)
	want := []Line{
		{N: 1, File: "0_lint.txt", Text: "lint ok, nothing denied", Platform: GitHubActions},
		{N: 2, File: "build/2_Log in to GHCR.txt", Text: "Error response from daemon: denied: denied", Platform: GitHubActions, Level: "error"},
		{N: 2, File: "build/10_Complete job.txt", Text: "denied again", Platform: GitHubActions},
	}
	dir := t.TempDir()
	path := filepath.Join(dir, "logs_42.bin") // detected by magic, not name
	if err := os.WriteFile(path, data, 0o600); err != nil {
		t.Fatal(err)
	}
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	tmpBefore, _ := filepath.Glob(filepath.Join(os.TempDir(), "regdoctor-logs-*.zip"))
	for name, r := range map[string]io.Reader{
		"os.File":            f,
		"bytes.Reader":       bytes.NewReader(data),
		"stream (spooled)":   io.MultiReader(bytes.NewReader(data)),
		"one byte (spooled)": oneByteReader{bytes.NewReader(data)},
	} {
		got, sum := collect(t, r, Options{Keywords: []string{"denied"}})
		if fmt.Sprint(got) != fmt.Sprint(want) {
			t.Errorf("%s:\n got  %+v\n want %+v", name, got, want)
		}
		wantFiles := []string{"0_lint.txt", "build/1_Set up job.txt", "build/2_Log in to GHCR.txt", "build/10_Complete job.txt"}
		if sum.Format != "zip" || fmt.Sprint(sum.Files) != fmt.Sprint(wantFiles) || sum.Platform != GitHubActions || sum.Lines != 7 {
			t.Errorf("%s: summary %+v", name, sum)
		}
	}
	tmpAfter, _ := filepath.Glob(filepath.Join(os.TempDir(), "regdoctor-logs-*.zip"))
	if len(tmpAfter) > len(tmpBefore) {
		t.Errorf("spool files left behind: %v", tmpAfter)
	}
}

func TestScanZipTruncated(t *testing.T) {
	data := ghArchive(t)
	for _, cut := range []int{len(data) / 2, len(data) - 10} {
		err := Scan(bytes.NewReader(data[:cut]), Options{}, func(Line) error { return nil })
		if err == nil || !strings.Contains(err.Error(), "zip") || !strings.Contains(err.Error(), "truncated") {
			t.Errorf("cut at %d: err = %v", cut, err)
		}
		if err != nil && strings.Contains(err.Error(), "\n") {
			t.Errorf("multi-line error %q", err)
		}
	}
}

func TestScanZipBinaryEntry(t *testing.T) {
	var b bytes.Buffer
	w := zip.NewWriter(&b)
	f, _ := w.Create("1_build.txt")
	f.Write([]byte("ok\n"))
	f, _ = w.Create("screenshot.png")
	f.Write([]byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"))
	w.Close()
	err := Scan(bytes.NewReader(b.Bytes()), Options{}, func(Line) error { return nil })
	if !errors.Is(err, ErrBinary) || !strings.Contains(err.Error(), "screenshot.png") {
		t.Errorf("err = %v", err)
	}
}

func TestSummaryPlatform(t *testing.T) {
	// Shared GitHub/Azure forms only: a weak guess.
	_, sum := collect(t, strings.NewReader("2024-03-05T10:11:12.1234567Z ##[error]failed\n2024-03-05T10:11:12.1234567Z ok\n"), Options{})
	if sum.Platform != GitHubActions || sum.PlatformSure {
		t.Errorf("shared forms: Platform %q sure %v", sum.Platform, sum.PlatformSure)
	}
	// Every case below has a marker of its own platform: sure.
	cases := map[string]string{
		GitHubActions:  "2024-03-05T10:11:12.1234567Z ##[group]Run x\n2024-03-05T10:11:12.1234567Z ok\n",
		AzurePipelines: "2024-03-05T10:11:12.1234567Z ##[section]Starting: Initialize job\n2024-03-05T10:11:12.1234567Z ok\n2024-03-05T10:11:12.1234567Z ok\n",
		GitLabCI:       "Running with gitlab-runner 16.11.0\n\x1b[0Ksection_start:1700000000:prepare\r\x1b[0KPreparing\nok\n",
		Jenkins:        "Started by user admin\n[Pipeline] Start of Pipeline\n[Pipeline] node\n",
		CircleCI:       "#!/bin/bash -eo pipefail\ndocker push x\n",
		Bitbucket:      "+ umask 000\n+ docker push x\n",
		CodeBuild:      "[Container] 2024/01/01 00:00:00.123 Entering phase BUILD\n",
		CloudBuild:     "Starting Step #0\nStep #0: Already have image\n",
		Tekton:         "[build : build-and-push] INFO[0000] Resolved\n[build : build-and-push] ok\n",
		"":             "just text\nno prefixes\n",
	}
	for want, log := range cases {
		// No keyword matches: the platform comes from the sampled head.
		_, sum := collect(t, strings.NewReader(log), Options{Keywords: []string{"zzz-no-match"}})
		if sum.Platform != want || sum.PlatformSure != (want != "") {
			t.Errorf("%q: Platform = %q sure %v (%v), want %q", log, sum.Platform, sum.PlatformSure, sum.Platforms, want)
		}
	}
}

// TestScanKeywordInTimestamp: a keyword only in a line's CI timestamp does
// not deliver it, short or long (a window), across chunk boundaries; one in
// its text does, and a long line's window holds that one.
func TestScanKeywordInTimestamp(t *testing.T) {
	const window = 64
	long := strings.Repeat("x", 3000)
	log := "2024-01-02T03:04:05.4010000Z step output\n" + // 401 only in the fraction
		"2024-01-02T03:04:05.4010000Z HTTP 401 Unauthorized\n" +
		"2024-01-02T03:04:05.4010000Z " + long + "\n" + // long, 401 only in the fraction
		"2024-01-02T03:04:05.4010000Z " + long + " 401 " + long + "\n" +
		"2024-01-02T03:04:05.1234567Z 00O \n" +
		"2024-01-02T03:04:05.4010000Z"
	for _, chunk := range []int{1, 13, 100, 1 << 20} {
		got, sum := collect(t, strings.NewReader(log), Options{Keywords: []string{"401"}, MaxLineBytes: window, chunkSize: chunk})
		if len(got) != 2 || got[0].N != 2 || got[0].Text != "HTTP 401 Unauthorized" || got[1].N != 4 ||
			!got[1].Truncated || !strings.Contains(got[1].Text, " 401 ") {
			t.Fatalf("chunk %d: delivered %+v", chunk, got)
		}
		if sum.Delivered != 2 || sum.Lines != 6 {
			t.Errorf("chunk %d: Delivered %d Lines %d", chunk, sum.Delivered, sum.Lines)
		}
	}
}

// TestScanKeywordsAroundTimestamps compares the scanner with the
// line-by-line one where keywords lie wholly in a line's leading timestamp,
// span its end or the space after it, or begin right after it: lineEnds
// walks such a line on from the timestamp's end (stampRestart) instead of
// reporting the match, which must deliver the same lines.
func TestScanKeywordsAroundTimestamps(t *testing.T) {
	keywords := []string{"401", "2024-03", ":11:", "z ", "0z a", "4z ##[", " 00o", "denied", "##[group]x", "12.4"}
	rng := rand.New(rand.NewPCG(5, 6))
	for iter := 0; iter < 40; iter++ {
		log := genLog(rng, 300, 150, keywords)
		switch iter % 3 {
		case 1: // no line starts with a timestamp: they are all inside lines
			log = "x " + strings.ReplaceAll(log, "\n", "\nx ")
		case 2: // each line twice, the second time after its own start
			lines := strings.Split(log, "\n")
			for i, l := range lines {
				lines[i] = l + " " + l
			}
			log = strings.Join(lines, "\n")
		}
		want := naive(log, keywords)
		for _, chunk := range []int{1, 7, 64, 333, 4096, 1 << 20} {
			for _, window := range []int{40, 200} {
				got, _ := collect(t, strings.NewReader(log), Options{Keywords: keywords, MaxLineBytes: window, chunkSize: chunk})
				if len(got) != len(want) {
					t.Fatalf("iter %d chunk %d window %d: %d lines, want %d", iter, chunk, window, len(got), len(want))
				}
				for i := range got {
					if got[i].N != want[i].N || !got[i].Truncated && got[i].Text != want[i].Text {
						t.Fatalf("iter %d chunk %d window %d: line %d: got %+v, want %+v", iter, chunk, window, i, got[i], want[i])
					}
				}
			}
		}
	}
}

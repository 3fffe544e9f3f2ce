package cli

import (
	"bytes"
	"encoding/binary"
	"encoding/json"
	"errors"
	"io"
	"net"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf16"

	"github.com/regdoctor/regdoctor/internal/lint"
)

// A docker push to a bare name, as a runner prints it (our own lines).
const bareNamePushLog = "Run docker push webshop:2.1\n" +
	"The push refers to repository [docker.io/library/webshop]\n" +
	"5f70bf18a086: Preparing\n" +
	"denied: requested access to the resource is denied\n" +
	"Error: Process completed with exit code 1.\n"

func encodeUTF16(s string, order binary.ByteOrder) []byte {
	var b bytes.Buffer
	for _, u := range append([]uint16{0xFEFF}, utf16.Encode([]rune(s))...) {
		_ = binary.Write(&b, order, u)
	}
	return b.Bytes()
}

type explainJSON struct {
	Findings []struct {
		Cause    string `json:"cause"`
		Evidence []struct {
			Line int    `json:"line"`
			Text string `json:"text"`
		} `json:"evidence"`
	} `json:"findings"`
}

func explainFile(t *testing.T, path string) explainJSON {
	t.Helper()
	var out, errb bytes.Buffer
	if code := Main([]string{"explain", "--format", "json", path}, &out, &errb); code != ExitFindings {
		t.Fatalf("explain %s: exit %d, want %d; stderr %q", filepath.Base(path), code, ExitFindings, errb.String())
	}
	var v explainJSON
	if err := json.Unmarshal(out.Bytes(), &v); err != nil || len(v.Findings) == 0 {
		t.Fatalf("explain %s: %v\n%s", filepath.Base(path), err, out.String())
	}
	return v
}

// TestExplainUTF16 checks that a log saved as UTF-16 with a byte order mark
// (Windows PowerShell 5.1's '>' and Out-File) is explained like the same log
// in UTF-8, instead of being refused as binary.
func TestExplainUTF16(t *testing.T) {
	dir := t.TempDir()
	plain := filepath.Join(dir, "utf8.log")
	if err := os.WriteFile(plain, []byte(bareNamePushLog), 0o644); err != nil {
		t.Fatal(err)
	}
	want := explainFile(t, plain)
	for name, order := range map[string]binary.ByteOrder{"utf16le": binary.LittleEndian, "utf16be": binary.BigEndian} {
		t.Run(name, func(t *testing.T) {
			p := filepath.Join(dir, name+".log")
			if err := os.WriteFile(p, encodeUTF16(bareNamePushLog, order), 0o644); err != nil {
				t.Fatal(err)
			}
			got := explainFile(t, p)
			if got.Findings[0].Cause != want.Findings[0].Cause {
				t.Fatalf("cause %q, want %q as for UTF-8", got.Findings[0].Cause, want.Findings[0].Cause)
			}
			ge, we := got.Findings[0].Evidence, want.Findings[0].Evidence
			if len(ge) != len(we) || len(ge) == 0 || ge[0] != we[0] {
				t.Fatalf("evidence %+v, want %+v", ge, we)
			}
		})
	}
}

func TestDecodeUTF16(t *testing.T) {
	for name, in := range map[string][]byte{
		"le":    encodeUTF16("denied: x\n", binary.LittleEndian),
		"be":    encodeUTF16("denied: x\n", binary.BigEndian),
		"utf8":  []byte("denied: x\n"),
		"short": []byte("d"),
		"empty": nil,
	} {
		got, err := io.ReadAll(decodeUTF16(bytes.NewReader(in)))
		want := "denied: x\n"
		if name == "short" {
			want = "d"
		} else if name == "empty" {
			want = ""
		}
		if err != nil || string(got) != want {
			t.Errorf("%s: got %q, %v; want %q", name, got, err, want)
		}
	}
	// A regular file without a BOM is passed on as the *os.File itself, so a
	// zip archive is still read in place (ReadAt) rather than spooled.
	p := filepath.Join(t.TempDir(), "a.log")
	if err := os.WriteFile(p, []byte("PK\x03\x04"), 0o644); err != nil {
		t.Fatal(err)
	}
	f, err := os.Open(p)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if r := decodeUTF16(f); r != io.Reader(f) {
		t.Fatalf("decodeUTF16(regular file) = %T, want the *os.File", r)
	}
}

type failingWriter struct{}

func (failingWriter) Write([]byte) (int, error) { return 0, errors.New("no space left on device") }

// TestListRulesWriteError: a failed write of the rule list is an I/O error
// (exit 3), not a silent success.
func TestListRulesWriteError(t *testing.T) {
	for _, format := range []string{"text", "json"} {
		var errb bytes.Buffer
		code := Main([]string{"lint", "--list-rules", "--format", format}, failingWriter{}, &errb)
		if code != ExitError || !strings.Contains(errb.String(), "no space left on device") {
			t.Errorf("%s: exit %d, stderr %q; want exit %d naming the write error", format, code, errb.String(), ExitError)
		}
	}
}

// TestListRulesJSON: the JSON list holds every registered rule with its cause.
func TestListRulesJSON(t *testing.T) {
	var out, errb bytes.Buffer
	if code := Main([]string{"lint", "--list-rules", "--format", "json"}, &out, &errb); code != ExitClean {
		t.Fatalf("exit %d, stderr %q", code, errb.String())
	}
	var rules []ruleJSON
	if err := json.Unmarshal(out.Bytes(), &rules); err != nil {
		t.Fatal(err)
	}
	if want := len(lint.Rules()); len(rules) != want || want == 0 {
		t.Fatalf("%d rules in JSON, %d registered", len(rules), want)
	}
	for _, r := range rules {
		if r.ID == "" || r.Cause == "" || r.Severity == "" || r.Doc != "docs/rules/"+r.ID+".md" {
			t.Errorf("incomplete rule %+v", r)
		}
	}
}

// TestProbeTimeoutIsNoVerdict: when the whole-probe --timeout runs out
// (here against a real TCP listener that accepts and never answers), the
// failed step was only cut short, so the probe has no verdict: exit 3 with a
// message naming --timeout, not exit 1 "cannot push".
func TestProbeTimeoutIsNoVerdict(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	go func() {
		var held []net.Conn
		defer func() {
			for _, c := range held {
				c.Close()
			}
		}()
		for {
			c, err := ln.Accept() // fails once ln is closed
			if err != nil {
				return
			}
			held = append(held, c) // hold it open, say nothing
		}
	}()
	t.Setenv("DOCKER_CONFIG", t.TempDir())
	code, out, stderr := runProbe(t, "", "--timeout", "500ms", "--step-timeout", "10s", ln.Addr().String()+"/team/app:1")
	if code != ExitError {
		t.Fatalf("exit %d, want %d\nstdout:\n%s\nstderr: %s", code, ExitError, out, stderr)
	}
	if !strings.Contains(stderr, "--timeout 500ms ran out") {
		t.Fatalf("stderr %q does not name the --timeout that ran out", stderr)
	}
}

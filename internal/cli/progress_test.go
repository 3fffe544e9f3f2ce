package cli

import (
	"bytes"
	"io"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"
)

// syncBuffer is a bytes.Buffer safe for the progress goroutine and the test.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

func writeTemp(t *testing.T, data []byte) *os.File {
	t.Helper()
	p := filepath.Join(t.TempDir(), "job.log")
	if err := os.WriteFile(p, data, 0o644); err != nil {
		t.Fatal(err)
	}
	f, err := os.Open(p)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { f.Close() })
	return f
}

// The bar follows the file's read offset and is erased by stop.
func TestShowProgressFollowsOffset(t *testing.T) {
	const size = 1 << 20
	f := writeTemp(t, bytes.Repeat([]byte("x\n"), size/2))
	if _, err := io.CopyN(io.Discard, f, size/2); err != nil {
		t.Fatal(err)
	}
	var out syncBuffer
	stop := showProgress(&out, f, "job.log", size, 0, time.Millisecond)
	deadline := time.Now().Add(10 * time.Second)
	for !strings.Contains(out.String(), "50%") {
		if time.Now().After(deadline) {
			t.Fatalf("no 50%% after reading half the file; output %q", out.String())
		}
		time.Sleep(5 * time.Millisecond)
	}
	if !strings.Contains(out.String(), "reading job.log") {
		t.Errorf("the bar does not name the log: %q", out.String())
	}
	stop()
	stop() // a second stop is harmless
	shown := out.String()
	if !strings.HasSuffix(strings.TrimRight(shown, " "), "\r") {
		t.Errorf("stop did not erase the bar (want the output to end in a carriage return and blanks): %q", shown[max(0, len(shown)-80):])
	}
}

// A run shorter than the delay shows nothing.
func TestShowProgressQuietBeforeDelay(t *testing.T) {
	f := writeTemp(t, []byte("a line\n"))
	var out syncBuffer
	stop := showProgress(&out, f, "job.log", 7, time.Hour, time.Millisecond)
	stop()
	if out.String() != "" {
		t.Errorf("progress before the delay: %q", out.String())
	}
}

// Not a terminal (a buffer, as in CI): no progress at all, whatever the size.
func TestStartProgressNeedsTerminal(t *testing.T) {
	f := writeTemp(t, []byte("a line\n"))
	var out syncBuffer
	startProgress(&out, f, "job.log")()
	if out.String() != "" {
		t.Errorf("progress written to a non-terminal: %q", out.String())
	}
}

func TestIsZip(t *testing.T) {
	if !isZip(writeTemp(t, []byte("PK\x03\x04rest"))) {
		t.Error("a zip archive's header is not recognised")
	}
	if isZip(writeTemp(t, []byte("2026-11-21T10:00:00Z PK\x03\x04"))) {
		t.Error("a log is taken for a zip archive")
	}
}

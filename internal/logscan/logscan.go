// Package logscan reads CI job logs of any size and delivers the lines that
// may matter, normalised: ANSI escapes, carriage-return progress, CI
// timestamps, prefixes and markers removed (see NormalizeLine).
//
// Input is streamed: a plain log, a gzip stream, or the zip archive GitHub
// Actions' "Download log archive" gives (one entry per job and per step),
// each told apart by its magic bytes, not its name. The keyword prefilter is
// searched over whole chunks with an ASCII case-insensitive Aho-Corasick DFA;
// a match that may lie in a line's CI prefix is looked for again after it,
// and only matching lines are cut out and normalised. Memory is bounded by the
// chunk size (1 MiB) whatever the line lengths (see DefaultMaxLineBytes).
// Delivered texts are copied into shared 64 KiB blocks (one allocation per
// block, not per line), so a caller that keeps a line keeps its block.
package logscan

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"errors"
	"fmt"
	"io"
	"os"
)

// Line is one normalised line of a job log.
type Line struct {
	N    int    // 1-based line number in the input file (or zip entry)
	File string // zip entry name for a log archive; "" for a plain log
	Text string // normalised text (no ANSI, no CI timestamp/prefix)
	// Platform is the CI platform whose prefix or marker this line carried
	// (GitHubActions, GitLabCI, ...), "" when none. Summary.Platform weighs
	// all lines.
	Platform string
	// Truncated is set when the raw line was longer than
	// Options.MaxLineBytes and Text is a window of it.
	Truncated bool
	// Level is the annotation level of a GitHub Actions / Azure Pipelines
	// marker the line carried ("##[error]", "##[warning]", "##[notice]",
	// "##[debug]": "error", "warning", "notice", "debug"), "" when none.
	// The runner writes a workflow command ::warning:: (and an action's
	// core.warning) so; a warning or notice does not fail the step
	// (docs.github.com/actions/reference/workflows-and-actions/workflow-commands).
	Level string
}

// Options select which lines Scan delivers.
type Options struct {
	// Keywords: a line is delivered only when its raw text after the CI
	// prefixes normalisation removes (timestamps, "##[group]"-style
	// markers, GitLab section markers; see NormalizeLine) contains at least
	// one of them (ASCII case-insensitive). A keyword only in a timestamp's
	// digits ("2024-01-02T03:04:05.4040000Z") does not deliver a line: its
	// meaning must not depend on the time it was printed. Empty delivers
	// every line.
	Keywords []string
	// MaxLineBytes bounds the raw bytes delivered for one line; 0 means
	// DefaultMaxLineBytes (8 KiB), and more than MaxMaxLineBytes (1 MiB)
	// means 1 MiB, since the read buffer holds two windows.
	MaxLineBytes int

	chunkSize int // read size; tests set it small to cross chunk boundaries
}

// Summary describes one scan.
type Summary struct {
	Format    string         // "text", "gzip" or "zip"
	Files     []string       // zip entries scanned, in order; nil for a plain log
	Lines     int            // lines read, all entries together
	Bytes     int64          // bytes read after decompression
	Delivered int            // lines passed to fn
	Platforms map[string]int // platform -> lines seen carrying its prefix/markers (first lines of each entry and delivered lines)
	Platform  string         // the most likely CI platform, "" when no line told
	// PlatformSure is set when a line carried a marker only Platform
	// writes; when false, Platform rests on shared forms (a GitHub/Azure
	// timestamp, "##[error]") or weak ones (a "12:34:56  " clock).
	PlatformSure bool

	hints []platformCount // counted during the scan, turned into Platforms by decide
}

// Scan reads r and calls fn for every line that passes o.Keywords, in
// input order. fn's error stops the scan and is returned.
func Scan(r io.Reader, o Options, fn func(Line) error) error {
	_, err := ScanSummary(r, o, fn)
	return err
}

// ScanSummary is Scan that also returns what was read: the container format,
// line and byte counts, and which CI platform the log comes from.
//
// Errors: ErrBinary (maybe wrapped with a zip entry name) for non-text input;
// "gzip: ..." and "zip: ..." errors naming a truncated or corrupt container;
// a bad keyword; fn's error, returned as is. Empty input is no error.
func ScanSummary(r io.Reader, o Options, fn func(Line) error) (Summary, error) {
	var sum Summary
	m, err := newMatcher(o.Keywords)
	if err != nil {
		return sum, err
	}
	ls := &lineScanner{m: m, window: o.MaxLineBytes, chunk: o.chunkSize, fn: fn, sum: &sum}
	if ls.window <= 0 {
		ls.window = DefaultMaxLineBytes
	}
	ls.window = min(ls.window, MaxMaxLineBytes)
	if ls.chunk <= 0 {
		ls.chunk = defaultChunk
	}

	ra, size, hasRA := readerAt(r)
	br := bufio.NewReaderSize(r, 64<<10)
	magic, _ := br.Peek(4)
	switch {
	case bytes.HasPrefix(magic, []byte{0x1f, 0x8b}):
		sum.Format = "gzip"
		zr, err := gzip.NewReader(br)
		if err != nil {
			return sum, wrapRead("gzip", err)
		}
		defer zr.Close()
		ra := newReadAhead(errReader{zr, "gzip"}) // inflate on another core
		defer ra.Close()
		err = ls.run(ra)
		sum.decide()
		return sum, err
	case bytes.HasPrefix(magic, []byte("PK\x03\x04")) || bytes.HasPrefix(magic, []byte("PK\x05\x06")):
		sum.Format = "zip"
		if !hasRA {
			tmp, n, err := spool(br)
			if err != nil {
				return sum, err
			}
			defer func() {
				tmp.Close()
				os.Remove(tmp.Name())
			}()
			ra, size = tmp, n
		}
		err := scanZip(ls, ra, size)
		sum.decide()
		return sum, err
	default:
		sum.Format = "text"
		var in io.Reader = br
		if ls.chunk >= defaultChunk { // tests with tiny chunks read synchronously
			ra := newReadAhead(br)
			defer ra.Close()
			in = ra
		}
		err := ls.run(in)
		sum.decide()
		return sum, err
	}
}

// readerAt returns r as random-access input starting at its current offset:
// a regular *os.File, or a reader with ReadAt and Size that has not been read
// from (bytes.Reader, strings.Reader, io.SectionReader).
func readerAt(r io.Reader) (io.ReaderAt, int64, bool) {
	switch v := r.(type) {
	case *os.File:
		st, err := v.Stat()
		if err != nil || !st.Mode().IsRegular() {
			return nil, 0, false
		}
		off, err := v.Seek(0, io.SeekCurrent)
		if err != nil {
			return nil, 0, false
		}
		return io.NewSectionReader(v, off, st.Size()-off), st.Size() - off, true
	case interface {
		io.ReaderAt
		Size() int64
		Len() int
	}:
		if int64(v.Len()) == v.Size() {
			return v, v.Size(), true
		}
	case *io.SectionReader:
		if off, err := v.Seek(0, io.SeekCurrent); err == nil && off == 0 {
			return v, v.Size(), true
		}
	}
	return nil, 0, false
}

// spool copies a zip stream to a temporary file, which zip needs for random
// access. The caller closes and removes it.
func spool(r io.Reader) (*os.File, int64, error) {
	tmp, err := os.CreateTemp("", "regdoctor-logs-*.zip")
	if err != nil {
		return nil, 0, fmt.Errorf("zip: spooling to a temporary file: %w", err)
	}
	n, err := io.Copy(tmp, r)
	if err != nil {
		tmp.Close()
		os.Remove(tmp.Name())
		return nil, 0, fmt.Errorf("zip: spooling to a temporary file: %w", err)
	}
	return tmp, n, nil
}

// errReader names the container in read errors (a truncated gzip stream).
type errReader struct {
	r      io.Reader
	format string
}

func (e errReader) Read(p []byte) (int, error) {
	n, err := e.r.Read(p)
	if err != nil && err != io.EOF {
		err = wrapRead(e.format, err)
	}
	return n, err
}

// decide picks Summary.Platform: a platform with strong hints (a marker only
// it writes) wins over any with weak ones; among equals, the one with the
// most lines. Azure Pipelines therefore wins over GitHub Actions as soon as
// an Azure-only marker was seen, though both write the same timestamps.
func (s *Summary) decide() {
	best := platformCount{}
	for _, h := range s.hints {
		if s.Platforms == nil {
			s.Platforms = map[string]int{}
		}
		s.Platforms[h.name] += h.n
		better := (h.strong > 0) != (best.strong > 0) && h.strong > 0 ||
			(h.strong > 0) == (best.strong > 0) && (h.n > best.n || h.n == best.n && h.name < best.name)
		if best.name == "" || better {
			best = h
		}
	}
	s.hints = nil
	s.Platform, s.PlatformSure = best.name, best.strong > 0
}

var errZipTruncated = errors.New("zip: archive is truncated or corrupt")

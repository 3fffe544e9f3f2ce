package logscan

import (
	"archive/zip"
	"errors"
	"fmt"
	"io"
	"path"
	"sort"
	"strconv"
	"strings"
)

// scanZip scans the text entries of a log archive, one after the other, each
// with its own line numbers and Line.File set to the entry name.
//
// GitHub Actions' log archive (GET /repos/{owner}/{repo}/actions/runs/{id}/logs,
// "Download log archive" in the UI) holds a file per job at the top level,
// "N_JOB.txt", and, for most runs, a folder per job with a file per step,
// "JOB/N_STEP.txt", whose lines repeat the job file. When a job has step
// files, its top-level file is skipped so no line is reported twice and each
// line names its step. Entries are taken in natural order (the step number
// numerically); an entry that looks binary fails with ErrBinary.
func scanZip(ls *lineScanner, ra io.ReaderAt, size int64) error {
	zr, err := zip.NewReader(ra, size)
	if err != nil {
		if errors.Is(err, zip.ErrFormat) || errors.Is(err, io.ErrUnexpectedEOF) {
			return fmt.Errorf("%w (%v)", errZipTruncated, err)
		}
		return fmt.Errorf("zip: %w", err)
	}
	dirs := map[string]bool{}
	for _, f := range zr.File {
		if d := path.Dir(f.Name); d != "." && !f.FileInfo().IsDir() {
			dirs[strings.SplitN(f.Name, "/", 2)[0]] = true
		}
	}
	var files []*zip.File
	for _, f := range zr.File {
		if f.FileInfo().IsDir() {
			continue
		}
		if !strings.Contains(f.Name, "/") {
			if job := jobName(f.Name); job != "" && dirs[job] {
				continue
			}
		}
		files = append(files, f)
	}
	sort.SliceStable(files, func(i, j int) bool { return naturalLess(files[i].Name, files[j].Name) })
	for _, f := range files {
		ls.file = f.Name
		ls.sum.Files = append(ls.sum.Files, f.Name)
		rc, err := f.Open()
		if err != nil {
			return fmt.Errorf("zip entry %q: %w", f.Name, err)
		}
		err = ls.run(zipEntryReader{rc})
		rc.Close()
		if err != nil {
			return fmt.Errorf("zip entry %q: %w", f.Name, err)
		}
	}
	return nil
}

type zipEntryReader struct{ r io.Reader }

func (z zipEntryReader) Read(p []byte) (int, error) {
	n, err := z.r.Read(p)
	if err != nil && err != io.EOF {
		if errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, zip.ErrChecksum) || errors.Is(err, zip.ErrFormat) {
			err = fmt.Errorf("%w (%v)", errZipTruncated, err)
		}
	}
	return n, err
}

// jobName returns JOB for a top-level "N_JOB.txt", else "".
func jobName(name string) string {
	base := strings.TrimSuffix(name, ".txt")
	if base == name {
		return ""
	}
	num, job, ok := strings.Cut(base, "_")
	if !ok || job == "" {
		return ""
	}
	if _, err := strconv.Atoi(num); err != nil {
		return ""
	}
	return job
}

// naturalLess orders "job/2_b.txt" before "job/10_a.txt".
func naturalLess(a, b string) bool {
	for a != "" && b != "" {
		if isDigit(a[0]) && isDigit(b[0]) {
			i, j := 0, 0
			for i < len(a) && isDigit(a[i]) {
				i++
			}
			for j < len(b) && isDigit(b[j]) {
				j++
			}
			na, _ := strconv.ParseUint(a[:i], 10, 64)
			nb, _ := strconv.ParseUint(b[:j], 10, 64)
			if na != nb {
				return na < nb
			}
			a, b = a[i:], b[j:]
			continue
		}
		if a[0] != b[0] {
			return a[0] < b[0]
		}
		a, b = a[1:], b[1:]
	}
	return len(a) < len(b)
}

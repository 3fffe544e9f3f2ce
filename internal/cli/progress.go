package cli

import (
	"io"
	"os"
	"sync"
	"time"

	"github.com/schollz/progressbar/v3"
	"golang.org/x/term"
)

// progressMinSize is the smallest log file explain shows reading progress
// for (bytes). At the measured ~300 MB/s a smaller file is read in well under
// a second.
const progressMinSize = 64 << 20

// progressDelay is how long explain reads before it shows progress, so that
// a fast run never flashes a bar.
const progressDelay = time.Second

// startProgress shows, on standard error, how far explain has read the log
// file f (name as the user gave it): a bar with the share and bytes read and
// the time left, redrawn every tick, erased by stop. It shows nothing when
// standard error is not a terminal (CI logs, pipes, tests), when f is not a
// regular file of at least progressMinSize bytes, or when f is a zip archive
// (read in place through ReaderAt, its offset does not move). stop is safe to
// call when nothing was shown.
func startProgress(errOut io.Writer, f *os.File, name string) (stop func()) {
	ef, ok := errOut.(*os.File)
	if !ok || !term.IsTerminal(int(ef.Fd())) {
		return func() {}
	}
	st, err := f.Stat()
	if err != nil || !st.Mode().IsRegular() || st.Size() < progressMinSize || isZip(f) {
		return func() {}
	}
	return showProgress(errOut, f, name, st.Size(), progressDelay, 200*time.Millisecond)
}

// isZip tells whether f starts with a zip local file header ("PK\x03\x04").
func isZip(f *os.File) bool {
	var b [4]byte
	n, _ := f.ReadAt(b[:], 0)
	return n == 4 && string(b[:]) == "PK\x03\x04"
}

// showProgress polls f's read offset every tick after delay and draws it as a
// share of size on w. The offset is read with Seek(0, io.SeekCurrent), which
// does not disturb reads on other goroutines (lseek(2) with SEEK_CUR and 0).
// stop ends the polling and erases the bar.
func showProgress(w io.Writer, f *os.File, name string, size int64, delay, tick time.Duration) (stop func()) {
	// The bar's clock starts now, so its rate and time left count the
	// bytes read during the delay too.
	bar := progressbar.NewOptions64(size,
		progressbar.OptionSetWriter(w),
		progressbar.OptionSetDescription("reading "+name),
		progressbar.OptionShowBytes(true),
		progressbar.OptionSetWidth(30),
		progressbar.OptionSetPredictTime(true),
		progressbar.OptionThrottle(tick),
		progressbar.OptionEnableColorCodes(false),
	)
	bar.StartWithoutRender()
	done := make(chan struct{})
	var wg sync.WaitGroup
	shown := false
	wg.Add(1)
	go func() {
		defer wg.Done()
		select {
		case <-done:
			return
		case <-time.After(delay):
		}
		shown = true
		t := time.NewTicker(tick)
		defer t.Stop()
		for {
			if off, err := f.Seek(0, io.SeekCurrent); err == nil {
				_ = bar.Set64(min(off, size))
			}
			select {
			case <-done:
				return
			case <-t.C:
			}
		}
	}()
	var once sync.Once
	return func() {
		once.Do(func() {
			close(done)
			wg.Wait()
			if shown {
				_ = bar.Clear()
				_ = bar.Exit()
			}
		})
	}
}

package diagnose

import (
	"fmt"
	"io"

	"github.com/regdoctor/regdoctor/internal/logscan"
)

// lineBatch is how many delivered lines go to the diagnosis at once.
const lineBatch = 256

// pipeline scans r (logscan.ScanSummary with the keyword prefilter kw),
// prepares every delivered line (lineIn.prepare) and hands it, in order, to
// fn on one other goroutine, in batches: reading, keyword matching and the
// per-line preparation overlap with the diagnosis when a second core is
// free. Line texts are copies the scanner never reuses (logscan.Line), so
// they can cross goroutines; fn must not keep the *lineIn. At most a few
// batches are in flight (bounded memory: under 2 MiB). A panic in fn becomes
// an error, never a crash.
func pipeline(r io.Reader, kw []string, fn func(*lineIn)) (logscan.Summary, error) {
	batches := make(chan []lineIn, 4)
	free := make(chan []lineIn, 6)
	done := make(chan error, 1)
	go func() {
		var perr error
		for b := range batches {
			if perr == nil {
				perr = runBatch(b, fn)
			}
			select {
			case free <- b[:0]:
			default:
			}
		}
		done <- perr
	}()
	batch := make([]lineIn, 0, lineBatch)
	var ar lowArena
	sum, err := logscan.ScanSummary(r, logscan.Options{Keywords: kw}, func(l logscan.Line) error {
		batch = batch[:len(batch)+1]
		batch[len(batch)-1].prepare(l, &ar)
		if len(batch) == lineBatch {
			batches <- batch
			select {
			case batch = <-free:
			default:
				batch = make([]lineIn, 0, lineBatch)
			}
		}
		return nil
	})
	if len(batch) > 0 {
		batches <- batch
	}
	close(batches)
	if perr := <-done; perr != nil && err == nil {
		err = perr
	}
	return sum, err
}

func runBatch(b []lineIn, fn func(*lineIn)) (err error) {
	defer func() {
		if p := recover(); p != nil {
			err = fmt.Errorf("diagnose: internal error: %v", p)
		}
	}()
	for i := range b {
		fn(&b[i])
	}
	return nil
}

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
//
// Which goroutine prepares a line adapts to the load: the scanning one
// prepares the first share lines of each batch and the diagnosing one the
// rest. When the diagnosis waits for batches (none queued), the scanning
// side is the slower and its share shrinks; when batches queue up, it grows.
func pipeline(r io.Reader, kw []string, fn func(*lineIn)) (logscan.Summary, error) {
	batches := make(chan []lineIn, 4)
	free := make(chan []lineIn, 6)
	done := make(chan error, 1)
	go func() {
		var perr error
		var ar lowArena // the diagnosing goroutine's own
		for b := range batches {
			if perr == nil {
				perr = runBatch(b, &ar, fn)
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
	share := lineBatch / 2 // lines of a batch the scanning goroutine prepares
	sum, err := logscan.ScanSummary(r, logscan.Options{Keywords: kw}, func(l logscan.Line) error {
		batch = batch[:len(batch)+1]
		in := &batch[len(batch)-1]
		if len(batch) <= share {
			in.prepare(l, &ar)
		} else {
			in.l, in.prepared = l, false
		}
		if len(batch) == lineBatch {
			switch queued := len(batches); {
			case queued == 0:
				share = max(share-lineBatch/16, 0)
			case queued >= 2:
				share = min(share+lineBatch/16, lineBatch)
			}
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

func runBatch(b []lineIn, ar *lowArena, fn func(*lineIn)) (err error) {
	defer func() {
		if p := recover(); p != nil {
			err = fmt.Errorf("diagnose: internal error: %v", p)
		}
	}()
	for i := range b {
		if !b[i].prepared {
			b[i].prepare(b[i].l, ar)
		}
		fn(&b[i])
	}
	return nil
}

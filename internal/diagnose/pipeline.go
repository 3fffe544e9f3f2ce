package diagnose

import (
	"fmt"
	"io"
	"runtime"
	"sync"
	"sync/atomic"

	"github.com/regdoctor/regdoctor/internal/logscan"
)

// lineBatch is how many delivered lines go to the diagnosis at once.
const lineBatch = 256

// prepChunk is how many lines of a batch one goroutine claims to prepare at
// a time.
const prepChunk = 32

// batch is lineBatch delivered lines on their way from the scan to the
// diagnosis. Any goroutine may prepare its lines (claimed prepChunk at a
// time through next); the last to finish sends on ready.
type batch struct {
	lines []lineIn
	next  atomic.Int32  // first line not yet claimed
	done  atomic.Int32  // lines prepared
	ready chan struct{} // one token once every line is prepared
	// refs counts the goroutines yet to let go of the batch (the consumer,
	// and a worker when workers run); the last puts it on the free list.
	refs atomic.Int32
	err  atomic.Pointer[error] // a panic while preparing a line
	// low holds the lowercase copies of the batch's lines, one arena a
	// chunk (the chunk's goroutine writes it alone); rewound when the
	// batch is released, so they are reused and not allocated again.
	low [lineBatch / prepChunk]lowArena
}

// release lets go of b; the last user returns it to free for reuse.
func (b *batch) release(free chan *batch) {
	if b.refs.Add(-1) == 0 {
		for i := range b.low {
			b.low[i].rewind()
		}
		select {
		case free <- b:
		default:
		}
	}
}

// help prepares chunks of b until none is left to claim; the goroutine that
// prepares its last line sends b.ready its token.
func (b *batch) help() {
	n := int32(len(b.lines))
	for {
		i := b.next.Add(prepChunk) - prepChunk
		if i >= n {
			return
		}
		j := min(i+prepChunk, n)
		b.prepare(i, j)
		if b.done.Add(j-i) == n {
			b.ready <- struct{}{}
		}
	}
}

// prepare prepares lines [i, j) of b. A panic becomes b's error (the first
// one kept), never a crash of a worker goroutine.
func (b *batch) prepare(i, j int32) {
	defer func() {
		if p := recover(); p != nil {
			err := fmt.Errorf("diagnose: internal error: %v", p)
			b.err.CompareAndSwap(nil, &err)
		}
	}()
	ar := &b.low[i/prepChunk]
	for k := i; k < j; k++ {
		b.lines[k].prepare(b.lines[k].l, ar)
	}
}

// pipeline scans r (logscan.ScanSummary with the keyword prefilter kw),
// prepares every delivered line (lineIn.prepare) and hands it, in input
// order, to fn on one other goroutine, in batches of lineBatch lines.
//
// Three kinds of goroutine share the work. The calling one runs the scan
// (reading, the keyword prefilter, normalisation) and only fills batches.
// Preparing a line depends on its text alone, so up to runtime.GOMAXPROCS(0)
// worker goroutines prepare batches in parallel, prepChunk lines at a time;
// they start with the second batch, so a log with few delivered lines
// starts none. One consumer goroutine takes the batches in scan order,
// helps prepare its current batch when the workers have not finished it,
// and calls fn for each line: everything that depends on earlier lines
// (facts, folding, evidence line numbers) happens there, so the result does
// not depend on GOMAXPROCS.
//
// Line texts are copies the scanner never reuses (logscan.Line), so they can
// cross goroutines; fn must not keep the *lineIn. At most 2*workers+4
// batches are in flight (bounded memory: a few MiB). A panic in fn becomes
// an error, never a crash.
func pipeline(r io.Reader, kw []string, fn func(*lineIn)) (logscan.Summary, error) {
	workers := runtime.GOMAXPROCS(0)
	inFlight := 2*workers + 4
	ordered := make(chan *batch, inFlight) // to the consumer, in scan order
	work := make(chan *batch, inFlight)    // to the workers
	// Room on the free list for every batch that can exist at once (the
	// ordered queue, the consumer's, the scanner's, one a worker), so that
	// none is dropped for the collector and allocated (and zeroed) again:
	// with room for inFlight only, a 128 MiB log allocated ~160 batches of
	// ~150 KiB, half the run's allocation (explain-perf8).
	free := make(chan *batch, inFlight+2+workers)
	done := make(chan error, 1)
	go func() {
		var perr error
		for b := range ordered {
			if perr == nil {
				perr = runBatch(b, fn)
			} else {
				b.help() // settle the batch so that it can be reused
				<-b.ready
			}
			b.release(free)
		}
		done <- perr
	}()
	var wg sync.WaitGroup
	started := false
	sent := 0 // batches sent
	newBatch := func() *batch {
		select {
		case b := <-free:
			b.lines = b.lines[:0]
			b.next.Store(0)
			b.done.Store(0)
			b.err.Store(nil)
			return b
		default:
			return &batch{lines: make([]lineIn, 0, lineBatch), ready: make(chan struct{}, 1)}
		}
	}
	send := func(b *batch) {
		sent++
		if started {
			b.refs.Store(2)
			work <- b
		} else {
			b.refs.Store(1)
		}
		ordered <- b
	}
	cur := newBatch()
	sum, err := logscan.ScanSummary(r, logscan.Options{Keywords: kw}, func(l logscan.Line) error {
		// Only l is set: prepare sets every other field (a reused batch's
		// old values are overwritten), so the ~600-byte lineIn is not
		// zeroed here first.
		n := len(cur.lines)
		cur.lines = cur.lines[:n+1]
		cur.lines[n].l = l
		if len(cur.lines) == lineBatch {
			if !started && sent > 0 {
				// The second batch: start the workers.
				started = true
				wg.Add(workers)
				for range workers {
					go func() {
						defer wg.Done()
						for b := range work {
							b.help()
							b.release(free)
						}
					}()
				}
			}
			send(cur)
			cur = newBatch()
		}
		return nil
	})
	if len(cur.lines) > 0 {
		send(cur)
	}
	close(ordered)
	if started {
		close(work)
	}
	perr := <-done
	wg.Wait()
	if perr != nil && err == nil {
		err = perr
	}
	return sum, err
}

// runBatch prepares what is left of b on this goroutine, waits for the rest,
// and calls fn for each line in order.
func runBatch(b *batch, fn func(*lineIn)) (err error) {
	b.help()
	<-b.ready
	if e := b.err.Load(); e != nil {
		return *e
	}
	defer func() {
		if p := recover(); p != nil {
			err = fmt.Errorf("diagnose: internal error: %v", p)
		}
	}()
	for i := range b.lines {
		fn(&b.lines[i])
	}
	return nil
}

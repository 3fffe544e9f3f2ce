package logscan

import "io"

// readAhead reads r in a goroutine, a block ahead of the scanner, so that
// the read system calls (or gzip inflation) overlap the keyword search on a
// second core. Read copies out of the filled blocks. Close stops the
// goroutine; it must be called (the goroutine then exits after its current
// read returns).
type readAhead struct {
	full  chan block // filled blocks, in order
	free  chan []byte
	done  chan struct{}
	cur   block
	off   int
	ended bool
}

type block struct {
	b   []byte
	err error // set on the last block
}

const readAheadBlock = 1 << 20

func newReadAhead(r io.Reader) *readAhead {
	const n = 3 // blocks in flight: one being scanned, two ahead
	ra := &readAhead{full: make(chan block, n), free: make(chan []byte, n), done: make(chan struct{})}
	for range n {
		ra.free <- make([]byte, readAheadBlock)
	}
	go func() {
		for {
			var buf []byte
			select {
			case buf = <-ra.free:
			case <-ra.done:
				return
			}
			k, err := io.ReadAtLeast(r, buf, len(buf))
			if err == io.ErrUnexpectedEOF {
				err = io.EOF // a short last block
			}
			select {
			case ra.full <- block{buf[:k], err}:
			case <-ra.done:
				return
			}
			if err != nil {
				return
			}
		}
	}()
	return ra
}

func (ra *readAhead) Read(p []byte) (int, error) {
	for ra.off == len(ra.cur.b) {
		if ra.ended {
			return 0, ra.cur.err
		}
		if ra.cur.b != nil {
			ra.free <- ra.cur.b[:cap(ra.cur.b)]
		}
		ra.cur, ra.off = <-ra.full, 0
		if ra.cur.err != nil {
			ra.ended = true
		}
	}
	n := copy(p, ra.cur.b[ra.off:])
	ra.off += n
	return n, nil
}

func (ra *readAhead) Close() { close(ra.done) }

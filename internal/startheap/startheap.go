// Package startheap lets a short-lived command's heap grow to a given size
// before the garbage collector first runs.
//
// regdoctor's start-up allocates about 16 MB (explain's regexps, key
// indexes and literal guards, logscan's keyword automaton and read-ahead
// buffer), of which about 3 MB stay live. With the runtime's default
// 4 MB minimum heap goal the collector ran three to five times before the
// first log line, each time marking the same live regexp programs: 25 to
// 45 M of the 65 to 85 M instructions explain takes on an empty log without
// this (cachegrind, explain-perf20; the count varies with the collector's
// timing). The Go compiler does the same for its own start-up
// (cmd/compile/internal/base.AdjustStartingHeap, Go 1.25).
package startheap

import (
	"os"
	"runtime"
	"runtime/debug"
	"runtime/metrics"
)

// Adjust raises GOGC so that the first collection's heap goal is about
// bytes (the runtime scales its minimum heap goal, 4 MB at GOGC=100, with
// GOGC), and sets GOGC back to 100 when that first collection has run: from
// then on the collector paces the heap as it would have. It does nothing
// when the GOGC environment variable is set (the user's choice wins), when
// the program set another GOGC already, or when the current goal is at
// least bytes. It returns whether it raised GOGC.
//
// Call it once, at the start of main, before the heap grows: a collection
// that already ran makes the restore wait for the next one.
func Adjust(bytes uint64) bool {
	if _, set := os.LookupEnv("GOGC"); set {
		return false
	}
	goal := heapGoal()
	if goal == 0 || goal >= bytes {
		return false
	}
	if old := debug.SetGCPercent(int(100 * bytes / goal)); old != 100 {
		debug.SetGCPercent(old) // set by the program already: left alone
		return false
	}
	// The cleanup of an object nothing references runs after the first
	// collection that finds it unreachable: the next one. (32 bytes: not
	// a tiny allocation, which shares its block and may never be freed.)
	runtime.AddCleanup(new([32]byte), func(int) { debug.SetGCPercent(100) }, 0)
	return true
}

// heapGoal is the runtime's current heap goal in bytes (runtime/metrics
// /gc/heap/goal:bytes), 0 when the metric is not supported.
func heapGoal() uint64 {
	s := []metrics.Sample{{Name: "/gc/heap/goal:bytes"}}
	metrics.Read(s)
	if s[0].Value.Kind() != metrics.KindUint64 {
		return 0
	}
	return s[0].Value.Uint64()
}

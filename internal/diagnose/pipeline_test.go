package diagnose

import (
	"fmt"
	"runtime"
	"strings"
	"testing"
)

// TestPipelineOrder: every line reaches fn once, in order, across batches,
// whatever the number of preparing workers (GOMAXPROCS), with its lowercase
// copy right (written into the batch's arenas, reused once batches are).
func TestPipelineOrder(t *testing.T) {
	for _, procs := range []int{1, 2, 4, 7} {
		t.Run(fmt.Sprint("procs", procs), func(t *testing.T) {
			defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(procs))
			for _, n := range []int{1, lineBatch, 2*lineBatch + 1, 40*lineBatch + 17} {
				pipelineOrder(t, n)
			}
		})
	}
}

func pipelineOrder(t *testing.T, n int) {
	var b strings.Builder
	for i := 1; i <= n; i++ {
		fmt.Fprintf(&b, "Line %d\n", i)
	}
	next := 1
	if _, err := pipeline(strings.NewReader(b.String()), nil, func(in *lineIn) {
		l := in.l
		if in.low != fmt.Sprintf("line %d", next) {
			t.Fatalf("line %d prepared as %q", next, in.low)
		}
		if l.N != next || l.Text != fmt.Sprintf("Line %d", next) {
			t.Fatalf("got line %d %q, want %d", l.N, l.Text, next)
		}
		next++
	}); err != nil {
		t.Fatal(err)
	}
	if next != n+1 {
		t.Fatalf("%d lines delivered, want %d", next-1, n)
	}
}

// TestPipelinePanic: a panic in the diagnosis is an error, the scan is not
// left blocked, and later lines are not diagnosed.
func TestPipelinePanic(t *testing.T) {
	log := strings.Repeat("x\n", 5*lineBatch)
	seen := 0
	_, err := pipeline(strings.NewReader(log), nil, func(in *lineIn) {
		seen++
		if in.l.N == 10 {
			panic("boom")
		}
	})
	if err == nil || !strings.Contains(err.Error(), "boom") {
		t.Fatalf("err = %v, want the panic as an error", err)
	}
	if seen != 10 {
		t.Fatalf("%d lines diagnosed, want 10 (none after the panic)", seen)
	}
}

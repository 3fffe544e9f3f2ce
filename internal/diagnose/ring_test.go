package diagnose

import (
	"slices"
	"testing"
)

// TestRingEachNewest checks that eachNewest visits each's items in reverse,
// before and after the ring wraps, and stops when told.
func TestRingEachNewest(t *testing.T) {
	for _, added := range []int{0, 1, 3, 4, 5, 11} {
		r := ring[int]{n: 4}
		for i := range added {
			r.add(i)
		}
		var oldest, newest []int
		r.each(func(v int) { oldest = append(oldest, v) })
		r.eachNewest(func(v int) bool { newest = append(newest, v); return true })
		slices.Reverse(oldest)
		if !slices.Equal(oldest, newest) {
			t.Errorf("after %d adds: newest first %v, want %v", added, newest, oldest)
		}
		if added > 0 && newest[0] != added-1 {
			t.Errorf("after %d adds: newest %d", added, newest[0])
		}
		calls := 0
		r.eachNewest(func(int) bool { calls++; return false })
		if added > 0 && calls != 1 {
			t.Errorf("after %d adds: %d calls after a stop", added, calls)
		}
	}
}

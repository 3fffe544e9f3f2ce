package startheap

import (
	"os"
	"runtime"
	"runtime/debug"
	"testing"
	"time"
)

// TestAdjust checks that Adjust raises the heap goal to about the size
// asked, and that the first collection after it puts GOGC back to 100.
func TestAdjust(t *testing.T) {
	if _, set := os.LookupEnv("GOGC"); set {
		t.Skip("GOGC set: Adjust leaves it alone")
	}
	runtime.GC()
	const want = 64 << 20
	before := heapGoal()
	if before == 0 || before >= want {
		t.Skipf("heap goal %d: nothing to raise", before)
	}
	if !Adjust(want) {
		t.Fatal("Adjust did not raise GOGC")
	}
	if g := heapGoal(); g < want*9/10 {
		t.Errorf("heap goal after Adjust %d, want about %d (before: %d)", g, want, before)
	}
	runtime.GC()
	deadline := time.Now().Add(5 * time.Second)
	for {
		// SetGCPercent returns the current value; set it back as read.
		p := debug.SetGCPercent(100)
		if p == 100 {
			break
		}
		debug.SetGCPercent(p)
		if time.Now().After(deadline) {
			t.Fatalf("GOGC still %d after a collection, want 100", p)
		}
		runtime.Gosched()
		time.Sleep(time.Millisecond)
	}
	if Adjust(before) {
		t.Error("Adjust raised GOGC to a goal below the current one")
	}
}

// TestAdjustLeavesProgramSetting checks that a GOGC the program set is
// kept.
func TestAdjustLeavesProgramSetting(t *testing.T) {
	if _, set := os.LookupEnv("GOGC"); set {
		t.Skip("GOGC set: Adjust leaves it alone")
	}
	old := debug.SetGCPercent(50)
	defer debug.SetGCPercent(old)
	runtime.GC()
	if Adjust(1 << 40) {
		t.Error("Adjust changed a GOGC the program set")
	}
	if p := debug.SetGCPercent(50); p != 50 {
		t.Errorf("GOGC %d after Adjust, want 50 kept", p)
	}
}

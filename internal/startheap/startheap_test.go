package startheap

import (
	"os"
	"runtime"
	"runtime/debug"
	"runtime/metrics"
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
		// Read, not set: setting GOGC to probe it would race with the
		// cleanup that restores it.
		p := gogc(t)
		if p == 100 {
			break
		}
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
	if p := gogc(t); p != 50 {
		t.Errorf("GOGC %d after Adjust, want 50 kept", p)
	}
}

// gogc is the current GOGC percentage (runtime/metrics /gc/gogc:percent),
// read without changing it.
func gogc(t *testing.T) uint64 {
	t.Helper()
	s := []metrics.Sample{{Name: "/gc/gogc:percent"}}
	metrics.Read(s)
	if s[0].Value.Kind() != metrics.KindUint64 {
		t.Skip("runtime/metrics has no /gc/gogc:percent")
	}
	return s[0].Value.Uint64()
}

package diagnose

import (
	"math/rand/v2"
	"testing"
)

// TestKeyBitsReset checks that reset leaves the zero keyBits after any set
// of slots was marked, signature, reference and fragment slots alike.
func TestKeyBitsReset(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	var b keyBits
	for round := 0; round < 200; round++ {
		for n := r.IntN(40); n > 0; n-- {
			b.set(r.IntN(auxBase + maxAuxKeys))
		}
		b.set(auxBase + maxAuxKeys - 1) // the last fragment slot
		b.reset()
		if b != (keyBits{}) {
			t.Fatalf("round %d: reset left %+v", round, b)
		}
	}
}

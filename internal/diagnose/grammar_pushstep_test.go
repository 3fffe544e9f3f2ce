package diagnose

import "testing"

// TestMessageGrammarPushStep holds BuildKit's failed push step in the tty
// progress view (sig_pushstep.go): compose build --push and bake mark it
// " => ERROR [SERVICE] pushing REF with docker".
func TestMessageGrammarPushStep(t *testing.T) {
	checkFirstCause(t, map[string]string{
		// compose's default name PROJECT-SERVICE lands in docker.io/library
		" => => naming to docker.io/library/ledger-worker                     0.0s\n => ERROR [worker] pushing ledger-worker with docker                    0.9s\n => => pushing layer 5d1e2f3a4b6c": "push-outside-namespace",
		// bake target without the bracket, a tagged one-component name
		" => ERROR pushing ledger-api:1.4.2 with docker                          2.1s": "push-outside-namespace",
		// a namespaced reference: the step line alone names no cause
		" => ERROR [worker] pushing example-org/ledger-worker:main with docker   0.9s":    "",
		" => ERROR [worker] pushing ghcr.io/example-org/ledger-worker with docker   0.9s": "",
		// a step that succeeded is no failure
		" => [worker] pushing ledger-worker with docker                          0.9s": "",
	})
}

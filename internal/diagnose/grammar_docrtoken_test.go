package diagnose

import "testing"

// TestMessageGrammarDOCRToken: BuildKit's 403 from DigitalOcean's registry
// token service for a push (sig_docr.go, docrTokenForbidden): the scope is
// refused, most often for the plan's repository limit; a pull's 403, a 401
// and other registries keep their readings.
func TestMessageGrammarDOCRToken(t *testing.T) {
	checkFirstCause(t, map[string]string{
		// buildx 0.10+: the push, the realm and the service in one line
		"ERROR: failed to push registry.digitalocean.com/ledger/api:1.2: failed to authorize: failed to fetch oauth token: unexpected status from GET request to https://api.digitalocean.com/v2/registry/auth?scope=repository%3Aledger%2Fapi%3Apull%2Cpush&service=registry.digitalocean.com: 403 Forbidden": "repo-not-found",
		// older BuildKit: the [auth] step names the host, the export pushes
		"#12 [auth] ledger/api:pull,push token for registry.digitalocean.com\n#12 DONE 0.0s\n#14 exporting to image\n#14 pushing layers 1.2s done\n#14 ERROR: failed to authorize: failed to fetch oauth token: unexpected status: 403 Forbidden": "repo-not-found",
		// look-alikes: a credential refused (401) at the same realm
		"ERROR: failed to push registry.digitalocean.com/ledger/api:1.2: failed to authorize: failed to fetch oauth token: unexpected status from GET request to https://api.digitalocean.com/v2/registry/auth?scope=repository%3Aledger%2Fapi%3Apull%2Cpush&service=registry.digitalocean.com: 401 Unauthorized": "bad-credentials",
		// a pull's 403 (a base image) is no repository limit
		"#4 [internal] load metadata for registry.digitalocean.com/ledger/base:3.1\n#4 ERROR: failed to authorize: failed to fetch oauth token: unexpected status: 403 Forbidden": "token-expired",
		// another registry's 403 keeps the stale-credential reading
		"error: failed to solve: failed to push registry.example.org/ledger/api:1.2: failed to authorize: failed to fetch oauth token: unexpected status: 403 Forbidden": "token-expired",
	})
}

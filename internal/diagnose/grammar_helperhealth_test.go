package diagnose

import "testing"

// TestMessageGrammarHelperAndHealth pins shapes read right by the blind
// scoring of a held-out batch (corpus mix, fifth part) that no other table
// held: a credential helper that cannot store, buildah's bare plain-HTTP
// answer, BuildKit's GHCR write_package refusal, Docker Hub's rate limit in a
// classic-builder step; and, as guards, failures in the same jobs that are not
// registry failures (a compose healthcheck, a Rekor lookup after a pushed
// image, an npm publish refusal). One line (or a few) per shape, the first
// finding's cause wanted ("" = no finding).
func TestMessageGrammarHelperAndHealth(t *testing.T) {
	checkFirstCause(t, map[string]string{
		// credsStore names the ECR helper, which implements get but not store
		"printf '%s' \"$TOKEN\" | docker login --username AWS --password-stdin 123456789012.dkr.ecr.eu-west-1.amazonaws.com\nError saving credentials: error storing credentials - err: exit status 1, out: `not implemented`": "credential-store-error",
		// buildah/podman print Go's TLS-client error alone
		"$ buildah push --creds \"$U:$P\" 10.0.0.7:5000/orbit/notes:dev\nhttp: server gave HTTP response to HTTPS client": "http-https-mismatch",
		// BuildKit's push refusal from GHCR for a package the repository cannot write
		"#12 pushing layers 1.1s done\n#12 ERROR: failed to push ghcr.io/orbit/notes:2.3.0: denied: permission_denied: write_package": "ghcr-package-actions-access",
		// the classic builder's FROM step on a Jenkins agent
		"Step 1/7 : FROM alpine:3.19\ntoomanyrequests: You have reached your pull rate limit. You may increase the limit by authenticating and upgrading: https://www.docker.com/increase-rate-limit\nscript returned exit code 1": "rate-limited",
		// guard: a compose service that never became healthy
		" Container db  Waiting\n Container db  Error\ndependency failed to start: container db is unhealthy": "",
		// guard: cosign's transparency-log lookup after the push succeeded
		"Error: signing [ghcr.io/orbit/notes@sha256:0a1b2c...]:\nsigning digest: [GET /api/v1/log/entries/{entryUUID}][404] getLogEntryByUuidNotFound": "",
		// guard: npm's trusted-publisher refusal is another registry's 403
		"npm error code E403\nnpm error 403 403 Forbidden - PUT https://registry.npmjs.org/@orbit%2fnotes - OIDC permission denied for this action": "",
	})
}

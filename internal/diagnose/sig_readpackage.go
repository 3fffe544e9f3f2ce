package diagnose

// GHCR's refusal of a read, "permission_denied: read_package" (the error
// body {"code":"DENIED","message":"permission_denied: read_package"}), as a
// client prints it without the HTTP status: go-containerregistry clients
// (cosign signing or verifying, crane, ko) write "GET URL: DENIED:
// permission_denied: read_package", a raw curl of the API prints the JSON.
// With the status on the line (helm's "response status code 403: denied:
// permission_denied: read_package") the status signatures read it; without
// it nothing did. GHCR answers so to an identity that may not read the
// package: a private package read anonymously or by a token without
// packages: read, or from a repository the package's Manage Actions access
// does not list. It is GHCR's 403, so it ranks as rank403 does (sig_ghcrread.go
// for a read with no credential, rankGHCRWrite inside GitHub Actions).

var readPackageRe = lazyRe(`(?i)(?:denied:?\s*)?permission_denied: read_package`)

func init() { sigGroups = append(sigGroups, sigsReadPackage) }

func sigsReadPackage() {
	register(&signature{
		id:   "ghcr-read-package",
		keys: []string{"read_package"},
		re:   readPackageRe,
		rank: func(h *hit, f *facts) []cand {
			h.host = orSome(h.host, "ghcr.io")
			h.assumeOp(opPull)
			return rank403(h, f)
		},
		tell: tellGHCRWrite,
	})
}

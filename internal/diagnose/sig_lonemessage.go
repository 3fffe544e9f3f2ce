package diagnose

import (
	"strings"
)

// Shapes from the silent misses of main aa71896 (fix17): a log that is the
// client's error message alone, as an issue thread quotes it (often its
// title) without the command or the registry host around it.
//
// Go's crypto/x509 words a failed chain or validity check the same in every
// Go client (docker, BuildKit, containerd, podman, crane): "x509:
// certificate signed by unknown authority" (UnknownAuthorityError),
// "x509: certificate has expired or is not yet valid" (CertificateInvalidError
// with Expired), "x509: certificate is valid for A, not B" (HostnameError),
// and Go 1.20+ prefixes a handshake's failure with "tls: failed to verify
// certificate: " (crypto/tls, go.dev/doc/go1.20#crypto/tls). The
// tls-untrusted signature (sig_transport.go) wants registry context on the
// line or just before it, because kubectl, the Go module proxy or a webhook
// say the same. A log whose first line is that message and nothing else, and
// which names no registry and no other service anywhere, has nothing else to be about:
// it is read as the registry's certificate, a little less surely. Go's hint
// after an unknown authority and a remark in another script around the
// message (remark.go) still leave it alone.

var loneTLSRe = lazyRe(`(?i)^\s*` + remarkLead + `(?:tls: failed to verify certificate: )?x509: (certificate signed by unknown authority|certificate has expired or is not yet valid|certificate is valid for [^\s,]+(?:, [^\s,]+)*, not \S+|cannot validate certificate for \S+ because it doesn't contain any IP SANs)` + goX509Hint + `\s*\.?` + remarkTail + `\s*$`)

// A Go TLS message wrapped after its "x509:" prefix (a terminal or an issue
// pasted at a fixed width): the URL and the prefix end one line, the reason
// ("certificate signed by unknown authority") starts the next. The first
// line holds the "x509:" key, so the prefilter delivers it; facts.x509Cut
// keeps it, and the reason's line is read with the cut line's context.
var kX509Cut = lowKey("x509:")

var wrappedTLSRe = lazyRe(`(?i)^\s*(certificate signed by unknown authority|certificate is valid for [^\s,]+(?:, [^\s,]+)*, not \S+)`)

// observeX509Cut records a line that ends right after "x509:".
func (f *facts) observeX509Cut(n int, low string) {
	if f.has(kX509Cut) && strings.HasSuffix(strings.TrimRight(low, " \t\r"), "x509:") {
		f.x509Cut, f.x509CutLow = n, low
	}
}

func init() { sigGroups = append(sigGroups, sigsLoneMessage) }

func sigsLoneMessage() {
	register(&signature{
		id: "tls-untrusted-lone-message",
		// The keys are tls-untrusted's own: no new prefilter keyword.
		keys: []string{"x509:", "certificate signed by unknown authority", "failed to verify certificate", "certificate is valid for"},
		re:   loneTLSRe,
		veto: gitLike,
		rank: func(h *hit, f *facts) []cand {
			if h.line() != 1 || f.lastRegistry > 0 || f.otherService > 0 || f.otherEcoLine > 0 {
				// Below another line, or with a registry line, the
				// tls-untrusted signature reads it with its context; with
				// another service's line it is that service's certificate.
				return nil
			}
			if strings.Contains(h.low, "not yet valid") {
				return []cand{c("tls-untrusted", 0.7, "The registry's certificate is outside its validity period as this machine's clock sees it: expired (renew it) or not valid yet (the runner's or VM's clock is behind). The log quotes only the message; check the certificate's dates against the machine's clock."),
					c("clock-skew", 0.55, "")}
			}
			if cs := sameOperatorCands(h, 0.8); cs != nil {
				return cs // tlsoperator.go
			}
			why := "The registry's TLS certificate is not trusted by the client (a private CA or self-signed certificate the client's host does not trust) or does not name the host dialled. The log quotes only Go's x509 message: give the CA to the process that dials the registry (the daemon's /etc/docker/certs.d/HOST/ca.crt, the BuildKit builder's config, the system trust store), not only to the job's shell."
			return []cand{c("tls-untrusted", 0.8, why)}
		},
	}, &signature{
		id: "tls-untrusted-wrapped",
		// tls-untrusted's own keys: no new prefilter keyword.
		keys: []string{"certificate signed by unknown authority", "certificate is valid for"},
		re:   wrappedTLSRe,
		rank: func(h *hit, f *facts) []cand {
			if f.x509Cut == 0 || h.line()-f.x509Cut != 1 || !registryContextBeyondHosts(f.x509CutLow) || containsAny(f.x509CutLow, gitLike) {
				return nil // not the continuation of a registry request's cut message
			}
			return []cand{c("tls-untrusted", 0.88, "The registry's TLS certificate is not trusted by this client (a private CA or self-signed certificate, or a CA bundle replaced instead of extended) or does not name the host dialled; the message is wrapped after its \"x509:\" prefix.")}
		},
	})
}

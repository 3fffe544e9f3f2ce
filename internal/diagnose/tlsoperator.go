package diagnose

import "strings"

// Go's crypto/x509 HostnameError reads "x509: certificate is valid for
// NAME[, NAME…], not HOST". When the names the certificate does carry all
// belong to the operator of the host dialled (GitHub's *.githubassets.com
// served on GHCR's blob host pkg-containers.githubusercontent.com, during
// GitHub's incident of 2023-03-24), the certificate is the operator's own,
// publicly trusted one, put on the wrong front end: a fault on the
// registry's side that no CA bundle or insecure-registry setting on the
// client fixes. A certificate for a foreign name (a Kubernetes API server,
// a firewall's, an unrelated CDN customer's: DNS or an intercepting proxy
// in the client's network) keeps the tls-untrusted reading.

// registryOperators maps the registrable domains of public registries and
// of the hosts they redirect blob downloads to, per operator.
var registryOperators = map[string]string{
	"ghcr.io": "GitHub", "github.com": "GitHub", "githubusercontent.com": "GitHub", "githubassets.com": "GitHub", "github.io": "GitHub",
	"docker.io": "Docker", "docker.com": "Docker",
	"quay.io": "Red Hat", "redhat.io": "Red Hat", "redhat.com": "Red Hat",
	"gcr.io": "Google", "pkg.dev": "Google", "googleapis.com": "Google", "google.com": "Google",
	"azurecr.io": "Microsoft", "microsoft.com": "Microsoft", "windows.net": "Microsoft", "azureedge.net": "Microsoft",
	"gitlab.com": "GitLab", "gitlab-static.net": "GitLab",
}

// operatorOf returns the operator of a host or certificate name ("" when
// it is not one of registryOperators' domains). A leading "*." is dropped.
func operatorOf(name string) string {
	name = strings.TrimSuffix(strings.TrimPrefix(strings.ToLower(strings.TrimSpace(name)), "*."), ".")
	for {
		if op, ok := registryOperators[name]; ok {
			return op
		}
		i := strings.IndexByte(name, '.')
		if i < 0 {
			return ""
		}
		name = name[i+1:]
	}
}

var hostnameErrorRe = lazyRe(`certificate is valid for ([^\s,]+(?:, [^\s,]+)*), not ([^\s",]+)`)

// sameOperatorCert reports the operator when a HostnameError on the line
// names only certificates of the dialled host's own operator.
func sameOperatorCert(low string) (string, bool) {
	m := hostnameErrorRe.FindStringSubmatch(low)
	if m == nil {
		return "", false
	}
	host := strings.TrimRight(m[2], ".:;)")
	op := operatorOf(host)
	if op == "" {
		return "", false
	}
	for _, n := range strings.Split(m[1], ", ") {
		if operatorOf(n) != op {
			return "", false
		}
	}
	return op, true
}

// sameOperatorCands returns registry-fault (weight w) over tls-untrusted for
// a HostnameError that names only the dialled host's operator, else nil.
func sameOperatorCands(h *hit, w float64) []cand {
	op, ok := sameOperatorCert(h.low)
	if !ok {
		return nil
	}
	return []cand{c("registry-fault", w, "The certificate names only other hosts of "+op+", the operator of the host dialled: the registry's front end or download CDN served the wrong certificate, its own. That is an incident or misconfiguration on the registry side, which no CA bundle or insecure-registry setting on this machine fixes; retry later and check the registry's status page."),
		c("tls-untrusted", 0.45, "")}
}

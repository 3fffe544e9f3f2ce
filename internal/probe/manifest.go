package probe

import (
	"net/http"
	"strings"

	"github.com/regdoctor/regdoctor/internal/finding"
)

// manifestAccept lists the manifest media types clients accept (OCI image
// spec and Docker image manifest v2, schema 2).
var manifestAccept = strings.Join([]string{
	"application/vnd.oci.image.index.v1+json",
	"application/vnd.oci.image.manifest.v1+json",
	"application/vnd.docker.distribution.manifest.list.v2+json",
	"application/vnd.docker.distribution.manifest.v2+json",
}, ", ")

// stepManifest checks pull access with HEAD /v2/NAME/manifests/REFERENCE
// (OCI distribution spec end-3). A 404 is retried as GET once to read the
// error code (NAME_UNKNOWN vs MANIFEST_UNKNOWN), since HEAD has no body.
func (p *prober) stepManifest() (finding.StepOutcome, string) {
	target := p.baseURL() + "/v2/" + p.repo + "/manifests/" + p.ref
	where := "HEAD /v2/" + p.repo + "/manifests/" + p.ref
	req, _ := http.NewRequest(http.MethodHead, target, nil)
	req.Header.Set("Accept", manifestAccept)
	p.authorize(req)
	x := p.do(req)
	if x.err != nil {
		return p.fail(StepManifest, "registry-unreachable", 0.8, where+": "+x.err.Error(), "The registry did not answer the manifest request usably.")
	}
	if x.status == http.StatusOK {
		d := where + " 200"
		if dg := x.header.Get("Docker-Content-Digest"); dg != "" {
			d += ", digest " + dg
		}
		if ct := x.header.Get("Content-Type"); ct != "" {
			d += ", " + ct
		}
		return finding.StepOK, d
	}
	if x.status == http.StatusNotFound || x.status == http.StatusUnauthorized || x.status == http.StatusForbidden {
		get, _ := http.NewRequest(http.MethodGet, target, nil)
		get.Header.Set("Accept", manifestAccept)
		p.authorize(get)
		if g := p.do(get); g.err == nil && g.status == x.status {
			x.body = g.body
			where = "GET /v2/" + p.repo + "/manifests/" + p.ref
		}
	}
	return p.requestFailure(StepManifest, where, x)
}

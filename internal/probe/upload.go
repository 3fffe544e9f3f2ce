package probe

import (
	"fmt"
	"net/http"
	"net/url"
	"strings"

	"github.com/regdoctor/regdoctor/internal/finding"
)

// stepUpload proves push without writing: POST /v2/NAME/blobs/uploads/
// opens an upload session (202 Accepted + Location), then DELETE of that
// Location cancels it (OCI distribution spec end-4a and end-14). No blob is
// sent and no mount is requested: a cross-repository mount (201) is a write.
func (p *prober) stepUpload() (finding.StepOutcome, string) {
	target := p.baseURL() + "/v2/" + p.repo + "/blobs/uploads/"
	req, _ := http.NewRequest(http.MethodPost, target, http.NoBody)
	req.ContentLength = 0
	p.authorize(req)
	x := p.do(req)
	where := "POST /v2/" + p.repo + "/blobs/uploads/"
	if x.err != nil {
		return p.fail(StepUpload, "registry-unreachable", 0.8, where+": "+x.err.Error(),
			fmt.Sprintf("The registry did not answer the upload request usably: %v.", x.err))
	}
	switch x.status {
	case http.StatusAccepted:
		detail := where + " 202 Accepted"
		detail += "; " + p.cancelUpload(req.URL, x.header.Get("Location"))
		if p.tokenWarn != "" {
			detail += "; " + p.tokenWarn
			return finding.StepWarn, detail
		}
		return finding.StepOK, detail
	case http.StatusCreated:
		// Only a mount or a monolithic upload creates a blob, and neither was asked for.
		return finding.StepWarn, where + " 201 Created (unexpected for an empty POST; nothing was sent)"
	}
	return p.requestFailure(StepUpload, where, x)
}

// cancelUpload deletes the upload session at loc, resolved against the POST
// URL. Credentials go only to the registry's own host.
func (p *prober) cancelUpload(base *url.URL, loc string) string {
	if loc == "" {
		return "no Location header: session not cancelled (it expires on the registry)"
	}
	u, err := base.Parse(loc)
	if err != nil {
		return "unparsable Location: session not cancelled"
	}
	req, _ := http.NewRequest(http.MethodDelete, u.String(), nil)
	if strings.EqualFold(u.Host, base.Host) {
		p.authorize(req)
	} else if u.Scheme != "https" {
		return "Location on another host over plain HTTP: session not cancelled"
	}
	x := p.do(req)
	switch {
	case x.err != nil:
		return "session cancel failed (" + x.err.Error() + "); it expires on the registry"
	case x.status == http.StatusNoContent || x.status == http.StatusOK || x.status == http.StatusAccepted:
		return fmt.Sprintf("upload session cancelled (DELETE %d)", x.status)
	case x.status == http.StatusUnauthorized || x.status == http.StatusForbidden:
		// distribution authorises DELETE as the "delete" action, which a
		// pull,push token does not carry (registry/handlers/app.go
		// appendAccessRecords); go-containerregistry's cancel meets the same.
		return fmt.Sprintf("DELETE of the empty session answered %d (cancelling needs the delete action here); it expires on the registry", x.status)
	}
	return fmt.Sprintf("DELETE of the session answered %d; it expires on the registry", x.status)
}

func (p *prober) authorize(req *http.Request) {
	if p.authz != "" {
		req.Header.Set("Authorization", p.authz)
	}
}

// requestFailure maps a refused registry request (upload or manifest) to a cause.
func (p *prober) requestFailure(step, where string, x exchange) (finding.StepOutcome, string) {
	msg := x.summary()
	chal, _ := parseChallenges(x.header.Values("WWW-Authenticate"))
	chalErr := ""
	for _, c := range chal {
		if e := c.Params["error"]; e != "" {
			chalErr = e
			if d := c.Params["error_description"]; d != "" {
				chalErr += " (" + d + ")"
			}
		}
	}
	detail := fmt.Sprintf("%s %d", where, x.status)
	if chalErr != "" {
		detail += " error=" + chalErr
	}
	if msg != "" {
		detail += " " + msg
	}
	if p.res.Granted != nil {
		detail += "; token grants " + fmtActions(p.res.Granted)
	}
	low := strings.ToLower(msg + " " + chalErr)
	switch {
	case x.status == http.StatusTooManyRequests || x.hasCode("TOOMANYREQUESTS"):
		return p.fail(step, "rate-limited", 1, detail, "The registry rate-limits this client.")
	case x.status >= 500:
		return p.fail(step, "registry-fault", 0.9, detail, fmt.Sprintf("The registry failed with %d: it or its proxy is broken; the client setup may be fine.", x.status))
	case x.status >= 300 && x.status < 400:
		return p.fail(step, "registry-fault", 0.7, fmt.Sprintf("%s %d redirect to %s: not followed", where, x.status, safeURL(x.location)),
			"The registry redirects the request to another host; credentials were not sent there.")
	case x.status == http.StatusNotFound && (x.hasCode("NAME_UNKNOWN") || strings.Contains(low, "does not exist") || strings.Contains(low, "not found")) && !x.hasCode("MANIFEST_UNKNOWN"):
		return p.fail(step, "repo-not-found", 0.9, detail,
			fmt.Sprintf("The repository %s does not exist on %s and this registry does not create it on push (or hides it from this identity).", p.repo, p.host))
	case x.status == http.StatusNotFound && step == StepManifest:
		return p.fail(step, "manifest-unknown", 0.9, detail, fmt.Sprintf("%s:%s does not exist on %s (or is hidden from this identity).", p.repo, p.ref, p.host))
	case x.status == http.StatusMethodNotAllowed || x.hasCode("UNSUPPORTED"):
		return p.fail(step, "registry-disabled", 0.7, detail,
			fmt.Sprintf("%s does not accept uploads to %s: a read-only registry, a pull-through cache, or a registry feature switched off.", p.host, p.repo))
	case x.status == http.StatusUnauthorized && p.expired:
		return p.fail(step, "token-expired", 0.9, detail+"; "+p.tokenWarn,
			"The registry rejects the token: it was already expired when issued ("+p.tokenWarn+"); the credential or the token service's session has expired.")
	case x.status == http.StatusUnauthorized && (strings.Contains(low, "expired") || strings.Contains(chalErr, "invalid_token")):
		if p.skewed {
			return p.fail(step, "clock-skew", 0.8, detail+"; "+p.tokenWarn,
				"The registry rejects a token that is valid by the issuer's clock: this machine's clock is off ("+p.tokenWarn+").")
		}
		return p.credentialRejected(step, detail, msg)
	case x.status == http.StatusUnauthorized && (p.cred == nil || p.cred.Empty()):
		return p.anonymousDenied(step, detail, msg)
	case x.status == http.StatusUnauthorized && (p.chal == nil || p.chal.Scheme == "basic") && p.cred.RegistryToken == "":
		// Basic auth: the credential itself was refused (ECR, htpasswd).
		return p.credentialRejected(step, detail, msg)
	case x.status == http.StatusUnauthorized || x.status == http.StatusForbidden:
		return p.denied(step, detail, msg)
	}
	return p.fail(step, "registry-fault", 0.6, detail, fmt.Sprintf("The registry answered %d.", x.status))
}

package probe

import (
	"encoding/base64"
	"encoding/json"
	"fmt"
	"net"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/regdoctor/regdoctor/internal/finding"
)

// tokenResponse is the token server's answer (distribution
// docs/spec/auth/token.md "Token Response Fields"; oauth.md for access_token).
type tokenResponse struct {
	Token       string `json:"token"`
	AccessToken string `json:"access_token"`
	ExpiresIn   int    `json:"expires_in"`
	IssuedAt    string `json:"issued_at"`
}

// jwtClaims are the claims of a registry token (distribution
// docs/spec/auth/jwt.md). Tokens are formally opaque: they are decoded only
// opportunistically, never verified, and never printed.
type jwtClaims struct {
	Access []struct {
		Type    string   `json:"type"`
		Name    string   `json:"name"`
		Actions []string `json:"actions"`
	} `json:"access"`
	Exp float64 `json:"exp"`
	Nbf float64 `json:"nbf"`
	Iat float64 `json:"iat"`
	Sub string  `json:"sub"`
}

// decodeJWT returns the claims of a JWS compact token, or nil.
func decodeJWT(tok string) *jwtClaims {
	parts := strings.Split(tok, ".")
	if len(parts) != 3 || len(parts[1]) > maxBody {
		return nil
	}
	raw, err := base64.RawURLEncoding.DecodeString(strings.TrimRight(parts[1], "="))
	if err != nil {
		return nil
	}
	var c jwtClaims
	if json.Unmarshal(raw, &c) != nil {
		return nil
	}
	return &c
}

// granted returns the actions the claims grant on repository repo
// (nil when the access claim does not name it).
func (c *jwtClaims) granted(repo string) []string {
	var out []string
	for _, a := range c.Access {
		if a.Type == "repository" && a.Name == repo {
			out = append(out, a.Actions...)
		}
	}
	if out == nil {
		out = []string{}
	}
	return out
}

func has(actions []string, want string) bool {
	for _, a := range actions {
		if a == want || a == "*" {
			return true
		}
	}
	return false
}

// scope is the scope requested: repository:NAME:pull,push for a push check
// (distribution docs/spec/auth/scope.md).
func (p *prober) scope() string {
	if p.o.Pull {
		return "repository:" + p.repo + ":pull"
	}
	return "repository:" + p.repo + ":pull,push"
}

// validateRealm decides whether credentials may go to the token realm. They
// may when the realm is on the registry's host, on Docker Hub's auth host
// for Docker Hub, on the registry host's parent domain (registry.gitlab.com
// -> gitlab.com), or on a host named by --allow-realm-host. A realm over
// plain HTTP is allowed only for an insecure registry (go-containerregistry
// transport/bearer.go validateRealmURL has the same scheme rule).
func (p *prober) validateRealm(realm string) (u *url.URL, sendCreds bool, why string) {
	u, err := url.Parse(realm)
	if err != nil || u.Host == "" {
		return nil, false, fmt.Sprintf("realm %q is not an absolute URL", clip(realm, 100))
	}
	switch u.Scheme {
	case "https":
	case "http":
		if !p.insecure {
			return nil, false, fmt.Sprintf("realm %s is plain HTTP for a registry spoken to over HTTPS", safeURL(realm))
		}
	default:
		return nil, false, fmt.Sprintf("realm scheme %q is not http(s)", u.Scheme)
	}
	rh := strings.ToLower(u.Hostname())
	reg := strings.ToLower(p.hostOnly())
	for _, h := range p.o.AllowRealmHosts {
		if strings.EqualFold(strings.TrimSpace(h), rh) || strings.EqualFold(strings.TrimSpace(h), u.Host) {
			return u, true, "allowed by --allow-realm-host"
		}
	}
	switch {
	case strings.EqualFold(u.Host, p.apiHost) || (rh == reg && u.Port() == "" && !p.explicitPt):
		return u, true, ""
	case rh == reg:
		return u, true, "same host, another port"
	case p.host == "docker.io" && rh == "auth.docker.io":
		return u, true, ""
	case net.ParseIP(reg) == nil && strings.Count(reg, ".") >= 2 && rh == reg[strings.IndexByte(reg, '.')+1:]:
		return u, true, "parent domain of the registry host"
	}
	return u, false, fmt.Sprintf("realm host %s is not the registry host %s", u.Host, p.apiHost)
}

// stepToken requests a token for the repository scope and decodes its
// access claim.
func (p *prober) stepToken() (finding.StepOutcome, string) {
	switch {
	case p.chal == nil:
		p.setBasicAuthz()
		return finding.StepSkipped, "no challenge: the registry did not ask for credentials"
	case p.chal.Scheme == "basic":
		p.setBasicAuthz()
		return finding.StepSkipped, "Basic challenge (realm " + p.chal.Params["realm"] + "): credentials go with each request, no token exchange"
	case p.cred != nil && p.cred.RegistryToken != "":
		p.authz = "Bearer " + p.cred.RegistryToken
		return finding.StepSkipped, "registry token from " + p.cred.Source + " is sent as the bearer token"
	}
	realm := p.chal.Params["realm"]
	u, sendCreds, why := p.validateRealm(realm)
	if u == nil {
		return p.fail(StepToken, "registry-fault", 0.8, why, "The registry's challenge points to an unusable token realm: "+why+".")
	}
	withCreds := p.cred != nil && !p.cred.Empty()
	if withCreds && !sendCreds {
		return p.inconclusive(fmt.Sprintf("%s: credentials not sent there; rerun with --allow-realm-host %s if that host is the registry's token service", why, u.Hostname()))
	}
	if why != "" && withCreds {
		p.note("token realm %s: %s", u.Host, why)
	}
	q := u.Query()
	if svc, ok := p.chal.Params["service"]; ok {
		q.Set("service", svc)
	}
	q.Set("scope", p.scope())

	var req *http.Request
	mode := "anonymous"
	switch {
	case withCreds && p.cred.IdentityToken != "":
		// OAuth2 refresh token grant (distribution docs/spec/auth/oauth.md).
		form := url.Values{"grant_type": {"refresh_token"}, "refresh_token": {p.cred.IdentityToken},
			"service": {q.Get("service")}, "scope": {p.scope()}, "client_id": {"regdoctor"}}
		req, _ = http.NewRequest(http.MethodPost, u.Scheme+"://"+u.Host+u.Path, strings.NewReader(form.Encode()))
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		mode = "identity token (OAuth2 refresh_token)"
	default:
		u.RawQuery = q.Encode()
		req, _ = http.NewRequest(http.MethodGet, u.String(), nil)
		if withCreds {
			req.SetBasicAuth(p.cred.Username, p.cred.Password)
			mode = "Basic credentials of " + p.cred.Username
		}
	}
	x := p.do(req)
	where := fmt.Sprintf("token request to %s for %s (%s)", u.Host, p.scope(), mode)
	if x.err != nil {
		return p.fail(StepToken, "registry-unreachable", 0.9, where+": "+x.err.Error(),
			fmt.Sprintf("The token service %s did not answer usably: %v.", u.Host, x.err))
	}
	if x.status != http.StatusOK {
		return p.tokenFailure(where, x)
	}
	if x.tooLarge {
		return p.fail(StepToken, "registry-fault", 0.9, where+": token response larger than 1 MiB", "The token service sent an oversized response.")
	}
	var tr tokenResponse
	if err := json.Unmarshal(x.body, &tr); err != nil {
		return p.fail(StepToken, "registry-fault", 0.9, where+": token response is not JSON", "The token service answered 200 with a body that is not a token response.")
	}
	tok := tr.Token
	if tok == "" {
		tok = tr.AccessToken
	}
	if tok == "" {
		return p.fail(StepToken, "registry-fault", 0.9, where+": 200 without a token", "The token service answered 200 without a token.")
	}
	p.authz = "Bearer " + tok
	detail := "token issued"
	if tr.ExpiresIn > 0 {
		detail += fmt.Sprintf(", expires in %ds", tr.ExpiresIn)
	}
	p.claims = decodeJWT(tok)
	if p.claims == nil {
		return finding.StepOK, detail + "; access claim not readable (opaque token): the next step decides"
	}
	g := p.claims.granted(p.repo)
	p.res.Granted = g
	detail += fmt.Sprintf("; access claim grants %s on %s", fmtActions(g), p.repo)
	if sub := p.claims.Sub; sub != "" {
		detail += " to " + sub
	}
	now := p.now()
	skew := time.Minute
	switch {
	case p.claims.Nbf > 0 && time.Unix(int64(p.claims.Nbf), 0).After(now.Add(skew)):
		p.skewed = true
		p.tokenWarn = fmt.Sprintf("token not valid before %s but this machine's clock says %s", time.Unix(int64(p.claims.Nbf), 0).UTC().Format(time.RFC3339), now.UTC().Format(time.RFC3339))
	case p.claims.Iat > 0 && time.Unix(int64(p.claims.Iat), 0).After(now.Add(skew)):
		p.skewed = true
		p.tokenWarn = fmt.Sprintf("token issued at %s, after this machine's clock (%s)", time.Unix(int64(p.claims.Iat), 0).UTC().Format(time.RFC3339), now.UTC().Format(time.RFC3339))
	case p.claims.Exp > 0 && time.Unix(int64(p.claims.Exp), 0).Before(now):
		p.expired = true
		p.tokenWarn = fmt.Sprintf("token already expired by this machine's clock (exp %s, now %s)", time.Unix(int64(p.claims.Exp), 0).UTC().Format(time.RFC3339), now.UTC().Format(time.RFC3339))
	}
	if p.tokenWarn != "" {
		return finding.StepWarn, detail + "; " + p.tokenWarn
	}
	if !has(g, p.action()) {
		hint := "the next step confirms"
		if p.host == "docker.io" {
			hint = "Docker Hub issues a token for any request; the upload decides"
		}
		return finding.StepWarn, detail + "; " + p.action() + " not granted (" + hint + ")"
	}
	return finding.StepOK, detail
}

func fmtActions(a []string) string {
	if len(a) == 0 {
		return "nothing"
	}
	return "[" + strings.Join(a, ",") + "]"
}

// setBasicAuthz prepares Basic credentials for a registry that asks for them.
func (p *prober) setBasicAuthz() {
	if p.cred == nil || p.cred.Empty() {
		return
	}
	if p.cred.RegistryToken != "" {
		p.authz = "Bearer " + p.cred.RegistryToken
		return
	}
	r, _ := http.NewRequest(http.MethodGet, "http://x/", nil)
	r.SetBasicAuth(p.cred.Username, p.cred.Password)
	p.authz = r.Header.Get("Authorization")
}

// tokenFailure maps a non-200 token answer to a cause.
func (p *prober) tokenFailure(where string, x exchange) (finding.StepOutcome, string) {
	msg := x.summary()
	detail := fmt.Sprintf("%s: %d %s", where, x.status, msg)
	low := strings.ToLower(msg)
	switch {
	case x.status == http.StatusTooManyRequests:
		return p.fail(StepToken, "rate-limited", 1, detail, "The token service rate-limits this client.")
	case x.status >= 500:
		return p.fail(StepToken, "registry-fault", 0.8, detail,
			fmt.Sprintf("The token service failed with %d. (GitLab also answers 500 from /jwt/auth when the triggering user's role cannot push.)", x.status))
	case x.status == http.StatusUnauthorized && (p.cred == nil || p.cred.Empty()):
		return p.anonymousDenied(StepToken, detail, msg)
	case x.status == http.StatusUnauthorized, x.status == http.StatusBadRequest && strings.Contains(low, "expired"):
		return p.credentialRejected(StepToken, detail, msg)
	case x.status == http.StatusForbidden, x.status == http.StatusUnauthorized:
		if p.cred == nil {
			return p.anonymousDenied(StepToken, detail, msg)
		}
		return p.denied(StepToken, detail, msg)
	case x.status == http.StatusNotFound:
		if strings.Contains(low, "not exist") || strings.Contains(low, "not found") {
			return p.denied(StepToken, detail, msg)
		}
		return p.fail(StepToken, "registry-fault", 0.7, detail, "The token realm answered 404: the registry's token service is misconfigured.")
	}
	return p.fail(StepToken, "registry-fault", 0.6, detail, fmt.Sprintf("The token service answered %d.", x.status))
}

package probe

import (
	"fmt"
	"net/http"
	"net/url"
	"strings"

	"github.com/regdoctor/regdoctor/internal/finding"
	"github.com/regdoctor/regdoctor/internal/reghost"
)

// challenge is one WWW-Authenticate challenge (RFC 9110 section 11.6.1).
type challenge struct {
	Scheme string            // "basic" or "bearer", lowercased
	Params map[string]string // keys lowercased: realm, service, scope, error, error_description
}

func (c challenge) String() string {
	s := strings.ToUpper(c.Scheme[:1]) + c.Scheme[1:]
	for _, k := range []string{"realm", "service", "scope", "error"} {
		if v, ok := c.Params[k]; ok {
			s += fmt.Sprintf(" %s=%q", k, v)
		}
	}
	return s
}

// baseURL is the registry's URL with the host as written (no default port added).
func (p *prober) baseURL() string {
	return p.scheme + "://" + p.apiHost
}

// stepPing sends GET /v2/ without credentials and reads the challenge
// (distribution docs/spec/auth/token.md "How to authenticate"; OCI
// distribution spec end-1).
func (p *prober) stepPing() (finding.StepOutcome, string) {
	req, _ := http.NewRequest(http.MethodGet, p.baseURL()+"/v2/", nil)
	x := p.do(req)
	if x.err != nil {
		if strings.Contains(x.err.Error(), "HTTP response to HTTPS client") {
			return p.fail(StepPing, "http-https-mismatch", 1, x.err.Error(), "The registry answers plain HTTP where HTTPS is expected.")
		}
		return p.fail(StepPing, "registry-unreachable", 1, "GET /v2/: "+x.err.Error(),
			fmt.Sprintf("%s accepted a connection but GET /v2/ got no usable answer: %v.", p.apiHost, x.err))
	}
	switch {
	case x.status == http.StatusOK:
		return finding.StepOK, "GET /v2/ 200: no authentication required"
	case x.status == http.StatusUnauthorized:
		chals, err := parseChallenges(x.header.Values("WWW-Authenticate"))
		if err != nil || len(chals) == 0 {
			why := "no WWW-Authenticate challenge"
			if err != nil {
				why = "malformed WWW-Authenticate challenge: " + err.Error()
			}
			return p.fail(StepPing, "registry-fault", 0.9, "GET /v2/ 401, "+why,
				fmt.Sprintf("%s answers 401 to GET /v2/ with a %s, so no client can authenticate: the registry or a proxy in front of it is misconfigured.", p.apiHost, why))
		}
		p.chals = chals
		p.chal = pickChallenge(chals)
		if p.chal == nil {
			return p.fail(StepPing, "registry-fault", 0.8, "GET /v2/ 401 with no Basic or Bearer challenge: "+chals[0].Scheme,
				fmt.Sprintf("%s asks for an authentication scheme (%s) that registry clients do not speak.", p.apiHost, chals[0].Scheme))
		}
		if p.chal.Scheme == "bearer" && p.chal.Params["realm"] == "" {
			return p.fail(StepPing, "registry-fault", 0.9, "GET /v2/ 401, Bearer challenge without realm",
				fmt.Sprintf("%s sends a Bearer challenge without a realm, so no token can be requested.", p.apiHost))
		}
		detail := "GET /v2/ 401, challenge " + p.chal.String()
		if k := kindFromRealm(p.chal.Params["realm"]); k != "" && p.kind == reghost.Distribution && p.o.Kind == reghost.Unknown {
			p.kind = k
			detail += " (" + reghost.Names[k] + ", from the realm path)"
		}
		if len(chals) > 1 {
			var others []string
			for _, c := range chals {
				if c.Scheme != p.chal.Scheme {
					others = append(others, c.Scheme)
				}
			}
			if len(others) > 0 {
				detail += " (also offered: " + strings.Join(others, ", ") + ")"
			}
		}
		return finding.StepOK, detail
	case x.status == http.StatusTooManyRequests:
		return p.fail(StepPing, "rate-limited", 1, "GET /v2/ 429 "+x.summary(), "The registry rate-limits this client already at GET /v2/.")
	case x.status >= 300 && x.status < 400:
		return p.fail(StepPing, "registry-fault", 0.8, fmt.Sprintf("GET /v2/ %d redirect to %s: not followed", x.status, safeURL(x.location)),
			fmt.Sprintf("%s redirects GET /v2/ to %s; registry clients expect an answer from the registry host itself.", p.apiHost, safeURL(x.location)))
	case x.status == http.StatusBadRequest && strings.Contains(string(x.body), "HTTP request to an HTTPS server"):
		return p.fail(StepPing, "http-https-mismatch", 1, "400: Client sent an HTTP request to an HTTPS server",
			fmt.Sprintf("%s speaks HTTPS but was addressed over plain HTTP.", p.apiHost))
	case x.status == http.StatusNotFound:
		return p.fail(StepPing, "registry-unreachable", 0.7, "GET /v2/ 404: no registry API here",
			fmt.Sprintf("%s answers but not as a container registry (GET /v2/ is 404): wrong host, or a path-based registry behind a proxy.", p.apiHost))
	case x.status >= 500:
		return p.fail(StepPing, "registry-fault", 1, fmt.Sprintf("GET /v2/ %d %s", x.status, x.summary()),
			fmt.Sprintf("The registry answers GET /v2/ with %d: it or its proxy is failing.", x.status))
	}
	return p.fail(StepPing, "registry-fault", 0.6, fmt.Sprintf("GET /v2/ %d %s", x.status, x.summary()),
		fmt.Sprintf("The registry answers GET /v2/ with an unexpected %d.", x.status))
}

// kindFromRealm recognises self-hosted registries by their token realm
// path: Harbor serves /service/token, GitLab /jwt/auth.
func kindFromRealm(realm string) reghost.Kind {
	u, err := url.Parse(realm)
	if err != nil {
		return ""
	}
	switch strings.TrimSuffix(u.Path, "/") {
	case "/service/token":
		return reghost.Harbor
	case "/jwt/auth":
		return reghost.GitLab
	}
	return ""
}

// pickChallenge prefers Bearer (the token flow) over Basic, as docker and
// go-containerregistry do.
func pickChallenge(cs []challenge) *challenge {
	for _, s := range []string{"bearer", "basic"} {
		for i := range cs {
			if cs[i].Scheme == s {
				return &cs[i]
			}
		}
	}
	return nil
}

// safeURL drops user info and query (which may carry signatures) from u.
func safeURL(u string) string {
	pu, err := url.Parse(u)
	if err != nil || pu.Host == "" {
		return clip(u, 80)
	}
	pu.User, pu.RawQuery, pu.Fragment = nil, "", ""
	return pu.String()
}

// parseChallenges parses WWW-Authenticate header values, each of which may
// hold several challenges ("Basic realm=\"x\", Bearer realm=\"y\",service=\"z\"",
// as Quay sends). Grammar: RFC 9110 section 11.6.1 (auth-scheme, auth-param
// with token or quoted-string values); token68 forms are skipped.
func parseChallenges(values []string) ([]challenge, error) {
	var out []challenge
	for _, v := range values {
		cs, err := parseChallengeLine(v)
		if err != nil {
			return nil, err
		}
		out = append(out, cs...)
	}
	return out, nil
}

func isTokenChar(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || strings.IndexByte("!#$%&'*+-.^_`|~", c) >= 0
}

func parseChallengeLine(s string) ([]challenge, error) {
	var out []challenge
	i := 0
	skipWS := func() {
		for i < len(s) && (s[i] == ' ' || s[i] == '\t') {
			i++
		}
	}
	readToken := func() string {
		j := i
		for i < len(s) && isTokenChar(s[i]) {
			i++
		}
		return s[j:i]
	}
	readValue := func() (string, error) {
		if i < len(s) && s[i] == '"' {
			i++
			var b strings.Builder
			for i < len(s) {
				c := s[i]
				switch {
				case c == '\\' && i+1 < len(s):
					b.WriteByte(s[i+1])
					i += 2
				case c == '"':
					i++
					return b.String(), nil
				default:
					b.WriteByte(c)
					i++
				}
			}
			return "", fmt.Errorf("unterminated quoted string")
		}
		// Unquoted values: RFC 9110 allows only a token, but registries
		// have sent bare URLs; read up to the next comma or blank.
		j := i
		for i < len(s) && s[i] != ',' && s[i] != ' ' && s[i] != '\t' && s[i] != '"' {
			i++
		}
		v := s[j:i]
		if v == "" {
			return "", fmt.Errorf("missing value at offset %d", i)
		}
		return v, nil
	}
	for {
		for i < len(s) && (s[i] == ' ' || s[i] == '\t' || s[i] == ',') {
			i++
		}
		if i >= len(s) {
			return out, nil
		}
		scheme := readToken()
		if scheme == "" {
			return nil, fmt.Errorf("unexpected %q at offset %d", s[i], i)
		}
		c := challenge{Scheme: strings.ToLower(scheme), Params: map[string]string{}}
		skipWS()
		// Parameters until the next scheme or the end.
		for i < len(s) {
			save := i
			for i < len(s) && (s[i] == ' ' || s[i] == '\t' || s[i] == ',') {
				i++
			}
			if i >= len(s) {
				break
			}
			key := readToken()
			if key == "" {
				return nil, fmt.Errorf("unexpected %q at offset %d", s[i], i)
			}
			skipWS()
			if i < len(s) && s[i] == '=' {
				i++
				// token68 ("abc==") has only '=' after it: skip it.
				if i >= len(s) || s[i] == ',' || s[i] == '=' {
					for i < len(s) && s[i] == '=' {
						i++
					}
					continue
				}
				skipWS()
				val, err := readValue()
				if err != nil {
					return nil, err
				}
				c.Params[strings.ToLower(key)] = val
				skipWS()
				continue
			}
			// A token not followed by '=' starts the next challenge.
			i = save
			break
		}
		out = append(out, c)
	}
}

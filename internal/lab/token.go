package lab

import (
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/json"
	"encoding/pem"
	"math/big"
	"net/http"
	"slices"
	"strings"
	"time"

	"github.com/go-jose/go-jose/v4"
	"github.com/go-jose/go-jose/v4/jwt"
)

const tokenIssuer = "lab-token-issuer"

// tokenServer implements the token endpoint of the Docker registry token
// authentication spec (https://distribution.github.io/distribution/spec/auth/token/)
// and its OAuth2 variant (POST, grant_type=password;
// https://distribution.github.io/distribution/spec/auth/oauth/).
type tokenServer struct {
	reg     *Registry
	mode    TokenMode
	key     *ecdsa.PrivateKey
	certDER []byte
	certPEM []byte
	signer  jose.Signer
	now     func() time.Time
}

// accessEntry is one element of the JWT "access" claim.
type accessEntry struct {
	Type    string   `json:"type"`
	Name    string   `json:"name"`
	Actions []string `json:"actions"`
}

type tokenClaims struct {
	jwt.Claims
	Access []accessEntry `json:"access"`
}

func newTokenServer(r *Registry, mode TokenMode) (*tokenServer, error) {
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		return nil, err
	}
	tmpl := &x509.Certificate{
		SerialNumber:          big.NewInt(time.Now().UnixNano()),
		Subject:               pkix.Name{CommonName: tokenIssuer},
		NotBefore:             time.Now().Add(-24 * time.Hour),
		NotAfter:              time.Now().Add(24 * time.Hour),
		KeyUsage:              x509.KeyUsageDigitalSignature | x509.KeyUsageCertSign,
		BasicConstraintsValid: true,
		IsCA:                  true,
	}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, &key.PublicKey, key)
	if err != nil {
		return nil, err
	}
	// The x5c header carries the signing certificate, which is also the
	// registry's rootcertbundle (distribution 2.x accepts x5c only).
	opts := (&jose.SignerOptions{}).WithType("JWT").WithHeader("x5c", []string{encodeB64(der)})
	signer, err := jose.NewSigner(jose.SigningKey{Algorithm: jose.ES256, Key: key}, opts)
	if err != nil {
		return nil, err
	}
	return &tokenServer{
		reg: r, mode: mode, key: key, certDER: der,
		certPEM: pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: der}),
		signer:  signer, now: time.Now,
	}, nil
}

// acl returns the actions user may perform on repository name.
func (s *tokenServer) acl(user, name string) []string {
	if !strings.HasPrefix(name, s.reg.Namespace+"/") {
		return nil
	}
	switch user {
	case s.reg.Pusher.Name:
		return []string{"pull", "push"}
	case s.reg.Reader.Name:
		return []string{"pull"}
	}
	return nil
}

// parseScope splits "repository:team/app:push,pull" into its parts; the
// resource name may itself hold a colon (a registry with a port), so type is
// cut at the first colon and actions at the last.
func parseScope(scope string) (typ, name string, actions []string, ok bool) {
	typ, rest, ok1 := strings.Cut(scope, ":")
	i := strings.LastIndex(rest, ":")
	if !ok1 || i < 0 {
		return "", "", nil, false
	}
	name = rest[:i]
	for a := range strings.SplitSeq(rest[i+1:], ",") {
		if a = strings.TrimSpace(a); a != "" {
			actions = append(actions, a)
		}
	}
	return typ, name, actions, true
}

func (s *tokenServer) ServeHTTP(w http.ResponseWriter, req *http.Request) {
	var user, pass, service string
	var hasCred bool
	var scopes []string
	switch req.Method {
	case http.MethodGet:
		user, pass, hasCred = req.BasicAuth()
		q := req.URL.Query()
		service = q.Get("service")
		scopes = q["scope"]
	case http.MethodPost:
		if err := req.ParseForm(); err != nil {
			tokenError(w, http.StatusBadRequest, "invalid form")
			return
		}
		if gt := req.PostForm.Get("grant_type"); gt != "password" {
			tokenError(w, http.StatusBadRequest, "unsupported grant_type "+gt)
			return
		}
		user, pass = req.PostForm.Get("username"), req.PostForm.Get("password")
		hasCred = user != ""
		service = req.PostForm.Get("service")
		scopes = strings.Fields(req.PostForm.Get("scope"))
	default:
		tokenError(w, http.StatusMethodNotAllowed, "method not allowed")
		return
	}
	if service != "" && service != s.reg.Service {
		tokenError(w, http.StatusBadRequest, "unknown service "+service)
		return
	}
	if hasCred && !s.checkPassword(user, pass) {
		w.Header().Set("WWW-Authenticate", `Basic realm="lab-token-server"`)
		tokenError(w, http.StatusUnauthorized, "incorrect username or password")
		return
	}
	if !hasCred {
		user = ""
	}
	access := []accessEntry{}
	for _, sc := range scopes {
		for one := range strings.FieldsSeq(sc) {
			typ, name, want, ok := parseScope(one)
			if !ok || typ != "repository" {
				continue
			}
			granted := []string{}
			allowed := s.acl(user, name)
			for _, a := range want {
				if slices.Contains(allowed, a) || (a == "*" && len(allowed) > 0) {
					granted = append(granted, a)
				}
			}
			access = append(access, accessEntry{Type: typ, Name: name, Actions: granted})
		}
	}
	now := s.now()
	iat := now
	switch s.mode {
	case TokenExpired:
		iat = now.Add(-2 * time.Hour)
	case TokenNotYetValid:
		iat = now.Add(time.Hour)
	}
	exp := iat.Add(5 * time.Minute)
	if s.mode == TokenExpired {
		exp = now.Add(-time.Hour)
	}
	claims := tokenClaims{
		Claims: jwt.Claims{
			Issuer:    tokenIssuer,
			Subject:   user,
			Audience:  jwt.Audience{s.reg.Service},
			Expiry:    jwt.NewNumericDate(exp),
			NotBefore: jwt.NewNumericDate(iat),
			IssuedAt:  jwt.NewNumericDate(iat),
			ID:        randomHex(12),
		},
		Access: access,
	}
	raw, err := jwt.Signed(s.signer).Claims(claims).Serialize()
	if err != nil {
		tokenError(w, http.StatusInternalServerError, "signing failed")
		return
	}
	w.Header().Set("Content-Type", "application/json")
	json.NewEncoder(w).Encode(map[string]any{ //nolint:errcheck // client gone
		"token":        raw,
		"access_token": raw,
		"expires_in":   int(exp.Sub(iat).Seconds()),
		"issued_at":    iat.UTC().Format(time.RFC3339),
	})
}

// MarshalJSON keeps "aud" a string: distribution 2.8 rejects an array.
func (c tokenClaims) MarshalJSON() ([]byte, error) {
	type plain struct {
		Issuer    string           `json:"iss"`
		Subject   string           `json:"sub"`
		Audience  string           `json:"aud"`
		Expiry    *jwt.NumericDate `json:"exp"`
		NotBefore *jwt.NumericDate `json:"nbf"`
		IssuedAt  *jwt.NumericDate `json:"iat"`
		ID        string           `json:"jti"`
		Access    []accessEntry    `json:"access"`
	}
	aud := ""
	if len(c.Audience) > 0 {
		aud = c.Audience[0]
	}
	return json.Marshal(plain{c.Issuer, c.Subject, aud, c.Expiry, c.NotBefore, c.IssuedAt, c.ID, c.Access})
}

func (s *tokenServer) checkPassword(user, pass string) bool {
	for _, u := range []User{s.reg.Pusher, s.reg.Reader} {
		if u.Name == user && u.Password == pass {
			return true
		}
	}
	return false
}

// tokenError writes the registry API error body
// (https://distribution.github.io/distribution/spec/api/#errors).
func tokenError(w http.ResponseWriter, status int, msg string) {
	code := "UNAUTHORIZED"
	if status != http.StatusUnauthorized {
		code = "BAD_REQUEST"
	}
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	json.NewEncoder(w).Encode(map[string]any{ //nolint:errcheck // client gone
		"errors": []map[string]string{{"code": code, "message": msg}},
	})
}

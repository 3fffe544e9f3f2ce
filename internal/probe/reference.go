package probe

import (
	"fmt"
	"net"
	"strings"

	"github.com/google/go-containerregistry/pkg/name"

	"github.com/regdoctor/regdoctor/internal/finding"
	"github.com/regdoctor/regdoctor/internal/reghost"
)

// dockerHubAPI is the host docker sends Docker Hub API requests to.
const dockerHubAPI = "registry-1.docker.io"

// stepReference parses the reference with go-containerregistry's name
// package (docker's grammar: distribution/reference) after checking for the
// traces an empty CI variable leaves ("/ns/img", "gcr.io//img", "img:").
func (p *prober) stepReference() (finding.StepOutcome, string) {
	s := p.raw
	if why := emptyVariableTrace(s); why != "" {
		return p.fail(StepReference, "empty-reference-variable", 0.9, fmt.Sprintf("%q: %s", s, why),
			fmt.Sprintf("The reference %q %s: a variable used to build it is probably empty or unset.", s, why))
	}
	first, _, hasSlash := strings.Cut(s, "/")
	p.hostGiven = hasSlash && reghost.LooksLikeHost(first)
	ref, err := name.ParseReference(s)
	if err != nil {
		path := s
		if p.hostGiven {
			path = s[len(first)+1:]
		}
		path, _, _ = strings.Cut(path, "@")
		if i := strings.LastIndexByte(path, ':'); i >= 0 {
			path = path[:i]
		}
		if strings.ToLower(path) != path {
			return p.fail(StepReference, "invalid-reference", 1, "repository name must be lowercase: "+path,
				fmt.Sprintf("%q is not a valid image reference: the repository name must be lowercase (%s). In GitHub Actions, lowercase ${{ github.repository }} before using it.", s, strings.ToLower(path)))
		}
		return p.fail(StepReference, "invalid-reference", 1, err.Error(),
			fmt.Sprintf("%q is not a valid image reference: %v.", s, err))
	}
	reg := ref.Context().Registry
	p.repo = ref.Context().RepositoryStr()
	p.ref = ref.Identifier()
	p.host = reg.Name()
	p.apiHost = p.host
	if p.host == name.DefaultRegistry { // "index.docker.io"
		p.host, p.apiHost = "docker.io", dockerHubAPI
	}
	p.kind = reghost.Classify(p.host)
	if p.o.Kind != reghost.Unknown {
		p.kind = p.o.Kind
	}
	_, _, err = net.SplitHostPort(p.apiHost)
	p.explicitPt = err == nil
	p.insecure = p.isInsecure()

	detail := fmt.Sprintf("registry %s, repository %s, %s %s", p.host, p.repo, refKind(p.ref), p.ref)
	if p.kind != reghost.Distribution {
		detail += " (" + reghost.Names[p.kind] + ")"
	}
	if p.insecure {
		detail += "; insecure registry: HTTPS without certificate checks, then HTTP"
	}
	if !p.hostGiven {
		return finding.StepWarn, detail + fmt.Sprintf("; no registry host in %q, so clients use Docker Hub", s)
	}
	return finding.StepOK, detail
}

func refKind(id string) string {
	if strings.Contains(id, ":") {
		return "digest"
	}
	return "tag"
}

// emptyVariableTrace returns why s looks built from an empty variable, or "".
func emptyVariableTrace(s string) string {
	switch {
	case s == "":
		return "is empty"
	case strings.HasPrefix(s, "/"):
		return "starts with '/'"
	case strings.HasPrefix(s, ":"):
		return "starts with ':'"
	case strings.Contains(s, "//"):
		return "contains '//'"
	case strings.HasSuffix(s, ":"), strings.HasSuffix(s, "@"):
		return "ends with '" + s[len(s)-1:] + "'"
	case strings.HasSuffix(s, "/"):
		return "ends with '/'"
	}
	for _, part := range strings.FieldsFunc(s, func(r rune) bool { return r == '/' || r == '.' || r == ':' }) {
		if part == "null" || part == "undefined" {
			return "contains '" + part + "'"
		}
	}
	return ""
}

// isInsecure applies docker's rule: --insecure-registry names the host (or
// host:port), or the host is a loopback address (127.0.0.0/8, ::1) or
// "localhost" (docker daemon registry/config.go isSecureIndex).
func (p *prober) isInsecure() bool {
	hostOnly := p.apiHost
	if h, _, err := net.SplitHostPort(p.apiHost); err == nil {
		hostOnly = h
	}
	for _, h := range p.o.Insecure {
		h = strings.ToLower(strings.TrimSpace(h))
		h = strings.TrimPrefix(strings.TrimPrefix(h, "https://"), "http://")
		if h == p.host || h == p.apiHost || h == hostOnly {
			return true
		}
	}
	if p.o.LoopbackSecure {
		return false
	}
	if hostOnly == "localhost" {
		return true
	}
	ip := net.ParseIP(strings.Trim(hostOnly, "[]"))
	return ip != nil && ip.IsLoopback()
}

package diagnose

import (
	"fmt"
	"regexp"
	"strings"
)

// Bare HTTP status signatures: a 401 or 403 without the registry's own error
// text, as BuildKit/containerd ("unexpected status: 403 Forbidden",
// "unexpected status from POST request to URL: 403 Forbidden"),
// go-containerregistry ("unexpected status code 401 Unauthorized"),
// containers/image ("403 (Forbidden)") and docker-java print them. They are
// generic: they fire only when no specific signature matched the line, and
// only with a registry URL or a registry client's wording on the line.

func init() { sigGroups = append(sigGroups, sigsStatus) }

func sigsStatus() {
	register(
		&signature{
			id:      "http-401",
			generic: true,
			keys:    []string{"401"},
			re:      regexp.MustCompile(`(?i)(?:unexpected status(?: code)?(?: from \w+ request to \S+)?:? 401|401 Unauthorized|401 \(Unauthorized\)|status(?: code)?:? 401|status=401\b|HTTP 401 response body|unauthorized \[http 401\])`),
			need:    []string{"/v2/", "unexpected status", "token?", "jwt/auth", "blobs/uploads", "manifests/", "error parsing http 401", "[http 401]"},
			veto:    gitLike,
			rank:    rankUnauthenticated,
			tell:    tellUnauthenticated,
		},
		&signature{
			id:      "ecr-public-400",
			generic: true,
			keys:    []string{"400 bad request"},
			re:      regexp.MustCompile(`https://public\.ecr\.aws/\S+: 400 Bad Request`),
			// ECR Public answers an expired token with 400, not 401
			// (aws/containers-roadmap#2835, shared/domain/registries.md).
			rank: func(h *hit, f *facts) []cand {
				if state, l := f.loginState(h.line(), h.host); state == "same" && l.OK && strings.Contains(h.low, "head request") && h.line()-l.Line <= 30 {
					// A token minted a few lines earlier has not expired; a
					// HEAD carries no body to be malformed, so the request
					// line or headers are: the client's (helm 3.13.0/3.13.1,
					// helm/helm#12491).
					return []cand{c("client-bug", 0.66, fmt.Sprintf("The login for %s succeeded at line %d, just before: the token is fresh, so the 400 to this HEAD request points at the client's request (helm 3.13.0/3.13.1 sent HEAD requests ECR Public rejects, helm/helm#12491).", hostName(h.host), l.Line), loginEv(l)),
						c("token-expired", 0.5, ""), c("bad-credentials", 0.35, "")}
				}
				return []cand{c("token-expired", 0.7, "ECR Public answers an expired authorization token with 400 Bad Request instead of 401."),
					c("bad-credentials", 0.4, "")}
			},
			tell: tellBadCredential,
		},
		&signature{
			id:      "http-403",
			generic: true,
			keys:    []string{"403"},
			re:      regexp.MustCompile(`(?i)(?:unexpected status(?: code)?(?: from \w+ request to \S+)?:? 403|403 Forbidden|403 \(Forbidden\)|status(?: code)?:? 403|status=403\b|forbidden \[http 403\])`),
			need:    []string{"/v2/", "unexpected status", "token?", "jwt/auth", "blobs/uploads", "manifests/", "[http 403]"},
			veto:    gitLike,
			rank:    rank403,
			tell:    tellDenied,
		},
	)
}

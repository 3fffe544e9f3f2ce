package diagnose

import "github.com/regdoctor/regdoctor/internal/reghost"

// Yandex Container Registry (cr.yandex) takes the credential type from the
// login's username (oauth, iam or json_key) and, when the password is not a
// credential of that type, answers 401 with "Password is invalid - must be
// OAuth token", "... must be IAM token" or "... must be JSON key", followed by
// "; requestId = ID" (cloud.yandex.ru/docs/container-registry/error/, the
// registry's troubleshooting page). docker prints it after "unauthorized: ";
// containers/image (podman, CRI-O, the kubelet's image service) wraps it as
// "unable to retrieve auth token: invalid username/password: unauthorized:
// Password is invalid - …", which the generic wrong-password signatures veto.
//
//   - OAuth token / IAM token: the secret given (or stored by an earlier
//     docker login that was never overwritten, the page says) is not a token
//     at all: an account password, or another kind of secret, where the
//     registry requires a token. An IAM token also stops working after at
//     most 12 hours (cloud.yandex.ru/docs/iam/concepts/authorization/iam-token),
//     so an expired one is the runner-up there.
//   - JSON key: the service-account key was passed incompletely or mangled
//     by the shell (the page's own explanation): the credential is wrong.

func init() { sigGroups = append(sigGroups, sigsYandexCR) }

func sigsYandexCR() {
	register(
		&signature{
			id:   "yandex-cr-password-type",
			keys: []string{"password is invalid - must be"},
			re:   lazyRe(`(?i)Password is invalid - must be (OAuth token|IAM token|JSON key)`),
			rank: rankYandexPasswordType,
			tell: tellBadCredential,
		},
	)
}

// tokenVarRe: a shell variable whose name says it holds a token or key.
var tokenVarRe = lazyRe(`\$\{?[A-Za-z_]\w*(?:TOKEN|KEY)\w*\}?`)

// tokenVarArg reports whether a login command line feeds a variable named
// as a token or key (tokenVarRe, case as written: shell variables holding
// secrets are upper case by convention).
func tokenVarArg(text string) bool {
	return matchTokenVar(text) // tokenVarRe
}

// rankYandexPasswordType ranks Yandex Container Registry's refusal of a
// password that is not of the credential type the username names. The
// registry checks the form of the secret: an account password fails it, and
// so does a token that reached it malformed (a trailing space or newline,
// quotes, a truncated value). A login before the refusal that fed a variable
// named as a token meant a token: then the token is what is wrong.
func rankYandexPasswordType(h *hit, f *facts) []cand {
	kind := lower(h.m[1])
	if kind == "json key" {
		return []cand{
			c("bad-credentials", 0.86, "Yandex Container Registry was told the password is a service account's JSON key (username json_key) but could not read it as one: the key was passed incompletely or mangled by the shell. Pass the whole JSON file (id, service_account_id, private_key) from the file, e.g. docker login --username json_key --password-stdin cr.yandex < key.json."),
			c("password-not-token", 0.4, ""),
		}
	}
	for _, l := range f.loginsBefore(h.line() + 1) {
		if l.TokenVar && (l.Host == "" || h.host == "" || sameRegistry(l.Host, reghost.Normalize(h.host))) {
			return []cand{
				c("bad-credentials", 0.84, "Yandex Container Registry did not accept the secret as an "+h.m[1]+", yet the login fed a variable named as a token: the token reached the registry malformed (a trailing space or newline, quotes, a cut value) or is not a token of that type. Pass it exactly: printf '%s' \"$TOKEN\" | docker login --username oauth --password-stdin cr.yandex.", loginEv(l)),
				c("password-not-token", 0.5, ""),
				c("token-expired", 0.4, ""),
			}
		}
	}
	cs := []cand{
		c("password-not-token", 0.88, "Yandex Container Registry was told the password is an "+h.m[1]+" (username oauth or iam) but it is not one: an account password, another secret, or credentials an earlier docker login stored and nothing overwrote. docker logout cr.yandex, then log in with the token as the password (or use the yc credential helper)."),
		c("bad-credentials", 0.5, ""),
	}
	if kind == "iam token" {
		cs = append(cs, c("token-expired", 0.45, ""))
	}
	return cs
}

// Package redact removes credentials from text before regdoctor prints it.
// Every evidence line, message and snippet goes through String.
package redact

import (
	"regexp"
	"strings"
	"sync"
)

const mask = "***"

// pattern is one secret shape. re keeps its first group (and its third, when
// it has one) and masks the secret in its second group. may is a necessary
// condition on the lowercased text: when it is false re cannot match, so
// String neither compiles nor runs it (most text holds no secret, and a
// run that prints nothing secret-like pays no regexp compilation at all).
type pattern struct {
	re  func() *regexp.Regexp
	may func(low string) bool
}

func lazy(expr string) func() *regexp.Regexp {
	return sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(expr) })
}

func anyOf(subs ...string) func(string) bool {
	return func(low string) bool {
		for _, s := range subs {
			if strings.Contains(low, s) {
				return true
			}
		}
		return false
	}
}

// Patterns, each keeping its first group and masking the secret after it.
var patterns = []pattern{
	// docker login -p SECRET / --password SECRET / --password=SECRET
	{lazy(`((?:^|\s)(?:--password|--pass|--token|--registry-token|--identity-token|--access-token)(?:\s+|=))("[^"]*"|'[^']*'|\S+)`),
		anyOf("--pass", "-token")},
	// -p is a password only on a login command line (mkdir -p, cp -p are not).
	{lazy(`(\blogin\b[^|;&]*?\s-p(?:\s+|=))("[^"]*"|'[^']*'|\S+)`),
		anyOf("login")},
	// Authorization headers and Basic/Bearer credentials.
	{lazy(`(?i)((?:authorization:\s*)?(?:basic|bearer)\s+)([A-Za-z0-9+/=._~-]{12,})`),
		anyOf("basic", "bearer")},
	// user:password@host in URLs.
	{lazy(`((?:https?|docker|oci)://[^:/\s@]+:)([^@\s]+)(@)`),
		anyOf("://")},
	// "auth": "base64", "password": "...", "identitytoken": "..." in JSON config,
	// and the secret fields of a cloud key file (GCP service account JSON:
	// "private_key", "private_key_id"; OAuth "client_secret").
	{lazy(`(?i)("(?:auth|password|identitytoken|registrytoken|token|access_token|refresh_token|secret|private_key|private_key_id|client_secret|secret_access_key|secretaccesskey)"\s*:\s*")([^"]+)(")`),
		anyOf(`auth"`, `password"`, `token"`, `key"`, `key_id"`, `secret"`)},
	// A PEM private key written on one line (a JSON string with \n escapes,
	// an echoed variable): everything between BEGIN and END, or to the end
	// of the line when END is not on it.
	{lazy(`(-----BEGIN [A-Z0-9 ]*PRIVATE KEY-----)(.+?(?:-----END [A-Z0-9 ]*PRIVATE KEY-----|$))()`),
		anyOf("private key-----")},
	// key = value with spaces around "=" (INI files such as ~/.aws/credentials:
	// aws_secret_access_key = ..., .pypirc, .npmrc), where the key names a secret.
	{lazy(`(?im)(^\s*[a-z0-9_.-]*(?:password|passwd|token|secret|api_key|access_key)[a-z0-9_.-]*\s+=\s*)("[^"$]*"|'[^'$]*'|[^\s$'"][^\s'"]*)`),
		func(low string) bool {
			return strings.Contains(low, " =") && anyOf("passw", "token", "secret", "api_key", "access_key")(low)
		}},
	// KEY=VALUE where the key names a secret.
	{lazy(`(?i)(\b[A-Z0-9_]*(?:PASSWORD|PASSWD|TOKEN|SECRET|API_KEY|ACCESS_KEY)[A-Z0-9_]*=)("[^"]*"|'[^']*'|[^\s$'"][^\s'"]*)`),
		func(low string) bool {
			return strings.Contains(low, "=") && anyOf("passw", "token", "secret", "api_key", "access_key")(low)
		}},
	// user:password after a credentials flag (skopeo --creds/--dest-creds, curl -u/--user).
	{lazy(`((?:^|\s)(?:--creds|--src-creds|--dest-creds|--from-creds|--to-creds)(?:\s+|=)["']?[^:\s"']+:)([^\s"']+)`),
		anyOf("creds")},
	{lazy(`(\bcurl\b[^|]*?\s(?:-u|--user)(?:\s+|=)["']?[^:\s"']+:)([^\s"']+)`),
		anyOf("curl")},
	// A literal piped into a registry login: echo PW | docker login ... --password-stdin.
	{lazy(`(\becho\s+(?:-n\s+)?)("[^"$]*"|'[^']*'|[^\s$|"']+)(\s*\|\s*(?:sudo\s+)?(?:docker|podman|buildah|nerdctl|helm(?:\s+registry)?|oras|crane(?:\s+auth)?|skopeo|regctl(?:\s+registry)?|ko)\s+login\b)`),
		anyOf("login")},
	// YAML/ENV-file form at the start of a line: DOCKER_PASSWORD: value, password: value
	// (a value that starts with $ is a variable or ${{ expression }} and is kept).
	{lazy(`(?im)(^\s*(?:-\s+)?[a-z0-9_-]*(?:password|passwd|token|secret|api_key|access_key)[a-z0-9_-]*:\s+)("[^"$]*"|'[^'$]*'|[^\s$'"{|>*][^\s'"]*)`),
		anyOf("passw", "token", "secret", "api_key", "access_key")},
}

// Bare token shapes masked wherever they appear.
var bare = pattern{
	lazy(`\b(?:gh[pousr]_[A-Za-z0-9]{30,}|github_pat_[A-Za-z0-9_]{40,}|glpat-[A-Za-z0-9_-]{20,}|gldt-[A-Za-z0-9_-]{20,}|glcbt-[A-Za-z0-9_-]{20,}|dckr_pat_[A-Za-z0-9_-]{20,}|(?:AKIA|ASIA)[0-9A-Z]{16}|ya29\.[A-Za-z0-9._-]{20,}|npm_[A-Za-z0-9]{36}|xox[baprs]-[A-Za-z0-9-]{10,}|eyJ[A-Za-z0-9_-]{10,}\.eyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{10,})`),
	anyOf("ghp_", "gho_", "ghu_", "ghs_", "ghr_", "github_pat_", "glpat-", "gldt-", "glcbt-", "dckr_pat_", "akia", "asia", "ya29.", "npm_", "xox", "eyj"),
}

// pemBody is a line that is nothing but base64 of PEM width (64 columns;
// some tools write 76): the body of a private key or certificate printed
// line by line, or a bare base64 credential. Digests are hex, so never
// match: the line must mix upper case, lower case and digits.
var pemBody = lazy(`^\s*[A-Za-z0-9+/]{60,}={0,2}\s*$`)

// String returns s with credentials replaced by "***". It is conservative:
// it masks a value after a password flag even when the value is a variable
// reference, because a shell trace (set -x) prints the expanded secret there.
func String(s string) string { return redact(s, true) }

// redact is String; filter=false runs every pattern (the tests' reference).
func redact(s string, filter bool) string {
	// The prefilters look at ASCII lowercase. Text with other bytes runs
	// every pattern: (?i) also folds non-ASCII letters (U+212A KELVIN SIGN
	// matches k, U+017F LONG S matches s).
	if filter && !isASCII(s) {
		filter = false
	}
	var low string
	may := func(p pattern) bool {
		if !filter {
			return true
		}
		if low == "" {
			low = strings.ToLower(s)
		}
		return p.may(low)
	}
	for _, p := range patterns {
		if !may(p) {
			continue
		}
		re := p.re()
		if !re.MatchString(s) {
			continue
		}
		n := re.NumSubexp()
		low = ""
		s = re.ReplaceAllStringFunc(s, func(m string) string {
			sub := re.FindStringSubmatch(m)
			if notSecret[strings.ToLower(strings.Trim(sub[2], `"'`))] {
				return m // a permission level or flag value, not a credential
			}
			out := sub[1] + mask
			if n >= 3 {
				out += sub[3]
			}
			return out
		})
	}
	if isBase64Block(s) {
		return mask
	}
	if !may(bare) {
		return s
	}
	return bare.re().ReplaceAllString(s, mask)
}

// isBase64Block reports whether s is a line of pemBody shape that mixes
// upper case, lower case and digits.
func isBase64Block(s string) bool {
	t := strings.TrimSpace(s)
	if len(t) < 60 || strings.IndexByte(t, ' ') >= 0 {
		return false
	}
	var up, lo, dig bool
	for i := 0; i < len(t); i++ {
		c := t[i]
		switch {
		case c >= 'A' && c <= 'Z':
			up = true
		case c >= 'a' && c <= 'z':
			lo = true
		case c >= '0' && c <= '9':
			dig = true
		case c == '+' || c == '/' || c == '=':
		default:
			return false
		}
	}
	return up && lo && dig && pemBody().MatchString(s)
}

// notSecret are values that follow secret-sounding keys without being
// secrets (GitHub permission levels such as "id-token: write", booleans).
var notSecret = map[string]bool{"read": true, "write": true, "none": true, "true": true, "false": true,
	"required": true, "optional": true, "***": true}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}

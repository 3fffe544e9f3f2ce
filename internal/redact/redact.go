// Package redact removes credentials from text before regdoctor prints it.
// Every evidence line, message and snippet goes through String.
package redact

import "regexp"

const mask = "***"

// Patterns, each keeping its first group and masking the secret after it.
var patterns = []*regexp.Regexp{
	// docker login -p SECRET / --password SECRET / --password=SECRET
	regexp.MustCompile(`((?:^|\s)(?:-p|--password|--pass|--token|--registry-token|--identity-token|--access-token)(?:\s+|=))("[^"]*"|'[^']*'|\S+)`),
	// Authorization headers and Basic/Bearer credentials.
	regexp.MustCompile(`(?i)((?:authorization:\s*)?(?:basic|bearer)\s+)([A-Za-z0-9+/=._~-]{12,})`),
	// user:password@host in URLs.
	regexp.MustCompile(`((?:https?|docker|oci)://[^:/\s@]+:)([^@\s]+)(@)`),
	// "auth": "base64", "password": "...", "identitytoken": "..." in JSON config.
	regexp.MustCompile(`(?i)("(?:auth|password|identitytoken|registrytoken|token|access_token|refresh_token)"\s*:\s*")([^"]+)(")`),
	// KEY=VALUE where the key names a secret.
	regexp.MustCompile(`(?i)(\b[A-Z0-9_]*(?:PASSWORD|PASSWD|TOKEN|SECRET|API_KEY|ACCESS_KEY)[A-Z0-9_]*=)("[^"]*"|'[^']*'|[^\s$'"]\S*)`),
}

// Bare token shapes masked wherever they appear.
var bare = regexp.MustCompile(`\b(?:gh[pousr]_[A-Za-z0-9]{30,}|github_pat_[A-Za-z0-9_]{40,}|glpat-[A-Za-z0-9_-]{20,}|gldt-[A-Za-z0-9_-]{20,}|glcbt-[A-Za-z0-9_-]{20,}|dckr_pat_[A-Za-z0-9_-]{20,}|AKIA[0-9A-Z]{16}|ya29\.[A-Za-z0-9._-]{20,}|eyJ[A-Za-z0-9_-]{10,}\.eyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{10,})`)

// String returns s with credentials replaced by "***". It is conservative:
// it masks a value after a password flag even when the value is a variable
// reference, because a shell trace (set -x) prints the expanded secret there.
func String(s string) string {
	for _, re := range patterns {
		if !re.MatchString(s) {
			continue
		}
		n := re.NumSubexp()
		s = re.ReplaceAllStringFunc(s, func(m string) string {
			sub := re.FindStringSubmatch(m)
			out := sub[1] + mask
			if n >= 3 {
				out += sub[3]
			}
			return out
		})
	}
	return bare.ReplaceAllString(s, mask)
}

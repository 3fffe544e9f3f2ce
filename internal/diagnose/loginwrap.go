package diagnose

import "strings"

// docker's login check fails with "login attempt to URL failed with status:
// NNN TEXT" (docker/docker registry/auth.go, loginV2). Pasted into an issue
// or wrapped by a log formatter, the line breaks after "to" or after the
// URL, and the status lands on the next line ("https://HOST/v2/ failed with
// status: 401 Unauthorized", or "failed with status: 401 Unauthorized"),
// where the generic status signatures read it as a request without a
// login. facts.loginAttemptCut marks the first half; a status line right
// after it is the login check's answer (wrappedLoginAttempt).

var kLoginAttempt = lowKey("login attempt to")

// observeLoginAttemptCut records a line that holds "login attempt to" but
// not its status: the first half of a wrapped login check failure.
func (f *facts) observeLoginAttemptCut(n int, low string) {
	if f.has(kLoginAttempt) && !strings.Contains(low, "failed with status") {
		f.loginAttemptCut = n
	}
}

// wrappedLoginAttempt ranks the status half of a wrapped login check
// failure (the line just after facts.loginAttemptCut, holding "failed with
// status: NNN") as login-attempt-status does; nil for any other line.
func wrappedLoginAttempt(h *hit, f *facts) []cand {
	if f.loginAttemptCut == 0 || h.line()-f.loginAttemptCut != 1 {
		return nil
	}
	const lead = "failed with status: "
	i := strings.Index(h.low, lead)
	if i < 0 || len(h.low) < i+len(lead)+3 {
		return nil
	}
	status := h.low[i+len(lead) : i+len(lead)+3]
	for j := range len(status) {
		if status[j] < '0' || status[j] > '9' {
			return nil
		}
	}
	return rankLoginStatus(h, status)
}

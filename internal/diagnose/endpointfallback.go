package diagnose

import "strings"

// dockerd's endpoint fallback notice. When a pull or push through one
// endpoint fails with an error docker may retry elsewhere (a registry mirror
// that misses, an HTTPS attempt before HTTP, v2 before v1), the daemon logs
// "Attempting next endpoint for pull after error: ERR" ("… for push …") and
// goes on with the next endpoint; only when it gives up does it return the
// error to the client and log "Not continuing with pull after error" or
// "Handler for POST … returned error" (moby/moby distribution/pull.go and
// push.go, the endpoint loop of Pull and Push). The notice alone is not the
// failure: a failure that stops the pull prints its own line.

const (
	endpointFallbackPull = "attempting next endpoint for pull after error"
	endpointFallbackPush = "attempting next endpoint for push after error"
)

// endpointFallbackNotice reports a hit whose every line is dockerd's
// endpoint fallback notice.
func endpointFallbackNotice(h *hit) bool {
	if len(h.texts) == 0 || len(h.texts) < len(h.lines) {
		return false
	}
	for _, t := range h.texts {
		low := strings.ToLower(t)
		if !strings.Contains(low, endpointFallbackPull) && !strings.Contains(low, endpointFallbackPush) {
			return false
		}
	}
	return true
}

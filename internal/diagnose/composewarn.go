package diagnose

import "strings"

// Docker Compose v2 reports a failed pull of a service that also has a build
// section as a warning, not an error: pullServiceImage sets the service's
// progress event to Warning ("check if has error and the service has a build
// section then the status should be warning instead of error",
// docker/compose pkg/compose/pull.go), and `docker compose up`/`create`
// ignore that failure and build the image from source
// (pullRequiredImages: "image can be built, so we can ignore pull failure").
// The progress writer draws a Warning event with "!" where an Error gets "✘"
// and a Done "✔" (pkg/progress: spinnerWarning = "!"), then the service id,
// the word "Warning" (newer releases: the id "Image NAME" and no word), and
// the daemon's answer:
//
//	! web Warning   pull access denied for orbit-web, repository does not exist or may require 'docker login'   0.8s
//	! Image orbit-web   pull access denied for orbit-web, repository does not exist or may require 'docker login'
//
// Such a line is the build-from-source fallback at work (typically an image
// that only exists once built locally), not the job's failure. When the
// pull does fail the command (`docker compose pull` returns the pull errors
// after its "WARNING: Some service image(s) must be built from source"
// notice), the daemon's error is printed again on a line of its own, which
// the signatures read as usual.
//
// composeWarnLineRe matches the glyph, the id and the status; the text after
// it (group 1) must be the daemon's answer (see daemonAnswerStart).
var composeWarnLineRe = lazyRe(`^(?:!\s+(?:Image\s+\S+|\S+\s+Warning)|(?:Image\s+)?[\w.-]+\s+Warning)\s+(\S.*)$`)

// daemonAnswerStart reports whether s starts the way the Docker daemon's
// answer to a pull does, as Compose prints it after the status: a Go error
// text, which by Go's convention starts with a lowercase word ("pull access
// denied for …", "unauthorized: …", "manifest unknown", "failed to resolve
// reference …"; https://go.dev/wiki/CodeReviewComments#error-strings), or
// the net/http client's error, which starts with the request's method and
// the quoted URL (`Head "https://…": …`, net/http's url.Error), or the
// API client's "Error response from daemon: " prefix. Other listings that
// put a name and "Warning" first, such as `kubectl get events` rows
// ("12s  Warning  Failed  pod/NAME  Failed to pull image …"), go on with a
// capitalised event reason or message, so they are not Compose's line.
func daemonAnswerStart(s string) bool {
	if s == "" {
		return false
	}
	if c := s[0]; 'a' <= c && c <= 'z' {
		return true
	}
	for _, m := range [...]string{`Head "`, `Get "`, `Post "`, `Put "`, `Patch "`, "Error response from daemon: "} {
		if strings.HasPrefix(s, m) {
			return true
		}
	}
	return false
}

// composeBuildableWarning reports whether every line of h is a Compose v2
// progress line with the Warning status followed by the daemon's answer
// (composeWarnLineRe, daemonAnswerStart): the pull failed for a service
// compose builds instead.
func composeBuildableWarning(h *hit) bool {
	if len(h.texts) == 0 || len(h.texts) < len(h.lines) {
		return false
	}
	for _, t := range h.texts {
		m := composeWarnLineRe.FindStringSubmatch(strings.TrimSpace(t))
		if m == nil || !daemonAnswerStart(m[1]) {
			return false
		}
	}
	return true
}

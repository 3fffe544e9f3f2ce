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
var composeWarnLineRe = lazyRe(`^(?:!\s+(?:Image\s+\S+|\S+\s+Warning)|(?:Image\s+)?[\w.-]+\s+Warning)\s+\S`)

// kubectlEventRowRe is a row of `kubectl get events` (columns LAST SEEN,
// TYPE, REASON, OBJECT, MESSAGE): an age such as "12s", "5m12s" or "2d3h"
// (kubectl's duration.HumanDuration), then the event type "Warning". Its
// first two columns read like Compose's plain "ID Warning" progress line,
// but the row is the kubelet's own report of a failed pull
// ("12s  Warning  Failed  pod/NAME  Failed to pull image …").
var kubectlEventRowRe = lazyRe(`^(?:\d+(?:ms|[smhdy]))+\s+Warning\s`)

// kubeletPullEvent starts the kubelet's event message for a failed pull,
// "Failed to pull image %q: %v" (kubernetes pkg/kubelet/images
// image_manager.go, reason ErrImagePull). Any event listing that puts an
// object name before the type ("NAME  Warning  MESSAGE": `kubectl get
// events -o custom-columns=…`, or a script's own table) reads like
// Compose's "ID Warning" line; Compose's Warning text is the daemon's answer
// to its pull, never the kubelet's words.
const kubeletPullEvent = `Failed to pull image "`

// composeBuildableWarning reports whether every line of h is a Compose v2
// progress line with the Warning status (see composeWarnLineRe): the pull
// failed for a service compose builds instead.
func composeBuildableWarning(h *hit) bool {
	if len(h.texts) == 0 || len(h.texts) < len(h.lines) {
		return false
	}
	for _, t := range h.texts {
		t = strings.TrimSpace(t)
		if !composeWarnLineRe.MatchString(t) || kubectlEventRowRe.MatchString(t) || strings.Contains(t, kubeletPullEvent) {
			return false
		}
	}
	return true
}

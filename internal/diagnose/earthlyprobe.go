package diagnose

// Earthly picks its container frontend by probing: it runs `docker info`
// (then `podman info`) and, when neither answers, prints one warning that
// holds the probes' whole output — "auto frontend initialization failed due
// to failed to autodetect a supported frontend: N errors occurred: *
// docker-shell frontend failed to initalize: command failed: docker info:
// exit status 1: … Cannot connect to the Docker daemon at
// unix:///var/run/docker.sock. Is the docker daemon running? … ; but will
// try anyway" — and goes on (earthly/earthly#1934: the earthly/earthly image
// with NO_DOCKER=1 and its own buildkitd, or a remote buildkitd named by
// EARTHLY_BUILDKIT_HOST, needs no Docker daemon). A daemon message inside
// that warning is the probe's output, not the failure: when Earthly does
// need the daemon, its own error comes after the warning ("could not start
// buildkit: …") and is read there.

var (
	kEarthlyProbe    = lowKey("failed to autodetect a supported frontend")
	kEarthlyTryAnywy = lowKey("but will try anyway")
)

// observeEarthlyProbe records the last probe warning's first line and the
// line that closes it (facts.earthlyProbe, facts.earthlyProbeEnd).
func (f *facts) observeEarthlyProbe(n int) {
	if f.has(kEarthlyProbe) {
		f.earthlyProbe, f.earthlyProbeEnd = n, 0
	}
	if f.earthlyProbe > 0 && f.earthlyProbeEnd == 0 && f.has(kEarthlyTryAnywy) {
		f.earthlyProbeEnd = n
	}
}

// inEarthlyProbe reports whether line n lies inside Earthly's closed probe
// warning (observeEarthlyProbe): output of a probe Earthly went on from.
func (f *facts) inEarthlyProbe(n int) bool {
	return f.earthlyProbe > 0 && f.earthlyProbeEnd > 0 && f.earthlyProbe <= n && n <= f.earthlyProbeEnd
}

// dropEarthlyProbe removes from the hit the lines inside Earthly's probe
// warning, and reports whether any line is left: a repeat of the message
// after the warning (Earthly's own error naming the daemon) folds into the
// probe's hit, and is the failure.
func (f *facts) dropEarthlyProbe(h *hit) bool {
	if f.earthlyProbeEnd == 0 {
		return true
	}
	lines, texts := h.lines[:0:0], h.texts[:0:0]
	for i, n := range h.lines {
		if !f.inEarthlyProbe(n) {
			lines, texts = append(lines, n), append(texts, h.texts[i])
		}
	}
	if len(lines) == 0 {
		return false
	}
	h.lines, h.texts = lines, texts
	return true
}

package diagnose

import (
	"fmt"
	"strings"
)

// Image references that name a variable's null value. A reference built by
// string interpolation from a value that was never set comes out with the
// language's rendering of "no value" in it: Groovy and Java (Jenkins
// pipelines, Maven properties) and jq -r print null, JavaScript prints
// undefined. No registry host, repository path component or tag is written
// that way by hand, so "widget-registry.null:80/team/app",
// "docker.io/null/app" and "app:null" are a variable that expanded to
// nothing useful (causes.md, empty-reference-variable: "expanded to empty or
// null"). The rule is checked on the reference a finding is about, after the
// signature ranked it (nullRefCand), and on the push and pull failures of
// the fabric8 docker-maven-plugin, which name only the reference:
// "Unable to push 'REF' from registry 'REG'" (0.13–0.2x) or "… to registry
// 'REG'" (later), "Unable to pull 'REF' …", and "Unable to push image [REF]
// to registry [REG]" (0.11), with the daemon's answer after " : " when it
// gave one (fabric8io/docker-maven-plugin DockerAccessWithHcClient.pushImage
// and pullImage).

func init() { sigGroups = append(sigGroups, sigsNullRef) }

func sigsNullRef() {
	register(
		&signature{
			id:   "dmp-push-pull-failed",
			keys: []string{"unable to push '", "unable to pull '", "unable to push image ["},
			re:   lazyRe(`(?i)Unable to (push|pull) (?:image )?['\[]([^'\]\s]+)['\]](?: (?:to|from) registry ['\[]([^'\]\s]*)['\]])?`),
			// generic: the daemon's answer after " : " (unauthorized,
			// denied, 500…) is read by the signatures for those words.
			generic:  true,
			refGroup: 2,
			rank:     rankDMPFailure,
		},
	)
}

// rankDMPFailure ranks a docker-maven-plugin push or pull failure whose
// reference or registry holds a null value, or 0.11's EOF with no registry
// configured; nothing otherwise (the bare message gives no reason).
func rankDMPFailure(h *hit, f *facts) []cand {
	if len(h.m) > 3 && h.m[3] == "null" && strings.Contains(h.low, " : eof") {
		// d-m-p 0.11.x with no authConfig sent the push without the
		// X-Registry-Auth header the daemon's push then needed, and the
		// daemon failed it with EOF (500); fixed in 0.11.4
		// (fabric8io/docker-maven-plugin#102, #165: "registry [null] :
		// EOF (Internal Server Error: 500)", maintainer's workaround a
		// dummy username/password in authConfig).
		return []cand{
			c("client-bug", 0.72, "docker-maven-plugin 0.11.x (registry [null]: no registry configured) sent the push with no auth header when no authConfig is set, and the daemon failed it with EOF (500): a defect fixed in 0.11.4 (fabric8io/docker-maven-plugin#102). Upgrade the plugin, or give authConfig a username and password."),
			c("no-login", 0.45, ""),
			c("registry-fault", 0.35, ""),
		}
	}
	part, ok := nullRefPart(h.m[2])
	if !ok && len(h.m) > 3 && h.m[3] != "null" { // registry [null]: d-m-p's own default when none is configured
		part, ok = nullRefPart(h.m[3])
	}
	if !ok {
		return nil
	}
	return []cand{
		c("empty-reference-variable", 0.88, nullRefWhy(h.m[2], part)),
		c("registry-unreachable", 0.35, ""),
		c("invalid-reference", 0.3, ""),
	}
}

// nullWords are the renderings of "no value" a reference can carry.
var nullWords = [...]string{"null", "undefined"}

func isNullWord(s string) bool {
	for _, w := range nullWords {
		if strings.EqualFold(s, w) {
			return true
		}
	}
	return false
}

// nullRefPart reports the part of a reference (a host label, a repository
// path component or the tag) that is a null value, and where it is:
// "host", "path" or "tag". Not a file path (/dev/null) nor a bare word.
func nullRefPart(raw string) (string, bool) {
	raw = trimASCII(raw, &refTrim)
	if raw == "" || strings.HasPrefix(raw, "/") || isNullWord(raw) {
		return "", false
	}
	r := parseRef(raw)
	if r.Host != "" {
		host, _, _ := strings.Cut(r.Host, ":")
		for _, l := range strings.Split(host, ".") {
			if isNullWord(l) {
				return "host", true
			}
		}
	}
	for _, p := range strings.Split(r.Repo, "/") {
		if isNullWord(p) {
			return "path", true
		}
	}
	if isNullWord(r.Tag) {
		return "tag", true
	}
	return "", false
}

func nullRefWhy(raw, part string) string {
	where := map[string]string{
		"host": "its registry host has a null label",
		"path": "a repository path component is null",
		"tag":  "its tag is null",
	}[part]
	return fmt.Sprintf("The reference %q names a value that was never set: %s, which is how Groovy, Java, jq and JavaScript print a variable or property with no value (null, undefined). The variable that builds this part of the reference is unset in this job (an environment variable, a Maven property, a jq field that does not exist): set it, or fail the job when it is empty.", raw, where)
}

// manifestForRe is the reference in docker's "manifest for REF not found".
var manifestForRe = lazyRe(`manifest for (\S+) not found`)

// nullRefCand returns empty-reference-variable, above the signature's own
// reading, for a failure about a reference with a null part: whatever the
// registry answered (denied, manifest unknown, no such host), it was asked
// about a name nobody meant.
func nullRefCand(h *hit, cs []cand) (cand, bool) {
	if len(cs) == 0 {
		return cand{}, false
	}
	top := strongest(cs)
	if top.cause == "empty-reference-variable" {
		return cand{}, false
	}
	raw := h.ref.Raw
	if raw == "" && h.host == "" && len(h.texts) > 0 {
		// docker's "manifest for REF not found" (daemon distribution
		// errors) names the reference without a registry URL.
		if m := manifestForRe.FindStringSubmatch(h.texts[0]); m != nil {
			raw = m[1]
		}
	}
	hostOnly := false
	if raw == "" && h.host != "" {
		// No reference in the line, only the registry's URL or DNS name
		// ("lookup registry.undefined: no such host"): its host is read.
		raw, hostOnly = h.host+"/", true
	}
	part, ok := nullRefPart(raw)
	if !ok || (hostOnly && part != "host") {
		return cand{}, false
	}
	raw = strings.TrimSuffix(raw, "/")
	w := top.w + 0.04
	if w < 0.86 {
		w = 0.86
	}
	if w > 0.97 {
		w = 0.97
	}
	return c("empty-reference-variable", w, nullRefWhy(raw, part)), true
}

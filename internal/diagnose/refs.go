package diagnose

import (
	"math/bits"
	"net/url"
	"strings"
	"sync"

	"github.com/regdoctor/regdoctor/internal/reghost"
)

// imageRef is an image reference as a log prints it, split leniently into
// host, repository, tag and digest. Logs hold malformed and masked references
// ("gcr.io//app", "/***:latest", "ghcr.io/Acme/App") and those are exactly the
// ones explain must talk about, so a strict parser (distribution/reference)
// would reject what we need to read. Grammar: distribution/reference
// (reference.go): [host[:port]/]path[:tag][@digest].
type imageRef struct {
	Raw    string // as written, quotes and brackets trimmed
	Host   string // "" when the reference has no registry host
	Repo   string // repository path without host
	Tag    string
	Digest string
}

// refTrim is the set of bytes parseRef trims from both ends of a reference:
// quotes, brackets and punctuation around it in a log line.
var refTrim = asciiSet("\"'[]<>(),;`")

// asciiSet marks the bytes of an ASCII cutset.
func asciiSet(cutset string) (set [256]bool) {
	for i := range len(cutset) {
		set[cutset[i]] = true
	}
	return set
}

// trimASCII is strings.Trim(s, cutset) for an ASCII cutset given as its
// set (the bytes of a multibyte rune are never in it), without building
// the set on every call.
func trimASCII(s string, set *[256]bool) string {
	i, j := 0, len(s)
	for i < j && set[s[i]] {
		i++
	}
	for j > i && set[s[j-1]] {
		j--
	}
	return s[i:j]
}

func parseRef(s string) imageRef {
	s = trimASCII(s, &refTrim)
	if n := len(s); n >= 2 && s[n-1] == ':' && (s[n-2] == '\'' || s[n-2] == '"') {
		// A wrapper quoted the command and went on after a colon
		// (Terraform's local-exec: "Error running command 'docker push
		// REF': exit status 1"): the colon is the message's, not an empty
		// tag's, which would sit inside the quotes ('REF:').
		s = trimASCII(s[:n-1], &refTrim)
	}
	r := imageRef{Raw: s}
	for _, p := range []string{"docker://", "oci://", "https://", "http://"} {
		s = strings.TrimPrefix(s, p)
	}
	if i := strings.IndexByte(s, '@'); i >= 0 {
		r.Digest, s = s[i+1:], s[:i]
	}
	if i := strings.LastIndexByte(s, ':'); i >= 0 && !strings.Contains(s[i+1:], "/") {
		r.Tag, s = s[i+1:], s[:i]
	}
	if i := strings.IndexByte(s, '/'); i >= 0 {
		if first := s[:i]; reghost.LooksLikeHost(first) || strings.Contains(first, "***") {
			r.Host, s = first, s[i+1:]
		}
	}
	r.Repo = s
	return r
}

// hostOrHub is the registry the reference goes to: its host, or docker.io.
func (r imageRef) hostOrHub() string {
	if r.Host == "" {
		return "docker.io"
	}
	return r.Host
}

// scope is one token scope, "repository:acme/app:push,pull"
// (distribution docs/spec/auth/scope.md: the name may hold a host:port colon,
// so actions are split from the right).
type scope struct {
	Type, Name string
	Actions    []string
}

func parseScope(s string) (scope, bool) {
	i := strings.IndexByte(s, ':')
	j := strings.LastIndexByte(s, ':')
	if i < 0 || j <= i {
		return scope{}, false
	}
	return scope{Type: s[:i], Name: s[i+1 : j], Actions: strings.Split(s[j+1:], ",")}, true
}

func (s scope) has(action string) bool {
	for _, a := range s.Actions {
		if a == action || a == "*" {
			return true
		}
	}
	return false
}

// urlFacts is what one URL in a log tells: the registry host (for a token
// realm, the registry it serves), the repository in a /v2/ path, the scopes
// requested and whether it is a token endpoint.
type urlFacts struct {
	Host   string // registry host, normalised by reghost.Normalize
	Realm  bool   // a token endpoint (/token, /jwt/auth, /oauth2/token, /service/token, /v2/auth)
	Repo   string // repository from /v2/<name>/(blobs|manifests|tags)/
	Object string // "blobs/uploads", "blobs", "manifests", "ping" ("/v2/"), ""
	Scopes []scope
}

var urlRe = lazyRe(`https?://[^\s"'<>()\[\]{},]+`)

// v2Path splits /v2/<name>/<kind>/... (distribution spec endpoints end-1..end-13).
var v2Path = lazyRe(`/v2/(.+?)/(blobs/uploads|blobs|manifests|tags)(?:/|$)`)

func parseURL(raw string) (urlFacts, bool) {
	raw = strings.TrimRight(raw, ".:;")
	u, err := url.Parse(raw)
	if err != nil || u.Host == "" {
		return urlFacts{}, false
	}
	f := urlFacts{Host: reghost.Normalize(u.Host)}
	p := u.Path
	switch {
	case strings.HasSuffix(p, "/token") || strings.HasSuffix(p, "/jwt/auth") || strings.HasSuffix(p, "/oauth2/token") ||
		strings.HasSuffix(p, "/v2/auth") || strings.HasSuffix(p, "/service/token"):
		f.Realm = true
		if svc := u.Query().Get("service"); svc != "" && reghost.LooksLikeHost(svc) {
			f.Host = reghost.Normalize(svc)
		}
		for _, s := range u.Query()["scope"] {
			for _, one := range strings.Fields(s) {
				if sc, ok := parseScope(one); ok {
					f.Scopes = append(f.Scopes, sc)
				}
			}
		}
	case p == "/v2/" || p == "/v2":
		f.Object = "ping"
	default:
		if m := matchV2Path(p); m != nil { // v2Path
			f.Repo, f.Object = m[1], m[2]
		} else if !strings.Contains(p, "/v2/") && !strings.Contains(p, "/v1/") {
			return f, false // not a registry API URL
		}
	}
	return f, true
}

// refPatterns find image references in client output, each with the
// operation it implies and the literal (key) a line must hold before the
// regexp is tried: logs are large and most lines hold none. A key is matched
// against the lowercased line, or the line as is when it has upper case.
// Group 1 is the reference.
var refPatterns = []struct {
	key  string
	re   *lazyRegexp
	op   string
	find refMatchFunc // when set, the same group 1 as re, faster (refmatch.go)
}{
	{"push refers to", lazyRe(`The push refers to (?:a )?repository \[((?:\[secure\]|[^\]\s])+)\]`), opPush, matchPushRefersTo},
	// "failed to push REF: ERR" (BuildKit), "failed to push to destination
	// REF: ERR" (kaniko), "failed to push image REF: ERR" (Go tools wrapping
	// a push: fmt.Errorf("failed to push image %s: %w"), zarf, KOTS); the
	// bare "failed to push image: ERR" names no reference (refFromMatch).
	{"failed to push", lazyRe(`failed to push (?:to destination |image )?(\S+?):? `), opPush, nil},
	{"pushing manifest for", lazyRe(`pushing manifest for (\S+)`), opPush, prefixNonSpace("pushing manifest for ")},
	{"with docker:", lazyRe(`pushing (\S+) with docker:`), opPush, nil}, // BuildKit's exporter step: " > pushing REF with docker:"
	{", ref ", lazyRe(`(?:blob post|blob put|manifest put|blob head|blob get|manifest get|manifest head), ref (\S+?):(?:\s|$)`), opPush, nil},
	{"push permission for", lazyRe(`checking push permission for "([^"]+)"`), opPush, prefixQuoted("checking push permission for ")},
	{"--destination", lazyRe(`--destination[= ]'?([^\s']+)`), opPush, matchDestination},
	{"pushing image to", lazyRe(`Pushing image to (\S+)`), opPush, prefixNonSpace("Pushing image to ")},
	{"put manifest", lazyRe(`failed to put manifest (\S+?):? `), opPush, nil},
	{"destination repository", lazyRe(`failed to read from destination repository (\S+?):(?:\s|$)`), opPush, prefixLazyColon("failed to read from destination repository ")},
	{"exists in", lazyRe(`exists in (\S+?):(?:\s|$)`), opPush, prefixLazyColon("exists in ")},
	{"docker://", lazyRe(` to "docker://([^"]+)"`), opPush, nil},
	{"docker push ", lazyRe(`docker push (?:-\S+ )*([^\s-]\S*)`), opPush, prefixOptionsArg("docker push ")},
	{"docker image push ", lazyRe(`docker image push (?:-\S+ )*([^\s-]\S*)`), opPush, prefixOptionsArg("docker image push ")},
	{"podman push ", lazyRe(`podman (?:manifest )?push (?:-\S+ )*(?:\S+ )?([^\s-]\S*/\S+)`), opPush, nil},
	{"buildah push ", lazyRe(`buildah push (?:-\S+ )*(?:\S+ )?([^\s-]\S*/\S+)`), opPush, nil},
	{"nerdctl push ", lazyRe(`nerdctl push (?:-\S+ )*([^\s-]\S*)`), opPush, prefixOptionsArg("nerdctl push ")},
	{"oras push ", lazyRe(`oras push (?:-\S+ )*([^\s-]\S*)`), opPush, prefixOptionsArg("oras push ")},
	{"helm push ", lazyRe(`helm push (?:-\S+ )*\S+ ([^\s-]\S*)`), opPush, nil},
	// helm pull/install/upgrade/template/show of an OCI chart: the
	// reference is the oci:// argument (the version is a flag).
	{"oci://", lazyRe(`helm (?:pull|fetch|install|upgrade|template|show \w+) (?:\S+ )*?oci://([^\s"']+)`), opPull, nil},
	{"crane push ", lazyRe(`crane push (?:-\S+ )*\S+ ([^\s-]\S*)`), opPush, nil},
	{copyKey, lazyRe(`(?:crane|regctl image|skopeo) copy (?:-\S+ )*\S+ ([^\s-]\S*)`), opPush, nil},
	{"resolve reference", lazyRe(`failed to resolve reference "([^"]+)"`), opPull, nil},
	// The ECS agent's wording of containerd's resolve ("CannotPullContainerError:
	// pull image manifest has been retried N time(s): failed to resolve ref
	// REF: …", the reference quoted or bare).
	{"resolve ref ", lazyRe(`failed to resolve ref "?([^"\s]+?)"?:(?:\s|$)`), opPull, nil},
	{": failed to authorize", lazyRe(`(?:^|failed to solve: )([a-z0-9][\w./-]*:[\w.-]+): failed to authorize`), opPull, nil},
	{": error getting credentials", errGettingCredsRe, opPull, refsIfMay(errGettingCredsRe, mayErrGettingCreds)},
	{"pull access denied", lazyRe(`pull access denied for ([^,\s]+)`), opPull, nil},
	// containers/image (podman, buildah, skopeo) reading an image: "initializing
	// source docker://REF: ERROR".
	{"initializing source docker://", lazyRe(`initializing source docker://(\S+?):(?:\s|$)`), opPull, prefixLazyColon("initializing source docker://")},
	{"docker pull ", lazyRe(`docker pull (?:-\S+ )*([^\s-]\S*)`), opPull, prefixOptionsArg("docker pull ")},
	// docker run/create pulling an image that is not local first prints
	// "Unable to find image 'REF' locally"; a registry answer after it
	// (often without the reference: Quay's "unauthorized: access to the
	// requested resource is not authorized.") is that implicit pull's.
	{"unable to find image", lazyRe(`Unable to find image '([^'\s]+)' locally`), opPull, nil},
	// The GitHub Actions runner pulling a job or service container image
	// with the credentials given to it: "/usr/bin/docker --config
	// /home/runner/work/_temp/.docker_ID pull REF".
	{"docker --config", lazyRe(`docker --config \S+ pull (?:-\S+ )*([^\s-]\S*)`), opPull, nil},
	{"image pull ", lazyRe(`(?:docker|ctr|nerdctl|podman) image pull (?:-\S+ )*([^\s-]\S*)`), opPull, nil},
	{"podman pull ", lazyRe(`podman pull (?:-\S+ )*([^\s-]\S*)`), opPull, prefixOptionsArg("podman pull ")},
	{"buildah pull ", lazyRe(`buildah pull (?:-\S+ )*([^\s-]\S*)`), opPull, prefixOptionsArg("buildah pull ")},
	{"nerdctl pull ", lazyRe(`nerdctl pull (?:-\S+ )*([^\s-]\S*)`), opPull, prefixOptionsArg("nerdctl pull ")},
	{"load metadata for", lazyRe(`load metadata for (\S+)`), opPull, prefixNonSpace("load metadata for ")},
	{": FROM ", lazyRe(`: FROM (?:--platform=\S+ )?(\S+)`), opPull, prefixPlatformArg(": FROM ")},  // docker build "Step 1/9 : FROM x"
	{"] FROM ", lazyRe(`\] FROM (?:--platform=\S+ )?(\S+)`), opPull, prefixPlatformArg("] FROM ")}, // BuildKit "#5 [1/3] FROM x"
	{"reading manifest", readingManifestRe, opPull, matchReadingManifest},
	{"layer upload to", lazyRe(`initiating layer upload to /v2/(\S+?)/blobs/uploads/ in (\S+?):(?:\s|$)`), opPush, nil},
	{"uploading manifest", lazyRe(`uploading manifest \S+ to (\S+?):(?:\s|$)`), opPush, nil},
	{"pull", lazyRe(`(?:Failed to pull image|failed to pull image|Pulling docker image|Pulling image) "?([^"\s]+?)"?(?: |$)`), opPull, matchPullImage},
	{"pulling ", lazyRe(`Pulling [\w.-]+ \(([^)\s]+)\)\.\.\.`), opPull, nil}, // docker-compose v1 "Pulling web (nginx:1.25)..."
	// CircleCI's executor pulling the job's image ("Starting container
	// REF" then "image cache not found on this host, downloading REF").
	{"on this host, downloading", lazyRe(`image cache not found on this host, downloading (\S+)`), opPull, nil},
	// Ansible's community.docker modules ("Error pushing image REF: MSG",
	// "Error pulling image REF - MSG") and Go tools built on the Engine API
	// (fmt.Errorf("Error pushing image %s: %v", ref, err)).
	// (Capitalised: docker's own "error pulling image configuration" is
	// not one.)
	{"Error pushing image ", lazyRe(`Error pushing image (\S+?)(?::|\s-)?\s`), opPush, nil},
	{"Error pulling image ", lazyRe(`Error pulling image (\S+?)(?::|\s-)?\s`), opPull, nil},
	// OpenShift's builder (openshift/builder: "Pushing image REF ...").
	{"pushing image ", lazyRe(`Pushing image (\S+) \.\.\.`), opPush, nil},
	{"invalid argument", lazyRe(`invalid argument "([^"]*)" for "?-t`), opBuild, nil},
	{"invalid tag", lazyRe(`invalid tag "([^"]*)"`), opBuild, prefixQuotedMin("invalid tag ", 0)},
	{"parsing reference", lazyRe(`Error parsing reference: "([^"]*)"`), opBuild, prefixQuotedMin("Error parsing reference: ", 0)},
	// Mirroring tools' reads (mirrortools.go): oc image mirror / oc adm
	// catalog mirror "error: unable to read image REF: TAIL", and skopeo's
	// pure reads "skopeo [OPTS] inspect|list-tags [OPTS] docker://REF".
	{"unable to read image ", lazyRe(`unable to read image (\S+?):(?:\s|$)`), opPull, prefixLazyColon("unable to read image ")},
	// oc image mirror / oc adm release mirror reading a source manifest
	// ("unable to retrieve source image REPO manifest DIGEST: TAIL").
	{"retrieve source image ", lazyRe(`unable to retrieve source image (\S+) manifest`), opPull, nil},
	{"skopeo ", lazyRe(`skopeo (?:\S+ )*?(?:inspect|list-tags) (?:.*? )?docker://([^\s"'\x60]+)`), opPull, nil},
	// tart (the GitLab Tart executor): "Pulling the latest version of REF..."
	{"Pulling the latest version of ", lazyRe(`Pulling the latest version of (\S+?)\.\.\.`), opPull, nil},
}

// refKeys are the keys of refPatterns, for the scanner's prefilter
// (which is case-insensitive).
func refKeys() []string {
	var out []string
	for _, p := range refPatterns {
		if len(p.key) > 3 {
			out = append(out, strings.ToLower(p.key))
		}
	}
	return out
}

// refFromMatch builds the reference of a refPatterns match: group 1 is the
// reference, or the repository path when group 2 holds the host.
func refFromMatch(m []string) imageRef {
	if len(m) > 2 && m[2] != "" {
		return imageRef{Raw: m[2] + "/" + m[1], Host: m[2], Repo: m[1]}
	}
	if m[1] == "image" && strings.HasPrefix(m[0], "failed to push image") {
		// "failed to push image: ERR" (fmt.Errorf("failed to push image:
		// %w")): the word is the object, not a reference.
		return imageRef{}
	}
	return parseRef(m[1])
}

// refIndex finds the ref pattern keys a line holds in one pass (keys
// lowercased; a key with upper case is confirmed against the line as is).
var refIndex *keyIndex

// refGuards are the literal guards of refPatterns' regexps (guard.go), by
// index, each built on first use (refGuard): most logs try a few patterns.
var (
	refGuards    [maxRefPatterns]litGuard
	refGuardOnce [maxRefPatterns]sync.Once
)

// refGuard is refPatterns[i]'s literal guard, built from the expression on
// first use (the regexp itself is compiled on its own first use; a pattern
// with a hand matcher may never need it). Safe for concurrent use.
func refGuard(i int) *litGuard {
	refGuardOnce[i].Do(func() { refGuards[i] = litGuardOf(parseSimple(refPatterns[i].re.expr)) })
	return &refGuards[i]
}

// buildRefIndex builds refIndex, once (keysOnce).
func buildRefIndex() {
	if len(refPatterns) > maxRefPatterns {
		panic("diagnose: more than maxRefPatterns (128) reference patterns (refSet)")
	}
	keys := make([]string, len(refPatterns))
	for i, p := range refPatterns {
		keys[i] = strings.ToLower(p.key)
	}
	refIndex = newKeyIndex(keys)
}

// refCandidates marks in present the refPatterns whose key the line holds.
func refCandidates(text, low string, present *[maxSigKeys]bool) bool {
	if !refIndex.find(low, present) {
		return false
	}
	confirmRefKeys(text, low, present)
	return true
}

// confirmRefMask is confirmRefKeys for the patterns of mask: it returns
// mask without the patterns the line rules out.
func confirmRefMask(text, low string, mask refSet) refSet {
	guards := lineGuards(text)
	for w, word := range mask {
		for ; word != 0; word &= word - 1 {
			i := w*64 + bits.TrailingZeros64(word)
			p := &refPatterns[i]
			if (p.key != refIndex.keys[i] && !strings.Contains(text, p.key)) ||
				(guards && p.find == nil && !refGuard(i).may(text, low)) {
				mask.remove(i)
			}
		}
	}
	return mask
}

// confirmRefKeys unmarks the refPatterns whose key with upper case the line
// does not hold as is, or whose regexp's literal guard rules the line out.
// A pattern with a hand matcher (find) skips its guard: the matcher costs
// about as little and finds nothing where the regexp would not.
func confirmRefKeys(text, low string, present *[maxSigKeys]bool) {
	guards := lineGuards(text)
	for i, p := range refPatterns {
		if present[i] && ((p.key != refIndex.keys[i] && !strings.Contains(text, p.key)) ||
			(guards && p.find == nil && !refGuard(i).may(text, low))) {
			present[i] = false
		}
	}
}

// Operations a log line can show.
const (
	opPush  = "push"
	opPull  = "pull"
	opLogin = "login"
	opBuild = "build"
)

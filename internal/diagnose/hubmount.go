package diagnose

import (
	"fmt"
	"regexp"
	"strings"

	"github.com/regdoctor/regdoctor/internal/reghost"
)

// hubRepoRe is a repository path Docker Hub can hold: exactly NAMESPACE/NAME
// (docs.docker.com/docker-hub/repos/create/), the namespace a Docker ID or
// organization name (lowercase letters and digits), the name lowercase
// with the separators the reference grammar allows (distribution/reference,
// path-component).
var hubRepoRe = regexp.MustCompile(`^[a-z0-9]{2,30}/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$`)

// hubMountWindow is how far before the failure a reference on another
// registry may be to count as the copy's source (the copy command line
// and the tool's "Copying from SRC to DST" line come right before it).
const hubMountWindow = 30

// rankHubForeignScope400 ranks Docker Hub's 400 "invalid repository name"
// when the repository the push writes is one Docker Hub can hold. Docker
// Hub's token service answers that 400 to a scope naming a path it cannot
// hold (more than NAMESPACE/NAME); when the target's own path is valid, the
// refused name is another repository of the same token request: the
// source of a cross-registry blob mount. go-containerregistry (crane copy,
// gcrane, ko) asks to mount a layer from the source repository when it
// copies between registries (since v0.10, google/go-containerregistry#1388),
// and a source path from Artifact Registry, GitLab or Quay
// (PROJECT/REPOSITORY/IMAGE) is one Docker Hub refuses as a whole request
// instead of ignoring the mount (google/go-containerregistry#1679, fixed in
// v0.15.1 by #1681). The log shows it either as the token request's scopes
// (a pull scope on a deeper path next to the push scope) or, when only the
// status is printed, as a reference on another registry just before the
// failure (the copy's source). nil otherwise.
func rankHubForeignScope400(h *hit, f *facts) []cand {
	if h.kind() != reghost.DockerHub || !strings.Contains(h.low, "invalid repository name") {
		return nil
	}
	target, foreign := h.repo(), ""
	var pushScope bool
	for _, s := range h.url.Scopes {
		if s.Type != "repository" {
			continue
		}
		if s.has("push") && !pushScope {
			target, pushScope = s.Name, true
		} else if !hubRepoRe.MatchString(s.Name) {
			foreign = s.Name
		}
	}
	if !hubRepoRe.MatchString(target) {
		return nil // the target itself is a path Docker Hub cannot hold
	}
	if src := f.copySrc; foreign == "" && len(h.url.Scopes) == 0 && src.Line > 0 && src.Line <= h.line() && h.line()-src.Line <= hubMountWindow &&
		src.Ref.Host != "" && reghost.Classify(src.Ref.Host) != reghost.DockerHub && !hubRepoRe.MatchString(src.Ref.Repo) {
		// Only the status was printed: the copy command just before names
		// the source, on another registry, with a path Docker Hub cannot hold.
		foreign = reghost.Normalize(src.Ref.Host) + "/" + src.Ref.Repo
	}
	if foreign == "" {
		return nil
	}
	return []cand{
		c("client-bug", 0.72, fmt.Sprintf("Docker Hub refused a repository name, but the target %s is a valid NAMESPACE/NAME: the name refused is the other repository of the request, %s, the source of a cross-registry blob mount. go-containerregistry-based copies (crane copy, gcrane cp) ask Docker Hub to mount layers from the source repository, and Docker Hub answers a source path it cannot hold with 400 instead of ignoring the mount (google/go-containerregistry#1679, fixed in v0.15.1). Upgrade the client, or copy without mounting.", target, foreign)),
		c("invalid-reference", 0.45, ""),
	}
}

// copyKey is the reference-pattern key of a copy command line (refs.go):
// "crane copy SRC DST", "regctl image copy SRC DST", "skopeo copy SRC DST".
const copyKey = " copy "

// copySrcRe is the source argument of a go-containerregistry copy ("crane
// copy", "gcrane copy", or their alias cp; the options before it skipped).
// Only these mount blobs across registries; skopeo and regctl mount within
// one registry, so their source never reaches Docker Hub's token service.
var copySrcRe = regexp.MustCompile(`crane (?:copy|cp) (?:-\S+ )*([^\s-]\S*) \S`)

// kCraneCp marks a line with `crane cp`, the alias of `crane copy`
// (go-containerregistry cmd/crane/cmd/copy.go: Aliases: []string{"cp"}),
// which the copy reference pattern's key (copyKey) does not hold. gcrane's
// cp holds it too; a file copy (`cp -r SRC DST`, `kubectl cp`) does not.
var kCraneCp = lowKey("crane cp ")

func init() { factKeys = append(factKeys, "crane cp ") } // the line prefilter

// craneCpDstRe is the destination of `crane cp SRC DST` (the options before
// SRC skipped), as the copy reference pattern reads `crane copy` (refs.go).
var craneCpDstRe = lazyRe(`crane cp (?:-\S+ )*\S+ ([^\s-]\S*)`)

// observeCraneCp records a `crane cp` on line n as the copy reference
// pattern records `crane copy`: the destination as a push, the source for
// the cross-registry mount (noteCopySource).
func (f *facts) observeCraneCp(n int, text string) {
	m := craneCpDstRe.FindStringSubmatch(text)
	if m == nil {
		return
	}
	f.noteCopySource(n, text)
	f.addRef(n, refFromMatch(m), opPush)
}

// noteCopySource records the source of a crane copy on line n: the
// reference patterns record only the destination, the push.
func (f *facts) noteCopySource(n int, text string) {
	if m := copySrcRe.FindStringSubmatch(text); m != nil {
		if r := parseRef(m[1]); r.Repo != "" {
			f.copySrc = refSeen{Ref: r, Op: opPull, Line: n}
		}
	}
}

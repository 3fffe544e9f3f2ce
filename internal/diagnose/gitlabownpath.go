package diagnose

import (
	"fmt"
	"strings"
)

// A GitLab job's command that names its images only as $CI_REGISTRY_IMAGE
// paths works inside the job's own project: whatever those paths expand to,
// a job token never needs the target project's allowlist there (the job
// token reads and writes its own project's registry with the role of the
// user who started the job; docs.gitlab.com/ci/jobs/ci_job_token/), so a
// refusal right after such a command is not job-token-cross-project.

func init() { factKeys = append(factKeys, "ci_registry_image") }

var kCIRegImage = lowKey("ci_registry_image")

// observeOwnImageCmd records a GitLab command echo ("$ CMD") whose image
// arguments are all $CI_REGISTRY_IMAGE paths, and forgets it when a command
// names another image path beside one.
func (f *facts) observeOwnImageCmd(n int, text string) {
	if !f.has(kCIRegImage) {
		return
	}
	t := strings.TrimSpace(text)
	if !strings.HasPrefix(t, "$ ") {
		return
	}
	own := false
	for _, w := range strings.Fields(t[2:]) {
		w = strings.Trim(w, `"'`)
		low := strings.ToLower(w)
		switch {
		case strings.HasPrefix(low, "$ci_registry_image") || strings.HasPrefix(low, "${ci_registry_image}"):
			own = true
		case strings.HasPrefix(w, "$") && (strings.ContainsAny(w, "/:") || strings.Contains(low, "image") || strings.Contains(low, "registry")),
			strings.Contains(w, "/") && !strings.HasPrefix(w, "-") && !strings.HasPrefix(w, ".") && !strings.HasPrefix(w, "$") && strings.ContainsAny(w, ".:"):
			// another image path beside it (HOST/PATH, NAME/PATH:TAG, or a
			// variable that may hold one)
			f.ownImageCmd = 0
			return
		}
	}
	if own {
		f.ownImageCmd = n
	}
}

// ownPathCand answers a job-token-cross-project reading of a refusal that
// follows a command working only on $CI_REGISTRY_IMAGE paths (within 4
// lines: the command's own output): a read there is refused only when no
// credential reached the client (no-login); a write, when the job's user may
// not push (insufficient-role).
func ownPathCand(h *hit, f *facts, cs []cand) (cand, bool) {
	if f.ownImageCmd == 0 || h.line() < f.ownImageCmd || h.line()-f.ownImageCmd > 4 || len(cs) == 0 {
		return cand{}, false
	}
	top := strongest(cs)
	if top.cause != "job-token-cross-project" {
		return cand{}, false
	}
	if h.op == opPull || isManifestRead(h) || isReadRequest(h) || strings.Contains(h.low, "fetching \"") {
		return c("no-login", top.w+0.04, fmt.Sprintf("The command at line %d reads a $CI_REGISTRY_IMAGE path, the job's own project, which any credential of this job may read: the refusal means no credential reached the client. Log in for this client in the job (docker login -u \"$CI_REGISTRY_USER\" --password-stdin \"$CI_REGISTRY\"), or write its config.json with an \"auth\" entry (base64 of user:password), the form every client reads.", f.ownImageCmd)), true
	}
	return c("insufficient-role", top.w+0.04, fmt.Sprintf("The command at line %d pushes to a $CI_REGISTRY_IMAGE path, the job's own project, so a job token needs no allowlist there: the credential may not write (the job token carries the role of the user who started the job; Reporter and Guest cannot push).", f.ownImageCmd)), true
}

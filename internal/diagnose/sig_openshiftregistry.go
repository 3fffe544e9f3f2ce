package diagnose

import "fmt"

// OpenShift's integrated image registry decides every request with a
// subject access review on the project's image streams, and logs a refusal
// as "OpenShift access denied: REASON", the review's reason naming the
// identity the request carried: `User "system:anonymous" cannot get
// imagestreams/layers.image.openshift.io in project "P"` (OpenShift 3),
// `User "system:serviceaccount:NS:SA" cannot get resource "imagestreams/layers"
// in API group "image.openshift.io" in the namespace "P"` (RBAC wording)
// (openshift/image-registry pkg/dockerregistry/server/auth.go, verifyWithSAR:
// `Errorf("OpenShift access denied: %s", response.Status.Reason)`). The client
// sees only "unauthorized: authentication required" for both a request
// without a credential and an account without the role; the registry's own
// line, when a log or an issue carries it, tells them apart by the user it
// names. system:anonymous is the name Kubernetes gives a request with no
// credential at all.

func init() { sigGroups = append(sigGroups, sigsOpenShiftRegistry) }

func sigsOpenShiftRegistry() {
	register(
		&signature{
			id:   "openshift-registry-access-denied",
			keys: []string{"openshift access denied"},
			re:   lazyRe(`(?i)OpenShift access denied: User \\?"([^"\\]+)\\?" cannot (\w+)\b[^\n]*?imagestreams/layers`),
			rank: rankOpenShiftAccessDenied,
			tell: func(*hit, *facts) string {
				return "The user OpenShift's registry names decides: system:anonymous means the request carried no credential (no-login); a named user or service account was authenticated and lacks the registry role in that project (insufficient-role), or the image path names another project than the account's own (push-outside-namespace)."
			},
		},
	)
}

// openShiftDeniedProjectRe is the project (namespace) an OpenShift
// registry refusal names: `in project "P"` or `in the namespace "P"`.
var openShiftDeniedProjectRe = lazyRe(`(?i)in (?:project|the namespace) \\?"([^"\\]+)\\?"`)

// rankOpenShiftAccessDenied ranks the integrated registry's access-denied
// log line by the identity it names (h.m[1]) and the verb refused on the
// image stream layers (h.m[2]: get for a read, update or create for a push):
// system:anonymous carried no credential; any other user or service account
// was authenticated and lacks the registry role in the project.
func rankOpenShiftAccessDenied(h *hit, f *facts) []cand {
	user, verb := h.m[1], lower(h.m[2])
	project := "the project"
	if m := openShiftDeniedProjectRe.FindStringSubmatch(h.low); m != nil {
		project = "project " + m[1]
	}
	if lower(user) == "system:anonymous" {
		return []cand{
			c("no-login", 0.84, fmt.Sprintf("OpenShift's registry logged the request as system:anonymous: it carried no credential, so it was refused (%s image stream layers in %s). Log in with a token (oc whoami -t | podman login -u unused --password-stdin REGISTRY), or give the build or pipeline its service account's dockercfg secret (a build pushes with the builder account's secret; a pod started before that secret existed has none).", verb, project)),
			c("login-other-job", 0.42, ""),
			c("insufficient-role", 0.4, ""),
		}
	}
	why := fmt.Sprintf("OpenShift's registry authenticated the request as %s, which may not %s image stream layers in %s: it lacks the registry role there. Grant it in that project (system:image-builder or edit to push, system:image-puller to pull: oc policy add-role-to-user system:image-builder %s -n PROJECT), or push to the account's own project.", user, verb, project, user)
	return []cand{
		c("insufficient-role", 0.82, why),
		c("push-outside-namespace", 0.5, ""),
	}
}

package diagnose

import (
	"fmt"
	"strings"

	"github.com/regdoctor/regdoctor/internal/reghost"
)

// Readings found in the sixth held-out batch (other CI platforms: Tekton and
// OpenShift builds, CircleCI executors, Azure Pipelines): small helpers the
// signatures' rank functions call, kept in one file so that batches worked
// on in parallel touch the shared rank functions by one line each.

// openShiftRegistry reports whether host is OpenShift's integrated image
// registry: its in-cluster service (image-registry.openshift-image-registry.svc,
// OpenShift 4; docker-registry.default.svc, OpenShift 3) or its default
// route (default-route-openshift-image-registry.apps.CLUSTER).
func openShiftRegistry(host string) bool {
	h := strings.ToLower(host)
	return strings.HasPrefix(h, "image-registry.openshift-image-registry.svc") ||
		strings.HasPrefix(h, "docker-registry.default.svc") ||
		strings.HasPrefix(h, "default-route-openshift-image-registry.")
}

// rankOpenShiftUnauthenticated ranks "unauthorized: authentication required"
// from OpenShift's integrated registry, or nil for another registry. Builds
// and pipeline pods reach that registry with their service account's token
// (the builder/pipeline account's image-pull and push secrets are mounted
// for them), and the registry answers a token whose account lacks the
// registry role on the target project (system:image-builder, edit or
// registry-editor) with the same "authentication required" as an anonymous
// request (OpenShift docs, "Accessing the registry": pushing needs the
// registry-editor or system:image-builder role in the project).
func rankOpenShiftUnauthenticated(h *hit, f *facts) []cand {
	if !openShiftRegistry(h.host) || h.op != opPush {
		return nil // a pull from another project needs system:image-puller there: not a push role
	}
	project, _, _ := strings.Cut(h.repo(), "/")
	why := "OpenShift's integrated registry authenticates builds and pipeline pods with their service account, and answers \"authentication required\" also to an account without the push role on the target project: grant the service account system:image-builder (or edit) in "
	if project != "" {
		why += "project " + project + ", or push to the pipeline's own project."
	} else {
		why += "the target project, or push to the pipeline's own project."
	}
	return []cand{
		c("insufficient-role", 0.76, why),
		c("no-login", 0.5, ""),
		c("push-outside-namespace", 0.45, ""),
	}
}

// azureRegistrySeen reports whether the log shows an Azure Container
// Registry: on the hit's line, as a login's host (az acr login names one) or
// as a reference's or registry URL's host. Entra ID sign-in errors (AADSTS
// codes) are the registry's credential failing only in such a job; without
// one they are an az, ARM or AKS sign-in (a service connection's expired
// client secret in a HelmDeploy or AzureCLI task), not a registry's.
func azureRegistrySeen(h *hit, f *facts) bool {
	if strings.Contains(h.low, "azurecr") || strings.Contains(h.low, "acr login") || h.kind() == reghost.ACR {
		return true
	}
	isACR := func(host string) bool { return host != "" && reghost.Classify(reghost.Normalize(host)) == reghost.ACR }
	if f.pending != nil && isACR(f.pending.Host) {
		return true
	}
	for _, l := range f.logins {
		if isACR(l.Host) {
			return true
		}
	}
	seen := false
	f.refs.each(func(r refSeen) { seen = seen || isACR(r.Ref.Host) })
	f.urls.each(func(u urlSeen) { seen = seen || isACR(u.URL.Host) })
	return seen
}

// schemeInReference reports whether a reference was written as a URL: a
// scheme before the registry host ("https://HOST/PATH"), or what a parser
// leaves of one after taking "https:" for the registry ("/HOST:PORT/PATH",
// go-containerregistry's "repository can only contain the runes …:
// /HOST:PORT/PATH"). Image references have no scheme
// (distribution/reference: [host[:port]/]path[:tag][@digest]); it is not an
// empty variable, whose leading "/" is followed by a repository path.
func schemeInReference(bare string) bool {
	if strings.Contains(bare, "://") {
		return true
	}
	rest, ok := strings.CutPrefix(bare, "/")
	if !ok {
		return false
	}
	first, _, more := strings.Cut(rest, "/")
	if !more || first == "" {
		return false
	}
	// A host with a port, an IPv4 address or localhost, followed by a path.
	// A dotted name alone is not enough: repository components may hold
	// dots ("$ORG/my.app/web" with ORG empty reads "/my.app/web").
	host, port, hasPort := strings.Cut(first, ":")
	if hasPort {
		return port != "" && strings.Trim(port, "0123456789") == "" && host != ""
	}
	return first == "localhost" || ipv4Re.MatchString(first)
}

var ipv4Re = lazyRe(`^\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3}$`)

// kAnonFallback is go-containerregistry's note that no credential matched the
// registry and the request goes out anonymously (pkg/authn, logged by
// kaniko and ko: "No matching credentials were found[ for "HOST"], falling
// back on anonymous"). On its own it is routine (public base images); it
// tells who made a later refusal.
var kAnonFallback = lowKey("falling back on anonymous")

// kAnonNoMatch is the same note from go-containerregistry's bearer transport
// (pkg/v1/remote/transport/bearer.go, refreshOauth and refreshBasic): it logs
// `No matching credentials were found for "HOST"` only when a token request
// failed and the request carried authn.Anonymous, so the registry's refusal
// that follows answered a request without any credential (crane, ko,
// kaniko, gcrane; google/go-containerregistry#1183).
var kAnonNoMatch = lowKey("no matching credentials were found for")

func init() { factKeys = append(factKeys, "no matching credentials were found for") } // the line prefilter

func init() { sigGroups = append(sigGroups, sigsOtherCI) }

func sigsOtherCI() {
	register(
		&signature{
			id: "access-denied-quoted",
			// Google Container Registry's (and Artifact Registry's gcr.io
			// domains') refusal as go-containerregistry prints it, the
			// registry's message quoted: `DENIED: "Access denied."` (kaniko
			// logs it as msg="DENIED: \"Access denied.\""). The registry
			// answers so both to an anonymous request and to an identity
			// without the storage/Artifact Registry role.
			keys: []string{`denied: "access denied`, `denied: \"access denied`, "denied: access denied."},
			re:   lazyRe(`(?i)DENIED: \\?"?Access denied\.`),
			veto: append([]string{"s3:", "accessdenied", "permission denied"}, gitLike...),
			rank: func(h *hit, f *facts) []cand {
				if f.anonFallback > 0 && f.anonFallback < h.line() {
					return []cand{
						c("no-login", 0.86, fmt.Sprintf("The client said no credential matched the registry and fell back on anonymous (line %d), and the registry refused the anonymous request: the credential it was given (a mounted config.json, a credential helper) was not where the client looks (DOCKER_CONFIG).", f.anonFallback)),
						c("login-other-job", 0.5, ""),
						c("cloud-iam-denied", 0.4, ""),
					}
				}
				return []cand{
					c("no-login", 0.62, "The registry refused the request with \"Access denied.\": no credential reached the client, or one without access (GCR/Artifact Registry answer both so)."),
					c("cloud-iam-denied", 0.56, ""),
					c("bad-credentials", 0.4, ""),
				}
			},
			tell: tellUnauthenticated,
		},
	)
}

// garRepositoryNotFound reports whether the line is Artifact Registry's
// answer for a repository that does not exist: `name unknown: Repository
// "NAME" not found` (code NAME_UNKNOWN, the repository quoted; Harbor's
// "unknown: repository PROJECT/NAME not found" is unquoted). An Artifact
// Registry repository (the gcr.io one included, since the Container Registry
// transition) is created by an administrator; a push does not create it
// (cloud.google.com/artifact-registry/docs/transition/changes-gcp).
func garRepositoryNotFound(h *hit) bool {
	return strings.Contains(h.low, `unknown: repository "`) && strings.Contains(h.low, `" not found`)
}

package diagnose

import "testing"

// TestMessageGrammarOpenShiftRegistry holds OpenShift's integrated registry's
// own access-denied log line (sig_openshiftregistry.go, twenty-third
// held-out batch, part d), read by the identity it names, and the
// look-alikes that keep their answer or stay quiet.
func TestMessageGrammarOpenShiftRegistry(t *testing.T) {
	const buildPush = "Pushing image image-registry.openshift-image-registry.svc:5000/orbit/api:latest ...\nerror: build error: Failed to push image: unauthorized: authentication required\n"
	checkFirstCause(t, map[string]string{
		// the registry's logfmt line (quotes escaped), OpenShift 3 wording
		`time="2024-03-02T10:00:01Z" level=error msg="OpenShift access denied: User \"system:anonymous\" cannot update imagestreams/layers.image.openshift.io in project \"orbit\"" go.version=go1.20 http.request.host="docker-registry.default.svc:5000" http.request.method=POST`: "no-login",
		// unescaped, a read refused
		`OpenShift access denied: User "system:anonymous" cannot get imagestreams/layers.image.openshift.io in project "orbit-tools"`: "no-login",
		// RBAC wording, an authenticated service account without the role
		`level=error msg="OpenShift access denied: User \"system:serviceaccount:orbit-ci:pipeline\" cannot get resource \"imagestreams/layers\" in API group \"image.openshift.io\" in the namespace \"orbit-prod\""`: "insufficient-role",
		// a named user
		`OpenShift access denied: User "dev-one" cannot update imagestreams/layers.image.openshift.io in project "orbit"`: "insufficient-role",
		// the build's refusal with the registry's line naming no credential
		buildPush + `time="2024-03-02T10:00:01Z" level=error msg="OpenShift access denied: User \"system:anonymous\" cannot get imagestreams/layers.image.openshift.io in project \"orbit\""`: "no-login",
		// look-alikes: the build's refusal alone keeps its reading
		buildPush: "insufficient-role",
		// the Kubernetes API's refusals (image stream objects, namespaces)
		// are not the registry's
		`Error from server (Forbidden): imagestreams.image.openshift.io "api" is forbidden: User "system:anonymous" cannot get resource "imagestreams" in API group "image.openshift.io" in the namespace "orbit"`: "",
		`Error from server (Forbidden): namespaces is forbidden: User "system:anonymous" cannot list resource "namespaces" in API group "" at the cluster scope`:                                                   "",
		// the registry's access-denied on another resource (pruning images)
		`OpenShift access denied: User "dev-one" cannot delete images.image.openshift.io at the cluster scope`: "",
	})
}

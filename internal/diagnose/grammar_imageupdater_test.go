package diagnose

import "testing"

// Argo CD Image Updater's "Could not set registry endpoint credentials: ERR"
// (sig_imageupdater.go): the credential source it names could not be read.
func TestGrammarImageUpdaterCredentials(t *testing.T) {
	checkFirstCause(t, map[string]string{
		`time="2024-05-02T08:00:00Z" level=error msg="Could not set registry endpoint credentials: could not fetch secret 'orbit-creds' from namespace 'argocd' (field: 'token'): secret 'argocd/orbit-creds' does not have a field 'token'" alias=web application=orbit image_name=orbit/web image_tag=1.0.0 registry=ghcr.io`: "credential-store-error",
		`time="2024-05-02T08:00:00Z" level=error msg="Could not set registry endpoint credentials: could not fetch secret 'orbit-pull' from namespace 'argocd' (field: '.dockerconfigjson'): secrets \"orbit-pull\" not found" alias=web application=orbit registry=registry.orbit.test`:                                        "credential-store-error",
		`time="2024-05-02T08:00:00Z" level=error msg="Could not set registry endpoint credentials: invalid secret definition: orbit-creds" alias= application=orbit image_name=orbit/web image_tag=1`:                                                                                                                           "credential-store-error",
		`time="2024-05-02T08:00:00Z" level=error msg="Could not set registry endpoint credentials: error executing /scripts/orbit-login.sh: ` + "`/scripts/orbit-login.sh`" + ` failed timeout after 10s" alias=api application=orbit registry=123456789012.dkr.ecr.eu-west-1.amazonaws.com`:                                    "credential-store-error",
		`time="2024-05-02T08:00:00Z" level=error msg="Could not set registry endpoint credentials: could not fetch credentials: env 'ORBIT_REGISTRY_CREDS' is not set" alias=api application=orbit registry=registry.orbit.test`:                                                                                                "empty-credential",
		`time="2024-05-02T08:00:00Z" level=error msg="Could not set registry endpoint credentials: no valid auth entry for registry https://registry-1.docker.io found in image pull secret" alias=api application=orbit image_name=orbit/api registry=`:                                                                        "login-wrong-host",
		// Look-alikes: git write-back credentials and the updater's Argo CD
		// API session are not registry credentials.
		`could not get creds for repo 'https://github.com/orbit/deploy.git': credentials are not configured in Argo CD settings`:                                                               "",
		`time="2024-05-02T08:00:00Z" level=error msg="Could not update application spec: could not get creds for repo 'https://git.orbit.test/deploy.git': secret argocd/git-creds not found"`: "",
	})
}

package diagnose

import (
	"fmt"
	"strings"
)

// Jenkins' Docker Pipeline steps (docker.withRegistry, withDockerRegistry,
// and a declarative `agent { docker { registryCredentialsId … } }`) resolve
// the registry credential through the docker-commons plugin before any
// docker command runs. When the credentials id names no credential the job
// can see (a misspelt id, or one stored in a folder or user scope the job
// does not reach), or one that cannot be turned into a registry token (a
// secret text; an `ecr:REGION:ID` id without the Amazon ECR plugin or an AWS
// credential of that ID), DockerRegistryEndpoint.newKeyMaterialFactory
// aborts the step with "Could not find credentials matching " + credentialsId
// (jenkinsci/docker-commons-plugin,
// src/main/java/org/jenkinsci/plugins/docker/commons/credentials/DockerRegistryEndpoint.java).
// The message ends with the id; the credentials-binding plugin's
// "Could not find credentials entry with ID '…'" (withCredentials) is not
// read here, since that step serves every kind of secret.

func init() { sigGroups = append(sigGroups, sigsJenkinsCreds) }

func sigsJenkinsCreds() {
	register(
		&signature{
			id:   "jenkins-registry-credentials-unresolved",
			keys: []string{"could not find credentials matching"},
			re:   lazyRe(`(?i)Could not find credentials matching (\S+)\s*$`),
			rank: rankJenkinsRegistryCredentials,
		},
	)
}

// rankJenkinsRegistryCredentials: the Docker Pipeline step could not turn
// the registry credentials id (h.m[1]) into a login, so none ran.
func rankJenkinsRegistryCredentials(h *hit, f *facts) []cand {
	h.op = opLogin
	id := h.m[1]
	why := fmt.Sprintf("Jenkins' Docker Pipeline step (withRegistry / withDockerRegistry / registryCredentialsId) could not resolve the registry credentials id %q, so no docker login ran: no credential with that id is visible to this job (a misspelt id, or one stored in a folder or user scope the job does not reach), or it is not a username-with-password credential docker-commons can turn into a registry login. Create the credential under that exact id in a scope the job sees, or fix the id in the Jenkinsfile.", id)
	if strings.HasPrefix(strings.ToLower(id), "ecr:") {
		why = fmt.Sprintf("Jenkins' Docker Pipeline step could not resolve the registry credentials id %q, so no docker login ran: the ecr:REGION:ID form is served by the Amazon ECR plugin and needs an AWS credential whose id is the part after the region. Install the plugin, or fix the AWS credential id (and its scope) the Jenkinsfile names.", id)
	}
	return []cand{
		c("empty-credential", 0.76, why),
		c("no-login", 0.42, ""),
	}
}

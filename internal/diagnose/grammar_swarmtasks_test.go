package diagnose

import "testing"

// TestMessageGrammarSwarmTasks holds swarm's words around a node's pull
// (sig_swarmtasks.go) and a client version with a documented auth regression
// on a deploy scheduler (clientbug.go).
func TestMessageGrammarSwarmTasks(t *testing.T) {
	checkFirstCause(t, map[string]string{
		// docker service ps: a task rejected because the node's pull failed
		`ledger_api.1  registry.example.net/team/ledger-api:v3  swarm-2  Ready  Rejected 5 seconds ago  "No such image: registry.example.net/team/ledger-api:v3"`: "no-login",
		// the same, cut by the ERROR column's width
		`ledger_api.1  registry.example.net/team/ledger-api:v3  swarm-2  Shutdown  Rejected 2 minutes ago  "No such image: registry.example.net/te…"`: "no-login",
		// docker service inspect / task inspect: Status.Err
		`            "Err": "No such image: registry.example.net/team/ledger-api:v3",`: "no-login",
		// a swarm front end printing the task's error alone
		"No such image: registry.example.net/team/ledger-api:v3": "no-login",
		// the daemon's answer to a local command (docker tag, rmi, inspect) is not a pull
		"Error response from daemon: No such image: ledger-api:latest":                                          "",
		`com.github.dockerjava.api.exception.NotFoundException: {"message":"No such image: ledger-api:latest"}`: "",
		// docker service create's digest-pinning warning: the service is created
		"unable to pin image ledger-probe to digest: errors:\ndenied: requested access to the resource is denied\nunauthorized: authentication required\n\nx3k9q1w7e2r5t8y4u6i0o2p1a": "",
		// without the warning the same body is a refusal
		"errors:\ndenied: requested access to the resource is denied\nunauthorized: authentication required": "no-login",
		// Nomad v1.9.0's docker driver drops the auth it was given (hashicorp/nomad#24181)
		"Nomad v1.9.0\nFailed to pull `registry.example.net/team/ledger-api:v3`: Error response from daemon: Head \"https://registry.example.net/v2/team/ledger-api/manifests/v3\": no basic auth credentials": "client-bug",
		// v1.9.1 has the fix: a plain missing credential
		"Nomad v1.9.1\nFailed to pull `registry.example.net/team/ledger-api:v3`: Error response from daemon: Head \"https://registry.example.net/v2/team/ledger-api/manifests/v3\": no basic auth credentials": "no-login",
	})
}

package diagnose

import "testing"

// TestMessageGrammarHarborAnonymousPull holds Harbor's pull refusal
// ("unauthorized to access repository: NAME, action: pull") as kubelet
// events (dockershim and CRI-O wording) and docker print it, with no login
// before the pull: the anonymous reading (harborpull.go). Guards keep a
// pull after a login, a push, a login for another host and a robot on
// their readings.
func TestMessageGrammarHarborAnonymousPull(t *testing.T) {
	checkFirstCause(t, map[string]string{
		// a kubelet on a Docker-based node, a kubelet on CRI-O
		`Warning  Failed     7s (x2 over 30s)   kubelet            Failed to pull image "harbor.lab.example/orbit/notes:1.4": rpc error: code = Unknown desc = Error response from daemon: unauthorized: unauthorized to access repository: orbit/notes, action: pull: unauthorized to access repository: orbit/notes, action: pull`:                             "no-login",
		`Warning  Failed     7s (x2 over 30s)   kubelet            Failed to pull image "harbor.lab.example/orbit/notes:1.4": rpc error: code = Unknown desc = reading manifest 1.4 in harbor.lab.example/orbit/notes: unauthorized: unauthorized to access repository: orbit/notes, action: pull: unauthorized to access repository: orbit/notes, action: pull`: "no-login",
		// docker pull with no login in the job
		"$ docker pull harbor.lab.example/orbit/notes:1.4\nError response from daemon: unauthorized: unauthorized to access repository: orbit/notes, action: pull: unauthorized to access repository: orbit/notes, action: pull": "no-login",
		// guard: a login to the same host ran, so a credential was sent
		"$ docker login harbor.lab.example -u orbit-dev --password-stdin\nLogin Succeeded\n$ docker pull harbor.lab.example/orbit/notes:1.4\nError response from daemon: unauthorized: unauthorized to access repository: orbit/notes, action: pull: unauthorized to access repository: orbit/notes, action: pull": "insufficient-role",
		// guard: a login for another host string
		"$ docker login harbor.lab.example:8443 -u orbit-dev --password-stdin\nLogin Succeeded\n$ docker pull harbor.lab.example/orbit/notes:1.4\nError response from daemon: unauthorized: unauthorized to access repository: orbit/notes, action: pull: unauthorized to access repository: orbit/notes, action: pull": "login-wrong-host",
		// guard: a push keeps the role reading
		"The push refers to repository [harbor.lab.example/orbit/notes]\n5d1e0a7c2b3f: Preparing\nunauthorized: unauthorized to access repository: orbit/notes, action: push: unauthorized to access repository: orbit/notes, action: push": "insufficient-role",
		// guard: a robot account's refusal keeps the permission reading
		`Error response from daemon: unauthorized: unauthorized to access repository: orbit/notes, action: pull: unauthorized to access repository: orbit/notes, action: pull (robot$orbit+ci)`: "token-missing-scope",
	})
}

package diagnose

import (
	"strings"
	"testing"
)

// TestMessageGrammarEngineOld holds TestMessageGrammar's lines for the Docker
// engine's older wordings (docker 1.x and 17.0x), found in the twelfth
// held-out batch (older threads and clients): one line (or a few) per shape,
// the first finding's cause wanted ("" = no finding).
func TestMessageGrammarEngineOld(t *testing.T) {
	checkFirstCause(t, map[string]string{
		// dockerd 17.03-17.06's pull refusal: a missing or private repository
		"Error response from daemon: repository lumenlabs/ledger-builder not found: does not exist or no pull access": "manifest-unknown",
		// after a login for another registry, the pull went out without a credential for this one
		"$ docker login registry.lumen.example -u ci\nLogin Succeeded\nError response from daemon: repository registry2.lumen.example/ops/tool not found: does not exist or no pull access": "login-wrong-host",
		// docker 1.x pulls of a name or a tag the registry does not hold
		"Error: image lumenlabs/ledger-api:2.4.1 not found":                 "manifest-unknown",
		"ERROR: for api  Error: image lumenlabs/ledger-api:2.4.1 not found": "manifest-unknown",
		"Tag 2.4.1 not found in repository docker.io/lumenlabs/ledger-api":  "manifest-unknown",
		// docker 1.x v1-index pushes
		`Error: Status 403 trying to push repository lumencorp/ledger-worker: "Access denied: Not allowed to create Repo at given location"`: "push-outside-namespace",
		`Error: Status 401 trying to push repository lumencorp/ledger-worker: "Authentication is required."`:                                 "no-login",
		`Error response from daemon: Error: Status 401 trying to pull repository lumencorp/ledger-worker: "Authentication is required."`:     "no-login",
		// docker 1.x: the v1 index's server errors
		`Error: Status 500 trying to push repository lumencorp/ledger-worker: "Internal Server Error"`: "registry-fault",
		"Error pulling image (2.4.1) from lumenlabs/ledger-api, HTTP code 502":                         "registry-fault",
		// docker 1.x's v1 pull when no endpoint answered the tag lookup with
		// 200 or 404: the registry answered, so its fault comes first
		"Pulling repository docker.io/lumenlabs/ledger-api\nCould not reach any registry endpoint":                                                                           "registry-fault",
		"Step 0 : FROM lumenlabs/ledger-base\nPulling repository lumenlabs/ledger-base\n2015/03/02 10:14:07 Could not reach any registry endpoint":                           "registry-fault",
		"$ sudo docker pull registry.lumen.example:5000/ops/tool:1.2\nPulling repository registry.lumen.example:5000/ops/tool\nError: Could not reach any registry endpoint": "registry-fault",
		// docker 1.x's v1 layer download: a server error, or no answer at all (status 0)
		"Pulling repository docker.io/lumenlabs/ledger-api\n4f1e2d3c5b6a: Error pulling image (2.4.1) from docker.io/lumenlabs/ledger-api, endpoint: https://registry-1.docker.io/v1/, Server error: Status 503 while fetching image layer (4f1e2d3c5b6a7d8e)": "registry-fault",
		"Error pulling image (2.4.1) from lumenlabs/ledger-api, Server error: Status 502 while fetching image layer (4f1e2d3c5b6a7d8e)":                                                                                                                        "registry-fault",
		"4f1e2d3c5b6a: Error pulling image (latest) from docker.io/lumenlabs/ledger-api, Server error: Status 0 while fetching image layer (4f1e2d3c5b6a7d8e)":                                                                                                 "registry-unreachable",
		// a 4xx there is left to the lines around it; a tool's own "fetching image layer" is not docker's
		"Error pulling image (2.4.1) from lumenlabs/ledger-api, Server error: Status 404 while fetching image layer (4f1e2d3c5b6a7d8e)": "",
		"warning: timeout while fetching image layer metadata from the cache, retrying":                                                 "",
		// other tools' "could not reach any ... endpoint" are not a registry's answer
		"Error: could not reach any endpoint of the etcd cluster (10.0.0.4:2379)":                      "",
		"WARN could not reach any registry endpoint for the helm plugin index, using the cached index": "",
		// a 4xx HTTP code on that line is not read as a fault
		"Error pulling image (2.4.1) from lumenlabs/ledger-api, HTTP code 404": "",
		// Go before 1.9 ("getsockopt:") and Linux's ETIMEDOUT wordings of a failed connect
		"Error response from daemon: Get https://registry.lumen.example/v2/: dial tcp 10.0.0.5:443: getsockopt: connection refused": "registry-unreachable",
		"Error response from daemon: Get https://registry.lumen.example/v2/: dial tcp 10.0.0.5:5000: getsockopt: no route to host":  "registry-unreachable",
		"Error response from daemon: Get https://registry.lumen.example/v2/: dial tcp 10.0.0.5:443: connect: connection timed out":  "registry-unreachable",
		// a database's connect timeout is not a registry's
		"psql: error: connection to server at \"db.lumen.example\" (10.0.0.9), port 5432 failed: Connection timed out": "",
		// other tools' "image ... not found" are not a registry's answer
		"fatal: image lumenlabs/ledger-api not found in the local store": "",
		// npm wraps GitHub Packages' answer onto a line of its own after " - "
		"npm ERR! 401 Unauthorized - GET https://npm.pkg.github.com/download/@lumenlabs/ledger-ui/1.2.0/4f1e2d3c\n- unauthenticated: User cannot be authenticated with the token provided.": "",
	})
}

// TestDockerHubDeniedAfterLogin checks the candidates after a successful
// Docker Hub login: the organization role is named right after the
// namespace, ahead of "no login".
func TestDockerHubDeniedAfterLogin(t *testing.T) {
	log := "$ docker login -u \"$DOCKER_USER\" -p \"$DOCKER_PASS\"\nLogin Succeeded\n" +
		"The push refers to repository [docker.io/lumencorp/ledger-worker]\n9fa033b3feca: Preparing\n" +
		"denied: requested access to the resource is denied\n"
	rep, err := Explain(strings.NewReader(log), Options{})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, f := range rep.Findings {
		got = append(got, f.Cause)
	}
	if len(got) < 2 || got[0] != "push-outside-namespace" || got[1] != "insufficient-role" {
		t.Errorf("causes %v, want push-outside-namespace then insufficient-role", got)
	}
	// Without a login the order stays as it was.
	rep, err = Explain(strings.NewReader(log[strings.Index(log, "The push"):]), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(rep.Findings) < 2 || rep.Findings[1].Cause == "insufficient-role" {
		t.Errorf("without a login, insufficient-role should not be second: %v", rep.Findings)
	}
}

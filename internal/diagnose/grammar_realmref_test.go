package diagnose

import "testing"

// TestMessageGrammarRealmRef holds the lines for the token-realm shapes of
// the twentieth held-out batch, part f (self-hosted registries and the
// network path): containerd's and BuildKit's token failure where the
// registry is known only from the image reference and the realm it
// advertised sits on another port, a loopback or the docker bridge; a token
// realm with a scheme Go cannot speak ("null://…"). With look-alikes that
// keep their answer or stay quiet. Kept apart from the other tables so that
// parallel batches do not edit the same block.
func TestMessageGrammarRealmRef(t *testing.T) {
	checkFirstCause(t, map[string]string{
		// containerd (kubelet event): the registry is reached on :443, its realm names :8443
		`Failed to pull image "reg.orbit.test/team/app:1.2": rpc error: code = DeadlineExceeded desc = failed to pull and unpack image "reg.orbit.test/team/app:1.2": failed to resolve reference "reg.orbit.test/team/app:1.2": failed to authorize: failed to fetch oauth token: Post "https://reg.orbit.test:8443/service/token": dial tcp 10.9.8.7:8443: connect: connection refused`: "registry-fault",
		// BuildKit push: the registry is served on :5000, its realm keeps the default port
		`ERROR: failed to solve: failed to push reg.orbit.test:5000/team/app:1.2: failed to authorize: failed to fetch anonymous token: Get "https://reg.orbit.test/v2/token?scope=repository%3Ateam%2Fapp%3Apull%2Cpush&service=reg": dial tcp 10.9.8.7:443: i/o timeout`: "registry-fault",
		// a loopback realm for a registry reached by name (a forge whose ROOT_URL is localhost)
		`failed to resolve reference "git.orbit.test/team/app:latest": failed to authorize: failed to fetch anonymous token: Get "http://localhost:3000/v2/token?scope=repository%3Ateam%2Fapp%3Apull&service=container_registry": dial tcp 127.0.0.1:3000: connect: connection refused`: "registry-fault",
		// guard: Docker Hub's realm on its own public host stays a network failure
		`failed to resolve reference "docker.io/library/nginx:latest": failed to authorize: failed to fetch anonymous token: Get "https://auth.docker.io/token?scope=repository%3Alibrary%2Fnginx%3Apull&service=registry.docker.io": dial tcp 54.1.2.3:443: i/o timeout`: "registry-unreachable",
		// guard: a realm on the registry's own host and port stays a network failure
		`ERROR: failed to solve: failed to push reg.orbit.test/team/app:1.2: failed to authorize: failed to fetch oauth token: Post "https://reg.orbit.test/service/token": dial tcp 10.9.8.7:443: i/o timeout`: "registry-unreachable",
		// guard: a realm that spells out the registry's default port is on the same port
		`failed to resolve reference "reg.orbit.test/team/app:1.2": failed to authorize: failed to fetch oauth token: Post "https://reg.orbit.test:443/service/token": dial tcp 10.9.8.7:443: i/o timeout`: "registry-unreachable",
		// guard: a plain-HTTP realm that spells out port 80 for a registry reached by name
		`failed to resolve reference "reg.orbit.test/team/app:1.2": failed to authorize: failed to fetch anonymous token: Get "http://reg.orbit.test:80/v2/token?service=reg": dial tcp 10.9.8.7:80: connect: connection refused`: "registry-unreachable",
		// guard: a plain-HTTP registry whose realm is on its own host and port
		`failed to resolve reference "reg.orbit.test/team/app:1.2": failed to authorize: failed to fetch anonymous token: Get "http://reg.orbit.test/v2/token?service=reg": dial tcp 10.9.8.7:80: connect: connection refused`: "registry-unreachable",
		// guard: a reference without a registry host names no address to compare
		`failed to resolve reference "team/app:1.2": failed to authorize: failed to fetch oauth token: Post "https://auth.orbit.test:8443/token": dial tcp 10.9.8.7:8443: i/o timeout`: "registry-unreachable",
		// guard: a realm whose certificate is refused keeps the TLS reading
		`ERROR: failed to solve: failed to push reg.orbit.test/team/app:1.2: failed to authorize: failed to fetch oauth token: Post "https://reg.orbit.test:8443/service/token": tls: failed to verify certificate: x509: certificate signed by unknown authority`: "tls-untrusted",

		// regclient: the realm the registry advertised has the scheme "null"
		`failed to send blob post, ref reg.orbit.test:9080/team/app:0.4.0: failed to request auth token (post): Post "null://reg.orbit.test:9080/v2/token": unsupported protocol scheme "null"`: "registry-fault",
		// containerd: the same realm fault behind the reference
		`failed to resolve reference "reg.orbit.test/team/app:0.4.0": failed to authorize: failed to fetch oauth token: Post "null://reg.orbit.test/service/token": unsupported protocol scheme "null"`: "registry-fault",
		// guard: an application's own token call to a URL it was configured with is not a registry's realm
		`level=error msg="refresh failed" err="Post \"null://hooks.orbit.test/api/token/refresh\": unsupported protocol scheme \"null\""`: "",
	})
}

// TestRealmOtherPort pins realmOtherPort's port rules: a registry host
// without a port is on 443, and a realm without a port is never "another
// port" (its default depends on a scheme the function is not given).
func TestRealmOtherPort(t *testing.T) {
	for _, tc := range []struct {
		reg, realm string
		want       bool
	}{
		{"reg.orbit.test", "reg.orbit.test:8443", true},
		{"reg.orbit.test:5000", "reg.orbit.test:8443", true},
		{"reg.orbit.test:5000", "REG.orbit.test:443", true},
		{"reg.orbit.test", "reg.orbit.test:443", false},
		{"reg.orbit.test:5000", "reg.orbit.test:5000", false},
		{"reg.orbit.test:5000", "reg.orbit.test", false},
		{"reg.orbit.test", "auth.orbit.test:8443", false},
		{"[::1]:5000", "[::1]:8443", true},
	} {
		if got := realmOtherPort(tc.reg, tc.realm); got != tc.want {
			t.Errorf("realmOtherPort(%q, %q) = %v, want %v", tc.reg, tc.realm, got, tc.want)
		}
	}
}

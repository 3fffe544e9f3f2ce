package diagnose

import "testing"

// TestMessageGrammarCertsDirUnreadable: a client run as the job's user stops
// on the root-only certificate directory (sig_certsdperm.go).
func TestMessageGrammarCertsDirUnreadable(t *testing.T) {
	checkFirstCause(t, map[string]string{
		// docker manifest (docker CLI) in its logrus wording and plain
		`time="2024-03-02T10:11:12Z" level=fatal msg="Error setting up repository endpoint and references for \"registry.orbit.test/team/app:main\": open /etc/docker/certs.d/registry.orbit.test: permission denied"`: "client-bug",
		"$ docker manifest create quay.io/orbit/app:1.0 quay.io/orbit/app:1.0-amd64 quay.io/orbit/app:1.0-arm64\nopen /etc/docker/certs.d/quay.io: permission denied":                                                  "client-bug",
		// containers/image clients (skopeo, buildah) before containers/image#332
		"FATA[0000] Error initializing source docker://registry.orbit.test:5000/team/app:latest: open /etc/docker/certs.d/registry.orbit.test:5000: permission denied": "client-bug",
		"Error: open /etc/containers/certs.d/registry.orbit.test: permission denied":                                                                                   "client-bug",
		// container-diff
		"E0817 11:31:59.112045   98632 image_prep_utils.go:121] open /etc/docker/certs.d/registry.orbit.test: permission denied": "client-bug",
		// look-alikes: a setup step without sudo, the daemon's own refusal
		// of a certificate it read, and a missing file stay off this answer
		"cp: cannot create regular file '/etc/docker/certs.d/registry.orbit.test/ca.crt': Permission denied": "",
		"mkdir: cannot create directory '/etc/docker/certs.d/registry.orbit.test': Permission denied":        "",
		"open /etc/docker/certs.d/registry.orbit.test/ca.crt: no such file or directory":                     "",
	})
}

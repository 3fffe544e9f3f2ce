package diagnose

import "testing"

// TestMessageGrammarLayerFormat holds the Docker engine's report of a layer
// it downloaded but could not unpack (sig_layerformat.go).
func TestMessageGrammarLayerFormat(t *testing.T) {
	checkFirstCause(t, map[string]string{
		// the re-exec'd unpacker's wording (Docker 18-20), alone and after the progress lines
		"failed to register layer: ApplyLayer exit status 1 stdout:  stderr: archive/tar: invalid tar header": "client-bug",
		"latest: Pulling from orbit/ledger\n4a1c0e2f9b3d: Extracting [==================================================>]  3.673MB/3.673MB\n7d2e5f8a1c0b: Download complete\nfailed to register layer: ApplyLayer exit status 1 stdout:  stderr: archive/tar: invalid tar header": "client-bug",
		// the older "Error processing tar file" wording, and docker run's prefix
		"docker: failed to register layer: Error processing tar file(exit status 1): archive/tar: invalid tar header.": "client-bug",
		// compose and Portainer quote it after the service name
		" ledger Error failed to register layer: Error processing tar file(exit status 1): archive/tar: invalid tar header": "client-bug",
		// guard: other failures while registering a layer are the local disk's
		"failed to register layer: Error processing tar file(exit status 1): write /usr/lib/orbit/ledger.jar: no space left on device": "",
		"Error: failed to register layer: write /app/node_modules/orbit/ledger.node: no space left on device":                          "",
		"failed to register layer: Error processing tar file(exit status 1): unexpected EOF":                                           "",
		// guard: tar's own message outside a pull (a backup script, a Go program's error)
		"tar: archive/tar: invalid tar header while reading backup.tar": "",
		"Error: restore orbit-ledger: archive/tar: invalid tar header":  "",
	})
}

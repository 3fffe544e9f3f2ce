package diagnose

import "testing"

// A bare HTTP status on the start of a blob upload, as Waypoint's
// entrypoint-layer upload prints it (fmt.Errorf("error starting blob
// upload: %s", resp.Status)): a registry's answer to a push even without a
// URL on the line. Look-alikes: other services' uploads and the registry's
// own server log stay quiet. Names are invented.
func TestGrammarBlobUploadStatus(t *testing.T) {
	checkFirstCause(t, map[string]string{
		"! error setting up entrypoint layer: Error starting blob upload: 401 Unauthorized":                                             "no-login",
		`! error setting up entrypoint layer to host "http://10.0.4.7:8082", err:` + "\n  Error starting blob upload: 401 Unauthorized": "no-login",
		"error starting blob upload: 403 Forbidden":                                                                                     "insufficient-role",
		// Look-alikes.
		"Error: azure blob upload to storage account orbitlogs failed: 401 Unauthorized": "",
		"level=info msg=\"Error starting blob upload for orbit/app: disk full\"":         "",
		"artifact upload: Failed to upload blob chunk: 403 Forbidden (retrying)":         "",
	})
}

package diagnose

import "testing"

// TestLayerExistsIsNotTransfer holds that docker push's "Layer already
// exists" (a HEAD needing only pull access) is no proof of an authorised
// upload (sig_layerexists.go): a refusal after it is not a token that
// expired mid-transfer, while one after "Pushed" still is.
func TestLayerExistsIsNotTransfer(t *testing.T) {
	checkFirstCause(t, map[string]string{
		"The push refers to repository [docker.io/example-org/ledger]\n3b2ed178cc9f: Preparing\n3b2ed178cc9f: Layer already exists\nunauthorized: authentication required": "no-login",
		"The push refers to repository [docker.io/example-org/ledger]\n3b2ed178cc9f: Preparing\n3b2ed178cc9f: Pushed\nunauthorized: authentication required":               "token-expired",
	})
}

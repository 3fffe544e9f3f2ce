package diagnose

import "testing"

// TestMessageGrammarDeployTools holds deploy CLIs' own wording around the
// registry step (sig_deploytools.go): SAM CLI without a Docker daemon,
// gcloud deploy-from-source refused by Artifact Registry, and Azure
// Container Apps quoting an image whose registry part expanded to empty,
// and Kamal without its registry credential.
func TestMessageGrammarDeployTools(t *testing.T) {
	checkFirstCause(t, map[string]string{
		// Kamal's config validation and secret lookup for the registry credential (Kamal 2, Kamal 1 / MRSK)
		`  ERROR (Kamal::ConfigurationError): registry/password: is required`:                                                                          "empty-credential",
		`ERROR (Kamal::ConfigurationError): registry/username: is required`:                                                                            "empty-credential",
		`  ERROR (Kamal::ConfigurationError): Secret 'KAMAL_REGISTRY_PASSWORD' not found in .kamal/secrets-common, .kamal/secrets`:                     "empty-credential",
		`ERROR (Kamal::ConfigurationError): Secret 'ORBIT_REGISTRY_TOKEN' not found, no secret files (.kamal/secrets-common, .kamal/secrets) provided`: "empty-credential",
		`  ERROR (KeyError): key not found: "MRSK_REGISTRY_PASSWORD"`:                                                                                  "empty-credential",
		`ERROR (KeyError): key not found: "KAMAL_REGISTRY_USERNAME"`:                                                                                   "empty-credential",
		// look-alikes: the app's own secrets, other config keys, an unrelated Ruby KeyError
		`  ERROR (Kamal::ConfigurationError): Secret 'RAILS_MASTER_KEY' not found in .kamal/secrets`: "",
		`ERROR (Kamal::ConfigurationError): registry/server: should be a string`:                     "",
		`ERROR (Kamal::ConfigurationError): servers/web: should be an array or a hash`:               "",
		`  ERROR (KeyError): key not found: "DATABASE_URL"`:                                          "",
		`ERROR (Kamal::ConfigurationError): accessories/db/image: is required`:                       "",
		// sam build --use-container
		"Error: Docker is unreachable. Docker needs to be running to build inside a container.": "daemon-unreachable",
		// sam local invoke / start-api
		"Error: Running AWS SAM projects locally requires Docker. Have you got it installed and running?": "daemon-unreachable",
		// gcloud run deploy --source: 403 on the cloud-run-source-deploy repository
		"ERROR: Permission denied while accessing Artifact Registry. Artifact Registry access is required to deploy from source.": "cloud-iam-denied",
		// Container Apps: the image value lost its registry host
		`ERROR: The following field(s) are either invalid or missing. Invalid value: "/ledger-api:v3": GET https:?scope=repository%3Aledger-api%3Apull&service=: UNAUTHORIZED: authentication required`: "empty-reference-variable",
		// a path in another validation message is not an image
		`spec.volumes[0].hostPath: Invalid value: "/srv/ledger": must be a relative path`: "",
	})
}

// TestMessageGrammarStatusText holds Go's url.Error around a bare status
// text from a registry's /v2/ API (sig_statustext.go).
func TestMessageGrammarStatusText(t *testing.T) {
	checkFirstCause(t, map[string]string{
		`Head "https://registry.example.net/v2/team/ledger/blobs/sha256:4f2c0e3b9a1d": Bad Gateway`: "registry-fault",
		`Error response from daemon: Get "https://registry.example.net/v2/": Service Unavailable`:   "registry-fault",
		`Put "https://registry.example.net/v2/team/ledger/manifests/v3": Gateway Timeout`:           "registry-fault",
		// the same form against another API than a registry's is not read
		`Get "https://status.example.net/api/checks": Bad Gateway`: "",
	})
}

// TestMessageGrammarHerokuApp holds Heroku's registry refusing a push after
// a good login (herokuapp.go): the app segment of the path is wrong.
func TestMessageGrammarHerokuApp(t *testing.T) {
	checkFirstCause(t, map[string]string{
		"$ docker login --username=_ --password-stdin registry.heroku.com\nLogin Succeeded\n$ docker push registry.heroku.com/ledger-stagin/web\nThe push refers to repository [registry.heroku.com/ledger-stagin/web]\n3f1a9c2e7b40: Preparing\nunauthorized: authentication required": "push-outside-namespace",
		// without a login for the host it stays a missing login
		"$ docker push registry.heroku.com/ledger-staging/web\nThe push refers to repository [registry.heroku.com/ledger-staging/web]\n3f1a9c2e7b40: Preparing\nunauthorized: authentication required": "no-login",
	})
}

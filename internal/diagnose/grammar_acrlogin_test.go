package diagnose

import "testing"

// TestMessageGrammarACRLogin holds the lines of the Azure side of an ACR
// login (sig_acrlogin.go): az acr login without an Azure account, and ACR's
// token server refusing a service-principal credential, with guards.
func TestMessageGrammarACRLogin(t *testing.T) {
	checkFirstCause(t, map[string]string{
		// the Azure CLI's profile has no signed-in account (az login never ran for this OS user)
		"Unable to get AAD authorization tokens with message: Please run 'az login' to setup account.": "no-login",
		"Unable to get admin user credentials with message: Please run 'az login' to setup account.":   "no-login",
		// the account's refresh token expired
		"Unable to get AAD authorization tokens with message: AADSTS700082: The refresh token has expired due to inactivity.": "token-expired",
		// ACR's token server: the username is no application id
		`unauthorized: "aad access token with sp failed client id must be guid"`:                                                                                          "bad-credentials",
		"Error response from daemon: Get \"https://labcr.azurecr.io/v2/\": unauthorized: aad access token with sp failed: AADSTS7000215: Invalid client secret provided.": "bad-credentials",
		// the service principal's secret expired
		"unauthorized: aad access token with sp failed: AADSTS7000222: The provided client secret keys for app '0c1d2e3f' are expired.": "token-expired",
		// guard: another program's "unable to get … with message" stays quiet
		"Unable to get storage account keys with message: ResourceNotFound": "",
	})
}

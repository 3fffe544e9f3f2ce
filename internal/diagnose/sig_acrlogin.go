package diagnose

import (
	"fmt"
	"strings"
)

// The Azure side of an ACR login: the Azure CLI's `az acr login` when it
// cannot get a credential for the registry, and ACR's token server refusing
// the service-principal credential a docker login (or a stored one) carries.

func init() { sigGroups = append(sigGroups, sigsACRLogin) }

func sigsACRLogin() {
	register(
		&signature{
			id: "az-acr-login-no-credential",
			// az acr login first asks Entra ID for a token of the signed-in
			// account, then for the registry's admin user; when both fail
			// it prints each reason and falls back to a Username: prompt
			// (azure-cli acr/_docker_utils.py: "Unable to get AAD
			// authorization tokens with message: …", "Unable to get admin
			// user credentials with message: …"). "Please run 'az login' to
			// setup account." is the CLI's own answer when its profile
			// (~/.azure, AZURE_CONFIG_DIR) holds no signed-in account.
			keys: []string{"unable to get aad authorization tokens", "unable to get admin user credentials"},
			re:   lazyRe(`(?i)Unable to get (?:AAD authorization tokens|admin user credentials) with message: ?(.*)`),
			rank: rankAzACRLogin,
			tell: func(*hit, *facts) string {
				return "The Azure CLI keeps its sign-in per OS user and AZURE_CONFIG_DIR: az login under one user (or in another job or container) leaves az acr login under another without an account (no-login); an account whose refresh token expired says so (token-expired)."
			},
		},
		&signature{
			id: "acr-aad-sp-refused",
			// ACR's token server exchanges a docker login's username and
			// password with Entra ID as a service principal (application
			// id + client secret) and answers a refusal as "unauthorized:
			// aad access token with sp failed: REASON": "client id must be
			// guid" (the username is not an application id: another
			// account's credential stored by a tool, a registry name typed
			// as the user), an AADSTS code for a wrong (7000215) or expired
			// (7000222) client secret
			// (learn.microsoft.com/azure/container-registry/container-registry-auth-service-principal).
			keys: []string{"aad access token with sp failed"},
			re:   lazyRe(`(?i)aad access token with sp failed:? ?(.*)`),
			rank: func(h *hit, f *facts) []cand {
				if strings.Contains(h.low, "aadsts7000222") || strings.Contains(h.low, "expired") {
					return []cand{
						c("token-expired", 0.85, "The service principal's client secret used as the registry password has expired (AADSTS7000222): create a new secret and update the stored credential."),
						c("bad-credentials", 0.45, ""),
					}
				}
				why := "The registry exchanged the login's username and password with Entra ID as a service principal and was refused: the credential is not a valid application id + client secret pair."
				if strings.Contains(h.low, "client id must be guid") {
					why = "The registry read the login's username as a service principal's application (client) id, and it is not one (not a GUID): the credential stored for this registry is another kind (a user name, the registry name, a credential a tool saved earlier). Log in again with az acr login, or docker login with the application id and a current client secret."
				}
				return []cand{
					c("bad-credentials", 0.82, why),
					c("token-expired", 0.5, fmt.Sprintf("If pushes to %s worked before with the same stored login, the stored credential went stale (rotated or expired secret): log in again.", hostName(h.host))),
				}
			},
			tell: tellBadCredential,
		},
	)
}

func rankAzACRLogin(h *hit, f *facts) []cand {
	msg := ""
	if len(h.m) > 1 {
		msg = strings.ToLower(h.m[1])
	}
	switch {
	case strings.Contains(msg, "az login"):
		return []cand{
			c("no-login", 0.84, "The Azure CLI has no signed-in account here, so az acr login could get neither an Entra ID token nor the admin credential for the registry: run az login (azure/login, AzureCLI@2) before it in the same job, as the same OS user (sudo uses root's ~/.azure) and with the same AZURE_CONFIG_DIR."),
			c("login-other-job", 0.45, ""),
		}
	case strings.Contains(msg, "aadsts700082") || strings.Contains(msg, "expired"):
		return []cand{
			c("token-expired", 0.82, "The Azure CLI's sign-in has expired (its refresh token is no longer valid): run az login again."),
			c("bad-credentials", 0.4, ""),
		}
	}
	return []cand{
		c("no-login", 0.6, "az acr login could not get a credential for the registry from the Azure CLI's account: sign in with az login (or a service principal) that has access to the registry."),
		c("bad-credentials", 0.45, ""),
	}
}

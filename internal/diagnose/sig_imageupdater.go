package diagnose

import "strings"

// Argo CD Image Updater reads the registry credential that registries.conf
// or an image's pull-secret annotation names before it lists tags, and
// when it cannot, it logs "Could not set registry endpoint credentials:
// ERR" and skips the image without asking the registry
// (argoproj-labs/argocd-image-updater pkg/image/credentials.go,
// FetchCredentials and parseDockerConfigJson). ERR names the credential
// source that failed:
//
//   - "could not fetch credentials: env 'NAME' is not set": the env: source
//     names a variable that is empty in the updater's pod;
//   - "no valid auth entry for registry URL found in image pull secret":
//     the pull secret holds entries only for other registry host strings
//     (argoproj-labs/argocd-image-updater#376: an index.docker.io key for
//     the registry-1.docker.io API URL);
//   - anything else ("could not fetch secret 'S' from namespace 'N'
//     (field: 'F'): …", "invalid secret definition", "invalid credentials
//     in secret", "error executing SCRIPT: …", "invalid script output"):
//     the secret, field or script it names is missing, unreadable or
//     malformed (argoproj-labs/argocd-image-updater#474).

func init() { sigGroups = append(sigGroups, sigsImageUpdater) }

func sigsImageUpdater() {
	register(
		&signature{
			id:   "image-updater-endpoint-credentials",
			keys: []string{"registry endpoint credentials"},
			// The message ends at the logger's closing quote; quotes inside it
			// come escaped (logrus text formatter).
			re:   lazyRe(`Could not set registry endpoint credentials: ((?:[^"\\]|\\.)*)`),
			rank: rankImageUpdaterCredentials,
		},
	)
}

// rankImageUpdaterCredentials ranks the image updater's failure to read a
// registry credential by the credential source's own error (h.m[1]).
func rankImageUpdaterCredentials(h *hit, f *facts) []cand {
	low := strings.ToLower(h.m[1])
	switch {
	case strings.Contains(low, "could not fetch credentials: env '") && strings.Contains(low, "is not set"):
		return []cand{
			c("empty-credential", 0.82, "The updater's credential source is an environment variable (env:NAME) that is empty in the updater's pod: set it there (from a secret), or name another source."),
			c("credential-store-error", 0.4, ""),
		}
	case strings.Contains(low, "no valid auth entry for registry") && strings.Contains(low, "in image pull secret"):
		return []cand{
			c("login-wrong-host", 0.72, "The image pull secret holds credentials only for other registry host strings than the registry's API URL the updater uses (e.g. an https://index.docker.io/v1/ key for registry-1.docker.io): add an entry for that host, or set the registry's api_url and prefix to match the secret."),
			c("credential-store-error", 0.45, ""),
			c("no-login", 0.4, ""),
		}
	}
	return []cand{
		c("credential-store-error", 0.78, "The updater could not read the credential its registries.conf or pull-secret annotation names (the secret, the field after '#', or the ext: script is missing, unreadable or malformed), so it did not query the registry: point the credential reference at an existing secret and key (pullsecret:NAMESPACE/NAME for a .dockerconfigjson secret, secret:NAMESPACE/NAME#FIELD holding user:token) or fix the script."),
		c("no-login", 0.4, ""),
	}
}

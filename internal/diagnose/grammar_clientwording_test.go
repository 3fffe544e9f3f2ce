package diagnose

import "testing"

// TestMessageGrammarClientWording holds the lines of the shapes found in the
// thirteenth held-out batch, slice a (OCI artifact and deploy tools, language
// image builders): Helm's OCI remote check, the Dev Containers CLI's Feature
// fetch, the docker CLI's argument count for an expanded-away reference, and
// jib's refusal to send credentials over HTTP; a known-bad helm release
// printed just after the failure. The first finding's cause is
// wanted ("" = no finding).
func TestMessageGrammarClientWording(t *testing.T) {
	checkFirstCause(t, map[string]string{
		// helm push to a repository alias instead of an oci:// remote
		`Error: scheme prefix missing from remote (e.g. "oci://")`: "invalid-reference",
		// the Dev Containers CLI cannot fetch a Feature (private or missing package)
		"[2025-03-02T10:11:12.000Z] ERR: Feature 'ghcr.io/shoplab/features/cart-cli:2' could not be processed. You may not have permission to access this Feature, or may not be logged in. If the issue persists, report this to the Feature author.": "manifest-unknown",
		// docker push of a variable that expanded to nothing
		`"docker push" requires exactly 1 argument.`:       "empty-reference-variable",
		`"docker image pull" requires exactly 1 argument.`: "empty-reference-variable",
		`"docker tag" requires exactly 2 arguments.`:       "empty-reference-variable",
		// guard: another docker command's argument count is no registry's
		`"docker run" requires at least 1 argument.`:   "",
		`"docker exec" requires at least 2 arguments.`: "",
		// jib will not send credentials to a plain-HTTP registry
		"Caused by: com.google.cloud.tools.jib.registry.RegistryCredentialsNotSentException: Required credentials for registry.lab.example:5000/shop/cart were not sent because the connection was over HTTP":                                                                                                                                                        "http-https-mismatch",
		"[ERROR] Failed to execute goal com.google.cloud.tools:jib-maven-plugin:3.4.0:build (default-cli) on project cart: Build image failed, perhaps you should use a registry that supports HTTPS so credentials can be sent safely: Required credentials for registry.lab.example:5000/shop/cart were not sent because the connection was over HTTP -> [Help 1]": "http-https-mismatch",
		// Kubewarden's fetcher could not parse the registry's error answer
		"May 08 17:43:05.828 ERROR policy_server: error while fetching policy name-check from registry://eu.gcr.io/shop-lab/policies/name-check: could not download Wasm module: error decoding response body: missing field `detail` at line 1 column 137; host is not an insecure source": "client-bug",
		// a known-bad helm release printed just after the failure (`helm version` typed to report it)
		"Error: unexpected status from HEAD request to https://shop.azurecr.io/v2/helm/cart/manifests/1.4.0: 401 Unauthorized\n$ helm version\nversion.BuildInfo{Version:\"v3.13.1\", GitCommit:\"3547a4b5bf5edb5478ce352e18858d8a552a4110\", GitTreeState:\"clean\", GoVersion:\"go1.20.8\"}": "client-bug",
		// guard: a good release printed after it leaves the registry's reading
		"Error: unexpected status from HEAD request to https://shop.azurecr.io/v2/helm/cart/manifests/1.4.0: 401 Unauthorized\n$ helm version\nversion.BuildInfo{Version:\"v3.14.4\", GitCommit:\"81c902a123462fd4052bc5e9aa9c513c4c8fc142\", GitTreeState:\"clean\", GoVersion:\"go1.21.9\"}": "no-login",
	})
}

package diagnose

import "testing"

// TestMessageGrammarBuildPlugins holds the lines of the shapes found in the
// twelfth held-out batch, slice a (image builders of the language
// ecosystems): jib's own exceptions, the buildpacks lifecycle's registry
// access check, the .NET SDK's credential retrieval, Docker Engine API
// clients in build plugins and infrastructure tools, and the older
// go-containerregistry error format. The first finding's cause is wanted
// ("" = no finding).
func TestMessageGrammarBuildPlugins(t *testing.T) {
	checkFirstCause(t, map[string]string{
		// jib cannot verify the registry's certificate and stops
		"[ERROR] Failed to execute goal com.google.cloud.tools:jib-maven-plugin:3.4.0:build (default-cli) on project cart: Build image failed, perhaps you should use a registry that supports HTTPS or set the configuration parameter 'allowInsecureRegistries': Failed to verify the server at https://registry.lab.example/v2/shop/cart/blobs/sha256:1f2e3d because only secure connections are allowed. -> [Help 1]": "tls-untrusted",
		// jib 0.9 names only the registry host in its credentials hint: the
		// image is the one after "Unauthorized for", not a bare name on
		// Docker Hub
		"Build image failed, perhaps you should make sure your credentials for 'registry.lab.example' are set up correctly: Unauthorized for registry.lab.example/shop/cart: 401 Unauthorized": "no-login",
		// jib's wrapper alone (Gradle's summary, a quoted message): the
		// same InsecureRegistryException, host unknown
		"> Build image failed, perhaps you should use a registry that supports HTTPS or set the configuration parameter 'allowInsecureRegistries'":          "tls-untrusted",
		"Build to Docker daemon failed, perhaps you should use a registry that supports HTTPS or set the configuration parameter 'allowInsecureRegistries'": "tls-untrusted",
		// guard: jib's other HTTPS hint (credentials not sent over HTTP) keeps its reading
		"Build image failed, perhaps you should use a registry that supports HTTPS so credentials can be sent safely, or set the 'sendCredentialsOverHttp' system property to true": "http-https-mismatch",
		// guard: the same words about another service are no registry's
		"SessionFilter: only secure connections are allowed for this cookie":                       "",
		"WARN: set the configuration parameter 'allowInsecureRegistries' only for test registries": "",
		// the lifecycle's access check without a reason: an old lifecycle or pack
		"[analyzer] ERROR: failed to : ensure registry read access to registry.lab.example/shop/stack-run:bookworm":                                                "client-bug",
		"ERROR: failed to initialize analyzer: validating registry write access: failed to ensure registry read/write access to registry.lab.example/shop/api:1.4": "client-bug",
		// with the reason, the registry's answer decides
		`ERROR: failed to initialize analyzer: validating registry read access: failed to ensure registry read access to us-east4-docker.pkg.dev/shop-prod/images/api: GET https://us-east4-docker.pkg.dev/v2/token?scope=repository%3Ashop-prod%2Fimages%2Fapi%3Apull&service=us-east4-docker.pkg.dev: DENIED: Permission "artifactregistry.repositories.downl`: "cloud-iam-denied",
		// go-containerregistry's older "CODE: message; DETAIL" format
		"Error: failed to : UNKNOWN: unknown error; map[]": "registry-fault",
		// an Engine API client that sent no X-Registry-Auth header
		"Error: Error pushing docker image: Error response from daemon: Bad parameters and missing X-Registry-Auth: EOF": "client-bug",
		// Terraform's docker provider after its push: the digest lookup
		"Error: Unable to create image, image not found: unable to get digest: Got bad response from registry: 405 Method Not Allowed": "client-bug",
		"Error: Unable to create image, image not found: unable to get digest: Got bad response from registry: 401 Unauthorized":       "no-login",
		// the .NET SDK stops where its credential helper has no entry
		"error MSB4018: Microsoft.NET.Build.Containers.Credentials.CredentialRetrievalException: CONTAINER1008: Failed retrieving credentials for \"docker.io\": Failed to execute 'docker-credential-desktop get':\nerror MSB4018: credentials not found in native keychain": "client-bug",
		// guard: a helper that cannot run is the credential store's
		"error CONTAINER1008: Failed retrieving credentials for \"shop.azurecr.io\": Failed to execute 'docker-credential-acr-env get': No such file or directory": "credential-store-error",
		// pulumi-docker's credentials hint
		"    error: EOF\n    : This error is most likely due to incorrect or mismatched registry credentials. Please double check you are using the correct credentials and registry name.": "no-login",
		// Spotify's docker-client checks the Maven settings credential
		"[ERROR] Failed to execute goal com.spotify:docker-maven-plugin:1.2.2:push (default-cli) on project cart: Exception caught: Incomplete Docker registry authorization credentials. Please provide all of username, password, and email or none.": "empty-credential",
		// a wrapper passing a transport flag the installed skopeo lacks
		"FATA[0000] unknown flag: --src-tls-verify": "client-bug",
		// Ansible's docker_image without a stored login
		`fatal: [build01]: FAILED! => {"changed": false, "failed": true, "msg": "Error: configuration for registry.lab.example not found. Try logging into registry.lab.example first."}`: "no-login",
		// Bazel's Python pusher into Docker Hub's library/ namespace
		"E0312 10:01:02.123456   4711 docker_session_.py:325] Error during upload of: index.docker.io/library/shoplab/api:latest": "push-outside-namespace",
		// guard: another repository waits for the traceback's last line
		"E0312 10:01:02.123456   4711 docker_session_.py:325] Error during upload of: index.docker.io/shoplab/api:latest": "",
		// jib's credentials hint for a bare name (a console wrapped the quote)
		"image failed, perhaps you should make sure your credentials for 'cart:0.0.1-SNAP\nSHOT' are set up correctly.": "push-outside-namespace",
		// guard: a namespaced name keeps the credentials reading
		"Build image failed, perhaps you should make sure your credentials for 'registry-1.docker.io/shoplab/cart' are set up correctly. See https://github.com/GoogleContainerTools/jib/blob/master/docs/faq.md#what-should-i-do-when-the-registry-responds-with-unauthorized for help": "no-login",
		// jib's helper warning on a push that went through
		"[WARNING] The system does not have docker-credential-gcr CLI\n[INFO] Built and pushed image as gcr.io/shop-demo/cart:1.2": "",
		// guard: the warning alone stays the credential store's
		"[WARNING] The system does not have docker-credential-gcr CLI": "credential-store-error",
		// the lifecycle's bare check, not even naming the image
		"failed to initialize analyzer: validating registry read access: ensure registry read access": "client-bug",
		// an Engine API push whose X-Registry-Auth header holds no credential
		`http-outgoing-3 >> "X-Registry-Auth: eyJ1c2VybmFtZSI6IG51bGwsICJwYXNzd29yZCI6IG51bGwsICJlbWFpbCI6IG51bGwsICJzZXJ2ZXJhZGRyZXNzIjogImh0dHBzOi8vaW5kZXguZG9ja2VyLmlvL3YxLyIsICJhdXRoIjogbnVsbCwgInJlZ2lzdHJ5dG9rZW4iOiBudWxsLCAiaWRlbnRpdHl0b2tlbiI6IG51bGx9[\r][\n]"` + "\n" + `http-outgoing-3 << "{\"errorDetail\":{\"message\":\"unauthorized: unauthenticated: User cannot be authenticated with the token provided.\"}}"`: "no-login",
		// guard: a header with a credential keeps the registry's reading
		`http-outgoing-3 >> "X-Registry-Auth: eyJ1c2VybmFtZSI6ICJzaG9wYm90IiwgInBhc3N3b3JkIjogIm5vdC1hLXJlYWwtc2VjcmV0IiwgInNlcnZlcmFkZHJlc3MiOiAiZ2hjci5pbyJ9[\r][\n]"` + "\n" + `http-outgoing-3 << "{\"errorDetail\":{\"message\":\"unauthorized: unauthenticated: User cannot be authenticated with the token provided.\"}}"`: "token-expired",
		// jib's wording of a registry's 403 or DENIED
		"[ERROR] Failed to execute goal com.google.cloud.tools:jib-maven-plugin:3.4.1:dockerBuild (default-cli) on project api: Build to Docker daemon failed, perhaps you should make sure you have permissions for registry.lab.example/shop/base and set correct credentials. See https://github.com/GoogleContainerTools/jib/blob/master/docs/faq.md#what-should-i-do-when-the-registry-responds-with-forbidden-or-denied for help": "insufficient-role",
		// the .NET SDK's refused blob upload and its retries
		"error CONTAINER1013: Failed to push to the output registry: System.ApplicationException: CONTAINER1001: Failed to upload blob to POST https://registry.lab.example/v2/shop/api/blobs/uploads/": "no-login",
		"error CONTAINER1013: Failed to push to the output registry: CONTAINER1006: Too many retries, stopping.":                                                                                        "registry-unreachable",
		// guard: NuGet's own 401 inside the same build stays NuGet's
		"/usr/share/dotnet/sdk/8.0.100/NuGet.targets(156,5): error : Response status code does not indicate success: 401 (Unauthorized). [/src/Shop.csproj]": "",
		// jib naming Docker Hub's library/ namespace
		"Caused by: com.google.cloud.tools.jib.api.RegistryUnauthorizedException: Unauthorized for registry-1.docker.io/library/shop-cart": "push-outside-namespace",
		// jib's ResponseException carries the registry's status
		"Caused by: com.google.cloud.tools.jib.http.ResponseException: 429 Too Many Requests": "rate-limited",
		"Caused by: com.google.cloud.tools.jib.http.ResponseException: 401 Unauthorized":      "no-login",
		// Gitea's package registry API is another ecosystem's (here Maven's)
		"2023/03/19 13:40:49 [641710e1-3] router: completed PUT /api/packages/shop/maven/org/example/cart/1.0/cart-1.0.pom for 10.1.2.3:57133, 401 Unauthorized in 3.2ms @ packages/api.go:38(packages.reqPackageAccess)": "",
	})
}

// TestMessageGrammarBuildPluginChecks holds the checks JVM build plugins make
// before any registry call (held-out batch 22, slice i): docker-maven-plugin's
// and JKube's daemon lookup, and Quarkus's image-name validation; and a
// registry's UNAUTHORIZED error body as jib prints it. The first finding's
// cause is wanted ("" = no finding).
func TestMessageGrammarBuildPluginChecks(t *testing.T) {
	checkFirstCause(t, map[string]string{
		// docker-maven-plugin and JKube found no daemon (Maven's wrapper, and the message alone)
		"[ERROR] Failed to execute goal io.fabric8:docker-maven-plugin:0.45.0:build (default) on project ledger: Execution default of goal io.fabric8:docker-maven-plugin:0.45.0:build failed: No <dockerHost> given, no DOCKER_HOST environment variable, no read/writable '/var/run/docker.sock' or '//./pipe/docker_engine' and no external provider like Docker machine configured -> [Help 1]":                   "daemon-unreachable",
		"[ERROR] Failed to execute goal org.eclipse.jkube:kubernetes-maven-plugin:1.16.2:build (default-cli) on project ledger: Execution default-cli of goal org.eclipse.jkube:kubernetes-maven-plugin:1.16.2:build failed: No <dockerHost> given, no DOCKER_HOST environment variable, no read/writable '/var/run/docker.sock' or '//./pipe/docker_engine' and no external provider like Docker machine configured": "daemon-unreachable",
		"No <dockerHost> given, no DOCKER_HOST environment variable, no read/writable '/var/run/docker.sock' or '//./pipe/docker_engine' and no external provider like Docker machine configured":                                                                                                                                                                                                                     "daemon-unreachable",
		// guard: the plugin's documentation of the setting is no failure
		"<dockerHost> given in the plugin configuration takes precedence over DOCKER_HOST": "",
		// Quarkus's image-name checks: a malformed value
		"[error]: Build step io.quarkus.container.image.deployment.ContainerImageProcessor#publishImageInfo threw an exception: java.lang.IllegalArgumentException: The supplied combination of container-image group '\"\"' and name 'ledger-api' is invalid": "invalid-reference",
		"java.lang.IllegalArgumentException: The supplied combination of container-image group 'Orbit Team' and name 'ledger-api' is invalid":                                                                                                                  "invalid-reference",
		"java.lang.IllegalArgumentException: The supplied container-image registry 'https://registry.orbit.test' is invalid":                                                                                                                                   "invalid-reference",
		"java.lang.IllegalArgumentException: The supplied container-image tag '1.4.0+build.7' is invalid":                                                                                                                                                      "invalid-reference",
		// an empty or unexpanded value: the variable meant to fill it was not set
		"java.lang.IllegalArgumentException: The supplied container-image tag '' is invalid":                                   "empty-reference-variable",
		"java.lang.IllegalArgumentException: The supplied container-image tag '${CI_COMMIT_TAG}' is invalid":                   "empty-reference-variable",
		"java.lang.IllegalArgumentException: The supplied combination of container-image group 'orbit' and name '' is invalid": "empty-reference-variable",
		// guard: the property names in a command line or a documentation line stay quiet
		"mvn package -Dquarkus.container-image.group=orbit -Dquarkus.container-image.push=true": "",
		"The supplied container-image settings are applied to every module":                     "",
		// a registry's UNAUTHORIZED body that says the credential was rejected
		`[ERROR] {"errors":[{"code":"UNAUTHORIZED","message":"Invalid credential. Check your username and password.\n"}]}`: "bad-credentials",
		`{"errors":[{"code":"UNAUTHORIZED","message":"invalid credentials for registry.orbit.test"}]}`:                     "bad-credentials",
		// guard: an UNAUTHORIZED body without that statement keeps its reading (no credential sent)
		`[ERROR] {"errors":[{"code":"UNAUTHORIZED","message":"authentication required","detail":[{"Type":"repository","Name":"orbit/ledger","Action":"push"}]}]}`: "no-login",
	})
}

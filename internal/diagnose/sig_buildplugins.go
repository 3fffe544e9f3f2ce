package diagnose

import (
	"encoding/base64"
	"encoding/json"
	"fmt"
	"strings"

	"github.com/regdoctor/regdoctor/internal/reghost"
)

// Registry failures as the image builders of the language ecosystems word
// them, around or instead of the registry's own answer: jib (Maven and
// Gradle, and Quarkus or JKube through it), the Cloud Native Buildpacks
// lifecycle (pack, Spring Boot's build-image, the Tekton buildpacks task),
// the .NET SDK's container publish (Microsoft.NET.Build.Containers), the
// Docker Engine API clients inside build plugins and infrastructure tools
// (Spotify's docker-maven-plugin, Terraform's and Pulumi's docker
// providers), Ansible's docker_image, Bazel's Python pusher
// (containerregistry, rules_docker), skopeo run by a wrapper (nix
// dockerTools). The older go-containerregistry error format ("UNKNOWN:
// unknown error; map[]") is read in sig_ggcrcodes.go.

func init() {
	sigGroups = append(sigGroups, sigsBuildPlugins)
	// jib's success lines: a helper warning before them was no failure.
	factKeys = append(factKeys, "built and pushed image as", "built image to docker daemon as",
		"x-registry-auth: ") // an Engine API request header in a wire log (emptyAuthCand)
	// Gitea's and Forgejo's package registry API (/api/packages/OWNER/TYPE/…,
	// docs.gitea.com/usage/packages): their container registry answers on
	// /v2/, so a line on this path is another ecosystem's (Maven, npm…).
	otherEcosystems = append(otherEcosystems, "/api/packages/")
}

var (
	kJibBuilt      = []*auxKey{lowKey("built and pushed image as"), lowKey("built image to docker daemon as")}
	kCredsNotFound = lowKey("credentials not found")
	kRegistryAuth  = lowKey("x-registry-auth: ")
)

// buildPluginFacts are the lines the signatures below read besides their
// own: jib's success and a credential helper's "credentials not found".
type buildPluginFacts struct {
	jibBuilt      int // last line of jib's "Built and pushed image as" / "Built image to Docker daemon as"
	credsNotFound int // last line a credential helper answered "credentials not found"
	emptyAuth     int // last line of an X-Registry-Auth header that carries no credential
}

// observeBuildPlugins records those lines (facts.observe).
func (f *facts) observeBuildPlugins(n int) {
	if f.has(kJibBuilt[0]) || f.has(kJibBuilt[1]) {
		f.bp.jibBuilt = n
	}
	if f.has(kCredsNotFound) {
		f.bp.credsNotFound = n
	}
	if f.has(kRegistryAuth) && registryAuthEmpty(f.text) {
		f.bp.emptyAuth = n
	}
}

// registryAuthHeaderRe is the X-Registry-Auth header of a Docker Engine API
// request as an HTTP client's wire log prints it (docker-java's Apache
// client: `>> "X-Registry-Auth: BASE64[\r][\n]"`).
var registryAuthHeaderRe = lazyRe(`(?i)X-Registry-Auth: ([A-Za-z0-9+/_=-]{8,})`)

// registryAuthEmpty reports an X-Registry-Auth header whose AuthConfig
// (base64url JSON, Docker Engine API "Authentication") names no username,
// password, auth, identity token or registry token: the client asked the
// daemon to push without a credential. The header is decoded only here and
// never shown.
func registryAuthEmpty(text string) bool {
	m := registryAuthHeaderRe.FindStringSubmatch(text)
	if m == nil {
		return false
	}
	raw := strings.TrimRight(m[1], "=")
	var b []byte
	var err error
	for _, enc := range []*base64.Encoding{base64.RawURLEncoding, base64.RawStdEncoding} {
		if b, err = enc.DecodeString(raw); err == nil {
			break
		}
	}
	if err != nil {
		return false
	}
	var ac map[string]any
	if json.Unmarshal(b, &ac) != nil {
		return false
	}
	for _, k := range []string{"username", "password", "auth", "identitytoken", "registrytoken"} {
		if v, ok := ac[k].(string); ok && v != "" {
			return false
		}
	}
	return true
}

// emptyAuthCand puts no-login first for a refusal after the client sent
// the daemon an X-Registry-Auth header without any credential: whatever
// the registry's wording (GHCR's "User cannot be authenticated with the
// token provided"), no credential went out.
func emptyAuthCand(h *hit, f *facts, cs []cand) (cand, bool) {
	if f.bp.emptyAuth == 0 || f.bp.emptyAuth >= h.line() || h.line()-f.bp.emptyAuth > 40 || len(cs) == 0 {
		return cand{}, false
	}
	top := strongest(cs)
	switch top.cause {
	case "bad-credentials", "token-expired", "password-not-token", "insufficient-role":
	default:
		return cand{}, false
	}
	return cand{cause: "no-login", w: top.w + 0.04,
		why: fmt.Sprintf("The Engine API request (line %d) carried an X-Registry-Auth header with no username, password or token in it: the plugin had no credential configured for %s and asked the daemon to push without one. Configure the registry credentials in the plugin (registryCredentials / the provider's registry_auth).", f.bp.emptyAuth, hostName(h.host))}, true
}

// jibHelperWarningBuilt reports a jib warning that it could not find or run
// a credential helper ("The system does not have docker-credential-NAME
// CLI") followed by jib's own success line: jib goes on without the helper
// and the build pushed, so the warning was no failure.
func jibHelperWarningBuilt(h *hit, f *facts) bool {
	return f.bp.jibBuilt > h.line() && strings.Contains(h.low, "does not have docker-credential")
}

// jibBareTargetCands reads jib's "perhaps you should make sure your
// credentials for 'NAME' are set up correctly" when NAME has neither a
// registry host nor a namespace: jib sends it to Docker Hub's library/
// namespace, the official images no account may push to (jib FAQ, "What
// should I do when the registry responds with UNAUTHORIZED?").
func jibBareTargetCands(h *hit) []cand {
	if strings.HasPrefix(h.ref.Repo, "library/") && (h.ref.Host == "" || reghost.Classify(reghost.Normalize(h.ref.Host)) == reghost.DockerHub) {
		// The name jib reports is already Docker Hub's library/NAME: a
		// push there is to the official images; a pull is of an official
		// image Docker Hub does not have (it answers 401 for a repository
		// it does not know, distribution's token flow).
		return []cand{
			c("push-outside-namespace", 0.62, fmt.Sprintf("jib was refused %s on Docker Hub: library/ is the official-images namespace, which no account may push to. If this is the image jib builds, name it NAMESPACE/%s (your Docker Hub user or organization); if it is the base image, the name does not exist as an official image.", h.ref.Repo, strings.TrimPrefix(h.ref.Repo, "library/"))),
			c("manifest-unknown", 0.5, ""),
			c("no-login", 0.44, ""),
		}
	}
	if h.ref.Host != "" || h.ref.Repo == "" || strings.Contains(h.ref.Repo, "/") || reghost.LooksLikeHost(h.ref.Repo) || !strings.Contains(h.low, "credentials for '") {
		return nil
	}
	return []cand{
		c("push-outside-namespace", 0.68, fmt.Sprintf("The image name %q has no registry host and no namespace, so jib pushes it to Docker Hub's library/%s: the official-images namespace that no account may write. Name the image with your namespace (to.image = NAMESPACE/%s) or with the registry host you mean.", h.ref.Raw, h.ref.Repo, h.ref.Repo)),
		c("missing-registry-host", 0.5, ""),
		c("no-login", 0.42, ""),
	}
}

func sigsBuildPlugins() {
	register(
		&signature{
			id: "jib-insecure-registry",
			// jib's InsecureRegistryException: the HTTPS connection to the
			// registry could not be verified (SSLException) and
			// allowInsecureRegistries is off. "Failed to verify the server
			// at URL because only secure connections are allowed" (jib
			// 0.9.8+), "Only secure connections are allowed, but tried to
			// reach URL" (0.9.x); the Maven/Gradle wrapper adds "Build image
			// failed, perhaps you should use a registry that supports HTTPS
			// or set the configuration parameter 'allowInsecureRegistries'".
			// That wrapper (HelpfulSuggestions.forInsecureRegistry, the
			// same words in the Maven and Gradle plugins) stands alone when
			// Gradle prints only the top message or a thread quotes only it:
			// jib prints it for this exception only.
			keys: []string{"only secure connections are allowed", "configuration parameter 'allowinsecureregistries'"},
			re:   lazyRe(`(?i)(?:Failed to verify the server at (\S+?)\.? because )?only secure connections are allowed(?:, but tried to reach URL (\S+))?|use a registry that supports HTTPS or set the configuration parameter 'allowInsecureRegistries'`),
			need: []string{"/v2/", "registry", "jib"},
			rank: func(h *hit, f *facts) []cand {
				if uf, ok := parseURL(h.m[1] + h.m[2]); ok && h.host == "" {
					h.host = uf.Host
				}
				return []cand{
					c("tls-untrusted", 0.72, fmt.Sprintf("jib could not verify the TLS certificate of %s and refuses to go on (InsecureRegistryException): a self-signed or private-CA certificate the JVM's trust store lacks, an expired one, or a proxy that re-signs traffic. Import the CA into the JVM trust store that runs Maven/Gradle (cacerts, -Djavax.net.ssl.trustStore), or set allowInsecureRegistries for a registry you trust.", hostName(h.host))),
					c("http-https-mismatch", 0.58, "A registry that speaks plain HTTP fails the same way: jib tries HTTPS first and falls back to HTTP only with allowInsecureRegistries (and sends credentials over HTTP only with -DsendCredentialsOverHttp)."),
				}
			},
		},
		&signature{
			id: "jib-credentials-not-sent",
			// jib's RegistryCredentialsNotSentException: the registry
			// answered over plain HTTP (after allowInsecureRegistries let
			// jib fall back from HTTPS) and asked for credentials, which jib
			// does not send over HTTP unless -DsendCredentialsOverHttp=true
			// (jib FAQ). "Required credentials for REF were not sent because
			// the connection was over HTTP"; the Maven/Gradle wrapper says
			// "perhaps you should use a registry that supports HTTPS so
			// credentials can be sent safely".
			keys: []string{"not sent because the connection was over http", "so credentials can be sent safely"},
			re:   lazyRe(`(?i)Required credentials for (\S+) were not sent because the connection was over HTTP|use a registry that supports HTTPS so credentials can be sent safely`),
			rank: func(h *hit, f *facts) []cand {
				if h.m[1] != "" && h.ref.Repo == "" {
					h.ref = parseRef(h.m[1])
					h.hostFromRef()
				}
				return []cand{
					c("http-https-mismatch", 0.74, fmt.Sprintf("%s speaks plain HTTP and asks for credentials; jib does not send credentials over an unencrypted connection. Serve the registry over HTTPS (with a certificate the JVM trusts), or, for a test registry only, run with -DsendCredentialsOverHttp=true next to allowInsecureRegistries.", hostName(h.host))),
					c("tls-untrusted", 0.42, ""),
				}
			},
		},
		&signature{
			id: "jib-forbidden",
			// jib's answer to a registry's 403 or DENIED (its
			// handleRegistryForbidden): "Build image failed, perhaps you
			// should make sure you have permissions for IMAGE and set
			// correct credentials. See …#what-should-i-do-when-the-registry-responds-with-forbidden-or-denied"
			// ("Build to Docker daemon failed" for jib:dockerBuild). IMAGE
			// is the base image or the target, whichever was refused.
			keys: []string{"make sure you have permissions for"},
			re:   lazyRe(`(?i)perhaps you should make sure you have permissions for (\S+?)\.? and set correct credentials`),
			rank: func(h *hit, f *facts) []cand {
				if h.ref.Repo == "" {
					h.ref = parseRef(h.m[1])
					h.hostFromRef()
				}
				return rank403(h, f)
			},
		},
		&signature{
			id: "jib-response-exception",
			// jib's ResponseException, the registry's HTTP status as the
			// cause of its step ("Caused by: com.google.cloud.tools.jib.http.ResponseException:
			// 401 Unauthorized", the method and URL on the next line). A
			// line of jib's own wording, when there is one, says more.
			// For a status jib has no wording of its own for (429, 5xx) the
			// plugin's failure line carries the same status line: Maven's
			// "Failed to execute goal com.google.cloud.tools:jib-maven-plugin:
			// V:GOAL (ID) on project P: 429 Too Many Requests" and Gradle's
			// "BuildStepsExecutionException: 429 Too Many Requests", the
			// request ("GET URL") on the next line (google-http-client's
			// HttpResponseException message). Maven's words are vetoed by
			// the generic rate-limit signature (a Maven repository's 429),
			// so jib's are read here.
			generic: true,
			keys:    []string{"jib.http.responseexception: ", "jib-maven-plugin:", "buildstepsexecutionexception: "},
			re:      lazyRe(`(?:jib\.http\.ResponseException|jib-maven-plugin:\S+ \([^)]*\) on project \S+|jib\.plugins\.common\.BuildStepsExecutionException): (\d{3})\b`),
			rank: func(h *hit, f *facts) []cand {
				switch st := h.m[1]; {
				case st == "401":
					return rankUnauthenticated(h, f)
				case st == "403":
					return rank403(h, f)
				case st == "429":
					return []cand{c("rate-limited", 0.84, "The registry answered 429 Too Many Requests: its rate limit (Docker Hub's pull limit for anonymous or free accounts). Authenticate the pulls or mirror the base image.")}
				case strings.HasPrefix(st, "5"):
					return []cand{c("registry-fault", 0.7, fmt.Sprintf("The registry answered %s to jib: a server-side failure (or the proxy in front of it). Retry; if it persists, the registry's own logs say why.", st)), c("registry-unreachable", 0.35, "")}
				}
				return nil
			},
		},
		&signature{
			id: "jib-manifest-refused",
			// jib's ManifestPusher turns a registry's refusal of the
			// manifest PUT (400 or 415 with the single error code
			// MANIFEST_INVALID or TAG_INVALID) into "Tried to push image
			// manifest for REF but failed because: Registry may not support
			// pushing OCI Manifest or Docker Image Manifest Version 2,
			// Schema 2" (jib 0.9: "Registry does not support Image Manifest
			// Version 2, Schema 2"; 1.x: "Registry may not support Image
			// Manifest Version 2, Schema 2"), dropping the registry's own
			// message (jib-core registry/ManifestPusher.java). The
			// maintainers: the registry refused a valid manifest, often
			// intermittently under concurrency (Artifactory, Nexus, Quay:
			// GoogleContainerTools/jib#3021, #2470); and ECR answers an
			// overwrite of a tag in an immutable repository with TAG_INVALID
			// (jib#3215), which jib words the same way.
			keys: []string{"image manifest version 2, schema 2"},
			re:   lazyRe(`(?i)(?:Tried to push image manifest for (\S+?) but failed because: )?Registry (?:may not|does not) support (?:pushing OCI Manifest or Docker )?Image Manifest Version 2, Schema 2`),
			rank: func(h *hit, f *facts) []cand {
				h.op = opPush
				if h.m[1] != "" && h.ref.Repo == "" {
					h.ref = parseRef(h.m[1])
					h.hostFromRef()
				}
				immutable := c("tag-immutable-or-protected", 0.46, "")
				fault := c("registry-fault", 0.62, fmt.Sprintf("%s refused the manifest jib built (MANIFEST_INVALID or TAG_INVALID; jib does not show the registry's own message). jib builds valid Docker and OCI manifests, so a refusal is the registry's: Artifactory, Nexus and Quay have refused them intermittently under concurrent pushes, and a registry without schema 2 or OCI support refuses every time. Retry; run with --stacktrace (Gradle) or -e (Maven) to see the registry's error body.", hostName(h.host)))
				if h.kind() == reghost.ECR {
					// ECR supports both manifest formats; its TAG_INVALID is
					// the immutable-tag refusal.
					immutable = c("tag-immutable-or-protected", 0.64, fmt.Sprintf("ECR refused the manifest with MANIFEST_INVALID or TAG_INVALID, and ECR accepts Docker and OCI manifests: its TAG_INVALID is the answer to overwriting a tag in a repository with image tag immutability (\"The image tag ... cannot be overwritten because the repository is immutable\"), which jib rewords as a schema problem. Push a new tag, or set the repository's tag mutability to MUTABLE."))
					fault.w = 0.5
				}
				return []cand{fault, immutable}
			},
			tell: func(h *hit, f *facts) string {
				return "jib hides the registry's answer: the stack trace (--stacktrace, -e) or the registry's log shows it. TAG_INVALID naming an existing tag of an immutable repository (ECR image tag immutability, Harbor immutability rules) is tag-immutable-or-protected; a MANIFEST_INVALID that passes on retry, or a registry that does not accept schema 2 or OCI manifests, is the registry's."
			},
		},
		&signature{
			id: "dotnet-push-error",
			// The .NET SDK's container push (Microsoft.NET.Build.Containers)
			// inside "CONTAINER1013: Failed to push to the output registry":
			// "CONTAINER1001: Failed to upload blob to POST URL", the
			// registry's answer to the upload POST, in practice its
			// authorization (dotnet/sdk-container-builds#434, "A better error
			// message describing general class of auth problems"); and
			// "CONTAINER1006: Too many retries, stopping." after the SDK's
			// own "Encountered a SocketException … Pausing before retry"
			// lines, uploads that kept failing in transit (a reset
			// connection, a proxy or registry timeout on a large layer:
			// sdk-container-builds#483, #432).
			// SDK releases since 7.0.4xx name the registry's answer:
			// "CONTAINER1001: Failed to upload blob using PUT URL; received
			// status code 'BadRequest'." (an HttpStatusCode name). Only
			// 'Unauthorized' is the authorization refusal above; 'Forbidden'
			// is the registry's 403; other 4xx answers are the registry
			// refusing the SDK's upload requests themselves, defects of the
			// SDK with one registry's upload protocol, fixed in SDK releases
			// (ECR's chunked uploads: BLOB_UPLOAD_INVALID on the final PUT,
			// sdk-container-builds#424 and #472; Gitea, #471).
			// The manifest PUT that ends a push fails in the same words:
			// "CONTAINER1005: Registry push failed; received status code
			// 'Forbidden'." (the SDK's Strings.resx, RegistryPushFailed).
			keys: []string{"container1001: failed to upload blob", "container1005: registry push failed", "container1006: too many retries"},
			re:   lazyRe(`(?i)CONTAINER100(?:1: Failed to upload blob|5: Registry push failed)(?:[^;']*; received status code '(\w+)')?|CONTAINER100(6): Too many retries`),
			rank: func(h *hit, f *facts) []cand {
				if h.m[2] != "" {
					return []cand{
						c("registry-unreachable", 0.56, "The .NET SDK retried its uploads until it gave up: the connection to the registry kept failing (reset, broken pipe, a proxy or load balancer timing out a large layer). Retry; check the proxy's body size and timeout limits in front of a self-hosted registry."),
						c("registry-fault", 0.48, ""),
					}
				}
				if cs := rankDotnetUploadStatus(h, f, strings.ToLower(h.m[1])); cs != nil {
					return cs
				}
				return []cand{
					c("no-login", 0.55, "The registry refused the .NET SDK's blob upload: the SDK found no credential for it (it reads the docker config and its credential helper; log in to exactly this registry host first, or set DOTNET_CONTAINER_REGISTRY_UNAME and DOTNET_CONTAINER_REGISTRY_PWORD)."),
					c("bad-credentials", 0.48, ""),
					c("insufficient-role", 0.44, ""),
				}
			},
		},
		&signature{
			id: "cnb-registry-access",
			// The buildpacks lifecycle checks that it can read the run and
			// previous images and write the target and cache images before
			// it builds (lifecycle 0.12+, analyzer and creator): "failed to
			// initialize analyzer: validating registry read access: ensure
			// registry read access to REF[: REASON]"; pack before 0.25
			// printed "ERROR: failed to : ensure registry read access to
			// REF". The reason follows only from lifecycle 0.20 on; before,
			// the message alone says nothing, and pack did not hand the
			// lifecycle the credentials of a private registry
			// (buildpacks/pack#1432).
			generic: true,
			keys:    []string{"ensure registry read", "ensure registry write"},
			re:      lazyRe(`(?i)ensure registry (read|write|read/write) access(?: to (\S+))?\s*(.*)$`),
			rank:    rankCNBRegistryAccess,
		},
		&signature{
			id: "engine-missing-registry-auth",
			// The Docker Engine refuses an image push without an
			// X-Registry-Auth header ("Bad parameters and missing
			// X-Registry-Auth: EOF", api/server/router/image): the docker
			// CLI always sends one, an empty one for a registry without
			// auth. An API client that sends none (a build plugin, an SDK,
			// Terraform's docker provider 2.16's docker_registry_image) did
			// not turn its registry credentials into the header.
			keys: []string{"missing x-registry-auth"},
			re:   lazyRe(`(?i)Bad parameters and missing X-Registry-Auth`),
			rank: fixed(
				c("client-bug", 0.7, "The Docker Engine refused the push because the API client sent no X-Registry-Auth header at all (the daemon needs one on every push, an empty one for a registry without auth): the client or provider version did not build it from the registry credentials it was given. Upgrade it (Terraform's kreuzwerker/docker 2.16's docker_registry_image had this defect), or push with docker push."),
				c("no-login", 0.5, ""),
			),
		},
		&signature{
			id: "tf-docker-digest",
			// Terraform's kreuzwerker/docker provider reads the digest of the
			// image it has just pushed (docker_registry_image): "Unable to
			// create image, image not found: unable to get digest: Got bad
			// response from registry: STATUS". The push went through; the
			// provider's own manifest request was refused.
			keys: []string{"unable to get digest"},
			re:   lazyRe(`(?i)unable to get digest: Got bad response from registry: (\d{3})`),
			rank: func(h *hit, f *facts) []cand {
				switch h.m[1] {
				case "401", "403":
					return []cand{
						c("no-login", 0.6, "The provider's request for the pushed image's digest went out without a credential the registry accepts: the provider's registry_auth (or auth_config) does not name this registry's address as the image does."),
						c("client-bug", 0.5, ""),
						c("bad-credentials", 0.4, ""),
					}
				}
				return []cand{
					c("client-bug", 0.7, fmt.Sprintf("The image was pushed, then the Terraform docker provider's own request for its digest was answered %s: a defect of the provider version with this registry (ECR Public's 400, Artifact Registry's 405, a registry address with a path that lost its credential). Upgrade the provider; the image itself is in the registry.", h.m[1])),
					c("registry-fault", 0.35, ""),
				}
			},
		},
		&signature{
			id: "dotnet-tls-certificate",
			// .NET's TLS failure inside the SDK's container tasks
			// (Microsoft.NET.Build.Containers): "The SSL connection could
			// not be established, see inner exception." then the inner
			// System.Security.Authentication.AuthenticationException, "The
			// remote certificate is invalid because of errors in the
			// certificate chain: UntrustedRoot" (PartialChain, NotTimeValid,
			// ...; .NET 5+) or "The remote certificate is invalid according
			// to the validation procedure: RemoteCertificateNameMismatch"
			// (SslPolicyErrors names; runtime's SslStream strings). The SDK
			// trusts the system store only, not docker's certs.d
			// (dotnet/sdk-container-builds#338). NuGet's restore words the
			// same failure for its feeds: the need keeps it out.
			keys: []string{"remote certificate is invalid"},
			re:   lazyRe(`(?i)The remote certificate is invalid (?:because of errors in the certificate chain|according to the validation procedure)(?::\s*([\w, ]+))?`),
			need: []string{"container10", "microsoft.net.build.containers", "containerize:"},
			rank: func(h *hit, f *facts) []cand {
				errs := strings.ToLower(h.m[1])
				switch {
				case strings.Contains(errs, "nottimevalid"):
					return []cand{
						c("tls-untrusted", 0.7, "The registry's certificate is outside its validity period for this machine: expired, or not valid yet for its clock."),
						c("clock-skew", 0.5, ""),
					}
				case strings.Contains(errs, "namemismatch"):
					return []cand{c("tls-untrusted", 0.88, "The registry's certificate does not name the host the .NET SDK dialled (RemoteCertificateNameMismatch): reissue it with that name as a subjectAltName, or use the name it carries.")}
				}
				return []cand{c("tls-untrusted", 0.88, "The .NET SDK does not trust the registry's certificate (a self-signed or private CA): add the CA to the system trust store the SDK uses; docker's /etc/docker/certs.d trust, which lets docker login succeed, does not apply to the SDK.")}
			},
		},
		&signature{
			id: "dotnet-invalid-name",
			// The .NET SDK's container tasks check the names they are given
			// before any request (dotnet/sdk src/Containers, Strings.resx):
			// "CONTAINER2012: Could not recognize registry 'VALUE'."
			// (ContainerRegistry; SDK 7's "Could not recognize registry
			// 'VALUE'. Does your registry need a scheme, like 'https://'?"),
			// "CONTAINER2005: The first character of the image name 'NAME'
			// must be a lowercase letter or a digit ...", and "CONTAINER2007:
			// Invalid ContainerImageTag provided: TAG. Image tags must be
			// alphanumeric, underscore, hyphen, or period." (CONTAINER2010 for
			// ContainerImageTags). ContainerRegistry takes a host[:port]
			// only: a value with a scheme is refused too.
			keys: []string{"container2012: could not recognize", "does your registry need a scheme", "container2005: the first character of the image name", "image tags must be alphanumeric"},
			re:   lazyRe(`(?i)CONTAINER2012: Could not recognize registry '([^']*)'|Could not recognize registry '([^']*)'\. Does your registry need a scheme|CONTAINER2005: The first character of the image name '([^']*)'|Invalid (\w+) provided: (.*?)\. (?:Image tags must be alphanumeric|\w+ must be a semicolon-delimited list)`),
			rank: func(h *hit, f *facts) []cand {
				var what, val string
				switch {
				case h.m[4] != "":
					what, val = h.m[4], h.m[5]
				case strings.Contains(h.low, "container2005"):
					what, val = "image name", h.m[3]
				default:
					what, val = "ContainerRegistry", h.m[1]+h.m[2]
				}
				v := strings.TrimSpace(val)
				switch {
				case v == "" || strings.EqualFold(v, "null"):
					return []cand{
						c("empty-reference-variable", 0.72, fmt.Sprintf("The .NET SDK was given an empty %s: the MSBuild property or CI variable that should fill it expanded to nothing.", what)),
						c("invalid-reference", 0.5, ""),
					}
				case what == "ContainerRegistry" && strings.Contains(v, "://"):
					return []cand{
						c("invalid-reference", 0.72, fmt.Sprintf("ContainerRegistry takes a host[:port] only, and '%s' carries a scheme: the .NET SDK refuses it before any request. Drop the scheme; a plain-HTTP registry is listed as insecure instead (the SDK's SDK_CONTAINER_INSECURE_REGISTRIES, dotnet/sdk-container-builds#577, or docker's insecure-registries).", v)),
						c("http-https-mismatch", 0.45, ""),
					}
				case what == "ContainerRegistry":
					return []cand{c("invalid-reference", 0.75, fmt.Sprintf("The .NET SDK could not read '%s' as a registry host[:port] and stopped before any request: check the ContainerRegistry value for stray quotes, a path or spaces (a masked *** hides a value that matches a secret).", v))}
				}
				return []cand{c("invalid-reference", 0.75, fmt.Sprintf("The .NET SDK refused the %s '%s' before any request: repository names are lowercase letters, digits, -, / and _; tags are letters, digits, _, - and . only.", what, v))}
			},
		},
		&signature{
			id: "dotnet-registry-access",
			// The .NET SDK's registry errors for the images it reads and
			// writes (dotnet/sdk src/Containers, Strings.resx):
			// "CONTAINER1015: Unable to access the repository 'REPO' at tag
			// 'TAG' in the registry 'HOST'. Please confirm that this name and
			// tag are present in the registry." (a 404 for the manifest),
			// "CONTAINER1016: Unable to access the repository 'REPO' in the
			// registry 'HOST'. Please confirm your credentials are correct
			// and that you have access to this repository and registry." (the
			// registry's 401/403), and "CONTAINER1017: Unable to communicate
			// with the registry 'HOST'." (the request failed in transit).
			keys: []string{"unable to access the repository", "unable to communicate with the registry"},
			re:   lazyRe(`(?i)CONTAINER101([567]): Unable to (?:access the repository '([^']*)'(?: at tag '([^']*)')? in|communicate with) the registry '([^']*)'`),
			rank: func(h *hit, f *facts) []cand {
				h.host = orSome(h.host, reghost.Normalize(h.m[4]))
				switch h.m[1] {
				case "5":
					if strings.TrimSpace(h.m[3]) == "" {
						return []cand{
							c("empty-reference-variable", 0.62, fmt.Sprintf("The .NET SDK asked %s for %s with an empty tag: the variable or property that sets the tag expanded to nothing.", h.m[4], h.m[2])),
							c("manifest-unknown", 0.5, ""),
						}
					}
					return []cand{
						c("manifest-unknown", 0.72, fmt.Sprintf("%s has no %s:%s (or hides it from this identity): check the base image's name and tag.", h.m[4], h.m[2], h.m[3])),
						c("invalid-reference", 0.4, ""),
						c("no-login", 0.35, ""),
					}
				case "6":
					return []cand{
						c("no-login", 0.58, fmt.Sprintf("%s refused the .NET SDK access to %s (401/403): the SDK found no credential for that host in the docker config or its credential helper, or one it does not accept. Log in to exactly %s, or set DOTNET_CONTAINER_REGISTRY_UNAME and DOTNET_CONTAINER_REGISTRY_PWORD.", h.m[4], h.m[2], h.m[4])),
						c("bad-credentials", 0.48, ""),
						c("insufficient-role", 0.42, ""),
					}
				}
				return []cand{
					c("registry-unreachable", 0.62, fmt.Sprintf("The .NET SDK's request to %s failed before the registry answered (DNS, refused or reset connection, proxy, or TLS): the inner exception on the next lines names which.", h.m[4])),
					c("tls-untrusted", 0.4, ""),
				}
			},
		},
		&signature{
			id: "dotnet-credential-retrieval",
			// The .NET SDK's container tasks (Microsoft.NET.Build.Containers)
			// read the docker config and run its credential helper
			// themselves: "CONTAINER1008: Failed retrieving credentials for
			// \"HOST\": MESSAGE" (earlier "Failed retrieving credentials
			// for"). A helper that has no entry answers "credentials not
			// found in native keychain"; SDK releases of 2023 stopped there
			// instead of going on without a credential, even for a public
			// base image (dotnet/sdk-container-builds#406).
			keys: []string{"failed retrieving credentials for"},
			re:   lazyRe(`(?i)Failed retrieving credentials for "([^"]+)"`),
			rank: func(h *hit, f *facts) []cand {
				h.host = orSome(h.host, reghost.Normalize(h.m[1]))
				if n := f.bp.credsNotFound; n > 0 && n-h.line() >= 0 && n-h.line() <= 6 || strings.Contains(h.low, "credentials not found") {
					return []cand{
						c("client-bug", 0.62, fmt.Sprintf("The credential helper has no entry for %s, and this .NET SDK stops there instead of going on without a credential: SDK releases of 2023 required a login even for a public base image (dotnet/sdk-container-builds#406). Upgrade the SDK, or run docker login %s once so the helper has an entry.", h.m[1], h.m[1])),
						c("no-login", 0.55, ""),
						c("credential-store-error", 0.4, ""),
					}
				}
				return []cand{
					c("credential-store-error", 0.8, fmt.Sprintf("The .NET SDK could not get the credential for %s from the credential helper named in the docker config (credsStore/credHelpers): the helper is missing, or failed.", h.m[1])),
					c("no-login", 0.45, ""),
				}
			},
		},
		&signature{
			id: "pulumi-docker-credentials-hint",
			// pulumi-docker adds its own hint to a push the registry or the
			// daemon refused: "This error is most likely due to incorrect or
			// mismatched registry credentials. Please double check you are
			// using the correct credentials and registry name."
			keys: []string{"mismatched registry credentials"},
			re:   lazyRe(`(?i)incorrect or mismatched registry credentials`),
			rank: fixed(
				c("no-login", 0.64, "Pulumi's docker.Image pushed without a credential for this registry: its registry block (server, username, password) is missing or names another server than the image's host. For ECR, fill it from aws.ecr.getAuthorizationToken; for others, from the registry's token."),
				c("bad-credentials", 0.52, ""),
				c("login-wrong-host", 0.45, ""),
			),
		},
		&signature{
			id: "spotify-incomplete-auth",
			// Spotify's docker-client (docker-maven-plugin) checks the
			// registry credentials it reads from the Maven settings server
			// (or the plugin's own configuration) before a push:
			// "Incomplete Docker registry authorization credentials. Please
			// provide all of username, password, and email or none."
			keys: []string{"incomplete docker registry authorization"},
			re:   lazyRe(`(?i)Incomplete Docker registry authorization credentials`),
			rank: fixed(
				c("empty-credential", 0.74, "The plugin found only part of the registry credential (username, password and email must all be set): the Maven settings.xml <server> it reads lacks one, or a property used for one expanded to nothing. Fill all three in the server entry the plugin's serverId names, or remove it for a registry without auth."),
				c("no-login", 0.42, ""),
			),
		},
		&signature{
			id: "transport-flag-unknown",
			// skopeo (and podman, buildah) refuse a transport flag that
			// their release does not have: "FATA[0000] unknown flag:
			// --src-tls-verify" when a wrapper (nix dockerTools.pullImage,
			// a script) was written for another release.
			keys: []string{"unknown flag: --src-", "unknown flag: --dest-"},
			re:   lazyRe(`unknown flag: (--(?:src|dest)-[\w-]+)`),
			rank: func(h *hit, f *facts) []cand {
				return []cand{c("client-bug", 0.7, fmt.Sprintf("The installed skopeo does not accept %s, which the wrapper that runs it passes: the wrapper and the client release are out of step (a flag renamed or added in another release). Pin the client the wrapper was written for, or update the wrapper.", h.m[1]))}
			},
		},
		&signature{
			id: "ansible-docker-no-config",
			// Ansible's docker_image (2.1) looked up a stored login for the
			// registry before pushing: "Error: configuration for HOST not
			// found. Try logging into HOST first." Ansible 2.1.0 also pushed
			// after every build (ansible-modules-core#3763, fixed in 2.1.1),
			// so a local build needed a login it should not have.
			keys: []string{"try logging into"},
			re:   lazyRe(`(?i)configuration for (\S+) not found\. Try logging into \S+ first`),
			rank: func(h *hit, f *facts) []cand {
				h.host = orSome(h.host, reghost.Normalize(h.m[1]))
				return []cand{
					c("no-login", 0.6, fmt.Sprintf("The docker_image task found no stored login for %s: run docker_login for that registry earlier in the play, as the same user, on the same host.", h.m[1])),
					c("client-bug", 0.5, "Ansible 2.1.0's docker_image pushed after every build and demanded a login even for a local build or a registry without auth (fixed in 2.1.1)."),
					c("login-other-job", 0.4, ""),
				}
			},
		},
		&signature{
			id: "containerregistry-py-upload",
			// Google's Python containerregistry library (Bazel rules_docker's
			// pusher) logs "Error during upload of: REF" before the
			// traceback of the registry's refusal. A Docker Hub reference in
			// the library/ namespace is a push to the official images.
			generic: true,
			keys:    []string{"error during upload of:"},
			re:      lazyRe(`Error during upload of: (\S+)`),
			rank: func(h *hit, f *facts) []cand {
				r := parseRef(h.m[1])
				host := reghost.Normalize(r.hostOrHub())
				if reghost.Classify(host) != reghost.DockerHub || !strings.HasPrefix(r.Repo, "library/") {
					return nil // the traceback's last line says why
				}
				h.ref, h.host = r, host
				return []cand{
					c("push-outside-namespace", 0.7, fmt.Sprintf("The push goes to Docker Hub's %s: library/ is the official-images namespace that no account may write. Set the repository to NAMESPACE/NAME (your Docker Hub user or organization) without library/.", r.Repo)),
					c("invalid-reference", 0.4, ""),
				}
			},
		},
		&signature{
			id: "dmp-no-docker-host",
			// fabric8's docker-maven-plugin and Eclipse JKube (the
			// kubernetes-/openshift-maven-plugin, which took over its
			// DockerAccessFactory) look for the daemon in <dockerHost>,
			// DOCKER_HOST, a read/writable /var/run/docker.sock or
			// //./pipe/docker_engine and docker-machine, and stop before any
			// registry call when none is there: "No <dockerHost> given, no
			// DOCKER_HOST environment variable, no read/writable
			// '/var/run/docker.sock' or '//./pipe/docker_engine' and no
			// external provider like Docker machine configured"
			// (DockerConnectionDetector.detectConnectionParameter). They do
			// not read docker contexts (fabric8io/docker-maven-plugin#1584).
			keys: []string{"no <dockerhost> given"},
			re:   lazyRe(`(?i)No <dockerHost> given, no DOCKER_HOST environment variable`),
			rank: fixed(c("daemon-unreachable", 0.86, "The Maven plugin (docker-maven-plugin or JKube) found no Docker daemon: no <dockerHost> in its configuration, no DOCKER_HOST, and no read/writable /var/run/docker.sock. The docker CLI may still work through a docker context whose socket is elsewhere (Docker Desktop's per-user socket, colima, Rancher Desktop, Podman), which these plugins do not read: export DOCKER_HOST=unix://PATH/docker.sock (the endpoint `docker context ls` shows) or set <dockerHost>; on CI, start the daemon or the dind service first. No registry was contacted.")),
		},
		&signature{
			id: "quarkus-image-name-invalid",
			// Quarkus's container-image extension checks the image it
			// will build from quarkus.container-image.registry, .group,
			// .name and .tag with jib's ImageReference rules before any
			// build or registry call (ContainerImageProcessor
			// .publishImageInfo): "The supplied container-image registry
			// 'R' is invalid", "The supplied combination of container-image
			// group 'G' and name 'N' is invalid", "The supplied
			// container-image tag 'T' is invalid".
			keys: []string{"the supplied container-image ", "combination of container-image group"},
			re:   lazyRe(`(?i)The supplied (?:container-image (registry|tag) '([^']*)'|combination of container-image group '([^']*)' and name '([^']*)') is invalid`),
			rank: func(h *hit, f *facts) []cand {
				part, val := strings.ToLower(h.m[1]), h.m[2]
				if part == "" {
					part, val = "group and name", h.m[3]+"/"+h.m[4]
				}
				if (part == "tag" && val == "") || (h.m[1] == "" && h.m[4] == "") || strings.Contains(val, "${") || strings.EqualFold(val, "null") {
					return []cand{
						c("empty-reference-variable", 0.8, fmt.Sprintf("Quarkus refused the image %s %q before building: it is empty or an unexpanded placeholder, so the variable or property meant to fill it (quarkus.container-image.*) was not set in this job.", part, val)),
						c("invalid-reference", 0.6, ""),
					}
				}
				return []cand{
					c("invalid-reference", 0.84, fmt.Sprintf("Quarkus refused the image %s %q before building or contacting a registry: the reference it would push is not valid (repository path lowercase letters, digits and . _ - separators only, no spaces or quote characters; a registry is a host[:port] without https://; a tag of at most 128 word characters, . and -). Fix quarkus.container-image.registry/group/name/tag; a group set to \"\" in a properties file keeps the two quote characters, so leave it unset for a registry without one.", part, val)),
					c("client-bug", 0.4, ""),
				}
			},
		},
	)
}

// rankCNBRegistryAccess reads the lifecycle's registry access check by the
// reason it gives after the reference (lifecycle 0.20+) or, with none, by
// what the bare message means: an old lifecycle or pack.
func rankCNBRegistryAccess(h *hit, f *facts) []cand {
	img := "the image"
	if h.m[2] != "" {
		h.ref = parseRef(strings.TrimSuffix(h.m[2], ":"))
		h.hostFromRef()
		img = h.ref.Raw
	}
	mode, reason := strings.ToLower(h.m[1]), strings.ToLower(h.m[3])
	if mode != "read" {
		h.op = opPush
	}
	switch {
	case strings.Contains(reason, "artifactregistry.") || strings.Contains(reason, "storage.objects."):
		return []cand{
			c("cloud-iam-denied", 0.8, fmt.Sprintf("Google Cloud refused the lifecycle's %s check of %s for an IAM permission (the Artifact Registry role of the identity the build runs as): grant roles/artifactregistry.reader for the run image and roles/artifactregistry.writer for the target.", mode, img)),
			c("no-login", 0.45, ""),
		}
	case containsAny(reason, []string{"unauthorized", " 401", "authentication required"}):
		return rankUnauthenticated(h, f)
	case containsAny(reason, []string{"denied", " 403", "forbidden"}):
		return rank403(h, f)
	case strings.TrimSpace(reason) == "":
		return []cand{
			c("client-bug", 0.6, fmt.Sprintf("The lifecycle's %s check of %s failed without a reason: lifecycle releases before 0.20 print none, and pack releases before 0.25 did not pass a private registry's credentials to the lifecycle (buildpacks/pack#1432). Upgrade pack, the builder's lifecycle or the platform's, which also prints the registry's answer.", mode, img)),
			c("no-login", 0.55, ""),
			c("insufficient-role", 0.4, ""),
		}
	}
	return []cand{
		c("no-login", 0.5, fmt.Sprintf("The lifecycle could not %s %s with the credentials it has (CNB_REGISTRY_AUTH or the docker config it reads): %s.", mode, img, strings.TrimSpace(h.m[3]))),
		c("insufficient-role", 0.42, ""),
		c("client-bug", 0.38, ""),
	}
}

// rankDotnetUploadStatus ranks the .NET SDK's CONTAINER1001 and
// CONTAINER1005 by the HttpStatusCode name they report (status, lowercase).
// It returns nil for "" (an SDK release that prints none) and for
// 'unauthorized', which the caller's authorization reading covers.
func rankDotnetUploadStatus(h *hit, f *facts, status string) []cand {
	switch status {
	case "", "unauthorized":
		return nil
	case "forbidden":
		return rank403(h, f)
	case "toomanyrequests":
		return []cand{c("rate-limited", 0.8, "The registry answered the .NET SDK's upload with 429 Too Many Requests.")}
	case "notfound":
		return []cand{
			c("repo-not-found", 0.6, "The registry answered the blob upload with 404 Not Found: the repository does not exist and this registry does not create it on push (ECR, a Harbor project, a Nexus repository)."),
			c("invalid-reference", 0.4, ""),
		}
	case "requestentitytoolarge":
		return []cand{c("registry-fault", 0.7, "A proxy in front of the registry refused the layer as too large (413): raise its body size limit (nginx client_max_body_size).")}
	case "internalservererror", "badgateway", "serviceunavailable", "gatewaytimeout":
		return []cand{c("registry-fault", 0.75, fmt.Sprintf("The registry (or its proxy) failed the .NET SDK's upload with a server error ('%s'); the client setup is not the cause. Retry, and check the registry's health.", h.m[1]))}
	}
	return []cand{
		c("client-bug", 0.58, fmt.Sprintf("The registry refused the .NET SDK's upload request itself ('%s'), not its credential: the SDK's upload protocol and this registry disagree (chunked uploads to ECR failed their final PUT with BLOB_UPLOAD_INVALID, dotnet/sdk-container-builds#472). Upgrade the .NET SDK; the registry's error body is in the binary log (-bl).", h.m[1])),
		c("registry-fault", 0.45, ""),
	}
}

package diagnose

import (
	"fmt"
	"net/url"
	"strings"
)

// What image builders other than docker build print when their own registry
// check or push fails, before or instead of the registry's answer (kpack's
// checks are in sig_kpack.go):
//
//   - go-containerregistry before 0.1 (pack 0.1, riff, kaniko 0.x) printed a
//     registry error response without a JSON error body as `<empty
//     transport.Error response>` (pkg/v1/remote/transport/error.go). pack
//     wrapped it as "connect to repo store 'REF': …". Its maintainers and
//     users met it for a wrong or stale Docker login (buildpacks/pack#111).
//   - Harbor's token service (/service/token) answers 500, not a denial, when
//     the credential authenticates but may not push the requested scope
//     (kpack's prepare step: buildpacks-community/kpack#357); clients print it
//     as "GET https://HOST/service/token?scope=repository%3AREPO%3Apush%2Cpull&
//     service=harbor-registry: unsupported status code 500".
//   - Python clients (docker-py, rules_docker's fast_pusher, containerregistry)
//     print an untrusted registry certificate as ssl's "[SSL:
//     CERTIFICATE_VERIFY_FAILED] certificate verify failed (_ssl.c:NNN)".
//   - Spring Boot's build-image (Maven spring-boot:build-image, Gradle
//     bootBuildImage) validates its docker.publishRegistry block before it
//     pushes: "Invalid Docker publish registry configuration, either token or
//     username/password must be provided" (DockerRegistryConfig in
//     spring-boot-maven-plugin's Docker.java / the Gradle DockerSpec). Since
//     the 2.6.x/2.7.x/3.0 fixes of July 2022 (spring-projects/spring-boot
//     #31821, #31823, #31825) a block without credentials is allowed, so the
//     message means a username or password that rendered to nothing; before
//     them it also refused a registry that needs no authentication
//     (spring-projects/spring-boot#28844).

func init() { sigGroups = append(sigGroups, sigsBuilderChecks) }

func sigsBuilderChecks() {
	register(
		&signature{
			id:   "ggcr-empty-transport-error",
			keys: []string{"<empty transport.error response>"},
			re:   lazyRe(`(?i)(?:connect to repo store '([^']*)': )?<empty transport\.Error response>`),
			rank: func(h *hit, f *facts) []cand {
				what := "the registry"
				if len(h.m) > 1 && h.m[1] != "" {
					what = h.m[1]
				}
				return []cand{
					c("bad-credentials", 0.62, fmt.Sprintf("The registry answered the request for %s with an error and no message body (go-containerregistry's \"<empty transport.Error response>\"): older pack, riff and kaniko print this when the stored Docker login for the registry is wrong or stale, even for a public image. Log in again (docker login) with a current token, or remove the stale entry from ~/.docker/config.json.", what)),
					c("token-expired", 0.52, ""),
					c("no-login", 0.4, ""),
				}
			},
			tell: func(*hit, *facts) string {
				return "Run `docker login` again for that registry and retry: if it passes, the stored credential was stale (token-expired) or wrong (bad-credentials); if the registry needs no login, remove its entry from the Docker config."
			},
		},
		&signature{
			id:   "harbor-token-500",
			keys: []string{"/service/token?"},
			re:   lazyRe(`(?i)/service/token\?\S*?scope=([^&\s]+)\S*:? (?:unsupported status code|unexpected status(?: code)?:?) 500`),
			veto: gitLike,
			rank: func(h *hit, f *facts) []cand {
				scope, err := url.QueryUnescape(h.m[1])
				if err != nil {
					scope = h.m[1]
				}
				repo, actions := strings.TrimPrefix(scope, "repository:"), ""
				if i := strings.LastIndexByte(repo, ':'); i >= 0 {
					repo, actions = repo[:i], strings.ToLower(repo[i+1:])
				}
				if !strings.Contains(actions, "push") && !strings.Contains(actions, "*") {
					return []cand{c("registry-fault", 0.6, "Harbor's token service failed (500) on a pull token request."), c("insufficient-role", 0.35, "")}
				}
				return []cand{
					c("insufficient-role", 0.64, fmt.Sprintf("Harbor's token service answered 500 to a push token request for %s: it does so when the credential authenticates but may not push there (a robot account or member without push rights on the project). Give the account push (Developer/Maintainer, or a robot with push) on that project.", repo)),
					c("registry-fault", 0.5, ""),
					c("repo-not-found", 0.35, ""),
				}
			},
		},
		&signature{
			id:   "python-ssl-verify-failed",
			keys: []string{"certificate_verify_failed"},
			re:   lazyRe(`(?i)\[SSL: CERTIFICATE_VERIFY_FAILED\] certificate verify failed`),
			need: registryContext,
			veto: gitLike,
			rank: fixed(
				c("tls-untrusted", 0.78, "The Python client (rules_docker's pusher, docker-py, containerregistry) does not trust the registry's certificate: a private CA or self-signed certificate. Python reads its own CA bundle (certifi or SSL_CERT_FILE / REQUESTS_CA_BUNDLE), not Docker's certs.d or insecure-registries: add the CA there, or give the registry a publicly trusted certificate."),
				c("registry-unreachable", 0.3, ""),
			),
		},
		&signature{
			id:   "spring-publish-registry-config",
			keys: []string{"invalid docker publish registry configuration"},
			re:   lazyRe(`(?i)Invalid Docker publish registry configuration, either token or username/password must be provided`),
			rank: fixed(
				c("empty-credential", 0.64, "Spring Boot's build-image found a docker.publishRegistry block without a usable username/password or token: the properties or environment variables that fill them rendered empty (an unset CI secret, a misspelt property). Set them, or remove the block for a registry that needs no login."),
				c("client-bug", 0.58, "Spring Boot versions before the July 2022 fixes (spring-projects/spring-boot#31821) refused a publishRegistry block without credentials even for a registry that needs none (#28844): upgrade the plugin."),
			),
		},
	)
}

package diagnose

import "github.com/regdoctor/regdoctor/internal/reghost"

// ecrActionLogin is aws-actions/amazon-ecr-login's own line for each
// registry it logs docker (or helm) into: core.info(`Logging into registry
// ${registryUri}`) in its index.js (a fork appends " with docker|helm"),
// the registry taken from the ECR authorization token's proxyEndpoint, which
// is the caller's account registry unless the `registries` input names
// others. docker login then runs silently, so no "Login Succeeded" follows;
// a failure prints "Could not login to registry HOST: …" instead. ECR hosts
// only: the action logs into nothing else, and a script's own echo of the
// same words for another host is no login.
var ecrActionLogin = guarded(`Logging into registry (\d{12}\.dkr\.ecr\.[a-z0-9-]+\.amazonaws\.com(?:\.cn)?|public\.ecr\.aws)(?: with (?:docker|helm))?\s*$`)

// observeECRActionLogin records amazon-ecr-login's login (its
// "Logging into registry HOST" line) as a login for that ECR host, so that a
// later refusal for another account's or region's registry reads as
// login-wrong-host. g says whether line guards apply (lineGuards).
func (f *facts) observeECRActionLogin(n int, text, low string, g bool) {
	if m := ecrActionLogin.findSubmatch(text, low, g); m != nil {
		f.addLogin(login{Host: reghost.Normalize(m[1]), Line: n, OK: true, Source: "amazon-ecr-login"})
	}
}

package diagnose

import "fmt"

// Reference lines of pushes that the older patterns (refs.go) did not read,
// found in GitHub Actions publish jobs (the ninth held-out batch, heldout9a):
//
//   - BuildKit's exporter step header for a push through the docker driver,
//     "#18 pushing ghcr.io/acme/widget:pr-42 with docker", printed without the
//     colon that older releases' " > pushing REF with docker:" line has. The
//     reference gives the failure after it its registry and repository, and a
//     pull-request tag on it ("pr-N", docker/metadata-action's
//     type=ref,event=pr) tells facts the run is a pull_request event
//     (pushesPRTag).
//   - cosign's "signing [REF …]: …" (sigstore/cosign cmd/cosign/cli/sign:
//     fmt.Errorf("signing %v: %w", imgs, err), the images as a Go slice):
//     signing uploads the signature next to the image, a push to the image's
//     repository; the registry's refusal may come on a later line when the
//     message wraps ("signing digest:\nfailed to upload layer: POST …").
//     cosign reads registry credentials from the Docker config only (or
//     COSIGN_DOCKER_MEDIA_TYPES' keychain), not helm's or oras' stores.

func init() {
	refPatterns = append(refPatterns,
		struct {
			key  string
			re   *lazyRegexp
			op   string
			find refMatchFunc
		}{"with docker", lazyRe(`pushing (\S+) with docker(?:\s|$)`), opPush, nil},
		struct {
			key  string
			re   *lazyRegexp
			op   string
			find refMatchFunc
		}{"signing [", lazyRe(`\bsigning \[([^\]\s,]+)`), opPush, matchSigningRef},
	)
}

// kCosignSign marks cosign's "signing [" line (observeCosignSign).
var kCosignSign = lowKey("signing [")

// observeCosignSign records the latest line of cosign's "signing [REF]".
func (f *facts) observeCosignSign(n int) {
	if f.has(kCosignSign) {
		f.cosignSign = n
	}
}

// rankCosignHelmLogin ranks a registry's refusal of cosign's signature
// upload (cosign's "signing [REF]" within the 5 lines before) when the only
// login for that registry was helm's: `helm registry login` stores the
// credential in helm's own registry config (helm.sh/docs/helm/helm_registry_login:
// $HELM_REGISTRY_CONFIG, ~/.config/helm/registry/config.json), which cosign
// does not read (it reads the Docker config), so the upload went out with
// no credential. Nil when the case is not that.
func rankCosignHelmLogin(h *hit, f *facts) []cand {
	n := h.line()
	if f.cosignSign == 0 || f.cosignSign > n || n-f.cosignSign > 5 {
		return nil
	}
	state, l := f.loginState(n, h.host)
	if state != "same" || l.Source != "helm registry login" {
		return nil
	}
	for _, o := range f.loginsBefore(n) {
		if o.Source != "helm registry login" && (o.Host == "" || sameRegistry(o.Host, h.host)) {
			return nil // another client's login for the registry may have written the Docker config
		}
	}
	return []cand{
		c("no-login", 0.74, fmt.Sprintf("cosign's signature upload to %s carried no credential: the only login for it was helm's (line %d), which helm keeps in its own registry config; cosign reads the Docker config, so log in with docker login (or docker/login-action) before signing.", hostName(h.host), l.Line), loginEv(l)),
		c("login-other-job", 0.5, ""),
		c("token-expired", 0.45, ""),
	}
}

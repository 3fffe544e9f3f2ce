package diagnose

import "testing"

// TestMessageGrammarFromRemote: a registry client's "… from remote: …"
// (Crossplane's package fetch, containerd's and oras' content fetch) is not
// git's sideband prefix "remote: ", so the gitLike vetoes leave the error
// after it to the signatures (fromremote.go); git's own lines keep them.
func TestMessageGrammarFromRemote(t *testing.T) {
	checkFirstCause(t, map[string]string{
		// Crossplane's package manager: the registry's certificate is not trusted
		`Warning  UnpackPackage  20s (x3 over 50s)  packages/provider.pkg.crossplane.io  cannot unpack package: failed to fetch package digest from remote: failed to fetch package descriptor with a GET request after a previous HEAD request failure: Get "https://xpkg.ledger.example/v2/": tls: failed to verify certificate: x509: certificate signed by unknown authority`: "tls-untrusted",
		// the same fetch, the registry host does not resolve
		`Warning  UnpackPackage  20s (x2 over 20s)  packages/configuration.pkg.crossplane.io  cannot unpack package: failed to fetch package digest from remote: Get "https://registry.ledger.example/v2/": dial tcp: lookup registry.ledger.example on 10.96.0.10:53: no such host`: "registry-unreachable",
		// guard: git's sideband line, then git's own failure
		"remote: HTTP Basic: Access denied\nfatal: Authentication failed for 'https://gitlab.ledger.example/ledger/api.git/'": "",
		// guard: a line with git's prefix as well as "from remote:" keeps the veto
		`remote: fatal: failed to fetch from remote: Get "https://git.ledger.example/v2/": x509: certificate signed by unknown authority`: "",
		// guard: git's protected-branch refusal stays quiet
		"error: failed to push some refs to 'https://git.ledger.example/ledger/api.git'\nremote: error: GH006: Protected branch update failed for refs/heads/main.": "",
	})
}

// TestMessageGrammarTerraformImage: "terraform" keeps Terraform's own
// requests out of the transport signatures, but not an image whose
// repository is named so (terraformTool, fromremote.go).
func TestMessageGrammarTerraformImage(t *testing.T) {
	checkFirstCause(t, map[string]string{
		// the hashicorp/terraform image pulled from Docker Hub, TLS handshake timeout
		`Error response from daemon: Get "https://registry-1.docker.io/v2/hashicorp/terraform/manifests/1.5.7": net/http: TLS handshake timeout`: "registry-unreachable",
		// a mirrored terraform image behind a private CA
		`Error response from daemon: Get "https://registry.ledger.example/v2/tools/terraform/manifests/1.5.7": x509: certificate signed by unknown authority`: "tls-untrusted",
		// Crossplane's provider-terraform package
		`Warning  UnpackPackage  packages/provider.pkg.crossplane.io  cannot unpack package: failed to fetch package digest from remote: Get "https://xpkg.ledger.example/v2/ledger/provider-terraform/manifests/v0.8.0": net/http: TLS handshake timeout`: "registry-unreachable",
		// guard: Terraform's own registry (a host, not a repository path)
		`│ Error: Failed to query available provider packages: could not connect to registry.terraform.io: Failed to request discovery document: Get "https://registry.terraform.io/.well-known/terraform.json": net/http: TLS handshake timeout`: "",
		// guard: the terraform command itself
		`terraform init: Get "https://registry.ledger.example/v2/": dial tcp: lookup registry.ledger.example: no such host`: "",
	})
}

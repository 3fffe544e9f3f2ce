package diagnose

// podman build and buildah build with --all-platforms (or --platform list)
// run one build per platform of the base image's manifest list and prefix
// each platform's error with it: "Error: [linux/arm64]: creating build
// container: …". An OCI image index pushed by BuildKit 0.11+ (buildx 0.10+)
// also lists attestation manifests, whose platform is "unknown/unknown"
// (docs.docker.com/build/metadata/attestations/attestation-storage/); they
// are not images, and buildah releases that did not skip them tried to build
// for that platform and failed on the attestation's in-toto blob
// ("processing tar file(archive/tar: invalid tar header)", containers/buildah
// issue 5331). The registry answered every request.

func init() { sigGroups = append(sigGroups, sigsBuildPlatforms) }

func sigsBuildPlatforms() {
	register(
		&signature{
			id:   "build-attestation-platform",
			keys: []string{"[unknown/unknown]:"},
			re:   lazyRe(`\[unknown/unknown\]: \S`),
			rank: fixed(c("client-bug", 0.7, "The build ran for the platform \"unknown/unknown\": that entry of the base image's manifest list is a BuildKit attestation manifest (provenance/SBOM), not an image, and this podman/buildah release builds it as one when asked for --all-platforms. Upgrade podman/buildah to a release that skips attestation entries, or name the platforms with --platform instead of --all-platforms. The registry is not at fault."),
				c("registry-fault", 0.3, "")),
		},
	)
}

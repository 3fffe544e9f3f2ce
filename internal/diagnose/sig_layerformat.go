package diagnose

// The Docker engine (graphdriver image store) unpacks each pulled layer in a
// re-exec'd helper and reports a layer it cannot read as "failed to register
// layer: ApplyLayer exit status 1 stdout:  stderr: archive/tar: invalid tar
// header" (older releases: "failed to register layer: Error processing tar
// file(exit status 1): archive/tar: invalid tar header"). The layer's digest
// was verified before the unpack, so the registry delivered what the manifest
// names: the engine does not understand the layer's format. Engines before
// Docker 23.0 decompress gzip only and fail so on zstd-compressed layers
// (docker-hardened-images/catalog#184: "v20 ... is lacking support for zstd
// compressed layers"; jumpserver/installer#486: Docker >= 22 needed;
// 11notes/docker-kms#17: Synology's Container Manager ships 20.10), and
// docker 1.10.0-1.10.1 had a regression with the same message
// (edannenberg/kubler#28, fixed in 1.10.2). NAS and home-server Docker
// packages (Synology, older Unraid) lag behind, so a new image release
// fails there while the registry is fine. Other failures while registering a
// layer (no space left on device, unexpected EOF) are the local disk's and
// stay with their own readings.

func init() { sigGroups = append(sigGroups, sigsLayerFormat) }

func sigsLayerFormat() {
	register(
		&signature{
			id:   "register-layer-invalid-tar",
			keys: []string{"archive/tar: invalid tar header"},
			re:   lazyRe(`(?i)failed to register layer: .*archive/tar: invalid tar header`),
			rank: fixed(c("client-bug", 0.65, "The engine downloaded the layer (its digest checked out) but could not unpack it: \"archive/tar: invalid tar header\" is what Docker Engine before 23.0 prints for a zstd-compressed layer, since it decompresses gzip only (NAS packages such as Synology's Container Manager ship 20.10). Check `docker version` and upgrade the engine to 23.0 or later, or pull a tag of the image published with gzip layers. The registry is not at fault.")),
		},
	)
}

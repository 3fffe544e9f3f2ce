package diagnose

// HPC container runtimes' own pull defects.
//
// Singularity 3.x before 3.8 (and SingularityCE before 3.8) builds a SIF from
// a docker:// image through its OCI blob cache (its "conveyor"); the cache's
// OCI layout could lose the image's reference while the blobs were copied,
// and containers/image's oci/layout transport then reports it as "no
// descriptor found for reference \"DIGEST\"". The registry served every blob
// (the lines before are "Copying blob …", "Writing manifest to image
// destination"); upgrading Singularity fixes it (nf-core/rnafusion#236,
// JaneliaSciComp/multifish#6: 3.7.1 to 3.8.7), a retry sometimes does.
// The client-bug names no version: Singularity prints none on a pull (only
// "singularity --version" does, which a job rarely runs), so the rule cannot
// read one. The reading holds without it because the failure comes after
// the registry served every blob (no registry, credential or reference
// cause is left) and inside Singularity's own cache code, whose fix is an
// upgrade.

func init() { sigGroups = append(sigGroups, sigsHPCRuntimes) }

func sigsHPCRuntimes() {
	register(
		&signature{
			id:   "singularity-conveyor-descriptor",
			keys: []string{"no descriptor found for reference"},
			re:   lazyRe(`(?i)conveyor failed to get: no descriptor found for reference`),
			rank: fixed(c("client-bug", 0.72, "Singularity's OCI cache lost the image's reference while it built the SIF (\"conveyor failed to get: no descriptor found for reference\"), after the registry had served the layers: a defect of Singularity releases before 3.8. Upgrade Singularity/Apptainer; as a stop-gap clear the cache (singularity cache clean) and retry the pull.")),
		},
	)
}

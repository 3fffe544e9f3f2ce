package diagnose

// The Azure CLI's ACR Tasks commands (az acr build, az acr run) upload the
// build context through a SAS URL that the registry's control plane hands
// out (Microsoft.ContainerRegistry/registries/listBuildSourceUploadUrl/action).
// When the signed-in identity may not call that action, the CLI prints only
// "Could not get SAS URL to upload." (azure-cli acr module, _archive_utils.py;
// Azure/azure-cli#8140 asks for a clearer message): no registry request was
// made, the Azure role assignment is what is missing.

func init() { sigGroups = append(sigGroups, sigsACRTasks) }

func sigsACRTasks() {
	register(
		&signature{
			id:   "acr-tasks-sas-url",
			keys: []string{"get sas url to upload"},
			re:   lazyRe(`(?i)could not get sas url to upload`),
			rank: fixed(
				c("cloud-iam-denied", 0.7, "az acr build/run could not get the upload URL for the build context from the registry's control plane (\"Could not get SAS URL to upload.\"): the signed-in identity lacks the role to run ACR Tasks on this registry. Assign a role that includes Microsoft.ContainerRegistry/registries/listBuildSourceUploadUrl/action (Contributor, or a custom role with the ACR Tasks actions) on the registry, or run the command with an identity that has it."),
			),
		},
	)
}

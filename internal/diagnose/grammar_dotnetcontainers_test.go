package diagnose

import "testing"

// TestGrammarDotnetUploadStatus holds the .NET SDK's CONTAINER1001 (and
// CONTAINER1005, the manifest PUT) with the registry's answer it names since
// SDK 7.0.4xx ("...; received status code 'NAME'", an HttpStatusCode name):
// the status, not the code, tells an authorization refusal from a registry
// refusing the SDK's upload protocol (held-out batch 23, slice b). Names are
// invented.
func TestGrammarDotnetUploadStatus(t *testing.T) {
	checkFirstCause(t, map[string]string{
		"error CONTAINER1013: Failed to push to the output registry: CONTAINER1001: Failed to upload blob using PUT https://public.ecr.aws/v2/k3x9q2/shop-api/blobs/uploads/5e1c0d2a-9f4b-4c1e-8a7d-2b3c4d5e6f70?&digest=sha256%3A0a1b2c3d4e5f; received status code 'BadRequest'.":                                                   "client-bug",
		"error CONTAINER1013: Failed to push to the output registry: CONTAINER1001: Failed to upload blob using PATCH https://git.lab.example/v2/shop/api/blobs/uploads/7d1e; received status code 'MethodNotAllowed'.":                                                                                                               "client-bug",
		"/usr/share/dotnet/sdk/8.0.204/Containers/build/Microsoft.NET.Build.Containers.targets(242,5): error CONTAINER1013: Failed to push to the output registry: CONTAINER1001: Failed to upload blob using POST https://nexus.lab.example/v2/shop-api/blobs/uploads/; received status code 'Unauthorized'. [/src/Shop.Api.csproj]": "no-login",
		"error CONTAINER1013: Failed to push to the output registry: CONTAINER1001: Failed to upload blob using POST https://registry.lab.example/v2/shop/api/blobs/uploads/; received status code 'TooManyRequests'.":                                                                                                                "rate-limited",
		"error CONTAINER1013: Failed to push to the output registry: CONTAINER1001: Failed to upload blob using POST https://123456789012.dkr.ecr.eu-west-1.amazonaws.com/v2/shop/api/blobs/uploads/; received status code 'NotFound'.":                                                                                               "repo-not-found",
		"error CONTAINER1013: Failed to push to the output registry: CONTAINER1001: Failed to upload blob using PUT https://registry.lab.example/v2/shop/api/blobs/uploads/9c2f?digest=sha256%3A77aa; received status code 'ServiceUnavailable'.":                                                                                     "registry-fault",
		"error CONTAINER1013: Failed to push to the output registry: CONTAINER1001: Failed to upload blob using PATCH https://registry.lab.example/v2/shop/api/blobs/uploads/9c2f; received status code 'RequestEntityTooLarge'.":                                                                                                     "registry-fault",
		// the registry's 403 reads as other clients' 403s do (rank403)
		"error CONTAINER1013: Failed to push to the output registry: CONTAINER1001: Failed to upload blob using POST https://registry.lab.example/v2/shop/api/blobs/uploads/; received status code 'Forbidden'.": "insufficient-role",
		"error CONTAINER1013: Failed to push to the output registry: CONTAINER1001: Failed to upload blob using POST https://ghcr.io/v2/shoplab/api/blobs/uploads/; received status code 'Forbidden'.":           "gh-token-packages-permission",
		// the manifest PUT that ends the push, in the same words (CONTAINER1005)
		"error : Containerize: error CONTAINER004: CONTAINER1005: Registry push failed; received status code 'Forbidden'.\nerror : URI: https://registry.lab.example/v2/shop/api/manifests/2.3.0": "insufficient-role",
		"error CONTAINER1013: Failed to push to the output registry: CONTAINER1005: Registry push failed; received status code 'Unauthorized'.":                                                   "no-login",
		"error : Containerize: error CONTAINER004: CONTAINER1005: Registry push failed; received status code 'BadRequest'.":                                                                       "client-bug",
		// the older form without a status keeps the authorization reading
		"error CONTAINER1013: Failed to push to the output registry: System.ApplicationException: CONTAINER1001: Failed to upload blob to POST https://registry.lab.example/v2/shop/api/blobs/uploads/": "no-login",
		// look-alikes: another client's blob upload to storage, and NuGet's push
		"Error: Failed to upload blob 'build/shop.zip' to container 'artifacts'; received status code 'BadRequest'.":               "",
		"error: Response status code does not indicate success: 400 (Bad Request). Failed to upload blob package shop.1.0.0.nupkg": "",
	})
}

// TestGrammarDotnetTLS holds .NET's certificate failures inside the SDK's
// container tasks (the inner AuthenticationException of "The SSL connection
// could not be established"), and NuGet's identical wording for its feeds,
// which is not a registry's.
func TestGrammarDotnetTLS(t *testing.T) {
	checkFirstCause(t, map[string]string{
		"/home/runner/.nuget/packages/microsoft.net.build.containers/7.0.305/build/Microsoft.NET.Build.Containers.targets(195,5): error CONTAINER1013:  ---> System.Security.Authentication.AuthenticationException: The remote certificate is invalid because of errors in the certificate chain: UntrustedRoot [/src/Shop.Api/Shop.Api.csproj]": "tls-untrusted",
		"/usr/share/dotnet/sdk/8.0.204/Containers/build/Microsoft.NET.Build.Containers.targets(242,5): error CONTAINER1013:  ---> System.Security.Authentication.AuthenticationException: The remote certificate is invalid according to the validation procedure: RemoteCertificateNameMismatch [/src/Shop.Api/Shop.Api.csproj]":                 "tls-untrusted",
		"error CONTAINER1013:  ---> System.Security.Authentication.AuthenticationException: The remote certificate is invalid because of errors in the certificate chain: NotTimeValid":                                                                                                                                                           "tls-untrusted",
		// the outer exception alone names no cause
		"error CONTAINER1013: Failed to push to the output registry: System.Net.Http.HttpRequestException: The SSL connection could not be established, see inner exception.": "",
		// look-alikes: NuGet's feed and an app's own HttpClient
		"/usr/share/dotnet/sdk/8.0.204/NuGet.targets(156,5): error : Unable to load the service index for source https://nuget.lab.example/v3/index.json. [/src/Shop.sln]\n/usr/share/dotnet/sdk/8.0.204/NuGet.targets(156,5): error :   The SSL connection could not be established, see inner exception.\n/usr/share/dotnet/sdk/8.0.204/NuGet.targets(156,5): error :   The remote certificate is invalid because of errors in the certificate chain: UntrustedRoot [/src/Shop.sln]": "",
		"fail: Shop.Api.Payments[0] System.Security.Authentication.AuthenticationException: The remote certificate is invalid according to the validation procedure: RemoteCertificateChainErrors":                                                                                                                                                                                                                                                                                     "",
	})
}

// TestGrammarDotnetNames holds the .NET SDK's own checks of the registry,
// image name and tags it is given, which fail before any request; and
// look-alikes that must stay quiet.
func TestGrammarDotnetNames(t *testing.T) {
	checkFirstCause(t, map[string]string{
		"error CONTAINER2012: Could not recognize registry '***'.": "invalid-reference",
		"/usr/share/dotnet/sdk/8.0.100/Containers/build/Microsoft.NET.Build.Containers.targets(117,5): error CONTAINER2012: Could not recognize registry 'http://localhost:5000'. [/src/Shop.Api/Shop.Api.csproj]":                                                             "invalid-reference",
		"/root/.nuget/packages/microsoft.net.build.containers/0.3.2/build/Microsoft.NET.Build.Containers.targets(110,9): error : Could not recognize registry 'registry.lab.example/shop'. Does your registry need a scheme, like 'https://'? [/src/Shop.Api/Shop.Api.csproj]": "invalid-reference",
		"error CONTAINER2005: The first character of the image name 'Shop.Api' must be a lowercase letter or a digit and all characters in the name must be an alphanumeric character, -, /, or _.":                                                                            "invalid-reference",
		"error CONTAINER2007: Invalid ContainerImageTag provided: 1.2.0+build.7. Image tags must be alphanumeric, underscore, hyphen, or period.":                                                                                                                              "invalid-reference",
		"error CONTAINER2010: Invalid ContainerImageTags provided: latest;. ContainerImageTags must be a semicolon-delimited list of valid image tags. Image tags must be alphanumeric, underscore, hyphen, or period.":                                                        "invalid-reference",
		"error CONTAINER2005: The first character of the image name '' must be a lowercase letter or a digit and all characters in the name must be an alphanumeric character, -, /, or _.":                                                                                    "empty-reference-variable",
		// look-alikes: Windows' registry, and prose about tags
		"warning: Could not recognize registry 'HKLM\\Software\\Shop\\Agent' value type, skipping": "",
		"hint: image tags must be alphanumeric in our naming guide; see docs/release.md":           "",
	})
}

// TestGrammarDotnetAccess holds the .NET SDK's registry access errors for the
// images it reads and writes: a tag the registry does not have (CONTAINER1015),
// the registry's 401/403 (CONTAINER1016) and a request that failed in transit
// (CONTAINER1017); and look-alikes.
func TestGrammarDotnetAccess(t *testing.T) {
	checkFirstCause(t, map[string]string{
		"/usr/share/dotnet/sdk/8.0.204/Containers/build/Microsoft.NET.Build.Containers.targets(242,5): error CONTAINER1015: Unable to access the repository 'dotnet/aspnet' at tag '8.0-noble-chiseledx' in the registry 'mcr.microsoft.com'. Please confirm that this name and tag are present in the registry. [/src/Shop.Api/Shop.Api.csproj]":                             "manifest-unknown",
		"error CONTAINER1015: Unable to access the repository 'shop/base' at tag '' in the registry 'registry.lab.example'. Please confirm that this name and tag are present in the registry.":                                                                                                                                                                               "empty-reference-variable",
		"/usr/local/share/dotnet/sdk/8.0.100/Containers/build/Microsoft.NET.Build.Containers.targets(202,5): error CONTAINER1016: Unable to access the repository 'shop/dotnet/runtime-custom' in the registry 'registry.lab.example'. Please confirm your credentials are correct and that you have access to this repository and registry. [/src/Shop.Web/Shop.Web.csproj]": "no-login",
		"error CONTAINER1017: Unable to communicate with the registry 'registry.lab.example'.": "registry-unreachable",
		// look-alikes: git's and a wiki's wording
		"remote: Unable to access the repository 'shop/api': the project has been archived":            "",
		"Note: the agent was unable to communicate with the registry of services at startup; retrying": "",
	})
}

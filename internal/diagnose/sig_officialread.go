package diagnose

import (
	"fmt"
	"strings"

	"github.com/regdoctor/regdoctor/internal/reghost"
)

// rankOfficialNamespaceRead reads an anonymous read refused with 401 /
// "authentication required" by Docker Hub for a repository in library/, the
// namespace of Docker's official images. Every repository there is public
// (https://docs.docker.com/docker-hub/repos/manage/trusted-content/official-images/)
// and no account can create one, so no login would have let the read
// through: the name is not an official image. Docker Hub answers a
// repository that does not exist with the same 401 it gives a private one
// (distribution spec: a registry may answer 401 rather than reveal that a
// repository is absent). Typically a locally built image that was never
// pushed, a word of the command taken as the image name, or a reference
// that lost its namespace or registry host. nil when the read is not to
// Docker Hub's library/ namespace.
func rankOfficialNamespaceRead(h *hit, f *facts) []cand {
	if h.kind() != reghost.DockerHub {
		return nil
	}
	repo := h.url.Repo
	if repo == "" {
		repo = h.ref.Repo
	}
	if !officialName(repo) {
		return nil
	}
	return officialNameRefused(repo, "401", f)
}

// officialNameRefused ranks a read of repo (a name in Docker Hub's library/
// namespace) that Docker Hub refused, answer saying how ("401", "pull access
// denied", "insufficient_scope"): every repository there is public, so the
// name does not exist there. The one ranking for every refusal of such a
// read (rankDenied, rankOfficialNamespaceRead, sig_authz.go's scope
// refusal).
//
// A repository named sha256 is an image ID passed where a name belongs:
// "sha256:<hex>" parses as repository sha256 with the hex digits as its tag
// (distribution/reference grammar: tag := [\w][\w.-]{0,127}), so the
// engine asks Docker Hub for library/sha256. Programs on the Engine API pass
// the container's image ID so when it was created from an ID or its tag has
// since moved (containrrr/watchtower#1081, the same text from Portainer
// stacks): a defect of the calling tool, not a registry or credential.
// Those tools call the Engine API and print no docker CLI line; the docker
// CLI itself, given "sha256:<hex>" by a person or a script (docker run
// sha256:3f2a9c1e, a short ID of a pruned image), first prints "Unable to
// find image 'sha256:3f2a9c1e' locally" (docker/cli
// cli/command/container/create.go) or the log shows the docker pull command
// naming it: then the ID typed as a name is the command's own
// invalid-reference (facts.typedImageID), not a tool's defect: the text
// parses, but an image ID is no image name, and the refusal is Docker Hub
// reading the ID as one (the closest id of causes.md; no client is at fault).
func officialNameRefused(repo, answer string, f *facts) []cand {
	if strings.TrimPrefix(repo, "library/") == "sha256" {
		if f.typedImageID > 0 {
			return []cand{
				c("invalid-reference", 0.78, fmt.Sprintf("The docker command was given an image ID (sha256:<hex>) where it takes an image name (line %d): docker run/pull read \"sha256:<hex>\" as repository sha256 with the hex digits as its tag, and Docker Hub refuses that name (%s). Name the image by its reference (REPOSITORY:TAG or REPOSITORY@sha256:DIGEST), or use the full local image ID of an image that is still present.", f.typedImageID, answer)),
				c("manifest-unknown", 0.45, ""),
			}
		}
		return []cand{
			c("client-bug", 0.76, fmt.Sprintf("The tool asked for an image ID (sha256:<digest>) as if it were an image name: it parsed as repository sha256, which Docker Hub refuses (%s). The calling program (an updater such as Watchtower, a UI or an SDK script) took the container's image ID instead of its image reference, typically for a container created from an ID or whose tag has since moved. Recreate the container from a named reference, or upgrade the tool.", answer)),
			c("invalid-reference", 0.45, ""),
			c("manifest-unknown", 0.4, ""),
		}
	}
	// A name from officialImages (sig_policy.go) does exist and is public
	// (https://hub.docker.com/u/library), so its refusal is not a missing
	// name: Docker Hub in trouble (ansible/ansible#49094), a mirror or proxy
	// between, or a defect in the client's own token handling. scratch is
	// reserved and cannot be pulled at all.
	if name := strings.TrimPrefix(repo, "library/"); officialImages[name] && name != "scratch" {
		return []cand{
			c("registry-fault", 0.62, fmt.Sprintf("%s is one of Docker's official images, public and present on Docker Hub: a refusal (%s) to read it does not mean the name is wrong. Docker Hub itself misbehaved (an incident), something between the client and Docker Hub answered (a registry mirror or proxy that wants a login), or the client's own token handling failed (a known defect of that client version).", name, answer)),
			c("client-bug", 0.5, ""),
			c("no-login", 0.45, ""),
		}
	}
	return []cand{
		c("manifest-unknown", 0.74, fmt.Sprintf("%s is in Docker Hub's library/ namespace, which holds only Docker's official images, all public: the refusal (%s) means no such repository exists there, and a login would not change the answer. Typically an image built only locally and never pushed, a misspelt name or a word of the command taken as the image, a COPY --from or FROM naming a build stage the Dockerfile does not define, or a reference that lost its namespace or registry host.", orSome(repo, "The image"), answer)),
		c("missing-registry-host", 0.55, ""),
		c("no-login", 0.45, ""),
	}
}

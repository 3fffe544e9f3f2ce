package github

import (
	"fmt"
	"strings"

	"github.com/regdoctor/regdoctor/internal/finding"
	"github.com/regdoctor/regdoctor/internal/lint"
	"github.com/regdoctor/regdoctor/internal/reghost"
	wf "github.com/regdoctor/regdoctor/internal/workflow/github"
)

func init() {
	register(lint.Meta{
		ID: "GHA032", Name: "registry-host-in-repository-path", Cause: "invalid-reference", Severity: finding.Error,
		Summary: "An image reference names a registry host twice: a second registry host sits inside the repository path.",
		Description: `A reference is ` + "`HOST/REPOSITORY:TAG`" + `; only its first component is a host. When the repository part is
itself built from a value that already holds the registry (` + "`ECR_REPOSITORY: 123.dkr.ecr.us-east-1.amazonaws.com/app`" + `
pushed as ` + "`$ECR_REGISTRY/$ECR_REPOSITORY`" + `, ` + "`ghcr.io/${{ env.IMAGE }}`" + ` with ` + "`IMAGE: ghcr.io/acme/app`" + `), the
registry receives a repository named after a host, which does not exist: ECR answers
` + "`name unknown: The repository with name '...amazonaws.com/app' does not exist`" + `, other registries ` + "`denied`" + ` or ` + "`NAME_INVALID`" + `. Only path components
that are well-known registry hosts (ECR, ECR Public, GHCR, Artifact Registry / gcr.io, ACR, Quay, GitLab, Docker Hub)
are reported, so repositories whose names merely contain a dot are not.

Fix: keep the host in one place: the repository variable holds only the repository path (` + "`ECR_REPOSITORY: app`" + `).

Sources: distribution/reference grammar (domain only as the first component); aws-actions/amazon-ecr-login README
(` + "`$REGISTRY/$REPOSITORY:$IMAGE_TAG`" + ` with REPOSITORY the repository name).`,
		Broken: `on: push
permissions:
  id-token: write
  contents: read
jobs:
  image:
    runs-on: ubuntu-latest
    steps:
      - uses: aws-actions/configure-aws-credentials@v4
        with:
          role-to-assume: arn:aws:iam::123456789012:role/push
          aws-region: us-east-1
      - id: ecr
        uses: aws-actions/amazon-ecr-login@v2
      - env:
          REGISTRY: ${{ steps.ecr.outputs.registry }}
          REPOSITORY: 123456789012.dkr.ecr.us-east-1.amazonaws.com/app
        run: |
          docker build -t "$REGISTRY/$REPOSITORY:$GITHUB_SHA" .
          docker push "$REGISTRY/$REPOSITORY:$GITHUB_SHA"
`,
		Fixed: `on: push
permissions:
  id-token: write
  contents: read
jobs:
  image:
    runs-on: ubuntu-latest
    steps:
      - uses: aws-actions/configure-aws-credentials@v4
        with:
          role-to-assume: arn:aws:iam::123456789012:role/push
          aws-region: us-east-1
      - id: ecr
        uses: aws-actions/amazon-ecr-login@v2
      - env:
          REGISTRY: ${{ steps.ecr.outputs.registry }}
          REPOSITORY: app
        run: |
          docker build -t "$REGISTRY/$REPOSITORY:$GITHUB_SHA" .
          docker push "$REGISTRY/$REPOSITORY:$GITHUB_SHA"
`,
	}, checkGHA032)
}

func checkGHA032(c *lintCtx, w *wf.Workflow) {
	reported := map[loc]bool{}
	for _, m := range c.jobs(w) {
		for _, p := range m.pushes {
			if p.ref == "" {
				continue
			}
			off, host := hostInPath(p.ref)
			if off < 0 {
				continue
			}
			at := p.originAt(off)
			if reported[lineOf(at)] {
				continue
			}
			reported[lineOf(at)] = true
			c.report("GHA032", at, "", p.host,
				fmt.Sprintf("image reference %s%s names the registry host %s inside its repository path: the registry looks for a repository called after a host, which does not exist (ECR: `name unknown ... does not exist`)", p.ref, p.pushedNote(at), host),
				"Keep the host in one place: let the repository value hold only the repository path (for ECR, `ECR_REPOSITORY: my-app`, pushed as `$REGISTRY/$ECR_REPOSITORY:$TAG`).")
		}
	}
}

// hostInPath finds, in a reference whose first component is a host (or an
// expansion standing for one), a later path component that is a well-known
// registry host. It returns that component's offset and text, or -1.
func hostInPath(ref string) (int, string) {
	rp := repoPart(ref)
	first, rest, ok := strings.Cut(rp, "/")
	if !ok || !(reghost.LooksLikeHost(first) || strings.HasPrefix(first, "$")) {
		return -1, ""
	}
	off := len(first) + 1
	for _, comp := range strings.Split(rest, "/") {
		if knownRegistryHost(comp) {
			return off, comp
		}
		off += len(comp) + 1
	}
	return -1, ""
}

// knownRegistryHost reports a literal host of a registry service regdoctor
// recognises (not the Distribution fallback): ECR and ECR Public, GHCR,
// Artifact Registry and gcr.io, ACR, Quay, GitLab's registry, Docker Hub.
func knownRegistryHost(s string) bool {
	if s == "" || strings.ContainsAny(s, "${}") || !strings.Contains(s, ".") {
		return false
	}
	switch reghost.Classify(s) {
	case reghost.ECR, reghost.ECRPublic, reghost.GHCR, reghost.GAR, reghost.ACR, reghost.Quay:
		return true
	case reghost.DockerHub:
		return reghost.Normalize(s) == "docker.io"
	case reghost.GitLab:
		return strings.HasPrefix(strings.ToLower(s), "registry.")
	}
	return false
}

package github_test

import (
	"strings"
	"testing"

	"github.com/regdoctor/regdoctor/internal/lint"
)

func findings(t *testing.T, files map[string]string) string {
	t.Helper()
	res, err := lint.Run(repoWith(t, files), nil, lint.Config{})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Errors) > 0 {
		t.Fatal(res.Errors)
	}
	return render(res)
}

// A repository script run from a step is read and linted at its own lines.
func TestFollowsRepositoryScripts(t *testing.T) {
	out := findings(t, map[string]string{
		".github/workflows/ci.yml": "on: push\njobs:\n  deploy:\n    runs-on: ubuntu-latest\n    steps:\n      - run: bash ci/push.sh\n",
		"ci/push.sh":               "#!/bin/bash\necho \"$REG_PASSWORD\" | docker login -u \"$REG_USER\" --password-stdin\ndocker push acme/app:1\n",
	})
	if !strings.Contains(out, "ci/push.sh:2:") || !strings.Contains(out, "GHA028") {
		t.Errorf("script not followed:\n%s", out)
	}
}

// A job-level block replaces the workflow block (F-GH-03): the message says so.
func TestJobBlockReplacesWorkflowBlock(t *testing.T) {
	out := findings(t, map[string]string{".github/workflows/ci.yml": `on: push
permissions:
  contents: read
  packages: write
jobs:
  image:
    runs-on: ubuntu-latest
    permissions:
      contents: read
    steps:
      - uses: docker/login-action@v3
        with:
          registry: ghcr.io
          username: ${{ github.actor }}
          password: ${{ github.token }}
      - run: docker push ghcr.io/acme/app:1
`})
	if !strings.Contains(out, "ci.yml:8:5: error") || !strings.Contains(out, "replaces the workflow block") {
		t.Errorf("job override not reported at the job block:\n%s", out)
	}
}

// A composite action's inputs are substituted, so a GITHUB_TOKEN passed in
// counts as a GITHUB_TOKEN login; the finding points at the workflow step.
func TestCompositeActionInputs(t *testing.T) {
	out := findings(t, map[string]string{
		".github/workflows/ci.yml": "on: push\njobs:\n  image:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: ./\n        with:\n          token: ${{ secrets.GITHUB_TOKEN }}\n",
		"action.yml": `name: push
inputs:
  token: {required: true}
runs:
  using: composite
  steps:
    - run: echo "${{ inputs.token }}" | docker login ghcr.io -u x --password-stdin
      shell: bash
    - run: docker push ghcr.io/acme/app:1
      shell: bash
`,
	})
	if !strings.Contains(out, ".github/workflows/ci.yml:6:") || !strings.Contains(out, "GHA001") {
		t.Errorf("composite login not attributed:\n%s", out)
	}
}

// Matrix values and env chains resolve hosts; an unresolvable host abstains.
func TestResolutionAndAbstention(t *testing.T) {
	out := findings(t, map[string]string{".github/workflows/ci.yml": `on: push
env:
  REGISTRY: quay.io
jobs:
  image:
    runs-on: ubuntu-latest
    strategy:
      matrix:
        reg: [ghcr.io]
    steps:
      - uses: docker/login-action@v3
        with:
          registry: ${{ env.REGISTRY }}
          username: u
          password: ${{ secrets.QUAY }}
      - run: docker push ${{ matrix.reg }}/acme/app:1
      - run: docker push ${{ env.REGISTRY }}/acme/app:1
      - run: docker push ${{ steps.x.outputs.host }}/acme/app:1
`})
	if strings.Count(out, "GHA011") != 1 || !strings.Contains(out, "pushes ghcr.io/acme/app:1 to ghcr.io, but logs in only to quay.io") {
		t.Errorf("want one GHA011 for the ghcr.io push:\n%s", out)
	}
}

// A caller's grant caps a called workflow job that declares no permissions
// (F-GH-15): the caller's block is reported.
func TestCallerGrantCapsReusableWorkflow(t *testing.T) {
	out := findings(t, map[string]string{
		".github/workflows/ci.yml": "on: push\npermissions:\n  contents: read\njobs:\n  publish:\n    uses: ./.github/workflows/push.yml\n",
		".github/workflows/push.yml": `on: workflow_call
jobs:
  push:
    runs-on: ubuntu-latest
    steps:
      - uses: docker/login-action@v3
        with:
          registry: ghcr.io
          username: ${{ github.actor }}
          password: ${{ secrets.GITHUB_TOKEN }}
      - run: docker push ghcr.io/acme/app:1
`,
	})
	if !strings.Contains(out, ".github/workflows/ci.yml:2:1: error job \"publish\" calls ./.github/workflows/push.yml, whose job \"push\"") {
		t.Errorf("caller grant not reported:\n%s", out)
	}
	if !strings.Contains(out, ".github/workflows/push.yml:10:") || !strings.Contains(out, "warning reusable workflow job") {
		t.Errorf("callee warning missing:\n%s", out)
	}
}

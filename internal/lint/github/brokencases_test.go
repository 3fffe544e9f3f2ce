package github_test

import (
	"strings"
	"testing"

	"github.com/regdoctor/regdoctor/internal/finding"
)

// Constructs from real broken workflows checked on the lint-broken branch
// (public issue and pull-request threads; the cases themselves live outside
// the repository), each written here as a minimal workflow of our own with
// the counterpart that must stay quiet.
func TestBrokenConstructsGHA005(t *testing.T) {
	login := func(cond string) string {
		s := "on:\n  push:\n  pull_request:\njobs:\n  image:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: docker/login-action@v3\n"
		if cond != "" {
			s += "        if: " + cond + "\n"
		}
		return s + "        with:\n          username: ${{ secrets.DOCKERHUB_USERNAME }}\n          password: ${{ secrets.DOCKERHUB_TOKEN }}\n" +
			"      - uses: docker/build-push-action@v6\n        with:\n          push: ${{ github.event_name != 'pull_request' }}\n          tags: acme/app:1\n"
	}
	cases := []struct {
		name, yml string
		want      string // GHA005 message fragment; "" = no GHA005 at warning or above
	}{
		{"no guard", login(""), "for fork and Dependabot pull requests"},
		// a Dependabot pull request is a branch of this repository: not a fork
		{"fork flag only", login(`"! github.event.pull_request.head.repo.fork"`), "Dependabot's pull requests come from a branch of this repository"},
		{"head repository name only", login("github.event.pull_request.head.repo.full_name == github.repository"), "Dependabot's pull requests"},
		{"fork flag and actor", login(`"! github.event.pull_request.head.repo.fork && github.actor != 'dependabot[bot]'"`), ""},
		{"event name", login("github.event_name != 'pull_request'"), ""},
		{"event name or same repository", login("github.event_name != 'pull_request' || github.event.pull_request.head.repo.full_name == github.repository"), ""},
		{"secret present", login("env.HAS_SECRET == 'true'"), ""},
		{"job-level fork flag only", strings.Replace(login(""), "    runs-on: ubuntu-latest\n", "    runs-on: ubuntu-latest\n    if: ${{ !github.event.pull_request.head.repo.fork }}\n", 1), "Dependabot's pull requests"},
		{"job-level fork flag and step actor", strings.Replace(login("github.actor != 'dependabot[bot]'"), "    runs-on: ubuntu-latest\n", "    runs-on: ubuntu-latest\n    if: ${{ !github.event.pull_request.head.repo.fork }}\n", 1), ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			res := lintWorkflow(t, c.yml)
			var got []string
			for _, f := range res.Findings {
				if f.Rule == "GHA005" && f.Severity != finding.Info {
					got = append(got, f.Message)
				}
			}
			switch {
			case c.want == "" && len(got) > 0:
				t.Errorf("unexpected GHA005: %q\n%s", got, render(res))
			case c.want != "" && (len(got) != 1 || !strings.Contains(got[0], c.want)):
				t.Errorf("GHA005 %q, want one containing %q\n%s", got, c.want, render(res))
			}
		})
	}
}

// An env image name built from github.repository, used by a job whose tag
// list is computed in a script (the push target is not traced).
func TestBrokenConstructsGHA009Env(t *testing.T) {
	head := "on: push\nenv:\n  IMAGE_NAME: ghcr.io/${{ github.repository }}\n  IMAGE_NAME_X: ghcr.io/acme/x\njobs:\n  publish:\n    runs-on: ubuntu-latest\n    permissions:\n      packages: write\n    steps:\n" +
		"      - uses: docker/login-action@v3\n        with:\n          registry: ghcr.io\n          username: ${{ github.actor }}\n          password: ${{ secrets.GITHUB_TOKEN }}\n"
	tags := "      - id: tags\n        run: |\n          { echo \"tags<<EOF\"; echo \"${IMAGE_NAME}:sha-${GITHUB_SHA::12}\"; echo EOF; } >> \"$GITHUB_OUTPUT\"\n"
	push := "      - uses: docker/build-push-action@v6\n        with:\n          push: true\n          tags: ${{ steps.tags.outputs.tags }}\n"
	cases := []struct {
		name, yml string
		want      bool
	}{
		{"tags computed in a script from the env name", head + tags + push, true},
		{"the job lowercases it through GITHUB_ENV", head + "      - run: echo \"IMAGE_NAME=${IMAGE_NAME,,}\" >> \"$GITHUB_ENV\"\n" + tags + push, false},
		{"used only in metadata-action images (it lowercases)", head + "      - id: meta\n        uses: docker/metadata-action@v5\n        with:\n          images: ${{ env.IMAGE_NAME }}\n" +
			"      - uses: docker/build-push-action@v6\n        with:\n          push: true\n          tags: ${{ steps.meta.outputs.tags }}\n          annotations: ${{ env.IMAGE_NAME_X }}\n", false},
		{"used as an attestation subject", head + tags + push + "      - uses: actions/attest@v4\n        with:\n          subject-name: ${{ env.IMAGE_NAME }}\n          subject-digest: sha256:0\n", true},
		{"a longer variable name is another variable", strings.Replace(head, "IMAGE_NAME: ghcr.io/${{ github.repository }}", "IMAGE: ghcr.io/${{ github.repository }}", 1) + strings.Replace(tags, "${IMAGE_NAME}", "$IMAGE_NAME", 1) + push, false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			res := lintWorkflow(t, c.yml)
			got := false
			for _, f := range res.Findings {
				if f.Rule == "GHA009" && f.Line == 3 {
					got = true
				}
			}
			if got != c.want {
				t.Errorf("GHA009 at the env definition: %v, want %v\n%s", got, c.want, render(res))
			}
		})
	}
}

// A registry host inside the repository path (the repository variable
// already holds the registry).
func TestBrokenConstructsGHA032(t *testing.T) {
	job := func(repo, push string) string {
		return "on: push\npermissions:\n  id-token: write\n  contents: read\njobs:\n  image:\n    runs-on: ubuntu-latest\n    steps:\n" +
			"      - uses: aws-actions/configure-aws-credentials@v4\n        with:\n          role-to-assume: arn:aws:iam::123456789012:role/push\n          aws-region: us-east-1\n" +
			"      - id: ecr\n        uses: aws-actions/amazon-ecr-login@v2\n" +
			"      - env:\n          REGISTRY: ${{ steps.ecr.outputs.registry }}\n          REPOSITORY: " + repo + "\n        run: docker push \"" + push + "\"\n"
	}
	cases := []struct {
		name, yml string
		want      bool
	}{
		{"ECR host in the repository variable", job("123456789012.dkr.ecr.us-east-1.amazonaws.com/app", "$REGISTRY/$REPOSITORY:1"), true},
		{"repository name only", job("app", "$REGISTRY/$REPOSITORY:1"), false},
		{"a dotted repository name is not a host", job("team/my.app", "$REGISTRY/$REPOSITORY:1"), false},
		{"ghcr.io inside a Docker Hub path", job("app", "docker.io/ghcr.io/acme/app:1"), true},
		{"a namespace that only looks like a domain", job("app", "registry.example.com/acme.io/app:1"), false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			res := lintWorkflow(t, c.yml)
			got := false
			for _, f := range res.Findings {
				if f.Rule == "GHA032" {
					got = true
				}
			}
			if got != c.want {
				t.Errorf("GHA032: %v, want %v\n%s", got, c.want, render(res))
			}
		})
	}
}

// amazon-ecr-login needs AWS credentials in the job (GHA033), and ECR
// Public's login needs us-east-1 (GHA034).
func TestBrokenConstructsECRLogin(t *testing.T) {
	creds := func(region string) string {
		return "      - uses: aws-actions/configure-aws-credentials@v4\n        with:\n          aws-access-key-id: ${{ secrets.AWS_ACCESS_KEY_ID }}\n          aws-secret-access-key: ${{ secrets.AWS_SECRET_ACCESS_KEY }}\n          aws-region: " + region + "\n"
	}
	login := func(public bool, env string) string {
		s := "      - id: ecr\n        uses: aws-actions/amazon-ecr-login@v2\n"
		if public {
			s += "        with:\n          registry-type: public\n"
		}
		return s + env
	}
	job := func(runsOn, steps string) string {
		return "on: push\njobs:\n  image:\n    runs-on: " + runsOn + "\n    steps:\n" + steps
	}
	cases := []struct {
		name, yml string
		want      string // rules joined by ","
	}{
		{"no credentials on a GitHub-hosted runner", job("ubuntu-latest", login(false, "")), "GHA033"},
		{"credentials configured first", job("ubuntu-latest", creds("eu-west-1")+login(false, "")), ""},
		{"credentials configured after the login", job("ubuntu-latest", login(false, "")+creds("eu-west-1")), "GHA033"},
		{"access keys in the job env", strings.Replace(job("ubuntu-latest", login(false, "")), "    runs-on:", "    env:\n      AWS_ACCESS_KEY_ID: ${{ secrets.K }}\n      AWS_SECRET_ACCESS_KEY: ${{ secrets.S }}\n      AWS_REGION: eu-west-1\n    runs-on:", 1), ""},
		{"self-hosted runner may have an instance role", job("[self-hosted, linux]", login(false, "")), ""},
		{"ECR Public from another region", job("ubuntu-latest", creds("ap-northeast-1")+login(true, "")), "GHA034"},
		{"ECR Public from us-east-1", job("ubuntu-latest", creds("us-east-1")+login(true, "")), ""},
		{"ECR Public, region overridden on the login step", job("ubuntu-latest", creds("eu-west-1")+login(true, "        env:\n          AWS_REGION: us-east-1\n")), ""},
		{"private ECR from another region is fine", job("ubuntu-latest", creds("ap-northeast-1")+login(false, "")), ""},
		{"ECR Public, region from an expression", job("ubuntu-latest", creds("${{ vars.REGION }}")+login(true, "")), ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			res := lintWorkflow(t, c.yml)
			var got []string
			for _, f := range res.Findings {
				if f.Rule == "GHA033" || f.Rule == "GHA034" {
					got = append(got, f.Rule)
				}
			}
			if strings.Join(got, ",") != c.want {
				t.Errorf("got %q, want %q\n%s", strings.Join(got, ","), c.want, render(res))
			}
		})
	}
}

// Shell syntax in image inputs of actions (not expanded).
func TestBrokenConstructsGHA035(t *testing.T) {
	step := func(action, in, val string) string {
		return "on: push\nenv:\n  REPOSITORY: acme/app\njobs:\n  image:\n    runs-on: ubuntu-latest\n    steps:\n      - id: meta\n        uses: " + action + "\n        with:\n          " + in + ": " + val + "\n"
	}
	cases := []struct {
		name, yml string
		want      bool
	}{
		{"metadata images with $VAR", step("docker/metadata-action@v5", "images", "$REGISTRY/$REPOSITORY"), true},
		{"metadata images with ${VAR}", step("docker/metadata-action@v5", "images", "ghcr.io/${REPOSITORY}"), true},
		{"metadata images with an expression", step("docker/metadata-action@v5", "images", "ghcr.io/${{ env.REPOSITORY }}"), false},
		{"metadata tags use {{ }} patterns", step("docker/metadata-action@v5", "tags", "type=semver,pattern={{version}}"), false},
		{"build-push tags with $GITHUB_SHA", step("docker/build-push-action@v6", "tags", "acme/app:$GITHUB_SHA"), true},
		{"build-push context is not an image input", step("docker/build-push-action@v6", "context", "$DIR"), false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			res := lintWorkflow(t, c.yml)
			got := false
			for _, f := range res.Findings {
				if f.Rule == "GHA035" {
					got = true
				}
			}
			if got != c.want {
				t.Errorf("GHA035: %v, want %v\n%s", got, c.want, render(res))
			}
		})
	}
}

// A Dependabot-only guard still lets fork pull requests run (GHA005), and a
// login allowed to fail that feeds no push does not fail the job.
func TestBrokenConstructsGHA005Dependabot(t *testing.T) {
	head := "on:\n  push:\n  pull_request:\njobs:\n  image:\n    runs-on: ubuntu-latest\n    steps:\n"
	login := func(extra string) string {
		return "      - uses: docker/login-action@v3\n" + extra + "        with:\n          username: ${{ secrets.DOCKERHUB_USERNAME }}\n          password: ${{ secrets.DOCKERHUB_TOKEN }}\n"
	}
	push := "      - uses: docker/build-push-action@v6\n        with:\n          push: true\n          tags: acme/app:1\n"
	cases := []struct {
		name, yml string
		want      string
	}{
		{"Dependabot-only guard", head + login("        if: github.actor != 'dependabot[bot]'\n") + push, "the condition skips only Dependabot"},
		{"Dependabot and fork guard", head + login("        if: github.actor != 'dependabot[bot]' && !github.event.pull_request.head.repo.fork\n") + push, ""},
		{"login may fail, no push in the job", head + login("        continue-on-error: true\n") + "      - run: make test\n", ""},
		{"login may fail, but the job pushes", head + login("        continue-on-error: true\n") + push, "for fork and Dependabot pull requests"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			res := lintWorkflow(t, c.yml)
			var got []string
			for _, f := range res.Findings {
				if f.Rule == "GHA005" && f.Severity != finding.Info {
					got = append(got, f.Message)
				}
			}
			switch {
			case c.want == "" && len(got) > 0:
				t.Errorf("unexpected GHA005: %q\n%s", got, render(res))
			case c.want != "" && (len(got) == 0 || !strings.Contains(got[0], c.want)):
				t.Errorf("GHA005 %q, want one containing %q\n%s", got, c.want, render(res))
			}
		})
	}
}

package shellcmd

import (
	"reflect"
	"strings"
	"testing"
)

func mustParse(t *testing.T, script string, env map[string]string) []Command {
	t.Helper()
	s, err := Parse("test", script, Options{Env: env})
	if err != nil {
		t.Fatalf("Parse: %v", err)
	}
	return s.Commands
}

func refs(c Command) []string {
	var out []string
	for _, r := range c.Refs {
		out = append(out, r.Value)
	}
	return out
}

func TestDockerLoginPasswordStdinPipe(t *testing.T) {
	cmds := mustParse(t, `set -e
echo "${{ secrets.GITHUB_TOKEN }}" | docker login ghcr.io -u ${{ github.actor }} --password-stdin
docker build -t ghcr.io/${{ github.repository }}:latest .
docker push ghcr.io/${{ github.repository }}:latest
`, nil)
	if len(cmds) != 3 {
		t.Fatalf("got %d commands: %+v", len(cmds), cmds)
	}
	l := cmds[0]
	if l.Action != Login || l.Tool != "docker" || !l.PasswordStdin || !reflect.DeepEqual(l.Hosts, []string{"ghcr.io"}) {
		t.Errorf("login = %+v", l)
	}
	if l.Pos != (Pos{Line: 2, Col: 38}) {
		t.Errorf("login pos = %+v", l.Pos)
	}
	if l.Stdin == nil || !strings.Contains(l.Stdin.Pipe, "secrets.GITHUB_TOKEN") {
		t.Errorf("stdin = %+v", l.Stdin)
	}
	if l.Username == nil || l.Username.Value != "${{ github.actor }}" {
		t.Errorf("username = %+v", l.Username)
	}
	if cmds[1].Action != Build || !reflect.DeepEqual(refs(cmds[1]), []string{"ghcr.io/${{ github.repository }}:latest"}) {
		t.Errorf("build = %+v", cmds[1])
	}
	p := cmds[2]
	if p.Action != Push || p.Pos.Line != 4 || p.Pos.Col != 1 || p.Refs[0].Pos != (Pos{4, 13}) {
		t.Errorf("push = %+v", p)
	}
	if p.Refs[0].Literal {
		t.Errorf("ref with expression must not be literal")
	}
}

func TestLoginDefaultsAndPasswordFlag(t *testing.T) {
	cmds := mustParse(t, `docker login -u "$DOCKERHUB_USERNAME" -p $DOCKERHUB_TOKEN
podman login --username=u --password-stdin quay.io < pass.txt
sudo docker login https://index.docker.io/v1/ -u me -p x`, nil)
	if len(cmds) != 3 {
		t.Fatalf("got %d", len(cmds))
	}
	if cmds[0].Hosts[0] != "docker.io" || cmds[0].Server != nil || cmds[0].Password == nil || cmds[0].Password.Value != "$DOCKERHUB_TOKEN" {
		t.Errorf("docker login = %+v", cmds[0])
	}
	if cmds[0].Password.Quoted || !cmds[0].Username.Quoted {
		t.Errorf("quoting: user %v pass %v", cmds[0].Username.Quoted, cmds[0].Password.Quoted)
	}
	if !reflect.DeepEqual(cmds[0].Password.Vars, []string{"DOCKERHUB_TOKEN"}) {
		t.Errorf("vars = %v", cmds[0].Password.Vars)
	}
	if c := cmds[1]; c.Tool != "podman" || c.Hosts[0] != "quay.io" || !c.PasswordStdin || c.Username.Value != "u" || c.Stdin == nil || c.Stdin.Word.Value != "pass.txt" {
		t.Errorf("podman login = %+v", c)
	}
	if c := cmds[2]; c.Hosts[0] != "docker.io" || c.Pos.Col != 6 {
		t.Errorf("sudo login = %+v", c)
	}
}

func TestECR(t *testing.T) {
	cmds := mustParse(t, `aws ecr get-login-password --region us-east-1 | docker login --username AWS --password-stdin 123456789012.dkr.ecr.us-east-1.amazonaws.com
$(aws ecr get-login --no-include-email --region eu-west-1)
docker push 123456789012.dkr.ecr.us-east-1.amazonaws.com/app:1`, nil)
	var actions []Action
	for _, c := range cmds {
		actions = append(actions, c.Action)
	}
	if !reflect.DeepEqual(actions, []Action{ECRPassword, Login, ECRGetLogin, Push}) {
		t.Fatalf("actions = %v", actions)
	}
	l := cmds[1]
	if l.Stdin == nil || len(l.Stdin.PipeCommands) != 1 || l.Stdin.PipeCommands[0].Action != ECRPassword || l.Stdin.PipeCommands[0].Region.Value != "us-east-1" {
		t.Errorf("ecr login stdin = %+v", l.Stdin)
	}
	if !cmds[2].InSubst || cmds[2].Region.Value != "eu-west-1" {
		t.Errorf("get-login = %+v", cmds[2])
	}
	h, repo, tag, ok := SplitRef(cmds[3].Refs[0].Value)
	if h != "123456789012.dkr.ecr.us-east-1.amazonaws.com" || repo != "app" || tag != "1" || !ok {
		t.Errorf("SplitRef = %q %q %q %v", h, repo, tag, ok)
	}
}

func TestBuildxAndVariables(t *testing.T) {
	cmds := mustParse(t, `IMAGE=ghcr.io/acme/app
export TAG="${GITHUB_SHA::7}"
docker buildx build --platform linux/amd64,linux/arm64 --push -t $IMAGE:latest -t "$IMAGE:$TAG" .
docker buildx build --output type=image,name=quay.io/a/b,push=true .
docker buildx imagetools create -t ghcr.io/acme/app:multi ghcr.io/acme/app:amd64
docker build -t app .
docker tag app ghcr.io/acme/app:1
docker manifest push ghcr.io/acme/app:1
if [ -n "$X" ]; then docker push ghcr.io/acme/app:1; fi
`, nil)
	want := []struct {
		a    Action
		refs []string
		cond bool
	}{
		{Push, []string{"ghcr.io/acme/app:latest", "ghcr.io/acme/app:${GITHUB_SHA::7}"}, false},
		{Push, []string{"quay.io/a/b"}, false},
		{Push, []string{"ghcr.io/acme/app:multi"}, false},
		{Build, []string{"app"}, false},
		{Tag, []string{"ghcr.io/acme/app:1"}, false},
		{Push, []string{"ghcr.io/acme/app:1"}, false},
		{Push, []string{"ghcr.io/acme/app:1"}, true},
	}
	if len(cmds) != len(want) {
		t.Fatalf("got %d commands, want %d: %+v", len(cmds), len(want), cmds)
	}
	for i, w := range want {
		if cmds[i].Action != w.a || !reflect.DeepEqual(refs(cmds[i]), w.refs) || cmds[i].Conditional != w.cond {
			t.Errorf("cmd %d (%s) = %s %v cond=%v, want %s %v %v", i, cmds[i].Text, cmds[i].Action, refs(cmds[i]), cmds[i].Conditional, w.a, w.refs, w.cond)
		}
	}
	if cmds[0].Refs[0].Literal != true || cmds[0].Refs[1].Literal {
		t.Errorf("literal flags wrong: %+v", cmds[0].Refs)
	}
}

func TestOtherTools(t *testing.T) {
	cmds := mustParse(t, `crane auth login ghcr.io -u me --password-stdin <<< "$TOKEN"
crane copy alpine:3 ghcr.io/acme/alpine:3
skopeo login -u u -p p registry.example.com:5000
skopeo copy --dest-creds "$U:$P" docker-archive:img.tar docker://quay.io/acme/app:1
helm registry login registry-1.docker.io -u u --password-stdin
helm push chart-0.1.0.tgz oci://ghcr.io/acme/charts
ko login ghcr.io -u me --password "$T"
KO_DOCKER_REPO=ghcr.io/acme ko build ./cmd/app
oras push ghcr.io/acme/artifact:v1 file.txt
gcloud auth configure-docker europe-docker.pkg.dev,us-docker.pkg.dev --quiet
gcloud auth configure-docker
az acr login --name MyRegistry
az acr login -n reg --expose-token
echo "$DOCKER_AUTH_CONFIG" > ~/.docker/config.json
`, map[string]string{"KO_DOCKER_REPO": "ghcr.io/acme"})
	type row struct {
		tool  string
		a     Action
		hosts []string
		refs  []string
	}
	var got []row
	for _, c := range cmds {
		got = append(got, row{c.Tool, c.Action, c.Hosts, refs(c)})
	}
	want := []row{
		{"crane", Login, []string{"ghcr.io"}, nil},
		{"crane", Push, nil, []string{"ghcr.io/acme/alpine:3"}},
		{"skopeo", Login, []string{"registry.example.com:5000"}, nil},
		{"skopeo", Push, nil, []string{"quay.io/acme/app:1"}},
		{"helm", Login, []string{"docker.io"}, nil},
		{"helm", Push, nil, []string{"ghcr.io/acme/charts"}},
		{"ko", Login, []string{"ghcr.io"}, nil},
		{"ko", Push, nil, []string{"$KO_DOCKER_REPO"}},
		{"oras", Push, nil, []string{"ghcr.io/acme/artifact:v1"}},
		{"gcloud", CredHelper, []string{"europe-docker.pkg.dev", "us-docker.pkg.dev"}, nil},
		{"gcloud", CredHelper, GCRHosts, nil},
		{"az", CredHelper, []string{"myregistry.azurecr.io"}, nil},
		{"shell", WriteConfig, nil, nil},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got\n%+v\nwant\n%+v", got, want)
	}
	if cmds[0].Stdin == nil || !reflect.DeepEqual(cmds[0].Stdin.Vars, []string{"TOKEN"}) {
		t.Errorf("here-string stdin = %+v", cmds[0].Stdin)
	}
	if cmds[3].Password == nil || cmds[3].Source.Value != "img.tar" {
		t.Errorf("skopeo copy = %+v", cmds[3])
	}
}

func TestSyntaxErrorKeepsOtherLines(t *testing.T) {
	s, err := Parse("x", "docker login ghcr.io -u a -p b\nif then fi (\ndocker push ghcr.io/a/b\n", Options{})
	if err == nil {
		t.Fatal("want a syntax error")
	}
	if len(s.Commands) != 2 || s.Commands[1].Pos.Line != 3 {
		t.Fatalf("fallback commands = %+v", s.Commands)
	}
}

func TestSplitRef(t *testing.T) {
	for _, c := range []struct {
		in, host, repo, tag string
		ok                  bool
	}{
		{"alpine", "docker.io", "library/alpine", "", true},
		{"me/app:1", "docker.io", "me/app", "1", true},
		{"localhost:5000/app:1", "localhost:5000", "app", "1", true},
		{"ghcr.io/Acme/App@sha256:abc", "ghcr.io", "Acme/App", "sha256:abc", true},
		{"$IMAGE", "", "$IMAGE", "", false},
		{"${{ env.REGISTRY }}/app:1", "${{ env.REGISTRY }}", "app", "1", false},
		{"docker://quay.io/a/b", "quay.io", "a/b", "", true},
		{"", "", "", "", false},
	} {
		h, r, tag, ok := SplitRef(c.in)
		if h != c.host || r != c.repo || tag != c.tag || ok != c.ok {
			t.Errorf("SplitRef(%q) = %q %q %q %v, want %q %q %q %v", c.in, h, r, tag, ok, c.host, c.repo, c.tag, c.ok)
		}
	}
}

func TestHostileInput(t *testing.T) {
	big := strings.Repeat("x", MaxScript+1)
	if _, err := Parse("big", big, Options{}); err == nil {
		t.Error("oversized script accepted")
	}
	deep := strings.Repeat("(", 5000) + "docker push a/b" + strings.Repeat(")", 5000)
	s, _ := Parse("deep", deep, Options{})
	_ = s
}

func TestMayHaveCommands(t *testing.T) {
	for _, s := range []string{"docker push a/b", "sudo crane cp a b", "ko build ./cmd", "az acr login -n x", "echo x > ~/.docker/config.json", "aws ecr get-login-password"} {
		if !MayHaveCommands(s) {
			t.Errorf("%q filtered out", s)
		}
		sc, _ := Parse("t", s, Options{})
		if len(sc.Commands) == 0 {
			t.Errorf("%q: no command parsed", s)
		}
	}
	for _, s := range []string{"go test ./...", "make build && npm ci"} {
		if MayHaveCommands(s) {
			t.Errorf("%q not filtered", s)
		}
	}
}

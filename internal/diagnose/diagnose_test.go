package diagnose

import (
	"archive/zip"
	"bytes"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/regdoctor/regdoctor/internal/catalog"
	"github.com/regdoctor/regdoctor/internal/finding"
)

// TestClientLogs runs Explain on our own logs (testdata/logs), one or more
// per client family, written from each client's documented message grammar
// with hosts and names of our own. The file name is <client>-<cause>.log;
// quiet-*.log files must give no finding.
func TestClientLogs(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("testdata", "logs", "*.log"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no test logs: %v", err)
	}
	families := map[string]bool{}
	for _, file := range files {
		base := strings.TrimSuffix(filepath.Base(file), ".log")
		client, want, _ := strings.Cut(base, "-")
		families[client] = true
		t.Run(base, func(t *testing.T) {
			rep := explainFile(t, file)
			if client == "quiet" {
				if len(rep.Findings) != 0 {
					t.Fatalf("want no finding, got %s (%s)", rep.Findings[0].Cause, rep.Findings[0].Message)
				}
				return
			}
			if _, ok := catalog.Get(want); !ok {
				t.Fatalf("file name names unknown cause %q", want)
			}
			if len(rep.Findings) == 0 {
				t.Fatalf("want %s, got no finding", want)
			}
			if got := rep.Findings[0].Cause; got != want {
				var all []string
				for _, f := range rep.Findings {
					all = append(all, f.Cause)
				}
				t.Fatalf("want %s first, got %v (%s)", want, all, rep.Findings[0].Message)
			}
			checkEvidence(t, file, rep.Findings[0])
		})
	}
	for _, fam := range []string{"docker", "buildx", "loginaction", "kaniko", "crane", "skopeo", "podman", "buildah", "regctl", "oras", "helm", "jib", "nerdctl", "containerd"} {
		if !families[fam] {
			t.Errorf("no test log for client family %q", fam)
		}
	}
}

func explainFile(t *testing.T, file string) *finding.Report {
	t.Helper()
	f, err := os.Open(file)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rep, err := Explain(f, Options{})
	if err != nil {
		t.Fatalf("Explain: %v", err)
	}
	return rep
}

// checkEvidence asserts every evidence line number points at an input line
// that holds the evidence text (minus masking and truncation).
func checkEvidence(t *testing.T, file string, f finding.Finding) {
	t.Helper()
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(string(data), "\n")
	if len(f.Evidence) == 0 {
		t.Fatalf("%s: no evidence", f.Cause)
	}
	for _, ev := range f.Evidence {
		if ev.Line < 1 || ev.Line > len(lines) {
			t.Fatalf("evidence line %d out of range", ev.Line)
		}
		if strings.HasPrefix(ev.Text, "(") {
			continue // a context note (login, permissions), not a quoted line
		}
		head := strings.TrimPrefix(ev.Text, "...") // a window of a long line
		if i := strings.Index(head, "***"); i >= 0 {
			head = head[:i]
		}
		if len(head) > 40 {
			head = head[:40]
		}
		if !strings.Contains(lines[ev.Line-1], head) {
			t.Errorf("evidence line %d %q does not hold %q", ev.Line, lines[ev.Line-1], head)
		}
	}
}

func TestExplainFacts(t *testing.T) {
	log := strings.Join([]string{
		"2026-03-02T10:00:01.1000000Z ##[group]GITHUB_TOKEN Permissions",
		"2026-03-02T10:00:01.1000000Z Contents: read",
		"2026-03-02T10:00:01.1000000Z Packages: write",
		"2026-03-02T10:00:01.1000000Z ##[endgroup]",
		"Logging into ghcr.io...",
		"Login Succeeded!",
		"ERROR: failed to push ghcr.io/contoso/portal:1.0: denied: installation not allowed to Write organization package",
	}, "\n")
	rep, err := Explain(strings.NewReader(log), Options{MaxFindings: 2})
	if err != nil {
		t.Fatal(err)
	}
	if len(rep.Findings) != 2 {
		t.Fatalf("want 2 findings (MaxFindings), got %d", len(rep.Findings))
	}
	f := rep.Findings[0]
	if f.Cause != "ghcr-package-actions-access" {
		t.Fatalf("Packages: write must point at the package's Actions access, got %s", f.Cause)
	}
	if f.Registry != "ghcr.io" || f.Repository != "contoso/portal" || f.Platform != "github-actions" {
		t.Errorf("registry/repository/platform = %q %q %q", f.Registry, f.Repository, f.Platform)
	}
	if !strings.Contains(f.Distinguish, "Packages: write") {
		t.Errorf("Distinguish should name the permissions block: %q", f.Distinguish)
	}
	if len(f.Fix) == 0 {
		t.Errorf("no fix")
	}
	if f.Evidence[len(f.Evidence)-1].Line != 7 {
		t.Errorf("evidence should end at line 7: %+v", f.Evidence)
	}
	ctx := strings.Join(rep.Context, "\n")
	for _, want := range []string{"platform: github-actions", "login: ghcr.io", "packages: write"} {
		if !strings.Contains(ctx, want) {
			t.Errorf("context lacks %q:\n%s", want, ctx)
		}
	}
}

func TestExplainRedactsEvidence(t *testing.T) {
	log := "docker login -u bot -p dckr_pat_abcdefghijklmnopqrstuvwxyz registry.example.org\n" +
		"Error response from daemon: Get \"https://registry.example.org/v2/\": unauthorized: incorrect username or password\n"
	rep, err := Explain(strings.NewReader(log), Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range rep.Findings {
		for _, ev := range f.Evidence {
			if strings.Contains(ev.Text, "dckr_pat_") {
				t.Fatalf("secret in evidence: %q", ev.Text)
			}
		}
		if strings.Contains(f.Message, "dckr_pat_") {
			t.Fatalf("secret in message: %q", f.Message)
		}
	}
	if len(rep.Findings) == 0 || rep.Findings[0].Cause != "bad-credentials" {
		t.Fatalf("want bad-credentials, got %+v", rep.Findings)
	}
}

func TestExplainFoldsRepeats(t *testing.T) {
	line := "ERROR: failed to solve: failed to push ghcr.io/contoso/api:2: denied: permission_denied: write_package\n"
	rep, err := Explain(strings.NewReader(strings.Repeat(line, 5)), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if n := len(rep.Findings[0].Evidence); n > 3 {
		t.Fatalf("repeats not folded: %d evidence lines", n)
	}
}

// TestSignatureCauses checks every cause a signature can name is in the catalog.
func TestSignatureCauses(t *testing.T) {
	keywords() // registers the signatures (lazily, on first use)
	f := newFacts()
	for _, s := range allSigs {
		for _, op := range []string{"", opPush, opPull, opLogin} {
			h := &hit{sig: s, lines: []int{1}, texts: []string{""}, m: make([]string, 8), op: op, host: "example.org"}
			for _, c := range s.rank(h, f) {
				if _, ok := catalog.Get(c.cause); !ok {
					t.Errorf("signature %s names unknown cause %q", s.id, c.cause)
				}
			}
		}
	}
}

func TestLoginHostArg(t *testing.T) {
	for args, want := range map[string]string{
		"":                                      "docker.io",
		" -u bot --password-stdin ghcr.io":      "ghcr.io",
		` -u "$USER" -p "$PASS" "$CI_REGISTRY"`: "",
		" --username AWS --password-stdin 1234.dkr.ecr.eu-west-1.amazonaws.com": "1234.dkr.ecr.eu-west-1.amazonaws.com",
		" -u _json_key --password-stdin https://eu.gcr.io":                      "eu.gcr.io",
		" registry.example.org:5000 -u x":                                       "registry.example.org:5000",
		" --username=bot quay.io":                                               "quay.io",
		" -u bot -p *** ***":                                                    "",
	} {
		if got := loginHostArg(args); got != want {
			t.Errorf("loginHostArg(%q) = %q, want %q", args, got, want)
		}
	}
}

// TestGcloudConfigureDockerFlags: flags before the hosts of
// `gcloud auth configure-docker` are not hosts (a --quiet taken for the login
// host made every Artifact Registry refusal look like login-wrong-host).
func TestGcloudConfigureDockerFlags(t *testing.T) {
	log := strings.Join([]string{
		"Run gcloud auth configure-docker --quiet europe-west1-docker.pkg.dev,us-docker.pkg.dev",
		"Adding credentials for: europe-west1-docker.pkg.dev,us-docker.pkg.dev",
		"The push refers to repository [europe-west1-docker.pkg.dev/acme-prj/apps/api]",
		`denied: Permission "artifactregistry.repositories.uploadArtifacts" denied on resource "projects/acme-prj/locations/europe-west1/repositories/apps" (or it may not exist)`,
	}, "\n")
	rep, err := Explain(strings.NewReader(log), Options{})
	if err != nil {
		t.Fatal(err)
	}
	ctx := strings.Join(rep.Context, "\n")
	if !strings.Contains(ctx, "europe-west1-docker.pkg.dev") || strings.Contains(ctx, "--quiet") {
		t.Errorf("login hosts in context:\n%s", ctx)
	}
	if len(rep.Findings) == 0 || rep.Findings[0].Cause != "cloud-iam-denied" {
		var got []string
		for _, f := range rep.Findings {
			got = append(got, f.Cause)
		}
		t.Fatalf("want cloud-iam-denied first, got %v", got)
	}
}

// TestExplainZipArchive reads a GitHub-style log archive (one entry per job
// step) and names the entry in the evidence.
func TestExplainZipArchive(t *testing.T) {
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for name, body := range map[string]string{
		"build/1_Set up job.txt":     "2026-03-02T10:00:01.0000000Z Current runner version: '2.321.0'\n",
		"build/4_Build and push.txt": "2026-03-02T10:01:01.0000000Z #9 pushing layers\n2026-03-02T10:01:02.0000000Z ERROR: failed to push ghcr.io/contoso/api:3: denied: permission_denied: write_package\n",
	} {
		w, err := zw.Create(name)
		if err != nil {
			t.Fatal(err)
		}
		io.WriteString(w, body)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	rep, err := Explain(bytes.NewReader(buf.Bytes()), Options{})
	if err != nil {
		t.Fatal(err)
	}
	// write_package without "installation not allowed" and without a
	// permissions block: the package's Actions access (sig_authz.go).
	if len(rep.Findings) == 0 || rep.Findings[0].Cause != "ghcr-package-actions-access" {
		t.Fatalf("got %+v", rep.Findings)
	}
	ev := rep.Findings[0].Evidence[0]
	if ev.Line != 2 || !strings.HasPrefix(ev.Text, "[build/4_Build and push.txt] ") {
		t.Errorf("evidence %+v should be line 2 of the step's entry", ev)
	}
}

// TestMessageGrammar checks single client messages, each written from the
// client's documented wording with our own hosts and names.
func TestMessageGrammar(t *testing.T) {
	checkFirstCause(t, map[string]string{
		`Error response from daemon: Get "https://ghcr.io/v2/": unauthorized`:                                                                                                                                                  "bad-credentials",
		`Error: failed to do request: Head "https://public.ecr.aws/v2/northwind/base/manifests/1": 400 Bad Request`:                                                                                                            "token-expired",
		`failed to resolve reference "public.ecr.aws/northwind/base:1": unexpected status from HEAD request to https://public.ecr.aws/v2/northwind/base/manifests/1: 400 Bad Request`:                                          "token-expired",
		`blob upload unknown: blob upload unknown to registry`:                                                                                                                                                                 "registry-fault",
		`Error response from daemon: Get "https://registry.int.example/v2/": remote error: tls: bad certificate`:                                                                                                               "tls-untrusted",
		`Error response from daemon: login attempt to https://registry-1.docker.io/v2/ failed with status: 429 Too Many Requests`:                                                                                              "rate-limited",
		`toomanyrequests: too many failed login attempts for username or IP address`:                                                                                                                                           "rate-limited",
		`Error: writing blob: initiating layer upload to /v2/ops/tool/blobs/uploads/ in registry.lab.example: unauthorized: authentication required`:                                                                           "no-login",
		`error pulling image configuration: download failed after attempts=6: dial tcp 104.16.0.1:443: i/o timeout`:                                                                                                            "registry-unreachable",
		`Error response from daemon: Get "https://harbor.lab.example/v2/": x509: certificate has expired or is not yet valid: current time 2026-03-02T10:00:00Z is after 2026-01-01T00:00:00Z`:                                 "tls-untrusted",
		`denied: Your authorization token has expired. Reauthenticate and try again.`:                                                                                                                                          "token-expired",
		`Error: short-name "toolbox" did not resolve to an alias and no unqualified-search registries are defined in "/etc/containers/registries.conf"`:                                                                        "missing-registry-host",
		`Error saving credentials: error storing credentials - err: exec: "docker-credential-desktop": executable file not found in $PATH, out: ` + "``":                                                                       "credential-store-error",
		`Cannot connect to the Docker daemon at unix:///var/run/docker.sock. Is the docker daemon running?`:                                                                                                                    "daemon-unreachable",
		`denied: Permission "artifactregistry.repositories.uploadArtifacts" denied on resource "projects/acme/locations/us/repositories/apps" (or it may not exist)`:                                                           "cloud-iam-denied",
		`unauthorized: unauthorized to access repository: platform/api, action: push: unauthorized to access repository: platform/api, action: push`:                                                                           "insufficient-role",
		`name unknown: repository name not known to registry`:                                                                                                                                                                  "repo-not-found",
		`Error response from daemon: manifest for registry.example.org/team/api:9.9 not found: manifest unknown: manifest unknown`:                                                                                             "manifest-unknown",
		`missing content-length header for request: https://registry.example.org/v2/team/api/blobs/sha256:0a1b2c3d4e5f`:                                                                                                        "registry-fault",
		`Error response from daemon: login attempt to https://registry.example.org/v2/ failed with status: 401 Unauthorized`:                                                                                                   "bad-credentials",
		`Error: writing blob: Requesting bearer token: invalid status code from registry 401 (Unauthorized)`:                                                                                                                   "no-login",
		`Error: Status 502 trying to push repository team/api: "<html><body>502 Bad Gateway</body></html>"`:                                                                                                                    "registry-fault",
		`(HTTP code 500) server error - {"message":"Get https://registry.example.org/v2/: dial tcp: lookup registry.example.org on 10.0.0.2:53: server misbehaving"}`:                                                          "registry-unreachable",
		`Error: initializing source docker://registry.vendor.example/tools/cli:2: unable to retrieve auth token: invalid username/password: unauthorized: Please login to the Vendor Registry using your account credentials.`: "no-login",
		`[ERROR] {"errors":[{"code":"UNAUTHORIZED","message":"authentication required"}]}`:                                                                                                                                     "no-login",
		`Error response from daemon: pull access denied for webapp, repository does not exist or may require 'docker login'`:                                                                                                   "manifest-unknown",
		`error from registry: blob unknown to registry - sha256:0a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f9`:                                                                                              "registry-fault",
		`Get https://registry.example.org/v2/: http: non-successful response (status=401 body="Not Authorized\n")`:                                                                                                             "no-login",
		"Build Failed. No push access to specified image repository. Check your `--default-repo` value or try `docker login`.":                                                                                                 "no-login",
		`Error: Status 429 trying to pull repository team/api: "<html><title>429 Too Many Requests</title></html>"`:                                                                                                            "rate-limited",
		`WARNING: Download from https://index.docker.io/v2/node/manifests/20 failed: class com.google.devtools.build.lib.bazel.repository.downloader.UnrecoverableHttpException GET returned 401 Unauthorized`:                 "manifest-unknown",
		`time="2026-03-02T08:41:17Z" level=fatal msg="Error authenticating: exit status 1"`:                                                                                                                                    "bad-credentials",
		`#6 ERROR: failed commit on ref "config-sha256:bed2be5d8b85": unexpected status: 404 Not Found`:                                                                                                                        "repo-not-found",
		`#12 ERROR: unexpected status: 400 Bad Request`:                                                                                                                                                                        "invalid-reference",
		`creating push check transport for harbor.example.org failed: Get "https:/harbor.example.org/service/token?scope=repository%3Ateam%2Fapi%3Apush%2Cpull&service=harbor-registry": http: no Host in request URL`:         "registry-fault",
		`Failed to pull image "registry.example.org/team/api:1": [rpc error: code = Unknown desc = Error response from daemon: Get https://registry.example.org/v2/team/api/manifests/1: received unexpected HTTP status: 500 Internal Server Error, rpc error: code = Unknown desc = Error response from daemon: Get https://registry.example.org/v2/team/api/manifests/1: unauthorized: authentication required]`: "no-login",
		`Error response from daemon: pull access denied for acmecorp/webapp, repository does not exist or may require 'docker login': denied: requested access to the resource is denied`:                                                                                                                                                                                                                           "manifest-unknown",
		`Error: failed to perform "FetchReference" on source: ghcr.io/team/charts/api:1.0.0: not found`:                                                               "manifest-unknown",
		`Error: failed to authorize: failed to fetch oauth token: unable to decode token response: invalid character '<' looking for beginning of value`:              "registry-fault",
		`Error: could not download oci://registry-1.docker.io/team/api/api: failed to authorize: failed to fetch anonymous token: unexpected status: 400 Bad Request`: "invalid-reference",
		`Email: EOF`: "empty-credential",
		`Post https://registry-1.docker.io/v2/team/api/blobs/uploads/: token auth attempt for registry: https://auth.docker.io/token?account=ci-bot&scope=repository%3Ateam%2Fapi%3Apush%2Cpull&service=registry.docker.io request failed with status: 401 Unauthorized`: "bad-credentials",
		`Error: unexpected status from HEAD request to https://ghcr.io/v2/team/charts/api/manifests/1.0.0: 403 Forbidden`:                                                                                                                                                "no-login",
		`Error: failed to do request: Post "https://123456789012.dkr.ecr.eu-west-1.amazonaws.com/v2/team/api/blobs/uploads/": EOF`:                                                                                                                                       "cloud-iam-denied",
		`docker: error pulling image configuration: download failed after attempts=1: unauthorized: unauthenticated: User cannot be authenticated with the token provided.`:                                                                                              "registry-fault",
		`unknown: The repository 'team/api' does not exist`:                                                                                                              "repo-not-found",
		"$ helm pull oci://registry.lab.example/charts/api --version 1.2.0\n401 Unauthorized":                                                                            "no-login",
		"The push refers to repository [registry.lab.example/team/api]\n3c1d9e0a7b21: Retrying in 1 second\nEOF":                                                         "registry-unreachable",
		"Registry credentials not provided. Guest mode enabled.\nThe push refers to repository [docker.io/team/api]\ndenied: requested access to the resource is denied": "empty-credential",
		"cat <<EOF\nEOF": "",
		`error pushing image: failed to push to destination registry.lab.example/team/api:1.0: PUT https://registry.lab.example/v2/team/api/manifests/1.0: MANIFEST_INVALID: manifest invalid; map[]`: "client-bug",
		`error pushing image: failed to push to destination registry.lab.example/team/api:1.0: MANIFEST_INVALID: manifest invalid; map[description:HTTP 403 Forbidden]`:                               "tag-immutable-or-protected",
		`E/AndroidRuntime: manifest invalid for package com.example.app`: "",
		"crane auth login registry.docker.io -u teambot --password-stdin\nError: POST https://index.docker.io/v2/teambot/api/blobs/uploads/: UNAUTHORIZED: authentication required; [map[Action:push Class: Name:teambot/api Type:repository]]": "login-wrong-host",
		// heldout5a: a 404 from the token endpoint is the token service's, not a credential verdict.
		`#9 ERROR: failed to push europe-west1-docker.pkg.dev/acme-prj/apps/api:7: failed to authorize: failed to fetch oauth token: unexpected status: 404 Not Found`: "registry-fault",
		// heldout5a: gcloud's docker credential helper speaks for itself.
		`ERROR: (gcloud.auth.docker-helper) Failed to load credential file: [/home/runner/work/api/api/gha-creds-0a1b2c3d.json].`: "credential-store-error",
		`ERROR: (gcloud.auth.docker-helper) There was a problem refreshing your current auth tokens: Reauthentication failed.`:    "token-expired",
		// fix19: the helper ran and failed (pooled h17e-012, h17e-013, h19f-011 label it credential-store-error).
		`ERROR: (gcloud.auth.docker-helper) You do not currently have an active account selected.`: "credential-store-error",
		// heldout5a: a reference that is only a registry host went to Docker Hub as a repository name; a dotted Hub name is not a host.
		`Error response from daemon: pull access denied for 123456789012.dkr.ecr.us-east-2.amazonaws.com, repository does not exist or may require 'docker login'`: "missing-registry-host",
		`Error response from daemon: pull access denied for socket.io, repository does not exist or may require 'docker login'`:                                    "manifest-unknown",
		// heldout5a: an annotation below error does not fail the step; an error annotation does.
		"2021-06-29T10:52:23.0610726Z ##[warning]docker: invalid reference format.": "",
		"##[notice]denied: requested access to the resource is denied":              "",
		"##[error]docker: invalid reference format.":                                "empty-reference-variable",
		// heldout5a: the runner's own login for job/service container credentials.
		"##[error]Docker login for '' failed with exit code 1":                                       "empty-credential",
		"Docker login for '210987654321.dkr.ecr.eu-central-1.amazonaws.com' failed with exit code 1": "empty-credential",
		"Docker login for 'registry.corp.example' failed with exit code 1":                           "bad-credentials",
		// heldout5a: the Go module proxy is not a registry, even for a module path with /v2/ in it.
		`go: github.com/urfave/cli/v2@v2.27.1: Get "https://proxy.golang.org/github.com/urfave/cli/v2/@v/v2.27.1.mod": x509: certificate signed by unknown authority`: "",
	})
}

// Signature ids name a reading in evidence folding and in test failures: two
// signatures with one id would be folded and reported as one.
func TestSignatureIDsUnique(t *testing.T) {
	keywords() // registers the signatures
	if len(allSigs) == 0 {
		t.Fatal("no signature registered")
	}
	seen := map[string]bool{}
	for _, s := range allSigs {
		if seen[s.id] {
			t.Errorf("signature id %q is registered twice", s.id)
		}
		seen[s.id] = true
	}
}

// checkFirstCause explains each message (one log, lines joined by "\n") and
// wants the first finding's cause ("" = no finding): the message-grammar
// tables' check.
func checkFirstCause(t *testing.T, cases map[string]string) {
	t.Helper()
	for msg, want := range cases {
		rep, err := Explain(strings.NewReader(msg+"\n"), Options{})
		if err != nil {
			t.Fatal(err)
		}
		got := ""
		if len(rep.Findings) > 0 {
			got = rep.Findings[0].Cause
		}
		if got != want {
			t.Errorf("%s\n  got %q, want %q", msg, got, want)
		}
	}
}

// checkFirstMessage explains each log (lines joined by "\n") and wants a
// finding whose first message holds the given text: the tables that check
// what a finding names (the operation, the registry, the repository).
func checkFirstMessage(t *testing.T, cases map[string]string) {
	t.Helper()
	for log, want := range cases {
		rep, err := Explain(strings.NewReader(log+"\n"), Options{})
		if err != nil {
			t.Fatal(err)
		}
		if len(rep.Findings) == 0 {
			t.Errorf("%s\n  no finding", log)
			continue
		}
		if msg := rep.Findings[0].Message; !strings.Contains(msg, want) {
			t.Errorf("%s\n  message %q does not say %q", log, msg, want)
		}
	}
}

package diagnose

import (
	"fmt"
	"strings"
)

// Shapes from the eighth held-out batch, part c (GitHub Actions): GCR's answer
// to a JSON password that is no service-account key, the ECR Public API
// named in a region it is not served from, containerd's request that could
// not be replayed after an auth challenge, and the GitHub-hosted runner's
// own Docker Hub credential refused during a Docker Hub incident
// (runnerHubCredCand). Lines printed as a Python bytes/str repr are read
// without the repr's quotes (stripReprTail).

func init() { sigGroups = append(sigGroups, sigsH8c) }

// ecrPublicAPIPat is the ECR Public API endpoint named in a failed call:
// the AWS SDK for JavaScript (amazon-ecr-login: "getaddrinfo ENOTFOUND
// api.ecr-public.REGION.amazonaws.com"), the AWS CLI ("Could not connect to
// the endpoint URL: \"https://api.ecr-public.REGION.amazonaws.com/\"") and
// tools that check the endpoint first ("Inaccessible host:
// `api.ecr-public.REGION.amazonaws.com'"). Group 1 is the region.
const ecrPublicAPIPat = `(?:ENOTFOUND|Could not connect to the endpoint URL:?|Inaccessible host:?)\s*["'` + "`" + `]?(?:https://)?api\.ecr-public\.([a-z]{2}(?:-gov)?-[a-z]+-\d)\.amazonaws\.com`

func sigsH8c() {
	register(
		&signature{
			id: "json-key-not-service-account",
			// GCR and Artifact Registry take a service-account key as the
			// password of the user _json_key and answer the login when it is
			// not one: "unknown: Unable to parse json key." (not JSON as
			// given: still base64-encoded, quoted or cut by the way the
			// secret was stored or echoed) and "unknown: Missing
			// \"client_email\" in json key." (JSON, but no service-account
			// key: a workload identity federation credential configuration,
			// an OAuth client file). The key format:
			// cloud.google.com/artifact-registry/docs/docker/authentication#json-key.
			keys: []string{`missing "client_email"`, "unable to parse json key"},
			re:   lazyRe(`(?i)(?:Missing "client_email" in json key|Unable to parse json key)`),
			rank: func(h *hit, f *facts) []cand {
				if strings.Contains(h.low, "unable to parse json key") {
					return []cand{
						c("bad-credentials", 0.82, "The registry could not read the _json_key password as JSON: the service-account key reached the login altered (still base64-encoded, wrapped in extra quotes, or cut at a newline by echo). Pass the key file's content unchanged, e.g. `docker login -u _json_key --password-stdin < key.json`, or decode it first."),
						c("empty-credential", 0.35, "")}
				}
				return []cand{
					c("bad-credentials", 0.82, "The registry read the password as a service-account JSON key and found no client_email in it: the JSON given is another kind of credential (a workload identity federation configuration from google-github-actions/auth, an OAuth client file). Give a service-account key, or log in as oauth2accesstoken with an access token (token_format: access_token)."),
					c("client-bug", 0.32, "")}
			},
			tell: func(h *hit, f *facts) string {
				return "A service-account key is JSON with \"type\": \"service_account\" and a client_email; a credential configuration from workload identity federation has \"type\": \"external_account\" and no key: it cannot be the _json_key password."
			},
		},
		&signature{
			id: "ecr-public-api-region",
			// ECR Public's API (GetAuthorizationToken for public.ecr.aws) is
			// served only in us-east-1 (docs.aws.amazon.com/AmazonECR/latest/public/public-registries.html#public-registry-auth):
			// a login step configured for another region calls an endpoint
			// that does not exist (ENOTFOUND), or the AWS CLI says the
			// command "is only supported in us-east-1".
			keys: []string{"api.ecr-public.", "only supported in us-east-1"},
			re:   lazyRe(`(?i)(?:` + ecrPublicAPIPat + `|GetAuthorizationToken command is only supported in us-east-1)`),
			rank: func(h *hit, f *facts) []cand {
				region := "" // the CLI's "only supported in us-east-1" names none
				if len(h.m) > 1 {
					region = strings.ToLower(h.m[1])
				}
				if region == "us-east-1" {
					return []cand{
						c("registry-unreachable", 0.8, "The ECR Public API endpoint in us-east-1 could not be reached from the runner (DNS or network)."),
						c("registry-fault", 0.3, "")}
				}
				where := "another region"
				if region != "" {
					where = region
				}
				return []cand{
					c("login-wrong-host", 0.84, fmt.Sprintf("The ECR Public login called the API in %s; ECR Public (public.ecr.aws) is logged into only through us-east-1. Set the region of the login step (aws-region of configure-aws-credentials, or --region us-east-1) to us-east-1 for registry-type: public.", where)),
					c("registry-unreachable", 0.4, "")}
			},
		},
		&signature{
			id: "request-body-not-replayable",
			// containerd's pusher (BuildKit, buildx, nerdctl) streams a
			// layer or manifest; when the registry answers the request with
			// a challenge or redirect that asks for it again, the body
			// cannot be sent twice: "failed commit on ref …: cannot reuse
			// body, request must be retried" (remotes/docker/resolver.go).
			// GHCR did so to unchanged workflows for weeks in 2022
			// (build-push-action#626); BuildKit has also shown it in place
			// of a 401 for a push without a credential (moby/buildkit#2438).
			keys: []string{"cannot reuse body"},
			re:   lazyRe(`(?i)cannot reuse body, request must be retried`),
			rank: func(h *hit, f *facts) []cand {
				if state, l := f.loginState(h.line(), h.host); state == "same" && l.OK {
					return []cand{
						c("registry-fault", 0.72, fmt.Sprintf("The registry asked for a streamed request to be sent again (a challenge or redirect mid-upload) although the login at line %d gave the client a credential: a registry-side behaviour, usually transient. Re-run; if it persists, push with a single-platform build or another client version.", l.Line), loginEv(l)),
						c("client-bug", 0.4, "")}
				}
				return []cand{
					c("registry-fault", 0.6, "The registry asked for a streamed upload to be sent again (a challenge or redirect mid-request) and the client could not replay it: registries have done this to unchanged workflows during incidents (GHCR, 2022). Re-run first."),
					c("no-login", 0.5, "BuildKit has shown this error in place of the registry's 401 when the push carried no credential: check that a login for this registry ran in the same job."),
					c("client-bug", 0.35, "")}
			},
		},
	)
}

// runnerHubCredCand returns registry-fault for a Docker Hub pull whose
// credential was refused in a GitHub Actions job that did not log in to
// Docker Hub itself: GitHub-hosted runners carry GitHub's own Docker Hub
// credential (docker info: "Username: githubactions") and the daemon sends
// it for every docker.io pull, so a refusal of it ("incorrect username or
// password", an oauth token request answered 401) is not the workflow's
// secret: Docker Hub incidents refused it for everyone (2024-09-27,
// dockerstatus.com). A login to Docker Hub in the log, a push or a login
// step keep the ordinary reading.
func runnerHubCredCand(h *hit, f *facts, cs []cand) (cand, bool) {
	if f.platform != "github-actions" || h.host != "docker.io" || h.op == opPush || h.op == opLogin || len(cs) == 0 {
		return cand{}, false
	}
	top := strongest(cs)
	if top.cause != "bad-credentials" {
		return cand{}, false
	}
	if state, _ := f.loginState(h.line(), "docker.io"); state == "same" {
		return cand{}, false
	}
	return c("registry-fault", top.w+0.04, "Docker Hub refused the credential of a pull in a job that never logged in to Docker Hub: on GitHub-hosted runners that credential is the runner's own (GitHub's Docker Hub account), not a secret of this workflow, and Docker Hub incidents have refused it for every job (dockerstatus.com). Re-run later; logging in with your own Docker Hub token avoids the shared credential."), true
}

// A line printed as a Python bytes or str repr (a script that prints a
// subprocess's captured output: b'Get "https://…": unauthorized\n') ends
// in an escaped newline and a quote, so messages anchored at the line end
// miss it. The line's key pass marks kReprTail; prepare then reads the
// line without the repr's quotes (stripReprTail).
var kReprTail = []*auxKey{textKey(`\n'`), textKey(`\n"`)}

// stripReprTail returns s without a trailing repr newline and quote
// (`\n'` or `\n"`, then spaces) and, when the quote closes one, the
// opening b' / b" / ' / "; s unchanged when it does not end so.
func stripReprTail(s string) string {
	t := strings.TrimRight(s, " \t\r")
	if len(t) < 3 || t[len(t)-3] != '\\' || t[len(t)-2] != 'n' {
		return s
	}
	q := t[len(t)-1]
	if q != '\'' && q != '"' {
		return s
	}
	t = t[:len(t)-3]
	lead := len(t) - len(strings.TrimLeft(t, " \t"))
	body := t[lead:]
	switch {
	case len(body) >= 2 && (body[0] == 'b' || body[0] == 'B') && body[1] == q:
		body = body[2:]
	case len(body) >= 1 && body[0] == q:
		body = body[1:]
	}
	return t[:lead] + body
}

// kPRTag marks a line naming an image tag "pr-…" (pushesPRTag).
var kPRTag = lowKey(":pr-")

// pushesPRTag reports whether low (a lowercased line) pushes an image tag
// "pr-N": docker/metadata-action's tag for pull_request events
// (type=ref,event=pr, on by default: github.com/docker/metadata-action#tags-input),
// which a workflow pushes only when it runs for a pull request. The
// checkout's refs/pull/N/merge line says the same when the excerpt has it.
func pushesPRTag(low string) bool {
	if !strings.Contains(low, "push") {
		return false
	}
	for from := 0; ; {
		i := strings.Index(low[from:], ":pr-")
		if i < 0 {
			return false
		}
		j := from + i + len(":pr-")
		k := j
		for k < len(low) && low[k] >= '0' && low[k] <= '9' {
			k++
		}
		if k > j && (k == len(low) || strings.IndexByte(":@ \t\"',", low[k]) >= 0) {
			return true
		}
		from = j
	}
}

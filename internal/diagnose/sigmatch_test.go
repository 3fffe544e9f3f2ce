package diagnose

import (
	"reflect"
	"strings"
	"testing"
)

// sigMatchCases exercise the hand matchers' edge cases.
var sigMatchCases = []string{
	`Error: short-name "orbit" did not resolve to an alias`, `short-name resolution enforced but cannot prompt without a TTY`, `short-name "a"b" did not resolve`,
	`short-name "unterminated did not resolve`, `short-name  "x" did not resolve`, `short-name "" did not resolve short-name resolution enforced`,
	`SHORT-NAME "X" DID NOT RESOLVEx`, `short-name x short-name "y" did not resolve`, `short-namE resolution enforce`, "short-name \"a\tb\" did not resolve",
	"Username: EOF", "Username: Error: EOF", "username: error: eo", "Username: Error: x Username: EOF", "Please login prior to pushing", "please login prior to pul",
	"Error: Cannot perform an interactive login. reading password: inappropriate ioctl for device", "reading password: inappropriate ioctl", "Username:EOF",
	"invalid reference format: repository name must be lowercase", "docker: invalid reference format.", "invalid tag \"a b\": invalid reference format",
	"x is not a valid repository/tag", "invalid reference formatx", "INVALID REFERENCE FORMAT", "invalid reference \"x\", tag y",
	`Post "https://1.dkr.ecr.us-east-1.amazonaws.com/v2/a/blobs/uploads/": EOF`,
	`Post "https://1.dkr.ecr.us-east-1.amazonaws.com/v2/a/blobs/uploads/": EOF  ` + "\t",
	`Post https://1.dkr.ecr.x: EOF`,
	`"https://.dkr.ecr.x": EOF`,
	`https://a.dkr.ecr.": EOF`,
	`https://a.dkr.ecr.": EOFx`,
	`https://a.dkr.ecr.b: EOF`,
	`https://a.dkr.ecr.: EOF`,
	`x"https://https://a.dkr.ecr.b": EOF`,
	`""https://a.dkr.ecr.b": EOF`,
	`https://a https://b.dkr.ecr.c: EOF`,
	`https://b.dkr.ecr.c : EOF`,
	`https://.dkr.ecr..dkr.ecr.c: EOF`,
	`https://a.dkr.ecr.b.dkr.ecr.: EOF`,
	`: EOF`,
	"https://\xff.dkr.ecr.\xfe: EOF",
	"aws ecr get-login-password --region us-east-1 | docker login",
	"AWS_ACCOUNT_ID=1 AWS_DEFAULT_REGION=eu-west-2",
	"aws-region: \"us-gov-west-1\" AWS_REGION:ap-south-1",
	"aws-region:us-gov-1 aws-region: us-gov-west-1x aws-region: us-gov-west-12",
	"Aws_Region=EU-CENTRAL-1x --REGION=us-east-1",
	"--region  us-east-1 --region=\"eu-west-1\" --region \t x",
	"AWS_DEFAULT_region=ab-c-1_ AWS_DEFAULT_REGION= \"ab-cd-9.",
	"aws_default_REGION:\t\tme-south-1",
	"aws_default_ aws_region--region eu-north-1",
	"--region=us-east-1", "--region", "--region=", "--region=u", "--region=us-", "--region=us-gov-", "--region=us-gov-x-",
	"  registry: ghcr.io", "\tusername:", " password:  x y", " ecr:auto\n", " logout: true\nx", "registry: x", "  registryx: y", "  registry:\n  z",
	"  Registry: x", " \u00a0username: y", " username:\x00",
	"latest: digest: sha256:0123456789abcdef0123 size: 1234", "a b: digest: sha256:0123456789ab size: 1",
	": digest: sha256:0123456789ab size: 1", "x: digest: sha256:0123456789a size: 1", "x:: digest: sha256:0123456789abcdef size: x",
	"x: digest: sha256:0123456789ABcdef size: 9", "\tx: digest: sha256:0123456789abcdef size: 9",
	"Pushed ghcr.io/a/b@sha256:00", "Pushed @sha256: Pushed a@b@sha256:", "Pushed a b@sha256: Pushed c@sha256:", "Pushed  x@sha256:", "Pushed x@sha25",
	"/v2/a/b/manifests/1", "/v2/a/blobs/uploads/", "/v2/a/blobs/uploadsX/", "/v2/a/blobs", "/v2//tags/list", "/v2/a/manifestsx/v2/b/tags",
	"/v2/a\n/blobs/x /v2/b/blobs/y", "/v2/v2/blobs/blobs/", "/v2/x/tags", "/v2/",
	"docker login -u octo --password-stdin ghcr.io", "--username=bot x -u -u=me", "-u--username a -uu -u _x -u y\t", "-u a$ -u b",
	"docker login --username $USER -u real.user-1", "--username  x --username=y.z-w", "-u=a\xffb -u c",
	"ghcr.io/a/b:1: error getting credentials - err: exit status 1",
	"ERROR: failed to solve: docker.io/library/alpine:3: error getting credentials", "failed to solve: failed to solve: a:b: error getting credentials",
	"x a:b: error getting credentials", "A:b: error getting credentials", "a:: error getting credentials", "a/b:c.d-e: error getting credentialsX",
	"Error reading manifest 1.0 in ghcr.io/a/b: manifest unknown", "reading manifest x in a:b:", "READING MANIFEST x IN y: z",
	"reading manifest  x in y: ", "reading manifest x in y:z: reading manifest a in b:\tc reading manifest c in d:",
	"Error response from daemon: manifest for acme/app:latest not found: manifest unknown: manifest unknown",
	"manifest for  not found manifest unknown", "MANIFEST FOR x NOT FOUNDx", "manifest for x\tnot found", "manifest for x not foun",
	"failed to resolve reference \"a:b\": x: not found manifest for y not found", "Error: not found: manifest unknown",
	"error getting credentials - err: exit status 1", "ERROR SAVING CREDENTIALS: x", "error storing credential", "docker-credential-pass not installed error erasing credentials",
	"Error: Cannot perform an interactive login from a non TTY device", "must provide --username with --password-stdi flag needs an argument: 'u'",
	"#5 [auth] acme/app:pull,push token for ghcr.io", "[auth] a:b:push token for x [auth] c:push token for d",
	"[auth] a:pushx token for ", "[auth] a:,push, token for  y", "[auth] a: push token for y", "[auth] :push token for y",
	"[auth] a b:push token for y", "[auth] a:pul token for y [auth] b:xpushy token for z\tw", "[auth] a:push token forx",
	"EOF", "  EOF  ", "\tEOF\r", "\vEOF", "EOF\n", "xEOF", "eof", "EOF EOF", "\u00a0EOF", "Post https://x/v2/: EOF", "EOF\u017f",
	"reading manifest x in y:x\u017f", "reading manifest x\tin y: ", "reading manifest x in : y", "reading manifest x in y",
	"Repository does not exist: newtest/widget-hello", "repository does not exist: ", "REPOSITORY DOES NOT EXIST: A\tB",
	"ERROR: name unknown: repository name not known to registry", "xNAME_UNKNOWN", "project  not found project a/b not found",
	"project a not foundx project b not found", "unknown: The repository x/y does not exist", "unknown: The repository  x does not exist",
	"xunknown: The repository x does not exist unknown: the repository abc does not existent does not exist.",
	"unknown: the repository a" + strings.Repeat("b", 199) + " does not exist", "unknown: the repository a" + strings.Repeat("b", 200) + " does not exist", "unknown: the repository a" + strings.Repeat("b", 201) + " does not exist",
	"unknown: the repository a\nb does not exist", "unknown: the repository a does not exist\u212a", "unknown: the repository a does not exis\u212a",
	"_unknown: repository a not found; unknown: artifact p/n@sha256:00 not found", "unknown: repository a not founds unknown: artifact b not found_",
	"unknown: repository  not found", "Unknown: Repository does not exist: r", "repository name not known to registr",
}

// checkSigMatchers compares the hand matchers with their regexps on line,
// and findIndex with the regexp for every signature (all) or for those
// with a hand matcher or shortcut.
func checkSigMatchers(t *testing.T, line string, all bool) {
	t.Helper()
	low := strings.ToLower(line)
	for _, s := range allSigs {
		if !all && s.match == nil && s.shortcut == nil && s.matchASCII == nil {
			continue
		}
		if got, want := s.findIndex(line, low, isASCII(line)), s.re.FindStringSubmatchIndex(line); !reflect.DeepEqual(got, want) {
			t.Fatalf("signature %s on %q: hand matcher %v, regexp %v", s.id, line, got, want)
		}
	}
	if got, want := matchWithInput(line), withInputRe.FindStringSubmatch(line); !reflect.DeepEqual(got, want) {
		t.Fatalf("login-action input on %q: %q, regexp %q", line, got, want)
	}
	if got, want := matchPushDigest(line), pushDigestRe.MatchString(line); got != want {
		t.Fatalf("push digest on %q: %v, regexp %v", line, got, want)
	}
	if got, want := matchBuildKitAuth(line), buildkitAuthRe.FindStringSubmatch(line); !reflect.DeepEqual(got, want) {
		t.Fatalf("buildkit auth on %q: %q, regexp %q", line, got, want)
	}
	if got, want := matchKanikoPushed(line), kanikoPushed.FindStringSubmatch(line); !reflect.DeepEqual(got, want) {
		t.Fatalf("kaniko pushed on %q: %q, regexp %q", line, got, want)
	}
	if got, want := matchV2Path(line), v2Path.FindStringSubmatch(line); !reflect.DeepEqual(got, want) {
		t.Fatalf("/v2/ path on %q: %q, regexp %q", line, got, want)
	}
	if got, want := mayErrGettingCreds(line), errGettingCredsRe.MatchString(line); !got && want {
		t.Fatalf("error getting credentials on %q: ruled out, but the regexp matches", line)
	}
	if isASCII(line) {
		if got, want := matchAWSRegionASCII(line, strings.ToLower(line)), awsRegionRe.FindStringSubmatch(line); !reflect.DeepEqual(got, want) {
			t.Fatalf("AWS region on %q: %q, regexp %q", line, got, want)
		}
	}
}

func TestSigMatchersAgreeWithRegexps(t *testing.T) {
	keywords()
	found, hand := 0, 0
	for _, s := range allSigs {
		if s.match != nil {
			hand++
		}
	}
	for _, s := range allSigs {
		if s.shortcut != nil {
			hand++
		}
	}
	if hand != len(sigMatchers)+len(sigShortcuts) {
		t.Fatalf("%d signatures have a hand matcher, sigMatchers has %d: an id is wrong", hand, len(sigMatchers))
	}
	for id := range sigASCIIMatchers {
		ok := false
		for _, s := range allSigs {
			ok = ok || (s.id == id && s.matchASCII != nil)
		}
		if !ok {
			t.Fatalf("sigASCIIMatchers[%q]: no such signature, or its regexp changed: bring the hand matcher along (or drop it)", id)
		}
	}
	for _, line := range sigMatchCases {
		checkSigMatchers(t, line, true)
		checkRefMatchers(t, line)
		for _, s := range allSigs {
			if (s.match != nil || s.shortcut != nil) && s.re.MatchString(line) {
				found++
			}
		}
		for _, re := range []*lazyRegexp{awsRegionRe, withInputRe, pushDigestRe, kanikoPushed, v2Path, loginUserRe, buildkitAuthRe} {
			if re.MatchString(line) {
				found++
			}
		}
		if errGettingCredsRe.MatchString(line) || readingManifestRe.MatchString(line) {
			found++
		}
	}
	if found < 40 {
		t.Fatalf("only %d case lines match a hand-matched regexp: the cases do not exercise the matchers", found)
	}
}

// TestSigMatchersAgreeOnCorpus compares the hand matchers with their
// regexps on every line of the test logs and of the shared corpus, as is,
// repeated and cut at every fourth byte.
func TestSigMatchersAgreeOnCorpus(t *testing.T) {
	keywords()
	lines := testLogLines(t)
	matched := 0
	for _, l := range lines {
		for _, v := range []string{l, l + " " + l, strings.ToUpper(l)} {
			checkSigMatchers(t, v, true)
		}
		for i := 0; i < len(l); i += 4 {
			checkSigMatchers(t, l[:i], false)
			checkSigMatchers(t, l[i:], false)
		}
		for _, s := range allSigs {
			if (s.match != nil || s.shortcut != nil) && s.re.MatchString(l) {
				matched++
			}
		}
		for _, re := range []*lazyRegexp{awsRegionRe, withInputRe, pushDigestRe, kanikoPushed, v2Path, loginUserRe, buildkitAuthRe} {
			if re.MatchString(l) {
				matched++
			}
		}
	}
	if matched < 3 {
		t.Fatalf("only %d corpus lines match a hand-matched regexp: the check saw too little", matched)
	}
}

func FuzzSigMatchers(f *testing.F) {
	for _, c := range sigMatchCases {
		f.Add(c)
	}
	f.Fuzz(func(t *testing.T, line string) {
		keywords()
		checkSigMatchers(t, line, true)
		checkRefMatchers(t, line)
	})
}

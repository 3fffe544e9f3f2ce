package diagnose

import (
	"reflect"
	"strings"
	"testing"
)

// refMatchCases are lines built to exercise the hand matchers' edge cases
// (options, quotes, white space other than ' ', repeated and failed leads).
var refMatchCases = []string{
	"docker push ghcr.io/acme/app:1.0",
	"docker push -q ghcr.io/acme/app",
	"docker push --all-tags -q registry.example.com:5000/a/b",
	"docker push -- x",
	"docker push - x",
	"docker push -q",
	"docker push -q\tx",
	"docker push  x",
	"docker push -a -b",
	"docker push $IMAGE && docker push ghcr.io/o/r:2 && docker push third",
	"docker push -x docker push y",
	"docker push docker push ",
	"docker push \xff\xfe/bad",
	"+ docker pull alpine:3 && docker pull -q busybox",
	"The push refers to repository [ghcr.io/acme/app]",
	"The push refers to a repository [docker.io/library/app]",
	"The push refers to a repository [a b]",
	"The push refers to repository []",
	"The push refers to repository [x",
	"The push refers to a The push refers to repository [y]",
	"The push refers to repository [a] The push refers to repository [b] The push refers to repository [c]",
	"The push refers to a repository [docker.io/[secure]/app]",
	"The push refers to a repository [[secure]/[secure]]",
	"The push refers to repository [x[secure] y]",
	"The push refers to repository [a[secure]b[secure]c d]",
	"The push refers to repository [[secure]",
	"The push refers to repository [[secure] ",
	"The push refers to repository [[secure]]",
	"The push refers to repository [[secur]",
	"pushing manifest for ghcr.io/acme/app:1@sha256:abc",
	"pushing manifest for ",
	"pushing manifest for  x pushing manifest for y",
	"pushing manifest for\tx",
	`Pulling image "alpine:3"`,
	`Pulling image "alpine:3" done`,
	`Pulling image alpine:3`,
	`Pulling image "alpine:3"x`,
	`Pulling image ""`,
	`Pulling image "`,
	`Pulling image  x`,
	`Pulling image x"y Pulling docker image z`,
	`Pulling docker image ruby:3 ...`,
	`Failed to pull image "a/b": rpc error`,
	`failed to pull image "a/b" failed to pull image c`,
	`Pulling imagePulling image x`,
	"Pulling image x\ty",
	"Pulling image x\"\t",
	"Pulling image \"x\"",
	"pulling image x",
	"docker login ghcr.io -u x --password-stdin",
	"echo $T | docker login -u a --password-stdin ghcr.io\nnext",
	"xdocker login y; podman login quay.io",
	"docker logins; helm registry login r.io",
	"regctl registry login\tr crane auth login x",
	"oras login",
	"dockerlogin docker  login docker login_x docker login\xff",
	" login login docker login",
	`error checking push permissions -- checking push permission for "ghcr.io/a/b:1": POST`,
	`checking push permission for "" checking push permission for "x" checking push permission for "y"`,
	`checking push permission for "unterminated`,
	"/kaniko/executor --destination=ghcr.io/a/b:1 --destination 'quay.io/c/d' --destination x",
	"--destination='' --destination=' --destination\tx --destination= y --destinationx",
	"Pushing image to ghcr.io/a/b Pushing image to  x",
	"#3 [internal] load metadata for docker.io/library/alpine:3.19",
	"Step 1/9 : FROM --platform=linux/amd64 golang:1.22 AS build",
	"Step 1/9 : FROM --platform=linux/amd64",
	"Step 1/9 : FROM --platform=linux/amd64 ",
	"Step 1/9 : FROM --platform= x",
	"Step 1/9 : FROM --platform=a  b",
	"#5 [1/3] FROM --platform=$BUILDPLATFORM ghcr.io/x/y@sha256:00 ] FROM z",
	"#5 [1/3] FROM  x : FROM \tq : FROM r",
	"aws ecr get-login-password --region us-east-1 | docker login",
	"AWS_ACCOUNT_ID=1 AWS_DEFAULT_REGION=eu-west-2",
	"aws-region: \"us-gov-west-1\" AWS_REGION:ap-south-1",
	"Aws_Region=EU-CENTRAL-1x --REGION=us-east-1",
	"AWS_REGION=us-east-1 (ſ) --region eu-west-1",
	"$AWS_ACCOUNT_ID.dkr.ecr.$AWS_DEFAULT_REGION.amazonaws.com --region=sa-east-1",
	`Get "https://ghcr.io/v2/": denied (https://auth.docker.io/token?scope=repository:a/b:pull,push)`,
	"httphttps://x http:// https://\ty http://a{b} httpss://c https://d\xff,e http://1 http://2",
	"[https://quay.io/v2/a/manifests/1] <http://localhost:5000/v2/>",
	"docker login -u octo --password-stdin ghcr.io",
	"--username=bot x -u -u=me",
	"-u--username a -uu -u _x -u y\t",
	"docker login --username $USER -u real.user-1",
	"Error: signing [ghcr.io/a/b:1]: getting signer: x",
	"signing [a,b] xsigning [c] _signing [d] \xffsigning [e]",
	"signing [] signing [ x] signing [y\tz] signing [q",
	"Error parsing reference: \"\" Error parsing reference: \"Ghcr.io/A:1\" is not valid",
	"Error parsing reference: \"unterminated",
	"invalid tag \"a b\" invalid tag \"",
	"Error: initializing source docker://quay.io/a/b:1: reading manifest 1 in quay.io/a/b: unauthorized",
	"initializing source docker://a:b: initializing source docker://c::",
	"initializing source docker://x: initializing source docker:// y: initializing source docker://z:",
	"initializing source docker://:x: y initializing source docker://p:q:\tr",
	"blob sha256:1 exists in ghcr.io/a: exists in  b: exists in c:d",
	"failed to read from destination repository quay.io/a/b: 403 (Forbidden)",
	"buildah pull --tls-verify=false quay.io/a/b && podman pull -q x nerdctl pull - y",
	"docker image push -a r/x:1 nerdctl push y oras push --plain-http z:5000/a:v1",
	// tokenVarRe: a variable named as a token or key.
	"docker login -u oauth -p $YC_OAUTH_TOKEN cr.yandex",
	"docker login -p ${REGISTRY_TOKEN} r.io", "-p $TOKEN -p $KEY -p ${KEY}", "-p $_TOKEN", "-p $XKEY", "-p ${{TOKEN}}",
	"-p $1TOKEN $ TOKEN $$API_KEY", "-p ${ API_TOKEN}", "$API_key $api_TOKEN_x", "$ABC $DEF_TOKENS", "$", "${", "${A", "$AK", "$AKEY",
	"-p $CI_JOB_TOKE N", "-p $\\u00e9TOKEN $\u00e9_KEY $A\u00e9KEY",
	// promptPwdRe: an interactive password prompt, alone on its line.
	"Password:", "  password:  ", "Enter password:", "Enter your password: ", "ENTER YOUR PASSWORD:", "your password:",
	"Enter  password:", "Enter Your Password:x", "Password: hunter2", "passwords:", "enter enter password:", "Pa\u017fsword:",
	"Password:\t\r", "\fPassword:", "password", "Enter password", "Enter  ", "\u00a0Password:",
	// loginOK: docker's "Login Succeeded".
	"Login Succeeded", "login succeeded!", "xLogin Succeeded", "Login Succeededx", "_login succeeded", "Login Succeeded_",
	"LOGIN SUCCEEDED", "Login  Succeeded", "Login Su\u017fcceeded", "Login Succeeded \u212a", "\u212alogin succeeded",
	"loginlogin succeeded", "xlogin succeeded login succeeded", "Login Succeeded: 1", "\u00e9 Login Succeeded",
	// dollarUserRe: a username the shell expands (sig_credmangle.go).
	"robot$orbit+ci", "robot${orbit}", "robot$_x", "robot$1", "$robot", "robot$", "robot${", "a.b@c+d-e$X", "ro bot$x", "robot$$x",
	// credsFlagRe: skopeo's and buildah's credentials flags.
	"skopeo copy --creds u:p a b", "--dest-creds=u:p", "--src-creds u", "--creds", "--credsx", "-creds x", "--dest-creds",
	"--xcreds u", "--src--creds u", "creds --creds=", "---creds u", "--dest-src-creds u", "--dest-\tcreds u",
	// authsKeyRe: the registry keys of a config.json "auths".
	`{"auths": {"registry.orbit.test": {"auth": "x"}}}`, `{auths:{index.docker.io:{auth:****}}}`,
	`"auths":{"https://index.docker.io/v1/":{"auth":"x"},"ghcr.io":{}}`, `auths : { "quay.io" : {`, `auths:{https://:{`,
	`auths:{http://x:{ auths:{a:b:{ auths:{a b:{ auths:{"a"b":{ auths:{:{ auths:{"":{ auths"x:{a:{`, "auths:\t{\n\"r.io\"\n:\n{",
	`auths:{https://a:5000:{} auths:{http:{ auths:{https:// :{ auths:{a}:{ auths:{ auths:{a:{auths:{b:{`,
	`auths: {"a":{}, "b":{}} auths:{c:{ auths:{d:{ auths:{e:{ auths:{f:{`, `"auths": {"r.io" }: {`, `auths:{x"":{`,
	// loggingInto: docker/login-action's "Logging into HOST...".
	"Logging into ghcr.io...", "Logging into Docker Hub...", "Logging into ...", "Logging into ....", "Logging into x..",
	"Logging into ", "Logging into a\nb... Logging into c...", "Logging into a\n... Logging into b...", "Logging into Logging into x...",
	"logging into x...", "Logging into  ...", "Logging into x... y...", "Logging into x\u00e9...",
}

func checkRefMatchers(t *testing.T, line string) {
	t.Helper()
	if got, want := matchLoginCmd(line), loginCmdRe.FindStringSubmatch(line); !reflect.DeepEqual(got, want) {
		t.Fatalf("login command on %q: hand matcher %q, regexp %q", line, got, want)
	}
	if got, want := findAWSRegion(line, strings.ToLower(line)), awsRegionRe.FindStringSubmatch(line); !reflect.DeepEqual(got, want) {
		t.Fatalf("AWS region on %q: %q, regexp %q", line, got, want)
	}
	want := ""
	if m := loginUserRe.FindStringSubmatch(line); m != nil {
		want = m[1]
	}
	if got := loginUserArg(line); got != want {
		t.Fatalf("login user on %q: %q, regexp %q", line, got, want)
	}
	if got, want := matchTokenVar(line), tokenVarRe.MatchString(line); got != want {
		t.Fatalf("token variable on %q: %v, regexp %v", line, got, want)
	}
	if got, want := matchPasswordPrompt(line), promptPwdRe.MatchString(line); got != want {
		t.Fatalf("password prompt on %q: %v, regexp %v", line, got, want)
	}
	if got, want := matchLoginOK(line, strings.ToLower(line)), loginOK.MatchString(line); got != want {
		t.Fatalf("login succeeded on %q: %v, regexp %v", line, got, want)
	}
	if got, want := matchDollarUser(line), dollarUserRe.MatchString(line); got != want {
		t.Fatalf("dollar user on %q: %v, regexp %v", line, got, want)
	}
	if got, want := matchLoggingInto(line), loggingInto.FindStringSubmatch(line); !reflect.DeepEqual(got, want) {
		t.Fatalf("logging into on %q: %q, regexp %q", line, got, want)
	}
	if got, want := matchCredsFlag(line), credsFlagRe.MatchString(line); got != want {
		t.Fatalf("creds flag on %q: %v, regexp %v", line, got, want)
	}
	for _, n := range []int{1, 2, 4, -1} {
		if got, want := findAuthsKeys(line, n), authsKeyRe.FindAllStringSubmatch(line, n); !reflect.DeepEqual(got, want) {
			t.Fatalf("auths keys (n=%d) on %q: %q, regexp %q", n, line, got, want)
		}
	}
	for _, n := range []int{1, 4} {
		if got, want := findURLs(line, n), urlRe.FindAllString(line, n); !reflect.DeepEqual(got, want) {
			t.Fatalf("URLs (n=%d) on %q: %q, regexp %q", n, line, got, want)
		}
	}
	for _, p := range refPatterns {
		if p.find == nil {
			continue
		}
		for _, n := range []int{1, 2, 3} {
			var want []string
			for _, m := range p.re.FindAllStringSubmatch(line, n) {
				want = append(want, m[1])
			}
			got := p.find(line, n, nil)
			if !reflect.DeepEqual(got, want) {
				t.Fatalf("%q n=%d on %q: hand matcher %q, regexp %q", p.key, n, line, got, want)
			}
		}
	}
}

func TestRefMatchersAgreeWithRegexps(t *testing.T) {
	found := 0
	for _, line := range refMatchCases {
		checkRefMatchers(t, line)
		if loginCmdRe.MatchString(line) || awsRegionRe.MatchString(line) {
			found++
		}
		for _, p := range refPatterns {
			if p.find != nil && p.re.MatchString(line) {
				found++
			}
		}
	}
	if found < 20 {
		t.Fatalf("only %d case lines match a hand-matched pattern: the cases do not exercise the matchers", found)
	}
	// Each fact regexp with a hand matcher (factmatch.go) must see lines it
	// matches and lines it does not, so that the comparison above exercises
	// both answers of every matcher.
	for _, r := range []struct {
		name string
		re   interface{ MatchString(string) bool }
	}{
		{"tokenVarRe", tokenVarRe}, {"promptPwdRe", promptPwdRe}, {"loginOK", loginOK}, {"dollarUserRe", dollarUserRe},
		{"loggingInto", loggingInto}, {"credsFlagRe", credsFlagRe}, {"authsKeyRe", authsKeyRe},
	} {
		yes, no := 0, 0
		for _, line := range refMatchCases {
			if r.re.MatchString(line) {
				yes++
			} else {
				no++
			}
		}
		if yes < 3 || no < 3 {
			t.Errorf("%s matches %d case lines and misses %d: the cases must hold at least three of each", r.name, yes, no)
		}
	}
}

// TestRefMatchersAgreeOnCorpus compares the hand matchers with their regexps
// on every line of the package's test logs and of the shared corpus, as is
// and with a lead-in that repeats the line (two matches on one line).
func TestRefMatchersAgreeOnCorpus(t *testing.T) {
	lines := testLogLines(t)
	matched := 0
	for _, l := range lines {
		for _, v := range []string{l, l + " " + l} {
			checkRefMatchers(t, v)
		}
		for _, p := range refPatterns {
			if p.find != nil && p.re.MatchString(l) {
				matched++
			}
		}
		if loginCmdRe.MatchString(l) || awsRegionRe.MatchString(l) || urlRe.MatchString(l) || loginUserRe.MatchString(l) {
			matched++
		}
	}
	if matched < 50 {
		t.Fatalf("only %d corpus lines match a hand-matched pattern: the check saw too little", matched)
	}
}

func FuzzRefMatchers(f *testing.F) {
	for _, c := range refMatchCases {
		f.Add(c)
	}
	f.Fuzz(func(t *testing.T, line string) { checkRefMatchers(t, line) })
}

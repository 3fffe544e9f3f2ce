package diagnose

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/regdoctor/regdoctor/internal/testenv"
	"go.yaml.in/yaml/v4"
)

// sigMatchCases exercise the hand matchers' edge cases.
var sigMatchCases = []string{
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
}

func checkSigMatchers(t *testing.T, line string) {
	t.Helper()
	for _, s := range allSigs {
		if s.match == nil {
			continue
		}
		if got, want := s.match(line), s.re.FindStringSubmatchIndex(line); !reflect.DeepEqual(got, want) {
			t.Fatalf("signature %s on %q: hand matcher %v, regexp %v", s.id, line, got, want)
		}
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
	if hand != len(sigMatchers) {
		t.Fatalf("%d signatures have a hand matcher, sigMatchers has %d: an id is wrong", hand, len(sigMatchers))
	}
	for _, line := range sigMatchCases {
		checkSigMatchers(t, line)
		for _, s := range allSigs {
			if s.match != nil && s.re.MatchString(line) {
				found++
			}
		}
		if awsRegionRe.MatchString(line) {
			found++
		}
	}
	if found < 12 {
		t.Fatalf("only %d case lines match a hand-matched regexp: the cases do not exercise the matchers", found)
	}
}

// TestSigMatchersAgreeOnCorpus compares the hand matchers with their
// regexps on every line of the test logs and of the shared corpus, as is,
// repeated and cut at every fourth byte.
func TestSigMatchersAgreeOnCorpus(t *testing.T) {
	keywords()
	var lines []string
	files, _ := filepath.Glob(filepath.Join("testdata", "logs", "*.log"))
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		lines = append(lines, strings.Split(string(data), "\n")...)
	}
	corpus, _ := filepath.Glob(filepath.Join(testenv.SharedDir(t), "corpus", "logs", "*.yaml"))
	for _, f := range corpus {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		var cc corpusCase
		if err := yaml.Load(data, &cc); err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		lines = append(lines, strings.Split(cc.Log, "\n")...)
	}
	matched := 0
	for _, l := range lines {
		for _, v := range []string{l, l + " " + l, strings.ToUpper(l)} {
			checkSigMatchers(t, v)
		}
		for i := 0; i < len(l); i += 4 {
			checkSigMatchers(t, l[:i])
			checkSigMatchers(t, l[i:])
		}
		for _, s := range allSigs {
			if s.match != nil && s.re.MatchString(l) {
				matched++
			}
		}
		if awsRegionRe.MatchString(l) {
			matched++
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
		checkSigMatchers(t, line)
	})
}

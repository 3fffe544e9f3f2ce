package logscan

import (
	"strings"
	"testing"
)

// Each case is written from the platform's documented or commonly printed
// format (see NormalizeLine), not copied from a corpus log.
func TestNormalizeLine(t *testing.T) {
	cases := []struct {
		name, in, want, platform string
	}{
		{"plain", "denied: requested access to the resource is denied", "denied: requested access to the resource is denied", ""},
		{"indent kept, trailing space dropped", "    at foo()   ", "    at foo()", ""},
		{"CR at end (CRLF log)", "unauthorized: authentication required\r", "unauthorized: authentication required", ""},
		{"ansi colour", "\x1b[31;1mError:\x1b[0m push failed", "Error: push failed", ""},
		{"erase line", "\x1b[0Kdone\x1b[K", "done", ""},
		{"osc hyperlink", "see \x1b]8;;https://example.test/x\x1b\\docs\x1b]8;;\x1b\\ now", "see docs now", ""},
		{"osc title BEL", "\x1b]0;title\x07text", "text", ""},
		{"charset", "\x1b(Bplain", "plain", ""},
		{"C0 controls", "a\x07b\x08c", "abc", ""},
		{"carriage return progress", "Pushing  10%\rPushing  55%\rPushed", "Pushed", ""},
		{"utf8 bom", "\uFEFF2024-01-01T00:00:00.1234567Z Starting", "Starting", GitHubActions},

		{"github timestamp", "2024-03-05T10:11:12.1234567Z Error: denied", "Error: denied", GitHubActions},
		{"github timestamp group", "2024-03-05T10:11:12.1234567Z ##[group]Run docker/login-action@v3", "Run docker/login-action@v3", GitHubActions},
		{"github endgroup", "2024-03-05T10:11:12.1234567Z ##[endgroup]", "", GitHubActions},
		{"github error", "2024-03-05T10:11:12.1234567Z ##[error]buildx failed with: denied", "buildx failed with: denied", GitHubActions},
		{"github warning no ts", "##[warning]Unexpected input", "Unexpected input", GitHubActions},
		{"github debug", "##[debug]Evaluating condition", "Evaluating condition", GitHubActions},
		{"github command", "##[command]/usr/bin/docker login ghcr.io", "/usr/bin/docker login ghcr.io", GitHubActions},
		{"github ts colour", "2024-03-05T10:11:12.1234567Z \x1b[36;1mdocker push x\x1b[0m", "docker push x", GitHubActions},
		{"unknown ## marker kept", "##[frobnicate]x", "##[frobnicate]x", ""},

		{"azure section", "2021-03-12T12:17:39.3378695Z ##[section]Starting: Docker push", "Starting: Docker push", AzurePipelines},
		{"azure vso", "##vso[task.logissue type=error]push failed", "push failed", AzurePipelines},

		{"gitlab section start", "\x1b[0Ksection_start:1700000000:step_script\r\x1b[0K\x1b[0K\x1b[36;1mExecuting \"step_script\" stage\x1b[0;m", "Executing \"step_script\" stage", GitLabCI},
		{"gitlab section start collapsed", "section_start:1700000000:build[collapsed=true]\r\x1b[0KBuilding", "Building", GitLabCI},
		{"gitlab section end", "\x1b[0Ksection_end:1700000001:step_script\r\x1b[0K", "", GitLabCI},
		{"gitlab runner timestamp", "2024-12-18T10:30:09.950336Z 01O $ docker push registry.gitlab.com/a/b", "$ docker push registry.gitlab.com/a/b", GitLabCI},
		{"gitlab runner timestamp stderr continued", "2024-12-18T10:30:09.950336Z 01E+denied: access forbidden", "denied: access forbidden", GitLabCI},
		{"gitlab runner banner", "Running with gitlab-runner 16.11.0 (abc)", "Running with gitlab-runner 16.11.0 (abc)", GitLabCI},

		{"jenkins pipeline", "[Pipeline] sh", "sh", Jenkins},
		{"jenkins iso timestamper", "[2024-01-01T00:00:00.000Z] Error response from daemon: unauthorized", "Error response from daemon: unauthorized", Jenkins},
		{"jenkins iso + pipeline", "[2024-01-01T00:00:00.000Z] [Pipeline] { (Push)", "{ (Push)", Jenkins},
		{"jenkins clock", "18:17:21  + docker push acme/x", "+ docker push acme/x", Jenkins},
		{"jenkins console note", "\x1b[8mha:////4ABCdef+/=\x1b[0m[Pipeline] sh", "sh", Jenkins},

		{"codebuild", "[Container] 2024/01/01 00:00:00.123456 Running command docker push x", "Running command docker push x", CodeBuild},
		{"codebuild no fraction", "[Container] 2019/04/03 07:22:13 Phase complete: POST_BUILD State: FAILED", "Phase complete: POST_BUILD State: FAILED", CodeBuild},

		{"cloud build step", "Step #1: denied: Permission \"artifactregistry.repositories.uploadArtifacts\" denied", "denied: Permission \"artifactregistry.repositories.uploadArtifacts\" denied", CloudBuild},
		{"cloud build step id", "Step #3 - \"push\": unauthorized: authentication required", "unauthorized: authentication required", CloudBuild},
		{"cloud build starting", "Starting Step #0 - \"build\"", "Starting Step #0 - \"build\"", CloudBuild},

		{"tekton task:step", "[build : build-and-push] error checking push permissions", "error checking push permissions", Tekton},
		{"tekton step", "[build-and-push] INFO[0000] Resolved base name", "INFO[0000] Resolved base name", Tekton},
		{"log level not tekton", "[notice] A new release of pip is available", "[notice] A new release of pip is available", ""},
		{"maven level not tekton", "[ERROR] Failed to execute goal", "[ERROR] Failed to execute goal", ""},
		{"git commit not tekton", "[main d086c2b] Auto-sync", "[main d086c2b] Auto-sync", ""},

		{"circleci shell header", "#!/bin/bash -eo pipefail", "#!/bin/bash -eo pipefail", CircleCI},
		{"bitbucket umask", "+ umask 000", "+ umask 000", Bitbucket},

		{"invalid utf8", "bad \xff\xfe byte", "bad \uFFFD byte", ""},
		{"not a timestamp", "2024-01-01 is the date", "2024-01-01 is the date", ""},
		{"clock needs two spaces", "12:34:56 single", "12:34:56 single", ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got, p := NormalizeLine(c.in)
			if got != c.want || p != c.platform {
				t.Errorf("NormalizeLine(%q)\n got  %q, %q\n want %q, %q", c.in, got, p, c.want, c.platform)
			}
			if Normalize(c.in) != c.want {
				t.Errorf("Normalize(%q) = %q", c.in, Normalize(c.in))
			}
			// The prefilter searches what follows the prefixes: that is
			// the whole text (nothing of it is cut), and no prefix is left.
			p0 := textStart(c.in)
			if got := Normalize(c.in[p0:]); got != c.want {
				t.Errorf("Normalize(%q[textStart %d:]) = %q, want %q", c.in, p0, got, c.want)
			}
		})
	}
}

func TestNormalizeTruncatedEscapes(t *testing.T) {
	// A window may cut an escape sequence or a UTF-8 rune: no panic, valid text.
	for _, in := range []string{"\x1b", "\x1b[", "\x1b[31", "a\x1b]8;;http", "\x1b(", "é"[:1], "\x1b[8mha:abc"} {
		got := Normalize(in)
		for _, r := range got {
			if r == 0x1b {
				t.Errorf("Normalize(%q) = %q keeps ESC", in, got)
			}
		}
	}
}

func TestStripControlsEveryPosition(t *testing.T) {
	base := "abcdefghijklmnopqrstuvwxyz0123456789"
	for _, c := range []string{"\x07", "\x7f", "\x1b[0m", "\x00", "\x1f"} {
		for i := 0; i <= len(base); i++ {
			in := base[:i] + c + base[i:]
			if got := Normalize(in); got != base {
				t.Errorf("Normalize(%q) = %q", in, got)
			}
		}
	}
	// TAB, CR and bytes >= 0x80 are not controls to strip.
	for _, in := range []string{"abcdefgh\tijklmnop", "äöüäöüäöü€€€", "abcdefghijklmnop\xc2\x85"} {
		if got := stripControls(in); got != in {
			t.Errorf("stripControls(%q) = %q", in, got)
		}
	}
}

func TestTrimRightBlank(t *testing.T) {
	for _, s := range []string{"", " ", "a", "a \t\r", " \t\r a", "a\r\n", "a\u00a0", "\t\t", "x \r \t"} {
		if got, want := trimRightBlank(s), strings.TrimRight(s, " \t\r"); got != want {
			t.Errorf("trimRightBlank(%q) = %q, want %q", s, got, want)
		}
	}
}

// TestTextStart: the CI prefixes the keyword prefilter skips, each ending
// where the text begins (given as the expected rest of the raw line).
func TestTextStart(t *testing.T) {
	for _, c := range []struct{ in, rest string }{
		{"2024-01-02T03:04:05.4040000Z Pushed", "Pushed"},
		{"2024-01-02T03:04:05.4040000Z ##[group]Run docker/login-action@v3", "Run docker/login-action@v3"},
		{"2024-01-02T03:04:05.4040000Z", ""},
		{"2024-12-18T10:30:09.401336Z 01E+denied: access forbidden", "denied: access forbidden"},
		{"\x1b[0Ksection_start:1704010401:step_script\r\x1b[0K\x1b[36;1m$ docker push x", "\x1b[0K\x1b[36;1m$ docker push x"},
		{"section_end:1704010401:step_script", ""},
		{"[2024-01-01T00:00:00.404Z] [Pipeline] sh", "sh"},
		{"18:40:41  + docker push acme/x", "+ docker push acme/x"},
		{"[Container] 2024/01/01 00:00:00.404123 Running command docker push x", "Running command docker push x"},
		{"Step #404: denied", "denied"},
		{"[Container] 2024/01/01 00:00:00\r", "2024/01/01 00:00:00\r"}, // 19 bytes and a CR: no timestamp (normalize trims the CR first)
		{"[build : push-404] error", "error"},
		{"\uFEFF2024-01-01T00:00:00.4010000Z Starting", "Starting"},
		// No prefix: the whole line is searched.
		{"404 Not Found", "404 Not Found"},
		{"2024-01-01 404 is the date", "2024-01-01 404 is the date"},
		{"\x1b[31m404\x1b[0m", "\x1b[31m404\x1b[0m"},
		{"[ERROR] 404", "[ERROR] 404"},
		{"", ""},
	} {
		if got := c.in[textStart(c.in):]; got != c.rest {
			t.Errorf("textStart(%q): the text is %q, want %q", c.in, got, c.rest)
		}
	}
}

package main

import (
	"bytes"
	"compress/gzip"
	"errors"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/rogpeppe/go-internal/testscript"
	"github.com/xeipuuv/gojsonschema"

	"github.com/regdoctor/regdoctor/internal/cli"
	"github.com/regdoctor/regdoctor/internal/lab"
)

var update = flag.Bool("update", false, "rewrite cmp files in testdata/script/*.txtar from the actual output")

// TestMain lets the test binary act as the regdoctor command inside the
// scripts (testscript re-executes it under that name), so the acceptance
// tests need no separate build and run in plain `go test ./...`.
func TestMain(m *testing.M) {
	testscript.Main(m, map[string]func(){
		"regdoctor": func() { os.Exit(cli.Main(os.Args[1:], os.Stdout, os.Stderr)) },
	})
}

// TestScript runs the black-box acceptance scripts in testdata/script:
// each .txtar holds the commands, the expected output and its input files.
//
// Besides the standard testscript commands, scripts may use
//
//	exits N cmd [args...]
//
// which runs cmd like exec and fails unless its exit code is exactly N
// (regdoctor's contract: 0 clean, 1 findings, 2 usage, 3 error),
//
//	gzip FILE
//
// which writes FILE.gz, the gzip compression of FILE, and
//
//	binfile FILE SIZE
//
// which writes SIZE bytes of non-text data (NUL and control bytes) to FILE,
// and
//
//	sarifvalid FILE
//
// which fails unless FILE is valid against the SARIF 2.1.0 JSON schema (the
// OASIS schema shipped in the go-sarif module, read from the module cache).
func TestScript(t *testing.T) {
	// One real registry (CNCF distribution with the Docker token flow, from
	// internal/lab) for the probe scripts: $REGISTRY is its host:port, the
	// pusher may push $REGISTRY/team/*, the reader only pull.
	reg := lab.Start(t, lab.Options{Auth: lab.AuthToken})
	reg.Seed(t, "team/app", "v1")
	configs := map[string]string{
		"PUSHER_CONFIG":  reg.DockerConfigFor(t, reg.Pusher),
		"READER_CONFIG":  reg.DockerConfigFor(t, reg.Reader),
		"NOLOGIN_CONFIG": reg.DockerConfig,
		"WRONGPW_CONFIG": reg.DockerConfigFor(t, lab.User{Name: reg.Pusher.Name, Password: "wrong-password"}),
	}
	refused := lab.Refused(t)
	testscript.Run(t, testscript.Params{
		Dir:                 "testdata/script",
		RequireExplicitExec: true,
		UpdateScripts:       *update,
		Setup: func(env *testscript.Env) error {
			// A clean, predictable environment: no colour preference, no CI.
			env.Setenv("NO_COLOR", "")
			env.Setenv("TERM", "dumb")
			env.Setenv("REGISTRY", reg.Addr)
			env.Setenv("REFUSED", refused)
			for k, v := range configs {
				env.Setenv(k, v)
			}
			env.Setenv("DOCKER_CONFIG", reg.DockerConfig)
			// The pusher's password for --password-stdin, as a file in $WORK.
			return os.WriteFile(filepath.Join(env.WorkDir, "pusher.password"), []byte(reg.Pusher.Password+"\n"), 0o600)
		},
		Cmds: map[string]func(ts *testscript.TestScript, neg bool, args []string){
			"exits":      exitsCmd,
			"gzip":       gzipCmd,
			"binfile":    binfileCmd,
			"sarifvalid": sarifValidCmd,
		},
	})
}

func exitsCmd(ts *testscript.TestScript, neg bool, args []string) {
	if neg {
		ts.Fatalf("unsupported: ! exits")
	}
	if len(args) < 2 {
		ts.Fatalf("usage: exits N command [args...]")
	}
	want, err := strconv.Atoi(args[0])
	if err != nil {
		ts.Fatalf("exits: bad exit code %q", args[0])
	}
	got := 0
	if err := ts.Exec(args[1], args[2:]...); err != nil {
		var ee *exec.ExitError
		if !errors.As(err, &ee) {
			ts.Fatalf("exits: %v", err)
		}
		got = ee.ExitCode()
	}
	if got != want {
		ts.Fatalf("%s exited with %d, want %d", args[1], got, want)
	}
}

func gzipCmd(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 1 {
		ts.Fatalf("usage: gzip FILE")
	}
	data, err := os.ReadFile(ts.MkAbs(args[0]))
	ts.Check(err)
	var buf bytes.Buffer
	zw := gzip.NewWriter(&buf)
	_, err = zw.Write(data)
	ts.Check(err)
	ts.Check(zw.Close())
	ts.Check(os.WriteFile(ts.MkAbs(args[0]+".gz"), buf.Bytes(), 0o644))
}

func binfileCmd(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 2 {
		ts.Fatalf("usage: binfile FILE SIZE")
	}
	n, err := strconv.Atoi(args[1])
	if err != nil || n < 0 {
		ts.Fatalf("binfile: bad size %q", args[1])
	}
	data := make([]byte, n)
	for i := range data {
		data[i] = byte(i*7) % 32 // NUL and other C0 control bytes, as in an executable or image
	}
	ts.Check(os.WriteFile(ts.MkAbs(args[0]), data, 0o644))
}

// sarifSchema reads the SARIF 2.1.0 schema that go-sarif ships as a Go
// string constant (pkg/report/v210/sarif/schema.go).
var sarifSchema = sync.OnceValues(func() (string, error) {
	dir, err := exec.Command("go", "list", "-m", "-f", "{{.Dir}}", "github.com/owenrumney/go-sarif/v3").Output()
	if err != nil {
		return "", fmt.Errorf("go list: %w", err)
	}
	src, err := os.ReadFile(filepath.Join(strings.TrimSpace(string(dir)), "pkg", "report", "v210", "sarif", "schema.go"))
	if err != nil {
		return "", err
	}
	a, b := bytes.IndexByte(src, '`'), bytes.LastIndexByte(src, '`')
	if a < 0 || b <= a {
		return "", errors.New("no schema literal in go-sarif's schema.go")
	}
	return string(src[a+1 : b]), nil
})

func sarifValidCmd(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 1 {
		ts.Fatalf("usage: sarifvalid FILE")
	}
	schema, err := sarifSchema()
	ts.Check(err)
	res, err := gojsonschema.Validate(gojsonschema.NewStringLoader(schema), gojsonschema.NewStringLoader(ts.ReadFile(args[0])))
	ts.Check(err)
	for _, e := range res.Errors() {
		ts.Logf("%s: %s", args[0], e)
	}
	if !res.Valid() {
		ts.Fatalf("%s is not valid SARIF 2.1.0", args[0])
	}
}

package main

import (
	"bytes"
	"compress/gzip"
	"errors"
	"flag"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"testing"

	"github.com/rogpeppe/go-internal/testscript"

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
// which writes SIZE bytes of non-text data (NUL and control bytes) to FILE.
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
			"exits":   exitsCmd,
			"gzip":    gzipCmd,
			"binfile": binfileCmd,
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

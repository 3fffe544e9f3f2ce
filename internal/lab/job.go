package lab

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"os/exec"
	"strings"
	"time"
)

// Command is one client invocation inside a job step.
type Command struct {
	Args  []string // argv; Args[0] is looked up in PATH
	Stdin string   // fed on stdin (a password with --password-stdin)
	// Show is the line the job log prints for the command (the step's
	// script as a CI user wrote it, secrets as "***"); default: Args joined.
	Show string
}

// Step is one CI job step: a named script of commands run in order with
// `bash -e` semantics (the first failing command ends the step and the job).
type Step struct {
	Name     string
	Commands []Command
}

// Job is a CI-like job: environment shared by its steps, then the steps.
type Job struct {
	Env   []string // KEY=VALUE added to the test process's environment
	NetNS string   // run the commands inside this network namespace (nsenter)
	Dir   string   // working directory of the commands
	Steps []Step
	// Timeout bounds each command (default 60 s).
	Timeout time.Duration
}

// Result is what running a Job produced.
type Result struct {
	Log      string // GitHub Actions-shaped raw log (not normalised)
	ExitCode int    // exit code of the failing command, 0 when all passed
	Failed   string // name of the failing step, "" on success
}

// Run executes the job's steps and renders a log shaped like a GitHub
// Actions job log as its web UI and `gh run view --log` show it (without the
// per-line timestamps): a "##[group]Run <script>" header per step, the
// script, the shell line, "##[endgroup]", the interleaved stdout and stderr,
// and "##[error]Process completed with exit code N." for the failing step.
func (j Job) Run(ctx context.Context) Result {
	var log strings.Builder
	timeout := j.Timeout
	if timeout == 0 {
		timeout = 60 * time.Second
	}
	for _, st := range j.Steps {
		shown := make([]string, len(st.Commands))
		for i, c := range st.Commands {
			shown[i] = c.Show
			if shown[i] == "" {
				shown[i] = strings.Join(c.Args, " ")
			}
		}
		fmt.Fprintf(&log, "##[group]Run %s\n", shown[0])
		for _, s := range shown {
			log.WriteString(s + "\n")
		}
		log.WriteString("shell: /usr/bin/bash -e {0}\n##[endgroup]\n")
		for _, c := range st.Commands {
			out, code := j.exec(ctx, c, timeout)
			log.Write(out)
			if len(out) > 0 && out[len(out)-1] != '\n' {
				log.WriteByte('\n')
			}
			if code != 0 {
				fmt.Fprintf(&log, "##[error]Process completed with exit code %d.\n", code)
				return Result{Log: log.String(), ExitCode: code, Failed: st.Name}
			}
		}
	}
	return Result{Log: log.String()}
}

func (j Job) exec(ctx context.Context, c Command, timeout time.Duration) ([]byte, int) {
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	args := append([]string(nil), c.Args...)
	if p, err := LookPath(args[0]); err == nil {
		args[0] = p // GOPATH/bin clients work without it in PATH
	}
	if j.NetNS != "" {
		args = append([]string{"nsenter", "--net=" + j.NetNS, "--"}, args...)
	}
	cmd := exec.CommandContext(ctx, args[0], args[1:]...)
	cmd.Env = append(os.Environ(), j.Env...)
	cmd.Dir = j.Dir
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	if c.Stdin != "" {
		cmd.Stdin = strings.NewReader(c.Stdin + "\n")
	}
	err := cmd.Run()
	if err == nil {
		return out.Bytes(), 0
	}
	if ee, ok := err.(*exec.ExitError); ok && ee.ExitCode() > 0 {
		return out.Bytes(), ee.ExitCode()
	}
	if ctx.Err() != nil {
		fmt.Fprintf(&out, "lab: %s timed out after %s\n", args[0], timeout)
		return out.Bytes(), 124
	}
	fmt.Fprintf(&out, "bash: %s: %v\n", c.Args[0], err)
	return out.Bytes(), 127
}

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
	GitLab   string // the same run as a GitLab CI job trace (not normalised)
	ExitCode int    // exit code of the failing command, 0 when all passed
	Failed   string // name of the failing step, "" on success
	Ran      []Ran  // what ran, in order
}

// Ran is one command as it ran.
type Ran struct {
	Step    int // index in Job.Steps
	Command Command
	Output  []byte // interleaved stdout and stderr
	Code    int
}

// shown is the command line as the CI user wrote it; a password fed on
// stdin appears as the secret variable (GitLab, unexpanded) or masked
// (GitHub, expanded then masked as ***).
func shown(c Command, secret string) string {
	if c.Show != "" {
		return c.Show
	}
	line := strings.Join(c.Args, " ")
	if c.Stdin != "" {
		line = `echo "` + secret + `" | ` + line
	}
	return line
}

// Run executes the job's steps in order, each command with `bash -e`
// semantics (the first failure ends the job), and renders the run as a
// GitHub Actions log (Result.Log) and a GitLab CI trace (Result.GitLab).
func (j Job) Run(ctx context.Context) Result {
	timeout := j.Timeout
	if timeout == 0 {
		timeout = 60 * time.Second
	}
	var res Result
run:
	for i, st := range j.Steps {
		for _, c := range st.Commands {
			out, code := j.exec(ctx, c, timeout)
			res.Ran = append(res.Ran, Ran{Step: i, Command: c, Output: out, Code: code})
			if code != 0 {
				res.ExitCode, res.Failed = code, st.Name
				break run
			}
		}
	}
	res.Log = j.renderGitHub(res)
	res.GitLab = j.renderGitLab(res)
	return res
}

func writeOutput(b *strings.Builder, out []byte) {
	b.Write(out)
	if len(out) > 0 && out[len(out)-1] != '\n' {
		b.WriteByte('\n')
	}
}

// renderGitHub shapes a log like a GitHub Actions job log as its web UI and
// `gh run view --log` show it (without the per-line timestamps): per step a
// "##[group]Run <first line>" header, the script, the shell line,
// "##[endgroup]", the output, and "##[error]Process completed with exit code
// N." after the failing command.
func (j Job) renderGitHub(res Result) string {
	var b strings.Builder
	started := -1
	for _, r := range res.Ran {
		if r.Step != started {
			started = r.Step
			cmds := j.Steps[r.Step].Commands
			fmt.Fprintf(&b, "##[group]Run %s\n", shown(cmds[0], "***"))
			for _, c := range cmds {
				b.WriteString(shown(c, "***") + "\n")
			}
			b.WriteString("shell: /usr/bin/bash -e {0}\n##[endgroup]\n")
		}
		writeOutput(&b, r.Output)
		if r.Code != 0 {
			fmt.Fprintf(&b, "##[error]Process completed with exit code %d.\n", r.Code)
		}
	}
	return b.String()
}

// renderGitLab shapes a log like a GitLab CI job trace (the job page's raw
// log, colour codes and section markers removed): the step_script stage
// header, each command echoed as "$ <command>" with the secret as its CI/CD
// variable, the output, and the runner's "ERROR: Job failed: exit code N"
// or "Job succeeded" line.
func (j Job) renderGitLab(res Result) string {
	var b strings.Builder
	b.WriteString("Executing \"step_script\" stage of the job script\n")
	for _, r := range res.Ran {
		fmt.Fprintf(&b, "$ %s\n", shown(r.Command, "$REGISTRY_PASSWORD"))
		writeOutput(&b, r.Output)
	}
	b.WriteString("Cleaning up project directory and file based variables\n")
	if res.ExitCode != 0 {
		fmt.Fprintf(&b, "ERROR: Job failed: exit code %d\n", res.ExitCode)
	} else {
		b.WriteString("Job succeeded\n")
	}
	return b.String()
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

package lab_test

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"sync"
	"testing"

	"github.com/regdoctor/regdoctor/internal/lab"
	"github.com/regdoctor/regdoctor/internal/testenv"
)

var update = flag.Bool("update", false, "rewrite testdata/lab golden logs from this run")

// checks run on every job's outcome after the golden comparison (the explain
// matrix registers one); each returns a one-word verdict for the matrix cell.
var checks []func(t *testing.T, platform string, o lab.Outcome, log string) string

// platforms are the CI log shapes each job is rendered in (testdata/lab/<platform>/...).
var platforms = []string{"github", "gh-run-view", "gitlab"}

type cell struct {
	verdict string
}

// TestMatrix runs every client x scenario job against a fresh registry,
// compares the normalised logs with testdata/lab/<platform>/<client>/<scenario>.log
// (-update rewrites them), runs the registered checks (explain) and prints
// the client x scenario matrix.
func TestMatrix(t *testing.T) {
	if testing.Short() {
		t.Skip("lab matrix skipped in -short mode")
	}
	w := lab.NewWorkspace(t)
	clients := lab.Clients()
	scenarios := lab.Scenarios()
	var mu sync.Mutex
	cells := map[string]map[string]string{}
	set := func(c, s, v string) {
		mu.Lock()
		defer mu.Unlock()
		if cells[c] == nil {
			cells[c] = map[string]string{}
		}
		cells[c][s] = v
	}
	root := filepath.Join(testenv.RepoRoot(), "testdata", "lab")
	t.Run("jobs", func(t *testing.T) {
		for _, c := range clients {
			for _, s := range scenarios {
				if ok, why := s.Applies(c.Name); !ok {
					set(c.Name, s.Name, "n/a")
					_ = why
					continue
				}
				t.Run(c.Name+"/"+s.Name, func(t *testing.T) {
					if c.Name != "docker" && c.Name != "podman" {
						t.Parallel()
					}
					set(c.Name, s.Name, "skip")
					o := lab.RunScenario(t, w, c, s)
					verdict := "ok"
					if s.Cause == "" && o.ExitCode != 0 {
						t.Errorf("%s: success scenario failed (exit %d):\n%s", c.Name, o.ExitCode, o.Normalised)
						verdict = "FAIL"
					}
					if s.Cause != "" && o.ExitCode == 0 {
						t.Errorf("%s: scenario %s expected a failure, the job passed:\n%s", c.Name, s.Name, o.Normalised)
						verdict = "FAIL"
					}
					for _, pl := range platforms {
						log := o.Normalised
						switch pl {
						case "gh-run-view":
							log = o.NormalisedRunView
						case "gitlab":
							log = o.NormalisedGitLab
						}
						golden := filepath.Join(root, pl, c.Name, s.Name+".log")
						if *update {
							os.MkdirAll(filepath.Dir(golden), 0o755) //nolint:errcheck // WriteFile reports it
							if err := os.WriteFile(golden, []byte(log), 0o644); err != nil {
								t.Fatal(err)
							}
						} else if want, err := os.ReadFile(golden); err != nil {
							t.Errorf("golden %s: %v (run with -update)", golden, err)
							verdict = "FAIL"
						} else if withoutProgress(string(want)) != withoutProgress(log) {
							t.Errorf("%s differs from this run (-update rewrites):\n--- got\n%s\n--- want\n%s", golden, log, want)
							verdict = "FAIL"
						}
						for _, check := range checks {
							if v := check(t, pl, o, log); v != "" && verdict == "ok" {
								verdict = v
							}
						}
					}
					if os.Getenv("LAB_VERBOSE") == "1" {
						t.Logf("%s x %s (exit %d):\n%s\n%s", c.Name, s.Name, o.ExitCode, o.Normalised, o.NormalisedGitLab)
					}
					set(c.Name, s.Name, verdict)
				})
			}
		}
	})
	var b strings.Builder
	fmt.Fprintf(&b, "\nlab matrix (client x scenario; ok = expected outcome, golden log matches and checks pass):\n")
	fmt.Fprintf(&b, "%-26s %-24s", "scenario", "cause")
	for _, c := range clients {
		fmt.Fprintf(&b, " %-7s", c.Name)
	}
	b.WriteString("\n")
	totals := map[string][2]int{}
	for _, s := range scenarios {
		cause := s.Cause
		if cause == "" {
			cause = "(none)"
		}
		fmt.Fprintf(&b, "%-26s %-24s", s.Name, cause)
		for _, c := range clients {
			v := cells[c.Name][s.Name]
			if v == "" {
				v = "skip"
			}
			fmt.Fprintf(&b, " %-7s", v)
			tt := totals[c.Name]
			if v != "n/a" && v != "skip" {
				tt[1]++
				if v == "ok" {
					tt[0]++
				}
			}
			totals[c.Name] = tt
		}
		b.WriteString("\n")
	}
	fmt.Fprintf(&b, "%-51s", "passed / run")
	names := make([]string, 0, len(clients))
	for _, c := range clients {
		names = append(names, c.Name)
		fmt.Fprintf(&b, " %-7s", fmt.Sprintf("%d/%d", totals[c.Name][0], totals[c.Name][1]))
	}
	sort.Strings(names)
	b.WriteString("\nclients: ")
	for _, c := range clients {
		v := c.Version()
		if v == "" {
			v = "not installed"
		}
		fmt.Fprintf(&b, "%s (%s); ", c.Name, v)
	}
	fmt.Println(b.String())
}

// orasProgress matches oras' per-blob status lines ("Uploading 8db3adb0da97
// hello.txt", "Exists …", "Skipped …"): whether one is printed before a
// refusal depends on how far its concurrent uploads got, so golden logs are
// compared without them (the logs keep them: they are real output).
var orasProgress = regexp.MustCompile(`(?m)^.*\b(?:Uploading|Uploaded|Exists|Skipped) +[0-9a-f]{12} .*\n`)

func withoutProgress(log string) string { return orasProgress.ReplaceAllString(log, "") }

package diagnose

import (
	"fmt"
)

// Questions a registry login asks that no one answers in a CI job.

func init() { sigGroups = append(sigGroups, sigsLoginConfirm) }

func sigsLoginConfirm() {
	register(&signature{
		id: "docker-login-unencrypted-confirm",
		// docker CLI 18.04.0-ce asked for a confirmation before it stored a
		// password unencrypted: "WARNING! Your password will be stored
		// unencrypted in …" then "Are you sure you want to proceed? [y/N]".
		// An unattended login (eval $(aws ecr get-login), docker login -p)
		// waited for the answer until the CI ended the job for lack of
		// output (docker/cli#1002, aws/aws-cli#3256); the next docker
		// release dropped the question. kubeadm reset asks the same words
		// after its "[reset]" tag and before a colon; docker prints the
		// question alone on its line, right after its warning (which the
		// prefilter does not keep: it is in nearly every log with a login).
		keys: []string{"are you sure you want to proceed? [y/n]"},
		re:   lazyRe(`(?i)^\s*Are you sure you want to proceed\? \[y/N\]\s*$`),
		rank: func(h *hit, f *facts) []cand {
			n := h.line()
			w := 0.72
			if !f.loginNear(n) {
				w = 0.64 // the warning before it is the only login in the log
			}
			h.op = opLogin
			return []cand{
				c("client-bug", w, fmt.Sprintf("The docker login stopped at a yes/no question about storing the password unencrypted: docker CLI 18.04.0-ce asked it even without a terminal, so the job waited until the CI gave up (docker/cli#1002; line %d). Pin docker-ce to another release (the next one dropped the question), or configure a credential helper so the password is not stored in plain text and the question is not asked.", n)),
				c("credential-store-error", 0.4, ""),
			}
		},
		tell: func(h *hit, f *facts) string {
			return "A login that stops at \"Are you sure you want to proceed? [y/N]\" is docker 18.04's question, not a refused credential: the registry was never asked; a credential helper error would say \"error storing credentials\"."
		},
	})
}

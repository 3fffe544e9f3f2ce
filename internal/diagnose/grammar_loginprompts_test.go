package diagnose

import "testing"

// Login commands that ask a question no one answers in a CI job: a prompt
// for the credential they were given empty, and docker 18.04's question
// before it stores a password unencrypted (sig_loginconfirm.go).
func TestMessageGrammarLoginPrompts(t *testing.T) {
	checkFirstCause(t, map[string]string{
		// containers/common: --password empty, no terminal to read one from
		`time="2025-03-02T10:11:12Z" level=fatal msg="getting username and password: reading password: inappropriate ioctl for device"`: "empty-credential",
		"Error: getting username and password: reading password: inappropriate ioctl for device":                                        "empty-credential",
		// nerdctl login without --username in a job
		"Enter Username: time=\"2026-01-20T09:30:00Z\" level=fatal msg=\"stdin is not a terminal (Hint: use `nerdctl login --username=USERNAME --password-stdin`)\"": "empty-credential",
		// helm registry login without --username, stdin empty
		"Username: Error: EOF": "empty-credential",
		// docker 18.04.0-ce's question after the unencrypted-storage warning
		"WARNING! Your password will be stored unencrypted in /home/ci/.docker/config.json.\nAre you sure you want to proceed? [y/N] ": "client-bug",
		// nerdctl's login ping answered 404, its FATA line names no URL
		"nerdctl login -u jdoe registry.widget.example\nEnter Password:\nERRO[0001] failed to call tryLoginWithRegHost            error=\"unexpected status code 404\" i=0\nFATA[0001] unexpected status code 404": "client-bug",
		// guard: kubeadm reset asks the same words in its own form
		"[reset] Are you sure you want to proceed? [y/N]: ": "",
	})
}

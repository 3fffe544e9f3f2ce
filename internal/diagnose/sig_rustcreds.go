package diagnose

import (
	"fmt"
	"strings"

	"github.com/regdoctor/regdoctor/internal/reghost"
)

// The Rust docker_credential crate (crates.io/crates/docker_credential,
// src/lib.rs, the Display of CredentialRetrievalError) reads the Docker
// config ($DOCKER_CONFIG, else $HOME/.docker/config.json) and its credential
// helpers for tools written in Rust. Its errors are fixed sentences: "User
// has no credential configured" (the config has no auths, credHelpers or
// credsStore entry for the host), "No config file found", "Unable to read
// config", "Unable to decode credential", "Unable to communicate with
// credential helper", "Credential helper response malformed" and "Credential
// helper [`NAME`] returned non-zero response code". Pants' Docker
// environments wrap them as "Failed to pull Docker image `REF`: Failed to
// retrieve credentials for server `HOST`: MESSAGE" (pantsbuild/pants#20306).
// The tool stops at its own credential lookup, before any request to the
// registry; a tool that logs the lookup and goes on anonymously says so
// ("anonymous", "falling back"), which the veto keeps out.

// rustCredMsgRe holds the crate's sentences; submatch 1 is the server the
// wrapper names, submatch 2 the sentence.
const rustCredMsgRe = `(?i)(?:retrieve credentials for server\s+` + "`?" + `([^` + "`" + `\s:]+)` + "`?" + `:\s*)?(user has no credential configured|no config file found|unable to read config|unable to decode credential|unable to communicate with credential helper|credential helper response malformed|credential helper(?: ` + "`[^`]*`" + `)? returned non-zero response code)`

// rustCredFrameWords place the crate's common sentences in a Docker
// credential lookup: Pants' wrapper, the Docker config, a registry, an image.
var rustCredFrameWords = []string{"retrieve credentials for server", "docker", "registry", "image"}

func init() { sigGroups = append(sigGroups, sigsRustCreds) }

func sigsRustCreds() {
	register(
		&signature{
			id:   "rust-docker-credential",
			keys: []string{"no credential configured", "retrieve credentials for server", "credential helper"},
			re:   lazyRe(rustCredMsgRe),
			// git's, Cargo's and the GitHub CLI's credential helpers fail in
			// words close to the crate's.
			veto: append([]string{"anonymous", "falling back", "fallback", "cargo", "git-credential", "git credential", "git lfs"}, gitLike...),
			rank: rankRustCredential,
		},
	)
}

// rankRustCredential ranks a docker_credential lookup failure by its
// sentence: no entry for the host (no-login, or, on a pull, a client that
// does not try the registry anonymously), no config at all (no-login: the
// tool runs with another HOME or without DOCKER_CONFIG), or a config or
// helper that fails (credential-store-error).
func rankRustCredential(h *hit, f *facts) []cand {
	if h.host == "" && len(h.m) > 1 && h.m[1] != "" {
		h.host = reghost.Normalize(h.m[1])
	}
	switch {
	case strings.Contains(h.low, "failed to pull"):
		// The wrapper names the operation; the word "credential" alone
		// made it read as a login.
		h.op = opPull
	case strings.Contains(h.low, "pulling"):
		h.assumeOp(opPull)
	}
	msg := ""
	if len(h.m) > 2 {
		msg = lower(h.m[2])
	}
	if !strings.Contains(msg, "no credential configured") && !containsAny(h.low, rustCredFrameWords) {
		// The crate's other sentences are common words ("No config file
		// found", "Unable to read config", a credential helper that
		// failed): read them only in a Docker frame.
		return nil
	}
	host := orSome(hostName(h.host), "the registry")
	switch {
	case strings.Contains(msg, "no credential configured"):
		noEntry := fmt.Sprintf("The Docker config this tool reads ($DOCKER_CONFIG, else $HOME/.docker/config.json of the user it runs as) has no auths, credHelpers or credsStore entry for %s: log in there, or pass DOCKER_CONFIG (or HOME) through to the tool when a login ran under another config.", host)
		if h.op == opPull && strings.Contains(h.low, "failed to pull docker image") && strings.Contains(h.low, "retrieve credentials for server") {
			// A public image needs no credential: Pants' docker
			// environments stopped at their own lookup instead of asking
			// the registry anonymously (Pants 2.18, pantsbuild/pants#20306,
			// fixed right after). Pants does not print its version with
			// the error; the reading rests on its wrapper, which names the
			// client whose known defect this is. Another tool's wrapper
			// tells no such defect: no-login first there.
			return []cand{
				c("client-bug", 0.64, fmt.Sprintf("The tool gave up on the pull at its own credential lookup (\"User has no credential configured\" for %s) and never asked the registry: a pull of a public image needs no credential, and a client that does not fall back to an anonymous pull fails so (Pants 2.18's docker environments, pantsbuild/pants#20306). Upgrade the tool; if the image is private, it also needs a login.", host)),
				c("no-login", 0.58, noEntry),
				c("login-other-job", 0.38, ""),
			}
		}
		return []cand{
			c("no-login", 0.74, noEntry),
			c("login-other-job", 0.45, ""),
			c("client-bug", 0.4, "If the image is public, a client that stops at its own credential lookup instead of pulling anonymously is at fault: upgrade it."),
		}
	case strings.Contains(msg, "no config file found"):
		return []cand{
			c("no-login", 0.72, "The tool found no Docker config at all ($DOCKER_CONFIG, else $HOME/.docker/config.json): no login ran for the user and environment the tool runs with (a tool started with a scrubbed environment does not see HOME or DOCKER_CONFIG). Log in as that user, or pass DOCKER_CONFIG through to the tool."),
			c("login-other-job", 0.45, ""),
			c("credential-store-error", 0.38, ""),
		}
	}
	return []cand{
		c("credential-store-error", 0.76, fmt.Sprintf("The tool could not get the credential for %s out of the Docker config: the config file or its entry cannot be read or decoded, or the credential helper it names failed or is missing (a helper started with a scrubbed environment may lack HOME, USER or PATH).", host)),
		c("no-login", 0.42, ""),
	}
}

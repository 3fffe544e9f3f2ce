package diagnose

import (
	"fmt"
	"regexp"
	"strings"
)

// A credential can break on its way to the client, before any registry
// judges it:
//
//   - bash could not parse the line that exports it. When a CI exports a
//     secret's value unquoted (Travis' repository settings, a generated
//     env file, a Makefile recipe) a `)`, `(`, `;`, `&` or quote in the value
//     is shell syntax: bash reports "syntax error near unexpected token" and
//     then quotes the offending line, "NAME: line N: `export VAR=VALUE'"
//     (bash's parse.y, report_syntax_error). VAR stays unset, so the login
//     that uses it later gets an empty value (and docker login falls back to
//     its prompt).
//   - containers/common's login (podman, buildah, skopeo) prompts for the
//     username when --username is empty and the auth file has none; in a CI
//     job the prompt reads EOF: "Username: Error: getting username and
//     password: reading username: EOF" (pkg/auth/auth.go, getUserAndPass;
//     before 2022 each step said "error …"). The login command itself ran,
//     so the username it was given expanded to empty.
//   - an Engine API server could not decode the registry credentials the
//     client sent: Podman's compat API says "failed to parse
//     \"X-Registry-Config\" header for /build…: failed to decode
//     \"X-Registry-Config\": illegal base64 data at input byte N" (the header
//     carries every stored auth), dockerd "invalid X-Registry-Auth header:
//     …" (api/types/registry DecodeAuthConfig). Docker documents both
//     headers as base64url JSON (Engine API, "Authentication").

func init() { sigGroups = append(sigGroups, sigsCredMangle) }

// credVarRe: a variable name that holds a credential or the account it is
// for (robot account names with `$` break the same way).
var credVarRe = lazyRe(`(?i)(?:PASS|PWD|TOKEN|SECRET|CRED|AUTH|USER|LOGIN|API_?KEY)`)

func sigsCredMangle() {
	register(
		&signature{
			id:   "shell-export-syntax-error",
			keys: []string{": `export "},
			re:   regexp.MustCompile("line \\d+: `export ([A-Za-z_][A-Za-z0-9_]*)="),
			veto: gitLike,
			rank: rankExportSyntaxError,
			tell: tellEmptyCredential,
		},
		&signature{
			id:   "engine-auth-header-undecodable",
			keys: []string{"\"x-registry-", "invalid x-registry-auth header"},
			re:   regexp.MustCompile(`(?i)(?:failed to (?:parse|decode) "X-Registry-(?:Config|Auth)"|invalid X-Registry-Auth header)`),
			rank: rankAuthHeaderUndecodable,
		},
	)
}

// rankExportSyntaxError: the quoted line bash printed after a syntax error
// exports a credential variable, and a registry login runs in this log.
func rankExportSyntaxError(h *hit, f *facts) []cand {
	name := h.m[1]
	if !credVarRe.MatchString(name) || len(f.logins) == 0 {
		return nil // another variable, or no registry login to starve
	}
	h.op = opLogin
	return []cand{
		c("empty-credential", 0.8, fmt.Sprintf("The shell could not parse the line that exports %s (line %d): a character of the secret's value (`)`, `(`, `;`, `&`, a quote) is shell syntax where the value is exported unquoted, so %s stayed unset and the registry login got an empty value. Escape or quote the value where the CI stores it (Travis: escape it in the repository settings; a generated env file: single quotes), or use a secret without shell metacharacters.", name, h.line(), name)),
		c("bad-credentials", 0.45, ""),
	}
}

// rankPromptEOF ranks a client's interactive username prompt that read EOF
// (docker-login-prompt-eof). containers/common's wording comes from the
// login command itself, so a login ran and its username was empty; the
// other forms (docker's "Please login prior to push") follow a push or pull
// that found no stored credential.
func rankPromptEOF(h *hit, f *facts) []cand {
	if strings.Contains(h.low, "getting username and password") && strings.Contains(h.low, "reading username") {
		if f.prOrFork() {
			return append(rankEmptyCredential(h, f), c("no-login", 0.5, ""))
		}
		return []cand{
			c("empty-credential", 0.8, "The login command prompted for a username and read EOF: podman/buildah/skopeo login ask only when --username is empty and the auth file holds none, so the username (or the variable behind it) expanded to empty, for example a $VAR inside single quotes that the remote or inner shell does not define, or a CI variable that is not set for this job."),
			c("no-login", 0.5, ""),
			c("fork-pr-readonly", 0.4, ""),
		}
	}
	return []cand{
		c("no-login", 0.78, "The client hit an auth challenge without a stored credential and fell back to an interactive prompt, which a CI job cannot answer."),
		c("login-wrong-host", 0.45, ""),
		c("empty-credential", 0.4, ""),
	}
}

// rankAuthHeaderUndecodable: the Engine API server could not decode the
// credentials header. Undecodable base64 in X-Registry-Config (every stored
// auth) points at a broken stored entry; a malformed X-Registry-Auth is the
// client's encoding (standard base64 instead of base64url, or no JSON).
func rankAuthHeaderUndecodable(h *hit, f *facts) []cand {
	switch {
	case strings.Contains(h.low, "/build?"):
		h.op = opBuild
	case strings.Contains(h.low, "/images/create?"):
		h.op = opPull
	}
	store := c("credential-store-error", 0.78, "The container engine could not decode the registry credentials the client sent with the request: one of the stored logins (auth.json or ~/.docker/config.json) has an `auth` value that is not valid base64 of user:password. Log in again to that registry (or delete the broken entry) so the client stores a well-formed credential.")
	bug := c("client-bug", 0.55, "The client built the X-Registry-Auth header in a form the engine cannot decode (standard base64 instead of the base64url the Engine API expects, or no JSON): upgrade the client or SDK.")
	if strings.Contains(h.low, "x-registry-config") || strings.Contains(h.low, "illegal base64") {
		return []cand{store, bug}
	}
	bug.w, store.w = 0.72, 0.5
	return []cand{bug, store}
}

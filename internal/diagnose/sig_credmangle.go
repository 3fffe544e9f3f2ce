package diagnose

import (
	"fmt"
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
			re:   lazyRe("line \\d+: `export ([A-Za-z_][A-Za-z0-9_]*)="),
			veto: gitLike,
			rank: rankExportSyntaxError,
			tell: tellEmptyCredential,
		},
		&signature{
			id:   "engine-auth-header-undecodable",
			keys: []string{"\"x-registry-", "invalid x-registry-auth header"},
			re:   lazyRe(`(?i)(?:failed to (?:parse|decode) "X-Registry-(?:Config|Auth)"|invalid X-Registry-Auth header)`),
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
	containersPrompt := strings.Contains(h.low, "getting username and password") &&
		(strings.Contains(h.low, "reading username") || strings.Contains(h.low, "reading password"))
	// helm registry login prompts "Username: " only when --username is
	// not given, and fails "Error: EOF" on an empty stdin (helm
	// cmd/helm/registry_login.go getUsernamePassword).
	helmPrompt := strings.HasPrefix(strings.TrimSpace(h.low), "username: error: eof")
	if containersPrompt || helmPrompt {
		if f.prOrFork() {
			return append(rankEmptyCredential(h, f), c("no-login", 0.5, ""))
		}
		return []cand{
			c("empty-credential", 0.8, "The login command prompted for a username or password and could not read one (EOF, or \"inappropriate ioctl for device\": no terminal in a CI job): podman/buildah/skopeo login ask only when --username or --password is empty and the auth file holds none, and helm registry login only when no --username is given, so the value (or the variable behind it) expanded to empty, for example a $VAR inside single quotes that the remote or inner shell does not define, a CI variable that is not set for this job or branch, or a wrapper that passes empty credentials."),
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

// A login and the push (or pull) that needs it ran as different users: one
// under sudo, the other not. sudo runs the client with root's HOME (Ubuntu's
// and Debian's sudo set HOME to the target user's; `sudo -E`/`-H` change
// that), so the two read different config files
// (HOME/.docker/config.json, or DOCKER_CONFIG), and the credential the login
// stored is not the one the push looks up.

// clientCmd is a registry client's push or pull command line.
type clientCmd struct {
	Line int
	Sudo bool
}

const maxClientCmds = 32

// sudoPrefixRe: a command line that runs a registry client under sudo
// ("$ sudo docker push …", "+ sudo -E podman pull …").
var sudoPrefixRe = lazyRe(`(?:^|[\s$#>+;&|(])sudo\s+(?:-\S+\s+)*(?:docker|podman|buildah|nerdctl|skopeo|crane|oras|helm)\s`)

// sudoCmd reports whether the command on this line runs under sudo.
func sudoCmd(text string) bool {
	return strings.Contains(text, "sudo ") && sudoPrefixRe.MatchString(text)
}

// noteClientCmd records a push or pull command line (a reference pattern
// whose key is the client's command) with its sudo.
func (f *facts) noteClientCmd(n int, text, key string) {
	if !strings.HasSuffix(key, " push ") && !strings.HasSuffix(key, " pull ") {
		return
	}
	if len(f.clientCmds) > 0 && f.clientCmds[len(f.clientCmds)-1].Line == n {
		return
	}
	if len(f.clientCmds) == maxClientCmds {
		copy(f.clientCmds, f.clientCmds[1:])
		f.clientCmds = f.clientCmds[:maxClientCmds-1]
	}
	f.clientCmds = append(f.clientCmds, clientCmd{Line: n, Sudo: sudoCmd(text)})
}

// sudoHomeCand: the push or pull failed without a usable credential, the
// command ran under sudo and the login for its host did not, or the other
// way round.
func sudoHomeCand(h *hit, f *facts, cs []cand) (cand, bool) {
	if h.op != opPush && h.op != opPull {
		return cand{}, false
	}
	n := h.line()
	var cmd *clientCmd
	for i := len(f.clientCmds) - 1; i >= 0; i-- {
		if l := f.clientCmds[i].Line; l <= n {
			if n-l <= 60 {
				cmd = &f.clientCmds[i]
			}
			break
		}
	}
	if cmd == nil {
		return cand{}, false
	}
	state, l := f.loginState(cmd.Line, h.host)
	cliLogin := strings.HasSuffix(l.Source, " login") && !strings.Contains(l.Source, " acr ") && !strings.HasPrefix(l.Source, "heroku")
	if state != "same" || l.Sudo == cmd.Sudo || (!cliLogin && l.Source != "docker/login-action") {
		return cand{}, false
	}
	if l.Source == "docker/login-action" && !cmd.Sudo {
		return cand{}, false
	}
	who, other := "under sudo", "as the job's own user"
	if !l.Sudo {
		who, other = other, who
	}
	return c("no-login", 0.86, fmt.Sprintf("The login (line %d) ran %s and the %s (line %d) %s: sudo gives the client root's HOME, so the two read different docker config files and the %s found no stored credential for %s. Run both the same way: add the user to the docker group and drop sudo, or log in with sudo too (or keep HOME with sudo -E / set DOCKER_CONFIG).", l.Line, who, h.op, cmd.Line, other, h.op, orSome(hostName(h.host), "the registry"))), true
}

// credMangleCand adds the candidates of this file that read the whole log
// around a hit: the sudo split, then a username the shell expanded.
func credMangleCand(h *hit, f *facts, cs []cand) (cand, bool) {
	if sc, ok := sudoHomeCand(h, f, cs); ok {
		return sc, true
	}
	return dollarUserCand(h, f, cs)
}

// dollarUserArg returns the -u/--username value of a login command when the
// shell expands a `$` inside it: a literal prefix, then `$NAME`, written
// bare or in double quotes (Harbor's robot$project+name, a password-like
// user). Single quotes and `\$` keep the `$`; a value that starts with `$`
// is a variable whose value the log does not show.
func dollarUserArg(args string) string {
	if !strings.Contains(args, "$") {
		return ""
	}
	for p := 0; p < len(args); p++ {
		q := userOptAt(args, p)
		if q < 0 || (p > 0 && args[p-1] != ' ') {
			continue
		}
		v := args[q:]
		if strings.HasPrefix(v, "'") {
			return ""
		}
		end := " "
		if strings.HasPrefix(v, `"`) {
			v, end = v[1:], `"`
		}
		if i := strings.Index(v, end); i >= 0 {
			v = v[:i]
		}
		if matchDollarUser(v) /* dollarUserRe */ && !strings.Contains(v, `\$`) {
			return v
		}
		return ""
	}
	return ""
}

var dollarUserRe = lazyRe(`^[A-Za-z0-9._+@-]+\$\{?[A-Za-z_]`)

// dollarUserCand: the registry refused a login whose username the shell
// cut at its `$`.
func dollarUserCand(h *hit, f *facts, cs []cand) (cand, bool) {
	if h.op != opLogin {
		return cand{}, false
	}
	ls := f.loginsBefore(h.line() + 1)
	if len(ls) == 0 {
		return cand{}, false
	}
	l := ls[len(ls)-1]
	if l.DollarUser == "" || h.line()-l.Line > 10 {
		return cand{}, false
	}
	refused := false
	for _, x := range cs {
		if x.cause == "bad-credentials" {
			refused = true
		}
	}
	if !refused {
		return cand{}, false
	}
	u := l.DollarUser
	i := strings.Index(u, "$")
	j := i + 1
	if j < len(u) && u[j] == '{' {
		j++
	}
	for j < len(u) && (u[j] == '_' || u[j] >= 'a' && u[j] <= 'z' || u[j] >= 'A' && u[j] <= 'Z' || u[j] >= '0' && u[j] <= '9') {
		j++
	}
	name := strings.Trim(u[i+1:j], "{")
	if j < len(u) && u[j] == '}' {
		j++
	}
	return c("bad-credentials", 0.88, fmt.Sprintf("The login command (line %d) passes the username %s unquoted or in double quotes: the shell expands $%s (normally unset) to nothing, so the registry got the username %q and refused it. Put the name in single quotes ('%s') or escape the dollar (%s\\%s); in GitLab CI variables, Makefiles and docker-compose files write $$.", l.Line, u, name, u[:i]+u[j:], u, u[:i], u[i:])), true
}

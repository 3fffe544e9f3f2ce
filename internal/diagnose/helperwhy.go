package diagnose

// The credential-store signature's why, by what the failing helper said: the
// helper's own output (the "out: `…`" of the docker CLI's helper protocol
// client, or the exec error when the helper cannot start) names which store
// broke and why, and each has its own remedy. The first entry whose any
// fragment the line holds (all of need, when set) wins; a line none fits
// keeps the general why.
var helperWhys = []struct {
	any, need []string
	why       string
}{
	{
		// Docker Desktop's Windows helper named in a WSL distro's config:
		// "…/docker-credential-desktop.exe: Invalid argument", "fork/exec
		// …desktop.exe: exec format error", "executable file not found"
		// (docker/for-win#9061, #12091, #14039; rancher/rancher#46868).
		any: []string{"docker-credential-desktop.exe", "docker-credential-wincred.exe"},
		why: "The docker config in this WSL distro names Docker Desktop's Windows helper (credsStore desktop.exe), which the distro cannot run: WSL interop is off, the Windows path is not mounted, or Docker Desktop's WSL integration is not enabled for this distro. Remove credsStore from the distro's ~/.docker/config.json (docker then keeps the login in the file) or re-enable the integration.",
	},
	{
		// osxkeychain's errSecInteractionNotAllowed (-25308): the login
		// keychain is locked and no dialog can be shown (ssh, a launchd CI
		// agent); docker-credential-helpers#82, PR #193.
		any: []string{"user interaction is not allowed", "-25308", "keychain is locked"},
		why: "The macOS keychain the helper stores logins in is locked for this non-interactive session (ssh, a CI agent started by launchd), so it cannot ask to unlock it. Unlock it first (security -v unlock-keychain ~/Library/Keychains/login.keychain-db) or remove credsStore on the build Mac so the login goes to config.json.",
	},
	{
		// wincred's CredWrite refusal of a blob over its size limit: ACR
		// refresh tokens and ECR passwords are longer (Azure/azure-cli#4843,
		// docker-credential-helpers#346).
		any: []string{"the stub received bad data"},
		why: "Windows Credential Manager (wincred, or Docker Desktop's helper on Windows) refused the credential: long tokens (ACR refresh tokens, ECR passwords) exceed its size limit. Remove credsStore so docker writes the token to config.json, or use the registry's own credential helper.",
	},
	{
		// wincred with no interactive logon session: a Windows service,
		// scheduled task or ssh session (actions/runner-images#11211).
		any: []string{"a specified logon session does not exist"},
		why: "Windows Credential Manager has no logon session for the account the job runs as (a service, a scheduled task, an ssh session), so the helper cannot store or read the login. Remove credsStore from that account's docker config so the login is kept in config.json.",
	},
	{
		// secretservice without a desktop session's D-Bus and keyring;
		// the distro package golang-docker-credential-helpers picks it
		// when pass is missing (docker/cli#2229, docker-credential-helpers#105).
		any: []string{"cannot autolaunch d-bus", "org.freedesktop.secret", "org.freedesktop.dbus"},
		why: "The secretservice helper needs a desktop session's D-Bus and keyring, and this machine has none (a server, an ssh or CI session). Distribution packages of the credential helpers choose secretservice when pass is not installed: install and initialise pass, or remove the helper package or credsStore.",
	},
	{
		// docker-credential-pass without a usable password store or gpg key.
		any: []string{"pass store is uninitialized", "pass not initialized", "password store is empty", "gpg: decryption failed", "no secret key"},
		why: "docker-credential-pass cannot use its password store for this user: it is not initialised, or gpg has no secret key to decrypt it. Run pass init GPG-ID with a key in this user's keyring (and an agent that can unlock it), or choose another credential store.",
	},
	{
		// notation without any credentials store configured: it keeps
		// logins only in a credential helper (notaryproject/notation
		// pkg/auth ErrCredentialsConfigNotSet; cmd/notation/login.go;
		// notaryproject.dev, "Authenticate with OCI-compliant registries").
		any: []string{"credentials store config was not set up", "credentials store is required"},
		why: "notation keeps registry logins only in a credentials store (a credential helper named by credsStore/credHelpers in notation's config or ~/.docker/config.json), and none is configured on this machine, so the login cannot be saved. Configure a credential helper, or skip notation login and give the credential to notation sign/verify with --username/--password (or NOTATION_USERNAME/NOTATION_PASSWORD).",
	},
	{
		// Docker Desktop's helper reports every store to the Docker Desktop
		// backend (POST http://ipc/registry/credstore-updated over
		// backend.sock); abiosoft/colima#167, docker/for-mac#6394.
		any: []string{"credstore-updated", "backend.sock"},
		why: "Docker Desktop's credential helper reports each login to the Docker Desktop backend, which is not there: Docker Desktop is stopped or replaced (Colima, Rancher Desktop, OrbStack), or the login runs under sudo as another user. Start Docker Desktop, or set credsStore to osxkeychain (macOS), wincred (Windows) or pass (Linux).",
	},
	{
		// Go 1.19+ os/exec refuses a command found through a relative PATH
		// entry (exec.ErrDot): "resolves to executable in current directory".
		any: []string{"resolves to executable in current directory"},
		why: "The helper was found only through a relative PATH entry (\".\" or an empty element), and Go 1.19+ clients refuse to run it from the current directory. Install the helper in an absolute PATH directory, or remove credsStore.",
	},
	{
		// credsStore desktop where Docker Desktop is not installed: a config
		// copied from a Docker Desktop machine, or Docker Desktop replaced
		// (abiosoft/colima#52, ko-build/ko#1115). The absence in the words
		// of Go's os/exec ("executable file not found in $PATH", "no such
		// file or directory") or a shell ("command not found"): the helper's
		// own "credentials not found in native keychain" means it ran.
		any:  []string{"docker-credential-desktop"},
		need: []string{"executable file not found", "command not found", "not installed", "no such file"},
		why:  "The docker config names Docker Desktop's helper (credsStore desktop), but Docker Desktop is not installed here: the config was copied from a Docker Desktop machine, or Docker Desktop was replaced by Colima, Rancher Desktop or OrbStack. Remove credsStore, or set it to a helper this machine has (osxkeychain, pass).",
	},
}

// helperWhy is the why for a credential helper's failure on the line low
// (lowercase), or general when the helper's message is not one of
// helperWhys.
func helperWhy(low, general string) string {
	for _, w := range helperWhys {
		if containsAny(low, w.any) && (len(w.need) == 0 || containsAny(low, w.need)) {
			return w.why
		}
	}
	return general
}

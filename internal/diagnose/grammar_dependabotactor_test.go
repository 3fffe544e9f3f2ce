package diagnose

import "testing"

// TestMessageGrammarDependabotActor holds the lines where a login step names
// the run's actor, dependabot[bot]: docker/login-action's with block echoes
// `username: ${{ github.actor }}` evaluated, and so does a run: step's
// `docker login -u ${{ github.actor }}`. A Dependabot run reads only
// Dependabot secrets and gets a read-only GITHUB_TOKEN unless the workflow
// grants more (docs.github.com/code-security/dependabot/troubleshooting-dependabot/troubleshooting-dependabot-on-github-actions),
// which causes.md files under fork-pr-readonly. The look-alikes name
// Dependabot elsewhere (a commit's author, a commit message) or another user.
func TestMessageGrammarDependabotActor(t *testing.T) {
	checkFirstCause(t, map[string]string{
		// docker/login-action with the actor as username and an empty password secret
		"Run docker/login-action@v3\n  with:\n    registry: ghcr.io\n    username: dependabot[bot]\n    ecr: auto\n    logout: true\nError: Username and password required": "fork-pr-readonly",
		"Run docker/login-action@v3\n  with:\n    registry: registry.orbit.test\n    username: dependabot[bot]\n    logout: true\nError: Password required":                 "fork-pr-readonly",
		// docker login in a run: step, the actor passed with -u or --username
		"Run echo \"\" | docker login ghcr.io -u dependabot[bot] --password-stdin\nError: Cannot perform an interactive login from a non TTY device":         "fork-pr-readonly",
		"Run docker login --username=dependabot[bot] --password-stdin registry.orbit.test\nError: Cannot perform an interactive login from a non TTY device": "fork-pr-readonly",
		// GITHUB_TOKEN logged in as the actor, then GHCR refuses the push (no pull_request tag in the log)
		"Run docker/login-action@v3\n  with:\n    registry: ghcr.io\n    username: dependabot[bot]\n    password: ***\nLogging into ghcr.io...\nLogin Succeeded!\n#13 ERROR: failed to push ghcr.io/orbit/app:main: denied: installation not allowed to Write organization package": "fork-pr-readonly",
		// look-alike: Dependabot as a commit's author is not the run's actor
		"Author: dependabot[bot] <49699333+dependabot[bot]@users.noreply.github.com>\nError: Username and password required":                                                                                                      "empty-credential",
		"    Bump orbit-lib from 1.2.0 to 1.3.0 (#41)\n    Signed-off-by: dependabot[bot] <support@github.com>\n#13 ERROR: failed to push ghcr.io/orbit/app:main: denied: installation not allowed to Write organization package": "gh-token-packages-permission",
		// look-alike: another user in the same with block keeps the empty-secret reading
		"Run docker/login-action@v3\n  with:\n    registry: ghcr.io\n    username: orbit-bot\n    ecr: auto\nError: Username and password required": "empty-credential",
		// look-alike: the job got the repository's Actions secrets (a workflow_run after a Dependabot run): the secret itself is empty
		"Secret source: Actions\nRun docker/login-action@v3\n  with:\n    registry: ghcr.io\n    username: dependabot[bot]\n    logout: true\nError: Username and password required": "empty-credential",
		// look-alike: a Dependabot login that succeeded is no failure
		"Run docker/login-action@v3\n  with:\n    registry: ghcr.io\n    username: dependabot[bot]\n    password: ***\nLogging into ghcr.io...\nLogin Succeeded!": "",
	})
}

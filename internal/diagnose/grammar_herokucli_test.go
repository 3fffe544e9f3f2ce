package diagnose

import "testing"

// TestMessageGrammarHerokuCLI: the Heroku CLI with no API key before its
// registry commands (sig_deploytools.go, heroku-cli-not-logged-in), and the
// same words from other commands and tools, which are no registry failure.
func TestMessageGrammarHerokuCLI(t *testing.T) {
	checkFirstCause(t, map[string]string{
		// heroku container:login and container:push without HEROKU_API_KEY
		"$ heroku container:login\n ▸    not logged in":                                                                   "empty-credential",
		"Run heroku container:push web --app ledger-api\n ▸    not logged in\nError: Process completed with exit code 1.": "empty-credential",
		"$ heroku container:login\nError: not logged in":                                                                  "empty-credential",
		// a deploy action that runs the login through node's execSync: the
		// CLI's line comes before the wrapper's
		"Created and wrote to ~/.netrc\n ▸    not logged in\nError: Error: Command failed: heroku container:login\n ▸    not logged in": "empty-credential",
		// look-alikes: another Heroku command, another tool, a sentence
		"$ heroku config:set LOG_LEVEL=debug -a ledger-api\n ▸    not logged in":                         "",
		"$ npx wrangler whoami\nNot logged in.":                                                          "",
		"$ heroku container:login\nLogin Succeeded\nwarning: the dashboard session is not logged in yet": "",
		"$ heroku container:release web -a ledger-api\n ▸    Invalid credentials provided.":              "",
		// another CLI's bare "Error: not logged in" in a job that also
		// runs a Heroku registry command: not the Heroku CLI's line
		"$ heroku container:push web -a orbit-app\n$ gh auth status\nError: not logged in":       "",
		"$ fly auth whoami\nError: not logged in\n$ heroku container:login":                      "",
		"# heroku container:push runs in the deploy job\n$ vercel whoami\nError: Not logged in.": "",
		// the Heroku CLI's glyph forms after a container:push
		"$ heroku container:push web -a orbit-app\n ›   Error: not logged in": "empty-credential",
	})
}

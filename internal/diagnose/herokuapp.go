package diagnose

import (
	"fmt"
	"strings"
)

// herokuRegistry is Heroku's container registry: images are
// registry.heroku.com/APP/PROCESS_TYPE, and the login (heroku
// container:login, or docker login -u _ with an API key) is the Heroku
// account's (devcenter.heroku.com/articles/container-registry-and-runtime).
const herokuRegistry = "registry.heroku.com"

// rankHerokuAppPath ranks a push to Heroku's registry refused with
// "authentication required" after a login to it: the registry accepted the
// account at login, so the refusal is for the path, whose first segment is
// the app: an app name with a typo, another team's app, or one that does
// not exist (the account may deploy only to apps it is a collaborator on).
// Without a login for the host it returns nil (rankUnauthenticated reads
// that as usual).
func rankHerokuAppPath(h *hit, state string) []cand {
	if h.op != opPush || state != "same" || !strings.EqualFold(h.host, herokuRegistry) {
		return nil
	}
	app, _, _ := strings.Cut(h.repo(), "/")
	why := "Heroku's registry accepted the login, so the account is known; it refuses a push to an app the account cannot deploy. The first path segment is the app name"
	if app != "" {
		why += fmt.Sprintf(" (%s)", app)
	}
	why += ": check it for a typo and that the account is a collaborator on that app (heroku apps), and that the image is registry.heroku.com/APP/PROCESS_TYPE."
	return []cand{
		c("push-outside-namespace", 0.72, why),
		c("repo-not-found", 0.55, ""),
		c("bad-credentials", 0.4, ""),
	}
}

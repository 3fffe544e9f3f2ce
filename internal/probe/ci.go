package probe

import (
	"encoding/json"
	"io"
	"os"
	"strings"

	"github.com/regdoctor/regdoctor/internal/catalog"
)

// ciContext is what the CI environment says about this job; it changes the
// advice (docs.github.com "Variables" reference; docs.gitlab.com
// ci/variables/predefined_variables).
type ciContext struct {
	Platform string // catalog.GitHubActions, catalog.GitLabCI or ""

	// GitHub Actions.
	Event      string // GITHUB_EVENT_NAME
	Repository string // GITHUB_REPOSITORY, "Owner/repo"
	Owner      string // GITHUB_REPOSITORY_OWNER
	ForkPR     bool   // pull_request from a fork (event payload) or Dependabot
	GitHubTok  string // GITHUB_TOKEN when exported to the environment (never printed)

	// GitLab CI.
	RegistryImage string // CI_REGISTRY_IMAGE
	Registry      string // CI_REGISTRY
	JobToken      string // CI_JOB_TOKEN (never printed)
	DockerHost    string // DOCKER_HOST
}

func detectCI(getenv func(string) string) ciContext {
	var c ciContext
	switch {
	case getenv("GITHUB_ACTIONS") == "true":
		c.Platform = catalog.GitHubActions
		c.Event = getenv("GITHUB_EVENT_NAME")
		c.Repository = getenv("GITHUB_REPOSITORY")
		c.Owner = getenv("GITHUB_REPOSITORY_OWNER")
		c.GitHubTok = getenv("GITHUB_TOKEN")
		if getenv("GITHUB_ACTOR") == "dependabot[bot]" {
			c.ForkPR = true
		}
		if strings.HasPrefix(c.Event, "pull_request") && c.Event != "pull_request_target" {
			c.ForkPR = c.ForkPR || isForkPR(getenv("GITHUB_EVENT_PATH"), c.Repository)
		}
	case getenv("GITLAB_CI") == "true":
		c.Platform = catalog.GitLabCI
		c.RegistryImage = getenv("CI_REGISTRY_IMAGE")
		c.Registry = getenv("CI_REGISTRY")
		c.JobToken = getenv("CI_JOB_TOKEN")
	}
	c.DockerHost = getenv("DOCKER_HOST")
	return c
}

// isForkPR reads the event payload: pull_request.head.repo.full_name differs
// from the base repository for a fork.
func isForkPR(path, repo string) bool {
	if path == "" {
		return false
	}
	f, err := os.Open(path)
	if err != nil {
		return false
	}
	defer f.Close()
	var ev struct {
		PullRequest struct {
			Head struct {
				Repo struct {
					FullName string `json:"full_name"`
					Fork     bool   `json:"fork"`
				} `json:"repo"`
			} `json:"head"`
		} `json:"pull_request"`
	}
	if json.NewDecoder(io.LimitReader(f, 8<<20)).Decode(&ev) != nil {
		return false
	}
	h := ev.PullRequest.Head.Repo
	return h.Fork || (h.FullName != "" && !strings.EqualFold(h.FullName, repo))
}

// describe is the context line for the report.
func (c ciContext) describe() string {
	switch c.Platform {
	case catalog.GitHubActions:
		s := "ci: github-actions, event " + c.Event + ", repository " + c.Repository
		if c.ForkPR {
			s += " (fork pull request or Dependabot: read-only GITHUB_TOKEN, no secrets)"
		}
		if c.Owner != strings.ToLower(c.Owner) {
			s += "; owner " + c.Owner + " has uppercase letters: image paths must use " + strings.ToLower(c.Owner)
		}
		return s
	case catalog.GitLabCI:
		s := "ci: gitlab-ci, CI_REGISTRY_IMAGE " + c.RegistryImage
		if c.DockerHost != "" {
			s += ", DOCKER_HOST " + c.DockerHost + " (the daemon runs there; credentials are still read by the client in this job)"
		}
		return s
	}
	return ""
}

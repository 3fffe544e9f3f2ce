package diagnose

import (
	"fmt"
	"strings"
)

// Deploy CLIs that build, push or pull an image as one step of a deploy,
// in their own words around the registry step: AWS SAM CLI when no Docker
// daemon answers, gcloud's deploy-from-source when Artifact Registry
// refuses it, and Azure Container Apps quoting an image value whose
// registry part expanded to empty, and the Heroku CLI finding no API key
// for its registry commands, and Kamal finding no registry credential in
// its config or secrets.

func init() { sigGroups = append(sigGroups, sigsDeployTools) }

func sigsDeployTools() {
	register(
		&signature{
			id: "sam-docker-unreachable",
			// AWS SAM CLI (samcli/lib/build/app_builder.py,
			// BuildInsideContainerError): "Docker is unreachable. Docker
			// needs to be running to build inside a container." for
			// `sam build --use-container`, and for `sam local`
			// (samcli/commands/local/cli_common/user_exceptions): "Running
			// AWS SAM projects locally requires Docker. Have you got it
			// installed and running?". SAM pings the Docker Engine API
			// (docker-py, DOCKER_HOST) before any image pull.
			keys: []string{"docker is unreachable. docker needs", "requires docker. have you got it installed"},
			re:   lazyRe(`(?i)(?:Docker is unreachable\. Docker needs to be running|requires Docker\. Have you got it installed and running)`),
			rank: fixed(c("daemon-unreachable", 0.86, "SAM CLI could not reach a Docker daemon (it pings the Engine API at DOCKER_HOST, or /var/run/docker.sock, before building in a container): Docker is not running there, the socket is elsewhere (Docker Desktop, colima or rootless docker: set DOCKER_HOST), or the CI build has no Docker (CodeBuild: enable privileged mode). No registry was contacted.")),
		},
		&signature{
			id: "gcloud-source-deploy-ar-denied",
			// gcloud run deploy --source (googlecloudsdk
			// command_lib/run/artifact_registry.py ShouldCreateRepository):
			// a 403 (HttpForbiddenError) on GetRepository for the
			// cloud-run-source-deploy repository logs "Permission denied
			// while accessing Artifact Registry. Artifact Registry access is
			// required to deploy from source." before the command's
			// PERMISSION_DENIED.
			keys: []string{"denied while accessing artifact registry"},
			re:   lazyRe(`(?i)Permission denied while accessing Artifact Registry`),
			rank: fixed(c("cloud-iam-denied", 0.8, "Artifact Registry answered 403 when gcloud looked up the repository deploy-from-source pushes to (cloud-run-source-deploy in the service's region): the account gcloud runs as lacks Artifact Registry permissions on the project (artifactregistry.repositories.get, and .create for the first deploy; roles/artifactregistry.admin or writer), or the project has no billing enabled, which Google reports the same way."),
				c("repo-not-found", 0.35, "")),
		},
		&signature{
			id: "containerapp-empty-registry",
			// Azure Container Apps validates the image of a revision by
			// pulling it and quotes the value: `Invalid value: "IMAGE": GET
			// https:…: UNAUTHORIZED: …`. An IMAGE that starts with "/" is a
			// reference whose registry part expanded to empty
			// (--image "$ACR_NAME.azurecr.io/app" with the variable unset,
			// or unquoted).
			keys: []string{`invalid value: "/`},
			re:   lazyRe(`(?i)Invalid value: "(/[^"\s]+)": (?:GET|HEAD) https?:`),
			rank: func(h *hit, f *facts) []cand {
				return []cand{c("empty-reference-variable", 0.82, fmt.Sprintf("The image value %q starts with \"/\": the registry part of the reference expanded to empty (a variable unset or not expanded in the command), so Container Apps asked no registry it can authenticate to.", h.m[1])),
					c("no-login", 0.4, "")}
			},
		},
		&signature{
			id: "kamal-registry-credential-missing",
			// Kamal (formerly MRSK) validates config/deploy.yml before it
			// runs anything, registry login included: an absent or empty
			// registry.username / registry.password stops it with
			// "ERROR (Kamal::ConfigurationError): registry/password: is
			// required" (lib/kamal/configuration/validator/registry.rb,
			// context "registry/KEY" plus "is required"). A password given
			// as a secret name is looked up in .kamal/secrets (Kamal 2,
			// lib/kamal/secrets.rb): "Secret 'NAME' not found in FILES" or
			// "Secret 'NAME' not found, no secret files (FILES) provided";
			// Kamal 1 and MRSK read it from ENV.fetch, Ruby's KeyError `key
			// not found: "KAMAL_REGISTRY_PASSWORD"`. Only secrets whose
			// name says registry are the registry credential; another
			// missing secret (RAILS_MASTER_KEY) is the app's.
			keys: []string{"registry/password: is required", "registry/username: is required", "' not found in .kamal/secrets", "' not found, no secret files", `key not found: "kamal_registry_`, `key not found: "mrsk_registry_`},
			re:   lazyRe(`(?i)(?:\bregistry/(?:password|username): is required|Secret '[^'\s]*REGISTRY[^'\s]*' not found(?: in |, no secret files)|key not found: "(?:KAMAL|MRSK)_REGISTRY_[A-Z_]*")`),
			rank: fixed(c("empty-credential", 0.84, "Kamal stopped before its docker login: the registry credential of config/deploy.yml (registry.username or registry.password) is empty, or names a secret that is not defined where Kamal looks (.kamal/secrets for Kamal 2, the environment for Kamal 1): in CI the variable the secrets file reads (KAMAL_REGISTRY_PASSWORD=$KAMAL_REGISTRY_PASSWORD) was not passed to the step or expanded to empty. Define the secret and pass it to the job; Kamal validates it for every command, not only deploy."),
				c("no-login", 0.4, "")),
		},
		&signature{
			id: "heroku-cli-not-logged-in",
			// The Heroku CLI reads its API key from HEROKU_API_KEY, else
			// from the api.heroku.com entry of ~/.netrc
			// (devcenter.heroku.com/articles/authentication); with
			// neither it stops with a line of its own, " ▸    not logged
			// in" (or "Error: not logged in"). Before heroku
			// container:login or container:push that means the registry
			// login never had a credential: in CI the key's variable or
			// secret was empty or not passed to the step (a deploy action
			// writes ~/.netrc from an empty input). Without a Heroku
			// registry command in the log the line is another Heroku
			// command's, not a registry failure.
			keys: []string{"not logged in"},
			re:   lazyRe(`(?i)^\W*(?:Error:\s*)?not logged in\.?\s*$`),
			rank: func(h *hit, f *facts) []cand {
				if f.firstHerokuCmd() == 0 {
					return nil
				}
				// The Heroku CLI marks its errors with a glyph (" ▸    "
				// from heroku/cli-ux, " ›   Error: " from oclif). Other
				// CLIs say a bare "Error: not logged in" too (Fly, Vercel,
				// a script's own check), so the bare form is read only on
				// the line right after the Heroku registry command.
				if !strings.ContainsAny(h.low, "▸›") && !f.herokuCmdBefore(h.line()) {
					return nil
				}
				h.op, h.host = opLogin, herokuRegistry
				return []cand{
					c("empty-credential", 0.72, fmt.Sprintf("The Heroku CLI found no API key (neither HEROKU_API_KEY nor an api.heroku.com entry in ~/.netrc) for its registry command at line %d, so it never logged in to registry.heroku.com: the secret or variable meant to hold the key expanded to empty or was not passed to this step. Pass a non-empty HEROKU_API_KEY (a key from `heroku authorizations:create`) from a secret the job can read.", f.firstHerokuCmd())),
					c("no-login", 0.5, ""),
				}
			},
			tell: func(*hit, *facts) string {
				return "Check in the failing step that HEROKU_API_KEY is set and not empty: a secret the job cannot read (stored as an environment or organization variable, or not passed to the step) expands to empty (empty-credential); no key configured anywhere, as in a local run before `heroku login`, is no-login."
			},
		},
	)
}

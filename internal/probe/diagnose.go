package probe

import (
	"fmt"
	"strings"

	"github.com/regdoctor/regdoctor/internal/finding"
	"github.com/regdoctor/regdoctor/internal/reghost"
)

// Cause choice for refusals. Facts per registry: shared/domain/registries.md
// ("Missing push shows up as"); CI facts: shared/domain/ci-rules.md.

// anonymousDenied: the request went without a credential and was refused.
func (p *prober) anonymousDenied(step, detail, msg string) (finding.StepOutcome, string) {
	r := p.credRes
	act := p.action()
	switch {
	case p.cred != nil && p.cred.Empty():
		return p.fail(step, "empty-credential", 1, detail,
			fmt.Sprintf("The credential for %s from %s is empty, so the %s went anonymous and was refused.", p.host, p.cred.Source, act))
	case len(r.Problems) > 0:
		return p.fail(step, "credential-store-error", 0.9, detail+"; "+r.Problems[0].Source+": "+r.Problems[0].Err,
			fmt.Sprintf("No credential reached the registry because a credential source is broken: %s: %s.", r.Problems[0].Source, r.Problems[0].Err))
	case len(r.NearMisses) > 0:
		nm := r.NearMisses[0]
		return p.fail(step, "login-wrong-host", 0.9, detail+fmt.Sprintf("; %s has %q", nm.Source, nm.Key),
			fmt.Sprintf("A login exists for %q, but the image is on %s (%s), so the %s went anonymous. Log in to exactly the registry host of the image.", nm.Key, p.host, nm.Why, act))
	case !p.hostGiven && len(r.OtherHosts) > 0:
		return p.fail(step, "missing-registry-host", 0.85, detail+"; credentials exist for "+strings.Join(r.OtherHosts, ", "),
			fmt.Sprintf("%q has no registry host, so it means Docker Hub (docker.io/%s); the credentials here are for %s. Prefix the image with the registry host.", p.raw, p.repo, strings.Join(r.OtherHosts, ", ")))
	case p.ci.ForkPR:
		return p.fail(step, "fork-pr-readonly", 0.85, detail,
			"This run comes from a fork pull request or Dependabot: secrets are empty and GITHUB_TOKEN is read-only, so no credential reached the registry.")
	case len(r.OtherHosts) > 0:
		return p.fail(step, "login-wrong-host", 0.7, detail+"; credentials exist only for "+strings.Join(r.OtherHosts, ", "),
			fmt.Sprintf("This job has logged in to %s, not to %s, so the %s went anonymous. Log in to the image's registry host.", strings.Join(r.OtherHosts, ", "), p.host, act))
	}
	where := "no credential for " + p.host + " was found"
	if len(r.Checked) > 0 {
		where += " (checked " + strings.Join(r.Checked, "; ") + ")"
	}
	return p.fail(step, "no-login", 0.95, detail,
		fmt.Sprintf("The %s went anonymous and was refused: %s. Log in to %s in this job before pushing.", act, where, p.host))
}

// credentialRejected: the credential itself was refused (wrong, revoked or expired).
func (p *prober) credentialRejected(step, detail, msg string) (finding.StepOutcome, string) {
	low := strings.ToLower(msg)
	src := p.cred.Describe()
	switch {
	case p.isJobToken() && p.ci.Registry != "" && !strings.EqualFold(p.ci.Registry, p.host):
		return p.fail(step, "login-wrong-host", 0.85, detail,
			fmt.Sprintf("CI_JOB_TOKEN is valid only for this instance's registry %s, not %s.", p.ci.Registry, p.host))
	case strings.Contains(low, "expired"):
		return p.fail(step, "token-expired", 0.95, detail,
			fmt.Sprintf("The registry says the credential from %s has expired. Mint a fresh one in this job (ECR tokens last 12 h, GCP access tokens 1 h).", src))
	case strings.Contains(low, "2fa") || strings.Contains(low, "two-factor") || strings.Contains(low, "personal access token") || strings.Contains(low, "access token is required") || strings.Contains(low, "sso"):
		return p.fail(step, "password-not-token", 0.9, detail,
			fmt.Sprintf("The registry refuses an account password from %s and asks for an access token.", src))
	case p.credExpiredJWT():
		return p.fail(step, "token-expired", 0.9, detail,
			fmt.Sprintf("The credential from %s is a token whose own expiry has passed.", src))
	case p.kind == reghost.ECR:
		return p.fail(step, "token-expired", 0.6, detail,
			fmt.Sprintf("ECR refused the credential from %s; ECR passwords are 12 h tokens from `aws ecr get-login-password`, so an expired one is the usual reason.", src))
	}
	return p.fail(step, "bad-credentials", 0.9, detail,
		fmt.Sprintf("The registry refuses the credential from %s: wrong user or password, or a revoked token.", src))
}

// credExpiredJWT reports a password that is itself a JWT past its exp.
func (p *prober) credExpiredJWT() bool {
	if p.cred == nil {
		return false
	}
	c := decodeJWT(p.cred.Password)
	return c != nil && c.Exp > 0 && int64(c.Exp) < p.now().Unix()
}

// denied: the credential was accepted but does not allow the action here.
func (p *prober) denied(step, detail, msg string) (finding.StepOutcome, string) {
	low := strings.ToLower(msg)
	ns, _, _ := strings.Cut(p.repo, "/")
	act := p.action()
	if p.cred == nil {
		return p.anonymousDenied(step, detail, msg)
	}
	src := "the credential from " + p.cred.Describe()
	switch {
	case strings.Contains(low, "does not exist") || strings.Contains(low, "name unknown") || strings.Contains(low, "name_unknown"):
		return p.fail(step, "repo-not-found", 0.9, detail,
			fmt.Sprintf("The repository %s does not exist on %s and is not created on push.", p.repo, p.host))
	case strings.Contains(low, "installation not allowed to write organization package"):
		return p.fail(step, "ghcr-package-actions-access", 0.95, detail,
			fmt.Sprintf("The package %s exists but this repository has no Actions write access to it.", p.repo))
	case strings.Contains(low, "installation not allowed to create organization package"):
		return p.fail(step, "gh-token-packages-permission", 0.8, detail,
			"GITHUB_TOKEN may not create this organization package: it lacks packages: write, or the organization forbids package creation.")
	}
	switch p.kind {
	case reghost.GHCR:
		owner := strings.ToLower(p.ci.Owner)
		switch {
		case p.isGitHubToken() && p.ci.ForkPR:
			return p.fail(step, "fork-pr-readonly", 0.9, detail, "This run comes from a fork pull request or Dependabot: its GITHUB_TOKEN is read-only.")
		case p.isGitHubToken() && owner != "" && ns != owner:
			return p.fail(step, "push-outside-namespace", 0.85, detail,
				fmt.Sprintf("GITHUB_TOKEN of %s can only push packages owned by %s, not %s.", p.ci.Repository, owner, ns))
		case p.isGitHubToken():
			return p.fail(step, "gh-token-packages-permission", 0.9, detail,
				"GHCR refused "+act+" with the workflow's GITHUB_TOKEN: the job lacks `permissions: packages: write`.")
		case strings.HasPrefix(p.cred.Password, "ghp_") || strings.HasPrefix(p.cred.Password, "github_pat_"):
			return p.fail(step, "token-missing-scope", 0.85, detail,
				"GHCR refused "+act+" with a personal access token: it lacks the write:packages scope (or packages write on this repository for a fine-grained token).")
		}
		return p.fail(step, "token-missing-scope", 0.6, detail, fmt.Sprintf("GHCR refused %s with %s: the token lacks write:packages, or has no access to this package.", act, src))
	case reghost.DockerHub:
		user := strings.ToLower(p.cred.Username)
		if ns == "library" || (user != "" && ns != user && !p.o.Pull) {
			return p.fail(step, "push-outside-namespace", 0.85, detail,
				fmt.Sprintf("Docker Hub refused %s to %s as %s: the namespace %q is not this account's (org membership with write access is needed for an organization).", act, p.repo, p.cred.Username, ns))
		}
		return p.fail(step, "token-missing-scope", 0.75, detail,
			fmt.Sprintf("Docker Hub accepted the login of %s but refused %s: the access token is read-only (or public-repo-only).", p.cred.Username, act))
	case reghost.GitLab:
		if p.isJobToken() {
			proj := strings.TrimPrefix(strings.TrimPrefix(p.ci.RegistryImage, p.host), "/")
			if proj == "" || !(p.repo == proj || strings.HasPrefix(p.repo, proj+"/")) {
				return p.fail(step, "job-token-cross-project", 0.9, detail,
					fmt.Sprintf("CI_JOB_TOKEN pushes only to its own project's registry (%s), not %s.", p.ci.RegistryImage, p.repo))
			}
		}
		if strings.HasPrefix(p.cred.Password, "gldt-") || strings.HasPrefix(p.cred.Password, "glpat-") {
			return p.fail(step, "token-missing-scope", 0.85, detail, "The GitLab token is valid but lacks write_registry.")
		}
		return p.fail(step, "insufficient-role", 0.75, detail, fmt.Sprintf("GitLab accepted %s but its role on the project cannot %s (Developer or higher pushes).", src, act))
	case reghost.Distribution, reghost.Harbor:
		if p.res.Granted != nil && len(p.res.Granted) == 0 && !p.o.Pull {
			return p.fail(step, "push-outside-namespace", 0.8, detail,
				fmt.Sprintf("The registry accepted %s but grants it nothing at all on %s: the repository is outside what this identity owns (check the namespace).", src, p.repo))
		}
	case reghost.ECR, reghost.GAR:
		return p.fail(step, "cloud-iam-denied", 0.85, detail,
			fmt.Sprintf("The cloud IAM identity behind %s is not allowed to %s to %s (or the repository does not exist).", src, act, p.repo))
	}
	return p.fail(step, "insufficient-role", 0.85, detail,
		fmt.Sprintf("The registry accepted %s but refuses %s on %s: this identity can %s.", src, act, p.repo, grantedPhrase(p.res.Granted)))
}

func grantedPhrase(g []string) string {
	switch {
	case g == nil:
		return "not do that here"
	case len(g) == 0:
		return "do nothing on it"
	}
	return "only " + strings.Join(g, ", ")
}

package probe

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/google/go-containerregistry/pkg/authn"
	"github.com/google/go-containerregistry/pkg/name"

	"github.com/regdoctor/regdoctor/internal/finding"
	"github.com/regdoctor/regdoctor/internal/probe/creds"
)

// stepCredentials resolves the credential as the client would (package creds)
// and reads the CI context.
func (p *prober) stepCredentials() (finding.StepOutcome, string) {
	p.ci = detectCI(p.getenv)
	if d := p.ci.describe(); d != "" {
		p.note("%s", d)
	}
	if p.ci.DockerHost != "" && p.ci.Platform == "" {
		p.note("DOCKER_HOST %s: the daemon pushes, but the client in this shell reads the credentials probed here", p.ci.DockerHost)
	}
	ctx, cancel := p.stepCtx()
	defer cancel()
	p.credRes = creds.Resolve(ctx, creds.Options{
		Registry: p.host, Repository: p.repo,
		Username: p.o.Username, Password: p.o.Password, FlagsSet: p.o.CredFlags,
		Getenv: p.o.Getenv, Home: p.o.Home,
	})
	r := p.credRes
	for _, nm := range r.NearMisses {
		p.note("near miss: %s has key %q: %s", nm.Source, nm.Key, nm.Why)
	}
	for _, pr := range r.Problems {
		p.note("credential source broken: %s: %s", pr.Source, pr.Err)
	}
	if len(r.Checked) > 0 {
		p.note("credential sources checked: %s", strings.Join(r.Checked, "; "))
	}
	if p.o.Getenv == nil && !p.o.CredFlags {
		p.compareKeychain(ctx)
	}
	p.cred = r.Cred
	if p.cred == nil {
		detail := "none found for " + p.host + ": requests go anonymous"
		if len(r.NearMisses) > 0 {
			detail += fmt.Sprintf("; %d near miss(es): %s %q (%s)", len(r.NearMisses), r.NearMisses[0].Source, r.NearMisses[0].Key, r.NearMisses[0].Why)
		}
		if len(r.Problems) > 0 {
			detail += "; broken source: " + r.Problems[0].Source + ": " + r.Problems[0].Err
		}
		return finding.StepWarn, detail
	}
	p.noteCIIdentity()
	detail := p.cred.Describe()
	if r.DockerConfig != "" && strings.HasPrefix(p.cred.Source, "auth file") {
		detail += "; podman, skopeo and buildah use it, but docker and crane read only " + r.DockerConfig + ", which has nothing for " + p.host
		p.note("credential only in a containers auth file: docker and go-containerregistry clients would push anonymously")
	}
	if p.cred.Empty() || (p.cred.Username == "" && p.cred.IdentityToken == "" && p.cred.RegistryToken == "") {
		what := "password/token"
		if !p.cred.Empty() {
			what = "username"
		}
		if p.o.Pull {
			return finding.StepWarn, detail + "; the " + what + " is empty"
		}
		return p.fail(StepCredentials, "empty-credential", 1, detail+": the "+what+" is empty",
			fmt.Sprintf("The credential for %s from %s has an empty %s: the variable or secret it came from is probably unset or misspelt.", p.host, p.cred.Source, what))
	}
	return finding.StepOK, detail
}

// noteCIIdentity says which CI identity the credential is.
func (p *prober) noteCIIdentity() {
	switch {
	case p.isGitHubToken():
		p.note("credential is the workflow's GITHUB_TOKEN (its packages permission decides push)")
	case p.isJobToken():
		p.note("credential is the GitLab CI_JOB_TOKEN (pushes only to its own project, %s)", p.ci.RegistryImage)
	}
}

func (p *prober) isGitHubToken() bool {
	if p.cred == nil {
		return false
	}
	if p.ci.GitHubTok != "" && p.cred.Password == p.ci.GitHubTok {
		return true
	}
	return strings.HasPrefix(p.cred.Password, "ghs_") // installation token shape
}

func (p *prober) isJobToken() bool {
	if p.cred == nil {
		return false
	}
	if p.ci.JobToken != "" && p.cred.Password == p.ci.JobToken {
		return true
	}
	return p.cred.Username == "gitlab-ci-token" || strings.HasPrefix(p.cred.Password, "glcbt-")
}

// compareKeychain reports when go-containerregistry's DefaultKeychain (what
// crane and ko use) would pick another credential than the one found here:
// it reads ~/.docker/config.json before $DOCKER_CONFIG and ignores the
// containers auth files when a docker config exists.
func (p *prober) compareKeychain(ctx context.Context) {
	reg, err := name.NewRegistry(p.host)
	if err != nil {
		return
	}
	type res struct {
		cfg *authn.AuthConfig
		err error
	}
	ch := make(chan res, 1)
	go func() {
		a, err := authn.DefaultKeychain.Resolve(reg)
		if err != nil {
			ch <- res{nil, err}
			return
		}
		cfg, err := a.Authorization()
		ch <- res{cfg, err}
	}()
	select {
	case <-ctx.Done():
		return
	case <-time.After(5 * time.Second):
		p.note("go-containerregistry keychain: no answer within 5s (a credential helper hangs)")
		return
	case r := <-ch:
		if r.err != nil {
			p.note("go-containerregistry keychain (crane, ko) fails: %v", r.err)
			return
		}
		ours := p.credRes.Cred
		theirsAnon := r.cfg.Username == "" && r.cfg.Password == "" && r.cfg.IdentityToken == "" && r.cfg.RegistryToken == "" && r.cfg.Auth == ""
		switch {
		case ours == nil && !theirsAnon:
			p.note("go-containerregistry keychain (crane, ko) finds a credential for %s that docker would not use", p.host)
		case ours != nil && theirsAnon && !ours.Empty():
			p.note("go-containerregistry keychain (crane, ko) finds no credential for %s: it would go anonymous", p.host)
		case ours != nil && !theirsAnon && (r.cfg.Username != ours.Username || r.cfg.Password != ours.Password):
			p.note("go-containerregistry keychain (crane, ko) picks another credential for %s than %s", p.host, ours.Source)
		}
	}
}

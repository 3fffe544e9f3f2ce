// Package reghost classifies container-registry hosts by the service behind
// them, because auth behaviour and fixes differ per service
// (shared/domain/registries.md, table "Missing push shows up as").
package reghost

import (
	"net"
	"strings"
)

// Kind is a registry service family.
type Kind string

// Registry kinds. Distribution is the fallback for any other host.
const (
	GHCR         Kind = "ghcr"
	DockerHub    Kind = "dockerhub"
	ECR          Kind = "ecr"
	ECRPublic    Kind = "ecr-public"
	GAR          Kind = "gar" // Artifact Registry and Container Registry (gcr.io)
	ACR          Kind = "acr"
	Quay         Kind = "quay"
	Harbor       Kind = "harbor" // only recognisable by path/realm (/service/token), not host
	GitLab       Kind = "gitlab"
	Distribution Kind = "distribution" // self-hosted CNCF distribution or unknown
	Unknown      Kind = ""
)

// Kinds lists every kind in a stable order for docs and tables.
var Kinds = []Kind{GHCR, DockerHub, ECR, ECRPublic, GAR, ACR, Quay, Harbor, GitLab, Distribution}

// Names gives a human name per kind.
var Names = map[Kind]string{
	GHCR: "GitHub Container Registry (ghcr.io)", DockerHub: "Docker Hub", ECR: "Amazon ECR (private)",
	ECRPublic: "Amazon ECR Public", GAR: "Google Artifact Registry / Container Registry", ACR: "Azure Container Registry",
	Quay: "Quay", Harbor: "Harbor", GitLab: "GitLab container registry", Distribution: "self-hosted registry (CNCF distribution)",
}

// Normalize lowercases a host, strips a scheme, a path and a trailing dot, and
// maps Docker Hub aliases to "docker.io". "https://index.docker.io/v1/" gives "docker.io".
func Normalize(host string) string {
	h := strings.ToLower(strings.TrimSpace(host))
	h = strings.TrimPrefix(h, "https://")
	h = strings.TrimPrefix(h, "http://")
	if i := strings.IndexByte(h, '/'); i >= 0 {
		h = h[:i]
	}
	h = strings.TrimSuffix(h, ".")
	switch h {
	case "index.docker.io", "registry-1.docker.io", "registry.hub.docker.com", "docker.io", "auth.docker.io", "registry.docker.io":
		return "docker.io"
	}
	return h
}

// Classify returns the kind of a registry host ("ghcr.io", "123.dkr.ecr.us-east-1.amazonaws.com",
// "europe-docker.pkg.dev", "myreg.azurecr.io", "registry.gitlab.com", ...).
// Hosts it does not know give Distribution; an empty host gives DockerHub,
// because a reference without a host goes to Docker Hub.
func Classify(host string) Kind {
	h := Normalize(host)
	if hh, _, err := net.SplitHostPort(h); err == nil {
		h = hh
	}
	switch {
	case h == "" || h == "docker.io":
		return DockerHub
	case h == "ghcr.io" || h == "docker.pkg.github.com" || strings.HasSuffix(h, ".ghcr.io"):
		return GHCR
	case h == "public.ecr.aws":
		return ECRPublic
	case strings.Contains(h, ".dkr.ecr.") && (strings.HasSuffix(h, ".amazonaws.com") || strings.HasSuffix(h, ".amazonaws.com.cn")):
		return ECR
	case h == "gcr.io" || strings.HasSuffix(h, ".gcr.io") || strings.HasSuffix(h, "-docker.pkg.dev") || h == "docker.pkg.dev":
		return GAR
	case strings.HasSuffix(h, ".azurecr.io") || strings.HasSuffix(h, ".azurecr.cn") || strings.HasSuffix(h, ".azurecr.us"):
		return ACR
	case h == "quay.io" || strings.HasSuffix(h, ".quay.io"):
		return Quay
	case h == "registry.gitlab.com" || strings.HasPrefix(h, "registry.gitlab.") || strings.Contains(h, "gitlab"):
		return GitLab
	}
	return Distribution
}

// LooksLikeHost reports whether the first path component of a reference is a
// registry host by docker's rule: it contains a '.' or a ':', or is "localhost"
// (distribution/reference, normalize.go splitDockerDomain).
func LooksLikeHost(s string) bool {
	return strings.ContainsAny(s, ".:") || s == "localhost"
}

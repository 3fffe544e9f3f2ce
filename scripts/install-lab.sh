#!/usr/bin/env bash
# Installs what the registry lab (internal/lab) needs on a Debian 12 machine:
#   apt:  skopeo, podman, docker.io (dockerd), iproute2, util-linux (nsenter)
#   Go:   crane, regctl, oras, built from the versions pinned in tools/go.mod
#         into $(go env GOPATH)/bin (internal/lab also looks there).
# Idempotent and fast when everything is present: apt runs only for missing
# packages, and a Go client is rebuilt only when its installed version differs
# from the pin. Prints each client with its version. Needs root for apt.
set -euo pipefail
cd "$(dirname "$0")/.."

apt_pkgs=(skopeo podman docker.io iproute2 util-linux)
missing=()
for p in "${apt_pkgs[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" -ne 0 ]; then
    echo "install-lab: need root to apt-get install: ${missing[*]}" >&2
    exit 1
  fi
  echo "install-lab: apt-get install ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

gobin="$(go env GOPATH)/bin"
mkdir -p "$gobin"
# tool path -> module whose version is pinned in tools/go.mod
declare -A mods=(
  [crane]=github.com/google/go-containerregistry
  [regctl]=github.com/regclient/regclient
  [oras]=oras.land/oras
)
rebuild=0
for bin in "${!mods[@]}"; do
  want=$(cd tools && go list -m -f '{{.Version}}' "${mods[$bin]}")
  have=""
  if [ -x "$gobin/$bin" ]; then
    have=$(go version -m "$gobin/$bin" 2>/dev/null | awk -v m="${mods[$bin]}" '($1=="mod" || $1=="dep") && $2==m {print $3}')
  fi
  if [ "$have" != "$want" ]; then rebuild=1; fi
done
if [ "$rebuild" = 1 ]; then
  echo "install-lab: building crane, regctl, oras from tools/go.mod"
  (cd tools && GOBIN="$gobin" go install tool)
fi

echo "install-lab: lab clients"
printf '  %-8s %s\n' \
  crane "$("$gobin/crane" version)" \
  regctl "$("$gobin/regctl" version --format '{{.VCSTag}}')" \
  oras "$("$gobin/oras" version | awk '/^Version:/ {print $2}')" \
  skopeo "$(skopeo --version | awk '{print $3}')" \
  podman "$(podman --version | awk '{print $3}')" \
  dockerd "$(dockerd --version | awk '{print $3}' | tr -d ,)" \
  docker "$(docker --version | awk '{print $3}' | tr -d ,)"

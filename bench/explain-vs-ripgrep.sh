#!/usr/bin/env bash
# Measures `regdoctor explain` (when the explain command exists) and the log
# scanner alone against ripgrep on one large log assembled from the real
# corpus, with the same keyword list:
#   wall time, MB/s and peak RSS (/usr/bin/time -v) for each, and the ratios.
#
# usage: bench/explain-vs-ripgrep.sh [MiB]        (default 512)
# env:   KEYWORDS=file   keyword list (default: explain's own prefilter,
#                        printed by bench/kwdump; bench/keywords.txt without diagnose)
#        RUNS=n          runs per contender, best kept (default 3; explain: EXPLAIN_RUNS, default 1)
#        EXPLAIN=0       skip the explain run
#        SHARED=dir      shared folder (default ../shared)
#        KEEP=1          keep the temporary folder (log, binaries)
# Needs: go, ripgrep (apt package ripgrep), GNU time (apt package time).
# ripgrep's peak RSS counts the pages of the file it mmaps; ours reads.
set -euo pipefail
cd "$(dirname "$0")/.."
MB="${1:-512}"
RUNS="${RUNS:-3}"
EXPLAIN_RUNS="${EXPLAIN_RUNS:-1}"
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
if [ -z "${KEYWORDS:-}" ]; then
  if [ -d internal/diagnose ] && go run ./bench/kwdump > "$tmp/diagnose-keywords.txt"; then
    KEYWORDS="$tmp/diagnose-keywords.txt"
  else
    KEYWORDS=bench/keywords.txt
  fi
fi
echo "keywords: $KEYWORDS"

echo "== assemble ${MB} MiB from $SHARED/corpus/logs"
# Filler = corpus lines with none of the registry error signatures of
# bench/keywords.txt (independent of the prefilter measured).
"$tmp/assemble" -corpus "$SHARED/corpus/logs" -keywords bench/keywords.txt -o "$tmp/big.log" -mb "$MB"
grep -v -e '^# ' -e '^#$' -e '^$' "$KEYWORDS" > "$tmp/keywords.txt" # as bench.ReadKeywords
size=$(stat -c %s "$tmp/big.log")
echo "log: $size bytes, $(wc -l < "$tmp/keywords.txt") keywords"
cat "$tmp/big.log" > /dev/null # warm the page cache for every contender

# measure NAME RUNS CMD...: best wall time of RUNS runs, peak RSS of that run.
measure() {
  local name="$1" runs="$2"; shift 2
  local best="" rss="" out="" cpu=""
  for _ in $(seq "$runs"); do
    /usr/bin/time -v -o "$tmp/time.txt" "$@" > "$tmp/out.txt" 2> "$tmp/err.txt" || true
    local wall kb c
    wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {n=split($2,a,":"); s=0; for(i=1;i<=n;i++) s=s*60+a[i]; print s}' "$tmp/time.txt")
    kb=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$tmp/time.txt")
    c=$(awk -F': ' '/User time|System time/ {s+=$2} END {print s}' "$tmp/time.txt")
    if [ -z "$best" ] || awk "BEGIN{exit !($wall < $best)}"; then best=$wall; rss=$kb; out=$(head -c 200 "$tmp/out.txt" | tr '\n' ' '); fi
    if [ -z "$cpu" ] || awk "BEGIN{exit !($c < $cpu)}"; then cpu=$c; fi
  done
  local mbs
  mbs=$(awk "BEGIN{printf \"%.0f\", $size/1048576/($best>0?$best:0.001)}")
  printf '%-16s wall %7.2f s %6s MB/s   cpu %7.2f s   peak RSS %7.1f MB   out: %.40s\n' "$name" "$best" "$mbs" "$cpu" "$(awk "BEGIN{print $rss/1024}")" "$out"
  eval "T_${name//[^a-zA-Z0-9]/_}=$best"
  eval "C_${name//[^a-zA-Z0-9]/_}=$cpu"
}

echo "== measure (best of $RUNS; explain: $EXPLAIN_RUNS)"
measure ripgrep "$RUNS" rg -c -i -F -f "$tmp/keywords.txt" "$tmp/big.log"
measure ripgrep_1thread "$RUNS" rg -j1 -c -i -F -f "$tmp/keywords.txt" "$tmp/big.log"
measure logscan "$RUNS" "$tmp/scan" -keywords "$KEYWORDS" "$tmp/big.log"
if [ "${EXPLAIN:-1}" != 0 ] && "$tmp/regdoctor" explain --help >/dev/null 2>&1; then
  measure explain "$EXPLAIN_RUNS" "$tmp/regdoctor" explain --format json "$tmp/big.log"
fi

echo "== ratios (lower is better; target <= 1.5)"
# Baseline: the faster of ripgrep's default (threads, mmap) and -j1 runs.
T_rg=$(awk "BEGIN{print ($T_ripgrep < $T_ripgrep_1thread) ? $T_ripgrep : $T_ripgrep_1thread}")
# CPU time (user+sys) is also given: on a shared machine it is steadier.
awk "BEGIN{printf \"logscan / ripgrep: wall %.2f   cpu %.2f (vs rg -j1)\n\", $T_logscan/$T_rg, $C_logscan/$C_ripgrep_1thread}"
if [ -n "${T_explain:-}" ]; then
  awk "BEGIN{printf \"explain / ripgrep: wall %.2f   cpu %.2f (vs rg -j1)\n\", $T_explain/$T_rg, $C_explain/$C_ripgrep_1thread}"
else
  echo "explain: not measured (EXPLAIN=0, or no explain command in this build)"
fi

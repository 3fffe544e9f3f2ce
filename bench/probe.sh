#!/usr/bin/env bash
# Push-check comparison: regdoctor probe vs go-containerregistry's
# remote.CheckPushPermission (what crane, ko and kaniko run before a push),
# against the same in-process lab registry (HTTPS on 127.0.0.2, token and
# htpasswd auth), cold connections every iteration.
# Usage: bench/probe.sh [iterations per run, default 200] [runs, default 5]
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-200}
count=${2:-5}
out=$(go test ./bench/ -run '^$' -bench 'BenchmarkPushCheck' -benchtime "${n}x" -count "$count")
echo "$out" | grep -E '^Benchmark'
echo
echo "$out" | awk '
/^BenchmarkPushCheck/ {
	split($1, p, "/"); setup = p[2]; tool = p[3]; sub(/-[0-9]+$/, "", tool)
	ns[setup, tool] += $3; rt[setup, tool] += $5; k[setup, tool]++; setups[setup] = 1
}
END {
	printf "%-16s %-26s %10s %12s\n", "setup", "tool", "ms/check", "round trips"
	for (s in setups) {
		for (t = 0; t < 2; t++) {
			tool = t == 0 ? "regdoctor" : "ggcr-CheckPushPermission"
			if (k[s, tool] == 0) continue
			printf "%-16s %-26s %10.2f %12.1f\n", s, tool, ns[s, tool] / k[s, tool] / 1e6, rt[s, tool] / k[s, tool]
		}
		if (k[s, "regdoctor"] && k[s, "ggcr-CheckPushPermission"])
			printf "%-16s %-26s %10.2fx\n", s, "ratio regdoctor/ggcr", (ns[s, "regdoctor"] / k[s, "regdoctor"]) / (ns[s, "ggcr-CheckPushPermission"] / k[s, "ggcr-CheckPushPermission"])
	}
}'

#!/usr/bin/env bash
# Overhead of server statistics: Salvo's throughput with and without them (snapshots, the pg_stat_activity sampler,
# outlier keeping), in alternating rounds of overhead.sh's Salvo contender (same database, clients and duration).
#
# Usage: bash benchmarks/server-overhead.sh [--rounds 3] [--clients 8] [--seconds 20] [--warmup 5] [--skip-build]
#            [--mode loop|visit]
# Each round runs overhead.sh --only salvo twice (order alternating), once with -Dsalvo.serverStatistics=false.
# Raw outputs: benchmarks/results/server-overhead-<UTC timestamp>.txt.
# Last line: RESULT with_qps=<median> without_qps=<median> ratio=<with/without, median of per-round ratios>
set -euo pipefail
rounds=3; clients=8; seconds=20; warmup=5; build=1; mode=loop
while [ $# -gt 0 ]; do
  case "$1" in
    --rounds) rounds=$2; shift 2;;
    --clients) clients=$2; shift 2;;
    --seconds) seconds=$2; shift 2;;
    --warmup) warmup=$2; shift 2;;
    --mode) mode=$2; shift 2;;
    --skip-build) build=0; shift;;
    -h|--help) sed -n '2,9p' "$0"; exit 0;;
    *) echo "server-overhead.sh: unknown option '$1' (see --help)" >&2; exit 2;;
  esac
done
for v in rounds clients seconds warmup; do
  [[ "${!v}" =~ ^[0-9]+$ ]] && [ "${!v}" -gt 0 ] || { echo "server-overhead.sh: --$v must be a positive integer, but was '${!v}'" >&2; exit 2; }
done
root=$(cd "$(dirname "$0")/.." && pwd)
mkdir -p "$root/benchmarks/results"
raw="$root/benchmarks/results/server-overhead-$(date -u +%Y%m%dT%H%M%SZ).txt"
echo "# server-overhead.sh --rounds $rounds --clients $clients --seconds $seconds --warmup $warmup --mode $mode; $(nproc) CPUs; load average at start: $(cut -d' ' -f1-3 /proc/loadavg)" > "$raw"
# shellcheck source=lib.sh
source "$root/benchmarks/lib.sh"
build_classpath  # each round's overhead.sh snapshots the class path itself
one() { # $1 = with|without; prints the Salvo qps
  local extra=(); [ "$1" = without ] && extra=(--no-server-stats)
  local skip=(--skip-build)
  local out; out=$(bash "$root/benchmarks/overhead.sh" --only salvo --rounds 1 --clients "$clients" --seconds "$seconds" \
      --warmup "$warmup" --mode "$mode" "${skip[@]}" "${extra[@]}" --work "$root/benchmarks/target/server-overhead" 2>>"$raw")
  echo "$1: $(tail -1 <<<"$out")" >> "$raw"
  local qps; qps=$(sed -n 's/^RESULT salvo_qps=\([0-9.]*\).*/\1/p' <<<"$out")
  [ -n "$qps" ] || { echo "server-overhead.sh: the Salvo run ($1 server statistics) gave no result; see $raw" >&2; exit 1; }
  echo "$qps"
}
W=(); N=(); R=()
for r in $(seq 1 "$rounds"); do
  if [ $((r % 2)) -eq 1 ]; then w=$(one with) && n=$(one without) || exit 1
  else n=$(one without) && w=$(one with) || exit 1; fi
  W+=("$w"); N+=("$n"); R+=("$(python3 -c "print(f'{$w/$n:.4f}')")")
  echo "round $r: with $w qps, without $n qps, ratio ${R[-1]}" | tee -a "$raw" >&2
done
med() { printf '%s\n' "$@" | sort -g | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
echo "# load average at end: $(cut -d' ' -f1-3 /proc/loadavg)" >> "$raw"
echo "RESULT with_qps=$(med "${W[@]}") without_qps=$(med "${N[@]}") ratio=$(med "${R[@]}")" | tee -a "$raw"

#!/usr/bin/env bash
# Does `salvo compare` separate a real change from noise? N pairs of real Gatling runs of one simulation
# (dev.salvo.benchmarks.compare.NoiseSimulation: open model, 200 users/s for 14 s, the first 3 s a warmup; each user
# runs a POINT_LOOKUP or an AGGREGATION, half and half, ~1,100 measured requests each, and one in forty also a rare
# RANGE_SCAN), against an embedded PostgreSQL:
#   A/A: run A_i and A'_i are identical            -> compare must find no regression (at most 1 pair in 20)
#   A/B: run B_i makes the AGGREGATION kind's server time 20% longer (bench.slowdownPercent=20: its pg_sleep wait,
#        a random 5-20 ms per query, times 1.2)    -> compare must find a regression (at least 19 pairs in 20)
# Runs are made in the order A_i, B_i, A'_i. Every run directory, log and comparison is kept under
# benchmarks/results/compare-noise-<timestamp>/. compare runs with its defaults (thresholds, alpha, min samples).
# With --control KIND each pair is compared both ways from the same runs: as measured, and with
# `salvo compare --control KIND` (latencies judged against the control kind's change in the same two runs).
#
# Usage: bash benchmarks/compare-noise.sh [--pairs N] [--control KIND] [--skip-build] [--compare-only DIR]
#   --compare-only DIR   compare the runs already in DIR (a previous invocation's results directory) again
# Last line: RESULT aa_flagged=<n>/<N> ab_detected=<n>/<N>, followed with --control by control=KIND and
#   aa_flagged_with_control=<n>/<N> ab_detected_with_control=<n>/<N>
set -euo pipefail
pairs=20; build=1; only=""; control=""
while [ $# -gt 0 ]; do
  case "$1" in
    --pairs) pairs=$2; shift 2;;
    --control) control=$2; shift 2;;
    --skip-build) build=0; shift;;
    --compare-only) only=$2; shift 2;;
    -h|--help) sed -n '2,19p' "$0"; exit 0;;
    *) echo "compare-noise.sh: unknown option '$1' (see --help)" >&2; exit 2;;
  esac
done
[[ "$pairs" =~ ^[0-9]+$ ]] && [ "$pairs" -gt 0 ] || { echo "compare-noise.sh: --pairs must be a positive integer, but was '$pairs'" >&2; exit 2; }
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
if [ "$build" = 1 ]; then mvn -B -q -pl benchmarks,cli -am package -DskipTests >&2; fi
cli="$root/cli/target/salvo.jar"
[ -f "$cli" ] || { echo "compare-noise.sh: $cli must exist (built by: mvn -pl benchmarks,cli -am package -DskipTests), but it does not" >&2; exit 2; }
if [ -z "$only" ]; then
  out="$root/benchmarks/results/compare-noise-$(date -u +%Y%m%dT%H%M%SZ)"
  mkdir -p "$out"
  work="$root/benchmarks/target/compare-noise"; rm -rf "$work"; mkdir -p "$work"
  # shellcheck source=lib.sh
  source "$root/benchmarks/lib.sh"
  quiet_gatling_opts
  cp "$root/benchmarks/target/benchmarks.jar" "$work/benchmarks.jar" # a rebuild during the runs does not change them
  cp "$cli" "$work/salvo.jar"; cli="$work/salvo.jar"
  run() { # label slowdownPercent; the machine's load before and after each run goes to logs/load.txt
    echo "$1 before $(cut -d' ' -f1-3 /proc/loadavg) $(date -u +%H:%M:%S)" >> "$out/logs/load.txt"
    java -Xmx1G --add-opens=java.base/java.lang=ALL-UNNAMED --add-opens=java.base/jdk.internal.misc=ALL-UNNAMED \
      "${quiet_opts[@]}" \
      -Dsalvo.workDir="$work/pg" -Dsalvo.resultsDir="$out/runs/$1" -Dbench.slowdownPercent="$2" \
      -cp "$work/benchmarks.jar" io.gatling.app.Gatling \
      --simulation dev.salvo.benchmarks.compare.NoiseSimulation --results-folder "$work/gatling" --no-reports \
      > "$out/logs/$1.log" 2>&1 || { echo "compare-noise.sh: run $1 failed, see $out/logs/$1.log" >&2; exit 3; }
    echo "$1 after $(cut -d' ' -f1-3 /proc/loadavg) $(date -u +%H:%M:%S)" >> "$out/logs/load.txt"
  }
  mkdir -p "$out/logs" "$out/runs"
  for i in $(seq 1 "$pairs"); do
    run "a$i" 0; run "b$i" 20; run "aa$i" 0
    echo "pair $i of $pairs: 3 runs done" >&2
  done
else
  out=$(cd "$only" && pwd)
  pairs=0 # complete triples only (an interrupted invocation leaves its last one incomplete)
  while ls "$out/runs/aa$((pairs + 1))"/*/results.json > /dev/null 2>&1; do pairs=$((pairs + 1)); done
  [ "$pairs" -gt 0 ] || { echo "compare-noise.sh: $out must hold complete runs a1, b1, aa1, but does not" >&2; exit 2; }
fi
rm -rf "$out/compare"; mkdir -p "$out/compare"
declare -A flagged=([aa]=0 [ab]=0 [aac]=0 [abc]=0)
for i in $(seq 1 "$pairs"); do
  a=$(ls -d "$out/runs/a$i"/*/); b=$(ls -d "$out/runs/b$i"/*/); a2=$(ls -d "$out/runs/aa$i"/*/)
  for kind in aa ab ${control:+aac abc}; do
    other=$a2; [ "${kind:0:2}" = ab ] && other=$b
    opts=(); [ "${#kind}" = 3 ] && opts=(--control "$control")
    set +e
    java -jar "$cli" compare "${opts[@]}" -o "$out/compare/$kind$i" "$a" "$other" > "$out/compare/$kind$i.txt" 2>&1
    status=$?
    set -e
    case "$status" in
      0) ;;
      1) flagged[$kind]=$((flagged[$kind] + 1));;
      *) echo "compare-noise.sh: compare $kind$i failed with exit $status, see $out/compare/$kind$i.txt" >&2; exit 3;;
    esac
    echo "$kind$i exit $status: $(grep REGRESSION "$out/compare/$kind$i.txt" | tr '\n' ' ')" >&2
  done
done
echo "results: $out" >&2
line="RESULT aa_flagged=${flagged[aa]}/$pairs ab_detected=${flagged[ab]}/$pairs"
[ -n "$control" ] && line="$line control=$control aa_flagged_with_control=${flagged[aac]}/$pairs ab_detected_with_control=${flagged[abc]}/$pairs"
echo "$line" | tee "$out/RESULT${control:+-control}.txt"

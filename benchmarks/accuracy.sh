#!/usr/bin/env bash
# Open-model accuracy: does Salvo achieve the target arrival rate? For each rate, one run of `bench.seconds` against an
# embedded PostgreSQL (started by the run itself); the achieved rate is taken from Salvo's 1-second timeline, leaving
# out the first and last 2 seconds (ramp-up of the JVM and the drain), and compared with the target.
# --warmup SECONDS runs the same load that long first as Salvo's warmup (not measured, not in the timeline), as a user
# would; by default none, so the JVM's start-up (class loading, the JIT) is in the run's first seconds.
#
# Usage: bash benchmarks/accuracy.sh [--rates "1000 5000"] [--seconds 30] [--warmup 0] [--skip-build]
# Last line: RESULT rate_<r>_achieved=<x> rate_<r>_error_pct=<x> rate_<r>_worst_second_pct=<x> rate_<r>_total_error_pct=<x>
#   ... warmup_s=<s>
#   per rate: the steady-state rate and its error, the worst single second, and all requests / (rate x seconds)
set -euo pipefail
rates="1000 5000"; seconds=30; warmup=0; build=1
while [ $# -gt 0 ]; do
  case "$1" in
    --rates) rates=$2; shift 2;;
    --seconds) seconds=$2; shift 2;;
    --warmup) warmup=$2; shift 2;;
    --skip-build) build=0; shift;;
    -h|--help) sed -n '2,9p' "$0"; exit 0;;
    *) echo "accuracy.sh: unknown option '$1' (see --help)" >&2; exit 2;;
  esac
done
[[ "$seconds" =~ ^[0-9]+$ ]] && [ "$seconds" -gt 4 ] || { echo "accuracy.sh: --seconds must be an integer > 4, but was '$seconds'" >&2; exit 2; }
[[ "$warmup" =~ ^[0-9]+$ ]] || { echo "accuracy.sh: --warmup must be a whole number of seconds, but was '$warmup'" >&2; exit 2; }
root=$(cd "$(dirname "$0")/.." && pwd)
work="$root/benchmarks/target/accuracy"
rm -rf "$work"; mkdir -p "$work"
cd "$root"
# shellcheck source=lib.sh
source "$root/benchmarks/lib.sh"
snapshot_classpath
quiet_gatling_opts
line="RESULT"
for rate in $rates; do
  [[ "$rate" =~ ^[0-9]+$ ]] && [ "$rate" -gt 0 ] || { echo "accuracy.sh: every rate must be a positive integer, but was '$rate'" >&2; exit 2; }
  java -Xmx1G -Xms256m -XX:MaxInlineLevel=20 -XX:MaxTrivialSize=12 --add-opens=java.base/java.lang=ALL-UNNAMED \
    --add-opens=java.base/jdk.internal.misc=ALL-UNNAMED "${quiet_opts[@]}" \
    -Dsalvo.workDir="$work/pg" -Dsalvo.resultsDir="$work/salvo-$rate" \
    -Dsalvo.progressSeconds=1 -Dbench.rate="$rate" -Dbench.seconds="$seconds" -Dbench.warmup="$warmup" -cp "$cp" \
    io.gatling.app.Gatling --simulation dev.salvo.benchmarks.overhead.AccuracySimulation \
    --results-folder "$work/gatling-$rate" --no-reports > "$work/run-$rate.log" 2>&1
  result=$(python3 - "$(ls "$work/salvo-$rate"/*/results.json)" "$rate" "$seconds" <<'PY'
import json, sys
r = json.load(open(sys.argv[1])); target = float(sys.argv[2])
points = r["timelines"]["POINT_LOOKUP"]
first, last = points[0]["startEpochMillis"], points[-1]["endEpochMillis"]
inner = [p for p in points if p["startEpochMillis"] >= first + 2000 and p["endEpochMillis"] <= last - 2000]
count = sum(p["count"] for p in inner); span = sum(p["endEpochMillis"] - p["startEpochMillis"] for p in inner) / 1000.0
achieved = count / span
total = r["requests"][0]["count"]
per_second = [p["count"] / ((p["endEpochMillis"] - p["startEpochMillis"]) / 1000.0) for p in inner]
worst = max(per_second, key=lambda x: abs(x - target))
print("%.1f %+.3f %d %.1f %d %+.3f %+.3f" % (achieved, (achieved - target) / target * 100, total, span, r["requests"][0]["ko"],
      (total / float(sys.argv[3]) - target) / target * 100, (worst - target) / target * 100))
PY
)
  read -r achieved err total span ko whole worst <<< "$result"
  echo "rate $rate/s (warmup ${warmup}s): achieved $achieved/s ($err%) over ${span}s of steady state (worst second $worst%); $total requests in all ($whole% of rate x seconds), $ko failed" >&2
  line="$line rate_${rate}_achieved=$achieved rate_${rate}_error_pct=$err rate_${rate}_worst_second_pct=$worst rate_${rate}_total_error_pct=$whole"
done
echo "$line warmup_s=$warmup"

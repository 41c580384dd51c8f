#!/usr/bin/env bash
# tpcb-like through Salvo and through pgbench, on the same database at the same fixed rate: mean latencies compared,
# balances checked.
#
# One embedded PostgreSQL (the one Salvo's tests use) is started. Then:
#   salvo:   the tpcb-like pattern (dev.salvo.patterns.PatternSimulation, Gatling in a fresh JVM) creates pgbench's
#            tables, fills them at --scale as `pgbench -i` does, and runs pgbench's transaction at --rate per second
#            (an open model) on --clients connections for --seconds.
#   pgbench: `pgbench -n -b tpcb-like -M prepared --rate R -c C -j 1 -T S` on the same tables, right after.
# Both latencies count from each transaction's scheduled start (pgbench's "latency average" under --rate includes the
# schedule lag; Salvo's open model times from the arrival). Balances: after both runs, the sums of branch, teller and
# account balances must all equal the sum of history deltas (every transaction committed all five statements or none).
#
# Usage: bash benchmarks/tpcb-crosscheck.sh [--rate 100] [--clients 4] [--seconds 30] [--warmup 10] [--scale 1] [--skip-build]
#   --warmup  seconds of the same load before the measured ones, for both clients (Salvo: salvo.warmup, the JVM's JIT
#             and Gatling's scheduler settle; pgbench: a run of its own whose numbers are not kept)
# Last line: RESULT salvo_mean_ms=<x> pgbench_mean_ms=<x> ratio=<x.xx> balances=<ok|broken>
set -euo pipefail
rate=100; clients=4; seconds=30; warmup=10; scale=1; build=1
while [ $# -gt 0 ]; do
  case "$1" in
    --rate) rate=$2; shift 2;;
    --clients) clients=$2; shift 2;;
    --seconds) seconds=$2; shift 2;;
    --scale) scale=$2; shift 2;;
    --warmup) warmup=$2; shift 2;;
    --skip-build) build=0; shift;;
    -h|--help) sed -n '2,16p' "$0"; exit 0;;
    *) echo "tpcb-crosscheck.sh: unknown option '$1' (see --help)" >&2; exit 2;;
  esac
done
[[ "$warmup" =~ ^[0-9]+$ ]] || { echo "tpcb-crosscheck.sh: --warmup must be a whole number of seconds, but was '$warmup'" >&2; exit 2; }
for v in rate clients seconds scale; do
  [[ "${!v}" =~ ^[0-9]+$ ]] && [ "${!v}" -gt 0 ] || { echo "tpcb-crosscheck.sh: --$v must be a positive integer, but was '${!v}'" >&2; exit 2; }
done
command -v pgbench >/dev/null || { echo "tpcb-crosscheck.sh: pgbench must be installed (apt-get install postgresql-client), but was not found" >&2; exit 2; }

root=$(cd "$(dirname "$0")/.." && pwd)
work="$root/benchmarks/target/tpcb-crosscheck"
rm -rf "$work"; mkdir -p "$work"
cd "$root"
offline=-o; [ "$build" = 1 ] && offline=
echo "building..." >&2
mvn -B -q $offline -pl benchmarks -am package dependency:build-classpath -DskipTests -Dmdep.outputFile="$work/cp.txt" >&2
# snapshot the code under test: other builds may replace the jars while this runs
mkdir -p "$work/lib"
cp -r "$root/benchmarks/target/classes" "$work/lib/classes"
cp=$(tr ':' '\n' < "$work/cp.txt" | while read -r jar; do
  case "$jar" in */salvo/*/target/*) d="$work/lib/$(basename "$(dirname "$(dirname "$jar")")")-$(basename "$jar")"; cp -r "$jar" "$d"; echo "$d";; *) echo "$jar";; esac
done | paste -sd: -)
cp="$work/lib/classes:$cp"
java_opts=(-Xmx1G --add-opens=java.base/java.lang=ALL-UNNAMED --add-opens=java.base/jdk.internal.misc=ALL-UNNAMED -Djava.util.prefs.userRoot="$work/prefs" -Dhttps.proxyHost=127.0.0.1 -Dhttps.proxyPort=9)

java "${java_opts[@]}" -cp "$cp" dev.salvo.benchmarks.overhead.StartDatabase "$work/pg" "$work/port" > "$work/db.log" 2>&1 &
db_pid=$!
trap 'kill $db_pid 2>/dev/null; wait $db_pid 2>/dev/null || true' EXIT
for _ in $(seq 1 120); do [ -s "$work/port" ] && break; sleep 0.5; done
[ -s "$work/port" ] || { echo "tpcb-crosscheck.sh: the embedded PostgreSQL did not start; see $work/db.log" >&2; exit 1; }
port=$(cat "$work/port")
url="jdbc:postgresql://localhost:$port/postgres?user=postgres"
psqlq() { psql -qtA -h localhost -p "$port" -U postgres -d postgres -c "$1"; }
echo "embedded PostgreSQL $(psqlq 'SHOW server_version') on port $port; pgbench $(pgbench --version | awk '{print $NF}'); scale $scale, rate $rate/s, $clients clients, $seconds s"
echo "machine: $(nproc) cores, load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"

java "${java_opts[@]}" -Dsalvo.url="$url" -Dsalvo.resultsDir="$work/salvo" -Dsalvo.pattern=tpcb-like \
  -Dsalvo.scale="$scale" -Dsalvo.rate="$rate" -Dsalvo.users="$clients" -Dsalvo.duration="$((warmup + seconds))" \
  -Dsalvo.warmup="$warmup" \
  -cp "$cp" io.gatling.app.Gatling --simulation dev.salvo.patterns.PatternSimulation \
  --results-folder "$work/gatling" > "$work/salvo.log" 2>&1 || { echo "tpcb-crosscheck.sh: the Salvo run failed; see $work/salvo.log" >&2; tail -20 "$work/salvo.log" >&2; exit 1; }
results=$(ls -d "$work"/salvo/*/results.json | head -1)
salvo=$(python3 -c 'import json,sys
r=json.load(open(sys.argv[1])); t=[q for q in r["requests"] if q["name"]=="tpcb-like"][0]
print("%.3f %d %d %s" % (t["responseMicros"]["mean"]/1000, t["count"], t["ko"], r["config"].get("pattern")))' "$results")
read -r salvo_ms salvo_n salvo_ko salvo_pattern <<< "$salvo"
echo "salvo ($salvo_pattern): $salvo_n transactions, $salvo_ko errors, mean $salvo_ms ms (load average $(cut -d' ' -f1 /proc/loadavg))"

# pgbench's warmup: the same load for --warmup seconds, not kept (Salvo's first --warmup seconds are not measured either)
[ "$warmup" = 0 ] || pgbench -n -b tpcb-like -M prepared --rate "$rate" -c "$clients" -j 1 -T "$warmup" -h localhost -p "$port" -U postgres postgres \
  > "$work/pgbench-warmup.log" 2>&1 || { echo "tpcb-crosscheck.sh: pgbench's warmup failed; see $work/pgbench-warmup.log" >&2; exit 1; }
pgbench -n -b tpcb-like -M prepared --rate "$rate" -c "$clients" -j 1 -T "$seconds" -h localhost -p "$port" -U postgres postgres \
  > "$work/pgbench.log" 2>&1 || { echo "tpcb-crosscheck.sh: pgbench failed; see $work/pgbench.log" >&2; exit 1; }
pg_ms=$(sed -n 's/^latency average = \([0-9.]*\) ms.*/\1/p' "$work/pgbench.log")
pg_n=$(sed -n 's/^number of transactions actually processed: \([0-9]*\).*/\1/p' "$work/pgbench.log")
[ -n "$pg_ms" ] || { echo "tpcb-crosscheck.sh: could not read pgbench's latency average; see $work/pgbench.log" >&2; exit 1; }
echo "pgbench: $pg_n transactions, mean $pg_ms ms (load average $(cut -d' ' -f1 /proc/loadavg))"
sed -n '/^transaction type/,$p' "$work/pgbench.log"

sums=$(psqlq "SELECT (SELECT sum(bbalance) FROM pgbench_branches), (SELECT sum(tbalance) FROM pgbench_tellers), (SELECT sum(abalance) FROM pgbench_accounts), (SELECT coalesce(sum(delta), 0) FROM pgbench_history), (SELECT count(*) FROM pgbench_history)")
echo "sums: branches|tellers|accounts|history deltas|history rows = $sums"
balances=$(awk -F'|' '{print ($1 == $4 && $2 == $4 && $3 == $4) ? "ok" : "broken"}' <<< "$sums")
awk -v s="$salvo_ms" -v p="$pg_ms" -v b="$balances" 'BEGIN {
  r = int(s / p * 100) / 100  # truncated, never rounded across a target
  printf "RESULT salvo_mean_ms=%.3f pgbench_mean_ms=%.3f ratio=%.2f balances=%s\n", s, p, r, b }'

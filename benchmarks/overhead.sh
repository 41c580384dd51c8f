#!/usr/bin/env bash
# End-to-end overhead benchmark: is Salvo the bottleneck?
#
# One embedded PostgreSQL, the demo table `orders` (200,000 rows), primary-key lookups with random keys, run back to
# back by: pgbench -M prepared (when installed), a raw JDBC loop (same driver, threads, connections, prepared
# statement, every column read), and a Salvo simulation (closed model, same concurrency). Rounds alternate the order;
# medians are reported, with each client's CPU time per query (user+sys of its process / queries it ran).
#
# Usage: bash benchmarks/overhead.sh [--clients 8] [--seconds 20] [--warmup 5] [--rounds 3] [--skip-build]
#            [--only pgbench,jdbc,salvo] [--jfr] [--work DIR] [--no-gatling-stats] [--mode loop|visit]
#   --mode  loop (default): each Salvo user runs tightLoop (back to back on one Salvo thread); visit: Gatling schedules
#           every request (exec(lookup) in forever), a thread hand-off each way per request
#   --no-gatling-stats  Salvo does not log each request to Gatling's StatsEngine (database().noGatlingRequestStats())
#   --no-server-stats   Salvo reads no server statistics and samples no wait events (-Dsalvo.serverStatistics=false)
#   --only  runs only the listed contenders (ratios need salvo and jdbc; a missing one is reported as na)
#   --jfr   records a JDK Flight Recording of each Java contender (profile settings) into benchmarks/target/overhead/;
#           read it with `jfr print --events jdk.ExecutionSample <file>` or `jfr summary <file>`. It costs CPU: do not
#           compare numbers from a --jfr run with numbers from a plain run.
#   --work  the working directory (default benchmarks/target/overhead); emptied first. The harness runs from a copy of
#           the benchmark classes and Salvo's jars taken there after the build, so a concurrent build cannot change the
#           code under test mid-run.
# Last line: RESULT salvo_qps=<n> raw_jdbc_qps=<n> pgbench_tps=<n|na> ratio_vs_raw_jdbc=<x.xx> ratio_vs_pgbench=<x.xx|na>
set -euo pipefail
clients=8; seconds=20; warmup=5; rounds=3; build=1; gatling_stats=true; server_stats=true; mode=loop; only=pgbench,jdbc,salvo; jfr=0; work=
while [ $# -gt 0 ]; do
  case "$1" in
    --clients) clients=$2; shift 2;;
    --seconds) seconds=$2; shift 2;;
    --warmup) warmup=$2; shift 2;;
    --rounds) rounds=$2; shift 2;;
    --skip-build) build=0; shift;;
    --no-gatling-stats) gatling_stats=false; shift;;
    --no-server-stats) server_stats=false; shift;;
    --only) only=$2; shift 2;;
    --mode) mode=$2; shift 2;;
    --jfr) jfr=1; shift;;
    --work) work=$2; shift 2;;
    -h|--help) sed -n '2,20p' "$0"; exit 0;;
    *) echo "overhead.sh: unknown option '$1' (see --help)" >&2; exit 2;;
  esac
done
for v in clients seconds warmup rounds; do
  [[ "${!v}" =~ ^[0-9]+$ ]] && [ "${!v}" -gt 0 ] || { echo "overhead.sh: --$v must be a positive integer, but was '${!v}'" >&2; exit 2; }
done
[[ "$mode" =~ ^(loop|visit)$ ]] || { echo "overhead.sh: --mode must be loop or visit, but was '$mode'" >&2; exit 2; }
[[ "$only" =~ ^(pgbench|jdbc|salvo)(,(pgbench|jdbc|salvo))*$ ]] || { echo "overhead.sh: --only must be a comma-separated list of pgbench, jdbc, salvo, but was '$only'" >&2; exit 2; }

root=$(cd "$(dirname "$0")/.." && pwd)
work=${work:-"$root/benchmarks/target/overhead"}
rm -rf "$work"; mkdir -p "$work"; work=$(cd "$work" && pwd)
cd "$root"
if [ "$build" = 1 ]; then
  echo "building..." >&2
  mvn -B -q -pl benchmarks -am install -DskipTests >&2
fi
mvn -B -q -pl benchmarks dependency:build-classpath -Dmdep.outputFile="$work/cp.txt" >&2
# snapshot the code under test (benchmark classes, Salvo's own jars): other builds may replace them while this runs
mkdir -p "$work/lib"
cp -r "$root/benchmarks/target/classes" "$work/lib/classes"
cp=$(tr ':' '\n' < "$work/cp.txt" | while read -r jar; do
  case "$jar" in */dev/salvo/*) cp "$jar" "$work/lib/" && echo "$work/lib/$(basename "$jar")";; *) echo "$jar";; esac
done | paste -sd: -)
cp="$work/lib/classes:$cp"
java_opts=(-Xmx1G -XX:+HeapDumpOnOutOfMemoryError -XX:MaxInlineLevel=20 -XX:MaxTrivialSize=12
  --add-opens=java.base/java.lang=ALL-UNNAMED --add-opens=java.base/jdk.internal.misc=ALL-UNNAMED
  -Djava.util.prefs.userRoot="$work/prefs" -Dhttps.proxyHost=127.0.0.1 -Dhttps.proxyPort=9)
# jfr_opts <name>: the flight-recording option for one contender's JVM when --jfr is given
jfr_opts() { [ "$jfr" = 1 ] && echo "-XX:StartFlightRecording=settings=profile,filename=$work/$1.jfr" || true; }

java -cp "$cp" dev.salvo.benchmarks.overhead.StartDatabase "$work/pg" "$work/port" > "$work/db.log" 2>&1 &
db_pid=$!
trap 'kill $db_pid 2>/dev/null; wait $db_pid 2>/dev/null || true' EXIT
for _ in $(seq 1 480); do [ -s "$work/port" ] && break; sleep 0.5; done
[ -s "$work/port" ] || { echo "overhead.sh: the embedded PostgreSQL did not start; see $work/db.log" >&2; exit 1; }
port=$(cat "$work/port")
url="jdbc:postgresql://localhost:$port/postgres?user=postgres"
echo "embedded PostgreSQL on port $port; $clients clients, ${warmup}s warmup + ${seconds}s measured, $rounds rounds" >&2
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), load average at start: $(cut -d' ' -f1-3 /proc/loadavg)" >&2

# cpu_of <file>: user+sys seconds written by bash's `time` with TIMEFORMAT='%U %S'
cpu_of() { awk '{printf "%.3f", $1 + $2}' "$1"; }
TIMEFORMAT='%U %S'

run_pgbench() {
  local r=$1
  if ! command -v pgbench >/dev/null; then echo "na na"; return; fi
  printf '\\set id random(1, 200000)\nSELECT order_id, customer_id, category, status, order_date, amount FROM orders WHERE order_id = :id;\n' > "$work/lookup.sql"
  # warmup run, then the measured run
  pgbench -h localhost -p "$port" -U postgres -n -M prepared -c "$clients" -j 2 -T "$warmup" -f "$work/lookup.sql" postgres > /dev/null 2>&1
  { time pgbench -h localhost -p "$port" -U postgres -n -M prepared -c "$clients" -j 2 -T "$seconds" -f "$work/lookup.sql" postgres > "$work/pgbench-$r.log" 2>&1 ; } 2> "$work/pgbench-$r.time"
  local tps n
  tps=$(grep -oP 'tps = \K[0-9.]+(?= \(without initial connection time\))' "$work/pgbench-$r.log")
  n=$(grep -oP 'number of transactions actually processed: \K[0-9]+' "$work/pgbench-$r.log")
  echo "$tps $(awk -v c="$(cpu_of "$work/pgbench-$r.time")" -v n="$n" 'BEGIN{printf "%.2f", c / n * 1e6}')"
}

run_jdbc() {
  local r=$1
  { time java "${java_opts[@]}" $(jfr_opts "jdbc-$r") -cp "$cp" dev.salvo.benchmarks.overhead.RawJdbcLoop "$url" "$clients" "$warmup" "$seconds" > "$work/jdbc-$r.log" 2>&1 ; } 2> "$work/jdbc-$r.time"
  local qps total
  qps=$(grep -oP 'qps=\K[0-9.]+' "$work/jdbc-$r.log")
  total=$(grep -oP 'total=\K[0-9]+' "$work/jdbc-$r.log")
  echo "$qps $(awk -v c="$(cpu_of "$work/jdbc-$r.time")" -v n="$total" 'BEGIN{printf "%.2f", c / n * 1e6}')"
}

run_salvo() {
  local r=$1
  { time java "${java_opts[@]}" $(jfr_opts "salvo-$r") -cp "$cp" -Dsalvo.url="$url" -Dsalvo.resultsDir="$work/salvo-$r" -Dsalvo.progressSeconds=0 -Dsalvo.serverStatistics="$server_stats" \
      -Dbench.clients="$clients" -Dbench.seconds="$seconds" -Dbench.warmup="$warmup" -Dbench.gatlingStats="$gatling_stats" -Dbench.mode="$mode" \
      io.gatling.app.Gatling --simulation dev.salvo.benchmarks.overhead.OverheadSimulation \
      --results-folder "$work/gatling-$r" --no-reports > "$work/salvo-$r.log" 2>&1 ; } 2> "$work/salvo-$r.time"
  local json; json=$(ls "$work/salvo-$r"/*/results.json)
  python3 - "$json" "$seconds" "$(cpu_of "$work/salvo-$r.time")" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))['requests'][0]
total = r['count'] + r['warmupRequests']
print("%.1f %.2f" % (r['ok'] / float(sys.argv[2]), float(sys.argv[3]) / total * 1e6))
PY
}

declare -a S J P SC JC PC
for r in $(seq 1 "$rounds"); do
  # alternate the order so that no contender always runs on a warmer or cooler machine
  if [ $((r % 2)) -eq 1 ]; then order="pgbench jdbc salvo"; else order="salvo jdbc pgbench"; fi
  for who in $order; do
    [[ ",$only," == *",$who,"* ]] || continue
    case $who in
      pgbench) read -r tps cpu < <(run_pgbench "$r"); P+=("$tps"); PC+=("$cpu"); echo "round $r pgbench:  $tps tps, $cpu µs CPU/query" >&2;;
      jdbc)    read -r qps cpu < <(run_jdbc "$r");    J+=("$qps"); JC+=("$cpu"); echo "round $r raw JDBC: $qps qps, $cpu µs CPU/query" >&2;;
      salvo)   read -r qps cpu < <(run_salvo "$r");   S+=("$qps"); SC+=("$cpu"); echo "round $r Salvo:    $qps qps, $cpu µs CPU/query" >&2;;
    esac
  done
done

echo "load average at end: $(cut -d' ' -f1-3 /proc/loadavg) (other processes on this machine share its CPU)" >&2
median() { printf '%s\n' "$@" | { grep -v -e '^na$' -e '^$' || true; } | sort -g | awk '{a[NR]=$1} END{if (NR==0) print "na"; else if (NR%2) print a[(NR+1)/2]; else printf "%.2f\n", (a[NR/2]+a[NR/2+1])/2}'; }
s=$(median "${S[@]}"); j=$(median "${J[@]}"); p=$(median "${P[@]}")
echo "medians: Salvo $s qps ($(median "${SC[@]}") µs CPU/query), raw JDBC $j qps ($(median "${JC[@]}") µs CPU/query), pgbench $p tps ($(median "${PC[@]}") µs CPU/query)"
ratio() { if [ "$1" = na ] || [ "$2" = na ]; then echo na; else awk -v a="$1" -v b="$2" 'BEGIN{printf "%.2f", a / b}'; fi; }
num() { [ "$1" = na ] && echo na || printf '%.0f' "$1"; }
rj=$(ratio "$s" "$j")
rp=$(ratio "$s" "$p")
if [ "$p" = "na" ] && [[ ",$only," == *",pgbench,"* ]]; then echo "pgbench is not installed: skipped" >&2; fi
echo "RESULT salvo_qps=$(num "$s") raw_jdbc_qps=$(num "$j") pgbench_tps=$(num "$p") ratio_vs_raw_jdbc=$rj ratio_vs_pgbench=$rp"

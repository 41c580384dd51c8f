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
#   --pg15 [SCALE]  against Debian's PostgreSQL 15 (/usr/lib/postgresql/15) instead of the embedded 18: a private cluster
#           in /var/tmp/salvo-overhead-pg15 (kept between invocations), pgbench's schema at SCALE (default 10: 1M
#           accounts), every contender running `SELECT aid, bid, abalance, filler FROM pgbench_accounts WHERE aid = ?`
#   SALVO_JAVA_OPTS (environment): extra JVM options for Salvo's contender only, e.g. a -D switch under study
#   --work  the working directory (default benchmarks/target/overhead); emptied first. The harness runs from a copy of
#           the benchmark classes and Salvo's jars taken there after the build, so a concurrent build cannot change the
#           code under test mid-run.
# Latency: each contender's p50/p95/p99 per round (Salvo: results.json response time; raw JDBC: its per-thread
# HdrHistograms, timed like Salvo's tight loop; pgbench: its per-transaction log, -l), medians over rounds.
# Last line: RESULT salvo_qps=<n> raw_jdbc_qps=<n> pgbench_tps=<n|na> ratio_vs_raw_jdbc=<x.xx> ratio_vs_pgbench=<x.xx|na>
#   salvo_p95_us=<n> salvo_p99_us=<n> raw_jdbc_p95_us=<n> raw_jdbc_p99_us=<n> p95_ratio=<x.xxx> p99_ratio=<x.xxx>
#   salvo_cpu_us=<x> raw_jdbc_cpu_us=<x> cpu_ratio=<x.xx>  (steady state: process CPU in the measured window per query,
#   start-up and shutdown left out; "(n steady)" in the per-round lines)
#   paired_ratio_vs_raw_jdbc=<x.xx|na> paired_cpu_ratio=<x.xx|na>  (the median over rounds of each round's Salvo/raw
#   JDBC ratio: steadier than the ratio of the medians when the machine's speed drifts between rounds)
set -euo pipefail
pg15=0; scale=10; clients=8; seconds=20; warmup=5; rounds=3; build=1; gatling_stats=true; server_stats=true; mode=loop; only=pgbench,jdbc,salvo; jfr=0; work=
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
    --pg15) pg15=1; if [[ "${2:-}" =~ ^[0-9]+$ ]]; then scale=$2; shift; fi; shift;;
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
# shellcheck source=lib.sh
source "$root/benchmarks/lib.sh"
snapshot_classpath
quiet_gatling_opts
# every Java contender gets Salvo's launch options (the salvo launcher's and the project pom's: Gatling's, and -Xms256m)
java_opts=(-Xmx1G -Xms256m -XX:+HeapDumpOnOutOfMemoryError -XX:MaxInlineLevel=20 -XX:MaxTrivialSize=12
  --add-opens=java.base/java.lang=ALL-UNNAMED --add-opens=java.base/jdk.internal.misc=ALL-UNNAMED
  "${quiet_opts[@]}")
# jfr_opts <name>: the flight-recording option for one contender's JVM when --jfr is given
jfr_opts() { [ "$jfr" = 1 ] && echo "-XX:StartFlightRecording=settings=profile,filename=$work/$1.jfr" || true; }

lookup_sql='SELECT order_id, customer_id, category, status, order_date, amount FROM orders WHERE order_id = :id;'
max_id=200000
if [ "$pg15" = 1 ]; then
  pgdir=/var/tmp/salvo-overhead-pg15; port=5415
  [ -x "$pgbin/postgres" ] || { echo "overhead.sh: --pg15 needs Debian's PostgreSQL 15 in $pgbin (apt-get install postgresql-15), but it is not there" >&2; exit 2; }
  start_pg15 "$pgdir" "$port" -c shared_buffers=256MB -c max_connections=100
  trap 'stop_pg15 "$pgdir"' EXIT
  rows=$(psql -qtA -h localhost -p "$port" -U postgres -d postgres -c "SELECT count(*) FROM pgbench_accounts" 2>/dev/null || echo 0)
  if [ "$rows" != "$((scale * 100000))" ]; then
    echo "creating pgbench's schema at scale $scale..." >&2
    pgbench -i -q -s "$scale" -h localhost -p "$port" -U postgres postgres > "$work/pgbench-init.log" 2>&1
  fi
  lookup_sql='SELECT aid, bid, abalance, filler FROM pgbench_accounts WHERE aid = :id;'
  max_id=$((scale * 100000))
  java_opts+=(-Dbench.table=pgbench_accounts -Dbench.maxId="$max_id")
  server="Debian PostgreSQL $(psql -qtA -h localhost -p "$port" -U postgres -d postgres -c 'SHOW server_version')"
else
  java -cp "$cp" dev.salvo.benchmarks.overhead.StartDatabase "$work/pg" "$work/port" > "$work/db.log" 2>&1 &
  db_pid=$!
  trap 'kill $db_pid 2>/dev/null; wait $db_pid 2>/dev/null || true' EXIT
  for _ in $(seq 1 480); do [ -s "$work/port" ] && break; sleep 0.5; done
  [ -s "$work/port" ] || { echo "overhead.sh: the embedded PostgreSQL did not start; see $work/db.log" >&2; exit 1; }
  port=$(cat "$work/port")
  server="embedded PostgreSQL"
fi
url="jdbc:postgresql://localhost:$port/postgres?user=postgres"
echo "$server on port $port; $clients clients, ${warmup}s warmup + ${seconds}s measured, $rounds rounds" >&2
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), load average at start: $(cut -d' ' -f1-3 /proc/loadavg)" >&2

# cpu_of <file>: user+sys seconds written by bash's `time` with TIMEFORMAT='%U %S'
# steady_cpu <file> <qps>: µs of process CPU per query in the measured window (SteadyCpu's readings), na without them
steady_cpu() {
  [ -s "$1" ] || { echo na; return; }
  awk -v q="$2" '{split($1, c, "="); split($2, w, "="); printf "%.2f", c[2] / (q * w[2]) * 1e6}' "$1"
}
cpu_of() { awk '{printf "%.3f", $1 + $2}' "$1"; }
TIMEFORMAT='%U %S'

run_pgbench() {
  local r=$1
  if ! command -v pgbench >/dev/null; then echo "na na na na na"; return; fi
  printf '\\set id random(1, %d)\n%s\n' "$max_id" "$lookup_sql" > "$work/lookup.sql"
  # warmup run, then the measured run
  pgbench -h localhost -p "$port" -U postgres -n -M prepared -c "$clients" -j 2 -T "$warmup" -f "$work/lookup.sql" postgres > /dev/null 2>&1
  # -l: every transaction's latency (µs, third field) into $work/pgbench-$r-tx.<pid>[.<thread>], for percentiles
  { time pgbench -h localhost -p "$port" -U postgres -n -M prepared -c "$clients" -j 2 -T "$seconds" -l --log-prefix="$work/pgbench-$r-tx" -f "$work/lookup.sql" postgres > "$work/pgbench-$r.log" 2>&1 ; } 2> "$work/pgbench-$r.time"
  local tps n
  tps=$(grep -oP 'tps = \K[0-9.]+(?= \(without initial connection time\))' "$work/pgbench-$r.log")
  n=$(grep -oP 'number of transactions actually processed: \K[0-9]+' "$work/pgbench-$r.log")
  echo "$tps $(awk -v c="$(cpu_of "$work/pgbench-$r.time")" -v n="$n" 'BEGIN{printf "%.2f", c / n * 1e6}') $(cat "$work"/pgbench-$r-tx.* | awk '{print $3}' | sort -n | awk '{a[NR]=$1} END{printf "%d %d %d", a[int(NR*0.50)+1], a[int(NR*0.95)+1], a[int(NR*0.99)+1]}')"
  rm -f "$work"/pgbench-$r-tx.*
}

run_jdbc() {
  local r=$1
  { time java "${java_opts[@]}" $(jfr_opts "jdbc-$r") -Dbench.cpuFile="$work/jdbc-$r.cpu" -cp "$cp" dev.salvo.benchmarks.overhead.RawJdbcLoop "$url" "$clients" "$warmup" "$seconds" > "$work/jdbc-$r.log" 2>&1 ; } 2> "$work/jdbc-$r.time"
  local qps total
  qps=$(grep -oP 'qps=\K[0-9.]+' "$work/jdbc-$r.log")
  total=$(grep -oP 'total=\K[0-9]+' "$work/jdbc-$r.log")
  echo "$qps $(awk -v c="$(cpu_of "$work/jdbc-$r.time")" -v n="$total" 'BEGIN{printf "%.2f", c / n * 1e6}') $(grep -oP 'p50_us=\K[0-9]+' "$work/jdbc-$r.log") $(grep -oP 'p95_us=\K[0-9]+' "$work/jdbc-$r.log") $(grep -oP 'p99_us=\K[0-9]+' "$work/jdbc-$r.log") $(steady_cpu "$work/jdbc-$r.cpu" "$qps")"
}

run_salvo() {
  local r=$1
  # shellcheck disable=SC2086 # SALVO_JAVA_OPTS: extra JVM options for Salvo's contender only (experiments)
  { time java "${java_opts[@]}" $(jfr_opts "salvo-$r") ${SALVO_JAVA_OPTS:-} -cp "$cp" -Dbench.cpuFile="$work/salvo-$r.cpu" -Dsalvo.url="$url" -Dsalvo.resultsDir="$work/salvo-$r" -Dsalvo.progressSeconds=0 -Dsalvo.serverStatistics="$server_stats" \
      -Dbench.clients="$clients" -Dbench.seconds="$seconds" -Dbench.warmup="$warmup" -Dbench.gatlingStats="$gatling_stats" -Dbench.mode="$mode" \
      io.gatling.app.Gatling --simulation dev.salvo.benchmarks.overhead.OverheadSimulation \
      --results-folder "$work/gatling-$r" --no-reports > "$work/salvo-$r.log" 2>&1 ; } 2> "$work/salvo-$r.time"
  local json; json=$(ls "$work/salvo-$r"/*/results.json)
  local line; line=$(python3 - "$json" "$seconds" "$(cpu_of "$work/salvo-$r.time")" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))['requests'][0]
total = r['count'] + r['warmupRequests']
m = r['responseMicros']
print("%.1f %.2f %.0f %.0f %.0f" % (r['ok'] / float(sys.argv[2]), float(sys.argv[3]) / total * 1e6, m['p50'], m['p95'], m['p99']))
PY
)
  echo "$line $(steady_cpu "$work/salvo-$r.cpu" "${line%% *}")"
}

declare -a S J P SC JC PC SS JS S50 S95 S99 J50 J95 J99 P50 P95 P99
for r in $(seq 1 "$rounds"); do
  # alternate the order so that no contender always runs on a warmer or cooler machine
  if [ $((r % 2)) -eq 1 ]; then order="pgbench jdbc salvo"; else order="salvo jdbc pgbench"; fi
  for who in $order; do
    [[ ",$only," == *",$who,"* ]] || continue
    case $who in
      pgbench) read -r tps cpu a b c < <(run_pgbench "$r"); P+=("$tps"); PC+=("$cpu"); P50+=("$a"); P95+=("$b"); P99+=("$c")
               echo "round $r pgbench:  $tps tps, $cpu µs CPU/query, p50/p95/p99 $a/$b/$c µs" >&2;;
      jdbc)    read -r qps cpu a b c d < <(run_jdbc "$r");    J+=("$qps"); JC+=("$cpu"); J50+=("$a"); J95+=("$b"); J99+=("$c"); JS+=("$d")
               echo "round $r raw JDBC: $qps qps, $cpu µs CPU/query ($d steady), p50/p95/p99 $a/$b/$c µs" >&2;;
      salvo)   read -r qps cpu a b c d < <(run_salvo "$r");   S+=("$qps"); SC+=("$cpu"); S50+=("$a"); S95+=("$b"); S99+=("$c"); SS+=("$d")
               echo "round $r Salvo:    $qps qps, $cpu µs CPU/query ($d steady), p50/p95/p99 $a/$b/$c µs" >&2;;
    esac
  done
done

echo "load average at end: $(cut -d' ' -f1-3 /proc/loadavg) (other processes on this machine share its CPU)" >&2
median() { printf '%s\n' "$@" | { grep -v -e '^na$' -e '^$' || true; } | sort -g | awk '{a[NR]=$1} END{if (NR==0) print "na"; else if (NR%2) print a[(NR+1)/2]; else printf "%.2f\n", (a[NR/2]+a[NR/2+1])/2}'; }
s=$(median "${S[@]}"); j=$(median "${J[@]}"); p=$(median "${P[@]}")
echo "medians: Salvo $s qps ($(median "${SC[@]}") µs CPU/query), raw JDBC $j qps ($(median "${JC[@]}") µs CPU/query), pgbench $p tps ($(median "${PC[@]}") µs CPU/query)"
s95=$(median "${S95[@]}"); s99=$(median "${S99[@]}"); j95=$(median "${J95[@]}"); j99=$(median "${J99[@]}")
echo "median latency p50/p95/p99 (µs): Salvo $(median "${S50[@]}")/$s95/$s99, raw JDBC $(median "${J50[@]}")/$j95/$j99, pgbench $(median "${P50[@]}")/$(median "${P95[@]}")/$(median "${P99[@]}")"
# ratio A B [DIGITS] [down|up]: A / B with DIGITS decimals (2), na when either is na (see below)
# a / b with d decimals (default 2), never rounded across a target: "down" (the default) truncates, for ratios that must
# reach a floor (throughput); "up" rounds up, for ratios that must stay under a ceiling (latency, CPU)
ratio() { if [ "$1" = na ] || [ "$2" = na ]; then echo na; else awk -v a="$1" -v b="$2" -v d="${3:-2}" -v m="${4:-down}" 'BEGIN{
  f = 10 ^ d; x = a / b * f; t = int(x); if (m == "up" && t < x) t++; printf "%.*f", d, t / f }'; fi; }
num() { [ "$1" = na ] && echo na || printf '%.0f' "$1"; }
rj=$(ratio "$s" "$j")
rp=$(ratio "$s" "$p")
# paired: each round's Salvo over that round's raw JDBC (run next to each other), then the median of those; on a machine
# whose speed drifts between rounds this is steadier than the ratio of the two medians, which may come from different
# rounds. Reported beside it, not instead of it.
declare -a PQ PCPU
for i in "${!S[@]}"; do
  [ -n "${J[$i]:-}" ] || continue
  PQ+=("$(ratio "${S[$i]}" "${J[$i]}" 6)")
  if [[ "${SS[$i]:-na}" != na && "${JS[$i]:-na}" != na ]]; then
    PCPU+=("$(ratio "${SS[$i]}" "${JS[$i]}" 6 up)")
  fi
done
pq=$(median "${PQ[@]}"); pcpu=$(median "${PCPU[@]}")
if [ "$pq" != na ]; then
  echo "per round Salvo/raw JDBC: qps $(printf '%.4f ' "${PQ[@]}")(median $(ratio "$pq" 1 4)), steady CPU $(printf '%.4f ' "${PCPU[@]}")(median $(ratio "$pcpu" 1 4 up))"
fi
if [ "$p" = "na" ] && [[ ",$only," == *",pgbench,"* ]]; then echo "pgbench is not installed: skipped" >&2; fi
echo "RESULT salvo_qps=$(num "$s") raw_jdbc_qps=$(num "$j") pgbench_tps=$(num "$p") ratio_vs_raw_jdbc=$rj ratio_vs_pgbench=$rp salvo_p95_us=$(num "$s95") salvo_p99_us=$(num "$s99") raw_jdbc_p95_us=$(num "$j95") raw_jdbc_p99_us=$(num "$j99") p95_ratio=$(ratio "$s95" "$j95" 3 up) p99_ratio=$(ratio "$s99" "$j99" 3 up) salvo_cpu_us=$(median "${SS[@]}") raw_jdbc_cpu_us=$(median "${JS[@]}") cpu_ratio=$(ratio "$(median "${SS[@]}")" "$(median "${JS[@]}")" 2 up) paired_ratio_vs_raw_jdbc=$(ratio "$pq" 1) paired_cpu_ratio=$(ratio "$pcpu" 1 2 up)"

#!/usr/bin/env bash
# In flight: can one Salvo JVM hold thousands of slow queries in flight at once, as warehouse workloads need?
#
# A private Debian PostgreSQL 15 cluster (/usr/lib/postgresql/15) in /var/tmp/salvo-inflight-pg15 (kept between
# invocations; trust auth, its own port 5416, max_connections = users + 100, shared_buffers 64MB), then one Salvo run
# (InFlightSimulation): a closed model of --users virtual users, a pool of as many connections (Salvo runs one SQL thread
# per pooled connection), each user looping per visit over `SELECT pg_sleep(--query-seconds)`, --warmup seconds, then
# --seconds measured. The ideal throughput is users / query-seconds. Salvo fills the pool before load starts (its log
# line "[salvo] pool: N connections open in X ms" gives the fill time), so the warmup need not cover it.
# Reported: achieved queries/s (results.json ok / measurementSeconds) against the ideal, response time and schedule
# lag percentiles (results.json), client CPU per query (process CPU in the measured window, start-up and pool fill left
# out, / queries in it), heap (peak over the run; after a full GC forced at the window's end), live/peak threads, RSS;
# from the server's side (pg_stat_activity every 2 s): how long the pool took to fill and how many sleeps were active.
# --with-pgbench then runs the baseline on the same server: `pgbench -n -M prepared` (the extended protocol with a
# prepared statement, as Salvo's pgjdbc uses) with as many clients, 2 threads, the same `SELECT pg_sleep(...)`, for
# the same warmup and measured time after its connections are open, counting from its per-transaction log the queries
# that end in its measured window. The server's own capacity with this many backends shows in pgbench's ratio; Salvo's
# share of it is ratio_vs_pgbench.
# --compare-fill first times, on the same server, opening as many connections with HikariCP as Salvo configured it
# before it filled pools itself (one adder thread) and with plain JDBC on 16 threads (PoolFillTiming).
#
# Usage: bash benchmarks/in-flight.sh [--users 2000] [--seconds 30] [--warmup 20] [--query-seconds 1] [--xmx 1G]
#            [--connection-timeout SECONDS] [--with-pgbench] [--compare-fill] [--skip-build] [--work DIR]
#   --connection-timeout  how long a SQL thread may wait for its pooled connection (default: Salvo's, 30 s)
#   JAVA_HOME (environment): the JDK that runs the simulation (default: java on the PATH); the build stays on Java 17
#   SALVO_JAVA_OPTS (environment): extra JVM options for Salvo, e.g. an A/B switch such as -Dsalvo.gatlingWarmup=false
#   --work  the working directory (default benchmarks/target/in-flight); emptied first. The run uses a copy of the
#           benchmark classes and Salvo's jars taken there after the build.
# Last line: RESULT in_flight=<users> achieved_qps=<x> ideal_qps=<x> ratio=<x.xxx> schedule_lag_p99_ms=<x>
#   heap_peak_mb=<x> threads_peak=<n> cpu_us_per_query=<x> pool_fill_s=<x> pool_fill_per_s=<x>
#   [pgbench_qps=<x> pgbench_ratio=<x.xxx> ratio_vs_pgbench=<x.xxx>] (with --with-pgbench)
#   [hikari_fill_s=<x> jdbc16_fill_s=<x>] (with --compare-fill; hikari_fill_s is prefixed '>' when it hit its limit)
set -euo pipefail
users=2000; seconds=30; warmup=20; compare=0; with_pgbench=0; query_seconds=1; xmx=1G; conn_timeout=0; build=1; work=
while [ $# -gt 0 ]; do
  case "$1" in
    --users) users=${2:-}; shift 2;;
    --seconds) seconds=${2:-}; shift 2;;
    --warmup) warmup=${2:-}; shift 2;;
    --query-seconds) query_seconds=${2:-}; shift 2;;
    --xmx) xmx=${2:-}; shift 2;;
    --connection-timeout) conn_timeout=${2:-}; shift 2;;
    --compare-fill) compare=1; shift;;
    --with-pgbench) with_pgbench=1; shift;;
    --skip-build) build=0; shift;;
    --work) work=${2:-}; shift 2;;
    -h|--help) sed -n '2,32p' "$0"; exit 0;;
    *) echo "in-flight.sh: unknown option '$1' (see --help)" >&2; exit 2;;
  esac
done
for v in users seconds warmup query_seconds; do
  [[ "${!v}" =~ ^[0-9]+$ ]] && [ "${!v}" -gt 0 ] || { echo "in-flight.sh: --${v/_/-} must be a positive integer, but was '${!v}'" >&2; exit 2; }
done
[ "$seconds" -ge 5 ] || { echo "in-flight.sh: --seconds must be at least 5, but was '$seconds'" >&2; exit 2; }
[ "$users" -le 10000 ] || { echo "in-flight.sh: --users must be at most 10000 (Salvo's largest pool), but was '$users'" >&2; exit 2; }
[[ "$conn_timeout" =~ ^[0-9]+$ ]] || { echo "in-flight.sh: --connection-timeout must be a whole number of seconds, but was '$conn_timeout'" >&2; exit 2; }
[[ "$xmx" =~ ^[0-9]+[mMgG]$ ]] || { echo "in-flight.sh: --xmx must be a heap size like 512m or 1G, but was '$xmx'" >&2; exit 2; }
pgdir=/var/tmp/salvo-inflight-pg15; port=5416
[ "$with_pgbench" = 0 ] || command -v pgbench >/dev/null || { echo "in-flight.sh: --with-pgbench needs pgbench (apt-get install postgresql-client), but it was not found" >&2; exit 2; }
[ -x /usr/lib/postgresql/15/bin/postgres ] || { echo "in-flight.sh: Debian's PostgreSQL 15 must be installed in /usr/lib/postgresql/15/bin (apt-get install postgresql-15), but it is not there" >&2; exit 2; }
java=java
if [ -n "${JAVA_HOME:-}" ]; then
  java="$JAVA_HOME/bin/java"
  [ -x "$java" ] || { echo "in-flight.sh: JAVA_HOME must name a JDK with bin/java, but was '$JAVA_HOME'" >&2; exit 2; }
fi

root=$(cd "$(dirname "$0")/.." && pwd)
work=${work:-"$root/benchmarks/target/in-flight"}
rm -rf "$work"; mkdir -p "$work"; work=$(cd "$work" && pwd)
cd "$root"

# limits: the JVM holds a socket and a thread per connection, the server a process per connection
need_files=$((users + 1000))
if [ "$(ulimit -n)" != unlimited ] && [ "$(ulimit -n)" -lt "$need_files" ]; then
  ulimit -n "$need_files" 2>/dev/null || { echo "in-flight.sh: open files (ulimit -n) must be at least $need_files for $users connections, but was $(ulimit -n) and the hard limit $(ulimit -Hn) does not allow more" >&2; exit 2; }
  echo "raised open files (ulimit -n) to $need_files" >&2
fi
need_procs=$((users + 500))
for who in root postgres; do
  n=$(runuser -u "$who" -- bash -c 'ulimit -u')
  if [ "$n" != unlimited ] && [ "$n" -lt "$need_procs" ]; then
    echo "in-flight.sh: max user processes (ulimit -u) of $who must be at least $need_procs (the JVM's threads, the server's backends), but was $n" >&2; exit 2
  fi
done
echo "limits: open files $(ulimit -n) (JVM), max user processes $(ulimit -u) (root) / $(runuser -u postgres -- bash -c 'ulimit -u') (postgres), kernel threads-max $(cat /proc/sys/kernel/threads-max), pid_max $(cat /proc/sys/kernel/pid_max), vm.max_map_count $(cat /proc/sys/vm/max_map_count), somaxconn $(cat /proc/sys/net/core/somaxconn), memory $(awk '/MemTotal/{printf "%.1f GB", $2/1048576}' /proc/meminfo) ($(awk '/MemAvailable/{printf "%.1f GB", $2/1048576}' /proc/meminfo) available)" >&2

# shellcheck source=lib.sh
source "$root/benchmarks/lib.sh"
snapshot_classpath

# the server: a private cluster, started for this invocation with as many connections as the run needs
start_pg15 "$pgdir" "$port" -c shared_buffers=64MB -c max_connections=$((users + 100))
monitor_pid=
cleanup() {
  [ -n "$monitor_pid" ] && kill "$monitor_pid" 2>/dev/null || true
  stop_pg15 "$pgdir"
}
trap cleanup EXIT
psql_() { psql -qtA -h localhost -p "$port" -U postgres -d postgres "$@"; }
server="Debian PostgreSQL $(psql_ -c 'SHOW server_version'), max_connections $(psql_ -c 'SHOW max_connections'), shared_buffers $(psql_ -c 'SHOW shared_buffers')"
url="jdbc:postgresql://localhost:$port/postgres?user=postgres"
echo "$server on port $port; $users users x pg_sleep($query_seconds), ${warmup}s warmup + ${seconds}s measured; $($java -version 2>&1 | head -1)" >&2
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), load average at start: $(cut -d' ' -f1-3 /proc/loadavg)" >&2

server_connections() { psql_ -c "SELECT count(*) FROM pg_stat_activity WHERE backend_type = 'client backend' AND application_name <> 'psql'"; }
fill_extra=
if [ "$compare" = 1 ]; then
  for mode in hikari jdbc-16; do
    "$java" -cp "$cp" dev.salvo.benchmarks.inflight.PoolFillTiming "$url" "$users" "$mode" 300 > "$work/fill-$mode.txt" 2>&1 || true
    echo "$(tail -1 "$work/fill-$mode.txt") (load average $(cut -d' ' -f1-3 /proc/loadavg))" >&2
    for _ in $(seq 1 120); do [ "$(server_connections)" = 0 ] && break; sleep 1; done  # backends end after their clients
  done
  hk=$(sed -n 's/.* seconds=\([0-9.]*\) .*complete=\(true\|false\).*/\1 \2/p' "$work/fill-hikari.txt" | awk '{print ($2 == "true" ? "" : ">") $1}')
  jd=$(sed -n 's/.* seconds=\([0-9.]*\) .*/\1/p' "$work/fill-jdbc-16.txt")
  fill_extra=" hikari_fill_s=${hk:-na} jdbc16_fill_s=${jd:-na}"
fi

# the server's view every 2 s: seconds since the JVM started, client connections, active sleeps
start_epoch=$(date +%s.%N)
( while true; do
    row=$(psql_ -F ' ' -c "SELECT count(*) FILTER (WHERE backend_type = 'client backend' AND application_name <> 'psql'), count(*) FILTER (WHERE state = 'active' AND query LIKE 'SELECT pg_sleep%') FROM pg_stat_activity" 2>/dev/null || echo "na na")
    echo "$(awk -v s="$start_epoch" -v n="$(date +%s.%N)" 'BEGIN{printf "%.1f", n - s}') $row"
    sleep 2
  done > "$work/server-activity.txt" ) &
monitor_pid=$!

quiet_gatling_opts
java_opts=(-Xmx"$xmx" -XX:+HeapDumpOnOutOfMemoryError -XX:HeapDumpPath="$work"
  --add-opens=java.base/java.lang=ALL-UNNAMED --add-opens=java.base/jdk.internal.misc=ALL-UNNAMED
  "${quiet_opts[@]}")
# diagnostics and A/B switches (e.g. SALVO_JAVA_OPTS=-Dsalvo.gatlingWarmup=false): appended to Salvo's JVM options
read -r -a extra_opts <<< "${SALVO_JAVA_OPTS:-}"
java_opts+=("${extra_opts[@]}")
TIMEFORMAT='%R %U %S'
set +e
{ time "$java" "${java_opts[@]}" -cp "$cp" -Dbench.probeFile="$work/probe.txt" -Dsalvo.url="$url" \
    -Dsalvo.resultsDir="$work/salvo" -Dsalvo.progressSeconds=10 \
    -Dbench.users="$users" -Dbench.seconds="$seconds" -Dbench.warmup="$warmup" -Dbench.querySeconds="$query_seconds" \
    -Dbench.connectionTimeout="$conn_timeout" \
    io.gatling.app.Gatling --simulation dev.salvo.benchmarks.inflight.InFlightSimulation \
    --results-folder "$work/gatling" --no-reports > "$work/salvo.log" 2>&1 ; } 2> "$work/salvo.time"
rc=$?
set -e
kill "$monitor_pid" 2>/dev/null || true; monitor_pid=
echo "Salvo's JVM exited with $rc after $(cut -d' ' -f1 "$work/salvo.time") s (user+sys $(awk '{printf "%.1f", $2 + $3}' "$work/salvo.time") s, start-up and pool fill included); log: $work/salvo.log" >&2
grep -E '^\[probe\]|\[salvo\]|Exception|ERROR|WARN' "$work/salvo.log" | grep -v '^\[salvo\] progress' | head -60 >&2 || true
json=$(ls "$work"/salvo/*/results.json 2>/dev/null | head -1 || true)
[ -n "$json" ] && [ -s "$work/probe.txt" ] || { echo "in-flight.sh: the run must leave results.json and the probe's readings, but did not; see $work/salvo.log" >&2; exit 1; }
echo "probe (JVM): $(paste -sd' ' "$work/probe.txt")" >&2

read -r qps ok ko warm secs r50 r95 r99 r999 rmax l50 l99 lmax hic99 hicmax w0 w1 < <(python3 - "$json" "$start_epoch" <<'PY'
import json, sys, datetime
d = json.load(open(sys.argv[1]))
at = lambda k: datetime.datetime.fromisoformat(d[k].replace('Z', '+00:00')).timestamp() - float(sys.argv[2])
r = d['requests'][0]
s = d['measurementSeconds']
m, l = r['responseMicros'], r['scheduleLagMicros']
h = d.get('generator', {}).get('hiccupMicros', {})
ms = lambda v: "%.2f" % (v / 1000.0)
print("%.1f %d %d %d %.3f %s %s %s %s %s %s %s %s %s %s %.1f %.1f" % (r['ok'] / s, r['ok'], r['ko'],
      r['warmupRequests'], s, ms(m['p50']), ms(m['p95']), ms(m['p99']), ms(m['p999']), ms(m['max']), ms(l['p50']),
      ms(l['p99']), ms(l['max']), ms(h.get('p99', 0)), ms(h.get('max', 0)), at('measurementStartedAt'), at('endedAt')))
PY
)
echo "Salvo: $ok ok, $ko ko in ${secs} s measured ($warm warmup requests); response time p50/p95/p99/p99.9/max $r50/$r95/$r99/$r999/$rmax ms; schedule lag p50/p99/max $l50/$l99/$lmax ms; generator hiccups p99/max $hic99/$hicmax ms" >&2
# the server's view: when the pool was full, and the active sleeps in the measured window
echo "server activity (s since JVM start, connections, active sleeps), every 10 s:" >&2
awk 'NR % 5 == 1' "$work/server-activity.txt" | paste -sd' ' | fold -w 118 -s | sed 's/^/  /' >&2
fill=$(awk -v u="$users" '$2 != "na" && $2 >= u {print $1; exit}' "$work/server-activity.txt")
active=$(awk -v w="$w0" -v s="$w1" '$1 >= w && $1 <= s && $3 != "na" {print $3}' "$work/server-activity.txt" | sort -n | awk '{a[NR]=$1} END{if (NR) printf "min %d, median %d, max %d (%d samples)", a[1], a[int((NR+1)/2)], a[NR], NR; else print "na"}')
echo "measured window: $w0-$w1 s after the JVM started; pool full (server: $users connections) at: ${fill:-never} s after the JVM started; active pg_sleep in the measured window: $active" >&2

p() { sed -n "s/^$1=//p" "$work/probe.txt"; }
# Salvo's own fill: "[salvo] pool: N connections open in X ms (...)"
fill_ms=$(sed -n 's/^\[salvo\] pool: [0-9]* connections open in \([0-9]*\) ms.*/\1/p' "$work/salvo.log" | head -1)
fill_s=$(awk -v m="${fill_ms:-0}" 'BEGIN{printf "%.2f", m / 1000}')
fill_rate=$(awk -v m="${fill_ms:-0}" -v u="$users" 'BEGIN{printf "%.1f", (m > 0 ? u * 1000 / m : 0)}')
ideal=$(awk -v u="$users" -v q="$query_seconds" 'BEGIN{printf "%.0f", u / q}')
# three decimals, truncated: never rounded up across a target
ratio=$(awk -v a="$qps" -v b="$ideal" 'BEGIN{printf "%.3f", int(a / b * 1000) / 1000}')
cpu=$(awk -v c="$(p cpu_seconds)" -v w="$(p window_seconds)" -v q="$qps" 'BEGIN{printf "%.1f", c / (q * w) * 1e6}')
echo "JVM: heap peak $(p heap_peak_mb) MB (measured window $(p heap_peak_window_mb) MB), after a full GC $(p heap_after_gc_mb) MB, -Xmx $(p heap_max_mb) MB; threads live $(p threads_live), peak $(p threads_peak) (started $(p threads_started)); RSS $(p rss_mb) MB, peak $(p rss_peak_mb) MB; CPU $(p cpu_seconds) s in $(p window_seconds) s = $cpu µs per query; Java $(p java_version)" >&2
echo "load average at end: $(cut -d' ' -f1-3 /proc/loadavg) (other processes on this machine share its CPU)" >&2

pg_extra=
if [ "$with_pgbench" = 1 ]; then
  for _ in $(seq 1 180); do [ "$(server_connections)" = 0 ] && break; sleep 1; done  # Salvo's backends end first
  echo "SELECT pg_sleep($query_seconds);" > "$work/sleep.sql"
  mkdir -p "$work/pgbench"
  # -T counts from pgbench's start, its connections included: 90 s for them, then the warmup and the measured time
  pg_t=$((90 + warmup + seconds + 2 * query_seconds))
  echo "pgbench: $users clients, -M prepared, -j 2, -T $pg_t (connections, then ${warmup}s warmup + ${seconds}s measured); load average $(cut -d' ' -f1-3 /proc/loadavg)" >&2
  (cd "$work/pgbench" && pgbench -h localhost -p "$port" -U postgres -n -M prepared -c "$users" -j 2 -T "$pg_t" \
    -f "$work/sleep.sql" -l --log-prefix=tx postgres > "$work/pgbench.log" 2>&1) || {
    echo "in-flight.sh: pgbench must run against the cluster, but failed; see $work/pgbench.log" >&2; exit 1; }
  grep -E "initial connection time|^tps" "$work/pgbench.log" | sed 's/^/pgbench: /' >&2
  # queries ending in [first start + warmup, + seconds): the same window as Salvo's, after the same warmup
  pg_qps=$(python3 - "$work/pgbench" "$warmup" "$seconds" <<'PY'
import glob, sys
ends, first = [], None
for f in glob.glob(sys.argv[1] + "/tx.*"):
    for line in open(f):
        p = line.split()
        end = int(p[4]) + int(p[5]) / 1e6
        start = end - int(p[2]) / 1e6
        first = start if first is None or start < first else first
        ends.append(end)
if not ends:
    sys.exit("in-flight.sh: pgbench's per-transaction log must hold its transactions, but it is empty or missing")
w0 = first + float(sys.argv[2]); w1 = w0 + float(sys.argv[3])
if max(ends) < w1:
    sys.exit("in-flight.sh: pgbench's transactions must cover its measured window, but its log ends before it")
print("%.1f" % (sum(1 for e in ends if w0 <= e < w1) / float(sys.argv[3])))
PY
)
  pg_ratio=$(awk -v a="$pg_qps" -v b="$ideal" 'BEGIN{printf "%.3f", int(a / b * 1000) / 1000}')
  vs_pg=$(awk -v a="$qps" -v b="$pg_qps" 'BEGIN{printf "%.3f", int(a / b * 1000) / 1000}')
  echo "pgbench: $pg_qps queries/s in its measured window ($pg_ratio of the ideal $ideal); Salvo $qps = $vs_pg of pgbench's" >&2
  pg_extra=" pgbench_qps=$pg_qps pgbench_ratio=$pg_ratio ratio_vs_pgbench=$vs_pg"
fi
echo "RESULT in_flight=$users achieved_qps=$qps ideal_qps=$ideal ratio=$ratio schedule_lag_p99_ms=$l99 heap_peak_mb=$(p heap_peak_mb) threads_peak=$(p threads_peak) cpu_us_per_query=$cpu pool_fill_s=$fill_s pool_fill_per_s=$fill_rate$pg_extra$fill_extra"

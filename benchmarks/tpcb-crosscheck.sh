#!/usr/bin/env bash
# tpcb-like through Salvo and through pgbench, on the same database at the same fixed rate: mean latencies compared,
# balances checked.
#
# One embedded PostgreSQL (the one Salvo's tests use) is started. Then:
#   setup:   the tpcb-like pattern (dev.salvo.patterns.PatternSimulation, Gatling in a fresh JVM) creates pgbench's
#            tables, fills them at --scale as `pgbench -i` does and runs pgbench's transaction at --rate for --warmup
#            seconds (printed, not compared); then a CHECKPOINT, so that no round pays for the fill's dirty pages.
#   rounds:  --rounds times, in alternating order (Salvo first in odd rounds, pgbench first in even ones), on those
#            same tables:
#     salvo:   the pattern's own visit (TpcbRoundSimulation: the transaction PatternSimulation runs, one connection per
#              client) at --rate per second on --clients connections, --warmup seconds then --seconds measured;
#     pgbench: `pgbench -n -b tpcb-like -M prepared --rate R -c C -j 1`, a --warmup run (not kept), then --seconds.
# Both latencies count from each transaction's scheduled start (pgbench's "latency average" under --rate includes the
# schedule lag; Salvo's open model times from the arrival), and both schedules are Poisson processes (pgbench --rate
# draws its arrivals so; Salvo's are Gatling's constantUsersPerSec(...).randomized(); --arrivals uniform for evenly
# spaced ones, as the pattern's own open model uses). Compared: the median over rounds of Salvo's mean / pgbench's mean.
# Balances: after all rounds, the sums of branch, teller and account balances must all equal the sum of history deltas
# (every transaction committed all five statements or none).
#
# Usage: bash benchmarks/tpcb-crosscheck.sh [--rate 100] [--clients 4] [--seconds 30] [--warmup 10] [--scale 1]
#        [--rounds 3] [--arrivals poisson|uniform] [--timer-slack 1|<ns>|default] [--skip-build]
# Last line: RESULT salvo_mean_ms=<x> pgbench_mean_ms=<x> ratio=<x.xx> balances=<ok|broken>
#   (salvo_mean_ms, pgbench_mean_ms: medians of the rounds' means; ratio: median of the rounds' ratios, truncated)
set -euo pipefail
rate=100; clients=4; seconds=30; warmup=10; scale=1; rounds=3; arrivals=poisson; build=1; slack=1
while [ $# -gt 0 ]; do
  case "$1" in
    --rate) rate=$2; shift 2;;
    --clients) clients=$2; shift 2;;
    --seconds) seconds=$2; shift 2;;
    --scale) scale=$2; shift 2;;
    --warmup) warmup=$2; shift 2;;
    --rounds) rounds=$2; shift 2;;
    --arrivals) arrivals=$2; shift 2;;
    --timer-slack) slack=$2; shift 2;;
    --skip-build) build=0; shift;;
    -h|--help) sed -n '2,24p' "$0"; exit 0;;
    *) echo "tpcb-crosscheck.sh: unknown option '$1' (see --help)" >&2; exit 2;;
  esac
done
[[ "$warmup" =~ ^[0-9]+$ ]] || { echo "tpcb-crosscheck.sh: --warmup must be a whole number of seconds, but was '$warmup'" >&2; exit 2; }
for v in rate clients seconds scale rounds; do
  [[ "${!v}" =~ ^[0-9]+$ ]] && [ "${!v}" -gt 0 ] || { echo "tpcb-crosscheck.sh: --$v must be a positive integer, but was '${!v}'" >&2; exit 2; }
done
case "$arrivals" in poisson|uniform) ;; *) echo "tpcb-crosscheck.sh: --arrivals must be poisson or uniform, but was '$arrivals'" >&2; exit 2;; esac
[[ "$slack" =~ ^[0-9]+$ ]] || [ "$slack" = default ] || { echo "tpcb-crosscheck.sh: --timer-slack must be a number of ns or default, but was '$slack'" >&2; exit 2; }
command -v pgbench >/dev/null || { echo "tpcb-crosscheck.sh: pgbench must be installed (apt-get install postgresql-client), but was not found" >&2; exit 2; }

root=$(cd "$(dirname "$0")/.." && pwd)
work="$root/benchmarks/target/tpcb-crosscheck"
rm -rf "$work"; mkdir -p "$work"
cd "$root"
source "$root/benchmarks/lib.sh"
set_timer_slack "$slack"
snapshot_classpath
quiet_gatling_opts
java_opts=(-Xmx1G --add-opens=java.base/java.lang=ALL-UNNAMED --add-opens=java.base/jdk.internal.misc=ALL-UNNAMED "${quiet_opts[@]}")

java "${java_opts[@]}" -cp "$cp" dev.salvo.benchmarks.overhead.StartDatabase "$work/pg" "$work/port" > "$work/db.log" 2>&1 &
db_pid=$!
trap 'kill $db_pid 2>/dev/null; wait $db_pid 2>/dev/null || true' EXIT
for _ in $(seq 1 120); do [ -s "$work/port" ] && break; sleep 0.5; done
[ -s "$work/port" ] || { echo "tpcb-crosscheck.sh: the embedded PostgreSQL did not start; see $work/db.log" >&2; exit 1; }
port=$(cat "$work/port")
url="jdbc:postgresql://localhost:$port/postgres?user=postgres"
psqlq() { psql -qtA -h localhost -p "$port" -U postgres -d postgres -c "$1"; }
echo "embedded PostgreSQL $(psqlq 'SHOW server_version') on port $port (synchronous_commit $(psqlq 'SHOW synchronous_commit'), fsync $(psqlq 'SHOW fsync')); pgbench $(pgbench --version | awk '{print $NF}'); scale $scale, rate $rate/s, $arrivals arrivals, $clients clients, ${warmup}s warmup + ${seconds}s measured, $rounds rounds"
echo "machine: $(nproc) cores, load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"

# setup: the pattern creates and fills the tables, then runs for --warmup seconds (at least 5)
setup_s=$((warmup > 5 ? warmup : 5))
java "${java_opts[@]}" -Dsalvo.url="$url" -Dsalvo.resultsDir="$work/setup" -Dsalvo.pattern=tpcb-like \
  -Dsalvo.scale="$scale" -Dsalvo.rate="$rate" -Dsalvo.users="$clients" -Dsalvo.duration="$setup_s" \
  -cp "$cp" io.gatling.app.Gatling --simulation dev.salvo.patterns.PatternSimulation \
  --results-folder "$work/gatling-setup" --no-reports > "$work/setup.log" 2>&1 || { echo "tpcb-crosscheck.sh: the Salvo pattern run failed; see $work/setup.log" >&2; tail -20 "$work/setup.log" >&2; exit 1; }
summary() { python3 -c 'import json,sys
r=json.load(open(sys.argv[1])); t=[q for q in r["requests"] if q["name"]=="tpcb-like"][0]
w=t.get("waitMicros", {}).get("p50", 0); s=t.get("serviceMicros", {}).get("p50", 0)
print("%.3f %d %d %s %.3f %.3f %.3f %.3f" % (t["responseMicros"]["mean"]/1000, t["count"], t["ko"], r["config"].get("pattern", "-"),
  t["responseMicros"]["p50"]/1000, t["responseMicros"]["p99"]/1000, w/1000, s/1000))' "$1"; }
read -r m n ko pattern _ < <(summary "$(ls -d "$work"/setup/*/results.json | head -1)")
echo "setup ($pattern, ${setup_s}s, not compared): $n transactions, $ko errors, mean $m ms"
psqlq "CHECKPOINT"

run_salvo() {
  java "${java_opts[@]}" -Dsalvo.url="$url" -Dsalvo.resultsDir="$work/salvo-$1" -Dsalvo.progressSeconds=0 \
    -Dbench.rate="$rate" -Dbench.clients="$clients" -Dbench.seconds="$seconds" -Dbench.warmup="$warmup" \
    -Dbench.scale="$scale" -Dbench.arrivals="$arrivals" \
    -cp "$cp" io.gatling.app.Gatling --simulation dev.salvo.benchmarks.crosscheck.TpcbRoundSimulation \
    --results-folder "$work/gatling-$1" --no-reports > "$work/salvo-$1.log" 2>&1 || { echo "tpcb-crosscheck.sh: the Salvo run failed; see $work/salvo-$1.log" >&2; tail -20 "$work/salvo-$1.log" >&2; exit 1; }
  read -r sm sn sko _ s50 s99 sw50 ss50 < <(summary "$(ls -d "$work"/salvo-"$1"/*/results.json | head -1)")
  echo "round $1 salvo:   $sn transactions, $sko errors, mean $sm ms, p50 $s50, p99 $s99 (p50 of the wait for a SQL thread $sw50 ms, of the service $ss50 ms) (load average $(cut -d' ' -f1 /proc/loadavg))"
}
run_pgbench() {
  # pgbench's warmup: the same load for --warmup seconds, not kept (Salvo's first --warmup seconds are not measured either)
  [ "$warmup" = 0 ] || pgbench -n -b tpcb-like -M prepared --rate "$rate" -c "$clients" -j 1 -T "$warmup" -h localhost -p "$port" -U postgres postgres \
    > "$work/pgbench-warmup-$1.log" 2>&1 || { echo "tpcb-crosscheck.sh: pgbench's warmup failed; see $work/pgbench-warmup-$1.log" >&2; exit 1; }
  pgbench -n -b tpcb-like -M prepared --rate "$rate" -c "$clients" -j 1 -T "$seconds" -h localhost -p "$port" -U postgres postgres \
    > "$work/pgbench-$1.log" 2>&1 || { echo "tpcb-crosscheck.sh: pgbench failed; see $work/pgbench-$1.log" >&2; exit 1; }
  pm=$(sed -n 's/^latency average = \([0-9.]*\) ms.*/\1/p' "$work/pgbench-$1.log")
  pn=$(sed -n 's/^number of transactions actually processed: \([0-9]*\).*/\1/p' "$work/pgbench-$1.log")
  [ -n "$pm" ] || { echo "tpcb-crosscheck.sh: could not read pgbench's latency average; see $work/pgbench-$1.log" >&2; exit 1; }
  echo "round $1 pgbench: $pn transactions, mean $pm ms, $(sed -n 's/^rate limit schedule lag: //p' "$work/pgbench-$1.log" | tr -d '\n') schedule lag (load average $(cut -d' ' -f1 /proc/loadavg))"
}

declare -a SM PM RATIO
for r in $(seq 1 "$rounds"); do
  if [ $((r % 2)) -eq 1 ]; then order="salvo pgbench"; else order="pgbench salvo"; fi
  for who in $order; do
    case $who in salvo) run_salvo "$r";; pgbench) run_pgbench "$r";; esac
  done
  SM+=("$sm"); PM+=("$pm"); RATIO+=("$(awk -v s="$sm" -v p="$pm" 'BEGIN{printf "%.4f", s / p}')")
  echo "round $r ratio salvo/pgbench: ${RATIO[-1]}"
done
echo "load average at end: $(cut -d' ' -f1-3 /proc/loadavg)"

sums=$(psqlq "SELECT (SELECT sum(bbalance) FROM pgbench_branches), (SELECT sum(tbalance) FROM pgbench_tellers), (SELECT sum(abalance) FROM pgbench_accounts), (SELECT coalesce(sum(delta), 0) FROM pgbench_history), (SELECT count(*) FROM pgbench_history)")
echo "sums: branches|tellers|accounts|history deltas|history rows = $sums"
balances=$(awk -F'|' '{print ($1 == $4 && $2 == $4 && $3 == $4) ? "ok" : "broken"}' <<< "$sums")
median() { printf '%s\n' "$@" | sort -g | awk '{a[NR]=$1} END{if (NR%2) print a[(NR+1)/2]; else printf "%.4f\n", (a[NR/2]+a[NR/2+1])/2}'; }
awk -v s="$(median "${SM[@]}")" -v p="$(median "${PM[@]}")" -v q="$(median "${RATIO[@]}")" -v b="$balances" 'BEGIN {
  r = int(q * 100) / 100  # truncated, never rounded across a target
  printf "RESULT salvo_mean_ms=%.3f pgbench_mean_ms=%.3f ratio=%.2f balances=%s\n", s, p, r, b }'

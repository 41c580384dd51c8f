#!/usr/bin/env bash
# Fixed-rate tail: at a fixed arrival rate, does Salvo's latency distribution agree with an independent client's?
#
# One embedded PostgreSQL with pgbench's tables (`pgbench -i -s 2`: 200,000 accounts), then a CHECKPOINT so that no
# round pays for the load's dirty pages. One after the other, in alternating order per round (Salvo first in odd
# rounds, pgbench first in even ones): Salvo (TailSimulation: --rate users/s in the open model, each one `pgbench -S`
# lookup, 8 connections, --warmup s of warmup then --seconds measured) and `pgbench -S -M prepared -R <rate> -c 8 -j 2`
# for the same time (its per-transaction log; with -R pgbench times each transaction from its schedule).
# The same schedule semantics on both sides: pgbench -R draws its arrivals as a Poisson process, so Salvo's arrivals
# are Poisson too (Gatling's constantUsersPerSec(...).randomized(); --arrivals uniform for evenly spaced ones), and the
# warmup is left out by start time on both sides (Salvo: the intended start; pgbench: end minus latency, i.e. the
# scheduled start). Both clients and the server run in the one process group the lock wrapper made (same nice value,
# printed). Compared: mean, p50, p95 (target: within 15%) and p99 (target: within 25%), Salvo / pgbench, the median
# of the rounds' ratios. Also measured, as a diagnosis: each client's CPU per request in a window inside its measured
# time (from /proc/<pid>/stat, read twice by one awk each: no burst of processes beside the measurement), and Salvo's
# CPU by thread group.
#
# --salvo-mode paced runs Salvo's side as a paced loop (pacedLoop: 8 users, one per connection, sharing one Poisson
# schedule, each sending the arrivals it takes itself, as pgbench's clients do) instead of one Gatling user per arrival.
# --with-raw-jdbc adds a third contender to every round (the rounds then rotate the order): RawPacedLoop, the same
# paced design in plain Java (8 threads, one connection each, parkNanos until the due time, pgjdbc, no Salvo, no
# Gatling), with Salvo's JVM options: the floor a JVM client reaches on this machine. Its p99, its p99 over pgbench's and
# its CPU per request are added to the RESULT line (raw_jdbc_p99_ms raw_jdbc_p99_ratio raw_jdbc_cpu_us).
# --side-by-side adds one more contender to every round: Salvo and pgbench at the same time, each at half the rate (the
# database serves the same total rate; --side-rate sets another, e.g. --side-rate 500 for `-R 500` on both sides),
# pgbench's transactions counted by their scheduled start within Salvo's measured window. Both see the same database
# and the same machine in the same seconds, so their difference is what each client adds to its own measurement, not
# the machine's drift between one run and the next (a diagnosis, no target: side_mean_ratio side_p95_ratio
# side_p99_ratio, Salvo / pgbench, the median of the rounds').
# --with-null adds pgbench against itself to every round: a second `pgbench -S -R <rate>` run, in its own turn of the
# rotation like the other contenders, compared with the first by the same statistics (null_mean_ratio null_p50_ratio
# null_p95_ratio null_p99_ratio, second / first, the median of the rounds'; null_within_targets applies the same bands).
# Two runs of one client differ only by the machine's drift between runs: where the null ratios leave the bands, this
# machine cannot tell a client that agrees with pgbench from one that does not.
# --variant 'JVM OPTIONS' adds a second Salvo to every round, with these JVM options appended to Salvo's (e.g.
# '-Dsalvo.gatlingWarmup=false' to switch one runtime behaviour off), in its own turn of the rotation: an A/B of two Salvo
# configurations in one invocation, each round's pair minutes apart on the same database (variant_mean_ratio
# variant_p95_ratio variant_p99_ratio over pgbench, the median of the rounds'; variant_pooled_*_ratio over pgbench's
# pooled; variant_vs_salvo_pooled_p99 and variant_vs_salvo_cpu, the variant over the default Salvo).
# Pooled, at the end (always): every round's measured requests of a contender in one distribution (Salvo's rounds'
# response-time histograms added, pgbench's transactions in its measured windows), the same statistics compared once:
# pooled_mean_ratio pooled_p50_ratio pooled_p95_ratio pooled_p99_ratio pooled_within_targets, and with --with-null
# null_pooled_*_ratio. A round's p99 rests on ~150 requests and moves with that round's seconds of the machine; the
# pooled p99 rests on all rounds' and moves less, so the pooled null ratios show how far this estimate still drifts.
#
# Usage: bash benchmarks/fixed-rate-tail.sh [--rate 500] [--seconds 30] [--warmup 5] [--rounds 4]
#        [--arrivals poisson|uniform] [--salvo-mode open|paced] [--with-raw-jdbc] [--side-by-side [--side-rate N]]
#        [--with-null] [--variant 'JVM OPTIONS'] [--timer-slack 1|<ns>|default] [--skip-build]
#   SALVO_JAVA_OPTS (environment): extra JVM options for Salvo (and the raw JDBC loop), for diagnosis (e.g. a GC log)
# Last line: RESULT salvo_p99_ms=<x> pgbench_p99_ms=<x> mean_ratio=<x> p50_ratio=<x> p95_ratio=<x> p99_ratio=<x>
#            within_targets=<yes|no> salvo_cpu_us=<x> pgbench_cpu_us=<x> cpu_ratio=<x> salvo_mode=<open|paced>
#            [raw_jdbc_p99_ms=<x> raw_jdbc_p99_ratio=<x> raw_jdbc_cpu_us=<x>]
#            [side_mean_ratio=<x> side_p95_ratio=<x> side_p99_ratio=<x>]
#            [null_mean_ratio=<x> null_p50_ratio=<x> null_p95_ratio=<x> null_p99_ratio=<x> null_within_targets=<yes|no>]
#            pooled_mean_ratio=<x> pooled_p50_ratio=<x> pooled_p95_ratio=<x> pooled_p99_ratio=<x>
#            pooled_within_targets=<yes|no> [null_pooled_mean_ratio=<x> ... null_pooled_p99_ratio=<x>]
#            [variant_mean_ratio=<x> variant_p95_ratio=<x> variant_p99_ratio=<x> variant_pooled_mean_ratio=<x> ...
#             variant_pooled_p99_ratio=<x> variant_vs_salvo_pooled_p99=<x> variant_vs_salvo_cpu=<x>]
set -euo pipefail
rate=500; seconds=30; warmup=5; rounds=4; arrivals=poisson; build=1; slack=1; mode=open; raw=0; side=0; null=0; side_rate=; variant=
while [ $# -gt 0 ]; do
  case "$1" in
    --rate) rate=$2; shift 2;;
    --seconds) seconds=$2; shift 2;;
    --warmup) warmup=$2; shift 2;;
    --rounds) rounds=$2; shift 2;;
    --arrivals) arrivals=$2; shift 2;;
    --salvo-mode) mode=$2; shift 2;;
    --timer-slack) slack=$2; shift 2;;
    --with-raw-jdbc) raw=1; shift;;
    --side-by-side) side=1; shift;;
    --with-null) null=1; shift;;
    --variant) variant=$2; [ -n "$variant" ] || { echo "fixed-rate-tail.sh: --variant needs JVM options, but was empty" >&2; exit 2; }; shift 2;;
    --side-rate) side_rate=$2; shift 2;;
    --skip-build) build=0; shift;;
    -h|--help) sed -n '2,58p' "$0"; exit 0;;
    *) echo "fixed-rate-tail.sh: unknown option '$1' (see --help)" >&2; exit 2;;
  esac
done
side_rate=${side_rate:-$((rate / 2))}
for v in rate seconds warmup rounds side_rate; do
  [[ "${!v}" =~ ^[0-9]+$ ]] && [ "${!v}" -gt 0 ] || { echo "fixed-rate-tail.sh: --${v//_/-} must be a positive integer, but was '${!v}'" >&2; exit 2; }
done
case "$arrivals" in poisson|uniform) ;; *) echo "fixed-rate-tail.sh: --arrivals must be poisson or uniform, but was '$arrivals'" >&2; exit 2;; esac
case "$mode" in open|paced) ;; *) echo "fixed-rate-tail.sh: --salvo-mode must be open or paced, but was '$mode'" >&2; exit 2;; esac
[[ "$slack" =~ ^[0-9]+$ ]] || [ "$slack" = default ] || { echo "fixed-rate-tail.sh: --timer-slack must be a number of ns or default, but was '$slack'" >&2; exit 2; }
command -v pgbench >/dev/null || { echo "fixed-rate-tail.sh: pgbench must be installed (apt-get install postgresql-client), but it was not found" >&2; exit 2; }
root=$(cd "$(dirname "$0")/.." && pwd)
work="$root/benchmarks/target/fixed-rate-tail"
rm -rf "$work"; mkdir -p "$work"
cd "$root"
source "$root/benchmarks/lib.sh"
set_timer_slack "$slack"
snapshot_classpath
quiet_gatling_opts
java_opts=(-Xmx1G -Xms256m -XX:+HeapDumpOnOutOfMemoryError -XX:MaxInlineLevel=20 -XX:MaxTrivialSize=12
  --add-opens=java.base/java.lang=ALL-UNNAMED --add-opens=java.base/jdk.internal.misc=ALL-UNNAMED
  "${quiet_opts[@]}")
# diagnostics only (e.g. SALVO_JAVA_OPTS='-Xlog:gc*,safepoint:file=/tmp/gc.log'): appended to Salvo's JVM options
read -r -a extra_opts <<< "${SALVO_JAVA_OPTS:-}"
java_opts+=("${extra_opts[@]}")

java -cp "$cp" dev.salvo.benchmarks.overhead.StartDatabase "$work/pg" "$work/port" > "$work/db.log" 2>&1 &
db_pid=$!
trap 'kill $db_pid 2>/dev/null; wait $db_pid 2>/dev/null || true' EXIT
for _ in $(seq 1 240); do [ -s "$work/port" ] && break; sleep 0.5; done
[ -s "$work/port" ] || { echo "fixed-rate-tail.sh: the embedded PostgreSQL did not start; see $work/db.log" >&2; exit 1; }
port=$(cat "$work/port")
pgbench -h localhost -p "$port" -U postgres -i -s 2 -q postgres > "$work/pgbench-init.log" 2>&1
psqlq() { psql -qtA -h localhost -p "$port" -U postgres -d postgres -c "$1"; }
psqlq "CHECKPOINT"
echo "embedded PostgreSQL $(psqlq 'SHOW server_version') on port $port (synchronous_commit $(psqlq 'SHOW synchronous_commit'), fsync $(psqlq 'SHOW fsync'), shared_buffers $(psqlq 'SHOW shared_buffers')); rate $rate/s, $arrivals arrivals, Salvo $mode, ${warmup}s warmup + ${seconds}s measured, $rounds rounds; $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)" >&2
echo "priority (nice) of this script $(ps -o ni= -p $$ | tr -d ' '), of the PostgreSQL server $(ps -o ni= -p "$(psqlq "SELECT pid FROM pg_stat_activity WHERE backend_type = 'checkpointer'")" | tr -d ' '); both clients are started by this script and inherit its value" >&2

# CPU window: from this long after a client's launch (past its JVM start and warmup) for cpu_window seconds, which ends
# well before its measured time does
cpu_from=$((warmup + 8)); cpu_window=$((seconds > 14 ? seconds - 10 : seconds / 2))
hz=$(getconf CLK_TCK)
cpu_ticks() { awk '{i = index($0, ") "); split(substr($0, i + 2), f, " "); print f[12] + f[13]}' "/proc/$1/stat" 2>/dev/null || echo 0; }
# one line per thread: ticks name (a trailing number or #number dropped, so that a pool's threads add up)
thread_ticks() {
  awk '{o = index($0, "("); i = index($0, ") "); n = substr($0, o + 1, i - o - 1); gsub(/ /, "_", n); sub(/[-#_]?[0-9]+$/, "", n)
        split(substr($0, i + 2), f, " "); print f[12] + f[13], n}' /proc/"$1"/task/*/stat 2>/dev/null || true
}
# sample_cpu PID OUT: the process's CPU ticks at cpu_from and cpu_from + cpu_window after now, into OUT (and OUT.threads)
sample_cpu() {
  local pid=$1 out=$2
  sleep "$cpu_from"; cpu_ticks "$pid" > "$out"; thread_ticks "$pid" > "$out.t1"
  sleep "$cpu_window"; cpu_ticks "$pid" >> "$out"; thread_ticks "$pid" > "$out.t2"
}
# cpu_per_request OUT: µs of CPU per request in the window, at the nominal rate
cpu_per_request() { awk -v hz="$hz" -v rate="$rate" -v w="$cpu_window" 'NR==1{a=$1} NR==2{b=$1} END{printf "%.1f", (b - a) * 1e6 / hz / (rate * w)}' "$1"; }

start_salvo() { # RUN RATE [EXTRA JVM OPTIONS...]: starts Salvo's JVM in the background
  java "${java_opts[@]}" "${@:3}" -cp "$cp" -Dsalvo.url="jdbc:postgresql://localhost:$port/postgres?user=postgres" \
    -Dsalvo.resultsDir="$work/salvo-$1" -Dsalvo.progressSeconds=0 -Dbench.rate="$2" -Dbench.seconds="$seconds" \
    -Dbench.warmup="$warmup" -Dbench.arrivals="$arrivals" -Dbench.mode="$mode" io.gatling.app.Gatling --simulation dev.salvo.benchmarks.overhead.TailSimulation \
    --results-folder "$work/gatling-$1" --no-reports > "$work/salvo-$1.log" 2>&1 &
}

run_salvo() { # RUN [EXTRA JVM OPTIONS...]; prints: mean p50 p95 p99 (ms) count hiccup-p99 stalls wait-p50 service-p50 p99.9 wait-p99 wait-p99.9 service-p99 service-p99.9 cpu-us-per-request
  start_salvo "$1" "$rate" "${@:2}"
  local pid=$!
  sample_cpu "$pid" "$work/salvo-$1.cpu"
  wait "$pid"
  # Salvo's CPU in the window by thread group, the largest first
  awk -v hz="$hz" -v rate="$rate" -v w="$cpu_window" 'NR==FNR{a[$2]+=$1; next} {b[$2]+=$1}
      END{for (n in b) if (b[n] - a[n] > 0) printf "%.1f %s\n", (b[n] - a[n]) * 1e6 / hz / (rate * w), n}' \
    "$work/salvo-$1.cpu.t1" "$work/salvo-$1.cpu.t2" | sort -gr | head -8 | awk '{printf "%s%s %s", (NR > 1 ? ", " : ""), $2, $1} END{print ""}' \
    > "$work/salvo-$1.cpu.groups"
  python3 - "$(ls "$work/salvo-$1"/*/results.json)" "$(cpu_per_request "$work/salvo-$1.cpu")" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))
l = r["requests"][0]["responseMicros"]
g = r["generator"]
w = r["requests"][0]["waitMicros"]
s = r["requests"][0]["serviceMicros"]
print("%.3f %.3f %.3f %.3f %d %.3f %.1f %.3f %.3f %.3f %.3f %.3f %.3f %.3f %s" % (l["mean"] / 1e3, l["p50"] / 1e3, l["p95"] / 1e3,
    l["p99"] / 1e3, l["count"], g["hiccupMicros"]["p99"] / 1e3, g["stallMillis"], w["p50"] / 1e3, s["p50"] / 1e3,
    l["p999"] / 1e3, w["p99"] / 1e3, w["p999"] / 1e3, s["p99"] / 1e3, s["p999"] / 1e3, sys.argv[2]))
PY
}

run_pgbench() { # prints: mean p50 p95 p99 (ms) count cpu-us-per-request
  rm -f "$work"/pgbench-log.*
  (cd "$work" && exec pgbench -h localhost -p "$port" -U postgres -n -S -M prepared -R "$rate" -c 8 -j 2 \
    -T $((warmup + seconds)) -l --log-prefix=pgbench-log postgres > "$work/pgbench-$1.log" 2>&1) &
  local pid=$!
  # pgbench starts at once: the same window as Salvo's, moved 4 s earlier (about Salvo's JVM start)
  (cpu_from=$((cpu_from - 4)); sample_cpu "$pid" "$work/pgbench-$1.cpu")
  wait "$pid"
  echo "$(pgbench_latencies "+$warmup" inf) $(cpu_per_request "$work/pgbench-$1.cpu")"
  mkdir -p "$work/pgbench-logs-$1"; mv "$work"/pgbench-log.* "$work/pgbench-logs-$1/" # kept for the pooled statistics
}

# pgbench_latencies FROM TO [DIR...]: mean p50 p95 p99 (ms) and count of the transactions in pgbench's logs whose
# scheduled start (end minus latency, which under -R counts from the schedule; Salvo's warmup is cut by start too) is in
# [FROM, TO), epoch seconds; FROM +N: N seconds after the first one's. The logs: those in $work, or with DIRs the
# pooled transactions of every DIR's run (each run's FROM +N counted from its own first transaction)
pgbench_latencies() {
  WORK="$work" python3 - "$1" "$2" "${@:3}" <<'PY'
import glob, os, sys
lat = []
for d in sys.argv[3:] or [os.environ["WORK"]]:
    rows = []
    for f in glob.glob(d + "/pgbench-log.*"):
        for line in open(f):
            p = line.split()
            rows.append((int(p[4]) + int(p[5]) / 1e6 - int(p[2]) / 1e6, int(p[2])))
    lo = min(t for t, _ in rows) + float(sys.argv[1][1:]) if sys.argv[1].startswith("+") else float(sys.argv[1])
    hi = float(sys.argv[2])
    lat += [l for t, l in rows if lo <= t < hi]
lat.sort()
pct = lambda q: lat[min(len(lat) - 1, int(q * len(lat)))] / 1e3
print("%.3f %.3f %.3f %.3f %d" % (sum(lat) / len(lat) / 1e3, pct(0.5), pct(0.95), pct(0.99), len(lat)))
PY
}

run_raw() { # prints: mean p50 p95 p99 (ms) count wait-p50 service-p50 p99.9 wait-p99 wait-p99.9 service-p99 service-p99.9 cpu-us-per-request
  java "${java_opts[@]}" -cp "$cp" dev.salvo.benchmarks.overhead.RawPacedLoop \
    "jdbc:postgresql://localhost:$port/postgres?user=postgres" 8 "$rate" "$warmup" "$seconds" 200000 > "$work/raw-$1.log" 2>&1 &
  local pid=$!
  # the raw loop starts its schedule about 1 s after launch: the window moved 3 s earlier than Salvo's
  (cpu_from=$((cpu_from - 3)); sample_cpu "$pid" "$work/raw-$1.cpu")
  wait "$pid"
  echo "$(tail -1 "$work/raw-$1.log") $(cpu_per_request "$work/raw-$1.cpu")"
}

run_side() { # prints: Salvo mean p95 p99, pgbench mean p95 p99 (ms), pgbench's transactions, Salvo's hiccup p99
  rm -f "$work"/pgbench-log.*
  start_salvo "side-$1" "$side_rate"
  local pid=$!
  # pgbench from Salvo's launch until after its load ends (its JVM start, warmup and measurement); only the
  # transactions scheduled inside Salvo's measured window count
  (cd "$work" && exec pgbench -h localhost -p "$port" -U postgres -n -S -M prepared -R "$side_rate" -c 8 -j 2 \
    -T $((warmup + seconds + 15)) -l --log-prefix=pgbench-log postgres > "$work/pgbench-side-$1.log" 2>&1)
  wait "$pid"
  local sm s95 s99 hic t0 t1 pm p50 p95 p99 pn
  read -r sm s95 s99 hic t0 t1 < <(python3 - "$(ls "$work/salvo-side-$1"/*/results.json)" <<'PY'
import json, sys
from datetime import datetime
r = json.load(open(sys.argv[1]))
t0 = datetime.fromisoformat(r["measurementStartedAt"].replace("Z", "+00:00")).timestamp()
l = r["requests"][0]["responseMicros"]
print("%.3f %.3f %.3f %.3f %.6f %.6f" % (l["mean"] / 1e3, l["p95"] / 1e3, l["p99"] / 1e3,
    r["generator"]["hiccupMicros"]["p99"] / 1e3, t0, t0 + r["measurementSeconds"]))
PY
)
  read -r pm p50 p95 p99 pn < <(pgbench_latencies "$t0" "$t1")
  echo "$sm $s95 $s99 $pm $p95 $p99 $pn $hic"
}

ratio() { awk -v a="$1" -v b="$2" 'BEGIN{printf "%.3f", a / b}'; }
declare -a RM R50 R95 R99 SP99 PP99 SCPU PCPU RP99 RR99 RCPU XM X95 X99 NM N50 N95 N99 VM V95 V99 VCPU
read -r -a variant_opts <<< "$variant"
contenders=(salvo pgbench); [ "$raw" = 1 ] && contenders+=(raw); [ "$side" = 1 ] && contenders+=(side)
[ "$null" = 1 ] && contenders+=(null)
[ -n "$variant" ] && contenders+=(variant)
for r in $(seq 1 "$rounds"); do
  # each round starts with the next contender (with two: Salvo first in odd rounds, pgbench first in even ones)
  n=${#contenders[@]}; order=""
  for i in $(seq 0 $((n - 1))); do order+="${contenders[$(((r - 1 + i) % n))]} "; done
  for who in $order; do
    case $who in
      salvo) read -r sm s50 s95 s99 sn shic sstall sw50 ss50 s999 sw99 sw999 ss99 ss999 scpu < <(run_salvo "$r")
        echo "round $r Salvo:   mean $sm p50 $s50 p95 $s95 p99 $s99 p99.9 $s999 ms ($sn requests; wait for a SQL thread p50 $sw50 p99 $sw99 p99.9 $sw999 ms, service p50 $ss50 p99 $ss99 p99.9 $ss999 ms; generator hiccup p99 $shic ms, stalls $sstall ms in all; CPU $scpu µs/request: $(cat "$work/salvo-$r.cpu.groups"))" >&2;;
      pgbench) read -r pm p50 p95 p99 pn pcpu < <(run_pgbench "$r")
        echo "round $r pgbench: mean $pm p50 $p50 p95 $p95 p99 $p99 ms ($pn transactions; CPU $pcpu µs/transaction)" >&2;;
      raw) read -r rm r50 r95 r99 rn rw50 rs50 r999 rw99 rw999 rs99 rs999 rcpu < <(run_raw "$r")
        echo "round $r raw JDBC: mean $rm p50 $r50 p95 $r95 p99 $r99 p99.9 $r999 ms ($rn requests; wait p50 $rw50 p99 $rw99 p99.9 $rw999 ms, service p50 $rs50 p99 $rs99 p99.9 $rs999 ms; CPU $rcpu µs/request)" >&2;;
      variant) read -r vm v50 v95 v99 vn vhic vstall vw50 vs50 v999 vw99 vw999 vs99 vs999 vcpu < <(run_salvo "variant-$r" "${variant_opts[@]}")
        echo "round $r Salvo variant ($variant): mean $vm p50 $v50 p95 $v95 p99 $v99 p99.9 $v999 ms ($vn requests; wait for a SQL thread p50 $vw50 p99 $vw99 p99.9 $vw999 ms, service p50 $vs50 p99 $vs99 p99.9 $vs999 ms; generator hiccup p99 $vhic ms, stalls $vstall ms in all; CPU $vcpu µs/request: $(cat "$work/salvo-variant-$r.cpu.groups"))" >&2;;
      null) read -r nm n50 n95 n99 nn ncpu < <(run_pgbench "null-$r")
        echo "round $r pgbench again: mean $nm p50 $n50 p95 $n95 p99 $n99 ms ($nn transactions; CPU $ncpu µs/transaction)" >&2;;
      side) read -r xsm xs95 xs99 xpm xp95 xp99 xpn xhic < <(run_side "$r")
        echo "round $r side by side, $side_rate/s each: Salvo mean $xsm p95 $xs95 p99 $xs99 ms (generator hiccup p99 $xhic ms); pgbench in Salvo's window mean $xpm p95 $xp95 p99 $xp99 ms ($xpn transactions)" >&2;;
    esac
  done
  RM+=("$(ratio "$sm" "$pm")"); R50+=("$(ratio "$s50" "$p50")"); R95+=("$(ratio "$s95" "$p95")"); R99+=("$(ratio "$s99" "$p99")")
  SP99+=("$s99"); PP99+=("$p99"); SCPU+=("$scpu"); PCPU+=("$pcpu")
  echo "round $r ratios Salvo/pgbench: mean ${RM[-1]} p50 ${R50[-1]} p95 ${R95[-1]} p99 ${R99[-1]}" >&2
  if [ "$side" = 1 ]; then
    XM+=("$(ratio "$xsm" "$xpm")"); X95+=("$(ratio "$xs95" "$xp95")"); X99+=("$(ratio "$xs99" "$xp99")")
    echo "round $r ratios side by side Salvo/pgbench: mean ${XM[-1]} p95 ${X95[-1]} p99 ${X99[-1]}" >&2
  fi
  if [ "$null" = 1 ]; then
    NM+=("$(ratio "$nm" "$pm")"); N50+=("$(ratio "$n50" "$p50")"); N95+=("$(ratio "$n95" "$p95")"); N99+=("$(ratio "$n99" "$p99")")
    echo "round $r ratios pgbench again/pgbench: mean ${NM[-1]} p50 ${N50[-1]} p95 ${N95[-1]} p99 ${N99[-1]}" >&2
  fi
  if [ -n "$variant" ]; then
    VM+=("$(ratio "$vm" "$pm")"); V95+=("$(ratio "$v95" "$p95")"); V99+=("$(ratio "$v99" "$p99")"); VCPU+=("$vcpu")
    echo "round $r ratios Salvo variant/pgbench: mean ${VM[-1]} p95 ${V95[-1]} p99 ${V99[-1]}; variant/Salvo p99 $(ratio "$v99" "$s99") CPU $(ratio "$vcpu" "$scpu")" >&2
  fi
  if [ "$raw" = 1 ]; then
    RP99+=("$r99"); RR99+=("$(ratio "$r99" "$p99")"); RCPU+=("$rcpu")
    echo "round $r ratios raw JDBC/pgbench: mean $(ratio "$rm" "$pm") p50 $(ratio "$r50" "$p50") p95 $(ratio "$r95" "$p95") p99 ${RR99[-1]}; Salvo/raw JDBC p99 $(ratio "$s99" "$r99")" >&2
  fi
done
echo "load average at end: $(cut -d' ' -f1-3 /proc/loadavg)" >&2
median() { printf '%s\n' "$@" | sort -g | awk '{a[NR]=$1} END{if (NR%2) print a[(NR+1)/2]; else printf "%.3f\n", (a[NR/2]+a[NR/2+1])/2}'; }
m=$(median "${RM[@]}"); q50=$(median "${R50[@]}"); q95=$(median "${R95[@]}"); q99=$(median "${R99[@]}")
# within MEAN P50 P95 P99: yes when the ratios are in the targets' bands (mean, p50, p95 within 15%, p99 within 25%)
within() { awk -v m="$1" -v a="$2" -v b="$3" -v c="$4" 'BEGIN{w=(m>=0.85&&m<=1.15&&a>=0.85&&a<=1.15&&b>=0.85&&b<=1.15&&c>=0.75&&c<=1.25); print w?"yes":"no"}' 2>/dev/null || echo no; }
ok=$(within "$m" "$q50" "$q95" "$q99")
sc=$(median "${SCPU[@]}"); pc=$(median "${PCPU[@]}")
# pooled: every round's requests in one distribution per contender (Salvo's histograms added; pgbench's transactions
# in its measured windows), compared once: fewer samples of the machine's drift in each side's tail than one round has
salvo_dirs=(); pg_dirs=(); null_dirs=(); variant_dirs=()
for r in $(seq 1 "$rounds"); do
  salvo_dirs+=("$(dirname "$(ls "$work/salvo-$r"/*/results.json)")"); pg_dirs+=("$work/pgbench-logs-$r")
  [ "$null" = 1 ] && null_dirs+=("$work/pgbench-logs-null-$r")
  [ -n "$variant" ] && variant_dirs+=("$(dirname "$(ls "$work/salvo-variant-$r"/*/results.json)")")
done
read -r psm ps50 ps95 ps99 psn < <(java -cp "$cp" dev.salvo.benchmarks.overhead.PooledLatency "${salvo_dirs[@]}")
read -r ppm pp50 pp95 pp99 ppn < <(pgbench_latencies "+$warmup" inf "${pg_dirs[@]}")
echo "pooled, $rounds rounds: Salvo mean $psm p50 $ps50 p95 $ps95 p99 $ps99 ms ($psn requests); pgbench mean $ppm p50 $pp50 p95 $pp95 p99 $pp99 ms ($ppn transactions)" >&2
pooled="pooled_mean_ratio=$(ratio "$psm" "$ppm") pooled_p50_ratio=$(ratio "$ps50" "$pp50") pooled_p95_ratio=$(ratio "$ps95" "$pp95") pooled_p99_ratio=$(ratio "$ps99" "$pp99")"
pooled+=" pooled_within_targets=$(within "$(ratio "$psm" "$ppm")" "$(ratio "$ps50" "$pp50")" "$(ratio "$ps95" "$pp95")" "$(ratio "$ps99" "$pp99")")"
if [ "$null" = 1 ]; then
  read -r pnm pn50 pn95 pn99 pnn < <(pgbench_latencies "+$warmup" inf "${null_dirs[@]}")
  echo "pooled, $rounds rounds: pgbench again mean $pnm p50 $pn50 p95 $pn95 p99 $pn99 ms ($pnn transactions)" >&2
  pooled+=" null_pooled_mean_ratio=$(ratio "$pnm" "$ppm") null_pooled_p50_ratio=$(ratio "$pn50" "$pp50") null_pooled_p95_ratio=$(ratio "$pn95" "$pp95") null_pooled_p99_ratio=$(ratio "$pn99" "$pp99")"
fi
if [ -n "$variant" ]; then
  read -r pvm pv50 pv95 pv99 pvn < <(java -cp "$cp" dev.salvo.benchmarks.overhead.PooledLatency "${variant_dirs[@]}")
  echo "pooled, $rounds rounds: Salvo variant mean $pvm p50 $pv50 p95 $pv95 p99 $pv99 ms ($pvn requests)" >&2
  vc=$(median "${VCPU[@]}")
  pooled+=" variant_mean_ratio=$(median "${VM[@]}") variant_p95_ratio=$(median "${V95[@]}") variant_p99_ratio=$(median "${V99[@]}")"
  pooled+=" variant_pooled_mean_ratio=$(ratio "$pvm" "$ppm") variant_pooled_p50_ratio=$(ratio "$pv50" "$pp50") variant_pooled_p95_ratio=$(ratio "$pv95" "$pp95") variant_pooled_p99_ratio=$(ratio "$pv99" "$pp99")"
  pooled+=" variant_vs_salvo_pooled_p99=$(ratio "$pv99" "$ps99") variant_vs_salvo_cpu=$(ratio "$vc" "$sc")"
fi
echo "RESULT salvo_p99_ms=$(median "${SP99[@]}") pgbench_p99_ms=$(median "${PP99[@]}") mean_ratio=$m p50_ratio=$q50 p95_ratio=$q95 p99_ratio=$q99 within_targets=$ok salvo_cpu_us=$sc pgbench_cpu_us=$pc cpu_ratio=$(awk -v a="$sc" -v b="$pc" 'BEGIN{printf "%.3f", a / b}') salvo_mode=$mode$(
  [ "$raw" = 1 ] && echo " raw_jdbc_p99_ms=$(median "${RP99[@]}") raw_jdbc_p99_ratio=$(median "${RR99[@]}") raw_jdbc_cpu_us=$(median "${RCPU[@]}")")$(
  [ "$side" = 1 ] && echo " side_mean_ratio=$(median "${XM[@]}") side_p95_ratio=$(median "${X95[@]}") side_p99_ratio=$(median "${X99[@]}")")$(
  [ "$null" = 1 ] && echo " null_mean_ratio=$(median "${NM[@]}") null_p50_ratio=$(median "${N50[@]}") null_p95_ratio=$(median "${N95[@]}") null_p99_ratio=$(median "${N99[@]}") null_within_targets=$(within "$(median "${NM[@]}")" "$(median "${N50[@]}")" "$(median "${N95[@]}")" "$(median "${N99[@]}")")") $pooled"

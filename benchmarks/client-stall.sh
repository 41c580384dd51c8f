#!/usr/bin/env bash
# Client stall: does a stall of the load generator itself show in the response times, as it does in pgbench -R?
#
# One embedded PostgreSQL (the demo schema, plus pgbench's tables from `pgbench -i`). Then, one after the other:
#  - Salvo: Sample 01 (3 requests per user) in the open model at --rate users/s (5 s ramp, then --seconds at the rate);
#    --stop-after seconds after Gatling says the simulation started, its JVM is stopped with SIGSTOP for --stop seconds,
#    then continued. Salvo's 'order by id' (each user's first request) p99.9 is taken from results.json.
#  - pgbench -S -M prepared -R (3 x rate) -c 8 -j 2 for the same length, stopped the same way; its p99.9 is computed from
#    its per-transaction log (with -R, pgbench times each transaction from its scheduled start).
# The users due during the stop should carry it: p99.9 near the stop's length on both sides (with 200 users/s and 1 s,
# about 200 of ~4,000 users are late by 0..1 s).
#
# Usage: bash benchmarks/client-stall.sh [--rate 200] [--seconds 15] [--stop-after 8] [--stop 1] [--skip-build]
# Last line: RESULT salvo_p999_ms=<x> pgbench_p999_ms=<x>
set -euo pipefail
rate=200; seconds=15; stop_after=8; stop=1; build=1
while [ $# -gt 0 ]; do
  case "$1" in
    --rate) rate=$2; shift 2;;
    --seconds) seconds=$2; shift 2;;
    --stop-after) stop_after=$2; shift 2;;
    --stop) stop=$2; shift 2;;
    --skip-build) build=0; shift;;
    -h|--help) sed -n '2,15p' "$0"; exit 0;;
    *) echo "client-stall.sh: unknown option '$1' (see --help)" >&2; exit 2;;
  esac
done
for v in rate seconds stop_after stop; do
  [[ "${!v}" =~ ^[0-9]+$ ]] && [ "${!v}" -gt 0 ] || { echo "client-stall.sh: --${v/_/-} must be a positive integer, but was '${!v}'" >&2; exit 2; }
done
command -v pgbench >/dev/null || { echo "client-stall.sh: pgbench must be installed (apt-get install postgresql-client), but it was not found" >&2; exit 2; }
root=$(cd "$(dirname "$0")/.." && pwd)
work="$root/benchmarks/target/client-stall"
rm -rf "$work"; mkdir -p "$work/lib"
cd "$root"
# shellcheck source=lib.sh
source "$root/benchmarks/lib.sh"
snapshot_classpath simulations
quiet_gatling_opts
java_opts=(-Xmx1G -Xms256m -XX:+HeapDumpOnOutOfMemoryError -XX:MaxInlineLevel=20 -XX:MaxTrivialSize=12
  --add-opens=java.base/java.lang=ALL-UNNAMED --add-opens=java.base/jdk.internal.misc=ALL-UNNAMED
  "${quiet_opts[@]}")

java -cp "$cp" dev.salvo.benchmarks.overhead.StartDatabase "$work/pg" "$work/port" > "$work/db.log" 2>&1 &
db_pid=$!
trap 'kill $db_pid 2>/dev/null; wait $db_pid 2>/dev/null || true' EXIT
for _ in $(seq 1 240); do [ -s "$work/port" ] && break; sleep 0.5; done
[ -s "$work/port" ] || { echo "client-stall.sh: the embedded PostgreSQL did not start; see $work/db.log" >&2; exit 1; }
port=$(cat "$work/port")
pgbench -h localhost -p "$port" -U postgres -i -s 2 -q postgres > "$work/pgbench-init.log" 2>&1
echo "embedded PostgreSQL on port $port; $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)" >&2

# Salvo: Sample 01, stopped mid-run
java "${java_opts[@]}" -cp "$cp" -Dsalvo.url="jdbc:postgresql://localhost:$port/postgres?user=postgres" \
  -Dsalvo.resultsDir="$work/salvo" -Dsalvo.sample.rate="$rate" -Dsalvo.sample.seconds="$seconds" \
  -Dsalvo.profiles="$root/simulations/src/test/resources/salvo/profiles" \
  io.gatling.app.Gatling --simulation dev.salvo.simulations.Sample01_PointLookups \
  --results-folder "$work/gatling" --no-reports > "$work/salvo.log" 2>&1 &
salvo_pid=$!
for _ in $(seq 1 1200); do grep -q 'Simulation .* started' "$work/salvo.log" && break; sleep 0.1; done
sleep "$stop_after"; kill -STOP "$salvo_pid"; sleep "$stop"; kill -CONT "$salvo_pid"
wait "$salvo_pid" || true # exit status 2: an SLO failed (it should, with the stop)
salvo=$(python3 - "$(ls "$work"/salvo/*/results.json)" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))
q = next(x for x in r["requests"] if x["name"] == "order by id")
g = r["generator"]
print("%.1f %.1f %.1f %.1f %.1f %d %s" % (q["responseMicros"]["p99"] / 1e3, q["responseMicros"]["p999"] / 1e3,
    q["responseMicros"]["max"] / 1e3, q["scheduleLagMicros"]["max"] / 1e3, g["hiccupMicros"]["max"] / 1e3, q["count"],
    g["intendedStart"]))
PY
)
read -r s99 s999 smax slag shic scount sintended <<< "$salvo"
echo "Salvo 'order by id' ($scount requests, intended start: $sintended): p99 $s99 ms, p99.9 $s999 ms, max $smax ms, schedule lag max $slag ms; generator hiccup max $shic ms" >&2

# pgbench -S -R, stopped the same way
total=$((seconds + 5))
(cd "$work" && exec pgbench -h localhost -p "$port" -U postgres -n -S -M prepared -R $((rate * 3)) -c 8 -j 2 -T "$total" -l --log-prefix=pgbench postgres > "$work/pgbench-out.log" 2>&1) &
pg_pid=$!
sleep "$stop_after"; sleep 3; kill -STOP "$pg_pid"; sleep "$stop"; kill -CONT "$pg_pid"
wait "$pg_pid"
pgbench=$(python3 - "$work" <<'PY'
import glob, sys
lat, lag = [], []
for f in glob.glob(sys.argv[1] + "/pgbench.[0-9]*"):
    for line in open(f):
        p = line.split()
        lat.append(int(p[2])); lag.append(int(p[6]) if len(p) > 6 else 0)
lat.sort()
pct = lambda q: lat[min(len(lat) - 1, int(q * len(lat)))] / 1e3
print("%.1f %.1f %.1f %.1f %d" % (pct(0.99), pct(0.999), lat[-1] / 1e3, max(lag) / 1e3, len(lat)))
PY
)
read -r p99 p999 pmax plag pcount <<< "$pgbench"
echo "pgbench -S -R $((rate * 3)) ($pcount transactions): p99 $p99 ms, p99.9 $p999 ms, max $pmax ms, schedule lag max $plag ms" >&2
grep -E 'rate limit schedule lag|latency average' "$work/pgbench-out.log" >&2 || true
echo "RESULT salvo_p999_ms=$s999 pgbench_p999_ms=$p999"

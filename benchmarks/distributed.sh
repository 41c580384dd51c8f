#!/usr/bin/env bash
# Distributed runs: do N worker JVMs, launched as a Kubernetes Indexed Job launches them (environment variables
# JOB_COMPLETION_INDEX, SALVO_WORKER_COUNT, SALVO_RUN_ID, SALVO_START_AT, SALVO_URL), inject together what one JVM
# injects alone?
#
# One embedded PostgreSQL (the demo schema) for everything. DistributedSimulation: an open model at --rate users/s for
# --seconds (each user INSERTs one new key from a sequence into dist_keys) beside a closed model of --users concurrent
# users (one lookup each). First one JVM alone, then N workers at once with a start barrier 40 s ahead; their run
# directories are merged. Compared: the open model's requests (single vs merged, count_ratio); the open model's
# arrival rate per second vs the requested one: every inserted row keeps its user's scheduled arrival (epoch ms, the
# instant Salvo times the request from), its actual arrival (read when the user reached the request) and the worker,
# and the arrivals are counted per second of the run from the start barrier (the single run: from its first), the worst
# of the --seconds whole seconds counting: rate_error_pct by scheduled arrival (the split and the barrier),
# arrived_rate_error_pct by actual arrival (adds each generator's own lateness); arrivals before the barrier or after
# the last second are counted and printed. (Counting completions per reporting interval instead smears arrivals by
# their latency and by each worker's own interval grid.) Then duplicate keys in dist_keys after the merged run.
# Per-worker lines, each worker's first arrival vs the barrier, and the single run's own errors are printed too.
#
# Usage: bash benchmarks/distributed.sh N [--rate 200] [--seconds 20] [--users 5] [--skip-build]
# Last line: RESULT single=<requests> merged=<requests> count_ratio=<x.xxxx> rate_error_pct=<x.xx> duplicate_keys=<n>
#   arrived_rate_error_pct=<x.xx>
set -euo pipefail
n=${1:-}; shift || true
[[ "$n" =~ ^[0-9]+$ ]] && [ "$n" -ge 2 ] || { echo "distributed.sh: N must be a whole number >= 2, but was '$n'" >&2; exit 2; }
rate=200; seconds=20; users=5; build=1
while [ $# -gt 0 ]; do
  case "$1" in
    --rate) rate=$2; shift 2;;
    --seconds) seconds=$2; shift 2;;
    --users) users=$2; shift 2;;
    --skip-build) build=0; shift;;
    *) echo "distributed.sh: unknown option '$1' (see the header)" >&2; exit 2;;
  esac
done
command -v psql >/dev/null || { echo "distributed.sh: psql must be installed (apt-get install postgresql-client), but it was not found" >&2; exit 2; }
root=$(cd "$(dirname "$0")/.." && pwd)
work="$root/benchmarks/target/distributed"
rm -rf "$work"; mkdir -p "$work/lib"
cd "$root"
# shellcheck source=lib.sh
source "$root/benchmarks/lib.sh"
snapshot_classpath
quiet_gatling_opts
java_opts=(-Xmx512m -XX:MaxInlineLevel=20 -XX:MaxTrivialSize=12
  --add-opens=java.base/java.lang=ALL-UNNAMED --add-opens=java.base/jdk.internal.misc=ALL-UNNAMED
  "${quiet_opts[@]}"
  -Dbench.rate="$rate" -Dbench.seconds="$seconds" -Dbench.users="$users" -Dsalvo.progressSeconds=1)

java -cp "$cp" dev.salvo.benchmarks.overhead.StartDatabase "$work/pg" "$work/port" > "$work/db.log" 2>&1 &
db_pid=$!
trap 'kill $db_pid 2>/dev/null; wait $db_pid 2>/dev/null || true' EXIT
for _ in $(seq 1 480); do [ -s "$work/port" ] && break; sleep 0.5; done
[ -s "$work/port" ] || { echo "distributed.sh: the embedded PostgreSQL did not start; see $work/db.log" >&2; exit 1; }
port=$(cat "$work/port")
url="jdbc:postgresql://localhost:$port/postgres?user=postgres"
q() { psql -h localhost -p "$port" -U postgres -d postgres -tAc "$1"; }
echo "embedded PostgreSQL on port $port; $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)" >&2

# $1 = name, $2 = worker index or '' for one JVM; environment as the Indexed Job sets it
run() {
  local name=$1 index=$2
  env SALVO_URL="$url" ${index:+JOB_COMPLETION_INDEX=$index SALVO_WORKER_COUNT=$n SALVO_RUN_ID=$run_id SALVO_START_AT=$start_at} \
    java "${java_opts[@]}" -cp "$cp" -Dsalvo.resultsDir="$work/$name/salvo" -Dsalvo.profiles="$work/$name/profiles" \
    -Dsalvo.workDir="$work/$name/pg" io.gatling.app.Gatling --simulation dev.salvo.benchmarks.distributed.DistributedSimulation \
    --results-folder "$work/$name/gatling" --no-reports > "$work/$name.log" 2>&1
}
count_open() { python3 -c '
import json, sys
r = json.load(open(sys.argv[1]))
q = next(x for x in r["requests"] if x["name"] == sys.argv[2])
print(q["count"], q["ko"])' "$1" "$2"; }

q "CREATE TABLE dist_keys (k bigint NOT NULL, due_ms bigint NOT NULL, arrived_ms bigint NOT NULL, worker int NOT NULL)" >/dev/null
echo "single JVM..." >&2
run single ''
single_json=$(ls "$work"/single/salvo/*/results.json)
read -r single single_ko <<< "$(count_open "$single_json" "new key")"
read -r single_closed _ <<< "$(count_open "$single_json" lookup)"
single_dups=$(q "SELECT count(*) - count(DISTINCT k) FROM dist_keys")
# arrivals per second from the first one: "second count" lines, by scheduled arrival, then by actual arrival
for c in due arrived; do
  q "SELECT (${c}_ms - (SELECT min(${c}_ms) FROM dist_keys)) / 1000, count(*) FROM dist_keys GROUP BY 1 ORDER BY 1" \
    | tr '|' ' ' > "$work/single-$c-seconds.txt"
done
q "TRUNCATE dist_keys" >/dev/null

run_id="bench-$(date +%s)"
start_at=$(date -u -d '+40 seconds' +%Y-%m-%dT%H:%M:%SZ)
echo "$n workers, run id $run_id, start barrier $start_at..." >&2
pids=()
for i in $(seq 0 $((n - 1))); do run "worker-$i" "$i" & pids+=($!); done
for p in "${pids[@]}"; do wait "$p" || true; done
dirs=()
for i in $(seq 0 $((n - 1))); do dirs+=("$(dirname "$(ls "$work"/worker-$i/salvo/*/results.json)")"); done
java -cp "$cp" dev.salvo.benchmarks.distributed.MergeRuns "$work/merged" "${dirs[@]}" >&2
read -r merged merged_ko <<< "$(count_open "$work/merged/results.json" "new key")"
read -r merged_closed _ <<< "$(count_open "$work/merged/results.json" lookup)"
dups=$(q "SELECT count(*) - count(DISTINCT k) FROM dist_keys")
rows=$(q "SELECT count(*) FROM dist_keys")
start_ms=$(( $(date -u -d "$start_at" +%s) * 1000 ))
# arrivals per second from the start barrier (floor division: an arrival before it counts in a negative second)
for c in due arrived; do
  q "SELECT floor((${c}_ms - $start_ms) / 1000.0)::bigint, count(*) FROM dist_keys GROUP BY 1 ORDER BY 1" \
    | tr '|' ' ' > "$work/merged-$c-seconds.txt"
done
q "SELECT worker, min(due_ms) - $start_ms, min(arrived_ms) - $start_ms, max(arrived_ms) - $start_ms, count(*)
   FROM dist_keys GROUP BY 1 ORDER BY 1" | tr '|' ' ' > "$work/workers.txt"
python3 - "$work/merged/results.json" "$single" "$merged" "$rate" "$seconds" "$dups" "$rows" "$single_ko" "$merged_ko" \
  "$single_closed" "$merged_closed" "$single_dups" "$single_json" "$work" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))
single, merged, rate, seconds, dups, rows = (int(x) for x in sys.argv[2:8])
env = r["environment"]
for k, v in sorted(r["config"].items()):
    if k.startswith("worker."):
        print(k, v)
print("late workers:", env.get("lateWorkers"), "run id:", env.get("runId"))
print("open model: single=%d (ko %s) merged=%d (ko %s); rows inserted by the workers=%d; closed-model lookups: single=%s merged=%s; duplicates in the single run=%s"
      % (single, sys.argv[8], merged, sys.argv[9], rows, sys.argv[10], sys.argv[11], sys.argv[12]))
work = sys.argv[14]
for line in open(work + "/workers.txt"):
    w, due, first, last, n = line.split()
    print("worker %s: %s arrivals, first scheduled %s ms and first arrived %s ms after the start barrier, last arrived"
          " %s ms" % (w, n, due, first, last))
def seconds_error(path):
    # the worst of the --seconds whole seconds from the start: |arrivals - rate| / rate; arrivals outside them counted
    counts = {int(a): int(b) for a, b in (l.split() for l in open(path) if l.strip())}
    errs = [abs(counts.get(s, 0) - rate) / rate * 100 for s in range(seconds)]
    outside = sum(n for s, n in counts.items() if s < 0 or s >= seconds)
    worst = max(range(seconds), key=lambda s: abs(counts.get(s, 0) - rate))
    return max(errs), outside, worst, counts.get(worst, 0), [counts.get(s, 0) for s in range(seconds)]
errors = {}
for c, what in (("due", "scheduled arrival"), ("arrived", "actual arrival")):
    s_err, s_out, s_at, s_n, s_counts = seconds_error(work + "/single-%s-seconds.txt" % c)
    m_err, m_out, m_at, m_n, m_counts = seconds_error(work + "/merged-%s-seconds.txt" % c)
    errors[c] = m_err
    print("open-model arrivals per second by %s (requested %d/s), single run from its first: %s" % (what, rate, s_counts))
    print("  merged (all workers) from the start barrier: %s" % m_counts)
    print("  worst second: single %.2f%% (second %d: %d; %d outside the %d s), merged %.2f%% (second %d: %d; %d outside"
          " the %d s)" % (s_err, s_at, s_n, s_out, seconds, m_err, m_at, m_n, m_out, seconds))
merged_json = r
print("merged results.json: %.3f s measured, open-model %.1f req/s by completions"
      % (merged_json["measurementSeconds"], next(k["throughput"] for k in merged_json["kinds"] if k["kind"] == "INSERT")))
print("RESULT single=%d merged=%d count_ratio=%.4f rate_error_pct=%.2f duplicate_keys=%d arrived_rate_error_pct=%.2f"
      % (single, merged, merged / single if single else 0.0, errors["due"], dups, errors["arrived"]))
PY

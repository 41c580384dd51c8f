#!/usr/bin/env bash
# Memory under a small heap: does Salvo's hot path keep its heap flat over millions of requests?
#
# One Salvo contender of benchmarks/overhead.sh (OverheadSimulation against the embedded PostgreSQL: the demo table's
# primary-key lookups, 8 users, closed model), run for --seconds under -Xmx256m with a GC log (overhead.sh also gives
# every contender the launchers' -Xms256m, so the heap is fixed and all of it becomes resident). While it runs the
# harness samples the JVM's resident set every second. Reported: the requests it ran (warmup included), how many full
# collections there were (target: 0), the largest heap left after a young collection in the second half of the run
# (live data: it must not grow with the number of requests), the peak resident set (VmHWM) and the throughput.
#
# Usage: bash benchmarks/memory.sh [--seconds 300] [--mode loop|visit] [--heap 256m] [--skip-build]
# Last line: RESULT requests=<n> full_gcs=<n> young_gcs=<n> heap_after_young_max_mb=<x> heap_after_young_median_mb=<x>
#   rss_peak_mb=<n> qps=<x>
set -euo pipefail
seconds=300; mode=loop; heap=256m; skip=""
while [ $# -gt 0 ]; do
  case "$1" in
    --seconds) seconds=$2; shift 2;;
    --mode) mode=$2; shift 2;;
    --heap) heap=$2; shift 2;;
    --skip-build) skip=--skip-build; shift;;
    -h|--help) sed -n '2,13p' "$0"; exit 0;;
    *) echo "memory.sh: unknown option '$1' (see --help)" >&2; exit 2;;
  esac
done
[[ "$seconds" =~ ^[0-9]+$ ]] && [ "$seconds" -gt 0 ] || { echo "memory.sh: --seconds must be a positive integer, but was '$seconds'" >&2; exit 2; }
[[ "$heap" =~ ^[0-9]+[mMgG]$ ]] || { echo "memory.sh: --heap must be a size such as 256m or 1g, but was '$heap'" >&2; exit 2; }
case "$mode" in loop|visit) ;; *) echo "memory.sh: --mode must be loop or visit, but was '$mode'" >&2; exit 2;; esac
root=$(cd "$(dirname "$0")/.." && pwd)
work="$root/benchmarks/target/memory"
rm -rf "$work"; mkdir -p "$work"
gclog="$work/gc.log"

# the resident set of Salvo's JVM, once a second, until it ends
sample_rss() {
  local pid=""
  while [ -z "$pid" ]; do sleep 0.5; pid=$(pgrep -f 'OverheadSimulation' | head -1 || true); done
  while [ -r "/proc/$pid/status" ]; do
    grep -E '^Vm(RSS|HWM):' "/proc/$pid/status" | tr -s ' ' | tr '\n' ' ' >> "$work/rss.txt" 2>/dev/null || true
    echo >> "$work/rss.txt"
    sleep 1
  done
}
sample_rss & sampler=$!
trap 'kill $sampler 2>/dev/null || true' EXIT

SALVO_JAVA_OPTS="-Xmx$heap -Xlog:gc:file=$gclog:uptime" bash "$root/benchmarks/overhead.sh" $skip --only salvo \
  --rounds 1 --warmup 5 --seconds "$seconds" --mode "$mode" --work "$work/overhead" 2> "$work/overhead.txt" | tail -1 > "$work/overhead-result.txt"
kill $sampler 2>/dev/null || true; wait $sampler 2>/dev/null || true
cat "$work/overhead.txt" >&2
json=$(ls "$work"/overhead/salvo-1/*/results.json)
python3 - "$json" "$gclog" "$work/rss.txt" "$seconds" <<'PY'
import json, re, sys, statistics
r = json.load(open(sys.argv[1]))["requests"][0]
requests = r["count"] + r["warmupRequests"]
young, full, last = [], 0, 0.0
for line in open(sys.argv[2]):
    m = re.match(r"\[(\d+\.\d+)s\].*Pause (Young|Full).*->(\d+)M\((\d+)M\)", line)
    if not m:
        continue
    t, kind, after = float(m.group(1)), m.group(2), int(m.group(3))
    last = max(last, t)
    if kind == "Full":
        full += 1
    else:
        young.append((t, after))
half = last / 2
late = [a for t, a in young if t >= half] or [a for _, a in young] or [0]
hwm = 0
for line in open(sys.argv[3]):
    m = re.search(r"VmHWM:\s+(\d+) kB", line)
    if m:
        hwm = max(hwm, int(m.group(1)))
print("young collections: %d; heap after them in the second half of the run: median %s MB, max %d MB, all: %s"
      % (len(young), statistics.median(late), max(late), " ".join(str(a) for _, a in young[-20:])), file=sys.stderr)
print("RESULT requests=%d full_gcs=%d young_gcs=%d heap_after_young_max_mb=%d heap_after_young_median_mb=%s rss_peak_mb=%d qps=%.0f"
      % (requests, full, len(young), max(late), statistics.median(late), hwm // 1024, r["ok"] / float(sys.argv[4])))
PY

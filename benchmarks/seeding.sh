#!/usr/bin/env bash
# Seeding speed: Salvo's COPY loader vs `pgbench -i` client-side generation, into one embedded PostgreSQL.
#
# Both write a table of pgbench_accounts' shape (aid int, bid int, abalance int, filler char(84)), rows generated on
# the client and streamed with COPY, no primary key, no vacuum:
#   pgbench: `pgbench -i -I dtg -s <rows/100000>`; the time is pgbench's own "client-side generate" step (it also
#            writes pgbench_branches and pgbench_tellers, 11 rows per 100,000 accounts: not counted), COPY FREEZE on
#            one connection, rows generated in C.
#   salvo:   dev.salvo.benchmarks.seeding.SeedAccounts: Seeder with a spec of the same four columns (aid sequence, bid
#            uniform 1..rows/100000, abalance 0, filler ''); the time is the table's load in Salvo's summary: CREATE
#            TABLE + generation + COPY (FREEZE when --threads 1), in a fresh JVM (JIT warm-up included).
# Rounds alternate the order; medians are reported. MB/s is the table's size on disk (pg_table_size) per second.
#
# Usage: bash benchmarks/seeding.sh [--rows 10000000] [--threads 1] [--batch 10000] [--rounds 3] [--skip-build]
#          [--work DIR]
#   --rows     rows per load, a multiple of 100000 (pgbench's scale is rows/100000)
#   --threads  Salvo's loading connections (1 = COPY FREEZE on one connection, like pgbench)
# Last line: RESULT salvo_rows_per_s=<n> pgbench_rows_per_s=<n> ratio=<x.xx>
set -euo pipefail
rows=10000000; threads=1; batch=10000; rounds=3; build=1; work=
while [ $# -gt 0 ]; do
  case "$1" in
    --rows) rows=$2; shift 2;;
    --threads) threads=$2; shift 2;;
    --batch) batch=$2; shift 2;;
    --rounds) rounds=$2; shift 2;;
    --skip-build) build=0; shift;;
    --work) work=$2; shift 2;;
    -h|--help) sed -n '2,19p' "$0"; exit 0;;
    *) echo "seeding.sh: unknown option '$1' (see --help)" >&2; exit 2;;
  esac
done
for v in rows threads batch rounds; do
  [[ "${!v}" =~ ^[0-9]+$ ]] && [ "${!v}" -gt 0 ] || { echo "seeding.sh: --$v must be a positive integer, but was '${!v}'" >&2; exit 2; }
done
[ $((rows % 100000)) -eq 0 ] || { echo "seeding.sh: --rows must be a multiple of 100000 (pgbench's scale), but was $rows" >&2; exit 2; }
command -v pgbench >/dev/null || { echo "seeding.sh: pgbench must be installed (apt-get install postgresql-client), but was not found" >&2; exit 2; }
scale=$((rows / 100000))

root=$(cd "$(dirname "$0")/.." && pwd)
work=${work:-"$root/benchmarks/target/seeding"}
rm -rf "$work"; mkdir -p "$work"; work=$(cd "$work" && pwd)
cd "$root"
# shellcheck source=lib.sh
source "$root/benchmarks/lib.sh"
snapshot_classpath
quiet_gatling_opts
java_opts=(-Xmx1G "${quiet_opts[@]}")

java "${java_opts[@]}" -cp "$cp" dev.salvo.benchmarks.overhead.StartDatabase "$work/pg" "$work/port" > "$work/db.log" 2>&1 &
db_pid=$!
trap 'kill $db_pid 2>/dev/null; wait $db_pid 2>/dev/null || true' EXIT
for _ in $(seq 1 120); do [ -s "$work/port" ] && break; sleep 0.5; done
[ -s "$work/port" ] || { echo "seeding.sh: the embedded PostgreSQL did not start; see $work/db.log" >&2; exit 1; }
port=$(cat "$work/port")
url="jdbc:postgresql://localhost:$port/postgres?user=postgres"
echo "embedded PostgreSQL on port $port; $rows rows per load, salvo threads $threads, batch $batch, $rounds rounds" >&2
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), load average at start: $(cut -d' ' -f1-3 /proc/loadavg)" >&2
size_of() { psql -qtA -h localhost -p "$port" -U postgres -d postgres -c "SELECT pg_table_size('$1')"; }

run_pgbench() {
  local out; out=$(pgbench -i -I dtg -s "$scale" -h localhost -p "$port" -U postgres postgres 2>&1)
  echo "$out" > "$work/pgbench-$1.log"
  local secs; secs=$(echo "$out" | sed -n 's/.*client-side generate \([0-9.]*\) s.*/\1/p' | tail -1)
  [ -n "$secs" ] || { echo "seeding.sh: could not read pgbench's generate time; see $work/pgbench-$1.log" >&2; exit 1; }
  echo "$secs $(size_of pgbench_accounts)"
}
run_salvo() {
  local out; out=$(java "${java_opts[@]}" -cp "$cp" dev.salvo.benchmarks.seeding.SeedAccounts "$url" "$rows" "$threads" "$batch" 2>"$work/salvo-$1.err")
  echo "$out" > "$work/salvo-$1.log"
  echo "$(echo "$out" | awk '{print $2}') $(size_of salvo_accounts)"
}
median() { sort -g | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }

: > "$work/pgbench.txt"; : > "$work/salvo.txt"
for r in $(seq 1 "$rounds"); do
  if [ $((r % 2)) -eq 1 ]; then order="pgbench salvo"; else order="salvo pgbench"; fi
  for who in $order; do
    res=$(run_$who "$r")
    echo "$res" >> "$work/$who.txt"
    awk -v w="$who" -v r="$r" -v n="$rows" '{printf "round %d %-7s %8.3f s  %12.0f rows/s  %7.1f MB/s  (load average %s)\n", r, w, $1, n / $1, $2 / 1e6 / $1, la}' la="$(cut -d' ' -f1 /proc/loadavg)" <<< "$res"
  done
done
ps=$(awk '{print $1}' "$work/pgbench.txt" | median)
ss=$(awk '{print $1}' "$work/salvo.txt" | median)
pmb=$(awk '{print $2}' "$work/pgbench.txt" | median)
smb=$(awk '{print $2}' "$work/salvo.txt" | median)
echo "pgbench seconds: $(paste -sd' ' < <(awk '{print $1}' "$work/pgbench.txt"))  salvo seconds: $(paste -sd' ' < <(awk '{print $1}' "$work/salvo.txt"))"
awk -v ps="$ps" -v ss="$ss" -v n="$rows" -v pb="$pmb" -v sb="$smb" 'BEGIN {
  printf "median: salvo %.3f s (%.1f MB/s), pgbench %.3f s (%.1f MB/s)\n", ss, sb / 1e6 / ss, ps, pb / 1e6 / ps
  r = int(ps / ss * 100) / 100  # truncated, never rounded up across a target
  printf "RESULT salvo_rows_per_s=%.0f pgbench_rows_per_s=%.0f ratio=%.2f\n", n / ss, n / ps, r }'

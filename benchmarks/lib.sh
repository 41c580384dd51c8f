# Steps shared by the benchmark harnesses. Source it after setting root (the repository), work (the harness's working
# directory) and build (1: build first).

# Debian's PostgreSQL 15, the independent server for cross-checks.
pgbin=/usr/lib/postgresql/15/bin

# snapshot_classpath: builds when asked (or when nothing was built yet) in the reactor, never installing, then copies the
# benchmark classes and Salvo's own jars into $work/lib, so that other builds cannot change the code under test while
# the harness runs (a first attempt failed with ClassNotFoundException when benchmarks/target/classes was replaced
# mid-run). Sets cp, the class path of that copy.
snapshot_classpath() {
  if [ "$build" = 1 ] || [ ! -s "$root/benchmarks/target/cp.txt" ]; then
    echo "building..." >&2
    (cd "$root" && mvn -B -q -pl benchmarks -am package dependency:build-classpath -DskipTests \
      -Dmdep.outputFile=target/cp.txt) >&2
  fi
  mkdir -p "$work/lib"
  cp -r "$root/benchmarks/target/classes" "$work/lib/classes"
  cp=$(tr ':' '\n' < "$root/benchmarks/target/cp.txt" | while read -r jar; do
    case "$jar" in */dev/salvo/*|"$root"/*) cp "$jar" "$work/lib/" && echo "$work/lib/$(basename "$jar")";; *) echo "$jar";; esac
  done | paste -sd: -)
  cp="$work/lib/classes:$cp"
}

# start_pg15 DIR PORT [-c name=value ...]: a private PostgreSQL 15 cluster in DIR (created on first use by user postgres,
# trust authentication, kept between invocations), (re)started on localhost:PORT with the given settings; its log is
# DIR.log.
start_pg15() {
  local dir=$1 port=$2
  shift 2
  if [ ! -s "$dir/PG_VERSION" ]; then
    mkdir -p "$dir"; chown postgres "$dir"
    runuser -u postgres -- "$pgbin/initdb" -D "$dir" -U postgres --auth=trust > "$work/initdb.log"
  fi
  stop_pg15 "$dir"
  runuser -u postgres -- "$pgbin/pg_ctl" -D "$dir" -l "$dir.log" -w -t 120 \
    -o "-p $port -c listen_addresses=localhost -c unix_socket_directories=/tmp $*" start > /dev/null
}

# stop_pg15 DIR: stops the cluster in DIR if it runs.
stop_pg15() {
  runuser -u postgres -- "$pgbin/pg_ctl" -D "$1" -m fast stop > /dev/null 2>&1 || true
}

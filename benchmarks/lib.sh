# Steps shared by the benchmark harnesses. Source it after setting root (the repository), work (the harness's working
# directory) and build (1: build first).

# Debian's PostgreSQL 15, the independent server for cross-checks.
pgbin=/usr/lib/postgresql/15/bin

# build_classpath [MODULE]: builds when asked ($build = 1) or when nothing was built yet, in the reactor, never
# installing: the benchmarks module (and MODULE, e.g. simulations, when given), each writing its class path to
# <module>/target/cp.txt.
build_classpath() {
  local extra=${1:-}
  if [ "$build" = 1 ] || [ ! -s "$root/benchmarks/target/cp.txt" ] || { [ -n "$extra" ] && [ ! -s "$root/$extra/target/cp.txt" ]; }; then
    echo "building..." >&2
    (cd "$root" && mvn -B -q -pl "benchmarks${extra:+,$extra}" -am package dependency:build-classpath -DskipTests \
      -Dmdep.outputFile=target/cp.txt) >&2
  fi
}

# snapshot_classpath [MODULE]: build_classpath, then copies the benchmark classes (and MODULE's test classes, e.g. the
# simulations module's, when given) and Salvo's own jars into $work/lib, so that other builds cannot change the code
# under test while the harness runs (a first attempt failed with ClassNotFoundException when benchmarks/target/classes
# was replaced mid-run). Sets cp, the class path of that copy: MODULE's classes first, then the benchmark classes.
snapshot_classpath() {
  local extra=${1:-} lists=() first
  build_classpath "$extra"
  mkdir -p "$work/lib"
  cp -r "$root/benchmarks/target/classes" "$work/lib/classes"
  first="$work/lib/classes"
  if [ -n "$extra" ]; then
    cp -r "$root/$extra/target/test-classes" "$work/lib/$extra"
    first="$work/lib/$extra:$first"
    lists+=("$root/$extra/target/cp.txt")
  fi
  lists+=("$root/benchmarks/target/cp.txt")
  cp=$(for list in "${lists[@]}"; do tr ':' '\n' < "$list"; echo; done | awk 'NF && !seen[$0]++' | while read -r jar; do
    case "$jar" in */dev/salvo/*|"$root"/*) cp "$jar" "$work/lib/" && echo "$work/lib/$(basename "$jar")";; *) echo "$jar";; esac
  done | paste -sd: -)
  cp="$first:$cp"
}

# quiet_gatling_opts: sets quiet_opts, the JVM options every harness gives its Gatling JVMs, as `salvo run` does
# (RunCommand.quietGatling): no outbound calls (Gatling's version check keeps its prefs under $work/prefs and sends its
# HTTPS to a closed local port) and those prefs written back once a day, not by a timer thread every 30 s in the middle
# of the measurement (docs/performance.md, "The JVM's own floor").
# Also the launchers' JIT options (RunCommand.JIT_OPTIONS): the request path's packages compiled after a tenth of
# HotSpot's invocation counts (docs/warmup-jit.md, "Compiled during the warmup"); every Java contender gets them.
quiet_gatling_opts() {
  quiet_opts=(-Djava.util.prefs.userRoot="$work/prefs" -Djava.util.prefs.syncInterval=86400
    -Dhttps.proxyHost=127.0.0.1 -Dhttps.proxyPort=9
    -XX:CompileCommand=quiet
    -XX:CompileCommand='CompileThresholdScaling,dev.salvo.*::*,0.1'
    -XX:CompileCommand='CompileThresholdScaling,org.postgresql.*::*,0.1'
    -XX:CompileCommand='CompileThresholdScaling,net.snowflake.*::*,0.1'
    -XX:CompileCommand='CompileThresholdScaling,com.zaxxer.hikari.*::*,0.1'
    -XX:CompileCommand='CompileThresholdScaling,io.gatling.*::*,0.1')
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

# Timer slack for both clients of a cross-check: Linux wakes a sleeping thread up to its timer slack (50 µs by default)
# late, and a client that sleeps until its next scheduled transaction carries that lateness in its latencies. Salvo's
# arrival timer asks for 1 ns for itself; with `set_timer_slack 1` the harness's shell takes the same, and every process
# it starts (pgbench, the Salvo JVM, the embedded server) inherits it, so neither client is late by the kernel's choice.
# `set_timer_slack default` leaves the kernel's value. Prints the value in force.
set_timer_slack() {
  if [ "$1" != default ]; then
    echo "$1" > /proc/self/timerslack_ns 2>/dev/null || echo "timer slack could not be set (not Linux 4.6+?)" >&2
  fi
  echo "timer slack of this harness and the processes it starts: $(cat /proc/self/timerslack_ns 2>/dev/null || echo unknown) ns" >&2
}

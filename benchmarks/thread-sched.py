#!/usr/bin/env python3
"""Scheduler statistics of a process's threads over a window: CPU time, time spent runnable but waiting for a CPU
(run delay), voluntary and involuntary (preemption) context switches, grouped by thread name (digits folded).

Usage: python3 benchmarks/thread-sched.py <pid> [--after S] [--seconds S]
Reads /proc/<pid>/task/*/schedstat (run ns, run-delay ns, timeslices) and status (ctxt switches) at the start and end
of the window (starting --after seconds from now), and prints the deltas per thread group. A thread that is preempted
while it times a request adds that wait to the request: involuntary switches per 1,000 requests and the run delay per
request are the load generator's own scheduling cost, measured without any timing inside the process.
"""
import collections
import os
import re
import sys
import time


def snapshot(pid):
    out = {}
    base = "/proc/%d/task" % pid
    for tid in os.listdir(base):
        try:
            name = open("%s/%s/comm" % (base, tid)).read().strip()
            run, delay, slices = map(int, open("%s/%s/schedstat" % (base, tid)).read().split())
            status = open("%s/%s/status" % (base, tid)).read()
            vol = int(re.search(r"^voluntary_ctxt_switches:\s+(\d+)", status, re.M).group(1))
            inv = int(re.search(r"^nonvoluntary_ctxt_switches:\s+(\d+)", status, re.M).group(1))
        except (OSError, AttributeError, ValueError):
            continue
        out[tid] = (re.sub(r"\d+", "#", name), run, delay, vol, inv)
    return out


def main():
    args = sys.argv[1:]
    pid = int(args[0])
    after = float(args[args.index("--after") + 1]) if "--after" in args else 0
    seconds = float(args[args.index("--seconds") + 1]) if "--seconds" in args else 10
    time.sleep(after)
    a = snapshot(pid)
    time.sleep(seconds)
    b = snapshot(pid)
    groups = collections.defaultdict(lambda: [0, 0, 0, 0, 0, 0])
    for tid, (name, run, delay, vol, inv) in b.items():
        if tid not in a:
            continue
        _, run0, delay0, vol0, inv0 = a[tid]
        g = groups[name]
        g[0] += 1
        g[1] += run - run0
        g[2] += delay - delay0
        g[3] += vol - vol0
        g[4] += inv - inv0
    print("%-28s %7s %10s %12s %10s %10s" % ("threads", "count", "cpu ms", "run delay ms", "voluntary", "preempted"))
    for name, g in sorted(groups.items(), key=lambda kv: -kv[1][1]):
        if g[1] == 0 and g[3] == 0:
            continue
        print("%-28s %7d %10.1f %12.1f %10d %10d" % (name, g[0], g[1] / 1e6, g[2] / 1e6, g[3], g[4]))


if __name__ == "__main__":
    main()

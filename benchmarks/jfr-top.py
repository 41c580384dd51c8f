#!/usr/bin/env python3
"""Top frames of a JDK Flight Recording, to find where a contender spends CPU and allocates.

Usage: python3 benchmarks/jfr-top.py <file.jfr> [--top 25] [--thread-prefix salvo-sql]

Prints, from jdk.ExecutionSample: the hottest methods by self samples (top frame) and by total samples (anywhere on
the stack, counted once per sample), the share per thread-name prefix; from jdk.ObjectAllocationSample: the allocated
classes and the allocating frames (first frame outside java.*/jdk.*), weighted by the sampled bytes.
"""
import collections
import json
import re
import subprocess
import sys


def events(path, name):
    out = subprocess.run(["jfr", "print", "--json", "--stack-depth", "64", "--events", name, path],
                         check=True, capture_output=True, text=True).stdout
    return json.loads(out)["recording"]["events"]


def frame_name(f):
    m = f["method"]
    return m["type"]["name"] + "." + m["name"]


def thread_group(e):
    t = e["values"].get("sampledThread") or e["values"].get("eventThread") or {}
    name = t.get("javaName") or t.get("osName") or "?"
    return re.sub(r"[-#]?\d+$", "", name)


def table(title, counter, total, top, unit="samples"):
    print(f"\n{title} (of {total} {unit})")
    for key, n in counter.most_common(top):
        print(f"  {100.0 * n / total:5.1f}%  {key}")


def main():
    args = sys.argv[1:]
    top = 25
    prefix = None
    if "--top" in args:
        i = args.index("--top"); top = int(args[i + 1]); del args[i:i + 2]
    if "--thread-prefix" in args:
        i = args.index("--thread-prefix"); prefix = args[i + 1]; del args[i:i + 2]
    path = args[0]

    samples = events(path, "jdk.ExecutionSample")
    threads = collections.Counter(thread_group(e) for e in samples)
    table("CPU samples per thread group", threads, len(samples), top)
    if prefix:
        samples = [e for e in samples if thread_group(e).startswith(prefix)]
    self_c, total_c = collections.Counter(), collections.Counter()
    for e in samples:
        frames = [frame_name(f) for f in e["values"]["stackTrace"]["frames"]]
        if frames:
            self_c[frames[0]] += 1
        for f in set(frames):
            total_c[f] += 1
    scope = f" in threads {prefix}*" if prefix else ""
    table("hottest methods, self" + scope, self_c, max(1, len(samples)), top)
    table("hottest methods, total" + scope, total_c, max(1, len(samples)), top)

    allocs = events(path, "jdk.ObjectAllocationSample")
    by_class, by_site = collections.Counter(), collections.Counter()
    total = 0
    for e in allocs:
        v = e["values"]
        if prefix and not thread_group(e).startswith(prefix):
            continue
        w = v.get("weight", 0)
        total += w
        by_class[v["objectClass"]["name"]] += w
        frames = [frame_name(f) for f in (v.get("stackTrace") or {"frames": []})["frames"]]
        site = next((f for f in frames if not f.startswith(("java.", "jdk.", "sun."))), frames[0] if frames else "?")
        by_site[site] += w
    table("allocated classes, by sampled bytes" + scope, by_class, max(1, total), top, "bytes")
    table("allocating frames (first outside the JDK), by sampled bytes" + scope, by_site, max(1, total), top, "bytes")


if __name__ == "__main__":
    main()

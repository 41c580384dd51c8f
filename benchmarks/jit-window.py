#!/usr/bin/env python3
"""What the JIT did inside a run's measured window: a diagnosis, not a harness (no RESULT line).

usage: python3 benchmarks/jit-window.py RECORDING.jfr RESULTS.json

Record the run with compilations of any length, e.g. a copy of the JDK's lib/jfr/default.jfc whose jdk.Compilation
threshold is "0 ms", passed as -XX:StartFlightRecording=filename=rec.jfr,settings=that.jfc; RESULTS.json is the
run's Salvo results.json (its measurementStartedAt and endedAt bound the window). Prints C2's and C1's compilations
from the warmup's end to 1 s before the run's end (the last second holds the end-of-run report code), the 15
longest, and the deoptimizations within 1 s of the warmup's end. Needs the JDK's `jfr` tool on the PATH.
(docs/warmup-jit.md, "The JIT in the measured window, at a low rate")
"""
import datetime
import json
import subprocess
import sys


def events(recording, kind):
    out = subprocess.run(["jfr", "print", "--json", "--events", kind, recording],
                         capture_output=True, text=True, check=True).stdout
    return json.loads(out)["recording"]["events"]


def seconds(stamp):
    stamp = stamp.rstrip("Z")
    base, frac = stamp.split(".") if "." in stamp else (stamp, "0")
    return datetime.datetime.fromisoformat(base).replace(tzinfo=datetime.timezone.utc).timestamp() + float("0." + frac)


def duration(text):
    return float(text[2:-1]) if text.startswith("PT") and text.endswith("S") else 0.0


def main(recording, results_path):
    results = json.load(open(results_path))
    start = seconds(results["measurementStartedAt"])
    end = seconds(results["endedAt"])
    print("warmup %.1f s, window %.1f s (counted from the warmup's end to 1 s before the run's end)"
          % (start - seconds(results["startedAt"]), end - start))
    compiled = []
    for e in events(recording, "jdk.Compilation"):
        v = e["values"]
        t = seconds(v["startTime"])
        if start <= t <= end - 1:
            m = v["method"]
            compiled.append((t - start, duration(v["duration"]), v["compileLevel"], v["isOsr"], v["codeSize"],
                             m["type"]["name"] + "." + m["name"]))
    c2 = [c for c in compiled if c[2] == 4]
    early = [c for c in c2 if c[0] <= 15]
    print("C2 in the window: %d compilations, %.3f s; in its first 15 s: %d, %.3f s; C1: %.3f s"
          % (len(c2), sum(c[1] for c in c2), len(early), sum(c[1] for c in early),
             sum(c[1] for c in compiled if c[2] < 4)))
    for c in sorted(compiled, key=lambda c: -c[1])[:15]:
        print("  %6.2f s %7.1f ms tier %d %s %6d B %s" % (c[0], c[1] * 1000, c[2], "OSR" if c[3] else "   ", c[4], c[5]))
    near = []
    for e in events(recording, "jdk.Deoptimization"):
        v = e["values"]
        t = seconds(v["startTime"]) - start
        if -1 <= t <= 1:
            m = v["method"]
            near.append((round(t, 2), m["type"]["name"].split("/")[-1] + "." + m["name"], v.get("reason"),
                         v.get("instruction")))
    print("deoptimizations within 1 s of the warmup's end: %d" % len(near))
    for d in near:
        print("  %+.2f s %s (%s, %s)" % d)


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit("usage: python3 benchmarks/jit-window.py RECORDING.jfr RESULTS.json")
    main(sys.argv[1], sys.argv[2])

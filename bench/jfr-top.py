#!/usr/bin/env python3
"""Where the CPU went in a flight recording: the share of execution samples by frame.

    python3 bench/jfr-top.py target/load.jfr [filter]   # filter: only stacks containing it

Counts each sample once per method found anywhere in its stack ("inclusive"), and by its top
frame ("self"), over the samples whose stack contains `filter` (e.g. DashboardController).
"""
import collections
import re
import subprocess
import sys

recording = sys.argv[1]
only = sys.argv[2] if len(sys.argv) > 2 else None
text = subprocess.run(["jfr", "print", "--events", "jdk.ExecutionSample", "--stack-depth", "200", recording],
                      check=True, capture_output=True, text=True).stdout
inclusive, self_time, total = collections.Counter(), collections.Counter(), 0
for event in text.split("jdk.ExecutionSample")[1:]:
    frames = [re.sub(r"\(.*", "", line.strip()) for line in event.splitlines() if "line:" in line]
    if not frames or (only and not any(only in f for f in frames)):
        continue
    total += 1
    self_time[frames[0]] += 1
    for package in {".".join(f.split(".")[:3]) for f in frames}:
        inclusive[package] += 1
print(f"{total} samples")
print("inclusive, by package (first three parts):")
for name, count in inclusive.most_common(25):
    print(f"  {100 * count / total:5.1f} %  {name}")
print("self, by method:")
for name, count in self_time.most_common(20):
    print(f"  {100 * count / total:5.1f} %  {name}")

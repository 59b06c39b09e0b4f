#!/usr/bin/env python3
"""Measures the headless core on a generated workspace and prints a Markdown table.

    python3 scripts/measure-core.py [--questions 400] [--vendors 1000] [--runs 5]

Builds the release binary and the generator, generates a workspace of
VENDORS vendor files answering a questionnaire of QUESTIONS questions, then
times (median of RUNS after one warm-up) and reads each run's peak RSS from
wait4: `ccvet compare --json`, `ccvet score` on one vendor, and `ccvet answer`
(one saved answer: process start, lock, load, checks, fsync of file and
folder). Also reports the release binary's size.
"""
import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time


def target_dir():
    meta = subprocess.run(
        ["cargo", "metadata", "--format-version", "1", "--no-deps"], check=True, capture_output=True, text=True
    )
    return json.loads(meta.stdout)["target_directory"]


GNU_TIME = "/usr/bin/time"


def run_once(argv):
    """Wall seconds and peak RSS (KiB) of one run, output discarded.

    The peak RSS comes from GNU time, not from this process's wait4: Linux
    carries the spawning process's high-water mark into the child's
    ru_maxrss across exec, so a Python parent would report its own ~15 MiB.
    GNU time is a small C program, so what it carries over is about 1-2 MiB,
    an upper bound on the error for small figures.
    """
    with tempfile.NamedTemporaryFile("r") as rss_file:
        full = [GNU_TIME, "-f", "%M", "-o", rss_file.name] + argv
        start = time.perf_counter()
        done = subprocess.run(full, stdout=subprocess.DEVNULL, env=os.environ | {"CCVET_CONFIG": "/nonexistent"})
        wall = time.perf_counter() - start
        if done.returncode != 0:
            sys.exit(f"measure: {' '.join(argv)} failed")
        return wall, int(rss_file.read().split()[-1])


def measure(argvs, runs):
    """argvs: a function of the run number giving the command line."""
    run_once(argvs(-1))  # warm-up: page cache, binary
    samples = [run_once(argvs(i)) for i in range(runs)]
    return statistics.median(s[0] for s in samples), max(s[1] for s in samples)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--questions", type=int, default=400)
    ap.add_argument("--vendors", type=int, default=1000)
    ap.add_argument("--runs", type=int, default=5)
    args = ap.parse_args()
    if not os.access(GNU_TIME, os.X_OK):
        sys.exit("measure: needs GNU time at /usr/bin/time (apt-get install time)")
    subprocess.run(["cargo", "build", "--release", "--quiet", "--bin", "ccvet", "--example", "generate"], check=True)
    target = target_dir()
    ccvet = os.path.join(target, "release", "ccvet")
    generate = os.path.join(target, "release", "examples", "generate")
    with tempfile.TemporaryDirectory() as tmp:
        ws = os.path.join(tmp, "ws")
        subprocess.run([generate, "--questions", str(args.questions), "--vendors", str(args.vendors), "--out", ws],
                       check=True, capture_output=True)
        base = [ccvet, "--workspace", ws]
        rows = []
        t, rss = measure(lambda i: base + ["compare", "--json"], args.runs)
        rows.append(("`ccvet compare --json`", t, rss))
        t, rss = measure(lambda i: base + ["score", "vendor-00001", "--json"], args.runs)
        rows.append(("`ccvet score VENDOR --json`", t, rss))
        t, rss = measure(lambda i: base + ["answer", "vendor-00001", "s0.q0", "yes" if i % 2 else "no"], args.runs * 2)
        rows.append(("`ccvet answer VENDOR QUESTION VALUE` (one save, fsyncs included)", t, rss))
    size = os.path.getsize(ccvet)
    cpu = next((l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo") if l.startswith("model name")), "?")
    print(f"Workspace: {args.vendors} vendors x {args.questions} questions (generated, seed 42); "
          f"median of {args.runs} runs after a warm-up; {os.cpu_count()} cores, {cpu}, {platform.system()} {platform.release()}.\n")
    print("| what | wall time | peak RSS |\n|---|---:|---:|")
    for name, t, rss in rows:
        print(f"| {name} | {t * 1000:.1f} ms | {rss / 1024:.1f} MiB |")
    print(f"| release binary size | {size / 1024 / 1024:.2f} MiB | |")


if __name__ == "__main__":
    main()

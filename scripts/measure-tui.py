#!/usr/bin/env python3
"""Measures the interview app in a pseudo-terminal, as a user meets it.

    python3 scripts/measure-tui.py [--runs 5] [--settle 40]

Builds the release binary, makes a workspace of 10 vendors on the default
questionnaire, then for 80x24 and 120x40 starts `ccvet` in a pty and measures:
start-up to first complete frame (until the vendor list is on screen and
output has been quiet for SETTLE ms), key-to-frame latency (from writing a key
to the last byte of the output it caused, the quiet period not counted; the
first byte too), bytes written to the terminal per key, and peak RSS (VmHWM
just before quitting). Reports medians over RUNS runs, and p90 of latency.
"""
import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from ptyharness import Pty  # noqa: E402


def target_dir():
    meta = subprocess.run(["cargo", "metadata", "--format-version", "1", "--no-deps"],
                          check=True, capture_output=True, text=True)
    return json.loads(meta.stdout)["target_directory"]


def make_workspace(ccvet, ws, env):
    def run(*args):
        subprocess.run([ccvet, "--workspace", ws, *args], check=True, capture_output=True, env=env)
    for n in range(10):
        run("new", f"Vendor {n:02} 供应商", "--assessed-on", "2026-11-24")
        slug = f"vendor-{n:02}-gong-ying-shang"
        run("answer", slug, "basic.licence-scope", ["nationwide", "provincial"][n % 2])
        run("answer", slug, "tech.iso27001", "yes" if n % 3 else "no")
        run("answer", slug, "service.sla-response-minutes", str(10 + 7 * n))


def measure(ccvet, ws, env, cols, rows, settle_s):
    p = Pty([ccvet, "--workspace", ws], env, cols, rows)
    _, _, last = p.read_until_quiet(settle_s, must_contain="Vendor 09")
    first_frame = (last - p.start) * 1000
    samples = {}

    def step(label, keys, repeat=1):
        for _ in range(repeat):
            samples.setdefault(label, []).append(p.key(keys, settle_s))

    step("move in vendor list (j)", "j", 8)
    step("open vendor (Enter)", "\r")
    step("next question (j)", "j", 3)       # onto basic.annual-inspection, a yes/no question
    for i in range(10):
        step("answer yes/no (y / n)", "y" if i % 2 else "n")
    step("next question (j)", "j", 12)
    step("switch section (Tab)", "\t", 8)
    rss = p.peak_rss_kib()
    p.quit()
    return first_frame, samples, rss


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--settle", type=int, default=40, help="ms of quiet that end an output burst")
    args = ap.parse_args()
    settle_s = args.settle / 1000
    subprocess.run(["cargo", "build", "--release", "--quiet", "--bin", "ccvet"], check=True)
    ccvet = os.path.join(target_dir(), "release", "ccvet")
    env = {"TERM": "xterm-256color", "LANG": "C.UTF-8", "USER": "bench", "CCVET_CONFIG": "/nonexistent",
           "PATH": os.environ.get("PATH", "")}
    print(f"ccvet {ccvet}, default questionnaire, 10 vendors; median of {args.runs} runs "
          f"(latency: median and p90 over every key of every run); settle {args.settle} ms; "
          f"{os.cpu_count()} cores.\n")
    print("| size | measure | first byte ms | last byte ms (p90) | bytes/key |")
    print("|---|---|---:|---:|---:|")
    for cols, rows in [(80, 24), (120, 40)]:
        firsts, rss_all, merged = [], [], {}
        for _ in range(args.runs):
            with tempfile.TemporaryDirectory() as tmp:
                ws = os.path.join(tmp, "ws")
                make_workspace(ccvet, ws, env | {"HOME": tmp})
                first, samples, rss = measure(ccvet, ws, env | {"HOME": tmp}, cols, rows, settle_s)
                firsts.append(first)
                rss_all.append(rss)
                for label, values in samples.items():
                    merged.setdefault(label, []).extend(values)
        size = f"{cols}x{rows}"
        print(f"| {size} | start-up to first complete frame | | {statistics.median(firsts):.1f} | |")
        for label, values in merged.items():
            firsts_ms = [v[1] for v in values]
            lasts = sorted(v[2] for v in values)
            p90 = lasts[min(len(lasts) - 1, int(0.9 * len(lasts)))]
            print(f"| {size} | {label} | {statistics.median(firsts_ms):.2f} | "
                  f"{statistics.median(lasts):.2f} ({p90:.2f}) | {statistics.median(v[0] for v in values):.0f} |")
        print(f"| {size} | peak RSS | | {statistics.median(rss_all) / 1024:.1f} MiB | |")


if __name__ == "__main__":
    main()

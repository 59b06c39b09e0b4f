#!/usr/bin/env python3
"""Measures ccvet's git commands and prints a Markdown table.

    python3 scripts/measure-git.py [--ccvet target/release/ccvet] [--generate target/release/examples/generate]
                                   [--questions 400] [--commits 1000] [--runs 5]

Builds nothing itself (build with `cargo build --release --bin ccvet
--example generate` first, or pass the paths). In a temporary folder:

1. merge-file: a workspace with a QUESTIONS-question questionnaire and one
   generated vendor file (the base); ours and theirs each change 20 answers'
   notes through `ccvet answer` (5 of them the same answers, differently: 5
   conflicts). Times `ccvet merge-file BASE OURS THEIRS PATH` (a fresh copy of
   OURS each run), with wall time and peak RSS from `/usr/bin/time -v`.
2. log: a git repository of that workspace with COMMITS commits, each
   changing one answer's note (`ccvet answer` then `git commit`), by three
   alternating authors. Times `ccvet log VENDOR --json` and
   `ccvet log VENDOR --question KEY`.

Prints the median wall time and the largest peak RSS of RUNS runs.
"""
import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile


def timed(argv, cwd=None, env=None):
    """Runs argv under /usr/bin/time -v; returns (seconds, peak KiB, exit code)."""
    out = subprocess.run(["/usr/bin/time", "-v", *argv], cwd=cwd, env=env, capture_output=True, text=True)
    wall = re.search(r"Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (?:(\d+):)?(\d+):([\d.]+)", out.stderr)
    rss = re.search(r"Maximum resident set size \(kbytes\): (\d+)", out.stderr)
    h, m, s = wall.groups()
    seconds = int(h or 0) * 3600 + int(m) * 60 + float(s)
    return seconds, int(rss.group(1)), out.returncode


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--ccvet", default="target/release/ccvet")
    p.add_argument("--generate", default="target/release/examples/generate")
    p.add_argument("--questions", type=int, default=400)
    p.add_argument("--commits", type=int, default=1000)
    p.add_argument("--runs", type=int, default=5)
    args = p.parse_args()
    ccvet = os.path.abspath(args.ccvet)
    generate = os.path.abspath(args.generate)
    tmp = tempfile.mkdtemp(prefix="ccvet-git-")
    env = dict(os.environ, HOME=tmp, GIT_CONFIG_NOSYSTEM="1", USER="li.wei", CCVET_CONFIG=os.path.join(tmp, "none.toml"),
               GIT_AUTHOR_DATE="2026-11-24T10:00:00+08:00", GIT_COMMITTER_DATE="2026-11-24T10:00:00+08:00")
    ws = os.path.join(tmp, "ws")
    os.makedirs(ws, mode=0o700)
    subprocess.run([generate, "--questions", str(args.questions), "--vendors", "1", "--out", ws], check=True,
                   capture_output=True)
    vendors = os.path.join(ws, "vendors")
    name = sorted(f for f in os.listdir(vendors) if f.endswith(".toml"))[0]
    slug = name[:-5]
    vendor = os.path.join(vendors, name)
    keys = re.findall(r'^\[answers\."([^"]+)"\]', open(vendor, encoding="utf-8").read(), re.M)

    def answer(key, note):
        subprocess.run([ccvet, "--workspace", ws, "answer", slug, key, "--note", note], check=True, env=env,
                       capture_output=True)

    # One save upgrades the generated file to the full layout: that is the base.
    answer(keys[0], "base")
    size = os.path.getsize(vendor)
    base = os.path.join(tmp, "base.toml")
    shutil.copy(vendor, base)
    for i in range(20):
        answer(keys[(i * 7) % len(keys)], f"ours {i}")
    ours = os.path.join(tmp, "ours.toml")
    shutil.copy(vendor, ours)
    shutil.copy(base, vendor)
    for i in range(20):
        k = keys[(i * 7) % len(keys)] if i < 5 else keys[(i * 11 + 3) % len(keys)]
        answer(k, f"theirs {i}")
    theirs = os.path.join(tmp, "theirs.toml")
    shutil.copy(vendor, theirs)
    merges = []
    for _ in range(args.runs + 1):
        work = os.path.join(tmp, "ours-run.toml")
        shutil.copy(ours, work)
        merges.append(timed([ccvet, "--workspace", ws, "merge-file", base, work, theirs, f"vendors/{name}"], env=env))
    merges = merges[1:]
    codes = {c for _, _, c in merges}

    # A history of COMMITS commits.
    git = lambda *a, **kw: subprocess.run(["git", "-C", ws, *a], check=True, env=kw.get("env", env), capture_output=True)
    shutil.copy(base, vendor)
    git("init", "-q", "-b", "main")
    git("-c", "user.name=li.wei", "-c", "user.email=li.wei@example.com", "add", "-A")
    git("-c", "user.name=li.wei", "-c", "user.email=li.wei@example.com", "commit", "-q", "-m", "start")
    authors = ["li.wei", "wang.fang", "zhao.min"]
    for i in range(args.commits - 1):
        answer(keys[(i * 13) % len(keys)], f"commit {i}")
        who = authors[i % 3]
        e = dict(env, GIT_AUTHOR_NAME=who, GIT_AUTHOR_EMAIL=f"{who}@example.com", GIT_COMMITTER_NAME=who,
                 GIT_COMMITTER_EMAIL=f"{who}@example.com",
                 GIT_AUTHOR_DATE=f"2026-11-24T10:{(i // 60) % 60:02d}:{i % 60:02d}+08:00")
        git("commit", "-q", "-a", "-m", f"answer {i}", env=e)
    logs = [timed([ccvet, "--workspace", ws, "log", slug, "--json"], env=env) for _ in range(args.runs + 1)][1:]
    one = [timed([ccvet, "--workspace", ws, "log", slug, "--question", keys[0]], env=env) for _ in range(args.runs + 1)][1:]
    changes = subprocess.run([ccvet, "--workspace", ws, "log", slug, "--json"], env=env, capture_output=True, text=True)
    n_changes = changes.stdout.count('"commit"')

    def row(what, runs, extra=""):
        wall = statistics.median(r[0] for r in runs)
        rss = max(r[1] for r in runs)
        print(f"| {what} | {wall * 1000:.0f} ms | {rss / 1024:.1f} MiB | {extra} |")

    print(f"{args.questions}-question generated questionnaire ({len(keys)} answers in the file), vendor file {size / 1024:.0f} KiB; median of {args.runs} runs after a warm-up, "
          f"peak RSS the largest; {os.cpu_count()} cores.\n")
    print("| command | wall | peak RSS | notes |")
    print("|---|---|---|---|")
    row("`merge-file` (20 + 20 changed answers, 5 conflicts)", merges, f"exit {sorted(codes)}")
    row(f"`log VENDOR --json` ({args.commits} commits)", logs, f"{n_changes} changes listed")
    row(f"`log VENDOR --question KEY` ({args.commits} commits)", one, "")
    if os.environ.get("KEEP"): print(tmp)
    else: shutil.rmtree(tmp)
    return 0


if __name__ == "__main__":
    sys.exit(main())

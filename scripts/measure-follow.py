#!/usr/bin/env python3
"""Measures following another session, as reviewers over SSH meet it.

    python3 scripts/measure-follow.py [--answers 100] [--idle 60] [--writers 10] [--vendors 1000] [--poll]

With --poll, every session follows by polling (CCVET_WATCH=poll, as on
NFS) instead of file notifications; --writers 0 skips part 3.

1. Follow latency: an interviewer's session and a follower's, on one vendor
   of the default questionnaire, each in its own pseudo-terminal. For each
   of ANSWERS answers (y / n on a yes/no question) it times from writing
   the key to the interviewer until the follower's screen has changed
   (first byte, and last byte of that frame). This includes the
   interviewer's own frame, its fsyncs, the file event and the follower's
   reload and redraw.
2. Idle CPU of a following session over IDLE seconds.
3. Many sessions: WRITERS interviewers and as many followers (2 x WRITERS
   sessions) on a generated workspace of VENDORS vendors; each interviewer
   answers 20 yes/no questions across its vendor while its follower
   follows; then every vendor file is checked for every answer its
   interviewer saw saved (lost updates, which must be 0), and the follow
   latency over all of it is reported.
"""
import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
import tomllib

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from ptyharness import Pty  # noqa: E402

SETTLE = 0.02


def target_dir():
    meta = subprocess.run(["cargo", "metadata", "--format-version", "1", "--no-deps"],
                          check=True, capture_output=True, text=True)
    return json.loads(meta.stdout)["target_directory"]


POLL = False


def env_for(user, home):
    env = {"TERM": "xterm-256color", "LANG": "C.UTF-8", "USER": user, "CCVET_CONFIG": "/nonexistent",
           "HOME": home, "PATH": os.environ.get("PATH", "")}
    if POLL:
        env["CCVET_WATCH"] = "poll"
    return env


def wait_text(p, text, limit=10.0):
    deadline = time.perf_counter() + limit
    while text.encode() not in p.out:
        if time.perf_counter() > deadline:
            sys.exit(f"measure: waited for {text!r}; last output: {bytes(p.out[-400:])!r}")
        p.read_until_quiet(SETTLE, limit_s=0.5)


def open_vendor(p, slug, ready):
    """From the vendor list, filter to `slug` and open it. (Raw output is
    matched, and a terminal app skips blank cells with cursor moves, so the
    marks waited for are single words.)"""
    wait_text(p, "Vendors")
    p.read_until_quiet(SETTLE)
    os.write(p.fd, f"/{slug}\r\r".encode())
    wait_text(p, ready)
    p.read_until_quiet(SETTLE)


def follow_step(writer, follower, key):
    """Sends `key` to the writer; returns (first, last) ms until the
    follower's screen changed."""
    follower.drain()
    sent = time.perf_counter()
    os.write(writer.fd, key.encode())
    first = last = None
    deadline = sent + 5.0
    while time.perf_counter() < deadline:
        got, f, l = follower.read_until_quiet(SETTLE, limit_s=0.2)
        if f is not None:
            first = first or f
            last = l
            break
    writer.read_until_quiet(SETTLE, limit_s=1.0)
    if first is None:
        return None
    return (first - sent) * 1000, (last - sent) * 1000


def summary(name, samples):
    firsts = sorted(s[0] for s in samples)
    lasts = sorted(s[1] for s in samples)
    p90 = lasts[min(len(lasts) - 1, int(0.9 * len(lasts)))]
    print(f"| {name} | {len(samples)} | {statistics.median(firsts):.1f} ms | {statistics.median(lasts):.1f} ms | "
          f"{p90:.1f} ms | {lasts[-1]:.1f} ms |")


def many_sessions(args, ccvet, generate):
    """Part 3; returns the samples, lost updates and answers checked."""
    with tempfile.TemporaryDirectory() as tmp:
        ws = os.path.join(tmp, "ws")
        subprocess.run([generate, "--questions", "40", "--vendors", str(args.vendors), "--out", ws],
                       check=True, capture_output=True)
        pairs = []
        for i in range(args.writers):
            slug = f"vendor-{i:05}"
            w = Pty([ccvet, "--workspace", ws], env_for(f"writer{i}", tmp), 100, 30)
            open_vendor(w, slug, "requirement?")
            f = Pty([ccvet, "--workspace", ws], env_for(f"follower{i}", tmp), 100, 30)
            open_vendor(f, slug, "read-only")
            pairs.append((slug, w, f))
        # the yes/no questions of the generated questionnaire: q0, q7, q14, ...
        yesno = [0, 7, 14, 21, 28, 35]
        intended = {slug: {} for slug, _, _ in pairs}
        at = {slug: 0 for slug, _, _ in pairs}
        many = []
        for step in range(20):
            for slug, w, f in pairs:
                target_q = yesno[step % len(yesno)]
                moves = target_q - at[slug]
                keys = ("j" * moves if moves > 0 else "k" * -moves)
                if keys:
                    os.write(w.fd, keys.encode())
                    w.read_until_quiet(SETTLE)
                    f.read_until_quiet(SETTLE)
                at[slug] = target_q
                value = (step // len(yesno) + hash(slug)) % 2 == 0
                s = follow_step(w, f, "y" if value else "n")
                if s:
                    many.append(s)
                intended[slug][f"s0.q{target_q}"] = value
        for _, w, f in pairs:
            w.quit()
            f.quit()
        lost = 0
        for slug, answers in intended.items():
            with open(os.path.join(ws, "vendors", f"{slug}.toml"), "rb") as fh:
                saved = tomllib.load(fh).get("answers", {})
            for key, value in answers.items():
                if saved.get(key, {}).get("value") != value:
                    lost += 1
    return many, lost, sum(len(a) for a in intended.values())


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--answers", type=int, default=100)
    ap.add_argument("--idle", type=int, default=60)
    ap.add_argument("--writers", type=int, default=10)
    ap.add_argument("--vendors", type=int, default=1000)
    ap.add_argument("--poll", action="store_true")
    args = ap.parse_args()
    global POLL
    POLL = args.poll
    subprocess.run(["cargo", "build", "--release", "--quiet", "--bin", "ccvet", "--example", "generate"], check=True)
    target = target_dir()
    ccvet = os.path.join(target, "release", "ccvet")
    generate = os.path.join(target, "release", "examples", "generate")
    tick_ms = 1000 / os.sysconf("SC_CLK_TCK")
    print("| what | samples | first byte (median) | changed frame (median) | p90 | worst |")
    print("|---|---:|---:|---:|---:|---:|")

    with tempfile.TemporaryDirectory() as tmp:
        ws = os.path.join(tmp, "ws")
        subprocess.run([ccvet, "--workspace", ws, "new", "Follow Co", "--assessed-on", "2026-11-24"],
                       check=True, capture_output=True, env=env_for("li.wei", tmp))
        writer = Pty([ccvet, "--workspace", ws], env_for("li.wei", tmp), 100, 30)
        open_vendor(writer, "follow-co", "scope")
        follower = Pty([ccvet, "--workspace", ws], env_for("wang.fang", tmp), 100, 30)
        open_vendor(follower, "follow-co", "read-only")
        os.write(writer.fd, b"jjj")  # basic.annual-inspection, a yes/no question
        writer.read_until_quiet(SETTLE)
        follower.read_until_quiet(SETTLE)
        samples = [s for s in (follow_step(writer, follower, "yn"[i % 2]) for i in range(args.answers)) if s]
        summary("follow one interview (default questionnaire)", samples)
        missed = args.answers - len(samples)
        before = follower.cpu_ticks()
        time.sleep(args.idle)
        idle_ms = (follower.cpu_ticks() - before) * tick_ms
        follower.drain()
        writer.quit()
        follower.quit()

    if args.writers > 0:
        many, lost, checked = many_sessions(args, ccvet, generate)
        summary(f"{2 * args.writers} sessions, {args.vendors} vendors", many)
    print()
    print(f"- follower idle CPU over {args.idle} s: {idle_ms:.0f} ms")
    print(f"- answers the follower did not show within 5 s: {missed}")
    if args.writers > 0:
        print(f"- lost updates with {2 * args.writers} sessions: {lost} of {checked} answers checked")


if __name__ == "__main__":
    main()

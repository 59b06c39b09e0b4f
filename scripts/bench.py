#!/usr/bin/env python3
"""The benchmark suite: criterion benches of the core, then the release
binary driven like a user in a pseudo-terminal on generated workloads.
Writes a Markdown report (with the command and the machine) and prints it.

    python3 scripts/bench.py [--quick] [--runs 5] [--out BENCHMARKS.md]
                             [--skip-criterion] [--only TEXT] [--static]

--quick: shorter criterion runs, 3 pty runs, no 10,000-vendor workspace.

Pseudo-terminal measures (medians over RUNS runs, after one warm-up run):

- first frame: from just before fork until the end of the first frame
  (ccvet wraps every frame in synchronized output, CSI ?2026h ... ?2026l,
  so a frame's end is exact, not guessed from a quiet period);
- all loaded: until the last byte before a second of quiet (a large
  workspace fills the vendor list in after the first frame);
- key to frame: from writing a key until the end of the frame it caused;
  "saved" is until the last byte (an answer's second frame, drawn once
  the fsync is done);
- bytes/key: every byte the key caused, both frames of an answer included;
- peak RSS: VmHWM just before quitting;
- pty floor: a key echoed by the kernel (no program involved).
"""
import argparse
import datetime
import fcntl
import json
import os
import platform
import select
import signal
import statistics
import struct
import subprocess
import sys
import tempfile
import termios
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import ptyharness  # noqa: E402

FRAME_END = b"\x1b[?2026l"
ENV = {"TERM": "xterm-256color", "LANG": "C.UTF-8", "USER": "bench", "CCVET_CONFIG": "/nonexistent"}


def sh(args, **kw):
    return subprocess.run(args, check=True, capture_output=True, text=True, **kw).stdout


def target_dir():
    meta = json.loads(sh(["cargo", "metadata", "--format-version", "1", "--no-deps"]))
    return meta["target_directory"]


class Pty(ptyharness.Pty):
    """ptyharness's program in a pseudo-terminal, read frame by frame."""

    @staticmethod
    def set_size(fd, cols, rows):
        fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))

    def read(self, settle_s, since, limit_s=60.0):
        """Reads until settle_s of quiet. Returns (bytes, first byte, end of
        first frame, last byte), times in ms after `since`."""
        data, first, frame, last = bytearray(), None, None, None
        deadline = time.perf_counter() + limit_s
        while time.perf_counter() < deadline:
            ready, _, _ = select.select([self.fd], [], [], settle_s)
            if not ready:
                break
            try:
                chunk = os.read(self.fd, 1 << 16)
            except OSError:
                break
            if not chunk:
                break
            now = (time.perf_counter() - since) * 1000
            first = first if first is not None else now
            tail = len(data)
            data += chunk
            if frame is None and FRAME_END in data[max(0, tail - len(FRAME_END)):]:
                frame = now
            last = now
        return data, first, frame, last

    def key(self, keys, settle_s):
        sent = time.perf_counter()
        os.write(self.fd, keys.encode())
        return self.read(settle_s, sent)

    def resize(self, cols, rows, settle_s):
        self.set_size(self.fd, cols, rows)
        sent = time.perf_counter()
        os.kill(self.pid, signal.SIGWINCH)
        return self.read(settle_s, sent)

    def quit(self, keys):
        try:
            os.write(self.fd, keys.encode())
            self.read(0.05, time.perf_counter(), limit_s=5)
        except OSError:
            pass
        try:
            os.kill(self.pid, signal.SIGTERM)
        except ProcessLookupError:
            pass
        os.waitpid(self.pid, 0)
        os.close(self.fd)


def pty_floor(runs=200):
    """A key echoed by the kernel: the least any program's reply can take."""
    p = Pty(["/bin/sleep", "30"], dict(ENV), 80, 24)
    samples = []
    for _ in range(runs):
        _, first, _, _ = p.key("x", 0.01)
        samples.append(first)
    os.kill(p.pid, signal.SIGKILL)
    os.waitpid(p.pid, 0)
    os.close(p.fd)
    return statistics.median(samples)


# --- workloads -------------------------------------------------------------

def default_workspace(ccvet, ws, env, vendors=10):
    """The default (embedded) questionnaire and `vendors` vendors, a few
    answers each. Ten are made with ccvet itself; more are copies of those
    ten under new names (a thousand `ccvet new` would take minutes)."""
    def run(*args):
        subprocess.run([ccvet, "--workspace", ws, *args], check=True, capture_output=True, env=env)
    os.makedirs(ws, mode=0o700)
    for n in range(10):
        run("new", f"Vendor {n:02} 供应商", "--assessed-on", "2026-11-24")
        slug = f"vendor-{n:02}-gong-ying-shang"
        run("answer", slug, "basic.licence-scope", ["nationwide", "provincial"][n % 2])
        run("answer", slug, "tech.iso27001", "yes" if n % 3 else "no")
    folder = os.path.join(ws, "vendors")
    for n in range(10, vendors):
        with open(os.path.join(folder, f"vendor-{n % 10:02}-gong-ying-shang.toml"), encoding="utf-8") as f:
            text = f.read()
        text = text.replace(f"Vendor {n % 10:02} 供应商", f"Vendor {n:04} 供应商", 1)
        with open(os.path.join(folder, f"vendor-{n:04}-gong-ying-shang.toml"), "w", encoding="utf-8") as f:
            f.write(text)


def generated_workspace(generate, ws, questions, vendors):
    sh([generate, "--questions", str(questions), "--vendors", str(vendors), "--out", ws])
    os.chmod(ws, 0o700)


# Where the questions of each kind are (in the list as shown): the default
# questionnaire's first question is a choice whose answer shows or hides the
# second (§10), so the choice answered is the architecture question (13th
# shown, no red line) and the yes/no the fourth shown; a generated one deals
# kinds in turn, a yes/no first and a choice second.
SCENARIO = {
    "default": {"yesno": 3, "choice": 12},
    "generated": {"yesno": 0, "choice": 1},
}


def scenario(p, settle_s, layout, cols, rows):
    """One user session: returns {label: [(bytes, first, frame, last), ...]}."""
    out = {}

    def step(label, keys, times=1):
        for i in range(times):
            k = keys[i % len(keys)] if isinstance(keys, list) else keys
            data, first, frame, last = p.key(k, settle_s)
            out.setdefault(label, []).append((len(data), first, frame, last))

    step("vendor list: move down", "j", 6)
    step("vendor list: move up", "k", 6)
    step("open a vendor", "\r")
    at = 0
    answers_of = {"choice": ["1", "2"], "yesno": ["y", "n"]}
    for kind in sorted(layout, key=layout.get):
        answers = answers_of[kind]
        while at < layout[kind]:
            p.key("j", settle_s)
            at += 1
        step(f"answer a {'yes/no' if kind == 'yesno' else 'choice'}", answers, 8)
    step("next question", "j", 8)
    # A full redraw of the same screen: out to a smaller size and back.
    p.resize(cols, rows - 1, settle_s)
    data, first, frame, last = p.resize(cols, rows, settle_s)
    out.setdefault("full redraw (resize)", []).append((len(data), first, frame, last))
    step("switch section", "\t", 6)
    p.key("e", settle_s)
    for ch in "met 张经理 ok":
        step("type into the note", ch)
    p.key("\x1b", settle_s)
    return out


def measure(ccvet, ws, env, cols, rows, settle_s, layout):
    p = Pty([ccvet, "--workspace", ws], env, cols, rows)
    # Loading a large workspace has quiet spells (watching starts by
    # walking every file): a second of quiet means it is done.
    _, _, frame, last = p.read(1.0, p.start)
    samples = scenario(p, settle_s, layout, cols, rows)
    rss = p.peak_rss_kib()
    p.quit("\x1bq")
    return frame, last, samples, rss


def pct(values, q):
    values = sorted(v for v in values if v is not None)
    if not values:
        return None
    return values[min(len(values) - 1, int(q * len(values)))]


def fmt(x, digits=2):
    return "–" if x is None else f"{x:.{digits}f}"


# --- criterion --------------------------------------------------------------

def criterion(quick):
    args = ["cargo", "bench", "--bench", "core", "--"]
    if quick:
        args += ["--warm-up-time", "0.5", "--measurement-time", "1"]
    subprocess.run(args, check=True, stdout=subprocess.DEVNULL)
    rows = []
    root = os.path.join(target_dir(), "criterion")
    for dirpath, _, files in os.walk(root):
        if os.path.basename(dirpath) == "new" and "estimates.json" in files:
            with open(os.path.join(dirpath, "benchmark.json")) as f:
                name = json.load(f)["full_id"]
            with open(os.path.join(dirpath, "estimates.json")) as f:
                median_ns = json.load(f)["median"]["point_estimate"]
            rows.append((name, median_ns))
    return sorted(rows)


def human_ns(ns):
    if ns >= 1e6:
        return f"{ns / 1e6:.2f} ms"
    if ns >= 1e3:
        return f"{ns / 1e3:.1f} µs"
    return f"{ns:.0f} ns"


# --- report -----------------------------------------------------------------

DEFAULT = "default questionnaire (38 q), 10 vendors"
DEFAULT_MANY = "default questionnaire (38 q), 1,000 vendors"
LARGE = "400 questions, 1,000 vendors"
SIMPLE_KEYS = ["vendor list: move down", "next question", "answer a yes/no", "answer a choice",
               "switch section", "type into the note"]


def targets(results, floor):
    """Issue 7's targets, each against what was measured (at 80x24)."""
    rows = []

    def row(what, target, value, ok):
        mark = "–" if ok is None else ("✓" if ok else "✗ missed")
        rows.append(f"| {what} | {target} | {value} | {mark} |")

    def get(name, size=(80, 24)):
        return results.get((name, *size))

    def key(name, label, field=2, q=0.5, size=(80, 24)):
        r = get(name, size)
        return pct([v[field] for v in r[2].get(label, [])], q) if r else None

    d = get(DEFAULT)
    if d:
        ff = statistics.median(d[0])
        row("first frame, default questionnaire + 10 vendors", "≤ 4 ms", f"{ff:.2f} ms", ff <= 4)
        rss = statistics.median(d[3]) / 1024
        row("peak RSS, default workload", "≤ 4 MiB", f"{rss:.2f} MiB", rss <= 4)
        worst = max(SIMPLE_KEYS, key=lambda k: key(DEFAULT, k) or 0)
        med = key(DEFAULT, worst)
        row(f"key to frame, median (slowest key: {worst})", f"≤ floor + 0.5 = {floor + 0.5:.2f} ms",
            f"{fmt(med, 3)} ms", med is not None and med <= floor + 0.5)
        worst90 = max(SIMPLE_KEYS, key=lambda k: key(DEFAULT, k, q=0.9) or 0)
        p90 = key(DEFAULT, worst90, q=0.9)
        row(f"key to frame, p90 (slowest key: {worst90})", "≤ 2 ms", f"{fmt(p90, 3)} ms",
            p90 is not None and p90 <= 2)
        b = lambda label: statistics.median(v[0] for v in d[2][label])
        row("bytes: move in the vendor list", "≤ 150", f"{b('vendor list: move down'):.0f}",
            b("vendor list: move down") <= 150)
        full = b("full redraw (resize)")
        row("bytes: next question", f"≤ half a full redraw ({full / 2:.0f})", f"{b('next question'):.0f}",
            b("next question") <= full / 2)
        answer = max(b("answer a yes/no"), b("answer a choice"))
        row("bytes: answering (both frames, with \"saved\")", "≤ 400", f"{answer:.0f}", answer <= 400)
        row("bytes: full redraw of the interview", "≤ 6 KB", f"{full:.0f}", full <= 6 * 1024)
    large = get(LARGE)
    if large:
        ff, loaded = statistics.median(large[0]), statistics.median(large[1])
        row("first frame, 1,000 vendors × 400 q (names first)", "≤ 10 ms", f"{ff:.2f} ms", ff <= 10)
        row("all loaded, 1,000 vendors × 400 q", "≤ 300 ms", f"{loaded:.0f} ms", loaded <= 300)
        rss = statistics.median(large[3]) / 1024
        row("peak RSS, 1,000 vendors × 400 q", "≤ 16 MiB", f"{rss:.1f} MiB", rss <= 16)
    many = get(DEFAULT_MANY)
    if d and many:
        few_ff, many_ff = statistics.median(d[0]), statistics.median(many[0])
        row("first frame, default questionnaire: 10 → 1,000 vendors (names first)", "≤ 2× (issue #12)",
            f"{few_ff:.2f} → {many_ff:.2f} ms ({many_ff / few_ff:.1f}×)", many_ff <= 2 * few_ff)
    small, big = "40 questions, 10 vendors", "4000 questions, 10 vendors"
    if get(small) and get(big):
        for label in ["next question", "answer a yes/no", "answer a choice", "switch section"]:
            a, z = key(small, label), key(big, label)
            if a and z:
                row(f"flat: {label}, 40 → 4,000 questions", "the same", f"{a:.3f} → {z:.3f} ms",
                    z <= a + 0.25)
    if not rows:
        return []
    return ["### Against the targets (80×24)", "", "| what | target | measured | |", "|---|---|---:|---|",
            *rows, ""]

def machine():
    cpu = "?"
    with open("/proc/cpuinfo") as f:
        for line in f:
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    rustc = sh(["rustc", "--version"]).strip()
    commit = sh(["git", "rev-parse", "--short", "HEAD"]).strip()
    return f"{cpu}, {os.cpu_count()} cores, Linux {platform.release()}, {rustc}, commit {commit}"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--quick", action="store_true")
    ap.add_argument("--runs", type=int, default=None)
    ap.add_argument("--settle", type=int, default=40, help="ms of quiet that end a key's output")
    ap.add_argument("--out", default="BENCHMARKS.md")
    ap.add_argument("--skip-criterion", action="store_true")
    ap.add_argument("--only", default="", help="only workloads whose name contains this")
    ap.add_argument("--static", action="store_true",
                    help="measure a statically linked build (x86_64 Linux, glibc): less memory")
    args = ap.parse_args()
    runs = args.runs or (3 if args.quick else 5)
    settle_s = args.settle / 1000
    command = "python3 scripts/bench.py " + " ".join(sys.argv[1:])

    subprocess.run(["cargo", "build", "--release", "--quiet", "--bin", "ccvet", "--example", "generate"], check=True)
    ccvet = os.path.join(target_dir(), "release", "ccvet")
    if args.static:
        triple = "x86_64-unknown-linux-gnu"
        static_env = dict(os.environ, RUSTFLAGS="-C target-feature=+crt-static")
        subprocess.run(["cargo", "build", "--release", "--quiet", "--bin", "ccvet", "--target", triple],
                       check=True, env=static_env)
        ccvet = os.path.join(target_dir(), triple, "release", "ccvet")
    generate = os.path.join(target_dir(), "release", "examples", "generate")
    lines = [
        "# ccvet benchmarks",
        "",
        f"`{command.strip()}` on {datetime.date.today()}: {machine()}; "
        f"{'static' if args.static else 'default'} release build, {os.path.getsize(ccvet) / 2**20:.2f} MiB.",
        "",
    ]

    if not args.skip_criterion:
        print("criterion benches…", file=sys.stderr)
        lines += ["## Core (criterion, `cargo bench --bench core`)", "", "| bench | median |", "|---|---:|"]
        lines += [f"| {name} | {human_ns(ns)} |" for name, ns in criterion(args.quick)]
        lines.append("")

    floor = pty_floor()
    workloads = [("default questionnaire (38 q), 10 vendors", "default", None, 10)]
    workloads += [("default questionnaire (38 q), 1,000 vendors", "default", None, 1000)]
    workloads += [(f"{q} questions, 10 vendors", "generated", q, 10) for q in (40, 400, 4000)]
    workloads += [("400 questions, 1,000 vendors", "generated", 400, 1000)]
    if not args.quick:
        workloads += [("400 questions, 10,000 vendors", "generated", 400, 10000)]

    workloads = [w for w in workloads if args.only in w[0]]
    results = {}
    with tempfile.TemporaryDirectory() as tmp:
        for i, (name, kind, questions, vendors) in enumerate(workloads):
            ws = os.path.join(tmp, f"ws{i}")
            env = dict(ENV, HOME=tmp, PATH=os.environ.get("PATH", ""))
            print(f"{name}…", file=sys.stderr)
            for cols, rows in [(80, 24), (120, 40)]:
                merged, frames, loaded, rss = {}, [], [], []
                for run in range(runs + 1):
                    # A fresh workspace each run: answers from the last do
                    # not carry over.
                    subprocess.run(["rm", "-rf", ws], check=True)
                    if kind == "default":
                        default_workspace(ccvet, ws, env, vendors)
                    else:
                        generated_workspace(generate, ws, questions, vendors)
                    # Not measured: the kernel writing the new files back.
                    os.sync()
                    frame, last, samples, peak = measure(ccvet, ws, env, cols, rows, settle_s, SCENARIO[kind])
                    if run == 0:
                        continue  # warm-up
                    frames.append(frame)
                    loaded.append(last)
                    rss.append(peak)
                    for label, values in samples.items():
                        merged.setdefault(label, []).extend(values)
                results[(name, cols, rows)] = (frames, loaded, merged, rss)
    subprocess.run(["rm", "-rf", ws], check=False)

    lines += [
        "## The app in a pseudo-terminal",
        "",
        f"Release binary, medians over {runs} runs after a warm-up (latency: median and p90 over every key of "
        f"every run); a key's output ends after {args.settle} ms of quiet. pty floor (kernel echo): "
        f"{floor:.3f} ms.",
        "",
    ]
    lines += targets(results, floor)
    lines += ["### Start-up", "", "| workload | size | first frame ms | all loaded ms | peak RSS MiB |",
              "|---|---|---:|---:|---:|"]
    for (name, cols, rows), (frames, loaded, _, rss) in results.items():
        lines.append(f"| {name} | {cols}×{rows} | {fmt(statistics.median(frames))} | "
                     f"{fmt(statistics.median(loaded), 1)} | {statistics.median(rss) / 1024:.1f} |")
    lines += ["", "### Keys", "",
              "| workload | size | key | key to frame ms (p90) | saved ms | bytes/key |",
              "|---|---|---|---:|---:|---:|"]
    for (name, cols, rows), (_, _, merged, _) in results.items():
        for label, values in merged.items():
            frames = [v[2] for v in values]
            lasts = [v[3] for v in values if v[3] is not None]
            saved = fmt(statistics.median(lasts)) if label.startswith("answer") and lasts else ""
            lines.append(f"| {name} | {cols}×{rows} | {label} | {fmt(pct(frames, 0.5), 3)} "
                         f"({fmt(pct(frames, 0.9), 3)}) | {saved} | {statistics.median(v[0] for v in values):.0f} |")
    lines.append("")
    report = "\n".join(lines)
    # Figures of other commands (measured by their own scripts) follow a
    # marker and are kept as they are.
    try:
        with open(args.out) as f:
            old = f.read()
        if KEEP_MARKER in old:
            report += "\n" + old[old.index(KEEP_MARKER):]
    except FileNotFoundError:
        pass
    with open(args.out, "w") as f:
        f.write(report)
    print(report)


KEEP_MARKER = "<!-- Other commands' figures: kept as they are by scripts/bench.py -->"


if __name__ == "__main__":
    main()

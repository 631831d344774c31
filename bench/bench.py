#!/usr/bin/env python3
"""pylayer against pip + zip on real wheels, cold and warm, and against the floor.

Starts the machine's local index of real wheels (pypi-mirror.py) on a free loopback port, once without and once
with added latency, and for each requirement set builds a layer

  * with pip 26 (a venv made from the pip wheel in the local index):
      pip --isolated install --cache-dir C --index-url …/simple --only-binary=:all: --python-version 3.11
          --platform manylinux_2_26_x86_64 … manylinux_2_5_x86_64 manylinux2014/2010/1_x86_64
          --target T/python/lib/python3.11/site-packages SET
      then `cd T && zip -qr layer.zip python`
    (pip does not expand PEP 600 platforms, so every glibc up to Lambda's 2.26 is named);
  * with pylayer, through the launcher (`./pylayer build SET --runtime python3.11 --index-url …/pypi
    --cache-dir C -q`), as a user runs it;

cold (empty cache), warm (the same cache again: the layer built cold is in the cache, so pylayer resolves again
and links it to the output, or copies it checking its sha256) and warm --rebuild (the same cache, but the layer written again from the
cached wheels: what a warm build costs when the inputs changed a little), and prints a table. Times are wall-clock seconds, the median
of --runs runs for pylayer and of --pip-runs runs for pip (--stat min for the best run, which on a machine shared
with other work is the closest to the tools' own cost; the median is what a user sees). Within a set, pip's runs
and pylayer's alternate, so that a machine whose speed drifts slows both alike. "Floor" is the cost of the
I/O no build can avoid: a JVM (`bench/Floor.java`, JVM start included) reading each chosen wheel once,
sha256-hashing it and writing its bytes to one file, fsynced; "io floor" is the same without a JVM
(`cat WHEELS | tee OUT | sha256sum && sync OUT`). Peak RSS is pylayer's largest resident set over the runs of a
set (cold and warm), from wait4(). Before the timed runs the launcher builds the jar if needed and makes its
class-data archive on one untimed build (what a first run after installing does).

pylayer itself never needs Python: this script is tooling only.

Usage: bench/bench.py [--sets pandas,scikit-learn,…] [--delays 0,50] [--runs 3] [--pip-runs 1] [--no-pip]
                      [--results bench/RESULTS.md] [--work bench/out] [--mirror …/pypi-mirror.py]
"""
import argparse
import json
import os
import platform
import shutil
import socket
import statistics
import subprocess
import sys
import time
from pathlib import Path

SETS = ["pandas", "scikit-learn", "numpy scipy", "fastapi", "boto3"]
RUNTIME = "python3.11"
SITE = "python/lib/python3.11/site-packages"
REPO = Path(__file__).resolve().parent.parent
STAT = statistics.median


def pip_platforms():
    platforms = [f"manylinux_2_{n}_x86_64" for n in range(26, 4, -1)]
    platforms += ["manylinux2014_x86_64", "manylinux2010_x86_64", "manylinux1_x86_64"]
    args = []
    for p in platforms:
        args += ["--platform", p]
    return args


def find_mirror(explicit):
    if explicit:
        return Path(explicit)
    if os.environ.get("PYLAYER_MIRROR_SCRIPT"):
        return Path(os.environ["PYLAYER_MIRROR_SCRIPT"])
    for parent in [REPO, *REPO.parents]:
        candidate = parent / "shared" / "pypi-mirror.py"
        if candidate.is_file():
            return candidate
    sys.exit("bench: pypi-mirror.py not found (../shared/pypi-mirror.py); pass --mirror or set PYLAYER_MIRROR_SCRIPT")


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Mirror:
    def __init__(self, script, delay_ms):
        self.port = free_port()
        self.process = subprocess.Popen(
            [sys.executable, str(script), "--port", str(self.port), "--delay-ms", str(delay_ms)],
            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        line = self.process.stdout.readline()
        if "serving" not in line:
            self.stop()
            sys.exit(f"bench: the mirror did not start: {line}")
        self.delay_ms = delay_ms

    def url(self, kind):
        return f"http://127.0.0.1:{self.port}/{kind}"

    def stop(self):
        self.process.terminate()
        try:
            self.process.wait(10)
        except subprocess.TimeoutExpired:
            self.process.kill()


def clean_env(**extra):
    """An environment without pip or pylayer settings that would change what is measured."""
    keep = ("PATH", "HOME", "LANG", "LC_ALL", "TMPDIR", "JAVA_HOME", "USER", "TERM")
    env = {k: v for k, v in os.environ.items() if k in keep}
    env.update({"PIP_CONFIG_FILE": "/dev/null", "PIP_DISABLE_PIP_VERSION_CHECK": "1",
                "PYTHONDONTWRITEBYTECODE": "1"})
    env.update(extra)
    return env


def timed(command, cwd=None, env=None):
    """(seconds, peak RSS in MB) of a command that must succeed; its output is discarded unless it fails."""
    start = time.perf_counter()
    process = subprocess.Popen(command, cwd=cwd, env=env or clean_env(), stdout=subprocess.PIPE,
                               stderr=subprocess.STDOUT)
    output = process.stdout.read()
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        sys.exit(f"bench: `{' '.join(map(str, command))}` failed ({process.returncode}):\n"
                 + output.decode("utf-8", "replace")[-4000:])
    return elapsed, usage.ru_maxrss / 1024.0


def fresh(path):
    shutil.rmtree(path, ignore_errors=True)
    path.mkdir(parents=True)
    return path


def make_pip_venv(work, mirror):
    venv = work / "pip-venv"
    python = venv / "bin" / "python"
    if not python.exists():
        subprocess.run(["python3.11", "-m", "venv", "--without-pip", str(venv)], check=True)
        subprocess.run(["python3.11", "-m", "pip", "--isolated", "--python", str(python), "install", "-q",
                        "--index-url", mirror.url("simple"), "pip"], check=True, env=clean_env())
    version = subprocess.run([str(python), "-m", "pip", "--version"], capture_output=True, text=True,
                             check=True).stdout.split()[1]
    return python, version


def pip_build(python, mirror, requirements, cache, work):
    target = fresh(work / "pip-target")
    seconds_pip, _ = timed([str(python), "-m", "pip", "--isolated", "install", "-q", "--cache-dir", str(cache),
                            "--index-url", mirror.url("simple"), "--only-binary=:all:", "--python-version", "3.11",
                            *pip_platforms(), "--target", str(target / SITE), *requirements])
    layer = work / "pip-layer.zip"
    if layer.exists():
        layer.unlink()
    seconds_zip, _ = timed(["zip", "-qr", str(layer), "python"], cwd=target)
    return seconds_pip + seconds_zip, seconds_pip, layer.stat().st_size


def pylayer_build(launcher, mirror, requirements, cache, work, *options):
    output = work / "pylayer-layer.zip"
    seconds, rss = timed([str(launcher), "build", *requirements, "--runtime", RUNTIME,
                          "--index-url", mirror.url("pypi"), "--cache-dir", str(cache), "-o", str(output), "-q",
                          *options])
    return seconds, rss, output.stat().st_size


def cached_wheels(cache):
    """The wheels a cold build downloaded: those it chose (no set here backtracks)."""
    return sorted((cache / "wheels").glob("sha256/*/*/*/*.whl"))


def floors(work, wheels, runs, floor_class_dir):
    out = work / "floor.bin"
    jvm = []
    io = []
    for _ in range(runs):
        jvm.append(timed(["java", "-cp", str(floor_class_dir), "Floor", str(out), *map(str, wheels)])[0])
        quoted = " ".join(f"'{w}'" for w in wheels)
        io.append(timed(["sh", "-c", f"cat {quoted} | tee '{out}' | sha256sum >/dev/null && sync '{out}'"])[0])
    out.unlink()
    return STAT(jvm), STAT(io)


def run_set(args, launcher, python, mirror, requirements, work, floor_class_dir):
    """One set's row. pip's and pylayer's runs alternate (a pip cold+warm pair, then a pylayer cold+warm+--rebuild
    triple, and again), so that a machine whose speed drifts over the minutes a set takes (a VM beside busy
    neighbours) slows both alike instead of whichever ran in the slow stretch."""
    name = " ".join(requirements)
    row = {"set": name}
    slug = name.replace(" ", "+")
    pip_cold, pip_warm = [], []
    cold, warm, rebuild, rss = [], [], [], []
    pip_size = size = None
    wheels = []
    for i in range(max(args.runs, args.pip_runs if python else 0)):
        if python and i < args.pip_runs:
            cache = fresh(work / f"pip-cache-{slug}")
            seconds, _, pip_size = pip_build(python, mirror, requirements, cache, work)
            pip_cold.append(seconds)
            seconds, _, pip_size = pip_build(python, mirror, requirements, cache, work)
            pip_warm.append(seconds)
        if i < args.runs:
            cache = fresh(work / f"pylayer-cache-{slug}")
            seconds, peak, size = pylayer_build(launcher, mirror, requirements, cache, work)
            cold.append(seconds)
            rss.append(peak)
            wheels = cached_wheels(cache)
            seconds, peak, size = pylayer_build(launcher, mirror, requirements, cache, work)
            warm.append(seconds)
            rss.append(peak)
            seconds, peak, size = pylayer_build(launcher, mirror, requirements, cache, work, "--rebuild")
            rebuild.append(seconds)
            rss.append(peak)
    if python:
        row.update(pip_cold=STAT(pip_cold), pip_warm=STAT(pip_warm), pip_size=pip_size)
    row.update(cold=STAT(cold), warm=STAT(warm), rebuild=STAT(rebuild), rss=max(rss), size=size,
               packages=len(wheels))
    row["floor"], row["io_floor"] = floors(work, wheels, args.runs, floor_class_dir)
    return row


def fmt_table(rows, delay_ms, with_pip):
    head = ["set", "pkgs"]
    if with_pip:
        head += ["pip+zip cold", "pip+zip warm"]
    head += ["pylayer cold", "pylayer warm", "warm --rebuild"]
    if with_pip:
        head += ["cold ×", "warm ×", "--rebuild ×"]
    head += ["layer MB", "floor", "warm/floor", "io floor", "peak RSS MB"]
    lines = [f"index latency {delay_ms} ms per request", "",
             "| " + " | ".join(head) + " |", "|" + "|".join("---" for _ in head) + "|"]
    total = {k: sum(r[k] for r in rows) for k in rows[0] if isinstance(rows[0][k], (int, float))}
    total["set"] = "**total**"
    for r in rows + [total]:
        cells = [r["set"], str(r["packages"])]
        if with_pip:
            cells += [f"{r['pip_cold']:.2f}", f"{r['pip_warm']:.2f}"]
        cells += [f"{r['cold']:.2f}", f"{r['warm']:.2f}", f"{r['rebuild']:.2f}"]
        if with_pip:
            cells += [f"{r['pip_cold'] / r['cold']:.1f}", f"{r['pip_warm'] / r['warm']:.1f}",
                      f"{r['pip_warm'] / r['rebuild']:.1f}"]
        rss = f"{r['rss']:.0f}" if r is not total else f"max {max(x['rss'] for x in rows):.0f}"
        cells += [f"{r['size'] / 1e6:.1f}", f"{r['floor']:.2f}", f"{r['warm'] / r['floor']:.1f}",
                  f"{r['io_floor']:.2f}", rss]
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sets", default=",".join(SETS), help="comma-separated; spaces separate requirements")
    parser.add_argument("--delays", default="0,50", help="index latencies in ms, comma-separated")
    parser.add_argument("--runs", type=int, default=5, help="pylayer runs per set")
    parser.add_argument("--pip-runs", type=int, default=1, help="pip runs per set")
    parser.add_argument("--stat", choices=["min", "median"], default="median", help="how runs are summarised")
    parser.add_argument("--no-pip", action="store_true", help="only pylayer and the floor")
    parser.add_argument("--work", default=str(REPO / "bench" / "out"))
    parser.add_argument("--mirror", default=None, help="pypi-mirror.py (default: ../shared/pypi-mirror.py)")
    parser.add_argument("--launcher", default=str(REPO / "pylayer"))
    parser.add_argument("--results", default=None, help="also write the tables to this Markdown file")
    args = parser.parse_args()
    global STAT
    STAT = min if args.stat == "min" else statistics.median

    work = Path(args.work).resolve()
    work.mkdir(parents=True, exist_ok=True)
    mirror_script = find_mirror(args.mirror)
    launcher = Path(args.launcher).resolve()
    # The launcher builds the jar when stale (and may prepare its class-data archive): not part of any build's time.
    subprocess.run([str(launcher), "--version"], check=True, env=clean_env(), stdout=subprocess.DEVNULL)
    floor_class_dir = work / "floor-classes"
    subprocess.run(["javac", "-d", str(floor_class_dir), str(REPO / "bench" / "Floor.java")], check=True)

    sets = [s.split() for s in args.sets.split(",") if s.strip()]
    tables = []
    python = pip_version = None
    warmed = False
    for delay in [int(d) for d in args.delays.split(",")]:
        mirror = Mirror(mirror_script, delay)
        try:
            if not args.no_pip and python is None:
                python, pip_version = make_pip_venv(work, mirror)
            if not warmed:
                # The launcher records the classes a build loads on its first build after the jar changed (CDS):
                # part of installing, like building the jar, so done once here and not timed.
                pylayer_build(launcher, mirror, sets[0], fresh(work / "pylayer-cache-warmup"), work)
                warmed = True
            rows = []
            for requirements in sets:
                row = run_set(args, launcher, None if args.no_pip else python, mirror, requirements, work,
                              floor_class_dir)
                rows.append(row)
                print(json.dumps(row), file=sys.stderr, flush=True)
            table = fmt_table(rows, delay, not args.no_pip)
            print(table + "\n", flush=True)
            tables.append(table)
        finally:
            mirror.stop()

    java = subprocess.run(["java", "-version"], capture_output=True, text=True).stderr.splitlines()[0]
    machine = (f"{platform.system()} {platform.machine()}, {os.cpu_count()} cores, load average "
               f"{os.getloadavg()[0]:.1f} at the end; {java}; pip {pip_version or '-'}; "
               f"{args.stat} of {args.runs} pylayer runs and {args.pip_runs} pip runs per cell")
    print(machine)
    if args.results:
        text = ("# Benchmark results\n\nWritten by `bench/bench.py` (see its header for what is measured). "
                "Seconds, wall clock.\n\n" + machine + "\n\n" + "\n\n".join(tables) + "\n")
        Path(args.results).write_text(text)


if __name__ == "__main__":
    main()

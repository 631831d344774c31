#!/usr/bin/env python3
"""Differential test of pylayer's resolver against pip 26 on random requirement sets of real wheels.

Draws random requirement sets (1–5 projects of the local index, some with specifiers, extras from METADATA,
environment markers, odd spellings of names and extras, direct wheel URLs, sometimes a constraints file) and
random Lambda targets (python3.9–3.14 × x86_64/arm64), then resolves each set with

  * pip 26 (a venv made from the pip wheel in the local index):
      pip --isolated install --dry-run --report R.json --ignore-installed --only-binary=:all:
          --index-url …/simple --python-version 3.Y --implementation cp --abi cp3Y
          --platform manylinux_2_{G..5}_<arch> (+ manylinux2014/2010/1 on x86_64, manylinux2014 on aarch64)
          --target T SET
    pip does not expand PEP 600 platforms, so every glibc up to the runtime's is named. pip evaluates
    environment markers against the interpreter running it (3.11 on this machine's architecture) whatever
    --python-version and --platform say, so the oracle runs pip with packaging's default_environment()
    replaced by the target's marker environment (the one pylayer's LambdaTarget uses: python_full_version
    X.Y.0, empty platform_release/platform_version). That makes pip answer "what would pip pick when run on
    the target", the question pylayer answers;
  * pylayer (the jar the launcher builds, copied so that a rebuild midway cannot break a run), against the PyPI
    JSON API (…/pypi) and again against the simple index (…/simple): both must pick the same wheels. A layer
    over Lambda's size quota (pip has none) is built again without code and shared libraries, so that the
    picks are still compared.

and compares the chosen (name, version, wheel filename) sets. When one tool fails and the other does not, or
pylayer's failure message says nothing useful (no backticked value, no hint) or blames another project than
pip, the case is flagged; known deliberate differences (nothing to install, over the size quota, a mis-tagged
wheel) get verdicts of their own. A summary table follows; every case has its own seed (derived from --seed and
its number), so `--case N` re-runs one with the same version of this script. Findings: bench/DIFFTEST.md.

pylayer itself never needs Python: this script is tooling only.

Usage: bench/difftest.py [--cases 200] [--seed 1] [--case N] [--hard] [--index http://127.0.0.1:8791]
                         [--work /tmp/difftest] [--jobs 1] [--show-same]
       bench/difftest.py --set REQ... [--constraints C...] [--target python3.Y/ARCH]...
Needs the local index already served (python3 ../shared/pypi-mirror.py --port 8791).
"""
import argparse
import concurrent.futures
import hashlib
import json
import os
import random
import re
import shutil
import subprocess
import sys
import urllib.request
from pathlib import Path

from packaging.requirements import Requirement
from packaging.tags import compatible_tags, cpython_tags
from packaging.utils import canonicalize_name, parse_wheel_filename
from packaging.version import InvalidVersion, Version

REPO = Path(__file__).resolve().parent.parent
RUNTIMES = [(3, minor) for minor in range(9, 15)]
ARCHES = {"x86_64": "x86_64", "arm64": "aarch64"}

# pip's main with packaging's default environment replaced by the target's (see the module docstring).
PIP_ON_TARGET = """\
import json, sys
environment = json.loads(sys.argv[1])
from pip._vendor.packaging import markers
markers.default_environment = lambda: dict(environment)
from pip._internal.cli.main import main
sys.exit(main(sys.argv[2:]))
"""


def glibc(minor):
    return 26 if minor <= 11 else 34


def marker_environment(minor, arch):
    full = f"3.{minor}.0"
    return {"implementation_name": "cpython", "implementation_version": full, "os_name": "posix",
            "platform_machine": ARCHES[arch], "platform_python_implementation": "CPython",
            "platform_release": "", "platform_system": "Linux", "platform_version": "",
            "python_full_version": full, "python_version": f"3.{minor}", "sys_platform": "linux"}


def pip_platforms(minor, arch):
    machine = ARCHES[arch]
    platforms = [f"manylinux_2_{n}_{machine}" for n in range(glibc(minor), 4, -1)]
    if machine == "x86_64":
        platforms += ["manylinux2014_x86_64", "manylinux2010_x86_64", "manylinux1_x86_64"]
    else:
        platforms += ["manylinux2014_aarch64"]
    args = []
    for p in platforms:
        args += ["--platform", p]
    return args


def clean_env():
    keep = ("PATH", "HOME", "LANG", "LC_ALL", "TMPDIR", "JAVA_HOME", "USER")
    env = {k: v for k, v in os.environ.items() if k in keep}
    env.update({"PIP_CONFIG_FILE": "/dev/null", "PIP_DISABLE_PIP_VERSION_CHECK": "1",
                "PYTHONDONTWRITEBYTECODE": "1", "PIP_NO_INPUT": "1"})
    return env


class Index:
    """The local index's projects, versions and extras, read from its JSON API once per project."""

    def __init__(self, base):
        self.base = base
        with urllib.request.urlopen(urllib.request.Request(
                f"{base}/simple/", headers={"Accept": "application/vnd.pypi.simple.v1+json"})) as r:
            self.names = sorted(p["name"] for p in json.load(r)["projects"])
        self._projects = {}
        self._requires = {}
        self._choice = {}
        self._files = {}
        self._closed = None

    def with_choices(self):
        """Projects with more than one release, more than one wheel in a release, or pre-release or local
        versions: where the tools must choose, and backtracking can happen."""
        self.closed()
        return [n for n in self.names if self._choice[n]]

    def closed(self):
        """Projects whose newest release's dependencies (python3.11/x86_64, extras aside) are all in the index,
        recursively: drawing these more often gives sets that resolve, where the two tools can differ most."""
        if self._closed is None:
            known = {canonicalize_name(n): n for n in self.names}
            env = marker_environment(11, "x86_64")
            deps = {}
            platforms = [f"manylinux_2_{n}_x86_64" for n in range(26, 4, -1)] + [
                "manylinux2014_x86_64", "manylinux2010_x86_64", "manylinux1_x86_64"]
            supported = set(cpython_tags((3, 11), ["cp311"], platforms)) | set(
                compatible_tags((3, 11), "cp311", platforms))
            for name in self.names:
                self.project(name)
                if not any(supported & parse_wheel_filename(f)[3] for f in self._files[name]):
                    continue
                wanted = set()
                for line in self._requires[name]:
                    try:
                        req = Requirement(line)
                        if req.marker is None or req.marker.evaluate(dict(env, extra="")):
                            wanted.add(canonicalize_name(req.name))
                    except Exception:
                        pass
                deps[canonicalize_name(name)] = wanted
            closed = {}

            def visit(key, path):
                if key in closed:
                    return closed[key]
                if key not in deps:
                    return False
                if key in path:
                    return True
                closed[key] = all(visit(d, path | {key}) for d in deps[key])
                return closed[key]

            self._closed = [known[k] for k in sorted(known) if visit(k, frozenset())]
        return self._closed

    def installable_extras(self, name):
        """The extras of a project whose own dependencies are all drawn from installable projects."""
        closed = {canonicalize_name(n) for n in self.closed()}
        env = marker_environment(11, "x86_64")
        good = []
        for extra in self.project(name)[1]:
            names = set()
            for line in self._requires[name]:
                try:
                    req = Requirement(line)
                except Exception:
                    continue
                if req.marker is not None and req.marker.evaluate(dict(env, extra=extra)) \
                        and not req.marker.evaluate(dict(env, extra="")):
                    names.add(canonicalize_name(req.name))
            if names <= closed:
                good.append(extra)
        return good

    def files(self, name):
        self.project(name)
        return self._files[name]

    def project(self, name):
        if name not in self._projects:
            with urllib.request.urlopen(f"{self.base}/pypi/{canonicalize_name(name)}/json") as r:
                doc = json.load(r)
            versions = []
            for v in doc["releases"]:
                try:
                    versions.append(Version(v))
                except InvalidVersion:
                    pass
            extras = set()
            for line in doc["info"].get("requires_dist") or []:
                extras.update(re.findall(r"""extra\s*==\s*['"]([^'"]+)['"]""", line))
            self._projects[name] = (sorted(versions), sorted(extras))
            self._requires[name] = doc["info"].get("requires_dist") or []
            self._files[name] = [f["filename"] for files in doc["releases"].values() for f in files]
            self._choice[name] = (len(versions) > 1 or any(len(files) > 1 for files in doc["releases"].values())
                                  or any(v.is_prerelease or v.local for v in versions))
        return self._projects[name]


def spelled(name, rng):
    """The name as a user might type it: PEP 503 says case and runs of -_. do not matter."""
    roll = rng.random()
    if roll < 0.1:
        return name.upper()
    if roll < 0.2:
        return re.sub(r"[-_.]", rng.choice(["_", ".", "-"]), name)
    return name


def specifier(versions, rng):
    if not versions or rng.random() < (0.65 if len(versions) == 1 else 0.3):
        return ""
    v = rng.choice(versions)
    base = v.base_version
    release = v.release
    # Mostly specifiers some release satisfies; a few that none does, to compare failures.
    kinds = ["<=", ">=", "==", "==*", "~=", "~=3", "range", "!=*", "<", ">", "!=", "none", "===", "pre", "public"]
    kind = rng.choices(kinds, weights=[4, 4, 3, 3, 3, 2, 3, 1, 2, 1, 1, 1, 1, 1, 1])[0]
    if kind == "pre":
        # A specifier naming a pre-release lets pre-releases in (PEP 440, "Handling of pre-releases").
        return rng.choice([f">={base}rc1", f">={base}.dev0", f"<{base}a1", f"=={base}b2"])
    if kind == "public":
        # A specifier without a local label matches local versions of that release (PEP 440).
        return rng.choice([f"=={v.public}", f"<={v.public}", f"!={v.public}", f">={v.public}"])
    if kind == "==*":
        return f"=={release[0]}.*" if len(release) < 2 or rng.random() < 0.5 else f"=={release[0]}.{release[1]}.*"
    if kind == "!=*":
        return f"!={release[0]}.{release[1] if len(release) > 1 else 0}.*"
    if kind == "~=":
        return f"~={release[0]}.{release[1] if len(release) > 1 else 0}"
    if kind == "~=3":
        return f"~={base}" if len(release) >= 3 else f"~={release[0]}.0.0"
    if kind == "range":
        w = rng.choice(versions)
        lo, hi = sorted([v, w])
        return f">={lo},<{hi}" if lo != hi else f">={lo},<={hi}"
    if kind == "none":
        return f">{versions[-1].major + 50}"
    if kind == "===":
        return f"==={v}"
    return f"{kind}{v}"


MARKERS = [
    'python_version >= "3.12"', 'python_version < "3.11"', "python_version == '3.11'",
    'platform_machine == "aarch64"', 'platform_machine == "x86_64"', 'sys_platform == "win32"',
    'sys_platform == "linux" and python_version > "3.9"', 'python_full_version >= "3.11.1"',
    'implementation_name == "cpython"', 'os_name == "nt" or platform_machine != "x86_64"',
]


def draw_case(index, seed, hard=False):
    rng = random.Random(seed)
    minor = rng.choice([11, 11, 11, 11, 9, 10, 12, 13, 14])
    arch = "x86_64" if rng.random() < 0.75 else "arm64"
    if hard:
        # Several projects with more than one release on the one target where most wheels load: the sets
        # that make the resolvers choose and backtrack.
        minor, arch = 11, "x86_64"
    requirements = []
    names = []
    for _ in range(rng.choice([1, 1, 2, 2, 3, 3, 4, 5])):
        roll = rng.random()
        if hard:
            pool = [n for n in index.with_choices() if n in index.closed()]
        else:
            pool = index.with_choices() if roll < 0.45 else index.closed() if roll < 0.85 else index.names
        name = rng.choice(pool)
        if name not in names:
            names.append(name)
    for name in names:
        versions, extras = index.project(name)
        if rng.random() < 0.06:
            # A direct reference to one wheel (PEP 440 "name @ URL"): it must load on the target, no index choice.
            requirements.append(f"{spelled(name, rng)} @ {index.base}/files/{rng.choice(index.files(name))}")
            continue
        text = spelled(name, rng)
        if rng.random() < 0.7:
            extras = index.installable_extras(name)
        if extras and rng.random() < 0.35:
            chosen = rng.sample(extras, rng.randint(1, min(2, len(extras))))
            if rng.random() < 0.2:
                # PEP 685: extras compare normalized, as names do.
                chosen = [re.sub(r"[-_.]", rng.choice(["_", "."]), e).upper() for e in chosen]
            text += "[" + ",".join(chosen) + "]"
        elif rng.random() < 0.04:
            text += "[no-such-extra]"
        text += specifier(versions, rng)
        if rng.random() < 0.12:
            text += "; " + rng.choice(MARKERS)
        requirements.append(text)
    if rng.random() < 0.08 and requirements:
        # The same project twice: specifiers intersect.
        name = re.match(r"[A-Za-z0-9._-]+", requirements[0]).group(0)
        versions, _ = index.project(next(n for n in index.names if canonicalize_name(n) == canonicalize_name(name)))
        extra = specifier(versions, rng) or f"<={versions[-1]}"
        requirements.append(name + extra)
    constraints = []
    if rng.random() < 0.15:
        # A constraints file (-c): limits versions of whatever gets installed, never adds a project. Drawn from
        # projects with several releases (numpy, scipy, …), the usual dependencies, so that some bite.
        for name in rng.sample(index.with_choices(), rng.randint(1, 2)):
            versions, _ = index.project(name)
            constraints.append(spelled(name, rng) + (specifier(versions, rng) or f"<{versions[-1]}"))
    return {"seed": seed, "minor": minor, "arch": arch, "requirements": requirements, "constraints": constraints}


class Outcome:
    def __init__(self, ok, chosen=None, message=""):
        self.ok = ok
        self.chosen = chosen or set()
        self.message = message

    def summary(self):
        if self.ok:
            return ", ".join(f"{n}=={v}" for n, v, _ in sorted(self.chosen)) or "(nothing)"
        return "FAIL: " + short(self.message)


def short(message, limit=400):
    lines = [line for line in message.strip().splitlines() if line.strip()]
    text = " | ".join(lines)
    return text if len(text) <= limit else text[:limit] + "…"


def constraint_options(case, workdir):
    if not case.get("constraints"):
        return []
    path = workdir / "constraints.txt"
    path.write_text("".join(c + "\n" for c in case["constraints"]))
    return ["-c", str(path)]


def run_pip(args, case, workdir):
    report = workdir / "pip.json"
    command = [str(args.python), str(args.work / "pip_on_target.py"),
               json.dumps(marker_environment(case["minor"], case["arch"])),
               "--isolated", "install", "--dry-run", "--report", str(report), "--ignore-installed", "-q",
               "--cache-dir", str(args.work / "pip-cache"), "--index-url", f"{args.index}/simple",
               "--only-binary=:all:", "--python-version", f"3.{case['minor']}", "--implementation", "cp",
               "--abi", f"cp3{case['minor']}", *pip_platforms(case["minor"], case["arch"]),
               "--target", str(workdir / "pip-target"), *constraint_options(case, workdir), *case["requirements"]]
    process = subprocess.run(command, capture_output=True, text=True, env=clean_env(), timeout=600)
    if process.returncode != 0:
        return Outcome(False, message=process.stderr or process.stdout)
    chosen = set()
    for item in json.loads(report.read_text())["install"]:
        url = item["download_info"]["url"]
        chosen.add((canonicalize_name(item["metadata"]["name"]), str(Version(item["metadata"]["version"])),
                    url.rsplit("/", 1)[-1]))
    return Outcome(True, chosen, process.stderr)


SLIMMING = ["--exclude", "**/*.so", "--exclude", "**/*.so.*", "--exclude", "**/*.py", "--exclude", "**/*.pyi"]


def run_pylayer(args, case, workdir, kind):
    report = workdir / f"pylayer-{kind}.json"
    runtime = f"python3.{case['minor']}"
    command = ["java", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-jar", str(args.jar), "build", *case["requirements"], "--runtime", runtime, "--arch", case["arch"],
               "--index-url", f"{args.index}/{kind}", "--cache-dir", str(args.work / "pylayer-cache"),
               "-o", str(workdir / f"{kind}.zip"), "--report", str(report), "-q", *constraint_options(case, workdir)]
    process = subprocess.run(command, capture_output=True, text=True, env=clean_env(), timeout=600)
    if process.returncode != 0 and "over Lambda's limit" in process.stderr:
        # Over Lambda's size quota (pip has none): the picks are compared all the same, from a layer without
        # the code and shared libraries, whose report still names every wheel.
        process = subprocess.run(command + SLIMMING, capture_output=True, text=True, env=clean_env(), timeout=600)
    if process.returncode != 0:
        return Outcome(False, message=process.stderr or process.stdout or f"exit {process.returncode}")
    chosen = set()
    for p in json.loads(report.read_text())["packages"]:
        chosen.add((canonicalize_name(p["name"]), str(Version(p["version"])), p["filename"]))
    return Outcome(True, chosen, process.stderr)


def useful_failure(message):
    """A failure a user can act on: it names the value (backticks) and, as pylayer's errors do, a hint."""
    return "`" in message and "hint:" in message and "Exception" not in message.split("hint:")[0][-200:]


def classify(pip, json_api, simple):
    if json_api.ok != simple.ok or (json_api.ok and json_api.chosen != simple.chosen):
        return "INDEX-DIFF"
    if pip.ok and json_api.ok:
        return "same" if pip.chosen == json_api.chosen else "DIFF"
    if pip.ok and not pip.chosen and not json_api.ok and "nothing to build" in json_api.message:
        # pip installs nothing when every marker excludes the target; pylayer will not write an empty layer.
        return "nothing"
    if pip.ok and not json_api.ok and ("over Lambda's limit" in json_api.message
                                       or "uncompressed bytes than the budget" in json_api.message):
        # Resolved, then refused by Lambda's size quota: the picks cannot be compared, nor need they differ.
        return "too-large"
    if pip.ok and not json_api.ok and "will not load" in json_api.message and "needs GLIBC_" in json_api.message:
        # A wheel whose tag promises an older glibc than its shared libraries need (wasmtime 49's manylinux1
        # wheel needs GLIBC_2.28): pip installs it, pylayer's ELF check refuses the layer.
        return "mis-tagged"
    if not pip.ok and not json_api.ok:
        blamed = re.search(r"No matching distribution found for ([A-Za-z0-9._-]+)", pip.message)
        if blamed and canonicalize_name(blamed.group(1)) not in json_api.message.lower():
            return "OTHER-CAUSE"
        return "both-fail" if useful_failure(json_api.message) else "UNCLEAR-FAIL"
    return "PYLAYER-FAIL" if pip.ok else "PIP-FAIL"


def run_case(args, index, number):
    seed = int(hashlib.sha256(f"{args.seed}:{number}{':hard' if args.hard else ''}".encode()).hexdigest()[:12], 16)
    if args.set:
        runtime, arch = args.targets[number].split("/")
        case = {"seed": None, "minor": int(runtime.split(".")[1]), "arch": arch, "requirements": args.set,
                "constraints": args.constraints or []}
    else:
        case = draw_case(index, seed, args.hard)
    workdir = args.work / ("sets" if args.set else f"cases-{args.seed}{'-hard' if args.hard else ''}") / str(number)
    shutil.rmtree(workdir, ignore_errors=True)
    workdir.mkdir(parents=True)
    pip = run_pip(args, case, workdir)
    json_api = run_pylayer(args, case, workdir, "pypi")
    simple = run_pylayer(args, case, workdir, "simple")
    verdict = classify(pip, json_api, simple)
    record = {"case": number, "verdict": verdict, "target": f"python3.{case['minor']}/{case['arch']}",
              "requirements": case["requirements"], "constraints": case.get("constraints") or [],
              "pip": pip.summary(), "pylayer": json_api.summary(),
              "pylayer_simple": simple.summary() if verdict == "INDEX-DIFF" else None}
    if verdict == "DIFF":
        record["only_pip"] = sorted(map(list, pip.chosen - json_api.chosen))
        record["only_pylayer"] = sorted(map(list, json_api.chosen - pip.chosen))
    (workdir / "case.json").write_text(json.dumps(record, indent=2))
    if verdict == "same":
        shutil.rmtree(workdir, ignore_errors=True)
    return record


def print_record(record):
    constraints = f" -c [{', '.join(record['constraints'])}]" if record.get("constraints") else ""
    print(f"\n#{record['case']} {record['verdict']} {record['target']}: {' '.join(record['requirements'])}{constraints}")
    print(f"   pip:     {record['pip']}")
    print(f"   pylayer: {record['pylayer']}")
    if record.get("pylayer_simple"):
        print(f"   simple:  {record['pylayer_simple']}")
    for key in ("only_pip", "only_pylayer"):
        if record.get(key):
            print(f"   {key}: {record[key]}")
    sys.stdout.flush()


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--cases", type=int, default=200)
    parser.add_argument("--seed", default="1")
    parser.add_argument("--case", type=int, action="append", help="run only these case numbers")
    parser.add_argument("--first", type=int, default=0, help="number of the first case")
    parser.add_argument("--index", default="http://127.0.0.1:8791")
    parser.add_argument("--work", type=Path, default=Path("/tmp/difftest"))
    parser.add_argument("--jobs", type=int, default=1)
    parser.add_argument("--show-same", action="store_true")
    parser.add_argument("--hard", action="store_true",
                        help="only projects with several releases or wheels, on python3.11/x86_64")
    parser.add_argument("--set", nargs="+", help="compare this requirement set instead of random ones")
    parser.add_argument("--constraints", nargs="+", help="with --set: lines of a constraints file (-c)")
    parser.add_argument("--target", action="append", help="with --set: pythonX.Y/arch (repeatable; default all)")
    parser.add_argument("--pip-wheel", default="/opt/pypi/files/pip-26.2.1-py3-none-any.whl")
    args = parser.parse_args()

    args.work.mkdir(parents=True, exist_ok=True)
    venv = args.work / "pip-venv"
    args.python = venv / "bin" / "python"
    if not args.python.exists():
        subprocess.run(["python3.11", "-m", "venv", "--without-pip", str(venv)], check=True)
        subprocess.run(["python3.11", "-m", "pip", "--isolated", "--python", str(args.python), "install", "-q",
                        args.pip_wheel], check=True, env=clean_env())
    (args.work / "pip_on_target.py").write_text(PIP_ON_TARGET)
    # The launcher builds the jar when the sources changed; a copy keeps a run on one build even when the
    # sources change under it (a rebuild midway made classes vanish under running JVMs).
    subprocess.run([str(REPO / "pylayer"), "--version"], check=True, capture_output=True)
    # Named by content and copied with its time: pylayer keys what it keeps in the cache (stored resolutions,
    # layers) by its jar's path, size and time, so a second run of a seed meets the first run's entries.
    built = REPO / "cli" / "target" / "pylayer.jar"
    args.jar = args.work / f"pylayer-{hashlib.sha256(built.read_bytes()).hexdigest()[:16]}.jar"
    if not args.jar.exists():
        shutil.copy2(built, args.jar)

    index = Index(args.index)
    if args.set:
        args.targets = args.target or [f"python3.{m}/{a}" for m in range(9, 15) for a in ARCHES]
        numbers = list(range(len(args.targets)))
    else:
        numbers = args.case or list(range(args.first, args.first + args.cases))
    records = []
    with concurrent.futures.ThreadPoolExecutor(args.jobs) as pool:
        for record in pool.map(lambda n: run_case(args, index, n), numbers):
            records.append(record)
            if record["verdict"] != "same" or args.show_same:
                print_record(record)
            else:
                print(".", end="", flush=True)

    counts = {}
    for r in records:
        counts[r["verdict"]] = counts.get(r["verdict"], 0) + 1
    targets = {}
    for r in records:
        row = targets.setdefault(r["target"], {})
        row[r["verdict"]] = row.get(r["verdict"], 0) + 1
    verdicts = ["same", "both-fail", "nothing", "too-large", "mis-tagged", "DIFF", "PYLAYER-FAIL", "PIP-FAIL", "UNCLEAR-FAIL", "OTHER-CAUSE",
                "INDEX-DIFF"]
    print(f"\n\nseed {args.seed}, {len(records)} cases")
    print("| target | " + " | ".join(verdicts) + " |")
    print("|---" * (len(verdicts) + 1) + "|")
    for target in sorted(targets, key=lambda t: (int(t.split("/")[0][8:]), t)):
        print(f"| {target} | " + " | ".join(str(targets[target].get(v, 0)) for v in verdicts) + " |")
    print("| **all** | " + " | ".join(str(counts.get(v, 0)) for v in verdicts) + " |")
    (args.work / ("results-set.json" if args.set else f"results-{args.seed}{'-hard' if args.hard else ''}.json")).write_text(json.dumps(records, indent=2))
    bad = sum(counts.get(v, 0) for v in verdicts[5:])
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()

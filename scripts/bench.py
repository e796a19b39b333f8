"""Benchmarks on synthetic plans: `python scripts/bench.py [--sizes 100,1000,5000] [--out docs/benchmarks.md]`.

With --out the table replaces the part of that file between the bench markers; the rest (what the
profiles showed) is kept.

For each size N (N measures, N/4 recommendations) it times, in fresh processes:
  parse+schema  the bound: read every file with the fastest YAML loader (libyaml) and validate it
                with a compiled schema validator, nothing else
  check         `nap check` (load, validate, model, rules, coverage)
  site          `nap build site` (full), and again after editing one measure (incremental)
  docs          `nap build docs` (DOCX + PDF, all languages)
and writes a Markdown table with the machine described. Builds are skipped with --no-build.

Against peers (a second table): on the same synthetic items, napkit and Sphinx + sphinx-needs,
StrictDoc and Doorstop (each where it imports from the --peers Python, default /tmp/peers, a
separate virtual environment: they are never napkit's dependencies) build the full site, rebuild
after one measure's status changed, and for napkit the `nap serve` rebuild of that edit; plus the
documents' peak memory. Every figure is given as CPU time of the process tree (user + sys of all
children, which a busy machine barely changes) and wall-clock time (which it does: re-run on a
quiet machine). --budget SECONDS stops starting new measurements once that much time has passed,
so the whole table can be re-run in one command within a time box:

    python scripts/bench.py --sizes 100,1000 --budget 1800 --out docs/benchmarks.md
"""

from __future__ import annotations

import argparse
import os
import platform
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from bench_peers import PEERS  # noqa: E402
from synthetic_plan import generate  # noqa: E402

BOUND = r"""
import sys, json, pathlib, yaml, fastjsonschema
from importlib import resources
root = pathlib.Path(sys.argv[1])
schemas = {k: fastjsonschema.compile(json.loads(resources.files("napkit.data").joinpath("schemas", f).read_text()))
           for k, f in [("measure", "measure.schema.json"), ("recommendations", "recommendations.schema.json")]}
for p in sorted((root / "measures").glob("*.yaml")):
    schemas["measure"](json.loads(json.dumps(yaml.load(p.read_text(), Loader=yaml.CSafeLoader), default=str)))
for p in sorted((root / "plan" / "recommendations").glob("*.yaml")):
    schemas["recommendations"](json.loads(json.dumps(yaml.load(p.read_text(), Loader=yaml.CSafeLoader), default=str)))
"""


def timed(cmd: list[str], env: dict | None = None, repeat: int = 3) -> float:
    best = float("inf")
    for _ in range(repeat):
        t0 = time.perf_counter()
        proc = subprocess.run(cmd, capture_output=True, text=True, env=env)
        elapsed = time.perf_counter() - t0
        if proc.returncode not in (0, 1):
            raise SystemExit(f"{' '.join(cmd)} failed:\n{proc.stderr[-2000:]}")
        best = min(best, elapsed)
    return best


PEAK = r"""
import resource, subprocess, sys, time
t0 = time.perf_counter()
rc = subprocess.run(sys.argv[1:], capture_output=True).returncode
print(time.perf_counter() - t0, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, rc)
"""


def timed_peak(cmd: list[str], env: dict) -> tuple[float, float]:
    """Seconds and peak resident memory (MiB) of one run of `cmd`, measured from a fresh parent
    so that no other child's peak counts."""
    out = subprocess.run([sys.executable, "-c", PEAK, *cmd], capture_output=True, text=True, env=env).stdout.split()
    if len(out) != 3 or out[2] not in ("0", "1"):
        raise SystemExit(f"{' '.join(cmd)} failed")
    return float(out[0]), int(out[1]) / 1024


MEASURED = r"""
import json, resource, subprocess, sys, tempfile, time
cwd = sys.argv[1] or None
log = tempfile.TemporaryFile()  # not a pipe: a command that writes much would block on it while we sample
t0 = time.perf_counter()
proc = subprocess.Popen(sys.argv[2:], cwd=cwd, stdout=subprocess.DEVNULL, stderr=log)
peak_tree = 0
try:
    import psutil
    me = psutil.Process(proc.pid)
    while proc.poll() is None:
        total = 0
        try:
            for q in [me, *me.children(recursive=True)]:
                try:
                    total += q.memory_info().rss
                except psutil.Error:
                    pass
        except psutil.Error:
            pass
        peak_tree = max(peak_tree, total)
        time.sleep(0.05)
except ImportError:
    pass
proc.wait()
log.seek(0)
err = log.read()
wall = time.perf_counter() - t0
ru = resource.getrusage(resource.RUSAGE_CHILDREN)
print(json.dumps({"wall": wall, "cpu": ru.ru_utime + ru.ru_stime, "peak": ru.ru_maxrss / 1024,
                  "peak_tree": peak_tree / 2 ** 20, "rc": proc.returncode, "err": err.decode("utf-8", "replace")[-1500:]}))
"""


def measured(cmd: list[str], env: dict | None = None, cwd: Path | None = None) -> dict:
    """One run of `cmd` from a fresh parent: wall seconds, CPU seconds (user + sys of the whole
    process tree), the largest single process's peak resident memory (MiB) and, with psutil, the
    sampled peak of the tree's sum. Raises RuntimeError with the command's last output on failure."""
    import json

    proc = subprocess.run([sys.executable, "-c", MEASURED, str(cwd or ""), *cmd], capture_output=True, text=True, env=env)
    try:
        out = json.loads(proc.stdout.strip().splitlines()[-1])
    except (IndexError, ValueError):
        raise RuntimeError(proc.stderr[-1500:]) from None
    if out["rc"] not in (0, 1):
        raise RuntimeError(f"exit code {out['rc']}: {out['err']}")
    return out


SERVE = r"""
import json, resource, sys, time
from pathlib import Path
from napkit.preview import PreviewSession
root, out = Path(sys.argv[1]), Path(sys.argv[2])
session = PreviewSession(root, out, say=lambda line: None)
first = session.rebuild(set())
measure = root / "measures" / "M-00000.yaml"
measure.write_text(measure.read_text().replace("status: ongoing", "status: completed"))
def cpu():
    # this process, its ended children, and the engine workers, which stay up between rebuilds
    import psutil
    me = psutil.Process()
    total = sum(me.cpu_times()[:4])
    for child in me.children(recursive=True):
        try:
            t = child.cpu_times()
            total += t.user + t.system
        except psutil.Error:
            pass
    return total
c0, t0 = cpu(), time.perf_counter()
outcome = session.rebuild({"measures/M-00000.yaml"})
print(json.dumps({"wall": time.perf_counter() - t0, "cpu": cpu() - c0, "ok": first.ok and outcome.ok,
                  "message": outcome.message}))
session.stop()
"""


def serve_edit(root: Path, env: dict) -> dict:
    """`nap serve`'s rebuild after one edit, in a session that has built once (the file watcher's
    own delay not counted): wall and CPU seconds of the rebuild alone."""
    import json

    with tempfile.TemporaryDirectory() as out:
        proc = subprocess.run([sys.executable, "-c", SERVE, str(root), out], capture_output=True, text=True, env=env)
    try:
        result = json.loads(proc.stdout.strip().splitlines()[-1])
    except (IndexError, ValueError):
        raise RuntimeError(proc.stderr[-1500:]) from None
    if not result["ok"]:
        raise RuntimeError(result["message"])
    return result


def machine() -> str:
    cpu = "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    mem = ""
    try:
        kb = int(next(l for l in Path("/proc/meminfo").read_text().splitlines() if l.startswith("MemTotal")).split()[1])
        mem = f", {kb / 1024 / 1024:.0f} GiB RAM"
    except (OSError, StopIteration, ValueError):
        pass
    return f"{os.cpu_count()} cores ({cpu}){mem}, Python {platform.python_version()}, {platform.system()}"


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--sizes", default="100,1000,5000")
    ap.add_argument("--out", type=Path)
    ap.add_argument("--no-build", action="store_true")
    ap.add_argument("--catalog", type=int, default=100_000,
                    help="also check a plan whose catalog has this many recommendations (0: skip)")
    ap.add_argument("--peers", default="/tmp/peers/bin/python",
                    help="the Python of the peers' virtual environment ('none': napkit alone)")
    ap.add_argument("--budget", type=float, default=0,
                    help="seconds: start no new measurement after this much time (0: no limit)")
    args = ap.parse_args()
    started = time.perf_counter()

    def in_budget() -> bool:
        return not args.budget or time.perf_counter() - started < args.budget

    nap = [sys.executable, "-m", "napkit", "--quiet"]
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", SOURCE_DATE_EPOCH="1798675200")
    peers = available_peers(Path(args.peers)) if not args.no_build and args.peers != "none" else {}
    rows, against = [], []
    for n in [int(x) for x in args.sizes.split(",")]:
        if not in_budget():
            print(f"budget spent: {n} measures skipped", flush=True)
            break
        with tempfile.TemporaryDirectory() as tmp:
            root = Path(tmp) / "plan"
            generate(root, n)
            bound = timed([sys.executable, "-c", BOUND, str(root)])
            check = timed([*nap, "--root", str(root), "check"], env)
            row = {"n": n, "recs": max(4, n // 4), "bound": bound, "check": check}  # as generate() makes them
            if not args.no_build:
                against += bench_napkit(root, nap, env, row, in_budget)
                for name, python in peers.items():
                    if in_budget():
                        against.append(bench_peer(name, python, root, Path(tmp), n, in_budget))
                        print(against[-1], flush=True)
            rows.append(row)
            print(row, flush=True)
    big = None
    if args.catalog and in_budget():
        with tempfile.TemporaryDirectory() as tmp:
            root = Path(tmp) / "plan"
            generate(root, 100, n_recs=args.catalog)
            seconds, mib = timed_peak([*nap, "--root", str(root), "check"], env)
            big = (args.catalog, seconds, mib)
            print({"catalog": args.catalog, "check": seconds, "peak_mib": mib}, flush=True)
    lines = [f"Machine: {machine()}, load average {os.getloadavg()[0]:.1f} at the end of the run.", "",
             "| measures | recommendations | parse+schema bound | `nap check` | ratio | site build | site after one edit | DOCX+PDF |",
             "|---:|---:|---:|---:|---:|---:|---:|---:|"]
    for r in rows:
        def s(key):
            return f"{r[key]:.2f} s" if key in r else "—"
        lines.append(f"| {r['n']:,} | {r['recs']:,} | {s('bound')} | {s('check')} | {r['check'] / r['bound']:.1f}× | "
                     f"{s('site')} | {s('site_edit')} | {s('docs')} |")
    if big:
        lines += ["", f"A catalog of {big[0]:,} recommendations (100 measures): `nap check` {big[1]:.1f} s, "
                  f"peak memory {big[2]:,.0f} MiB."]
    if against:
        lines += ["", "Against peers, on the same items, both languages (napkit builds nb and en side by side; each "
                  "peer builds one project per language, both at the same time). Each cell: CPU time of the process "
                  "tree (user + sys) · wall-clock time. "
                  "Documents: peak resident memory of the largest process · of the whole process tree (sampled).", "",
                  "| measures | tool | full site | after one edit | `nap serve`: edit → page | DOCX+PDF peak memory |",
                  "|---:|---|---:|---:|---:|---:|"]
        for a in against:
            lines.append(f"| {a['n']:,} | {a['tool']} | {cell(a.get('site'))} | {cell(a.get('edit'))} | "
                         f"{cell(a.get('serve'))} | {memory(a.get('docs'))} |")
        failed = [f"{a['tool']} at {a['n']:,}: {a['failed']}" for a in against if a.get("failed")]
        if failed:
            lines += ["", "Failed: " + "; ".join(failed) + "."]
    missing = [name for name in PEERS if name not in peers]
    if missing and not args.no_build and args.peers != "none":
        lines += ["", f"Not measured (not importable from {args.peers}): {', '.join(missing)}."]
    table = "\n".join(lines) + "\n"
    print(table)
    if args.out:
        write_table(args.out, table)


def cell(m: dict | str | None) -> str:
    if m is None:
        return "—"
    if isinstance(m, str):
        return m
    return f"{m['cpu']:.1f} s · {m['wall']:.1f} s"


def memory(m: dict | None) -> str:
    if not m:
        return "—"
    tree = f" · {m['peak_tree']:,.0f} MiB" if m.get("peak_tree") else ""
    return f"{m['peak']:,.0f} MiB{tree}"


def bench_napkit(root: Path, nap: list[str], env: dict, row: dict, in_budget) -> list[dict]:
    """Site full, site after one edit, `nap serve` after an edit, documents; fills the wall-clock
    row of the first table too."""
    result = {"n": row["n"], "tool": "napkit"}
    steps = [("site", lambda: measured([*nap, "--root", str(root), "build", "site"], env)),
             ("edit", lambda: (_edit(root), measured([*nap, "--root", str(root), "build", "site"], env))[1]),
             ("serve", lambda: serve_edit(root, env)),
             ("docs", lambda: measured([*nap, "--root", str(root), "build", "docs"], env))]
    for key, step in steps:
        if not in_budget():
            result[key] = "skipped (budget)"
            continue
        try:
            result[key] = step()
        except RuntimeError as exc:
            result[key] = "failed"
            result["failed"] = f"{key}: {str(exc).strip().splitlines()[-1:] or ['?']}"
    for key, name in (("site", "site"), ("edit", "site_edit"), ("docs", "docs")):
        if isinstance(result.get(key), dict):
            row[name] = result[key]["wall"]
    print(result, flush=True)
    return [result]


def _edit(root: Path) -> None:
    measure = root / "measures" / "M-00000.yaml"
    measure.write_text(measure.read_text().replace("status: planned", "status: ongoing"))


def available_peers(python: Path) -> dict[str, Path]:
    if not python.is_file():
        return {}
    found = {}
    for name, (*_, module, _largest) in PEERS.items():
        if subprocess.run([str(python), "-c", f"import {module}"], capture_output=True).returncode == 0:
            found[name] = python
    return found


def bench_peer(name: str, python: Path, root: Path, tmp: Path, n: int, in_budget) -> dict:
    """The peer's full build of both languages, then its rebuild after the same edit (its own
    incremental build where it has one: Sphinx keeps its environment in the output folder)."""
    make, build, edit, _module, largest = PEERS[name]
    result = {"n": n, "tool": name}
    if largest is not None and n > largest:
        result["site"] = result["edit"] = f"not run past {largest:,} measures"
        return result
    try:
        projects = [make(root, tmp / "peers", lang) for lang in ("nb", "en")]
        result["site"] = _side_by_side([build(python, src) for src in projects])
        if in_budget():
            for src in projects:
                edit(src)
            result["edit"] = _side_by_side([build(python, src) for src in projects])
    except (RuntimeError, OSError, KeyError, ValueError) as exc:
        result["failed"] = " ".join(str(exc).split())[-300:]
    return result


def _side_by_side(cmds: list[list[str]]) -> dict:
    """The languages built at the same time, one process each, as napkit builds them: CPU time
    summed, wall-clock time until the last one ends."""
    from concurrent.futures import ThreadPoolExecutor

    with ThreadPoolExecutor(len(cmds)) as pool:
        runs = list(pool.map(measured, cmds))
    return {"cpu": sum(r["cpu"] for r in runs), "wall": max(r["wall"] for r in runs)}


START, END = "<!-- bench:start -->", "<!-- bench:end -->"


def write_table(path: Path, table: str) -> None:
    """Replace the measured part of `path` (between the bench markers), keeping the prose around it."""
    block = (f"{START}\nGenerated by `python scripts/bench.py`: wall-clock, best of 3 runs for check, one run for "
             f"builds, each in a fresh process (start-up included); wall-clock figures need a quiet machine.\n\n{table}{END}")
    text = path.read_text(encoding="utf-8") if path.is_file() else "# Benchmarks\n\n" + START + END + "\n"
    if START in text and END in text:
        head, rest = text.split(START, 1)
        text = head + block + rest.split(END, 1)[1]
    else:
        text = text.rstrip("\n") + "\n\n" + block + "\n"
    path.write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()

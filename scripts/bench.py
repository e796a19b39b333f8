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
    args = ap.parse_args()
    nap = [sys.executable, "-m", "napkit", "--quiet"]
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", SOURCE_DATE_EPOCH="1798675200")
    rows = []
    for n in [int(x) for x in args.sizes.split(",")]:
        with tempfile.TemporaryDirectory() as tmp:
            root = Path(tmp) / "plan"
            generate(root, n)
            bound = timed([sys.executable, "-c", BOUND, str(root)])
            check = timed([*nap, "--root", str(root), "check"], env)
            row = {"n": n, "recs": max(4, n // 4), "bound": bound, "check": check}  # as generate() makes them
            if not args.no_build:
                row["site"] = timed([*nap, "--root", str(root), "build", "site"], env, repeat=1)
                measure = root / "measures" / "M-00000.yaml"
                measure.write_text(measure.read_text().replace("status: planned", "status: ongoing"))
                row["site_edit"] = timed([*nap, "--root", str(root), "build", "site"], env, repeat=1)
                row["docs"] = timed([*nap, "--root", str(root), "build", "docs"], env, repeat=1)
            rows.append(row)
            print(row, flush=True)
    big = None
    if args.catalog:
        with tempfile.TemporaryDirectory() as tmp:
            root = Path(tmp) / "plan"
            generate(root, 100, n_recs=args.catalog)
            seconds, mib = timed_peak([*nap, "--root", str(root), "check"], env)
            big = (args.catalog, seconds, mib)
            print({"catalog": args.catalog, "check": seconds, "peak_mib": mib}, flush=True)
    lines = [f"Machine: {machine()}.", "",
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
    table = "\n".join(lines) + "\n"
    print(table)
    if args.out:
        write_table(args.out, table)


START, END = "<!-- bench:start -->", "<!-- bench:end -->"


def write_table(path: Path, table: str) -> None:
    """Replace the measured part of `path` (between the bench markers), keeping the prose around it."""
    block = (f"{START}\nGenerated by `python scripts/bench.py`: best of 3 runs for check, one run for builds, each "
             f"in a fresh process (start-up included).\n\n{table}{END}")
    text = path.read_text(encoding="utf-8") if path.is_file() else "# Benchmarks\n\n" + START + END + "\n"
    if START in text and END in text:
        head, rest = text.split(START, 1)
        text = head + block + rest.split(END, 1)[1]
    else:
        text = text.rstrip("\n") + "\n\n" + block + "\n"
    path.write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()

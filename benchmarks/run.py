"""Measure rekruttering against the physical limit of reading the same file, side by side.

For N = 300 k and 1 M applications (``--sizes`` to choose), in one run, median of three:

* the baseline: the fastest raw read of the same file on this machine (fastexcel for xlsx, every
  column as text; pandas with ``engine="pyarrow"`` for the Windows-1252 csv), start-up and imports
  included;
* ``rekruttering summary`` of that file: wall time and peak RSS (of the whole process tree);
* ``rekruttering check`` of the 300 k file as JSON (wall time and peak RSS; reported, no target);
* ``rekruttering check`` of a single posting of 100 applicants (wall time);
* ``rekruttering --help`` (wall time).

Every process runs as on a user's machine: with Python's bytecode cache (a pip install compiles
the package). A shell with ``PYTHONDONTWRITEBYTECODE`` set would otherwise recompile the package in
every run and add 0.1–0.5 s of start-up, so the variable is removed for the measured processes and
the package is compiled once before the first measurement.

It prints a Markdown table with each target as a ratio (issue 12): summary from xlsx at most
1.5 × the baseline; from csv at most 3 × up to 300 k and 4 × at 1 M; peak RSS at 1 M at most
2.0 GB from xlsx and 1.2 GB from csv; check of one small posting under 0.4 s, --help under 0.15 s.

    python benchmarks/run.py                  # both sizes (1 M takes a while: the files are made once)
    python benchmarks/run.py --sizes 100000 300000
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from generate import generate, one_posting  # noqa: E402

BASELINE_XLSX = ("import fastexcel, sys; r = fastexcel.read_excel(sys.argv[1]); "
                 "r.load_sheet(0, dtypes='string').to_pandas()")
BASELINE_CSV = ("import pandas, sys; pandas.read_csv(sys.argv[1], sep=';', encoding='cp1252', dtype=str, "
                "keep_default_na=False, engine='pyarrow')")


def target(kind: str, n: int) -> float:
    """The largest summary / baseline ratio the issue accepts for this file kind and size."""
    if kind == "xlsx":
        return 1.5
    return 3.0 if n <= 300_000 else 4.0


def max_rss_gb(kind: str, n: int) -> float | None:
    """The peak RSS the issue accepts (set for 1 M applications only)."""
    if n < 1_000_000:
        return None
    return 2.0 if kind == "xlsx" else 1.2
CHECK_MAX_S = 0.4  # check of one small posting: no pandas, numpy or pyarrow on that path
HELP_MAX_S = 0.15  # --help: typer alone, no pydantic


def user_env() -> dict[str, str]:
    """This process's environment without ``PYTHONDONTWRITEBYTECODE`` (see the module's docstring)."""
    return {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def compile_package() -> None:
    """Write the bytecode cache of the installed package, as pip does for a regular install."""
    probe = "import pathlib, rekruttering; print(pathlib.Path(rekruttering.__file__).parent)"
    folder = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True,
                            env=user_env()).stdout.strip()
    subprocess.run([sys.executable, "-m", "compileall", "-q", folder], check=True, env=user_env())


def measure(command: list[str], runs: int = 3) -> tuple[float, float]:
    """Median wall seconds and the largest peak RSS (GB) over ``runs`` runs, each in a fresh process."""
    walls, peaks = [], []
    probe = ("import resource, subprocess, sys, time; t = time.perf_counter(); "
             "p = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL); w = time.perf_counter() - t; "
             "print(w, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, p.returncode)")
    for _ in range(runs):
        out = subprocess.run([sys.executable, "-c", probe, *command], capture_output=True, text=True, check=True,
                             env=user_env())
        wall, rss_kb, code = out.stdout.split()
        if int(code) not in (0, 1):
            raise SystemExit(f"{' '.join(command)} exited {code}")
        walls.append(float(wall))
        peaks.append(int(rss_kb) / 1024 / 1024)
    return statistics.median(walls), max(peaks)


def tool() -> list[str]:
    exe = Path(sys.executable).with_name("rekruttering")
    return [str(exe)] if exe.exists() else [sys.executable, "-m", "rekruttering"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[300_000, 1_000_000])
    parser.add_argument("--data", type=Path, default=HERE / "data", help="where the generated files are kept")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    compile_package()
    rows = []
    checked: list[str] = []
    with tempfile.TemporaryDirectory() as scratch:
        report = Path(scratch) / "oversikt.json"
        for n in args.sizes:
            started = time.perf_counter()
            csv_path, xlsx_path = generate(n, args.data)
            print(f"N = {n:,}: files ready in {time.perf_counter() - started:.0f} s", file=sys.stderr)
            for kind, path, baseline in (("xlsx", xlsx_path, BASELINE_XLSX), ("csv", csv_path, BASELINE_CSV)):
                base, _ = measure([sys.executable, "-c", baseline, str(path)], args.runs)
                wall, rss = measure([*tool(), "summary", str(path), "--rules", "staten", "--format", "json",
                                     "--output", str(report), "--force", "--quiet"], args.runs)
                ratio = wall / base
                limit = max_rss_gb(kind, n)
                ok = ratio <= target(kind, n) and (limit is None or rss <= limit)
                shown = f"{rss:.2f} GB" + (f" (≤ {limit})" if limit is not None else "")
                rows.append(f"| {n:,} | {kind} | {base:.2f} s | {wall:.2f} s | {ratio:.2f} × (≤ {target(kind, n)}) "
                            f"| {shown} | {'met' if ok else 'missed'} |")
                print(rows[-1], file=sys.stderr)
            if n == 300_000:  # a year's check, every posting in detail
                wall, rss = measure([*tool(), "check", str(csv_path), "--rules", "staten", "--format", "json",
                                     "--output", str(Path(scratch) / "kontroll.json"), "--force", "--quiet",
                                     "--no-fail"], args.runs)
                checked.append(f"- `check` of {n:,} applications (csv, JSON report): {wall:.2f} s, "
                               f"peak RSS {rss:.2f} GB (no target)")
                print(checked[-1], file=sys.stderr)
        one = Path(scratch) / "en-stilling.csv"
        one_posting(one)
        check_wall, _ = measure([*tool(), "check", str(one), "--rules", "staten", "--no-fail"], args.runs)
        help_wall, _ = measure([*tool(), "--help"], args.runs)
    print(f"Machine: {os.cpu_count()} cores, Python {sys.version.split()[0]}; median of {args.runs} runs.\n")
    print("| applications | file | baseline read | summary | summary / baseline (target) | peak RSS | target |")
    print("|---:|---|---:|---:|---:|---:|---|")
    print("\n".join(rows))
    print()
    for line in checked:
        print(line)
    print(f"- `check` of one posting with 100 applicants: {check_wall:.2f} s "
          f"({'met' if check_wall < CHECK_MAX_S else 'missed'}: target under {CHECK_MAX_S} s)")
    print(f"- `rekruttering --help`: {help_wall:.2f} s "
          f"({'met' if help_wall < HELP_MAX_S else 'missed'}: target under {HELP_MAX_S} s)")


if __name__ == "__main__":
    main()

"""What a fresh process imports: --help without pydantic, a small check without pandas, numpy or pyarrow.

Start-up time is measured by ``benchmarks/run.py``, never here; these tests hold the behaviour that
makes it: which libraries a command loads at all. Each command runs in its own interpreter, which
writes the names in ``sys.modules`` to a file as it exits.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import date, datetime
from pathlib import Path

import pytest

from conftest import ROOT, write_csv

RUNNER = """
import atexit, json, sys
out = sys.argv.pop(1)
atexit.register(lambda: open(out, "w").write(json.dumps(sorted(sys.modules))))
if sys.argv[1:] == ["--import-only"]:
    import rekruttering.cli
else:
    sys.argv[0] = "rekruttering"
    from rekruttering.cli import main
    main()
"""
FRAMES = {"pandas", "numpy", "pyarrow", "polars"}
HEAVY = FRAMES | {"scipy", "openpyxl", "rekruttering.summary.stats", "rekruttering.summary.report"}
FOR_INTERVIEW = ROOT / "samples" / "for-intervju"


def loaded(tmp_path: Path, *args: str | Path) -> tuple[int, set[str]]:
    """The exit code and the top-level packages (and rekruttering's modules) the command had imported."""
    out = tmp_path / "modules.json"
    env = {**os.environ, "PYTHONPATH": str(ROOT), "COLUMNS": "100"}
    done = subprocess.run([sys.executable, "-c", RUNNER, str(out), *map(str, args)], env=env,
                          capture_output=True, text=True, timeout=120)
    names = json.loads(out.read_text())
    return done.returncode, {name.split(".")[0] for name in names} | {n for n in names if n.startswith("rekruttering")}


def test_importing_the_command_line_loads_typer_only(tmp_path: Path) -> None:
    code, modules = loaded(tmp_path, "--import-only")
    assert code == 0
    assert "typer" in modules
    assert not modules & (HEAVY | {"pydantic", "rich", "fastexcel", "rekruttering.words.catalogue"})


@pytest.mark.parametrize("args", [("--help",), ("check", "--help"), ("summary", "--help"), ("rules", "--help"),
                                  ("rules", "show", "--help"), ("inspect", "-h"), ("check", "-h", "--lang", "en"),
                                  ("--lang", "en", "--help")])
def test_help_loads_neither_pydantic_nor_a_frame_library(tmp_path: Path, args: tuple[str, ...]) -> None:
    code, modules = loaded(tmp_path, *args)
    assert code == 0
    assert not modules & (HEAVY | {"pydantic", "fastexcel"})


@pytest.mark.parametrize("fmt", ["text", "json", "markdown", "html"])
def test_a_small_check_of_a_workbook_loads_no_frame_library(tmp_path: Path, fmt: str) -> None:
    code, modules = loaded(tmp_path, "check", FOR_INTERVIEW / "soekere.xlsx", "--shortlist",
                           FOR_INTERVIEW / "intervju.xlsx", "--rules", "staten", "--format", fmt)
    assert code in (0, 1)
    assert "fastexcel" in modules and "rekruttering.checks.engine" in modules  # it did read and judge
    assert not modules & HEAVY


def as_csv(workbook: Path, target: Path) -> Path:
    """The workbook's first sheet as a csv (dates as dd.mm.yyyy), as a user would save it."""
    import openpyxl

    sheet = openpyxl.load_workbook(workbook, read_only=True).worksheets[0]
    rows = [["" if v is None else v.strftime("%d.%m.%Y") if isinstance(v, date | datetime) else v for v in row]
            for row in sheet.iter_rows(values_only=True)]
    return write_csv(target, rows)


def test_a_small_check_of_a_csv_loads_no_frame_library(tmp_path: Path) -> None:
    applicants = as_csv(FOR_INTERVIEW / "soekere.xlsx", tmp_path / "soekere.csv")
    shortlist = as_csv(FOR_INTERVIEW / "intervju.xlsx", tmp_path / "intervju.csv")
    code, modules = loaded(tmp_path, "check", applicants, "--shortlist", shortlist, "--rules", "staten",
                           "--format", "json")
    assert code in (0, 1)
    assert "rekruttering.checks.engine" in modules
    assert not modules & (HEAVY | {"fastexcel"})


def test_an_xlsx_report_of_a_small_check_loads_openpyxl_and_still_no_frame_library(tmp_path: Path) -> None:
    code, modules = loaded(tmp_path, "check", FOR_INTERVIEW / "soekere.xlsx", "--shortlist",
                           FOR_INTERVIEW / "intervju.xlsx", "--rules", "staten", "--output", tmp_path / "r.xlsx")
    assert code in (0, 1) and (tmp_path / "r.xlsx").exists()
    assert "openpyxl" in modules  # which imports numpy itself, when it is installed
    assert not modules & (FRAMES - {"numpy"})

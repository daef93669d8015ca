"""Input guards: what a hostile or broken file must not do to the process.

Each case is a small file made here that, unguarded, would eat memory (a zip whose directory lies
about its sizes, a value in the sheet's last cell, an OpenDocument row repeated a million times),
hang (a key file that never ends, a sheet scan that backtracks) or lose a warning (namespaced or
single-quoted sheet XML, OpenDocument formulas and merged cells). Where a failure would kill the
process rather than raise, the real command runs in a process of its own.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from typer.testing import CliRunner

from conftest import ROOT, run, write_csv

HEADER = ["Stillings-ID", "Søker-ID", "Kvalifisert", "Innvandrerbakgrunn"]
ROWS = [["P-1", "S-1", "Ja", "Ja"], ["P-1", "S-2", "Ja", "Nei"]]
SHORT_HEADER = ["Stillings-ID", "Søker-ID", "Innkalt til intervju"]
ENV = {**os.environ, "PYTHONPATH": str(ROOT)}


def command(*args: str | Path, cwd: Path | None = None, env: dict[str, str] | None = None,
            timeout: float = 120) -> subprocess.CompletedProcess[str]:
    """The installed command in a process of its own, so that an abort or a hang is seen as one."""
    return subprocess.run([sys.executable, "-m", "rekruttering", *map(str, args)], capture_output=True, text=True,
                          env=env or ENV, cwd=cwd, timeout=timeout, check=False)


def shortlist(d: Path) -> Path:
    return write_csv(d / "intervju.csv", [SHORT_HEADER, ["P-1", "S-1", "Ja"]])


# ---------------------------------------------------------------------------------------------
# The pseudonym key file


@pytest.mark.parametrize(("content", "expected"), [
    (None, "is not a regular file"),
    (b"x" * 5000, "longer than 4096 bytes"),
    (b"   \n\t  \n", "is only blanks"),
], ids=["dev-zero", "too-long", "blank"])
def test_a_key_file_that_is_no_key_is_refused_at_once(tmp_path: Path, content: bytes | None, expected: str) -> None:
    applicants = write_csv(tmp_path / "soekere.csv", [HEADER, *ROWS])
    key = Path("/dev/zero") if content is None else tmp_path / "nokkel.txt"
    if content is not None:
        key.write_bytes(content)
    (tmp_path / "rekruttering.toml").write_text(f'pseudonym_key_file = "{key}"\n', encoding="utf-8")
    env = {k: v for k, v in ENV.items() if k != "REKRUTTERING_PSEUDO_KEY"}
    result = command("check", applicants, "-s", shortlist(tmp_path), "-r", "oslo", "--pseudonymise", cwd=tmp_path,
                     env=env, timeout=60)
    assert result.returncode == 2, result.stderr
    assert expected in result.stderr and "Traceback" not in result.stderr
    assert result.stdout == ""


def test_a_blank_key_in_the_environment_is_refused(runner: CliRunner, tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    applicants = write_csv(tmp_path / "soekere.csv", [HEADER, *ROWS])
    monkeypatch.setenv("REKRUTTERING_PSEUDO_KEY", " " * 40)
    code, out, err = run(runner, "check", applicants, "-s", shortlist(tmp_path), "-r", "oslo", "--pseudonymise")
    assert code == 2 and out == ""
    assert "nøkkelen til --pseudonymise (i REKRUTTERING_PSEUDO_KEY eller nøkkelfilen) består bare av mellomrom" in err

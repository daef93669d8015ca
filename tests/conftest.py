"""Shared helpers: write small exports by hand and run the command line on them."""

from __future__ import annotations

import csv
import zipfile
from collections.abc import Callable, Sequence
from pathlib import Path

import pytest
from typer.testing import CliRunner

from rekruttering.cli import app

ROOT = Path(__file__).resolve().parent.parent
APPLICANT_HEADER = ["Stillings-ID", "Stillingstittel", "Enhet", "Søknadsfrist", "Søker-ID", "Navn",
                    "Kvalifisert", "Innvandrerbakgrunn"]
SHORTLIST_HEADER = ["Stillings-ID", "Søker-ID", "Innkalt til intervju", "Rangering", "Begrunnelse"]


def write_csv(path: Path, rows: Sequence[Sequence[object]], *, sep: str = ";", encoding: str = "utf-8") -> Path:
    with path.open("w", newline="", encoding=encoding) as handle:
        csv.writer(handle, delimiter=sep).writerows(rows)
    return path


def write_xlsx(path: Path, rows: Sequence[Sequence[object]], *, sheet: str = "Ark1",
               above: Sequence[Sequence[object]] = ()) -> Path:
    import openpyxl

    book = openpyxl.Workbook()
    ws = book.active
    assert ws is not None
    ws.title = sheet
    for row in [*above, *rows]:
        ws.append(list(row))
    book.save(path)
    return path


def rewrite_member(path: Path, member: str, change: Callable[[bytes], bytes]) -> Path:
    """The same zip with one member's bytes changed (to put in what openpyxl cannot write)."""
    with zipfile.ZipFile(path) as source:
        items = [(info, source.read(info)) for info in source.infolist()]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for info, data in items:
            target.writestr(info.filename, change(data) if info.filename == member else data)
    return path


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


def run(runner: CliRunner, *args: str | Path) -> tuple[int, str, str]:
    """Exit code, stdout and stderr of the command line; an unexpected exception fails the test."""
    result = runner.invoke(app, [str(a) for a in args], catch_exceptions=False, env={"COLUMNS": "200"})
    return result.exit_code, result.stdout, result.stderr


def flat(output: str) -> str:
    """Output with every run of whitespace as one space, so table wrapping does not matter."""
    return " ".join(output.split())


@pytest.fixture
def small_exports(tmp_path: Path) -> tuple[Path, Path]:
    """Three postings: P-1 breach (S-11 to invite), P-2 met, P-3 nobody declared; every ad had a diversity
    statement (Sarpsborg's SA04 is met)."""
    applicants = write_csv(tmp_path / "soekere.csv", [
        [*APPLICANT_HEADER, "Mangfoldserklæring i annonsen"],
        ["P-1", "Rådgiver", "Økonomi", "01.03.2025", "S-11", "Kari Nordmann", "Ja", "Ja", "Ja"],
        ["P-1", "Rådgiver", "Økonomi", "01.03.2025", "S-12", "Ola Nordmann", "Ja", "Nei", "Ja"],
        ["P-1", "Rådgiver", "Økonomi", "01.03.2025", "S-13", "Per Hansen", "Ja", "Ja", "Ja"],
        ["P-2", "Lærer", "Oppvekst", "2025-04-01", "S-21", "Anne Berg", "Ja", "Ja", "Ja"],
        ["P-2", "Lærer", "Oppvekst", "2025-04-01", "S-22", "Nils Dahl", "Ja", "", "Ja"],
        ["P-3", "Sykepleier", "Helse", "45717", "S-31", "Ida Lie", "Ja", "Ønsker ikke å oppgi", "Ja"],
    ])
    shortlist = write_csv(tmp_path / "intervju.csv", [
        SHORTLIST_HEADER,
        ["P-1", "S-12", "Ja", "1", ""],
        ["P-1", "S-13", "Nei", "4", ""],
        ["P-1", "S-11", "Nei", "2", ""],
        ["P-2", "S-21", "Ja", "1", ""],
        ["P-3", "S-31", "Ja", "1", ""],
    ])
    return applicants, shortlist

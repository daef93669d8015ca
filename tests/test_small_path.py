"""A small sheet is read into plain lists, a large one into a pandas frame: the verdicts never depend on which.

Every awkward export of the robustness corpus, the samples and a few files made for the differences
between the two readers (quotes, ragged rows, blank lines, merged cells, title rows, side tables) go
through ``check`` (and the samples through ``summary``) with the lists forced and with pandas forced;
the reports, or the errors, must be the same.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from test_robustness import CASES, Files

from rekruttering.api import Options, SummaryOptions, check, summarise
from rekruttering.errors import InputError
from rekruttering.problems import ProblemLog
from rekruttering.read.columns import load_column_map
from rekruttering.read.readers import read_file
from rekruttering.read.textcolumns import SMALL_ROWS, TableKind, TextColumns, column_texts

from conftest import APPLICANT_HEADER, ROOT, SHORTLIST_HEADER, write_csv, write_xlsx

NOW = datetime(2026, 1, 15, 12, 0, tzinfo=UTC)
SAMPLES = ROOT / "samples"


def outcome(run: Callable[[], Any]) -> object:
    """The report as data, or the problems of the input error."""
    try:
        return run().model_dump(mode="json")
    except InputError as error:
        return [(p.level, p.code, p.params, p.file, p.sheet, p.row, p.column) for p in error.problems]


def both_checks(files: Files, options: Options) -> tuple[object, object]:
    applicants, shortlists = files

    def run(read_as: TableKind) -> object:
        return outcome(lambda: check(applicants, shortlists, options, now=NOW, read_as=read_as))

    return run("lists"), run("pandas")


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_every_awkward_export_gives_the_same_report_both_ways(case: Any, tmp_path: Path) -> None:
    lists, pandas = both_checks(case.make(tmp_path), Options(rules="oslo", lang="nb"))
    assert lists == pandas


@pytest.mark.parametrize("pack", ["staten", "oslo"])
def test_the_samples_give_the_same_check_both_ways(pack: str) -> None:
    year, csv_year = SAMPLES / "aar-2025", SAMPLES / "aar-2025-csv"
    options = Options(rules=pack, workforce=year / "arbeidsstyrke.xlsx", justifications=year / "begrunnelser.csv")
    for files in (([year / "soekere.xlsx"], [year / "kortliste.xlsx"]),
                  ([csv_year / "soekere.csv"], [csv_year / "kortliste.csv"]),
                  ([SAMPLES / "for-intervju" / "soekere.xlsx"], [SAMPLES / "for-intervju" / "intervju.xlsx"])):
        lists, pandas = both_checks(files, options)
        assert lists == pandas
        assert isinstance(lists, dict) and lists["postings"]


def test_the_samples_give_the_same_summary_both_ways() -> None:
    year = SAMPLES / "aar-2025"
    options = SummaryOptions(rules="staten", start=date(2025, 1, 1), end=date(2025, 12, 31))

    def run(read_as: TableKind) -> object:
        return outcome(lambda: summarise([year / "soekere.xlsx"], [year / "kortliste.xlsx"], options, now=NOW,
                                         read_as=read_as))

    assert run("lists") == run("pandas")


def _tricky_csv(tmp_path: Path) -> Files:
    """Quotes with separators and line breaks, a ragged row, a row split in two, blank lines, CR line ends."""
    text = ("Stillings-ID;Søker-ID;Kvalifisert;Innvandrerbakgrunn;Stillingstittel\r"
            "P-1;S-1;Ja;Ja;\"Rådgiver; økonomi\"\r"
            "P-1;S-2;Ja;Nei;\"Rådgiver\nøkonomi\"\r"
            "\r"
            "P-1;S-3;Ja\r"
            ";Ja;Rådgiver\r"
            "P-1;S-4;Ja;Ja;Rådgiver;ekstra\r"
            "P-1;S-5;Nei;;Rådgiver;;;\r")
    path = tmp_path / "soekere.csv"
    path.write_bytes(text.encode("cp1252"))
    return [path], [write_csv(tmp_path / "intervju.csv", [SHORTLIST_HEADER[:3], ["P-1", "S-1", "Ja"]])]


def _unquoted_csv(tmp_path: Path) -> Files:
    """No quote at all: the large path's C parser, the small path's csv module; with blank and short rows."""
    rows = [";".join(APPLICANT_HEADER)]
    rows += [f"P-{i % 3};Tittel {i % 3};Enhet;0{1 + i % 9}.03.2025;S-{i};Navn {i};{'Ja' if i % 4 else 'Nei'};"
             f"{['Ja', 'Nei', '', 'Ønsker ikke å oppgi'][i % 4]}" for i in range(60)]
    rows[10], rows[20] = "", "P-1;Tittel 1;Enhet"
    path = tmp_path / "soekere.csv"
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    shortlist = write_csv(tmp_path / "intervju.csv", [SHORTLIST_HEADER, *[[f"P-{i % 3}", f"S-{i}", "Ja", i, ""]
                                                                          for i in range(0, 60, 7)]])
    return [path], [shortlist]


def _workbook_with_title_merges_and_numbers(tmp_path: Path) -> Files:
    """Title rows above the header, a merged posting column, numbers, dates and blanks as cells."""
    path = tmp_path / "soekere.xlsx"
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["Søkerliste"])
    sheet.append([])
    sheet.append(["Stillings-ID", "Søknadsfrist", "Søker-ID", "Kvalifisert", "Innvandrerbakgrunn", "Rangering"])
    for i in range(12):
        sheet.append([1001 if i < 6 else "P-2", date(2025, 3, 1), 500 + i, "Ja", ["Ja", "Nei", None][i % 3],
                      i + 0.5 if i % 2 else i])
    sheet.merge_cells("A4:A9")
    book.save(path)
    shortlist = write_xlsx(tmp_path / "intervju.xlsx", [SHORTLIST_HEADER[:3], [1001, 500, "Ja"], ["P-2", 507, "Ja"]])
    return [path], [shortlist]


MADE: dict[str, Callable[[Path], Files]] = {
    "tricky csv": _tricky_csv,
    "unquoted csv": _unquoted_csv,
    "workbook with title, merges and numbers": _workbook_with_title_merges_and_numbers,
}


@pytest.mark.parametrize("make", MADE.values(), ids=list(MADE))
@pytest.mark.parametrize("pack", ["staten", "oslo"])
def test_files_made_for_the_differences_give_the_same_report_both_ways(make: Callable[[Path], Files], pack: str,
                                                                       tmp_path: Path) -> None:
    lists, pandas = both_checks(make(tmp_path), Options(rules=pack, lang="en"))
    assert lists == pandas


@pytest.mark.parametrize("make", MADE.values(), ids=list(MADE))
def test_the_columns_read_are_the_same_texts_both_ways(make: Callable[[Path], Files], tmp_path: Path) -> None:
    applicants, shortlists = make(tmp_path)
    columns = load_column_map()
    for path in [*applicants, *shortlists]:
        raw = path.read_bytes()
        lists = read_file(path, str(path), raw, columns, ProblemLog(), "lists")
        pandas = read_file(path, str(path), raw, columns, ProblemLog(), "pandas")
        assert [type(sheet.data) for sheet in lists] == [TextColumns] * len(lists)
        for small, large in zip(lists, pandas, strict=True):
            assert small.data.columns == list(large.data.columns) and len(small.data) == len(large.data)
            for name in small.data.columns:
                blank = [cell or None for cell in column_texts(large.data, name)]
                assert [cell or None for cell in column_texts(small.data, name)] == blank
            assert (small.notes, small.rejected, small.unknown) == (large.notes, large.rejected, large.unknown)


@pytest.mark.parametrize("kind", ["csv", "xlsx"])
def test_a_small_sheet_is_read_into_lists_and_a_large_one_into_pandas(tmp_path: Path, kind: str) -> None:
    rows = [APPLICANT_HEADER, *[["P-1", "Tittel", "Enhet", "01.03.2025", f"S-{i}", "Navn", "Ja", "Nei"]
                                for i in range(SMALL_ROWS + 1)]]
    write = write_csv if kind == "csv" else write_xlsx
    large = write(tmp_path / f"stor.{kind}", rows)
    small = write(tmp_path / f"liten.{kind}", rows[:SMALL_ROWS + 1])
    columns = load_column_map()
    [read_small] = read_file(small, str(small), small.read_bytes(), columns, ProblemLog())
    [read_large] = read_file(large, str(large), large.read_bytes(), columns, ProblemLog())
    assert isinstance(read_small.data, TextColumns) and not isinstance(read_large.data, TextColumns)
    assert len(read_small.data) == SMALL_ROWS and len(read_large.data) == SMALL_ROWS + 1
    assert column_texts(read_large.data, "applicant_id")[:SMALL_ROWS] == column_texts(read_small.data,
                                                                                      "applicant_id")


def test_a_sheet_in_an_arrow_layout_the_small_reader_does_not_know_is_read_through_pandas(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from rekruttering.read import arrowtext

    files = _workbook_with_title_merges_and_numbers(tmp_path)
    expected, _ = both_checks(files, Options(rules="staten"))

    def unknown_layout(sheet: object) -> None:
        raise arrowtext.ArrowLayoutError("column of format b'vu'")

    monkeypatch.setattr(arrowtext, "text_columns", unknown_layout)
    fallen_back, _ = both_checks(files, Options(rules="staten"))
    assert fallen_back == expected

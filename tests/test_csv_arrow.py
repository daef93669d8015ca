"""A large clean csv is read by pyarrow (``read.csvarrow``), any other csv by the general path: the same sheet.

Each awkward csv below is read with a frame forced (``read_as="pandas"``, so that small files take the
large-file path too) twice: as the tool reads it, and with the pyarrow path switched off. The header, the
cells, the rows set aside and every warning or error must be the same; for each file it is also said
whether pyarrow should have read it, so that the clean cases really go through it.
"""

from __future__ import annotations

import contextlib
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from rekruttering.api import Options, SummaryOptions, check, summarise
from rekruttering.errors import InputError
from rekruttering.read import csv as read_csv_module
from rekruttering.read.columns import load_column_map
from rekruttering.read.sheet import RawSheet
from rekruttering.read.textcolumns import SMALL_ROWS, TableKind, column_texts

from conftest import APPLICANT_HEADER, SHORTLIST_HEADER

COLUMNS = load_column_map()
NOW = datetime(2026, 1, 15, 12, 0, tzinfo=UTC)

HEADER = ";".join(APPLICANT_HEADER)
ROWS = [
    "S-1;Rådgiver;Økonomi;2025-03-01;A-1;Kari Nordmann;Ja;Nei",
    "S-1;Rådgiver;Økonomi;2025-03-01;A-2;Per Ås;Nei;Ja",
    "S-2;Sykepleier « natt »;Helse;01.04.2025;A-3;Ola Hansen;Ja;",
    "S-2;Sykepleier « natt »;Helse;01.04.2025;A-4; Ane  Berg ;NA;null",
]


def lines(*rows: str, end: str = "\r\n") -> str:
    return end.join(rows) + end


# name -> (bytes, whether the pyarrow path takes the file)
FILES: dict[str, tuple[bytes, bool]] = {
    "Windows-1252, CRLF": (lines(HEADER, *ROWS).encode("cp1252"), True),
    "UTF-8 with BOM, comma": (b"\xef\xbb\xbf" + lines(*(r.replace(";", ",") for r in (HEADER, *ROWS))).encode(), True),
    "UTF-8, tab, LF": (lines(*(r.replace(";", "\t") for r in (HEADER, *ROWS)), end="\n").encode(), True),
    "no line break at the end": (lines(HEADER, *ROWS)[:-2].encode("cp1252"), True),
    "title rows above the header": (lines("Søkere 2025;;;;;;;", ";;;;;;;", HEADER, *ROWS).encode("cp1252"), True),
    "trailing empty fields everywhere": (lines(*(r + ";;" for r in (HEADER, *ROWS))).encode("cp1252"), True),
    # str.splitlines would end a line there, so only below the lines searched for the header may pyarrow read it
    "a line separator inside a cell (UTF-8)": (lines(HEADER, *ROWS, ROWS[0].replace("Rådgiver", "Råd\u2028giver"),
                                                    *ROWS[1:]).encode(), False),
    "a line separator in a cell below the first lines (UTF-8)":
        (lines(HEADER, *ROWS * 8, ROWS[0].replace("Rådgiver", "Råd\u2028giver")).encode(), True),
    "a form feed in the title rows": (lines("Rapport\x0c2025", HEADER, *ROWS).encode("cp1252"), False),
    "quoted fields": (lines(HEADER, ROWS[0].replace("Rådgiver", '"Rådgiver; senior"'), *ROWS[1:]).encode("cp1252"),
                      False),
    "a quote that swallows lines": (lines(HEADER, ROWS[0].replace("Rådgiver", '"Rådgiver'), *ROWS[1:])
                                    .encode("cp1252"), False),
    "ragged rows": (lines(HEADER, ROWS[0] + ";x", ROWS[1].rsplit(";", 1)[0], *ROWS[2:]).encode("cp1252"), False),
    "one row too long and one too short, as many separators in all":
        (lines(HEADER, ROWS[0] + ";x", ROWS[1], ROWS[2].rsplit(";", 1)[0], ROWS[3]).encode("cp1252"), False),
    "a row split by a line break": (lines(HEADER, *ROWS[0].split("Økonomi;"), *ROWS[1:]).encode("cp1252"), False),
    # a blank line is a row of blank cells, for pyarrow as for pandas' C parser (and the csv module)
    "a blank line": (lines(HEADER, ROWS[0], "", *ROWS[1:]).encode("cp1252"), True),
    "blank lines at the end": (lines(HEADER, *ROWS, "", "").encode("cp1252"), True),
    "a line of spaces": (lines(HEADER, ROWS[0], "  ", *ROWS[1:]).encode("cp1252"), False),
    "old Mac line breaks (CR)": (lines(HEADER, *ROWS, end="\r").encode("cp1252"), False),
    "header only": (lines(HEADER).encode("cp1252"), False),
    "UTF-16 with BOM": (lines(HEADER, *ROWS).encode("utf-16"), False),
    "a byte Windows-1252 does not have": (lines(HEADER, *ROWS).encode("cp1252").replace(b"A-3", b"A-\x81"), False),
    "a NUL byte": (lines(HEADER, *ROWS).encode("cp1252").replace(b"A-3", b"A-\x00"), False),
    "no header": (lines(*ROWS).encode("cp1252"), False),
    "whitespace only": (b" \r\n\t\r\n" * 3, False),
}


def facts(sheet: RawSheet) -> tuple[Any, ...]:
    cells = {str(c): column_texts(sheet.data, str(c)) for c in sheet.data.columns}
    return (sheet.file, sheet.sheet, sheet.header_row, sheet.headers, sheet.mapping, sheet.ignored,
            sheet.first_data_row, len(sheet.data), cells, sheet.notes, sheet.rejected, sheet.unknown)


def read(path: Path, read_as: TableKind = "pandas") -> object:
    try:
        return facts(read_csv_module.read_csv(path, str(path), path.read_bytes(), COLUMNS, read_as))
    except InputError as error:
        return [(p.level, p.code, p.params, p.file, p.sheet, p.row, p.column) for p in error.problems]


@pytest.mark.parametrize("name", list(FILES))
def test_pyarrow_and_the_general_path_read_the_same_sheet(name: str, tmp_path: Path,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    content, clean = FILES[name]
    path = tmp_path / "soekere.csv"
    path.write_bytes(content)
    taken = read_csv_module.read_clean(str(path), content, COLUMNS, "pandas") is not None if clean else None
    fast = read(path)
    monkeypatch.setattr(read_csv_module, "read_clean", lambda *args: None)
    assert fast == read(path)
    assert taken is None or taken
    if not clean:
        monkeypatch.undo()
        with contextlib.suppress(InputError):  # no header: the error is the general path's, as compared above
            assert read_csv_module.read_clean(str(path), content, COLUMNS, "pandas") is None


def test_a_large_clean_csv_goes_through_pyarrow_and_reads_as_the_csv_module_does(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    rows = [f"S-{i // 7};Rådgiver {i % 3};Økonomi;2025-03-01;A-{i};X;{'Ja' if i % 2 else 'Nei'};"
            for i in range(SMALL_ROWS + 5)]
    content = lines("Søkere;;;;;;;", HEADER, *rows).encode("cp1252")
    path = tmp_path / "soekere.csv"
    path.write_bytes(content)
    sheet = read_csv_module.read_clean(str(path), content, COLUMNS, "auto")
    assert sheet is not None and len(sheet.data) == SMALL_ROWS + 5
    fast = read(path, "auto")
    assert fast == read(path, "lists")
    monkeypatch.setattr(read_csv_module, "read_clean", lambda *args: None)
    assert fast == read(path, "auto")


def test_a_small_csv_is_never_read_by_pyarrow_unless_a_frame_is_forced(tmp_path: Path) -> None:
    content = lines(HEADER, *ROWS).encode("cp1252")
    assert read_csv_module.read_clean("soekere.csv", content, COLUMNS, "auto") is None
    assert read_csv_module.read_clean("soekere.csv", content, COLUMNS, "lists") is None
    assert read_csv_module.read_clean("soekere.csv", content, COLUMNS, "pandas") is not None


def outcome(run: Any) -> object:
    try:
        return run().model_dump(mode="json")
    except InputError as error:
        return [(p.level, p.code, p.params, p.file, p.sheet, p.row, p.column) for p in error.problems]


@pytest.mark.parametrize("name", ["Windows-1252, CRLF", "title rows above the header", "ragged rows"])
def test_the_check_and_summary_reports_are_the_same_either_way(name: str, tmp_path: Path,
                                                                monkeypatch: pytest.MonkeyPatch) -> None:
    applicants = tmp_path / "soekere.csv"
    applicants.write_bytes(FILES[name][0])
    shortlist = tmp_path / "intervju.csv"
    shortlist.write_bytes(lines(";".join(SHORTLIST_HEADER), "S-1;A-1;Ja;1;", "S-2;A-3;Ja;1;").encode("cp1252"))

    def reports() -> tuple[object, object]:
        checked = outcome(lambda: check([applicants], [shortlist], Options(rules="staten", lang="nb"), now=NOW,
                                        read_as="pandas"))
        summed = outcome(lambda: summarise([applicants], [shortlist], SummaryOptions(rules="staten", lang="nb"),
                                           now=NOW, read_as="pandas"))
        return checked, summed

    fast = reports()
    monkeypatch.setattr(read_csv_module, "read_clean", lambda *args: None)
    assert fast == reports()

"""What every reader hands over: a sheet of mapped columns (``RawSheet``), and how its header is found.

Shared by the csv reader (``read.csv``) and the workbook reader (``read.excel``): the header match
over the probed rows, the error when no header is found, and the row limit of Excel.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from rekruttering.errors import InputError
from rekruttering.problems import Problem
from rekruttering.problems import input_error as _error
from rekruttering.read.fields import ID_FIELDS, ColumnMap, Field
from rekruttering.read.textcolumns import Data

EXCEL_SUFFIXES = {".xlsx", ".xlsm", ".xls", ".xlsb", ".ods"}
CSV_SUFFIXES = {".csv", ".txt", ".tsv"}
SPREADSHEET_SUFFIXES = EXCEL_SUFFIXES | CSV_SUFFIXES
PROBE_ROWS = 30

EXCEL_MAX_ROWS = 1_048_576  # the last row of an Excel sheet since Excel 2007


@dataclass(frozen=True)
class HeaderMatch:
    """Where the header is and what it maps to."""

    index: int  # position of the header row among the probed rows (0-based)
    headers: tuple[str, ...]
    mapping: dict[Field, int]  # field -> column position
    ignored: tuple[str, ...]
    duplicates: tuple[tuple[Field, str, str], ...]  # field mapped twice: (field, first, second)


@dataclass
class RawSheet:
    """One sheet (or csv file) of mapped columns, every value a string or missing.

    ``notes`` are the problems found reading it: errors stop the run, warnings go to the report.
    ``rejected`` are rows (by position in ``data``) that the reader could not trust, each with
    the warning that says why; they count as read and set aside.
    """

    file: str
    sheet: str | None
    header_row: int  # 1-based row of the header in the sheet
    headers: tuple[str, ...]
    mapping: dict[Field, str]  # field -> original header text
    ignored: tuple[str, ...]
    data: Data  # columns named by Field value: lists for a small sheet, a pandas frame for a large one
    first_data_row: int  # 1-based row number of the first row of data
    notes: list[Problem] = field(default_factory=list)
    rejected: dict[int, Problem] = field(default_factory=dict)
    # cells whose value the reader could not see (formula without value, error cell, covered by a
    # merge): field -> positions in ``data``. They are unknown, never blank.
    unknown: dict[Field, set[int]] = field(default_factory=dict)

    def row_number(self, position: int) -> int:
        return self.first_data_row + position

    def mark_unknown(self, fld: Field, row: int) -> None:
        """The cell of ``fld`` on sheet row ``row`` holds a value that could not be read."""
        position = row - self.first_data_row
        if 0 <= position < len(self.data):
            self.unknown.setdefault(fld, set()).add(position)

    def warn(self, code: str, row: int | None = None, column: str | None = None, **params: object) -> None:
        self.notes.append(Problem("warning", code, tuple((k, str(v)) for k, v in params.items()),
                                  self.file, self.sheet, row, column))


def cell_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        if value != value:  # NaN
            return ""
        if value.is_integer():
            return str(int(value))
    return str(value).strip()


def match_header(rows: Sequence[Sequence[object]], columns: ColumnMap) -> HeaderMatch | None:
    """The first probed row that maps both ids; otherwise the row that maps most fields (two or more)."""
    best: HeaderMatch | None = None
    for index, row in enumerate(rows):
        headers = tuple(cell_text(value) for value in row)
        mapping: dict[Field, int] = {}
        duplicates: list[tuple[Field, str, str]] = []
        ignored: list[str] = []
        for position, header in enumerate(headers):
            if not header:
                continue
            found = columns.field_for(header)
            if found is None:
                ignored.append(header)
            elif found in mapping:
                duplicates.append((found, headers[mapping[found]], header))
            else:
                mapping[found] = position
        candidate = HeaderMatch(index, headers, mapping, tuple(ignored), tuple(duplicates))
        if all(f in mapping for f in ID_FIELDS):
            return candidate
        if len(mapping) >= 2 and (best is None or len(mapping) > len(best.mapping)):
            best = candidate
    return best


def no_header_error(display: str, sheet: str | None, rows: Sequence[Sequence[object]],
                     encoding: str = "utf-8") -> InputError:
    """No header row found. The first row is quoted only when it looks like headers: in a headerless
    export it is the first applicant's row (name, e-mail, national id number), which is only counted,
    with the known headers in it named."""
    first = [t for t in (cell_text(v) for v in next((r for r in rows if any(cell_text(v) for v in r)), [])) if t]
    legacy = encoding == "cp1252" and not "".join(first).isascii()
    data = re.compile(r"\d|@")  # digits: ids, dates, phone and national id numbers; @: e-mail addresses
    if not any(data.search(cell) or len(cell) > 60 for cell in first):
        seen = ", ".join(repr(cell) for cell in first)[:300]
        return _error("read.no_header_legacy" if legacy else "read.no_header", display, sheet, seen=seen or "-")
    from rekruttering.read.columns import load_column_map

    known = load_column_map()
    headers = ", ".join(repr(cell) for cell in first if known.field_for(cell) is not None)[:300]
    return _error("read.no_header_hidden_legacy" if legacy else "read.no_header_hidden", display, sheet,
                  cells=len(first), seen=headers or "-")


def field_at(match: HeaderMatch, position: int) -> Field:
    return next(f for f, p in match.mapping.items() if p == position)


def raw_sheet(display: str, sheet: str | None, header_row: int, match: HeaderMatch, frame: Data) -> RawSheet:
    notes = [
        Problem("error", "read.duplicate_field", (("field", f.value), ("first", a), ("second", b)),
                display, sheet, header_row, b)
        for f, a, b in match.duplicates
    ]
    raw = RawSheet(
        file=display,
        sheet=sheet,
        header_row=header_row,
        headers=match.headers,
        mapping={f: match.headers[p] for f, p in match.mapping.items()},
        ignored=match.ignored,
        data=frame,
        first_data_row=header_row + 1,
        notes=notes,
    )
    if frame.empty:
        raw.warn("read.no_rows", header_row)
    return raw


def check_row_limit(sheet: RawSheet, *, csv_file: bool) -> None:
    """A sheet that ends on Excel's last row may have been cut; a csv beyond it cannot have been in Excel."""
    last = sheet.first_data_row + len(sheet.data) - 1
    if csv_file and last > EXCEL_MAX_ROWS:
        sheet.warn("read.beyond_excel_rows", EXCEL_MAX_ROWS + 1, rows=last, limit=EXCEL_MAX_ROWS)
    elif last == EXCEL_MAX_ROWS:
        sheet.warn("read.excel_row_limit", EXCEL_MAX_ROWS, limit=EXCEL_MAX_ROWS)

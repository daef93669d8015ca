"""Small side tables (justifications, workforce): every cell as text, and their header found.

These files are short and hold no applicant data beyond ids, so they are read whole; the
exports themselves go through ``readers``, which never loads an unmapped column.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from rekruttering.errors import InputError
from rekruttering.keys import normalise_header
from rekruttering.problems import Problem
from rekruttering.read.arrowtext import ArrowLayoutError, text_columns
from rekruttering.read.csv import SEPARATORS, decode
from rekruttering.read.excel import open_workbook
from rekruttering.read.filetypes import sniff
from rekruttering.read.sheet import CSV_SUFFIXES, EXCEL_SUFFIXES, PROBE_ROWS


@dataclass(frozen=True)
class Table:
    """One sheet of a side table: its rows below the header, keyed by our own column names."""

    file: str
    sheet: str | None
    header_row: int  # 1-based
    columns: dict[str, str]  # our name -> header text
    rows: list[dict[str, str]]

    def row_number(self, position: int) -> int:
        return self.header_row + 1 + position


def _cell(value: object) -> str:
    if value is None or (isinstance(value, float) and value != value):
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def _sheets(path: Path, display: str) -> list[tuple[str | None, list[list[str]]]]:
    """Every sheet's cells as text; a workbook goes through the same checks as an export (zip bomb,
    password, damage) before fastexcel opens it."""
    suffix = path.suffix.lower()
    if suffix not in CSV_SUFFIXES | EXCEL_SUFFIXES:
        raise InputError("suffix", [Problem("error", "read.unsupported", (("suffix", suffix or "-"),), display)])
    raw = path.read_bytes()
    if not raw:
        raise InputError("empty", [Problem("error", "read.empty", (), display)])
    if suffix in CSV_SUFFIXES and sniff(raw) not in ("zip", "ole"):
        text, _ = decode(raw, display)
        lines = text.splitlines()
        best = max(SEPARATORS, key=lambda sep: sum(len(r) for r in csv.reader(lines[:PROBE_ROWS], delimiter=sep)))
        return [(None, [[c.strip() for c in row] for row in csv.reader(lines, delimiter=best)])]
    reader, _ = open_workbook(raw, display)
    try:
        out: list[tuple[str | None, list[list[str]]]] = []
        for name in reader.sheet_names:
            out.append((name, [[_cell(v) for v in row] for row in _grid(reader.load_sheet(name, header_row=None,
                                                                                     dtypes="string"))]))
        return out
    except Exception as error:  # fastexcel's Rust errors share no base class we can name
        message = str(error).splitlines()[0][:300] if str(error) else type(error).__name__
        raise InputError("unreadable", [Problem("error", "read.unreadable", (("error", message),), display)]
                         ) from None


def _grid(sheet: Any) -> list[list[object]]:
    """A loaded sheet's rows, out of fastexcel's Arrow buffers (no pandas); through pandas only for a column
    in a layout ``arrowtext`` does not read."""
    try:
        _, cells, rows = text_columns(sheet)
    except ArrowLayoutError:
        grid: list[list[object]] = sheet.to_pandas().astype(object).values.tolist()
        return grid
    return [list(row) for row in zip(*cells, strict=True)] if cells else [[] for _ in range(rows)]


def read_table(path: Path, aliases: dict[str, tuple[str, ...]], required: tuple[str, ...]) -> Table:
    """The first sheet whose header (among the first rows) has every required column."""
    display = str(path)
    if path.is_dir():
        raise InputError("folder", [Problem("error", "read.is_folder", (), display)])
    if not path.is_file():
        raise InputError("missing", [Problem("error", "read.not_found", (), display)])
    lookup = {normalise_header(alias): name for name, values in aliases.items() for alias in values}
    for sheet, rows in _sheets(path, display):
        for index, row in enumerate(rows[:PROBE_ROWS]):
            columns: dict[str, int] = {}
            for position, header in enumerate(row):
                name = lookup.get(normalise_header(header))
                if name and name not in columns:
                    columns[name] = position
            if all(name in columns for name in required):
                body = [
                    {name: (values[p] if p < len(values) else "") for name, p in columns.items()}
                    for values in rows[index + 1:]
                ]
                return Table(display, sheet, index + 1, {n: row[p] for n, p in columns.items()}, body)
    wanted = ", ".join(" / ".join(f"«{alias}»" for alias in aliases[name][:2]) for name in required)
    raise InputError("header", [Problem("error", "table.no_header", (("columns", wanted),), display)])

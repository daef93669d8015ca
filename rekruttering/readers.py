"""Read spreadsheet exports (xlsx, xlsm, xls, ods, csv) into tables of mapped columns only.

Each sheet is read in two steps: find the header row (the first rows are probed, so title rows
above the header are fine), then load only the columns whose header maps to a canonical field.
Every cell arrives as text (or missing); coercion to yes/no, dates and numbers is ``ingest``'s
job, so that no reader guesses a type and silently blanks a value that does not fit it.

xlsx/ods go through fastexcel (calamine, in Rust): about ten times faster than openpyxl; csv
through pandas' C parser, with the encoding (UTF-8 with or without BOM, else Windows-1252) and
the separator (``;``, ``,`` or tab) detected.
"""

from __future__ import annotations

import csv
import io
import re
import zipfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from rekruttering.errors import InputError
from rekruttering.fields import ID_FIELDS, ColumnMap, Field
from rekruttering.problems import Problem, ProblemLog

if TYPE_CHECKING:
    import pandas as pd

EXCEL_SUFFIXES = {".xlsx", ".xlsm", ".xls", ".xlsb", ".ods"}
CSV_SUFFIXES = {".csv", ".txt", ".tsv"}
SPREADSHEET_SUFFIXES = EXCEL_SUFFIXES | CSV_SUFFIXES
PROBE_ROWS = 30
SEPARATORS = (";", ",", "\t")


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
    """One sheet (or csv file) of mapped columns, every value a string or missing."""

    file: str
    sheet: str | None
    header_row: int  # 1-based row of the header in the sheet
    headers: tuple[str, ...]
    mapping: dict[Field, str]  # field -> original header text
    ignored: tuple[str, ...]
    data: pd.DataFrame  # columns named by Field value
    first_data_row: int  # 1-based row number of data.iloc[0]
    notes: list[Problem] = field(default_factory=list)

    def row_number(self, position: int) -> int:
        return self.first_data_row + position


def _cell_text(value: object) -> str:
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
        headers = tuple(_cell_text(value) for value in row)
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


def _no_header_error(display: str, sheet: str | None, rows: Sequence[Sequence[object]]) -> InputError:
    first = next((r for r in rows if any(_cell_text(v) for v in r)), [])
    seen = ", ".join(repr(_cell_text(v)) for v in first if _cell_text(v))[:300]
    problem = Problem("error", "read.no_header", (("seen", seen or "-"),), display, sheet, None, None)
    return InputError("no header", [problem])


# ---------------------------------------------------------------------------------------------
# Excel and OpenDocument


def _xlsx_first_row(path: Path, sheet: str) -> int:
    """0-based index of the first row with a value, as calamine counts its range from there."""
    try:
        with zipfile.ZipFile(path) as archive:
            workbook = archive.read("xl/workbook.xml").decode("utf-8", "replace")
            rels = archive.read("xl/_rels/workbook.xml.rels").decode("utf-8", "replace")
            rid = None
            for match in re.finditer(r"<(?:\w+:)?sheet\b[^>]*>", workbook):
                tag = match.group(0)
                name = re.search(r'\bname="([^"]*)"', tag)
                if name and _unescape(name.group(1)) == sheet:
                    found = re.search(r'\br:id="([^"]*)"|\bid="([^"]*)"', tag)
                    rid = (found.group(1) or found.group(2)) if found else None
            target = None
            for match in re.finditer(r"<Relationship\b[^>]*>", rels):
                tag = match.group(0)
                if rid and f'Id="{rid}"' in tag:
                    found = re.search(r'Target="([^"]*)"', tag)
                    target = found.group(1) if found else None
            if not target:
                return 0
            member = target.lstrip("/") if target.startswith("/") else f"xl/{target}"
            with archive.open(member) as stream:
                head = stream.read(1 << 18).decode("utf-8", "replace")
    except (OSError, KeyError, zipfile.BadZipFile):
        return 0
    for cell in re.finditer(r"<c\b[^>]*\br=\"[A-Z]+(\d+)\"[^>]*?(/?)>", head):
        if cell.group(2) == "/":
            continue  # a styled but empty cell
        return int(cell.group(1)) - 1
    return 0


def _unescape(text: str) -> str:
    return (
        text.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", '"').replace("&apos;", "'")
        .replace("&amp;", "&")
    )


def _load_error(display: str, sheet: str | None, error: BaseException) -> InputError:
    return InputError("unreadable", [Problem("error", "read.unreadable", (("error", _short(error)),), display, sheet)])


def _header_names(sheet: Any) -> list[str]:
    """The header texts as written: generated names blank, fastexcel's "_1" de-duplication undone."""
    infos = sheet.available_columns()
    names = [str(info.name) for info in infos]
    out = []
    for info, name in zip(infos, names, strict=True):
        if str(getattr(info, "column_name_from", "")) == "generated" or name.startswith("__UNNAMED__"):
            out.append("")
            continue
        base = re.sub(r"_\d+$", "", name)
        out.append(base if base != name and base in names else name)
    return out


def read_excel(path: Path, display: str, columns: ColumnMap, log: ProblemLog) -> list[RawSheet]:
    """Every visible sheet whose header maps both ids; hidden and unrelated sheets are noted.

    The common case, a header in the first row, is one read that converts only the mapped
    columns. Only when the first row is not the header (title rows above it) are the first
    rows probed to find it, and then the mapped columns are read again from there.
    """
    import fastexcel

    try:
        reader = fastexcel.read_excel(str(path))
        names = list(reader.sheet_names)
    except Exception as error:  # fastexcel's errors come from Rust and share no base we can name
        raise _load_error(display, None, error) from None
    sheets: list[RawSheet] = []
    skipped: list[tuple[str, str]] = []
    for name in names:
        try:
            first = reader.load_sheet(name, header_row=0, dtypes="string",
                                      use_columns=lambda info: columns.field_for(str(info.name)) is not None)
            visible = str(getattr(first, "visible", "visible"))
            headers = _header_names(first)
        except Exception as error:
            raise _load_error(display, name, error) from None
        if visible != "visible":
            skipped.append((name, "hidden"))
            continue
        match = match_header([headers], columns)
        start = _xlsx_first_row(path, name) if path.suffix.lower() in {".xlsx", ".xlsm"} else 0
        if match is not None and all(f in match.mapping for f in ID_FIELDS):
            try:
                frame = first.to_pandas()
            except Exception as error:
                raise _load_error(display, name, error) from None
            wanted = sorted(match.mapping.values())
            frame.columns = [_field_at(match, p).value for p in wanted]
            sheets.append(_raw(display, name, start + 1, match, frame))
            continue
        loaded = _read_below_title(reader, name, display, columns, start)
        if loaded is None:
            skipped.append((name, "no_ids"))
        else:
            sheets.append(loaded)
    if not sheets:
        if not names:
            raise InputError("empty", [Problem("error", "read.empty", (), display)])
        reasons = "; ".join(f"{n} ({r})" for n, r in skipped)
        raise InputError("no sheet", [Problem("error", "read.no_sheet", (("sheets", reasons),), display)])
    for name, reason in skipped:
        log.add("warning", f"read.sheet_skipped_{reason}", file=display, sheet=name)
    return sheets


def _read_below_title(reader: Any, name: str, display: str, columns: ColumnMap, start: int) -> RawSheet | None:
    """Find the header among the first rows of a sheet with title rows, then read its mapped columns."""
    try:
        probe = reader.load_sheet(name, header_row=None, n_rows=PROBE_ROWS, dtypes="string").to_pandas()
        rows = probe.astype(object).where(probe.notna(), None).values.tolist()
        del probe  # the probe held every column of the first rows: keep none of it
    except Exception as error:
        raise _load_error(display, name, error) from None
    match = match_header(rows, columns)
    del rows
    if match is None or not all(f in match.mapping for f in ID_FIELDS):
        return None
    absolute = start + match.index
    wanted = sorted(match.mapping.values())
    try:
        loaded = reader.load_sheet(name, header_row=absolute, dtypes="string", use_columns=wanted)
        frame = loaded.to_pandas()
    except Exception as error:
        raise _load_error(display, name, error) from None
    got = [re.sub(r"_\d+$", "", _cell_text(c)) for c in frame.columns]
    if got != [re.sub(r"_\d+$", "", match.headers[p]) for p in wanted]:
        raise InputError("header", [Problem("error", "read.header_moved", (), display, name, absolute + 1)])
    frame.columns = [_field_at(match, p).value for p in wanted]
    return _raw(display, name, absolute + 1, match, frame)


def _field_at(match: HeaderMatch, position: int) -> Field:
    return next(f for f, p in match.mapping.items() if p == position)


def _raw(display: str, sheet: str | None, header_row: int, match: HeaderMatch, frame: pd.DataFrame) -> RawSheet:
    notes = [
        Problem("error", "read.duplicate_field", (("field", f.value), ("first", a), ("second", b)),
                display, sheet, header_row, b)
        for f, a, b in match.duplicates
    ]
    return RawSheet(
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


def _short(error: BaseException) -> str:
    text = str(error).strip().splitlines()
    return (text[0] if text else type(error).__name__)[:300]


# ---------------------------------------------------------------------------------------------
# CSV


def decode(raw: bytes, display: str) -> tuple[str, str]:
    """Text and the encoding it was read in: UTF-8 (BOM or not), else Windows-1252."""
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
        encodings: tuple[str, ...] = ("utf-8",)
    elif raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return raw.decode("utf-16"), "utf-16"
        except UnicodeDecodeError:
            encodings = ()
    else:
        encodings = ("utf-8", "cp1252")
    for encoding in encodings:
        try:
            return raw.decode(encoding), encoding
        except UnicodeDecodeError as error:
            last = error
            continue
    line = raw[: last.start].count(b"\n") + 1 if encodings else None
    raise InputError("encoding", [Problem("error", "read.encoding", (), display, None, line)])


def read_csv(path: Path, display: str, raw: bytes, columns: ColumnMap) -> RawSheet:
    import pandas as pd

    text, _encoding = decode(raw, display)
    if not text.strip():
        raise InputError("empty", [Problem("error", "read.empty", (), display)])
    head_lines = text.splitlines()[:PROBE_ROWS]
    best: tuple[HeaderMatch, str] | None = None
    for separator in SEPARATORS:
        rows = list(csv.reader(head_lines, delimiter=separator))
        match = match_header(rows, columns)
        if match is not None and (best is None or _better(match, best[0])):
            best = (match, separator)
    if best is None or not all(f in best[0].mapping for f in ID_FIELDS):
        raise _no_header_error(display, None, list(csv.reader(head_lines, delimiter=";")))
    match, separator = best
    wanted = sorted(match.mapping.values())
    try:
        frame = pd.read_csv(
            io.StringIO(text),
            sep=separator,
            header=None,
            skiprows=match.index + 1,
            usecols=wanted,
            dtype=str,
            keep_default_na=False,
            na_filter=False,
            skip_blank_lines=False,
            engine="c",
        )
    except (pd.errors.ParserError, ValueError) as error:
        raise InputError("csv", [Problem("error", "read.csv_malformed", (("error", _short(error)),),
                                         display)]) from None
    frame = frame.reindex(columns=wanted)
    frame.columns = [_field_at(match, p).value for p in wanted]
    return _raw(display, None, match.index + 1, match, frame)


def _better(candidate: HeaderMatch, current: HeaderMatch) -> bool:
    has_ids: Callable[[HeaderMatch], bool] = lambda m: all(f in m.mapping for f in ID_FIELDS)  # noqa: E731
    key: Callable[[HeaderMatch], tuple[Any, ...]] = lambda m: (has_ids(m), len(m.mapping))  # noqa: E731
    return key(candidate) > key(current)

"""Read a csv export into a sheet of mapped columns, its structure checked record by record.

The encoding (UTF-8 with or without BOM, UTF-16, else Windows-1252) and the separator (``;``, ``,``
or tab) are detected, and the header is found below any title rows. A large clean file (no quotes,
every line a record of the header's width) goes through pyarrow (``csvarrow``); another large file
without quotes through pandas' C parser; a file with quotes, or rows too ragged for it, through the
csv module, record by record; a small one (``textcolumns``) into plain lists, without pandas.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

from rekruttering.errors import InputError
from rekruttering.problems import Problem
from rekruttering.problems import input_error as _error
from rekruttering.read.csvarrow import arrow_frame, clean, plain_lines, source_of
from rekruttering.read.fields import ID_FIELDS, ColumnMap
from rekruttering.read.filetypes import utf16_without_bom
from rekruttering.read.sheet import (
    PROBE_ROWS,
    HeaderMatch,
    RawSheet,
    check_row_limit,
    field_at,
    match_header,
    no_header_error,
    raw_sheet,
)
from rekruttering.read.textcolumns import Data, TableKind, TextColumns, use_lists

if TYPE_CHECKING:
    import pandas as pd

SEPARATORS = (";", ",", "\t")


def decode(raw: bytes, display: str) -> tuple[str, str]:
    """Text and the encoding it was read in: UTF-8 (BOM or not), UTF-16 (BOM or not), else Windows-1252."""
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
        encodings: tuple[str, ...] = ("utf-8",)
    elif raw.startswith((b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff")):
        encodings = ("utf-32",)
    elif raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        encodings = ("utf-16",)
    elif found := utf16_without_bom(raw[:4096]):
        encodings = (found,)
    elif b"\x00" in raw:
        raise _error("read.binary", display, suffix=Path(display).suffix.lower() or "-")
    else:
        encodings = ("utf-8", "cp1252")
    for encoding in encodings:
        try:
            return raw.decode(encoding), encoding
        except UnicodeDecodeError as error:
            last = error
            continue
    line = raw[: last.start].count(b"\n") + 1 if encodings[0] != "utf-16" else None
    raise InputError("encoding", [Problem("error", "read.encoding", (), display, None, line)])


@contextmanager
def _long_fields() -> Iterator[None]:
    """Let the csv module read cells of any length (its default stops at 131,072 characters)."""
    previous = csv.field_size_limit()
    csv.field_size_limit(2**31 - 1)
    try:
        yield
    finally:
        csv.field_size_limit(previous)


def read_csv(path: Path, display: str, raw: bytes, columns: ColumnMap, read_as: TableKind = "auto") -> RawSheet:
    """The mapped columns of a csv file, with its structure checked record by record.

    A record with more or fewer fields than the header is set aside with a warning naming it (a
    row split by an unquoted line break is named as such); a quote that swallows the following
    lines makes the whole file untrustworthy, and it is refused. Trailing empty fields, in the
    header or in a row, do not count. A small file is read by the csv module into lists (no pandas);
    a large clean one by pyarrow (``csvarrow``), straight from the bytes.
    """
    fast = read_clean(display, raw, columns, read_as)
    if fast is not None:
        return fast
    text, encoding = decode(raw, display)
    if not text.strip():
        raise _error("read.empty", display)
    with _long_fields():
        head_lines = text.splitlines()[:PROBE_ROWS]
        match, separator = _find_header(head_lines, columns, display, encoding)
        lists = use_lists(max(text.count("\n"), text.count("\r")) - match.index - 1, read_as)  # about the rows
        frame: Data | None = None
        counts: Counts | None = None
        if '"' not in text and not lists:
            frame = _parse_csv(text, separator, match)
        if frame is None:  # quotes, rows the fast parser cannot take, or a small file: the csv module
            frame, counts = _parse_quoted(text, separator, match, display, lists)
    sheet = raw_sheet(display, None, match.index + 1, match, frame)
    _check_structure(sheet, text, separator, match, counts)
    check_row_limit(sheet, csv_file=True)
    return sheet


def _find_header(head_lines: list[str], columns: ColumnMap, display: str, encoding: str
                 ) -> tuple[HeaderMatch, str]:
    """The header among the first lines and the separator that finds it best; else the error saying so."""
    best: tuple[HeaderMatch, str] | None = None
    for separator in SEPARATORS:
        rows = list(csv.reader(head_lines, delimiter=separator))
        match = match_header(rows, columns)
        if match is not None and (best is None or _better(match, best[0])):
            best = (match, separator)
    if best is None or not all(f in best[0].mapping for f in ID_FIELDS):
        raise no_header_error(display, None, list(csv.reader(head_lines, delimiter=";")), encoding)
    return best


def read_clean(display: str, raw: bytes, columns: ColumnMap, read_as: TableKind) -> RawSheet | None:
    """A large csv that needs no record-by-record reading, read by pyarrow (``csvarrow``); None for any
    other file, which the general path reads (and, where something is wrong, names it).

    The same header, separator and cells as the general path: the header is searched in the same
    lines, and the file is taken only when every line below it is one record of the header's width
    (or blank: a row of blank cells, as the general path reads it too).
    """
    lf, cr = raw.count(b"\n"), raw.count(b"\r")
    if read_as == "lists" or use_lists(max(lf, cr) - 1, read_as):
        return None  # a small file: lists, through the csv module, without pandas or pyarrow
    source = source_of(raw, lf, cr)
    if source is None:
        return None
    head = source.head(PROBE_ROWS + 1)
    if not head.strip() or not plain_lines(head):
        return None
    with _long_fields():
        head_lines = head.splitlines()[:PROBE_ROWS]
        match, separator = _find_header(head_lines, columns, display, source.encoding)
    if use_lists(source.breaks() - match.index - 1, read_as) or not clean(source):
        return None
    wanted = sorted(match.mapping.values())
    frame = arrow_frame(source, match.index + 1, separator, len(match.headers), wanted,
                        [field_at(match, p).value for p in wanted])
    if frame is None:
        return None
    sheet = raw_sheet(display, None, match.index + 1, match, frame)
    check_row_limit(sheet, csv_file=True)
    return sheet


def _parse_csv(text: str, separator: str, match: HeaderMatch) -> pd.DataFrame | None:
    """A csv without quote characters, by pandas' C parser (a record is a line); None when its rows are
    too ragged for it, so that the caller reads them record by record instead."""
    import pandas as pd

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
            quoting=csv.QUOTE_NONE,
        )
    except pd.errors.EmptyDataError:  # a header and nothing below it
        frame = pd.DataFrame(columns=wanted)
    except (pd.errors.ParserError, ValueError):
        return None
    frame = frame.reindex(columns=wanted)
    frame.columns = [field_at(match, p).value for p in wanted]
    return frame


Counts = list[tuple[int, int, int, int]]  # per record: fields, fields up to the last non-blank, first and last line


def _parse_quoted(text: str, separator: str, match: HeaderMatch, display: str,
                  lists: bool = False) -> tuple[Data, Counts]:
    """A csv with quote characters, by the csv module, keeping where each record starts and ends.

    Every record below the header becomes one row, so the structure check and the data cannot
    disagree on what a record is. A quote that opens a value and swallows lines that look like
    records of their own (or runs to the end of the file) is refused with the lines it swallowed.
    ``lists``: the columns as ``TextColumns`` rather than a pandas frame.
    """
    wanted = sorted(match.mapping.values())
    width = _header_width(match)
    cells: list[list[str | None]] = [[] for _ in wanted]
    counts: Counts = []
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=separator)
    last_line = 0
    for index, fields in enumerate(reader):
        first_line, last_line = last_line + 1, reader.line_num
        if index <= match.index:
            continue
        if last_line > first_line and _swallows(fields, separator, width):
            raise _error("read.csv_stray_quote", display, None, first_line, first=first_line, last=last_line)
        used = len(fields)
        while used and not fields[used - 1].strip():
            used -= 1
        counts.append((len(fields), used, first_line, last_line))
        for column, position in zip(cells, wanted, strict=True):
            column.append(fields[position] if position < len(fields) else "")
    named = {field_at(match, p).value: column for p, column in zip(wanted, cells, strict=True)}
    if lists:
        return TextColumns(named, len(counts)), counts
    import pandas as pd

    return pd.DataFrame(named, dtype=object), counts


def _swallows(fields: list[str], separator: str, width: int) -> bool:
    """True when a record that spans lines holds whole records inside a quoted value."""
    if len(fields) < width and any("\n" in f or "\r" in f for f in fields):
        return True
    return any(("\n" in value or "\r" in value)
               and any(line.count(separator) >= max(width - 2, 1) for line in value.splitlines())
               for value in fields)


def _header_width(match: HeaderMatch) -> int:
    """The header's fields up to its last non-blank one (an export may end the header with a separator)."""
    width = len(match.headers)
    while width and not match.headers[width - 1].strip():
        width -= 1
    return width


def _line_counts(text: str, separator: str, skip: int) -> Counts:
    """Per line after the first ``skip`` (a csv without quotes): its fields, used fields and line number."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    blank = separator + " \t"
    return [((line.count(separator) + 1, line.rstrip(blank).count(separator) + 1) if line.strip(blank) else (0, 0))
            + (number, number) for number, line in enumerate(lines[skip:], start=skip + 1)]


def _rectangular(text: str, separator: str, width: int, skip: int) -> bool:
    """True when, without quotes, every line below the header has as many fields as the header.

    The common case, told by counting separators and line breaks in C instead of looking at each line.
    """
    if '"' in text or text.count("\r") != text.count("\r\n"):
        return False
    start = 0
    for _ in range(skip):
        start = text.find("\n", start) + 1
        if start == 0:
            return True  # nothing below the header
    lines = text.count("\n", start) + (0 if start >= len(text) or text.endswith("\n") else 1)
    return text.count(separator, start) == (width - 1) * lines


def _check_structure(sheet: RawSheet, text: str, separator: str, match: HeaderMatch, counts: Counts | None) -> None:
    """Set aside, with a warning naming it, every record with more or fewer fields than the header.

    Two short records in a row whose fields add up to one record are named as a row split by a
    line break. A record with only trailing empty fields beyond the header is fine.
    """
    width = _header_width(match)
    if counts is None:
        if _rectangular(text, separator, len(match.headers), match.index + 1):
            return
        counts = _line_counts(text, separator, match.index + 1)
    if len(counts) != len(sheet.data):
        raise _error("read.csv_malformed", sheet.file, None, None,
                     error=f"{len(counts)} / {len(sheet.data)}")
    short = [0 < count < width for count, _, _, _ in counts]
    for position, (count, used, _, _) in enumerate(counts):
        row = sheet.row_number(position)
        if used > width:
            sheet.rejected[position] = Problem("warning", "row.too_many_fields",
                                               (("fields", str(used)), ("header", str(width))), sheet.file, None, row)
        elif short[position]:
            pair = next((p for p in (position - 1, position + 1) if 0 <= p < len(counts) and short[p]
                         and counts[min(p, position)][0] + counts[max(p, position)][0] - 1 == width), None)
            code, params = "row.too_few_fields", (("fields", str(count)), ("header", str(width)))
            if pair is not None:
                code, params = "row.line_break", (("first", str(sheet.row_number(min(pair, position)))),
                                                  ("last", str(sheet.row_number(max(pair, position)))))
            sheet.rejected[position] = Problem("warning", code, params, sheet.file, None, row)


def _better(candidate: HeaderMatch, current: HeaderMatch) -> bool:
    has_ids: Callable[[HeaderMatch], bool] = lambda m: all(f in m.mapping for f in ID_FIELDS)  # noqa: E731
    key: Callable[[HeaderMatch], tuple[Any, ...]] = lambda m: (has_ids(m), len(m.mapping))  # noqa: E731
    return key(candidate) > key(current)

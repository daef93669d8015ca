"""Read spreadsheet exports (xlsx, xlsm, xls, ods, csv) into tables of mapped columns only.

Each sheet is read in two steps: find the header row (the first rows are probed, so title rows
above the header are fine), then load only the columns whose header maps to a canonical field.
Every cell arrives as text (or missing); coercion to yes/no, dates and numbers is ``ingest``'s
job, so that no reader guesses a type and silently blanks a value that does not fit it.

xlsx/ods go through fastexcel (calamine, in Rust): about ten times faster than openpyxl; csv
through pandas' C parser, with the encoding (UTF-8 with or without BOM, UTF-16, else
Windows-1252) and the separator (``;``, ``,`` or tab) detected. A small sheet (``textcolumns``)
is read into plain lists instead, without importing pandas, numpy or pyarrow: its csv through the
csv module, its sheets out of fastexcel's Arrow buffers (``arrowtext``).

What a file *is* comes from its first bytes, not its name (``sniff``): a zip is an xlsx/ods, an
OLE2 compound file an xls or a password-protected xlsx, text is read as csv. Before fastexcel
opens a zip, its central directory is checked against zip bombs (``check_zip``). In xlsx/xlsm
sheets, the sheet XML is scanned for what calamine would turn silently into blanks: formulas
without a computed value, error cells (``#N/A``) and merged cells (``scan_sheet``).
"""

from __future__ import annotations

import csv
import io
import re
import threading
import zipfile
import zlib
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from concurrent.futures import TimeoutError as FuturesTimeout
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from rekruttering.errors import InputError
from rekruttering.problems import Problem, ProblemLog
from rekruttering.problems import first_line as _short
from rekruttering.problems import input_error as _error
from rekruttering.read.fields import ID_FIELDS, SPECS, ColumnMap, Field
from rekruttering.read.filetypes import (
    ENCRYPTED_PACKAGE,
    OLE_MAGIC,
    SPREADSHEET_XML,
    check_zip,
    inflate,
    is_workbook,
    sniff,
    utf16_without_bom,
)
from rekruttering.read.odsscan import check_ods
from rekruttering.read.sheetscan import (
    RANGE_MAX_CELLS,
    SheetScan,
    UsedRange,
    exact_range,
    first_row,
    scan_sheet,
    sheet_member,
    sheet_members,
)
from rekruttering.read.textcolumns import Data, TableKind, TextColumns, use_lists

if TYPE_CHECKING:
    import pandas as pd

EXCEL_SUFFIXES = {".xlsx", ".xlsm", ".xls", ".xlsb", ".ods"}
CSV_SUFFIXES = {".csv", ".txt", ".tsv"}
SPREADSHEET_SUFFIXES = EXCEL_SUFFIXES | CSV_SUFFIXES
PROBE_ROWS = 30
SEPARATORS = (";", ",", "\t")

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


def _no_header_error(display: str, sheet: str | None, rows: Sequence[Sequence[object]],
                     encoding: str = "utf-8") -> InputError:
    """No header row found. The first row is quoted only when it looks like headers: in a headerless
    export it is the first applicant's row (name, e-mail, national id number), which is only counted,
    with the known headers in it named."""
    first = [t for t in (_cell_text(v) for v in next((r for r in rows if any(_cell_text(v) for v in r)), [])) if t]
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


def read_file(path: Path, display: str, raw: bytes, columns: ColumnMap, log: ProblemLog,
              read_as: TableKind = "auto") -> list[RawSheet]:
    """Every mapped sheet of one export, read by what its bytes are.

    A workbook named .csv is read as a workbook, and text named .xls (old systems' "Excel export")
    as csv, each with a warning; a web page or an Excel 2003 XML file with an Excel name gets its
    own message; anything else with an Excel name goes to fastexcel, which says what is wrong.
    ``read_as`` chooses how the columns are held (``textcolumns``): by the rows, or forced.
    """
    suffix = path.suffix.lower()
    if suffix not in SPREADSHEET_SUFFIXES:
        raise _error("read.unsupported", display, suffix=suffix or "-")
    content = sniff(raw)
    if suffix in CSV_SUFFIXES:
        if content in ("zip", "ole"):
            log.add("warning", "read.workbook_named_text", file=display, suffix=suffix)
            return read_excel(path, display, columns, log, raw, read_as)
        return [read_csv(path, display, raw, columns, read_as)]
    if content == "html":
        raise _error("read.html", display, suffix=suffix)
    if content == "xml" and SPREADSHEET_XML in raw[:8192]:
        raise _error("read.xml_spreadsheet", display)
    if content == "text" and suffix == ".xls" and _decodes(raw, display):
        log.add("warning", "read.text_named_workbook", file=display, suffix=suffix)
        return [read_csv(path, display, raw, columns, read_as)]
    return read_excel(path, display, columns, log, raw, read_as)


def _decodes(raw: bytes, display: str) -> bool:
    try:
        decode(raw, display)
    except InputError:
        return False
    return True


def open_workbook(raw: bytes, display: str) -> tuple[Any, zipfile.ZipFile | None]:
    """A fastexcel reader over the bytes, and the zip archive when the workbook is one.

    Refuses, each with its own message: a damaged zip, a zip bomb (by its directory or by its real
    size), a zip without a workbook, a sheet whose cells with a value span more than calamine can
    hold (``RANGE_MAX_CELLS``: one value in an xlsx's last cell, or an ods row repeated a million
    times), a password-protected workbook (an OLE2 file holding an ``EncryptedPackage``, or calamine
    saying so).
    """
    reader, archive, _ = _open(raw, display)
    return reader, archive


def _open(raw: bytes, display: str) -> tuple[Any, zipfile.ZipFile | None, dict[str, tuple[int, SheetScan]]]:
    """``open_workbook``, and for an ods each sheet's first row with a value (0-based) and scan.

    An xlsx's sheets are scanned as they are read.
    """
    import fastexcel

    archive: zipfile.ZipFile | None = None
    ods_scans: dict[str, tuple[int, SheetScan]] = {}
    if sniff(raw) == "zip":
        ranges: dict[str, UsedRange] = {}
        archive = check_zip(raw, display, lambda member: _watch_range(member, ranges))
        if not is_workbook(archive):
            raise _error("read.not_workbook", display)
        _check_ranges(raw, archive, display, ranges)
        ods_scans = check_ods(raw, archive, display)
    elif raw.startswith(OLE_MAGIC) and ENCRYPTED_PACKAGE in raw:
        raise _error("read.password", display)
    try:
        return fastexcel.read_excel(raw), archive, ods_scans
    except Exception as error:  # fastexcel's errors come from Rust and share no base we can name
        raise _load_error(display, None, error) from None


def _watch_range(member: str, ranges: dict[str, UsedRange]) -> UsedRange | None:
    if not re.search(r"(^|/)worksheets/[^/]+\.xml$", member):
        return None
    ranges[member] = UsedRange()
    return ranges[member]


def _check_ranges(raw: bytes, archive: zipfile.ZipFile, display: str, ranges: dict[str, UsedRange]) -> None:
    """Refuse a sheet whose used range calamine could not hold, before fastexcel loads it."""
    for sheet, member in sheet_members(archive).items():
        if member not in ranges:  # a sheet kept somewhere unusual: bound it now
            try:
                info = archive.getinfo(member)
            except KeyError:
                continue
            used = ranges[member] = UsedRange()
            for piece in inflate(raw, info, display):
                used(piece)
        if ranges[member].cells <= RANGE_MAX_CELLS:
            continue
        cells, corner = exact_range(inflate(raw, archive.getinfo(member), display))
        if cells > RANGE_MAX_CELLS:
            raise _error("read.huge_range", display, sheet, corner=corner, cells=cells, limit=RANGE_MAX_CELLS)


# ---------------------------------------------------------------------------------------------
# Applying a sheet scan (``sheetscan``) to the cells read


def apply_scan(sheet: RawSheet, scan: SheetScan, columns: dict[Field, int]) -> None:
    """Warn about formulas without a value and error cells (read as blank); settle merged cells.

    A merged range down a posting column (posting id, title, unit, deadline ...) labels a block of
    rows: its value is filled down over the rows it covers, with a warning. Any other covered cell
    is left blank, with a warning naming its rows: a merged declaration or answer is never copied
    to another applicant.
    """
    by_column = {index: fld for fld, index in columns.items()}
    below = sheet.header_row
    for column, rows in sorted(scan.no_value.items()):
        if column in by_column:
            for row in rows:
                if row > below:
                    sheet.warn("value.formula_no_value", row, sheet.mapping[by_column[column]])
                    sheet.mark_unknown(by_column[column], row)
    for row, column, error in scan.errors:
        if row > below and column in by_column:
            sheet.warn("value.cell_error", row, sheet.mapping[by_column[column]], error=error)
            sheet.mark_unknown(by_column[column], row)
    for top, left, bottom, right in scan.merged:
        if bottom <= below:
            continue
        for column in range(left, right + 1):
            fld = by_column.get(column)
            if fld is not None:
                _settle_merge(sheet, fld, top, bottom, filled=column == left)


def _settle_merge(sheet: RawSheet, fld: Field, top: int, bottom: int, filled: bool) -> None:
    header = sheet.mapping[fld]
    start = max(top, sheet.first_data_row)
    first, last = start - sheet.first_data_row, bottom - sheet.first_data_row
    if last < 0 or first >= len(sheet.data):
        return
    last = min(last, len(sheet.data) - 1)
    if filled and SPECS[fld].level == "posting" and top >= sheet.first_data_row and bottom > top:
        frame = sheet.data
        if isinstance(frame, TextColumns):
            column = frame[fld.value]
            column[first + 1:last + 1] = [column[first]] * (last - first)
        else:
            frame.loc[frame.index[first + 1:last + 1], fld.value] = frame[fld.value].iloc[first]
        sheet.warn("read.merged_filled", top, header, last=bottom)
        return
    covered = start + 1 if filled and top >= sheet.first_data_row else start
    if covered <= bottom:
        sheet.warn("read.merged_blank", covered, header, last=bottom)
        for row in range(covered, min(bottom, sheet.first_data_row + len(sheet.data) - 1) + 1):
            sheet.mark_unknown(fld, row)


# ---------------------------------------------------------------------------------------------
# Excel and OpenDocument


def _load_error(display: str, sheet: str | None, error: BaseException) -> InputError:
    message = _short(error)
    if "KeyboardInterrupt" in message:
        raise KeyboardInterrupt  # Ctrl-C while fastexcel called back into Python: not a damaged file
    if re.search(r"password|encrypt", message, re.I):
        return _error("read.password", display, sheet)
    return _error("read.unreadable", display, sheet, error=message)


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


def _absolute(sheet: Any, positions: list[int]) -> list[int]:
    """Positions in the sheet's range as fastexcel's ``use_columns`` wants them: counted from column A."""
    infos = sheet.available_columns()
    return [int(getattr(infos[p], "absolute_index", p)) for p in positions]


def _absolute_columns(sheet: Any, match: HeaderMatch) -> dict[Field, int]:
    """Each mapped field's 0-based column in the sheet (A = 0), whatever column the data starts in."""
    infos = sheet.available_columns()
    return {fld: int(getattr(infos[p], "absolute_index", p)) for fld, p in match.mapping.items() if p < len(infos)}


def read_excel(path: Path, display: str, columns: ColumnMap, log: ProblemLog,
               raw: bytes | None = None, read_as: TableKind = "auto") -> list[RawSheet]:
    """Every visible sheet whose header maps both ids; hidden, empty and unrelated sheets are noted.

    The common case, a header in the first row, is one read that converts only the mapped
    columns. Only when the first row is not the header (title rows above it) are the first
    rows probed to find it, and then the mapped columns are read again from there.
    """
    raw = path.read_bytes() if raw is None else raw
    reader, archive, ods_scans = _open(raw, display)
    try:
        names = list(reader.sheet_names)
    except Exception as error:
        raise _load_error(display, None, error) from None
    sheets: list[RawSheet] = []
    skipped: list[tuple[str, str]] = []
    for name in names:
        loaded = _read_sheet(reader, archive, name, display, columns, read_as, ods_scans.get(name))
        if isinstance(loaded, str):
            skipped.append((name, loaded))
        else:
            sheets.append(loaded)
    if not sheets:
        raise _no_sheet_error(display, names, skipped)
    for name, reason in skipped:
        log.add("warning", f"read.sheet_skipped_{reason}", file=display, sheet=name)
    for sheet in sheets:
        _check_row_limit(sheet, csv_file=False)
    return sheets


def _no_sheet_error(display: str, names: list[str], skipped: list[tuple[str, str]]) -> InputError:
    if not names or all(reason == "empty" for _, reason in skipped):
        return _error("read.empty_workbook", display)
    quoted = ", ".join(f"«{n}»" for n in names)
    hidden = [n for n, reason in skipped if reason == "hidden"]
    if hidden:
        return _error("read.no_sheet_hidden", display, sheets=quoted, hidden=", ".join(f"«{n}»" for n in hidden))
    return _error("read.no_sheet", display, sheets=quoted)


def _read_sheet(reader: Any, archive: zipfile.ZipFile | None, name: str, display: str,
                columns: ColumnMap, read_as: TableKind,
                ods_scan: tuple[int, SheetScan] | None = None) -> RawSheet | str:
    """One sheet, or why it was skipped: ``hidden``, ``empty`` or ``no_ids``.

    In an xlsx the sheet's XML is scanned (``scan_sheet``) in a thread while fastexcel reads it; an
    ods's sheets were scanned before (``check_ods``), so its scan is at hand.
    """
    if ods_scan is not None:
        done: Future[SheetScan] = Future()
        done.set_result(ods_scan[1])
        return _load_sheet(reader, name, display, columns, read_as, ods_scan[0], done)
    member = sheet_member(archive, name) if archive is not None else None
    if archive is None or member is None:
        return _load_sheet(reader, name, display, columns, read_as, 0, None)
    start = first_row(archive, member)
    stop = threading.Event()
    with ThreadPoolExecutor(max_workers=1) as pool:
        pending = pool.submit(scan_sheet, archive, member, stop)
        try:
            return _load_sheet(reader, name, display, columns, read_as, start, pending)
        finally:
            stop.set()  # a sheet skipped or failed needs no scan: let the thread end early


def _load_sheet(reader: Any, name: str, display: str, columns: ColumnMap, read_as: TableKind, start: int,
                pending: Future[SheetScan] | None) -> RawSheet | str:
    try:
        first = reader.load_sheet(name, header_row=0, dtypes="string",
                                  use_columns=lambda info: columns.field_for(str(info.name)) is not None)
        visible = str(getattr(first, "visible", "visible"))
        headers = _header_names(first)
    except Exception as error:
        raise _load_error(display, name, error) from None
    if visible != "visible":
        return "hidden"
    if not headers:
        return "empty"
    match = match_header([headers], columns)
    if match is not None and all(f in match.mapping for f in ID_FIELDS):
        wanted = sorted(match.mapping.values())
        try:
            frame = _columns_of(first, read_as)
            if len(frame.columns) != len(wanted):  # two headers for one field: keep the first's column
                frame = _columns_of(reader.load_sheet(name, header_row=0, dtypes="string",
                                                      use_columns=_absolute(first, wanted)), read_as)
        except Exception as error:
            raise _load_error(display, name, error) from None
        frame = _named(frame, [_field_at(match, p).value for p in wanted])
        sheet, positions = _raw(display, name, start + 1, match, frame), _absolute_columns(first, match)
    else:
        below = _read_below_title(reader, name, display, columns, start, read_as)
        if below is None:
            return "no_ids"
        sheet, positions = below
    if pending is not None:
        try:
            scan = _wait(pending)
        except (zipfile.BadZipFile, OSError, EOFError, zlib.error) as error:
            raise _load_error(display, name, error) from None
        apply_scan(sheet, scan, positions)
    return sheet


def _wait(pending: Future[SheetScan]) -> SheetScan:
    """The scan's result, waited for in short steps so that Ctrl-C is felt at once."""
    while True:
        try:
            return pending.result(timeout=0.2)
        except FuturesTimeout:
            continue


def _read_below_title(reader: Any, name: str, display: str, columns: ColumnMap,
                      start: int, read_as: TableKind) -> tuple[RawSheet, dict[Field, int]] | None:
    """Find the header among the first rows of a sheet with title rows, then read its mapped columns."""
    try:
        probed = reader.load_sheet(name, header_row=None, n_rows=PROBE_ROWS, dtypes="string")
        rows = _rows_of(probed, read_as != "pandas")  # at most PROBE_ROWS rows
    except Exception as error:
        raise _load_error(display, name, error) from None
    match = match_header(rows, columns)
    del rows
    if match is None or not all(f in match.mapping for f in ID_FIELDS):
        return None
    absolute = start + match.index
    wanted = sorted(match.mapping.values())
    try:
        loaded = reader.load_sheet(name, header_row=absolute, dtypes="string",
                                   use_columns=_absolute(probed, wanted))
        frame = _columns_of(loaded, read_as)
    except Exception as error:
        raise _load_error(display, name, error) from None
    got = [re.sub(r"_\d+$", "", _cell_text(c)) for c in frame.columns]
    if got != [re.sub(r"_\d+$", "", match.headers[p]) for p in wanted]:
        raise _error("read.header_moved", display, name, absolute + 1)
    frame = _named(frame, [_field_at(match, p).value for p in wanted])
    return _raw(display, name, absolute + 1, match, frame), _absolute_columns(loaded, match)


def _columns_of(sheet: Any, read_as: TableKind) -> Data:
    """A loaded fastexcel sheet's columns: as lists (``arrowtext``, no pandas) or as a pandas frame, by its
    rows (``textcolumns.use_lists``).

    A column in an Arrow layout ``arrowtext`` does not read (not seen with ``dtypes="string"``) makes
    it a frame after all, never an error.
    """
    from rekruttering.read.arrowtext import ArrowLayoutError, text_columns

    if use_lists(int(sheet.height), read_as):
        try:
            names, cells, rows = text_columns(sheet)
        except ArrowLayoutError:
            pass
        else:
            return TextColumns(dict(zip(names, cells, strict=True)), rows)
    frame: pd.DataFrame = sheet.to_pandas()
    return frame


def _rows_of(sheet: Any, lists: bool) -> list[list[object]]:
    """A loaded fastexcel sheet's rows, a missing cell as None."""
    from rekruttering.read.arrowtext import ArrowLayoutError, text_columns

    if lists:
        try:
            _, cells, rows = text_columns(sheet)
        except ArrowLayoutError:
            pass
        else:
            return [list(row) for row in zip(*cells, strict=True)] if cells else [[] for _ in range(rows)]
    probe = sheet.to_pandas()
    out: list[list[object]] = probe.astype(object).where(probe.notna(), None).values.tolist()
    return out


def _named(frame: Data, names: list[str]) -> Data:
    """The same columns under the fields' names."""
    if isinstance(frame, TextColumns):
        return frame.rename(names)
    frame.columns = names
    return frame


def _field_at(match: HeaderMatch, position: int) -> Field:
    return next(f for f, p in match.mapping.items() if p == position)


def _raw(display: str, sheet: str | None, header_row: int, match: HeaderMatch, frame: Data) -> RawSheet:
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


def _check_row_limit(sheet: RawSheet, *, csv_file: bool) -> None:
    """A sheet that ends on Excel's last row may have been cut; a csv beyond it cannot have been in Excel."""
    last = sheet.first_data_row + len(sheet.data) - 1
    if csv_file and last > EXCEL_MAX_ROWS:
        sheet.warn("read.beyond_excel_rows", EXCEL_MAX_ROWS + 1, rows=last, limit=EXCEL_MAX_ROWS)
    elif last == EXCEL_MAX_ROWS:
        sheet.warn("read.excel_row_limit", EXCEL_MAX_ROWS, limit=EXCEL_MAX_ROWS)


# ---------------------------------------------------------------------------------------------
# CSV


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
    header or in a row, do not count. A small file is read by the csv module into lists (no pandas).
    """
    text, encoding = decode(raw, display)
    if not text.strip():
        raise _error("read.empty", display)
    with _long_fields():
        head_lines = text.splitlines()[:PROBE_ROWS]
        best: tuple[HeaderMatch, str] | None = None
        for separator in SEPARATORS:
            rows = list(csv.reader(head_lines, delimiter=separator))
            match = match_header(rows, columns)
            if match is not None and (best is None or _better(match, best[0])):
                best = (match, separator)
        if best is None or not all(f in best[0].mapping for f in ID_FIELDS):
            raise _no_header_error(display, None, list(csv.reader(head_lines, delimiter=";")), encoding)
        match, separator = best
        lists = use_lists(max(text.count("\n"), text.count("\r")) - match.index - 1, read_as)  # about the rows
        frame: Data | None = None
        counts: Counts | None = None
        if '"' not in text and not lists:
            frame = _parse_csv(text, separator, match)
        if frame is None:  # quotes, rows the fast parser cannot take, or a small file: the csv module
            frame, counts = _parse_quoted(text, separator, match, display, lists)
    sheet = _raw(display, None, match.index + 1, match, frame)
    _check_structure(sheet, text, separator, match, counts)
    _check_row_limit(sheet, csv_file=True)
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
    frame.columns = [_field_at(match, p).value for p in wanted]
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
    named = {_field_at(match, p).value: column for p, column in zip(wanted, cells, strict=True)}
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

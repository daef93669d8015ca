"""Read workbooks (xlsx, xlsm, xls, ods) into sheets of mapped columns, through fastexcel (calamine).

fastexcel is about ten times faster than openpyxl. Before it opens a zip, the zip's central
directory is checked against zip bombs (``check_zip``) and each sheet's used range against what
calamine can hold. In xlsx/xlsm sheets, the sheet XML is scanned for what calamine would turn
silently into blanks: formulas without a computed value, error cells (``#N/A``) and merged cells
(``scan_sheet``). A small sheet is read out of fastexcel's Arrow buffers into lists (``arrowtext``),
without pandas.
"""

from __future__ import annotations

import re
import threading
import zipfile
import zlib
from concurrent.futures import Future, ThreadPoolExecutor
from concurrent.futures import TimeoutError as FuturesTimeout
from pathlib import Path
from typing import TYPE_CHECKING, Any

from rekruttering.errors import InputError
from rekruttering.problems import ProblemLog
from rekruttering.problems import first_line as _short
from rekruttering.problems import input_error as _error
from rekruttering.read.fields import ID_FIELDS, SPECS, ColumnMap, Field
from rekruttering.read.filetypes import ENCRYPTED_PACKAGE, OLE_MAGIC, check_zip, inflate, is_workbook, sniff
from rekruttering.read.odsscan import check_ods
from rekruttering.read.sheet import (
    PROBE_ROWS,
    HeaderMatch,
    RawSheet,
    cell_text,
    check_row_limit,
    field_at,
    match_header,
    raw_sheet,
)
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
        check_row_limit(sheet, csv_file=False)
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
        frame = _named(frame, [field_at(match, p).value for p in wanted])
        sheet, positions = raw_sheet(display, name, start + 1, match, frame), _absolute_columns(first, match)
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
    got = [re.sub(r"_\d+$", "", cell_text(c)) for c in frame.columns]
    if got != [re.sub(r"_\d+$", "", match.headers[p]) for p in wanted]:
        raise _error("read.header_moved", display, name, absolute + 1)
    frame = _named(frame, [field_at(match, p).value for p in wanted])
    return raw_sheet(display, name, absolute + 1, match, frame), _absolute_columns(loaded, match)


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

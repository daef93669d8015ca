"""OpenDocument spreadsheets (ods): what calamine would expand too far, or turn silently into blanks.

An ods keeps its sheets in ``content.xml``, where a row or cell may stand for many
(``table:number-rows-repeated``, ``table:number-columns-repeated``): LibreOffice ends every sheet
with an empty row repeated to the last row, which costs nothing, but one non-empty row repeated a
million times is a million rows in memory. ``scan_ods`` walks the tags once, counting places, and
gives per sheet the range of cells with a value, merged cells (``number-rows-spanned``,
``number-columns-spanned``) and formulas without a value, in the form of an xlsx ``SheetScan``.
"""

from __future__ import annotations

import re
import zipfile
from array import array
from collections.abc import Iterable
from dataclasses import dataclass, field

from rekruttering.problems import input_error
from rekruttering.read.filetypes import inflate
from rekruttering.read.sheetscan import RANGE_MAX_CELLS, SheetScan, column_letters
from rekruttering.read.sheetscan import _unescape as unescape  # xml.sax.saxutils would import urllib, http and ssl

_PREFIX = re.compile(rb"<([\w.-]+):table[\s>]")
_NAME = re.compile(rb"\bname=(?:\"([^\"]*)\"|'([^']*)')")
_ROWS_REPEATED = re.compile(rb"\bnumber-rows-repeated=[\"'](\d+)")
_COLUMNS_REPEATED = re.compile(rb"\bnumber-columns-repeated=[\"'](\d+)")
_ROWS_SPANNED = re.compile(rb"\bnumber-rows-spanned=[\"'](\d+)")
_COLUMNS_SPANNED = re.compile(rb"\bnumber-columns-spanned=[\"'](\d+)")
_HAS_VALUE = re.compile(rb"\bvalue-type=")
_FORMULA = re.compile(rb"\bformula=")


@dataclass
class OdsSheet:
    """One sheet of an ods: its scan, and the range of its cells with a value (rows 1-based, columns 0-based)."""

    name: str
    scan: SheetScan = field(default_factory=SheetScan)
    top: int = 1 << 62
    bottom: int = 0
    right: int = -1

    @property
    def cells(self) -> int:
        return 0 if self.right < 0 else (self.bottom - self.top + 1) * (self.right + 1)

    @property
    def corner(self) -> str:
        return f"{column_letters(self.right)}{self.bottom}"

    def holds(self, row: int, repeat: int, right: int) -> None:
        self.top, self.bottom = min(self.top, row), max(self.bottom, row + repeat - 1)
        self.right = max(self.right, right)


class _Tags:
    """The tags of one namespace prefix (``table:`` nearly always), compiled once."""

    def __init__(self, prefix: bytes) -> None:
        self.structure = re.compile(rb"<" + prefix + rb":(table|table-row)(?=[\s/>])([^<>]*?)(/?)>")
        self.cell = re.compile(rb"<" + prefix + rb":(?:covered-)?table-cell(?=[\s/>])([^<>]*?)(/?)>")
        self.cell_start = b"<" + prefix + b":table-cell"
        self.covered_start = b"<" + prefix + b":covered-table-cell"
        self.row_start = b"<" + prefix + b":table-row"
        self.row_end = b"</" + prefix + b":table-row>"
        self.cell_end = b"</" + prefix + b":table-cell>"


def scan_ods(pieces: Iterable[bytes]) -> list[OdsSheet]:
    """Every sheet of an ods's ``content.xml``, walked once from its inflated pieces.

    Most rows are told by counting in C (cells, ``value-type=``); only a row with a repeated cell,
    a formula or a merge is walked cell by cell, so the walk costs little beside calamine's read.
    """
    sheets: list[OdsSheet] = []
    tags: _Tags | None = None
    row = 0
    carry = b""
    for piece in pieces:
        data = carry + piece
        if tags is None:
            found = _PREFIX.search(data)
            if found is None:
                carry = data[-4096:]
                continue
            tags = _Tags(found.group(1))
        cut = data.rfind(tags.row_start)
        if cut <= 0 and len(data) < (64 << 20):
            carry = data
            continue
        cut = cut if cut > 0 else len(data)
        carry, data = data[cut:], data[:cut]
        row = _walk(data, tags, sheets, row)
    if carry and tags is not None:
        _walk(carry, tags, sheets, row)
    return sheets


def _walk(data: bytes, tags: _Tags, sheets: list[OdsSheet], row: int) -> int:
    """Tables and rows of one piece; returns the 1-based row after the last one seen."""
    for match in tags.structure.finditer(data):
        name, attributes, empty = match.groups()
        if name == b"table":
            found = _NAME.search(attributes)
            label = (found.group(1) or found.group(2) or b"") if found else b""
            sheets.append(OdsSheet(unescape(label.decode("utf-8", "replace"))))
            row = 1
            continue
        repeated = _ROWS_REPEATED.search(attributes)
        repeat = int(repeated.group(1)) if repeated else 1
        if not empty and sheets:
            end = data.find(tags.row_end, match.end())
            _row(data, match.end(), end if end >= 0 else len(data), row, repeat, tags, sheets[-1])
        row += repeat
    return row


def _row(data: bytes, start: int, end: int, row: int, repeat: int, tags: _Tags, sheet: OdsSheet) -> None:
    """One row's cells with a value (their extent, times the row's repeat), merges and formulas without a value."""
    if data.find(b"value-type=", start, end) < 0 and data.find(b"formula=", start, end) < 0:
        return  # nothing in it: an empty row, repeated or not, costs calamine nothing
    detail = data.find(b"formula=", start, end) >= 0 or data.find(b"spanned=", start, end) >= 0
    if not detail and data.find(b"columns-repeated=", start, end) < 0:
        # every cell counts, an empty one at the end too: a bound, which is all the limit needs
        cells = data.count(tags.cell_start, start, end) + data.count(tags.covered_start, start, end)
        sheet.holds(row, repeat, cells - 1)
        return
    column = 0
    for cell in tags.cell.finditer(data, start, end):
        attributes, closed = cell.groups()
        repeated = _COLUMNS_REPEATED.search(attributes)
        across = int(repeated.group(1)) if repeated else 1
        has_value = _HAS_VALUE.search(attributes) is not None
        if detail:
            _merge(attributes, row, column, sheet)
            if not has_value and _FORMULA.search(attributes) and not _has_text(data, cell.end(), end, closed, tags):
                for offset in range(min(across, 1024)):
                    sheet.scan.no_value.setdefault(column + offset, array("I")).append(row)
        if has_value:
            sheet.holds(row, repeat, column + across - 1)
        column += across


def _merge(attributes: bytes, row: int, column: int, sheet: OdsSheet) -> None:
    rows, columns = _ROWS_SPANNED.search(attributes), _COLUMNS_SPANNED.search(attributes)
    down = int(rows.group(1)) if rows else 1
    across = int(columns.group(1)) if columns else 1
    if down > 1 or across > 1:
        sheet.scan.merged.append((row, column, row + down - 1, column + across - 1))


def _has_text(data: bytes, at: int, end: int, closed: bytes, tags: _Tags) -> bool:
    """Whether a cell opened before ``at`` holds a paragraph with text."""
    if closed:
        return False
    close = data.find(tags.cell_end, at, end)
    body = data[at:close if close >= 0 else end]
    return re.search(rb"<[\w.-]+:p\b[^<>]*(?<!/)>\s*[^<\s]", body) is not None


def check_ods(raw: bytes, archive: zipfile.ZipFile, display: str) -> dict[str, tuple[int, SheetScan]]:
    """Each sheet's first row with a value (0-based, where calamine's range starts) and scan.

    Refuses a sheet whose cells with a value span more than ``RANGE_MAX_CELLS``, before calamine
    expands its repeated rows and cells. Not an ods (no ``content.xml``): nothing.
    """
    try:
        info = archive.getinfo("content.xml")
    except KeyError:
        return {}
    scans: dict[str, tuple[int, SheetScan]] = {}
    for sheet in scan_ods(inflate(raw, info, display)):
        if sheet.cells > RANGE_MAX_CELLS:
            raise input_error("read.huge_range_ods", display, sheet.name, corner=sheet.corner, cells=sheet.cells,
                              limit=RANGE_MAX_CELLS)
        scans[sheet.name] = (sheet.top - 1 if sheet.right >= 0 else 0, sheet.scan)
    return scans

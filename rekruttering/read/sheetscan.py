"""The sheet XML of an xlsx: where the data starts, and what calamine would silently turn into blanks.

Formulas without a stored value, error cells (``#N/A``, ``#DIV/0!``) and merged cells are found
by streaming the sheet's XML out of the archive in chunks, in a thread beside fastexcel's read.
Before that, while the zip's real size is measured, ``UsedRange`` bounds the range calamine would
allocate for the sheet, so that one value in the last cell (``XFD1048576``) is refused, not fatal.
"""

from __future__ import annotations

import functools
import re
import threading
import zipfile
from array import array
from collections.abc import Iterator
from dataclasses import dataclass, field

from rekruttering.read.filetypes import MIB

SCAN_CHUNK = 8 * MIB
RANGE_MAX_CELLS = 1 << 26  # 64 columns of 1,048,576 rows: calamine holds every cell of the range, empty or not
EXCEL_MAX_ROWS = 1_048_576
_P = rb"(?:[\w.-]+:)?"  # any namespace prefix: <c>, <x:c>
_Q = rb"[\"']"
# One cell, its body stopping at the next cell tag whether or not it was closed: no match can run
# past the next cell, so the scan is linear even over unterminated or commented-out cells.
_CELL = re.compile(rb"<" + _P + rb"c\b([^<>]*?)(?:/>|>([^<]*(?:<(?!/?" + _P + rb"c\b)[^<]*)*)(</" + _P + rb"c>)?)")
_MERGE_TAG = re.compile(rb"<" + _P + rb"mergeCell\b([^<>]*)>")
_MERGE_REF = re.compile(rb"\bref=" + _Q + rb"\$?([A-Z]{1,3})\$?(\d+)(?::\$?([A-Z]{1,3})\$?(\d+))?" + _Q)
_FIRST_CELL = re.compile(rb"<" + _P + rb"c\b[^<>]*\br=" + _Q + rb"[A-Z]+(\d+)" + _Q + rb"[^<>]*?(/?)>")
_REF = re.compile(rb"\br=" + _Q + rb"([A-Z]{1,3})(\d+)" + _Q)
_REF_AT = re.compile(rb"r=" + _Q + rb"([A-Z]{1,3})(\d+)")
_TYPE = re.compile(rb"\bt=" + _Q + rb"(\w+)" + _Q)
_FORMULA = re.compile(rb"<" + _P + rb"f\b")
_VALUE = re.compile(rb"<" + _P + rb"v>([^<]*)</")
_CELL_TAG = re.compile(rb"<" + _P + rb"c\b[^<>]*?\br=" + _Q + rb"([A-Z]{1,3})(\d+)" + _Q + rb"[^<>]*?(/?)>")
_CELL_START = re.compile(rb"<" + _P + rb"c[\s>/]")


@dataclass
class SheetScan:
    """What calamine does not tell about an xlsx sheet, from its XML: every column, every row."""

    no_value: dict[int, array[int]] = field(default_factory=dict)  # column -> rows of formulas without a value
    errors: list[tuple[int, int, str]] = field(default_factory=list)  # (row, column, error) of #N/A, #DIV/0! ...
    merged: list[tuple[int, int, int, int]] = field(default_factory=list)  # (first row, first col, last row, col)


def _column_index(letters: bytes) -> int:
    """0-based column of ``A``, ``B``, ... ``AA``."""
    index = 0
    for letter in letters:
        index = index * 26 + letter - 64
    return index - 1


def sheet_members(archive: zipfile.ZipFile) -> dict[str, str]:
    """Sheet name -> the archive member holding its XML, found through the workbook and its relationships."""
    try:
        workbook = archive.read("xl/workbook.xml").decode("utf-8", "replace")
        rels = archive.read("xl/_rels/workbook.xml.rels").decode("utf-8", "replace")
    except (KeyError, zipfile.BadZipFile, OSError):
        return {}
    targets: dict[str, str] = {}
    for match in re.finditer(r"<(?:[\w.-]+:)?Relationship\b[^<>]*>", rels):
        rid = re.search(r"\bId=[\"']([^\"']*)[\"']", match.group(0))
        target = re.search(r"\bTarget=[\"']([^\"']*)[\"']", match.group(0))
        if rid and target:
            path = target.group(1)
            targets[rid.group(1)] = path.lstrip("/") if path.startswith("/") else f"xl/{path}"
    members: dict[str, str] = {}
    for match in re.finditer(r"<(?:[\w.-]+:)?sheet\b[^<>]*>", workbook):
        tag = match.group(0)
        name = re.search(r"\bname=(?:\"([^\"]*)\"|'([^']*)')", tag)
        found = re.search(r"\b(?:[\w.-]+:)?id=[\"']([^\"']*)[\"']", tag)
        if name and found and found.group(1) in targets:
            members[_unescape(name.group(1) if name.group(1) is not None else name.group(2))] = targets[found.group(1)]
    return members


def sheet_member(archive: zipfile.ZipFile, sheet: str) -> str | None:
    """The archive member holding a sheet's XML."""
    return sheet_members(archive).get(sheet)


# ---------------------------------------------------------------------------------------------
# The used range: calamine allocates every cell between the first and the last one with a value


def column_letters(index: int) -> str:
    """``A`` for 0, ``AA`` for 26."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


@functools.lru_cache(maxsize=256)
def _beyond(column: int, digits: int) -> re.Pattern[bytes]:
    """A cell reference right of ``column``, or with a row of more than ``digits`` digits (past 1,049,999
    once rows have seven): what could widen a range known so far."""
    letters = column_letters(column).encode() if column >= 0 else b""
    wider = [rb"[A-Z]{%d,3}" % (len(letters) + 1)] if len(letters) < 3 else []
    for i in range(len(letters)):
        if letters[i] < ord("Z"):
            rest = len(letters) - i - 1
            wider.append(letters[:i] + b"[%c-Z]" % (letters[i] + 1) + (rb"[A-Z]{%d}" % rest if rest else b""))
    # past six digits, rows up to 1,049,999 widen nothing: calamine's own bound is 1,048,576
    longer = rb"\d{%d}" % (digits + 1) if digits < 7 else rb"(?:\d{8}|1(?:0[5-9]|[1-9]\d)\d{4}|[2-9]\d{6})"
    alternatives = [rb"(?:" + b"|".join(wider) + rb")\d"] if wider else []
    alternatives.append(rb"[A-Z]{1,3}" + longer)
    return re.compile(rb"r=" + _Q + rb"(?:" + b"|".join(alternatives) + rb")")


class UsedRange:
    """The far corner of a sheet's cells with a value, bounded cheaply as its XML streams past.

    Fed every inflated piece of the sheet (by ``filetypes.check_zip``); only a reference that
    widens what is known so far stops the regex, so the cost is one pass in C. ``cells`` bounds the
    range calamine would allocate; when it is over ``RANGE_MAX_CELLS`` an exact pass
    (``exact_range``) decides, as the row bound is coarse (its number of digits).
    """

    def __init__(self) -> None:
        self.column = -1
        self.digits = 0
        self.row = 0
        self._tail = b""

    def __call__(self, piece: bytes) -> None:
        data = self._tail + piece
        at = 0
        while (hit := _beyond(self.column, self.digits).search(data, at)) is not None:
            at = hit.end()
            ref = _REF_AT.match(data, hit.start())
            if ref is None or _empty_cell(data, ref.end()):
                continue
            row = int(ref.group(2))
            self.column = max(self.column, _column_index(ref.group(1)))
            self.row = max(self.row, row)
            self.digits = max(self.digits, len(ref.group(2)))
        self._tail = data[-64:]

    @property
    def cells(self) -> int:
        rows = 10 ** self.digits - 1 if self.digits < 7 else 1_049_999
        return max(rows, self.row) * (self.column + 1)


def _empty_cell(data: bytes, at: int) -> bool:
    """Whether the cell tag around ``at`` holds nothing: ``<c r="X9" s="1"/>`` or ``<c ...></c>``."""
    close = data.find(b">", at, at + 4096)
    if close < 0:
        return False
    return data[close - 1] == ord("/") or data.startswith(b"</", close + 1)


def exact_range(pieces: Iterator[bytes]) -> tuple[int, str]:
    """The number of cells in the range calamine would allocate, and its far corner (``XFD1048576``)."""
    top = left = 1 << 30
    bottom = right = -1
    carry = b""
    for piece in pieces:
        data = carry + piece
        cut = data.rfind(b"<")
        carry, data = (data[cut:], data[:cut]) if cut >= 0 else (b"", data)
        for cell in _CELL_TAG.finditer(data):
            if cell.group(3) == b"/" or data.startswith(b"</", cell.end()):
                continue
            row, column = int(cell.group(2)), _column_index(cell.group(1))
            top, bottom, left, right = min(top, row), max(bottom, row), min(left, column), max(right, column)
    if bottom < 0:
        return 0, "A1"
    return (bottom - top + 1) * (right - left + 1), f"{column_letters(right)}{bottom}"


def _chunks(archive: zipfile.ZipFile, member: str, stop: threading.Event | None) -> Iterator[bytes]:
    """The member's bytes in pieces that end before a cell tag (``<c ``, ``<x:c>``) that may be cut off.

    The merge list comes after the last cell, so it always arrives whole, in the last piece.
    """
    carry = b""
    with archive.open(member) as stream:
        while block := stream.read(SCAN_CHUNK):
            if stop is not None and stop.is_set():
                return
            data = carry + block
            cut = _last_cell_start(data)
            if cut <= 0 and len(data) < 4 * SCAN_CHUNK:
                carry = data
                continue
            if cut <= 0:
                cut = len(data)  # one giant cell: scan it as it is rather than hold ever more
            carry = data[cut:]
            yield data[:cut]
    if carry:
        yield carry


def _last_cell_start(data: bytes) -> int:
    """Where the last cell tag starts, or -1; looked for from the end, so it costs little."""
    at = len(data)
    while (at := data.rfind(b"<", 0, at)) >= 0:
        if _CELL_START.match(data, at):
            return at
        if len(data) - at > (1 << 20):
            break  # no cell in the last MiB: none to cut off
    return -1


def first_row(archive: zipfile.ZipFile, member: str) -> int:
    """0-based index of the first row with a value, as calamine counts its range from there."""
    try:
        with archive.open(member) as stream:
            head = stream.read(1 << 18)
    except (KeyError, zipfile.BadZipFile, OSError):
        return 0
    for cell in _FIRST_CELL.finditer(head):
        if cell.group(2) == b"/":
            continue  # a styled but empty cell
        return int(cell.group(1)) - 1
    return 0


class Interrupted(Exception):
    """The scan was told to stop."""


def scan_sheet(archive: zipfile.ZipFile, member: str, stop: threading.Event | None = None) -> SheetScan:
    """Formula cells without a value, error cells and merged ranges of one sheet.

    The XML is read once in pieces; a piece holding none of ``<f``, ``t="e"``, ``<mergeCell`` or a
    comment is not parsed further, so a plain export costs one decompression (run beside fastexcel's
    read, in a thread: both leave the GIL). Once a formula is seen every later cell is parsed, as a
    shared formula's later cells (``<f t="shared" si="0"/>``) look like any other. Any namespace
    prefix (``<x:c>``) and either quote are understood; a cell inside an XML comment is no cell. The
    scan is linear in the size of the XML and checks ``stop`` as it goes.
    """
    scan = SheetScan()
    formulas = False
    in_comment = False
    markers: tuple[bytes, bytes, bytes] | None = None
    for chunk in _chunks(archive, member, stop):
        markers = markers or _markers(chunk)
        if markers is not None:  # else no cell yet to tell the sheet's style by: parse the piece
            formula, error, merge = markers
            formulas = formulas or formula in chunk
            if not (formulas or in_comment or error in chunk or merge in chunk):
                continue
        in_comment = _scan_chunk(chunk, scan, in_comment, stop)
    return scan


def _markers(head: bytes) -> tuple[bytes, bytes, bytes] | None:
    """What a formula, an error cell and a merge look like in this sheet, from its first cell.

    A piece holding none of them is not parsed; each is looked for with bytes' own search (a regex
    would be ten times slower), and a sheet writes every tag with the same prefix and quotes.
    """
    cell = _CELL_TAG.search(head)
    if cell is None:
        return None
    tag = cell.group(0)
    prefix = tag[1:tag.index(b"c", tag.find(b":") + 1)]
    quote = b"'" if re.search(rb"\br='", tag) else b'"'
    return b"<" + prefix + b"f", b"t=" + quote + b"e" + quote, b"<" + prefix + b"mergeCell"


def _scan_chunk(chunk: bytes, scan: SheetScan, in_comment: bool, stop: threading.Event | None) -> bool:
    """Scan one piece; returns whether it ends inside a comment."""
    at = 0
    if in_comment:
        end = chunk.find(b"-->")
        if end < 0:
            return True
        at = end + 3
    for number, (begin, end) in enumerate(_outside_comments(chunk, at)):
        if stop is not None and number % 64 == 0 and stop.is_set():
            raise Interrupted
        if end < 0:
            _scan_cells(chunk, begin, len(chunk), scan, stop)
            return True
        _scan_cells(chunk, begin, end, scan, stop)
    return False


def _outside_comments(chunk: bytes, at: int) -> Iterator[tuple[int, int]]:
    """Spans of ``chunk`` from ``at`` outside XML comments; the last span's end is -1 when a comment is left open."""
    while (start := chunk.find(b"<!--", at)) >= 0:
        yield at, start
        close = chunk.find(b"-->", start + 4)
        if close < 0:
            yield len(chunk), -1
            return
        at = close + 3
    yield at, len(chunk)


def _scan_cells(chunk: bytes, begin: int, end: int, scan: SheetScan, stop: threading.Event | None) -> None:
    if begin >= end:
        return
    for number, cell in enumerate(_CELL.finditer(chunk, begin, end)):
        if number & 0xFFFF == 0 and stop is not None and stop.is_set():
            raise Interrupted
        attributes, body = cell.group(1), cell.group(2) or b""
        kind = _TYPE.search(attributes)
        is_error = kind is not None and kind.group(1) == b"e"
        if not is_error and not _FORMULA.search(body):
            continue
        ref = _REF.search(attributes)
        if ref is None:
            continue  # a cell without a reference: its place cannot be told
        row, column = int(ref.group(2)), _column_index(ref.group(1))
        value = _VALUE.search(body)
        text = value.group(1) if value else b""
        if is_error:
            scan.errors.append((row, column, text.decode("utf-8", "replace")[:20] if text else "#"))
            continue
        kind_name = kind.group(1) if kind is not None else b""
        # <v/> (as openpyxl writes) is no value; <v></v> of a text formula is the empty text it computed
        computed = bool(text) or (value is not None and kind_name == b"str")
        if not computed and kind_name != b"inlineStr":
            scan.no_value.setdefault(column, array("I")).append(row)
    if chunk.find(b"mergeCell", begin, end) >= 0:
        for tag in _MERGE_TAG.finditer(chunk, begin, end):
            m = _MERGE_REF.search(tag.group(1))
            if m is None:
                continue
            first = (int(m.group(2)), _column_index(m.group(1)))
            last = (int(m.group(4)), _column_index(m.group(3))) if m.group(3) else first
            scan.merged.append((*first, *last))


def _unescape(text: str) -> str:
    return (
        text.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", '"').replace("&apos;", "'")
        .replace("&amp;", "&")
    )

"""The sheet XML of an xlsx: where the data starts, and what calamine would silently turn into blanks.

Formulas without a stored value, error cells (``#N/A``, ``#DIV/0!``) and merged cells are found
by streaming the sheet's XML out of the archive in chunks, in a thread beside fastexcel's read.
"""

from __future__ import annotations

import re
import threading
import zipfile
from array import array
from collections.abc import Iterator
from dataclasses import dataclass, field

from rekruttering.filetypes import MIB

SCAN_CHUNK = 8 * MIB
_CELL = re.compile(rb"<c\b([^>]*?)(?<!/)>(.*?)</c>", re.S)
_FIRST_CELL = re.compile(rb"<c\b[^>]*\br=\"[A-Z]+(\d+)\"[^>]*?(/?)>")
_REF = re.compile(rb'\br="([A-Z]{1,3})(\d+)"')
_TYPE = re.compile(rb'\bt="(\w+)"')
_VALUE = re.compile(rb"<v>([^<]+)</v>")
_MERGE = re.compile(rb'<mergeCell\b[^>]*\bref="([A-Z]{1,3})(\d+)(?::([A-Z]{1,3})(\d+))?"')


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


def sheet_member(archive: zipfile.ZipFile, sheet: str) -> str | None:
    """The archive member holding a sheet's XML, found through the workbook and its relationships."""
    try:
        workbook = archive.read("xl/workbook.xml").decode("utf-8", "replace")
        rels = archive.read("xl/_rels/workbook.xml.rels").decode("utf-8", "replace")
    except (KeyError, zipfile.BadZipFile, OSError):
        return None
    rid = None
    for match in re.finditer(r"<(?:\w+:)?sheet\b[^>]*>", workbook):
        tag = match.group(0)
        name = re.search(r'\bname="([^"]*)"', tag)
        if name and _unescape(name.group(1)) == sheet:
            found = re.search(r'\br:id="([^"]*)"|\bid="([^"]*)"', tag)
            rid = (found.group(1) or found.group(2)) if found else None
    for match in re.finditer(r"<Relationship\b[^>]*>", rels):
        tag = match.group(0)
        if rid and f'Id="{rid}"' in tag:
            target = re.search(r'Target="([^"]*)"', tag)
            if target:
                return target.group(1).lstrip("/") if target.group(1).startswith("/") else f"xl/{target.group(1)}"
    return None


def _chunks(archive: zipfile.ZipFile, member: str, stop: threading.Event | None) -> Iterator[bytes]:
    """The member's bytes in pieces that end before a cell (``<c ``) that may be cut off.

    The merge list comes after the last cell, so it always arrives whole, in the last piece.
    """
    carry = b""
    with archive.open(member) as stream:
        while block := stream.read(SCAN_CHUNK):
            if stop is not None and stop.is_set():
                return
            data = carry + block
            cut = data.rfind(b"<c ")
            if cut <= 0:
                carry = data
                continue
            carry = data[cut:]
            yield data[:cut]
    if carry:
        yield carry


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


def scan_sheet(archive: zipfile.ZipFile, member: str, stop: threading.Event | None = None) -> SheetScan:
    """Formula cells without a value, error cells and merged ranges of one sheet.

    The XML is read once in pieces; a piece holding none of ``<f``, ``t="e"`` or ``<mergeCell`` is
    not parsed further, so a plain export costs one decompression (run beside fastexcel's read, in
    a thread: both leave the GIL). Once a formula is seen every later cell is parsed, as a shared
    formula's later cells (``<f t="shared" si="0"/>``) look like any other.
    """
    scan = SheetScan()
    formulas = False
    for chunk in _chunks(archive, member, stop):
        formulas = formulas or b"<f" in chunk
        if formulas or b't="e"' in chunk:
            _scan_cells(chunk, scan)
        if b"<mergeCell" in chunk:
            for m in _MERGE.finditer(chunk):
                first = (int(m.group(2)), _column_index(m.group(1)))
                last = (int(m.group(4)), _column_index(m.group(3))) if m.group(3) else first
                scan.merged.append((*first, *last))
    return scan


def _scan_cells(chunk: bytes, scan: SheetScan) -> None:
    for cell in _CELL.finditer(chunk):
        attributes, body = cell.group(1), cell.group(2)
        kind = _TYPE.search(attributes)
        is_error = kind is not None and kind.group(1) == b"e"
        if not is_error and b"<f" not in body:
            continue
        ref = _REF.search(attributes)
        if ref is None:
            continue  # a cell without a reference: its place cannot be told
        row, column = int(ref.group(2)), _column_index(ref.group(1))
        value = _VALUE.search(body)
        if is_error:
            scan.errors.append((row, column, value.group(1).decode("utf-8", "replace")[:20] if value else "#"))
        elif value is None and not (kind is not None and kind.group(1) in (b"str", b"inlineStr")):
            scan.no_value.setdefault(column, array("I")).append(row)


def _unescape(text: str) -> str:
    return (
        text.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", '"').replace("&apos;", "'")
        .replace("&amp;", "&")
    )

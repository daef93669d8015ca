"""Texts from the exports made safe to show: no terminal escapes, no control characters.

A posting title, unit, justification or warning comes from a file someone else wrote. Shown on a
terminal, an escape sequence in it could retitle the window, clear the screen or hide a line; in
a workbook, a character XML 1.0 cannot hold makes the file unwritable. ``printable`` is for text,
Markdown and HTML; ``xml_safe`` for xlsx cells.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache

from rekruttering.render.document import Cell, Chart, Document, Overview, Table

# ESC-introduced sequences: CSI (ESC [ ... final), OSC/DCS/SOS/PM/APC strings up to BEL or ST
# (or the end of the text when unterminated), and two- or three-character escapes (ESC c, ESC ( B).
_ESCAPES = re.compile(
    r"\x1b\[[0-?]*[ -/]*[@-~]?"
    r"|\x1b[\]PX^_][^\x07\x1b]*(?:\x07|\x1b\\)?"
    r"|\x1b[ -/]*[0-~]?"
)
_SPACES = re.compile(r"[\t\n\v\f\r\x85\u2028\u2029]+")
# C0 except the spaces above, DEL, and C1 (0x9b is CSI and 0x9d OSC on some terminals)
_CONTROLS = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x84\x86-\x9f]")
# what XML 1.0 cannot hold: C0 except tab, line feed and carriage return; lone surrogates; U+FFFE, U+FFFF
_NOT_XML = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


@lru_cache(maxsize=1 << 14)  # a year's report repeats its messages, titles and units many times
def printable(value: str, *, lines: bool = False) -> str:
    """``value`` without escape sequences or control characters; line breaks and tabs become one
    space, or, with ``lines``, line breaks are kept (a multi-line message)."""
    value = _CONTROLS.sub("", _ESCAPES.sub("", value))
    if lines:
        return "\n".join(_SPACES.sub(" ", line) for line in value.replace("\r\n", "\n").split("\n"))
    return _SPACES.sub(" ", value)


def xml_safe(value: str) -> str:
    """``value`` without the characters an xlsx cell cannot hold (they are dropped, not replaced)."""
    return _NOT_XML.sub("", value)


def _cell(cell: Cell) -> Cell:
    shown = printable(cell.text)
    return cell if shown == cell.text else replace(cell, text=shown)


def _table(table: Table) -> Table:
    chart = replace(table.chart, title=printable(table.chart.title)) if isinstance(table.chart, Chart) else None
    return replace(
        table,
        name=printable(table.name),
        title=printable(table.title),
        columns=tuple(printable(c) for c in table.columns),
        rows=tuple(tuple(_cell(c) for c in r) for r in table.rows),
        note=printable(table.note) if table.note is not None else None,
        chart=chart,
    )


def _overview(overview: Overview | None) -> Overview | None:
    if overview is None:
        return None
    return replace(
        overview,
        title=printable(overview.title),
        verdict=_cell(overview.verdict),
        facts=tuple((printable(label), _cell(value)) for label, value in overview.facts),
        invite_title=printable(overview.invite_title),
        invite=tuple((printable(posting), printable(ids)) for posting, ids in overview.invite),
    )


def printable_document(document: Document) -> Document:
    """The document with every text passed through ``printable``."""
    return replace(
        document,
        title=printable(document.title),
        meta=tuple((printable(label), printable(value)) for label, value in document.meta),
        tables=tuple(_table(t) for t in document.tables),
        verdict=_cell(document.verdict) if document.verdict else None,
        notes=tuple(printable(n) for n in document.notes),
        overview=_overview(document.overview),
    )

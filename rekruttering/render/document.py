"""The small document model every human-readable format is rendered from.

A report becomes a ``Document``: a title, an overview (the verdict first: counts, what to do and,
for HR, whom to invite), tables, provenance lines and a closing verdict. Text, Markdown, HTML and
xlsx render the same document, so they say the same thing; JSON is the report model itself (the
machine contract). Tables with ``group_by`` are shown as one sub-table per group in text,
Markdown and HTML, and as one flat, filterable sheet in xlsx. Text, Markdown and HTML put the
overview first and the provenance (``meta`` and the tables whose ``part`` is ``"provenance"``)
last.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field, replace
from itertools import groupby
from typing import Literal


@dataclass(frozen=True)
class Cell:
    """One value: its text, the status it shows (for colour), and its number (for xlsx)."""

    text: str
    status: str | None = None
    number: float | None = None


@dataclass(frozen=True)
class Chart:
    """A bar chart of some numeric columns of its table, one bar group per row."""

    title: str
    category_columns: tuple[int, ...]  # the columns whose texts name a row
    value_columns: tuple[int, ...]  # the numeric columns drawn as series
    percent: bool = False


@dataclass(frozen=True)
class Blocks:
    """How the rows of a table always read in text: one block per row instead of a table row.

    Indexes count the columns after the ``group_by`` ones. ``head`` columns make the block's first
    line (joined, in this order), ``plain`` columns follow as wrapped paragraphs, and every other
    non-empty column as a "column: value" paragraph.
    """

    head: tuple[int, ...]
    plain: tuple[int, ...] = ()


@dataclass(frozen=True)
class Table:
    name: str  # a short identifier: the sheet name in xlsx, the anchor in HTML
    title: str
    columns: tuple[str, ...]
    rows: tuple[tuple[Cell, ...], ...]
    group_by: int = 0  # leading columns that head a group of rows
    note: str | None = None  # a sentence said under the title
    chart: Chart | None = None
    sentences: int | None = None  # a column of plain sentences: a list under the table, except in xlsx
    # text: rows as blocks always (``blocks``), or only when the table is too wide for the terminal;
    # then the first ``key_columns`` columns (after the group's) name the block
    blocks: Blocks | None = None
    key_columns: int = 1
    part: Literal["body", "provenance"] = "body"  # provenance tables come last, with ``Document.meta``

    def without_sentences(self) -> tuple[Table, list[str]]:
        """The table without its sentence column, and the sentences (for text, Markdown and HTML)."""
        if self.sentences is None:
            return self, []
        i = self.sentences
        said = [r[i].text for r in self.rows if r[i].text]
        rows = tuple(r[:i] + r[i + 1:] for r in self.rows)
        return replace(self, columns=self.columns[:i] + self.columns[i + 1:], rows=rows, sentences=None), said

    def groups(self) -> Iterator[tuple[tuple[Cell, ...], list[tuple[Cell, ...]]]]:
        """(group heading cells, rows without them) in order; one group of all rows when not grouped."""
        if not self.group_by:
            yield (), list(self.rows)
            return
        for key, rows in groupby(self.rows, key=lambda r: tuple(c.text for c in r[: self.group_by])):
            members = list(rows)
            del key
            yield members[0][: self.group_by], [r[self.group_by:] for r in members]


@dataclass(frozen=True)
class Overview:
    """What a reader needs before any detail: the verdict, the counts with what to do, and (HR only)
    whom to invite, per breached posting with the applicant ids best ranked first."""

    title: str
    verdict: Cell
    facts: tuple[tuple[str, Cell], ...]  # label, value (a count and what it asks of the reader)
    invite_title: str = ""
    invite: tuple[tuple[str, str], ...] = ()  # posting, "rule: ids" (empty for union representatives)


@dataclass(frozen=True)
class Document:
    kind: str  # "check" or "summary"
    title: str
    lang: str
    meta: tuple[tuple[str, str], ...]  # provenance: label, value
    tables: tuple[Table, ...]
    verdict: Cell | None = None  # the closing line (the overview opens with the same verdict)
    notes: tuple[str, ...] = field(default_factory=tuple)
    overview: Overview | None = None

    def body(self) -> tuple[Table, ...]:
        return tuple(t for t in self.tables if t.part == "body")

    def provenance(self) -> tuple[Table, ...]:
        return tuple(t for t in self.tables if t.part == "provenance")


def cells(*values: str | None, status: str | None = None) -> tuple[Cell, ...]:
    return tuple(Cell(v or "", status) for v in values)


def row(values: Sequence[str | Cell | None]) -> tuple[Cell, ...]:
    return tuple(v if isinstance(v, Cell) else Cell(v or "") for v in values)

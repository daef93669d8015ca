"""The small document model every human-readable format is rendered from.

A report becomes a ``Document``: a title, provenance lines, tables and a closing verdict. Text,
Markdown, HTML and xlsx render the same document, so they say the same thing; JSON is the report
model itself (the machine contract). Tables with ``group_by`` are shown as one sub-table per
group in text, Markdown and HTML, and as one flat, filterable sheet in xlsx.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field, replace
from itertools import groupby


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
class Table:
    name: str  # a short identifier: the sheet name in xlsx, the anchor in HTML
    title: str
    columns: tuple[str, ...]
    rows: tuple[tuple[Cell, ...], ...]
    group_by: int = 0  # leading columns that head a group of rows
    note: str | None = None  # a sentence said under the title
    chart: Chart | None = None
    sentences: int | None = None  # a column of plain sentences: a list under the table, except in xlsx

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
class Document:
    kind: str  # "check" or "summary"
    title: str
    lang: str
    meta: tuple[tuple[str, str], ...]  # provenance: label, value
    tables: tuple[Table, ...]
    verdict: Cell | None = None
    notes: tuple[str, ...] = field(default_factory=tuple)


def cells(*values: str | None, status: str | None = None) -> tuple[Cell, ...]:
    return tuple(Cell(v or "", status) for v in values)


def row(values: Sequence[str | Cell | None]) -> tuple[Cell, ...]:
    return tuple(v if isinstance(v, Cell) else Cell(v or "") for v in values)

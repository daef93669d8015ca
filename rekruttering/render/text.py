"""``--format text``: the terminal report, rendered with rich from the document model.

It reads at any width: every line is wrapped to the console's width by this module (a word
longer than a line is folded, never cut with "…"). The overview comes first, then the postings
as blocks (a heading line per posting, then per finding its status, rule and wrapped message),
then the other tables: as a table when its columns fit the width once the texts are wrapped at
spaces, else as one block of "column: value" lines per row. The provenance comes last.

Every value is passed to rich as ``Text`` (never as markup), so a cell containing ``[bold]`` or
similar is shown as written; escape sequences and control characters are taken out first
(``clean.printable``), so a cell cannot drive the terminal.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Sequence

from rich.cells import cell_len
from rich.console import Console
from rich.text import Text

from rekruttering.render.clean import printable_document
from rekruttering.render.document import Cell, Document, Overview, Table
from rekruttering.words.catalogue import Lang, text

STYLES = {
    "met": "green",
    "breach": "bold red",
    "advice": "cyan",
    "justified": "yellow",
    "review": "magenta",
    "not_applicable": "dim",
}
WIDTH = 100  # a report written to a file or a pipe
GAP = 2  # spaces between the columns of a table
INDENT = 2


class _Out:
    """Where the report's lines go: the console, its width asked once (rich asks the terminal every time).

    On a plain console (a file or a pipe: no colours, no terminal) a line that fits the width is
    written as its characters, which is what rich would write, without rich's layout of every line
    (about half a millisecond each: half a minute for a year's report); any other line, and every
    line on a terminal, goes through rich.
    """

    def __init__(self, console: Console) -> None:
        self.console = console
        self.width = console.width
        self.plain = console.color_system is None and not console.is_terminal and not console.record

    def print(self, line: Text | None = None) -> None:
        if line is None:
            if self.plain:
                self.console.file.write("\n")
            else:
                self.console.print()
            return
        said = line.plain
        if self.plain and "\n" not in said and "\t" not in said and cell_len(said) <= self.width:
            self.write(said)
        else:
            self.console.print(line)

    def fits(self, said: str, width: int) -> bool:
        """On a plain console: ``said`` is one line of at most ``width`` cells, which rich writes as it is."""
        return self.plain and bool(said) and "\n" not in said and "\t" not in said and cell_len(said) <= width

    def write(self, line: str) -> None:
        """A line that ``fits`` the width."""
        self.console.file.write(line + "\n")

    def wrap(self, said: Text, width: int) -> list[Text]:
        """``said`` wrapped to ``width`` as ``Text.wrap`` folds it; a text that fits is its own line."""
        if self.fits(said.plain, width):
            return [said.copy()]
        return list(said.wrap(self.console, width, overflow="fold"))


def _cell(cell: Cell) -> Text:
    return Text(cell.text, style=STYLES.get(cell.status or "", ""))


def _say(console: _Out, said: Text | str, indent: int = 0, hanging: int = 0) -> None:
    """``said`` wrapped to the console's width, ``indent`` spaces in, continuation lines ``hanging`` further."""
    said = Text(said) if isinstance(said, str) else said
    room = max(8, console.width - indent - hanging)
    whole = " " * indent + said.plain.rstrip()
    if console.fits(said.plain, room) and console.fits(whole, console.width):  # one line, written as it is
        console.write(whole)
        return
    for n, line in enumerate(console.wrap(said, room) or [Text()]):
        line.rstrip()
        console.print(Text(" " * (indent + (hanging if n else 0))) + line)


def _labelled(console: _Out, label: str, value: Text, indent: int) -> None:
    _say(console, Text(f"{label}: ") + value, indent, INDENT)


def _words(value: str) -> int:
    return max((cell_len(word) for word in value.split()), default=0)


def _widths(columns: Sequence[str], rows: Sequence[Sequence[Cell]], numeric: Sequence[bool], width: int
            ) -> list[int] | None:
    """Column widths that fit ``width`` with texts wrapped at spaces (numbers whole), or None when they cannot."""
    n = len(columns)
    need = [max([1, cell_len(columns[i]), *(cell_len(r[i].text) for r in rows)]) for i in range(n)]
    least = [max([1, _words(columns[i]), *((cell_len(r[i].text) if numeric[i] else _words(r[i].text)) for r in rows)])
             for i in range(n)]
    room = width - GAP * (n - 1)
    if sum(need) <= room:
        return need
    if sum(least) > room:
        return None
    widths = list(least)
    spare, wanted = room - sum(least), sum(need) - sum(least)
    for i in range(n):
        widths[i] += (need[i] - least[i]) * spare // wanted
    return widths


def _grid(console: _Out, columns: Sequence[str], rows: Sequence[Sequence[Cell]], numeric: Sequence[bool],
          widths: Sequence[int]) -> None:
    """A table of wrapped cells: a bold header, a rule under it, numbers right-aligned, each within its width."""
    def line_of(cells: Sequence[Text], bold: bool) -> None:
        wrapped = [console.wrap(cell, w) for cell, w in zip(cells, widths, strict=True)]
        for k in range(max(len(w) for w in wrapped)):
            out = Text(style="bold" if bold else "")
            for i, lines in enumerate(wrapped):
                part = lines[k].copy() if k < len(lines) else Text()
                part.rstrip()
                pad = " " * (widths[i] - part.cell_len)
                out += Text(pad) + part if numeric[i] else part + Text(pad)
                if i < len(wrapped) - 1:
                    out += " " * GAP
            out.rstrip()
            console.print(out)

    line_of([Text(c) for c in columns], True)
    console.print(Text("─" * (sum(widths) + GAP * (len(widths) - 1))))
    for r in rows:
        line_of([_cell(c) for c in r], False)


def _block(console: _Out, columns: Sequence[str], cells: Sequence[Cell], head: Sequence[int],
           plain: Sequence[int], indent: int, plain_last: bool = False) -> None:
    """One row as a block: the ``head`` cells on one line, then ``plain`` paragraphs and "column: value"
    lines (the paragraphs first, or with ``plain_last`` last)."""
    first = Text()
    for i in head:
        if cells[i].text:
            first += (Text(" · ") if first.plain else Text()) + _cell(cells[i])
    _say(console, first, indent, INDENT)
    paragraphs = [(None, cells[i]) for i in plain if cells[i].text]
    labelled = [(columns[i], cell) for i, cell in enumerate(cells) if i not in head and i not in plain and cell.text]
    for label, cell in [*labelled, *paragraphs] if plain_last else [*paragraphs, *labelled]:
        if label is None:
            _say(console, _cell(cell), indent + INDENT)
        else:
            _labelled(console, label, _cell(cell), indent + INDENT)


def _table(table: Table, console: _Out) -> None:
    _say(console, Text(table.title, style="bold"))
    if table.note:
        _say(console, table.note)
    columns = table.columns[table.group_by:]
    plain_sentence = () if table.sentences is None else (table.sentences - table.group_by,)
    bare, sentences = table.without_sentences()
    bare_columns = bare.columns[bare.group_by:]
    for heading, rows in table.groups():
        indent = 0
        if heading:
            _say(console, Text(" · ".join(c.text for c in heading if c.text), style="bold"), hanging=INDENT)
            indent = INDENT
        if table.blocks is not None:
            for r in rows:
                _block(console, columns, r, table.blocks.head, table.blocks.plain, indent)
            console.print()
            continue
        trimmed = [tuple(c for i, c in enumerate(r) if i not in plain_sentence) for r in rows]
        numeric = [bool(rows) and all(r[i].number is not None for r in trimmed) for i in range(len(bare_columns))]
        widths = _widths(bare_columns, trimmed, numeric, console.width - indent) if rows else None
        if widths is not None:
            _grid(console, bare_columns, trimmed, numeric, widths)
            for sentence in sentences:
                _say(console, f"• {sentence}", hanging=INDENT)
            console.print()
            continue
        key = tuple(range(min(table.key_columns, len(columns))))
        for r in rows:
            _block(console, columns, r, key, plain_sentence, indent, plain_last=True)
            console.print()


def _overview(overview: Overview, console: _Out) -> None:
    _say(console, Text(overview.title, style="bold"))
    _say(console, _cell(overview.verdict))
    for label, value in overview.facts:
        _labelled(console, label, _cell(value), INDENT)
    console.print()
    if overview.invite:
        _say(console, Text(overview.invite_title, style="bold"))
        for posting, ids in overview.invite:
            _say(console, Text(posting, style="bold") + Text(f" – {ids}"), INDENT, INDENT)
        console.print()


def render_to(terminal: Console, document: Document) -> None:
    console = _Out(terminal)
    document = printable_document(document)
    lang: Lang = "en" if document.lang == "en" else "nb"
    _say(console, Text(document.title, style="bold underline"))
    console.print()
    if document.overview:
        _overview(document.overview, console)
    for note in document.notes:
        _say(console, note)
    if document.notes:
        console.print()
    for table in document.body():
        _table(table, console)
    _say(console, Text(text("report.about", lang), style="bold"))
    _say(console, text("report.about.note", lang))
    for label, value in document.meta:
        _labelled(console, label, Text(value), 0)
    console.print()
    for table in document.provenance():
        _table(table, console)
    if document.verdict:
        _say(console, _cell(document.verdict))


def render(document: Document, width: int = WIDTH) -> str:
    """The plain-text report (no colour) for a file or a pipe."""
    buffer = io.StringIO()
    render_to(Console(file=buffer, width=width, no_color=True, highlight=False, emoji=False), document)
    return buffer.getvalue()


def render_report(report: object, document: Callable[[], Document]) -> str:
    return render(document())

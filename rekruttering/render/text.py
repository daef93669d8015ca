"""``--format text``: the terminal report, rendered with rich from the document model.

Every value is passed to rich as ``Text`` (never as markup), so a cell containing ``[bold]`` or
similar is shown as written; escape sequences and control characters are taken out first
(``clean.printable``), so a cell cannot drive the terminal.
"""

from __future__ import annotations

import io

from rich import box
from rich.console import Console
from rich.table import Table as RichTable
from rich.text import Text

from rekruttering.render.clean import printable_document
from rekruttering.render.document import Cell, Document, Table

STYLES = {
    "met": "green",
    "breach": "bold red",
    "justified": "yellow",
    "review": "magenta",
    "not_applicable": "dim",
}


def _cell(cell: Cell) -> Text:
    return Text(cell.text, style=STYLES.get(cell.status or "", ""))


def _table(table: Table, console: Console) -> None:
    table, sentences = table.without_sentences()
    console.print(Text(table.title, style="bold"))
    if table.note:
        console.print(Text(table.note))
    columns = table.columns[table.group_by:]
    for heading, rows in table.groups():
        if heading:
            console.print(Text("  ".join(c.text for c in heading if c.text), style="bold"))
        # a column only where some row has a value, so wide text keeps its room
        used = [i for i in range(len(columns)) if any(r[i].text for r in rows)] if table.group_by else list(
            range(len(columns)))
        grid = RichTable(box=box.SIMPLE, expand=bool(table.group_by), pad_edge=False, show_header=True)
        for i in used:
            numeric = all(r[i].number is not None for r in rows) and bool(rows)
            grid.add_column(columns[i], justify="right" if numeric else "left",
                            ratio=3 if len(columns[i]) and i == len(columns) - 2 else None)
        for r in rows:
            grid.add_row(*(_cell(r[i]) for i in used))
        console.print(grid)
    for sentence in sentences:
        console.print(Text(f"• {sentence}"))
    if sentences:
        console.print()


def render_to(console: Console, document: Document) -> None:
    document = printable_document(document)
    console.print(Text(document.title, style="bold underline"))
    for label, value in document.meta:
        console.print(Text(f"{label}: {value}"))
    console.print()
    for note in document.notes:
        console.print(Text(note))
    for table in document.tables:
        _table(table, console)
    if document.verdict:
        console.print(_cell(document.verdict))


def render(document: Document, width: int = 120) -> str:
    """The plain-text report (no colour) for a file."""
    buffer = io.StringIO()
    render_to(Console(file=buffer, width=width, no_color=True, highlight=False, emoji=False), document)
    return buffer.getvalue()

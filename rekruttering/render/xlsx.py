"""``--format xlsx``: a workbook with one sheet per table (filters, frozen header) and the method.

Every text is written as a string cell with Excel's quote prefix when it starts with ``=``,
``+``, ``-``, ``@``, tab or carriage return, so neither Excel nor LibreOffice runs it as a formula.
Characters a workbook cannot hold (most control characters, lone surrogates) are dropped first.
Numbers are numbers. The method sheet names the rule pack, the input fingerprints, the tool
version and the audience.
"""

from __future__ import annotations

import io
from typing import Any

from rekruttering.messages import Lang, text
from rekruttering.render.clean import xml_safe
from rekruttering.render.document import Cell, Document, Table

DANGEROUS = ("=", "+", "-", "@", "\t", "\r")
MAX_WIDTH = 80


def _set(cell: Any, value: Cell | str) -> None:
    if isinstance(value, Cell) and value.number is not None:
        cell.value = value.number
        return
    content = xml_safe(value.text if isinstance(value, Cell) else value)
    cell.value = content
    cell.data_type = "s"  # never a formula, whatever the text looks like
    if content.startswith(DANGEROUS):
        cell.quotePrefix = True


def _chart(sheet: Any, table: Table) -> None:
    """A native Excel bar chart over the table's own cells, placed to the right of the table."""
    from openpyxl.chart import BarChart, Reference
    from openpyxl.utils import get_column_letter

    spec = table.chart
    assert spec is not None
    last_row = len(table.rows) + 1
    chart = BarChart()
    chart.type = "bar"
    chart.title = xml_safe(spec.title)
    chart.height = max(7.5, 0.5 * len(table.rows) * max(1, len(spec.value_columns)) / 2 + 3)
    chart.width = 18
    for column in spec.value_columns:
        chart.add_data(Reference(sheet, min_col=column + 1, min_row=1, max_row=last_row), titles_from_data=True)
    chart.set_categories(Reference(sheet, min_col=spec.category_columns[0] + 1, max_col=spec.category_columns[-1] + 1,
                                   min_row=2, max_row=last_row))
    if spec.percent:
        chart.y_axis.scaling.min = 0
        chart.y_axis.scaling.max = 100
    sheet.add_chart(chart, f"{get_column_letter(len(table.columns) + 2)}2")


def _sheet_title(name: str, used: set[str]) -> str:
    title = "".join(ch for ch in xml_safe(name) if ch not in "[]:*?/\\")[:31] or "Ark"
    base, n = title, 2
    while title in used:
        title = f"{base[:28]} {n}"
        n += 1
    used.add(title)
    return title


def render(document: Document) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    lang: Lang = "en" if document.lang == "en" else "nb"
    book = Workbook()
    used: set[str] = set()
    first = True
    for table in document.tables:
        sheet = book.active if first else book.create_sheet()
        assert sheet is not None
        first = False
        sheet.title = _sheet_title(table.name, used)
        for column, name in enumerate(table.columns, start=1):
            _set(sheet.cell(row=1, column=column), name)
            sheet.cell(row=1, column=column).font = Font(bold=True)
        for r, values in enumerate(table.rows, start=2):
            for column, value in enumerate(values, start=1):
                _set(sheet.cell(row=r, column=column), value)
        sheet.freeze_panes = "A2"
        last = get_column_letter(max(1, len(table.columns)))
        sheet.auto_filter.ref = f"A1:{last}{max(1, len(table.rows) + 1)}"
        for column, name in enumerate(table.columns, start=1):
            longest = max([len(name), *(len(v[column - 1].text) for v in table.rows)])
            sheet.column_dimensions[get_column_letter(column)].width = min(MAX_WIDTH, max(8, longest + 2))
        if table.chart and table.rows:
            _chart(sheet, table)
    method = book.create_sheet(_sheet_title(text("sheet.method", lang), used))
    _set(method.cell(row=1, column=1), document.title)
    method.cell(row=1, column=1).font = Font(bold=True)
    for r, (label, meta_value) in enumerate(document.meta, start=3):
        _set(method.cell(row=r, column=1), label)
        _set(method.cell(row=r, column=2), meta_value)
    offset = len(document.meta) + 4
    for r, note in enumerate(document.notes, start=offset):
        _set(method.cell(row=r, column=1), note)
    if document.verdict:
        _set(method.cell(row=offset + len(document.notes), column=1), document.verdict.text)
    method.column_dimensions["A"].width = 28
    method.column_dimensions["B"].width = 100
    buffer = io.BytesIO()
    book.properties.creator = "rekruttering"
    book.save(buffer)
    return buffer.getvalue()

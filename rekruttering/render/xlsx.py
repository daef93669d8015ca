"""``--format xlsx``: a workbook with one sheet per table and a method sheet, as Excel users expect.

Every sheet has a frozen header row and a filter. Numbers are numbers with a number format: dates
are dates (``dd.mm.yyyy`` in bokmål, ``yyyy-mm-dd`` in English), rates and shares are fractions shown
as percentages, ratios and test statistics have a few decimals, p-values three, counts are integers.
What the document says in words ("< 0,001", "mangler", ":") stays text. Status cells are coloured
by conditional formatting, so the colour follows the value when a reader edits or sorts.

Every text is written as a string cell with Excel's quote prefix when it starts with ``=``,
``+``, ``-``, ``@``, tab or carriage return, so neither Excel nor LibreOffice runs it as a formula.
Characters a workbook cannot hold (most control characters, lone surrogates) are dropped first.
The method sheet names the rule pack, the input fingerprints, the tool version and the audience.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from datetime import date, datetime
from typing import Any, Literal

from rekruttering.render.clean import xml_safe
from rekruttering.render.document import Cell, Document, Table
from rekruttering.words.catalogue import Lang, text

DANGEROUS = ("=", "+", "-", "@", "\t", "\r")
MAX_WIDTH = 80

Kind = Literal["date", "ratio", "statistic", "p", "count", "number"]
# columns whose numbers need a format of their own, by the catalogue key of their title; the other
# numbers are counts (whole numbers), percentages (the document writes them with "%") or plain
COLUMN_KINDS: dict[str, Kind] = {
    "report.deadline_col": "date",
    "report.row": "count",
    "report.rank": "number",
    "summary.col.impact_ratio": "ratio",
    "summary.col.mh_rr": "ratio",
    "summary.col.mh_or": "ratio",
    "summary.col.cmh": "statistic",
    "summary.col.cmh_corrected": "statistic",
    "summary.col.cmh_p": "p",
    "summary.col.cmh_p_corrected": "p",
    "summary.col.exact_p": "p",
}
FORMATS: dict[str, str] = {
    "percent": "0.0 %",
    "ratio": "0.000",
    "statistic": "0.00",
    "p": "0.000#",  # two significant digits down to 0.001: 0.0088 stays 0.0088
    "count": "0",
}
DATE_FORMATS: dict[Lang, str] = {"nb": "dd.mm.yyyy", "en": "yyyy-mm-dd"}
# Excel's own "Good", "Bad" and "Neutral" styles, and two more in the same spirit
STATUS_COLOURS: dict[str, tuple[str, str]] = {  # status: (fill, font)
    "met": ("C6EFCE", "006100"),
    "breach": ("FFC7CE", "9C0006"),
    "advice": ("DDEBF7", "1F4E78"),
    "justified": ("FFEB9C", "9C5700"),
    "review": ("E4DFEC", "5B3A7A"),
    "not_applicable": ("EDEDED", "404040"),
}
MAX_LITERAL = 255  # the longest string an Excel formula may hold


def _kinds(table: Table, lang: Lang) -> list[Kind | None]:
    titles = {text(key, lang): kind for key, kind in COLUMN_KINDS.items()}
    return [titles.get(name) for name in table.columns]


def _date(value: str) -> date | None:
    for pattern in ("%d.%m.%Y", "%Y-%m-%d"):
        try:
            return datetime.strptime(value.strip(), pattern).date()
        except ValueError:
            continue
    return None


def _set_text(cell: Any, value: str) -> None:
    content = xml_safe(value)
    cell.value = content
    cell.data_type = "s"  # never a formula, whatever the text looks like
    if content.startswith(DANGEROUS):
        cell.quotePrefix = True


def _set(cell: Any, value: Cell | str, kind: Kind | None = None, lang: Lang = "nb") -> None:
    """Write ``value`` as the number, date or text it is, with a number format that shows it as the document does."""
    if isinstance(value, str):
        _set_text(cell, value)
        return
    number = value.number
    if kind == "date" and number is None:
        day = _date(value.text)
        if day is not None:
            cell.value = day
            cell.number_format = DATE_FORMATS[lang]
            return
    if kind == "count" and number is None and value.text.strip().isdigit():
        number = float(value.text)
    if number is None or value.text.lstrip().startswith("<"):
        _set_text(cell, value.text)  # "< 0,001" says no more than that: the number stays unwritten
        return
    if value.text.rstrip().endswith("%"):  # the document gives a rate as 65.5 for "65,5 %"; Excel wants 0.655
        cell.value = round(number / 100, 6)
        cell.number_format = FORMATS["percent"]
    elif kind in ("ratio", "statistic", "p"):
        cell.value = number
        cell.number_format = FORMATS[kind]
    elif float(number).is_integer():
        cell.value = int(number)
        cell.number_format = FORMATS["count"]
    else:
        cell.value = number


def _status_rules(sheet: Any, table: Table, first_row: int = 2) -> None:
    """Colour each status column by conditional formatting: one rule per status text it holds."""
    from openpyxl.formatting.rule import CellIsRule
    from openpyxl.styles import Font, PatternFill
    from openpyxl.utils import get_column_letter

    last_row = first_row + len(table.rows) - 1
    for column in range(len(table.columns)):
        shown: dict[str, str] = {}
        for values in table.rows:
            if column < len(values) and values[column].status in STATUS_COLOURS:
                shown.setdefault(xml_safe(values[column].text), values[column].status or "")
        letter = get_column_letter(column + 1)
        for content, status in shown.items():
            if not content or len(content) > MAX_LITERAL:
                continue
            fill, font = STATUS_COLOURS[status]
            literal = '"' + content.replace('"', '""') + '"'
            sheet.conditional_formatting.add(
                f"{letter}{first_row}:{letter}{last_row}",
                CellIsRule(operator="equal", formula=[literal], fill=PatternFill(bgColor=fill), font=Font(color=font)),
            )


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
    chart.x_axis.delete = False  # openpyxl hides the axes unless told otherwise
    chart.y_axis.delete = False
    if spec.percent:  # the cells hold fractions shown as percentages
        chart.y_axis.scaling.min = 0
        chart.y_axis.scaling.max = 1
        chart.y_axis.number_format = "0 %"
    sheet.add_chart(chart, f"{get_column_letter(len(table.columns) + 2)}2")


def _sheet_title(name: str, used: set[str]) -> str:
    title = "".join(ch for ch in xml_safe(name) if ch not in "[]:*?/\\")[:31] or "Ark"
    base, n = title, 2
    while title in used:
        title = f"{base[:28]} {n}"
        n += 1
    used.add(title)
    return title


def _header(sheet: Any, columns: tuple[str, ...], rows: int) -> None:
    """Bold column titles in row 1, frozen, with a filter over the table."""
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    for column, name in enumerate(columns, start=1):
        _set_text(sheet.cell(row=1, column=column), name)
        sheet.cell(row=1, column=column).font = Font(bold=True)
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = f"A1:{get_column_letter(max(1, len(columns)))}{rows + 1}"


def _table_sheet(sheet: Any, table: Table, lang: Lang) -> None:
    from openpyxl.utils import get_column_letter

    kinds = _kinds(table, lang)
    _header(sheet, table.columns, len(table.rows))
    for r, values in enumerate(table.rows, start=2):
        for column, value in enumerate(values, start=1):
            _set(sheet.cell(row=r, column=column), value, kinds[column - 1] if column <= len(kinds) else None, lang)
    _status_rules(sheet, table)
    for column, name in enumerate(table.columns, start=1):
        longest = max([len(name), *(len(v[column - 1].text) for v in table.rows if column <= len(v))])
        sheet.column_dimensions[get_column_letter(column)].width = min(MAX_WIDTH, max(8, longest + 2))
    if table.chart and table.rows:
        _chart(sheet, table)


def _method(document: Document, lang: Lang) -> Table:
    """The method sheet as a two-column table: the report, its verdict and notes, then its provenance."""
    rows: list[tuple[Cell, ...]] = [(Cell(text("sheet.method.report", lang)), Cell(document.title))]
    if document.verdict:
        rows.append((Cell(text("sheet.method.verdict", lang)), document.verdict))
    rows += [(Cell(text("sheet.method.note", lang)), Cell(note)) for note in document.notes]
    rows += [(Cell(label), Cell(value)) for label, value in document.meta]
    return Table(text("sheet.method", lang), text("sheet.method", lang),
                 (text("sheet.method.item", lang), text("sheet.method.value", lang)), tuple(rows))


def render(document: Document) -> bytes:
    from openpyxl import Workbook

    lang: Lang = "en" if document.lang == "en" else "nb"
    book = Workbook()
    used: set[str] = set()
    first = True
    for table in document.tables:
        sheet = book.active if first else book.create_sheet()
        assert sheet is not None
        first = False
        sheet.title = _sheet_title(table.name, used)
        _table_sheet(sheet, table, lang)
    method_table = _method(document, lang)
    method = book.active if first else book.create_sheet()
    assert method is not None
    method.title = _sheet_title(method_table.name, used)
    _table_sheet(method, method_table, lang)
    method.column_dimensions["A"].width = 28
    method.column_dimensions["B"].width = 100
    buffer = io.BytesIO()
    book.properties.creator = "rekruttering"
    book.save(buffer)
    return buffer.getvalue()


def render_report(report: object, document: Callable[[], Document]) -> bytes:
    return render(document())

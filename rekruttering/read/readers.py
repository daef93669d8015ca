"""Read spreadsheet exports (xlsx, xlsm, xls, ods, csv) into tables of mapped columns only: by what the bytes are.

Each sheet is read in two steps: find the header row (the first rows are probed, so title rows
above the header are fine), then load only the columns whose header maps to a canonical field.
Every cell arrives as text (or missing); coercion to yes/no, dates and numbers is ``ingest``'s
job, so that no reader guesses a type and silently blanks a value that does not fit it.

What a file *is* comes from its first bytes, not its name (``sniff``): a zip is an xlsx/ods, an
OLE2 compound file an xls or a password-protected xlsx, text is read as csv. Workbooks are read by
``read.excel`` (fastexcel), csv by ``read.csv``; both hand over a ``read.sheet.RawSheet``.
"""

from __future__ import annotations

from pathlib import Path

from rekruttering.errors import InputError
from rekruttering.problems import ProblemLog
from rekruttering.problems import input_error as _error
from rekruttering.read.csv import decode, read_csv
from rekruttering.read.excel import read_excel
from rekruttering.read.fields import ColumnMap
from rekruttering.read.filetypes import SPREADSHEET_XML, sniff
from rekruttering.read.sheet import CSV_SUFFIXES, SPREADSHEET_SUFFIXES, RawSheet
from rekruttering.read.textcolumns import TableKind


def read_file(path: Path, display: str, raw: bytes, columns: ColumnMap, log: ProblemLog,
              read_as: TableKind = "auto") -> list[RawSheet]:
    """Every mapped sheet of one export, read by what its bytes are.

    A workbook named .csv is read as a workbook, and text named .xls (old systems' "Excel export")
    as csv, each with a warning; a web page or an Excel 2003 XML file with an Excel name gets its
    own message; anything else with an Excel name goes to fastexcel, which says what is wrong.
    ``read_as`` chooses how the columns are held (``textcolumns``): by the rows, or forced.
    """
    suffix = path.suffix.lower()
    if suffix not in SPREADSHEET_SUFFIXES:
        raise _error("read.unsupported", display, suffix=suffix or "-")
    content = sniff(raw)
    if suffix in CSV_SUFFIXES:
        if content in ("zip", "ole"):
            log.add("warning", "read.workbook_named_text", file=display, suffix=suffix)
            return read_excel(path, display, columns, log, raw, read_as)
        return [read_csv(path, display, raw, columns, read_as)]
    if content == "html":
        raise _error("read.html", display, suffix=suffix)
    if content == "xml" and SPREADSHEET_XML in raw[:8192]:
        raise _error("read.xml_spreadsheet", display)
    if content == "text" and suffix == ".xls" and _decodes(raw, display):
        log.add("warning", "read.text_named_workbook", file=display, suffix=suffix)
        return [read_csv(path, display, raw, columns, read_as)]
    return read_excel(path, display, columns, log, raw, read_as)


def _decodes(raw: bytes, display: str) -> bool:
    try:
        decode(raw, display)
    except InputError:
        return False
    return True

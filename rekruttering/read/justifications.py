"""``--justifications FILE``: written reasons for deviations, kept beside the exports.

HR documents a deviation without editing the export: one row (csv/xlsx) or one
``[[justification]]`` table (TOML) per reason, with posting id, rule id, optionally the
applicant it is about, the text, who wrote it and when. A blank text is no justification.
"""

from __future__ import annotations

import tomllib
from datetime import date
from pathlib import Path
from typing import Any

from rekruttering.errors import InputError
from rekruttering.models import Justification
from rekruttering.problems import Problem, ProblemLog
from rekruttering.read.fields import ColumnMap, Field
from rekruttering.read.tables import read_table
from rekruttering.read.values import parse_date

HEADERS = {
    "rule": ("Regel", "Regel-ID", "Regelid", "Rule", "Rule ID"),
    "text": ("Begrunnelse", "Tekst", "Justification", "Text"),
    "by": ("Begrunnet av", "Av", "Hvem", "Signatur", "By", "Author"),
    "date": ("Dato", "Date", "Begrunnet dato"),
}


def load_justifications(path: Path, columns: ColumnMap, log: ProblemLog,
                        read: list[int] | None = None) -> list[Justification]:
    """The usable justifications of a file; ``read``, when given, gets the number of entries read (the
    ones not used are in the log, so that a report can count read, used and set aside)."""
    if path.suffix.lower() == ".toml":
        return _from_toml(path, log, read)
    aliases = {"posting_id": columns.aliases[Field.posting_id], "applicant_id": columns.aliases[Field.applicant_id],
               **HEADERS}
    table = read_table(path, aliases, ("posting_id", "rule", "text"))
    found: list[Justification] = []
    for position, row in enumerate(table.rows):
        number = table.row_number(position)
        if not any(row.values()):
            continue
        if read is not None:
            read.append(number)
        on, ok = parse_date(row.get("date", ""))
        if not ok:
            log.add("warning", "value.bad_date", file=table.file, sheet=table.sheet, row=number,
                    column=table.columns["date"], value=row["date"])
        item = _item(row.get("posting_id", ""), row.get("rule", ""), row.get("text", ""),
                     row.get("applicant_id", ""), row.get("by", ""), on, table.file, number)
        if _usable(item, log, table.sheet, table.columns.get("posting_id") or table.columns.get("text")):
            found.append(item)
    return found


def _item(posting: str, rule: str, text: str, applicant: str, by: str, on: date | None, file: str,
          row: int) -> Justification:
    return Justification(posting.strip(), rule.strip(), text, applicant.strip() or None, by.strip() or None, on,
                         file, row)


def _usable(item: Justification, log: ProblemLog, sheet: str | None, column: str | None) -> bool:
    if not item.posting_id or not item.rule_id:
        log.add("warning", "justification.incomplete", file=item.file, sheet=sheet, row=item.row, column=column)
        return False
    if not item.text.strip():
        log.add("warning", "justification.empty", file=item.file, sheet=sheet, row=item.row, column=column,
                posting=item.posting_id, rule=item.rule_id)
        return False
    return True


def _from_toml(path: Path, log: ProblemLog, read: list[int] | None = None) -> list[Justification]:
    display = str(path)
    try:
        data: dict[str, Any] = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise InputError("missing", [Problem("error", "read.not_found", (), display)]) from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as error:
        raise InputError("toml", [Problem("error", "read.toml", (("error", str(error)),), display)]) from None
    entries = data.get("justification", [])
    if not isinstance(entries, list):
        raise InputError("toml", [Problem("error", "read.toml", (("error", "[[justification]]"),), display)])
    found: list[Justification] = []
    for number, entry in enumerate(entries, start=1):
        if read is not None:
            read.append(number)
        if not isinstance(entry, dict):
            continue
        raw_date = entry.get("date")
        on = raw_date if isinstance(raw_date, date) else parse_date(str(raw_date or ""))[0]
        item = _item(str(entry.get("posting_id", "")), str(entry.get("rule", "")), str(entry.get("text", "")),
                     str(entry.get("applicant_id", "")), str(entry.get("by", "")), on, display, number)
        if _usable(item, log, None, None):
            found.append(item)
    return found

"""``--workforce FILE``: employees per unit by gender, to find the under-represented gender.

Headcounts (``Enhet``, ``Kvinner``, ``Menn``) or a share (``Andel kvinner``, as 0–1 or percent).
Instead of ``Enhet`` the file may name job groups (``Stillingsgruppe``): those rows are keyed
``job_group_key(name)``, apart from the units. Small counts are fine to read; they are only
compared with the pack's threshold, never shown.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from rekruttering.errors import InputError
from rekruttering.keys import job_group_key, normalise_header
from rekruttering.models import Headcount
from rekruttering.problems import ProblemLog
from rekruttering.read.fields import ColumnMap, Field
from rekruttering.read.tables import read_table
from rekruttering.read.values import parse_number

HEADERS = {
    "women": ("Kvinner", "Antall kvinner", "Women"),
    "men": ("Menn", "Antall menn", "Men"),
    "share_women": ("Andel kvinner", "Kvinneandel", "Share women"),
}


def load_workforce(path: Path, columns: ColumnMap, log: ProblemLog) -> dict[str, Headcount]:
    try:
        return _load(path, columns.aliases[Field.unit], normalise_header, log)
    except InputError:
        return _load(path, columns.aliases[Field.job_group], job_group_key, log)


def _load(path: Path, names: tuple[str, ...], key: Callable[[str], str], log: ProblemLog) -> dict[str, Headcount]:
    aliases = {"unit": names, **HEADERS}
    try:
        table = read_table(path, aliases, ("unit", "women", "men"))
    except InputError:
        table = read_table(path, aliases, ("unit", "share_women"))
    found: dict[str, Headcount] = {}
    for position, row in enumerate(table.rows):
        unit = row.get("unit", "").strip()
        if not unit and not any(row.values()):
            continue
        number = table.row_number(position)
        if "women" in table.columns:
            women, ok_w = parse_number(row.get("women", ""))
            men, ok_m = parse_number(row.get("men", ""))
        else:
            share, ok_w = parse_number(row.get("share_women", "").rstrip("%").strip())
            if share is not None and share > 1:
                share /= 100
            women, men, ok_m = share, (1 - share) if share is not None and share <= 1 else None, True
        if not unit or women is None or men is None or not (ok_w and ok_m):
            log.add("warning", "workforce.bad_row", file=table.file, sheet=table.sheet, row=number)
            continue
        found[key(unit)] = Headcount(women, men)
    return found

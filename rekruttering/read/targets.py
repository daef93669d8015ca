"""``--targets FILE``: the target share of hires per unit and group, for the yearly rule
``representation_target`` (csv or xlsx with the headers ``Enhet``, ``Gruppe``, ``Mål``).

``Mål`` is a share from 0 to 1 ("0,244") or a percent with its sign ("24,4 %"): a bare "24,4" or "1,5" is
refused, not guessed to be a percent; ``Gruppe`` names a declared group
("Innvandrerbakgrunn", "Ikke-vestlig bakgrunn", "Nedsatt funksjonsevne", "Hull i CV" or the English
field names). A target file decides verdicts, so it is validated whole: every bad row is named (file,
sheet, row, column) and the run stops with exit code 2; nothing is guessed.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from rekruttering.errors import InputError, Problem
from rekruttering.keys import normalise_header
from rekruttering.read.fields import ColumnMap, Field
from rekruttering.read.tables import read_table
from rekruttering.read.values import parse_number

HEADERS = {
    "group": ("Gruppe", "Group"),
    "target": ("Mål", "Målandel", "Mål (andel)", "Target", "Target share"),
}
GROUPS: dict[str, str] = {
    normalise_header(name): group for group, names in {
        "immigrant_background": ("Innvandrerbakgrunn", "immigrant_background", "Immigrant background"),
        "non_western": ("Ikke-vestlig bakgrunn", "Ikke-vestlig", "non_western", "Non-western background"),
        "disability": ("Nedsatt funksjonsevne", "Funksjonsnedsettelse", "disability", "Disability"),
        "cv_gap": ("Hull i CV", "cv_gap", "CV gap"),
    }.items() for name in names
}
Targets = dict[tuple[str, str], float]  # (normalise_header(unit), group) -> share 0–1


@dataclass(frozen=True)
class TargetRow:
    """Where a target came from, to name it when it matches nothing (``unmatched``)."""

    unit: str
    group: str
    group_text: str
    row: int
    unit_column: str
    group_column: str


@dataclass
class TargetsFile:
    """The targets of a file, and for each its row."""

    file: str
    sheet: str | None
    targets: Targets = field(default_factory=dict)
    rows: dict[tuple[str, str], TargetRow] = field(default_factory=dict)


def load_targets(path: Path, columns: ColumnMap) -> Targets:
    """The targets of a file, keyed by normalised unit and group; any bad row is an ``InputError``."""
    return load_targets_file(path, columns).targets


def load_targets_file(path: Path, columns: ColumnMap) -> TargetsFile:
    """The targets of a file with their rows; any bad row is an ``InputError``."""
    aliases = {"unit": columns.aliases[Field.unit], **HEADERS}
    table = read_table(path, aliases, ("unit", "group", "target"))
    found: Targets = {}
    where: dict[tuple[str, str], TargetRow] = {}
    problems: list[Problem] = []

    def bad(code: str, row: int, column: str, **params: str) -> None:
        problems.append(Problem("error", code, tuple(params.items()), table.file, table.sheet, row,
                                table.columns[column]))

    for position, row in enumerate(table.rows):
        if not any(v.strip() for v in row.values()):
            continue
        number = table.row_number(position)
        unit, group_text, target_text = (row.get(k, "").strip() for k in ("unit", "group", "target"))
        if not unit:
            bad("targets.no_unit", number, "unit")
        group = GROUPS.get(normalise_header(group_text))
        if group is None:
            bad("targets.bad_group", number, "group", value=group_text or "-",
                known="Innvandrerbakgrunn, Ikke-vestlig bakgrunn, Nedsatt funksjonsevne, Hull i CV")
        share = _share(target_text)
        if share is None:
            bad("targets.bad_share", number, "target", value=target_text or "-")
        if not unit or group is None or share is None:
            continue
        key = (normalise_header(unit), group)
        if key in found:
            bad("targets.duplicate", number, "unit", unit=unit, group=group_text)
            continue
        found[key] = share
        where[key] = TargetRow(unit, group, group_text, number, table.columns["unit"], table.columns["group"])
    if problems:
        raise InputError("targets", problems)
    return TargetsFile(table.file, table.sheet, found, where)


def _share(raw: str) -> float | None:
    """A share from "0,244" or "24,4 %"; None unless from 0 to 1 (a bare "24,4" is not read as a percent)."""
    percent = raw.endswith("%")
    value, ok = parse_number(raw.rstrip("%").strip())
    if value is None or not ok:
        return None
    if percent:
        value /= 100
    return value if 0 <= value <= 1 else None


def unmatched(found: TargetsFile, units: set[str], groups: set[str]) -> list[Problem]:
    """A warning for each row no verdict uses: its group has no representation_target rule in the pack, or
    no posting of the period has its unit (``units`` normalised; which may be right, a unit without postings
    in the period, or a misspelling)."""
    out: list[Problem] = []
    for (unit_key, group), row in sorted(found.rows.items(), key=lambda item: item[1].row):
        if group not in groups:
            out.append(Problem("warning", "targets.group_unused", (("value", row.group_text),),
                               found.file, found.sheet, row.row, row.group_column))
        elif unit_key not in units:
            out.append(Problem("warning", "targets.unit_unmatched", (("value", row.unit),),
                               found.file, found.sheet, row.row, row.unit_column))
    return out

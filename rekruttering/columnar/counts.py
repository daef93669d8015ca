"""What ``summary`` counts, from the simple postings' arrays: statuses per rule, unit and month, the
breaches to follow up, and the funnel tallies per posting, group, category and level.

The funnel's interface is an array per group of shape (postings, categories, 4): how many
applications of each category ended at each level (0 applied, 1 qualified, 2 invited, 3 hired, as
``summary.level``): the shape ``summary.report.funnel_of_counts`` takes.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from rekruttering.columnar.frame import Frame
from rekruttering.columnar.statuses import RuleStatuses
from rekruttering.models import STATUSES
from rekruttering.read.fields import Field
from rekruttering.summary.model import FollowUp
from rekruttering.summary.report import (
    RuleCounts,
    categories,
)

Levels = npt.NDArray[np.int64]  # (postings, categories, 4)


def levels(frame: Frame) -> npt.NDArray[np.int64]:
    """Per application, how far it got (``summary.level``)."""
    values = frame.values
    qualified, invited, hired = values[Field.qualified] == 1, values[Field.invited] == 1, values[Field.hired] == 1
    out: npt.NDArray[np.int64] = np.where(~qualified, 0, np.where(~invited, 1, np.where(hired, 3, 2)))
    return out


def category_codes(frame: Frame, group: str) -> npt.NDArray[np.int64]:
    """Per application, the index of its category in ``summary.categories(group)``."""
    names = categories(group)
    if group == "gender":
        gender = frame.values[Field.gender]
        out = np.full(len(gender), names.index("not_declared"), dtype=np.int64)
        for name in names[:-1]:
            out[gender == name] = names.index(name)
        return out
    value = frame.values[Field(group)]
    found: npt.NDArray[np.int64] = np.where(value == 1, names.index("yes"),
                                            np.where(value == 0, names.index("no"), names.index("not_declared")))
    return found


def frame_tallies(frame: Frame, groups: Sequence[str], postings: npt.NDArray[np.int64]) -> dict[str, Levels]:
    """Per group, the tallies of the frame's postings at ``postings`` (indices), in that order."""
    reached = levels(frame)
    where = np.full(frame.size, -1, dtype=np.int64)
    where[postings] = np.arange(len(postings))
    row = where[frame.post]
    kept = row >= 0
    out: dict[str, Levels] = {}
    for group in groups:
        width = len(categories(group))
        cell = (row[kept] * width + category_codes(frame, group)[kept]) * 4 + reached[kept]
        out[group] = np.bincount(cell, minlength=len(postings) * width * 4).reshape(len(postings), width, 4)
    return out


@dataclass(frozen=True)
class Keys:
    """A key per posting (its unit or month) as a code into ``names``."""

    codes: npt.NDArray[np.int64]
    names: list[str]

    @classmethod
    def of(cls, keys: Sequence[str]) -> Keys:
        names = sorted(set(keys))
        where = {name: i for i, name in enumerate(names)}
        return cls(np.fromiter((where[k] for k in keys), dtype=np.int64, count=len(keys)), names)


def add_statuses(counts: RuleCounts, statuses: RuleStatuses, keys: Keys | None,
                 postings: npt.NDArray[np.int64]) -> None:
    """Count the rule's statuses over the frame's postings at ``postings``, by ``keys`` (None: over all).
    A breach of a rule of severity advice is counted as ``advice`` (``summary.report.rule_counts``)."""
    rule_id = statuses.rule.id
    names_of: list[str] = list(STATUSES)
    if statuses.rule.severity == "advice":
        names_of[STATUSES.index("breach")] = "advice"
    status = statuses.status[postings]
    width = len(STATUSES)
    names: list[str | None] = [None] if keys is None else list(keys.names)
    code = np.zeros(len(postings), dtype=np.int64) if keys is None else keys.codes[postings]
    table = np.bincount(code * width + status, minlength=len(names) * width).reshape(len(names), width).tolist()
    for name, row in zip(names, table, strict=True):
        for status_code, n in enumerate(row):
            if n:
                counts[(rule_id, name)][names_of[status_code]] += n


def breaches(statuses: RuleStatuses, postings: npt.NDArray[np.int64]) -> list[int]:
    """The frame's postings at ``postings`` where the rule is in breach (an advice not followed is none)."""
    if statuses.rule.severity == "advice":
        return []
    found: list[int] = postings[statuses.status[postings] == STATUSES.index("breach")].tolist()
    return found


def follow_up(frame: Frame, found: Sequence[tuple[str, str, int | FollowUp]]) -> list[FollowUp]:
    """The breaches to follow up, sorted by posting and rule as the typed path lists them: (posting id,
    rule, the frame's posting index or the typed path's entry)."""
    return [entry if isinstance(entry, FollowUp) else
            FollowUp(posting_id=posting_id, title=frame.title[entry], unit=frame.unit[entry],
                     deadline=frame.deadline[entry], rule=rule)
            for posting_id, rule, entry in sorted(found, key=lambda item: (item[0], item[1]))]

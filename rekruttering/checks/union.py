"""``union_involvement``: a union representative (tillitsvalgt) took part in the recruitment.

A posting-level check on the employer's record ('Tillitsvalgt deltatt', yes/no). The sources say
that representative recruitment *may* require involving union representatives, never that it
must: yes is ``met``, and no or a blank cell is ``review`` (a person judges whether they should
have been involved); it is never a breach. An export without the column gives ``review`` too, with
the column named. Internal, exempt and cancelled postings are not applicable by default: there is
no open competition for the representatives to follow.
"""

from __future__ import annotations

from enum import StrEnum
from typing import ClassVar, Literal

from rekruttering.checks.base import OUTSIDE_COMPETITION, CheckSpec, Context, Outcome
from rekruttering.checks.rule import RuleBase
from rekruttering.models import Posting


class UnionRule(RuleBase):
    """A ``union_involvement`` rule (no parameters and no group: it is about the process)."""

    check: Literal["union_involvement"]
    needs_group: ClassVar[bool] = False
    posting_level: ClassVar[bool] = True


class Reason(StrEnum):
    involved = "involved"
    not_involved = "not_involved"
    involvement_unknown = "involvement_unknown"
    column_missing = "column_missing"


# the process, not a person: a union representative reads what HR reads
PUBLIC: dict[str, str] = {reason.value: reason.value for reason in Reason}

COLUMN = "union_involved"


def union_involvement(posting: Posting, rule: UnionRule, context: Context) -> Outcome:
    """Whether a union representative took part, as the employer recorded it."""
    if context.missing([COLUMN]):
        return Outcome("review", "column_missing", params={"columns": COLUMN})
    if posting.union_involved is True:
        return Outcome("met", "involved")
    if posting.union_involved is False:
        return Outcome("review", "not_involved")
    return Outcome("review", "involvement_unknown")


SPEC = CheckSpec("union_involvement", union_involvement, UnionRule, Reason, PUBLIC, OUTSIDE_COMPETITION,
                 ("met", "review", "not_applicable"))

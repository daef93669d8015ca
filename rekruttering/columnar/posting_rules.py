"""The posting-level rules on the frame: ``ad_statement``, ``union_involvement``, and what 'Egenerklæring
tilbudt' does to ``interview_minimum``.

These rules read one cell per posting, so each is a few array comparisons. ``statuses.Statuses.rule``
calls ``decide`` for the posting-level kinds (it does everything, applicability included, following
``engine.applicability`` with the rule's own posting types) and ``declaration_first`` for an interview
rule, after applicability and before the interview counts. The conformance test holds both to the
reference checks (``checks.ad_statement``, ``checks.union``, ``checks.interview``).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

import numpy as np
import numpy.typing as npt

from rekruttering.checks import AdStatementRule, InterviewRule, Rule
from rekruttering.models import Status
from rekruttering.read.fields import Field

if TYPE_CHECKING:
    from rekruttering.columnar.statuses import Statuses

Put = Callable[[npt.NDArray[np.bool_], Status, str], None]
KINDS = frozenset({"ad_statement", "union_involvement"})


def cells(statuses: Statuses, fld: Field) -> npt.NDArray[np.int8]:
    """Per posting, the process field: 1 yes, 0 no, -1 blank (or no such column)."""
    column = statuses.frame.process.get(fld) or [None] * statuses.frame.size
    return np.array([-1 if v is None else int(v) for v in column], dtype=np.int8)


def decide(statuses: Statuses, rule: Rule, put: Put) -> None:
    """``checks.ad_statement`` or ``checks.union`` on every posting (``Statuses`` has put applicability first)."""
    every = np.ones(statuses.frame.size, dtype=bool)
    fld = Field.ad_statement if rule.check == "ad_statement" else Field.union_involved
    if statuses.context.missing([fld.value]):
        put(every, "review", "column_missing")
        return
    value = cells(statuses, fld)
    if rule.check == "ad_statement":
        put(value == 1, "met", "statement")
        put(value == -1, "review", "statement_unknown")
        if isinstance(rule, AdStatementRule) and rule.breaches:
            put(every, "breach", "no_statement")
        put(every, "review", "no_statement_if_relevant")
    else:
        put(value == 1, "met", "involved")
        put(value == 0, "review", "not_involved")
        put(every, "review", "involvement_unknown")


def declaration_first(statuses: Statuses, rule: InterviewRule, put: Put) -> npt.NDArray[np.bool_]:
    """``checks.interview``'s first and last word on self-declaration: not offered is ``review``. Returns the
    postings where a blank cell turns the rule's "not applicable" (nobody declared, or none qualified) into
    ``review``: the column is present and the cell blank."""
    offered = cells(statuses, Field.declaration_offered)
    put(offered == 0, "review", "declaration_not_offered")
    if not statuses.context.has_column(Field.declaration_offered.value):
        return np.zeros(statuses.frame.size, dtype=bool)
    out: npt.NDArray[np.bool_] = offered == -1
    return out

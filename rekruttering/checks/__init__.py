"""The check kinds: pure functions from one posting and one rule to an outcome.

Rules are data (``rules/*.toml``); what a rule *does* is one of these functions, registered in
``CHECKS`` by name. A check never reads files or formats text: it returns a status, a reason
code, the applicants concerned and the numbers its message needs; ``engine`` localises.
"""

from __future__ import annotations

from rekruttering.checks.base import (
    OUTSIDE_COMPETITION,
    CheckSpec,
    Context,
    Headcount,
    Outcome,
    by_rank,
    ids,
    membership,
)
from rekruttering.checks.interview import interview_minimum
from rekruttering.checks.quotation import moderate_quotation
from rekruttering.checks.reserved import reserved_posting
from rekruttering.models import STATUSES as ALL_STATUSES
from rekruttering.models import PostingType

CHECKS: dict[str, CheckSpec] = {
    "interview_minimum": CheckSpec(
        function=interview_minimum,
        parameters=frozenset({"min_invited", "country_group", "before"}),
        needs_group=True,
        excluded_types=OUTSIDE_COMPETITION,
        statuses=ALL_STATUSES,
    ),
    "moderate_quotation": CheckSpec(
        function=moderate_quotation,
        parameters=frozenset({"country_group", "max_rank_distance", "max_score_gap_pct", "underrepresented_below",
                              "preference"}),
        needs_group=True,
        excluded_types=OUTSIDE_COMPETITION,
        statuses=ALL_STATUSES,
    ),
    "reserved_posting": CheckSpec(
        function=reserved_posting,
        parameters=frozenset(),
        needs_group=True,
        excluded_types=frozenset({PostingType.cancelled}),
        statuses=ALL_STATUSES,
    ),
}

__all__ = [
    "CHECKS", "OUTSIDE_COMPETITION", "CheckSpec", "Context", "Headcount", "Outcome", "by_rank", "ids", "membership",
]

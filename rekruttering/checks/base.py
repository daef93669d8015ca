"""What every check kind shares: the outcome, the context, and how membership is decided."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from typing import TYPE_CHECKING, Any

from rekruttering.models import Applicant, Headcount, Posting, PostingType, Status

if TYPE_CHECKING:
    from rekruttering.checks.rule import RuleBase


@dataclass(frozen=True)
class Outcome:
    """What a check found: ``reason`` selects the message, ``applicants`` are the ids concerned."""

    status: Status
    reason: str
    applicants: tuple[str, ...] = ()
    params: dict[str, str] = field(default_factory=dict)
    # whose shortlist justification may justify a breach besides ``applicants`` (say, the one chosen)
    justified_by: tuple[str, ...] = ()


@dataclass(frozen=True)
class Context:
    """What a check may know besides the posting: the workforce by unit (keys normalised)."""

    workforce: Mapping[str, Headcount] = field(default_factory=dict)
    # applicant fields, and the process fields of postings (``read.fields.PROCESS_FIELDS``), present in the
    # exports; None when unknown (a posting built by hand: every column counts as present)
    fields: frozenset[str] | None = None
    # the date a posting without a deadline is judged on (check before the interviews); None: review
    as_of: date | None = None

    def missing(self, names: Iterable[str]) -> list[str]:
        return [] if self.fields is None else [n for n in names if n not in self.fields]

    def has_column(self, name: str) -> bool:
        """Whether the exports are known to have the column (a blank cell then is a blank answer, not a
        column nobody exported)."""
        return self.fields is not None and name in self.fields


@dataclass(frozen=True)
class CheckSpec:
    """A check kind: its function, rule model, reasons, their public wording, and where it applies.

    ``public`` maps every reason the kind can give to the reason a union representative sees; the
    registry refuses a kind whose mapping leaves a reason out (see ``checks.register``).
    """

    name: str
    function: Callable[[Posting, Any, Context], Outcome]
    rule_model: type[RuleBase]
    reasons: type[StrEnum]
    public: Mapping[str, str]
    excluded_types: frozenset[PostingType]
    statuses: tuple[Status, ...]


OUTSIDE_COMPETITION = frozenset({PostingType.internal, PostingType.exempt, PostingType.cancelled})


def membership(applicant: Applicant, group: str, country_group: str | None = None) -> bool | None:
    """True only for the applicant's own yes; None when declared but the country group is unknown.

    A blank, "ønsker ikke å oppgi" or no is not membership: nothing is ever inferred.
    """
    if getattr(applicant, group) is not True:
        return False
    if country_group is None:
        return True
    if applicant.country_group is None:
        return None
    return applicant.country_group == country_group


def approximating(posting: Posting, rule: RuleBase, context: Context) -> bool:
    """Whether the rule's non-western group is approximated on this posting: the rule allows it and the
    exports have no non-western declaration (for a posting built by hand: no applicant has one)."""
    if rule.approximate_by_country_group is None:
        return False
    if context.fields is not None:
        return "non_western" not in context.fields
    return all(a.non_western is None for a in posting.applicants)


def group_membership(applicant: Applicant, group: str, rule: RuleBase, approximate: bool) -> bool | None:
    """``membership`` in one of the rule's groups; non-western by its approximation where ``approximate``."""
    if group == "non_western" and approximate:
        return membership(applicant, "immigrant_background", rule.approximate_by_country_group)
    return membership(applicant, group, rule.qualifier if group == "immigrant_background" else None)


APPROXIMATION = {"approximation": "country_group_2"}  # the outcome's parameter that makes the message say so


def by_rank(applicants: Iterable[Applicant]) -> list[Applicant]:
    """Best ranked first (rank 1 before 2, then higher score), unranked last, then by id."""
    return sorted(
        applicants,
        key=lambda a: (
            a.rank is None,
            a.rank if a.rank is not None else 0.0,
            a.score is None,
            -(a.score or 0.0),
            a.applicant_id,
        ),
    )


def ids(applicants: Iterable[Applicant]) -> tuple[str, ...]:
    return tuple(a.applicant_id for a in applicants)


class CommonReason(StrEnum):
    """Reasons the engine gives before or instead of any check kind: applicability, and input it
    could not settle."""

    posting_type = "posting_type"
    not_in_force_yet = "not_in_force_yet"
    no_longer_in_force = "no_longer_in_force"
    deadline_unknown = "deadline_unknown"
    value_unknown = "value_unknown"
    conflicting_input = "conflicting_input"
    rows_set_aside = "rows_set_aside"


# what a union representative sees of the common reasons (which fields or applicants were unclear is
# the case handler's business)
COMMON_PUBLIC: dict[str, str] = {
    CommonReason.posting_type: "posting_type",
    CommonReason.not_in_force_yet: "not_in_force_yet",
    CommonReason.no_longer_in_force: "no_longer_in_force",
    CommonReason.deadline_unknown: "deadline_unknown",
    CommonReason.value_unknown: "input_unclear",
    CommonReason.conflicting_input: "input_unclear",
    CommonReason.rows_set_aside: "input_unclear",
}

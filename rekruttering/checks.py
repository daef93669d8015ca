"""The check kinds: pure functions from one posting and one rule to an outcome.

Rules are data (``rules/*.toml``); what a rule *does* is one of these functions, registered in
``CHECKS`` by name. A check never reads files or formats text: it returns a status, a reason
code, the applicants concerned and the numbers its message needs; ``engine`` localises.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from rekruttering.models import Applicant, Posting, PostingType, Status

if TYPE_CHECKING:
    from rekruttering.rulepack import Rule


@dataclass(frozen=True)
class Outcome:
    """What a check found: ``reason`` selects the message, ``applicants`` are the ids concerned."""

    status: Status
    reason: str
    applicants: tuple[str, ...] = ()
    params: dict[str, str] = field(default_factory=dict)


CheckFunction = Callable[[Posting, "Rule"], Outcome]


@dataclass(frozen=True)
class CheckSpec:
    function: CheckFunction
    parameters: frozenset[str]
    needs_group: bool
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


def interview_minimum(posting: Posting, rule: Rule) -> Outcome:
    """At least ``min_invited`` qualified applicants of the group are invited to interview.

    An invited applicant who later declined or withdrew still counts. Unknown qualification or
    an unclear country group never gives ``met``: it gives ``review``.
    """
    group = rule.groups[0]
    required = rule.min_invited or 1
    members: list[Applicant] = []
    unclear: list[Applicant] = []
    for applicant in posting.applicants:
        belongs = membership(applicant, group, rule.country_group)
        if belongs is True:
            members.append(applicant)
        elif belongs is None:
            unclear.append(applicant)
    if not members and not unclear:
        return Outcome("not_applicable", "nobody_declared")

    # the pool the duty is about: qualified members still in the competition, plus any who were
    # invited and withdrew afterwards (they were invited, so they count)
    pool = [a for a in members if a.qualified is True and (a.withdrawn is not True or a.invited is True)]
    invited = [a for a in pool if a.invited is True]
    unknown = [a for a in members if a.qualified is None and a.withdrawn is not True] + [
        a for a in unclear if a.qualified is not False and a.withdrawn is not True
    ]
    invitation_unknown = [a for a in pool if a.invited is None]
    needed = min(required, len(pool)) if pool else required
    params = {"min": str(required), "invited": str(len(invited))}

    if pool and len(invited) >= needed:
        return Outcome("met", "met", (), params)
    maybe_invited = [a for a in unknown if a.invited is True] + invitation_unknown
    if len(invited) + len(maybe_invited) >= (needed if pool else 1) and maybe_invited:
        return Outcome("review", "invited_unknown_qualification", ids(by_rank(maybe_invited)), params)
    not_invited = [a for a in pool if a.invited is False]
    if not_invited:
        reason = "not_invited"
        if rule.before == "recommendation":
            decided = any(a.recommended is True or a.hired is True for a in posting.applicants)
            reason = "recommended_without_interview" if decided else "invite_before_recommendation"
        return Outcome("breach", reason, ids(by_rank(not_invited)), params)
    if unknown:
        reason = "country_group_unknown" if unclear and not members else "qualification_unknown"
        return Outcome("review", reason, ids(by_rank(unknown)), params)
    return Outcome("not_applicable", "none_qualified")


CHECKS: dict[str, CheckSpec] = {
    "interview_minimum": CheckSpec(
        function=interview_minimum,
        parameters=frozenset({"min_invited", "country_group", "before"}),
        needs_group=True,
        excluded_types=OUTSIDE_COMPETITION,
        statuses=("met", "breach", "justified", "review", "not_applicable"),
    ),
}

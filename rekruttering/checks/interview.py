"""``interview_minimum``: at least N qualified applicants of the group are invited to interview."""

from __future__ import annotations

from dataclasses import replace
from enum import StrEnum
from typing import Literal

from pydantic import Field, model_validator

from rekruttering.checks.base import (
    APPROXIMATION,
    OUTSIDE_COMPETITION,
    CheckSpec,
    Context,
    Outcome,
    approximating,
    by_rank,
    group_membership,
    ids,
)
from rekruttering.checks.rule import RuleBase
from rekruttering.config import Refusal
from rekruttering.models import STATUSES, Applicant, Posting

DEFAULT_MIN_INVITED = 1


class InterviewRule(RuleBase):
    """An ``interview_minimum`` rule: one group, how many to invite, and when."""

    check: Literal["interview_minimum"]
    min_invited: int | None = Field(default=None, ge=1)  # None: DEFAULT_MIN_INVITED
    country_group: Literal["1", "2"] | None = None
    before: Literal["recommendation"] | None = None

    @model_validator(mode="after")
    def _one_group(self) -> InterviewRule:
        if len(self.groups) != 1:
            raise Refusal("pack.one_group")
        return self

    @property
    def required(self) -> int:
        return self.min_invited or DEFAULT_MIN_INVITED

    def defaults(self) -> dict[str, str]:
        return {"min_invited": str(DEFAULT_MIN_INVITED)}


class Reason(StrEnum):
    met = "met"
    not_invited = "not_invited"
    invite_before_recommendation = "invite_before_recommendation"
    recommended_without_interview = "recommended_without_interview"
    qualification_unknown = "qualification_unknown"
    invited_unknown_qualification = "invited_unknown_qualification"
    country_group_unknown = "country_group_unknown"
    nobody_declared = "nobody_declared"
    none_qualified = "none_qualified"
    declaration_not_offered = "declaration_not_offered"
    declaration_offered_unknown = "declaration_offered_unknown"


# what a union representative sees: never whether a named, invited or hired person declared a group
PUBLIC: dict[str, str] = {
    Reason.met: "kept",
    Reason.not_invited: "not_kept",
    Reason.invite_before_recommendation: "not_kept_before_recommendation",
    Reason.recommended_without_interview: "recommended_without_interview",
    Reason.qualification_unknown: "needs_judgement",
    Reason.invited_unknown_qualification: "needs_judgement",
    Reason.country_group_unknown: "needs_judgement",
    Reason.nobody_declared: "no_qualified_declared",
    Reason.none_qualified: "no_qualified_declared",
    # the posting's process, the same for every applicant: said as it is
    Reason.declaration_not_offered: "declaration_not_offered",
    # given alike whether nobody declared or no declarer is qualified; as "needs judgement" it is not told
    # apart from an applicant's unknown qualification either
    Reason.declaration_offered_unknown: "needs_judgement",
}


def interview_minimum(posting: Posting, rule: InterviewRule, context: Context) -> Outcome:
    """At least ``min_invited`` qualified applicants of the group are invited to interview.

    An invited applicant who later declined or withdrew still counts. Unknown qualification or
    an unclear country group never gives ``met``: it gives ``review``. Where a non-western group is
    approximated by country group, the outcome says so. A posting whose applicants were not offered
    self-declaration ('Egenerklæring tilbudt' no) is ``review``; so is one with a blank cell where the
    rule would not apply (nobody declared, or no declared applicant is qualified): an export without that
    column is judged as before.
    """
    if posting.declaration_offered is False:
        # nobody was asked: "nobody declared" would say nothing, and a declaration recorded anyway did not
        # come from the posting's self-declaration, so no verdict rests on it
        return Outcome("review", "declaration_not_offered")
    approximate = approximating(posting, rule, context)
    outcome = _interview_minimum(posting, rule, approximate)
    if (outcome.status == "not_applicable" and posting.declaration_offered is None
            and context.has_column("declaration_offered")):
        # a blank 'Egenerklæring tilbudt': "nobody (qualified) declared" cannot be told from "nobody was asked".
        # Both "nobody declared" and "none qualified" get it, or the status alone would tell a union
        # representative which of the two it is. Not even where every applicant answered: on a small posting
        # "someone left the question blank" would then tell the union representative who did not declare.
        return Outcome("review", "declaration_offered_unknown")
    return replace(outcome, params={**outcome.params, **APPROXIMATION}) if approximate else outcome


def _interview_minimum(posting: Posting, rule: InterviewRule, approximate: bool) -> Outcome:
    group = rule.groups[0]
    required = rule.required
    members: list[Applicant] = []
    unclear: list[Applicant] = []
    for applicant in posting.applicants:
        belongs = group_membership(applicant, group, rule, approximate)
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
    params = {"min": str(required)}

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



SPEC = CheckSpec("interview_minimum", interview_minimum, InterviewRule, Reason, PUBLIC, OUTSIDE_COMPETITION, STATUSES)

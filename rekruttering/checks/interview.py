"""``interview_minimum``: at least N qualified applicants of the group are invited to interview."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rekruttering.checks.base import Context, Outcome, by_rank, ids, membership
from rekruttering.models import Applicant, Posting

if TYPE_CHECKING:
    from rekruttering.checks.pack import Rule


def interview_minimum(posting: Posting, rule: Rule, context: Context) -> Outcome:
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


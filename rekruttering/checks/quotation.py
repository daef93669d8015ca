"""``moderate_quotation``: was a near-equal applicant of the group passed over, or a clearly better one?

Moderate quotation lets an applicant of an under-represented group win a near-tie, never more.
"Near" is the pack's tolerance: a score gap of at most ``max_score_gap_pct`` % of the posting's
best score (used when both applicants have a score), else a rank distance of at most
``max_rank_distance``. Exactly at the tolerance is within it; the comparison is exact (decimal),
not floating point. No source sets a number, so passing over a near-equal applicant is
``review`` (a person judges), while preferring a group member over a clearly better applicant is
``breach`` (radical quotation is unlawful). Passing over a group member who was ahead of the one
chosen is ``review`` of its own (``member_ranked_higher``): not quotation at all, but a choice
that needs a person's judgement and a written reason. Gaps are reported as the lead of whoever
is ahead, so never negative.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from decimal import Decimal
from enum import StrEnum
from fractions import Fraction
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
from rekruttering.keys import job_group_key, normalise_header
from rekruttering.models import STATUSES, Applicant, Posting

DEFAULT_RANK_DISTANCE = 1
DEFAULT_SCORE_GAP_PCT = 5.0
DEFAULT_UNDERREPRESENTED_BELOW = 0.40


class QuotationRule(RuleBase):
    """A ``moderate_quotation`` rule: the groups, the tolerance of a near tie, and the duty."""

    check: Literal["moderate_quotation"]
    country_group: Literal["1", "2"] | None = None
    max_rank_distance: int | None = Field(default=None, ge=0)  # None: DEFAULT_RANK_DISTANCE
    max_score_gap_pct: float | None = Field(default=None, ge=0, le=100)  # None: DEFAULT_SCORE_GAP_PCT
    underrepresented_below: float | None = Field(default=None, gt=0, le=0.5)  # None: the default
    preference: Literal["shall", "may"] | None = None
    # where the gender balance is measured: the posting's unit (default) or its job group (stillingsgruppe);
    # for a job group without figures the unit's stand in, and the finding says so
    balance_in: Literal["unit", "job_group"] | None = None

    @model_validator(mode="after")
    def _threshold_only_for_gender(self) -> QuotationRule:
        if self.underrepresented_below is not None and "gender" not in self.groups:
            raise Refusal("pack.underrepresented_gender_only")
        return self

    def defaults(self) -> dict[str, str]:
        found = {"max_rank_distance": str(DEFAULT_RANK_DISTANCE), "max_score_gap_pct": str(DEFAULT_SCORE_GAP_PCT),
                 "preference": "may"}
        if "gender" in self.groups:
            found["underrepresented_below"] = str(DEFAULT_UNDERREPRESENTED_BELOW)
            found["balance_in"] = "unit"
        return found


class Reason(StrEnum):
    no_choice = "no_choice"
    no_ranking = "no_ranking"
    column_missing = "column_missing"
    workforce_unknown = "workforce_unknown"
    balanced = "balanced"
    quotation_used = "quotation_used"
    chosen_best = "chosen_best"
    no_near_equal = "no_near_equal"
    radical_quotation = "radical_quotation"
    chosen_not_qualified = "chosen_not_qualified"
    near_equal_passed_over = "near_equal_passed_over"
    member_ranked_higher = "member_ranked_higher"
    chosen_qualification_unknown = "chosen_qualification_unknown"
    chosen_group_unknown = "chosen_group_unknown"
    no_member = "no_member"


PUBLIC: dict[str, str] = {
    Reason.no_choice: "no_choice",
    Reason.no_ranking: "no_ranking",
    Reason.column_missing: "column_missing",
    Reason.workforce_unknown: "workforce_unknown",
    Reason.balanced: "balanced",
    Reason.quotation_used: "kept",
    Reason.chosen_best: "kept",
    Reason.no_near_equal: "kept",
    Reason.radical_quotation: "not_kept",
    Reason.chosen_not_qualified: "not_kept",
    Reason.near_equal_passed_over: "needs_judgement",
    Reason.member_ranked_higher: "needs_judgement",
    Reason.chosen_qualification_unknown: "needs_judgement",
    Reason.chosen_group_unknown: "needs_judgement",
    Reason.no_member: "no_comparison",
}


@dataclass(frozen=True)
class Lead:
    """How far one applicant is ahead of another, in the metric used, and the tolerance."""

    metric: Literal["score", "rank"]
    amount: Decimal  # positive: ahead; in score points or rank places
    tolerance: Decimal  # in the same unit
    best_score: Decimal | None

    @property
    def within(self) -> bool:
        """Not ahead by more than the tolerance (a tie, behind, or ahead by at most the tolerance)."""
        return self.amount <= self.tolerance

    def reversed(self) -> Lead:
        """The same gap seen from the other applicant."""
        return Lead(self.metric, -self.amount, self.tolerance, self.best_score)

    def params(self) -> dict[str, str]:
        if self.metric == "score" and self.best_score:
            gap = self.amount * 100 / self.best_score
            tolerance = self.tolerance * 100 / self.best_score
            return {"metric": "score", "gap": _plain(gap), "tolerance": _plain(tolerance)}
        return {"metric": "rank", "gap": _plain(self.amount), "tolerance": _plain(self.tolerance)}


def _plain(value: Decimal) -> str:
    shown = value.quantize(Decimal("0.1")).normalize()
    return "0" if shown.is_zero() else format(shown, "f")  # never "-0"


def _decimal(value: float) -> Decimal:
    return Decimal(repr(value))


def lead(a: Applicant, b: Applicant, rule: QuotationRule, best_score: Decimal | None) -> Lead | None:
    """How far ``a`` is ahead of ``b``: by score when both have one, else by rank, else None."""
    if a.score is not None and b.score is not None and best_score:
        pct = _decimal(rule.max_score_gap_pct if rule.max_score_gap_pct is not None else DEFAULT_SCORE_GAP_PCT)
        return Lead("score", _decimal(a.score) - _decimal(b.score), pct * best_score / 100, best_score)
    if a.rank is not None and b.rank is not None:
        distance = rule.max_rank_distance if rule.max_rank_distance is not None else DEFAULT_RANK_DISTANCE
        return Lead("rank", _decimal(b.rank) - _decimal(a.rank), Decimal(distance), None)
    return None


def balance_by_unit(posting: Posting, rule: QuotationRule, context: Context) -> bool:
    """True when a rule about the job group's balance uses the unit's figures instead (none for the job group)."""
    if rule.balance_in != "job_group" or posting.underrepresented_gender in ("kvinne", "mann"):
        return False
    return not (posting.job_group and job_group_key(posting.job_group) in context.workforce)


def underrepresented_gender(posting: Posting, rule: QuotationRule, context: Context) -> tuple[str | None, str]:
    """The under-represented gender in the unit (or job group), or None with the reason it is not known or
    not needed."""
    if posting.underrepresented_gender in ("kvinne", "mann"):
        return posting.underrepresented_gender, ""
    counts = context.workforce.get(normalise_header(posting.unit or ""))
    if rule.balance_in == "job_group" and posting.job_group:
        counts = context.workforce.get(job_group_key(posting.job_group), counts)
    if counts is None or counts.women + counts.men <= 0:
        return None, "workforce_unknown"
    threshold = Fraction(Decimal(repr(rule.underrepresented_below or DEFAULT_UNDERREPRESENTED_BELOW)))
    total = Fraction(Decimal(repr(counts.women))) + Fraction(Decimal(repr(counts.men)))
    if Fraction(Decimal(repr(counts.women))) / total < threshold:
        return "kvinne", ""
    if Fraction(Decimal(repr(counts.men))) / total < threshold:
        return "mann", ""
    return None, "balanced"


def _threshold_pct(rule: QuotationRule) -> str:
    return _plain(Decimal(repr(rule.underrepresented_below or DEFAULT_UNDERREPRESENTED_BELOW)) * 100)


def _member(applicant: Applicant, rule: QuotationRule, gender: str | None, approximate: bool = False
            ) -> bool | None:
    """Membership in any of the rule's groups; gender means the unit's under-represented gender."""
    unknown = False
    for group in rule.groups:
        if group == "gender":
            if gender is not None and applicant.gender == gender:
                return True
            continue
        belongs = group_membership(applicant, group, rule, approximate)
        if belongs is True:
            return True
        unknown |= belongs is None
    return None if unknown else False


def _in_competition(applicant: Applicant) -> bool:
    return applicant.qualified is True and applicant.withdrawn is not True


def needed_columns(rule: QuotationRule, approximate: bool) -> list[str]:
    """The applicant columns the check reads: the groups' (a non-western group approximated by country group
    reads immigrant background and country group), and qualification."""
    wanted = [g for g in rule.groups if not (g == "non_western" and approximate)]
    wanted += ["immigrant_background", "country_group"] if approximate else []
    return [*wanted, "qualified"]


def moderate_quotation(posting: Posting, rule: QuotationRule, context: Context) -> Outcome:
    approximate = approximating(posting, rule, context)
    outcome = _moderate_quotation(posting, rule, context, approximate)
    return noted(outcome, rule, approximate, lambda: balance_by_unit(posting, rule, context))


def noted(outcome: Outcome, rule: QuotationRule, approximate: bool, by_unit: Callable[[], bool]) -> Outcome:
    """The outcome with what its message must add: the group's approximation, and a job group's gender
    balance taken from the unit (``by_unit``, asked only for a gender rule that got that far)."""
    if outcome.reason in ("no_choice", "no_ranking", "column_missing"):
        return outcome
    if approximate:
        outcome = replace(outcome, params={**outcome.params, **APPROXIMATION})
    if "gender" in rule.groups and outcome.reason != "workforce_unknown" and by_unit():
        outcome = replace(outcome, params={**outcome.params, "balance": "unit"})
    return outcome


def _moderate_quotation(posting: Posting, rule: QuotationRule, context: Context, approximate: bool) -> Outcome:
    chosen_all = [a for a in posting.applicants if a.hired is True] or [
        a for a in posting.applicants if a.recommended is True]
    if not chosen_all:
        return Outcome("not_applicable", "no_choice")
    if not any(a.rank is not None or a.score is not None for a in posting.applicants):
        return Outcome("not_applicable", "no_ranking")
    missing = context.missing(needed_columns(rule, approximate))
    if missing:
        return Outcome("review", "column_missing", params={"columns": ",".join(missing)})
    gender = None
    if "gender" in rule.groups:
        gender, why = underrepresented_gender(posting, rule, context)
        if gender is None and len(rule.groups) == 1:
            params = {"threshold": _threshold_pct(rule)} if why == "balanced" else {}
            return Outcome("not_applicable", why, params=params)
    chosen = by_rank(chosen_all)[0]
    if chosen.qualified is False:
        return Outcome("breach", "chosen_not_qualified", (chosen.applicant_id,))
    if chosen.qualified is None:
        return Outcome("review", "chosen_qualification_unknown", (chosen.applicant_id,))
    scores = [_decimal(a.score) for a in posting.applicants if a.score is not None]
    best_score = max(scores) if scores else None
    chosen_member = _member(chosen, rule, gender, approximate)
    if chosen_member is None:
        return Outcome("review", "chosen_group_unknown", (chosen.applicant_id,))
    others = [a for a in posting.applicants if a is not chosen and _in_competition(a)]

    if chosen_member:
        ahead = [(a, found) for a in others if _member(a, rule, gender, approximate) is False
                 and (found := lead(a, chosen, rule, best_score)) is not None and found.amount > 0]
        clearly = [(a, found) for a, found in ahead if not found.within]
        if clearly:
            passed = by_rank(a for a, _ in clearly)
            widest = max((found for _, found in clearly), key=lambda f: f.amount)
            return Outcome("breach", "radical_quotation", ids(passed), widest.params(), (chosen.applicant_id,))
        if ahead:
            widest = max((found for _, found in ahead), key=lambda f: f.amount)
            return Outcome("met", "quotation_used", (), widest.params())
        return Outcome("met", "chosen_best")

    candidates = [a for a in others if _member(a, rule, gender, approximate) is not False]
    compared = [(a, found) for a in candidates if (found := lead(chosen, a, rule, best_score)) is not None]
    # a member ahead of the one chosen was passed over although better: the stronger finding, and
    # not "nearly as well qualified"; the gap is shown as that member's (positive) lead
    better = [(a, found.reversed()) for a, found in compared if found.amount < 0]
    if better:
        widest = max((found for _, found in better), key=lambda f: f.amount)
        return Outcome("review", "member_ranked_higher", ids(by_rank(a for a, _ in better)), widest.params())
    near = [(a, found) for a, found in compared if found.within]
    if near:
        closest = min((found for _, found in near), key=lambda f: f.amount)
        params = {**closest.params(), "duty": rule.preference or "may"}
        return Outcome("review", "near_equal_passed_over", ids(by_rank(a for a, _ in near)), params)
    if not compared:
        return Outcome("not_applicable", "no_member")
    closest = min((found for _, found in compared), key=lambda f: f.amount)
    return Outcome("met", "no_near_equal", (), closest.params())


SPEC = CheckSpec("moderate_quotation", moderate_quotation, QuotationRule, Reason, PUBLIC, OUTSIDE_COMPETITION,
                 STATUSES)

"""The summary report as data: the JSON contract of ``summary`` (``rekruttering.summary/2``).

Only models live here, so that a renderer can read a report without importing the computation.
"""

from __future__ import annotations

import math
from collections.abc import Collection
from datetime import date
from typing import Literal

from pydantic import BaseModel
from pydantic import Field as ModelField

from rekruttering.models import Provenance

SUMMARY_SCHEMA = "rekruttering.summary/2"
DEFAULT_MIN_INFORMATIVE = 5  # postings that must carry information before stratified statistics are published
STAGES = ("applied", "qualified", "invited", "hired")


def significant(value: float | None, digits: int) -> float | None:
    """A published number rounded to ``digits`` significant digits, so that no 17-digit float singles out
    a table (and a sentence says the number its table shows)."""
    if value is None:
        return None
    if value == 0 or not math.isfinite(value):
        return value
    return float(f"{value:.{digits}g}")


class Period(BaseModel):
    from_: date | None = ModelField(default=None, serialization_alias="from")
    to: date | None = None


class PostingCounts(BaseModel):
    in_period: int
    outside_period: int
    without_deadline: int
    first_outside: date | None = None  # the earliest and latest deadline of the postings outside the period
    last_outside: date | None = None


class RuleSummary(BaseModel):
    rule: str
    title: str
    check: str
    unit: str | None = None
    month: str | None = None
    postings: int
    met: int
    breach: int
    justified: int
    review: int
    not_applicable: int
    compliance_rate: float | None
    sentence: str
    # findings of status breach for a rule of severity advice: counted here, not in ``breach``
    advice_not_followed: int = 0


class FollowUp(BaseModel):
    posting_id: str
    title: str | None
    unit: str | None
    deadline: date | None
    rule: str


class FunnelCount(BaseModel):
    group: str
    category: str
    applied: int | None
    qualified: int | None
    invited: int | None
    hired: int | None
    suppressed: list[str]
    missing: list[str] = ModelField(default_factory=list)  # stages the exports do not have
    sentence: str


class FunnelStep(BaseModel):
    """One step of the funnel for one comparison: the focal category against the reference."""

    group: str
    stage: str
    from_stage: str
    focal: str
    reference: str
    left_out: list[str]
    rate_group: float | None
    rate_reference: float | None
    impact_ratio: float | None
    impact_ratio_exact: str | None
    below_four_fifths: bool | None  # pooled over the postings
    stratified_below_four_fifths: bool | None  # the Mantel-Haenszel risk ratio: the headline verdict
    pooled_and_stratified_disagree: bool
    too_little_data: bool
    mh_risk_ratio: float | None
    mh_odds_ratio: float | None
    cmh_statistic: float | None
    cmh_p: float | None
    cmh_statistic_corrected: float | None
    cmh_p_corrected: float | None
    exact_p_one_sided: float | None
    exact_p_below_bound: bool  # the true p is below 1e-12, and exact_p_one_sided holds that bound
    informative_postings: int | None
    stratified_published: bool
    suppressed: list[str]
    missing: bool
    sentence: str


class Representation(BaseModel):
    group: str
    population_share: float | None
    population_source: str | None
    applicants_share: float | None
    invited_share: float | None
    hired_share: float | None
    suppressed: list[str]
    missing: list[str] = ModelField(default_factory=list)
    sentence: str


class YearlyResult(BaseModel):
    """One verdict of a yearly rule (``checks.yearly``): per group and step (``selection_parity``), per slice
    of the postings (``representation_target``: all, a unit, a job level, an employment type), or once
    (``trainee_recruitment``). ``status`` is never ``breach``. Counts of persons follow disclosure control: a
    hidden one is ``null`` with its key in ``suppressed``."""

    rule: str
    title: str
    check: str
    group: str | None = None
    stage: str | None = None  # selection_parity: the funnel step (to this stage from the one before)
    split: str | None = None  # representation_target: "unit", "job_level", "employment_type"; None: all postings
    value: str | None = None  # the unit, "leader"/"other", "permanent"/"temporary" ("–": not given)
    status: Literal["met", "review", "not_applicable"]
    reason: str
    # selection_parity: the funnel step's published numbers and the threshold used
    stratified_below_four_fifths: bool | None = None
    exact_p_one_sided: float | None = None
    informative_postings: int | None = None
    alpha: float | None = None
    min_informative: int | None = None
    # representation_target and trainee_recruitment: counts of persons (hired) and the share
    hires: int | None = None
    declared_hires: int | None = None
    hired_share: float | None = None
    target: float | None = None
    target_source: str | None = None  # "targets_file", "rule", "population_share"
    min_hires: int | None = None
    postings: int | None = None  # postings in the slice (trainee_recruitment: trainee postings)
    left_out_not_in_force: int = 0  # postings of the period whose deadline lies outside the rule's dates
    left_out_not_offered: int = 0  # postings (within the dates) where self-declaration was not offered
    suppressed: list[str] = ModelField(default_factory=list)
    sentence: str = ""


class SummaryReport(Provenance):
    """The whole ``summary`` result; ``--format json`` is this model dumped."""

    period: Period
    postings: PostingCounts
    min_cell: int
    suppress_zeros: bool = False
    min_informative: int = DEFAULT_MIN_INFORMATIVE
    internal_use: bool = False  # min_cell 1: nothing suppressed, not to be handed on
    missing_stages: list[str] = ModelField(default_factory=list)
    # applications left out of the funnel because a stage or a declaration could not be read or is in conflict
    left_out_in_doubt: int = 0
    rules: list[RuleSummary]
    by_unit: list[RuleSummary]
    by_month: list[RuleSummary]
    follow_up: list[FollowUp]
    funnel_counts: list[FunnelCount]
    funnel: list[FunnelStep]
    representation: list[Representation]
    # the pack's yearly rules (checks.yearly), judged over the period; never a breach
    yearly_rules: list[YearlyResult] = ModelField(default_factory=list)

    @property
    def failed(self) -> bool:
        return bool(self.follow_up)

    @property
    def to_review(self) -> int:
        """Findings in the period that a person must judge."""
        return sum(r.review for r in self.rules)

    def fails(self, fail_on: Collection[str]) -> bool:
        """Exit code 1: an unjustified breach, or with ``--fail-on review`` also a finding to review, or with
        ``--fail-on advice`` also an advice not followed."""
        return self.failed or ("review" in fail_on and self.to_review > 0) or (
            "advice" in fail_on and any(r.advice_not_followed for r in self.rules))

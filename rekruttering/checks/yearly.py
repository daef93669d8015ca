"""The yearly rule kinds: rules a pack declares that are judged once per summary, not per posting.

A yearly rule looks at a whole period (the postings of ``summary``), so the engine never runs it on a
posting and ``check`` leaves it out (``RulePack.yearly`` holds them apart from ``RulePack.rules``).
Each kind owns its parameter model, defaults, reason codes and statuses here; ``summary.yearly`` computes
them from the counts the summary already has. A yearly rule is never a breach: the plans behind them
promise vigilance and targets, not a duty a single posting can break, so the worst is ``review``.

* ``selection_parity``: per group and funnel step, ``review`` when the stratified (Mantel-Haenszel)
  four-fifths verdict is below and the exact conditional one-sided test is significant at ``alpha``
  with at least ``min_informative`` informative postings; ``met`` otherwise; ``not_applicable`` when the
  statistics are not published (too few informative postings, a hidden count, a missing stage).
* ``representation_target``: the declared share among those hired, overall and per unit (and per job
  level and employment type where the exports have them), against a target: ``met`` when reached,
  ``review`` below it, ``not_applicable`` under ``min_hires`` hires or without a target.
* ``trainee_recruitment``: ``met`` when at least one trainee hire declared the group, ``review``
  otherwise, ``not_applicable`` without trainee postings in the period.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum
from typing import Literal

from pydantic import Field, model_validator

from rekruttering.checks.rule import RuleBase
from rekruttering.config import Refusal

YearlyStatus = Literal["met", "review", "not_applicable"]
YEARLY_STATUSES: tuple[YearlyStatus, ...] = ("met", "review", "not_applicable")
SplitName = Literal["unit", "job_level", "employment_type"]
StageName = Literal["qualified", "invited", "hired"]

DEFAULT_ALPHA = 0.05  # one-sided: the test asks only whether the group is selected less often
DEFAULT_MIN_INFORMATIVE = 5
DEFAULT_MIN_HIRES = 5
DEFAULT_STAGES: tuple[StageName, ...] = ("qualified", "invited", "hired")
DEFAULT_SPLITS: tuple[SplitName, ...] = ("unit", "job_level", "employment_type")


class YearlyRuleBase(RuleBase):
    """What the yearly kinds share: they judge a period, so the postings they look at are the kind's
    (``posting_types`` is refused), and they never breach (``severity`` is ``warning``)."""

    severity: Literal["error", "warning", "advice"] = "warning"

    @model_validator(mode="after")
    def _yearly(self) -> YearlyRuleBase:
        if self.posting_types is not None:
            raise Refusal("pack.yearly_posting_types", check=self.check)
        return self


class SelectionParityRule(YearlyRuleBase):
    """``selection_parity``: the funnel steps of the rule's groups, judged by the stratified statistics."""

    check: Literal["selection_parity"]
    alpha: float | None = Field(default=None, gt=0, lt=1)
    min_informative: int | None = Field(default=None, ge=1)
    stages: list[StageName] | None = None

    @property
    def alpha_used(self) -> float:
        return self.alpha if self.alpha is not None else DEFAULT_ALPHA

    @property
    def informative_needed(self) -> int:
        return self.min_informative if self.min_informative is not None else DEFAULT_MIN_INFORMATIVE

    @property
    def stages_used(self) -> tuple[StageName, ...]:
        return tuple(self.stages) if self.stages else DEFAULT_STAGES

    def defaults(self) -> dict[str, str]:
        return {"alpha": str(DEFAULT_ALPHA), "min_informative": str(DEFAULT_MIN_INFORMATIVE),
                "stages": ", ".join(DEFAULT_STAGES)}


class RepresentationTargetRule(YearlyRuleBase):
    """``representation_target``: the declared share among those hired against a target share."""

    check: Literal["representation_target"]
    # None: the pack's population share (immigrant background only); a --targets file overrides it per unit
    target: float | None = Field(default=None, ge=0, le=1)
    min_hires: int | None = Field(default=None, ge=1)
    split_by: list[SplitName] | None = None

    @model_validator(mode="after")
    def _one_group(self) -> RepresentationTargetRule:
        if len(self.groups) != 1 or "gender" in self.groups:
            raise Refusal("pack.yearly_one_declared_group", check=self.check)
        return self

    @property
    def hires_needed(self) -> int:
        return self.min_hires if self.min_hires is not None else DEFAULT_MIN_HIRES

    @property
    def splits(self) -> tuple[SplitName, ...]:
        return tuple(self.split_by) if self.split_by is not None else DEFAULT_SPLITS

    def defaults(self) -> dict[str, str]:
        return {"target": "population_share", "min_hires": str(DEFAULT_MIN_HIRES),
                "split_by": ", ".join(DEFAULT_SPLITS)}


class TraineeRule(YearlyRuleBase):
    """``trainee_recruitment``: at least one trainee hired in the period declared the rule's group."""

    check: Literal["trainee_recruitment"]

    @model_validator(mode="after")
    def _one_group(self) -> TraineeRule:
        if len(self.groups) != 1 or "gender" in self.groups:
            raise Refusal("pack.yearly_one_declared_group", check=self.check)
        return self


class ParityReason(StrEnum):
    not_in_force = "not_in_force"  # not applicable: the period lies wholly outside the rule's dates
    not_offered = "not_offered"  # not applicable: no posting of the period offered self-declaration
    partly_in_force = "partly_in_force"  # not applicable: some postings lie outside them (the funnel counts all)
    adverse_impact = "adverse_impact"  # review: below four-fifths (stratified) and significant
    not_significant = "not_significant"  # met: below, but the exact test is not significant
    not_below = "not_below"  # met
    too_few_postings = "too_few_postings"  # not applicable: statistics not published or too few informative
    suppressed = "suppressed"  # not applicable: a count of the step is hidden
    stage_missing = "stage_missing"
    group_not_in_exports = "group_not_in_exports"


class TargetReason(StrEnum):
    not_in_force = "not_in_force"  # not applicable: the period lies wholly outside the rule's dates
    not_offered = "not_offered"  # not applicable: no posting of the period offered self-declaration
    target_reached = "target_reached"
    below_target = "below_target"
    too_few_hires = "too_few_hires"
    no_target = "no_target"
    hired_missing = "hired_missing"
    group_not_in_exports = "group_not_in_exports"
    withheld = "withheld"  # tillitsvalgt: the status would reveal a hidden count


class TraineeReason(StrEnum):
    not_in_force = "not_in_force"  # not applicable: the period lies wholly outside the rule's dates
    not_offered = "not_offered"  # not applicable: no posting of the period offered self-declaration
    trainee_declared = "trainee_declared"
    no_trainee_declared = "no_trainee_declared"
    undecided = "undecided"  # review: a trainee hire's declaration cannot be read for the group
    no_trainee_postings = "no_trainee_postings"
    hired_missing = "hired_missing"
    group_not_in_exports = "group_not_in_exports"
    withheld = "withheld"


@dataclass(frozen=True)
class YearlySpec:
    """A yearly kind: its rule model, its reasons and the statuses it can give."""

    name: str
    rule_model: type[YearlyRuleBase]
    reasons: type[StrEnum]
    statuses: tuple[YearlyStatus, ...] = YEARLY_STATUSES


YEARLY: Mapping[str, YearlySpec] = {spec.name: spec for spec in (
    YearlySpec("selection_parity", SelectionParityRule, ParityReason),
    YearlySpec("representation_target", RepresentationTargetRule, TargetReason),
    YearlySpec("trainee_recruitment", TraineeRule, TraineeReason),
)}

YearlyRule = SelectionParityRule | RepresentationTargetRule | TraineeRule

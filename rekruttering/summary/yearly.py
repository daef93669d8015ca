"""The yearly rules (``checks.yearly``) judged over the postings of a summary: codes and numbers only.

Everything here is computed from what the summary already has: the funnel steps (``selection_parity``
reads their published statistics, so it can say nothing the funnel table does not), the per-posting
counts by group and level (``representation_target`` adds them up per slice of the postings), and a few
facts per posting (unit, type, job level, employment type; for trainee postings the hired applicants).

Disclosure control. A slice's hires (``hires``) and the declared among them (``declared_hires``) are
counts of persons. Each family of slices (the units; the job levels; the employment types; trainee or
not) partitions the postings, so its declared counts add up to the funnel's "hired, declared yes" count:
the family is protected as one more table by ``disclosure.protect`` (primary suppression of 1 to K−1 in
the declared and the not-declared-yes count of each slice, then secondary suppression until no hidden
count can be pinned down from the slice totals and the funnel's total). When the funnel's own count is
hidden, every slice's declared count is hidden with it.

A status can reveal a hidden count: "met" for a unit with 6 hires and a target of 24.4 % says at least
2 declared. HR's report keeps the status (HR holds the applications anyway); in the ``tillitsvalgt``
audience a status resting on a hidden count becomes ``not_applicable`` with reason ``withheld``, so a
report safe to hand over stays safe.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date
from typing import TYPE_CHECKING

import numpy as np

from rekruttering.checks.base import membership
from rekruttering.checks.pack import RulePack
from rekruttering.checks.yearly import (
    ParityReason,
    RepresentationTargetRule,
    SelectionParityRule,
    TargetReason,
    TraineeReason,
    TraineeRule,
    YearlyRule,
)
from rekruttering.keys import normalise_header
from rekruttering.models import Applicant, Posting, PostingType
from rekruttering.summary.disclosure import Cell, Tables, small
from rekruttering.summary.model import FunnelStep, YearlyResult
from rekruttering.summary.slices import protect_slices

if TYPE_CHECKING:
    from rekruttering.summary.report import CountArray, Disclosure

NOT_GIVEN = "–"  # a slice for postings whose unit, job level or employment type the exports do not give
TargetKey = tuple[str, str]  # (normalise_header(unit), group)
HIRED = 3  # the funnel's level "hired" (summary.report.level)


@dataclass(frozen=True)
class PostingFacts:
    """What the yearly rules need of one posting besides its counts: where it belongs, and for a trainee
    posting its hired applicants (a handful a year)."""

    unit: str | None
    posting_type: PostingType
    job_level: str | None = None
    employment_type: str | None = None
    trainee_hires: tuple[Applicant, ...] = ()
    deadline: date | None = None  # a yearly rule counts the posting only when this lies within its dates
    offered: bool | None = None  # self-declaration offered; False: the posting's declarations do not count


def facts_of(posting: Posting) -> PostingFacts:
    hires = tuple(a for a in posting.applicants if a.hired is True or any(d.field == "hired" for d in a.doubts)) \
        if posting.posting_type is PostingType.trainee else ()
    return PostingFacts(posting.unit, posting.posting_type, posting.job_level, posting.employment_type, hires,
                        deadline=posting.deadline, offered=posting.declaration_offered)


def needs_facts(pack: RulePack) -> bool:
    return bool(pack.yearly)


@dataclass(frozen=True)
class YearlyInput:
    """The summary's numbers the yearly rules read (the funnel after disclosure control)."""

    facts: Sequence[PostingFacts]  # one per posting, in the order of ``by_group``
    by_group: Mapping[str, CountArray]
    steps: Sequence[FunnelStep]
    tables: Tables
    hidden: set[Cell]
    missing: Sequence[str]
    settings: Disclosure
    fields: frozenset[str]  # the applicant fields in the exports
    targets: Mapping[TargetKey, float]
    audience: str
    population_share: float | None
    period: tuple[date | None, date | None] = (None, None)  # the summary's --from and --to
    # the hires of the postings a rule counts are hidden (the funnel's total minus them would be small)
    hires_hidden: bool = False


def yearly_results(pack: RulePack, data: YearlyInput, title: Callable[[YearlyRule], str]) -> list[YearlyResult]:
    """Every yearly rule of the pack, in the pack's order; ``title`` gives a rule's title in the report's
    language."""
    out: list[YearlyResult] = []
    for rule in pack.yearly:
        if _outside(rule, data.period) or not any(_counted(rule, data.facts)):
            found = [_result("not_applicable", "not_in_force", group=rule.groups[0] if rule.groups else None)]
        elif all(o is False for o, c in zip(_offered(data.facts), _counted(rule, data.facts), strict=True) if c):
            found = [_result("not_applicable", "not_offered", group=group) for group in rule.groups]
        elif isinstance(rule, SelectionParityRule):
            # the funnel's statistics are of every posting of the period: judged only when all are in force
            # (a posting where declaration was not offered has no declared applicant: it is not informative)
            found = _parity(rule, data) if all(_counted(rule, data.facts)) else \
                [_result("not_applicable", ParityReason.partly_in_force, group=group) for group in rule.groups]
        elif isinstance(rule, RepresentationTargetRule):
            found = _representation(rule, _kept(rule, data))
        else:
            found = [_trainee(rule, _kept(rule, data))]
        counted = _counted(rule, data.facts)
        left = sum(1 for keep in counted if not keep)
        not_offered = sum(1 for keep, o in zip(counted, _offered(data.facts), strict=True) if keep and o is False)
        out += [r.model_copy(update={"rule": rule.id, "title": title(rule), "check": rule.check,
                                     "left_out_not_in_force": left, "left_out_not_offered": not_offered})
                for r in found]
    return out


def _counted(rule: YearlyRule, facts: Sequence[PostingFacts]) -> list[bool]:
    """Per posting, whether its deadline lies within the rule's dates (a posting without one is counted, as
    ``check`` judges it as of the run date)."""
    return [f.deadline is None or not ((rule.in_force_from and f.deadline < rule.in_force_from)
                                       or (rule.in_force_to and f.deadline > rule.in_force_to)) for f in facts]


def _offered(facts: Sequence[PostingFacts]) -> list[bool | None]:
    return [f.offered for f in facts]


def _kept(rule: YearlyRule, data: YearlyInput) -> YearlyInput:
    """``data`` with only the postings the rule counts: within its dates, and not those where the
    self-declaration was not offered (and the funnel's totals of them hidden where the postings left out
    would give away a small count: see ``_rest_hidden``)."""
    keep = [c and o is not False for c, o in zip(_counted(rule, data.facts), _offered(data.facts), strict=True)]
    if all(keep):
        return data
    indices = np.flatnonzero(np.array(keep, dtype=bool))
    cells, hires_hidden = _rest_hidden(data, keep)
    return replace(data, facts=[data.facts[i] for i in indices.tolist()],
                   by_group={g: counts[indices] for g, counts in data.by_group.items()},
                   hidden=data.hidden | cells, hires_hidden=hires_hidden)


def _rest_hidden(data: YearlyInput, keep: Sequence[bool]) -> tuple[set[Cell], bool]:
    """The funnel's "hired, declared yes" cells to treat as hidden for the postings kept, and whether their
    hires are hidden: the kept and the left-out postings are two slices of the funnel's hires, protected
    like the units."""
    out: set[Cell] = set()
    hires_hidden = False
    mask = np.array(keep, dtype=bool)
    k, zeros = data.settings.min_cell, data.settings.suppress_zeros
    for group, counts in data.by_group.items():
        hires, declared = _hired(counts)
        total = None if (group, "yes", "hired") in data.hidden else int(declared.sum())
        two = {"in": (int(hires[mask].sum()), int(declared[mask].sum())),
               "out": (int(hires[~mask].sum()), int(declared[~mask].sum()))}
        gone = protect_slices(two, int(hires.sum()), total, k, zeros, 1)
        if "in" in gone.declared or gone.whole:
            out.add((group, "yes", "hired"))
        hires_hidden |= "in" in gone.hires or gone.whole
    return out, hires_hidden


def _outside(rule: YearlyRule, period: tuple[date | None, date | None]) -> bool:
    """The period lies wholly before the rule is in force, or wholly after (a period without an end, or
    without a start, is judged)."""
    start, end = period
    return bool((rule.in_force_to and start and start > rule.in_force_to)
                or (rule.in_force_from and end and end < rule.in_force_from))


def _result(status: str, reason: str, **fields: object) -> YearlyResult:
    return YearlyResult(rule="", title="", check="", status=status, reason=reason, **fields)  # type: ignore[arg-type]


# ---------------------------------------------------------------------------------------------
# selection_parity


def _parity(rule: SelectionParityRule, data: YearlyInput) -> list[YearlyResult]:
    rows: list[YearlyResult] = []
    for group in rule.groups:
        comparisons = [s for s in data.steps if s.group == group and s.focal != "not_declared"]
        for stage in rule.stages_used:
            steps = [s for s in comparisons if s.stage == stage] if group in data.by_group else []
            if not steps:
                rows.append(_result("not_applicable", ParityReason.group_not_in_exports, group=group, stage=stage,
                                    alpha=rule.alpha_used, min_informative=rule.informative_needed))
            rows += [_parity_step(rule, step) for step in steps]
    return rows


def _parity_step(rule: SelectionParityRule, step: FunnelStep) -> YearlyResult:
    """The step's verdict from its published numbers only (so a reader can redo it from the funnel table)."""
    numbers = {"group": step.group, "stage": step.stage, "value": step.focal if step.group == "gender" else None,
               "alpha": rule.alpha_used, "min_informative": rule.informative_needed,
               "stratified_below_four_fifths": step.stratified_below_four_fifths,
               "exact_p_one_sided": step.exact_p_one_sided, "informative_postings": step.informative_postings}
    if step.missing:
        return _result("not_applicable", ParityReason.stage_missing, **numbers)
    if "rate_group" in step.suppressed:
        return _result("not_applicable", ParityReason.suppressed, **numbers)
    informative = step.informative_postings or 0
    if not step.stratified_published or informative < rule.informative_needed or \
            step.stratified_below_four_fifths is None:
        return _result("not_applicable", ParityReason.too_few_postings, **numbers)
    if not step.stratified_below_four_fifths:
        return _result("met", ParityReason.not_below, **numbers)
    p = step.exact_p_one_sided
    if p is not None and p < rule.alpha_used:
        return _result("review", ParityReason.adverse_impact, **numbers)
    return _result("met", ParityReason.not_significant, **numbers)


# ---------------------------------------------------------------------------------------------
# representation_target


def _slices(facts: Sequence[PostingFacts], split: str) -> list[str]:
    """Per posting, the name of its slice in the family ``split``."""
    if split == "unit":
        return [f.unit or NOT_GIVEN for f in facts]
    if split == "job_level":
        return [f.job_level or NOT_GIVEN for f in facts]
    return [f.employment_type or NOT_GIVEN for f in facts]


def _present(facts: Sequence[PostingFacts], split: str) -> bool:
    """A split is shown only where the exports give it for some posting (a unit is always shown)."""
    return split == "unit" or any(name != NOT_GIVEN for name in _slices(facts, split))


def _hired(counts: CountArray) -> tuple[CountArray, CountArray]:
    """Per posting: hires (every category) and declared-yes hires (category 0)."""
    at_hired = counts[:, :, HIRED]
    return at_hired.sum(axis=1), at_hired[:, 0]


def protect_family(slices: Mapping[str, tuple[int, int]], total_declared: int | None, k: int,
                   zeros: bool) -> set[str]:
    """The slices whose declared count must be hidden when their hire counts are published
    (``summary.slices.protect_slices`` without protecting the hires)."""
    return set(protect_slices(slices, None, total_declared, k, zeros, 1).declared)


def _target(rule: RepresentationTargetRule, data: YearlyInput, split: str | None, name: str | None
            ) -> tuple[float | None, str | None]:
    group = rule.groups[0]
    if split == "unit" and name is not None:
        found = data.targets.get((normalise_header(name), group))
        if found is not None:
            return found, "targets_file"
    if rule.target is not None:
        return rule.target, "rule"
    if group == "immigrant_background" and data.population_share is not None:
        return data.population_share, "population_share"
    return None, None


def _representation(rule: RepresentationTargetRule, data: YearlyInput) -> list[YearlyResult]:
    group = rule.groups[0]
    base = {"group": group, "min_hires": rule.hires_needed}
    if "hired" in data.missing:
        return [_result("not_applicable", TargetReason.hired_missing, **base)]
    if group not in data.by_group:
        return [_result("not_applicable", TargetReason.group_not_in_exports, **base)]
    hires, declared = _hired(data.by_group[group])
    k, zeros = data.settings.min_cell, data.settings.suppress_zeros
    total_cell = (group, "yes", "hired")
    total = None if total_cell in data.hidden else int(declared.sum())
    # the whole period first: its counts are the funnel's, hidden or shown with it
    rows = [_judged(rule, data, None, None, int(hires.sum()), int(declared.sum()), len(data.facts),
                    hidden=total is None, hires_hidden=data.hires_hidden or small(int(hires.sum()), k, zeros))]
    for split in rule.splits:
        if not _present(data.facts, split):
            continue
        names = _slices(data.facts, split)
        family: dict[str, tuple[int, int]] = {}
        postings: dict[str, int] = {}
        for index, name in enumerate(names):
            n, d = family.get(name, (0, 0))
            family[name] = (n + int(hires[index]), d + int(declared[index]))
            postings[name] = postings.get(name, 0) + 1
        gone = protect_slices(family, int(hires.sum()), total, k, zeros, rule.hires_needed)
        if gone.whole:
            continue  # every way of showing the slices gives a hidden count away: the period's row says it all
        for name in sorted(family):
            n, d = family[name]
            rows.append(_judged(rule, data, split, name, n, d, postings[name], hidden=name in gone.declared,
                                hires_hidden=name in gone.hires))
    return rows


def _judged(rule: RepresentationTargetRule, data: YearlyInput, split: str | None, name: str | None, hires: int,
            declared: int, postings: int, *, hidden: bool, hires_hidden: bool) -> YearlyResult:
    target, source = _target(rule, data, split, name)
    # a slice's postings are hidden with its hires: with one hire a posting, as is common, they are the same
    gone = [key for key, out in (("hires", hires_hidden), ("declared_hires", hidden or hires_hidden),
                                 ("hired_share", hidden or hires_hidden), ("postings", hires_hidden)) if out]
    numbers = {"group": rule.groups[0], "split": split, "value": name,
               "postings": None if hires_hidden else postings,
               "min_hires": rule.hires_needed, "target": target, "target_source": source,
               "hires": None if hires_hidden else hires,
               "declared_hires": None if "declared_hires" in gone else declared,
               "hired_share": None if "hired_share" in gone or not hires else round(declared / hires, 3),
               "suppressed": gone}
    if hires < rule.hires_needed:
        return _result("not_applicable", TargetReason.too_few_hires, **numbers)
    if target is None:
        return _result("not_applicable", TargetReason.no_target, **numbers)
    if gone and data.audience == "tillitsvalgt":
        # the status would bound a hidden count ("met" with 6 hires and 24.4 %: at least 2 declared)
        return _result("not_applicable", TargetReason.withheld, **numbers)
    # compared exactly: declared / hires >= target, without a float rounding a share at the target below it
    reached = declared >= target * hires - 1e-9 * hires
    return _result("met" if reached else "review",
                   TargetReason.target_reached if reached else TargetReason.below_target, **numbers)


# ---------------------------------------------------------------------------------------------
# trainee_recruitment


def _trainee(rule: TraineeRule, data: YearlyInput) -> YearlyResult:
    group = rule.groups[0]
    trainee = [f for f in data.facts if f.posting_type is PostingType.trainee]
    base = {"group": group, "postings": len(trainee)}
    if not trainee:  # none: no trainee was hired, which is shown (not a hidden count)
        return _result("not_applicable", TraineeReason.no_trainee_postings, hires=0, declared_hires=0, **base)
    if "hired" in data.missing:
        return _result("not_applicable", TraineeReason.hired_missing, **base)
    approximate = group == "non_western" and rule.approximate_by_country_group is not None and \
        "non_western" not in data.fields
    if group not in data.fields and not (approximate and "immigrant_background" in data.fields):
        return _result("not_applicable", TraineeReason.group_not_in_exports, **base)
    hires = [a for f in trainee for a in f.trainee_hires]
    answers = [_member(a, group, rule, approximate) for a in hires]
    declared = sum(1 for a in answers if a is True)
    k, zeros = data.settings.min_cell, data.settings.suppress_zeros
    hidden_n = small(len(hires), k, zeros)
    # the rest of the period's declared hires can be worked out from the funnel's total: hide ours with it
    total_cell = (group, "yes", "hired")
    rest = None if group not in data.by_group or total_cell in data.hidden else \
        data.tables.cells.get(total_cell, 0) - declared
    hidden_d = hidden_n or small(declared, k, zeros) or small(len(hires) - declared, k, zeros) or (
        rest is not None and small(rest, k, zeros))
    numbers = {**base, "hires": None if hidden_n else len(hires), "declared_hires": None if hidden_d else declared,
               "suppressed": [key for key, out in (("hires", hidden_n), ("declared_hires", hidden_d)) if out]}
    if declared:
        status, reason = "met", TraineeReason.trainee_declared
    elif any(a is None for a in answers):
        status, reason = "review", TraineeReason.undecided
    else:
        status, reason = "review", TraineeReason.no_trainee_declared
    if data.audience == "tillitsvalgt" and hires and (hidden_n or hidden_d):
        return _result("not_applicable", TraineeReason.withheld, **numbers)
    return _result(status, reason, **numbers)


def _member(applicant: Applicant, group: str, rule: TraineeRule, approximate: bool) -> bool | None:
    """Whether a trainee hire declared the group; None when a value in doubt or a missing country group
    (the approximation) leaves it open."""
    if any(d.field in ("hired", group, "immigrant_background", "country_group") for d in applicant.doubts):
        return None
    if approximate:
        return membership(applicant, "immigrant_background", rule.approximate_by_country_group)
    return membership(applicant, group)


def targets_used(pack: RulePack, facts: Sequence[PostingFacts]) -> tuple[set[str], set[str]]:
    """The units (normalised) of the period's postings and the groups of the pack's representation_target
    rules: a row of a targets file naming neither is not used (``read.targets.unmatched``)."""
    groups = {rule.groups[0] for rule in pack.yearly if isinstance(rule, RepresentationTargetRule)}
    return {normalise_header(f.unit) for f in facts if f.unit}, groups

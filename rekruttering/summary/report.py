"""The period summary: compliance per rule, unit and month; the applicant funnel by group with
stratified statistics; representation against the population; and disclosure control.

pandas is not needed here: a year is at most a few hundred thousand applications and every
count is one pass over the typed postings. Which counts of persons are hidden is decided over the
whole report by ``disclosure`` (from 1 to ``min_cell`` − 1, and as many more as it takes that none
can be worked out); everything built on a hidden count is hidden with it. Counts of postings
(compliance) are not counts of persons and are shown as they are.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Callable, Collection, Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

import numpy as np
import numpy.typing as npt

from rekruttering.checks.pack import RulePack
from rekruttering.models import Applicant, Posting, PostingReport
from rekruttering.summary.disclosure import Bound, Cell, Tables, interview_bounds, protect
from rekruttering.summary.model import (
    DEFAULT_MIN_INFORMATIVE,
    STAGES,
    FollowUp,
    FunnelCount,
    FunnelStep,
    PostingCounts,
    Representation,
    RuleSummary,
    significant,
)
from rekruttering.summary.stats import P_FLOOR, below_four_fifths, impact_ratio, stratified_arrays

if TYPE_CHECKING:
    from rekruttering.words.catalogue import Lang

DECLARED_GROUPS = ("immigrant_background", "non_western", "disability", "cv_gap")


# ---------------------------------------------------------------------------------------------
# period


def in_period(postings: Iterable[Posting], start: date | None, end: date | None
              ) -> tuple[list[Posting], PostingCounts]:
    """The postings whose deadline falls in [start, end] (any deadline when no period is given).

    A posting without a deadline belongs to no period: it is left out and counted.
    """
    kept: list[Posting] = []
    outside: list[date] = []
    undated = 0
    for posting in postings:
        if posting.deadline is None:
            undated += 1
        elif (start and posting.deadline < start) or (end and posting.deadline > end):
            outside.append(posting.deadline)
        else:
            kept.append(posting)
    return kept, PostingCounts(in_period=len(kept), outside_period=len(outside), without_deadline=undated,
                               first_outside=min(outside, default=None), last_outside=max(outside, default=None))


# ---------------------------------------------------------------------------------------------
# compliance


def _rate(met: int, justified: int, applicable: int) -> float | None:
    return (met + justified) / applicable if applicable else None


RuleCounts = dict[tuple[str, str | None], Counter[str]]  # (rule, unit or month) -> statuses counted


def rule_counts(reports: Sequence[PostingReport], key: Callable[[PostingReport], str | None] | None = None
                ) -> RuleCounts:
    counts: RuleCounts = defaultdict(Counter)
    for report in reports:
        for finding in report.findings:
            # an advice not followed (a breach of severity advice) is counted apart from the breaches
            advice = finding.status == "breach" and finding.severity == "advice"
            counts[(finding.rule, key(report) if key else None)]["advice" if advice else finding.status] += 1
    return counts


def rule_rows(reports: Sequence[PostingReport], pack: RulePack, lang: Lang,
              key: Callable[[PostingReport], str | None] | None = None, kind: str = "") -> list[RuleSummary]:
    return rule_rows_of(rule_counts(reports, key), pack, lang, kind)


def rule_rows_of(counts: RuleCounts, pack: RulePack, lang: Lang, kind: str = "") -> list[RuleSummary]:
    """One row per rule (and unit or month), from the statuses counted (``advice``: advice not followed)."""
    rows: list[RuleSummary] = []
    for (rule_id, value), c in sorted(counts.items(), key=lambda item: (item[0][1] or "", item[0][0])):
        rule = pack.rule(rule_id)
        assert rule is not None
        total = sum(c.values())
        applicable = total - c["not_applicable"]
        rate = _rate(c["met"], c["justified"], applicable)
        rows.append(RuleSummary(
            rule=rule_id, title=rule.title.get(lang), check=rule.check,
            unit=value if kind == "unit" else None, month=value if kind == "month" else None,
            postings=total, met=c["met"], breach=c["breach"], justified=c["justified"], review=c["review"],
            not_applicable=c["not_applicable"], compliance_rate=rate, sentence="",
            advice_not_followed=c["advice"],
        ))
    return rows


def follow_up(reports: Sequence[PostingReport]) -> list[FollowUp]:
    return [FollowUp(posting_id=r.posting_id, title=r.title, unit=r.unit, deadline=r.deadline, rule=f.rule)
            for r in reports for f in r.findings if f.status == "breach" and f.severity != "advice"]


# ---------------------------------------------------------------------------------------------
# funnel


CATEGORIES = {"gender": ("kvinne", "mann", "annet", "not_declared")}
DECLARED = ("yes", "no", "not_declared")
# who is compared with whom: the group's "yes" against its "no"; gender both ways, so that a
# disadvantage for men is seen as well as one for women
COMPARISONS = {"gender": (("kvinne", "mann"), ("mann", "kvinne"))}
SIGNIFICANT = 0.05


def categories(group: str) -> tuple[str, ...]:
    """The answers to a group question, the group (declared yes) first and the reference second."""
    return CATEGORIES.get(group, DECLARED)


def comparisons(group: str) -> tuple[tuple[str, str], ...]:
    return COMPARISONS.get(group, (("yes", "no"),))


def category_of(applicant: Applicant, group: str) -> str:
    if group == "gender":
        return applicant.gender or "not_declared"
    value = getattr(applicant, group)
    return "yes" if value is True else "no" if value is False else "not_declared"


def level(applicant: Applicant) -> int:
    """How far the applicant got: 0 applied, 1 qualified, 2 invited, 3 hired. Each stage includes the
    one before: invited means qualified and invited, hired means all three."""
    if applicant.qualified is not True:
        return 0
    if applicant.invited is not True:
        return 1
    return 3 if applicant.hired is True else 2


def funnel_groups(pack: RulePack, fields: frozenset[str]) -> list[str]:
    wanted = {g for rule in pack.all_rules for g in rule.groups}
    groups = [g for g in DECLARED_GROUPS if g in wanted and g in fields]
    if "gender" in fields:
        groups.append("gender")
    return groups


def missing_stages(shortlist_fields: Collection[str]) -> tuple[str, ...]:
    """Stages the exports do not have: without an Ansatt column nobody can be counted as hired."""
    return () if "hired" in shortlist_fields else ("hired",)


STAGE_FIELDS = frozenset({"qualified", "invited", "hired"})

# For each group: an int64 array of shape (postings, categories, levels). Entry [p, c, l] is how many
# applications of posting p answered the group question with categories(group)[c] and ended at level l
# (see ``level``: 0 applied, 1 qualified, 2 invited, 3 hired). Applications in doubt for the group
# (``in_doubt``) are not counted in that group's array.
CountArray = npt.NDArray[np.int64]
LEVELS = len(STAGES)


def in_doubt(applicant: Applicant, group: str) -> bool:
    """An application whose stage or answer to the group question could not be read, or is in conflict:
    counting it anywhere would count an unknown as a no, so the funnel leaves it out (and says how many)."""
    return any(d.field in STAGE_FIELDS or d.field == group for d in applicant.doubts)


def posting_counts(postings: Sequence[Posting], groups: Sequence[str]) -> dict[str, CountArray]:
    """The funnel's input, counted in one pass over the typed postings: per group, an int64 array of shape
    ``(len(postings), len(categories(group)), 4)`` whose entry ``[p, c, l]`` is how many applications of
    posting ``p`` answered the group question with ``categories(group)[c]`` and ended at level ``l``
    (0 applied, 1 qualified, 2 invited, 3 hired; see :func:`level`). Applications in doubt for a group
    (:func:`in_doubt`) are left out of that group's array. A column-wise reader can build these arrays
    directly and hand them to :func:`funnel_of_counts`."""
    index = {g: {name: i for i, name in enumerate(categories(g))} for g in groups}
    flat: dict[str, list[int]] = {g: [] for g in groups}
    for p, posting in enumerate(postings):
        for applicant in posting.applicants:
            reached = level(applicant)
            for group in groups:
                if applicant.doubts and in_doubt(applicant, group):
                    continue
                size = len(index[group])
                flat[group].append((p * size + index[group][category_of(applicant, group)]) * LEVELS + reached)
    counts: dict[str, CountArray] = {}
    for group in groups:
        shape = (len(postings), len(index[group]), LEVELS)
        found = np.bincount(np.array(flat[group], dtype=np.int64), minlength=math.prod(shape))
        counts[group] = found.astype(np.int64).reshape(shape)
    return counts


def left_out_in_doubt(postings: Sequence[Posting], groups: Sequence[str]) -> int:
    """How many applications the funnel leaves out of at least one group's table for a value in doubt."""
    return sum(1 for p in postings for a in p.applicants if a.doubts and any(in_doubt(a, g) for g in groups))


def reached(counts: CountArray) -> CountArray:
    """From (postings, categories, levels) counts of where applications ended, how many reached each level
    (ended there or further), in the same shape."""
    return np.flip(np.cumsum(np.flip(counts, axis=-1), axis=-1), axis=-1)


@dataclass(frozen=True)
class Disclosure:
    """The settings of disclosure control: K, whether zeros are hidden, and how many postings must carry
    information before stratified statistics are published."""

    min_cell: int = 5
    suppress_zeros: bool = False
    min_informative: int = DEFAULT_MIN_INFORMATIVE


def funnel_tables(counts: dict[str, CountArray], missing: Collection[str]) -> Tables:
    """Every count of persons by group, category and stage (missing stages left out), from the per-posting
    counts of :func:`posting_counts` (the groups are its keys, in order)."""
    stages = tuple(s for s in STAGES if s not in missing)
    cells: dict[Cell, int] = {}
    for group, per_posting in counts.items():
        totals = reached(per_posting).sum(axis=0)  # (categories, levels)
        for c, name in enumerate(categories(group)):
            for stage in stages:
                cells[(group, name, stage)] = int(totals[c, STAGES.index(stage)])
    groups = list(counts)
    shares = tuple(g for g in groups if g in DECLARED_GROUPS)
    return Tables(cells, stages, {g: categories(g) for g in groups}, shares)


def compliance_bounds(rules: Sequence[RuleSummary], pack: RulePack, groups: Collection[str]) -> list[Bound]:
    """What the interview rules' compliance counts reveal about the declared groups' counts."""
    bounds: list[Bound] = []
    for row in rules:
        rule = pack.rule(row.rule)
        if rule is None or rule.check != "interview_minimum" or len(rule.groups) != 1 or rule.groups[0] not in groups:
            continue
        # an advice not followed is a breach as far as what the counts reveal goes
        counts = {"met": row.met, "breach": row.breach + row.advice_not_followed, "justified": row.justified,
                  "review": row.review, "not_applicable": row.not_applicable}
        bounds += interview_bounds(rule.groups[0], rule.required, counts)
    return bounds


def funnel(postings: Sequence[Posting], groups: Sequence[str], settings: Disclosure, *,
           missing: Collection[str] = (), bounds: Sequence[Bound] = ()
           ) -> tuple[list[FunnelCount], list[FunnelStep], set[Cell], Tables]:
    """The funnel counts and steps, with disclosure control chosen over them and the facts in ``bounds``."""
    return funnel_of_counts(posting_counts(postings, groups), settings, missing=missing, bounds=bounds)


def funnel_of_counts(by_group: dict[str, CountArray], settings: Disclosure, *,
                     missing: Collection[str] = (), bounds: Sequence[Bound] = ()
                     ) -> tuple[list[FunnelCount], list[FunnelStep], set[Cell], Tables]:
    """:func:`funnel` from the per-posting counts of :func:`posting_counts` (one array per group, the groups
    in the order of the report)."""
    groups = list(by_group)
    tables = funnel_tables(by_group, missing)
    tables.bounds = list(bounds)
    hidden = protect(tables, settings.min_cell, zeros=settings.suppress_zeros)
    counts: list[FunnelCount] = []
    steps: list[FunnelStep] = []
    for group in groups:
        for name in categories(group):
            shown: dict[str, int | None] = {
                s: None if s in missing or (group, name, s) in hidden else tables.cells[(group, name, s)]
                for s in STAGES}
            gone = [s for s in STAGES if (group, name, s) in hidden]
            counts.append(FunnelCount(group=group, category=name, suppressed=gone,
                                      missing=[s for s in STAGES if s in missing], sentence="", **shown))
        at = reached(by_group[group])
        for focal, reference in comparisons(group):
            f, r = categories(group).index(focal), categories(group).index(reference)
            left_out = [c for c in categories(group) if c not in (focal, reference)]
            for i in range(1, len(STAGES)):
                before, stage = STAGES[i - 1], STAGES[i]
                if before in missing or stage in missing:
                    steps.append(_missing_step(group, focal, reference, left_out, before, stage))
                    continue
                strata = (at[:, f, i], at[:, f, i - 1], at[:, r, i], at[:, r, i - 1])
                involved = [(group, c, s) for c in (focal, reference) for s in (before, stage)]
                step = _step(strata, group, focal, reference, left_out, before, stage, tables,
                             any(c in hidden for c in involved), settings)
                steps.append(step)
    return counts, steps, hidden, tables


STEP_NUMBERS = ["rate_group", "rate_reference", "impact_ratio", "impact_ratio_exact", "below_four_fifths",
                "stratified_below_four_fifths", "mh_risk_ratio", "mh_odds_ratio", "cmh_statistic", "cmh_p",
                "cmh_statistic_corrected", "cmh_p_corrected", "exact_p_one_sided", "informative_postings"]
STRATIFIED = ["mh_risk_ratio", "mh_odds_ratio", "cmh_statistic", "cmh_p", "cmh_statistic_corrected",
              "cmh_p_corrected", "exact_p_one_sided", "stratified_below_four_fifths"]


def _empty_step(group: str, focal: str, reference: str, left_out: list[str], before: str, stage: str,
                **fields: Any) -> FunnelStep:
    values: dict[str, Any] = dict.fromkeys(STEP_NUMBERS)
    values.update(too_little_data=True, pooled_and_stratified_disagree=False, stratified_published=False,
                  exact_p_below_bound=False, suppressed=[], missing=False)
    values.update(fields)
    return FunnelStep(group=group, stage=stage, from_stage=before, focal=focal, reference=reference,
                      left_out=left_out, **values)


def _missing_step(group: str, focal: str, reference: str, left_out: list[str], before: str, stage: str) -> FunnelStep:
    return _empty_step(group, focal, reference, left_out, before, stage, missing=True, too_little_data=False,
                       sentence="")


def _flips(g_sel: int, g_tot: int, r_sel: int, r_tot: int, below: bool) -> bool:
    """Would one person more or less, in either group, change the four-fifths conclusion?"""
    for dg, dr in ((1, 0), (-1, 0), (0, 1), (0, -1)):
        gs, rs = g_sel + dg, r_sel + dr
        if 0 <= gs <= g_tot and 0 <= rs <= r_tot:
            ratio = impact_ratio(gs, g_tot, rs, r_tot)
            if ratio is not None and below_four_fifths(ratio) != below:
                return True
    return False


StepCounts = tuple[CountArray, CountArray, CountArray, CountArray]  # focal selected, total; reference selected, total


def _step(strata: StepCounts, group: str, focal: str, reference: str, left_out: list[str], before: str,
          stage: str, tables: Tables, gone: bool, settings: Disclosure) -> FunnelStep:
    cells = tables.cells
    g_sel, g_tot = cells[(group, focal, stage)], cells[(group, focal, before)]
    r_sel, r_tot = cells[(group, reference, stage)], cells[(group, reference, before)]
    if gone:
        return _empty_step(group, focal, reference, left_out, before, stage, suppressed=list(STEP_NUMBERS),
                           sentence="")
    result = stratified_arrays(*strata)
    published = result.informative_strata >= settings.min_informative
    ratio = impact_ratio(g_sel, g_tot, r_sel, r_tot)
    below = below_four_fifths(ratio) if ratio is not None else None
    mh_exact = result.mh_risk_ratio_exact if published else None
    stratified_below = below_four_fifths(mh_exact) if mh_exact is not None else None
    is_significant = result.exact_p_one_sided is not None and result.exact_p_one_sided < SIGNIFICANT
    too_little = below is None or (_flips(g_sel, g_tot, r_sel, r_tot, below) and not is_significant)
    disagree = below is not None and stratified_below is not None and below != stratified_below
    rate_g = _share(g_sel, g_tot)
    rate_r = _share(r_sel, r_tot)
    floor = result.exact_p_below_floor
    exact_p = (P_FLOOR if floor else significant(result.exact_p_one_sided, 2)) if published else None
    unpublished = [] if published else list(STRATIFIED)
    return FunnelStep(
        group=group, stage=stage, from_stage=before, focal=focal, reference=reference, left_out=left_out,
        rate_group=rate_g, rate_reference=rate_r,
        impact_ratio=significant(float(ratio), 3) if ratio is not None else None,
        impact_ratio_exact=f"{ratio.numerator}/{ratio.denominator}" if ratio is not None else None,
        below_four_fifths=below, stratified_below_four_fifths=stratified_below,
        pooled_and_stratified_disagree=disagree, too_little_data=too_little,
        mh_risk_ratio=significant(result.mh_risk_ratio, 3) if published else None,
        mh_odds_ratio=significant(result.mh_odds_ratio, 3) if published else None,
        cmh_statistic=significant(result.cmh_statistic, 3) if published else None,
        cmh_p=significant(result.cmh_p, 2) if published else None,
        cmh_statistic_corrected=significant(result.cmh_statistic_corrected, 3) if published else None,
        cmh_p_corrected=significant(result.cmh_p_corrected, 2) if published else None,
        exact_p_one_sided=exact_p, exact_p_below_bound=floor and published,
        informative_postings=result.informative_strata, stratified_published=published,
        suppressed=unpublished, missing=False, sentence="",
    )


# ---------------------------------------------------------------------------------------------
# representation


def representation(tables: Tables, hidden: set[Cell], pack: RulePack, missing: Collection[str]
                   ) -> list[Representation]:
    """The declared share of applicants, invited and hired: published where its count is (the stage
    total is the same in every group, so a share of a shown count reveals nothing more)."""
    rows: list[Representation] = []
    for group in tables.share_groups:
        shares: dict[str, float | None] = {}
        gone: list[str] = []
        for stage, key in (("applied", "applicants_share"), ("invited", "invited_share"), ("hired", "hired_share")):
            if stage in missing:
                shares[key] = None
                continue
            everyone = sum(tables.cells[(group, c, stage)] for c in tables.groups[group])
            if (group, "yes", stage) in hidden:
                shares[key] = None
                gone.append(key)
            else:
                shares[key] = _share(tables.cells[(group, "yes", stage)], everyone)
        population = pack.info.population_share_immigrant_background if group == "immigrant_background" else None
        rows.append(Representation(group=group, population_share=population,
                                   population_source=pack.info.population_source if population is not None else None,
                                   suppressed=gone, missing=[k for k in ("hired_share",) if "hired" in missing],
                                   sentence="", **shares))
    return rows


# ---------------------------------------------------------------------------------------------
# rounding: what is published is rounded, so that no 17-digit float singles out a table


def _share(part: int, whole: int) -> float | None:
    """A share or rate rounded to 0.1 %."""
    return round(part / whole, 3) if whole else None

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
from typing import Any

from rekruttering.checks.pack import RulePack
from rekruttering.models import Applicant, Posting, PostingReport
from rekruttering.summary.disclosure import Bound, Cell, Tables, interview_bounds, protect
from rekruttering.summary.model import (
    DEFAULT_MIN_INFORMATIVE,
    FollowUp,
    FunnelCount,
    FunnelStep,
    PostingCounts,
    Representation,
    RuleSummary,
)
from rekruttering.summary.stats import P_FLOOR, Stratum, below_four_fifths, impact_ratio, stratified
from rekruttering.words.catalogue import Lang, format_number, text

STAGES = ("applied", "qualified", "invited", "hired")
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


def rule_rows(reports: Sequence[PostingReport], pack: RulePack, lang: Lang,
               key: Callable[[PostingReport], str | None] | None = None, kind: str = "") -> list[RuleSummary]:
    counts: dict[tuple[str, str | None], Counter[str]] = defaultdict(Counter)
    for report in reports:
        for finding in report.findings:
            advice = finding.status == "breach" and finding.severity == "advice"
            counts[(finding.rule, key(report) if key else None)]["advice" if advice else finding.status] += 1
    rows: list[RuleSummary] = []
    for (rule_id, value), c in sorted(counts.items(), key=lambda item: (item[0][1] or "", item[0][0])):
        rule = pack.rule(rule_id)
        assert rule is not None
        total = sum(c.values())
        applicable = total - c["not_applicable"]
        rate = _rate(c["met"], c["justified"], applicable)
        where = f"{value}, {rule_id}" if value else rule_id
        sentence = (text("summary.sentence.rule", lang, rule=where, applicable=applicable,
                         kept=c["met"] + c["justified"], rate=_percent(rate, lang), breach=c["breach"],
                         review=c["review"])
                    if applicable else text("summary.sentence.rule_none", lang, rule=where))
        if c["advice"]:
            sentence += " " + text("summary.sentence.advice", lang, count=c["advice"])
        rows.append(RuleSummary(
            rule=rule_id, title=rule.title.get(lang), check=rule.check,
            unit=value if kind == "unit" else None, month=value if kind == "month" else None,
            postings=total, met=c["met"], breach=c["breach"], justified=c["justified"], review=c["review"],
            not_applicable=c["not_applicable"], compliance_rate=rate, sentence=sentence,
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
    wanted = {g for rule in pack.rules for g in rule.groups}
    groups = [g for g in DECLARED_GROUPS if g in wanted and g in fields]
    if "gender" in fields:
        groups.append("gender")
    return groups


def missing_stages(shortlist_fields: Collection[str]) -> tuple[str, ...]:
    """Stages the exports do not have: without an Ansatt column nobody can be counted as hired."""
    return () if "hired" in shortlist_fields else ("hired",)


Tally = dict[str, list[int]]  # category -> how many ended at each level


STAGE_FIELDS = frozenset({"qualified", "invited", "hired"})


def in_doubt(applicant: Applicant, group: str) -> bool:
    """An application whose stage or answer to the group question could not be read, or is in conflict:
    counting it anywhere would count an unknown as a no, so the funnel leaves it out (and says how many)."""
    return any(d.field in STAGE_FIELDS or d.field == group for d in applicant.doubts)


def _tally(applicants: Iterable[Applicant], group: str, levels: Sequence[int]) -> Tally:
    found: Tally = {name: [0, 0, 0, 0] for name in categories(group)}
    for applicant, reached_level in zip(applicants, levels, strict=True):
        if applicant.doubts and in_doubt(applicant, group):
            continue
        found[category_of(applicant, group)][reached_level] += 1
    return found


def left_out_in_doubt(postings: Sequence[Posting], groups: Sequence[str]) -> int:
    """How many applications the funnel leaves out of at least one group's table for a value in doubt."""
    return sum(1 for p in postings for a in p.applicants if a.doubts and any(in_doubt(a, g) for g in groups))


def _at(tally: Tally, category: str, stage: int) -> int:
    """How many of a category reached ``stage`` (those who ended there or further)."""
    return sum(tally[category][stage:])


@dataclass(frozen=True)
class Disclosure:
    """The settings of disclosure control: K, whether zeros are hidden, and how many postings must carry
    information before stratified statistics are published."""

    min_cell: int = 5
    suppress_zeros: bool = False
    min_informative: int = DEFAULT_MIN_INFORMATIVE


def funnel_tables(postings: Sequence[Posting], groups: Sequence[str], missing: Collection[str]
                  ) -> tuple[Tables, dict[str, list[Tally]]]:
    """Every count of persons by group, category and stage (missing stages left out), and the tallies per
    posting that the stratified statistics need."""
    levels = [[level(a) for a in p.applicants] for p in postings]
    stages = tuple(s for s in STAGES if s not in missing)
    cells: dict[Cell, int] = {}
    per_group: dict[str, list[Tally]] = {}
    for group in groups:
        per_posting = [_tally(p.applicants, group, lv) for p, lv in zip(postings, levels, strict=True)]
        per_group[group] = per_posting
        for name in categories(group):
            for stage in stages:
                cells[(group, name, stage)] = sum(_at(t, name, STAGES.index(stage)) for t in per_posting)
    shares = tuple(g for g in groups if g in DECLARED_GROUPS)
    return Tables(cells, stages, {g: categories(g) for g in groups}, shares), per_group


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


def funnel(postings: Sequence[Posting], groups: Sequence[str], settings: Disclosure, lang: Lang, *,
           missing: Collection[str] = (), bounds: Sequence[Bound] = ()
           ) -> tuple[list[FunnelCount], list[FunnelStep], set[Cell], Tables]:
    """The funnel counts and steps, with disclosure control chosen over them and the facts in ``bounds``."""
    tables, per_group = funnel_tables(postings, groups, missing)
    tables.bounds = list(bounds)
    hidden = protect(tables, settings.min_cell, zeros=settings.suppress_zeros)
    counts: list[FunnelCount] = []
    steps: list[FunnelStep] = []
    for group in groups:
        label = _first_upper(text(f"summary.group.{group}", lang))
        for name in categories(group):
            shown: dict[str, int | None] = {
                s: None if s in missing or (group, name, s) in hidden else tables.cells[(group, name, s)]
                for s in STAGES}
            gone = [s for s in STAGES if (group, name, s) in hidden]
            answer = text(f"summary.category.{name}", lang)
            sentence = (text("summary.sentence.count_suppressed", lang, group=label, category=answer)
                        if len(gone) == len(tables.stages) else
                        text("summary.sentence.count", lang, group=label, category=answer,
                             **{s: _n(shown[s], lang, s in missing) for s in STAGES}))
            counts.append(FunnelCount(group=group, category=name, suppressed=gone,
                                      missing=[s for s in STAGES if s in missing], sentence=sentence, **shown))
        for focal, reference in comparisons(group):
            left_out = [c for c in categories(group) if c not in (focal, reference)]
            for i in range(1, len(STAGES)):
                before, stage = STAGES[i - 1], STAGES[i]
                if before in missing or stage in missing:
                    steps.append(_missing_step(group, focal, reference, left_out, before, stage, lang))
                    continue
                strata = [Stratum(_at(t, focal, i), _at(t, focal, i - 1), _at(t, reference, i),
                                  _at(t, reference, i - 1)) for t in per_group[group]]
                involved = [(group, c, s) for c in (focal, reference) for s in (before, stage)]
                step = _step(strata, group, focal, reference, left_out, before, stage, tables,
                             any(c in hidden for c in involved), settings, lang)
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


def _names(group: str, focal: str, reference: str, before: str, stage: str, lang: Lang) -> dict[str, str]:
    label = text(f"summary.group.{group}", lang)
    return {"group": label, "stage": text(f"summary.stage.{stage}", lang),
            "before": text(f"summary.stage.{before}", lang),
            "who_yes": text(f"summary.who.{focal}", lang, group=_declared(group, lang)),
            "who_no": text(f"summary.who.{reference}", lang, group=label)}


def _first_upper(words: str) -> str:
    """The first letter a capital, the rest as written ("Hull i CV", where ``capitalize`` gives "Hull i cv")."""
    return words[:1].upper() + words[1:]


def _declared(group: str, lang: Lang) -> str:
    """What a person declares, as said after "declared": "a gap in the CV", where the table says "CV gap"."""
    return text(f"group.{group}", lang) if group != "gender" else text(f"summary.group.{group}", lang)


def _missing_step(group: str, focal: str, reference: str, left_out: list[str], before: str, stage: str,
                  lang: Lang) -> FunnelStep:
    sentence = text("summary.sentence.step_missing", lang, **_names(group, focal, reference, before, stage, lang))
    return _empty_step(group, focal, reference, left_out, before, stage, missing=True, too_little_data=False,
                       sentence=sentence)


def _flips(g_sel: int, g_tot: int, r_sel: int, r_tot: int, below: bool) -> bool:
    """Would one person more or less, in either group, change the four-fifths conclusion?"""
    for dg, dr in ((1, 0), (-1, 0), (0, 1), (0, -1)):
        gs, rs = g_sel + dg, r_sel + dr
        if 0 <= gs <= g_tot and 0 <= rs <= r_tot:
            ratio = impact_ratio(gs, g_tot, rs, r_tot)
            if ratio is not None and below_four_fifths(ratio) != below:
                return True
    return False


def _step(strata: list[Stratum], group: str, focal: str, reference: str, left_out: list[str], before: str,
          stage: str, tables: Tables, gone: bool, settings: Disclosure, lang: Lang) -> FunnelStep:
    cells = tables.cells
    g_sel, g_tot = cells[(group, focal, stage)], cells[(group, focal, before)]
    r_sel, r_tot = cells[(group, reference, stage)], cells[(group, reference, before)]
    names = _names(group, focal, reference, before, stage, lang)
    if gone:
        return _empty_step(group, focal, reference, left_out, before, stage, suppressed=list(STEP_NUMBERS),
                           sentence=text("summary.sentence.step_suppressed", lang, **names))
    result = stratified(strata)
    published = result.informative_strata >= settings.min_informative
    ratio = impact_ratio(g_sel, g_tot, r_sel, r_tot)
    below = below_four_fifths(ratio) if ratio is not None else None
    mh_exact = result.mh_risk_ratio_exact if published else None
    stratified_below = below_four_fifths(mh_exact) if mh_exact is not None else None
    significant = result.exact_p_one_sided is not None and result.exact_p_one_sided < SIGNIFICANT
    too_little = below is None or (_flips(g_sel, g_tot, r_sel, r_tot, below) and not significant)
    disagree = below is not None and stratified_below is not None and below != stratified_below
    rate_g = _share(g_sel, g_tot)
    rate_r = _share(r_sel, r_tot)
    floor = result.exact_p_below_floor
    exact_p = (P_FLOOR if floor else _significant(result.exact_p_one_sided, 2)) if published else None
    if ratio is None:
        sentence = text("summary.sentence.step_undefined", lang, **names)
    else:
        headline = stratified_below if stratified_below is not None else below
        verdict = text("summary.verdict.too_little" if too_little else
                       "summary.verdict.below" if headline else "summary.verdict.not_below", lang)
        sentence = text("summary.sentence.step", lang, rate_g=_percent(rate_g, lang), rate_r=_percent(rate_r, lang),
                        ratio=format_number(_significant(float(ratio), 3) or 0, lang), verdict=verdict, **names)
        if published:
            sentence += " " + text("summary.sentence.stratified", lang, rr=_ratio_text(result.mh_risk_ratio, lang),
                                   p=_p(exact_p, lang, floor), informative=result.informative_strata)
        else:
            sentence += " " + text("summary.sentence.unstratified", lang, informative=result.informative_strata,
                                   minimum=settings.min_informative)
        if disagree:
            sentence += " " + text("summary.sentence.simpson", lang)
    unpublished = [] if published else list(STRATIFIED)
    return FunnelStep(
        group=group, stage=stage, from_stage=before, focal=focal, reference=reference, left_out=left_out,
        rate_group=rate_g, rate_reference=rate_r,
        impact_ratio=_significant(float(ratio), 3) if ratio is not None else None,
        impact_ratio_exact=f"{ratio.numerator}/{ratio.denominator}" if ratio is not None else None,
        below_four_fifths=below, stratified_below_four_fifths=stratified_below,
        pooled_and_stratified_disagree=disagree, too_little_data=too_little,
        mh_risk_ratio=_significant(result.mh_risk_ratio, 3) if published else None,
        mh_odds_ratio=_significant(result.mh_odds_ratio, 3) if published else None,
        cmh_statistic=_significant(result.cmh_statistic, 3) if published else None,
        cmh_p=_significant(result.cmh_p, 2) if published else None,
        cmh_statistic_corrected=_significant(result.cmh_statistic_corrected, 3) if published else None,
        cmh_p_corrected=_significant(result.cmh_p_corrected, 2) if published else None,
        exact_p_one_sided=exact_p, exact_p_below_bound=floor and published,
        informative_postings=result.informative_strata, stratified_published=published,
        suppressed=unpublished, missing=False, sentence=sentence,
    )


# ---------------------------------------------------------------------------------------------
# representation


def representation(tables: Tables, hidden: set[Cell], pack: RulePack, lang: Lang, missing: Collection[str]
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
        sentence = text("summary.sentence.representation", lang, group=_declared(group, lang),
                        applied=_percent(shares["applicants_share"], lang),
                        invited=_percent(shares["invited_share"], lang),
                        hired=_percent(shares["hired_share"], lang, "hired" in missing))
        if population is not None:
            sentence += " " + text("summary.sentence.population", lang, share=_percent(population, lang),
                                   source=pack.info.population_source or "SSB")
        sentence += " " + text("summary.sentence.voluntary", lang)
        rows.append(Representation(group=group, population_share=population,
                                   population_source=pack.info.population_source if population is not None else None,
                                   suppressed=gone, missing=[k for k in ("hired_share",) if "hired" in missing],
                                   sentence=sentence, **shares))
    return rows


# ---------------------------------------------------------------------------------------------
# rounding: what is published is rounded, so that no 17-digit float singles out a table


def _share(part: int, whole: int) -> float | None:
    """A share or rate rounded to 0.1 %."""
    return round(part / whole, 3) if whole else None


def _significant(value: float | None, digits: int) -> float | None:
    if value is None:
        return None
    if value == 0 or not math.isfinite(value):
        return value
    return float(f"{value:.{digits}g}")


# ---------------------------------------------------------------------------------------------
# words


def _percent(value: float | None, lang: Lang, missing: bool = False) -> str:
    if missing:
        return text("summary.missing", lang)
    if value is None:
        return ":"
    return format_number(round(value * 100, 1), lang) + " %"


def _n(value: int | None, lang: Lang, missing: bool = False) -> str:
    if missing:
        return text("summary.missing", lang)
    return ":" if value is None else str(value)


def _ratio_text(value: float | None, lang: Lang) -> str:
    return "–" if value is None else format_number(_significant(value, 3) or 0, lang)


def _p(value: float | None, lang: Lang, below_floor: bool = False) -> str:
    """A p-value as said in a sentence: "p = 0,017" with 2 significant digits, "p < 0,001" below that,
    "p < 1e-12" where the computation cannot tell the value apart from zero."""
    if value is None:
        return "p = –"
    if below_floor:
        return "p < 1e-12"
    if value < 0.001:
        return "p < 0,001" if lang == "nb" else "p < 0.001"
    return f"p = {format_number(_significant(value, 2) or 0, lang)}"

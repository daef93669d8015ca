"""The period summary: compliance per rule, unit and month; the applicant funnel by group with
stratified statistics; representation against the population; and disclosure control.

pandas is not needed here: a year is at most a few hundred thousand applications and every
count is one pass over the typed postings. Counts of persons below ``min_cell`` are suppressed,
with everything built on them and a second cell where a total would reveal the first. Counts of
postings (compliance) are not counts of persons and are shown as they are.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Collection, Iterable, Sequence
from datetime import date

from pydantic import BaseModel
from pydantic import Field as ModelField

from rekruttering.messages import Lang, format_number, text
from rekruttering.models import Applicant, Posting, PostingReport, Provenance
from rekruttering.rulepack import RulePack
from rekruttering.stats import Stratum, below_four_fifths, impact_ratio, stratified

SUMMARY_SCHEMA = "rekruttering.summary/1"
STAGES = ("applied", "qualified", "invited", "hired")
DECLARED_GROUPS = ("immigrant_background", "disability", "cv_gap")


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
    sentence: str


class FunnelStep(BaseModel):
    group: str
    stage: str
    from_stage: str
    rate_group: float | None
    rate_reference: float | None
    impact_ratio: float | None
    impact_ratio_exact: str | None
    below_four_fifths: bool | None
    too_little_data: bool
    mh_risk_ratio: float | None
    mh_odds_ratio: float | None
    cmh_statistic: float | None
    cmh_p: float | None
    cmh_statistic_corrected: float | None
    cmh_p_corrected: float | None
    exact_p_one_sided: float | None
    informative_postings: int
    suppressed: list[str]
    sentence: str


class Representation(BaseModel):
    group: str
    population_share: float | None
    population_source: str | None
    applicants_share: float | None
    invited_share: float | None
    hired_share: float | None
    suppressed: list[str]
    sentence: str


class SummaryReport(Provenance):
    """The whole ``summary`` result; ``--format json`` is this model dumped."""

    period: Period
    postings: PostingCounts
    min_cell: int
    rules: list[RuleSummary]
    by_unit: list[RuleSummary]
    by_month: list[RuleSummary]
    follow_up: list[FollowUp]
    funnel_counts: list[FunnelCount]
    funnel: list[FunnelStep]
    representation: list[Representation]

    @property
    def failed(self) -> bool:
        return bool(self.follow_up)

    @property
    def to_review(self) -> int:
        """Findings in the period that a person must judge."""
        return sum(r.review for r in self.rules)

    def fails(self, fail_on: Collection[str]) -> bool:
        """Exit code 1: an unjustified breach, or with ``--fail-on review`` also a finding to review."""
        return self.failed or ("review" in fail_on and self.to_review > 0)


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
            counts[(finding.rule, key(report) if key else None)][finding.status] += 1
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
        rows.append(RuleSummary(
            rule=rule_id, title=rule.title.get(lang), check=rule.check,
            unit=value if kind == "unit" else None, month=value if kind == "month" else None,
            postings=total, met=c["met"], breach=c["breach"], justified=c["justified"], review=c["review"],
            not_applicable=c["not_applicable"], compliance_rate=rate, sentence=sentence,
        ))
    return rows


def follow_up(reports: Sequence[PostingReport]) -> list[FollowUp]:
    return [FollowUp(posting_id=r.posting_id, title=r.title, unit=r.unit, deadline=r.deadline, rule=f.rule)
            for r in reports for f in r.findings if f.status == "breach"]


# ---------------------------------------------------------------------------------------------
# funnel


CATEGORIES = {"gender": ("kvinne", "mann", "annet", "not_declared")}
DECLARED = ("yes", "no", "not_declared")


def categories(group: str) -> tuple[str, ...]:
    """The answers to a group question, the group (declared yes) first and the reference second."""
    return CATEGORIES.get(group, DECLARED)


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


Tally = dict[str, list[int]]  # category -> how many ended at each level


def _tally(applicants: Iterable[Applicant], group: str, levels: Sequence[int]) -> Tally:
    found: Tally = {name: [0, 0, 0, 0] for name in categories(group)}
    for applicant, reached_level in zip(applicants, levels, strict=True):
        found[category_of(applicant, group)][reached_level] += 1
    return found


def _at(tally: Tally, category: str, stage: int) -> int:
    """How many of a category reached ``stage`` (those who ended there or further)."""
    return sum(tally[category][stage:])


def suppress(table: dict[str, dict[str, int]], k: int) -> dict[str, set[str]]:
    """Which cells to hide: every count below k, and per stage a second one when only one is hidden
    (the stage total is known from the inputs, so one hidden cell could be recomputed)."""
    hidden: dict[str, set[str]] = {name: {s for s, n in row.items() if n < k} for name, row in table.items()}
    for stage in STAGES:
        shown = [name for name in table if stage not in hidden[name]]
        if len(table) - len(shown) == 1 and shown:
            smallest = min(shown, key=lambda name: (table[name][stage], name))
            hidden[smallest].add(stage)
    return hidden


def _flips(g_sel: int, g_tot: int, r_sel: int, r_tot: int, below: bool) -> bool:
    """Would one person more or less, in either group, change the four-fifths conclusion?"""
    for dg, dr in ((1, 0), (-1, 0), (0, 1), (0, -1)):
        gs, rs = g_sel + dg, r_sel + dr
        if 0 <= gs <= g_tot and 0 <= rs <= r_tot:
            ratio = impact_ratio(gs, g_tot, rs, r_tot)
            if ratio is not None and below_four_fifths(ratio) != below:
                return True
    return False


def funnel(postings: Sequence[Posting], groups: Sequence[str], k: int, lang: Lang
           ) -> tuple[list[FunnelCount], list[FunnelStep]]:
    counts: list[FunnelCount] = []
    steps: list[FunnelStep] = []
    levels = [[level(a) for a in p.applicants] for p in postings]
    for group in groups:
        per_posting = [_tally(p.applicants, group, lv) for p, lv in zip(postings, levels, strict=True)]
        names = categories(group)
        table = {name: {stage: sum(_at(t, name, i) for t in per_posting) for i, stage in enumerate(STAGES)}
                 for name in names}
        hidden = suppress(table, k)
        label = text(f"summary.group.{group}", lang).capitalize()
        for name in names:
            row, gone = table[name], hidden[name]
            shown = {s: (None if s in gone else row[s]) for s in STAGES}
            answer = text(f"summary.category.{name}", lang)
            sentence = (text("summary.sentence.count_suppressed", lang, group=label, category=answer)
                        if len(gone) == len(STAGES) else
                        text("summary.sentence.count", lang, group=label, category=answer,
                             **{s: _n(shown[s], lang) for s in STAGES}))
            counts.append(FunnelCount(group=group, category=name, suppressed=sorted(gone, key=STAGES.index),
                                      sentence=sentence, **shown))
        for i in range(1, len(STAGES)):
            strata = [Stratum(_at(t, names[0], i), _at(t, names[0], i - 1), _at(t, names[1], i),
                              _at(t, names[1], i - 1)) for t in per_posting]
            steps.append(_step(strata, group, names[0], names[1], STAGES[i - 1], STAGES[i], table, hidden, lang))
    return counts, steps


def _step(strata: list[Stratum], group: str, yes: str, no: str, before: str, stage: str,
          table: dict[str, dict[str, int]], hidden: dict[str, set[str]], lang: Lang) -> FunnelStep:
    g_sel, g_tot, r_sel, r_tot = table[yes][stage], table[yes][before], table[no][stage], table[no][before]
    gone = any(s in hidden[yes] for s in (before, stage)) or any(s in hidden[no] for s in (before, stage))
    label = text(f"summary.group.{group}", lang)
    names = {"group": label, "stage": text(f"summary.stage.{stage}", lang),
             "before": text(f"summary.stage.{before}", lang),
             "who_yes": text(f"summary.who.{yes}", lang, group=label), "who_no": text(f"summary.who.{no}", lang)}
    result = stratified(strata)
    if gone:
        keys = ["rate_group", "rate_reference", "impact_ratio", "impact_ratio_exact", "below_four_fifths",
                "mh_risk_ratio", "mh_odds_ratio", "cmh_statistic", "cmh_p", "cmh_statistic_corrected",
                "cmh_p_corrected", "exact_p_one_sided"]
        return FunnelStep(group=group, stage=stage, from_stage=before, rate_group=None, rate_reference=None,
                          impact_ratio=None, impact_ratio_exact=None, below_four_fifths=None, too_little_data=True,
                          mh_risk_ratio=None, mh_odds_ratio=None, cmh_statistic=None, cmh_p=None,
                          cmh_statistic_corrected=None, cmh_p_corrected=None, exact_p_one_sided=None,
                          informative_postings=result.informative_strata, suppressed=keys,
                          sentence=text("summary.sentence.step_suppressed", lang, **names))
    ratio = impact_ratio(g_sel, g_tot, r_sel, r_tot)
    below = below_four_fifths(ratio) if ratio is not None else None
    too_little = below is None or _flips(g_sel, g_tot, r_sel, r_tot, below)
    rate_g = g_sel / g_tot if g_tot else None
    rate_r = r_sel / r_tot if r_tot else None
    if ratio is None:
        sentence = text("summary.sentence.step_undefined", lang, **names)
    else:
        verdict = text("summary.verdict.too_little" if too_little else
                       "summary.verdict.below" if below else "summary.verdict.not_below", lang)
        sentence = text("summary.sentence.step", lang, rate_g=_percent(rate_g, lang), rate_r=_percent(rate_r, lang),
                        ratio=format_number(round(float(ratio), 2), lang), verdict=verdict,
                        p=_p(result.exact_p_one_sided, lang), informative=result.informative_strata, **names)
    return FunnelStep(
        group=group, stage=stage, from_stage=before, rate_group=rate_g, rate_reference=rate_r,
        impact_ratio=float(ratio) if ratio is not None else None,
        impact_ratio_exact=f"{ratio.numerator}/{ratio.denominator}" if ratio is not None else None,
        below_four_fifths=below, too_little_data=too_little,
        mh_risk_ratio=result.mh_risk_ratio, mh_odds_ratio=result.mh_odds_ratio,
        cmh_statistic=result.cmh_statistic, cmh_p=result.cmh_p,
        cmh_statistic_corrected=result.cmh_statistic_corrected, cmh_p_corrected=result.cmh_p_corrected,
        exact_p_one_sided=result.exact_p_one_sided, informative_postings=result.informative_strata,
        suppressed=[], sentence=sentence,
    )


# ---------------------------------------------------------------------------------------------
# representation


def representation(postings: Sequence[Posting], pack: RulePack, groups: Sequence[str], k: int, lang: Lang
                   ) -> list[Representation]:
    rows: list[Representation] = []
    for group in groups:
        if group not in DECLARED_GROUPS:
            continue
        shares: dict[str, float | None] = {}
        gone: list[str] = []
        people, declared = [0, 0, 0, 0], [0, 0, 0, 0]  # by the level each applicant ended at
        for posting in postings:
            for applicant in posting.applicants:
                reached_level = level(applicant)
                people[reached_level] += 1
                declared[reached_level] += getattr(applicant, group) is True
        for stage, key in (("applied", "applicants_share"), ("invited", "invited_share"), ("hired", "hired_share")):
            at = STAGES.index(stage)
            everyone, yes = sum(people[at:]), sum(declared[at:])
            if yes < k or everyone - yes < k:
                shares[key] = None
                gone.append(key)
            else:
                shares[key] = yes / everyone
        population = pack.info.population_share_immigrant_background if group == "immigrant_background" else None
        sentence = text("summary.sentence.representation", lang, group=text(f"summary.group.{group}", lang),
                        applied=_percent(shares["applicants_share"], lang),
                        invited=_percent(shares["invited_share"], lang), hired=_percent(shares["hired_share"], lang))
        if population is not None:
            sentence += " " + text("summary.sentence.population", lang, share=_percent(population, lang),
                                   source=pack.info.population_source or "SSB")
        sentence += " " + text("summary.sentence.voluntary", lang)
        rows.append(Representation(group=group, population_share=population,
                                   population_source=pack.info.population_source if population is not None else None,
                                   suppressed=gone, sentence=sentence, **shares))
    return rows


# ---------------------------------------------------------------------------------------------
# words


def _percent(value: float | None, lang: Lang) -> str:
    if value is None:
        return ":"
    return format_number(round(value * 100, 1), lang) + " %"


def _n(value: int | None, lang: Lang) -> str:
    return ":" if value is None else str(value)


def _p(value: float | None, lang: Lang) -> str:
    if value is None:
        return "–"
    return "< 0,001" if value < 0.001 and lang == "nb" else "< 0.001" if value < 0.001 else format_number(
        round(value, 3), lang)


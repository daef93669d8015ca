"""The summary's sentences, made from the numbers of the report (``summary/model.py``).

The computation in ``summary/`` leaves every ``sentence`` empty; ``worded`` fills them in the
report's language from the fields beside them, so a sentence can never say more than the numbers
published next to it (a hidden count is ":" in its sentence too).
"""

from __future__ import annotations

from rekruttering.summary.model import (
    STAGES,
    FunnelCount,
    FunnelStep,
    Representation,
    RuleSummary,
    SummaryReport,
    YearlyResult,
    significant,
)
from rekruttering.words.catalogue import Lang, format_number, text


def worded(report: SummaryReport, population_source: str | None = None) -> SummaryReport:
    """The report with every sentence filled in, in ``report.lang``."""
    lang: Lang = "en" if report.lang == "en" else "nb"
    return report.model_copy(update={
        "rules": [_rule(r, lang) for r in report.rules],
        "by_unit": [_rule(r, lang) for r in report.by_unit],
        "by_month": [_rule(r, lang) for r in report.by_month],
        "funnel_counts": [_count(c, lang) for c in report.funnel_counts],
        "funnel": [_step(s, lang, report.min_informative) for s in report.funnel],
        "representation": [_representation(r, lang) for r in report.representation],
        "yearly_rules": [_yearly(r, lang, report.min_cell, report.rule_pack.id) for r in report.yearly_rules],
    })


def _rule(row: RuleSummary, lang: Lang) -> RuleSummary:
    value = row.unit or row.month
    where = f"{value}, {row.rule}" if value else row.rule
    applicable = row.postings - row.not_applicable
    sentence = (text("summary.sentence.rule", lang, rule=where, applicable=applicable, kept=row.met + row.justified,
                     rate=percent(row.compliance_rate, lang), breach=row.breach, review=row.review)
                if applicable else text("summary.sentence.rule_none", lang, rule=where))
    if row.advice_not_followed:
        sentence += " " + text("summary.sentence.advice", lang, count=row.advice_not_followed)
    return row.model_copy(update={"sentence": sentence})


def _count(row: FunnelCount, lang: Lang) -> FunnelCount:
    label = _first_upper(text(f"summary.group.{row.group}", lang))
    answer = text(f"summary.category.{row.category}", lang)
    present = [s for s in STAGES if s not in row.missing]
    if present and set(row.suppressed) >= set(present):
        sentence = text("summary.sentence.count_suppressed", lang, group=label, category=answer)
    else:
        shown = {s: getattr(row, s) for s in STAGES}
        sentence = text("summary.sentence.count", lang, group=label, category=answer,
                        **{s: _n(shown[s], lang, s in row.missing) for s in STAGES})
    return row.model_copy(update={"sentence": sentence})


def _names(step: FunnelStep, lang: Lang) -> dict[str, str]:
    label = text(f"summary.group.{step.group}", lang)
    return {"group": label, "stage": text(f"summary.stage.{step.stage}", lang),
            "before": text(f"summary.stage.{step.from_stage}", lang),
            "who_yes": text(f"summary.who.{step.focal}", lang, group=declared(step.group, lang)),
            "who_no": text(f"summary.who.{step.reference}", lang, group=label)}


def _step(step: FunnelStep, lang: Lang, min_informative: int) -> FunnelStep:
    names = _names(step, lang)
    if step.missing:
        sentence = text("summary.sentence.step_missing", lang, **names)
    elif "rate_group" in step.suppressed:
        sentence = text("summary.sentence.step_suppressed", lang, **names)
    elif step.impact_ratio is None:
        sentence = text("summary.sentence.step_undefined", lang, **names)
    else:
        headline = (step.stratified_below_four_fifths if step.stratified_below_four_fifths is not None
                    else step.below_four_fifths)
        verdict = text("summary.verdict.too_little" if step.too_little_data else
                       "summary.verdict.below" if headline else "summary.verdict.not_below", lang)
        sentence = text("summary.sentence.step", lang, rate_g=percent(step.rate_group, lang),
                        rate_r=percent(step.rate_reference, lang), ratio=format_number(step.impact_ratio, lang),
                        verdict=verdict, **names)
        if step.stratified_published:
            sentence += " " + text("summary.sentence.stratified", lang, rr=_ratio_text(step.mh_risk_ratio, lang),
                                   p=p_text(step.exact_p_one_sided, lang, step.exact_p_below_bound),
                                   informative=step.informative_postings)
        else:
            sentence += " " + text("summary.sentence.unstratified", lang, informative=step.informative_postings,
                                   minimum=min_informative)
        if step.pooled_and_stratified_disagree:
            sentence += " " + text("summary.sentence.simpson", lang)
    return step.model_copy(update={"sentence": sentence})


def _representation(row: Representation, lang: Lang) -> Representation:
    sentence = text("summary.sentence.representation", lang, group=declared(row.group, lang),
                    applied=percent(row.applicants_share, lang), invited=percent(row.invited_share, lang),
                    hired=percent(row.hired_share, lang, "hired_share" in row.missing))
    if row.population_share is not None:
        sentence += " " + text("summary.sentence.population", lang, share=percent(row.population_share, lang),
                               source=row.population_source or "SSB")
    sentence += " " + text("summary.sentence.voluntary", lang)
    return row.model_copy(update={"sentence": sentence})


def _first_upper(words: str) -> str:
    """The first letter a capital, the rest as written ("Hull i CV", where ``capitalize`` gives "Hull i cv")."""
    return words[:1].upper() + words[1:]


def declared(group: str, lang: Lang) -> str:
    """What a person declares, as said after "declared": "a gap in the CV", where the table says "CV gap"."""
    return text(f"group.{group}", lang) if group != "gender" else text(f"summary.group.{group}", lang)


def percent(value: float | None, lang: Lang, missing: bool = False) -> str:
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
    return "–" if value is None else format_number(significant(value, 3) or 0, lang)


def p_text(value: float | None, lang: Lang, below_floor: bool = False) -> str:
    """A p-value as said in a sentence: "p = 0,017" with 2 significant digits, "p < 0,001" below that,
    "p < 1e-12" where the computation cannot tell the value apart from zero."""
    if value is None:
        return "p = –"
    if below_floor:
        return "p < 1e-12"
    if value < 0.001:
        return "p < " + format_number(0.001, lang)
    return f"p = {format_number(significant(value, 2) or 0, lang)}"


def scope(row: YearlyResult, lang: Lang) -> str:
    """What a yearly verdict is about: a funnel step, a slice of the postings, or the trainee postings."""
    if row.check == "selection_parity" and row.stage:
        before = STAGES[STAGES.index(row.stage) - 1]
        step = text("summary.scope.step", lang, before=text(f"summary.stage.{before}", lang),
                     stage=text(f"summary.stage.{row.stage}", lang))
        return f"{step} ({text(f'summary.category.{row.value}', lang)})" if row.value else step
    if row.check == "trainee_recruitment":
        return text("summary.scope.trainee", lang)
    if row.split == "unit":
        return text("summary.scope.unit", lang, value=row.value)
    if row.split:
        return text(f"summary.scope.{row.split}.{row.value}", lang)
    return text("summary.scope.all", lang)


def _yearly(row: YearlyResult, lang: Lang, min_cell: int, pack: str) -> YearlyResult:
    where = scope(row, lang)
    params: dict[str, object] = {
        "Scope": _first_upper(where), "group": declared(row.group, lang) if row.group else "",
        "p": p_text(row.exact_p_one_sided, lang), "alpha": format_number(row.alpha or 0, lang),
        "informative": row.informative_postings if row.informative_postings is not None else "–",
        "minimum": row.min_informative if row.check == "selection_parity" else row.min_hires,
        "share": percent(row.hired_share, lang), "hires": _n(row.hires, lang), "target": percent(row.target, lang),
        "source": text(f"summary.target_source.{row.target_source}", lang) if row.target_source else "",
        "postings": row.postings or 0, "k": min_cell, "left_out": row.left_out_not_in_force}
    key = f"yearly.{row.check}.{row.reason}"
    if row.check == "representation_target" and row.status != "not_applicable" and row.hired_share is None:
        key += ".hidden"  # HR's report: the verdict stands, the count behind it is hidden
    sentence = text(key, lang, **params)
    if row.check == "representation_target" and row.split is None:
        # only Oslo's pack cites Oslo's text on personnel data; the others say what the export holds
        sentence += " " + text("yearly.representation_target.only_hires" + ("" if pack == "oslo" else ".export"),
                               lang)
    if row.left_out_not_in_force and row.reason not in ("partly_in_force", "not_in_force") and \
            (row.split is None or row.check != "representation_target"):
        sentence += " " + text("yearly.left_out_not_in_force", lang, left_out=row.left_out_not_in_force)
    if row.left_out_not_offered and row.reason != "not_offered" and \
            (row.split is None or row.check != "representation_target"):
        sentence += " " + text("yearly.left_out_not_offered", lang, left_out=row.left_out_not_offered)
    return row.model_copy(update={"sentence": sentence})

"""Build the ``Document`` of a ``summary`` report: tables, sentences and charts."""

from __future__ import annotations

from rekruttering.render.check_document import fact, inputs_table, lang_of, meaning, provenance, side_tables, withheld
from rekruttering.render.document import Cell, Chart, Document, Overview, Table, row
from rekruttering.summary.model import RuleSummary, SummaryReport, YearlyResult
from rekruttering.words.catalogue import Lang, format_date, format_number, text
from rekruttering.words.catalogue import verdict as closing_line
from rekruttering.words.summary import scope

SAFE_MIN_CELL = 5  # api.DEFAULT_MIN_CELL: the smallest cell of a report safe to hand to the union


def _num(value: int | float | None, lang: Lang, percent: bool = False, digits: int = 3,
         missing: bool = False) -> Cell:
    if missing:
        return Cell(text("summary.missing", lang))
    if value is None:
        return Cell(":")
    if percent:
        return Cell(format_number(round(value * 100, 1), lang) + " %", number=round(value * 100, 1))
    if isinstance(value, int):
        return Cell(str(value), number=float(value))
    return Cell(format_number(value, lang), number=value)


def _p(value: float | None, lang: Lang, below_bound: bool = False) -> Cell:
    if value is None:
        return Cell(":")
    if below_bound:
        return Cell("< 1e-12", number=value)
    shown = "< " + format_number(0.001, lang)
    return Cell(shown if value < 0.001 else format_number(value, lang), number=value)


def _yes_no(value: bool | None, lang: Lang, too_little: bool = False) -> str:
    if value is None:
        return ":"
    return text("summary.too_little" if too_little else "summary.yes" if value else "summary.no", lang)


def _compliance(name: str, title: str, rows: list[RuleSummary], lang: Lang, key: str | None) -> Table:
    head = [text(f"summary.col.{key}", lang)] if key else []
    # a column for advice not followed only where a rule of severity advice has such findings
    advice = any(r.advice_not_followed for r in rows)
    columns = (*head, text("report.rule", lang), text("summary.col.postings", lang),
               *(text(f"status.{s}", lang) for s in ("met", "breach", "justified", "review", "not_applicable")),
               *((text("status.advice", lang),) if advice else ()),
               text("summary.col.rate", lang), text("summary.col.meaning", lang))
    body = tuple(
        row([*([getattr(r, key) or "–"] if key else []), r.rule, _num(r.postings, lang), _num(r.met, lang),
             _num(r.breach, lang), _num(r.justified, lang), _num(r.review, lang), _num(r.not_applicable, lang),
             *([_num(r.advice_not_followed, lang)] if advice else []),
             _num(r.compliance_rate, lang, percent=True), r.sentence])
        for r in rows
    )
    first = len(head) + 1
    chart = Chart(text("summary.chart.compliance", lang), tuple(range(first)), (first + 6 + advice,), percent=True)
    return Table(name, title, columns, body, note=text("summary.note.compliance", lang), chart=chart,
                 sentences=len(columns) - 1, key_columns=first)


def _yearly(rows: list[YearlyResult], min_cell: int, lang: Lang, pack: str) -> Table:
    """The yearly rules: one row per verdict (a step, a slice of the postings, the trainee postings)."""
    columns = tuple(text(k, lang) for k in (
        "report.rule", "summary.col.group", "summary.col.scope", "summary.col.status", "summary.col.hires",
        "summary.col.declared_hires", "summary.col.hired_share", "summary.col.target", "summary.col.exact_p",
        "summary.col.informative", "summary.col.meaning"))
    body = tuple(
        row([r.rule, text(f"summary.group.{r.group}", lang) if r.group else "–", scope(r, lang),
             Cell(text(f"status.{r.status}", lang), status=r.status),
             _num(r.hires, lang) if r.check != "selection_parity" else "",
             _num(r.declared_hires, lang) if r.check != "selection_parity" else "",
             _num(r.hired_share, lang, percent=True) if r.check == "representation_target" else "",
             _num(r.target, lang, percent=True) if r.target is not None else "",
             _p(r.exact_p_one_sided, lang) if r.check == "selection_parity" else "",
             _num(r.informative_postings, lang) if r.check == "selection_parity" else "",
             r.sentence])
        for r in rows)
    return Table(text("summary.sheet.yearly", lang), text("summary.title.yearly", lang), columns, body,
                 # only Oslo's pack quotes Oslo's text on personnel data; the others say what the export holds
                 note=text("summary.note.yearly" if pack == "oslo" else "summary.note.yearly.export", lang) + (
                     " " + text("summary.note.yearly.hidden", lang, top=min_cell - 1) if min_cell > 1 else ""),
                 sentences=len(columns) - 1, key_columns=3)


def _safety(report: SummaryReport, lang: Lang) -> tuple[str, ...]:
    """A report for the union with K below the default hides fewer counts than one safe to hand over: say
    so plainly (rather than 'internal use', which a tillitsvalgt report is not)."""
    if report.audience == "tillitsvalgt" and report.min_cell < SAFE_MIN_CELL:
        return (text("summary.not_safe.tillitsvalgt", lang, k=report.min_cell, top=SAFE_MIN_CELL - 1),)
    return (text("summary.internal_use", lang),) if report.internal_use else ()


def overview(report: SummaryReport, verdict: Cell, period: str, lang: Lang) -> Overview:
    """The verdict first: postings in the period, breaches to follow up, findings to review, justified."""
    hr = report.audience != "tillitsvalgt"

    def doing(status: str) -> str:
        if not hr:
            return meaning(status, lang)
        return text("overview.do.follow_up" if status == "breach" else f"overview.do.{status}", lang)

    breached = len({f.posting_id for f in report.follow_up})
    return Overview(text("overview.title", lang), verdict, (
        (text("summary.period", lang), Cell(period)),
        (text("overview.in_period", lang), Cell(str(report.postings.in_period),
                                                number=float(report.postings.in_period))),
        fact(text("overview.breach" if hr else "overview.breach.tillitsvalgt", lang), len(report.follow_up),
             breached, doing("breach"), "breach", lang),
        fact(text("overview.review", lang), report.to_review, None, doing("review"), "review", lang),
        fact(text("overview.justified", lang), sum(r.justified for r in report.rules), None, doing("justified"),
             "justified", lang),
    ))


def build(report: SummaryReport) -> Document:
    lang = lang_of(report)
    period = " – ".join(format_date(d, lang) if d else "…" for d in (report.period.from_, report.period.to))
    if not (report.period.from_ or report.period.to):
        period = text("summary.period.all", lang)
    meta = provenance(
        report, lang,
        (text("summary.period", lang), period),
        (text("summary.postings", lang), text("summary.postings.counts", lang, **report.postings.model_dump())),
        (text("summary.min_cell", lang), text("summary.min_cell.text" if report.min_cell > 1 or report.suppress_zeros
                                              else "summary.min_cell.none_hidden", lang, k=report.min_cell)),
    )
    tables = [  # the breaches to follow up first: what the reader must act on
        Table(text("summary.sheet.follow_up", lang), text("summary.title.follow_up", lang),
              tuple(text(k, lang) for k in ("report.posting", "report.posting_title", "report.unit",
                                           "report.deadline_col", "report.rule")),
              tuple(row([f.posting_id, f.title, f.unit, format_date(f.deadline, lang) if f.deadline else "", f.rule])
                    for f in report.follow_up),
              note=text("summary.note.follow_up", lang, count=len(report.follow_up)), key_columns=5),
        _compliance(text("summary.sheet.rules", lang), text("summary.title.rules", lang), report.rules, lang, None),
        _compliance(text("summary.sheet.units", lang), text("summary.title.units", lang), report.by_unit, lang,
                    "unit"),
        _compliance(text("summary.sheet.months", lang), text("summary.title.months", lang), report.by_month, lang,
                    "month"),
        Table(text("summary.sheet.funnel", lang), text("summary.title.funnel", lang),
              (text("summary.col.group", lang), text("summary.col.category", lang),
               *(text(f"summary.stage.{s}", lang).capitalize() for s in ("applied", "qualified", "invited", "hired")),
               text("summary.col.meaning", lang)),
              tuple(row([text(f"summary.group.{c.group}", lang), text(f"summary.category.{c.category}", lang),
                         *(_num(getattr(c, s), lang, missing=s in c.missing)
                           for s in ("applied", "qualified", "invited", "hired")),
                         c.sentence]) for c in report.funnel_counts),
              note=text("summary.note.funnel", lang, k=report.min_cell),
              chart=Chart(text("summary.chart.funnel", lang), (0, 1), (2, 3, 4, 5)), sentences=6, key_columns=2),
        Table(text("summary.sheet.steps", lang), text("summary.title.steps", lang),
              tuple(text(f"summary.col.{k}", lang) for k in (
                  "group", "step", "comparison", "rate_group", "rate_reference", "impact_ratio", "below",
                  "below_stratified", "mh_rr", "mh_or", "cmh", "cmh_p", "cmh_corrected", "cmh_p_corrected",
                  "exact_p", "informative", "meaning")),
              tuple(row([text(f"summary.group.{s.group}", lang),
                         f"{text(f'summary.stage.{s.from_stage}', lang)} → {text(f'summary.stage.{s.stage}', lang)}",
                         text("summary.comparison", lang, focal=text(f"summary.category.{s.focal}", lang),
                              reference=text(f"summary.category.{s.reference}", lang)),
                         _num(s.rate_group, lang, percent=True, missing=s.missing),
                         _num(s.rate_reference, lang, percent=True, missing=s.missing),
                         _num(s.impact_ratio, lang, missing=s.missing),
                         _yes_no(s.below_four_fifths, lang),
                         _yes_no(s.stratified_below_four_fifths, lang, s.too_little_data),
                         _num(s.mh_risk_ratio, lang), _num(s.mh_odds_ratio, lang), _num(s.cmh_statistic, lang),
                         _p(s.cmh_p, lang), _num(s.cmh_statistic_corrected, lang), _p(s.cmh_p_corrected, lang),
                         _p(s.exact_p_one_sided, lang, s.exact_p_below_bound), _num(s.informative_postings, lang),
                         s.sentence])
                    for s in report.funnel),
              note=text("summary.note.steps", lang), sentences=16, key_columns=3),
        Table(text("summary.sheet.representation", lang), text("summary.title.representation", lang),
              tuple(text(f"summary.col.{k}", lang) for k in ("group", "applicants", "invited", "hired", "population",
                                                           "meaning")),
              tuple(row([text(f"summary.group.{r.group}", lang), _num(r.applicants_share, lang, percent=True),
                         _num(r.invited_share, lang, percent=True),
                         _num(r.hired_share, lang, percent=True, missing="hired_share" in r.missing),
                         _num(r.population_share, lang, percent=True) if r.population_share is not None else "–",
                         r.sentence]) for r in report.representation),
              note=text("summary.note.representation", lang),
              chart=Chart(text("summary.chart.representation", lang), (0,), (1, 2, 3), percent=True), sentences=5),
    ]
    if report.yearly_rules:
        tables.append(_yearly(report.yearly_rules, report.min_cell, lang, report.rule_pack.id))
    tables.append(inputs_table(report, lang))
    tables += side_tables(report, lang)
    verdict = Cell(*closing_line("summary", report.audience, len(report.follow_up), report.to_review, lang,
                                 report.failed))
    title = f"{text('summary.title', lang)} – {text(f'report.for.{report.audience}', lang)}"
    notes = _safety(report, lang) + (
        (text("summary.left_out_in_doubt", lang, count=report.left_out_in_doubt),) if report.left_out_in_doubt
        else ()) + (
        text("summary.method" if report.min_cell > 1 or report.suppress_zeros else "summary.method.none_hidden",
             lang, k=report.min_cell, minimum=report.min_informative),) + withheld(report, lang)
    return Document("summary", title, lang, tuple(meta), tuple(tables), verdict, notes,
                    overview(report, verdict, period, lang))

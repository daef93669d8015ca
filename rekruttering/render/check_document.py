"""Build the ``Document`` of a ``check`` report, in the report's language and for its audience."""

from __future__ import annotations

from collections.abc import Sequence

from rekruttering.models import STATUSES, CheckReport, PostingReport, Provenance
from rekruttering.render.document import Blocks, Cell, Document, Overview, Table, row
from rekruttering.words.catalogue import Lang, format_date, text
from rekruttering.words.catalogue import verdict as closing_line

# the order postings are listed in: an unjustified breach first, then review, then justified
SERIOUSNESS = ("breach", "review", "justified")


def status_cell(status: str, severity: str, lang: Lang) -> Cell:
    """A finding's status as shown: a breach of an advice is "ikke fulgt (råd)", not "brudd"."""
    if status == "breach" and severity == "advice":
        return Cell(text("status.advice", lang), "advice")
    return Cell(text(f"status.{status}", lang), status)


def lang_of(report: Provenance) -> Lang:
    return "en" if report.lang == "en" else "nb"


def provenance(report: Provenance, lang: Lang, *extra: tuple[str, str]) -> tuple[tuple[str, str], ...]:
    """What a reader needs to ask for the same run: pack, tool, audience, time, anything the report
    adds (``extra``), and the inputs' fingerprints."""
    pack = report.rule_pack
    meta = [
        (text("report.pack", lang), f"{pack.title} ({pack.id} {pack.version})"),
        (text("report.pack_sha", lang), pack.sha256),
        *([(text("report.rules_selected", lang), ", ".join(report.rules_selected))] if report.rules_selected else []),
        (text("report.tool", lang), f"rekruttering {report.tool_version}"),
        (text("report.audience", lang), text(f"report.audience.{report.audience}", lang)),
        (text("report.generated", lang), report.generated_at),
        *extra,
    ]
    for item in report.inputs:
        name = item.file + (f" [{item.sheet}]" if item.sheet else "")
        meta.append((text("report.input", lang), f"{name}: sha256 {item.sha256}"))
    return tuple(meta)


def inputs_table(report: Provenance, lang: Lang) -> Table:
    """Every input sheet with its role, its rows read, used and set aside (they add up), and its SHA-256."""
    return Table(
        name=text("sheet.inputs", lang),
        title=text("report.inputs", lang),
        columns=tuple(text(k, lang) for k in ("report.file", "report.sheet", "report.role", "report.rows_read",
                                             "report.rows_used", "report.rows_set_aside", "report.sha")),
        rows=tuple(
            row([i.file, i.sheet, text(f"report.role.{i.role}", lang), Cell(str(i.rows), number=i.rows),
                 Cell(str(i.rows_used), number=i.rows_used), Cell(str(i.rows_set_aside), number=i.rows_set_aside),
                 i.sha256])
            for i in report.inputs
        ),
        key_columns=3,
        part="provenance",
    )


def withheld(report: Provenance, lang: Lang) -> tuple[str, ...]:
    """The union representatives' report says how many input warnings it leaves out, and that HR has them."""
    if not report.warnings_withheld:
        return ()
    return (text("report.warnings_withheld", lang, count=report.warnings_withheld),)


def side_tables(report: Provenance, lang: Lang) -> list[Table]:
    """Justifications that matched no breach, and the input warnings, where there are any."""
    tables = []
    if report.unused_justifications:
        tables.append(Table(
            name=text("sheet.unused", lang),
            title=text("report.unused_justifications", lang),
            columns=tuple(text(k, lang) for k in ("report.posting", "report.rule", "report.applicant",
                                                 "report.justification", "report.file", "report.row")),
            rows=tuple(row([u.posting_id, u.rule, u.applicant_id, u.text, u.file,
                            str(u.row) if u.row is not None else ""]) for u in report.unused_justifications),
            key_columns=3,
        ))
    if report.warnings:
        tables.append(Table(
            name=text("sheet.warnings", lang),
            title=text("report.warnings", lang),
            columns=tuple(text(k, lang) for k in ("report.file", "report.sheet", "report.row", "report.column",
                                                 "report.message")),
            rows=tuple(row([w.file, w.sheet, str(w.row) if w.row is not None else "", w.column, w.message])
                       for w in report.warnings),
            key_columns=4,
        ))
    return tables


def seriousness(posting: PostingReport) -> int:
    """0 for a posting with an unjustified breach, 1 with a finding to review, 2 justified, 3 the rest."""
    statuses = {f.status for f in posting.findings}
    return next((n for n, status in enumerate(SERIOUSNESS) if status in statuses), len(SERIOUSNESS))


def most_serious_first(postings: Sequence[PostingReport]) -> list[PostingReport]:
    return sorted(postings, key=lambda p: (seriousness(p), p.posting_id))


def counted(count: int, postings: int | None, lang: Lang) -> str:
    """"3 in 2 postings": findings of one status and the postings they are in (when known)."""
    if postings is None:
        return str(count)
    return text("overview.count.one" if postings == 1 else "overview.count.other", lang, count=count,
                postings=postings)


def fact(label: str, count: int, postings: int | None, doing: str, status: str, lang: Lang) -> tuple[str, Cell]:
    """One line of the overview: a count, the postings it is in, and (when there are any) what to do."""
    if not count:
        return label, Cell("0", None, number=0.0)
    return label, Cell(f"{counted(count, postings, lang)}. {doing}", status, number=float(count))


def meaning(status: str, lang: Lang) -> str:
    """What a status means, as a sentence: the union representatives' overview explains, it does not instruct."""
    said = text(f"status.meaning.{status}", lang)
    return said[:1].upper() + said[1:] + "."


def overview(report: CheckReport, verdict: Cell, lang: Lang) -> Overview:
    """The verdict first: postings checked, breaches to fix, to review, justified; for HR whom to invite."""
    hr = report.audience != "tillitsvalgt"
    totals = report.totals
    invite: list[tuple[str, str]] = []
    # breaches that inviting cannot mend (an ad without a diversity statement, a reserved post, a choice)
    other_breach = any(f.status == "breach" and f.severity != "advice" and not (
        f.check == "interview_minimum" and f.applicants) for p in report.postings for f in p.findings)
    if hr:
        for p in most_serious_first(report.postings):
            wanted = [f"{f.rule}: {', '.join(f.applicants)}" for f in p.findings
                      if f.status == "breach" and f.severity != "advice" and f.check == "interview_minimum"
                      and f.applicants]
            if wanted:
                invite.append((" ".join(v for v in (p.posting_id, p.title) if v), "; ".join(wanted)))

    def postings_with(status: str) -> int | None:
        if report.status_filter and status not in report.status_filter:
            return None  # --status left some of them out of the report
        return sum(any(f.status == status and (status != "breach" or f.severity != "advice") for f in p.findings)
                   for p in report.postings)

    def doing(status: str) -> str:
        if not hr:
            return meaning(status, lang)
        if status == "breach":
            if invite:
                return text("overview.do.breach.invite_and_other" if other_breach else "overview.do.breach.invite",
                            lang)
            return text("overview.do.breach", lang)
        return text(f"overview.do.{status}", lang)

    facts: tuple[tuple[str, Cell], ...] = (
        (text("overview.checked", lang), Cell(str(totals.postings), number=float(totals.postings))),
        fact(text("overview.breach" if hr else "overview.breach.tillitsvalgt", lang), totals.breach,
             postings_with("breach"), doing("breach"), "breach", lang),
        fact(text("overview.review", lang), totals.review, postings_with("review"), doing("review"), "review", lang),
        fact(text("overview.justified", lang), totals.justified, postings_with("justified"), doing("justified"),
             "justified", lang),
    )
    if totals.advice_not_followed:
        with_advice = None if report.status_filter and "breach" not in report.status_filter else sum(
            any(f.status == "breach" and f.severity == "advice" for f in p.findings) for p in report.postings)
        facts += (fact(text("overview.advice", lang), totals.advice_not_followed, with_advice,
                       text("overview.do.advice", lang) if hr else meaning("advice", lang), "advice", lang),)
    return Overview(text("overview.title", lang), verdict, facts, text("overview.invite", lang) if invite else "",
                    tuple(invite))


def build(report: CheckReport) -> Document:
    lang = lang_of(report)
    findings = Table(
        name=text("sheet.findings", lang),
        title=text("report.findings_title", lang),
        columns=tuple(text(k, lang) for k in ("report.posting", "report.posting_title", "report.unit",
                                             "report.deadline_col", "report.rule", "report.status",
                                             "report.message", "report.justification")),
        rows=tuple(
            row([p.posting_id, p.title, p.unit, format_date(p.deadline, lang) if p.deadline else "", f.rule,
                 status_cell(f.status, f.severity, lang), f.message, f.justification])
            for p in most_serious_first(report.postings) for f in p.findings
        ),
        group_by=4,
        blocks=Blocks(head=(1, 0), plain=(2,)),
    )
    totals = report.totals
    counts = [totals.postings, *(getattr(totals, s) for s in STATUSES)]
    advice_column: tuple[str, ...] = ()
    if totals.advice_not_followed:
        counts.append(totals.advice_not_followed)
        advice_column = (text("status.advice", lang),)
    total_table = Table(
        name=text("sheet.totals", lang),
        title=text("report.totals", lang),
        columns=(text("report.postings", lang), *(text(f"status.{s}", lang) for s in STATUSES), *advice_column),
        rows=(tuple(Cell(str(n), number=float(n)) for n in counts),),
    )
    tables = [findings, total_table, inputs_table(report, lang)]
    # --- xlsx13: HR's list of applicants to invite, right after the findings (render/follow_up.py) ---
    from rekruttering.render.follow_up import table as follow_up_table

    if report.audience == "hr" and (follow_up := follow_up_table(report, lang)) is not None:
        tables.insert(1, follow_up)
    # --- end xlsx13 ---
    tables += side_tables(report, lang)
    verdict = Cell(*closing_line("report", report.audience, totals.breach, totals.review, lang, report.failed))
    notes: tuple[str, ...] = (text("report.no_postings", lang),) if not totals.postings else ()
    if report.as_of and report.postings_without_deadline:
        notes += (text("report.as_of", lang, count=report.postings_without_deadline,
                       date=format_date(report.as_of, lang)),)
    if report.status_filter:
        statuses = ", ".join(text(f"status.{s}", lang) for s in report.status_filter)
        notes += (text("report.status_filter", lang, statuses=statuses, shown=len(report.postings),
                       total=totals.postings),)
    notes += withheld(report, lang)
    return Document("check", f"{text('report.title', lang)} – {text(f'report.for.{report.audience}', lang)}",
                    lang, provenance(report, lang), tuple(tables), verdict, notes, overview(report, verdict, lang))

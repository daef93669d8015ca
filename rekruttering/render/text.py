"""``--format text``: the terminal report, per posting its findings with coloured statuses.

Every value that came from an export is passed to rich as ``Text`` (never as markup), so a
cell containing ``[bold]`` or similar is shown as written.
"""

from __future__ import annotations

from rich import box
from rich.console import Console, Group
from rich.table import Table
from rich.text import Text

from rekruttering.messages import Lang, format_date, text
from rekruttering.models import CheckReport, PostingReport

STYLES = {
    "met": "green",
    "breach": "bold red",
    "justified": "yellow",
    "review": "magenta",
    "not_applicable": "dim",
}


def status_text(status: str, lang: Lang) -> Text:
    return Text(text(f"status.{status}", lang), style=STYLES.get(status, ""))


def _posting(posting: PostingReport, lang: Lang) -> Group:
    heading = Text(posting.posting_id, style="bold")
    for part in (posting.title, posting.unit):
        if part:
            heading.append(f"  {part}")
    if posting.deadline:
        heading.append(f"  ({text('report.deadline', lang)} {format_date(posting.deadline, lang)})", style="dim")
    justified = any(f.justification for f in posting.findings)
    table = Table(box=box.SIMPLE, show_header=True, expand=True, pad_edge=False)
    table.add_column(text("report.rule", lang), no_wrap=True)
    table.add_column(text("report.status", lang), no_wrap=True)
    table.add_column(text("report.message", lang), ratio=3)
    if justified:  # the column only where a justification exists, so messages keep their width
        table.add_column(text("report.justification", lang), ratio=2)
    for finding in posting.findings:
        cells = [Text(finding.rule), status_text(finding.status, lang), Text(finding.message)]
        table.add_row(*cells, *([Text(finding.justification or "")] if justified else []))
    return Group(heading, table)


def render_to(console: Console, report: CheckReport) -> None:
    lang: Lang = "en" if report.lang == "en" else "nb"
    console.print(Text(text("report.title", lang), style="bold underline"))
    pack = report.rule_pack
    pack_line = f"{pack.title} ({pack.id} {pack.version}, sha256 {pack.sha256[:12]})"
    console.print(Text(f"{text('report.pack', lang)}: {pack_line}"))
    console.print(Text(f"{text('report.audience', lang)}: {text(f'report.audience.{report.audience}', lang)}"
                       f"   {text('report.generated', lang)}: {report.generated_at}"))
    console.print()
    if not report.postings:
        console.print(Text(text("report.no_postings", lang)))
    for posting in report.postings:
        console.print(_posting(posting, lang))

    totals = report.totals
    summary = Table(title=text("report.totals", lang), box=box.SIMPLE, title_justify="left")
    summary.add_column(text("report.postings", lang), justify="right")
    for status in ("met", "breach", "justified", "review", "not_applicable"):
        summary.add_column(status_text(status, lang), justify="right")
    summary.add_row(str(totals.postings), *(str(getattr(totals, s)) for s in
                                            ("met", "breach", "justified", "review", "not_applicable")))
    console.print(summary)

    inputs = Table(title=text("report.inputs", lang), box=box.SIMPLE, title_justify="left")
    inputs.add_column(text("report.file", lang))
    inputs.add_column(text("report.role", lang))
    inputs.add_column(text("report.rows", lang), justify="right")
    inputs.add_column("SHA-256")
    for item in report.inputs:
        name = item.file + (f" [{item.sheet}]" if item.sheet else "")
        inputs.add_row(Text(name), text(f"report.role.{item.role}", lang),
                       f"{item.rows} / {item.rows_used} / {item.rows_set_aside}", item.sha256[:16])
    console.print(inputs)

    if report.unused_justifications:
        console.print(Text(text("report.unused_justifications", lang), style="bold yellow"))
        for unused in report.unused_justifications:
            who = f" {unused.applicant_id}" if unused.applicant_id else ""
            console.print(Text(f"  {unused.posting_id} {unused.rule}{who}: {unused.text}"))
        console.print()
    if report.warnings:
        console.print(Text(text("report.warnings", lang), style="bold"))
        for warning in report.warnings:
            where = ", ".join(part for part in (
                warning.file,
                text("loc.sheet", lang, sheet=warning.sheet) if warning.sheet else None,
                text("loc.row", lang, row=warning.row) if warning.row is not None else None,
                text("loc.column", lang, column=warning.column) if warning.column else None,
            ) if part)
            console.print(Text(f"  {where}: {warning.message}" if where else f"  {warning.message}"))
        console.print()
    if report.failed:
        console.print(Text(text("report.verdict.breach", lang, count=totals.breach), style="bold red"))
    else:
        console.print(Text(text("report.verdict.ok", lang), style="green"))

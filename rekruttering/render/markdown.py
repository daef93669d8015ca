"""``--format markdown``: the document as GitHub-flavoured Markdown, every value escaped.

Markup characters in values are neutralised: ``<``, ``>`` and ``&`` become entities (so a
justification containing ``<script>`` is shown, not run) and Markdown's own characters are
backslash-escaped; line breaks inside a value become spaces so a table row stays one row, and
escape sequences and control characters are taken out (``clean.printable``).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from rekruttering.render.clean import printable
from rekruttering.render.document import Document, Overview, Table
from rekruttering.words.catalogue import Lang, text

_MARKDOWN = re.compile(r"([\\`*_\[\]|~])")


def escape(value: str) -> str:
    value = " ".join(printable(value).split())
    value = value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    value = _MARKDOWN.sub(r"\\\1", value)
    value = re.sub(r"^([-=+#>])", r"\\\1", value)
    # "1. " opens an ordered list; escape its dot (a backslash before a digit would show)
    return re.sub(r"^(\d+)([.)])(?=\s|$)", r"\1\\\2", value)


def _table(table: Table, level: int = 2) -> list[str]:
    table, sentences = table.without_sentences()
    lines = [f"{'#' * level} {escape(table.title)}", ""]
    if table.note:
        lines += [escape(table.note), ""]
    columns = table.columns[table.group_by:]
    for heading, rows in table.groups():
        if heading:
            lines += [f"{'#' * (level + 1)} {escape(' · '.join(c.text for c in heading if c.text))}", ""]
        # in a group, a column only where some row has a value (a posting without a justification)
        used = [i for i in range(len(columns)) if not heading or any(r[i].text for r in rows)]
        lines.append("| " + " | ".join(escape(columns[i]) for i in used) + " |")
        lines.append("|" + "|".join("---" if not all(r[i].number is not None for r in rows) or not rows else "--:"
                                    for i in used) + "|")
        for r in rows:
            lines.append("| " + " | ".join(escape(r[i].text) for i in used) + " |")
        lines.append("")
    if sentences:
        lines += [f"- {escape(sentence)}" for sentence in sentences] + [""]
    return lines


def _overview(overview: Overview) -> list[str]:
    lines = [f"## {escape(overview.title)}", "", f"**{escape(overview.verdict.text)}**", ""]
    lines += [f"- **{escape(label)}:** {escape(value.text)}" for label, value in overview.facts]
    lines.append("")
    if overview.invite:
        lines += [f"### {escape(overview.invite_title)}", ""]
        lines += [f"- **{escape(posting)}** – {escape(ids)}" for posting, ids in overview.invite]
        lines.append("")
    return lines


def render(document: Document) -> str:
    """The overview first, then the postings and other tables, the provenance last."""
    lang: Lang = "en" if document.lang == "en" else "nb"
    lines = [f"# {escape(document.title)}", ""]
    if document.overview:
        lines += _overview(document.overview)
    for note in document.notes:
        lines += [escape(note), ""]
    for table in document.body():
        lines += _table(table)
    lines += [f"## {escape(text('report.about', lang))}", "", escape(text("report.about.note", lang)), ""]
    lines += [f"- **{escape(label)}:** {escape(value)}" for label, value in document.meta]
    lines.append("")
    for table in document.provenance():
        lines += _table(table, level=3)
    if document.verdict:
        lines += [f"**{escape(document.verdict.text)}**", ""]
    return "\n".join(lines)


def render_report(report: object, document: Callable[[], Document]) -> str:
    return render(document())

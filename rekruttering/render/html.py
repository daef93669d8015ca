"""``--format html``: one self-contained page: no external requests, printable, readable on a phone.

The page opens with a table of contents and an overview box (the verdict, the counts, what to do
and, for HR, whom to invite), then the postings and other tables, and ends with the provenance.
It is built to be accessible: headings in order (h1, h2, h3), header cells with ``scope``,
colours with a contrast of at least 4.5:1 against their background, and a print stylesheet.

Every value goes through ``html.escape``, after its control characters and escape sequences are
taken out (``clean.printable``); a Content-Security-Policy forbids any fetch, script or
external style, so the page works offline and nothing in it can run.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable

from rekruttering.render.clean import printable
from rekruttering.render.document import Cell, Document, Overview, Table
from rekruttering.words.catalogue import Lang, text

CSS = """
:root { --met: #1a7f37; --breach: #cf222e; --justified: #8a5c00; --review: #8250df; --na: #57606a;
        --text: #1f2328; --muted: #57606a; --line: #d0d7de; --head: #f6f8fa; --box: #f6f8fa; }
* { box-sizing: border-box; }
body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; margin: 0 auto; max-width: 72rem;
       padding: 1rem; line-height: 1.4; color: var(--text); background: #ffffff; }
h1 { font-size: 1.5rem; } h2 { font-size: 1.2rem; margin-top: 2rem; } h3 { font-size: 1rem; margin-bottom: .3rem; }
h4 { font-size: .95rem; margin-bottom: .3rem; }
a { color: #0550ae; }
nav.toc { font-size: .9rem; } nav.toc h2 { font-size: 1rem; margin-top: 0; }
nav.toc ol { margin: 0; padding-left: 1.4rem; columns: 2 16rem; }
.overview { background: var(--box); border: 1px solid var(--line); border-left: .4rem solid var(--na);
            border-radius: .3rem; padding: .2rem 1rem .6rem; margin: 1rem 0; }
.overview.is-breach { border-left-color: var(--breach); } .overview.is-review { border-left-color: var(--review); }
.overview.is-met { border-left-color: var(--met); }
.overview h2 { margin-top: .6rem; }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: .2rem 1rem; margin: .5rem 0; }
dl.facts dt { font-weight: 600; } dl.facts dd { margin: 0; }
dl.meta { display: grid; grid-template-columns: max-content 1fr; gap: .2rem 1rem; font-size: .9rem; }
dl.meta dt { font-weight: 600; } dl.meta dd { margin: 0; overflow-wrap: anywhere; }
.table { overflow-x: auto; }
table { border-collapse: collapse; width: 100%; font-size: .9rem; margin-bottom: 1rem; }
th, td { border-bottom: 1px solid var(--line); padding: .35rem .5rem; text-align: left; vertical-align: top; }
thead th { background: var(--head); }
tbody th { font-weight: 600; }
td.num { text-align: right; font-variant-numeric: tabular-nums; }
.status { font-weight: 600; white-space: nowrap; }
.met { color: var(--met); } .breach { color: var(--breach); } .justified { color: var(--justified); }
.review { color: var(--review); } .not_applicable { color: var(--na); } .advice { color: var(--review); }
p.verdict { font-weight: 700; font-size: 1.1rem; }
figure { margin: 0 0 1rem; max-width: 48rem; } figcaption { font-size: .8rem; color: var(--muted); }
@media (max-width: 40rem) { body { padding: .5rem; } table { font-size: .8rem; } dl.facts { display: block; } }
@media print {
  @page { margin: 1.5cm; }
  body { max-width: none; padding: 0; font-size: 10pt; color: #000000; }
  nav.toc { display: none; }
  .table { overflow: visible; }
  h2, h3, h4 { break-after: avoid; }
  tr, .overview, figure { break-inside: avoid; }
  a { color: inherit; text-decoration: none; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
"""


def escape(value: str) -> str:
    return html.escape(printable(value))


def _cell(cell: Cell, tag: str = "td") -> str:
    classes = []
    scope = ' scope="row"' if tag == "th" else ""
    if cell.status:
        classes += ["status", cell.status]
    if cell.number is not None:
        classes.append("num")
    attr = f' class="{" ".join(classes)}"' if classes else ""
    return f"<{tag}{scope}{attr}>{escape(cell.text)}</{tag}>"


PALETTE = ("#0969da", "#bf8700", "#1a7f37", "#8250df", "#cf222e", "#57606a")
MAX_BARS = 80


def _svg(table: Table) -> list[str]:
    """A horizontal bar chart drawn inline as SVG from the table's own numbers (no script, no fetch)."""
    spec = table.chart
    if spec is None or not table.rows:
        return []
    rows = table.rows[:MAX_BARS]
    values = [[r[c].number for c in spec.value_columns] for r in rows]
    top = 100.0 if spec.percent else max([v for vs in values for v in vs if v is not None] + [1.0])
    label_width, bar_width, bar_height = 220, 420, 12
    group_height = bar_height * len(spec.value_columns) + 8
    height = 30 + group_height * len(rows) + 10
    out = [f'<figure><svg role="img" viewBox="0 0 {label_width + bar_width + 60} {height}" '
           f'width="100%" xmlns="http://www.w3.org/2000/svg"><title>{escape(spec.title)}</title>']
    for i, column in enumerate(spec.value_columns):
        x = label_width + i * 150
        out.append(f'<rect x="{x}" y="4" width="10" height="10" fill="{PALETTE[i % len(PALETTE)]}"/>'
                   f'<text x="{x + 14}" y="13" font-size="11">{escape(table.columns[column])}</text>')
    for n, (r, vs) in enumerate(zip(rows, values, strict=True)):
        y = 30 + n * group_height
        label = " ".join(r[c].text for c in spec.category_columns if r[c].text)
        out.append(f'<text x="{label_width - 6}" y="{y + group_height / 2}" font-size="11" text-anchor="end">'
                   f"{escape(label[:40])}</text>")
        for i, value in enumerate(vs):
            width = 0.0 if value is None else max(0.0, min(1.0, value / top)) * bar_width
            shown = r[spec.value_columns[i]].text
            out.append(f'<rect x="{label_width}" y="{y + i * bar_height}" width="{width:.1f}" '
                       f'height="{bar_height - 2}" fill="{PALETTE[i % len(PALETTE)]}"><title>{escape(shown)}</title>'
                       f'</rect><text x="{label_width + width + 4:.1f}" y="{y + i * bar_height + 9}" '
                       f'font-size="10">{escape(shown)}</text>')
    out.append(f"</svg><figcaption>{escape(spec.title)}</figcaption></figure>")
    return out


def anchor(name: str, used: set[str]) -> str:
    """A unique id for a section, from its name: letters and digits kept, the rest one hyphen."""
    base = re.sub(r"[^\w]+", "-", printable(name).casefold()).strip("-") or "del"
    chosen, n = base, 2
    while chosen in used:
        chosen, n = f"{base}-{n}", n + 1
    used.add(chosen)
    return chosen


def _table(table: Table, section: str, level: int = 2) -> list[str]:
    table, sentences = table.without_sentences()
    out = [f'<section id="{escape(section)}">', f"<h{level}>{escape(table.title)}</h{level}>"]
    if table.note:
        out.append(f"<p>{escape(table.note)}</p>")
    out += _svg(table)
    columns = table.columns[table.group_by:]
    for heading, rows in table.groups():
        if heading:
            out.append(f"<h{level + 1}>{escape(' · '.join(c.text for c in heading if c.text))}</h{level + 1}>")
        # in a group, a column only where some row has a value (a posting without a justification)
        used = [i for i in range(len(columns)) if not heading or any(r[i].text for r in rows)]
        # the first column names its row (a row header) unless it holds numbers
        row_header = bool(rows) and any(r[0].number is None for r in rows) if columns else False
        out.append('<div class="table"><table><thead><tr>')
        out.append("".join(f'<th scope="col">{escape(columns[i])}</th>' for i in used))
        out.append("</tr></thead><tbody>")
        out += ["<tr>" + "".join(_cell(r[i], "th" if i == 0 and row_header else "td") for i in used)
                + "</tr>" for r in rows]
        out.append("</tbody></table></div>")
    if sentences:
        out.append("<ul>" + "".join(f"<li>{escape(sentence)}</li>" for sentence in sentences) + "</ul>")
    out.append("</section>")
    return out


def _overview(overview: Overview) -> list[str]:
    status = escape(overview.verdict.status or "")
    out = [f'<section id="overview" class="overview is-{status}" aria-labelledby="overview-title">',
           f'<h2 id="overview-title">{escape(overview.title)}</h2>',
           f'<p class="verdict {status}">{escape(overview.verdict.text)}</p>', '<dl class="facts">']
    for label, value in overview.facts:
        css = f' class="{escape(value.status)}"' if value.status else ""
        out.append(f"<dt>{escape(label)}</dt><dd{css}>{escape(value.text)}</dd>")
    out.append("</dl>")
    if overview.invite:
        out.append(f"<h3>{escape(overview.invite_title)}</h3><ul>")
        out += [f"<li><strong>{escape(posting)}</strong> – {escape(ids)}</li>" for posting, ids in overview.invite]
        out.append("</ul>")
    out.append("</section>")
    return out


def render(document: Document) -> str:
    """The page: contents, overview, the postings and other tables, the provenance last."""
    lang: Lang = "en" if document.lang == "en" else "nb"
    used = {"overview", "overview-title", "contents-title", "about"}
    body = [(anchor(t.name, used), t) for t in document.body()]
    about = [(anchor(t.name, used), t) for t in document.provenance()]
    contents = ([("overview", document.overview.title)] if document.overview else []) + [
        (section, t.title) for section, t in body] + [("about", text("report.about", lang))]
    parts = [
        "<!DOCTYPE html>",
        f'<html lang="{lang}">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; "
        "img-src data:; base-uri 'none'; form-action 'none'\">",
        '<meta name="referrer" content="no-referrer">',
        f"<title>{escape(document.title)}</title>",
        f"<style>{CSS}</style>",
        "</head>",
        "<body>",
        "<header>",
        f"<h1>{escape(document.title)}</h1>",
        "</header>",
        '<nav class="toc" aria-labelledby="contents-title">',
        f'<h2 id="contents-title">{escape(text("report.contents", lang))}</h2>',
        "<ol>",
        *(f'<li><a href="#{escape(section)}">{escape(title)}</a></li>' for section, title in contents),
        "</ol>",
        "</nav>",
        "<main>",
    ]
    if document.overview:
        parts += _overview(document.overview)
    parts += [f"<p>{escape(note)}</p>" for note in document.notes]
    for section, table in body:
        parts += _table(table, section)
    parts += ['<section id="about">', f"<h2>{escape(text('report.about', lang))}</h2>",
              f"<p>{escape(text('report.about.note', lang))}</p>", '<dl class="meta">',
              *(f"<dt>{escape(label)}</dt><dd>{escape(value)}</dd>" for label, value in document.meta), "</dl>"]
    for section, table in about:
        parts += _table(table, section, level=3)
    parts.append("</section>")
    if document.verdict:
        parts.append(f'<p class="verdict {escape(document.verdict.status or "")}">{escape(document.verdict.text)}</p>')
    parts += ["</main>", "</body>", "</html>", ""]
    return "\n".join(parts)


def render_report(report: object, document: Callable[[], Document]) -> str:
    return render(document())

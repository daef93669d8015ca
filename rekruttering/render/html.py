"""``--format html``: one self-contained page: no external requests, printable, readable on a phone.

Every value goes through ``html.escape``, after its control characters and escape sequences are
taken out (``clean.printable``); a Content-Security-Policy forbids any fetch, script or
external style, so the page works offline and nothing in it can run.
"""

from __future__ import annotations

import html

from rekruttering.render.clean import printable
from rekruttering.render.document import Cell, Document, Table

CSS = """
:root { --met: #1a7f37; --breach: #cf222e; --justified: #9a6700; --review: #8250df; --na: #57606a; }
* { box-sizing: border-box; }
body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; margin: 0 auto; max-width: 72rem;
       padding: 1rem; line-height: 1.4; color: #1f2328; }
h1 { font-size: 1.5rem; } h2 { font-size: 1.2rem; margin-top: 2rem; } h3 { font-size: 1rem; margin-bottom: .3rem; }
dl.meta { display: grid; grid-template-columns: max-content 1fr; gap: .2rem 1rem; font-size: .9rem; }
dl.meta dt { font-weight: 600; } dl.meta dd { margin: 0; overflow-wrap: anywhere; }
.table { overflow-x: auto; }
table { border-collapse: collapse; width: 100%; font-size: .9rem; margin-bottom: 1rem; }
th, td { border-bottom: 1px solid #d0d7de; padding: .35rem .5rem; text-align: left; vertical-align: top; }
th { background: #f6f8fa; }
td.num { text-align: right; font-variant-numeric: tabular-nums; }
.status { font-weight: 600; white-space: nowrap; }
.met { color: var(--met); } .breach { color: var(--breach); } .justified { color: var(--justified); }
.review { color: var(--review); } .not_applicable { color: var(--na); }
p.verdict { font-weight: 700; font-size: 1.1rem; }
figure { margin: 0 0 1rem; max-width: 48rem; } figcaption { font-size: .8rem; color: #57606a; }
@media (max-width: 40rem) { body { padding: .5rem; } table { font-size: .8rem; } }
@media print { body { max-width: none; } .table { overflow: visible; } h2, h3 { break-after: avoid; }
               tr { break-inside: avoid; } a { color: inherit; } }
"""


def escape(value: str) -> str:
    return html.escape(printable(value))


def _cell(cell: Cell, tag: str = "td") -> str:
    classes = []
    if cell.status:
        classes += ["status", cell.status]
    if cell.number is not None:
        classes.append("num")
    attr = f' class="{" ".join(classes)}"' if classes else ""
    return f"<{tag}{attr}>{escape(cell.text)}</{tag}>"


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


def _table(table: Table) -> list[str]:
    table, sentences = table.without_sentences()
    out = [f'<section id="{escape(table.name)}">', f"<h2>{escape(table.title)}</h2>"]
    if table.note:
        out.append(f"<p>{escape(table.note)}</p>")
    out += _svg(table)
    columns = table.columns[table.group_by:]
    for heading, rows in table.groups():
        if heading:
            out.append(f"<h3>{escape('  '.join(c.text for c in heading if c.text))}</h3>")
        out.append('<div class="table"><table><thead><tr>')
        out.append("".join(f"<th>{escape(c)}</th>" for c in columns))
        out.append("</tr></thead><tbody>")
        out += ["<tr>" + "".join(_cell(c) for c in r) + "</tr>" for r in rows]
        out.append("</tbody></table></div>")
    if sentences:
        out.append("<ul>" + "".join(f"<li>{escape(sentence)}</li>" for sentence in sentences) + "</ul>")
    out.append("</section>")
    return out


def render(document: Document) -> str:
    parts = [
        "<!DOCTYPE html>",
        f'<html lang="{"en" if document.lang == "en" else "nb"}">',
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
        f"<h1>{escape(document.title)}</h1>",
        '<dl class="meta">',
        *(f"<dt>{escape(label)}</dt><dd>{escape(value)}</dd>" for label, value in document.meta),
        "</dl>",
        *(f"<p>{escape(note)}</p>" for note in document.notes),
    ]
    for table in document.tables:
        parts += _table(table)
    if document.verdict:
        parts.append(f'<p class="verdict {escape(document.verdict.status or "")}">{escape(document.verdict.text)}</p>')
    parts += ["</body>", "</html>", ""]
    return "\n".join(parts)

"""``--format html``: one self-contained page: no external requests, printable, readable on a phone.

Every value goes through ``html.escape``; a Content-Security-Policy forbids any fetch, script or
external style, so the page works offline and nothing in it can run.
"""

from __future__ import annotations

from html import escape

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
@media (max-width: 40rem) { body { padding: .5rem; } table { font-size: .8rem; } }
@media print { body { max-width: none; } .table { overflow: visible; } h2, h3 { break-after: avoid; }
               tr { break-inside: avoid; } a { color: inherit; } }
"""


def _cell(cell: Cell, tag: str = "td") -> str:
    classes = []
    if cell.status:
        classes += ["status", cell.status]
    if cell.number is not None:
        classes.append("num")
    attr = f' class="{" ".join(classes)}"' if classes else ""
    return f"<{tag}{attr}>{escape(cell.text)}</{tag}>"


def _table(table: Table) -> list[str]:
    out = [f'<section id="{escape(table.name)}">', f"<h2>{escape(table.title)}</h2>"]
    if table.note:
        out.append(f"<p>{escape(table.note)}</p>")
    columns = table.columns[table.group_by:]
    for heading, rows in table.groups():
        if heading:
            out.append(f"<h3>{escape('  '.join(c.text for c in heading if c.text))}</h3>")
        out.append('<div class="table"><table><thead><tr>')
        out.append("".join(f"<th>{escape(c)}</th>" for c in columns))
        out.append("</tr></thead><tbody>")
        out += ["<tr>" + "".join(_cell(c) for c in r) + "</tr>" for r in rows]
        out.append("</tbody></table></div>")
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

"""Report formats. Each module turns the same document model (or, for JSON, the report) into one format."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Literal

from pydantic import BaseModel

if TYPE_CHECKING:
    from rekruttering.render.document import Document

Format = Literal["text", "json", "markdown", "html", "xlsx"]
FORMATS: tuple[Format, ...] = ("text", "json", "markdown", "html", "xlsx")


def render_report(report: BaseModel, fmt: Format, document: Callable[[], Document]) -> str | bytes:
    """The report in ``fmt``: JSON is the model itself; the others render its document. xlsx is bytes."""
    if fmt == "json":
        from rekruttering.render.json import render as render_json

        return render_json(report)
    if fmt == "markdown":
        from rekruttering.render.markdown import render as render_markdown

        return render_markdown(document())
    if fmt == "html":
        from rekruttering.render.html import render as render_html

        return render_html(document())
    if fmt == "xlsx":
        from rekruttering.render.xlsx import render as render_xlsx

        return render_xlsx(document())
    from rekruttering.render.text import render as render_text

    return render_text(document())

"""Report formats. Each module turns the same document model (or, for JSON, the report) into one
format; ``render_report`` finds the module by the format's name (see ``rekruttering.formats``)."""

from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import TYPE_CHECKING

from rekruttering.formats import Format

if TYPE_CHECKING:
    from pydantic import BaseModel

    from rekruttering.render.document import Document

def render_report(report: BaseModel, fmt: Format | str, document: Callable[[], Document]) -> str | bytes:
    """The report in ``fmt``: JSON is the model itself; the others render its document. xlsx is bytes."""
    module = importlib.import_module(f"rekruttering.render.{Format(fmt).value}")
    rendered: str | bytes = module.render_report(report, document)
    return rendered


__all__ = ["Format", "render_report"]

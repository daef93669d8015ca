"""``--format json``: the report model dumped, field for field as in DESIGN.md §2."""

from __future__ import annotations

from pydantic import BaseModel


def render(report: BaseModel) -> str:
    # pydantic-core writes the JSON itself (a tenth of the time of model_dump + json.dumps on a year);
    # non-ASCII letters are kept as they are, and floats are written shortest-form (1.4e-8)
    return report.model_dump_json(by_alias=True, indent=2) + "\n"


def render_report(report: BaseModel, document: object) -> str:
    return render(report)

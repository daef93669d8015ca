"""``--format json``: the report model dumped, field for field as in DESIGN.md §2."""

from __future__ import annotations

import json

from pydantic import BaseModel


def render(report: BaseModel) -> str:
    return json.dumps(report.model_dump(mode="json", by_alias=True), ensure_ascii=False, indent=2) + "\n"


def render_report(report: BaseModel, document: object) -> str:
    return render(report)

"""Audiences: what each reader of a report may see.

``hr`` (the case handlers of a posting) may see applicant ids where a finding concerns them,
never names. ``tillitsvalgt`` (union representatives) sees statuses, rule texts, reasons and
justifications only: no applicant ids anywhere, and warnings without row-level detail that could
point at a person. This is applied to the finished report as a last gate, whatever built it.
"""

from __future__ import annotations

from typing import Literal

from rekruttering.models import CheckReport

Audience = Literal["hr", "tillitsvalgt"]
AUDIENCES: tuple[Audience, ...] = ("hr", "tillitsvalgt")


def for_audience(report: CheckReport) -> CheckReport:
    if report.audience == "hr":
        return report
    postings = [
        posting.model_copy(update={
            "findings": [finding.model_copy(update={"applicants": []}) for finding in posting.findings]
        })
        for posting in report.postings
    ]
    unused = [item.model_copy(update={"applicant_id": None}) for item in report.unused_justifications]
    return report.model_copy(update={"postings": postings, "warnings": [], "unused_justifications": unused})

"""The one place that joins input, rule packs, the engine and the report model.

``check(...)`` is what the command line calls and what a Python user can call directly: it
returns a ``CheckReport`` (or raises a ``RekrutteringError``) and writes nothing.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from rekruttering import __version__
from rekruttering.engine import Justification, evaluate
from rekruttering.errors import InputError
from rekruttering.fields import ColumnMap, Field, load_column_map
from rekruttering.ingest import Dataset, load, with_postings
from rekruttering.messages import Lang
from rekruttering.models import (
    STATUSES,
    CheckReport,
    InputRef,
    PostingReport,
    RulePackRef,
    Totals,
    Warning_,
)
from rekruttering.privacy import Audience, for_audience
from rekruttering.problems import Problem
from rekruttering.rulepack import RulePack, load_pack

CHECK_SCHEMA = "rekruttering.check/1"


@dataclass(frozen=True)
class Options:
    """Everything a ``check`` run depends on besides the files."""

    rules: str
    columns: Path | None = None
    lang: Lang = "nb"
    audience: Audience = "hr"
    postings: tuple[str, ...] = ()
    justifications: tuple[Justification, ...] = ()


def now_local() -> datetime:
    """The report time: ``SOURCE_DATE_EPOCH`` when set (reproducible reports), else now."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch and epoch.isdigit():
        return datetime.fromtimestamp(int(epoch), UTC)
    return datetime.now().astimezone()


def required_fields(pack: RulePack) -> dict[Field, list[str]]:
    """The applicant fields the pack's rules need, with the rules that need each."""
    needed: dict[Field, list[str]] = {}
    for rule in pack.rules:
        fields = [Field.qualified, *(Field(g) for g in rule.groups)]
        if rule.country_group:
            fields.append(Field.country_group)
        for fld in fields:
            needed.setdefault(fld, []).append(rule.id)
    return needed


def verify_input(pack: RulePack, dataset: Dataset, columns: ColumnMap) -> None:
    problems: list[Problem] = []
    for fld, rules in required_fields(pack).items():
        if fld not in dataset.applicant_fields:
            headers = ", ".join(f"«{h}»" for h in columns.aliases[fld][:3])
            problems.append(Problem("error", "read.missing_field",
                                    (("field", fld.value), ("headers", headers), ("rules", ", ".join(rules)))))
    if not dataset.has_shortlist:
        problems.append(Problem("error", "read.no_shortlist"))
    if problems:
        raise InputError("input", problems)


def load_input(applicants: Sequence[Path], shortlists: Sequence[Path], options: Options
               ) -> tuple[RulePack, Dataset]:
    pack = load_pack(options.rules)
    columns = load_column_map(options.columns)
    dataset = load(applicants, shortlists, columns=columns)
    verify_input(pack, dataset, columns)
    return pack, with_postings(dataset, options.postings)


def totals(postings: Sequence[PostingReport]) -> Totals:
    counts = dict.fromkeys(STATUSES, 0)
    for posting in postings:
        for finding in posting.findings:
            counts[finding.status] += 1
    return Totals(postings=len(postings), **counts)


def check(
    applicants: Sequence[Path],
    shortlists: Sequence[Path] = (),
    options: Options | None = None,
    *,
    now: datetime | None = None,
) -> CheckReport:
    """Evaluate the rule pack over every posting in the exports."""
    options = options or Options(rules="staten")
    pack, dataset = load_input(applicants, shortlists, options)
    postings = evaluate(pack, dataset.postings, lang=options.lang, audience=options.audience,
                        justifications=options.justifications)
    report = CheckReport(
        schema_=CHECK_SCHEMA,
        tool_version=__version__,
        generated_at=(now or now_local()).isoformat(timespec="seconds"),
        audience=options.audience,
        lang=options.lang,
        rule_pack=RulePackRef(id=pack.info.id, title=pack.info.title, version=pack.info.version,
                              sha256=pack.sha256, file=pack.path.name),
        inputs=[InputRef(file=s.file, sha256=s.sha256, role=s.role, sheet=s.sheet, header_row=s.header_row,
                         rows=s.rows_read, rows_used=s.rows_used, rows_set_aside=s.rows_set_aside)
                for s in dataset.sheets],
        postings=postings,
        totals=totals(postings),
        warnings=[Warning_(file=p.file, sheet=p.sheet, row=p.row, column=p.column, code=p.code,
                           message=p.message(options.lang)) for p in dataset.warnings],
    )
    return for_audience(report)

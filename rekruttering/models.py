"""Typed objects that cross module boundaries: postings and applicants in, findings out.

Input objects are frozen dataclasses (cheap to build by the hundred thousand, easy to build by
hand in a test); the report that is dumped to JSON is a pydantic model so that the machine
contract of DESIGN.md §2 is declared in one place.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from typing import Literal

from pydantic import BaseModel, ConfigDict
from pydantic import Field as ModelField

Status = Literal["met", "breach", "justified", "review", "not_applicable"]
STATUSES: tuple[Status, ...] = ("met", "breach", "justified", "review", "not_applicable")
# "advice": a breach of a rule whose source suggests rather than obliges (shown as "not followed (advice)")
Severity = Literal["error", "warning", "advice", "info"]


class PostingType(StrEnum):
    external = "external"
    internal = "internal"
    exempt = "exempt"
    reserved = "reserved"
    trainee = "trainee"
    cancelled = "cancelled"


@dataclass(frozen=True)
class Headcount:
    """Employees of a unit by gender, from ``--workforce``; used to find the under-represented gender."""

    women: float
    men: float


@dataclass(frozen=True)
class Justification:
    """A written reason for deviating from a rule on a posting (optionally about one applicant)."""

    posting_id: str
    rule_id: str
    text: str
    applicant_id: str | None = None
    by: str | None = None
    on: date | None = None
    file: str | None = None
    row: int | None = None


DoubtCause = Literal["unreadable", "conflict"]


@dataclass(frozen=True, slots=True)
class Doubt:
    """A value the reader could not settle: a cell it did not understand, or rows that disagree.

    ``options`` are the values the field could have; the engine evaluates a rule under each of
    them and gives ``review`` unless every option leads to the same verdict.
    """

    field: str
    options: tuple[object, ...]
    cause: DoubtCause


@dataclass(frozen=True, slots=True)
class Applicant:
    """One application to one posting: the applicant's declarations and the shortlist outcome.

    ``None`` means not declared (group fields) or unknown (qualification); it never means no.
    """

    applicant_id: str
    qualified: bool | None = None
    immigrant_background: bool | None = None
    country_group: str | None = None
    non_western: bool | None = None  # declared non-western background (Bergen's plan of 2007)
    disability: bool | None = None
    cv_gap: bool | None = None
    gender: str | None = None
    withdrawn: bool | None = None
    invited: bool | None = None
    rank: float | None = None
    score: float | None = None
    recommended: bool | None = None
    hired: bool | None = None
    justification: str | None = None
    doubts: tuple[Doubt, ...] = ()


@dataclass(frozen=True, slots=True)
class Posting:
    """A job posting with its applicants. ``has_shortlist`` says whether invitations are known."""

    posting_id: str
    title: str | None = None
    unit: str | None = None
    deadline: date | None = None
    posting_type: PostingType = PostingType.external
    reserved_for: str | None = None
    underrepresented_gender: str | None = None
    job_group: str | None = None  # stillingsgruppe: the gender balance of the state rule is per job group
    job_level: str | None = None  # "leader" or "other" (Lederstilling / Stillingsnivå); None: not given
    employment_type: str | None = None  # "permanent" or "temporary" (Ansettelsesform); None: not given
    applicants: tuple[Applicant, ...] = ()
    has_shortlist: bool = True
    doubts: tuple[Doubt, ...] = ()
    rows_set_aside: int = 0  # rows the reader set aside that may belong to this posting
    # what the employer recorded about the process (None: blank, or no such column; see ``Context.fields``)
    ad_statement: bool | None = None  # the ad had a diversity statement
    declaration_offered: bool | None = None  # applicants were offered to declare (egenerklæring)
    union_involved: bool | None = None  # a union representative took part in the recruitment


class Finding(BaseModel):
    """The verdict of one rule on one posting (DESIGN.md §2, ``postings[].findings[]``)."""

    model_config = ConfigDict(frozen=True)

    rule: str
    check: str
    group: str | list[str] | None
    status: Status
    severity: Severity
    message: str
    reason: str
    applicants: list[str]
    justification: str | None = None


class PostingReport(BaseModel):
    model_config = ConfigDict(frozen=True)

    posting_id: str
    title: str | None
    unit: str | None
    deadline: date | None
    posting_type: str
    findings: list[Finding]


class RulePackRef(BaseModel):
    id: str
    title: str
    version: str
    sha256: str
    file: str


class InputRef(BaseModel):
    """A file the report was made from. Exports count their rows; side files (config, columns mapping,
    justifications, workforce, a rule pack given by path) are named with role and fingerprint only."""

    file: str
    sha256: str
    role: str
    sheet: str | None = None
    header_row: int | None = None
    rows: int = 0
    rows_used: int = 0
    rows_set_aside: int = 0


class Warning_(BaseModel):
    file: str | None
    sheet: str | None
    row: int | None
    column: str | None
    code: str
    message: str


class UnusedJustification(BaseModel):
    """A justification from ``--justifications`` that matched no breach."""

    posting_id: str
    rule: str
    applicant_id: str | None
    text: str
    file: str | None
    row: int | None


class Totals(BaseModel):
    """Findings by status. ``breach`` counts unmet obligations only; an unmet advice (a finding of status
    ``breach`` with severity ``advice``) is counted in ``advice_not_followed`` instead, and never fails a run."""

    postings: int
    met: int = 0
    breach: int = 0
    justified: int = 0
    review: int = 0
    not_applicable: int = 0
    advice_not_followed: int = 0


class Provenance(BaseModel):
    """What every report carries so that anyone can ask for the same run: schema, tool, time, audience,
    language, rule pack and input fingerprints."""

    schema_: str = ModelField(serialization_alias="schema")
    tool_version: str
    generated_at: str
    audience: str
    lang: str
    rule_pack: RulePackRef
    rules_selected: list[str] = ModelField(default_factory=list)  # the pack's rules this run evaluated, sorted
    inputs: list[InputRef]
    warnings: list[Warning_]
    unused_justifications: list[UnusedJustification] = ModelField(default_factory=list)
    # input warnings left out of a report for union representatives (HR's report has them)
    warnings_withheld: int = 0


class CheckReport(Provenance):
    """The whole ``check`` result; ``--format json`` is this model dumped."""

    postings: list[PostingReport]
    totals: Totals
    # postings without a deadline in the export, judged as of this date (``--as-of``, default today)
    as_of: date | None = None
    postings_without_deadline: int = 0
    # --status: only postings with a finding of one of these statuses are listed; totals count every posting
    status_filter: list[str] = ModelField(default_factory=list)

    @property
    def failed(self) -> bool:
        """True when at least one breach has no written justification (exit code 1)."""
        return self.totals.breach > 0

    def fails(self, fail_on: Collection[str]) -> bool:
        """Exit code 1: an unjustified breach, or with ``--fail-on review`` also a finding to review, or with
        ``--fail-on advice`` also an advice not followed."""
        return self.failed or ("review" in fail_on and self.totals.review > 0) or (
            "advice" in fail_on and self.totals.advice_not_followed > 0)

"""The canonical input fields (DESIGN.md §3) and the matching of export headers to them.

A header is normalised (case, spaces and punctuation removed, Norwegian letters kept) and looked
up among the aliases of ``rules/columns.toml`` plus any user ``--columns`` file. Every alias is
checked by ``proxyguard``: a group field may never be pointed at a column whose header names a
proxy (nationality, country of birth, ethnicity, language, religion, name...), since group
membership is the applicant's own declaration and nothing else, and an id or text field never at
names, e-mail addresses, national id numbers or birth dates.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import Literal

from rekruttering.keys import normalise_header

Level = Literal["posting", "applicant", "shortlist"]
# "yesno" is an applicant's declaration (blank or "ønsker ikke å oppgi" = not declared); "answer" is a
# yes/no the employer records (qualified, invited, hired ...), where "ukjent" is no answer at all
Kind = Literal["text", "yesno", "answer", "date", "number", "rank", "posting_type", "gender", "country_group",
               "job_level", "employment_type"]


class Field(StrEnum):
    posting_id = "posting_id"
    posting_title = "posting_title"
    unit = "unit"
    deadline = "deadline"
    posting_type = "posting_type"
    reserved_for = "reserved_for"
    underrepresented_gender = "underrepresented_gender"
    job_group = "job_group"
    ad_statement = "ad_statement"
    declaration_offered = "declaration_offered"
    union_involved = "union_involved"
    job_level = "job_level"
    employment_type = "employment_type"
    applicant_id = "applicant_id"
    qualified = "qualified"
    immigrant_background = "immigrant_background"
    country_group = "country_group"
    non_western = "non_western"
    disability = "disability"
    cv_gap = "cv_gap"
    gender = "gender"
    withdrawn = "withdrawn"
    invited = "invited"
    rank = "rank"
    score = "score"
    recommended = "recommended"
    hired = "hired"
    justification = "justification"


@dataclass(frozen=True, slots=True)
class FieldSpec:
    field: Field
    level: Level
    kind: Kind


SPECS: dict[Field, FieldSpec] = {
    spec.field: spec
    for spec in (
        FieldSpec(Field.posting_id, "posting", "text"),
        FieldSpec(Field.posting_title, "posting", "text"),
        FieldSpec(Field.unit, "posting", "text"),
        FieldSpec(Field.deadline, "posting", "date"),
        FieldSpec(Field.posting_type, "posting", "posting_type"),
        FieldSpec(Field.reserved_for, "posting", "text"),
        FieldSpec(Field.underrepresented_gender, "posting", "gender"),
        FieldSpec(Field.job_group, "posting", "text"),
        FieldSpec(Field.ad_statement, "posting", "answer"),
        FieldSpec(Field.declaration_offered, "posting", "answer"),
        FieldSpec(Field.union_involved, "posting", "answer"),
        FieldSpec(Field.job_level, "posting", "job_level"),
        FieldSpec(Field.employment_type, "posting", "employment_type"),
        FieldSpec(Field.applicant_id, "applicant", "text"),
        FieldSpec(Field.qualified, "applicant", "answer"),
        FieldSpec(Field.immigrant_background, "applicant", "yesno"),
        FieldSpec(Field.country_group, "applicant", "country_group"),
        FieldSpec(Field.non_western, "applicant", "yesno"),
        FieldSpec(Field.disability, "applicant", "yesno"),
        FieldSpec(Field.cv_gap, "applicant", "yesno"),
        FieldSpec(Field.gender, "applicant", "gender"),
        FieldSpec(Field.withdrawn, "applicant", "answer"),
        FieldSpec(Field.invited, "shortlist", "answer"),
        FieldSpec(Field.rank, "shortlist", "rank"),
        FieldSpec(Field.score, "shortlist", "number"),
        FieldSpec(Field.recommended, "shortlist", "answer"),
        FieldSpec(Field.hired, "shortlist", "answer"),
        FieldSpec(Field.justification, "shortlist", "text"),
    )
}

ID_FIELDS = (Field.posting_id, Field.applicant_id)
GROUP_FIELDS = frozenset(
    {Field.immigrant_background, Field.country_group, Field.non_western, Field.disability, Field.cv_gap,
     Field.gender}
)
# posting fields that record the recruitment process (yes/no, as the employer recorded it): read by the
# posting-level checks, which say "review" when the exports lack the column rather than refusing the run
PROCESS_FIELDS = (Field.ad_statement, Field.declaration_offered, Field.union_involved)
APPLICANT_ONLY = frozenset(f for f, s in SPECS.items() if s.level == "applicant") - {Field.applicant_id}
SHORTLIST_ONLY = frozenset(f for f, s in SPECS.items() if s.level == "shortlist")


@dataclass(frozen=True)
class ColumnMap:
    """Normalised header -> field, with the original alias texts kept for `columns`."""

    lookup: dict[str, Field]
    aliases: dict[Field, tuple[str, ...]]
    sources: tuple[Path, ...]

    def field_for(self, header: str) -> Field | None:
        return self.lookup.get(normalise_header(header))

"""The canonical input fields (DESIGN.md §3) and the matching of export headers to them.

A header is normalised (case, spaces and punctuation removed, Norwegian letters kept) and looked
up among the aliases of ``rules/columns.toml`` plus any user ``--columns`` file. Every alias is
checked by ``proxyguard``: a group field may never be pointed at a column whose header names a
proxy (nationality, country of birth, ethnicity, language, religion, name...), since group
membership is the applicant's own declaration and nothing else, and an id or text field never at
names, e-mail addresses, national id numbers or birth dates.
"""

from __future__ import annotations

import re
import tomllib
import unicodedata
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import Literal

from rekruttering.errors import RulePackError, Say, said
from rekruttering.resources import rules_dir
from rekruttering.words.catalogue import text

Level = Literal["posting", "applicant", "shortlist"]
# "yesno" is an applicant's declaration (blank or "ønsker ikke å oppgi" = not declared); "answer" is a
# yes/no the employer records (qualified, invited, hired ...), where "ukjent" is no answer at all
Kind = Literal["text", "yesno", "answer", "date", "number", "rank", "posting_type", "gender", "country_group"]


class Field(StrEnum):
    posting_id = "posting_id"
    posting_title = "posting_title"
    unit = "unit"
    deadline = "deadline"
    posting_type = "posting_type"
    reserved_for = "reserved_for"
    underrepresented_gender = "underrepresented_gender"
    applicant_id = "applicant_id"
    qualified = "qualified"
    immigrant_background = "immigrant_background"
    country_group = "country_group"
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
        FieldSpec(Field.applicant_id, "applicant", "text"),
        FieldSpec(Field.qualified, "applicant", "answer"),
        FieldSpec(Field.immigrant_background, "applicant", "yesno"),
        FieldSpec(Field.country_group, "applicant", "country_group"),
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
    {Field.immigrant_background, Field.country_group, Field.disability, Field.cv_gap, Field.gender}
)
APPLICANT_ONLY = frozenset(f for f, s in SPECS.items() if s.level == "applicant") - {Field.applicant_id}
SHORTLIST_ONLY = frozenset(f for f, s in SPECS.items() if s.level == "shortlist")

_PUNCT = re.compile(r"[\W_]+", re.UNICODE)


def normalise_header(header: str) -> str:
    """Lower-case, NFC, and without spaces or punctuation: 'Søker-ID ' -> 'søkerid'."""
    return _PUNCT.sub("", unicodedata.normalize("NFC", str(header)).casefold())


@dataclass(frozen=True)
class ColumnMap:
    """Normalised header -> field, with the original alias texts kept for `columns`."""

    lookup: dict[str, Field]
    aliases: dict[Field, tuple[str, ...]]
    sources: tuple[Path, ...]

    def field_for(self, header: str) -> Field | None:
        return self.lookup.get(normalise_header(header))


def _read_aliases(path: Path) -> dict[Field, list[str]]:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError as error:
        raise RulePackError(said("file.not_found", path=path)) from error
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as error:
        from rekruttering.config import invalid_toml

        raise RulePackError(invalid_toml(path, error)) from error
    return _validate_aliases(str(path), data.get("aliases"))


def _alias_refusal(field: Field, alias: str) -> Say | None:
    """Why an alias may not map to ``field`` (``proxyguard``), in either language; None when it may."""
    from rekruttering.read.proxyguard import alias_refusal  # proxyguard builds on this module

    if alias_refusal(field, alias, "nb") is None:
        return None
    return lambda lang: alias_refusal(field, alias, lang) or ""


def _refused(path: str, refusal: Say) -> Say:
    return lambda lang: text("columns.refused", lang, path=path, refusal=refusal(lang))


def _validate_aliases(path: str, table: object) -> dict[Field, list[str]]:
    if not isinstance(table, dict):
        raise RulePackError(said("columns.no_table", path=path))
    out: dict[Field, list[str]] = {}
    for name, values in table.items():
        try:
            field = Field(name)
        except ValueError:
            known = ", ".join(f.value for f in Field)
            raise RulePackError(said("columns.unknown_field", path=path, name=name, known=known)) from None
        if isinstance(values, str):
            values = [values]
        if not isinstance(values, list) or not all(isinstance(v, str) and v.strip() for v in values):
            raise RulePackError(said("columns.not_texts", path=path, name=name))
        for value in values:
            if refusal := _alias_refusal(field, value):
                raise RulePackError(_refused(path, refusal))
        out[field] = list(values)
    return out


def load_column_map(extra: Path | None = None, inline: dict[str, list[str]] | None = None) -> ColumnMap:
    """The built-in aliases, a user's ``--columns`` file, then ``[aliases]`` of the config (later wins)."""
    builtin = rules_dir() / "columns.toml"
    sources = [builtin] + ([extra] if extra else [])
    lookup: dict[str, Field] = {normalise_header(f.value): f for f in Field}
    aliases: dict[Field, list[str]] = {f: [] for f in Field}
    tables = [_read_aliases(source) for source in sources]
    if inline:
        tables.append(_validate_aliases("rekruttering.toml [aliases]", inline))
    for table in tables:
        for field, values in table.items():
            for value in values:
                lookup[normalise_header(value)] = field
                if value not in aliases[field]:
                    aliases[field].append(value)
    return ColumnMap(lookup, {f: tuple(v) for f, v in aliases.items()}, tuple(sources))

"""What every rule of a pack has, whatever its check kind: id, group, severity, texts, source, dates.

Each check kind subclasses ``RuleBase`` with its own parameters (``checks.interview.InterviewRule``
and so on); ``checks.Rule`` is the union of them, told apart by ``check``. A subclass registers
itself here when it is defined, so that a parameter of another kind is refused by name ("used by
no rule of this kind") rather than as an unknown key, without this module importing the kinds.
"""

from __future__ import annotations

from datetime import date
from typing import Any, ClassVar, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from rekruttering.config import Refusal
from rekruttering.models import Status

GroupName = Literal["immigrant_background", "non_western", "disability", "cv_gap", "gender"]
PostingTypeName = Literal["external", "internal", "exempt", "reserved", "trainee", "cancelled"]


class Localised(BaseModel):
    """A text in bokmål and English."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    nb: str = Field(min_length=1)
    en: str = Field(min_length=1)

    def get(self, lang: str) -> str:
        return self.en if lang == "en" else self.nb


class SourceRef(BaseModel):
    """Where a rule comes from: the document, the section, and what it says in our own words."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    document: str = Field(min_length=1)
    section: str = Field(min_length=1)
    summary: Localised
    verified: bool = True
    # why the source was not verified, or where the pack's reading goes beyond or beside the text
    note: Localised | None = None

    @model_validator(mode="after")
    def _unverified_says_why(self) -> SourceRef:
        if not self.verified and self.note is None:
            raise Refusal("pack.unverified_needs_note")
        return self


class LegalRef(BaseModel):
    """Law or case law the rule rests on besides its source (not part of the source document)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    document: str = Field(min_length=1)
    section: str = Field(min_length=1)
    summary: Localised


class RuleBase(BaseModel):
    """The fields every rule has. A check kind adds its parameters in a subclass."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    # every parameter name of every registered kind (filled as the kinds are defined)
    _parameters: ClassVar[set[str]] = set()
    needs_group: ClassVar[bool] = True
    # a rule about the posting's process (its ad, its union involvement): it reads no applicant column, and a
    # missing column of its own is a finding to review, never a reason to refuse the run
    posting_level: ClassVar[bool] = False

    id: str = Field(pattern=r"^[A-Za-z][A-Za-z0-9_-]{0,31}$")
    check: str
    group: GroupName | list[GroupName] | None = None
    # "advice": the source suggests, it does not oblige; an unmet advice is shown as such and never fails a run
    severity: Literal["error", "warning", "advice"] = "error"
    title: Localised
    text: Localised
    source: SourceRef
    legal_background: list[LegalRef] = Field(default_factory=list)
    in_force_from: date | None = None
    in_force_to: date | None = None
    # False when the dates are the pack's reading, not stated by the source; ``in_force_note`` says why
    in_force_verified: bool = True
    in_force_note: Localised | None = None
    # the posting types the rule applies to; None: the check kind's default (see ``checks.engine``)
    posting_types: list[PostingTypeName] | None = None
    # for the group non_western: where the exports have no non-western declaration, approximate it by
    # declared immigrant background with this declared country group (the finding says so)
    approximate_by_country_group: Literal["2"] | None = None
    justify: Localised | None = None

    @classmethod
    def __pydantic_init_subclass__(cls, **kwargs: Any) -> None:
        super().__pydantic_init_subclass__(**kwargs)
        RuleBase._parameters |= set(cls.parameter_names())

    @classmethod
    def parameter_names(cls) -> tuple[str, ...]:
        """The check kind's own parameters, in the order they are declared."""
        return tuple(name for name in cls.model_fields if name not in RuleBase.model_fields)

    def parameters(self) -> dict[str, object]:
        """The parameters given in the pack (those left out are not listed)."""
        return {name: getattr(self, name) for name in self.parameter_names() if getattr(self, name) is not None}

    def defaults(self) -> dict[str, str]:
        """The values the check uses for parameters the pack leaves out, as shown by ``rules show``."""
        return {}

    def statuses(self, of_kind: tuple[Status, ...]) -> tuple[Status, ...]:
        """The statuses this rule can give, of those its kind can give (``rules show`` explains these)."""
        return of_kind

    @property
    def required(self) -> int:
        """How many the rule asks for (interview rules); 1 where a kind has no such number."""
        return 1

    @model_validator(mode="before")
    @classmethod
    def _no_parameter_of_another_kind(cls, data: Any) -> Any:
        if isinstance(data, dict):
            foreign = sorted(k for k in data if k in RuleBase._parameters and k not in cls.model_fields)
            if foreign:
                raise Refusal("pack.unused_parameters", names=", ".join(foreign), check=data.get("check"))
        return data

    @model_validator(mode="after")
    def _common_checks(self) -> RuleBase:
        if self.needs_group and self.group is None:
            raise Refusal("pack.needs_group", check=self.check)
        if self.in_force_from and self.in_force_to and self.in_force_to < self.in_force_from:
            raise Refusal("pack.dates_reversed")
        if self.approximate_by_country_group is not None and "non_western" not in self.groups:
            raise Refusal("pack.approximation_non_western_only")
        if not self.in_force_verified and self.in_force_note is None:
            raise Refusal("pack.unverified_needs_note")
        return self

    @property
    def groups(self) -> tuple[str, ...]:
        if self.group is None:
            return ()
        return tuple(self.group) if isinstance(self.group, list) else (self.group,)

    @property
    def qualifier(self) -> str | None:
        """The country group that narrows immigrant background, for kinds that have one."""
        value = getattr(self, "country_group", None)
        return value if isinstance(value, str) else None

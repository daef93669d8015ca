"""The check kinds and their registry: pure functions from one posting and one rule to an outcome.

Rules are data (``rules/*.toml``); what a rule *does* is one check kind. Each kind lives in its
own module with everything that belongs to it: its rule model (parameters and defaults), its
reason codes, what a union representative sees of each reason, and the function. A check never
reads files or writes sentences: it returns a status, a reason code, the applicants concerned
and the numbers its message needs; ``words`` puts them into words.

Adding a kind: write its module, add its ``SPEC`` to ``_KINDS`` below, and give it rule cases.
"""

from __future__ import annotations

from typing import Annotated

from pydantic import Field

from rekruttering.checks import ad_statement, interview, quotation, reserved, union
from rekruttering.checks.ad_statement import AdStatementRule
from rekruttering.checks.base import (
    COMMON_PUBLIC,
    OUTSIDE_COMPETITION,
    CheckSpec,
    CommonReason,
    Context,
    Outcome,
    by_rank,
    ids,
    membership,
)
from rekruttering.checks.interview import InterviewRule
from rekruttering.checks.quotation import QuotationRule
from rekruttering.checks.reserved import ReservedRule
from rekruttering.checks.rule import RuleBase
from rekruttering.checks.union import UnionRule
from rekruttering.checks.yearly import YEARLY, RepresentationTargetRule, SelectionParityRule, TraineeRule, YearlyRule
from rekruttering.models import Headcount, Status

_KINDS: tuple[CheckSpec, ...] = (interview.SPEC, quotation.SPEC, reserved.SPEC, ad_statement.SPEC, union.SPEC)

# one rule of a pack, as whichever kind its ``check`` names
Rule = Annotated[InterviewRule | QuotationRule | ReservedRule | AdStatementRule | UnionRule,
                 Field(discriminator="check")]

# a rule as a pack declares it: a per-posting kind, or a yearly kind (judged once per summary, never by the engine)
PackRule = Annotated[InterviewRule | QuotationRule | ReservedRule | AdStatementRule | UnionRule | SelectionParityRule
                     | RepresentationTargetRule | TraineeRule, Field(discriminator="check")]

# what a reason nobody has mapped becomes: a union representative never gets a text not meant for them
WITHHELD = "withheld"


def _registry(kinds: tuple[CheckSpec, ...]) -> dict[str, CheckSpec]:
    """The kinds by name; a kind whose public wording leaves out one of its reasons is refused here,
    at import, so that it can never reach a union representative with the hr wording."""
    found: dict[str, CheckSpec] = {}
    for spec in kinds:
        missing = {r.value for r in spec.reasons} ^ set(spec.public)
        if missing:
            raise RuntimeError(f"{spec.name}: public wording does not match its reasons: {sorted(missing)}")
        found[spec.name] = spec
    return found


CHECKS: dict[str, CheckSpec] = _registry(_KINDS)
KINDS: frozenset[str] = frozenset(CHECKS) | frozenset(YEARLY)  # every kind a pack may name


def is_yearly(rule: RuleBase) -> bool:
    return rule.check in YEARLY


def kind_statuses(check: str) -> tuple[Status, ...]:
    """The statuses a kind can give, per-posting or yearly."""
    return YEARLY[check].statuses if check in YEARLY else CHECKS[check].statuses


def public_reason(check: str, reason: str) -> str:
    """The reason a union representative sees; anything unmapped is withheld (fails closed)."""
    spec = CHECKS.get(check)
    found = spec.public.get(reason) if spec is not None else None
    return found or COMMON_PUBLIC.get(reason, WITHHELD)


__all__ = [
    "CHECKS", "COMMON_PUBLIC", "KINDS", "OUTSIDE_COMPETITION", "WITHHELD", "YEARLY", "AdStatementRule", "CheckSpec",
    "CommonReason", "Context", "Headcount", "InterviewRule", "Outcome", "PackRule", "QuotationRule", "ReservedRule",
    "Rule", "RuleBase", "UnionRule", "YearlyRule", "by_rank", "ids", "is_yearly", "kind_statuses", "membership",
    "public_reason",
]


def parse_rule(data: object) -> RuleBase:
    """One rule from its TOML table, as the kind its ``check`` names (for tests and tools)."""
    from pydantic import TypeAdapter

    parsed: RuleBase = TypeAdapter(PackRule).validate_python(data)
    return parsed

"""``ad_statement``: the posting's ad carried a diversity statement.

A posting-level check: it reads the employer's own record of the ad ('Mangfoldserklæring i
annonsen', yes/no), not the applicants. Yes is ``met``. No is a ``breach`` where the rule's source
commits the employer to ad texts that invite a diversity of applicants (``without_statement =
"breach"``), and otherwise ``review``: a source that asks for it "if relevant" leaves a person to
judge whether it was. A blank cell is ``review`` (nobody recorded it), and so is an export without
the column: the rule is then not checked, and the finding says which column is missing. Unknown is
never ``met``.
"""

from __future__ import annotations

from enum import StrEnum
from typing import ClassVar, Literal

from rekruttering.checks.base import CheckSpec, Context, Outcome
from rekruttering.checks.rule import RuleBase
from rekruttering.models import STATUSES, Posting, PostingType, Status

DEFAULT_WITHOUT_STATEMENT = "review"


class AdStatementRule(RuleBase):
    """An ``ad_statement`` rule: what an ad without the statement is (no group: it is about the ad)."""

    check: Literal["ad_statement"]
    needs_group: ClassVar[bool] = False
    posting_level: ClassVar[bool] = True
    # "breach": the source commits to it; "review" (the default): the source suggests it where relevant
    without_statement: Literal["breach", "review"] | None = None

    @property
    def breaches(self) -> bool:
        return (self.without_statement or DEFAULT_WITHOUT_STATEMENT) == "breach"

    def defaults(self) -> dict[str, str]:
        return {"without_statement": DEFAULT_WITHOUT_STATEMENT}

    def statuses(self, of_kind: tuple[Status, ...]) -> tuple[Status, ...]:
        """A rule that only ever reviews a missing statement can neither breach nor be justified."""
        return of_kind if self.breaches else tuple(s for s in of_kind if s not in ("breach", "justified"))


class Reason(StrEnum):
    statement = "statement"
    no_statement = "no_statement"
    no_statement_if_relevant = "no_statement_if_relevant"
    statement_unknown = "statement_unknown"
    column_missing = "column_missing"


# the ad is the posting's, not a person's: a union representative reads what HR reads
PUBLIC: dict[str, str] = {reason.value: reason.value for reason in Reason}

COLUMN = "ad_statement"


def ad_statement(posting: Posting, rule: AdStatementRule, context: Context) -> Outcome:
    """Whether the ad had a diversity statement, as the employer recorded it."""
    if context.missing([COLUMN]):
        return Outcome("review", "column_missing", params={"columns": COLUMN})
    if posting.ad_statement is True:
        return Outcome("met", "statement")
    if posting.ad_statement is None:
        return Outcome("review", "statement_unknown")
    if rule.breaches:
        return Outcome("breach", "no_statement")
    return Outcome("review", "no_statement_if_relevant")


# a posting exempt from advertising has no ad, and a cancelled one no process to judge
SPEC = CheckSpec("ad_statement", ad_statement, AdStatementRule, Reason, PUBLIC,
                 frozenset({PostingType.exempt, PostingType.cancelled}), STATUSES)

"""``check`` over the simple postings, column-wise: each rule's verdict on each posting, from ``Statuses``,
with the numbers and the applicants its message needs taken from the arrays.

Where the arrays do not give an outcome's numbers (the quotation check's leads, which the reference
compares exactly, in decimals) or the reason is one this module does not know, the reference check
decides on the typed posting (``engine.evaluate_rule``), as it does for the postings ``Statuses``
leaves to it. A simple posting has no doubt, no row set aside and no written justification, and the
postings a justification file names are judged typed, so nothing else of ``engine.judge`` applies.
The conformance test (tests/test_check_columnar.py) holds the result to ``engine.judge``.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace

import numpy as np
import numpy.typing as npt

from rekruttering.checks import Outcome, QuotationRule, Rule
from rekruttering.checks.base import APPROXIMATION
from rekruttering.checks.engine import Verdict, evaluate_rule, severity_of
from rekruttering.checks.quotation import balance_by_unit, needed_columns
from rekruttering.checks.quotation import noted as quotation_noted
from rekruttering.columnar.statuses import RuleStatuses, Statuses
from rekruttering.models import STATUSES, Posting, Status
from rekruttering.read.fields import Field

BoolArray = npt.NDArray[np.bool_]

# interview_minimum: the reasons whose outcome carries the rule's minimum, and the set of applications
# (``Statuses.interview_sets``) each names
INTERVIEW_WITH_MINIMUM = frozenset({
    "met", "not_invited", "invite_before_recommendation", "recommended_without_interview", "qualification_unknown",
    "invited_unknown_qualification", "country_group_unknown"})
INTERVIEW_NAMES = {"not_invited": "not_invited", "recommended_without_interview": "not_invited",
                   "invite_before_recommendation": "not_invited", "invited_unknown_qualification": "maybe_invited",
                   "qualification_unknown": "unknown", "country_group_unknown": "unknown"}
INTERVIEW_PLAIN = frozenset({"nobody_declared", "none_qualified"})
# moderate_quotation: the reasons without numbers, and those naming the one chosen
QUOTATION_PLAIN = frozenset({"no_choice", "no_ranking", "workforce_unknown", "chosen_best", "no_member"})
QUOTATION_CHOSEN = frozenset({"chosen_not_qualified", "chosen_qualification_unknown", "chosen_group_unknown"})


class FrameVerdicts:
    """Every rule of a pack over the frame's postings in ``only``; ``verdicts(index)`` gives one posting's,
    rules sorted by id, as ``engine.judge`` gives them."""

    def __init__(self, statuses: Statuses, rules: Sequence[Rule], only: BoolArray) -> None:
        self.statuses = statuses
        self.frame = statuses.frame
        self.context = statuses.context
        self.rules = sorted(rules, key=lambda r: r.id)
        self.found: list[RuleStatuses] = [statuses.rule(rule, only) for rule in self.rules]
        self.approximated: list[BoolArray] = [statuses.approximated(rule) for rule in self.rules]
        self.named: list[dict[int, tuple[str, ...]]] = [self._named(found, only) for found in self.found]

    def verdicts(self, index: int) -> tuple[Verdict, ...]:
        """The posting's verdicts (a simple posting, in ``only``)."""
        undated = self.frame.deadline[index] is None and self.context.as_of is not None
        out = []
        for rule, found, named, approximated in zip(self.rules, self.found, self.named, self.approximated,
                                                    strict=True):
            outcome = self._outcome(rule, found, named, index, bool(approximated[index]))
            dated = rule.in_force_from is not None or rule.in_force_to is not None
            out.append(Verdict(rule, outcome, severity_of(outcome, rule), as_of=undated and dated))
        return tuple(out)

    def ranks(self, index: int) -> dict[str, float]:
        """The rank of each ranked applicant of the posting, by id (for the messages that name applicants)."""
        start, end = int(self.statuses.bounds[index]), int(self.statuses.bounds[index + 1])
        rank = self.frame.values[Field.rank][start:end]
        ids = self.frame.applicant_id[start:end]
        return {str(ids[i]): float(rank[i]) for i in np.flatnonzero(~np.isnan(rank)).tolist()}

    def ranks_of(self, index: int) -> Callable[[], dict[str, float]]:
        """``ranks(index)``, worked out once, when first asked for."""
        found: list[dict[str, float]] = []

        def ranks() -> dict[str, float]:
            if not found:
                found.append(self.ranks(index))
            return found[0]

        return ranks

    def _outcome(self, rule: Rule, found: RuleStatuses, named: dict[int, tuple[str, ...]], index: int,
                 approximated: bool) -> Outcome:
        known = found.outcomes.get(index)
        if known is not None:
            return known
        status, reason = STATUSES[int(found.status[index])], found.reason_of(index)
        if reason in ("posting_type", "not_in_force_yet", "no_longer_in_force", "deadline_unknown"):
            return self._applicability(rule, status, reason, index)
        outcome = self._checked(rule, status, reason, named, index, approximated)
        if outcome is None:  # the numbers come from the reference: the posting as a typed object
            return evaluate_rule(self.statuses.typed(index), rule, self.context)
        return self._noted(rule, outcome, index, approximated)

    def _noted(self, rule: Rule, outcome: Outcome, index: int, approximated: bool) -> Outcome:
        """The parameters ``checks`` add after the check (the group's approximation, a job group's balance
        from the unit), by the checks' own functions."""
        if isinstance(rule, QuotationRule):
            frame = self.frame
            stub = Posting("", unit=frame.unit[index], underrepresented_gender=frame.underrepresented_gender[index],
                           job_group=frame.job_group[index])
            return quotation_noted(outcome, rule, approximated, lambda: balance_by_unit(stub, rule, self.context))
        return replace(outcome, params={**outcome.params, **APPROXIMATION}) if approximated else outcome

    def _applicability(self, rule: Rule, status: Status, reason: str, index: int) -> Outcome:
        if reason == "posting_type":
            return Outcome(status, reason, params={"type": self.frame.posting_type[index].value})
        if reason == "not_in_force_yet" and rule.in_force_from is not None:
            return Outcome(status, reason, params={"date": rule.in_force_from.isoformat()})
        if reason == "no_longer_in_force" and rule.in_force_to is not None:
            return Outcome(status, reason, params={"date": rule.in_force_to.isoformat()})
        return Outcome(status, reason)

    def _checked(self, rule: Rule, status: Status, reason: str, named: dict[int, tuple[str, ...]], index: int,
                 approximated: bool) -> Outcome | None:
        """The check's outcome from the arrays, or None where only the reference has its numbers."""
        if rule.check == "interview_minimum":
            if reason in INTERVIEW_PLAIN:
                return Outcome(status, reason)
            if reason in INTERVIEW_WITH_MINIMUM:
                return Outcome(status, reason, named.get(index, ()), {"min": str(rule.required)})
        elif rule.check == "moderate_quotation":
            if reason in QUOTATION_PLAIN:
                return Outcome(status, reason)
            if reason == "column_missing" and isinstance(rule, QuotationRule):
                missing = self.context.missing(needed_columns(rule, approximated))
                return Outcome(status, reason, params={"columns": ",".join(missing)})
            if reason in QUOTATION_CHOSEN:
                return Outcome(status, reason, named.get(index, ()))
        elif rule.check == "reserved_posting" and reason == "not_reserved":
            return Outcome(status, reason)
        return None

    def _named(self, found: RuleStatuses, only: BoolArray) -> dict[int, tuple[str, ...]]:
        """Per posting, the applicants the finding names where the arrays give them, ordered as
        ``checks.by_rank``: the interview check's sets, and the quotation check's one chosen."""
        frame, rule = self.frame, found.rule
        decided = (found.status >= 0) & only
        if rule.check == "moderate_quotation":
            wanted = decided & self._with_reason(found, QUOTATION_CHOSEN)
            if not wanted.any():
                return {}
            chosen = self.statuses.quotation_sets(rule, wanted)["chosen"]
            return {i: (str(frame.applicant_id[chosen[i]]),) for i in np.flatnonzero(wanted & (chosen >= 0)).tolist()}
        if rule.check != "interview_minimum":
            return {}
        sets = self.statuses.interview_sets(rule)
        rows = np.zeros(len(frame.post), dtype=bool)
        for name in sorted(set(INTERVIEW_NAMES.values())):
            reasons = {r for r, n in INTERVIEW_NAMES.items() if n == name}
            rows |= sets[name] & (decided & self._with_reason(found, reasons))[frame.post]
        return self._by_rank(np.flatnonzero(rows))

    @staticmethod
    def _with_reason(found: RuleStatuses, reasons: frozenset[str] | set[str]) -> BoolArray:
        codes = [code for code, reason in enumerate(found.reasons) if reason in reasons]
        out: BoolArray = np.isin(found.reason, codes) & (found.status >= 0)
        return out

    def _by_rank(self, rows: npt.NDArray[np.int64]) -> dict[int, tuple[str, ...]]:
        """The applications at ``rows``, grouped by posting, each group's ids ordered as ``checks.by_rank``."""
        if not len(rows):
            return {}
        frame = self.frame
        rank, score = frame.values[Field.rank][rows], frame.values[Field.score][rows]
        ids = frame.applicant_id[rows].astype(str)
        _, id_order = np.unique(ids, return_inverse=True)
        post = frame.post[rows]
        order = np.lexsort((id_order, -np.nan_to_num(score), np.isnan(score), np.nan_to_num(rank), np.isnan(rank),
                            post))
        post, ids = post[order], ids[order]
        starts = np.flatnonzero(np.r_[True, post[1:] != post[:-1]])
        ends = [*starts[1:].tolist(), len(post)]
        listed = ids.tolist()
        return {int(post[s]): tuple(listed[s:e]) for s, e in zip(starts.tolist(), ends, strict=True)}

"""Per simple posting, the status and reason of each rule, as arrays; applicants on demand.

Applicability comes first, as in ``engine.applicability``. ``interview_minimum`` is computed from
counts per posting (numpy ``bincount``), following ``checks.interview`` step by step.
``reserved_posting`` and ``moderate_quotation`` are decided here where their first steps settle
them (not a reserved post; nobody chosen; nobody ranked); the few postings left are given, as typed
``Posting`` objects, to the reference check through ``engine.evaluate_rule``. A simple posting has
no doubt, no row set aside and no written justification, so nothing else of ``engine`` applies.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import numpy as np
import numpy.typing as npt

from rekruttering.checks import CHECKS, Context, Outcome
from rekruttering.columnar.frame import Frame
from rekruttering.engine import evaluate_rule
from rekruttering.fields import Field
from rekruttering.models import STATUSES, Posting, PostingType, Status
from rekruttering.rulepack import Rule

IntArray = npt.NDArray[np.int64]
STATUS_CODE = {s: i for i, s in enumerate(STATUSES)}
TYPES = tuple(PostingType)


@dataclass
class RuleStatuses:
    """One rule over the frame's postings: status codes (into ``STATUSES``) and reason codes (into
    ``reasons``); ``outcomes`` holds the full outcome of the postings the reference check decided."""

    rule: Rule
    status: IntArray
    reason: IntArray
    reasons: list[str]
    outcomes: dict[int, Outcome] = field(default_factory=dict)

    def status_of(self, index: int) -> Status:
        return STATUSES[int(self.status[index])]

    def reason_of(self, index: int) -> str:
        return self.reasons[int(self.reason[index])]


class Statuses:
    """The frame with what every rule needs computed once: posting types, deadlines, typed postings."""

    def __init__(self, frame: Frame, context: Context) -> None:
        self.frame = frame
        self.context = context
        self.type_code = np.array([TYPES.index(t) for t in frame.posting_type], dtype=np.int64)
        self.deadline = np.array([d if d is not None else np.datetime64("NaT") for d in frame.deadline],
                                 dtype="datetime64[D]")
        self.bounds = frame.bounds()
        self._typed: dict[int, Posting] = {}

    def typed(self, index: int) -> Posting:
        found = self._typed.get(index)
        if found is None:
            found = self._typed[index] = self.frame.posting(index, int(self.bounds[index]),
                                                            int(self.bounds[index + 1]))
        return found

    def per_posting(self, mask: npt.NDArray[np.bool_]) -> IntArray:
        """How many applications of each posting ``mask`` holds."""
        out: IntArray = np.bincount(self.frame.post[mask], minlength=self.frame.size).astype(np.int64)
        return out

    def rule(self, rule: Rule, only: npt.NDArray[np.bool_] | None = None) -> RuleStatuses:
        """The rule's statuses; the reference check runs only for the postings in ``only`` (None: all), the
        others it would decide are left at -1."""
        size = self.frame.size
        result = RuleStatuses(rule, np.full(size, -1, dtype=np.int64), np.zeros(size, dtype=np.int64), [])
        codes: dict[str, int] = {}

        def put(where: npt.NDArray[np.bool_], status: Status, reason: str) -> None:
            where = where & (result.status < 0)
            if where.any():
                result.status[where] = STATUS_CODE[status]
                result.reason[where] = codes.setdefault(reason, len(codes))

        self._applicability(rule, put)
        open_ = result.status < 0
        if rule.check == "interview_minimum":
            self._interview(rule, put)
        elif rule.check == "reserved_posting":
            put(open_ & (self.type_code != TYPES.index(PostingType.reserved)), "not_applicable", "not_reserved")
        elif rule.check == "moderate_quotation":
            self._quotation_first_steps(put)
        left = result.status < 0 if only is None else (result.status < 0) & only
        for index in np.flatnonzero(left).tolist():  # the reference check decides the rest
            outcome = evaluate_rule(self.typed(index), rule, self.context)
            result.outcomes[index] = outcome
            result.status[index] = STATUS_CODE[outcome.status]
            result.reason[index] = codes.setdefault(outcome.reason, len(codes))
        result.reasons = list(codes)
        return result

    def _applicability(self, rule: Rule, put: Any) -> None:
        """``engine.applicability``, on every posting at once."""
        excluded = [TYPES.index(t) for t in CHECKS[rule.check].excluded_types]
        put(np.isin(self.type_code, excluded), "not_applicable", "posting_type")
        if rule.in_force_from is None and rule.in_force_to is None:
            return
        when = self.deadline
        if self.context.as_of is not None:
            when = np.where(np.isnat(when), np.datetime64(self.context.as_of, "D"), when)
        put(np.isnat(when), "review", "deadline_unknown")
        if rule.in_force_from is not None:
            put(when < np.datetime64(rule.in_force_from, "D"), "not_applicable", "not_in_force_yet")
        if rule.in_force_to is not None:
            put(when > np.datetime64(rule.in_force_to, "D"), "not_applicable", "no_longer_in_force")

    def _quotation_first_steps(self, put: Any) -> None:
        """``checks.quotation``'s first two steps: nobody chosen, nobody ranked."""
        values = self.frame.values
        chosen = self.per_posting((values[Field.hired] == 1) | (values[Field.recommended] == 1))
        put(chosen == 0, "not_applicable", "no_choice")
        ranked = self.per_posting(~np.isnan(values[Field.rank]) | ~np.isnan(values[Field.score]))
        put(ranked == 0, "not_applicable", "no_ranking")

    def interview_sets(self, rule: Rule) -> dict[str, npt.NDArray[np.bool_]]:
        """Per application, the sets ``checks.interview`` counts (members, pool, invited ...)."""
        values = self.frame.values
        declared = values[Field(rule.groups[0])] == 1
        if rule.country_group is None:
            member, unclear = declared, np.zeros_like(declared)
        else:
            country = values[Field.country_group]
            unclear = declared & np.fromiter((c is None for c in country.tolist()), dtype=bool, count=len(country))
            member = declared & (country == rule.country_group)
        qualified, withdrawn, invited = (values[Field.qualified], values[Field.withdrawn], values[Field.invited])
        pool = member & (qualified == 1) & ((withdrawn != 1) | (invited == 1))
        unknown = (member & (qualified == -1) & (withdrawn != 1)) | (unclear & (qualified != 0) & (withdrawn != 1))
        return {
            "member": member, "unclear": unclear, "pool": pool, "invited": pool & (invited == 1),
            "unknown": unknown, "maybe_invited": (unknown & (invited == 1)) | (pool & (invited == -1)),
            "not_invited": pool & (invited == 0),
        }

    def _interview(self, rule: Rule, put: Any) -> None:
        """``checks.interview.interview_minimum`` as counts per posting."""
        sets = {name: self.per_posting(mask) for name, mask in self.interview_sets(rule).items()}
        required = rule.min_invited or 1
        pool = sets["pool"]
        put((sets["member"] == 0) & (sets["unclear"] == 0), "not_applicable", "nobody_declared")
        needed = np.where(pool > 0, np.minimum(required, pool), required)
        put((pool > 0) & (sets["invited"] >= needed), "met", "met")
        maybe = sets["maybe_invited"]
        put((sets["invited"] + maybe >= np.where(pool > 0, needed, 1)) & (maybe > 0), "review",
            "invited_unknown_qualification")
        breach = sets["not_invited"] > 0
        if rule.before == "recommendation":
            values = self.frame.values
            decided = self.per_posting((values[Field.recommended] == 1) | (values[Field.hired] == 1)) > 0
            put(breach & decided, "breach", "recommended_without_interview")
            put(breach, "breach", "invite_before_recommendation")
        else:
            put(breach, "breach", "not_invited")
        unknown = sets["unknown"] > 0
        put(unknown & (sets["unclear"] > 0) & (sets["member"] == 0), "review", "country_group_unknown")
        put(unknown, "review", "qualification_unknown")
        put(np.ones(self.frame.size, dtype=bool), "not_applicable", "none_qualified")

    def applicants(self, statuses: RuleStatuses, index: int) -> tuple[str, ...]:
        """The applicants the finding names, as the reference check names them (for the conformance test
        and a detailed report: never computed for every posting)."""
        if index in statuses.outcomes:
            return statuses.outcomes[index].applicants
        if statuses.rule.check != "interview_minimum":
            return ()
        reason = statuses.reason_of(index)
        named = {"not_invited": "not_invited", "recommended_without_interview": "not_invited",
                 "invite_before_recommendation": "not_invited", "invited_unknown_qualification": "maybe_invited",
                 "qualification_unknown": "unknown", "country_group_unknown": "unknown"}.get(reason)
        if named is None:
            return ()
        start, end = int(self.bounds[index]), int(self.bounds[index + 1])
        chosen = self.interview_sets(statuses.rule)[named][start:end]
        rank = self.frame.values[Field.rank][start:end]
        score = self.frame.values[Field.score][start:end]
        ids = self.frame.applicant_id[start:end]
        rows = [(bool(np.isnan(rank[i])), 0.0 if np.isnan(rank[i]) else float(rank[i]), bool(np.isnan(score[i])),
                 -(0.0 if np.isnan(score[i]) else float(score[i])), str(ids[i]))
                for i in np.flatnonzero(chosen).tolist()]
        return tuple(row[-1] for row in sorted(rows))

"""Per simple posting, the status and reason of each rule, as arrays; applicants on demand.

Applicability comes first, as in ``engine.applicability`` (the posting types a rule applies to are
``engine.applies_to``). ``interview_minimum`` is computed from counts per posting (numpy
``bincount``), following ``checks.interview`` step by step. ``reserved_posting`` and
``moderate_quotation`` are decided here where their first steps settle them (not a reserved post;
nobody chosen; nobody ranked); the few postings left (every reserved one included) are given, as
typed ``Posting`` objects, to the reference check through ``engine.evaluate_rule``. Group
membership follows ``checks.base.group_membership``: a non-western group is approximated by
declared immigrant background and a country group where ``checks.base.approximating`` says so. A
simple posting has no doubt, no row set aside and no written justification, so nothing else of
``engine`` applies.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

import numpy as np
import numpy.typing as npt
import pandas as pd

from rekruttering.checks import Context, InterviewRule, Outcome, QuotationRule, Rule
from rekruttering.checks.engine import applies_to, evaluate_rule
from rekruttering.checks.quotation import (
    DEFAULT_RANK_DISTANCE,
    DEFAULT_SCORE_GAP_PCT,
    needed_columns,
    underrepresented_gender,
)
from rekruttering.columnar import posting_rules
from rekruttering.columnar.frame import Frame
from rekruttering.models import STATUSES, Posting, PostingType, Status
from rekruttering.read.fields import Field

IntArray = npt.NDArray[np.int64]
BoolArray = npt.NDArray[np.bool_]
STATUS_CODE = {s: i for i, s in enumerate(STATUSES)}
TYPES = tuple(PostingType)
GENDER_CODES = {"kvinne": 1, "mann": 2}


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

    @cached_property
    def gender_codes(self) -> IntArray:
        """Per application: 1 kvinne, 2 mann, 3 another answer, 0 none."""
        codes: dict[str | None, int] = {None: 0, "kvinne": 1, "mann": 2}
        # the few distinct answers are looked up once, not once per application
        found, distinct = pd.factorize(self.frame.values[Field.gender], use_na_sentinel=True)
        table = np.array([*(codes.get(g, 3) for g in distinct.tolist()), 0], dtype=np.int64)  # -1: none
        out: IntArray = table[found]
        return out

    @cached_property
    def country_unknown(self) -> npt.NDArray[np.bool_]:
        """Per application: no country group given."""
        out: npt.NDArray[np.bool_] = pd.isna(self.frame.values[Field.country_group])
        return out

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
        if rule.check in posting_rules.KINDS:
            posting_rules.decide(self, rule, put)  # the posting-level kinds
        elif rule.check == "interview_minimum":
            unsure = posting_rules.declaration_first(self, rule, put)
            self._interview(rule, put, unsure)
        elif rule.check == "reserved_posting":
            # reserved: by its type, or by a group named in 'Reservert for' whatever its type
            named = np.fromiter((bool(r and r.strip()) for r in self.frame.reserved_for), dtype=bool,
                                count=self.frame.size)
            put(open_ & ~named & (self.type_code != TYPES.index(PostingType.reserved)), "not_applicable",
                "not_reserved")
        elif rule.check == "moderate_quotation":
            self._quotation_first_steps(put)
            self._quotation(rule, put, result.status < 0)
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
        applies = applies_to(rule)
        excluded = [TYPES.index(t) for t in TYPES if t not in applies]
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

    def _quotation(self, rule: QuotationRule, put: Any, open_: npt.NDArray[np.bool_]) -> None:
        """``checks.quotation.moderate_quotation`` after its first two steps, on every posting at once.

        Leads are compared in floating point; a posting where a lead lies within rounding of the
        tolerance is left to the reference check, which compares exactly (decimal).
        """
        # with the exports' fields known, the approximation is the same for every posting (``approximating``)
        approximate = bool(self.approximated(rule).any())
        if self.context.missing(needed_columns(rule, approximate)):
            put(open_, "review", "column_missing")
            return
        sets = self.quotation_sets(rule, open_)
        gender_known: npt.NDArray[np.bool_] = sets["gender_known"]
        if "gender" in rule.groups and len(rule.groups) == 1:
            why = sets["why"]
            for reason in ("workforce_unknown", "balanced"):
                put(open_ & ~gender_known & (why == reason), "not_applicable", reason)
        chosen = sets["chosen"]
        qualified = _gather(self.frame.values[Field.qualified], chosen, -2)
        put(open_ & (qualified == 0), "breach", "chosen_not_qualified")
        put(open_ & (qualified == -1), "review", "chosen_qualification_unknown")
        chosen_member = sets["chosen_member"]
        put(open_ & (chosen_member == -1), "review", "chosen_group_unknown")
        settled = open_ & ~(sets["close_call"] > 0)
        member_chosen, other_chosen = settled & (chosen_member == 1), settled & (chosen_member == 0)
        put(member_chosen & (sets["clearly_ahead"] > 0), "breach", "radical_quotation")
        put(member_chosen & (sets["ahead"] > 0), "met", "quotation_used")
        put(member_chosen, "met", "chosen_best")
        put(other_chosen & (sets["better"] > 0), "review", "member_ranked_higher")
        put(other_chosen & (sets["near"] > 0), "review", "near_equal_passed_over")
        put(other_chosen & (sets["compared"] == 0), "not_applicable", "no_member")
        put(other_chosen, "met", "no_near_equal")

    def quotation_sets(self, rule: QuotationRule, open_: npt.NDArray[np.bool_]) -> dict[str, Any]:
        """Per posting, the chosen applicant and the counts the quotation check turns on; per application
        (keys ending in ``_rows``) the applicants each finding would name."""
        frame, values = self.frame, self.frame.values
        post = frame.post
        # the unit's under-represented gender, by the reference function, once per (stated gender, unit)
        gender_of = np.zeros(frame.size, dtype=np.int64)  # 0 none, 1 kvinne, 2 mann
        why = np.full(frame.size, "", dtype=object)
        if "gender" in rule.groups:
            seen: dict[tuple[str | None, str | None, str | None], tuple[str | None, str]] = {}
            for i, key in enumerate(zip(frame.underrepresented_gender, frame.unit, frame.job_group, strict=True)):
                if key not in seen:
                    stub = Posting("", unit=key[1], underrepresented_gender=key[0], job_group=key[2])
                    seen[key] = underrepresented_gender(stub, rule, self.context)
                gender, reason = seen[key]
                gender_of[i] = GENDER_CODES.get(gender or "", 0)
                why[i] = reason
        member = self._members(rule, gender_of)

        # the one chosen: the best ranked of those hired, else of those recommended (``by_rank``)
        hired, recommended = values[Field.hired] == 1, values[Field.recommended] == 1
        any_hired = self.per_posting(hired) > 0
        candidate = np.flatnonzero(np.where(any_hired[post], hired, recommended) & open_[post])
        rank, score = values[Field.rank], values[Field.score]
        _, id_order = np.unique(frame.applicant_id[candidate].astype(str), return_inverse=True)
        order = np.lexsort((id_order, -np.nan_to_num(score[candidate]), np.isnan(score[candidate]),
                            np.nan_to_num(rank[candidate]), np.isnan(rank[candidate]), post[candidate]))
        ranked = candidate[order]
        first = ranked[np.r_[True, post[ranked][1:] != post[ranked][:-1]]] if len(ranked) else ranked
        chosen = np.full(frame.size, -1, dtype=np.int64)
        chosen[post[first]] = first
        chosen_member = _gather(member, chosen, 0)

        # leads over the one chosen, by score where both have one and the best score is not 0, else by rank
        best = np.full(frame.size, -np.inf)
        scored = ~np.isnan(score)
        np.maximum.at(best, post[scored], score[scored])
        mine = chosen[post]
        has_chosen = mine >= 0
        c = np.maximum(mine, 0)
        pct = rule.max_score_gap_pct if rule.max_score_gap_pct is not None else DEFAULT_SCORE_GAP_PCT
        distance = rule.max_rank_distance if rule.max_rank_distance is not None else DEFAULT_RANK_DISTANCE
        by_score = scored & scored[c] & np.isfinite(best[post]) & (best[post] != 0)
        by_rank_ = ~by_score & ~np.isnan(rank) & ~np.isnan(rank[c])
        with np.errstate(invalid="ignore"):
            lead = np.where(by_score, score - score[c], rank[c] - rank)  # how far each is ahead of the chosen
            tolerance = np.where(by_score, pct * best[post] / 100, float(distance))
        has_lead = by_score | by_rank_
        in_competition = (values[Field.qualified] == 1) & (values[Field.withdrawn] != 1) & has_chosen & (
            np.arange(len(post)) != mine)
        chosen_is_member = chosen_member[post]
        # chosen a member: those not members ahead of them; chosen not a member: members (or maybe) compared
        ahead = in_competition & has_lead & (member == 0) & (chosen_is_member == 1) & (lead > 0)
        compared = in_competition & has_lead & (member != 0) & (chosen_is_member == 0)
        band = 1e-9 * np.maximum(1.0, np.abs(tolerance))
        close = (ahead & (np.abs(lead - tolerance) <= band)) | (compared & (np.abs(lead + tolerance) <= band))
        return {
            "gender_known": gender_of > 0, "why": why, "chosen": chosen, "chosen_member": chosen_member,
            "close_call": self.per_posting(close),
            "ahead": self.per_posting(ahead), "clearly_ahead": self.per_posting(ahead & (lead > tolerance)),
            "compared": self.per_posting(compared), "better": self.per_posting(compared & (lead > 0)),
            "near": self.per_posting(compared & (lead >= -tolerance)),
            "clearly_ahead_rows": ahead & (lead > tolerance), "better_rows": compared & (lead > 0),
            "near_rows": compared & (lead >= -tolerance),
        }

    def _members(self, rule: QuotationRule | InterviewRule, gender_of: IntArray) -> IntArray:
        """Per application, ``checks.quotation._member``: 1 a member of any of the rule's groups, -1 maybe
        (declared, but the country group unknown), 0 not."""
        yes = np.zeros(len(self.frame.post), dtype=bool)
        maybe = np.zeros(len(self.frame.post), dtype=bool)
        for group in rule.groups:
            if group == "gender":
                wanted = gender_of[self.frame.post]
                codes = self.gender_codes
                yes |= (wanted > 0) & (codes == wanted)
                continue
            member, unclear = self.membership(rule, group)
            yes |= member
            maybe |= unclear
        out: IntArray = np.where(yes, 1, np.where(maybe, -1, 0)).astype(np.int64)
        return out

    def approximated(self, rule: Rule) -> BoolArray:
        """Per posting, ``checks.base.approximating``: the rule's non-western group is approximated by
        country group (the exports have no non-western declaration; unknown exports: no applicant has one)."""
        size = self.frame.size
        if rule.approximate_by_country_group is None:
            return np.zeros(size, dtype=bool)
        if self.context.fields is not None:
            return np.full(size, "non_western" not in self.context.fields, dtype=bool)
        out: BoolArray = self.per_posting(self.frame.values[Field.non_western] >= 0) == 0
        return out

    def membership(self, rule: Rule, group: str) -> tuple[BoolArray, BoolArray]:
        """Per application, ``checks.base.group_membership`` of one group as two masks: True, and None
        (declared, but the country group unknown)."""
        values = self.frame.values

        def declared_in(fld: Field, country_group: str | None) -> tuple[BoolArray, BoolArray]:
            declared: BoolArray = values[fld] == 1
            if country_group is None:
                return declared, np.zeros_like(declared)
            return declared & (values[Field.country_group] == country_group), declared & self.country_unknown

        member, unclear = declared_in(Field(group), rule.qualifier if group == "immigrant_background" else None)
        if group == "non_western" and rule.approximate_by_country_group is not None:
            approximate = self.approximated(rule)[self.frame.post]
            if approximate.any():
                by_country, unknown = declared_in(Field.immigrant_background, rule.approximate_by_country_group)
                member = np.where(approximate, by_country, member)
                unclear = np.where(approximate, unknown, unclear)
        return member, unclear

    def interview_sets(self, rule: InterviewRule) -> dict[str, npt.NDArray[np.bool_]]:
        """Per application, the sets ``checks.interview`` counts (members, pool, invited ...)."""
        values = self.frame.values
        member, unclear = self.membership(rule, rule.groups[0])
        qualified, withdrawn, invited = (values[Field.qualified], values[Field.withdrawn], values[Field.invited])
        pool = member & (qualified == 1) & ((withdrawn != 1) | (invited == 1))
        unknown = (member & (qualified == -1) & (withdrawn != 1)) | (unclear & (qualified != 0) & (withdrawn != 1))
        return {
            "member": member, "unclear": unclear, "pool": pool, "invited": pool & (invited == 1),
            "unknown": unknown, "maybe_invited": (unknown & (invited == 1)) | (pool & (invited == -1)),
            "not_invited": pool & (invited == 0),
        }

    def _interview(self, rule: InterviewRule, put: Any, unsure: BoolArray) -> None:
        """``checks.interview.interview_minimum`` as counts per posting; where ``unsure`` (whether
        self-declaration was offered is unknown), not applicable is ``review`` instead."""
        sets = {name: self.per_posting(mask) for name, mask in self.interview_sets(rule).items()}
        required = rule.required
        pool = sets["pool"]
        nobody = (sets["member"] == 0) & (sets["unclear"] == 0)
        put(nobody & unsure, "review", "declaration_offered_unknown")
        put(nobody, "not_applicable", "nobody_declared")
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
        put(unsure, "review", "declaration_offered_unknown")
        put(np.ones(self.frame.size, dtype=bool), "not_applicable", "none_qualified")

    def applicants(self, statuses: RuleStatuses, index: int) -> tuple[str, ...]:
        """The applicants the finding names, as the reference check names them (for the conformance test
        and a detailed report: never computed for every posting)."""
        if index in statuses.outcomes:
            return statuses.outcomes[index].applicants
        reason = statuses.reason_of(index)
        start, end = int(self.bounds[index]), int(self.bounds[index + 1])
        if statuses.rule.check == "moderate_quotation":
            only = np.zeros(self.frame.size, dtype=bool)
            only[index] = True
            sets = self.quotation_sets(statuses.rule, only)
            if reason in ("chosen_not_qualified", "chosen_qualification_unknown", "chosen_group_unknown"):
                return (str(self.frame.applicant_id[sets["chosen"][index]]),)
            rows = {"radical_quotation": "clearly_ahead_rows", "member_ranked_higher": "better_rows",
                    "near_equal_passed_over": "near_rows"}.get(reason)
            return () if rows is None else self._by_rank(sets[rows][start:end], start, end)
        if statuses.rule.check != "interview_minimum":
            return ()
        named = {"not_invited": "not_invited", "recommended_without_interview": "not_invited",
                 "invite_before_recommendation": "not_invited", "invited_unknown_qualification": "maybe_invited",
                 "qualification_unknown": "unknown", "country_group_unknown": "unknown"}.get(reason)
        if named is None:
            return ()
        return self._by_rank(self.interview_sets(statuses.rule)[named][start:end], start, end)

    def _by_rank(self, chosen: npt.NDArray[np.bool_], start: int, end: int) -> tuple[str, ...]:
        """The ids of the chosen applications of one posting, ordered as ``checks.by_rank``."""
        rank = self.frame.values[Field.rank][start:end]
        score = self.frame.values[Field.score][start:end]
        ids = self.frame.applicant_id[start:end]
        rows = [(bool(np.isnan(rank[i])), 0.0 if np.isnan(rank[i]) else float(rank[i]), bool(np.isnan(score[i])),
                 -(0.0 if np.isnan(score[i]) else float(score[i])), str(ids[i]))
                for i in np.flatnonzero(chosen).tolist()]
        return tuple(row[-1] for row in sorted(rows))


def _gather(values: npt.NDArray[Any], index: IntArray, default: int) -> IntArray:
    """``values[index]``, with ``default`` where the index is -1 (no such application)."""
    out = np.full(len(index), default, dtype=np.int64)
    found = index >= 0
    out[found] = values[index[found]]
    return out

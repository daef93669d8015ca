"""Judge postings by a rule pack: applicability, the check, doubts, and justifications. Codes only.

The order per posting and rule: a posting outside the competition (internal, exempt, cancelled)
or a rule not in force on the posting's deadline is ``not_applicable``; otherwise the check kind
decides; a breach with a written justification becomes ``justified`` and carries the text.
Postings come out sorted by id and findings by rule id, so the same input gives the same report.
Justifications from a file that justify nothing are returned too: a stale justification is a
finding for the union representative as well.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace

from rekruttering.checks import CHECKS, Context, Outcome, Rule, by_rank, ids
from rekruttering.checks.pack import RulePack
from rekruttering.models import Applicant, Doubt, Justification, Posting, PostingType, Severity


@dataclass(frozen=True)
class Verdict:
    """One rule on one posting: the outcome after justifications, and the written reasons that bear on it."""

    rule: Rule
    outcome: Outcome
    severity: Severity
    row_texts: tuple[str, ...] = ()  # justifications on the shortlist rows of the applicants excused
    file_entries: tuple[Justification, ...] = ()  # the justification file's entries that speak to it
    as_of: bool = False  # the rule's dates were checked against the run's date, not a deadline


@dataclass(frozen=True)
class PostingVerdicts:
    posting: Posting
    verdicts: tuple[Verdict, ...]


@dataclass
class Judgement:
    postings: list[PostingVerdicts]
    unused: list[Justification] = field(default_factory=list)


def applicability(posting: Posting, rule: Rule, context: Context | None = None) -> Outcome | None:
    """``not_applicable`` or ``review`` before the check runs, or None when the check decides.

    A rule with dates in force is judged on the posting's deadline; a posting without one (an
    export made before the interviews often has none) on ``context.as_of``, and without that the
    rule is reviewed.
    """
    if posting.posting_type not in applies_to(rule):
        return Outcome("not_applicable", "posting_type", params={"type": posting.posting_type.value})
    if rule.in_force_from is None and rule.in_force_to is None:
        return None
    when = posting.deadline or (context.as_of if context else None)
    if when is None:
        return Outcome("review", "deadline_unknown")
    if rule.in_force_from and when < rule.in_force_from:
        return Outcome("not_applicable", "not_in_force_yet", params={"date": rule.in_force_from.isoformat()})
    if rule.in_force_to and when > rule.in_force_to:
        return Outcome("not_applicable", "no_longer_in_force", params={"date": rule.in_force_to.isoformat()})
    return None


def applies_to(rule: Rule) -> frozenset[PostingType]:
    """The posting types the rule applies to: the rule's ``posting_types``, or its kind's default (every
    type but those the kind excludes)."""
    if rule.posting_types is not None:
        return frozenset(PostingType(name) for name in rule.posting_types)
    return frozenset(PostingType) - CHECKS[rule.check].excluded_types


def judged_as_of(posting: Posting, rule: Rule, context: Context) -> bool:
    """True when the rule's dates were checked against the run's date, not a deadline."""
    return posting.deadline is None and context.as_of is not None and (
        rule.in_force_from is not None or rule.in_force_to is not None) and not any(
        d.field == "deadline" for d in posting.doubts)


MAX_COMPLETIONS = 256  # a posting with more open combinations than this is reviewed without trying them


def _decide(posting: Posting, rule: Rule, context: Context) -> Outcome:
    return applicability(posting, rule, context) or CHECKS[rule.check].function(posting, rule, context)


def evaluate_rule(posting: Posting, rule: Rule, context: Context | None = None) -> Outcome:
    """The rule's outcome on the posting; with unsettled values, the outcome only if they cannot change it.

    Every value the reader could not settle (``Doubt``: a cell it did not understand, or rows that
    disagree) is tried with each value it could have. When every combination gives the same status,
    reason and numbers, that is the outcome, naming the applicants common to all of them; otherwise
    the finding is ``review``, naming the applicants whose values are in doubt and the fields it turns on
    (not every field in doubt: a rule that does not read a field is never undecided by it). Unknown is never no.
    """
    context = context or Context()
    if posting.rows_set_aside:
        # a row the reader could not use may be the one the rule turns on: nothing is decided without it
        before = applicability(posting, rule, context)
        if before is not None and before.status == "not_applicable" and before.reason == "posting_type":
            return before
        return Outcome("review", "rows_set_aside", params={"count": str(posting.rows_set_aside)})
    if any(d.field == "deadline" and d.cause == "unreadable" for d in posting.doubts) and (
            rule.in_force_from is not None or rule.in_force_to is not None):
        return Outcome("review", "deadline_unknown")  # a deadline that is there but cannot be read
    slots: list[tuple[int | None, Doubt]] = [(None, d) for d in posting.doubts]
    slots += [(i, d) for i, a in enumerate(posting.applicants) for d in a.doubts]
    if not slots:
        return _decide(posting, rule, context)
    cause = "conflicting_input" if any(d.cause == "conflict" for _, d in slots) else "value_unknown"
    doubtful = ids(by_rank(a for a in posting.applicants if a.doubts))
    fields = ",".join(sorted({d.field for _, d in slots}))
    combinations = 1
    for _, doubt in slots:
        combinations *= max(len(doubt.options), 1)
    if combinations > MAX_COMPLETIONS:
        return Outcome("review", cause, doubtful, {"fields": fields})
    first: Outcome | None = None
    common: list[str] = []
    found: dict[tuple[object, ...], tuple[object, ...]] = {}
    for choice in itertools.product(*(d.options for _, d in slots)):
        outcome = _decide(_completed(posting, slots, choice), rule, context)
        found[choice] = (outcome.status, outcome.reason, tuple(sorted(outcome.params.items())))
        if first is None:
            first, common = outcome, list(outcome.applicants)
        else:
            common = [a for a in common if a in outcome.applicants]
    assert first is not None
    if len(set(found.values())) > 1:
        return Outcome("review", cause, doubtful, {"fields": ",".join(_deciding(slots, found))})
    return replace(first, applicants=tuple(common))


def _deciding(slots: Sequence[tuple[int | None, Doubt]], found: dict[tuple[object, ...], tuple[object, ...]]
              ) -> list[str]:
    """The doubtful fields the outcome turns on: those where changing only that field's values changes it
    (a field the rule does not read never does, so the finding does not name it)."""
    names = sorted({d.field for _, d in slots})
    deciding = []
    for name in names:
        others = [i for i, (_, d) in enumerate(slots) if d.field != name]
        seen: dict[tuple[object, ...], tuple[object, ...]] = {}
        for choice, outcome in found.items():
            key = tuple(choice[i] for i in others)
            if seen.setdefault(key, outcome) != outcome:
                deciding.append(name)
                break
    return deciding


def _completed(posting: Posting, slots: Sequence[tuple[int | None, Doubt]], choice: Sequence[object]) -> Posting:
    """The posting with each doubtful value set to the chosen option (and no doubts left)."""
    posting_values: dict[str, object] = {}
    applicant_values: dict[int, dict[str, object]] = {}
    for (index, doubt), value in zip(slots, choice, strict=True):
        target = posting_values if index is None else applicant_values.setdefault(index, {})
        target[_ATTRIBUTE.get(doubt.field, doubt.field)] = value
    applicants: list[Applicant] = []
    for i, applicant in enumerate(posting.applicants):
        if applicant.doubts:
            applicant = replace(applicant, doubts=(), **applicant_values.get(i, {}))  # type: ignore[arg-type]
        applicants.append(applicant)
    return replace(posting, doubts=(), applicants=tuple(applicants), **posting_values)  # type: ignore[arg-type]


# posting fields whose attribute on ``Posting`` has another name than the field
_ATTRIBUTE = {"posting_title": "title"}


def matching(posting: Posting, rule: Rule, outcome: Outcome,
             justifications: Sequence[Justification]) -> list[Justification]:
    """The file justifications that speak to this breach: the posting's and rule's as a whole, or about an
    applicant the finding concerns."""
    concerned = {*outcome.applicants, *outcome.justified_by}
    return [j for j in justifications
            if j.posting_id == posting.posting_id and j.rule_id.casefold() == rule.id.casefold()
            and j.text.strip() and (j.applicant_id is None or j.applicant_id in concerned)]


def row_texts(posting: Posting, excused: Iterable[str]) -> tuple[str, ...]:
    """The written reasons on the shortlist rows of the applicants excused, in the posting's order."""
    named = set(excused)
    return tuple(dict.fromkeys(a.justification.strip() for a in posting.applicants
                               if a.applicant_id in named and a.justification and a.justification.strip()))


@dataclass(frozen=True)
class Excuse:
    """What the written justifications make of a breach."""

    outcome: Outcome
    rows: tuple[str, ...]  # the shortlist rows' texts that bear on it
    used: tuple[Justification, ...]
    excused: frozenset[str] = frozenset()  # applicants whose shortlist row's justification was used

    @property
    def written(self) -> bool:
        return bool(self.rows or self.used)


def excuse(posting: Posting, rule: Rule, outcome: Outcome, justifications: Sequence[Justification],
           context: Context) -> Excuse:
    """A justification excuses only whom it names.

    One for the posting and rule as a whole (a file entry without an applicant), or one about the
    applicant the finding turns on (say, the one chosen), excuses the finding. One tied to an
    applicant (a shortlist row, or a file entry with an applicant id) removes that applicant; the
    finding is ``justified`` only when the rule holds without the excused applicants, and otherwise
    stays what the rule then says, naming the others, with the justifications beside it.
    """
    from_file = matching(posting, rule, outcome, justifications)
    written = {a.applicant_id for a in posting.applicants if a.justification and a.justification.strip()}
    excused = ({*outcome.applicants, *outcome.justified_by} & written) | {
        j.applicant_id for j in from_file if j.applicant_id is not None}
    texts = row_texts(posting, excused)
    if not texts and not from_file:
        return Excuse(outcome, (), ())
    rows = frozenset(excused & written)
    whole = any(j.applicant_id is None for j in from_file) or bool(excused & set(outcome.justified_by))
    if whole:
        return Excuse(replace(outcome, status="justified"), texts, tuple(from_file), rows)
    rest = replace(posting, applicants=tuple(a for a in posting.applicants if a.applicant_id not in excused))
    after = evaluate_rule(rest, rule, context)
    if after.status in ("met", "not_applicable"):
        return Excuse(replace(outcome, status="justified"), texts, tuple(from_file), rows)
    return Excuse(after, texts, tuple(from_file), rows)


def severity_of(outcome: Outcome, rule: Rule) -> Severity:
    """A breach has the rule's severity ("advice": a suggestion not followed, which never fails a run)."""
    if outcome.status == "breach":
        return rule.severity
    return "warning" if outcome.status in ("review", "justified") else "info"


def judge(
    pack: RulePack,
    postings: Iterable[Posting],
    *,
    justifications: Sequence[Justification] = (),
    context: Context | None = None,
) -> Judgement:
    """Every rule of the pack on every posting, postings sorted by id and rules by id."""
    context = context or Context()
    used: set[int] = set()
    judged: list[PostingVerdicts] = []
    stale_rows: list[Justification] = []
    for posting in sorted(postings, key=lambda p: p.posting_id):
        verdicts: list[Verdict] = []
        rows_used: set[str] = set()
        for rule in sorted(pack.rules, key=lambda r: r.id):
            outcome = evaluate_rule(posting, rule, context)
            rows: tuple[str, ...] = ()
            entries: tuple[Justification, ...] = ()
            if outcome.status == "breach":
                excused = excuse(posting, rule, outcome, justifications, context)
                outcome, rows, entries = excused.outcome, excused.rows, excused.used
                used.update(id(j) for j in excused.used)
                rows_used |= excused.excused
            verdicts.append(Verdict(rule, outcome, severity_of(outcome, rule), rows, entries,
                                    judged_as_of(posting, rule, context)))
        judged.append(PostingVerdicts(posting, tuple(verdicts)))
        # a justification on a shortlist row that excused nobody is stale, and said, like a file's
        stale_rows += [Justification(posting.posting_id, "", a.justification.strip(), a.applicant_id)
                       for a in posting.applicants
                       if a.justification and a.justification.strip() and a.applicant_id not in rows_used]
    return Judgement(judged, [j for j in justifications if id(j) not in used] + stale_rows)

"""Findings in words: a verdict of the engine becomes a ``Finding`` with its message, for an audience.

Only the hr audience sees which applicants a finding concerns; a union representative gets the
reason's public wording (``checks.public_reason``), which never ties a declaration to a person.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date

from rekruttering.checks import Context, Outcome, Rule, public_reason
from rekruttering.checks.engine import PostingVerdicts, Verdict, judge
from rekruttering.checks.pack import RulePack
from rekruttering.models import Finding, Justification, Posting, PostingReport
from rekruttering.privacy import Audience
from rekruttering.words.catalogue import CATALOGUE, Lang, field_labels, format_date, format_number, group_label, text


@dataclass
class Evaluation:
    """The findings per posting, in words, and the justifications that excused nothing."""

    postings: list[PostingReport]
    unused: list[Justification] = field(default_factory=list)


def justification_entry(entry: Justification, lang: Lang) -> str:
    """A justification file's entry as shown: its text, then who wrote it and when."""
    signed = ", ".join(part for part in (entry.by, format_date(entry.on, lang) if entry.on else None) if part)
    return f"{entry.text.strip()} ({signed})" if signed else entry.text.strip()


def justification_text(verdict: Verdict, lang: Lang) -> str | None:
    """The written reasons: the shortlist rows of the applicants excused, then the file's entries."""
    texts = [*verdict.row_texts, *(justification_entry(j, lang) for j in verdict.file_entries)]
    unique = list(dict.fromkeys(texts))
    return " | ".join(unique) if unique else None


def describe(outcome: Outcome, rule: Rule, posting: Posting, lang: Lang, audience: Audience) -> str:
    """The finding's message before its notes on advice and dates; only the hr audience sees which
    applicants it concerns."""
    message = reason_text(outcome, rule, lang, audience)
    if audience == "hr" and outcome.applicants:
        message += " " + applicants_text(outcome, rule, ranks_of(posting), lang)
    return message


def ranks_of(posting: Posting) -> dict[str, float]:
    """The rank of each ranked applicant of the posting, by id."""
    return {a.applicant_id: a.rank for a in posting.applicants if a.rank is not None}


def reason_text(outcome: Outcome, rule: Rule, lang: Lang, audience: Audience) -> str:
    """The message's sentence about the reason, without the applicants it names."""
    params = dict(outcome.params)
    if "date" in params:
        params["date"] = format_date(params["date"], lang)
    if "type" in params:
        params["type"] = text(f"posting_type.{params['type']}", lang)
    if "groups" in params:
        params["groups"] = group_label(params["groups"].split(","), None, lang)
    if "metric" in params:
        params["detail"] = text(f"quotation.detail.{params['metric']}", lang,
                                gap=format_number(params["gap"], lang),
                                tolerance=format_number(params["tolerance"], lang))
    if "duty" in params:
        params["duty"] = text(f"quotation.duty.{params['duty']}", lang)
    for name in ("fields", "columns"):
        if name in params:
            params[name] = field_labels(params[name].split(","), lang)
    if "threshold" in params:
        params["threshold"] = format_number(params["threshold"], lang)
    key = f"{rule.check}.{outcome.reason}"
    if audience != "hr":
        public = public_reason(rule.check, outcome.reason)
        for candidate in (f"public.{rule.check}.{public}", f"public.common.{public}"):
            if candidate in CATALOGUE:
                key = candidate
                break
    message = text(
        key if key in CATALOGUE else f"common.{outcome.reason}", lang,
        group=group_label(rule.groups, rule.qualifier, lang), **params,
    )
    # how the rule's group or balance was approximated (not personal: every audience sees it)
    if "approximation" in outcome.params:
        message += " " + text(f"finding.approximation.{outcome.params['approximation']}", lang)
    if "balance" in outcome.params:
        message += " " + text(f"finding.balance.{outcome.params['balance']}", lang)
    return message


def applicants_text(outcome: Outcome, rule: Rule, ranks: Mapping[str, float], lang: Lang) -> str:
    """The message's sentence naming the applicants concerned (hr only), with their ranks where known."""
    listed = ", ".join(
        text("finding.applicant_rank", lang, id=i, rank=format_number(ranks[i], lang)) if i in ranks else i
        for i in outcome.applicants
    )
    key = f"finding.applicants.{rule.check}.{outcome.reason}"
    return text(key if key in CATALOGUE else f"finding.applicants.{outcome.status}", lang, applicants=listed)


class Wording:
    """Verdicts into findings for one report: a language, an audience and the run's context.

    A finding that names nobody and carries no justification reads the same on every posting with
    the same verdict, so it is made once and shared (findings are frozen); in a year's report that is
    most of them.
    """

    def __init__(self, lang: Lang, audience: Audience, context: Context) -> None:
        self.lang, self.audience, self.context = lang, audience, context
        self._made: dict[tuple[object, ...], Finding] = {}
        self._reasons: dict[tuple[object, ...], str] = {}

    def finding(self, verdict: Verdict, ranks: Callable[[], Mapping[str, float]]) -> Finding:
        """The verdict in words; ``ranks`` gives the posting's ranks by applicant id (asked only when the
        message names applicants)."""
        rule, outcome = verdict.rule, verdict.outcome
        hr = self.audience == "hr"
        names = hr and bool(outcome.applicants)
        written = bool(verdict.row_texts or verdict.file_entries)
        params = tuple(outcome.params.items())
        key = (id(rule), outcome.status, outcome.reason, params, verdict.severity, verdict.as_of)
        if not names and not written:
            found = self._made.get(key)
            if found is not None:
                return found
        reason_key = key[:4]
        message = self._reasons.get(reason_key)
        if message is None:
            message = self._reasons[reason_key] = reason_text(outcome, rule, self.lang, self.audience)
        if names:
            message += " " + applicants_text(outcome, rule, ranks(), self.lang)
        if verdict.severity == "advice":
            message += " " + text("finding.advice", self.lang)
        if verdict.as_of and self.context.as_of is not None:
            message += " " + text("finding.as_of", self.lang, date=format_date(self.context.as_of, self.lang))
        groups = list(rule.groups)
        made = Finding.model_construct(  # every value is of its field's type: validating 20,000 of them costs a second
            rule=rule.id,
            check=rule.check,
            group=None if not groups else groups[0] if len(groups) == 1 else groups,
            status=outcome.status,
            severity=verdict.severity,
            message=message,
            reason=outcome.reason if hr else public_reason(rule.check, outcome.reason),
            applicants=list(outcome.applicants) if hr else [],
            justification=justification_text(verdict, self.lang) if written else None,
        )
        if not names and not written:
            self._made[key] = made
        return made

    def report(self, posting_id: str, title: str | None, unit: str | None, deadline: date | None,
               posting_type: str, verdicts: Sequence[Verdict], ranks: Callable[[], Mapping[str, float]]
               ) -> PostingReport:
        """One posting's findings in words, from its facts (the typed ``Posting`` is not needed)."""
        return PostingReport.model_construct(posting_id=posting_id, title=title, unit=unit, deadline=deadline,
                                             posting_type=posting_type,
                                             findings=[self.finding(v, ranks) for v in verdicts])


def posting_report(judged: PostingVerdicts, lang: Lang, audience: Audience, context: Context,
                   wording: Wording | None = None) -> PostingReport:
    posting = judged.posting
    wording = wording or Wording(lang, audience, context)
    return wording.report(posting.posting_id, posting.title, posting.unit, posting.deadline,
                          posting.posting_type.value, judged.verdicts, lambda: ranks_of(posting))


def evaluate(
    pack: RulePack,
    postings: Iterable[Posting],
    *,
    lang: Lang = "nb",
    audience: Audience = "hr",
    justifications: Sequence[Justification] = (),
    context: Context | None = None,
) -> Evaluation:
    """Judge the postings (``checks.engine.judge``) and put every verdict into words."""
    context = context or Context()
    judgement = judge(pack, postings, justifications=justifications, context=context)
    wording = Wording(lang, audience, context)
    return Evaluation([posting_report(p, lang, audience, context, wording) for p in judgement.postings],
                      judgement.unused)

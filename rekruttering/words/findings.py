"""Findings in words: a verdict of the engine becomes a ``Finding`` with its message, for an audience.

Only the hr audience sees which applicants a finding concerns; a union representative gets the
reason's public wording (``checks.public_reason``), which never ties a declaration to a person.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

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
    """The finding's message; only the hr audience sees which applicants it concerns."""
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
    if audience == "hr" and outcome.applicants:
        ranks = {a.applicant_id: a.rank for a in posting.applicants if a.rank is not None}
        listed = ", ".join(
            text("finding.applicant_rank", lang, id=i, rank=format_number(ranks[i], lang)) if i in ranks else i
            for i in outcome.applicants
        )
        key = f"finding.applicants.{rule.check}.{outcome.reason}"
        message += " " + text(key if key in CATALOGUE else f"finding.applicants.{outcome.status}", lang,
                              applicants=listed)
    return message


def finding(verdict: Verdict, posting: Posting, lang: Lang, audience: Audience, context: Context) -> Finding:
    rule, outcome = verdict.rule, verdict.outcome
    groups = list(rule.groups)
    message = describe(outcome, rule, posting, lang, audience)
    if verdict.severity == "advice":
        message += " " + text("finding.advice", lang)
    if verdict.as_of and context.as_of is not None:
        message += " " + text("finding.as_of", lang, date=format_date(context.as_of, lang))
    return Finding(
        rule=rule.id,
        check=rule.check,
        group=None if not groups else groups[0] if len(groups) == 1 else groups,
        status=outcome.status,
        severity=verdict.severity,
        message=message,
        reason=outcome.reason if audience == "hr" else public_reason(rule.check, outcome.reason),
        applicants=list(outcome.applicants) if audience == "hr" else [],
        justification=justification_text(verdict, lang) if verdict.row_texts or verdict.file_entries else None,
    )


def posting_report(judged: PostingVerdicts, lang: Lang, audience: Audience, context: Context) -> PostingReport:
    posting = judged.posting
    return PostingReport(
        posting_id=posting.posting_id,
        title=posting.title,
        unit=posting.unit,
        deadline=posting.deadline,
        posting_type=posting.posting_type.value,
        findings=[finding(v, posting, lang, audience, context) for v in judged.verdicts],
    )


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
    return Evaluation([posting_report(p, lang, audience, context) for p in judgement.postings], judgement.unused)

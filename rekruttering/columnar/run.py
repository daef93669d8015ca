"""The two ways ``summary`` gets its numbers: typed (every posting through ``engine.evaluate``) and
column-wise (simple postings as arrays, the others typed), giving the same ``SummaryParts``."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

from rekruttering.checks import Context
from rekruttering.checks.pack import RulePack
from rekruttering.columnar.counts import (
    Keys,
    Levels,
    add_statuses,
    breaches,
    frame_tallies,
)
from rekruttering.columnar.counts import follow_up as follow_up_of
from rekruttering.columnar.facts import in_funnel_order
from rekruttering.columnar.frame import Frame, IntArray, split
from rekruttering.columnar.statuses import Statuses
from rekruttering.models import Justification, Posting
from rekruttering.privacy import Audience
from rekruttering.problems import ProblemLog
from rekruttering.read import join as ingest
from rekruttering.read.fields import ColumnMap
from rekruttering.read.textcolumns import TableKind
from rekruttering.summary.model import FollowUp, PostingCounts
from rekruttering.summary.report import (
    RuleCounts,
    follow_up,
    in_period,
    left_out_in_doubt,
    posting_counts,
    rule_counts,
)
from rekruttering.summary.yearly import PostingFacts, facts_of, needs_facts
from rekruttering.words.catalogue import Lang
from rekruttering.words.findings import evaluate

if TYPE_CHECKING:
    from rekruttering.read.sheet import RawSheet


def load(applicant_paths: Sequence[Path], shortlist_paths: Sequence[Path] = (), *, columns: ColumnMap,
         on_file: Callable[[Path], None] | None = None, side_files: Iterable[Path] = (),
         read_as: TableKind = "auto") -> ingest.Dataset:
    """``ingest.load``, with the simple postings left as columns in ``Dataset.frame``."""
    log = ProblemLog()
    sheets = ingest.read_exports(applicant_paths, shortlist_paths, columns=columns, log=log, on_file=on_file,
                                 side_files=side_files, read_as=read_as)
    return join_columnwise(sheets, log)


def join_columnwise(sheets: Sequence[tuple[RawSheet, ingest.SheetInfo]], log: ProblemLog) -> ingest.Dataset:
    """The sheets read (``ingest.read_exports``) as a dataset: simple postings in ``Dataset.frame``, the
    others joined typed."""
    coerced = [ingest.as_arrays(sheet) for sheet in ingest.coerce_all(sheets)]
    parts = split(coerced)
    joined = ingest.join(coerced, log, parts.rows)
    for sheet, used in zip(coerced, parts.used, strict=True):
        sheet.info.rows_used += used
    return replace(ingest.finish(joined, log, parts.frame.size), frame=parts.frame)


@dataclass
class SummaryParts:
    """Everything ``summary`` computes over the postings of the period, before disclosure control."""

    counts: PostingCounts
    rules: RuleCounts
    by_unit: RuleCounts
    by_month: RuleCounts
    follow_up: list[FollowUp]
    by_group: dict[str, Levels]  # per group (postings, categories, 4), see summary.report.posting_counts
    left_out: int
    unused: list[Justification]
    # per posting, in the order of ``by_group``: what the yearly rules need (empty when the pack has none)
    facts: list[PostingFacts] = field(default_factory=list)


def _unit(unit: str | None) -> str:
    return unit or "–"


def _month(deadline: date | None) -> str:
    return deadline.strftime("%Y-%m") if deadline else "–"


def _empty(counts: PostingCounts) -> SummaryParts:
    return SummaryParts(counts, {}, {}, {}, [], {}, 0, [])


def typed_parts(pack: RulePack, dataset: ingest.Dataset, start: date | None, end: date | None,
                groups: Sequence[str], missing: Sequence[str], *, lang: Lang, audience: Audience,
                justifications: Sequence[Justification], context: Context) -> SummaryParts:
    """The reference: every posting through ``engine.evaluate``."""
    kept, counts = in_period(dataset.postings, start, end)
    if not kept:
        return _empty(counts)
    evaluation = evaluate(pack, kept, lang=lang, audience=audience, justifications=justifications, context=context)
    reports = evaluation.postings
    return SummaryParts(
        counts, rule_counts(reports), rule_counts(reports, lambda r: _unit(r.unit)),
        rule_counts(reports, lambda r: _month(r.deadline)), follow_up(reports),
        posting_counts(kept, groups), left_out_in_doubt(kept, groups), evaluation.unused,
        [facts_of(p) for p in kept] if needs_facts(pack) else [])


def columnar_parts(pack: RulePack, dataset: ingest.Dataset, start: date | None, end: date | None,
                   groups: Sequence[str], missing: Sequence[str], *, lang: Lang, audience: Audience,
                   justifications: Sequence[Justification], context: Context) -> SummaryParts:
    """The same parts, with the frame's postings counted column-wise. A simple posting a file
    justification names is evaluated typed, with the complex ones, so that ``engine`` excuses it."""
    frame = dataset.frame
    kept, counts = in_period(dataset.postings, start, end)
    deadline = np.array([d if d is not None else np.datetime64("NaT") for d in frame.deadline],
                        dtype="datetime64[D]")
    undated = np.isnat(deadline)
    outside = np.zeros(frame.size, dtype=bool)
    if start is not None:
        outside |= ~undated & (deadline < np.datetime64(start, "D"))
    if end is not None:
        outside |= ~undated & (deadline > np.datetime64(end, "D"))
    in_frame = ~undated & ~outside
    dates = [d for d, o in zip(frame.deadline, outside.tolist(), strict=True) if o and d is not None]
    firsts = [d for d in (counts.first_outside, min(dates, default=None)) if d is not None]
    lasts = [d for d in (counts.last_outside, max(dates, default=None)) if d is not None]
    counts = PostingCounts(in_period=counts.in_period + int(in_frame.sum()),
                           outside_period=counts.outside_period + int(outside.sum()),
                           without_deadline=counts.without_deadline + int(undated.sum()),
                           first_outside=min(firsts, default=None), last_outside=max(lasts, default=None))
    if not counts.in_period:
        return _empty(counts)

    statuses = Statuses(frame, context)
    named = {j.posting_id for j in justifications}
    excused = np.array([i in named for i in frame.posting_ids], dtype=bool) & in_frame
    typed = [*kept, *(statuses.typed(i) for i in np.flatnonzero(excused).tolist())]
    evaluation = evaluate(pack, typed, lang=lang, audience=audience, justifications=justifications,
                          context=context)
    reports = evaluation.postings
    rules, by_unit, by_month = (rule_counts(reports), rule_counts(reports, lambda r: _unit(r.unit)),
                                rule_counts(reports, lambda r: _month(r.deadline)))
    counted = in_frame & ~excused
    chosen = np.flatnonzero(counted)
    units = Keys.of([_unit(u) for u in frame.unit])
    months = Keys.of([_month(d) for d in frame.deadline])
    found: list[tuple[str, str, int | FollowUp]] = [(f.posting_id, f.rule, f) for f in follow_up(reports)]
    for rule in pack.rules:
        rule_statuses = statuses.rule(rule, counted)
        add_statuses(rules, rule_statuses, None, chosen)
        add_statuses(by_unit, rule_statuses, units, chosen)
        add_statuses(by_month, rule_statuses, months, chosen)
        found += [(frame.posting_ids[i], rule.id, i) for i in breaches(rule_statuses, chosen)]

    per_group, left_out = funnel_arrays(frame, np.flatnonzero(in_frame), kept, groups)
    facts = in_funnel_order(kept, frame, np.flatnonzero(in_frame)) if needs_facts(pack) else []
    return SummaryParts(counts, rules, by_unit, by_month, follow_up_of(frame, found),
                        per_group, left_out, evaluation.unused, facts)


def funnel_arrays(frame: Frame, in_frame: IntArray, typed: Sequence[Posting], groups: Sequence[str]
                  ) -> tuple[dict[str, Levels], int]:
    """The funnel's input: per group an array (postings, categories, 4) of how many applications of each
    category ended at each level, over the frame's postings at ``in_frame`` and the ``typed`` ones, sorted
    by posting id as the typed path orders them; and how many applications were left out for a value in
    doubt (only typed postings have doubts)."""
    from_frame = frame_tallies(frame, groups, in_frame)
    from_typed = posting_counts(typed, groups)
    ids = [*(p.posting_id for p in typed), *(frame.posting_ids[i] for i in in_frame.tolist())]
    order = np.array(sorted(range(len(ids)), key=ids.__getitem__), dtype=np.int64)
    return ({g: np.concatenate([from_typed[g], from_frame[g]])[order] for g in groups},
            left_out_in_doubt(typed, groups))

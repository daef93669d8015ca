"""The yearly rules' facts per posting (``summary.yearly.PostingFacts``) for the frame's simple postings:
unit, type, job level and employment type from the frame's lists; a trainee posting (a handful a year)
through its typed ``Posting``, so that its hires are read as the typed path reads them."""

from __future__ import annotations

from collections.abc import Sequence

from rekruttering.columnar.frame import Frame, IntArray
from rekruttering.models import Posting, PostingType
from rekruttering.read.fields import Field
from rekruttering.summary.yearly import PostingFacts, facts_of


def frame_facts(frame: Frame, postings: IntArray) -> list[PostingFacts]:
    """The facts of the frame's postings at ``postings`` (indices), in that order."""
    out: list[PostingFacts] = []
    for index in postings.tolist():
        kind = frame.posting_type[index]
        if kind is PostingType.trainee:
            out.append(facts_of(frame.posting(index)))
        else:
            out.append(PostingFacts(frame.unit[index], kind, frame.level_of(index), frame.employment_of(index),
                                    deadline=frame.deadline[index],
                                    offered=frame.process_cell(Field.declaration_offered, index)))
    return out


def in_funnel_order(typed: Sequence[Posting], frame: Frame, postings: IntArray) -> list[PostingFacts]:
    """The facts of the ``typed`` postings and the frame's at ``postings``, sorted by posting id as
    ``run.funnel_arrays`` orders the funnel's counts."""
    ids = [*(p.posting_id for p in typed), *(frame.posting_ids[i] for i in postings.tolist())]
    facts = [*(facts_of(p) for p in typed), *frame_facts(frame, postings)]
    return [facts[k] for k in sorted(range(len(ids)), key=ids.__getitem__)]

"""``check`` over many postings: the simple ones judged column-wise (``verdicts``), the others through the
typed reference (``words.findings.evaluate``), giving the findings the typed path gives, in its order.

A simple posting that a justification file names is judged typed, with the complex ones, so that
``engine`` excuses it and says which justifications were used.
"""

from __future__ import annotations

import heapq
from collections.abc import Sequence

import numpy as np

from rekruttering.checks import Context
from rekruttering.checks.pack import RulePack
from rekruttering.columnar.frame import Frame
from rekruttering.columnar.statuses import Statuses
from rekruttering.columnar.verdicts import FrameVerdicts
from rekruttering.models import Justification, Posting, PostingReport
from rekruttering.privacy import Audience
from rekruttering.words.catalogue import Lang
from rekruttering.words.findings import Evaluation, Wording, evaluate


def evaluate_columnwise(pack: RulePack, frame: Frame, typed: Sequence[Posting], *, lang: Lang, audience: Audience,
                        justifications: Sequence[Justification], context: Context) -> Evaluation:
    """``words.findings.evaluate`` over the typed postings and the frame's, sorted by posting id."""
    statuses = Statuses(frame, context)
    named = {j.posting_id for j in justifications}
    excused = np.fromiter((i in named for i in frame.posting_ids), dtype=bool, count=frame.size)
    evaluation = evaluate(pack, [*typed, *(statuses.typed(i) for i in np.flatnonzero(excused).tolist())],
                          lang=lang, audience=audience, justifications=justifications, context=context)
    judged = FrameVerdicts(statuses, pack.rules, ~excused)
    wording = Wording(lang, audience, context)
    reports = [wording.report(frame.posting_ids[i], frame.title[i], frame.unit[i], frame.deadline[i],
                              frame.posting_type[i].value, judged.verdicts(i), judged.ranks_of(i))
               for i in np.flatnonzero(~excused).tolist()]
    merged: list[PostingReport] = list(heapq.merge(evaluation.postings, reports, key=lambda p: p.posting_id))
    return Evaluation(merged, evaluation.unused)

"""HR's follow-up list: per unjustified interview breach, the applicants to invite, best ranked first.

Built from the ``CheckReport`` as a document ``Table`` (one row per applicant), so every format can
show it; the check document adds it for the ``hr`` audience only. The union representatives' report
never names applicants, and its findings carry none.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from rekruttering.models import CheckReport, Finding
from rekruttering.render.document import Cell, Table, row
from rekruttering.words.catalogue import Lang, format_date, format_number, text

# the checks whose breach names the qualified declared applicants who were not invited: the ones to invite
# (a quotation or reservation breach names the ones passed over or chosen, who are not to be invited)
TO_INVITE = frozenset({"interview_minimum"})

_ID, _RANK = "\x00id\x00", "\x00rank\x00"
_NUMBER = r"(-?[0-9]+(?:[.,][0-9]+)?(?:e[-+]?[0-9]+)?)"


def ranks(finding: Finding, lang: Lang) -> dict[str, float]:
    """The rank of each applicant the finding names, where its message gives one.

    The report keeps ranks only in the HR message ("S-1042 (rang 4)", catalogue key
    ``finding.applicant_rank``), so they are read back from there with that same template.
    """
    template = re.escape(text("finding.applicant_rank", lang, id=_ID, rank=_RANK))
    found: dict[str, float] = {}
    for applicant in finding.applicants:
        # an id stands alone: not the tail of a longer id ("XS-1" is not "S-1")
        pattern = r"(?<![^\s,:;(])" + template.replace(re.escape(_ID), re.escape(applicant)).replace(
            re.escape(_RANK), _NUMBER)
        match = re.search(pattern, finding.message)
        if match:
            try:
                found[applicant] = float(match.group(1).replace(",", "."))
            except ValueError:  # pragma: no cover - the pattern only takes numbers
                continue
    return found


def to_invite(report: CheckReport) -> list[tuple[str, Finding, str, float | None]]:
    """(posting id, finding, applicant id, rank or None) for every applicant to invite, in report order:
    postings as listed, findings as listed, applicants as the finding names them (best ranked first)."""
    lang: Lang = "en" if report.lang == "en" else "nb"
    if report.audience != "hr":
        return []
    found = []
    for posting in report.postings:
        for finding in posting.findings:
            if (finding.status != "breach" or finding.severity == "advice" or finding.check not in TO_INVITE
                    or not finding.applicants):
                continue
            known: Mapping[str, float] = ranks(finding, lang)
            found += [(posting.posting_id, finding, a, known.get(a)) for a in finding.applicants]
    return found


def table(report: CheckReport, lang: Lang) -> Table | None:
    """The follow-up table, or None when there is nobody to invite (or the audience is not HR)."""
    postings = {p.posting_id: p for p in report.postings}
    rows = []
    for posting_id, finding, applicant, rank in to_invite(report):
        posting = postings[posting_id]
        rows.append(row([
            posting.posting_id, posting.title, posting.unit,
            format_date(posting.deadline, lang) if posting.deadline else "", finding.rule, applicant,
            Cell(format_number(rank, lang), number=rank) if rank is not None else "",
        ]))
    if not rows:
        return None
    return Table(
        name=text("sheet.follow_up", lang),
        title=text("report.follow_up_title", lang),
        columns=tuple(text(k, lang) for k in ("report.posting", "report.posting_title", "report.unit",
                                             "report.deadline_col", "report.rule", "report.applicant_id",
                                             "report.rank")),
        rows=tuple(rows),
        group_by=5,
        note=text("report.follow_up_note", lang),
    )

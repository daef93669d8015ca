"""A union representative cannot tell "nobody declared" from "declared, but not qualified", whatever the
posting's 'Egenerklæring tilbudt' says (blank included), on the typed and the column-wise path."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from rekruttering.checks import Context, InterviewRule
from rekruttering.checks.pack import load_pack, shipped_packs
from rekruttering.columnar.frame import Frame
from rekruttering.columnar.statuses import Statuses
from rekruttering.models import Applicant, Posting, PostingType
from rekruttering.read.fields import PROCESS_FIELDS, SPECS
from rekruttering.words.findings import evaluate

PACKS = [load_pack(name) for name in shipped_packs()]
INTERVIEW = [(pack, rule) for pack in PACKS for rule in pack.rules if isinstance(rule, InterviewRule)]
# the exports have every applicant column and every process column: a blank 'Egenerklæring tilbudt' is a blank answer
FIELDS = frozenset(f.value for f, s in SPECS.items() if s.level == "applicant") | {f.value for f in PROCESS_FIELDS}
CONTEXT = Context(fields=FIELDS, as_of=date(2025, 6, 1))
not_yes = st.sampled_from([False, None])  # an explicit no, or no answer


@st.composite
def others(draw: st.DrawFn, group: str, index: int) -> Applicant:
    """An applicant who did not declare the group (no, or blank)."""
    yes_no = st.sampled_from([True, False, None])
    return Applicant(applicant_id=f"S-{index}", qualified=draw(yes_no), withdrawn=draw(yes_no),
                     invited=draw(yes_no), recommended=draw(yes_no), hired=draw(yes_no),
                     rank=draw(st.one_of(st.none(), st.integers(1, 9).map(float))),
                     country_group=draw(st.sampled_from(["1", "2", None])), **{group: draw(not_yes)})


@st.composite
def pairs(draw: st.DrawFn) -> tuple[int, Posting, Posting]:
    """One interview rule, and a posting where nobody declared its group beside the same posting where one
    applicant who is not qualified declared it."""
    which = draw(st.integers(0, len(INTERVIEW) - 1))
    group = INTERVIEW[which][1].groups[0]
    people = [draw(others(group, i)) for i in range(draw(st.integers(0, 5)))]
    x = Applicant(applicant_id="X", qualified=False, withdrawn=draw(st.sampled_from([False, None, True])),
                  invited=draw(st.sampled_from([False, None, True])),
                  country_group=draw(st.sampled_from(["1", "2", None])), **{group: False})
    posting = Posting(posting_id="P-1", deadline=date(2025, 3, 1),
                      posting_type=draw(st.sampled_from([PostingType.external, PostingType.trainee])),
                      applicants=tuple([*people, x]), has_shortlist=True,
                      declaration_offered=draw(st.sampled_from([True, False, None])))
    # X's no turned into a yes: whether every applicant answered is the same for both
    return which, posting, replace(posting, applicants=(*people, replace(x, **{group: True})))


def public(which: int, posting: Posting) -> tuple[str, str, str]:
    pack, rule = INTERVIEW[which]
    [report] = evaluate(pack, [posting], audience="tillitsvalgt", context=CONTEXT).postings
    finding = next(f for f in report.findings if f.rule == rule.id)
    return finding.status, finding.reason, finding.message


@given(pairs())
@settings(max_examples=400, deadline=None)
def test_tillitsvalgt_reads_the_same_whether_nobody_declared_or_nobody_declared_is_qualified(
        pair: tuple[int, Posting, Posting]) -> None:
    which, nobody, not_qualified = pair
    assert public(which, nobody) == public(which, not_qualified)
    rule = INTERVIEW[which][1]
    for posting in (nobody, not_qualified):  # the column-wise path gives the same status
        found = Statuses(Frame.of([posting]), CONTEXT).rule(rule)
        assert found.status_of(0) == public(which, posting)[0]


def test_a_blank_offered_cell_is_review_both_ways_even_where_everyone_answered() -> None:
    pack, rule = next((p, r) for p, r in INTERVIEW if r.id == "SA01")
    which = INTERVIEW.index((pack, rule))
    base = Posting(posting_id="P-1", deadline=date(2025, 3, 1), has_shortlist=True, applicants=(
        Applicant(applicant_id="A", qualified=True, invited=True, immigrant_background=False),
        Applicant(applicant_id="X", qualified=False, invited=False, immigrant_background=False)))
    declared = replace(base, applicants=(base.applicants[0], replace(base.applicants[1], immigrant_background=True)))
    blank = replace(base, applicants=(replace(base.applicants[0], immigrant_background=None), base.applicants[1]))
    blank_declared = replace(declared, applicants=(blank.applicants[0], declared.applicants[1]))
    # everyone answered (base, declared) or someone left it blank: the union representative reads the same
    for posting in (base, declared, blank, blank_declared):
        assert public(which, posting)[:2] == ("review", "needs_judgement")
    offered = replace(base, declaration_offered=True)  # said yes: nobody qualified declared, not applicable
    assert public(which, offered)[:2] == public(which, replace(declared, declaration_offered=True))[:2] == (
        "not_applicable", "no_qualified_declared")

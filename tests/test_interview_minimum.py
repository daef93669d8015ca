"""interview_minimum semantics that need a hand-built rule (parameters no shipped pack uses)."""

from __future__ import annotations

from rekruttering.checks import Context
from rekruttering.checks.interview import InterviewRule, interview_minimum
from rekruttering.models import Applicant, Posting


def rule(**extra: object) -> InterviewRule:
    return InterviewRule.model_validate({
        "id": "T01", "check": "interview_minimum", "group": "immigrant_background",
        "title": {"nb": "t", "en": "t"}, "text": {"nb": "t", "en": "t"},
        "source": {"document": "d", "section": "s", "summary": {"nb": "s", "en": "s"}}, **extra,
    })


def applicant(name: str, *, invited: bool, qualified: bool | None = True) -> Applicant:
    return Applicant(name, qualified=qualified, immigrant_background=True, invited=invited)


def test_minimum_two_with_one_invited_is_a_breach() -> None:
    posting = Posting("P", applicants=(applicant("A", invited=True), applicant("B", invited=False)))
    outcome = interview_minimum(posting, rule(min_invited=2), Context())
    assert (outcome.status, outcome.applicants) == ("breach", ("B",))


def test_minimum_two_with_two_invited_is_met() -> None:
    posting = Posting("P", applicants=(applicant("A", invited=True), applicant("B", invited=True),
                                       applicant("C", invited=False)))
    assert interview_minimum(posting, rule(min_invited=2), Context()).status == "met"


def test_minimum_above_the_pool_is_met_when_all_qualified_are_invited() -> None:
    posting = Posting("P", applicants=(applicant("A", invited=True), applicant("N", invited=False, qualified=False)))
    assert interview_minimum(posting, rule(min_invited=3), Context()).status == "met"


def test_default_minimum_is_one() -> None:
    posting = Posting("P", applicants=(applicant("A", invited=False),))
    outcome = interview_minimum(posting, rule(), Context())
    assert outcome.status == "breach"
    assert outcome.params["min"] == "1"

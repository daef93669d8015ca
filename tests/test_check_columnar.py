"""``check`` gives the same report column-wise as through the typed reference: the same findings, words
and applicants for every rule case and for generated postings, and the same report, in every format,
from generated exports with awkward rows and from the sample exports, for both audiences."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_conformance import ALL_RULES, HEADER, SHORT, SIMPLE_CASES, _write, contexts, exports, postings
from test_rule_cases import RULES, build_context, build_posting

from rekruttering.api import Options, check
from rekruttering.checks import Context
from rekruttering.checks.pack import RulePack, load_pack
from rekruttering.columnar.check import evaluate_columnwise
from rekruttering.columnar.frame import Frame
from rekruttering.errors import InputError
from rekruttering.models import Justification, Posting
from rekruttering.render import render_report
from rekruttering.render.check_document import build
from rekruttering.words.findings import evaluate

AUDIENCES = ("hr", "tillitsvalgt")
NOW = datetime(2026, 1, 1, 12, 0)


def assert_same_findings(pack: RulePack, postings: list[Posting], context: Context,
                         justifications: tuple[Justification, ...] = ()) -> None:
    """The typed postings (without doubts) judged column-wise and typed give the same findings, in words."""
    for audience in AUDIENCES:
        for lang in ("nb", "en"):
            typed = evaluate(pack, postings, lang=lang, audience=audience, justifications=justifications,
                             context=context)
            columnar = evaluate_columnwise(pack, Frame.of(postings), [], lang=lang, audience=audience,
                                           justifications=justifications, context=context)
            assert [p.model_dump() for p in columnar.postings] == [p.model_dump() for p in typed.postings]
            assert columnar.unused == typed.unused


@pytest.mark.parametrize(("rule_id", "case"), SIMPLE_CASES, ids=[f"{r}: {c['name']}" for r, c in SIMPLE_CASES])
def test_rule_case_checked_column_wise(rule_id: str, case: dict[str, Any]) -> None:
    pack, rule = RULES[rule_id]
    context = replace(build_context(case), as_of=date(2025, 6, 1))
    assert_same_findings(replace(pack, rules=(rule,)), [build_posting(case, rule)], context)


@given(st.integers(1, 6).flatmap(lambda n: st.tuples(*(postings(i) for i in range(n)))), contexts(),
       st.sampled_from(["staten", "oslo", "bergen", "sarpsborg"]))
@settings(max_examples=150, deadline=None)
def test_generated_postings_checked_column_wise(drawn: tuple[Posting, ...], context: Context, name: str) -> None:
    every = replace(load_pack(name), rules=tuple(ALL_RULES))
    assert_same_findings(every, list(drawn), context)


@given(st.integers(1, 4).flatmap(lambda n: st.tuples(*(postings(i) for i in range(n)))), contexts())
@settings(max_examples=60, deadline=None)
def test_a_posting_a_justification_names_is_excused_as_typed(drawn: tuple[Posting, ...], context: Context) -> None:
    """A justification file's entry for a simple posting: judged typed, so it excuses as the engine does."""
    written = tuple(Justification(p.posting_id, rule.id, "Begrunnet", applicant)
                    for p in drawn[:2] for rule in ALL_RULES[:3]
                    for applicant in (None, *(a.applicant_id for a in p.applicants[:1])))
    assert_same_findings(replace(load_pack("staten"), rules=tuple(ALL_RULES)), list(drawn), context, written)


# --- the whole report, from files --------------------------------------------------------------------------

def _report(paths: list[Path], shortlists: list[Path], options: Options, columnar: bool) -> Any:
    try:
        return check(paths, shortlists, options, now=NOW, columnar=columnar)
    except InputError as error:
        return [p.code for p in error.problems]


def assert_same_report(paths: list[Path], shortlists: list[Path], options: Options,
                       formats: tuple[str, ...] = ("json",)) -> None:
    columnar, typed = (_report(paths, shortlists, options, c) for c in (True, False))
    if isinstance(typed, list):
        assert columnar == typed
        return
    for fmt in formats:
        assert render_report(columnar, fmt, lambda: build(columnar)) == render_report(typed, fmt,
                                                                                     lambda: build(typed)), fmt


@given(exports(), st.sampled_from(["staten", "oslo", "bergen", "sarpsborg"]), st.sampled_from(AUDIENCES),
       st.booleans(), st.sampled_from([None, date(2025, 6, 1)]))
@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_check_is_the_same_column_wise(tmp_path: Path, data: tuple[list[list[str]], list[list[str]], list[str]],
                                       rules: str, audience: str, forced: bool, as_of: date | None) -> None:
    rows, short, extra = data
    paths = [_write(tmp_path / "soekere.csv", [*HEADER, *extra], rows)]
    shortlists = [_write(tmp_path / "kortliste.csv", SHORT, short)] if short else []
    if not forced:
        paths, shortlists = [*paths, *shortlists], []
    options = Options(rules=rules, audience=audience, as_of=as_of)  # type: ignore[arg-type]
    assert_same_report(paths, shortlists, options, ("json", "text"))


SAMPLES = Path(__file__).parent.parent / "samples"


@pytest.mark.parametrize("audience", AUDIENCES)
@pytest.mark.parametrize("rules", ["staten", "oslo", "sarpsborg", "bergen"])
def test_the_sample_year_is_checked_the_same_column_wise(rules: str, audience: str) -> None:
    year = SAMPLES / "aar-2025"
    options = Options(rules=rules, audience=audience, justifications=year / "begrunnelser.csv",  # type: ignore[arg-type]
                      workforce=year / "arbeidsstyrke.csv", lang="en" if rules == "oslo" else "nb")
    assert_same_report([year], [], options, ("json", "text", "markdown", "html"))


@pytest.mark.parametrize("audience", AUDIENCES)
def test_the_sample_before_interviews_is_checked_the_same_column_wise(audience: str) -> None:
    folder = SAMPLES / "for-intervju"
    options = Options(rules="staten", audience=audience, statuses=("breach", "review"))  # type: ignore[arg-type]
    assert_same_report([folder / "soekere.xlsx"], [folder / "intervju.xlsx"], options, ("json", "text", "markdown"))


def test_pseudonyms_are_the_same_column_wise() -> None:
    year = SAMPLES / "aar-2025"
    options = Options(rules="staten", pseudonym_key=b"k" * 32, justifications=year / "begrunnelser.csv")
    assert_same_report([year], [], options)

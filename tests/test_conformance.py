"""The column-wise path gives what the typed reference gives: status, reason and applicants per posting
and rule, for every rule case and for generated postings; and ``summary`` the same report either way."""

from __future__ import annotations

import csv
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_rule_cases import CASES, RULES, build_context, build_posting

from rekruttering.api import SummaryOptions, summarise
from rekruttering.checks import Context, Headcount, Rule
from rekruttering.checks.engine import evaluate_rule
from rekruttering.checks.pack import load_pack, shipped_packs
from rekruttering.columnar.frame import Frame
from rekruttering.columnar.run import load as load_columnar
from rekruttering.columnar.statuses import Statuses
from rekruttering.errors import InputError
from rekruttering.keys import job_group_key
from rekruttering.models import Applicant, Posting, PostingType
from rekruttering.read.columns import load_column_map
from rekruttering.read.fields import PROCESS_FIELDS, SPECS
from rekruttering.read.join import load
from rekruttering.read.values import parse_id, parse_ids

ALL_RULES = [rule for name in shipped_packs() for rule in load_pack(name).rules]


def simple(posting: Posting) -> bool:
    """What the column-wise path takes: nothing in doubt, no row set aside, no written justification."""
    return not posting.doubts and not posting.rows_set_aside and not any(
        a.doubts or (a.justification and a.justification.strip()) for a in posting.applicants)


def assert_same(postings: list[Posting], rules: list[Rule], context: Context) -> None:
    statuses = Statuses(Frame.of(postings), context)
    ordered = sorted(postings, key=lambda p: p.posting_id)
    for rule in rules:
        found = statuses.rule(rule)
        for index, posting in enumerate(ordered):
            expected = evaluate_rule(posting, rule, context)
            got = (found.status_of(index), found.reason_of(index), statuses.applicants(found, index))
            assert got == (expected.status, expected.reason, expected.applicants), (rule.id, posting)


SIMPLE_CASES = [(r, c) for r, c in CASES if simple(build_posting(c, RULES[r][1]))]


def test_most_rule_cases_are_simple_enough_to_compare() -> None:
    assert len(SIMPLE_CASES) >= len(CASES) // 2


@pytest.mark.parametrize(("rule_id", "case"), SIMPLE_CASES, ids=[f"{r}: {c['name']}" for r, c in SIMPLE_CASES])
def test_rule_case_column_wise(rule_id: str, case: dict[str, Any]) -> None:
    _, rule = RULES[rule_id]
    assert_same([build_posting(case, rule)], [rule], build_context(case))


yes_no = st.sampled_from([True, False, None])
# scores and ranks close to the tolerances (5 % of the best score, one rank place), and a best score of 0
SCORES = st.sampled_from([None, 0.0, 50.0, 94.9, 94.905, 95.0, 95.1, 99.9, 100.0, 3.3, 3.135])
RANKS = st.sampled_from([None, 1.0, 2.0, 3.0, 1.5, 2.5, 4.0])


@st.composite
def applicants(draw: st.DrawFn, index: int) -> Applicant:
    return Applicant(
        applicant_id=draw(st.sampled_from(["A", "b", "C", "a10", "a9"])) + f"-{index}",
        qualified=draw(yes_no), immigrant_background=draw(yes_no),
        country_group=draw(st.sampled_from(["1", "2", None])), disability=draw(yes_no), cv_gap=draw(yes_no),
        non_western=draw(st.sampled_from([None, None, None, True, False])),
        gender=draw(st.sampled_from(["kvinne", "mann", "annet", None])), withdrawn=draw(yes_no),
        invited=draw(yes_no), rank=draw(RANKS), score=draw(SCORES),
        recommended=draw(yes_no), hired=draw(st.sampled_from([None, False, False, True])),
    )


@st.composite
def postings(draw: st.DrawFn, number: int) -> Posting:
    size = draw(st.integers(0, 8))
    return Posting(
        posting_id=f"P-{number}", title="Rådgiver", unit=draw(st.sampled_from(["Økonomi", "IT", None])),
        deadline=draw(st.one_of(st.none(), st.dates(date(2015, 1, 1), date(2030, 12, 31)))),
        posting_type=draw(st.sampled_from(list(PostingType))),
        reserved_for=draw(st.sampled_from([None, "nedsatt funksjonsevne", "hull i CV", "kvinner", "noe annet", " ",
                                           "nedsatt funksjonsevne, hull i CV", "ikke-vestlig bakgrunn"])),
        underrepresented_gender=draw(st.sampled_from([None, None, "kvinne", "mann"])),
        job_group=draw(st.sampled_from([None, "Rådgivere", "Ledere"])),
        applicants=tuple(draw(applicants(i)) for i in range(size)),
        has_shortlist=draw(st.booleans()),
        ad_statement=draw(yes_no), declaration_offered=draw(yes_no), union_involved=draw(yes_no),
    )


@st.composite
def contexts(draw: st.DrawFn) -> Context:
    workforce = draw(st.sampled_from([{}, {"økonomi": Headcount(3, 9)},
                                      {"økonomi": Headcount(5, 5), "it": Headcount(9, 1)},
                                      {"økonomi": Headcount(5, 5), job_group_key("Rådgivere"): Headcount(1, 9)}]))
    every = frozenset(f.value for f, s in SPECS.items() if s.level == "applicant")
    process = frozenset(f.value for f in PROCESS_FIELDS)
    fields = draw(st.sampled_from([None, every, every - {"disability"}, every - {"qualified"},
                                   every - {"non_western"}, every | process,
                                   every | (process - {"declaration_offered"})]))
    return Context(workforce, fields, draw(st.sampled_from([None, date(2025, 6, 1)])))


@given(st.integers(1, 6).flatmap(lambda n: st.tuples(*(postings(i) for i in range(n)))), contexts())
@settings(max_examples=300, deadline=None)
def test_generated_postings_column_wise(drawn: tuple[Posting, ...], context: Context) -> None:
    assert_same(list(drawn), ALL_RULES, context)


# the posting-level kinds, and interview rules whose posting types and groups the column-wise path has always
# followed, on postings with every combination of the process cells ('Egenerklæring tilbudt' and the others)
POSTING_LEVEL_RULES = [rule for rule in ALL_RULES if rule.check in ("ad_statement", "union_involvement")
                       or rule.id in ("OS01", "ST01", "ST02")]


@given(st.integers(1, 6).flatmap(lambda n: st.tuples(*(postings(i) for i in range(n)))), contexts())
@settings(max_examples=300, deadline=None)
def test_posting_level_rules_column_wise(drawn: tuple[Posting, ...], context: Context) -> None:
    assert {r.check for r in POSTING_LEVEL_RULES} == {"ad_statement", "union_involvement", "interview_minimum"}
    assert_same(list(drawn), POSTING_LEVEL_RULES, context)


# --- the whole summary, from files with simple and complex postings ----------------------------------

HEADER = ["Stillings-ID", "Enhet", "Søknadsfrist", "Utlysningstype", "Søker-ID", "Kvalifisert", "Innvandrerbakgrunn",
          "Landgruppe", "Nedsatt funksjonsevne", "Hull i CV", "Kjønn", "Trukket"]
# columns an export may have besides: a declared non-western background (without it Bergen's rules
# approximate it by country group), the job group, and what a post is reserved for; and the posting's
# process columns (the ad's diversity statement, self-declaration offered, union representative involved);
# and the job level and employment type the yearly rules split by
EXTRA = ["Ikke-vestlig bakgrunn (egenerklært)", "Stillingsgruppe", "Reservert for"]
PROCESS = ["Mangfoldserklæring i annonsen", "Egenerklæring tilbudt", "Tillitsvalgt deltatt"]
LEVELS = ["Lederstilling", "Ansettelsesform"]
SHORT = ["Stillings-ID", "Søker-ID", "Innkalt til intervju", "Rangering", "Poeng", "Innstilt", "Ansatt",
         "Begrunnelse", "Kvalifisert"]
ANSWER = st.sampled_from(["Ja"] * 5 + ["Nei"] * 5 + [""] * 4 + ["kanskje"])  # "kanskje" cannot be read


@st.composite
def exports(draw: st.DrawFn) -> tuple[list[list[str]], list[list[str]], list[str]]:
    rows: list[list[str]] = []
    short: list[list[str]] = []
    extra = (draw(st.sampled_from([[], EXTRA, EXTRA[1:]])) + draw(st.sampled_from([[], PROCESS]))
             + draw(st.sampled_from([[], LEVELS])))
    for p in range(draw(st.integers(1, 6))):
        unit = draw(st.sampled_from(["Økonomi", "IT", ""]))
        deadline = draw(st.sampled_from(["01.03.2025", "15.09.2025", "", "31.12.2024"]))
        kind = draw(st.sampled_from(["ekstern", "ekstern", "intern", "reservert", "trainee"]))
        job_group = draw(st.sampled_from(["Rådgivere", "Ledere", ""]))
        reserved_for = draw(st.sampled_from(["", "", "nedsatt funksjonsevne", "ikke-vestlig bakgrunn"]))
        process = [draw(st.sampled_from(["Ja", "Ja", "Nei", "", "kanskje"])) for _ in range(3)]
        levels = [draw(st.sampled_from(["Ja", "Nei", "Nei", "", "mellomleder", "kanskje"])),
                  draw(st.sampled_from(["Fast", "Fast", "Vikariat", "", "Midlertidig", "kanskje"]))]
        for a in range(draw(st.integers(1, 6))):
            applicant = f"S-{p}-{a}" if draw(st.integers(0, 9)) else ""  # now and then a row without its id
            posting = f"P-{p}" if draw(st.integers(0, 19)) else ""  # a row whose posting is unknown
            row = [posting, unit, deadline, kind, applicant,
                   draw(st.sampled_from(["Ja", "Ja", "Nei", ""])), draw(ANSWER), draw(st.sampled_from(["1", "2", ""])),
                   draw(st.sampled_from(["Ja", "Nei", ""])), draw(st.sampled_from(["Ja", "Nei", ""])),
                   draw(st.sampled_from(["kvinne", "mann", ""])), draw(st.sampled_from(["Nei", "", "Ja"]))]
            cells = {EXTRA[0]: draw(ANSWER), EXTRA[1]: job_group, EXTRA[2]: reserved_for,
                     # the posting's process cells, now and then blank on a row or (rarely) another answer
                     **{name: draw(st.sampled_from([cell] * 8 + ["", "Nei"])) for name, cell in zip(PROCESS, process,
                                                                                                  strict=True)},
                     # the posting's level and employment type, now and then blank on a row
                     **{name: draw(st.sampled_from([cell] * 8 + [""])) for name, cell in zip(LEVELS, levels,
                                                                                           strict=True)}}
            row += [cells[name] for name in extra]
            rows.append(row)
            if not draw(st.integers(0, 15)):
                rows.append(list(row))  # the same row twice
            if applicant and draw(st.booleans()):
                short.append([f"P-{p}", applicant, draw(st.sampled_from(["Ja", "Nei"])), str(a + 1),
                              draw(st.sampled_from(["", "90", "95", "99,9", "100"])),
                              draw(st.sampled_from(["", "Nei", "Ja"])), draw(st.sampled_from(["", "Nei", "Ja"])),
                              draw(st.sampled_from(["", "", "", "Trakk seg"])),
                              draw(st.sampled_from(["", "", "", "Nei"]))])  # "Nei" may disagree with the list
    return rows, short, extra


def _write(path: Path, header: list[str], rows: list[list[str]]) -> Path:
    with path.open("w", newline="", encoding="utf-8") as handle:
        csv.writer(handle, delimiter=";").writerows([header, *rows])
    return path


def _summary(paths: list[Path], shortlists: list[Path], options: SummaryOptions, columnar: bool) -> Any:
    try:
        report = summarise(paths, shortlists, options, now=datetime(2026, 1, 1), columnar=columnar)
    except InputError as error:
        return [p.code for p in error.problems]
    return report.model_dump(mode="json")


@given(exports(), st.sampled_from(["staten", "oslo", "bergen", "sarpsborg"]),
       st.sampled_from([(None, None), (date(2025, 1, 1), date(2025, 6, 30))]), st.booleans())
@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_summary_is_the_same_column_wise(tmp_path: Path, data: tuple[list[list[str]], list[list[str]], list[str]],
                                         rules: str, period: tuple[date | None, date | None], forced: bool) -> None:
    rows, short, extra = data
    paths = [_write(tmp_path / "soekere.csv", [*HEADER, *extra], rows)]
    # a shortlist given as one (its qualification column confirms the list's), or read as a second list
    shortlists = [_write(tmp_path / "kortliste.csv", SHORT, short)] if short else []
    if not forced:
        paths, shortlists = [*paths, *shortlists], []
    options = SummaryOptions(rules=rules, start=period[0], end=period[1], min_cell=1)
    assert _summary(paths, shortlists, options, True) == _summary(paths, shortlists, options, False)


@given(st.lists(st.one_of(st.text(max_size=12), st.from_regex(r"[A-Za-z0-9 .,+\-eE\u200b]{0,12}", fullmatch=True))))
@settings(max_examples=300, deadline=None)
def test_ids_read_column_wise_as_one_by_one(texts: list[str]) -> None:
    assert parse_ids(texts) == [parse_id(t) for t in texts]


SAMPLES = Path(__file__).parent.parent / "samples"


@pytest.mark.parametrize("rules", ["staten", "oslo", "bergen", "sarpsborg"])
def test_the_sample_year_is_the_same_column_wise(rules: str) -> None:
    """The sample year has postings of both kinds; with its justifications and workforce, the reports agree."""
    year = SAMPLES / "aar-2025"
    dataset = load_columnar([year], columns=load_column_map(None))
    assert dataset.frame.size > 100 and len(dataset.postings) > 10
    assert dataset.frame.size + len(dataset.postings) == len(load([year], columns=load_column_map(None)).postings)
    options = SummaryOptions(rules=rules, justifications=year / "begrunnelser.csv",
                             workforce=year / "arbeidsstyrke.csv")
    assert _summary([year], [], options, True) == _summary([year], [], options, False)

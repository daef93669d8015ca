"""Properties of the rule engine that must hold for every input, checked with hypothesis."""

from __future__ import annotations

import csv
import json
import random
from dataclasses import replace
from datetime import date
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from rekruttering.checks import Context, Headcount
from rekruttering.checks.pack import RulePack, load_pack, shipped_packs
from rekruttering.models import Applicant, Posting, PostingType
from rekruttering.words.findings import evaluate

from conftest import run

PACKS = [load_pack(name) for name in shipped_packs()]
CONTEXT = Context({"økonomi": Headcount(3, 9)})
yes_no = st.sampled_from([True, False, None])


@st.composite
def applicants(draw: st.DrawFn, prefix: str = "S") -> Applicant:
    return Applicant(
        applicant_id=f"{prefix}-{draw(st.integers(0, 10_000))}",
        qualified=draw(yes_no), immigrant_background=draw(yes_no),
        country_group=draw(st.sampled_from(["1", "2", None])), disability=draw(yes_no), cv_gap=draw(yes_no),
        gender=draw(st.sampled_from(["kvinne", "mann", None])), withdrawn=draw(st.sampled_from([False, None, True])),
        invited=draw(st.booleans()), rank=draw(st.one_of(st.none(), st.integers(1, 40).map(float))),
        score=draw(st.one_of(st.none(), st.floats(0, 100, allow_nan=False))),
        recommended=draw(st.sampled_from([None, False, True])), hired=draw(st.sampled_from([None, False, True])),
        justification=draw(st.sampled_from([None, "", "  ", "Trakk seg"])),
    )


@st.composite
def postings(draw: st.DrawFn) -> Posting:
    people = draw(st.lists(applicants(), max_size=12, unique_by=lambda a: a.applicant_id))
    return Posting(
        posting_id="P-1", title="Rådgiver", unit="Økonomi",
        deadline=draw(st.one_of(st.none(), st.dates(date(2015, 1, 1), date(2030, 12, 31)))),
        posting_type=draw(st.sampled_from(list(PostingType))),
        reserved_for=draw(st.sampled_from([None, "nedsatt funksjonsevne", "hull i CV", "kvinner"])),
        underrepresented_gender=draw(st.sampled_from([None, "kvinne", "mann"])), applicants=tuple(people),
    )


def statuses(pack: RulePack, posting: Posting, lang: str = "nb") -> dict[str, str]:
    [report] = evaluate(pack, [posting], lang=lang, context=CONTEXT).postings  # type: ignore[arg-type]
    return {f.rule: f.status for f in report.findings}


@given(postings(), st.randoms())
@settings(max_examples=200, deadline=None)
def test_permuting_applicants_changes_no_verdict(posting: Posting, rng: random.Random) -> None:
    shuffled = list(posting.applicants)
    rng.shuffle(shuffled)
    for pack in PACKS:
        assert statuses(pack, posting) == statuses(pack, replace(posting, applicants=tuple(shuffled)))


@given(postings(), applicants(prefix="N"))
@settings(max_examples=300, deadline=None)
def test_an_applicant_who_declared_nothing_never_turns_met_into_breach(posting: Posting, extra: Applicant) -> None:
    silent = replace(extra, immigrant_background=None, country_group=None, disability=None, cv_gap=None, gender=None,
                     hired=None, recommended=None, invited=False)
    for pack in PACKS:
        before = statuses(pack, posting)
        after = statuses(pack, replace(posting, applicants=(*posting.applicants, silent)))
        for rule in pack.rules:
            if rule.check == "interview_minimum" and before[rule.id] == "met":
                assert after[rule.id] != "breach", rule.id


@given(postings())
@settings(max_examples=300, deadline=None)
def test_inviting_one_more_qualified_declared_applicant_never_turns_met_into_breach(posting: Posting) -> None:
    for pack in PACKS:
        before = statuses(pack, posting)
        for rule in pack.rules:
            if rule.check != "interview_minimum" or before[rule.id] != "met":
                continue
            group = rule.groups[0]
            for i, a in enumerate(posting.applicants):
                if getattr(a, group) is True and a.qualified is True and not a.invited:
                    people = list(posting.applicants)
                    people[i] = replace(a, invited=True)
                    after = statuses(pack, replace(posting, applicants=tuple(people)))
                    assert after[rule.id] != "breach", rule.id


@given(postings())
@settings(max_examples=200, deadline=None)
def test_bokmal_and_english_reports_carry_the_same_statuses(posting: Posting) -> None:
    for pack in PACKS:
        assert statuses(pack, posting, "nb") == statuses(pack, posting, "en")


# --- through the command line, on files --------------------------------------------------------------

HEADER = ["Stillings-ID", "Enhet", "Søknadsfrist", "Søker-ID", "Kvalifisert", "Innvandrerbakgrunn",
          "Nedsatt funksjonsevne", "Hull i CV", "Kjønn"]
SHORT = ["Stillings-ID", "Søker-ID", "Innkalt til intervju", "Rangering", "Ansatt", "Begrunnelse"]
CELL = {True: "Ja", False: "Nei", None: ""}


@st.composite
def exports(draw: st.DrawFn) -> tuple[list[list[str]], list[list[str]]]:
    rows, short = [], []
    for p in range(draw(st.integers(1, 5))):
        for a in range(draw(st.integers(1, 6))):
            flags = [draw(yes_no) for _ in range(4)]
            rows.append([f"P-{p}", "Økonomi", "01.03.2025", f"S-{p}-{a}", *(CELL[f] for f in flags),
                         draw(st.sampled_from(["kvinne", "mann", ""]))])
            if draw(st.booleans()):
                short.append([f"P-{p}", f"S-{p}-{a}", CELL[draw(st.booleans())], str(a + 1),
                              CELL[draw(st.sampled_from([None, True]))], draw(st.sampled_from(["", "Trakk seg"]))])
    return rows, short


def _write(path: Path, header: list[str], rows: list[list[str]]) -> Path:
    with path.open("w", newline="", encoding="utf-8") as handle:
        csv.writer(handle, delimiter=";").writerows([header, *rows])
    return path


@given(exports(), st.randoms())
@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_permuting_rows_and_files_and_summary_equals_check(tmp_path: Path, data: tuple[list[list[str]],
                                                           list[list[str]]], rng: random.Random) -> None:
    rows, short = data
    runner = CliRunner()
    first_a, first_s = _write(tmp_path / "a.csv", HEADER, rows), _write(tmp_path / "k.csv", SHORT, short)
    mixed_rows, mixed_short = rows[:], short[:]
    rng.shuffle(mixed_rows)
    rng.shuffle(mixed_short)
    second_a, second_s = _write(tmp_path / "b.csv", HEADER, mixed_rows), _write(tmp_path / "l.csv", SHORT, mixed_short)
    one = run(runner, "check", first_a, first_s, "-r", "staten", "-f", "json")[1]
    two = run(runner, "check", second_s, second_a, "-r", "staten", "-f", "json")[1]  # files in the other order
    assert json.loads(one)["postings"] == json.loads(two)["postings"]
    summary = json.loads(run(runner, "summary", first_a, first_s, "-r", "staten", "-f", "json")[1])
    counted: dict[str, dict[str, int]] = {}
    for posting in json.loads(one)["postings"]:
        for finding in posting["findings"]:
            counted.setdefault(finding["rule"], {}).setdefault(finding["status"], 0)
            counted[finding["rule"]][finding["status"]] += 1
    for row in summary["rules"]:
        assert {k: v for k, v in counted[row["rule"]].items()} == {
            s: row[s] for s in ("met", "breach", "justified", "review", "not_applicable") if row[s]}

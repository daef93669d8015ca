"""Input you can trust: unknown is never no, no verdict depends on order, every file that can change a
verdict is named, and the dates a deadline can have."""

from __future__ import annotations

import csv
import itertools
import json
import random
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from rekruttering.checks import Context, Headcount
from rekruttering.checks.engine import _decide, evaluate_rule
from rekruttering.checks.pack import load_pack, shipped_packs
from rekruttering.models import Applicant, Doubt, Posting, PostingType
from rekruttering.read.fields import Field
from rekruttering.read.join import unreadable
from rekruttering.read.values import excel_serial, parse_date, parse_deadline

from conftest import run, write_csv

RULES = [rule for name in shipped_packs() for rule in load_pack(name).rules]
CONTEXT = Context({"økonomi": Headcount(3, 9)})
YES_NO = st.sampled_from([True, False, None])
DOUBTABLE = ["qualified", "immigrant_background", "disability", "cv_gap", "withdrawn", "invited", "hired",
             "recommended", "gender", "country_group", "rank"]


@st.composite
def applicants(draw: st.DrawFn, index: int) -> Applicant:
    person = Applicant(
        applicant_id=f"S-{index}", qualified=draw(YES_NO), immigrant_background=draw(YES_NO),
        country_group=draw(st.sampled_from(["1", "2", None])), disability=draw(YES_NO), cv_gap=draw(YES_NO),
        gender=draw(st.sampled_from(["kvinne", "mann", None])), withdrawn=draw(st.sampled_from([False, None, True])),
        invited=draw(st.booleans()), rank=float(index + 1), recommended=draw(YES_NO), hired=draw(YES_NO),
    )
    fields = draw(st.lists(st.sampled_from(DOUBTABLE), max_size=1))
    doubts = tuple(unreadable(Field(f)) for f in fields)
    return replace(person, doubts=doubts, **{f: None for f in fields})


@st.composite
def doubtful_postings(draw: st.DrawFn) -> Posting:
    count = draw(st.integers(1, 5))
    people = tuple(draw(applicants(i)) for i in range(count))
    doubts: tuple[Doubt, ...] = ()
    if draw(st.booleans()):
        doubts = (Doubt("posting_type", (PostingType.external, PostingType.internal), "conflict"),)
    return Posting("P-1", "Rådgiver", "Økonomi", date(2025, 3, 1),
                   draw(st.sampled_from([PostingType.external, PostingType.reserved])),
                   reserved_for=draw(st.sampled_from([None, "nedsatt funksjonsevne"])), applicants=people,
                   doubts=doubts)


def completions(posting: Posting) -> list[Posting]:
    """Every posting the doubtful one could be, with each doubt settled one way."""
    slots = [(None, d) for d in posting.doubts] + [(i, d) for i, a in enumerate(posting.applicants) for d in a.doubts]
    out = []
    for choice in itertools.product(*(d.options for _, d in slots)):
        people = list(posting.applicants)
        changes: dict[str, Any] = {}
        for (index, doubt), value in zip(slots, choice, strict=True):
            if index is None:
                changes[doubt.field] = value
            else:
                people[index] = replace(people[index], doubts=(), **{doubt.field: value})
        people = [replace(a, doubts=()) for a in people]
        out.append(replace(posting, doubts=(), applicants=tuple(people), **changes))
    return out


@given(doubtful_postings())
@settings(max_examples=150, deadline=None)
def test_unknown_values_never_decide_a_verdict_they_could_change(posting: Posting) -> None:
    """Soundness: a verdict other than review holds for every value the unknown cells could have had."""
    possible = completions(posting)
    for rule in RULES:
        outcome = evaluate_rule(posting, rule, CONTEXT)
        settled = {(o.status, o.reason, tuple(sorted(o.params.items())))
                   for o in (_decide(p, rule, CONTEXT) for p in possible)}
        if outcome.status == "review" and outcome.reason in ("value_unknown", "conflicting_input"):
            assert len(settled) > 1, rule.id  # reviewed only because the unknown values could change it
        else:
            assert settled == {(outcome.status, outcome.reason, tuple(sorted(outcome.params.items())))}, rule.id


def test_a_posting_with_too_many_unknowns_is_reviewed_without_trying_them() -> None:
    people = tuple(Applicant(f"S-{i}", immigrant_background=True, qualified=True, invited=None,
                             doubts=(unreadable(Field.invited),)) for i in range(12))
    rule = next(r for r in RULES if r.id == "SA01")
    outcome = evaluate_rule(Posting("P-1", applicants=people), rule, CONTEXT)
    assert (outcome.status, outcome.reason) == ("review", "value_unknown")
    assert len(outcome.applicants) == 12


# --- order: rows shuffled, files swapped, shortlists split ------------------------------------------------

HEADER = ["Stillings-ID", "Enhet", "Søknadsfrist", "Utlysningstype", "Søker-ID", "Kvalifisert",
          "Innvandrerbakgrunn", "Nedsatt funksjonsevne", "Hull i CV", "Kjønn"]
SHORT = ["Stillings-ID", "Søker-ID", "Innkalt til intervju", "Rangering", "Ansatt"]
CELL = {True: "Ja", False: "Nei", None: ""}
ODD = st.sampled_from(["Ja (tlf)", "ja?", "kanskje"])


@st.composite
def exports(draw: st.DrawFn) -> tuple[list[list[str]], list[list[str]]]:
    """Applicant and shortlist rows with duplicates, conflicts, odd values and posting-level disagreements."""
    rows: list[list[str]] = []
    short: list[list[str]] = []
    for p in range(draw(st.integers(1, 4))):
        kind = draw(st.sampled_from(["ekstern", "ekstern", "intern"]))
        for a in range(draw(st.integers(1, 5))):
            cells = [draw(st.one_of(YES_NO.map(CELL.__getitem__), ODD)) if draw(st.integers(0, 9)) == 0
                     else CELL[draw(YES_NO)] for _ in range(4)]
            row = [f"P-{p}", "Økonomi", "01.03.2025", kind, f"S-{p}-{a}", *cells, draw(st.sampled_from(["kvinne", ""]))]
            rows.append(row)
            if draw(st.integers(0, 5)) == 0:  # the same application again, maybe saying something else
                rows.append([*row[:5], CELL[draw(YES_NO)], *row[6:]])
            if draw(st.integers(0, 7)) == 0:  # the posting's type in dispute
                rows[-1] = [*row[:3], "intern" if kind == "ekstern" else "ekstern", *row[4:]]
            if draw(st.booleans()):
                invited = draw(st.one_of(st.booleans().map(CELL.__getitem__), ODD))
                short.append([f"P-{p}", f"S-{p}-{a}", invited, str(a + 1), CELL[draw(st.sampled_from([None, True]))]])
                if draw(st.integers(0, 4)) == 0:
                    short.append([f"P-{p}", f"S-{p}-{a}", CELL[draw(st.booleans())], str(a + 1), ""])
    return rows, short


def _write(path: Path, header: list[str], rows: list[list[str]]) -> Path:
    with path.open("w", newline="", encoding="utf-8") as handle:
        csv.writer(handle, delimiter=";").writerows([header, *rows])
    return path


def _verdicts(runner: CliRunner, applicant_files: list[Path], shortlist_files: list[Path],
              pack: str = "staten") -> dict[str, Any]:
    args: list[str | Path] = ["check", *applicant_files]
    for path in shortlist_files:
        args += ["--shortlist", path]
    code, out, err = run(runner, *args, "-r", pack, "-f", "json", "--no-fail")
    if code == 2:  # refused (a column that holds no declarations): refused whatever the order, for the same reason
        return {"refused": sorted(line.split(": ", 1)[-1] for line in err.splitlines()[1:-1])}
    assert code == 0, err
    report = json.loads(out)
    return {p["posting_id"]: [(f["rule"], f["status"], f["reason"], f["applicants"]) for f in p["findings"]]
            for p in report["postings"]}


@given(exports(), st.randoms())
@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_no_verdict_depends_on_the_order_of_rows_or_files(tmp_path: Path, data: tuple[list[list[str]],
                                                          list[list[str]]], rng: random.Random) -> None:
    """The same rows in the same files, each file's rows shuffled and the files given in another order."""
    rows, short = data
    runner = CliRunner()
    parts = [rows[0::2], rows[1::2]], [short[0::2], short[1::2]]

    def files(tag: str, shuffle: bool) -> tuple[list[Path], list[Path]]:
        made = []
        for kind, header, halves in (("a", HEADER, parts[0]), ("k", SHORT, parts[1])):
            paths = []
            for i, half in enumerate(halves):
                half = half[:]
                if shuffle:
                    rng.shuffle(half)
                paths.append(_write(tmp_path / f"{tag}-{kind}{i}.csv", header, half))
            if shuffle:
                paths.reverse()
            made.append(paths)
        return made[0], made[1]

    assert _verdicts(runner, *files("first", False)) == _verdicts(runner, *files("second", True))


def test_two_shortlists_that_disagree_give_the_same_review_in_either_order(runner: CliRunner, tmp_path: Path) -> None:
    applicants = write_csv(tmp_path / "a.csv", [["Stillings-ID", "Søker-ID", "Kvalifisert", "Innvandrerbakgrunn"],
                                                ["P-1", "S-1", "Ja", "Ja"], ["P-1", "S-2", "Ja", "Nei"]])
    one = write_csv(tmp_path / "k1.csv", [["Stillings-ID", "Søker-ID", "Innkalt"], ["P-1", "S-1", "Ja"]])
    two = write_csv(tmp_path / "k2.csv", [["Stillings-ID", "Søker-ID", "Innkalt"], ["P-1", "S-1", "Nei"],
                                          ["P-1", "S-2", "Ja"]])
    for order in ([one, two], [two, one]):
        verdicts = _verdicts(runner, [applicants], order, "oslo")
        assert verdicts["P-1"][0] == ("OS01", "review", "conflicting_input", ["S-1"])


def test_a_conflict_is_worded_for_each_audience(runner: CliRunner, tmp_path: Path) -> None:
    applicants = write_csv(tmp_path / "a.csv", [["Stillings-ID", "Søker-ID", "Kvalifisert", "Innvandrerbakgrunn"],
                                                ["P-1", "S-1", "Ja", "Ja"], ["P-1", "S-2", "Ja", "Nei"]])
    one = write_csv(tmp_path / "k1.csv", [["Stillings-ID", "Søker-ID", "Innkalt"], ["P-1", "S-1", "Ja"]])
    two = write_csv(tmp_path / "k2.csv", [["Stillings-ID", "Søker-ID", "Innkalt"], ["P-1", "S-1", "Nei"]])
    base = ["check", applicants, "-s", one, "-s", two, "-r", "oslo", "-f", "json"]
    hr = json.loads(run(runner, *base, "--lang", "en")[1])
    [finding] = [f for f in hr["postings"][0]["findings"] if f["rule"] == "OS01"]
    assert finding["status"] == "review" and finding["applicants"] == ["S-1"]
    assert "rows or files disagree about invited to interview" in finding["message"]
    assert any(w["code"] == "row.conflict" for w in hr["warnings"])
    union = json.loads(run(runner, *base, "--audience", "tillitsvalgt")[1])
    [finding] = [f for f in union["postings"][0]["findings"] if f["rule"] == "OS01"]
    assert finding["status"] == "review" and finding["applicants"] == [] and "S-1" not in json.dumps(union)
    assert finding["message"] == "Kan ikke avgjøres ut fra eksportene; saksbehandler må rette inndata."


# --- provenance: every file that can change a verdict ------------------------------------------------------


def test_a_config_file_in_the_working_folder_is_named_with_what_it_brought(
        runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    applicants = write_csv(tmp_path / "a.csv", [["Stillings-ID", "Søker-ID", "Kvalifisert", "Innvandrerbakgrunn"],
                                                ["P-1", "S-1", "Ja", "Ja"], ["P-1", "S-2", "Ja", "Nei"]])
    shortlist = write_csv(tmp_path / "k.csv", [["Stillings-ID", "Søker-ID", "Innkalt"], ["P-1", "S-2", "Ja"]])
    write_csv(tmp_path / "begrunnelser.csv", [["Stillings-ID", "Regel", "Begrunnelse"],
                                              ["P-1", "OS01", "Søkeren trakk seg før innkalling"]])
    (tmp_path / "kolonner.toml").write_text('[aliases]\ninvited = ["Innkalt"]\n', encoding="utf-8")
    (tmp_path / "rekruttering.toml").write_text(
        'rules = "oslo"\njustifications = "begrunnelser.csv"\ncolumns = "kolonner.toml"\n', encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    code, out, _ = run(runner, "check", applicants, "-s", shortlist, "-f", "json")
    report = json.loads(out)
    assert code == 0 and report["postings"][0]["findings"][0]["status"] == "justified"
    named = {(Path(i["file"]).name, i["role"]) for i in report["inputs"]}
    assert {("rekruttering.toml", "config"), ("begrunnelser.csv", "justifications"),
            ("kolonner.toml", "columns")} <= named
    assert all(len(i["sha256"]) == 64 for i in report["inputs"])


def test_a_rule_pack_given_by_path_is_named_and_fingerprinted(runner: CliRunner, tmp_path: Path) -> None:
    pack = tmp_path / "min-pakke.toml"
    pack.write_text((Path(__file__).parent.parent / "rules" / "oslo.toml").read_text(encoding="utf-8"),
                    encoding="utf-8")
    applicants = write_csv(tmp_path / "a.csv", [["Stillings-ID", "Søker-ID", "Kvalifisert", "Innvandrerbakgrunn"],
                                                ["P-1", "S-1", "Ja", "Ja"]])
    shortlist = write_csv(tmp_path / "k.csv", [["Stillings-ID", "Søker-ID", "Innkalt"], ["P-1", "S-1", "Ja"]])
    code, out, _ = run(runner, "check", applicants, "-s", shortlist, "-r", pack, "-f", "json")
    import hashlib

    [ref] = [i for i in json.loads(out)["inputs"] if i["role"] == "rule_pack"]
    assert code == 0 and ref["sha256"] == hashlib.sha256(pack.read_bytes()).hexdigest()


# --- dates ----------------------------------------------------------------------------------------------


@pytest.mark.parametrize(("serial", "expected"), [
    (1, date(1900, 1, 1)), (59, date(1900, 2, 28)), (60, None), (61, date(1900, 3, 1)),
    (45717, date(2025, 3, 1)), (2_958_465, date(9999, 12, 31)), (2_958_466, None), (0, None),
])
def test_excel_serials_on_both_sides_of_the_1900_leap_year_bug(serial: int, expected: date | None) -> None:
    assert excel_serial(serial) == expected


@pytest.mark.parametrize("text", ["2025", "1990", "202503", "20250301", "01.01.0001", "31.12.9999", "31.12.1989",
                                  "01.01.2101", "1", "60", "03/25/2025", "31.02.2025"])
def test_implausible_deadlines_are_unknown(text: str) -> None:
    assert parse_deadline(text) == (None, False)


@pytest.mark.parametrize(("text", "expected"), [
    ("01.03.2025", date(2025, 3, 1)), ("1.3.2025", date(2025, 3, 1)), ("01/03/2025", date(2025, 3, 1)),
    ("2025-03-01", date(2025, 3, 1)), ("45717", date(2025, 3, 1)), ("45717.5", date(2025, 3, 1)),
    ("01.01.1990", date(1990, 1, 1)), ("31.12.2100", date(2100, 12, 31)), ("", None),
])
def test_plausible_deadlines_are_read(text: str, expected: date | None) -> None:
    assert parse_deadline(text) == (expected, True)


def test_mixed_separators_are_no_date() -> None:
    assert parse_date("01.03/2025") == (None, False)


def test_the_union_report_says_how_many_input_warnings_it_withholds(runner: CliRunner, tmp_path: Path) -> None:
    applicants = write_csv(tmp_path / "a.csv", [["Stillings-ID", "Søker-ID", "Kvalifisert", "Innvandrerbakgrunn"],
                                                ["P-1", "S-1", "Ja", "Ja"], ["P-1", "S-2", "kanskje", "Nei"]])
    shortlist = write_csv(tmp_path / "k.csv", [["Stillings-ID", "Søker-ID", "Innkalt"], ["P-1", "S-1", "Ja (tlf)"]])
    base = ["check", applicants, "-s", shortlist, "-r", "oslo", "--audience", "tillitsvalgt"]
    report = json.loads(run(runner, *base, "-f", "json")[1])
    assert report["warnings"] == [] and report["warnings_withheld"] == 2
    _, out, _ = run(runner, *base, "--lang", "en")
    assert "2 input warnings are withheld from this report" in " ".join(out.split())
    hr = json.loads(run(runner, "check", applicants, "-s", shortlist, "-r", "oslo", "-f", "json")[1])
    assert len(hr["warnings"]) == 2 and hr["warnings_withheld"] == 0


# --- found by attacking the reader: nothing set aside or unreadable may decide a verdict -----------------


def test_a_row_set_aside_makes_its_posting_review_not_met(runner: CliRunner, tmp_path: Path) -> None:
    header = ["Stillings-ID", "Utlysningstype", "Reservert for", "Søker-ID", "Kvalifisert", "Innvandrerbakgrunn",
              "Nedsatt funksjonsevne", "Hull i CV"]
    applicants = write_csv(tmp_path / "a.csv", [header, ["P1", "reservert", "nedsatt funksjonsevne", "S1", "ja", "nei",
                                                         "ja", "nei"],
                                                ["P1", "reservert", "nedsatt funksjonsevne", "S2", "ja", "nei", "nei",
                                                 "nei"]])
    (tmp_path / "k.csv").write_text("Stillings-ID;Søker-ID;Innkalt til intervju\nP1;S1;ja\nP1;S2;ja;x\n",
                                    encoding="utf-8")
    code, out, _ = run(runner, "check", applicants, "-s", tmp_path / "k.csv", "-r", "oslo", "-f", "json")
    [finding] = [f for f in json.loads(out)["postings"][0]["findings"] if f["rule"] == "OS02"]
    assert (code, finding["status"], finding["reason"]) == (0, "review", "rows_set_aside")


def test_a_row_whose_posting_cannot_be_read_makes_every_posting_of_its_sheet_review(runner: CliRunner,
                                                                                     tmp_path: Path) -> None:
    applicants = write_csv(tmp_path / "a.csv", [["Stillings-ID", "Søker-ID", "Kvalifisert", "Innvandrerbakgrunn"],
                                                ["P1", "S1", "ja", "nei"], ["", "S2", "ja", "ja"],
                                                ["P2", "S3", "ja", "ja"]])
    shortlist = write_csv(tmp_path / "k.csv", [["Stillings-ID", "Søker-ID", "Innkalt"], ["P1", "S1", "ja"],
                                               ["P2", "S3", "ja"]])
    _, out, _ = run(runner, "check", applicants, "-s", shortlist, "-r", "oslo", "-f", "json")
    assert {p["posting_id"]: p["findings"][0]["status"] for p in json.loads(out)["postings"]} == {
        "P1": "review", "P2": "review"}


@pytest.mark.parametrize("answer", ["ukjent", "Ønsker ikke å oppgi", "vet ikke"])
def test_unknown_is_no_answer_to_an_invitation(runner: CliRunner, tmp_path: Path, answer: str) -> None:
    applicants = write_csv(tmp_path / "a.csv", [["Stillings-ID", "Søker-ID", "Kvalifisert", "Innvandrerbakgrunn"],
                                                ["P1", "S1", "ja", "ja"], ["P1", "S2", "ja", "nei"]])
    shortlist = write_csv(tmp_path / "k.csv", [["Stillings-ID", "Søker-ID", "Innkalt til intervju"],
                                               ["P1", "S1", answer], ["P1", "S2", "ja"]])
    _, out, _ = run(runner, "check", applicants, "-s", shortlist, "-r", "oslo", "-f", "json")
    report = json.loads(out)
    assert report["postings"][0]["findings"][0]["status"] == "review"
    assert [w["code"] for w in report["warnings"]] == ["value.bad_yesno"]


@pytest.mark.parametrize("value", ["2025", "31.12.9999", "1899-12-31"])
def test_a_date_option_must_be_a_plausible_date(runner: CliRunner, tmp_path: Path, value: str) -> None:
    applicants = write_csv(tmp_path / "a.csv", [["Stillings-ID", "Søker-ID", "Kvalifisert", "Innvandrerbakgrunn"],
                                                ["P1", "S1", "ja", "ja"]])
    shortlist = write_csv(tmp_path / "k.csv", [["Stillings-ID", "Søker-ID", "Innkalt"], ["P1", "S1", "ja"]])
    code, _, err = run(runner, "check", applicants, "-s", shortlist, "-r", "oslo", "--as-of", value, "--lang", "en")
    assert code == 2 and f"--as-of {value}: invalid date" in err
    code, _, err = run(runner, "summary", applicants, "-s", shortlist, "-r", "oslo", "--from", value)
    assert code == 2 and f"--from {value}: ugyldig dato" in err


def test_utf32_text_is_read_as_utf32(runner: CliRunner, tmp_path: Path) -> None:
    (tmp_path / "a.csv").write_bytes("Stillings-ID;Søker-ID;Kvalifisert;Innvandrerbakgrunn\nP1;S1;ja;ja\n"
                                     .encode("utf-32"))
    (tmp_path / "k.csv").write_bytes("Stillings-ID;Søker-ID;Innkalt\nP1;S1;ja\n".encode("utf-32"))
    code, out, err = run(runner, "check", tmp_path / "a.csv", "-s", tmp_path / "k.csv", "-r", "oslo", "-f", "json")
    report = json.loads(out)
    assert code == 0 and [p["posting_id"] for p in report["postings"]] == ["P1"], err
    assert report["postings"][0]["findings"][0]["status"] == "met" and report["warnings"] == []


def test_the_justifications_file_counts_its_entries(runner: CliRunner, tmp_path: Path) -> None:
    applicants = write_csv(tmp_path / "a.csv", [["Stillings-ID", "Søker-ID", "Kvalifisert", "Innvandrerbakgrunn"],
                                                ["P1", "S1", "ja", "ja"], ["P1", "S2", "ja", "nei"]])
    shortlist = write_csv(tmp_path / "k.csv", [["Stillings-ID", "Søker-ID", "Innkalt"], ["P1", "S2", "ja"]])
    reasons = write_csv(tmp_path / "b.csv", [["Stillings-ID", "Regel", "Søker-ID", "Begrunnelse"],
                                             ["P1", "OS01", "S1", "Trakk seg per telefon"], ["P1", "OS01", "", "  "]])
    _, out, _ = run(runner, "check", applicants, "-s", shortlist, "-r", "oslo", "--justifications", reasons,
                    "-f", "json")
    [ref] = [i for i in json.loads(out)["inputs"] if i["role"] == "justifications"]
    assert (ref["rows"], ref["rows_used"], ref["rows_set_aside"]) == (2, 1, 1)


def test_a_shortlist_justification_that_excuses_nobody_is_listed(runner: CliRunner, tmp_path: Path) -> None:
    applicants = write_csv(tmp_path / "a.csv", [["Stillings-ID", "Søker-ID", "Kvalifisert", "Innvandrerbakgrunn"],
                                                ["P1", "S1", "ja", "ja"], ["P1", "S2", "ja", "nei"]])
    shortlist = write_csv(tmp_path / "k.csv", [["Stillings-ID", "Søker-ID", "Innkalt", "Begrunnelse"],
                                               ["P1", "S2", "ja", "Vi innkalte ikke S1 fordi ..."]])
    code, out, _ = run(runner, "check", applicants, "-s", shortlist, "-r", "sarpsborg", "-f", "json", "--lang", "en")
    report = json.loads(out)
    assert code == 1 and report["postings"][0]["findings"][0]["status"] == "breach"
    assert [(u["posting_id"], u["applicant_id"], u["text"]) for u in report["unused_justifications"]] == [
        ("P1", "S2", "Vi innkalte ikke S1 fordi ...")]
    assert report["warnings"] == []  # listed once: in unused_justifications, not as a warning too


def test_a_national_id_number_as_applicant_id_is_masked_in_messages(runner: CliRunner, tmp_path: Path) -> None:
    applicants = write_csv(tmp_path / "a.csv", [["Stillings-ID", "Søker-ID", "Kvalifisert", "Innvandrerbakgrunn"],
                                                ["P1", "S1", "ja", "ja"]])
    shortlist = write_csv(tmp_path / "k.csv", [["Stillings-ID", "Søker-ID", "Innkalt"], ["P1", "15058510170", "ja"],
                                               ["P1", "S1", "ja"]])
    code, _, err = run(runner, "check", applicants, "-s", shortlist, "-r", "oslo")
    assert code == 2 and "15058510170" not in err and "søker 150585***** i stilling P1" in err

"""Packs true to their sources (issue 14, part A), as a user of the command line meets them.

Advice that never fails a run and is counted apart; Bergen's declared non-western background with
country group 2 only as a stated approximation; the state's gender balance per job group; a blank
'Reservert for' that never means "either group".
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from typer.testing import CliRunner

from rekruttering.checks import parse_rule
from rekruttering.checks.base import Context
from rekruttering.checks.engine import evaluate_rule
from rekruttering.models import Applicant, Posting, PostingType
from rekruttering.read.fields import Field
from rekruttering.read.proxyguard import alias_refusal

from conftest import run, write_csv

APPLICANTS = ["Stillings-ID", "Søknadsfrist", "Søker-ID", "Kvalifisert", "Innvandrerbakgrunn", "Landgruppe"]
SHORT = ["Stillings-ID", "Søker-ID", "Innkalt til intervju"]


def findings(out: str) -> dict[tuple[str, str], dict[str, Any]]:
    return {(p["posting_id"], f["rule"]): f for p in json.loads(out)["postings"] for f in p["findings"]}


def test_bergen_uses_the_non_western_declaration_first(runner: CliRunner, tmp_path: Path) -> None:
    declared = write_csv(tmp_path / "a.csv", [
        [*APPLICANTS, "Ikke-vestlig bakgrunn (egenerklært)"],
        ["P-1", "01.03.2025", "S-1", "Ja", "Ja", "1", "Ja"],  # Poland: country group 1 today, non-western in 2007
        ["P-1", "01.03.2025", "S-2", "Ja", "Nei", "", "Nei"]])
    shortlist = write_csv(tmp_path / "k.csv", [SHORT, ["P-1", "S-1", "Nei"], ["P-1", "S-2", "Ja"]])
    code, out, _ = run(runner, "check", declared, "-s", shortlist, "-r", "bergen", "--select", "BE01", "-f", "json",
                       "--lang", "en")
    finding = findings(out)[("P-1", "BE01")]
    assert code == 1 and (finding["status"], finding["reason"], finding["applicants"]) == (
        "breach", "not_invited", ["S-1"])
    assert "approximation" not in finding["message"]


def test_bergen_without_the_declaration_says_it_approximates(runner: CliRunner, tmp_path: Path) -> None:
    applicants = write_csv(tmp_path / "a.csv", [
        APPLICANTS, ["P-1", "01.03.2025", "S-1", "Ja", "Ja", "2"], ["P-1", "01.03.2025", "S-2", "Ja", "Nei", ""]])
    shortlist = write_csv(tmp_path / "k.csv", [SHORT, ["P-1", "S-1", "Ja"], ["P-1", "S-2", "Ja"]])
    for audience in ("hr", "tillitsvalgt"):
        code, out, _ = run(runner, "check", applicants, "-s", shortlist, "-r", "bergen", "--select", "BE01",
                           "-f", "json", "--lang", "en", "--audience", audience)
        finding = findings(out)[("P-1", "BE01")]
        assert code == 0 and finding["status"] == "met"
        assert "country group 2 as an approximation" in finding["message"]


def test_a_non_western_declaration_is_never_read_from_a_proxy() -> None:
    assert alias_refusal(Field.non_western, "Fødeland", "nb") is not None
    assert alias_refusal(Field.non_western, "Statsborgerskap", "nb") is not None
    assert alias_refusal(Field.non_western, "Ikke-vestlig bakgrunn (egenerklært)", "nb") is None


def test_advice_is_counted_apart_in_the_summary(runner: CliRunner, tmp_path: Path) -> None:
    applicants = write_csv(tmp_path / "a.csv", [
        APPLICANTS[:5], ["P-1", "01.03.2025", "S-1", "Ja", "Ja"], ["P-1", "01.03.2025", "S-2", "Ja", "Nei"]])
    shortlist = write_csv(tmp_path / "k.csv", [SHORT, ["P-1", "S-1", "Nei"], ["P-1", "S-2", "Ja"]])
    args: list[str | Path] = ["summary", applicants, "-s", shortlist, "-r", "oslo", "--year", "2025",
                              "--min-cell", "1", "-f", "json"]
    code, out, _ = run(runner, *args)
    report = json.loads(out)
    [os01] = [r for r in report["rules"] if r["rule"] == "OS01"]
    assert code == 0 and (os01["breach"], os01["advice_not_followed"]) == (0, 1)
    assert report["follow_up"] == []
    assert run(runner, *args, "--fail-on", "advice")[0] == 1


def test_the_state_gender_rule_reads_the_job_group(runner: CliRunner, tmp_path: Path) -> None:
    """ST04 is about the job group: figures per job group are used; figures per unit only stand in, and say so."""
    applicants = write_csv(tmp_path / "a.csv", [
        ["Stillings-ID", "Søknadsfrist", "Enhet", "Stillingsgruppe", "Søker-ID", "Kvalifisert", "Kjønn",
         "Innvandrerbakgrunn", "Nedsatt funksjonsevne", "Hull i CV"],
        ["P-1", "01.03.2025", "Økonomi", "Rådgiver", "S-1", "Ja", "Mann", "", "", ""],
        ["P-1", "01.03.2025", "Økonomi", "Rådgiver", "S-2", "Ja", "Kvinne", "", "", ""]])
    shortlist = write_csv(tmp_path / "k.csv", [["Stillings-ID", "Søker-ID", "Innkalt til intervju", "Rangering",
                                                "Ansatt"], ["P-1", "S-1", "Ja", "1", "Ja"],
                                               ["P-1", "S-2", "Ja", "2", "Nei"]])
    by_group = write_csv(tmp_path / "g.csv", [["Stillingsgruppe", "Kvinner", "Menn"], ["Rådgiver", "2", "8"]])
    by_unit = write_csv(tmp_path / "u.csv", [["Enhet", "Kvinner", "Menn"], ["Økonomi", "2", "8"]])
    base: list[str | Path] = ["check", applicants, "-s", shortlist, "-r", "staten", "--select", "ST04", "-f", "json",
                              "--lang", "en"]
    _, out, _ = run(runner, *base, "--workforce", by_group)
    finding = findings(out)[("P-1", "ST04")]
    assert (finding["status"], finding["reason"]) == ("review", "near_equal_passed_over")
    assert "approximation" not in finding["message"]
    _, out, _ = run(runner, *base, "--workforce", by_unit)
    finding = findings(out)[("P-1", "ST04")]
    assert (finding["status"], finding["reason"]) == ("review", "near_equal_passed_over")
    assert "the unit's gender balance is used as an approximation" in finding["message"]


def test_a_blank_reservation_is_never_either_group() -> None:
    """A rule naming two groups cannot tell which a blank 'Reservert for' means: review, not 'either'."""
    rule = parse_rule({
        "id": "XX01", "check": "reserved_posting", "group": ["disability", "cv_gap"],
        "title": {"nb": "t", "en": "t"}, "text": {"nb": "t", "en": "t"},
        "source": {"document": "d", "section": "s", "summary": {"nb": "s", "en": "s"}}})
    posting = Posting("P-1", posting_type=PostingType.reserved, applicants=(
        Applicant("A", qualified=True, cv_gap=True, invited=True),))
    outcome = evaluate_rule(posting, rule, Context())  # type: ignore[arg-type]
    assert (outcome.status, outcome.reason) == ("review", "reservation_blank")
    named = Posting("P-1", posting_type=PostingType.reserved, reserved_for="Hull i CV", applicants=posting.applicants)
    assert evaluate_rule(named, rule, Context()).status == "met"  # type: ignore[arg-type]


def shown(runner: CliRunner, rule_id: str) -> dict[str, Any]:
    code, out, _ = run(runner, "rules", "show", rule_id, "--format", "json", "--lang", "en")
    assert code == 0
    result: dict[str, Any] = json.loads(out)
    return result


def test_a_proxy_for_the_sources_group_is_shown_as_unverified_with_what_it_misses(runner: CliRunner) -> None:
    """Oslo names ethnic minority background; every Oslo rule that reads declared immigrant background instead
    is an unverified reading, and OS01's note says what the proxy misses both ways."""
    for rule_id in ("OS01", "OS05", "OS06"):
        source = shown(runner, rule_id)["source"]
        assert source["verified"] is False and source["note"], rule_id
    note = shown(runner, "OS01")["source"]["note"]
    for missed in ("Sami people", "national minorities", "one immigrant parent", "Western immigrants"):
        assert missed in note


def test_a_practice_not_in_the_text_is_not_verified(runner: CliRunner) -> None:
    source = shown(runner, "OS02")["source"]
    assert source["verified"] is False and "not in the stored text" in source["note"]


def test_an_undated_source_gives_no_time_limit_only_as_an_unverified_reading(runner: CliRunner) -> None:
    """Oslo's text states no dates: its rules say so instead of a plain 'no time limit'."""
    for rule_id in ("OS01", "OS02", "OS03", "OS04", "OS05", "OS06"):
        rule = shown(runner, rule_id)
        assert (rule["in_force_from"], rule["in_force_to"], rule["in_force_verified"]) == (None, None, False), rule_id
        assert rule["in_force"] == ("no dates in the source; the pack applies the rule without a time limit "
                                    "(dates not verified by the source)")
        assert "undated" in rule["in_force_note"]


def test_every_bergen_rule_dates_from_the_plan_of_june_2007(runner: CliRunner) -> None:
    for rule_id in ("BE01", "BE02", "BE03", "BE04", "BE05"):
        rule = shown(runner, rule_id)
        assert (rule["in_force_from"], rule["in_force_to"], rule["in_force_verified"]) == (
            "2007-06-01", None, False), rule_id
        assert "June 2007" in rule["in_force_note"] and "no end date" in rule["in_force_note"]


def test_dates_no_stored_source_gives_are_unverified(runner: CliRunner) -> None:
    """The state's dates are read from the regulation's id or applied to the deadline; no shipped rule claims
    verified dates, and none shows dates as verified without saying where they come from."""
    code, out, _ = run(runner, "rules", "list", "--format", "json", "--lang", "en")
    assert code == 0
    ids = [r["id"] for pack in json.loads(out)["packs"] for r in pack["rules"]]
    for rule_id in ids:
        rule = shown(runner, rule_id)
        assert rule["in_force_verified"] is False and rule["in_force_note"], rule_id

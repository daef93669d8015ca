"""Choosing rules (--select, --ignore, config), pack names in any case, --status, and inspect's pre-flight.

Each behaviour is run in bokmål (the default) and English, on small csv exports of a state employer
that has no "Hull i CV" column: rule ST03 needs it, so a plain `check -r staten` is refused.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from conftest import flat, run, write_csv

LANGS = [(), ("--lang", "en")]
HEADER = ["Stillings-ID", "Stillingstittel", "Enhet", "Søknadsfrist", "Søker-ID", "Navn", "Kvalifisert",
          "Innvandrerbakgrunn", "Nedsatt funksjonsevne", "Kjønn"]


def said(args: tuple[str, ...], nb: str, en: str) -> str:
    """The text expected in the language the arguments ask for."""
    return en if "en" in args else nb


@pytest.fixture
def state_exports(tmp_path: Path) -> tuple[Path, Path]:
    """P-1: ST01 breach (S-11 declared, qualified, not invited); P-2: ST01 and ST02 met."""
    applicants = write_csv(tmp_path / "soekere.csv", [
        HEADER,
        ["P-1", "Rådgiver", "Økonomi", "01.03.2025", "S-11", "Kari Nordmann", "Ja", "Ja", "Nei", "kvinne"],
        ["P-1", "Rådgiver", "Økonomi", "01.03.2025", "S-12", "Ola Nordmann", "Ja", "Nei", "Nei", "mann"],
        ["P-2", "Lærer", "Oppvekst", "01.04.2025", "S-21", "Anne Berg", "Ja", "Ja", "Ja", "kvinne"],
        ["P-2", "Lærer", "Oppvekst", "01.04.2025", "S-22", "Nils Dahl", "Ja", "Nei", "Nei", "mann"],
    ])
    shortlist = write_csv(tmp_path / "intervju.csv", [
        ["Stillings-ID", "Søker-ID", "Innkalt til intervju", "Rangering"],
        ["P-1", "S-12", "Ja", "1"],
        ["P-1", "S-11", "Nei", "2"],
        ["P-2", "S-21", "Ja", "1"],
        ["P-2", "S-22", "Ja", "2"],
    ])
    return applicants, shortlist


def check_json(runner: CliRunner, exports: tuple[Path, Path], *args: str) -> tuple[int, dict[str, object], str]:
    applicants, shortlist = exports
    code, out, err = run(runner, "check", applicants, "-s", shortlist, "-f", "json", *args)
    return code, (json.loads(out) if out else {}), err


def rules_of(report: dict[str, object]) -> set[str]:
    postings = report["postings"]
    assert isinstance(postings, list)
    return {f["rule"] for p in postings for f in p["findings"]}


# --- a column only ignored rules need --------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGS)
def test_missing_column_names_its_rules_and_the_ignore_that_runs_without_them(
        runner: CliRunner, state_exports: tuple[Path, Path], lang: tuple[str, ...]) -> None:
    applicants, shortlist = state_exports
    code, out, err = run(runner, "check", applicants, "-s", shortlist, "-r", "staten", *lang)
    assert code == 2 and out == "" and "Traceback" not in err
    message = flat(err)
    assert said(lang, "kolonnen for hull i CV", "the column for gap in the CV") in message
    assert "«Hull i CV»" in message and "cv_gap" not in message
    assert said(lang, "bruk --ignore ST03 for å kontrollere uten disse reglene",
                "use --ignore ST03 to check without those rules") in message
    assert "ST06" not in message  # a quotation rule without its column says "review"; it does not stop the run


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("ignore", [("--ignore", "ST03,ST06"), ("--ignore", "st03"),
                                    ("--ignore", "ST03", "--ignore", "ST06")])
def test_ignoring_the_rules_that_need_the_column_lets_check_run(
        runner: CliRunner, state_exports: tuple[Path, Path], lang: tuple[str, ...], ignore: tuple[str, ...]) -> None:
    code, report, err = check_json(runner, state_exports, "-r", "staten", *ignore, *lang)
    assert code == 1, err  # P-1 breaks ST01
    assert "ST03" not in rules_of(report) and "ST01" in rules_of(report)
    selected = report["rules_selected"]
    assert isinstance(selected, list) and "ST03" not in selected and selected == sorted(selected)


@pytest.mark.parametrize("lang", LANGS)
def test_every_format_names_the_rules_evaluated(runner: CliRunner, state_exports: tuple[Path, Path],
                                                lang: tuple[str, ...]) -> None:
    applicants, shortlist = state_exports
    label = said(lang, "Regler", "Rules")
    for fmt in ("text", "markdown", "html"):
        code, out, err = run(runner, "check", applicants, "-s", shortlist, "-r", "staten", "--select", "st02,ST01",
                             "-f", fmt, *lang)
        assert code == 1, err
        assert label in out and "ST01, ST02" in out, fmt
        assert "ST03" not in out and "ST04" not in out, fmt


# --- --select and --ignore ------------------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGS)
def test_select_is_repeatable_comma_separated_and_case_insensitive(
        runner: CliRunner, state_exports: tuple[Path, Path], lang: tuple[str, ...]) -> None:
    code, report, _ = check_json(runner, state_exports, "-r", "staten", "--select", "st04", "--select", "ST02,st01",
                                 *lang)
    assert code == 1
    assert report["rules_selected"] == ["ST01", "ST02", "ST04"]
    assert rules_of(report) == {"ST01", "ST02", "ST04"}


@pytest.mark.parametrize("lang", LANGS)
def test_ignore_applies_after_select(runner: CliRunner, state_exports: tuple[Path, Path],
                                     lang: tuple[str, ...]) -> None:
    code, report, _ = check_json(runner, state_exports, "-r", "staten", "--select", "ST01,ST02", "--ignore", "st01",
                                 *lang)
    assert code == 0  # the only breach was ST01's
    assert report["rules_selected"] == ["ST02"] and rules_of(report) == {"ST02"}


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("option", ["--select", "--ignore"])
def test_unknown_rule_id_offers_the_closest(runner: CliRunner, state_exports: tuple[Path, Path],
                                            lang: tuple[str, ...], option: str) -> None:
    applicants, shortlist = state_exports
    code, out, err = run(runner, "check", applicants, "-s", shortlist, "-r", "staten", option, "ST1", *lang)
    assert code == 2 and out == "" and "Traceback" not in err
    assert f"{option} ST1" in err and said(lang, "Mente du ST01", "Did you mean ST01") in err


@pytest.mark.parametrize("lang", LANGS)
def test_selecting_nothing_is_refused(runner: CliRunner, state_exports: tuple[Path, Path],
                                      lang: tuple[str, ...]) -> None:
    applicants, shortlist = state_exports
    code, _, err = run(runner, "check", applicants, "-s", shortlist, "-r", "sarpsborg", "--ignore", "SA01,sa02",
                       "--ignore", "SA03,sa04", *lang)
    assert code == 2
    assert said(lang, "ingenting å kontrollere", "nothing to check") in err


@pytest.mark.parametrize("lang", LANGS)
def test_select_and_ignore_from_the_config_file(runner: CliRunner, state_exports: tuple[Path, Path], tmp_path: Path,
                                                lang: tuple[str, ...]) -> None:
    config = tmp_path / "rekruttering.toml"
    config.write_text('rules = "staten"\nignore = ["st03"]\n', encoding="utf-8")
    code, report, err = check_json(runner, state_exports, "--config", config, *lang)
    assert code == 1, err
    assert report["rules_selected"] == ["ST01", "ST02", "ST04", "ST05", "ST06"]
    # the command line wins over the file
    code, report, _ = check_json(runner, state_exports, "--config", config, "--ignore", "ST01,ST03", *lang)
    assert code == 0 and report["rules_selected"] == ["ST02", "ST04", "ST05", "ST06"]
    config.write_text('rules = "staten"\nselect = ["ST01"]\n', encoding="utf-8")
    code, report, _ = check_json(runner, state_exports, "--config", config, *lang)
    assert code == 1 and report["rules_selected"] == ["ST01"]
    config.write_text('rules = "staten"\nselect = ["ST9"]\n', encoding="utf-8")
    code, _, err = check_json(runner, state_exports, "--config", config, *lang)
    assert code == 2 and "ST9" in err


@pytest.mark.parametrize("lang", LANGS)
def test_summary_selects_and_records_the_rules(runner: CliRunner, state_exports: tuple[Path, Path],
                                               lang: tuple[str, ...]) -> None:
    applicants, shortlist = state_exports
    code, _, err = run(runner, "summary", applicants, shortlist, "-r", "staten", *lang)
    assert code == 2 and "--ignore ST03" in err
    code, out, err = run(runner, "summary", applicants, shortlist, "-r", "staten", "--ignore", "ST03", "-f", "json",
                         *lang)
    assert code == 1, err
    report = json.loads(out)
    assert report["rules_selected"] == ["ST01", "ST02", "ST04", "ST05", "ST06"]
    assert [r["rule"] for r in report["rules"]] == report["rules_selected"]
    code, out, _ = run(runner, "summary", applicants, shortlist, "-r", "staten", "--select", "ST01", *lang)
    assert code == 1 and f"{said(lang, 'Regler', 'Rules')}: ST01" in out
    code, _, err = run(runner, "summary", applicants, shortlist, "-r", "staten", "--select", "ST07", *lang)
    assert code == 2 and "ST07" in err


def test_a_justification_for_an_ignored_rule_is_not_called_stale(runner: CliRunner, state_exports: tuple[Path, Path],
                                                                 tmp_path: Path) -> None:
    reasons = write_csv(tmp_path / "begrunnelser.csv", [
        ["Stillings-ID", "Regel", "Begrunnelse"],
        ["P-2", "ST03", "Ingen søkere med hull i CV var kvalifisert"],
        ["P-2", "ST99", "Feil regel"],
    ])
    code, report, _ = check_json(runner, state_exports, "-r", "staten", "--ignore", "ST03",
                                 "--justifications", reasons)
    assert code == 1
    unused = report["unused_justifications"]
    assert isinstance(unused, list) and [u["rule"] for u in unused] == ["ST99"]


# --- pack names --------------------------------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("name", ["Sarpsborg", "SARPSBORG", "sarpsborg"])
def test_pack_names_in_any_case(runner: CliRunner, state_exports: tuple[Path, Path], lang: tuple[str, ...],
                                name: str) -> None:
    code, report, err = check_json(runner, state_exports, "-r", name, *lang)
    assert code == 1, err
    assert report["rule_pack"]["id"] == "sarpsborg"  # type: ignore[index]


@pytest.mark.parametrize("lang", LANGS)
def test_unknown_pack_name_offers_the_closest(runner: CliRunner, state_exports: tuple[Path, Path],
                                              lang: tuple[str, ...]) -> None:
    applicants, shortlist = state_exports
    code, out, err = run(runner, "check", applicants, "-s", shortlist, "-r", "Statne", *lang)
    assert code == 2 and out == "" and "Traceback" not in err
    assert said(lang, "Mente du staten?", "Did you mean staten?") in err
    code, _, err = run(runner, "rules", "list", "-r", "STATEN", *lang)
    assert code == 0, err


# --- --status -------------------------------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGS)
def test_status_shows_only_postings_with_such_a_finding_and_keeps_the_totals(
        runner: CliRunner, state_exports: tuple[Path, Path], lang: tuple[str, ...]) -> None:
    base = ("-r", "staten", "--ignore", "ST03", *lang)
    code, everything, _ = check_json(runner, state_exports, *base)
    assert code == 1
    code, shown, _ = check_json(runner, state_exports, *base, "--status", "breach,review")
    assert code == 1
    postings = shown["postings"]
    assert isinstance(postings, list) and [p["posting_id"] for p in postings] == ["P-1"]
    assert {f["rule"] for f in postings[0]["findings"]} == {"ST01", "ST02", "ST04", "ST05", "ST06"}
    assert shown["totals"] == everything["totals"]
    assert shown["status_filter"] == ["breach", "review"]


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("fmt", ["text", "markdown", "html"])
def test_status_in_the_formats_for_people(runner: CliRunner, state_exports: tuple[Path, Path],
                                          lang: tuple[str, ...], fmt: str) -> None:
    applicants, shortlist = state_exports
    code, out, err = run(runner, "check", applicants, "-s", shortlist, "-r", "staten", "--ignore", "ST03",
                         "--status", "met", "--status", "BREACH", "-f", fmt, *lang)
    assert code == 1, err
    assert "P-1" in out and "P-2" in out
    code, out, err = run(runner, "check", applicants, "-s", shortlist, "-r", "staten", "--ignore", "ST03",
                         "--status", "breach", "-f", fmt, *lang)
    assert code == 1, err
    assert "P-1" in out and "P-2" not in out
    assert said(lang, "1 av 2", "1 of 2") in flat(out)
    assert said(lang, "1 brudd uten begrunnelse", "1 unjustified breach") in flat(out)  # the closing line


@pytest.mark.parametrize("lang", LANGS)
def test_status_that_no_posting_has_keeps_the_exit_code(runner: CliRunner, state_exports: tuple[Path, Path],
                                                        lang: tuple[str, ...]) -> None:
    code, report, _ = check_json(runner, state_exports, "-r", "staten", "--ignore", "ST03", "--status", "justified",
                                 *lang)
    assert code == 1 and report["postings"] == []
    assert report["totals"]["breach"] == 1 and report["totals"]["postings"] == 2  # type: ignore[index]


@pytest.mark.parametrize("lang", LANGS)
def test_unknown_status_lists_the_allowed(runner: CliRunner, state_exports: tuple[Path, Path],
                                          lang: tuple[str, ...]) -> None:
    applicants, shortlist = state_exports
    code, out, err = run(runner, "check", applicants, "-s", shortlist, "-r", "staten", "--status", "breach,brudd",
                         *lang)
    assert code == 2 and out == ""
    assert "brudd" in err and "met, breach, justified, review, not_applicable" in err


# --- inspect --rules: the pre-flight ---------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGS)
def test_inspect_says_which_rules_can_run_and_what_the_others_lack(
        runner: CliRunner, state_exports: tuple[Path, Path], lang: tuple[str, ...]) -> None:
    applicants, shortlist = state_exports
    code, out, _ = run(runner, "inspect", applicants, "-s", shortlist, *lang)
    assert code == 0  # without --rules, as before: the files themselves are fine
    code, out, _ = run(runner, "inspect", applicants, "-s", shortlist, "--rules", "Staten", *lang)
    assert code == 2
    text = flat(out)
    assert said(lang, "Regler som kan kjøres med disse filene: ST01, ST02, ST04, ST05, ST06",
                "Rules that can run with these files: ST01, ST02, ST04, ST05, ST06") in text
    lacks = said(lang, "ST03 mangler kolonnen for hull i CV («Hull i CV»",
                 "ST03 lacks the column for gap in the CV («Hull i CV»")
    assert lacks in text
    assert "--ignore ST03" in text
    code, out, _ = run(runner, "inspect", applicants, "-s", shortlist, "--rules", "staten", "--ignore", "st03", *lang)
    assert code == 0
    assert said(lang, "check kan kjøres med disse filene", "check can run with these files") in flat(out)


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("choice", [(), ("--ignore", "ST03"), ("--select", "ST03,ST01"), ("--select", "ST01"),
                                    ("--ignore", "ST01,ST02,ST03")])
def test_inspect_and_check_agree(runner: CliRunner, state_exports: tuple[Path, Path], lang: tuple[str, ...],
                                 choice: tuple[str, ...]) -> None:
    applicants, shortlist = state_exports
    inspected, _, _ = run(runner, "inspect", applicants, "-s", shortlist, "-r", "staten", *choice, *lang)
    checked, _, _ = run(runner, "check", applicants, "-s", shortlist, "-r", "staten", "--no-fail", *choice, *lang)
    assert (inspected == 2) == (checked == 2)


@pytest.mark.parametrize("lang", LANGS)
def test_inspect_without_a_shortlist_says_check_would_refuse(runner: CliRunner, state_exports: tuple[Path, Path],
                                                            lang: tuple[str, ...]) -> None:
    applicants, _ = state_exports
    code, out, _ = run(runner, "inspect", applicants, "-r", "sarpsborg", *lang)
    assert code == 2
    assert said(lang, "check vil avvise disse filene", "check would refuse these files") in flat(out)
    assert "--shortlist" in out


@pytest.mark.parametrize("lang", LANGS)
def test_inspect_refuses_a_bad_choice_before_reading(runner: CliRunner, state_exports: tuple[Path, Path],
                                                     lang: tuple[str, ...]) -> None:
    applicants, shortlist = state_exports
    code, out, err = run(runner, "inspect", applicants, "-s", shortlist, "-r", "staten", "--select", "st1", *lang)
    assert code == 2 and out == "" and said(lang, "Mente du ST01", "Did you mean ST01") in err
    code, out, err = run(runner, "inspect", applicants, "--ignore", "ST03", *lang)
    assert code == 2 and out == "" and "--rules" in err

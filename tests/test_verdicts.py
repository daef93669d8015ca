"""`check` for a working day: --fail-on, --as-of for exports without deadlines, the closing line that counts
breaches and reviews, and one clear message for a file given in the wrong place. Both languages."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from conftest import flat, run, write_csv

STATE = ["Stillings-ID", "Søker-ID", "Kvalifisert", "Innvandrerbakgrunn", "Nedsatt funksjonsevne", "Hull i CV"]
SHORT = ["Stillings-ID", "Søker-ID", "Innkalt til intervju"]


@pytest.fixture
def undated(tmp_path: Path) -> tuple[Path, Path]:
    """A state export made before the interviews: no deadline column. P-1 breaks ST01, P-2 has a qualification
    to review, P-3 is met."""
    applicants = write_csv(tmp_path / "soekere.csv", [
        STATE, ["P-1", "S-1", "Ja", "Ja", "", ""], ["P-1", "S-2", "Ja", "Nei", "", ""],
        ["P-2", "S-3", "", "Ja", "", ""], ["P-2", "S-4", "Ja", "Nei", "", ""],
        ["P-3", "S-5", "Ja", "Ja", "", ""]])
    shortlist = write_csv(tmp_path / "intervju.csv", [
        SHORT, ["P-1", "S-1", "Nei"], ["P-1", "S-2", "Ja"], ["P-2", "S-4", "Ja"], ["P-3", "S-5", "Ja"]])
    return applicants, shortlist


def statuses(out: str, rule: str) -> dict[str, str]:
    return {p["posting_id"]: f["status"] for p in json.loads(out)["postings"] for f in p["findings"]
            if f["rule"] == rule}


@pytest.mark.parametrize(("lang", "said"), [
    ("nb", "1 stilling har ingen søknadsfrist i eksporten; regler med datoer er vurdert per 01.03.2025"),
    ("en", "1 posting has no deadline in the export; rules with dates were judged as of 2025-03-01"),
])
def test_a_posting_without_deadline_is_judged_as_of_the_run_date(runner: CliRunner, tmp_path: Path, lang: str,
                                                                  said: str) -> None:
    applicants = write_csv(tmp_path / "a.csv", [STATE, ["P-1", "S-1", "Ja", "", "", "Ja"],
                                                ["P-1", "S-2", "Ja", "", "", ""]])
    shortlist = write_csv(tmp_path / "k.csv", [SHORT, ["P-1", "S-2", "Ja"]])
    code, out, _ = run(runner, "check", applicants, "-s", shortlist, "-r", "staten", "--as-of", "01.03.2025",
                       "--lang", lang)
    assert code == 1 and said in flat(out)  # ST03 (CV gap, from 2020) applies as of 2025: S-1 not invited
    code, out, _ = run(runner, "check", applicants, "-s", shortlist, "-r", "staten", "--as-of", "01.03.2019",
                       "-f", "json", "--lang", lang)
    report = json.loads(out)
    assert code == 0 and statuses(out, "ST03") == {"P-1": "not_applicable"}  # not in force yet in 2019
    assert (report["as_of"], report["postings_without_deadline"]) == ("2019-03-01", 1)
    [st03] = [f for f in report["postings"][0]["findings"] if f["rule"] == "ST03"]
    assert ("01.03.2019" if lang == "nb" else "2019-03-01") in st03["message"]


def test_without_as_of_the_run_date_is_used(runner: CliRunner, undated: tuple[Path, Path],
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1735689600")  # 2025-01-01
    applicants, shortlist = undated
    _, out, _ = run(runner, "check", applicants, "-s", shortlist, "-r", "staten", "-f", "json")
    report = json.loads(out)
    assert report["as_of"] == "2025-01-01" and report["postings_without_deadline"] == 3
    assert statuses(out, "ST01") == {"P-1": "breach", "P-2": "review", "P-3": "met"}


def test_an_unreadable_deadline_is_still_reviewed(runner: CliRunner, tmp_path: Path) -> None:
    applicants = write_csv(tmp_path / "a.csv", [[*STATE, "Søknadsfrist"],
                                                ["P-1", "S-1", "Ja", "Ja", "", "", "2025"]])
    shortlist = write_csv(tmp_path / "k.csv", [SHORT, ["P-1", "S-1", "Ja"]])
    _, out, _ = run(runner, "check", applicants, "-s", shortlist, "-r", "staten", "-f", "json")
    assert statuses(out, "ST03") == {"P-1": "review"} and json.loads(out)["postings_without_deadline"] == 0


@pytest.mark.parametrize(("lang", "closing"), [
    ("nb", "1 brudd uten begrunnelse, 1 til vurdering"), ("en", "1 unjustified breach, 1 to review")])
def test_the_closing_line_counts_breaches_and_reviews(runner: CliRunner, undated: tuple[Path, Path], lang: str,
                                                      closing: str) -> None:
    applicants, shortlist = undated
    code, out, _ = run(runner, "check", applicants, "-s", shortlist, "-r", "staten", "--lang", lang)
    assert code == 1 and closing in flat(out)


@pytest.mark.parametrize(("lang", "closing", "label"), [
    ("nb", "0 brudd uten begrunnelse, 1 til vurdering", "ikke fulgt (råd) · OS01"),
    ("en", "0 unjustified breaches, 1 to review", "not followed (advice) · OS01")])
def test_advice_not_followed_is_shown_apart_and_fails_only_when_asked(runner: CliRunner, undated: tuple[Path, Path],
                                                                       lang: str, closing: str, label: str) -> None:
    """Oslo's interview rule is a suggestion: its miss is no breach, does not fail the run, and is counted apart."""
    applicants, shortlist = undated
    # the export has no ad or union column: OS03 and OS04 would add a review per posting
    args: list[str | Path] = ["check", applicants, "-s", shortlist, "-r", "oslo", "--ignore", "OS03,OS04",
                              "--lang", lang]
    code, out, _ = run(runner, *args)
    assert code == 0 and closing in flat(out) and label in flat(out)
    code, out, _ = run(runner, *args, "-f", "json")
    report = json.loads(out)
    [finding] = [f for p in report["postings"] for f in p["findings"]
                 if p["posting_id"] == "P-1" and f["rule"] == "OS01"]
    assert (finding["status"], finding["severity"]) == ("breach", "advice")
    assert (report["totals"]["breach"], report["totals"]["advice_not_followed"]) == (0, 1)
    assert run(runner, *args, "--fail-on", "advice")[0] == 1


@pytest.mark.parametrize(("lang", "closing"), [
    ("nb", "0 brudd uten begrunnelse, 1 til vurdering"), ("en", "0 unjustified breaches, 1 to review")])
def test_fail_on_review_makes_a_review_fail_the_script(runner: CliRunner, undated: tuple[Path, Path],
                                                       lang: str, closing: str) -> None:
    applicants, shortlist = undated
    args = ["check", applicants, "-s", shortlist, "-r", "oslo", "--ignore", "OS03,OS04", "--posting", "P-2",
            "--posting", "P-3", "--lang", lang]
    code, out, _ = run(runner, *args)
    assert code == 0 and closing in flat(out)
    assert run(runner, *args, "--fail-on", "review")[0] == 1
    assert run(runner, *args, "--fail-on", "breach")[0] == 0
    assert run(runner, *args, "--fail-on", "breach,review", "--no-fail")[0] == 0
    code, _, err = run(runner, *args, "--fail-on", "advise")
    assert code == 2 and "advise" in err and "breach, review" in err


def test_fail_on_in_the_config(runner: CliRunner, undated: tuple[Path, Path], tmp_path: Path) -> None:
    applicants, shortlist = undated
    config = tmp_path / "innstillinger.toml"
    config.write_text('rules = "oslo"\nfail_on = ["review"]\n', encoding="utf-8")
    assert run(runner, "check", applicants, "-s", shortlist, "--posting", "P-2", "--config", config)[0] == 1


def test_summary_fails_on_review_when_asked(runner: CliRunner, tmp_path: Path) -> None:
    applicants = write_csv(tmp_path / "a.csv", [[*STATE, "Søknadsfrist"],
                                                ["P-1", "S-1", "", "Ja", "", "", "01.03.2025"],
                                                ["P-1", "S-2", "Ja", "Nei", "", "", "01.03.2025"]])
    shortlist = write_csv(tmp_path / "k.csv", [SHORT, ["P-1", "S-2", "Ja"]])
    base = ["summary", applicants, "-s", shortlist, "-r", "oslo", "--ignore", "OS03,OS04", "--lang", "en"]
    code, out, _ = run(runner, *base)
    assert code == 0 and "0 unjustified breaches and 1 to review in the period" in flat(out)
    assert run(runner, *base, "--fail-on", "review")[0] == 1


# --- a file in the wrong place -------------------------------------------------------------------------------


@pytest.mark.parametrize(("lang", "said"), [
    ("nb", "filen er gitt med --shortlist, men ser ut som en søkerliste"),
    ("en", "the file is given with --shortlist but looks like an applicant list")])
def test_an_applicant_list_given_as_shortlist_is_said_once(runner: CliRunner, undated: tuple[Path, Path], lang: str,
                                                           said: str) -> None:
    applicants, shortlist = undated
    code, _, err = run(runner, "check", shortlist, "-s", applicants, "-r", "oslo", "--lang", lang)
    lines = err.strip().splitlines()
    assert code == 2 and len(lines) == 3 and said in lines[1] and "soekere.csv" in lines[1]


@pytest.mark.parametrize(("lang", "said"), [
    ("nb", "filen er gitt som søkerliste, men ser ut som en kortliste"),
    ("en", "the file is given as an applicant list but looks like a shortlist")])
def test_a_shortlist_given_as_applicant_list_is_said_once(runner: CliRunner, undated: tuple[Path, Path], lang: str,
                                                          said: str) -> None:
    _, shortlist = undated
    code, _, err = run(runner, "check", shortlist, "-r", "oslo", "--lang", lang)
    assert code == 2 and said in err and len(err.strip().splitlines()) == 3


@pytest.mark.parametrize(("lang", "said"), [
    ("nb", "ingen av de 12 radene står i noen søkerliste"), ("en", "none of its 12 rows is in any applicant list")])
def test_a_shortlist_from_another_export_is_one_message_not_a_dozen(runner: CliRunner, undated: tuple[Path, Path],
                                                                    tmp_path: Path, lang: str, said: str) -> None:
    applicants, _ = undated
    other = write_csv(tmp_path / "annen.csv", [SHORT, *[[f"X-{i}", f"S-{i}", "Ja"] for i in range(12)]])
    code, _, err = run(runner, "check", applicants, "-s", other, "-r", "oslo", "--lang", lang)
    lines = err.strip().splitlines()
    assert code == 2 and len(lines) == 3 and said in lines[1] and "annen.csv" in lines[1]


def test_many_unknown_rows_among_known_ones_are_capped(runner: CliRunner, undated: tuple[Path, Path],
                                                       tmp_path: Path) -> None:
    applicants, _ = undated
    rows = [["P-1", "S-1", "Ja"], *[["P-1", f"S-9{i}", "Ja"] for i in range(14)]]
    code, _, err = run(runner, "check", applicants, "-s", write_csv(tmp_path / "k.csv", [SHORT, *rows]), "-r", "oslo")
    assert code == 2 and err.count("står på kortlisten, men ikke i noen søkerliste") == 10
    assert "… og 4 til av samme slag." in err


@pytest.mark.parametrize(("lang", "said"), [
    ("nb", "ingen stilling har søknadsfrist i perioden: 2 stillinger har frist utenfor (01.03.2025–15.06.2025)"),
    ("en", "no posting has its deadline in the period: 2 postings have a deadline outside it "
           "(2025-03-01–2025-06-15)"),
])
def test_an_empty_summary_period_is_said(runner: CliRunner, tmp_path: Path, lang: str, said: str) -> None:
    applicants = write_csv(tmp_path / "a.csv", [[*STATE, "Søknadsfrist"],
                                                ["P-1", "S-1", "Ja", "Ja", "", "", "01.03.2025"],
                                                ["P-2", "S-2", "Ja", "Nei", "", "", "15.06.2025"],
                                                ["P-3", "S-3", "Ja", "Nei", "", "", ""]])
    shortlist = write_csv(tmp_path / "k.csv", [SHORT, ["P-1", "S-1", "Ja"]])
    code, out, err = run(runner, "summary", applicants, "-s", shortlist, "-r", "oslo", "--year", "2024",
                         "--lang", lang)
    assert code == 2 and out == "" and said in flat(err) and ("1 har ingen frist" in err or "1 has none" in err)


def test_no_as_of_note_when_no_rule_has_dates(runner: CliRunner, undated: tuple[Path, Path]) -> None:
    applicants, shortlist = undated
    _, out, _ = run(runner, "check", applicants, "-s", shortlist, "-r", "oslo", "-f", "json")
    report = json.loads(out)
    assert report["as_of"] is None and report["postings_without_deadline"] == 0

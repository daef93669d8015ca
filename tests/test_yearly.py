"""The yearly rules of ``summary`` (issue 14 B2, B3, B5, B6): hand-built small years whose right answer can be
stated, for every status and reason of selection_parity, representation_target and trainee_recruitment; the
targets file; the splits by job level and employment type; disclosure control and the tillitsvalgt audience."""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from rekruttering.read.values import parse_employment_type, parse_job_level
from rekruttering.summary.yearly import protect_family

from conftest import ROOT, flat, run, write_csv

HEADER = ["Stillings-ID", "Enhet", "Søknadsfrist", "Utlysningstype", "Lederstilling", "Ansettelsesform",
          "Søker-ID", "Kvalifisert", "Innvandrerbakgrunn", "Landgruppe", "Nedsatt funksjonsevne",
          "Innkalt til intervju", "Ansatt"]

PACK_HEAD = """
[pack]
id = "aarlig"
title = "Test: årlige regler"
version = "1"
employer.nb = "Test"
employer.en = "Test"
description.nb = "Test"
description.en = "Test"
population_share_immigrant_background = 0.25
population_source = "SSB, test"
"""

RULE_TEXT = """
title.nb = "Tittel"
title.en = "Title"
text.nb = "Tekst"
text.en = "Text"
source.document = "Dokument"
source.section = "Del"
source.summary.nb = "Sammendrag"
source.summary.en = "Summary"
"""


def pack(tmp_path: Path, *rules: str) -> Path:
    """A pack of the given yearly rules (each a TOML fragment after ``[[rule]]``)."""
    body = "".join(f"\n[[rule]]\n{rule.strip()}\n{RULE_TEXT}" for rule in rules)
    path = tmp_path / "aarlig.toml"
    path.write_text(PACK_HEAD + body, encoding="utf-8")
    return path


PARITY = 'id = "YP"\ncheck = "selection_parity"\ngroup = ["immigrant_background", "disability"]'
TARGET = 'id = "YT"\ncheck = "representation_target"\ngroup = "immigrant_background"'
TRAINEE = 'id = "YR"\ncheck = "trainee_recruitment"\ngroup = "non_western"\napproximate_by_country_group = "2"'


class Year:
    """Rows of one combined export, built posting by posting."""

    def __init__(self, header: Sequence[str] = HEADER) -> None:
        self.header = list(header)
        self.rows: list[list[object]] = []

    def posting(self, posting_id: str, people: Iterable[dict[str, object]], *, unit: str = "Alfa",
                kind: str = "ekstern", level: str = "", employment: str = "", deadline: str = "01.03.2025") -> None:
        for n, person in enumerate(people):
            cells: dict[str, object] = {
                "Stillings-ID": posting_id, "Enhet": unit, "Søknadsfrist": deadline, "Utlysningstype": kind,
                "Lederstilling": level, "Ansettelsesform": employment, "Søker-ID": f"{posting_id}-{n}",
                "Kvalifisert": "Ja", "Innvandrerbakgrunn": "", "Landgruppe": "", "Nedsatt funksjonsevne": "",
                "Innkalt til intervju": "Ja", "Ansatt": "Nei", "Ikke-vestlig bakgrunn (egenerklært)": "", **person}
            self.rows.append([cells[h] for h in self.header])

    def write(self, tmp_path: Path) -> Path:
        return write_csv(tmp_path / "aar.csv", [self.header, *self.rows])


def person(declared: str = "", *, invited: str = "Ja", hired: str = "Nei", **more: object) -> dict[str, object]:
    return {"Innvandrerbakgrunn": declared, "Innkalt til intervju": invited, "Ansatt": hired, **more}


def summary(runner: CliRunner, *args: str | Path, code: int | None = 0) -> dict[str, Any]:
    exit_code, out, err = run(runner, "summary", *args, "-f", "json")
    assert exit_code == code if code is not None else exit_code in (0, 1), err
    report: dict[str, Any] = json.loads(out)
    return report


def rows(report: dict[str, Any], rule: str) -> list[dict[str, Any]]:
    return [r for r in report["yearly_rules"] if r["rule"] == rule]


def verdict(report: dict[str, Any], rule: str, **where: object) -> dict[str, Any]:
    [found] = [r for r in rows(report, rule) if all(r[k] == v for k, v in where.items())]
    return found


# ---------------------------------------------------------------------------------------------
# selection_parity


def _parity_year(tmp_path: Path, postings: int, yes_invited: int, yes: int = 2, no: int = 2,
                 no_invited: int = 2) -> Path:
    """``postings`` postings, each with ``yes`` qualified applicants who declared immigrant background (the
    first ``yes_invited`` invited) and ``no`` who answered no (the first ``no_invited`` invited); nobody hired."""
    year = Year()
    for p in range(postings):
        year.posting(f"P-{p}", [*(person("Ja", invited="Ja" if i < yes_invited else "Nei") for i in range(yes)),
                                *(person("Nei", invited="Ja" if i < no_invited else "Nei") for i in range(no))])
    return year.write(tmp_path)


def test_parity_review_when_below_four_fifths_and_significant(runner: CliRunner, tmp_path: Path) -> None:
    # 8 postings: none of the 2 declared invited, both who said no invited; exact p = (1/6)^8
    report = summary(runner, _parity_year(tmp_path, 8, yes_invited=0), "-r", pack(tmp_path, PARITY))
    step = verdict(report, "YP", group="immigrant_background", stage="invited")
    assert (step["status"], step["reason"]) == ("review", "adverse_impact")
    assert step["stratified_below_four_fifths"] is True and step["exact_p_one_sided"] < 0.05
    assert step["informative_postings"] == 8 and step["alpha"] == 0.05
    qualified = verdict(report, "YP", group="immigrant_background", stage="qualified")
    assert (qualified["status"], qualified["reason"]) == ("not_applicable", "too_few_postings")  # all qualified
    hired = verdict(report, "YP", group="immigrant_background", stage="hired")
    assert hired["status"] == "not_applicable"
    assert {r["status"] for r in rows(report, "YP")} <= {"met", "review", "not_applicable"}
    assert "significant" in step["sentence"] or "signifikant" in step["sentence"]


def test_parity_below_but_not_significant_is_met_and_alpha_is_the_packs(runner: CliRunner, tmp_path: Path) -> None:
    # 5 postings, 1 of 2 declared invited against 2 of 2: ratio 1/2, exact p = (1/2)^5 = 0.031
    path = _parity_year(tmp_path, 5, yes_invited=1)
    strict = summary(runner, path, "-r", pack(tmp_path, PARITY + "\nalpha = 0.01"))
    step = verdict(strict, "YP", group="immigrant_background", stage="invited")
    assert (step["status"], step["reason"]) == ("met", "not_significant") and step["exact_p_one_sided"] == 0.031
    usual = summary(runner, path, "-r", pack(tmp_path, PARITY))
    assert verdict(usual, "YP", group="immigrant_background", stage="invited")["status"] == "review"


def test_parity_not_below_is_met(runner: CliRunner, tmp_path: Path) -> None:
    report = summary(runner, _parity_year(tmp_path, 6, yes_invited=2, no_invited=1), "-r", pack(tmp_path, PARITY))
    step = verdict(report, "YP", group="immigrant_background", stage="invited")
    assert (step["status"], step["reason"]) == ("met", "not_below")


def test_parity_needs_enough_informative_postings(runner: CliRunner, tmp_path: Path) -> None:
    path = _parity_year(tmp_path, 4, yes_invited=0)  # the same pattern as the review case, on 4 postings
    step = verdict(summary(runner, path, "-r", pack(tmp_path, PARITY)), "YP", group="immigrant_background",
                   stage="invited")
    assert (step["status"], step["reason"]) == ("not_applicable", "too_few_postings")
    assert step["informative_postings"] == 4
    # the rule's own minimum can be stricter than the summary's
    path = _parity_year(tmp_path, 6, yes_invited=0)
    step = verdict(summary(runner, path, "-r", pack(tmp_path, PARITY + "\nmin_informative = 7")), "YP",
                   group="immigrant_background", stage="invited")
    assert (step["status"], step["reason"]) == ("not_applicable", "too_few_postings")


def test_parity_is_not_judged_on_hidden_counts(runner: CliRunner, tmp_path: Path) -> None:
    year = Year()
    for p in range(8):  # 8 declared applicants in all, 3 of them invited: the invited count is hidden
        year.posting(f"P-{p}", [person("Ja", invited="Ja" if p < 3 else "Nei"), *(person("Nei") for _ in range(3))])
    step = verdict(summary(runner, year.write(tmp_path), "-r", pack(tmp_path, PARITY)), "YP",
                   group="immigrant_background", stage="invited")
    assert (step["status"], step["reason"]) == ("not_applicable", "suppressed")
    assert step["exact_p_one_sided"] is None


def test_parity_without_the_groups_column_or_stage(runner: CliRunner, tmp_path: Path) -> None:
    header = [h for h in HEADER if h not in ("Nedsatt funksjonsevne", "Ansatt")]
    year = Year(header)
    for p in range(6):
        year.posting(f"P-{p}", [person("Ja"), person("Nei")])
    report = summary(runner, year.write(tmp_path), "-r", pack(tmp_path, PARITY))
    for stage in ("qualified", "invited", "hired"):
        gone = verdict(report, "YP", group="disability", stage=stage)
        assert (gone["status"], gone["reason"]) == ("not_applicable", "group_not_in_exports")
    hired = verdict(report, "YP", group="immigrant_background", stage="hired")
    assert (hired["status"], hired["reason"]) == ("not_applicable", "stage_missing")


# ---------------------------------------------------------------------------------------------
# representation_target


def _hires(declared: int, others: int) -> list[dict[str, object]]:
    return [*(person("Ja", hired="Ja") for _ in range(declared)), *(person("Nei", hired="Ja") for _ in range(others))]


def _target_year(tmp_path: Path, **units: tuple[int, int]) -> Path:
    """One posting per unit, hiring ``declared`` who declared immigrant background and ``others`` who said no,
    with two more applicants not hired."""
    year = Year()
    for n, (unit, (declared, others)) in enumerate(sorted(units.items())):
        year.posting(f"P-{n}", [*_hires(declared, others), person("Nei"), person("Nei")], unit=unit)
    return year.write(tmp_path)


def test_representation_met_review_and_too_few_hires(runner: CliRunner, tmp_path: Path) -> None:
    # Delta's 6 hires are hidden beside Gamma's 3, which the total would otherwise give away
    path = _target_year(tmp_path, Alfa=(5, 5), Beta=(0, 10), Gamma=(0, 3), Delta=(0, 6))
    report = summary(runner, path, "-r", pack(tmp_path, TARGET))
    whole = verdict(report, "YT", split=None)
    assert (whole["hires"], whole["declared_hires"], whole["hired_share"]) == (29, 5, 0.172)
    assert (whole["status"], whole["reason"], whole["target"], whole["target_source"]) == (
        "review", "below_target", 0.25, "population_share")
    alfa = verdict(report, "YT", split="unit", value="Alfa")
    assert (alfa["status"], alfa["reason"], alfa["hired_share"]) == ("met", "target_reached", 0.5)
    beta = verdict(report, "YT", split="unit", value="Beta")
    assert (beta["status"], beta["reason"], beta["declared_hires"]) == ("review", "below_target", 0)
    gamma = verdict(report, "YT", split="unit", value="Gamma")
    assert (gamma["status"], gamma["reason"]) == ("not_applicable", "too_few_hires")
    assert gamma["hires"] is None and "hires" in gamma["suppressed"]  # 3 hires: a small count of persons
    assert "Only hires can be measured" in flat(run(runner, "summary", path, "-r", pack(tmp_path, TARGET),
                                                    "--lang", "en")[1])


def test_representation_target_from_the_rule_and_no_target(runner: CliRunner, tmp_path: Path) -> None:
    path = _target_year(tmp_path, Alfa=(5, 5))
    report = summary(runner, path, "-r", pack(tmp_path, TARGET + "\ntarget = 0.5"))
    assert verdict(report, "YT", split=None)["status"] == "met"  # 5 of 10 is exactly the target
    assert verdict(report, "YT", split=None)["target_source"] == "rule"
    no_target = 'id = "YT"\ncheck = "representation_target"\ngroup = "disability"'
    report = summary(runner, path, "-r", pack(tmp_path, no_target))
    whole = verdict(report, "YT", split=None)
    assert (whole["status"], whole["reason"]) == ("not_applicable", "no_target")


def test_a_hidden_declared_count_is_not_revealed_by_its_status(runner: CliRunner, tmp_path: Path) -> None:
    # Delta: 2 of 6 hires declared (hidden); the total of 7 and Alfa's 5 would give it away, so Beta's
    # 0 of 10 is hidden beside it
    path = _target_year(tmp_path, Alfa=(5, 5), Beta=(0, 10), Delta=(2, 4))
    hr = summary(runner, path, "-r", pack(tmp_path, TARGET))
    delta, beta = verdict(hr, "YT", value="Delta"), verdict(hr, "YT", value="Beta")
    assert delta["declared_hires"] is None and {"declared_hires", "hired_share"} <= set(delta["suppressed"])
    assert beta["declared_hires"] is None and verdict(hr, "YT", value="Alfa")["declared_hires"] == 5
    assert delta["hires"] == 6  # a unit's hires are not a group's count
    assert (delta["status"], delta["reason"]) == ("met", "target_reached")  # HR keeps the verdict
    assert "hidden" in verdict(summary(runner, path, "-r", pack(tmp_path, TARGET), "--lang", "en"), "YT",
                               value="Delta")["sentence"]
    union = summary(runner, path, "-r", pack(tmp_path, TARGET), "--audience", "tillitsvalgt")
    for unit in ("Delta", "Beta"):
        row = verdict(union, "YT", value=unit)
        assert (row["status"], row["reason"], row["declared_hires"]) == ("not_applicable", "withheld", None)
    assert verdict(union, "YT", value="Alfa")["status"] == "met"
    # with suppression off (internal use) nothing is hidden and nothing withheld
    internal = summary(runner, path, "-r", pack(tmp_path, TARGET), "--audience", "tillitsvalgt", "--min-cell", "1")
    assert verdict(internal, "YT", value="Delta")["declared_hires"] == 2
    assert verdict(internal, "YT", value="Delta")["status"] == "met"


def test_when_the_funnels_count_is_hidden_every_units_is(runner: CliRunner, tmp_path: Path) -> None:
    path = _target_year(tmp_path, Alfa=(3, 7), Beta=(0, 10))  # 3 declared hires in all: hidden in the funnel
    report = summary(runner, path, "-r", pack(tmp_path, TARGET))
    assert all(r["declared_hires"] is None for r in rows(report, "YT") if r["value"] != "Beta") and \
        verdict(report, "YT", value="Beta")["declared_hires"] is None


def test_hires_cannot_be_counted_without_the_hired_column(runner: CliRunner, tmp_path: Path) -> None:
    year = Year([h for h in HEADER if h != "Ansatt"])
    year.posting("P-1", [person("Ja"), person("Nei")])
    [row] = rows(summary(runner, year.write(tmp_path), "-r", pack(tmp_path, TARGET)), "YT")
    assert (row["status"], row["reason"]) == ("not_applicable", "hired_missing")


def test_splits_by_job_level_and_employment_type(runner: CliRunner, tmp_path: Path) -> None:
    year = Year()
    year.posting("P-1", _hires(1, 5), level="Ja", employment="fast")  # a leader post: 1 of 6
    year.posting("P-2", _hires(4, 2), level="Nei", employment="vikariat")
    year.posting("P-3", _hires(3, 3), level="ikke leder", employment="Midlertidig")
    year.posting("P-4", _hires(0, 2), employment="fast")  # no level given
    report = summary(runner, year.write(tmp_path), "-r", pack(tmp_path, TARGET), "--min-cell", "1")
    leader = verdict(report, "YT", split="job_level", value="leader")
    assert (leader["hires"], leader["declared_hires"], leader["status"]) == (6, 1, "review")
    other = verdict(report, "YT", split="job_level", value="other")
    assert (other["hires"], other["declared_hires"], other["status"]) == (12, 7, "met")
    assert verdict(report, "YT", split="job_level", value="–")["reason"] == "too_few_hires"
    temporary = verdict(report, "YT", split="employment_type", value="temporary")
    assert (temporary["hires"], temporary["declared_hires"], temporary["status"]) == (12, 7, "met")
    permanent = verdict(report, "YT", split="employment_type", value="permanent")
    assert (permanent["hires"], permanent["status"]) == (8, "review")
    _, out, _ = run(runner, "summary", year.write(tmp_path), "-r", pack(tmp_path, TARGET), "--lang", "en")
    assert "Leader posts:" in flat(out) and "Temporary posts" in flat(out)
    # without the columns there are no such rows; only the units'
    plain = Year([h for h in HEADER if h not in ("Lederstilling", "Ansettelsesform")])
    plain.posting("P-1", _hires(1, 5))
    report = summary(runner, plain.write(tmp_path), "-r", pack(tmp_path, TARGET), "--min-cell", "1")
    assert {r["split"] for r in rows(report, "YT")} == {None, "unit"}


def test_the_job_level_and_employment_values(tmp_path: Path) -> None:
    assert [parse_job_level(v)[0] for v in ("Ja", "nei", "Leder", "ikke leder", "Mellomleder", "")] == [
        "leader", "other", "leader", "other", "leader", None]
    assert [parse_employment_type(v)[0] for v in ("Fast", "midlertidig", "Vikariat", "Engasjement", "")] == [
        "permanent", "temporary", "temporary", "temporary", None]
    assert parse_job_level("kanskje") == (None, False) and parse_employment_type("deltid") == (None, False)


def test_an_unreadable_level_is_a_warning_naming_the_cell(runner: CliRunner, tmp_path: Path) -> None:
    year = Year()
    year.posting("P-1", _hires(1, 5), level="kanskje")
    report = summary(runner, year.write(tmp_path), "-r", pack(tmp_path, TARGET), "--lang", "en")
    warning = next(w for w in report["warnings"] if w["code"] == "value.bad_job_level")
    assert warning["column"] == "Lederstilling" and warning["row"] == 2 and "kanskje" in warning["message"]
    assert not [r for r in rows(report, "YT") if r["split"] == "job_level"]  # read as not given: no split


# ---------------------------------------------------------------------------------------------
# the targets file


def _targets(tmp_path: Path, *lines: Sequence[object]) -> Path:
    return write_csv(tmp_path / "maal.csv", [["Enhet", "Gruppe", "Mål"], *lines])


def test_targets_file_overrides_the_pack_per_unit(runner: CliRunner, tmp_path: Path) -> None:
    path = _target_year(tmp_path, Alfa=(5, 5), Beta=(0, 10))
    targets = _targets(tmp_path, ["Alfa", "Innvandrerbakgrunn", "60 %"], ["beta", "innvandrerbakgrunn", "0"])
    report = summary(runner, path, "-r", pack(tmp_path, TARGET), "--targets", targets)
    alfa, beta = verdict(report, "YT", value="Alfa"), verdict(report, "YT", value="Beta")
    assert (alfa["target"], alfa["target_source"], alfa["status"]) == (0.6, "targets_file", "review")
    assert (beta["target"], beta["status"]) == (0.0, "met")  # unit names match as headers do
    assert verdict(report, "YT", split=None)["target_source"] == "population_share"
    assert any(i["role"] == "targets" for i in report["inputs"])


@pytest.mark.parametrize(("line", "column", "words"), [
    (["Alfa", "Innvandrerbakgrunn", "24,4"], "Mål", "24,4"),  # a percent needs its sign
    (["Alfa", "Innvandrerbakgrunn", "mye"], "Mål", "mye"),
    (["Alfa", "Statsborgerskap", "0,3"], "Gruppe", "Statsborgerskap"),
    (["", "Innvandrerbakgrunn", "0,3"], "Enhet", "unit"),
])
def test_a_bad_targets_row_stops_the_run_naming_row_and_column(runner: CliRunner, tmp_path: Path,
                                                                line: list[object], column: str,
                                                                words: str) -> None:
    path = _target_year(tmp_path, Alfa=(5, 5))
    targets = _targets(tmp_path, ["Beta", "Innvandrerbakgrunn", "0,2"], line)
    code, _, err = run(runner, "summary", path, "-r", pack(tmp_path, TARGET), "--targets", targets, "--lang", "en")
    assert code == 2 and "Traceback" not in err
    assert "maal.csv" in err and "row 3" in err and column in err and words in err


def test_a_duplicate_target_and_a_missing_header_are_errors(runner: CliRunner, tmp_path: Path) -> None:
    path = _target_year(tmp_path, Alfa=(5, 5))
    targets = _targets(tmp_path, ["Alfa", "Innvandrerbakgrunn", "0,2"], ["Alfa", "innvandrerbakgrunn", "0,3"])
    code, _, err = run(runner, "summary", path, "-r", pack(tmp_path, TARGET), "--targets", targets, "--lang", "en")
    assert code == 2 and "row 3" in err and "already has a target" in err
    bad = write_csv(tmp_path / "feil.csv", [["Enhet", "Andel"], ["Alfa", "0,2"]])
    code, _, err = run(runner, "summary", path, "-r", pack(tmp_path, TARGET), "--targets", bad, "--lang", "en")
    assert code == 2 and "feil.csv" in err and "Mål" in err


# ---------------------------------------------------------------------------------------------
# trainee_recruitment


def _trainee_year(tmp_path: Path, *hires: dict[str, object], header: Sequence[str] = HEADER) -> Path:
    year = Year(header)
    year.posting("P-1", _hires(2, 3))  # an ordinary posting
    year.posting("P-T", [*(dict(h, **{"Ansatt": "Ja"}) for h in hires), person("Ja", **{"Landgruppe": "2"})],
                 kind="trainee")
    return year.write(tmp_path)


def test_trainee_met_review_and_not_applicable(runner: CliRunner, tmp_path: Path) -> None:
    # no non-western column: immigrant background with country group 2 stands in (BE01's reading)
    met = _trainee_year(tmp_path, person("Ja", **{"Landgruppe": "2"}), person("Nei"))
    row = verdict(summary(runner, met, "-r", pack(tmp_path, TRAINEE), "--min-cell", "1"), "YR")
    assert (row["status"], row["reason"], row["postings"], row["hires"], row["declared_hires"]) == (
        "met", "trainee_declared", 1, 2, 1)
    review = _trainee_year(tmp_path, person("Ja", **{"Landgruppe": "1"}), person("Nei"))
    row = verdict(summary(runner, review, "-r", pack(tmp_path, TRAINEE), "--min-cell", "1"), "YR")
    assert (row["status"], row["reason"]) == ("review", "no_trainee_declared")
    unclear = _trainee_year(tmp_path, person("Ja"), person("Nei"))  # no country group: cannot tell
    row = verdict(summary(runner, unclear, "-r", pack(tmp_path, TRAINEE), "--min-cell", "1"), "YR")
    assert (row["status"], row["reason"]) == ("review", "undecided")
    year = Year()
    year.posting("P-1", _hires(2, 3))
    row = verdict(summary(runner, year.write(tmp_path), "-r", pack(tmp_path, TRAINEE)), "YR")
    assert (row["status"], row["reason"]) == ("not_applicable", "no_trainee_postings")
    without_hired = _trainee_year(tmp_path, person("Ja"), header=[h for h in HEADER if h != "Ansatt"])
    row = verdict(summary(runner, without_hired, "-r", pack(tmp_path, TRAINEE)), "YR")
    assert (row["status"], row["reason"]) == ("not_applicable", "hired_missing")


def test_trainee_reads_the_declared_non_western_column_first(runner: CliRunner, tmp_path: Path) -> None:
    header = [*HEADER, "Ikke-vestlig bakgrunn (egenerklært)"]
    path = _trainee_year(tmp_path, person("Ja", **{"Landgruppe": "1", "Ikke-vestlig bakgrunn (egenerklært)": "Ja"}),
                         header=header)
    row = verdict(summary(runner, path, "-r", pack(tmp_path, TRAINEE), "--min-cell", "1"), "YR")
    assert row["status"] == "met"  # the declaration, not country group 1, decides


def test_a_lone_trainee_hire_is_not_revealed_to_the_union_representative(runner: CliRunner,
                                                                        tmp_path: Path) -> None:
    path = _trainee_year(tmp_path, person("Ja", **{"Landgruppe": "2"}))
    hr = verdict(summary(runner, path, "-r", pack(tmp_path, TRAINEE)), "YR")
    assert (hr["status"], hr["hires"], hr["declared_hires"]) == ("met", None, None)
    union = verdict(summary(runner, path, "-r", pack(tmp_path, TRAINEE), "--audience", "tillitsvalgt"), "YR")
    assert (union["status"], union["reason"], union["hires"]) == ("not_applicable", "withheld", None)


# ---------------------------------------------------------------------------------------------
# packs, check and rules show


def test_check_never_runs_a_yearly_rule_and_summary_never_fails_on_one(runner: CliRunner, tmp_path: Path) -> None:
    path = _parity_year(tmp_path, 8, yes_invited=0)
    code, out, _ = run(runner, "check", path, "-r", "sarpsborg", "-f", "json")
    assert code == 1  # SA01 breaches; the yearly SA05 and SA06 are not there (SA04 is the ad's, per posting)
    rules = {f["rule"] for p in json.loads(out)["postings"] for f in p["findings"]}
    assert rules == {"SA01", "SA02", "SA03", "SA04"}
    report = summary(runner, path, "-r", pack(tmp_path, PARITY, TARGET))
    assert report["rules"] == [] and report["follow_up"] == []
    assert report["rules_selected"] == ["YP", "YT"]


def test_a_yearly_rule_refuses_posting_types(runner: CliRunner, tmp_path: Path) -> None:
    path = pack(tmp_path, PARITY + '\nposting_types = ["external"]')
    code, _, err = run(runner, "rules", "list", "--rules", path, "--lang", "en")
    assert code == 2 and "judges a whole period" in err


@pytest.mark.parametrize("rule", ["SA05", "SA06", "BE04", "BE05", "OS05", "OS06"])
def test_rules_show_says_what_a_yearly_rule_is(runner: CliRunner, rule: str) -> None:
    code, out, _ = run(runner, "rules", "show", rule, "--lang", "en")
    text = flat(out)
    assert code == 0 and "Yearly rule" in text and "never a breach" in text
    assert "not verified by the source" in text  # the method or the target is the pack's reading
    assert "breach:" not in text  # the statuses listed are met, review and not applicable
    code, out, _ = run(runner, "rules", "show", rule, "-f", "json")
    shown = json.loads(out)
    assert shown["yearly"] is True and set(shown["statuses"]) == {"met", "review", "not_applicable"}


def test_yearly_rules_are_the_same_column_wise_and_typed() -> None:
    from rekruttering.api import SummaryOptions, summarise

    year = ROOT / "samples" / "aar-2025"
    for rules in ("bergen", "sarpsborg"):
        options = SummaryOptions(rules=rules, justifications=year / "begrunnelser.csv")
        column_wise = summarise([year], [], options, columnar=True)
        typed = summarise([year], [], options, columnar=False)
        assert column_wise.yearly_rules == typed.yearly_rules and column_wise.yearly_rules


def test_protect_family_hides_a_lone_small_count_with_a_partner() -> None:
    units = {"H": (56, 9), "K": (9, 1), "N": (20, 1), "O": (39, 6), "T": (28, 11)}
    assert protect_family(units, 28, 5, False) == {"K", "N"}  # two small ones cover each other
    assert protect_family({"A": (10, 5), "D": (6, 2), "B": (10, 0)}, 7, 5, False) == {"B", "D"}
    assert protect_family({"A": (10, 5), "G": (3, 0)}, 5, 5, False) == {"G"}  # a zero is a zero
    assert protect_family({"A": (10, 5), "B": (10, 3)}, None, 5, False) == {"A", "B"}  # the total is hidden
    assert protect_family({"A": (10, 5), "B": (10, 3)}, 8, 1, False) == set()  # --min-cell 1


@pytest.mark.parametrize(("rules", "rule"), [("sarpsborg", "SA05"), ("sarpsborg", "SA06"), ("bergen", "BE04"),
                                             ("bergen", "BE05"), ("oslo", "OS06")])
def test_the_sample_year_exercises_every_status_of_the_yearly_rules(runner: CliRunner, rules: str,
                                                                    rule: str) -> None:
    """Over the year, its first half and its last quarter or month (see samples/README.md)."""
    year = ROOT / "samples" / "aar-2025"
    seen: set[str] = set()
    for period in (("--year", "2025"), ("--from", "01.01.2025", "--to", "30.06.2025"),
                   ("--from", "01.10.2025", "--to", "31.12.2025"), ("--from", "01.12.2025", "--to", "31.12.2025")):
        report = summary(runner, year, "-r", rules, *period, code=None)
        seen |= {r["status"] for r in rows(report, rule)}
    assert seen == {"met", "review", "not_applicable"}
    union = summary(runner, year, "-r", rules, "--year", "2025", "--audience", "tillitsvalgt", code=None)
    if rule in ("SA06", "BE04", "BE05"):
        assert "withheld" in {r["reason"] for r in rows(union, rule)}


def test_selecting_only_yearly_rules_is_for_summary_not_check(runner: CliRunner, tmp_path: Path) -> None:
    path = _parity_year(tmp_path, 8, yes_invited=0)
    report = summary(runner, path, "-r", "sarpsborg", "--select", "SA05")
    assert report["rules"] == [] and {r["rule"] for r in report["yearly_rules"]} == {"SA05"}
    assert report["rules_selected"] == ["SA05"]
    code, _, err = run(runner, "check", path, "-r", "sarpsborg", "--select", "SA05", "--lang", "en")
    assert code == 2 and "nothing to check" in err


def test_a_pack_of_yearly_rules_only_is_for_summary_not_check(runner: CliRunner, tmp_path: Path) -> None:
    path = _parity_year(tmp_path, 8, yes_invited=0)
    rules = pack(tmp_path, PARITY, TARGET)
    code, _, err = run(runner, "check", path, "-r", rules, "--lang", "en")
    assert code == 2 and "only yearly rules" in err and "nothing to check" in err
    assert summary(runner, path, "-r", rules)["rules_selected"] == ["YP", "YT"]



@pytest.mark.parametrize("audience", ["hr", "tillitsvalgt"])
def test_a_hidden_hire_count_cannot_be_worked_out_from_the_total(runner: CliRunner, tmp_path: Path,
                                                                audience: str) -> None:
    """Three units of 10 hires and one of 3: with the period's 33 and the three tens shown, the 3 would be
    33 − 30. A second unit's hires are hidden beside it, and what is left cannot pin either."""
    path = _target_year(tmp_path, Alfa=(5, 5), Beta=(0, 10), Gamma=(5, 5), Eps=(0, 3))
    report = summary(runner, path, "-r", pack(tmp_path, TARGET), "--audience", audience)
    units = {r["value"]: r for r in rows(report, "YT") if r["split"] == "unit"}
    assert verdict(report, "YT", split=None)["hires"] == 33
    hidden = sorted(name for name, r in units.items() if r["hires"] is None)
    assert "Eps" in hidden and len(hidden) == 2
    assert all(units[name]["declared_hires"] is None for name in hidden)
    # nor from the unit's postings (one hire each in this year, as is common): they are hidden with the hires
    assert all(units[name]["postings"] is None and "postings" in units[name]["suppressed"] for name in hidden)
    assert all(r["postings"] is not None for r in units.values() if r["hires"] is not None)
    shown = sum(r["hires"] for r in units.values() if r["hires"] is not None)
    assert 33 - shown > 3  # the hidden units together hold more than Eps's 3


def test_a_family_whose_small_counts_the_total_pins_is_not_shown(runner: CliRunner, tmp_path: Path) -> None:
    """Two units of 4 hires out of 8: both under K = 5, and 'too few hires' each, so each is 4. The units
    are not listed; the period's row still is."""
    path = _target_year(tmp_path, Alfa=(2, 2), Beta=(1, 3))
    report = summary(runner, path, "-r", pack(tmp_path, TARGET), "--audience", "tillitsvalgt")
    assert verdict(report, "YT", split=None)["hires"] == 8
    assert not [r for r in rows(report, "YT") if r["split"] == "unit"]


def test_a_yearly_rule_counts_only_postings_within_its_dates(runner: CliRunner, tmp_path: Path) -> None:
    """The rule ends 30 June: the spring posting (5 of 10 hires declared) is judged against 40 %, the
    autumn one (0 of 10) is left out and said so; over the whole year it would be 5 of 20, below."""
    year = Year()
    year.posting("P-1", [*_hires(5, 5), person("Nei")], unit="Alfa", deadline="01.03.2025")
    year.posting("P-2", [*_hires(0, 10), person("Nei")], unit="Beta", deadline="01.09.2025")
    path = year.write(tmp_path)
    rule = TARGET + "\ntarget = 0.4\nin_force_to = 2025-06-30"
    report = summary(runner, path, "-r", pack(tmp_path, rule, PARITY + "\nin_force_to = 2025-06-30"),
                     "--year", "2025", "--lang", "en")
    whole = verdict(report, "YT", split=None)
    assert (whole["status"], whole["hires"], whole["declared_hires"]) == ("met", 10, 5)
    assert whole["left_out_not_in_force"] == 1 and "1 posting with a deadline outside" in whole["sentence"]
    assert [r["value"] for r in rows(report, "YT") if r["split"] == "unit"] == ["Alfa"]
    assert {(r["status"], r["reason"]) for r in rows(report, "YP")} == {("not_applicable", "partly_in_force")}


def test_postings_where_declaration_was_not_offered_are_not_counted(runner: CliRunner, tmp_path: Path) -> None:
    """Alfa offered self-declaration (5 of 10 hires declared); Beta did not, so its 10 hires have nothing to
    declare and would pull the share down to 25 %. Beta is left out and said so; with Alfa offering
    nothing either, the rule cannot be judged."""
    def offered(people: list[dict[str, object]], answer: str) -> list[dict[str, object]]:
        return [{**p, "Egenerklæring tilbudt": answer} for p in people]

    def year_of(alfa: str) -> Path:
        year = Year([*HEADER, "Egenerklæring tilbudt"])
        year.posting("P-1", offered([*_hires(5, 5), person("Nei")], alfa), unit="Alfa")
        year.posting("P-2", offered([*(person(hired="Ja") for _ in range(10)), person()], "Nei"), unit="Beta")
        return year.write(tmp_path)

    rules = pack(tmp_path, TARGET + "\ntarget = 0.4")
    whole = verdict(summary(runner, year_of("Ja"), "-r", rules, "--lang", "en"), "YT", split=None)
    assert (whole["status"], whole["hires"], whole["declared_hires"]) == ("met", 10, 5)
    assert whole["left_out_not_offered"] == 1 and "1 posting where self-declaration was not offered" in \
        whole["sentence"]
    [alone] = rows(summary(runner, year_of("Nei"), "-r", rules, "--lang", "en"), "YT")
    assert (alone["status"], alone["reason"]) == ("not_applicable", "not_offered")
    assert "offered self-declaration" in alone["sentence"]


def test_a_targets_row_that_matches_nothing_is_warned_about(runner: CliRunner, tmp_path: Path) -> None:
    """'Enhet Alfa' is not how the export names the unit, and the pack has no target rule for disability:
    neither row is used, each is named with its row and column, and the run goes on."""
    path = _target_year(tmp_path, Alfa=(5, 5))
    targets = _targets(tmp_path, ["Enhet Alfa", "Innvandrerbakgrunn", "60 %"], ["Alfa", "Nedsatt funksjonsevne", "0,5"],
                       ["Alfa", "Innvandrerbakgrunn", "0,5"])
    report = summary(runner, path, "-r", pack(tmp_path, TARGET), "--targets", targets, "--lang", "en")
    warned = {(w["code"], w["row"], w["column"]) for w in report["warnings"] if w["code"].startswith("targets.")}
    assert warned == {("targets.unit_unmatched", 2, "Enhet"), ("targets.group_unused", 3, "Gruppe")}
    assert any("'Enhet Alfa'" in w["message"] for w in report["warnings"])
    [used] = [i for i in report["inputs"] if i["role"] == "targets"]
    assert (used["rows"], used["rows_used"]) == (3, 1)
    assert verdict(report, "YT", split="unit", value="Alfa")["target_source"] == "targets_file"


@pytest.mark.parametrize(("rules", "oslo"), [("sarpsborg", False), ("bergen", False), ("oslo", True)])
def test_only_oslos_pack_cites_oslos_text_on_personnel_data(runner: CliRunner, tmp_path: Path, rules: str,
                                                            oslo: bool) -> None:
    path = _target_year(tmp_path, Alfa=(5, 5))
    _, out, _ = run(runner, "summary", path, "-r", rules, "--lang", "en")
    assert ("City of Oslo's text" in flat(out)) is oslo
    assert ("the export holds declarations only for applicants" in flat(out)) is not oslo


def test_no_trainee_postings_shows_none_hired(runner: CliRunner, tmp_path: Path) -> None:
    path = _target_year(tmp_path, Alfa=(5, 5))
    [trainee] = rows(summary(runner, path, "-r", "bergen", code=None), "BE05")
    assert (trainee["reason"], trainee["hires"], trainee["declared_hires"]) == ("no_trainee_postings", 0, 0)
    _, out, _ = run(runner, "summary", path, "-r", "bergen", "--lang", "en")
    assert "Hires: :" not in out


def test_a_union_report_with_a_small_min_cell_says_it_is_not_safe(runner: CliRunner, tmp_path: Path) -> None:
    path = _target_year(tmp_path, Alfa=(5, 5))
    _, out, _ = run(runner, "summary", path, "-r", "sarpsborg", "--audience", "tillitsvalgt", "--min-cell", "1",
                    "--lang", "en")
    text_ = flat(out)
    assert "counts of persons up to 4 are NOT hidden" in text_ and "not safe to hand" in text_
    assert "below 1 are hidden" not in text_ and "internal use" not in text_
    assert "no count of persons is hidden" in text_


def test_the_hires_left_out_cannot_be_worked_out_from_the_funnel(runner: CliRunner, tmp_path: Path) -> None:
    """The funnel counts 12 hires; the rule, ending 30 June, counts the spring's 10. Showing 10 would give
    the autumn posting's 2 hires as 12 − 10, so the rule's count of hires is hidden."""
    year = Year()
    year.posting("P-1", [*_hires(5, 5), person("Nei")], unit="Alfa", deadline="01.03.2025")
    year.posting("P-2", [*_hires(0, 2), person("Nei")], unit="Beta", deadline="01.09.2025")
    path = year.write(tmp_path)
    report = summary(runner, path, "-r", pack(tmp_path, TARGET + "\nin_force_to = 2025-06-30"), "--year", "2025",
                     "--audience", "tillitsvalgt")
    whole = verdict(report, "YT", split=None)
    assert whole["hires"] is None and "hires" in whole["suppressed"] and whole["left_out_not_in_force"] == 1

"""`rekruttering summary`: sections, statistics against the oracle, suppression, period and formats."""

from __future__ import annotations

import json
import zipfile
from collections import defaultdict
from pathlib import Path
from typing import Any

import pytest
from statsmodels.stats.contingency_tables import StratifiedTable
from typer.testing import CliRunner

from rekruttering.read.columns import load_column_map
from rekruttering.read.join import load

from conftest import ROOT, run, write_csv

YEAR = ROOT / "samples" / "aar-2025"
SIDE = ("--workforce", YEAR / "arbeidsstyrke.csv", "--justifications", YEAR / "begrunnelser.csv")


def summary(runner: CliRunner, *args: str | Path, code: int = 1) -> dict[str, Any]:
    exit_code, out, err = run(runner, "summary", *args, "-f", "json")
    assert exit_code == code, err
    report: dict[str, Any] = json.loads(out)
    return report


@pytest.fixture(scope="module")
def year_report() -> dict[str, Any]:
    return summary(CliRunner(), YEAR, "--rules", "staten", "--year", "2025", *SIDE)


def test_every_section_of_the_sample_year_has_content(year_report: dict[str, Any]) -> None:
    report = year_report
    assert report["schema"] == "rekruttering.summary/2" and report["period"] == {"from": "2025-01-01",
                                                                                  "to": "2025-12-31"}
    assert report["postings"] == {"in_period": 179, "outside_period": 0, "without_deadline": 0,
                                  "first_outside": None, "last_outside": None}
    assert [r["rule"] for r in report["rules"]] == ["ST01", "ST02", "ST03", "ST04", "ST05", "ST06"]
    st01 = report["rules"][0]
    # 2025-171 did not offer self-declaration ('Egenerklæring tilbudt' Nei): review there, not met
    assert (st01["postings"], st01["met"], st01["breach"], st01["justified"], st01["review"],
            st01["not_applicable"]) == (179, 117, 13, 8, 11, 30)
    assert st01["compliance_rate"] == pytest.approx((117 + 8) / (179 - 30))
    assert {r["unit"] for r in report["by_unit"]} >= {"Helse og omsorg", "Kultur", "Økonomi"}
    assert len({r["month"] for r in report["by_month"]}) == 12
    assert ("2025-090", "ST04") in {(f["posting_id"], f["rule"]) for f in report["follow_up"]}
    assert ("2025-061", "ST04") not in {(f["posting_id"], f["rule"]) for f in report["follow_up"]}  # justified
    assert {(c["group"], c["category"]) for c in report["funnel_counts"]} >= {
        ("immigrant_background", "yes"), ("immigrant_background", "no"), ("immigrant_background", "not_declared"),
        ("disability", "yes"), ("cv_gap", "yes"), ("gender", "kvinne")}
    assert {(s["group"], s["stage"]) for s in report["funnel"]} >= {
        ("immigrant_background", "qualified"), ("immigrant_background", "invited"), ("immigrant_background", "hired")}
    [immigrant] = [r for r in report["representation"] if r["group"] == "immigrant_background"]
    assert immigrant["population_share"] == 0.185 and immigrant["applicants_share"] is not None
    assert all(s["sentence"] for s in report["funnel"]) and all(r["sentence"] for r in report["rules"])


def test_summary_counts_equal_the_sum_of_check_verdicts(runner: CliRunner, year_report: dict[str, Any]) -> None:
    code, out, _ = run(runner, "check", YEAR / "soekere.xlsx", "-s", YEAR / "kortliste.xlsx", "-r", "staten",
                       "-f", "json", *SIDE)
    assert code == 1
    counts: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for posting in json.loads(out)["postings"]:
        for finding in posting["findings"]:
            counts[finding["rule"]][finding["status"]] += 1
    for row in year_report["rules"]:
        assert {s: row[s] for s in ("met", "breach", "justified", "review", "not_applicable")} == {
            s: counts[row["rule"]][s] for s in ("met", "breach", "justified", "review", "not_applicable")}


def _strata(group: str, before: str, stage: str) -> list[list[list[int]]]:
    """Per posting 2x2 tables [[yes selected, yes not], [no selected, no not]], computed here independently."""
    dataset = load([YEAR / "soekere.xlsx", YEAR / "kortliste.xlsx"], columns=load_column_map())
    order = ["applied", "qualified", "invited", "hired"]

    def reached(a: Any, name: str) -> bool:
        checks = [True, a.qualified is True, a.invited is True, a.hired is True]
        return all(checks[: order.index(name) + 1])

    tables = []
    for posting in dataset.postings:
        cells = [[0, 0], [0, 0]]
        for a in posting.applicants:
            value = getattr(a, group)
            if value is None or not reached(a, before):
                continue
            row = 0 if value is True else 1
            cells[row][0 if reached(a, stage) else 1] += 1
        if sum(map(sum, cells)) >= 2:
            tables.append(cells)
    return tables


@pytest.mark.parametrize(("group", "before", "stage"), [
    ("immigrant_background", "applied", "qualified"), ("immigrant_background", "qualified", "invited"),
    ("immigrant_background", "invited", "hired"), ("disability", "qualified", "invited"),
    ("cv_gap", "invited", "hired"),
])
def test_stratified_statistics_match_statsmodels(year_report: dict[str, Any], group: str, before: str,
                                                 stage: str) -> None:
    [step] = [s for s in year_report["funnel"] if (s["group"], s["stage"]) == (group, stage)]
    assert step["from_stage"] == before and step["suppressed"] == []
    oracle = StratifiedTable([t for t in _strata(group, before, stage)])
    # published rounded: ratios and statistics to 3 significant digits, p-values to 2
    assert step["mh_odds_ratio"] == float(f"{oracle.oddsratio_pooled:.3g}")
    assert step["mh_risk_ratio"] == float(f"{oracle.riskratio_pooled:.3g}")
    uncorrected = oracle.test_null_odds(correction=False)
    assert step["cmh_statistic"] == float(f"{uncorrected.statistic:.3g}")
    # statsmodels underflows to 0 where erfc still gives a tiny number
    assert step["cmh_p"] == float(f"{uncorrected.pvalue:.2g}") or (
        uncorrected.pvalue == 0 and step["cmh_p"] < 1e-12)
    # statsmodels always subtracts 1/2; the tool does not when |Σ (a − E[a])| is below 1/2 (summary/stats.py)
    tables = _strata(group, before, stage)
    delta = sum(t[0][0] - (t[0][0] + t[0][1]) * (t[0][0] + t[1][0]) / sum(map(sum, t)) for t in tables)
    corrected = oracle.test_null_odds(correction=abs(delta) >= 0.5)
    assert step["cmh_statistic_corrected"] == float(f"{corrected.statistic:.3g}")
    assert step["cmh_p_corrected"] == float(f"{corrected.pvalue:.2g}") or (
        corrected.pvalue == 0 and step["cmh_p_corrected"] < 1e-12)
    assert 0 <= step["exact_p_one_sided"] <= 1
    assert step["informative_postings"] > 0


HEADER = ["Stillings-ID", "Søknadsfrist", "Søker-ID", "Kvalifisert", "Innvandrerbakgrunn", "Innkalt til intervju"]


def _pool(tmp_path: Path, yes: int, no: int, *, yes_invited: int, no_invited: int, undeclared: int = 12) -> Path:
    """Applicants spread over seven postings so the stratified tests have strata; all qualified. Half of those
    who declared nothing are invited, so no cell of theirs is small (zeros count as small)."""
    rows: list[list[object]] = [HEADER]
    people = ([("Ja", i < yes_invited) for i in range(yes)] + [("Nei", i < no_invited) for i in range(no)]
              + [("", i < undeclared // 2) for i in range(undeclared)])
    for n, (answer, invited) in enumerate(people):
        rows.append([f"P-{n % 7}", "01.03.2025", f"S-{n}", "Ja", answer, "Ja" if invited else "Nei"])
    return write_csv(tmp_path / "a.csv", rows)


@pytest.mark.parametrize(("k", "hidden"), [(4, False), (5, False), (6, True)])
def test_suppression_at_k_minus_one_k_and_k_plus_one(runner: CliRunner, tmp_path: Path, k: int,
                                                     hidden: bool) -> None:
    path = _pool(tmp_path, yes=5, no=30, yes_invited=5, no_invited=12, undeclared=18)
    report = summary(runner, path, "--rules", "oslo", "--min-cell", str(k), code=0)
    counts = {c["category"]: c for c in report["funnel_counts"]}
    assert counts["yes"]["applied"] == (None if hidden else 5)
    assert ("applied" in counts["yes"]["suppressed"]) is hidden
    # a total would reveal a lone hidden cell, so a second one is hidden with it
    assert (counts["not_declared"]["applied"] is None) is hidden
    [step] = [s for s in report["funnel"] if s["stage"] == "invited"]
    assert (step["impact_ratio"] is None) is hidden and (step["exact_p_one_sided"] is None) is hidden
    if hidden:
        assert {"impact_ratio", "cmh_p", "exact_p_one_sided", "mh_risk_ratio"} <= set(step["suppressed"])
    [share] = report["representation"]
    assert (share["applicants_share"] is None) is hidden


def test_four_fifths_is_compared_exactly(runner: CliRunner, tmp_path: Path) -> None:
    # 10 of 30 against 25 of 60: 1/3 against 5/12 is exactly 4/5, which is not below
    path = _pool(tmp_path, yes=30, no=60, yes_invited=10, no_invited=25)
    report = summary(runner, path, "--rules", "oslo", code=0)
    [step] = [s for s in report["funnel"] if s["stage"] == "invited"]
    assert step["impact_ratio_exact"] == "4/5" and step["below_four_fifths"] is False
    assert step["too_little_data"] is True  # one fewer invited from the group would make it below
    path = _pool(tmp_path, yes=80, no=40, yes_invited=48, no_invited=12)  # the classic example, reversed roles
    [step] = [s for s in summary(runner, path, "--rules", "oslo", code=0)["funnel"] if s["stage"] == "invited"]
    assert step["impact_ratio_exact"] == "2/1" and step["below_four_fifths"] is False
    path = _pool(tmp_path, yes=40, no=80, yes_invited=12, no_invited=48)
    [step] = [s for s in summary(runner, path, "--rules", "oslo", code=0)["funnel"] if s["stage"] == "invited"]
    assert step["impact_ratio_exact"] == "1/2" and step["below_four_fifths"] is True
    assert step["too_little_data"] is False and "under 4/5" in step["sentence"]


def test_period_options(runner: CliRunner, tmp_path: Path) -> None:
    rows: list[list[object]] = [HEADER, ["P-1", "15.01.2025", "S-1", "Ja", "Ja", "Ja"],
                                ["P-2", "15.06.2025", "S-2", "Ja", "Ja", "Ja"],
                                ["P-3", "15.01.2024", "S-3", "Ja", "Ja", "Ja"], ["P-4", "", "S-4", "Ja", "Ja", "Ja"]]
    path = write_csv(tmp_path / "a.csv", rows)
    report = summary(runner, path, "--rules", "oslo", "--from", "01.01.2025", "--to", "2025-03-31", code=0)
    assert report["postings"] == {"in_period": 1, "outside_period": 2, "without_deadline": 1,
                                  "first_outside": "2024-01-15", "last_outside": "2025-06-15"}
    report = summary(runner, path, "--rules", "oslo", "--year", "2024", code=0)
    assert report["postings"]["in_period"] == 1 and report["rules"][0]["met"] == 1
    code, _, err = run(runner, "summary", path, "-r", "oslo", "--year", "2025", "--from", "01.01.2025")
    assert code == 2 and "--year" in err
    code, _, err = run(runner, "summary", path, "-r", "oslo", "--from", "31.02.2025")
    assert code == 2 and "31.02.2025" in err


def test_tillitsvalgt_summary_has_no_applicant_ids(runner: CliRunner) -> None:
    for fmt in ("json", "text", "markdown", "html"):
        code, out, _ = run(runner, "summary", YEAR, "--rules", "oslo", "--audience", "tillitsvalgt", "-f", fmt, *SIDE)
        assert code == 1
        assert "-S0" not in out and "-S1" not in out and "S-1" not in out


def test_summary_formats_have_charts(runner: CliRunner, tmp_path: Path) -> None:
    target = tmp_path / "oversikt.xlsx"
    code, _, err = run(runner, "summary", YEAR, "--rules", "sarpsborg", *SIDE, "-f", "xlsx", "-o", target)
    assert code == 1, err
    names = zipfile.ZipFile(target).namelist()
    assert sum(n.startswith("xl/charts/chart") for n in names) >= 3
    import openpyxl

    book = openpyxl.load_workbook(target)
    assert {"Per regel", "Per enhet", "Søkerløpet", "Utvalg per trinn", "Representasjon", "Metode"} <= set(
        book.sheetnames)
    code, out, _ = run(runner, "summary", YEAR, "--rules", "sarpsborg", *SIDE, "-f", "html")
    assert code == 1 and out.count("<svg") >= 3 and "forholdet samlet er" in out
    code, out, _ = run(runner, "summary", YEAR, "--rules", "sarpsborg", *SIDE, "-f", "markdown", "--lang", "en")
    assert code == 1 and "## Compliance by rule" in out and "the pooled ratio is" in out


def test_no_fail_and_progress_is_silent_off_a_terminal(runner: CliRunner) -> None:
    code, out, err = run(runner, "summary", YEAR, "--rules", "oslo", "--no-fail", *SIDE)
    assert code == 0 and "Oversikt over rekrutteringen" in out and err == ""


def test_stale_justifications_reach_both_audiences_without_the_applicant(runner: CliRunner) -> None:
    hr = summary(runner, YEAR, "--rules", "staten", *SIDE)
    union = summary(runner, YEAR, "--rules", "staten", "--audience", "tillitsvalgt", *SIDE)
    stale = {(u["posting_id"], u["rule"], u["applicant_id"]) for u in hr["unused_justifications"]}
    assert ("2025-002", "ST02", "2025-002-S026") in stale and hr["warnings"]
    assert {(u["posting_id"], u["rule"], u["applicant_id"]) for u in union["unused_justifications"]} == {
        (posting, rule, None) for posting, rule, _ in stale}
    assert union["warnings"] == []
    code, out, _ = run(runner, "summary", YEAR, "--rules", "staten", "--audience", "tillitsvalgt", *SIDE)
    assert code == 1 and "Begrunnelser som ikke passer til noe brudd" in out and "S026" not in out


ZERO_HEADER = ["Stillings-ID", "Søknadsfrist", "Søker-ID", "Kvalifisert", "Innvandrerbakgrunn", "Innkalt til intervju",
               "Ansatt"]


def _zero_hire_year(tmp_path: Path, undeclared: int) -> Path:
    """Ten postings of two declared and four who declared no; in each, one of those who declared no is hired."""
    rows: list[list[object]] = [ZERO_HEADER]
    for p in range(10):
        for a in range(6 + undeclared):
            answer = "Ja" if a < 2 else "Nei" if a < 6 else ""
            rows.append([f"P-{p}", "01.03.2025", f"S-{p}-{a}", "Ja", answer, "Ja", "Ja" if a == 2 else "Nei"])
    return write_csv(tmp_path / "a.csv", rows)


@pytest.mark.parametrize("k", [1, 5])
def test_zero_of_twenty_declared_hired_is_published(runner: CliRunner, tmp_path: Path, k: int) -> None:
    report = summary(runner, _zero_hire_year(tmp_path, undeclared=1), "--rules", "oslo", "--min-cell", str(k),
                     code=0)
    counts = {c["category"]: c for c in report["funnel_counts"]}
    assert (counts["yes"]["invited"], counts["yes"]["hired"]) == (20, 0)
    assert (counts["no"]["invited"], counts["no"]["hired"]) == (40, 10)
    [step] = [s for s in report["funnel"] if s["stage"] == "hired"]
    assert step["impact_ratio"] == 0 and step["below_four_fifths"] is True and step["suppressed"] == []
    assert step["exact_p_one_sided"] == pytest.approx((2 / 3) ** 10, abs=5e-4)  # 0.017
    assert report["internal_use"] is (k == 1)


@pytest.mark.parametrize("k", [1, 5])
def test_when_everyone_declared_the_empty_row_shows_zeros_and_hides_nothing(runner: CliRunner, tmp_path: Path,
                                                                            k: int) -> None:
    report = summary(runner, _zero_hire_year(tmp_path, undeclared=0), "--rules", "oslo", "--min-cell", str(k),
                     code=0)
    counts = {c["category"]: c for c in report["funnel_counts"]}
    assert [counts["not_declared"][s] for s in ("applied", "qualified", "invited", "hired")] == [0, 0, 0, 0]
    assert counts["yes"]["suppressed"] == [] and counts["yes"]["applied"] == 20
    assert all(s["rate_group"] is not None and s["rate_reference"] is not None for s in report["funnel"])


def test_an_application_in_doubt_is_left_out_of_the_funnel_and_counted(runner: CliRunner, tmp_path: Path) -> None:
    rows: list[list[object]] = [HEADER]
    for n in range(12):
        rows.append([f"P-{n % 3}", "01.03.2025", f"S-{n}", "Ja", "Ja" if n % 2 else "Nei", "Ja" if n < 8 else "Nei"])
    rows.append(["P-0", "01.03.2025", "S-99", "Ja", "Ja", "Ja (tlf)"])  # invited or not: unknown
    report = summary(runner, write_csv(tmp_path / "a.csv", rows), "--rules", "oslo", "--min-cell", "1", code=0)
    counts = {c["category"]: c for c in report["funnel_counts"]}
    assert counts["yes"]["applied"] == 6 and counts["no"]["applied"] == 6  # S-99 in neither
    assert report["left_out_in_doubt"] == 1
    _, out, _ = run(runner, "summary", tmp_path / "a.csv", "--rules", "oslo", "--lang", "en")
    assert "1 application is left out of the funnel" in " ".join(out.split())

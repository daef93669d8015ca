"""The bundled samples give the verdicts their README promises, from xlsx and csv alike."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from rekruttering.checks import CHECKS
from rekruttering.checks.pack import load_pack

from conftest import ROOT, flat, run

SAMPLES = ROOT / "samples"


def test_posting_before_interviews_has_the_breach_to_fix(runner: CliRunner) -> None:
    code, out, _ = run(runner, "check", SAMPLES / "for-intervju" / "soekere.xlsx", "--shortlist",
                       SAMPLES / "for-intervju" / "intervju.xlsx", "--rules", "staten", "-f", "json")
    assert code == 1
    [posting] = json.loads(out)["postings"]
    found = {f["rule"]: (f["status"], f["applicants"]) for f in posting["findings"]}
    assert found["ST01"] == ("breach", ["S-1003", "S-1010"])
    assert found["ST02"] == ("met", []) and found["ST03"] == ("met", [])
    assert {found[r][0] for r in ("ST04", "ST05", "ST06")} == {"not_applicable"}  # nobody hired yet
    code, out, _ = run(runner, "check", SAMPLES / "for-intervju" / "soekere.xlsx", "--shortlist",
                       SAMPLES / "for-intervju" / "intervju.xlsx", "--rules", "sarpsborg")
    assert code == 1 and "Ikke innkalt: S-1003 (rang 7), S-1010." in flat(out)


def _year(runner: CliRunner, suffix: str, pack: str, *extra: str | Path) -> dict[str, Any]:
    folder = SAMPLES / ("aar-2025-csv" if suffix == "csv" else "aar-2025")
    code, out, _ = run(runner, "check", folder / f"soekere.{suffix}", "-s", folder / f"kortliste.{suffix}", "-r", pack,
                       "-f", "json", *extra)
    assert code == 1
    report: dict[str, Any] = json.loads(out)
    return report


SIDE_FILES = ("--workforce", SAMPLES / "aar-2025" / "arbeidsstyrke.csv",
              "--justifications", SAMPLES / "aar-2025" / "begrunnelser.csv")


def _outcomes(report: dict[str, Any]) -> dict[tuple[str, str], tuple[str, str]]:
    return {(p["posting_id"], f["rule"]): (f["status"], f["reason"]) for p in report["postings"]
            for f in p["findings"]}


def test_year_interview_rules_keep_their_planned_counts(runner: CliRunner) -> None:
    report = _year(runner, "xlsx", "staten")
    assert len(report["postings"]) == 179
    counts = Counter(status for (posting, rule), (status, _) in _outcomes(report).items()
                     if rule in ("ST01", "ST02", "ST03") and posting <= "2025-170")
    assert counts == {"met": 330, "breach": 42, "justified": 21, "review": 30, "not_applicable": 87}
    inputs = report["inputs"]
    assert sum(i["rows"] for i in inputs if i["role"] == "applicants") >= 5000


@pytest.mark.parametrize("pack", ["staten", "sarpsborg", "bergen", "oslo"])
def test_year_has_every_status_for_every_rule(runner: CliRunner, pack: str) -> None:
    outcomes = _outcomes(_year(runner, "xlsx", pack, *SIDE_FILES))
    for rule in {rule for _, rule in outcomes}:
        statuses = {status for (_, r), (status, _) in outcomes.items() if r == rule}
        found = load_pack(pack).rule(rule)
        assert found is not None
        # every status the rule can give: all five, but a rule that only reviews (OS03, OS04) never breaches
        assert statuses == set(found.statuses(CHECKS[found.check].statuses)), rule


def test_year_boundary_and_side_file_cases(runner: CliRunner) -> None:
    staten = _outcomes(_year(runner, "csv", "staten", *SIDE_FILES))
    assert staten[("2025-074", "ST06")] == ("met", "quotation_used")  # 95 against 100: exactly 5 %
    assert staten[("2025-061", "ST04")] == ("justified", "radical_quotation")  # from begrunnelser.csv
    assert staten[("2025-009", "ST01")] == ("justified", "not_invited")  # from begrunnelser.csv
    assert staten[("2025-007", "ST03")] == ("breach", "not_invited")  # a blank justification is none
    sarpsborg = _outcomes(_year(runner, "csv", "sarpsborg", *SIDE_FILES))
    assert sarpsborg[("2025-041", "SA02")] == ("breach", "radical_quotation")  # 94 against 100
    assert sarpsborg[("2025-022", "SA02")] == ("met", "quotation_used")  # rank distance exactly 1
    oslo = _outcomes(_year(runner, "csv", "oslo", *SIDE_FILES))
    assert oslo[("2025-178", "OS02")] == ("breach", "unlawful_reservation")
    assert oslo[("2025-177", "OS02")] == ("not_applicable", "readvertise")
    assert oslo[("2025-175", "OS02")] == ("justified", "outside_reservation")
    assert oslo[("2025-172", "OS02")] == ("review", "reservation_unknown")  # a CV gap: not in Oslo's text
    bergen = _outcomes(_year(runner, "csv", "bergen", *SIDE_FILES))
    assert bergen[("2025-179", "BE03")] == ("breach", "unlawful_reservation")  # a trainee post for one ethnic group
    assert bergen[("2025-173", "BE03")] == ("review", "reservation_blank")
    report = _year(runner, "csv", "staten", *SIDE_FILES)
    stale = {(u["posting_id"], u["rule"]) for u in report["unused_justifications"]}
    assert ("2025-002", "ST01") in stale and ("2025-002", "ST02") in stale


def test_year_csv_and_xlsx_give_the_same_verdicts(runner: CliRunner) -> None:
    for pack in ("staten", "bergen"):
        assert _year(runner, "csv", pack)["postings"] == _year(runner, "xlsx", pack)["postings"]


def test_samples_are_synthetic_and_generated_by_the_script() -> None:
    assert (SAMPLES / "generate.py").is_file()
    readme = (SAMPLES / "README.md").read_text(encoding="utf-8")
    assert "python samples/generate.py" in readme and "example.org" in readme
    raw = (SAMPLES / "aar-2025-csv" / "soekere.csv").read_bytes()
    raw.decode("cp1252")
    assert b"\r\n" in raw and raw.split(b"\r\n")[0].count(b";") >= 10
    assert Path(SAMPLES / "aar-2025" / "soekere.xlsx").stat().st_size > 100_000

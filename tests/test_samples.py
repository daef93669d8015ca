"""The bundled samples give the verdicts their README promises, from xlsx and csv alike."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

from typer.testing import CliRunner

from conftest import ROOT, flat, run

SAMPLES = ROOT / "samples"


def test_posting_before_interviews_has_the_breach_to_fix(runner: CliRunner) -> None:
    code, out, _ = run(runner, "check", SAMPLES / "for-intervju" / "soekere.xlsx", "--shortlist",
                       SAMPLES / "for-intervju" / "intervju.xlsx", "--rules", "staten", "-f", "json")
    assert code == 1
    [posting] = json.loads(out)["postings"]
    found = {f["rule"]: (f["status"], f["applicants"]) for f in posting["findings"]}
    assert found == {"ST01": ("breach", ["S-1003", "S-1010"]), "ST02": ("met", []), "ST03": ("met", [])}
    code, out, _ = run(runner, "check", SAMPLES / "for-intervju" / "soekere.xlsx", "--shortlist",
                       SAMPLES / "for-intervju" / "intervju.xlsx", "--rules", "sarpsborg")
    assert code == 1 and "Ikke innkalt: S-1003 (rang 7), S-1010." in flat(out)


def _year(runner: CliRunner, suffix: str, pack: str) -> dict[str, object]:
    code, out, _ = run(runner, "check", SAMPLES / "aar-2025" / f"soekere.{suffix}", "-s",
                       SAMPLES / "aar-2025" / f"kortliste.{suffix}", "-r", pack, "-f", "json")
    assert code == 1
    report: dict[str, object] = json.loads(out)
    return report


def test_year_has_every_status_for_every_state_rule(runner: CliRunner) -> None:
    report = _year(runner, "xlsx", "staten")
    postings = report["postings"]
    assert isinstance(postings, list) and len(postings) >= 150
    counts = Counter((f["rule"], f["status"]) for p in postings for f in p["findings"])
    for rule in ("ST01", "ST02", "ST03"):
        for status in ("met", "breach", "justified", "review", "not_applicable"):
            assert counts[(rule, status)] > 0, (rule, status)
    assert report["totals"] == {"postings": 170, "met": 330, "breach": 42, "justified": 21, "review": 30,
                                "not_applicable": 87}
    inputs = report["inputs"]
    assert isinstance(inputs, list) and sum(i["rows"] for i in inputs if i["role"] == "applicants") >= 5000


def test_year_csv_and_xlsx_give_the_same_verdicts(runner: CliRunner) -> None:
    for pack in ("staten", "bergen"):
        assert _year(runner, "csv", pack)["postings"] == _year(runner, "xlsx", pack)["postings"]


def test_samples_are_synthetic_and_generated_by_the_script() -> None:
    assert (SAMPLES / "generate.py").is_file()
    readme = (SAMPLES / "README.md").read_text(encoding="utf-8")
    assert "python samples/generate.py" in readme and "example.org" in readme
    raw = (SAMPLES / "aar-2025" / "soekere.csv").read_bytes()
    raw.decode("cp1252")
    assert b"\r\n" in raw and raw.split(b"\r\n")[0].count(b";") >= 10
    assert Path(SAMPLES / "aar-2025" / "soekere.xlsx").stat().st_size > 100_000

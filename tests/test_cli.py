"""The command line as a user meets it: verdicts, messages in both languages, exit codes, files."""

from __future__ import annotations

import hashlib
import json
import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from conftest import APPLICANT_HEADER, ROOT, flat, run, write_csv


def test_breach_is_reported_with_applicants_to_invite_and_exit_1(
        runner: CliRunner, small_exports: tuple[Path, Path]) -> None:
    applicants, shortlist = small_exports
    code, out, err = run(runner, "check", applicants, "--shortlist", shortlist, "--rules", "sarpsborg")
    assert code == 1, err
    out = flat(out)
    assert "Ikke innkalt: S-11 (rang 2), S-13 (rang 4)." in out
    assert "brudd" in out and "oppfylt" in out and "gjelder ikke" in out
    assert "Ingen søker har oppgitt innvandrerbakgrunn." in out
    assert "1 brudd uten begrunnelse" in out
    assert "Kari" not in out and "Nordmann" not in out


def test_english_report(runner: CliRunner, small_exports: tuple[Path, Path]) -> None:
    applicants, shortlist = small_exports
    code, out, _ = run(runner, "check", applicants, "-s", shortlist, "-r", "sarpsborg", "--lang", "en")
    assert code == 1
    out = flat(out)
    assert "Not invited: S-11 (rank 2), S-13 (rank 4)." in out
    assert "No applicant declared immigrant background." in out
    assert "1 unjustified breach, 0 to review: fix the breach before" in out


def test_no_fail_forces_exit_0(runner: CliRunner, small_exports: tuple[Path, Path]) -> None:
    applicants, shortlist = small_exports
    code, _, _ = run(runner, "check", applicants, "-s", shortlist, "-r", "sarpsborg", "--no-fail")
    assert code == 0


def test_posting_filter(runner: CliRunner, small_exports: tuple[Path, Path]) -> None:
    applicants, shortlist = small_exports
    code, out, _ = run(runner, "check", applicants, "-s", shortlist, "-r", "sarpsborg", "--posting", "P-2",
                       "--posting", "P-3", "-f", "json")
    assert code == 0
    assert [p["posting_id"] for p in json.loads(out)["postings"]] == ["P-2", "P-3"]
    code, _, err = run(runner, "check", applicants, "-s", shortlist, "-r", "sarpsborg", "--posting", "P-404")
    assert code == 2 and "P-404" in err


def test_json_contract(runner: CliRunner, small_exports: tuple[Path, Path]) -> None:
    applicants, shortlist = small_exports
    code, out, _ = run(runner, "check", applicants, "-s", shortlist, "-r", "sarpsborg", "--format", "json")
    assert code == 1
    report = json.loads(out)
    assert report["schema"] == "rekruttering.check/1"
    assert report["audience"] == "hr"
    assert report["rule_pack"]["id"] == "sarpsborg" and len(report["rule_pack"]["sha256"]) == 64
    pack_bytes = (ROOT / "rules" / "sarpsborg.toml").read_bytes()
    assert report["rule_pack"]["sha256"] == hashlib.sha256(pack_bytes).hexdigest()
    assert [(i["file"], i["role"], i["rows"], i["sha256"]) for i in report["inputs"]] == [
        (str(applicants), "applicants", 6, hashlib.sha256(applicants.read_bytes()).hexdigest()),
        (str(shortlist), "shortlist", 5, hashlib.sha256(shortlist.read_bytes()).hexdigest()),
    ]
    postings = {p["posting_id"]: p for p in report["postings"]}
    assert list(postings) == ["P-1", "P-2", "P-3"]
    assert [f["rule"] for f in postings["P-1"]["findings"]] == ["SA01", "SA02", "SA03", "SA04"]
    breach, *quotation, ad = postings["P-1"]["findings"]
    assert [(f["status"], f["reason"]) for f in quotation] == [("not_applicable", "no_choice")] * 2
    assert (ad["check"], ad["group"], ad["status"], ad["reason"]) == ("ad_statement", None, "met", "statement")
    assert breach == {
        "rule": "SA01", "check": "interview_minimum", "group": "immigrant_background", "status": "breach",
        "severity": "error", "reason": "not_invited", "applicants": ["S-11", "S-13"], "justification": None,
        "message": "Ingen kvalifisert søker med innvandrerbakgrunn er innkalt til intervju (kravet er minst 1). "
                   "Ikke innkalt: S-11 (rang 2), S-13 (rang 4).",
    }
    assert postings["P-3"]["deadline"] == "2025-03-01"  # an Excel serial in a csv
    # met: SA01 on P-2, and SA04 on all three postings
    assert report["totals"] == {"postings": 3, "met": 4, "breach": 1, "justified": 0, "review": 0,
                                "not_applicable": 7, "advice_not_followed": 0}


def test_generated_at_follows_source_date_epoch(runner: CliRunner, small_exports: tuple[Path, Path],
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1764000000")
    applicants, shortlist = small_exports
    _, out, _ = run(runner, "check", applicants, "-s", shortlist, "-r", "sarpsborg", "-f", "json")
    assert json.loads(out)["generated_at"] == "2025-11-24T16:00:00+00:00"


def test_defaults_from_rekruttering_toml(runner: CliRunner, small_exports: tuple[Path, Path],
                                         monkeypatch: pytest.MonkeyPatch) -> None:
    applicants, shortlist = small_exports
    (applicants.parent / "rekruttering.toml").write_text('rules = "sarpsborg"\nlang = "en"\nformat = "json"\n'
                                                         "no_fail = true\n")
    monkeypatch.chdir(applicants.parent)
    code, out, _ = run(runner, "check", applicants.name, "-s", shortlist.name)
    assert code == 0
    assert json.loads(out)["lang"] == "en"
    code, out, _ = run(runner, "check", applicants.name, "-s", shortlist.name, "--format", "text", "--fail")
    assert code == 1 and "Not invited" in out


def test_bad_config_is_a_usage_error(runner: CliRunner, small_exports: tuple[Path, Path], tmp_path: Path) -> None:
    applicants, shortlist = small_exports
    config = tmp_path / "annen.toml"
    config.write_text('regler = "sarpsborg"\n')
    code, _, err = run(runner, "check", applicants, "-s", shortlist, "--config", config)
    assert code == 2 and "regler" in err


def test_missing_rule_pack_choice(runner: CliRunner, small_exports: tuple[Path, Path],
                                  monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.chdir(tmp_path)
    applicants, shortlist = small_exports
    code, _, err = run(runner, "check", applicants, "-s", shortlist)
    assert code == 2 and "--rules" in err
    code, _, err = run(runner, "check", applicants, "-s", shortlist, "-r", "trondheim")
    assert code == 2 and "trondheim" in err and "sarpsborg" in err


def test_column_needed_by_a_rule_is_missing(runner: CliRunner, small_exports: tuple[Path, Path]) -> None:
    applicants, shortlist = small_exports
    code, out, err = run(runner, "check", applicants, "-s", shortlist, "-r", "staten", "--lang", "en")
    assert code == 2 and out == ""
    assert "disability" in err and "ST02" in err and "gap in the CV" in err and "ST03" in err
    assert "Traceback" not in err


def test_no_shortlist_at_all(runner: CliRunner, small_exports: tuple[Path, Path]) -> None:
    applicants, _ = small_exports
    code, _, err = run(runner, "check", applicants, "-r", "sarpsborg")
    assert code == 2 and "--shortlist" in err


def test_bad_input_message_names_file_row_and_column(runner: CliRunner, tmp_path: Path) -> None:
    applicants = write_csv(tmp_path / "a.csv", [APPLICANT_HEADER, ["P-1", "", "", "", "S-1", "", "Ja", "Ja"]])
    shortlist = write_csv(tmp_path / "k.csv", [["Stillings-ID", "Søker-ID"], ["P-1", "S-1"], ["P-1", "S-2"]])
    code, _, err = run(runner, "check", applicants, "-s", shortlist, "-r", "oslo")
    assert code == 2
    assert f"{shortlist}, rad 3, kolonne «Søker-ID»: søker S-2 i stilling P-1 står på kortlisten" in err
    code, _, err = run(runner, "check", applicants, "-s", shortlist, "-r", "oslo", "--lang", "en")
    assert f"{shortlist}, row 3, column 'Søker-ID': applicant S-2 in posting P-1 is on the shortlist" in err


def test_output_file_is_private_and_not_overwritten(runner: CliRunner, small_exports: tuple[Path, Path],
                                                    tmp_path: Path) -> None:
    applicants, shortlist = small_exports
    target = tmp_path / "rapport.json"
    code, out, _ = run(runner, "check", applicants, "-s", shortlist, "-r", "sarpsborg", "-f", "json", "-o", target)
    assert code == 1 and out == ""
    assert json.loads(target.read_text())["schema"] == "rekruttering.check/1"
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    code, _, err = run(runner, "check", applicants, "-s", shortlist, "-r", "sarpsborg", "-o", target)
    assert code == 2 and "--force" in err
    code, _, _ = run(runner, "check", applicants, "-s", shortlist, "-r", "sarpsborg", "-o", target, "--force",
                     "--lang", "en")
    assert code == 1 and json.loads(target.read_text())["lang"] == "en"  # .json: JSON without --format


def test_inspect_shows_role_mapping_and_ignored_columns(runner: CliRunner, small_exports: tuple[Path, Path]) -> None:
    applicants, shortlist = small_exports
    code, out, _ = run(runner, "inspect", applicants, shortlist, "--lang", "en")
    assert code == 0
    assert "Role: applicants" in out and "Role: shortlist" in out
    assert "Columns ignored (never read): Navn" in out
    assert "Søker-ID" in out and "applicant_id" in out
    assert "Rows: 6 / 6 / 0" in out


def test_inspect_reports_problems_and_exits_2_on_unreadable(runner: CliRunner, tmp_path: Path) -> None:
    garbage = tmp_path / "tull.xlsx"
    garbage.write_bytes(b"not a spreadsheet")
    code, out, _ = run(runner, "inspect", garbage)
    assert code == 2 and "tull.xlsx" in out and "kan ikke leses" in out


def test_columns_lists_fields_and_headers(runner: CliRunner) -> None:
    code, out, _ = run(runner, "columns")
    assert code == 0
    assert "applicant_id" in out and "Søker-ID" in out and "Innvandrerbakgrunn (egenerklært)" in out


def test_python_dash_m_and_no_traceback_on_bad_input(tmp_path: Path) -> None:
    garbage = tmp_path / "tull.xlsx"
    garbage.write_bytes(b"not a spreadsheet")
    env = {**os.environ, "NO_COLOR": "1"}
    proc = subprocess.run([sys.executable, "-m", "rekruttering", "check", str(garbage), "-r", "sarpsborg"],
                          capture_output=True, text=True, env=env, check=False)
    assert proc.returncode == 2
    assert "tull.xlsx" in proc.stderr and "Traceback" not in proc.stderr
    proc = subprocess.run([sys.executable, "-m", "rekruttering", "--help"], capture_output=True, text=True,
                          env=env, check=False)
    assert proc.returncode == 0 and "check" in proc.stdout and "rules" in proc.stdout


@pytest.mark.parametrize(("extra", "expected"), [((), 1), (("--no-fail",), 0)])
def test_a_reader_that_stops_early_does_not_change_the_exit_code(extra: tuple[str, ...], expected: int) -> None:
    """`rekruttering check ... | head -1`: the exit code still says whether there is a breach."""
    samples = ROOT / "samples" / "aar-2025-csv"
    proc = subprocess.Popen([sys.executable, "-m", "rekruttering", "check", str(samples / "soekere.csv"), "-s",
                             str(samples / "kortliste.csv"), "-r", "sarpsborg", *extra],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, env={**os.environ, "COLUMNS": "100"})
    assert proc.stdout is not None and proc.stderr is not None
    assert proc.stdout.readline().startswith(b"Kontroll av intervjuregler")
    proc.stdout.close()  # like head -1
    error = proc.stderr.read().decode()
    assert proc.wait(timeout=60) == expected
    assert "Traceback" not in error

"""Privacy by construction: each promise of DESIGN.md §5 with a test that would catch a regression."""

from __future__ import annotations

import json
import os
import stat
from datetime import date
from pathlib import Path

import pytest
from typer.testing import CliRunner

from rekruttering.privacy import pseudonym

from conftest import run, write_csv, write_xlsx

CANARY = "KANARI7731"
HEADER = ["Stillings-ID", "Stillingstittel", "Enhet", "Søknadsfrist", "Søker-ID", "Navn", "E-post", "Fødselsdato",
          "Nasjonalitet", "Fødeland", "Morsmål", "Kvalifisert", "Innvandrerbakgrunn", "Nedsatt funksjonsevne",
          "Hull i CV", "Kjønn"]
FORMATS = ["text", "json", "markdown", "html", "xlsx"]
AUDIENCES = ["hr", "tillitsvalgt"]


def canary_row(posting: str, applicant: str, qualified: str, background: str) -> list[object]:
    return [posting, "Rådgiver", "Økonomi", date(2025, 3, 1), applicant, f"{CANARY} Navn", f"{CANARY}@example.org",
            date(1977, 7, 31), f"{CANARY}-land", f"{CANARY}-fødeland", f"{CANARY}-språk", qualified, background,
            "", "", "kvinne"]


@pytest.fixture
def canary_exports(tmp_path: Path) -> tuple[Path, Path]:
    applicants = write_xlsx(tmp_path / "soekere.xlsx", [
        HEADER,
        canary_row("P-1", "S-11", "Ja", "Ja"), canary_row("P-1", "S-12", "Ja", "Nei"),
        canary_row("P-2", "S-21", "Ja", "Ja"), canary_row("P-2", "S-22", "Ja", ""),
    ])
    shortlist = write_csv(tmp_path / "intervju.csv", [
        ["Stillings-ID", "Søker-ID", "Innkalt til intervju", "Rangering", "Begrunnelse"],
        ["P-1", "S-12", "Ja", "1", ""], ["P-1", "S-11", "Nei", "2", ""],
        ["P-2", "S-21", "Ja", "1", ""], ["P-2", "S-22", "Ja", "2", "=HYPERLINK(\"http://x\";\"klikk\")"],
    ])
    return applicants, shortlist


def report_text(path: Path, fmt: str) -> str:
    """Everything a reader can see in the report file, xlsx included (every cell of every sheet)."""
    if fmt != "xlsx":
        return path.read_text(encoding="utf-8")
    import openpyxl

    book = openpyxl.load_workbook(path)
    return "\n".join(str(cell.value) for sheet in book.worksheets for r in sheet.iter_rows() for cell in r
                     if cell.value is not None)


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("audience", AUDIENCES)
def test_no_unmapped_column_and_no_id_for_tillitsvalgt_in_any_format(
        runner: CliRunner, canary_exports: tuple[Path, Path], tmp_path: Path, fmt: str, audience: str) -> None:
    applicants, shortlist = canary_exports
    target = tmp_path / f"rapport.{fmt}"
    code, out, err = run(runner, "check", applicants, "-s", shortlist, "-r", "sarpsborg", "--audience", audience,
                         "--format", fmt, "--output", target)
    assert code == 1, err
    seen = report_text(target, fmt) + out + err
    assert "P-1" in seen and "P-2" in seen  # the report is there
    assert CANARY not in seen and "example.org" not in seen and "1977" not in seen and "31.07" not in seen
    if audience == "tillitsvalgt":
        assert "S-1" not in seen and "S-2" not in seen
        assert "tillitsvalgt" in seen  # the report says whom it was made for
    else:
        assert "S-11" in seen  # the applicant to invite
    assert stat.S_IMODE(target.stat().st_mode) == 0o600


def test_tillitsvalgt_json_has_empty_applicant_lists_and_public_reasons(
        runner: CliRunner, canary_exports: tuple[Path, Path]) -> None:
    applicants, shortlist = canary_exports
    code, out, _ = run(runner, "check", applicants, "-s", shortlist, "-r", "sarpsborg", "--audience",
                       "tillitsvalgt", "-f", "json")
    assert code == 1
    report = json.loads(out)
    assert report["audience"] == "tillitsvalgt" and report["warnings"] == []
    assert all(f["applicants"] == [] for p in report["postings"] for f in p["findings"])


def test_tillitsvalgt_cannot_tell_nobody_declared_from_none_qualified(runner: CliRunner, tmp_path: Path) -> None:
    applicants = write_csv(tmp_path / "a.csv", [
        ["Stillings-ID", "Søknadsfrist", "Søker-ID", "Kvalifisert", "Innvandrerbakgrunn"],
        ["P-1", "01.03.2025", "S-1", "Ja", ""], ["P-2", "01.03.2025", "S-2", "Nei", "Ja"],
    ])
    shortlist = write_csv(tmp_path / "k.csv", [["Stillings-ID", "Søker-ID"], ["P-1", "S-1"]])
    code, out, _ = run(runner, "check", applicants, "-s", shortlist, "-r", "oslo", "--audience", "tillitsvalgt",
                       "-f", "json")
    found = {p["posting_id"]: (p["findings"][0]["reason"], p["findings"][0]["message"])
             for p in json.loads(out)["postings"]}
    assert code == 0 and found["P-1"] == found["P-2"]
    code, out, _ = run(runner, "check", applicants, "-s", shortlist, "-r", "oslo", "-f", "json")
    assert code == 0
    found = {p["posting_id"]: p["findings"][0]["reason"] for p in json.loads(out)["postings"]}
    assert found == {"P-1": "nobody_declared", "P-2": "none_qualified"}  # hr sees the difference


def test_tillitsvalgt_does_not_learn_that_the_hire_declared(runner: CliRunner, tmp_path: Path) -> None:
    applicants = write_csv(tmp_path / "a.csv", [
        # SA02 is about immigrant background or disability: the export has both columns (nobody declared disability)
        ["Stillings-ID", "Søknadsfrist", "Søker-ID", "Kvalifisert", "Innvandrerbakgrunn", "Nedsatt funksjonsevne"],
        ["P-1", "01.03.2025", "S-1", "Ja", "Nei", ""], ["P-1", "01.03.2025", "S-2", "Ja", "Ja", ""],
        ["P-2", "01.03.2025", "S-3", "Ja", "Ja", ""], ["P-2", "01.03.2025", "S-4", "Ja", "Nei", ""],
    ])
    shortlist = write_csv(tmp_path / "k.csv", [
        ["Stillings-ID", "Søker-ID", "Innkalt", "Rangering", "Ansatt"],
        ["P-1", "S-1", "Ja", "1", "Ja"], ["P-1", "S-2", "Ja", "3", "Nei"],   # outside the group chosen: kept
        ["P-2", "S-4", "Ja", "1", "Nei"], ["P-2", "S-3", "Ja", "2", "Ja"],   # member chosen within tolerance: kept
    ])
    code, out, _ = run(runner, "check", applicants, "-s", shortlist, "-r", "sarpsborg", "--audience",
                       "tillitsvalgt", "-f", "json")
    quotation = {p["posting_id"]: next((f["status"], f["reason"], f["message"]) for f in p["findings"]
                                       if f["rule"] == "SA02") for p in json.loads(out)["postings"]}
    assert code == 0 and quotation["P-1"] == quotation["P-2"]
    assert quotation["P-1"][:2] == ("met", "kept")


@pytest.mark.parametrize("target", ["--columns", "config"])
@pytest.mark.parametrize("header", ["Nasjonalitet", "Statsborgerskap", "Fødeland", "Fødested", "Morsmål",
                                    "Religion", "Navn"])
def test_group_field_may_not_point_at_a_proxy(runner: CliRunner, canary_exports: tuple[Path, Path],
                                              tmp_path: Path, monkeypatch: pytest.MonkeyPatch, target: str,
                                              header: str) -> None:
    applicants, shortlist = canary_exports
    mapping = f'[aliases]\nimmigrant_background = ["{header}"]\n'
    if target == "--columns":
        columns = tmp_path / "kolonner.toml"
        columns.write_text(mapping, encoding="utf-8")
        code, out, err = run(runner, "check", applicants, "-s", shortlist, "-r", "sarpsborg", "--columns", columns)
    else:
        (tmp_path / "rekruttering.toml").write_text('rules = "sarpsborg"\n' + mapping, encoding="utf-8")
        monkeypatch.chdir(tmp_path)
        code, out, err = run(runner, "check", applicants, "-s", shortlist)
    assert code == 2 and out == ""
    assert header in err and "egen erklæring" in err and "Traceback" not in err
    assert "own declaration" not in err  # the error is said in the chosen language only (bokmål by default)


@pytest.mark.parametrize("fmt", ["markdown", "html"])
def test_markup_in_a_justification_is_shown_not_run(runner: CliRunner, tmp_path: Path, fmt: str) -> None:
    applicants = write_csv(tmp_path / "a.csv", [["Stillings-ID", "Søker-ID", "Kvalifisert", "Innvandrerbakgrunn"],
                                                ["P-1", "S-1", "Ja", "Ja"], ["P-1", "S-2", "Ja", "Nei"]])
    shortlist = write_csv(tmp_path / "k.csv", [["Stillings-ID", "Søker-ID", "Innkalt", "Begrunnelse"],
                                               ["P-1", "S-1", "Nei", "<script>alert(1)</script> | **fet** [lenke](x)"],
                                               ["P-1", "S-2", "Ja", ""]])
    code, out, _ = run(runner, "check", applicants, "-s", shortlist, "-r", "oslo", "-f", fmt)
    assert code == 0
    assert "<script>" not in out and "&lt;script&gt;" in out
    if fmt == "markdown":
        assert "\\*\\*fet\\*\\*" in out and "\\[lenke\\]" in out and "\\|" in out


def test_xlsx_cells_that_look_like_formulas_stay_text(runner: CliRunner, tmp_path: Path) -> None:
    import openpyxl

    dangerous = ["=1+1", "+47 999", "-2+3", "@SUM(A1)", "\t=1", "\r=1"]
    applicants = write_csv(tmp_path / "a.csv", [["Stillings-ID", "Søker-ID", "Kvalifisert", "Innvandrerbakgrunn"],
                                                *[[f"P-{i}", "S-1", "Ja", "Ja"] for i in range(len(dangerous))]])
    shortlist = write_csv(tmp_path / "k.csv", [["Stillings-ID", "Søker-ID", "Innkalt", "Begrunnelse"],
                                               *[[f"P-{i}", "S-1", "Nei", text] for i, text in enumerate(dangerous)]])
    target = tmp_path / "r.xlsx"
    code, _, err = run(runner, "check", applicants, "-s", shortlist, "-r", "oslo", "-f", "xlsx", "-o", target)
    assert code == 0, err
    sheet = openpyxl.load_workbook(target).worksheets[0]
    cells = {c.value: c for r in sheet.iter_rows() for c in r if isinstance(c.value, str)}
    for text in ("=1+1", "+47 999", "-2+3", "@SUM(A1)"):
        assert cells[text].data_type == "s" and cells[text].quotePrefix, text
    assert not any(c.data_type == "f" for r in sheet.iter_rows() for c in r)


def test_xlsx_needs_an_output_file(runner: CliRunner, canary_exports: tuple[Path, Path]) -> None:
    applicants, shortlist = canary_exports
    code, out, err = run(runner, "check", applicants, "-s", shortlist, "-r", "sarpsborg", "-f", "xlsx")
    assert code == 2 and out == "" and "--output" in err


def test_nothing_is_written_besides_the_report(runner: CliRunner, canary_exports: tuple[Path, Path],
                                               tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    applicants, shortlist = canary_exports
    work, temp, home = tmp_path / "work", tmp_path / "temp", tmp_path / "home"
    for folder in (work, temp, home):
        folder.mkdir()
    monkeypatch.chdir(work)
    monkeypatch.setenv("TMPDIR", str(temp))
    monkeypatch.setenv("HOME", str(home))
    before = sorted(p for p in tmp_path.rglob("*"))
    for fmt in FORMATS:
        run(runner, "check", applicants, "-s", shortlist, "-r", "sarpsborg", "-f", fmt, "-o", work / f"r.{fmt}")
    after = sorted(p for p in tmp_path.rglob("*"))
    assert sorted(set(after) - set(before)) == sorted(work / f"r.{fmt}" for fmt in FORMATS)


def test_warnings_do_not_echo_applicant_cells(runner: CliRunner, tmp_path: Path) -> None:
    applicants = write_csv(tmp_path / "a.csv", [["Stillings-ID", "Søknadsfrist", "Søker-ID", "Kvalifisert",
                                                 "Innvandrerbakgrunn"],
                                                ["P-1", "32.13.2025", "S-1", "Ja", "Ja, fra Syria"]])
    shortlist = write_csv(tmp_path / "k.csv", [["Stillings-ID", "Søker-ID"], ["P-1", "S-1"]])
    code, out, _ = run(runner, "check", applicants, "-s", shortlist, "-r", "oslo", "-f", "json")
    assert code == 0
    messages = " ".join(w["message"] for w in json.loads(out)["warnings"])
    assert "32.13.2025" in messages  # a posting's deadline may be quoted to help fix it
    assert "Syria" not in out  # an applicant's cell never is


def test_pseudonyms_are_stable_keyed_and_reversible_by_hr(runner: CliRunner, canary_exports: tuple[Path, Path],
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    applicants, shortlist = canary_exports
    monkeypatch.delenv("REKRUTTERING_PSEUDO_KEY", raising=False)
    code, out, err = run(runner, "check", applicants, "-s", shortlist, "-r", "sarpsborg", "--pseudonymise")
    assert code == 2 and "REKRUTTERING_PSEUDO_KEY" in err and out == ""
    monkeypatch.setenv("REKRUTTERING_PSEUDO_KEY", "hemmelig-nøkkel-for-test")
    args = ("check", applicants, "-s", shortlist, "-r", "sarpsborg", "--pseudonymise", "-f", "json")
    first, second = run(runner, *args)[1], run(runner, *args)[1]
    findings = [f for p in json.loads(first)["postings"] for f in p["findings"] if f["status"] == "breach"]
    [alias] = findings[0]["applicants"]
    assert alias == pseudonym("hemmelig-nøkkel-for-test".encode(), "S-11")
    assert alias.startswith("P-") and len(alias) == 14
    assert "S-11" not in first and alias in findings[0]["message"]
    assert json.loads(first)["postings"] == json.loads(second)["postings"]
    monkeypatch.setenv("REKRUTTERING_PSEUDO_KEY", "en-annen-nøkkel-helt-annen")
    assert alias not in run(runner, *args)[1]
    monkeypatch.setenv("REKRUTTERING_PSEUDO_KEY", "hemmelig-nøkkel-for-test")
    code, out, _ = run(runner, "reveal", alias, "P-000000000000", "-i", applicants)
    assert code == 1  # one of the two matches nothing
    assert f"{alias}: S-11 (P-1)" in out and "P-000000000000: –" in out


def test_pseudonym_key_from_a_key_file(runner: CliRunner, canary_exports: tuple[Path, Path], tmp_path: Path,
                                       monkeypatch: pytest.MonkeyPatch) -> None:
    applicants, shortlist = canary_exports
    monkeypatch.delenv("REKRUTTERING_PSEUDO_KEY", raising=False)
    key = tmp_path / "nokkel.txt"
    key.write_text("en nøkkel som HR oppbevarer\n", encoding="utf-8")
    os.chmod(key, 0o600)
    config = tmp_path / "oppsett.toml"
    config.write_text(f'pseudonymise = true\npseudonym_key_file = "{key.name}"\n', encoding="utf-8")
    code, out, _ = run(runner, "check", applicants, "-s", shortlist, "-r", "sarpsborg", "--config", config,
                       "-f", "json")
    assert code == 1
    assert pseudonym("en nøkkel som HR oppbevarer".encode(), "S-11") in out and "S-11" not in out

"""--justifications and --workforce: side files that document deviations and the gender balance."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from rekruttering.problems import ProblemLog
from rekruttering.read.columns import load_column_map
from rekruttering.read.justifications import load_justifications
from rekruttering.read.workforce import load_workforce

from conftest import run, write_csv, write_xlsx

JUSTIFICATION_HEADER = ["Stillings-ID", "Regel", "Søker-ID", "Begrunnelse", "Begrunnet av", "Dato"]


def findings(out: str) -> dict[tuple[str, str], dict[str, object]]:
    report = json.loads(out)
    return {(p["posting_id"], f["rule"]): f for p in report["postings"] for f in p["findings"]}


@pytest.mark.parametrize("suffix", ["csv", "xlsx"])
def test_a_justification_file_turns_the_breach_into_justified(
        runner: CliRunner, small_exports: tuple[Path, Path], tmp_path: Path, suffix: str) -> None:
    applicants, shortlist = small_exports
    rows = [JUSTIFICATION_HEADER, ["P-1", "SA01", "", "Begge søkerne takket nei til intervju på telefon", "Kari HR",
                                   "03.03.2025"]]
    path = write_csv(tmp_path / "b.csv", rows) if suffix == "csv" else write_xlsx(tmp_path / "b.xlsx", rows)
    code, out, _ = run(runner, "check", applicants, "-s", shortlist, "-r", "sarpsborg", "--justifications", path,
                       "-f", "json")
    assert code == 0
    finding = findings(out)[("P-1", "SA01")]
    assert finding["status"] == "justified"
    assert finding["justification"] == "Begge søkerne takket nei til intervju på telefon (Kari HR, 03.03.2025)"
    assert json.loads(out)["unused_justifications"] == []


def test_applicant_specific_justification_must_concern_the_finding(
        runner: CliRunner, small_exports: tuple[Path, Path], tmp_path: Path) -> None:
    applicants, shortlist = small_exports
    path = write_csv(tmp_path / "b.csv", [JUSTIFICATION_HEADER,
                                         ["P-1", "SA01", "S-12", "Gjelder en annen søker", "", ""],
                                         ["P-1", "SA01", "S-11", "S-11 trakk seg", "", ""]])
    code, out, _ = run(runner, "check", applicants, "-s", shortlist, "-r", "sarpsborg", "--justifications", path,
                       "-f", "json")
    # S-11 is excused, but S-13, also qualified and declared, was not invited either: still a breach
    assert code == 1
    finding = findings(out)[("P-1", "SA01")]
    assert (finding["status"], finding["applicants"]) == ("breach", ["S-13"])
    assert finding["justification"] == "S-11 trakk seg"
    [stale] = json.loads(out)["unused_justifications"]
    assert (stale["posting_id"], stale["applicant_id"], stale["row"]) == ("P-1", "S-12", 2)


@pytest.mark.parametrize("lang", ["nb", "en"])
def test_a_justification_excuses_only_whom_it_names(runner: CliRunner, small_exports: tuple[Path, Path],
                                                   tmp_path: Path, lang: str) -> None:
    applicants, shortlist = small_exports
    one = write_csv(tmp_path / "en.csv", [JUSTIFICATION_HEADER,
                                          ["P-1", "SA01", "S-11", "Trakk seg per telefon", "", ""]])
    code, out, _ = run(runner, "check", applicants, "-s", shortlist, "-r", "sarpsborg", "--justifications", one,
                       "--lang", lang)
    assert code == 1
    flat = " ".join(out.split())
    assert "S-13" in flat and "Trakk seg per telefon" in flat
    both = write_csv(tmp_path / "begge.csv", [JUSTIFICATION_HEADER,
                                              ["P-1", "SA01", "S-11", "Trakk seg per telefon", "", ""],
                                              ["P-1", "SA01", "S-13", "Takket nei i e-post", "", ""]])
    code, out, _ = run(runner, "check", applicants, "-s", shortlist, "-r", "sarpsborg", "--justifications", both,
                       "--lang", lang, "-f", "json")
    finding = findings(out)[("P-1", "SA01")]
    assert code == 0 and finding["status"] == "justified"
    assert finding["justification"] == "Trakk seg per telefon | Takket nei i e-post"


def test_blank_text_is_no_justification_and_stale_ones_are_listed(
        runner: CliRunner, small_exports: tuple[Path, Path], tmp_path: Path) -> None:
    applicants, shortlist = small_exports
    path = write_csv(tmp_path / "b.csv", [JUSTIFICATION_HEADER,
                                         ["P-1", "SA01", "", "   ", "Kari", "01.03.2025"],
                                         ["P-2", "SA01", "", "Gammel begrunnelse", "Ola", "01.02.2025"]])
    code, out, _ = run(runner, "check", applicants, "-s", shortlist, "-r", "sarpsborg", "--justifications", path,
                       "-f", "json")
    assert code == 1
    report = json.loads(out)
    assert findings(out)[("P-1", "SA01")]["status"] == "breach"
    assert [(u["posting_id"], u["rule"], u["text"]) for u in report["unused_justifications"]] == [
        ("P-2", "SA01", "Gammel begrunnelse")]
    codes = sorted((w["code"], w["row"]) for w in report["warnings"])
    assert codes == [("justification.empty", 2)]  # the stale one is listed once, in unused_justifications
    code, out, _ = run(runner, "check", applicants, "-s", shortlist, "-r", "sarpsborg", "--justifications", path)
    assert "Begrunnelser som ikke passer til noe brudd" in out and "Gammel begrunnelse" in out


def test_justifications_in_toml(tmp_path: Path) -> None:
    path = tmp_path / "b.toml"
    path.write_text('[[justification]]\nposting_id = "P-1"\nrule = "SA01"\ntext = "Trakk seg"\nby = "Kari"\n'
                    'date = 2025-03-03\n\n[[justification]]\nposting_id = "P-2"\nrule = "SA01"\ntext = ""\n',
                    encoding="utf-8")
    log = ProblemLog()
    [item] = load_justifications(path, load_column_map(), log)
    assert (item.posting_id, item.rule_id, item.text, item.by, str(item.on)) == (
        "P-1", "SA01", "Trakk seg", "Kari", "2025-03-03")
    assert [p.code for p in log.finish()] == ["justification.empty"]


def test_justification_file_without_its_columns_exits_2(
        runner: CliRunner, small_exports: tuple[Path, Path], tmp_path: Path) -> None:
    applicants, shortlist = small_exports
    path = write_csv(tmp_path / "b.csv", [["Stillings-ID", "Notat"], ["P-1", "x"]])
    code, _, err = run(runner, "check", applicants, "-s", shortlist, "-r", "sarpsborg", "--justifications", path)
    assert code == 2 and "b.csv" in err and "Regel" in err


def test_workforce_counts_and_shares(tmp_path: Path) -> None:
    counts = write_csv(tmp_path / "a.csv", [["Enhet", "Kvinner", "Menn"], ["Økonomi", "3", "9"], ["Helse", "", "4"],
                                           ["Kultur", "2", "2"]])
    log = ProblemLog()
    found = load_workforce(counts, load_column_map(), log)
    assert {k: (v.women, v.men) for k, v in found.items()} == {"økonomi": (3.0, 9.0), "kultur": (2.0, 2.0)}
    assert [(p.code, p.row) for p in log.finish()] == [("workforce.bad_row", 3)]
    shares = write_csv(tmp_path / "b.csv", [["Enhet", "Andel kvinner"], ["Økonomi", "35 %"], ["Helse", "0,8"]])
    found = load_workforce(shares, load_column_map(), ProblemLog())
    assert {k: round(v.women, 2) for k, v in found.items()} == {"økonomi": 0.35, "helse": 0.8}


def test_workforce_decides_the_gender_rule(runner: CliRunner, tmp_path: Path) -> None:
    applicants = write_csv(tmp_path / "a.csv", [
        ["Stillings-ID", "Enhet", "Søknadsfrist", "Søker-ID", "Kvalifisert", "Innvandrerbakgrunn", "Kjønn"],
        ["P-1", "Teknikk", "01.03.2025", "S-1", "Ja", "Nei", "mann"],
        ["P-1", "Teknikk", "01.03.2025", "S-2", "Ja", "Nei", "kvinne"],
    ])
    shortlist = write_csv(tmp_path / "k.csv", [["Stillings-ID", "Søker-ID", "Innkalt", "Rangering", "Ansatt"],
                                               ["P-1", "S-1", "Ja", "1", "Ja"], ["P-1", "S-2", "Ja", "2", "Nei"]])
    workforce = write_csv(tmp_path / "w.csv", [["Enhet", "Kvinner", "Menn"], ["teknikk", "2", "8"]])
    code, out, _ = run(runner, "check", applicants, "-s", shortlist, "-r", "sarpsborg", "-f", "json")
    assert code == 0 and findings(out)[("P-1", "SA03")]["reason"] == "workforce_unknown"
    code, out, _ = run(runner, "check", applicants, "-s", shortlist, "-r", "sarpsborg", "-f", "json",
                       "--workforce", workforce)
    finding = findings(out)[("P-1", "SA03")]
    assert code == 0  # a review does not fail the run
    assert (finding["status"], finding["applicants"]) == ("review", ["S-2"])
    assert "rangavstand 1, toleranse 1" in str(finding["message"])
    assert "Nesten like godt kvalifisert: S-2 (rang 2)." in str(finding["message"])
    assert "8" not in str(finding["message"])  # the unit's headcounts are compared, never shown

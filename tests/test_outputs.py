"""Report files and messages: atomic private writes, outputs refused even with --force, the format a
file name implies, and texts from the exports that never leak a cell or drive the terminal."""

from __future__ import annotations

import errno
import json
import os
import re
import shutil
import stat
from pathlib import Path

import pytest
from typer.testing import CliRunner

from rekruttering.privacy import pseudonym

from conftest import APPLICANT_HEADER, ROOT, SHORTLIST_HEADER, run, write_csv

KEY = "en hemmelig nøkkel for testene"


def check(runner: CliRunner, exports: tuple[Path, Path], *args: str | Path) -> tuple[int, str, str]:
    applicants, shortlist = exports
    return run(runner, "check", applicants, "-s", shortlist, "-r", "sarpsborg", *args)


def files_in(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


# 1. atomic writes

def test_report_is_created_private_from_the_start_and_named_on_stderr(
        runner: CliRunner, small_exports: tuple[Path, Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "rapport.json"
    modes: list[int] = []
    replace = os.replace

    def spy(source: str, destination: str | Path) -> None:
        modes.append(stat.S_IMODE(os.stat(source).st_mode))  # the temporary file, before it is renamed
        replace(source, destination)

    monkeypatch.setattr(os, "replace", spy)
    old_umask = os.umask(0)  # even with a permissive umask
    try:
        code, out, err = check(runner, small_exports, "-o", target)
    finally:
        os.umask(old_umask)
    assert code == 1 and out == ""
    assert modes == [0o600] and stat.S_IMODE(target.stat().st_mode) == 0o600
    assert json.loads(target.read_text(encoding="utf-8"))["totals"]["breach"] == 1
    assert err.strip() == f"Rapporten er skrevet til {target}."
    assert files_in(tmp_path) == ["intervju.csv", "rapport.json", "soekere.csv"]  # no temporary file left


def test_a_full_disk_leaves_the_old_report_and_no_temporary_file(
        runner: CliRunner, small_exports: tuple[Path, Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import rekruttering.render.output

    target = tmp_path / "rapport.html"
    target.write_text("den gamle rapporten", encoding="utf-8")
    before = files_in(tmp_path)

    def half_then_full(fd: int, data: bytes) -> None:
        os.write(fd, data[: len(data) // 2])
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(rekruttering.render.output, "_write_all", half_then_full)
    code, out, err = check(runner, small_exports, "-o", target, "--force", "--lang", "en")
    assert code == 2 and out == ""
    assert str(target) in err and "cannot be written" in err and os.strerror(errno.ENOSPC) in err
    assert "Traceback" not in err and "written to" not in err
    assert target.read_text(encoding="utf-8") == "den gamle rapporten"
    assert files_in(tmp_path) == before


def test_a_renderer_failing_midway_leaves_the_old_report(
        runner: CliRunner, small_exports: tuple[Path, Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import rekruttering.render.xlsx

    target = tmp_path / "rapport.xlsx"
    target.write_bytes(b"old workbook")
    before = files_in(tmp_path)

    def broken(document: object) -> bytes:
        raise RuntimeError("renderer bug")

    monkeypatch.setattr(rekruttering.render.xlsx, "render", broken)
    with pytest.raises(RuntimeError, match="renderer bug"):  # a bug still shows as one
        check(runner, small_exports, "-o", target, "--force")
    assert target.read_bytes() == b"old workbook" and files_in(tmp_path) == before


# 2. outputs refused, even with --force

def test_an_input_is_never_overwritten(runner: CliRunner, small_exports: tuple[Path, Path], tmp_path: Path) -> None:
    applicants, shortlist = small_exports
    justifications = write_csv(tmp_path / "begrunnelser.csv", [["Stillings-ID", "Regel", "Begrunnelse"],
                                                                ["P-1", "SA01", "Ingen kvalifisert søkte."]])
    workforce = write_csv(tmp_path / "arbeidsstyrke.csv", [["Enhet", "Kvinner", "Menn"], ["Økonomi", "5", "5"]])
    columns = tmp_path / "kolonner.toml"
    columns.write_text('[aliases]\nunit = ["Avdeling"]\n', encoding="utf-8")
    config = tmp_path / "oppsett.toml"
    config.write_text('lang = "nb"\n', encoding="utf-8")
    pack = tmp_path / "pakke.toml"
    shutil.copy(ROOT / "rules" / "sarpsborg.toml", pack)
    hard_link = tmp_path / "lenke-til-kortlisten.csv"
    os.link(shortlist, hard_link)
    side = ("--justifications", justifications, "--workforce", workforce, "--columns", columns, "--config", config)
    contents = {p: p.read_bytes() for p in (applicants, shortlist, justifications, workforce, columns, config, pack)}
    for target in (*contents, hard_link, Path(os.path.relpath(applicants))):
        code, out, err = run(runner, "check", applicants, "-s", shortlist, "-r", pack, *side, "-f", "json",
                             "-o", target, "--force")
        assert code == 2 and out == "", target
        assert str(target) in err and "er en av inndatafilene" in err and "--force" in err, err
    assert {p: p.read_bytes() for p in contents} == contents


def test_a_file_in_an_input_folder_is_never_overwritten(runner: CliRunner, small_exports: tuple[Path, Path],
                                                        tmp_path: Path) -> None:
    applicants, _ = small_exports
    before = applicants.read_bytes()
    code, _, err = run(runner, "summary", tmp_path, "-r", "sarpsborg", "-o", applicants, "--force", "--lang", "en")
    assert code == 2 and "is one of the input files" in err and str(applicants) in err
    assert applicants.read_bytes() == before


def test_devices_fifos_and_links_are_refused_and_never_chmodded(
        runner: CliRunner, small_exports: tuple[Path, Path], tmp_path: Path) -> None:
    devnull = os.stat("/dev/null")
    code, out, err = check(runner, small_exports, "-f", "json", "-o", "/dev/null", "--force", "--lang", "en")
    assert code == 2 and out == "" and "/dev/null: is a device" in err
    assert os.stat("/dev/null").st_mode == devnull.st_mode

    fifo = tmp_path / "rør"
    os.mkfifo(fifo)
    code, _, err = check(runner, small_exports, "-f", "json", "-o", fifo, "--force")
    assert code == 2 and f"{fifo}: er en navngitt rørledning (FIFO)" in err

    elsewhere = tmp_path / "annet"
    elsewhere.mkdir()
    real = elsewhere / "rapport.json"
    real.write_text("{}", encoding="utf-8")
    os.chmod(real, 0o644)
    for link in (tmp_path / "lenke.json", tmp_path / "brutt.json"):
        link.symlink_to(real if link.name == "lenke.json" else elsewhere / "finnes-ikke.json")
        code, _, err = check(runner, small_exports, "-o", link, "--force")
        assert code == 2 and f"{link}: er en symbolsk lenke" in err
    assert real.read_text(encoding="utf-8") == "{}" and stat.S_IMODE(real.stat().st_mode) == 0o644
    assert not (elsewhere / "finnes-ikke.json").exists()


def test_an_existing_report_needs_force(runner: CliRunner, small_exports: tuple[Path, Path], tmp_path: Path) -> None:
    target = tmp_path / "rapport.md"
    target.write_text("gammel", encoding="utf-8")
    os.chmod(target, 0o644)
    code, _, err = check(runner, small_exports, "-o", target)
    assert code == 2 and "--force" in err and target.read_text(encoding="utf-8") == "gammel"
    code, _, _ = check(runner, small_exports, "-o", target, "--force")
    assert code == 1 and target.read_text(encoding="utf-8").startswith("# ")
    assert stat.S_IMODE(target.stat().st_mode) == 0o600  # the new report, a new file


# 3. the format a file name implies

@pytest.mark.parametrize(("name", "looks"), [
    ("r.json", lambda b: json.loads(b)["schema"].startswith("rekruttering.check")),
    ("r.md", lambda b: b.startswith(b"# ") and b"| Regel |" in b),
    ("R.HTML", lambda b: b.startswith(b"<!DOCTYPE html>")),
    ("r.htm", lambda b: b.startswith(b"<!DOCTYPE html>")),
    ("r.txt", lambda b: b.startswith(b"Kontroll") and b"<" not in b and b"\x1b" not in b),
    ("r.xlsx", lambda b: b.startswith(b"PK")),
    ("r.rapport", lambda b: b.startswith(b"Kontroll")),  # unknown suffix: text
])
def test_format_follows_the_file_name(runner: CliRunner, small_exports: tuple[Path, Path], tmp_path: Path,
                                      name: str, looks: object) -> None:
    target = tmp_path / name
    code, out, err = check(runner, small_exports, "-o", target)
    assert code == 1 and out == "", err
    assert callable(looks) and looks(target.read_bytes())
    assert f"skrevet til {target}" in err


def test_unknown_suffix_keeps_the_configured_format(runner: CliRunner, small_exports: tuple[Path, Path],
                                                    tmp_path: Path) -> None:
    config = tmp_path / "oppsett.toml"
    config.write_text('format = "json"\n', encoding="utf-8")
    target = tmp_path / "rapport.ut"
    code, _, _ = check(runner, small_exports, "--config", config, "-o", target, "-q")
    assert code == 1 and json.loads(target.read_text(encoding="utf-8"))["totals"]["breach"] == 1
    xlsx = tmp_path / "rapport.xlsx"  # a known suffix wins over the config
    code, _, _ = check(runner, small_exports, "--config", config, "-o", xlsx, "-q")
    assert code == 1 and xlsx.read_bytes().startswith(b"PK")


def test_a_format_contradicting_the_file_name_is_refused(runner: CliRunner, small_exports: tuple[Path, Path],
                                                         tmp_path: Path) -> None:
    target = tmp_path / "r.xlsx"
    code, out, err = check(runner, small_exports, "--format", "json", "-o", target, "--lang", "en")
    assert code == 2 and out == "" and not target.exists()
    assert "--format json does not match the file name" in err and str(target) in err
    code, _, err = check(runner, small_exports, "--format", "markdown", "-o", target)
    assert code == 2 and "--format markdown passer ikke med filnavnet" in err and not target.exists()
    code, _, _ = check(runner, small_exports, "--format", "xlsx", "-o", target, "-q")
    assert code == 1 and target.exists()


def test_quiet_and_english_written_line(runner: CliRunner, small_exports: tuple[Path, Path], tmp_path: Path) -> None:
    code, _, err = check(runner, small_exports, "-o", tmp_path / "a.json", "--quiet")
    assert code == 1 and err == ""
    code, _, err = check(runner, small_exports, "-o", tmp_path / "b.json", "--lang", "en")
    assert code == 1 and err.strip() == f"Report written to {tmp_path / 'b.json'}."
    applicants, shortlist = small_exports
    code, _, err = run(runner, "summary", applicants, "-s", shortlist, "-r", "sarpsborg", "-o", tmp_path / "s.md",
                       "-q")
    assert code == 1 and err == "" and (tmp_path / "s.md").read_text(encoding="utf-8").startswith("# ")
    code, _, err = run(runner, "summary", applicants, "-s", shortlist, "-r", "sarpsborg", "-o", tmp_path / "s.html")
    assert code == 1 and "skrevet til" in err and (tmp_path / "s.html").read_text().startswith("<!DOCTYPE html>")


# 4. messages never quote an applicant's cells

def test_a_headerless_export_is_not_quoted(runner: CliRunner, tmp_path: Path) -> None:
    applicants = tmp_path / "uten-overskrift.csv"
    applicants.write_text("P-1;Kari Nordmann;kari@example.org;01019912345\nP-1;Ola Hansen;ola@example.org;"
                          "02029912345\n", encoding="utf-8")
    shortlist = write_csv(tmp_path / "k.csv", [["Stillings-ID", "Søker-ID"], ["P-1", "S-1"]])
    for lang in ("nb", "en"):
        code, out, err = run(runner, "check", applicants, "-s", shortlist, "-r", "oslo", "--lang", lang)
        assert code == 2 and out == ""
        for value in ("P-1", "Kari", "Nordmann", "kari@example.org", "example.org", "01019912345", "Ola"):
            assert value not in err, (lang, value)
        assert str(applicants) in err and ("4 celler" in err if lang == "nb" else "4 cells" in err)


def test_a_header_row_without_ids_is_still_quoted(runner: CliRunner, tmp_path: Path) -> None:
    applicants = write_csv(tmp_path / "a.csv", [["Stilling", "Navn", "Kvalifisert"], ["P-1", "Kari", "Ja"]])
    shortlist = write_csv(tmp_path / "k.csv", [["Stillings-ID", "Søker-ID"], ["P-1", "S-1"]])
    code, _, err = run(runner, "check", applicants, "-s", shortlist, "-r", "oslo")
    assert code == 2 and "'Stilling', 'Navn', 'Kvalifisert'" in err and "Kari" not in err


# 5. --pseudonymise covers errors and warnings

def test_pseudonymised_errors_name_no_applicant(runner: CliRunner, tmp_path: Path,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("REKRUTTERING_PSEUDO_KEY", KEY)
    applicants = write_csv(tmp_path / "a.csv", [["Stillings-ID", "Søker-ID", "Kvalifisert", "Innvandrerbakgrunn"],
                                                ["P-1", "S-0042", "Ja", "Ja"]])
    unknown = write_csv(tmp_path / "k.csv", [["Stillings-ID", "Søker-ID"], ["P-1", "S-0042"], ["P-1", "S-777"]])
    code, out, err = run(runner, "check", applicants, "-s", unknown, "-r", "oslo", "--pseudonymise")
    assert code == 2 and out == ""
    assert re.search(r"P-[0-9a-f]{12}", err) and pseudonym(KEY.encode(), "S-777") in err
    assert "S-777" not in err
    near = write_csv(tmp_path / "n.csv", [["Stillings-ID", "Søker-ID"], ["P-1", "s-0042"]])
    code, _, err = run(runner, "check", applicants, "-s", near, "-r", "oslo", "--pseudonymise", "--lang", "en")
    assert code == 2 and "the applicant list has" in err
    assert pseudonym(KEY.encode(), "s-0042") in err and pseudonym(KEY.encode(), "S-0042") in err
    assert "0042" not in err
    code, _, err = run(runner, "check", applicants, "-s", unknown, "-r", "oslo")
    assert code == 2 and "S-777" in err  # without --pseudonymise, HR sees the id to fix


def test_pseudonymised_warnings_name_no_applicant(runner: CliRunner, tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("REKRUTTERING_PSEUDO_KEY", KEY)
    applicants = write_csv(tmp_path / "a.csv", [["Stillings-ID", "Søker-ID", "Kvalifisert", "Innvandrerbakgrunn"],
                                                ["P-1", "S-51", "Ja", "Ja"], ["P-1", "S-51", "Ja", "Ja"]])
    shortlist = write_csv(tmp_path / "k.csv", [["Stillings-ID", "Søker-ID", "Innkalt til intervju"],
                                               ["P-1", "S-51", "Ja"], ["P-1", "S-51", "Ja"]])
    code, out, _ = run(runner, "check", applicants, "-s", shortlist, "-r", "oslo", "--pseudonymise", "-f", "json")
    assert code == 0
    warnings = json.loads(out)["warnings"]
    assert {w["code"] for w in warnings} >= {"row.duplicate_applicant", "row.duplicate_shortlist"}
    assert "S-51" not in out and all(pseudonym(KEY.encode(), "S-51") in w["message"] for w in warnings
                                     if w["code"].startswith("row.duplicate"))


# 6. text output cannot drive a terminal

TITLE = "\x1b]0;pwned\x07Rådgiver\x1b[2J"
JUSTIFICATION = "Ingen\x08 \x1b[31mkvalifiserte\x1b[0m søkte"


@pytest.fixture
def hostile_exports(tmp_path: Path) -> tuple[Path, Path]:
    applicants = write_csv(tmp_path / "soekere.csv", [
        APPLICANT_HEADER,
        ["P-1", TITLE, "Øko\x1b[8mnomi", "01.03.2025", "S-11", "Kari Nordmann", "Ja", "Ja"],
        ["P-1", TITLE, "Øko\x1b[8mnomi", "01.03.2025", "S-12", "Ola Nordmann", "Ja", "Nei"],
    ])
    shortlist = write_csv(tmp_path / "intervju.csv", [
        SHORTLIST_HEADER, ["P-1", "S-12", "Ja", "1", ""], ["P-1", "S-11", "Nei", "2", JUSTIFICATION],
    ])
    return applicants, shortlist


@pytest.mark.parametrize("fmt", ["text", "markdown", "html"])
def test_escape_sequences_and_control_characters_are_taken_out(runner: CliRunner, hostile_exports: tuple[Path, Path],
                                                               fmt: str) -> None:
    code, out, err = check(runner, hostile_exports, "-f", fmt)
    assert code == 0, err
    assert "\x1b" not in out and "\x08" not in out and "\x07" not in out and "pwned" not in out
    assert "Rådgiver" in out and "Økonomi" in out and "kvalifiserte" in out


def test_terminal_report_and_written_text_are_clean(runner: CliRunner, hostile_exports: tuple[Path, Path],
                                                    tmp_path: Path) -> None:
    target = tmp_path / "rapport.txt"
    code, _, _ = check(runner, hostile_exports, "-o", target, "-q")
    assert code == 0
    written = target.read_text(encoding="utf-8")
    assert not re.search(r"[\x00-\x08\x0b-\x1f\x7f]", written)
    assert "Rådgiver" in written and "Ingen kvalifiserte søkte" in written


# 7. xlsx never crashes on odd characters

def test_xlsx_drops_what_a_workbook_cannot_hold(runner: CliRunner, tmp_path: Path) -> None:
    import openpyxl

    applicants = write_csv(tmp_path / "a.csv", [["Stillings-ID", "Stillingstittel", "Søker-ID", "Kvalifisert",
                                                 "Innvandrerbakgrunn"],
                                                ["P-1", "Tit\x01tel\ufffe", "S-1", "Ja", "Ja"],
                                                ["P-2", "Annen", "S-2", "Ja", "Ja"]])
    shortlist = write_csv(tmp_path / "k.csv", [["Stillings-ID", "Søker-ID", "Innkalt", "Begrunnelse"],
                                               ["P-1", "S-1", "Nei", "Be\x08grun\x07nelse\uffff ok"],
                                               ["P-2", "S-2", "Nei", "\x08=1+1"]])
    justifications = tmp_path / "begrunnelser.toml"  # TOML can carry what no csv reader takes: NUL, VT, FF
    justifications.write_text('[[justification]]\nposting_id = "P-9"\nrule = "OS01"\n'
                              'text = "Gam\\u0000mel\\u000b be\\u000cgrun\\bnelse"\n', encoding="utf-8")
    target = tmp_path / "r.xlsx"
    code, _, err = run(runner, "check", applicants, "-s", shortlist, "-r", "oslo", "--justifications",
                       justifications, "-o", target)
    assert code == 0 and "Traceback" not in err and "grun" not in err, err
    sheets = openpyxl.load_workbook(target).worksheets
    values = {c.value for sheet in sheets for r in sheet.iter_rows() for c in r if isinstance(c.value, str)}
    assert {"Begrunnelse ok", "Tittel", "Gammel begrunnelse"} <= values
    formula = next(c for r in sheets[0].iter_rows() for c in r if c.value == "=1+1")
    assert formula.data_type == "s" and formula.quotePrefix  # the formula guard holds after cleaning

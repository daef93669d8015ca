"""The command line follows the conventions of the tools people know: -h, -V, -q/-v, completion, readable help,
--format json for the listing commands, "did you mean" for near-miss headers, and errors in one language."""

from __future__ import annotations

import difflib
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from rekruttering import __version__
from rekruttering.keys import normalise_header

from conftest import APPLICANT_HEADER, ROOT, SHORTLIST_HEADER, flat, run, write_csv

COMMANDS = [[], ["check"], ["summary"], ["inspect"], ["reveal"], ["columns"], ["rules"], ["rules", "list"],
            ["rules", "show"]]
LEAVES = [c for c in COMMANDS if c not in ([], ["rules"])]
ENV = {**os.environ, "PYTHONPATH": str(ROOT), "NO_COLOR": "1"}


def command(*args: str | Path, env: dict[str, str] | None = None, cwd: Path | None = None
            ) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "rekruttering", *map(str, args)], capture_output=True, text=True,
                          env=env or ENV, cwd=cwd, timeout=120, check=False)


# ---------------------------------------------------------------------------------------------
# Help, version, quiet and verbose


@pytest.mark.parametrize("flag", ["-h", "--help"])
@pytest.mark.parametrize("words", COMMANDS, ids=lambda words: " ".join(words) or "main")
def test_help_everywhere_with_readable_argument_names(runner: CliRunner, words: list[str], flag: str) -> None:
    code, out, _ = run(runner, "--lang", "en", *words, flag)
    assert code == 0 and out.startswith("Usage: ")
    assert "-h, --help" in out
    for fragment in ("list[", "<str>", "<int", "<path>", "<float", "<bool"):
        assert fragment not in out.casefold(), f"{fragment!r} in the help of {words}:\n{out}"


@pytest.mark.parametrize("words", LEAVES, ids=" ".join)
def test_every_command_has_quiet_and_verbose(runner: CliRunner, words: list[str]) -> None:
    _, out, _ = run(runner, *words, "--help")
    assert "-q, --quiet" in out and "-v, --verbose" in out


def test_arguments_are_named_by_what_they_are(runner: CliRunner) -> None:
    _, out, _ = run(runner, "check", "-h", "--lang", "en")
    assert "check [OPTIONS] FILE...\n" in out
    assert "-s, --shortlist FILE" in out and "-r, --rules PACK" in out and "--as-of DATE" in out
    _, out, _ = run(runner, "summary", "-h", "--lang", "en")
    assert "--min-cell K" in out and "--year YEAR" in out and "--from DATE" in out
    _, out, _ = run(runner, "rules", "show", "-h", "--lang", "en")
    assert "rules show [OPTIONS] RULE\n" in out and "-f, --format FORMAT" in out


@pytest.mark.parametrize("flag", ["-V", "--version"])
def test_version(runner: CliRunner, flag: str) -> None:
    code, out, _ = run(runner, flag)
    assert code == 0 and out.strip() == f"rekruttering {__version__}"


def _arguments(words: list[str], applicants: Path) -> list[str | Path]:
    return {
        "check": [applicants, "-r", "oslo"], "summary": [applicants, "-r", "oslo"], "inspect": [applicants],
        "reveal": ["P-0", "-i", applicants], "columns": [], "rules list": [], "rules show": ["ST01"],
    }[" ".join(words)]


@pytest.mark.parametrize("words", LEAVES, ids=" ".join)
def test_quiet_and_verbose_together_is_a_usage_error(runner: CliRunner, small_exports: tuple[Path, Path],
                                                     words: list[str]) -> None:
    applicants, _ = small_exports
    code, out, err = run(runner, *words, *_arguments(words, applicants), "-q", "-v")
    assert code == 2 and out == "" and err.strip() == "--quiet og --verbose kan ikke brukes sammen."
    code, _, err = run(runner, *words, *_arguments(words, applicants), "--quiet", "--verbose", "--lang", "en")
    assert code == 2 and err.strip() == "--quiet and --verbose cannot be used together."


def test_verbose_check_names_what_it_read_on_stderr_only(runner: CliRunner, small_exports: tuple[Path, Path]
                                                         ) -> None:
    applicants, shortlist = small_exports
    code, out, err = run(runner, "check", applicants, "-s", shortlist, "-r", "sarpsborg", "-f", "json", "-v",
                         "--lang", "en")
    assert code == 1
    assert json.loads(out)["lang"] == "en"  # stdout is still one JSON document
    lines = err.splitlines()
    assert any(line.startswith("Rule pack sarpsborg ") and "rules checked: " in line for line in lines)
    assert f"Read {applicants}: applicants, header row 1; rows read 6, used 6, set aside 0" in err
    assert f"Read {shortlist}: shortlist, header row 1" in err
    code, _, err = run(runner, "check", applicants, "-s", shortlist, "-r", "sarpsborg", "-f", "json", "-v")
    assert f"Lest {applicants}: søkerliste, overskriftsrad 1; rader lest 6, brukt 6, lagt til side 0" in err


def test_quiet_silences_the_written_line(runner: CliRunner, small_exports: tuple[Path, Path], tmp_path: Path
                                         ) -> None:
    applicants, shortlist = small_exports
    for words in (["check"], ["summary"]):
        target = tmp_path / f"{words[0]}.json"
        code, _, err = run(runner, *words, applicants, "-s", shortlist, "-r", "sarpsborg", "-o", target)
        assert code == 1 and str(target.name) in err
        code, out, err = run(runner, *words, applicants, "-s", shortlist, "-r", "sarpsborg", "-o", target,
                             "--force", "-q")
        assert code == 1 and out == "" and err == "" and target.exists()


def test_verbose_listing_commands_name_their_sources(runner: CliRunner) -> None:
    code, _, err = run(runner, "rules", "show", "ST01", "-v", "--lang", "en")
    assert code == 0 and re.search(r"Rule pack staten: .*staten\.toml \(sha256 [0-9a-f]{12}\)", err)
    code, _, err = run(runner, "columns", "-v", "--lang", "en")
    assert code == 0 and "Header aliases read from: " in err and "columns.toml" in err


# ---------------------------------------------------------------------------------------------
# Completion, and a --help that loads nothing heavy


def test_shell_completion() -> None:
    # typer detects the shell from the parent processes, which a CI job or a background run may not show;
    # with detection off, --show-completion takes the shell by name
    script = command("--show-completion", "bash", env={**ENV, "_TYPER_COMPLETE_TEST_DISABLE_SHELL_DETECTION": "1"})
    assert script.returncode == 0 and "_rekruttering_completion" in script.stdout
    env = {**ENV, "_REKRUTTERING_COMPLETE": "complete_bash"}
    words = command(env={**env, "COMP_WORDS": "rekruttering ch", "COMP_CWORD": "1"})
    assert words.stdout.split() == ["check"]
    packs = command(env={**env, "COMP_WORDS": "rekruttering check --rules s", "COMP_CWORD": "3"})
    assert packs.stdout.split() == ["sarpsborg", "staten"]
    langs = command(env={**env, "COMP_WORDS": "rekruttering rules list --lang ", "COMP_CWORD": "4"})
    assert langs.stdout.split() == ["nb", "en"]


def test_help_imports_no_heavy_library() -> None:
    result = subprocess.run([sys.executable, "-X", "importtime", "-m", "rekruttering", "--help"], capture_output=True,
                            text=True, env=ENV, timeout=120, check=False)
    assert result.returncode == 0 and "check" in result.stdout
    loaded = {line.rsplit("|", 1)[-1].strip().split(".")[0] for line in result.stderr.splitlines() if "|" in line}
    assert "rekruttering" in loaded
    assert not loaded & {"pandas", "pydantic", "rich", "openpyxl", "fastexcel", "numpy", "scipy"}


# ---------------------------------------------------------------------------------------------
# --format json on inspect, columns, rules list and rules show


def test_inspect_json(runner: CliRunner, small_exports: tuple[Path, Path]) -> None:
    applicants, shortlist = small_exports
    code, out, _ = run(runner, "inspect", applicants, shortlist, "-f", "json", "--lang", "en")
    assert code == 0
    report = json.loads(out)
    assert report["ok"] is True and report["preflight"] is None and report["lang"] == "en"
    first, second = report["files"]
    assert first["file"].endswith("soekere.csv") and second["file"].endswith("intervju.csv")
    sheet = first["sheets"][0]
    assert sheet["role"] == "applicants" and sheet["header_row"] == 1
    assert sheet["mapping"]["applicant_id"] == "Søker-ID" and sheet["ignored"] == ["Navn"]
    assert sheet["rows"] == {"read": 6, "used": 6, "set_aside": 0} and sheet["did_you_mean"] == []
    assert second["sheets"][0]["role"] == "shortlist" and second["problems"] == []


def test_inspect_json_with_problems_and_preflight(runner: CliRunner, tmp_path: Path) -> None:
    applicants = write_csv(tmp_path / "soekere.csv", [APPLICANT_HEADER, ["P-1", "T", "E", "01.03.2025", "S-1", "K",
                                                                          "Ja", "Ja"]])
    garbage = tmp_path / "tull.xlsx"
    garbage.write_bytes(b"not a spreadsheet")
    code, out, _ = run(runner, "inspect", applicants, garbage, "--rules", "sarpsborg", "--format", "json")
    assert code == 2
    report = json.loads(out)
    assert report["ok"] is False
    problem = report["files"][1]["problems"][0]
    assert problem["level"] == "error" and problem["code"] == "read.unreadable"
    assert problem["file"].endswith("tull.xlsx")
    assert "kan ikke leses" in problem["message"] and set(problem) == {"level", "code", "file", "sheet", "row",
                                                                      "column", "message"}
    preflight = report["preflight"]
    assert preflight["pack"] == "sarpsborg" and preflight["check_would_refuse"] is True
    code, out, _ = run(runner, "inspect", applicants, "--rules", "sarpsborg", "-f", "json")
    preflight = json.loads(out)["preflight"]
    assert code == 2 and preflight["readable"] is True and preflight["runnable"] == []  # no shortlist at all
    assert any(p["code"] == "read.no_shortlist" for p in preflight["problems"])


def test_inspect_json_preflight_ready(runner: CliRunner, small_exports: tuple[Path, Path]) -> None:
    applicants, shortlist = small_exports
    code, out, _ = run(runner, "inspect", applicants, "-s", shortlist, "-r", "sarpsborg", "-f", "json")
    preflight = json.loads(out)["preflight"]
    assert code == 0 and preflight["check_would_refuse"] is False and preflight["problems"] == []
    assert preflight["runnable"] and set(preflight["runnable"]) <= set(preflight["rules"])


def test_columns_json(runner: CliRunner, tmp_path: Path) -> None:
    extra = tmp_path / "kolonner.toml"
    extra.write_text('[aliases]\ncv_gap = ["Hull i CV-en"]\n', encoding="utf-8")
    code, out, _ = run(runner, "columns", "--columns", extra, "-f", "json", "--lang", "en")
    assert code == 0
    listing = json.loads(out)
    fields = {item["field"]: item for item in listing["fields"]}
    assert "Søker-ID" in fields["applicant_id"]["headers"] and fields["applicant_id"]["level"] == "applicant"
    assert "Hull i CV-en" in fields["cv_gap"]["headers"] and fields["cv_gap"]["label"] == "gap in the CV"
    assert listing["sources"][-1] == str(extra)


def test_rules_list_json(runner: CliRunner) -> None:
    code, out, _ = run(runner, "rules", "list", "-f", "json", "--lang", "en")
    assert code == 0
    packs = {pack["id"]: pack for pack in json.loads(out)["packs"]}
    assert set(packs) == {"bergen", "oslo", "sarpsborg", "staten"}
    rule = next(r for r in packs["staten"]["rules"] if r["id"] == "ST01")
    assert rule["check"] == "interview_minimum" and rule["groups"] and rule["title"]
    assert re.fullmatch(r"[0-9a-f]{64}", packs["staten"]["sha256"])
    code, out, _ = run(runner, "rules", "list", "-r", "oslo", "--format", "json")
    assert [pack["id"] for pack in json.loads(out)["packs"]] == ["oslo"]


def test_rules_show_json(runner: CliRunner) -> None:
    code, out, _ = run(runner, "rules", "show", "st01", "-f", "json", "--lang", "en")
    assert code == 0
    rule = json.loads(out)
    assert rule["id"] == "ST01" and rule["pack"]["id"] == "staten" and rule["check"] == "interview_minimum"
    for key in ("groups", "severity", "title", "text", "source", "in_force_from", "in_force_to", "parameters",
                "statuses", "justify"):
        assert key in rule
    assert set(rule["statuses"]) == {"met", "breach", "justified", "review", "not_applicable"}
    assert rule["statuses"]["breach"]["label"] == "breach" and rule["source"]["document"]
    code, out, _ = run(runner, "rules", "show", "ST01", "-f", "json")
    assert json.loads(out)["statuses"]["breach"]["label"] == "brudd"


# ---------------------------------------------------------------------------------------------
# Did you mean: near-miss headers in inspect

NEAR_MISS_HEADER = ["Stillings-ID", "Søker-ID", "Hull i CV-en", "Innkalt til intervjuet",
                    "Innvandrerbakgrunn (fødeland)", "Navn"]


def test_inspect_suggests_a_known_header_for_a_near_miss(runner: CliRunner, tmp_path: Path) -> None:
    path = write_csv(tmp_path / "a.csv", [NEAR_MISS_HEADER, ["P-1", "S-1", "Ja", "Ja", "Nei", "Kari"]])
    _, out, _ = run(runner, "inspect", path, "-f", "json")
    hints = {hint["header"]: hint for hint in json.loads(out)["files"][0]["sheets"][0]["did_you_mean"]}
    assert set(hints) == {"Hull i CV-en", "Innkalt til intervjuet"}
    assert (hints["Hull i CV-en"]["field"], hints["Hull i CV-en"]["alias"]) == ("cv_gap", "Hull i CV")
    assert hints["Innkalt til intervjuet"]["field"] == "invited"
    assert hints["Hull i CV-en"]["columns_line"] == 'cv_gap = ["Hull i CV-en"]'
    _, out, _ = run(runner, "inspect", path)
    assert "Mente du «Hull i CV» (cv_gap)? «Hull i CV-en» ligner." in flat(out)
    assert 'legg cv_gap = ["Hull i CV-en"] under [aliases] i en fil du gir med --columns' in flat(out)
    _, out, _ = run(runner, "inspect", path, "--lang", "en")
    assert "Did you mean 'Hull i CV' (cv_gap)? 'Hull i CV-en' is close." in flat(out)


def test_the_suggested_line_makes_the_header_read(runner: CliRunner, tmp_path: Path) -> None:
    path = write_csv(tmp_path / "a.csv", [NEAR_MISS_HEADER, ["P-1", "S-1", "Ja", "Ja", "Nei", "Kari"]])
    _, out, _ = run(runner, "inspect", path, "-f", "json")
    lines = [hint["columns_line"] for hint in json.loads(out)["files"][0]["sheets"][0]["did_you_mean"]]
    columns = tmp_path / "kolonner.toml"
    columns.write_text("[aliases]\n" + "\n".join(lines) + "\n", encoding="utf-8")
    _, out, _ = run(runner, "inspect", path, "--columns", columns, "-f", "json")
    sheet = json.loads(out)["files"][0]["sheets"][0]
    assert sheet["mapping"]["cv_gap"] == "Hull i CV-en" and sheet["mapping"]["invited"] == "Innkalt til intervjuet"
    assert sheet["did_you_mean"] == []


def test_no_group_field_is_suggested_for_a_proxy_header(runner: CliRunner, tmp_path: Path) -> None:
    header = "Innvandrerbakgrunn (fødeland)"  # close to "Innvandrerbakgrunn", but it names the country of birth
    assert difflib.SequenceMatcher(None, normalise_header(header), "innvandrerbakgrunn").ratio() >= 0.8
    path = write_csv(tmp_path / "a.csv", [NEAR_MISS_HEADER, ["P-1", "S-1", "Ja", "Ja", "Nei", "Kari"]])
    _, out, _ = run(runner, "inspect", path, "-f", "json")
    hints = json.loads(out)["files"][0]["sheets"][0]["did_you_mean"]
    assert header not in {hint["header"] for hint in hints}
    assert all(hint["field"] != "immigrant_background" for hint in hints)


def test_no_suggestion_for_a_field_the_sheet_has(runner: CliRunner, tmp_path: Path) -> None:
    path = write_csv(tmp_path / "k.csv", [[*SHORTLIST_HEADER, "Innkalt til intervjuet"],
                                          ["P-1", "S-1", "Ja", "1", "", "Ja"]])
    _, out, _ = run(runner, "inspect", path, "-f", "json")
    sheet = json.loads(out)["files"][0]["sheets"][0]
    assert sheet["ignored"] == ["Innkalt til intervjuet"] and sheet["did_you_mean"] == []


# ---------------------------------------------------------------------------------------------
# Errors in the chosen language only

NORWEGIAN = ("ugyldig", "finnes ikke", "ukjent", "mangler", "trenger", "regelsett", "nøkkel", "Mente du",
             "konfigurasjon", "tilgjengelig", "felt", "linje", "må være", " og ", " eller ")
ENGLISH = ("invalid", "unknown", "not found", "does not exist", "needs", "missing", "available", "Did you mean",
           "rule pack", " key", "field", " line ", "must be", " and ", " or ", " the ")


def _bad_setups(tmp_path: Path) -> dict[str, list[str | Path]]:
    applicants = write_csv(tmp_path / "soekere.csv", [APPLICANT_HEADER, ["P-1", "T", "E", "01.03.2025", "S-1", "K",
                                                                          "Ja", "Ja"]])
    (tmp_path / "feil.toml").write_text('rules = "oslo"\nlang = "fr"\nfarge = 1\nmin_cell = 0\n', encoding="utf-8")
    (tmp_path / "brutt.toml").write_text("rules = [oslo\n", encoding="utf-8")
    (tmp_path / "kolonner.toml").write_text('[aliases]\nsoker = ["Kandidat"]\n', encoding="utf-8")
    (tmp_path / "tom.toml").write_text('[annet]\nx = 1\n', encoding="utf-8")
    (tmp_path / "proxy.toml").write_text('[aliases]\ndisability = ["Statsborgerskap"]\n', encoding="utf-8")
    check = ["check", applicants, "-r", "oslo"]
    return {
        "bad config": ["check", applicants, "--config", tmp_path / "feil.toml"],
        "broken config": ["check", applicants, "--config", tmp_path / "brutt.toml"],
        "missing config": ["check", applicants, "--config", tmp_path / "ingen.toml"],
        "unknown pack": ["check", applicants, "-r", "osloo"],
        "missing pack file": ["check", applicants, "-r", tmp_path / "ingen.toml"],
        "bad columns": [*check, "--columns", tmp_path / "kolonner.toml"],
        "columns without [aliases]": [*check, "--columns", tmp_path / "tom.toml"],
        "proxy alias": [*check, "--columns", tmp_path / "proxy.toml"],
        "missing columns file": [*check, "--columns", tmp_path / "ingen.toml"],
        "missing key": [*check, "--pseudonymise"],
        "no pack": ["check", applicants],
        "unknown rule": ["rules", "show", "XX99"],
    }


SETUPS = ["bad config", "broken config", "missing config", "unknown pack", "missing pack file", "bad columns",
          "columns without [aliases]", "proxy alias", "missing columns file", "missing key", "no pack",
          "unknown rule"]


@pytest.mark.parametrize("setup", SETUPS)
def test_errors_are_said_in_the_chosen_language_only(runner: CliRunner, tmp_path: Path, setup: str,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("REKRUTTERING_PSEUDO_KEY", raising=False)
    monkeypatch.chdir(tmp_path)  # no rekruttering.toml of the developer's
    args = _bad_setups(tmp_path)[setup]
    code, out, err = run(runner, *args, "--lang", "en")
    assert code == 2 and out == "" and err.strip() and "Traceback" not in err
    said = _without_names(err, tmp_path)
    assert not [word for word in NORWEGIAN if word in said], err
    assert not re.search("[æøå]", said), err
    code, _, err = run(runner, *args)
    said = _without_names(err, tmp_path)
    assert code == 2 and not [word for word in ENGLISH if word in said], err


def _without_names(err: str, tmp_path: Path) -> str:
    """The message less what it quotes: paths, headers, field names, option names and the packs' names."""
    said = err.replace(str(tmp_path), "").replace(" / ", "")
    said = re.sub(r"«[^»]*»|'[^']*'|\[aliases\][.\w]*|--[\w-]+|\([^)]*:[^)]*\)", "", said)
    return re.sub(r"\b(REKRUTTERING_PSEUDO_KEY|pseudonym_key_file|rekruttering\.toml|TOML|[\w-]+\.toml)\b", "", said)


def test_the_configured_language_is_the_language_of_later_errors(runner: CliRunner, tmp_path: Path,
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    applicants = write_csv(tmp_path / "soekere.csv", [APPLICANT_HEADER, ["P-1", "T", "E", "01.03.2025", "S-1", "K",
                                                                          "Ja", "Ja"]])
    (tmp_path / "rekruttering.toml").write_text('lang = "en"\nrules = "osloo"\n', encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    code, _, err = run(runner, "check", applicants)
    assert code == 2 and err.strip() == ("unknown rule pack 'osloo' (available: bergen, oslo, sarpsborg, staten). "
                                         "Did you mean oslo?")
    code, _, err = run(runner, "check", applicants, "--lang", "nb")
    assert code == 2 and err.startswith("ukjent regelsett «osloo»")


def test_a_bad_config_is_explained_value_by_value(runner: CliRunner, tmp_path: Path) -> None:
    (tmp_path / "feil.toml").write_text('lang = "fr"\nfarge = 1\nmin_cell = 0\n', encoding="utf-8")
    code, _, err = run(runner, "check", tmp_path, "--config", tmp_path / "feil.toml", "--lang", "en")
    assert code == 2
    assert "feil.toml: invalid configuration:" in err
    assert "  lang: must be 'nb' or 'en'" in err and "  farge: unknown key" in err
    assert "  min_cell: must be at least 1" in err
    _, _, err = run(runner, "check", tmp_path, "--config", tmp_path / "feil.toml")
    assert "feil.toml: ugyldig konfigurasjon:" in err
    assert "  lang: må være 'nb' eller 'en'" in err and "  farge: ukjent nøkkel" in err

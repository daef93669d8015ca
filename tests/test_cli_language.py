"""The command line's own words, its help and its parse errors, are in the language chosen: bokmål by default,
English with --lang en (before or after the command) or lang = "en" in the config file."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from rekruttering.cli import app
from rekruttering.cli_language import chosen_language
from rekruttering.words.helptexts import HELP, help_text, option_key
from rekruttering.words.usage import say_usage_error

from conftest import ROOT

FOR_INTERVIEW = ROOT / "samples" / "for-intervju"


def speak(runner: CliRunner, *args: str | Path) -> tuple[int, str, str]:
    """Exit code, stdout and stderr of ``rekruttering ARGS``, named as the installed program is."""
    result = runner.invoke(app, [str(a) for a in args], prog_name="rekruttering", catch_exceptions=False,
                           env={"COLUMNS": "100"})
    return result.exit_code, result.stdout, result.stderr


def commands() -> list[tuple[str, typer.core.TyperCommand | typer.core.TyperGroup]]:
    """Every command under the program, by its help path ("main", "check", "rules.show")."""
    found = []

    def visit(command: typer.core.TyperCommand | typer.core.TyperGroup, path: str) -> None:
        found.append((path, command))
        for name, sub in getattr(command, "commands", {}).items():
            visit(sub, name if path == "main" else f"{path}.{name}")

    visit(typer.main.get_command(app), "main")  # type: ignore[arg-type]
    return found


# ---------------------------------------------------------------------------------------------
# Help


ENGLISH = ("Usage: ", "Options:", "Show this message and exit.")
BOKMAL = ("Bruk: ", "Valg:", "Vis denne hjelpen og avslutt.")


@pytest.mark.parametrize("words", [[], ["check"], ["summary"], ["inspect"], ["reveal"], ["columns"], ["rules"],
                                   ["rules", "list"], ["rules", "show"]], ids=lambda words: " ".join(words) or "main")
def test_help_is_in_bokmal_by_default(runner: CliRunner, words: list[str]) -> None:
    code, out, _ = speak(runner, *words, "--help")
    assert code == 0 and out.startswith("Bruk: rekruttering")
    for said in BOKMAL:
        assert said in out
    for said in ENGLISH:
        assert said not in out


def test_the_help_of_check_in_bokmal(runner: CliRunner) -> None:
    _, out, _ = speak(runner, "check", "-h")
    assert out.startswith("Bruk: rekruttering check [VALG] FIL...\n")
    assert "Kontroller hver stilling mot regelsettet." in out
    assert "\nArgumenter:\n  FIL...  Eksporter av søkerlister" in out
    assert "[påkrevd]" in out and "[required]" not in out
    assert "-s, --shortlist FIL" in out and "-r, --rules PAKKE" in out and "--as-of DATO" in out
    assert "--lang SPRÅK" in out and "--audience MOTTAKER" in out
    assert "Regelsett: et navn fra rules/" in out


@pytest.mark.parametrize("where", ["after", "before", "equals"])
def test_help_is_in_english_with_lang_en_before_or_after_the_command(runner: CliRunner, where: str) -> None:
    args = {"after": ["check", "--help", "--lang", "en"], "before": ["--lang", "en", "check", "--help"],
            "equals": ["check", "--lang=en", "--help"]}[where]
    code, out, _ = speak(runner, *args)
    assert code == 0 and out.startswith("Usage: rekruttering check [OPTIONS] FILE...\n")
    for said in (*ENGLISH, "Arguments:", "[required]", "Check every posting against the rule pack.",
                 "-r, --rules PACK", "Rule pack: a name from rules/"):
        assert said in out
    assert "Bruk" not in out and "regelsett" not in out.casefold()


def test_the_list_of_commands_is_in_the_language(runner: CliRunner) -> None:
    _, nb, _ = speak(runner, "--help")
    _, en, _ = speak(runner, "--help", "--lang", "en")
    assert "Bruk: rekruttering [VALG] KOMMANDO [ARGUMENTER]..." in nb and "\nKommandoer:\n" in nb
    assert "  check    Kontroller hver stilling mot regelsettet.\n" in nb
    assert "Usage: rekruttering [OPTIONS] COMMAND [ARGS]..." in en and "\nCommands:\n" in en
    assert "  check    Check every posting against the rule pack.\n" in en
    assert "Check Norwegian" not in nb and "Kontroller" not in en  # one language, not both


def test_the_config_file_chooses_the_language_of_the_help(runner: CliRunner, tmp_path: Path,
                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "rekruttering.toml").write_text('lang = "en"\n', encoding="utf-8")
    _, out, _ = speak(runner, "summary", "--help")
    assert out.startswith("Usage: rekruttering summary")
    _, out, _ = speak(runner, "summary", "--help", "--lang", "nb")  # the option wins over the file
    assert out.startswith("Bruk: rekruttering summary")
    (tmp_path / "annen.toml").write_text('lang = "nb"\n', encoding="utf-8")
    _, out, _ = speak(runner, "summary", "--config", tmp_path / "annen.toml", "--help")  # --config, not ./
    assert out.startswith("Bruk: rekruttering summary")
    _, out, _ = speak(runner, "summary", f"--config={tmp_path / 'annen.toml'}", "--help")
    assert out.startswith("Bruk: rekruttering summary")


@pytest.mark.parametrize("content", ['lang = "tysk"\n', "lang = \n", "[lang\n"])
def test_a_config_file_that_cannot_say_a_language_leaves_the_help_in_bokmal(
        runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, content: str) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "rekruttering.toml").write_text(content, encoding="utf-8")
    code, out, _ = speak(runner, "check", "--help")
    assert code == 0 and out.startswith("Bruk: rekruttering check")


def test_the_language_is_chosen_from_the_arguments_alone(tmp_path: Path) -> None:
    assert chosen_language(["check", "x.csv", "--lang", "en"]) == "en"
    assert chosen_language(["--lang=en", "--lang", "nb", "check"]) == "nb"  # the last one, as click takes it
    assert chosen_language(["check", "--", "--lang", "en"]) == "nb"  # after --, a file named --lang
    (tmp_path / "a.toml").write_text('lang = "en"\n', encoding="utf-8")
    assert chosen_language(["check", "--config", str(tmp_path / "a.toml")]) == "en"
    assert chosen_language(["check", "--config", str(tmp_path / "missing.toml")]) == "nb"


def test_every_parameter_and_command_has_help_in_both_languages() -> None:
    used = {key for key in HELP if key.startswith(("click.", "metavar."))}
    for path, command in commands():
        for suffix in ("", ".short"):
            key = f"command.{path}{suffix}"
            if key in HELP or not suffix:
                nb, en = help_text(key, "nb"), help_text(key, "en")
                assert nb.strip() and en.strip() and nb != en, key
                used.add(key)
        ctx = typer.Context(command)
        for param in [*command.params, command.get_help_option(ctx)]:
            assert param is not None and param.name
            found = option_key(path, param.name)
            assert found is not None, f"no help for {param.name} in {path}"
            nb, en = help_text(found, "nb"), help_text(found, "en")
            assert nb.strip() and en.strip() and nb != en, found
            used.add(found)
    assert sorted(set(HELP) - used) == []  # no help left behind for a parameter that is gone


def test_a_placeholder_is_written_in_the_language(runner: CliRunner) -> None:
    _, nb, _ = speak(runner, "summary", "-h")
    _, en, _ = speak(runner, "summary", "-h", "--lang", "en")
    assert "--from DATO" in nb and "--year ÅR" in nb and "--min-cell K" in nb and "STI..." in nb
    assert "--from DATE" in en and "--year YEAR" in en and "--min-cell K" in en and "PATH..." in en


def test_lang_before_the_command_is_the_commands_language(runner: CliRunner) -> None:
    code, out, _ = speak(runner, "--lang", "en", "check", FOR_INTERVIEW / "soekere.xlsx", "-s",
                         FOR_INTERVIEW / "intervju.xlsx", "-r", "staten", "-f", "json")
    assert code in (0, 1) and json.loads(out)["lang"] == "en"
    code, out, _ = speak(runner, "--lang", "en", "check", FOR_INTERVIEW / "soekere.xlsx", "-s",
                         FOR_INTERVIEW / "intervju.xlsx", "-r", "staten", "-f", "json", "--lang", "nb")
    assert code in (0, 1) and json.loads(out)["lang"] == "nb"  # the command's own --lang wins
    code, out, _ = speak(runner, "rules", "--lang", "en", "show", "ST01")
    assert code == 0 and "Rule pack: staten" in out


# ---------------------------------------------------------------------------------------------
# Parse errors

ERRORS = [
    (["check"], "Mangler argumentet «FIL...».", "Missing argument 'FILE...'."),
    (["check", "x.csv", "--x"], "Ukjent valg: --x.", "No such option: --x."),
    (["check", "x.csv", "--shortlis", "k.csv"], "Ukjent valg: --shortlis. Mente du --shortlist?",
     "No such option: --shortlis. Did you mean --shortlist?"),
    (["check", "x.csv", "--format", "pdf"], "--format pdf: ukjent verdi; velg blant text, json, markdown, html, xlsx.",
     "--format pdf: unknown value; choose from text, json, markdown, html, xlsx."),
    (["check", "x.csv", "--audience", "alle"], "--audience alle: ukjent verdi; velg blant hr, tillitsvalgt.",
     "--audience alle: unknown value; choose from hr, tillitsvalgt."),
    (["summary", "x.csv", "--year", "25"], "--year 25: ugyldig verdi (må være minst 1990).",
     "--year 25: invalid value (must be at least 1990)."),
    (["summary", "x.csv", "--year", "tjuefem"], "--year tjuefem: ugyldig verdi (må være et heltall).",
     "--year tjuefem: invalid value (must be a whole number)."),
    (["summary", "x.csv", "--min-cell", "0"], "--min-cell 0: ugyldig verdi (må være minst 1).",
     "--min-cell 0: invalid value (must be at least 1)."),
    (["rules", "show", "ST01", "ST02"], "Uventet ekstra argument: ST02.", "Got an unexpected extra argument: ST02."),
    (["rules", "show", "ST01", "ST02", "ST03"], "Uventede ekstra argumenter: ST02 ST03.",
     "Got unexpected extra arguments: ST02 ST03."),
    (["chek"], "Ukjent kommando: chek. Mente du check?", "No such command: chek. Did you mean check?"),
    (["reveal", "P-1"], "Mangler valget --input; det er påkrevd.", "Missing option --input; it is required."),
    (["rules"], None, None),  # no sub-command: the help, on stderr
]


@pytest.mark.parametrize(("args", "nb", "en"), ERRORS, ids=lambda value: " ".join(value) if isinstance(value, list)
                         else "")
def test_a_parse_error_is_one_message_in_the_language(runner: CliRunner, args: list[str], nb: str | None,
                                                       en: str | None) -> None:
    for lang, expected in (("nb", nb), ("en", en)):
        code, out, err = speak(runner, "--lang", lang, *args)
        assert code == 2 and out == ""
        known = [args[0], args[1]] if args[0] == "rules" and len(args) > 1 else [args[0]] if args[0] != "chek" else []
        command = " ".join(["rekruttering", *known])
        if expected is None:
            assert err.startswith(f"{'Bruk' if lang == 'nb' else 'Usage'}: {command} ")
            continue
        hint = f"Se «{command} -h» for hjelp." if lang == "nb" else f"Try '{command} -h' for help."
        assert err.splitlines() == [expected, hint]


@pytest.mark.parametrize(("args", "nb", "en"), [
    (["check", "x.csv", "--rules"], "Valget --rules trenger en verdi.", "Option --rules requires a value."),
    (["check", "x.csv", "--quiet=ja"], "Valget --quiet tar ingen verdi.", "Option --quiet does not take a value."),
])
def test_an_option_used_wrongly_is_named(runner: CliRunner, args: list[str], nb: str, en: str) -> None:
    code, _, err = speak(runner, *args)
    assert code == 2 and err.splitlines()[0] == nb
    code, _, err = speak(runner, "--lang", "en", *args)
    assert code == 2 and err.splitlines()[0] == en


def test_no_command_is_said_in_the_language(runner: CliRunner) -> None:
    code, _, err = speak(runner, "--lang", "nb")
    assert code == 2 and err.splitlines() == ["Ingen kommando er oppgitt.", "Se «rekruttering -h» for hjelp."]
    code, _, err = speak(runner, "--lang", "en")
    assert code == 2 and err.splitlines() == ["Missing command.", "Try 'rekruttering -h' for help."]


def test_the_language_of_a_parse_error_follows_lang_after_the_command_and_the_config(
        runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    code, _, err = speak(runner, "check", "--lang", "en", "x.csv", "--format", "pdf")
    assert code == 2 and err.startswith("--format pdf: unknown value")
    monkeypatch.chdir(tmp_path)
    (tmp_path / "rekruttering.toml").write_text('lang = "en"\n', encoding="utf-8")
    code, _, err = speak(runner, "check")
    assert code == 2 and err.startswith("Missing argument 'FILE...'.")


def test_a_parse_error_of_another_kind_keeps_clicks_words_after_a_sentence_of_ours() -> None:
    from typer._click.exceptions import UsageError

    error = UsageError("Something click says.")
    assert say_usage_error(error, "nb") == "Kommandolinjen kan ikke tolkes (meldingen fra click, på engelsk): " \
        "Something click says."
    assert say_usage_error(error, "en") == "The command line cannot be parsed: Something click says."


def test_the_program_says_a_parse_error_without_a_traceback() -> None:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "NO_COLOR": "1"}
    done = subprocess.run([sys.executable, "-m", "rekruttering", "check", "x.csv", "--format", "pdf"],
                          capture_output=True, text=True, env=env, timeout=120, check=False)
    assert done.returncode == 2 and done.stdout == ""
    assert done.stderr.splitlines() == ["--format pdf: ukjent verdi; velg blant text, json, markdown, html, xlsx.",
                                        "Se «rekruttering check -h» for hjelp."]

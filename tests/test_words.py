"""The words people read: plurals, labels instead of field names, one language, one place for each thing.

Every catalogue key exists in both languages with the same placeholders; every key the code asks for
exists; counts agree with their nouns ("1 stilling", "2 stillinger"); a field is named by its label,
never by its identifier; a status word is not repeated as its code; a p-value reads "p < 0,001";
an unused justification is listed once; and the union representatives' closing line states the
counts without an instruction meant for HR. Last, the README serves the people who use the tool.
"""

from __future__ import annotations

import ast
import json
import re
import string
from pathlib import Path

import pytest
from typer.testing import CliRunner

from rekruttering.checks import Outcome
from rekruttering.checks.pack import load_pack
from rekruttering.models import Posting
from rekruttering.problems import Problem
from rekruttering.read.fields import Field
from rekruttering.words.catalogue import CATALOGUE, LANGS, Lang, text, verdict
from rekruttering.words.findings import describe
from rekruttering.words.summary import p_text as _p

from conftest import ROOT, SHORTLIST_HEADER, flat, run, write_csv

SOURCE = ROOT / "rekruttering"
# "stilling(er)", "breach(es)", "posting(s)", "rad(er)": a plural left to the reader
HEDGED_PLURAL = re.compile(r"\w\((?:er|es|s|r|e|ene)\)")
FIELD_NAMES = tuple(f.value for f in Field)


def placeholders(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name is not None}


def plural_specs(template: str) -> list[tuple[str, str]]:
    return [(name, spec) for _, name, spec, _ in string.Formatter().parse(template)
            if name is not None and spec and "|" in spec]


# --- the catalogue ---------------------------------------------------------------------------------


@pytest.mark.parametrize("key", sorted(CATALOGUE))
def test_every_key_has_both_languages_with_the_same_placeholders(key: str) -> None:
    nb, en = CATALOGUE[key]
    assert nb.strip() and en.strip(), key
    assert placeholders(nb) == placeholders(en), key
    for name, spec in plural_specs(nb) + plural_specs(en):
        assert spec.count("|") == 1, (key, name, spec)  # one singular and one plural form
    for lang in LANGS:
        assert not HEDGED_PLURAL.search(CATALOGUE[key][0 if lang == "nb" else 1]), key


def _literal_keys() -> tuple[set[str], set[str]]:
    """The message keys the package names: literals, and the fixed start of keys built with f-strings."""
    exact: set[str] = set()
    prefixes: set[str] = set()

    def note(node: ast.expr) -> None:
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            exact.add(node.value)
        elif isinstance(node, ast.JoinedStr) and node.values and isinstance(node.values[0], ast.Constant):
            prefixes.add(str(node.values[0].value))

    for path in SOURCE.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call) or not node.args:
                continue
            name = node.func.id if isinstance(node.func, ast.Name) else \
                node.func.attr if isinstance(node.func, ast.Attribute) else ""
            first = node.args[0]
            if name in ("text", "input_error", "_both", "Refusal"):
                note(first)
            elif name in ("Problem", "add") and len(node.args) > 1 and isinstance(first, ast.Constant) \
                    and first.value in ("error", "warning"):
                note(node.args[1])
    return exact, prefixes


def test_every_key_the_code_names_is_in_the_catalogue() -> None:
    exact, prefixes = _literal_keys()
    assert len(exact) > 100  # the scan finds the calls
    assert sorted(exact - set(CATALOGUE)) == []
    assert sorted(p for p in prefixes if not any(key.startswith(p) for key in CATALOGUE)) == []


def test_every_field_has_a_label_in_both_languages() -> None:
    for name in FIELD_NAMES:
        nb, en = CATALOGUE[f"field.{name}"]
        assert "_" not in nb and "_" not in en, name


# --- plurals ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(("key", "params", "lang", "one", "two"), [
    ("report.as_of", {"date": "01.03.2025"}, "nb", "1 stilling har", "2 stillinger har"),
    ("report.as_of", {"date": "2025-03-01"}, "en", "1 posting has", "2 postings have"),
    ("report.verdict.breach", {"review": 0}, "en", "1 unjustified breach, 0 to review: fix the breach ",
     "2 unjustified breaches, 0 to review: fix the breaches "),
    ("report.verdict.breach", {"review": 0}, "nb", "rett opp bruddet før", "rett opp bruddene før"),
    ("common.rows_set_aside", {}, "nb", "1 rad som", "2 rader som"),
    ("common.rows_set_aside", {}, "en", "1 row that may belong to the posting was set aside",
     "2 rows that may belong to the posting were set aside"),
    ("report.warnings_withheld", {}, "nb", "1 advarsel om inndata", "2 advarsler om inndata"),
    ("report.warnings_withheld", {}, "en", "1 input warning is withheld", "2 input warnings are withheld"),
    ("row.empty", {}, "nb", "1 tom rad er lagt til side.", "2 tomme rader er lagt til side"),
    ("summary.note.follow_up", {}, "en", "1 breach without", "2 breaches without"),
    ("summary.verdict.tillitsvalgt", {"review": 3}, "en", "1 unjustified breach and 3", "2 unjustified breaches and 3"),
])
def test_a_count_agrees_with_its_noun(key: str, params: dict[str, object], lang: Lang, one: str, two: str) -> None:
    assert one in text(key, lang, count=1, **params)
    assert two in text(key, lang, count=2, **params)


@pytest.mark.parametrize("key", sorted(k for k, (nb, en) in CATALOGUE.items() if plural_specs(nb) + plural_specs(en)))
def test_every_plural_form_is_chosen_by_its_count(key: str) -> None:
    nb, en = CATALOGUE[key]
    names = placeholders(nb)
    for lang in LANGS:
        counted = {name for name, _ in plural_specs(nb if lang == "nb" else en)}
        singular = text(key, lang, **{n: 1 if n in counted else "X" for n in names})
        plural = text(key, lang, **{n: 2 if n in counted else "X" for n in names})
        assert "|" not in singular + plural and "#" not in singular + plural, key
        if counted:
            assert singular.replace("1", "2") != plural, (key, lang)
    # numbers arrive as strings too (problem parameters are strings)
    counted_any = {name for name, _ in plural_specs(en)}
    if counted_any:
        as_text = text(key, "en", **{n: "1" if n in counted_any else "X" for n in names})
        as_int = text(key, "en", **{n: 1 if n in counted_any else "X" for n in names})
        assert as_text == as_int


def test_two_qualified_applicants_are_plural() -> None:
    assert text("interview_minimum.met", "nb", min="2", group="innvandrerbakgrunn") == \
        "Minst 2 kvalifiserte søkere med innvandrerbakgrunn er innkalt til intervju."
    assert text("interview_minimum.met", "en", min=1, group="disability") == \
        "At least 1 qualified applicant with disability is invited to interview."
    assert text("interview_minimum.met", "en", min=3, group="disability") == \
        "At least 3 qualified applicants with disability are invited to interview."


@pytest.mark.parametrize(("lang", "one", "two"), [
    ("nb", "1 brudd uten begrunnelse, 0 til vurdering", "2 brudd uten begrunnelse, 0 til vurdering"),
    ("en", "1 unjustified breach, 0 to review", "2 unjustified breaches, 0 to review"),
])
def test_the_closing_line_of_a_run_counts_in_words(runner: CliRunner, small_exports: tuple[Path, Path],
                                                    tmp_path: Path, lang: str, one: str, two: str) -> None:
    applicants, shortlist = small_exports
    code, out, _ = run(runner, "check", applicants, "-s", shortlist, "-r", "sarpsborg", "--lang", lang)
    assert code == 1 and one in flat(out) and not HEDGED_PLURAL.search(out)
    both = write_csv(tmp_path / "to.csv", [SHORTLIST_HEADER, ["P-1", "S-12", "Ja", "1", ""],
                                           ["P-2", "S-22", "Ja", "1", ""]])
    code, out, _ = run(runner, "check", applicants, "-s", both, "-r", "sarpsborg", "--lang", lang)
    assert code == 1 and two in flat(out) and not HEDGED_PLURAL.search(out)


# --- field names and levels --------------------------------------------------------------------------


@pytest.mark.parametrize("key", sorted(k for k, (nb, _) in CATALOGUE.items() if "field" in placeholders(nb)))
@pytest.mark.parametrize("lang", LANGS)
def test_a_problem_names_a_field_by_its_label(key: str, lang: Lang) -> None:
    names = placeholders(CATALOGUE[key][0])
    for name in FIELD_NAMES:
        params = tuple((n, name if n == "field" else "X") for n in sorted(names))
        message = Problem("error", key, params).message(lang)
        assert text(f"field.{name}", lang) in message, (key, message)
        # an identifier only as written in a config file ([aliases].immigrant_background); one-word
        # names such as "gender" are the English word itself
        if "_" in name:
            assert name not in re.sub(r"\[aliases\]\.\w+", "", message), message


@pytest.mark.parametrize(("lang", "label"), [("nb", "innvandrerbakgrunn, kvalifisert"),
                                             ("en", "immigrant background, qualified")])
def test_a_quotation_rule_without_its_columns_names_them_in_words(lang: Lang, label: str) -> None:
    pack = load_pack("sarpsborg")
    rule = next(r for r in pack.rules if r.check == "moderate_quotation" and "immigrant_background" in r.groups)
    message = describe(Outcome("review", "column_missing", params={"columns": "immigrant_background,qualified"}),
                       rule, Posting("P-1"), lang, "hr")
    assert label in message and "immigrant_background" not in message


@pytest.mark.parametrize(("lang", "said"), [("nb", "ingen søkerliste har kolonnen for innvandrerbakgrunn"),
                                            ("en", "no applicant list has the column for immigrant background")])
def test_a_missing_column_is_named_in_words(runner: CliRunner, tmp_path: Path, lang: str, said: str) -> None:
    applicants = write_csv(tmp_path / "a.csv", [["Stillings-ID", "Søker-ID", "Kvalifisert"], ["P-1", "S-1", "Ja"]])
    shortlist = write_csv(tmp_path / "k.csv", [SHORTLIST_HEADER, ["P-1", "S-1", "Ja", "1", ""]])
    code, _, err = run(runner, "check", applicants, "-s", shortlist, "-r", "oslo", "--lang", lang)
    assert code == 2 and said in flat(err) and "immigrant_background" not in err


@pytest.mark.parametrize(("lang", "said"), [("nb", "kolonnen kan ikke brukes for innvandrerbakgrunn"),
                                            ("en", "the column cannot be used for immigrant background")])
def test_a_column_of_countries_is_refused_in_words(runner: CliRunner, tmp_path: Path, lang: str, said: str) -> None:
    countries = ["Norge", "Sverige", "Polen", "Danmark", "Somalia", "Syria"]
    applicants = write_csv(tmp_path / "a.csv", [["Stillings-ID", "Søker-ID", "Kvalifisert", "Innvandrerbakgrunn"],
                                                *[["P-1", f"S-{i}", "Ja", c] for i, c in enumerate(countries)]])
    shortlist = write_csv(tmp_path / "k.csv", [SHORTLIST_HEADER, ["P-1", "S-1", "Ja", "1", ""]])
    code, _, err = run(runner, "check", applicants, "-s", shortlist, "-r", "oslo", "--lang", lang)
    assert code == 2 and said in flat(err) and "immigrant_background" not in err


@pytest.mark.parametrize(("lang", "level", "other"), [("nb", "advarsel: ", "warning:"),
                                                     ("en", "warning: ", "advarsel")])
def test_inspect_says_the_level_of_a_problem_in_the_chosen_language(runner: CliRunner, tmp_path: Path, lang: str,
                                                                   level: str, other: str) -> None:
    applicants = write_csv(tmp_path / "a.csv", [["Stillings-ID", "Søker-ID", "Kvalifisert", "Innvandrerbakgrunn"],
                                                ["P-1", "S-1", "Ja", "Ja"], ["P-1", "", "Ja", "Nei"]])
    code, out, _ = run(runner, "inspect", applicants, "--lang", lang)
    assert code == 0 and level in out and other not in out


# --- status words and p-values -----------------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGS)
def test_rules_show_never_says_a_status_twice(runner: CliRunner, lang: str) -> None:
    code, out, _ = run(runner, "rules", "show", "SA02", "-r", "sarpsborg", "--lang", lang)
    text_ = flat(out)
    assert code == 0
    assert not re.search(r"\b([\w ]+) \(\1\)", text_.replace("not applicable (not_applicable)", "X (X)")), text_
    if lang == "nb":
        assert "oppfylt (met):" in text_ and "gjelder ikke (not_applicable):" in text_
        assert "høyst 5 % av beste poengsum" in text_ and "høyst 1 plass i rangeringen" in text_
    else:
        assert "met: " in text_ and "not applicable: " in text_
        assert "at most 5 % of the best score" in text_ and "at most 1 place in the ranking" in text_


@pytest.mark.parametrize(("value", "floor", "nb", "en"), [
    (0.0004, False, "p < 0,001", "p < 0.001"),
    (0.01734, False, "p = 0,017", "p = 0.017"),
    (1e-15, True, "p < 1e-12", "p < 1e-12"),
])
def test_a_p_value_in_a_sentence_has_one_relation(value: float, floor: bool, nb: str, en: str) -> None:
    assert (_p(value, "nb", floor), _p(value, "en", floor)) == (nb, en)
    for lang, said in (("nb", nb), ("en", en)):
        sentence = text("summary.sentence.stratified", lang, rr="0,9", p=said, informative=7)
        assert said in sentence and "= <" not in sentence and "p = p" not in sentence


# --- one place for each thing, and a closing line for each audience -----------------------------------


@pytest.mark.parametrize("audience", ["hr", "tillitsvalgt"])
def test_an_unused_justification_is_listed_once(runner: CliRunner, small_exports: tuple[Path, Path], tmp_path: Path,
                                                audience: str) -> None:
    applicants, shortlist = small_exports
    reasons = write_csv(tmp_path / "b.csv", [["Stillings-ID", "Regel", "Søker-ID", "Begrunnelse"],
                                             ["P-9", "SA01", "", "Gammel begrunnelse fra i fjor"]])
    args = ["check", applicants, "-s", shortlist, "-r", "sarpsborg", "--justifications", reasons,
            "--audience", audience]
    code, out, _ = run(runner, *args, "-f", "json")
    report = json.loads(out)
    assert code == 1
    assert [u["text"] for u in report["unused_justifications"]] == ["Gammel begrunnelse fra i fjor"]
    assert report["warnings"] == [] and report["warnings_withheld"] == 0
    for fmt in ("text", "markdown"):
        _, out, _ = run(runner, *args, "-f", fmt)
        assert flat(out).count("Gammel begrunnelse fra i fjor") == 1, fmt
        assert "passer ikke til noe brudd (utdatert" not in flat(out)


@pytest.mark.parametrize(("lang", "closing", "instruction"), [
    ("nb", "1 brudd uten begrunnelse, 0 til vurdering.", "rett opp"),
    ("en", "1 unjustified breach, 0 to review.", "fix the breach"),
])
def test_the_union_report_ends_with_the_counts(runner: CliRunner, small_exports: tuple[Path, Path], lang: str,
                                               closing: str, instruction: str) -> None:
    applicants, shortlist = small_exports
    for fmt in ("text", "markdown", "html"):
        code, out, _ = run(runner, "check", applicants, "-s", shortlist, "-r", "sarpsborg", "--lang", lang,
                           "--audience", "tillitsvalgt", "-f", fmt)
        assert code == 1 and closing in flat(out) and instruction not in out, fmt
    code, out, _ = run(runner, "check", applicants, "-s", shortlist, "-r", "sarpsborg", "--lang", lang)
    assert instruction in flat(out)  # HR is still told what to do


@pytest.mark.parametrize("lang", LANGS)
def test_the_union_summary_ends_with_the_counts(runner: CliRunner, small_exports: tuple[Path, Path],
                                                lang: Lang) -> None:
    applicants, shortlist = small_exports
    code, out, _ = run(runner, "summary", applicants, "-s", shortlist, "-r", "sarpsborg", "--lang", lang,
                       "--audience", "tillitsvalgt", "-f", "markdown")
    said, _ = verdict("summary", "tillitsvalgt", 1, 0, lang)
    assert code == 1 and flat(out).endswith(f"**{said}**")
    assert said in (text("summary.verdict.tillitsvalgt", lang, count=1, review=0),)


@pytest.mark.parametrize("lang", LANGS)
def test_the_verdict_follows_the_counts_and_the_colour_follows_the_exit_code(lang: Lang) -> None:
    said, status = verdict("report", "hr", 0, 2, lang, failed=True)  # --fail-on review
    assert status == "breach" and said == text("report.verdict.review", lang, review=2)
    assert verdict("report", "hr", 0, 0, lang) == (text("report.verdict.ok", lang), "met")
    assert verdict("report", "tillitsvalgt", 0, 2, lang)[1] == "review"


# --- the README ----------------------------------------------------------------------------------------


def test_the_readme_shows_the_report_made_by_the_script_in_the_repository() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    script = ROOT / "scripts" / "screenshot.py"
    picture = ROOT / "docs" / "rapport.png"
    assert script.is_file() and "chromium" in script.read_text(encoding="utf-8").lower()
    assert "docs/rapport.png" in readme and "scripts/screenshot.py" in readme
    assert picture.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and picture.stat().st_size < 400_000


def test_the_readme_serves_windows_users_and_union_representatives() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for line in ("py -m venv .venv", ".venv\\Scripts\\activate", 'pip install ".[test]"'):
        assert line in readme, line
    assert "## For union representatives" in readme
    for word in ("til vurdering", "begrunnet avvik", "gjelder ikke", "What a status can reveal"):
        assert word in readme, word


@pytest.mark.parametrize(("lang", "label"), [("nb", "Hull i CV, oppgitt ja"), ("en", "CV gap, declared yes")])
def test_a_group_keeps_its_capitals_in_the_summary(runner: CliRunner, tmp_path: Path, lang: str, label: str) -> None:
    header = ["Stillings-ID", "Søker-ID", "Søknadsfrist", "Kvalifisert", "Innvandrerbakgrunn", "Nedsatt funksjonsevne",
              "Hull i CV", "Kjønn"]
    applicants = write_csv(tmp_path / "a.csv", [header,
                                                ["P-1", "S-1", "01.03.2025", "Ja", "Nei", "Nei", "Ja", "Kvinne"],
                                                ["P-1", "S-2", "01.03.2025", "Ja", "Ja", "Nei", "Nei", "Mann"]])
    shortlist = write_csv(tmp_path / "k.csv", [SHORTLIST_HEADER, ["P-1", "S-1", "Ja", "1", ""]])
    code, out, _ = run(runner, "summary", applicants, "-s", shortlist, "-r", "staten", "--lang", lang,
                       "-f", "markdown", "--no-fail")
    assert code == 0 and label in out and "Hull i cv" not in out

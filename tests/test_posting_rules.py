"""The posting's process, as a user of the command line meets it (issue 14, part B 1 and 4).

Sarpsborg's ad statement (SA04) is a breach when the ad has none; Oslo's (OS03) and its union
involvement (OS04) are only ever reviewed. A blank or unreadable cell, or an export without the
column, is never "met" and never stops the run. 'Egenerklæring tilbudt' no makes the interview rules
"review" instead of "nobody declared".
"""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from rekruttering.checks import Context
from rekruttering.checks.engine import applies_to, evaluate_rule
from rekruttering.checks.pack import load_pack, shipped_packs
from rekruttering.models import Applicant, Posting
from rekruttering.read.fields import PROCESS_FIELDS, Field
from rekruttering.read.join import unreadable

from conftest import flat, run, write_csv

HEADER = ["Stillings-ID", "Søknadsfrist", "Utlysningstype", "Søker-ID", "Kvalifisert", "Innvandrerbakgrunn"]
SHORT = ["Stillings-ID", "Søker-ID", "Innkalt til intervju"]


def findings(out: str) -> dict[tuple[str, str], dict[str, Any]]:
    return {(p["posting_id"], f["rule"]): f for p in json.loads(out)["postings"] for f in p["findings"]}


def exports(tmp_path: Path, process: list[str], rows: list[list[str]]) -> tuple[Path, Path]:
    """An applicant list with the process columns ``process``; every applicant is qualified and invited."""
    applicants = write_csv(tmp_path / "soekere.csv", [[*HEADER, *process], *rows])
    shortlist = write_csv(tmp_path / "intervju.csv", [SHORT, *([r[0], r[3], "Ja"] for r in rows)])
    return applicants, shortlist


def test_sarpsborg_breaks_on_an_ad_without_the_statement(runner: CliRunner, tmp_path: Path) -> None:
    applicants, shortlist = exports(tmp_path, ["Mangfoldserklæring i annonsen"], [
        ["P-1", "01.03.2025", "ekstern", "S-1", "Ja", "Ja", "Nei"],
        ["P-2", "01.03.2025", "intern", "S-2", "Ja", "Ja", "Nei"],
        ["P-3", "01.03.2025", "ekstern", "S-3", "Ja", "Ja", "Ja"],
        ["P-4", "01.03.2025", "ekstern", "S-4", "Ja", "Ja", ""],
        ["P-5", "01.03.2025", "unntatt", "S-5", "Ja", "Ja", "Nei"]])
    code, out, _ = run(runner, "check", applicants, "-s", shortlist, "-r", "sarpsborg", "-f", "json")
    found = findings(out)
    assert code == 1
    assert {p: (found[(p, "SA04")]["status"], found[(p, "SA04")]["reason"]) for p in ("P-1", "P-2", "P-3", "P-4", "P-5")
            } == {"P-1": ("breach", "no_statement"), "P-2": ("breach", "no_statement"), "P-3": ("met", "statement"),
                  "P-4": ("review", "statement_unknown"), "P-5": ("not_applicable", "posting_type")}
    assert found[("P-1", "SA04")]["severity"] == "error" and found[("P-1", "SA04")]["group"] is None
    code, out, _ = run(runner, "check", applicants, "-s", shortlist, "-r", "sarpsborg", "--lang", "en")
    assert code == 1 and "The ad has no diversity statement" in flat(out)
    assert "2 unjustified breaches, 1 to review" in flat(out)
    # the breach is the ad's, so a justification for the posting and rule as a whole excuses it
    reasons = write_csv(tmp_path / "begrunnelser.csv", [
        ["Stillings-ID", "Regel", "Søker-ID", "Begrunnelse"], ["P-1", "SA04", "", "Malen er rettet"],
        ["P-2", "SA04", "", "Intern mal rettet"]])
    code, out, _ = run(runner, "check", applicants, "-s", shortlist, "-r", "sarpsborg", "-f", "json",
                       "--justifications", reasons)
    assert code == 0 and findings(out)[("P-1", "SA04")]["justification"] == "Malen er rettet"


def test_oslo_reviews_what_its_text_only_suggests(runner: CliRunner, tmp_path: Path) -> None:
    applicants, shortlist = exports(tmp_path, ["Mangfoldserklæring", "Tillitsvalgt deltatt"], [
        ["P-1", "01.03.2025", "ekstern", "S-1", "Ja", "Ja", "Nei", "Nei"],
        ["P-2", "01.03.2025", "ekstern", "S-2", "Ja", "Ja", "Ja", "Ja"],
        ["P-3", "01.03.2025", "intern", "S-3", "Ja", "Ja", "Ja", "Nei"]])
    code, out, _ = run(runner, "check", applicants, "-s", shortlist, "-r", "oslo", "-f", "json")
    found = findings(out)
    assert code == 0  # a missing statement or representative is never a breach, so never exit 1
    assert (found[("P-1", "OS03")]["status"], found[("P-1", "OS03")]["reason"]) == (
        "review", "no_statement_if_relevant")
    assert (found[("P-1", "OS04")]["status"], found[("P-1", "OS04")]["reason"]) == ("review", "not_involved")
    assert found[("P-2", "OS03")]["status"] == found[("P-2", "OS04")]["status"] == "met"
    assert found[("P-3", "OS04")]["status"] == "not_applicable"  # an internal posting: no open competition
    assert json.loads(out)["totals"]["breach"] == 0
    assert run(runner, "check", applicants, "-s", shortlist, "-r", "oslo", "--fail-on", "review")[0] == 1
    for lang, said in (("nb", "Ingen tillitsvalgt har deltatt i rekrutteringen"),
                       ("en", "No union representative took part in the recruitment")):
        code, out, _ = run(runner, "check", applicants, "-s", shortlist, "-r", "oslo", "--lang", lang,
                           "--audience", "tillitsvalgt")
        assert code == 0 and said in flat(out)


def test_an_export_without_the_columns_is_reviewed_not_refused(runner: CliRunner, tmp_path: Path) -> None:
    applicants, shortlist = exports(tmp_path, [], [["P-1", "01.03.2025", "ekstern", "S-1", "Ja", "Ja"]])
    code, out, err = run(runner, "check", applicants, "-s", shortlist, "-r", "oslo", "-f", "json")
    found = findings(out)
    assert code == 0, err
    for rule, column in (("OS03", "mangfoldserklæring i annonsen"), ("OS04", "tillitsvalgt deltatt")):
        assert (found[("P-1", rule)]["status"], found[("P-1", rule)]["reason"]) == ("review", "column_missing")
        assert column in found[("P-1", rule)]["message"]
    code, out, _ = run(runner, "inspect", applicants, "-s", shortlist, "--rules", "oslo", "-f", "json")
    assert code == 0 and json.loads(out)["preflight"]["runnable"] == ["OS01", "OS02", "OS03", "OS04"]


def test_inspect_names_the_missing_process_columns(runner: CliRunner, tmp_path: Path) -> None:
    """The rules run without their process column, but inspect says which and that each will be review."""
    applicants, shortlist = exports(tmp_path, [], [["P-1", "01.03.2025", "ekstern", "S-1", "Ja", "Ja"]])
    code, out, _ = run(runner, "inspect", applicants, "-s", shortlist, "--rules", "oslo", "-f", "json")
    preflight = json.loads(out)["preflight"]
    assert code == 0 and preflight["check_would_refuse"] is False
    assert [(m["field"], m["rules"], m["effect"]) for m in preflight["missing"]] == [
        ("ad_statement", ["OS03"], "review_every_posting"), ("union_involved", ["OS04"], "review_every_posting")]
    for lang, said in (("nb", "OS04 mangler kolonnen for tillitsvalgt deltatt"), ("en", "on every posting")):
        code, out, _ = run(runner, "inspect", applicants, "-s", shortlist, "--rules", "oslo", "--lang", lang)
        assert code == 0 and said in flat(out), lang
    # with the columns, nothing is missing
    applicants, shortlist = exports(tmp_path, ["Mangfoldserklæring i annonsen", "Tillitsvalgt deltatt"],
                                    [["P-1", "01.03.2025", "ekstern", "S-1", "Ja", "Ja", "Ja", "Ja"]])
    code, out, _ = run(runner, "inspect", applicants, "-s", shortlist, "--rules", "oslo", "-f", "json")
    assert code == 0 and json.loads(out)["preflight"]["missing"] == []


def test_a_conflict_message_names_only_the_columns_the_rule_reads(runner: CliRunner, tmp_path: Path) -> None:
    """Two rows of the posting disagree on every process column: each rule names only its own column."""
    process = ["Mangfoldserklæring i annonsen", "Egenerklæring tilbudt", "Tillitsvalgt deltatt"]
    applicants, shortlist = exports(tmp_path, process, [
        ["P-1", "01.03.2025", "ekstern", "S-1", "Ja", "Nei", "Ja", "Ja", "Ja"],
        ["P-1", "01.03.2025", "ekstern", "S-2", "Ja", "Ja", "Nei", "Nei", "Nei"]])
    code, out, _ = run(runner, "check", applicants, "-s", shortlist, "-r", "oslo", "-f", "json")
    found = findings(out)
    assert code == 0
    for rule, own in (("OS01", "egenerklæring tilbudt"), ("OS03", "mangfoldserklæring i annonsen"),
                      ("OS04", "tillitsvalgt deltatt")):
        assert found[("P-1", rule)]["reason"] == "conflicting_input"
        message = found[("P-1", rule)]["message"]
        others = [c.lower() for c in process if c.lower() != own]
        assert own in message and not any(other in message for other in others), (rule, message)


def test_self_declaration_not_offered_is_no_nobody_declared(runner: CliRunner, tmp_path: Path) -> None:
    rows = [["P-1", "01.03.2025", "ekstern", "S-1", "Ja", "", "Nei"],  # not offered: nobody could declare
            ["P-2", "01.03.2025", "ekstern", "S-2", "Ja", "", ""],  # not recorded, and nobody declared
            ["P-3", "01.03.2025", "ekstern", "S-3", "Ja", "", "Ja"],  # offered, and nobody declared
            ["P-4", "01.03.2025", "ekstern", "S-4", "Ja", "Ja", ""]]  # a declaration shows it was offered
    applicants, shortlist = exports(tmp_path, ["Egenerklæring tilbudt"], rows)
    code, out, _ = run(runner, "check", applicants, "-s", shortlist, "-r", "sarpsborg", "--select", "SA01",
                       "-f", "json")
    found = {p: (f["status"], f["reason"]) for (p, _), f in findings(out).items()}
    assert code == 0 and found == {"P-1": ("review", "declaration_not_offered"),
                                   "P-2": ("review", "declaration_offered_unknown"),
                                   "P-3": ("not_applicable", "nobody_declared"), "P-4": ("met", "met")}
    for lang, said in (("nb", "Egenerklæring ikke tilbudt"), ("en", "Self-declaration not offered")):
        for audience in ("hr", "tillitsvalgt"):
            code, out, _ = run(runner, "check", applicants, "-s", shortlist, "-r", "sarpsborg", "--select", "SA01",
                               "--posting", "P-1", "--lang", lang, "--audience", audience)
            assert said in flat(out), (lang, audience)
    # without the column, today's reading stands: nobody declared
    plain, shortlist = exports(tmp_path, [], [row[:-1] for row in rows])
    code, out, _ = run(runner, "check", plain, "-s", shortlist, "-r", "sarpsborg", "--select", "SA01", "-f", "json")
    assert findings(out)[("P-1", "SA01")]["reason"] == "nobody_declared"


def test_an_unreadable_cell_is_warned_about_and_reviewed(runner: CliRunner, tmp_path: Path) -> None:
    applicants, shortlist = exports(tmp_path, ["Mangfoldserklæring i annonsen"],
                                    [["P-1", "01.03.2025", "ekstern", "S-1", "Ja", "Ja", "ja?"]])
    code, out, _ = run(runner, "check", applicants, "-s", shortlist, "-r", "sarpsborg", "--select", "SA04",
                       "-f", "json")
    report = json.loads(out)
    assert code == 0 and findings(out)[("P-1", "SA04")]["status"] == "review"
    assert any(w["column"] == "Mangfoldserklæring i annonsen" for w in report["warnings"])


def test_rows_that_disagree_about_the_ad_are_reviewed(runner: CliRunner, tmp_path: Path) -> None:
    applicants, shortlist = exports(tmp_path, ["Mangfoldserklæring i annonsen"], [
        ["P-1", "01.03.2025", "ekstern", "S-1", "Ja", "Ja", "Ja"],
        ["P-1", "01.03.2025", "ekstern", "S-2", "Ja", "Nei", "Nei"]])
    code, out, _ = run(runner, "check", applicants, "-s", shortlist, "-r", "sarpsborg", "--select", "SA04",
                       "-f", "json", "--lang", "en")
    finding = findings(out)[("P-1", "SA04")]
    [warning] = json.loads(out)["warnings"]
    assert code == 0 and (finding["status"], finding["reason"]) == ("review", "conflicting_input")
    assert "'Ja'" in warning["message"] and "'Nei'" in warning["message"]  # as the export writes them


def test_the_new_columns_are_listed(runner: CliRunner) -> None:
    code, out, _ = run(runner, "columns")
    assert code == 0
    for header in ("Mangfoldserklæring i annonsen", "Egenerklæring tilbudt", "Tillitsvalgt deltatt"):
        assert header in out


def test_the_summary_follows_up_a_missing_statement(runner: CliRunner, tmp_path: Path) -> None:
    applicants, shortlist = exports(tmp_path, ["Mangfoldserklæring i annonsen"], [
        ["P-1", "01.03.2025", "ekstern", "S-1", "Ja", "Ja", "Nei"],
        ["P-2", "01.04.2025", "ekstern", "S-2", "Ja", "Ja", "Ja"]])
    code, out, _ = run(runner, "summary", applicants, "-s", shortlist, "-r", "sarpsborg", "--year", "2025",
                       "-f", "json")
    report = json.loads(out)
    [sa04] = [r for r in report["rules"] if r["rule"] == "SA04"]
    assert code == 1 and (sa04["met"], sa04["breach"]) == (1, 1)
    assert [(f["posting_id"], f["rule"]) for f in report["follow_up"]] == [("P-1", "SA04")]


# --- unknown is never met, and never "does not apply" ---------------------------------------------------

PROCESS_RULES = [rule for name in shipped_packs() for rule in load_pack(name).rules
                 if rule.check in ("ad_statement", "union_involvement")]
INTERVIEW_RULES = [rule for name in shipped_packs() for rule in load_pack(name).rules
                   if rule.check == "interview_minimum"]
EVERY_COLUMN = frozenset({"qualified", "immigrant_background", "country_group", "non_western", "disability",
                          "cv_gap", *(f.value for f in PROCESS_FIELDS)})


@st.composite
def unknown_posting(draw: st.DrawFn) -> tuple[Posting, str]:
    """A posting whose process cell ``field`` is unknown: blank in a present column, or unreadable."""
    fld = draw(st.sampled_from(list(PROCESS_FIELDS)))
    cells = {f: None if f is fld else draw(st.sampled_from([True, False, None])) for f in PROCESS_FIELDS}
    doubts = (unreadable(fld),) if draw(st.booleans()) else ()
    size = draw(st.integers(0, 4))
    applicants = tuple(Applicant(f"S-{i}", qualified=draw(st.sampled_from([True, None])), invited=draw(st.booleans()),
                                 immigrant_background=draw(st.sampled_from([None, False])))
                       for i in range(size))  # nobody declared a group
    posting = Posting("P-1", deadline=date(2025, 3, 1), applicants=applicants, doubts=doubts,
                      ad_statement=cells[Field.ad_statement], declaration_offered=cells[Field.declaration_offered],
                      union_involved=cells[Field.union_involved])
    return posting, fld.value


@given(unknown_posting())
@settings(max_examples=300, deadline=None)
def test_unknown_is_never_met_nor_not_applicable(drawn: tuple[Posting, str]) -> None:
    posting, fld = drawn
    context = Context(fields=EVERY_COLUMN)
    for rule in PROCESS_RULES:
        reads = {"ad_statement": "ad_statement", "union_involvement": "union_involved"}[rule.check]
        for kind in applies_to(rule):
            outcome = evaluate_rule(replace(posting, posting_type=kind), rule, context)
            if reads == fld:
                assert outcome.status == "review", (rule.id, kind, outcome)
    if fld == "declaration_offered":  # nobody declared: with the cell unknown, that cannot be told from nobody asked
        for interview in INTERVIEW_RULES:
            for kind in applies_to(interview):
                outcome = evaluate_rule(replace(posting, posting_type=kind), interview, context)
                assert outcome.status not in ("met", "not_applicable"), (interview.id, kind, outcome)


def test_a_posting_built_by_hand_is_judged_as_before() -> None:
    """Without knowing which columns the exports have, a blank cell is no column: nobody declared."""
    [rule] = [r for r in INTERVIEW_RULES if r.id == "SA01"]
    posting = Posting("P-1", deadline=date(2025, 3, 1), applicants=(Applicant("S-1", qualified=True, invited=True),))
    assert evaluate_rule(posting, rule).reason == "nobody_declared"
    assert evaluate_rule(posting, rule, Context(fields=EVERY_COLUMN)).reason == "declaration_offered_unknown"
    assert Field.declaration_offered.value in EVERY_COLUMN


def test_hr_overview_asks_to_fix_the_breaches_inviting_cannot_mend(runner: CliRunner, tmp_path: Path) -> None:
    """An interview breach is mended by inviting; an ad without its statement is not: the overview says both."""
    header = ["Stillings-ID", "Søknadsfrist", "Utlysningstype", "Søker-ID", "Kvalifisert", "Innvandrerbakgrunn",
              "Innkalt til intervju", "Mangfoldserklæring i annonsen"]
    both = write_csv(tmp_path / "both.csv", [header, ["P-1", "01.03.2025", "ekstern", "S-1", "Ja", "Ja", "Nei", "Nei"]])
    invite = write_csv(tmp_path / "invite.csv",
                       [header, ["P-1", "01.03.2025", "ekstern", "S-1", "Ja", "Ja", "Nei", "Ja"]])
    code, out, _ = run(runner, "check", both, "-r", "sarpsborg", "--no-fail")
    assert code == 0 and "rett opp de andre bruddene" in flat(out)
    code, out, _ = run(runner, "check", invite, "-r", "sarpsborg", "--no-fail", "--lang", "en")
    assert code == 0 and "Invite the applicants listed under" in flat(out) and "other breaches" not in flat(out)

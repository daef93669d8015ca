"""What the wording says: quotation gaps with the right sign, and union reports that never tell who declared.

A group member ahead of the one chosen is "ranked ahead", not "nearly as well qualified", and no gap is
ever printed negative. Every reason any check can give has a wording for union representatives, and that
wording speaks of the rule and the posting's process, never of a person who declared a group.
"""

from __future__ import annotations

import ast
import inspect
import re
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from test_rule_cases import CASES, RULES, build_context, build_posting
from typer.testing import CliRunner

from rekruttering.checks import CHECKS, COMMON_PUBLIC, Outcome, public_reason
from rekruttering.checks.pack import load_pack
from rekruttering.models import Applicant, Finding, Posting
from rekruttering.privacy import Audience
from rekruttering.words.catalogue import LANGS, Lang, text
from rekruttering.words.findings import describe, evaluate

from conftest import ROOT, run, write_csv

PACK = ROOT / "rekruttering"
NEGATIVE = re.compile(r"(?<![\w-])[-−]\s?\d")  # a minus before a number, not a hyphen in 2025-03-01 or P-1
# phrases that tie a declaration to a person everyone on the posting can name
PERSONAL = ("innkalt søker med", "ansatt søker med", "den valgte søkeren", "den valgte", "den valgtes",
            "invited applicant with", "hired applicant with", "the chosen applicant", "the one chosen",
            "the chosen one")


def quotation_finding(applicants: list[Applicant], lang: Lang = "nb", audience: Audience = "hr") -> Finding:
    """The Sarpsborg moderate quotation rule (SA02, immigrant background, 5 % / 1 place) on one posting."""
    pack = load_pack("sarpsborg")
    rule = next(r for r in pack.rules if r.id == "SA02")
    posting = Posting("P-7", "Rådgiver", "Økonomi", date(2025, 3, 1), applicants=tuple(applicants))
    [report] = evaluate(replace(pack, rules=(rule,)), [posting], lang=lang, audience=audience).postings
    [finding] = report.findings
    return finding


def member(applicant_id: str, **values: Any) -> Applicant:
    return Applicant(applicant_id, **{"qualified": True, "immigrant_background": True, "invited": True, **values})


def other(applicant_id: str, **values: Any) -> Applicant:
    return Applicant(applicant_id, **{"qualified": True, "immigrant_background": False, "invited": True, **values})


# --- item 9: the sign of the gap ----------------------------------------------------------------


@pytest.mark.parametrize(("lang", "gap", "label"), [
    ("nb", "(poengforskjell 5,5 % av beste poengsum", "Rangert foran den valgte: S-2 (rang 2)."),
    ("en", "(score gap 5.5 % of the best score", "Ranked ahead of the one chosen: S-2 (rank 2)."),
])
def test_a_member_who_scored_higher_is_ranked_ahead_by_a_positive_gap(lang: Lang, gap: str, label: str) -> None:
    finding = quotation_finding([other("S-1", rank=1, score=94.5, hired=True), member("S-2", rank=2, score=100.0)],
                                lang)
    assert (finding.status, finding.reason, finding.applicants) == ("review", "member_ranked_higher", ["S-2"])
    assert gap in finding.message and finding.message.endswith(label)
    assert not NEGATIVE.search(finding.message)
    assert "Nesten like godt" not in finding.message and "nearly as well" not in finding.message.lower()


def test_a_member_ranked_one_place_higher_is_ahead_by_one_place() -> None:
    finding = quotation_finding([member("S-2", rank=1), other("S-1", rank=2, hired=True)])
    assert finding.reason == "member_ranked_higher"
    assert "(rangavstand 1, toleranse 1)" in finding.message
    assert finding.message.endswith("Rangert foran den valgte: S-2 (rang 1).")


def test_a_tie_is_near_equal_with_a_gap_of_zero() -> None:
    finding = quotation_finding([other("S-1", rank=1, score=90.0, hired=True), member("S-2", rank=2, score=90.0)])
    assert (finding.status, finding.reason) == ("review", "near_equal_passed_over")
    assert "(poengforskjell 0 % av beste poengsum, toleranse 5 %)" in finding.message
    assert finding.message.endswith("Nesten like godt kvalifisert: S-2 (rang 2).")


def test_a_member_just_within_the_tolerance_behind_is_near_equal() -> None:
    finding = quotation_finding([other("S-1", rank=1, score=100.0, hired=True), member("S-2", rank=2, score=95.0)],
                                "en")
    assert finding.reason == "near_equal_passed_over"
    assert "(score gap 5 % of the best score, tolerance 5 %)" in finding.message
    assert finding.message.endswith("Nearly as well qualified: S-2 (rank 2).")


def test_a_member_ahead_outweighs_a_near_equal_one_and_only_the_member_ahead_is_listed() -> None:
    finding = quotation_finding([member("S-2", rank=1, score=100.0), member("S-3", rank=2, score=99.0),
                                 other("S-1", rank=3, score=98.0, hired=True), member("S-4", rank=4, score=96.0)])
    assert (finding.status, finding.reason) == ("review", "member_ranked_higher")
    assert finding.applicants == ["S-2", "S-3"]
    assert "(poengforskjell 2 % av beste poengsum" in finding.message  # the widest lead, S-2's
    assert "S-4" not in finding.message


@pytest.mark.parametrize("lang", LANGS)
def test_no_quotation_message_ever_prints_a_negative_gap(lang: Lang) -> None:
    for rule_id, case in CASES:
        pack, rule = RULES[rule_id]
        if rule.check != "moderate_quotation":
            continue
        [report] = evaluate(replace(pack, rules=(rule,)), [build_posting(case, rule)], lang=lang,
                            context=build_context(case)).postings
        message = report.findings[0].message
        assert not NEGATIVE.search(message), (rule_id, case["name"], message)


@pytest.mark.parametrize("applicants", [
    [member("S-2", rank=1, score=90.0, hired=True), other("S-1", rank=2, score=80.0)],       # chosen_best
    [other("S-1", rank=1, score=100.0), member("S-2", rank=2, score=96.0, hired=True)],      # quotation_used
    [other("S-1", rank=1, score=100.0), member("S-2", rank=2, score=90.0, hired=True)],      # radical
    [other("S-1", rank=1, score=100.0, hired=True), member("S-2", rank=2, score=80.0)],      # no_near_equal
    [other("S-1", rank=1, score=100.0, hired=True), member("S-2", rank=2, score=99.96)],     # rounds to 0
])
def test_every_quotation_detail_is_a_lead_not_a_deficit(applicants: list[Applicant]) -> None:
    for lang in LANGS:
        message = quotation_finding(applicants, lang).message
        assert not NEGATIVE.search(message), message
        assert " -0" not in message and "(-" not in message


# --- every reason a check can give has a public wording -----------------------------------------


def _strings(node: ast.expr) -> set[str] | None:
    """The reason codes an expression can be: a literal, or either branch of ``a if c else b``."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return {node.value}
    if isinstance(node, ast.IfExp):
        body, orelse = _strings(node.body), _strings(node.orelse)
        return None if body is None or orelse is None else body | orelse
    return None


def _returned(module: ast.Module, function: str, index: int) -> set[str]:
    """The literals a module-level function returns at position ``index`` of its tuple."""
    found: set[str] = set()
    for node in module.body:
        if isinstance(node, ast.FunctionDef) and node.name == function:
            for ret in ast.walk(node):
                if isinstance(ret, ast.Return) and isinstance(ret.value, ast.Tuple):
                    found |= _strings(ret.value.elts[index]) or set()
    return found


def _reasons_of(path: Path) -> set[str]:
    """Every reason code the ``Outcome(...)`` calls of one module can carry (read from its source)."""
    module = ast.parse(path.read_text(encoding="utf-8"))
    reasons: set[str] = set()
    for function in (n for n in ast.walk(module) if isinstance(n, ast.FunctionDef)):
        for call in (n for n in ast.walk(function) if isinstance(n, ast.Call)):
            if not (isinstance(call.func, ast.Name) and call.func.id == "Outcome"):
                continue
            arg = call.args[1] if len(call.args) > 1 else next(k.value for k in call.keywords if k.arg == "reason")
            if isinstance(arg, ast.Attribute) and arg.attr == "reason":
                continue  # an outcome passed on with its reason (say, breach -> justified)
            literal = _strings(arg)
            if literal is not None:
                reasons |= literal
                continue
            assert isinstance(arg, ast.Name), f"{path.name}: reason {ast.unparse(arg)} is not a literal or a name"
            for assign in (n for n in ast.walk(function) if isinstance(n, ast.Assign)):
                for target in assign.targets:
                    if isinstance(target, ast.Name) and target.id == arg.id:
                        value = _strings(assign.value)
                        assert value is not None, f"{path.name}: {ast.unparse(assign)}"
                        reasons |= value
                    elif isinstance(target, ast.Tuple) and any(
                            isinstance(e, ast.Name) and e.id == arg.id for e in target.elts):
                        index = next(i for i, e in enumerate(target.elts) if isinstance(e, ast.Name) and e.id == arg.id)
                        assert isinstance(assign.value, ast.Call) and isinstance(assign.value.func, ast.Name)
                        reasons |= _returned(module, assign.value.func.id, index)
    return reasons - {""}


def check_reasons() -> dict[str, set[str]]:
    return {name: _reasons_of(Path(inspect.getfile(spec.function))) for name, spec in CHECKS.items()}


COMMON_REASONS = _reasons_of(PACK / "checks" / "engine.py")


def test_the_reason_list_is_read_from_the_source() -> None:
    """A sanity check of the reader above: it finds reasons behind names and tuple returns too."""
    reasons = check_reasons()
    assert {"recommended_without_interview", "invite_before_recommendation", "country_group_unknown"} \
        <= reasons["interview_minimum"]
    assert {"workforce_unknown", "balanced", "member_ranked_higher", "near_equal_passed_over"} \
        <= reasons["moderate_quotation"]
    assert {"value_unknown", "conflicting_input", "posting_type", "deadline_unknown"} <= COMMON_REASONS


def test_every_reason_a_check_can_give_has_a_public_wording() -> None:
    """Each kind declares its reasons (an enum) and their public wording; what its source can return
    is exactly that list, so a new reason cannot reach a union representative unmapped."""
    for check, reasons in check_reasons().items():
        spec = CHECKS[check]
        assert {r.value for r in spec.reasons} == reasons, check  # no undeclared and no stale reasons
        assert set(spec.public) == reasons, check
    assert set(COMMON_PUBLIC) == COMMON_REASONS


def test_a_kind_whose_public_wording_leaves_out_a_reason_is_refused_at_import() -> None:
    from dataclasses import replace as with_

    from rekruttering.checks import _registry

    spec = CHECKS["interview_minimum"]
    partial = {k: v for k, v in spec.public.items() if k != "not_invited"}
    with pytest.raises(RuntimeError, match="not_invited"):
        _registry((with_(spec, public=partial),))


def test_every_reason_a_check_can_give_has_a_rule_case() -> None:
    """So the union wording of each reason is tried below with real numbers, in both languages."""
    seen: dict[str, set[str]] = {check: set() for check in CHECKS}
    for rule_id, case in CASES:
        check = RULES[rule_id][1].check
        seen[check].add(case.get("reason_for", {}).get(rule_id, case["reason"]))
    for check, reasons in check_reasons().items():
        assert reasons <= seen[check], (check, reasons - seen[check])
    assert set().union(*seen.values()) >= COMMON_REASONS


def test_an_unmapped_reason_is_withheld_from_union_representatives() -> None:
    rule = RULES["SA01"][1]
    posting = Posting("P-7", applicants=(member("S-1"),))
    outcome = Outcome("review", "some_new_reason", ("S-1",))
    assert public_reason("interview_minimum", "some_new_reason") == "withheld"
    for lang in LANGS:
        assert describe(outcome, rule, posting, lang, "tillitsvalgt") == text("public.common.withheld", lang)


# --- item 10: what the union representatives' report reveals ------------------------------------


def _disguised(case: dict[str, Any]) -> tuple[dict[str, Any], set[str]]:
    """The case with applicant ids no sentence could contain by chance."""
    ids = {spec["id"]: f"ID{spec['id']}x4417" for spec in case["applicants"]}
    applicants = [{**spec, "id": ids[spec["id"]]} for spec in case["applicants"]]
    return {**case, "applicants": applicants}, set(ids.values())


@pytest.mark.parametrize("lang", LANGS)
def test_union_wording_never_ties_a_declaration_to_a_person(lang: Lang) -> None:
    withheld = text("public.common.withheld", lang)
    for rule_id, case in CASES:
        pack, rule = RULES[rule_id]
        case, ids = _disguised(case)
        [report] = evaluate(replace(pack, rules=(rule,)), [build_posting(case, rule)], lang=lang,
                            audience="tillitsvalgt", context=build_context(case)).postings
        [finding] = report.findings
        where = (rule_id, case["name"], finding.message)
        assert finding.applicants == [], where
        assert finding.message and finding.message != withheld, where
        assert not any(phrase in finding.message.lower() for phrase in PERSONAL), where
        assert not any(i in finding.message for i in ids), where


@pytest.mark.parametrize(("check", "reason", "public"), [
    ("interview_minimum", "invited_unknown_qualification", "needs_judgement"),
    ("interview_minimum", "qualification_unknown", "needs_judgement"),
    ("interview_minimum", "country_group_unknown", "needs_judgement"),
    ("interview_minimum", "met", "kept"),
    ("interview_minimum", "not_invited", "not_kept"),
    ("moderate_quotation", "member_ranked_higher", "needs_judgement"),
    ("moderate_quotation", "near_equal_passed_over", "needs_judgement"),
    ("reserved_posting", "readvertise", "readvertise"),
])
def test_public_reasons(check: str, reason: str, public: str) -> None:
    assert public_reason(check, reason) == public


def test_union_report_of_a_one_invited_posting_speaks_of_the_process(runner: CliRunner, tmp_path: Path) -> None:
    """One invited applicant with immigrant background and no qualification assessment: hr learns which one,
    the union representative only that the rule waits for an assessment."""
    applicants = write_csv(tmp_path / "a.csv", [
        ["Stillings-ID", "Søknadsfrist", "Søker-ID", "Kvalifisert", "Innvandrerbakgrunn"],
        ["P-1", "01.03.2025", "S-1", "", "Ja"], ["P-1", "01.03.2025", "S-2", "Ja", "Nei"],
    ])
    shortlist = write_csv(tmp_path / "k.csv", [["Stillings-ID", "Søker-ID", "Innkalt til intervju"],
                                               ["P-1", "S-1", "Ja"], ["P-1", "S-2", "Nei"]])
    for lang, process in (("nb", "Regelen kan ikke avgjøres før det som er registrert om søkerne i prosessen"),
                          ("en", "The rule cannot be decided until what is recorded about the applicants")):
        code, out, err = run(runner, "check", applicants, "-s", shortlist, "-r", "sarpsborg", "--audience",
                             "tillitsvalgt", "--lang", lang, "-f", "markdown")
        assert code in (0, 1), err
        assert process in out
        assert "S-1" not in out and "nnkalt søker med" not in out and "nvited applicant with" not in out
    code, out, _ = run(runner, "check", applicants, "-s", shortlist, "-r", "sarpsborg", "-f", "markdown")
    assert "Innkalt søker med innvandrerbakgrunn mangler vurdering av kvalifikasjon" in out and "S-1" in out

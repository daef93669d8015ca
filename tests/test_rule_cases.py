"""Rule semantics as data: every case in rule_cases/*.toml, for every rule it names.

Each case states its answer by hand; the coverage test proves that every shipped rule meets
every status and every not-applicable reason its check kind can give.
"""

from __future__ import annotations

import tomllib
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from rekruttering.checks import CHECKS, Context, Headcount, Rule
from rekruttering.checks.engine import applies_to
from rekruttering.checks.pack import RulePack, load_pack, shipped_packs
from rekruttering.models import Applicant, Doubt, Justification, Posting, PostingType
from rekruttering.read.fields import PROCESS_FIELDS, SPECS, Field
from rekruttering.read.join import unreadable
from rekruttering.read.values import parse_posting_type
from rekruttering.words.findings import evaluate

CASES_DIR = Path(__file__).parent / "rule_cases"
DEFAULT_DEADLINE = date(2025, 3, 1)


def shipped_rules() -> dict[str, tuple[RulePack, Rule]]:
    found: dict[str, tuple[RulePack, Rule]] = {}
    for name in shipped_packs():
        pack = load_pack(name)
        for rule in pack.rules:
            found[rule.id] = (pack, rule)
    return found


RULES = shipped_rules()


def load_cases() -> list[tuple[str, dict[str, Any]]]:
    cases = []
    for path in sorted(CASES_DIR.glob("*.toml")):
        for case in tomllib.loads(path.read_text(encoding="utf-8"))["case"]:
            check = path.stem
            # "all": every shipped rule of the kind, less those in ``except`` (a rule whose parameters differ)
            ids = [r for r, (_, rule) in RULES.items() if rule.check == check and r not in case.get("except", [])] \
                if case["rules"] == "all" else case["rules"]
            for rule_id in ids:
                cases.append((rule_id, case))
    return cases


CASES = load_cases()


def build_posting(case: dict[str, Any], rule: Rule) -> Posting:
    applicants = []
    for spec in case["applicants"]:
        fields = {k: v for k, v in spec.items() if k not in ("id", "declared", "unreadable", "conflict")}
        fields.setdefault("invited", False)
        doubts = _doubts(spec, rule)
        if spec.get("declared") == "unreadable":
            pass  # the declaration is a doubt, not a value
        elif "declared" in spec:
            for group in rule.groups:
                if group == "gender":
                    wanted = case.get("underrepresented_gender", "kvinne")
                    fields["gender"] = wanted if spec["declared"] else {"kvinne": "mann", "mann": "kvinne"}[wanted]
                else:
                    fields[group] = spec["declared"]
            if rule.qualifier and spec["declared"]:
                fields.setdefault("country_group", rule.qualifier)
        for doubt in doubts:
            fields[doubt.field] = None
        applicants.append(Applicant(applicant_id=spec["id"], **fields, doubts=doubts))
    deadline = case.get("deadline", DEFAULT_DEADLINE)
    posting_type, ok = parse_posting_type(case.get("type", "ekstern"))
    assert ok and posting_type is not None
    # the posting's process cells: ``posting = { ad_statement = true }``; a cell in ``posting_unreadable``
    # is one the reader did not understand
    process = {f.value: case.get("posting", {}).get(f.value) for f in PROCESS_FIELDS}
    doubts = tuple(unreadable(Field(name)) for name in case.get("posting_unreadable", []))
    return Posting("P-1", "Rådgiver", "Økonomi", None if deadline == "none" else deadline,
                   posting_type, reserved_for=case.get("reserved_for"),
                   underrepresented_gender=case.get("underrepresented_gender"), applicants=tuple(applicants),
                   rows_set_aside=case.get("rows_set_aside", 0), doubts=doubts, **process)


def _doubts(spec: dict[str, Any], rule: Rule) -> tuple[Doubt, ...]:
    """``unreadable = ["invited"]``: cells the reader did not understand; ``declared = "unreadable"``: the
    declaration of the rule's group; ``conflict = { invited = [true, false] }``: rows that disagree."""
    names = list(spec.get("unreadable", []))
    if spec.get("declared") == "unreadable":
        names += [g for g in rule.groups]
    found = [unreadable(Field(name)) for name in names]
    found += [Doubt(name, tuple(values), "conflict") for name, values in spec.get("conflict", {}).items()]
    return tuple(found)


def build_context(case: dict[str, Any]) -> Context:
    """Every applicant column is in the export (less ``missing_columns``); a process column of the posting
    only where the case names it: in ``posting``, ``posting_unreadable``, or ``blank`` (in the export, the
    cell empty)."""
    workforce = {"økonomi": Headcount(**case["workforce"])} if "workforce" in case else {}
    process = {*case.get("posting", {}), *case.get("posting_unreadable", []), *case.get("blank", [])}
    fields = frozenset(f.value for f, s in SPECS.items() if s.level == "applicant") | process
    return Context(workforce, fields - set(case.get("missing_columns", [])))


@pytest.mark.parametrize(("rule_id", "case"), CASES, ids=[f"{r}: {c['name']}" for r, c in CASES])
def test_rule_case(rule_id: str, case: dict[str, Any]) -> None:
    pack, rule = RULES[rule_id]
    posting = build_posting(case, rule)
    written = [Justification("P-1", rule_id, j["text"], j.get("applicant"))
               for j in case.get("file_justifications", [])]
    evaluation = evaluate(replace(pack, rules=(rule,)), [posting], context=build_context(case), justifications=written)
    [report] = evaluation.postings
    [finding] = report.findings
    assert len(evaluation.unused) == case.get("unused", 0)
    assert finding.status == case["status"]
    assert finding.reason == case.get("reason_for", {}).get(rule_id, case["reason"])
    assert finding.applicants == case["concerns"]
    assert finding.justification == case.get("justification")
    assert finding.rule == rule_id
    assert finding.message


NOT_APPLICABLE = {
    "interview_minimum": ("nobody_declared", "none_qualified", "posting_type"),
    "moderate_quotation": ("no_choice", "no_ranking", "no_member", "posting_type"),
    "reserved_posting": ("not_reserved", "readvertise", "posting_type"),
    "ad_statement": ("posting_type",),
    "union_involvement": ("posting_type",),
}
WORDS = {PostingType.internal: "intern", PostingType.exempt: "unntatt", PostingType.cancelled: "avlyst"}


def outside(rule: Rule) -> set[str]:
    """The posting types (as written in a case) that a rule must be shown not to apply to: those outside the
    rule's posting types, and for a reservation rule internal and exempt postings too (they are not reserved)."""
    found = {word for kind, word in WORDS.items() if kind not in applies_to(rule)}
    return found | ({"intern", "unntatt"} if rule.check == "reserved_posting" else set())


def test_every_rule_meets_every_status_and_reason() -> None:
    """Coverage of the cases themselves: no shipped rule has an outcome nobody stated by hand."""
    seen: dict[str, set[tuple[str, str]]] = {rule_id: set() for rule_id in RULES}
    types: dict[str, set[str]] = {rule_id: set() for rule_id in RULES}
    for rule_id, case in CASES:
        seen[rule_id].add((case["status"], case.get("reason_for", {}).get(rule_id, case["reason"])))
        if "type" in case and case["status"] == "not_applicable":
            types[rule_id].add(case["type"])
    for rule_id, (_, rule) in RULES.items():
        statuses = {status for status, _ in seen[rule_id]}
        assert statuses >= set(rule.statuses(CHECKS[rule.check].statuses)), rule_id  # all five, for most kinds
        reasons = {reason for status, reason in seen[rule_id] if status == "not_applicable"}
        expected = set(NOT_APPLICABLE[rule.check])
        if "gender" in rule.groups:
            expected |= {"workforce_unknown", "balanced"}
        if rule.in_force_from:
            expected.add("not_in_force_yet")
        if rule.in_force_to:
            expected.add("no_longer_in_force")
        assert reasons >= expected, rule_id
        assert types[rule_id] >= outside(rule), rule_id
        if rule.in_force_from or rule.in_force_to:
            assert ("review", "deadline_unknown") in seen[rule_id], rule_id

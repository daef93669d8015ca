"""Disclosure control of `summary --format json` (schema rekruttering.summary/2), tested by attacking it.

The attacker is a linear program that knows only what one report publishes: the shown counts of
`funnel_counts`, that every group splits the same applicants (a common total per stage), that the
stages nest, the rounded rates of `funnel`, the rounded representation shares, the compliance
counts of the interview rules and the number of informative postings. For every suppressed count
it asks how small and how large the hidden count can be; a count whose lowest and highest value
coincide has been disclosed. Counts of persons are integers, so the same bounds are also computed
with the variables held to integers (an attacker rounds): a hidden count must keep at least two
possible whole values.

Years are written as small csv exports; the true counts are computed here from the rows written,
so every shown count is checked against the truth as well.
"""

from __future__ import annotations

import itertools
import json
import math
import tempfile
import tomllib
from collections.abc import Sequence
from dataclasses import dataclass
from fractions import Fraction
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from scipy.optimize import Bounds, LinearConstraint, linprog, milp
from scipy.stats import hypergeom
from typer.testing import CliRunner

from conftest import ROOT, run, write_csv

SCHEMA = "rekruttering.summary/2"
STAGES = ("applied", "qualified", "invited", "hired")
SHARE_STAGE = {"applicants_share": "applied", "invited_share": "invited", "hired_share": "hired"}
ROUNDING = 0.0005 + 1e-9  # published rates and shares are rounded to 3 decimals; a little slack for floats
STEP_NUMBERS = ("rate_group", "rate_reference", "impact_ratio", "impact_ratio_exact", "mh_risk_ratio",
                "mh_odds_ratio", "cmh_statistic", "cmh_statistic_corrected", "cmh_p", "cmh_p_corrected",
                "exact_p_one_sided")
STRATIFIED = ("mh_risk_ratio", "mh_odds_ratio", "cmh_statistic", "cmh_statistic_corrected", "cmh_p",
              "cmh_p_corrected", "exact_p_one_sided")
COLUMN = {"immigrant_background": "Innvandrerbakgrunn", "disability": "Nedsatt funksjonsevne",
          "cv_gap": "Hull i CV", "gender": "Kjønn"}
ANSWER = {"yes": "Ja", "no": "Nei", "not_declared": "", "kvinne": "Kvinne", "mann": "Mann", "annet": "Annet"}

Cell = tuple[str, str, str]  # (group, category, stage)


# --- the years -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Person:
    """One applicant: posting, answers per group (category names as in the report) and how far they got."""

    posting: int
    answers: dict[str, str]
    qualified: bool = True
    invited: bool = False
    hired: bool = False

    def reached(self, stage: str) -> bool:
        return [True, self.qualified, self.qualified and self.invited,
                self.qualified and self.invited and self.hired][STAGES.index(stage)]


def people(posting: int, n: int, invited: int = 0, hired: int = 0, qualified: int | None = None,
           **answers: str) -> list[Person]:
    """``n`` applicants of one posting with the same answers: the first ``qualified`` (all by default) are
    qualified, the first ``invited`` of those invited and the first ``hired`` of those hired."""
    q = n if qualified is None else qualified
    return [Person(posting, dict(answers), i < q, i < invited, i < hired) for i in range(n)]


def write_year(path: Path, persons: Sequence[Person], groups: Sequence[str], *, hired: bool = True) -> Path:
    header = ["Stillings-ID", "Søknadsfrist", "Søker-ID", "Kvalifisert", *(COLUMN[g] for g in groups),
              "Innkalt til intervju", *(["Ansatt"] if hired else [])]
    rows: list[list[object]] = [header]
    for n, p in enumerate(persons):
        rows.append([f"P-{p.posting}", "01.03.2025", f"S-{n}", "Ja" if p.qualified else "Nei",
                     *(ANSWER[p.answers.get(g, "not_declared")] for g in groups),
                     "Ja" if p.invited else "Nei", *(["Ja" if p.hired else "Nei"] if hired else [])])
    return write_csv(path, rows)


def true_counts(persons: Sequence[Person], groups: Sequence[str]) -> dict[Cell, int]:
    counts: dict[Cell, int] = {}
    for g in groups:
        names = ("kvinne", "mann", "annet", "not_declared") if g == "gender" else ("yes", "no", "not_declared")
        for c in names:
            for s in STAGES:
                counts[(g, c, s)] = sum(1 for p in persons if p.answers.get(g, "not_declared") == c and p.reached(s))
    return counts


def summarise(path: Path, *options: str, pack: str = "oslo") -> dict[str, Any]:
    code, out, err = run(CliRunner(), "summary", path, "--rules", pack, "--no-fail", "-f", "json", *options)
    assert code == 0, err
    report: dict[str, Any] = json.loads(out)
    assert report["schema"] == SCHEMA
    return report


# --- what the report promises ------------------------------------------------------------------------


def cells(report: dict[str, Any]) -> dict[Cell, int | None]:
    return {(e["group"], e["category"], s): e[s] for e in report["funnel_counts"] for s in STAGES
            if s not in e["missing"]}


def suppressed_cells(report: dict[str, Any]) -> list[Cell]:
    return [(e["group"], e["category"], s) for e in report["funnel_counts"] for s in e["suppressed"]]


def assert_rounded(published: float, true: float) -> None:
    """Rounded to 3 decimals (either way at a tie: half-even and half-up are both fine)."""
    assert published == round(published, 3) and abs(published - true) <= ROUNDING, (published, true)


def check_published(report: dict[str, Any], persons: Sequence[Person] | None = None,
                    groups: Sequence[str] = ()) -> None:
    """The rules of the contract that need no attacker: small counts hidden, nulls accounted for, shown
    counts true, and no number of a step built on a hidden count."""
    k, zeros_hidden = report["min_cell"], report["suppress_zeros"]
    assert report["internal_use"] is (k == 1)
    missing = set(report["missing_stages"])
    truth = true_counts(persons, groups) if persons is not None else {}
    for e in report["funnel_counts"]:
        assert set(e["missing"]) == missing and not set(e["suppressed"]) & missing
        for s in STAGES:
            value = e[s]
            if s in missing:
                assert value is None
            elif value is None:
                assert s in e["suppressed"], (e, s)
            else:
                assert s not in e["suppressed"], (e, s)
                assert value >= k or (value == 0 and not zeros_hidden), (e, s)
                key = (e["group"], e["category"], s)
                if key in truth:
                    assert value == truth[key], (key, value, truth[key])
    shown = cells(report)
    for step in report["funnel"]:
        if step["missing"]:
            continue
        four = [(step["group"], c, s) for c in (step["focal"], step["reference"])
                for s in (step["from_stage"], step["stage"])]
        if any(shown[cell] is None for cell in four):
            assert all(step[key] is None for key in STEP_NUMBERS), step
        elif step["group"] in groups:
            for category, key in ((step["focal"], "rate_group"), (step["reference"], "rate_reference")):
                before = truth[(step["group"], category, step["from_stage"])]
                if before:
                    assert_rounded(step[key], truth[(step["group"], category, step["stage"])] / before)
    for row in report["representation"]:
        for key, stage in SHARE_STAGE.items():
            if stage in missing or shown.get((row["group"], "yes", stage)) is None:
                assert row[key] is None, (row, key)  # a share of a hidden count is hidden too
            elif row[key] is not None and (row["group"], "yes", stage) in truth:
                everyone = sum(1 for p in persons or () if p.reached(stage))
                assert_rounded(row[key], truth[(row["group"], "yes", stage)] / everyone)


# --- the attacker --------------------------------------------------------------------------------------


def _pack_rules(report: dict[str, Any]) -> dict[str, dict[str, Any]]:
    pack = tomllib.loads((ROOT / "rules" / f"{report['rule_pack']['id']}.toml").read_text(encoding="utf-8"))
    return {rule["id"]: rule for rule in pack["rule"]}


@dataclass
class Program:
    """Variables: one per (group, category, stage) cell and one per stage total; constraints as rows."""

    index: dict[Any, int]
    lower: list[float]
    upper: list[float]
    ub_rows: list[dict[int, float]]
    ub_rhs: list[float]
    eq_rows: list[dict[int, float]]
    eq_rhs: list[float]

    def less(self, row: dict[Any, float], rhs: float) -> None:
        self.ub_rows.append({self.index[key]: coef for key, coef in row.items()})
        self.ub_rhs.append(rhs)

    def matrices(self) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
        def dense(rows: list[dict[int, float]]) -> np.ndarray:
            matrix = np.zeros((max(len(rows), 1), len(self.index)))
            for i, row in enumerate(rows):
                for j, coef in row.items():
                    matrix[i, j] += coef
            return matrix
        return dense(self.ub_rows), np.array(self.ub_rhs or [0.0]), dense(self.eq_rows), np.array(self.eq_rhs or [0.0])


def program(report: dict[str, Any]) -> Program:
    """Everything one report tells an attacker about its hidden counts, as linear constraints."""
    shown = cells(report)
    stages = [s for s in STAGES if s not in report["missing_stages"]]
    index: dict[Any, int] = {}
    lower: list[float] = []
    upper: list[float] = []
    for key, value in shown.items():
        index[key] = len(index)
        lower.append(0.0 if value is None else float(value))
        upper.append(math.inf if value is None else float(value))
    for s in stages:
        index[("total", s)] = len(index)
        lower.append(0.0)
        upper.append(math.inf)
    p = Program(index, lower, upper, [], [], [], [])
    groups: dict[str, list[str]] = {}
    for g, c, _ in shown:
        if c not in groups.setdefault(g, []):
            groups[g].append(c)
    # every group splits the same applicants: per stage, the categories add up to one common total
    for g, names in groups.items():
        for s in stages:
            row = {index[(g, c, s)]: 1.0 for c in names}
            row[index[("total", s)]] = -1.0
            p.eq_rows.append(row)
            p.eq_rhs.append(0.0)
    # each stage includes the next
    for g, names in groups.items():
        for c in names:
            for before, after in itertools.pairwise(stages):
                p.less({(g, c, after): 1.0, (g, c, before): -1.0}, 0.0)
    for step in report["funnel"]:
        g, before, stage = step["group"], step["from_stage"], step["stage"]
        if step["missing"] or stage not in stages or before not in stages:
            continue
        focal, reference = step["focal"], step["reference"]
        for category, key in ((focal, "rate_group"), (reference, "rate_reference")):
            rate = step[key]
            if rate is not None:  # rate - 0.0005 <= n_stage / n_from <= rate + 0.0005
                p.less({(g, category, stage): 1.0, (g, category, before): -(rate + ROUNDING)}, 0.0)
                p.less({(g, category, before): rate - ROUNDING, (g, category, stage): -1.0}, 0.0)
        k = step["informative_postings"]
        if k:  # an informative posting has both groups, someone selected and someone not
            p.less({(g, focal, before): -1.0}, -k)
            p.less({(g, reference, before): -1.0}, -k)
            p.less({(g, focal, stage): -1.0, (g, reference, stage): -1.0}, -k)
            p.less({(g, focal, before): -1.0, (g, reference, before): -1.0, (g, focal, stage): 1.0,
                    (g, reference, stage): 1.0}, -k)
    for row in report["representation"]:
        for key, stage in SHARE_STAGE.items():
            share = row[key]
            if share is not None and stage in stages:  # share of "yes" among all at the stage
                yes, total = (row["group"], "yes", stage), ("total", stage)
                p.less({yes: 1.0, total: -(share + ROUNDING)}, 0.0)
                p.less({total: share - ROUNDING, yes: -1.0}, 0.0)
    rules = _pack_rules(report)
    for row in report["rules"]:
        rule = rules.get(row["rule"], {})
        g = rule.get("group")
        if rule.get("check") != "interview_minimum" or not isinstance(g, str) or (g, "yes", "invited") not in index:
            continue
        invited, qualified = (g, "yes", "invited"), (g, "yes", "qualified")
        p.less({invited: -1.0}, -row["met"])  # a posting met has a qualified declared applicant invited
        p.less({invited: 1.0, qualified: -1.0}, -(row["breach"] + row["justified"]))  # a breach one not invited
        if row["met"] == row["review"] == row["not_applicable"] == 0:
            p.less({invited: 1.0}, 0.0)  # every posting a breach: no qualified declared applicant invited
    return p


@dataclass(frozen=True)
class Range:
    """How low and how high a hidden count can be: as a real number (LP) and as a whole number (ILP)."""

    low: float
    high: float
    integer_low: float
    integer_high: float


def attack(report: dict[str, Any]) -> dict[Cell, Range]:
    """Lowest and highest value of every suppressed count, by linear and by integer programming."""
    p = program(report)
    a_ub, b_ub, a_eq, b_eq = p.matrices()
    bounds = list(zip(p.lower, [None if math.isinf(u) else u for u in p.upper], strict=True))
    constraints = [LinearConstraint(a_ub, -np.inf, b_ub), LinearConstraint(a_eq, b_eq, b_eq)]
    integer_bounds = Bounds(np.array(p.lower), np.array(p.upper))
    found: dict[Cell, Range] = {}
    for cell in suppressed_cells(report):
        if cell not in p.index:
            continue
        objective = np.zeros(len(p.index))
        objective[p.index[cell]] = 1.0
        real: list[float] = []
        whole: list[float] = []
        for sign in (1.0, -1.0):  # minimise, then maximise
            lp = linprog(sign * objective, A_ub=a_ub, b_ub=b_ub, A_eq=a_eq, b_eq=b_eq, bounds=bounds, method="highs")
            assert lp.status in (0, 3), f"the report contradicts itself (or the attacker is wrong): {lp.message}"
            if lp.status == 3:  # unbounded above
                real.append(math.inf)
                whole.append(math.inf)
                continue
            real.append(sign * lp.fun)
            ip = milp(sign * objective, constraints=constraints, integrality=np.ones(len(p.index)),
                      bounds=integer_bounds)
            assert ip.status == 0, f"no whole-number solution fits the report: {ip.message}"
            whole.append(sign * ip.fun)
        found[cell] = Range(low=real[0], high=real[1], integer_low=whole[0], integer_high=whole[1])
    return found


def assert_nothing_pinned(report: dict[str, Any], persons: Sequence[Person] | None = None,
                          groups: Sequence[str] = ()) -> dict[Cell, Range]:
    found = attack(report)
    truth = true_counts(persons, groups) if persons is not None else {}
    for cell, b in found.items():
        assert b.high - b.low > 1e-6, f"{cell} is pinned to {b.low} by what the report publishes"
        assert b.integer_high - b.integer_low > 1 - 1e-6, (
            f"{cell} has only one possible whole value, {b.integer_low}")
        if cell in truth:  # the attacker's constraints hold for the truth, or the attacker is wrong
            assert b.low - 1e-6 <= truth[cell] <= b.high + 1e-6, (cell, truth[cell], b)
            assert b.integer_low - 1e-6 <= truth[cell] <= b.integer_high + 1e-6, (cell, truth[cell], b)
    return found


# --- the attacker itself, on reports made by hand -------------------------------------------------------


def _hand_report(rows: dict[tuple[str, str], list[int | None]], *, representation: Sequence[dict[str, Any]] = (),
                 rules: Sequence[dict[str, Any]] = (), k: int = 5) -> dict[str, Any]:
    """A minimal schema /2 report: funnel counts (applied, qualified, invited; hired missing)."""
    counts = []
    for (group, category), values in rows.items():
        entry: dict[str, Any] = {"group": group, "category": category, "missing": ["hired"], "hired": None,
                                 "suppressed": [s for s, v in zip(STAGES, values, strict=False) if v is None]}
        entry.update(zip(STAGES, values, strict=False))
        counts.append(entry)
    return {"schema": SCHEMA, "min_cell": k, "suppress_zeros": False, "internal_use": k == 1,
            "missing_stages": ["hired"], "rule_pack": {"id": "oslo"}, "funnel_counts": counts, "funnel": [],
            "representation": list(representation), "rules": list(rules)}


def test_the_attacker_pins_a_lone_hidden_cell_through_the_common_total() -> None:
    # only primary suppression: 3 declared yes, hidden; the other group shows the total of 40
    report = _hand_report({("immigrant_background", "yes"): [None, None, None],
                           ("immigrant_background", "no"): [25, 20, 10],
                           ("immigrant_background", "not_declared"): [12, 10, 5],
                           ("disability", "no"): [30, 25, 12], ("disability", "not_declared"): [10, 8, 6],
                           ("disability", "yes"): [0, 0, 0]})
    found = attack(report)
    assert found[("immigrant_background", "yes", "applied")].high == pytest.approx(3)
    assert found[("immigrant_background", "yes", "applied")].low == pytest.approx(3)
    with pytest.raises(AssertionError, match="pinned"):
        assert_nothing_pinned(report)


def test_the_attacker_uses_nesting_and_the_interview_rule() -> None:
    # two hidden cells per stage, so totals alone leave room; but 3 postings met OS01 (at least 3 invited)
    # and the common total leaves at most 3 for the hidden invited cells of the yes row
    report = _hand_report({("immigrant_background", "yes"): [None, None, None],
                           ("immigrant_background", "no"): [20, 15, 8],
                           ("immigrant_background", "not_declared"): [None, None, None],
                           ("disability", "no"): [31, 24, 11], ("disability", "not_declared"): [0, 0, 0],
                           ("disability", "yes"): [0, 0, 0]},
                          rules=[{"rule": "OS01", "postings": 3, "met": 3, "breach": 0, "justified": 0, "review": 0,
                                  "not_applicable": 0}])
    found = attack(report)
    invited = found[("immigrant_background", "yes", "invited")]
    assert (invited.low, invited.high) == (pytest.approx(3), pytest.approx(3))
    assert found[("immigrant_background", "not_declared", "invited")].high == pytest.approx(0)


def test_the_integer_attacker_reads_a_count_off_a_rounded_share() -> None:
    # 3 of the 20 invited declared yes, hidden with a second cell; the share 0.15 is published, and the
    # disability table shows that 20 were invited. As real numbers the hidden count may lie anywhere in
    # [20 * 0.1495, 20 * 0.1505] = [2.99, 3.01]: not one point, so only the whole-number attacker sees a 3.
    report = _hand_report({("immigrant_background", "yes"): [21, 21, None],
                           ("immigrant_background", "no"): [32, 28, None],
                           ("immigrant_background", "not_declared"): [0, 0, 0],
                           ("disability", "no"): [53, 49, 20], ("disability", "yes"): [0, 0, 0],
                           ("disability", "not_declared"): [0, 0, 0]},
                          representation=[{"group": "immigrant_background", "applicants_share": 0.396,
                                           "invited_share": 0.15, "hired_share": None}])
    found = attack(report)
    invited = found[("immigrant_background", "yes", "invited")]
    assert invited.high - invited.low > 1e-6
    assert invited.integer_low == invited.integer_high == pytest.approx(3)
    with pytest.raises(AssertionError, match="one possible whole value"):
        assert_nothing_pinned(report)


# --- the shapes from the issue ---------------------------------------------------------------------------


def test_every_table_shares_the_stage_totals_and_one_category_is_small(tmp_path: Path) -> None:
    # three group questions over the same 75 applicants; only 3 declared a disability. Any one table shows
    # the stage totals, so one hidden cell in the disability table could be recomputed from them.
    groups = ("immigrant_background", "disability", "cv_gap")
    persons = [person for j in range(6) for person in (
        *people(j, 6, invited=3, hired=1, immigrant_background="yes", disability="no", cv_gap="no"),
        *people(j, 5, invited=2, hired=1, immigrant_background="no", disability="no", cv_gap="yes"),
        *people(j, 1, qualified=0, cv_gap="no"),
    )] + [*people(0, 1, invited=1, immigrant_background="no", disability="yes", cv_gap="no"),
          *people(1, 1, invited=0, immigrant_background="no", disability="yes", cv_gap="no"),
          *people(2, 1, invited=1, hired=1, immigrant_background="yes", disability="yes", cv_gap="yes")]
    path = write_year(tmp_path / "aar.csv", persons, groups)
    report = summarise(path, pack="staten")
    check_published(report, persons, groups)
    shown = cells(report)
    assert all(shown[("disability", "yes", s)] is None for s in STAGES)
    found = assert_nothing_pinned(report, persons, groups)
    assert ("disability", "yes", "applied") in found and len(found) >= 2 * len(STAGES)


def test_a_row_small_only_at_hired(tmp_path: Path) -> None:
    groups = ("immigrant_background",)
    persons = [person for j in range(4) for person in (
        *people(j, 5, qualified=4, invited=2, hired=1 if j < 2 else 0, immigrant_background="yes"),
        *people(j, 8, qualified=6, invited=3, hired=2, immigrant_background="no"),
        *people(j, 3, invited=2, hired=2),
    )]
    path = write_year(tmp_path / "aar.csv", persons, groups)
    report = summarise(path)
    check_published(report, persons, groups)
    [yes] = [e for e in report["funnel_counts"] if (e["group"], e["category"]) == ("immigrant_background", "yes")]
    assert yes["hired"] is None and "hired" in yes["suppressed"] and report["missing_stages"] == []
    [share] = [r for r in report["representation"] if r["group"] == "immigrant_background"]
    assert share["hired_share"] is None
    [step] = [s for s in report["funnel"] if (s["group"], s["stage"]) == ("immigrant_background", "hired")]
    assert all(step[key] is None for key in STEP_NUMBERS)
    assert_nothing_pinned(report, persons, groups)


def test_representation_shares_beside_small_counts(tmp_path: Path) -> None:
    # 21 of 53 applicants declared immigrant background (a share of 0.396 is safe to show), but only
    # 3 of them were invited: the invited share would give the 3 away, given the invited total
    groups = ("immigrant_background", "gender")
    persons = [
        *people(0, 7, invited=1, immigrant_background="yes", gender="kvinne"),
        *people(1, 7, invited=1, immigrant_background="yes", gender="mann"),
        *people(2, 7, invited=1, immigrant_background="yes", gender="kvinne"),
        *people(0, 9, invited=4, immigrant_background="no", gender="mann"),
        *people(1, 8, invited=3, immigrant_background="no", gender="kvinne"),
        *people(2, 8, invited=3, immigrant_background="no", gender="mann"),
        *people(1, 7, invited=5, gender="kvinne"),
    ]
    path = write_year(tmp_path / "aar.csv", persons, groups, hired=False)
    report = summarise(path)
    check_published(report, persons, groups)
    assert report["missing_stages"] == ["hired"]
    [share] = [r for r in report["representation"] if r["group"] == "immigrant_background"]
    assert share["invited_share"] is None and share["hired_share"] is None
    assert share["applicants_share"] in (None, 0.396)
    assert cells(report)[("immigrant_background", "yes", "invited")] is None
    assert_nothing_pinned(report, persons, groups)


def test_interview_rule_met_as_often_as_declared_applicants_were_invited(tmp_path: Path) -> None:
    # OS01 is met in 3 postings, each with exactly one declared applicant invited: the attacker knows at
    # least 3 were invited, so the hidden invited count must not also be bounded above by 3
    groups = ("immigrant_background", "gender")
    persons = [person for j in range(3) for person in (
        *people(j, 2, invited=1, immigrant_background="yes", gender="kvinne"),
        *people(j, 5, invited=2, immigrant_background="no", gender="mann"),
        *people(j, 5, invited=1, immigrant_background="no", gender="kvinne"),
        *people(j, 3, invited=2, gender="mann"),
    )]
    path = write_year(tmp_path / "aar.csv", persons, groups, hired=False)
    report = summarise(path)
    check_published(report, persons, groups)
    [os01] = [r for r in report["rules"] if r["rule"] == "OS01"]
    assert (os01["postings"], os01["met"]) == (3, 3)
    assert cells(report)[("immigrant_background", "yes", "invited")] is None
    found = assert_nothing_pinned(report, persons, groups)
    assert found[("immigrant_background", "yes", "invited")].high > 3


@pytest.mark.parametrize("postings", [2, 3, 4, 5])
def test_stratified_statistics_need_five_informative_postings(tmp_path: Path, postings: int) -> None:
    groups = ("immigrant_background",)
    persons = [person for j in range(postings) for person in (
        *people(j, 6, invited=3, immigrant_background="yes"), *people(j, 6, invited=4, immigrant_background="no"))]
    path = write_year(tmp_path / "aar.csv", persons, groups, hired=False)
    report = summarise(path)
    check_published(report, persons, groups)
    assert report["min_informative"] == 5
    [step] = [s for s in report["funnel"] if (s["group"], s["stage"]) == ("immigrant_background", "invited")]
    assert not {"rate_group", "rate_reference", "impact_ratio"} & set(step["suppressed"])
    assert step["informative_postings"] in (postings, None)
    # the pooled numbers stand on their own: 3 of 6 against 4 of 6 in every posting
    assert (step["rate_group"], step["rate_reference"]) == (0.5, 0.667)
    assert step["impact_ratio"] == 0.75 and step["impact_ratio_exact"] == "3/4" and step["below_four_fifths"] is True
    if postings >= 5:
        assert step["stratified_published"] is True and step["informative_postings"] == postings
        assert step["mh_risk_ratio"] == 0.75 and step["stratified_below_four_fifths"] is True
        assert all(step[key] is not None for key in STRATIFIED)
    else:
        assert step["stratified_published"] is False
        assert all(step[key] is None for key in STRATIFIED)
        assert step["stratified_below_four_fifths"] is None
    assert step["pooled_and_stratified_disagree"] is False
    [everyone_qualified] = [s for s in report["funnel"]
                            if (s["group"], s["stage"]) == ("immigrant_background", "qualified")]
    assert everyone_qualified["stratified_published"] is False  # no posting is informative when all go on


def test_everyone_declared_shows_the_zeros_and_hides_nothing(tmp_path: Path) -> None:
    groups = ("immigrant_background",)
    persons = [person for j in range(5) for person in (
        *people(j, 6, qualified=5, invited=2, immigrant_background="yes"),
        *people(j, 8, qualified=6, invited=3, immigrant_background="no"))]
    path = write_year(tmp_path / "aar.csv", persons, groups, hired=False)
    report = summarise(path)
    check_published(report, persons, groups)
    rows = {e["category"]: e for e in report["funnel_counts"] if e["group"] == "immigrant_background"}
    assert [rows["not_declared"][s] for s in STAGES] == [0, 0, 0, None]
    assert [rows["yes"][s] for s in STAGES] == [30, 25, 10, None]
    assert [rows["no"][s] for s in STAGES] == [40, 30, 15, None]
    for row in rows.values():
        assert row["suppressed"] == [] and row["missing"] == ["hired"]
    assert all(step["suppressed"] == [] for step in report["funnel"] if step["group"] == "immigrant_background")
    assert attack(report) == {}


def test_nobody_of_the_group_hired_is_published_with_its_exact_p(tmp_path: Path) -> None:
    # 0 of 20 declared hired against 10 of 40, in ten postings of 2 declared and 4 not, one hired in each
    groups = ("immigrant_background",)
    persons = [person for j in range(10) for person in (
        *people(j, 2, invited=2, hired=0, immigrant_background="yes"),
        *people(j, 4, invited=4, hired=1, immigrant_background="no"))]
    path = write_year(tmp_path / "aar.csv", persons, groups)
    report = summarise(path)
    check_published(report, persons, groups)
    [step] = [s for s in report["funnel"] if (s["group"], s["stage"]) == ("immigrant_background", "hired")]
    assert step["suppressed"] == [] and step["stratified_published"] is True and step["informative_postings"] == 10
    assert (step["rate_group"], step["rate_reference"]) == (0.0, 0.25)
    assert step["impact_ratio"] == 0 and Fraction(step["impact_ratio_exact"]) == 0 and step["below_four_fifths"] is True
    assert step["mh_risk_ratio"] == 0 and step["stratified_below_four_fifths"] is True
    assert step["too_little_data"] is False  # one more hired gives 1/20 against 10/40: still far below
    # exact conditional p: in each posting the one hired is one of the 2 declared with probability 2/6
    p = math.prod(hypergeom(6, 2, 1).cdf(0) for _ in range(10))
    assert p == pytest.approx((4 / 6) ** 10, rel=1e-12)
    assert step["exact_p_one_sided"] == float(f"{p:.2g}") == 0.017
    assert step["exact_p_below_bound"] is False


# --- options ----------------------------------------------------------------------------------------------


def _small_year(tmp_path: Path) -> tuple[Path, list[Person], tuple[str, ...]]:
    groups = ("immigrant_background",)
    persons = [person for j in range(5) for person in (
        *people(j, 3, invited=1 if j < 3 else 0, immigrant_background="yes"),
        *people(j, 8, qualified=6, invited=3, immigrant_background="no"))]
    return write_year(tmp_path / "aar.csv", persons, groups, hired=False), persons, groups


def test_min_cell_one_hides_nothing_and_says_internal_use(tmp_path: Path) -> None:
    path, persons, groups = _small_year(tmp_path)
    report = summarise(path, "--min-cell", "1")
    check_published(report, persons, groups)
    assert report["min_cell"] == 1 and report["internal_use"] is True
    assert all(e["suppressed"] == [] for e in report["funnel_counts"])
    assert all(s["suppressed"] == [] for s in report["funnel"])
    assert all(r["suppressed"] == [] for r in report["representation"])
    assert cells(report)[("immigrant_background", "yes", "invited")] == 3
    default = summarise(path)
    assert default["min_cell"] == 5 and default["internal_use"] is False and default["suppress_zeros"] is False
    assert cells(default)[("immigrant_background", "yes", "invited")] is None


def test_suppress_zeros_hides_the_zeros_too(tmp_path: Path) -> None:
    path, persons, groups = _small_year(tmp_path)
    report = summarise(path, "--suppress-zeros")
    check_published(report, persons, groups)
    assert report["suppress_zeros"] is True
    rows = {e["category"]: e for e in report["funnel_counts"] if e["group"] == "immigrant_background"}
    assert [rows["not_declared"][s] for s in STAGES] == [None, None, None, None]
    assert set(rows["not_declared"]["suppressed"]) == {"applied", "qualified", "invited"}
    assert all(value != 0 for value in cells(report).values())


# --- random years -------------------------------------------------------------------------------------------


GROUP_SETS = (("immigrant_background",), ("immigrant_background", "gender"),
              ("immigrant_background", "disability", "cv_gap"))  # the staten pack needs all three


@st.composite
def years(draw: st.DrawFn) -> tuple[list[Person], tuple[str, ...], bool]:
    groups = draw(st.sampled_from(GROUP_SETS))
    hired_column = draw(st.booleans())
    persons: list[Person] = []
    for posting in range(draw(st.integers(1, 12))):
        for _ in range(draw(st.integers(0, 30))):
            answers = {g: draw(st.sampled_from(("kvinne", "mann", "annet", "not_declared") if g == "gender"
                                               else ("yes", "no", "not_declared"))) for g in groups}
            qualified = draw(st.booleans())
            invited = qualified and draw(st.booleans())
            hired = invited and hired_column and draw(st.booleans())
            persons.append(Person(posting, answers, qualified, invited, hired))
    return persons, groups, hired_column


@settings(max_examples=40, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow])
@given(years())
def test_no_hidden_count_of_a_random_year_can_be_recomputed(year: tuple[list[Person], tuple[str, ...], bool]) -> None:
    persons, groups, hired_column = year
    if not persons:
        persons = [Person(0, {})]
    with tempfile.TemporaryDirectory() as folder:
        path = write_year(Path(folder) / "aar.csv", persons, groups, hired=hired_column)
        for k in (3, 5):
            # staten has interview rules for disability too: more for the attacker to use
            report = summarise(path, "--min-cell", str(k), pack="staten" if "disability" in groups else "oslo")
            check_published(report, persons, groups)
            assert_nothing_pinned(report, persons, groups)

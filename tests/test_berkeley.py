"""The selection statistics against published results and independent oracles.

* UC Berkeley's 1973 graduate admissions (Bickel, Hammel & O'Connell 1975; R's ``UCBAdmissions``),
  the textbook Simpson's paradox: pooled, women were admitted far less often than men; department by
  department, not. R's ``mantelhaen.test(UCBAdmissions)`` prints X² = 1.4269, p = 0.2323 and a common
  odds ratio of 0.9047 (admitted, men against women); with ``correct = FALSE``, X² = 1.5246,
  p = 0.2169. (statsmodels' own TestStratified3 uses the same departments with 139 instead of 138 men
  admitted to D, hence its 1.3368: tests/test_stats.py has that set.)
* The same six departments as six postings through ``summary --format json``.
* ``rekruttering.summary.stats.stratified`` on 300 seeded random years against statsmodels' StratifiedTable and
  an exact conditional p computed here in exact rational arithmetic.
* "Too little data" only where one person would flip the four-fifths verdict and the exact test is not
  significant.
"""

from __future__ import annotations

import json
import math
import random
import warnings
from fractions import Fraction
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from statsmodels.stats.contingency_tables import StratifiedTable
from typer.testing import CliRunner

from rekruttering.summary.stats import (
    Stratum,
    cmh_test,
    exact_conditional_p,
    is_informative,
    mh_odds_ratio,
    mh_risk_ratio,
    stratified,
)

from conftest import run, write_csv

# department: (men admitted, men applied, women admitted, women applied)
BERKELEY = {"A": (512, 825, 89, 108), "B": (353, 560, 17, 25), "C": (120, 325, 202, 593),
            "D": (138, 417, 131, 375), "E": (53, 191, 94, 393), "F": (22, 373, 24, 341)}
MEN = [Stratum(ma, mt, wa, wt) for ma, mt, wa, wt in BERKELEY.values()]
WOMEN = [Stratum(wa, wt, ma, mt) for ma, mt, wa, wt in BERKELEY.values()]


def significant(value: float, digits: int) -> float:
    """``value`` rounded to ``digits`` significant digits, as the summary publishes it."""
    return float(f"{value:.{digits}g}")


# --- Berkeley through rekruttering.summary.stats ----------------------------------------------------------------


def test_berkeley_matches_r_mantelhaen_test() -> None:
    for strata in (MEN, WOMEN):  # the test statistic does not care which group is "the group"
        result = cmh_test(strata)
        assert result is not None
        assert round(result.statistic_corrected, 4) == 1.4269 and round(result.p_value_corrected, 4) == 0.2323
        assert round(result.statistic, 4) == 1.5246 and round(result.p_value, 4) == 0.2169
    # R's estimate is the odds of admission of men against women; with women as the group it is inverted
    men, women = mh_odds_ratio(MEN), mh_odds_ratio(WOMEN)
    assert men is not None and women is not None
    assert round(men, 4) == 0.9047 and round(1 / women, 4) == 0.9047
    assert round(women, 4) == 1.1053 and men * women == pytest.approx(1, rel=1e-12)
    # statsmodels in R's orientation per department: rows men / women, columns admitted / rejected
    tables = [np.array([[ma, mt - ma], [wa, wt - wa]], dtype=float) for ma, mt, wa, wt in BERKELEY.values()]
    assert float(StratifiedTable(tables).oddsratio_pooled) == pytest.approx(men, rel=1e-12)


def test_berkeley_is_simpsons_paradox_for_the_stratified_statistics() -> None:
    result = stratified(WOMEN)
    assert result.crude == Stratum(557, 1835, 1198, 2691)
    assert result.crude_impact_ratio == Fraction(557 * 2691, 1835 * 1198)
    assert result.crude_impact_ratio is not None and result.crude_impact_ratio < Fraction(4, 5)  # 0.682
    assert result.mh_risk_ratio is not None and round(result.mh_risk_ratio, 4) == 1.0583
    assert result.informative_strata == 6
    # women were not admitted less than expected within departments: the one-sided p is about 0.90
    assert result.exact_p_one_sided is not None and round(result.exact_p_one_sided, 3) == 0.899
    assert mh_risk_ratio(MEN) == pytest.approx(0.9449, abs=5e-5)


# --- Berkeley through the summary ------------------------------------------------------------------------


HEADER = ["Stillings-ID", "Søknadsfrist", "Søker-ID", "Kvalifisert", "Innvandrerbakgrunn", "Innkalt til intervju"]


def summary(path: Path, *options: str) -> dict[str, Any]:
    code, out, err = run(CliRunner(), "summary", path, "--rules", "oslo", "--no-fail", "-f", "json", *options)
    assert code == 0, err
    report: dict[str, Any] = json.loads(out)
    assert report["schema"] == "rekruttering.summary/2"
    return report


def year(path: Path, postings: list[tuple[int, int, int, int]]) -> Path:
    """One posting per (group invited, group applicants, reference invited, reference applicants); the group
    declares yes ("Ja"), the reference no ("Nei"); everyone is qualified."""
    rows: list[list[object]] = [HEADER]
    for n, (gi, gt, ri, rt) in enumerate(postings):
        for answer, invited, total in (("Ja", gi, gt), ("Nei", ri, rt)):
            rows.extend([f"P-{n}", "01.03.2025", f"S-{n}-{answer}-{i}", "Ja", answer, "Ja" if i < invited else "Nei"]
                        for i in range(total))
    return write_csv(path, rows)


def invited_step(report: dict[str, Any]) -> dict[str, Any]:
    [step] = [s for s in report["funnel"] if (s["group"], s["stage"]) == ("immigrant_background", "invited")]
    assert (step["focal"], step["reference"], step["from_stage"]) == ("yes", "no", "qualified")
    return step


def test_berkeley_as_six_postings_through_the_summary(tmp_path: Path) -> None:
    path = year(tmp_path / "berkeley.csv", [(wa, wt, ma, mt) for ma, mt, wa, wt in BERKELEY.values()])
    report = summary(path, "--min-cell", "1")
    assert report["internal_use"] is True
    step = invited_step(report)
    assert step["suppressed"] == [] and step["stratified_published"] is True and step["informative_postings"] == 6
    assert (step["rate_group"], step["rate_reference"]) == (0.304, 0.445)  # 557/1835 against 1198/2691
    pooled = Fraction(557 * 2691, 1835 * 1198)
    assert step["impact_ratio_exact"] == f"{pooled.numerator}/{pooled.denominator}"
    assert step["impact_ratio"] == significant(float(pooled), 3) == 0.682
    assert step["below_four_fifths"] is True
    expected = stratified(WOMEN)
    assert expected.mh_risk_ratio is not None and expected.exact_p_one_sided is not None
    assert step["mh_risk_ratio"] == significant(expected.mh_risk_ratio, 3) == 1.06
    assert step["stratified_below_four_fifths"] is False
    assert step["pooled_and_stratified_disagree"] is True
    assert step["exact_p_one_sided"] == significant(expected.exact_p_one_sided, 2) == 0.9
    assert step["exact_p_below_bound"] is False
    assert (step["mh_odds_ratio"], step["cmh_statistic"], step["cmh_statistic_corrected"]) == (1.11, 1.52, 1.43)
    assert (step["cmh_p"], step["cmh_p_corrected"]) == (0.22, 0.23)
    assert step["too_little_data"] is False  # one person more or less changes nothing, either way


# --- too little data -------------------------------------------------------------------------------------


def test_exactly_four_fifths_with_a_significant_exact_test_is_not_too_little_data(tmp_path: Path) -> None:
    # 40 of 50 against 50 of 50 over five postings: exactly 4/5, so one invited fewer would make it below;
    # but the exact test says the group was invited less (every posting at its lowest possible count)
    path = year(tmp_path / "aar.csv", [(8, 10, 10, 10)] * 5)
    step = invited_step(summary(path))
    assert step["impact_ratio_exact"] == "4/5" and step["below_four_fifths"] is False
    assert step["stratified_below_four_fifths"] is False and step["pooled_and_stratified_disagree"] is False
    p = Fraction(math.comb(10, 8), math.comb(20, 18)) ** 5  # P(8 of the 18 invited are the group's), each posting
    assert step["exact_p_one_sided"] == significant(float(p), 2) == 0.00075
    assert step["too_little_data"] is False


def test_a_verdict_one_person_flips_without_a_significant_test_is_too_little_data(tmp_path: Path) -> None:
    # 6 of 10 against 8 of 10 (0.75, below); 7 of 10 would be 0.875. Five informative postings of four people.
    postings = [(1, 2, 2, 2), (1, 2, 2, 2), (1, 2, 2, 2), (1, 2, 1, 2), (2, 2, 1, 2)]
    step = invited_step(summary(year(tmp_path / "aar.csv", postings)))
    assert step["impact_ratio_exact"] == "3/4" and step["below_four_fifths"] is True
    assert step["mh_risk_ratio"] == 0.75 and step["stratified_below_four_fifths"] is True
    p = exact_conditional_p([Stratum(*posting) for posting in postings])
    assert p is not None and p > 0.05 and step["exact_p_one_sided"] == significant(p, 2)
    assert step["too_little_data"] is True


# --- against statsmodels and an exact oracle, on random years ----------------------------------------------


def _exact_lower_tail(strata: list[Stratum], direction: str) -> Fraction:
    """P(Σ a ≤ observed) (or ≥ for "greater") given every stratum's margins, in exact rational arithmetic."""
    distribution = {0: Fraction(1)}
    for s in strata:
        low, high = max(0, s.selected - s.reference_total), min(s.group_total, s.selected)
        whole = math.comb(s.total, s.selected)
        pmf = {a: Fraction(math.comb(s.group_total, a) * math.comb(s.reference_total, s.selected - a), whole)
               for a in range(low, high + 1)}
        combined: dict[int, Fraction] = {}
        for x, px in distribution.items():
            for a, pa in pmf.items():
                combined[x + a] = combined.get(x + a, Fraction(0)) + px * pa
        distribution = combined
    observed = sum(s.group_selected for s in strata)
    return sum((p for x, p in distribution.items() if (x <= observed if direction == "less" else x >= observed)),
               Fraction(0))


def _random_years(count: int) -> list[list[Stratum]]:
    """Recruitment-shaped years: a handful of postings, few of the group (often none), more of the reference."""
    rng = random.Random(1973)
    years = []
    for _ in range(count):
        strata = []
        for _ in range(rng.randint(1, 8)):
            group, reference = rng.choice([0, 1, 1, 2, 2, 3, 4, 6]), rng.randint(0, 12)
            strata.append(Stratum(rng.randint(0, group), group, rng.randint(0, reference), reference))
        years.append(strata)
    return years


def _finite(value: float) -> float | None:
    return value if math.isfinite(value) else None


def test_stratified_matches_statsmodels_and_exact_enumeration_on_random_years() -> None:
    checked = {"ratios": 0, "cmh": 0, "corrected": 0, "exact": 0}
    for strata in _random_years(300):
        result = stratified(strata)
        pooled = (sum(s.group_selected for s in strata), sum(s.group_total for s in strata),
                  sum(s.reference_selected for s in strata), sum(s.reference_total for s in strata))
        assert result.crude == Stratum(*pooled)
        assert result.crude_impact_ratio == (Fraction(pooled[0] * pooled[3], pooled[1] * pooled[2])
                                             if pooled[1] and pooled[2] else None)
        informative = [s for s in strata if is_informative(s)]
        assert result.informative_strata == len(informative)
        tables = [np.array([[s.group_selected, s.group_not_selected], [s.reference_selected, s.reference_not_selected]],
                           dtype=float) for s in strata if s.total >= 2]  # statsmodels divides by n - 1
        if not tables:
            assert result.mh_risk_ratio is None and result.mh_odds_ratio is None and result.cmh_p is None
            continue
        with warnings.catch_warnings(), np.errstate(all="ignore"):
            warnings.simplefilter("ignore", RuntimeWarning)
            oracle = StratifiedTable(tables)
            risk, odds = _finite(float(oracle.riskratio_pooled)), _finite(float(oracle.oddsratio_pooled))
            plain = oracle.test_null_odds(correction=False)
            corrected = oracle.test_null_odds(correction=True)
        assert result.mh_risk_ratio == (None if risk is None else pytest.approx(risk, rel=1e-9))
        assert result.mh_odds_ratio == (None if odds is None else pytest.approx(odds, rel=1e-9))
        checked["ratios"] += odds is not None
        if not informative:
            assert result.cmh_statistic is None and result.exact_p_one_sided is None
            continue
        assert result.cmh_statistic == pytest.approx(float(plain.statistic), rel=1e-9, abs=1e-12)
        assert result.cmh_p == pytest.approx(float(plain.pvalue), rel=1e-9, abs=1e-12)
        checked["cmh"] += 1
        difference = sum(Fraction(s.group_selected) - Fraction(s.group_total * s.selected, s.total)
                         for s in strata if s.total >= 2)
        if abs(difference) >= Fraction(1, 2):  # R corrects only from 1/2 on; statsmodels always (see test_stats)
            assert result.cmh_statistic_corrected == pytest.approx(float(corrected.statistic), rel=1e-9, abs=1e-12)
            assert result.cmh_p_corrected == pytest.approx(float(corrected.pvalue), rel=1e-9, abs=1e-12)
            checked["corrected"] += 1
        else:
            assert (result.cmh_statistic_corrected, result.cmh_p_corrected) == (result.cmh_statistic, result.cmh_p)
        expected = float(_exact_lower_tail(strata, "less"))
        assert result.exact_p_one_sided == pytest.approx(expected, rel=1e-9, abs=1e-15)
        greater = exact_conditional_p(strata, "greater")
        assert greater == pytest.approx(float(_exact_lower_tail(strata, "greater")), rel=1e-9, abs=1e-15)
        checked["exact"] += 1
    assert min(checked.values()) >= 100, checked  # the years exercise every comparison, not only the trivial ones

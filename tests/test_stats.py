"""Tests for rekruttering.summary.stats: impact ratio, Mantel-Haenszel, CMH and the exact conditional test.

statsmodels' StratifiedTable is the oracle (tests only; the module itself does not import it).
Orientation of one stratum, here and in statsmodels: rows = group / reference, columns =
selected / not selected, i.e. the table [[a, b], [c, d]] is Stratum(a, a + b, c, c + d).
"""

from __future__ import annotations

import itertools
import math
import warnings
from collections.abc import Sequence
from dataclasses import fields
from fractions import Fraction

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy.stats import fisher_exact
from statsmodels.stats.contingency_tables import StratifiedTable

from rekruttering.summary.stats import (
    FOUR_FIFTHS,
    Stratum,
    below_four_fifths,
    cmh_test,
    crude,
    exact_conditional_p,
    impact_ratio,
    informative_strata,
    is_informative,
    mh_odds_ratio,
    mh_risk_ratio,
    stratified,
)

Table = tuple[tuple[int, int], tuple[int, int]]


def close(expected: float) -> object:
    """Equal to 1e-6 relative (and 1e-12 absolute, for p-values near 0), as asked of the oracle comparisons."""
    return pytest.approx(expected, rel=1e-6, abs=1e-12)


def stratum(table: Table) -> Stratum:
    """[[a, b], [c, d]] (rows group/reference, columns selected/not selected) as a Stratum."""
    (a, b), (c, d) = table
    return Stratum(a, a + b, c, c + d)


def oracle(tables: Sequence[Table]) -> StratifiedTable:
    return StratifiedTable([np.asarray(t, dtype=np.float64) for t in tables])


# --- fixtures --------------------------------------------------------------------------------------
# From statsmodels' own test suite, statsmodels/stats/tests/test_contingency_tables.py (0.15.0),
# classes TestStratified1/2/3, whose expected values come from R's mantelhaen.test (the
# continuity-corrected test, R's default) and DescTools. Copied as literals, with the R results.

# TestStratified1: R's "Penicillin and Rabbits" example (Agresti 1990, pp. 231-237; the Rabbits
# data in ?mantelhaen.test). statsmodels lists each stratum transposed relative to R's array
# (R: rows Delay, columns Response); the odds ratio, the CMH statistic and the exact conditional
# distribution of the [0, 0] cell do not change under transposition.
STRATIFIED_1: tuple[Table, ...] = (
    ((0, 0), (6, 5)),
    ((3, 0), (3, 6)),
    ((6, 2), (0, 4)),
    ((5, 6), (1, 0)),
    ((2, 5), (0, 0)),
)
STRATIFIED_1_R = {"oddsratio_pooled": 7.0, "mh_stat_corrected": 3.9286, "mh_pvalue_corrected": 0.04747}

# TestStratified2 (R mantelhaen.test, DescTools).
STRATIFIED_2: tuple[Table, ...] = (
    ((20, 14), (10, 24)),
    ((15, 12), (3, 15)),
    ((3, 2), (3, 2)),
    ((12, 3), (7, 5)),
    ((1, 0), (3, 2)),
)
STRATIFIED_2_R = {"oddsratio_pooled": 3.5912, "mh_stat_corrected": 11.8852, "mh_pvalue_corrected": 0.0005658}

# TestStratified3 (R mantelhaen.test, DescTools).
STRATIFIED_3: tuple[Table, ...] = (
    ((313, 512), (19, 89)),
    ((207, 353), (8, 17)),
    ((205, 120), (391, 202)),
    ((278, 139), (244, 131)),
    ((138, 53), (299, 94)),
    ((351, 22), (317, 24)),
)
STRATIFIED_3_R = {"oddsratio_pooled": 1.101879, "mh_stat_corrected": 1.3368, "mh_pvalue_corrected": 0.2476}

# The Rabbits data in R's own orientation, as in the examples of R's ?mantelhaen.test
# (src/library/stats/man/mantelhaen.test.Rd): rows Delay = None / 1.5h (group / reference),
# columns Response = Cured / Died (selected / not selected). R's comments there:
# mantelhaen.test(Rabbits) => p = 0.047; mantelhaen.test(Rabbits, exact = TRUE,
# alternative = "greater") => p = 0.020 ("higher cure rate for immediate injection").
RABBITS_R: tuple[Table, ...] = (
    ((0, 6), (0, 5)),
    ((3, 3), (0, 6)),
    ((6, 0), (2, 4)),
    ((5, 1), (6, 0)),
    ((2, 0), (5, 0)),
)

# Made-up sets (no published values; statsmodels at run time is the only oracle): small postings,
# strata without information mixed in (a zero row, everyone selected, no one selected).
RECRUITMENT_LIKE: tuple[Table, ...] = (
    ((1, 4), (6, 9)),
    ((0, 3), (4, 8)),
    ((2, 2), (3, 1)),
    ((0, 0), (3, 7)),
    ((3, 0), (5, 0)),
    ((0, 2), (0, 9)),
    ((1, 1), (1, 12)),
)
LARGE_POOLS: tuple[Table, ...] = (
    ((12, 28), (48, 32)),
    ((5, 45), (30, 120)),
    ((40, 60), (35, 65)),
)


def _seeded_sets() -> list[tuple[Table, ...]]:
    rng = np.random.default_rng(20250101)
    sets: list[tuple[Table, ...]] = []
    for _ in range(6):
        tables: list[Table] = []
        for _ in range(int(rng.integers(1, 12))):
            group, reference = int(rng.integers(1, 25)), int(rng.integers(1, 25))
            a, c = int(rng.integers(0, group + 1)), int(rng.integers(0, reference + 1))
            tables.append(((a, group - a), (c, reference - c)))
        sets.append(tuple(tables))
    return sets


ORACLE_SETS = {
    "statsmodels-TestStratified1": STRATIFIED_1,
    "statsmodels-TestStratified2": STRATIFIED_2,
    "statsmodels-TestStratified3": STRATIFIED_3,
    "R-Rabbits": RABBITS_R,
    "recruitment-like": RECRUITMENT_LIKE,
    "large-pools": LARGE_POOLS,
    **{f"seeded-{i}": tables for i, tables in enumerate(_seeded_sets())},
}


# --- against statsmodels ---------------------------------------------------------------------------


@pytest.mark.parametrize("tables", ORACLE_SETS.values(), ids=ORACLE_SETS.keys())
def test_mantel_haenszel_ratios_match_statsmodels(tables: tuple[Table, ...]) -> None:
    strata = [stratum(t) for t in tables]
    expected = oracle(tables)
    assert mh_risk_ratio(strata) == close(float(expected.riskratio_pooled))
    assert mh_odds_ratio(strata) == close(float(expected.oddsratio_pooled))


@pytest.mark.parametrize("tables", ORACLE_SETS.values(), ids=ORACLE_SETS.keys())
def test_cmh_matches_statsmodels_test_null_odds(tables: tuple[Table, ...]) -> None:
    strata = [stratum(t) for t in tables]
    result = cmh_test(strata)
    assert result is not None
    plain = oracle(tables).test_null_odds(correction=False)
    assert result.statistic == close(float(plain.statistic))
    assert result.p_value == close(float(plain.pvalue))
    corrected = oracle(tables).test_null_odds(correction=True)
    cube = np.asarray(tables, dtype=np.float64)
    a, row, col, n = cube[:, 0, 0], cube[:, 0].sum(axis=1), cube[:, :, 0].sum(axis=1), cube.sum(axis=(1, 2))
    if abs(np.sum(a - row * col / n)) >= 0.5:
        assert result.statistic_corrected == close(float(corrected.statistic))
        assert result.p_value_corrected == close(float(corrected.pvalue))
    else:  # R corrects only from |Σ(a - E[a])| >= 1/2, statsmodels always (see the test further down)
        assert (result.statistic_corrected, result.p_value_corrected) == (result.statistic, result.p_value)


@pytest.mark.parametrize(
    ("tables", "published"),
    [(STRATIFIED_1, STRATIFIED_1_R), (STRATIFIED_2, STRATIFIED_2_R), (STRATIFIED_3, STRATIFIED_3_R)],
    ids=["TestStratified1", "TestStratified2", "TestStratified3"],
)
def test_published_r_results(tables: tuple[Table, ...], published: dict[str, float]) -> None:
    # The R results are printed to 4-5 significant digits; statsmodels checks them to rtol 1e-4.
    strata = [stratum(t) for t in tables]
    result = cmh_test(strata)
    assert result is not None
    assert mh_odds_ratio(strata) == pytest.approx(published["oddsratio_pooled"], rel=1e-4)
    assert result.statistic_corrected == pytest.approx(published["mh_stat_corrected"], rel=1e-4)
    assert result.p_value_corrected == pytest.approx(published["mh_pvalue_corrected"], rel=1e-3)


def test_rabbits_in_r_orientation_matches_r_documentation() -> None:
    strata = [stratum(t) for t in RABBITS_R]
    result = cmh_test(strata)
    assert result is not None
    assert round(result.p_value_corrected, 3) == 0.047
    greater = exact_conditional_p(strata, "greater")
    assert greater is not None
    assert round(greater, 3) == 0.020
    # the statsmodels listing (each stratum transposed) gives the same exact distribution
    assert exact_conditional_p([stratum(t) for t in STRATIFIED_1], "greater") == pytest.approx(greater, rel=1e-12)


def test_risk_ratio_orientation_is_group_rate_over_reference_rate() -> None:
    # One stratum: the MH risk ratio is the impact ratio; statsmodels' riskratio_pooled agrees, so
    # rows = group/reference and columns = selected/not selected is its orientation too.
    table: Table = ((12, 28), (48, 32))  # group 12 of 40 (.30), reference 48 of 80 (.60)
    assert mh_risk_ratio([stratum(table)]) == pytest.approx(0.5, rel=1e-15)
    assert float(oracle([table]).riskratio_pooled) == pytest.approx(0.5, rel=1e-12)
    assert mh_odds_ratio([stratum(table)]) == pytest.approx((12 * 32) / (28 * 48), rel=1e-15)


def test_strata_with_fewer_than_two_people_are_skipped() -> None:
    # statsmodels divides by n and by n - 1 and so gives NaN for them; here they are left out.
    tables = STRATIFIED_2
    extra = [Stratum(0, 0, 0, 0), Stratum(1, 1, 0, 0), Stratum(0, 0, 0, 1)]
    strata = [*extra[:2], *(stratum(t) for t in tables), extra[2]]
    expected = oracle(tables)
    assert mh_risk_ratio(strata) == close(float(expected.riskratio_pooled))
    assert mh_odds_ratio(strata) == close(float(expected.oddsratio_pooled))
    result = cmh_test(strata)
    assert result is not None
    assert result.statistic == close(float(expected.test_null_odds(correction=False).statistic))
    assert exact_conditional_p(strata) == pytest.approx(exact_conditional_p([stratum(t) for t in tables]), rel=1e-12)
    assert informative_strata(strata) == informative_strata([stratum(t) for t in tables])


def test_continuity_correction_follows_r_when_the_difference_is_below_one_half() -> None:
    # Group 2 of 4, reference 2 of 5: E[a] = 16/9, a - E[a] = 2/9, Var[a] = 400/648, X² = 0.08 exactly.
    # R's mantelhaen.test applies the 1/2 correction only when |a - E[a]| >= 1/2, so corrected = 0.08;
    # statsmodels always subtracts and gets (1/2 - 2/9)² / Var = 0.125, larger than the uncorrected value.
    result = cmh_test([Stratum(2, 4, 2, 5)])
    assert result is not None
    assert result.statistic == pytest.approx(0.08, rel=1e-15)
    assert result.statistic_corrected == pytest.approx(0.08, rel=1e-15)
    assert result.p_value_corrected == result.p_value
    statsmodels_corrected = oracle([((2, 2), (2, 3))]).test_null_odds(correction=True).statistic
    assert float(statsmodels_corrected) == pytest.approx(0.125, rel=1e-12)


# --- impact ratio and four-fifths ------------------------------------------------------------------


def test_classic_four_fifths_example_48_of_80_against_12_of_40() -> None:
    # Group A: 48 of 80 selected (.60); group B: 12 of 40 (.30). B/A = .50, below 4/5.
    assert Fraction(48, 80) == Fraction(3, 5)
    assert Fraction(12, 40) == Fraction(3, 10)
    ratio = impact_ratio(12, 40, 48, 80)
    assert ratio == Fraction(1, 2)
    assert ratio is not None and below_four_fifths(ratio)
    assert impact_ratio(48, 80, 12, 40) == Fraction(2)


def test_exactly_four_fifths_is_not_below_though_floats_say_so() -> None:
    # 1/3 against 5/12 is exactly 4/5; the same division in floats gives 0.7999999999999999.
    assert (1 / 3) / (5 / 12) < 0.8
    ratio = impact_ratio(1, 3, 5, 12)
    assert ratio == FOUR_FIFTHS
    assert ratio is not None and not below_four_fifths(ratio)
    scaled = impact_ratio(100, 300, 125, 300)
    assert scaled == FOUR_FIFTHS
    assert scaled is not None and not below_four_fifths(scaled)


def test_below_four_fifths_boundaries() -> None:
    assert below_four_fifths(Fraction(79, 100))
    assert below_four_fifths(Fraction(799_999, 1_000_000))
    assert not below_four_fifths(Fraction(4, 5))
    assert not below_four_fifths(Fraction(800_001, 1_000_000))
    assert below_four_fifths(Fraction(0))


@pytest.mark.parametrize(
    ("counts", "expected"),
    [
        ((0, 10, 5, 10), Fraction(0)),  # the group was never selected: a ratio of 0, defined
        ((3, 10, 0, 10), None),  # the reference was never selected
        ((0, 0, 5, 10), None),  # no one in the group
        ((3, 10, 0, 0), None),  # no one in the reference
        ((0, 0, 0, 0), None),
        ((10, 10, 10, 10), Fraction(1)),
    ],
)
def test_impact_ratio_undefined_is_none(counts: tuple[int, int, int, int], expected: Fraction | None) -> None:
    assert impact_ratio(*counts) == expected


@pytest.mark.parametrize("counts", [(-1, 3, 1, 3), (4, 3, 1, 3), (1, 3, 4, 3), (1, 3, 1, -3)])
def test_impossible_counts_are_rejected(counts: tuple[int, int, int, int]) -> None:
    with pytest.raises(ValueError):
        Stratum(*counts)
    with pytest.raises(ValueError):
        impact_ratio(*counts)


def test_stratum_rejects_non_integers() -> None:
    with pytest.raises(ValueError):
        Stratum(1.0, 3, 1, 3)  # type: ignore[arg-type]
    with pytest.raises(ValueError):
        Stratum(True, 3, 1, 3)


# --- exact conditional test ------------------------------------------------------------------------


def _support(s: Stratum) -> list[tuple[int, Fraction]]:
    """The hypergeometric distribution of the group's selected count, exactly, by counting."""
    lowest, highest = max(0, s.selected - s.reference_total), min(s.group_total, s.selected)
    whole = math.comb(s.total, s.selected)
    return [
        (x, Fraction(math.comb(s.group_total, x) * math.comb(s.reference_total, s.selected - x), whole))
        for x in range(lowest, highest + 1)
    ]


def brute_force_p(strata: Sequence[Stratum], direction: str) -> Fraction:
    """Enumerate every combination of per-stratum outcomes and add up the probability of the tail."""
    observed = sum(s.group_selected for s in strata)
    total = Fraction(0)
    for combination in itertools.product(*(_support(s) for s in strata)):
        value = sum(x for x, _ in combination)
        if (value <= observed) if direction == "less" else (value >= observed):
            total += math.prod((p for _, p in combination), start=Fraction(1))
    return total


def _all_small_tables(limit: int) -> list[Table]:
    return [
        ((a, g - a), (c, r - c))
        for g in range(1, limit + 1)
        for r in range(1, limit + 1)
        for a in range(g + 1)
        for c in range(r + 1)
    ]


@pytest.mark.parametrize("direction", ["less", "greater"])
def test_single_stratum_equals_fisher_exact_one_sided(direction: str) -> None:
    tables = [*_all_small_tables(6), ((10, 40), (30, 20)), ((2, 48), (25, 25)), ((30, 70), (45, 55))]
    checked = 0
    for table in tables:
        s = stratum(table)
        p = exact_conditional_p([s], direction)  # type: ignore[arg-type]
        if not is_informative(s):
            assert p is None
            continue
        _, expected = fisher_exact(table, alternative=direction)
        assert p == pytest.approx(float(expected), rel=1e-9, abs=1e-300), table
        checked += 1
    assert checked > 500


MULTI_STRATA: list[list[Table]] = [
    [((1, 3), (4, 2)), ((0, 2), (3, 3)), ((2, 1), (1, 4))],
    [((0, 5), (5, 1)), ((1, 4), (4, 1)), ((0, 3), (2, 2)), ((1, 1), (1, 1))],
    [((3, 0), (0, 3)), ((2, 2), (2, 2)), ((0, 0), (2, 3)), ((4, 0), (3, 0))],  # with uninformative strata
    list(RABBITS_R),
    [((6, 2), (1, 7)), ((5, 3), (2, 6)), ((4, 4), (3, 5))],
]


@pytest.mark.parametrize("tables", MULTI_STRATA)
@pytest.mark.parametrize("direction", ["less", "greater"])
def test_several_strata_equal_brute_force_enumeration(tables: list[Table], direction: str) -> None:
    strata = [stratum(t) for t in tables]
    p = exact_conditional_p(strata, direction)  # type: ignore[arg-type]
    assert p is not None
    assert p == pytest.approx(float(brute_force_p(strata, direction)), rel=1e-10, abs=1e-300)


def test_exact_p_small_tail_keeps_precision() -> None:
    # 20 postings where the group (5 of 10 each time) is never invited and the reference (5 of 10)
    # always is: P(S <= 0) = (1 / C(20, 10))**20, about 1e-106. Summed directly, not as 1 - (the rest).
    strata = [Stratum(0, 10, 10, 10)] * 20
    expected = Fraction(1, math.comb(20, 10)) ** 20
    p = exact_conditional_p(strata, "less")
    assert p is not None
    assert p == pytest.approx(float(expected), rel=1e-9)
    assert exact_conditional_p(strata, "greater") == pytest.approx(1.0, rel=1e-12)


def test_exact_p_rejects_unknown_direction() -> None:
    with pytest.raises(ValueError):
        exact_conditional_p([Stratum(1, 2, 1, 2)], "two-sided")  # type: ignore[arg-type]


@st.composite
def strata_lists(draw: st.DrawFn, max_strata: int = 4, max_total: int = 6) -> list[Stratum]:
    result = []
    for _ in range(draw(st.integers(0, max_strata))):
        group = draw(st.integers(0, max_total))
        reference = draw(st.integers(0, max_total))
        result.append(
            Stratum(draw(st.integers(0, group)), group, draw(st.integers(0, reference)), reference)
        )
    return result


@settings(max_examples=300, deadline=None)
@given(strata_lists())
def test_exact_p_is_a_probability_and_the_tails_overlap_in_the_observed_point(strata: list[Stratum]) -> None:
    less = exact_conditional_p(strata, "less")
    greater = exact_conditional_p(strata, "greater")
    if informative_strata(strata) == 0:
        assert less is None and greater is None
        return
    assert less is not None and greater is not None
    assert 0.0 <= less <= 1.0
    assert 0.0 <= greater <= 1.0
    # P(S <= s) + P(S >= s) = 1 + P(S = s) >= 1; allow rounding in the last bits
    assert less + greater >= 1.0 - 1e-12


@settings(max_examples=150, deadline=None)
@given(strata_lists(max_strata=3, max_total=5))
def test_exact_p_equals_brute_force_on_random_small_strata(strata: list[Stratum]) -> None:
    for direction in ("less", "greater"):
        p = exact_conditional_p(strata, direction)
        if p is None:
            assert informative_strata(strata) == 0
        else:
            assert p == pytest.approx(float(brute_force_p(strata, direction)), rel=1e-10, abs=1e-300)


@settings(max_examples=200, deadline=None)
@given(strata_lists(max_strata=5, max_total=8))
def test_ratios_and_cmh_match_statsmodels_on_random_strata(strata: list[Stratum]) -> None:
    tables = [
        ((s.group_selected, s.group_not_selected), (s.reference_selected, s.reference_not_selected))
        for s in strata
        if s.total >= 2
    ]
    if not tables:
        assert stratified(strata).mh_odds_ratio is None
        return
    with warnings.catch_warnings(), np.errstate(all="ignore"):
        warnings.simplefilter("ignore", RuntimeWarning)
        expected = oracle(tables)
        sm_rr, sm_or = float(expected.riskratio_pooled), float(expected.oddsratio_pooled)
        sm_cmh = expected.test_null_odds(correction=False)
    rr, odds, cmh = mh_risk_ratio(strata), mh_odds_ratio(strata), cmh_test(strata)
    assert rr is None if not math.isfinite(sm_rr) else rr == close(sm_rr)
    assert odds is None if not math.isfinite(sm_or) else odds == close(sm_or)
    if cmh is None:
        assert informative_strata(strata) == 0
    else:
        assert cmh.statistic == close(float(sm_cmh.statistic))
        assert cmh.p_value == close(float(sm_cmh.pvalue))
        assert cmh.statistic_corrected <= cmh.statistic


# --- informative strata and degenerate input -------------------------------------------------------


def test_informative_strata_counts_only_strata_whose_outcome_is_not_fixed() -> None:
    strata = [
        Stratum(1, 3, 2, 4),  # informative
        Stratum(0, 0, 2, 4),  # no group
        Stratum(1, 3, 0, 0),  # no reference
        Stratum(3, 3, 4, 4),  # everyone selected
        Stratum(0, 3, 0, 4),  # no one selected
        Stratum(0, 1, 1, 1),  # informative: 1 of 2 selected
        Stratum(0, 0, 0, 0),
    ]
    assert informative_strata(strata) == 2
    assert informative_strata([]) == 0
    assert [is_informative(s) for s in strata] == [True, False, False, False, False, True, False]


DEGENERATE: dict[str, list[Stratum]] = {
    "empty": [],
    "zero group row": [Stratum(0, 0, 3, 5)],
    "zero reference row": [Stratum(2, 4, 0, 0)],
    "all selected": [Stratum(4, 4, 5, 5)],
    "none selected": [Stratum(0, 4, 0, 5)],
    "empty stratum": [Stratum(0, 0, 0, 0)],
    "one person": [Stratum(1, 1, 0, 0)],
    "all of them": [
        Stratum(0, 0, 3, 5), Stratum(2, 4, 0, 0), Stratum(4, 4, 5, 5), Stratum(0, 4, 0, 5), Stratum(0, 0, 0, 0),
    ],
}


@pytest.mark.parametrize("strata", DEGENERATE.values(), ids=DEGENERATE.keys())
def test_degenerate_input_gives_none_not_nan(strata: list[Stratum]) -> None:
    result = stratified(strata)
    assert result.strata == len(strata)
    assert result.informative_strata == 0
    assert result.mh_odds_ratio is None
    assert result.cmh_statistic is None and result.cmh_p is None
    assert result.cmh_statistic_corrected is None and result.cmh_p_corrected is None
    assert result.exact_p_one_sided is None
    assert exact_conditional_p(strata, "greater") is None
    assert cmh_test(strata) is None
    everyone_selected_with_both_groups = any(
        s.group_total and s.reference_total and s.selected == s.total for s in strata
    )
    # Where both groups are present and everyone was selected, both rates are 1: the risk ratio is 1.
    assert result.mh_risk_ratio == (1.0 if everyone_selected_with_both_groups else None)
    for field in fields(result):
        value = getattr(result, field.name)
        if isinstance(value, float):
            assert math.isfinite(value), field.name


@settings(max_examples=300, deadline=None)
@given(strata_lists(max_strata=6, max_total=10))
def test_stratified_never_raises_and_never_returns_nan_or_inf(strata: list[Stratum]) -> None:
    result = stratified(strata)
    for field in fields(result):
        value = getattr(result, field.name)
        if isinstance(value, float):
            assert math.isfinite(value), field.name
    for p in (result.cmh_p, result.cmh_p_corrected, result.exact_p_one_sided):
        assert p is None or 0.0 <= p <= 1.0
    assert (result.cmh_statistic is None) == (result.informative_strata == 0)
    assert (result.exact_p_one_sided is None) == (result.informative_strata == 0)
    assert result.crude == crude(strata)


def test_stratified_collects_the_pieces() -> None:
    tables = STRATIFIED_2
    strata = [stratum(t) for t in tables]
    result = stratified(iter(strata))  # any iterable, consumed once
    cmh = cmh_test(strata)
    assert cmh is not None
    assert result.strata == 5
    assert result.informative_strata == 5
    assert result.crude == Stratum(51, 82, 26, 74)
    assert result.crude_impact_ratio == Fraction(51 * 74, 82 * 26)
    assert result.mh_risk_ratio == mh_risk_ratio(strata)
    assert result.mh_odds_ratio == close(float(oracle(tables).oddsratio_pooled))
    assert (result.cmh_statistic, result.cmh_p) == (cmh.statistic, cmh.p_value)
    assert (result.cmh_statistic_corrected, result.cmh_p_corrected) == (cmh.statistic_corrected, cmh.p_value_corrected)
    assert result.exact_p_one_sided == exact_conditional_p(strata, "less")
    assert result.exact_p_one_sided is not None and result.exact_p_one_sided > 0.99


# --- Simpson's paradox -----------------------------------------------------------------------------


def test_simpsons_paradox_each_posting_ratio_at_least_one_crude_below_one_mh_risk_ratio_stays_at_least_one() -> None:
    # Posting A (easy): group 9 of 10 (.90), reference 80 of 100 (.80): ratio 1.125.
    # Posting B (hard): group 10 of 100 (.10), reference 1 of 10 (.10): ratio 1.
    # Pooled crudely: group 19 of 110, reference 81 of 110: ratio 19/81, far below 4/5.
    strata = [Stratum(9, 10, 80, 100), Stratum(10, 100, 1, 10)]
    for s in strata:
        ratio = impact_ratio(s.group_selected, s.group_total, s.reference_selected, s.reference_total)
        assert ratio is not None and ratio >= 1
    result = stratified(strata)
    assert result.crude_impact_ratio == Fraction(19, 81)
    assert below_four_fifths(result.crude_impact_ratio)
    assert result.mh_risk_ratio is not None and result.mh_risk_ratio >= 1
    # exactly (900/110 + 100/110) / (800/110 + 100/110) = 10/9
    assert result.mh_risk_ratio == pytest.approx(10 / 9, rel=1e-15)
    assert result.mh_odds_ratio is not None and result.mh_odds_ratio >= 1
    assert result.exact_p_one_sided is not None and result.exact_p_one_sided > 0.5
    sm = oracle([((9, 1), (80, 20)), ((10, 90), (1, 9))])
    assert result.mh_risk_ratio == close(float(sm.riskratio_pooled))


def test_pairwise_fft_convolution_agrees_with_the_sequential_one(monkeypatch: pytest.MonkeyPatch) -> None:
    """A year of postings takes the FFT path; on the same strata it must give the sequential answer."""
    import random

    import rekruttering.summary.stats as stats_module

    rng = random.Random(11)
    strata = []
    for _ in range(400):
        g_tot, r_tot = rng.randint(1, 30), rng.randint(1, 60)
        strata.append(Stratum(rng.randint(0, g_tot), g_tot, rng.randint(0, r_tot), r_tot))
    sequential = {d: exact_conditional_p(strata, d) for d in ("less", "greater")}
    monkeypatch.setattr(stats_module, "SEQUENTIAL_LIMIT", 10)
    for direction, expected in sequential.items():
        got = exact_conditional_p(strata, direction)  # type: ignore[arg-type]
        assert expected is not None and got is not None
        assert got == pytest.approx(expected, rel=1e-9, abs=1e-12)

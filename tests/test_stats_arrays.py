"""The statistics on arrays (one element per posting) against straightforward per-stratum references,
and the funnel's per-posting count arrays against the typed postings they count."""

from __future__ import annotations

import math
from fractions import Fraction

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import rekruttering.summary.stats as stats_module
from rekruttering.models import Applicant, Doubt, Posting
from rekruttering.summary.report import (
    Disclosure,
    categories,
    funnel,
    funnel_of_counts,
    posting_counts,
)
from rekruttering.summary.stats import Stratum, exact_conditional_p, is_informative, stratified, stratified_arrays


@st.composite
def strata_lists(draw: st.DrawFn, max_strata: int = 12, max_total: int = 8) -> list[Stratum]:
    """Small strata, often repeating a margin, as a year of similar postings does."""
    shapes = draw(st.lists(st.tuples(st.integers(0, max_total), st.integers(0, max_total)), min_size=1, max_size=3))
    strata = []
    for _ in range(draw(st.integers(0, max_strata))):
        group, reference = draw(st.sampled_from(shapes))
        strata.append(Stratum(draw(st.integers(0, group)), group, draw(st.integers(0, reference)), reference))
    return strata


def arrays(strata: list[Stratum]) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    table = np.array([(s.group_selected, s.group_total, s.reference_selected, s.reference_total) for s in strata],
                     dtype=np.int64).reshape(-1, 4)
    return table[:, 0], table[:, 1], table[:, 2], table[:, 3]


def reference_sums(strata: list[Stratum]) -> dict[str, Fraction]:
    """The Mantel-Haenszel and CMH sums term by term in Fractions, strata under two people left out."""
    usable = [s for s in strata if s.total >= 2]
    return {
        "risk_num": sum((Fraction(s.group_selected * s.reference_total, s.total) for s in usable), Fraction(0)),
        "risk_den": sum((Fraction(s.reference_selected * s.group_total, s.total) for s in usable), Fraction(0)),
        "odds_num": sum((Fraction(s.group_selected * s.reference_not_selected, s.total) for s in usable), Fraction(0)),
        "odds_den": sum((Fraction(s.group_not_selected * s.reference_selected, s.total) for s in usable), Fraction(0)),
        "delta": sum((Fraction(s.group_selected) - Fraction(s.group_total * s.selected, s.total) for s in usable),
                     Fraction(0)),
        "variance": sum((Fraction(s.group_total * s.reference_total * s.selected * (s.total - s.selected),
                                  s.total * s.total * (s.total - 1)) for s in usable), Fraction(0)),
    }


def uncached_p(strata: list[Stratum], direction: str) -> float | None:
    """The exact p with one pmf per stratum (no cache, no powers), convolved one after another."""
    informative = [s for s in strata if is_informative(s)]
    if not informative:
        return None
    distribution = np.ones(1)
    lowest_sum = 0
    for s in informative:
        lowest, highest = max(0, s.selected - s.reference_total), min(s.group_total, s.selected)
        weights = [math.comb(s.group_total, k) * math.comb(s.reference_total, s.selected - k)
                   for k in range(lowest, highest + 1)]
        distribution = np.convolve(distribution, np.array(weights, dtype=float) / sum(weights))
        lowest_sum += lowest
    observed = sum(s.group_selected for s in informative) - lowest_sum
    tail = distribution[:observed + 1] if direction == "less" else distribution[observed:]
    return min(1.0, float(tail.sum()))


@settings(max_examples=300, deadline=None)
@given(strata_lists())
def test_array_path_equals_per_stratum_reference(strata: list[Stratum]) -> None:
    result = stratified_arrays(*arrays(strata))
    sums = reference_sums(strata)
    assert result == stratified(strata)
    assert result.strata == len(strata)
    assert result.informative_strata == sum(1 for s in strata if is_informative(s))
    assert result.crude == Stratum(*(int(a.sum()) for a in arrays(strata)))
    assert result.mh_risk_ratio_exact == (sums["risk_num"] / sums["risk_den"] if sums["risk_den"] else None)
    assert result.mh_risk_ratio == (float(sums["risk_num"] / sums["risk_den"]) if sums["risk_den"] else None)
    assert result.mh_odds_ratio == (float(sums["odds_num"] / sums["odds_den"]) if sums["odds_den"] else None)
    if sums["variance"]:
        assert result.cmh_statistic == float(sums["delta"] ** 2 / sums["variance"])
    else:
        assert result.cmh_statistic is None
    expected = uncached_p(strata, "less")
    assert result.exact_p_one_sided == (None if expected is None else pytest.approx(expected, rel=1e-9, abs=1e-15))


@settings(max_examples=100, deadline=None)
@given(strata_lists(max_strata=60, max_total=10), st.sampled_from(["less", "greater"]))
def test_exact_p_with_cached_margins_raised_to_their_count_equals_the_uncached_one(
        strata: list[Stratum], direction: str) -> None:
    """Forced onto the FFT path, where each distinct margin's pmf is raised to its count: the same p as one
    pmf per stratum convolved in turn, to 1e-9 relative (1e-12 absolute near zero)."""
    expected = uncached_p(strata, direction)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(stats_module, "SEQUENTIAL_LIMIT", 0)
        got = exact_conditional_p(strata, direction)  # type: ignore[arg-type]
    assert got == (None if expected is None else pytest.approx(expected, rel=1e-9, abs=1e-12))


def test_a_year_of_repeated_margins_gives_the_uncached_p() -> None:
    """Thousands of postings sharing a few hundred margins: the FFT path with powers against the plain one."""
    rng = np.random.default_rng(7)
    group = rng.integers(1, 9, 8000)
    reference = rng.integers(1, 25, 8000)
    strata = [Stratum(int(rng.integers(0, g + 1)), int(g), int(rng.integers(0, r + 1)), int(r))
              for g, r in zip(group, reference, strict=True)]
    support = sum(min(s.group_total, s.selected) - max(0, s.selected - s.reference_total) + 1
                  for s in strata if is_informative(s))
    assert support > stats_module.SEQUENTIAL_LIMIT  # the FFT path, with powers of the repeated margins
    for direction in ("less", "greater"):
        expected = uncached_p(strata, direction)
        got = exact_conditional_p(strata, direction)
        assert expected is not None and got == pytest.approx(expected, rel=1e-9, abs=1e-12)


@pytest.mark.parametrize("counts", [
    ([-1], [2], [0], [1]),  # negative
    ([3], [2], [0], [1]),  # more selected than total
    ([0], [2], [2], [1]),
    ([0.0], [2.0], [0.0], [1.0]),  # not integers
    ([0, 1], [2, 2], [0], [1]),  # lengths differ
])
def test_impossible_arrays_raise(counts: tuple[list[float], ...]) -> None:
    with pytest.raises(ValueError):
        stratified_arrays(*counts)


def test_no_strata_gives_none_everywhere() -> None:
    empty = np.zeros(0, dtype=np.int64)
    result = stratified_arrays(empty, empty, empty, empty)
    assert result.strata == 0 and result.mh_risk_ratio is None and result.exact_p_one_sided is None


def _applicant(n: int, **fields: object) -> Applicant:
    return Applicant(applicant_id=f"a{n}", **fields)  # type: ignore[arg-type]


def test_posting_counts_count_each_application_once_at_the_level_it_ended() -> None:
    first = Posting("p1", applicants=(
        _applicant(1, disability=True, gender="kvinne", qualified=True, invited=True, hired=True),
        _applicant(2, disability=True, gender="mann", qualified=True, invited=True),
        _applicant(3, disability=False, qualified=True),
        _applicant(4, qualified=False, gender="annet"),
        _applicant(5, disability=True, qualified=True, invited=True,
                   doubts=(Doubt("invited", (True, False), "conflict"),)),  # in doubt: counted nowhere
    ))
    second = Posting("p2", applicants=(_applicant(6, disability=False, gender="kvinne", qualified=True, invited=True),))
    counts = posting_counts([first, second], ["disability", "gender"])
    assert categories("disability") == ("yes", "no", "not_declared")
    assert counts["disability"].shape == (2, 3, 4) and counts["disability"].dtype == np.int64
    assert counts["disability"][0].tolist() == [[0, 0, 1, 1], [0, 1, 0, 0], [1, 0, 0, 0]]
    assert counts["disability"][1].tolist() == [[0, 0, 0, 0], [0, 0, 1, 0], [0, 0, 0, 0]]
    assert counts["gender"].shape == (2, 4, 4)
    assert counts["gender"].sum() == 5
    shown = funnel([first, second], ["disability", "gender"], Disclosure(min_cell=1))
    assert funnel_of_counts(counts, Disclosure(min_cell=1)) == shown


def test_strata_too_large_for_int64_sums_give_the_reference() -> None:
    """Postings of a hundred thousand applicants take the Python-integer path for the sums."""
    strata = [Stratum(1, 2, 40_000, 100_000), Stratum(0, 3, 70_000, 120_000), Stratum(2, 2, 5, 10)]
    sums = reference_sums(strata)
    result = stratified_arrays(*arrays(strata))
    assert result.mh_risk_ratio_exact == sums["risk_num"] / sums["risk_den"]
    assert result.cmh_statistic == float(sums["delta"] ** 2 / sums["variance"])
    assert result == stratified(strata)

"""Selection statistics for the yearly summary: impact ratio, Mantel-Haenszel, CMH, exact conditional test.

The yearly summary asks, step by step through the hiring funnel (applied → qualified → invited →
hired), whether applicants who declared yes to a group question ("the group") were selected less
often than those who declared no ("the reference"). Each posting is its own small pool, so pooling
crudely across postings can reverse the sign (Simpson's paradox); the answer is to stratify by
posting. This module does the arithmetic on plain integer counts and knows nothing of postings,
steps or data frames.

Orientation, the same everywhere in this module (and the same as one slice of statsmodels'
``StratifiedTable``, rows × columns)::

                     selected   not selected
    group (yes)         a            b          a + b = group_total
    reference (no)      c            d          c + d = reference_total

* Impact ratio and (Mantel-Haenszel) risk ratio: rate of the group / rate of the reference,
  ``(a / (a+b)) / (c / (c+d))``. Below 1 means the group is selected less often.
* Odds ratio: ``(a·d) / (b·c)``. Below 1 means the group is selected less often.
* The exact conditional test counts ``a`` summed over strata; direction ``"less"`` (the default)
  asks whether the group was selected *less* than expected.

Conventions: the impact ratio is an exact :class:`~fractions.Fraction` (the four-fifths rule is
compared exactly: 1/3 against 5/12 is exactly 4/5). Sums for the Mantel-Haenszel estimators and
the CMH statistic are done in exact rational arithmetic and rounded to ``float`` once. Anything
undefined (zero denominator, no informative stratum, empty input) is ``None``: no function here
raises on empty or degenerate input or returns NaN or infinity. Impossible counts (negative, or
more selected than total) raise ``ValueError`` when a :class:`Stratum` is built.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from fractions import Fraction
from typing import Literal

import numpy as np
import numpy.typing as npt

FOUR_FIFTHS = Fraction(4, 5)

Direction = Literal["less", "greater"]


@dataclass(frozen=True, slots=True)
class Stratum:
    """One posting at one funnel step: how many of the group and of the reference went on.

    E.g. at step applied → invited: ``group_total`` applicants declared yes and ``group_selected``
    of them were invited; ``reference_total`` declared no and ``reference_selected`` were invited.
    """

    group_selected: int
    group_total: int
    reference_selected: int
    reference_total: int

    def __post_init__(self) -> None:
        for name in ("group_selected", "group_total", "reference_selected", "reference_total"):
            value = getattr(self, name)
            if not isinstance(value, int) or isinstance(value, bool):
                raise ValueError(f"{name} must be an int, not {value!r}")
            if value < 0:
                raise ValueError(f"{name} must not be negative, got {value}")
        if self.group_selected > self.group_total:
            raise ValueError(f"group_selected {self.group_selected} > group_total {self.group_total}")
        if self.reference_selected > self.reference_total:
            raise ValueError(
                f"reference_selected {self.reference_selected} > reference_total {self.reference_total}"
            )

    @property
    def total(self) -> int:
        """Everyone in the stratum, both groups."""
        return self.group_total + self.reference_total

    @property
    def selected(self) -> int:
        """Everyone selected in the stratum, both groups."""
        return self.group_selected + self.reference_selected

    @property
    def group_not_selected(self) -> int:
        return self.group_total - self.group_selected

    @property
    def reference_not_selected(self) -> int:
        return self.reference_total - self.reference_selected


@dataclass(frozen=True, slots=True)
class CMHResult:
    """Cochran-Mantel-Haenszel chi-square (1 df), without and with continuity correction."""

    statistic: float
    p_value: float
    statistic_corrected: float
    p_value_corrected: float


@dataclass(frozen=True, slots=True)
class StratifiedResult:
    """Everything the yearly summary reports for one group at one funnel step.

    ``crude`` adds up the counts over all strata (what pooling without stratifying would see) and
    ``crude_impact_ratio`` is its impact ratio. Any number is ``None`` where it is undefined.
    """

    strata: int
    informative_strata: int
    crude: Stratum
    crude_impact_ratio: Fraction | None
    mh_risk_ratio: float | None
    mh_odds_ratio: float | None
    cmh_statistic: float | None
    cmh_p: float | None
    cmh_statistic_corrected: float | None
    cmh_p_corrected: float | None
    exact_p_one_sided: float | None
    mh_risk_ratio_exact: Fraction | None = None

    @property
    def exact_p_below_floor(self) -> bool:
        """True when the exact p is below what the computation can tell apart from zero (``P_FLOOR``)."""
        return self.exact_p_one_sided is not None and self.exact_p_one_sided < P_FLOOR


# Below about 1e-12 the pairwise FFT convolution of a year's strata loses the magnitude of a tail
# (2.9e-27 comes out as 3.2e-15): such a p-value is published as "< 1e-12", never as a number.
P_FLOOR = 1e-12


# --- impact ratio and the four-fifths rule ---------------------------------------------------------


def impact_ratio(
    group_selected: int, group_total: int, reference_selected: int, reference_total: int
) -> Fraction | None:
    """Selection rate of the group / selection rate of the reference, exactly.

    ``None`` when undefined: a zero total, or a reference rate of 0. A group rate of 0 gives
    ``Fraction(0)``.
    """
    Stratum(group_selected, group_total, reference_selected, reference_total)  # validates the counts
    if group_total == 0 or reference_total == 0 or reference_selected == 0:
        return None
    return Fraction(group_selected * reference_total, group_total * reference_selected)


def below_four_fifths(ratio: Fraction) -> bool:
    """True when ``ratio`` is strictly below 4/5 (29 CFR 1607.4(D)); exactly 4/5 is not below."""
    return ratio < FOUR_FIFTHS


# --- strata ----------------------------------------------------------------------------------------


def is_informative(stratum: Stratum) -> bool:
    """Both groups present and neither everyone nor no one selected.

    Equivalently: given the stratum's margins, the group's selected count is not fixed (its
    hypergeometric distribution has more than one possible value), so the stratum says something
    about whether selection depended on the group.
    """
    return stratum.group_total > 0 and stratum.reference_total > 0 and 0 < stratum.selected < stratum.total


def informative_strata(strata: Iterable[Stratum]) -> int:
    """How many strata carry information (see :func:`is_informative`)."""
    return sum(1 for stratum in strata if is_informative(stratum))


def crude(strata: Iterable[Stratum]) -> Stratum:
    """The counts added up over all strata, as if they were one pool."""
    gs = gt = rs = rt = 0
    for s in strata:
        gs += s.group_selected
        gt += s.group_total
        rs += s.reference_selected
        rt += s.reference_total
    return Stratum(gs, gt, rs, rt)


def _exact_sum(terms: Iterable[tuple[int, int]]) -> Fraction:
    """Sum of ``numerator / denominator`` terms, exactly; terms with the same denominator are added as ints."""
    by_denominator: defaultdict[int, int] = defaultdict(int)
    for numerator, denominator in terms:
        by_denominator[denominator] += numerator
    return sum((Fraction(num, den) for den, num in sorted(by_denominator.items())), Fraction(0))


def _usable(strata: Iterable[Stratum]) -> list[Stratum]:
    """Strata with at least two people: smaller ones carry no information and would divide by zero."""
    return [s for s in strata if s.total >= 2]


def _ratio(numerator: Fraction, denominator: Fraction) -> float | None:
    if denominator == 0:
        return None
    return float(numerator / denominator)


# --- Mantel-Haenszel estimators ----------------------------------------------------------------------


def mh_risk_ratio(strata: Iterable[Stratum]) -> float | None:
    """Mantel-Haenszel pooled risk ratio, group rate / reference rate.

    ``Σ a·(c+d)/n  /  Σ c·(a+b)/n`` (Greenland & Robins 1985), the same as statsmodels'
    ``StratifiedTable.riskratio_pooled``. Strata with fewer than two people are skipped; strata
    without information add zero to both sums, except a stratum where both groups are present and
    everyone was selected: both rates are 1 there and it adds equally to both sums, pulling the
    estimate towards 1, as in the standard estimator. ``None`` when the denominator is zero.
    """
    usable = _usable(strata)
    numerator = _exact_sum((s.group_selected * s.reference_total, s.total) for s in usable)
    denominator = _exact_sum((s.reference_selected * s.group_total, s.total) for s in usable)
    return _ratio(numerator, denominator)


def mh_risk_ratio_exact(strata: Iterable[Stratum]) -> Fraction | None:
    """The Mantel-Haenszel risk ratio as an exact fraction, for comparing it with 4/5 exactly."""
    usable = _usable(strata)
    numerator = _exact_sum((s.group_selected * s.reference_total, s.total) for s in usable)
    denominator = _exact_sum((s.reference_selected * s.group_total, s.total) for s in usable)
    return None if denominator == 0 else numerator / denominator


def mh_odds_ratio(strata: Iterable[Stratum]) -> float | None:
    """Mantel-Haenszel pooled odds ratio ``Σ a·d/n  /  Σ b·c/n`` (statsmodels' ``oddsratio_pooled``).

    Only informative strata add to the sums. ``None`` when the denominator is zero.
    """
    usable = _usable(strata)
    numerator = _exact_sum((s.group_selected * s.reference_not_selected, s.total) for s in usable)
    denominator = _exact_sum((s.group_not_selected * s.reference_selected, s.total) for s in usable)
    return _ratio(numerator, denominator)


# --- Cochran-Mantel-Haenszel test --------------------------------------------------------------------


def _chi2_1df_sf(statistic: float) -> float:
    """P(X > statistic) for chi-square with 1 df: X is Z² for a standard normal Z, so it is erfc(√(x/2))."""
    return min(1.0, max(0.0, math.erfc(math.sqrt(max(0.0, statistic) / 2))))


def cmh_test(strata: Iterable[Stratum]) -> CMHResult | None:
    """Cochran-Mantel-Haenszel test of "selection does not depend on the group", chi-square with 1 df.

    ``X² = (Σ (a − E[a]))² / Σ Var[a]`` with ``E[a] = (a+b)(a+c)/n`` and
    ``Var[a] = (a+b)(c+d)(a+c)(b+d) / (n²(n−1))``, as statsmodels'
    ``StratifiedTable.test_null_odds(correction=False)`` and R's ``mantelhaen.test(correct=FALSE)``.

    The continuity-corrected statistic subtracts 1/2 from ``|Σ (a − E[a])|`` before squaring, and
    only when that difference is at least 1/2 — R's rule in ``mantelhaen.test``, whose results the
    statsmodels tests are checked against. statsmodels' ``test_null_odds(correction=True)`` always
    subtracts, so the two differ whenever the difference is below 1/2; its corrected statistic,
    ``(|Δ| − 1/2)²``, is then even *larger* than the uncorrected ``Δ²`` when ``|Δ| < 1/4``.
    Two-sided: the statistic says nothing about direction.

    ``None`` when no stratum is informative (the variance is zero).
    """
    usable = _usable(strata)
    delta = _exact_sum((s.group_selected * s.total - s.group_total * s.selected, s.total) for s in usable)
    variance = _exact_sum(
        (
            s.group_total * s.reference_total * s.selected * (s.total - s.selected),
            s.total * s.total * (s.total - 1),
        )
        for s in usable
    )
    if variance == 0:
        return None
    distance = abs(delta)
    correction = Fraction(1, 2) if distance >= Fraction(1, 2) else Fraction(0)
    statistic = float(distance * distance / variance)
    statistic_corrected = float((distance - correction) ** 2 / variance)
    return CMHResult(
        statistic=statistic,
        p_value=_chi2_1df_sf(statistic),
        statistic_corrected=statistic_corrected,
        p_value_corrected=_chi2_1df_sf(statistic_corrected),
    )


# --- exact conditional test --------------------------------------------------------------------------


def _hypergeometric(stratum: Stratum) -> tuple[int, npt.NDArray[np.float64]]:
    """Lowest possible group-selected count and the pmf over the support, given the stratum's margins."""
    lowest = max(0, stratum.selected - stratum.reference_total)
    highest = min(stratum.group_total, stratum.selected)
    # exact integer weights C(K, k)·C(N−K, n−k); their sum is C(N, n), so one division normalises
    weights = [math.comb(stratum.group_total, k) * math.comb(stratum.reference_total, stratum.selected - k)
               for k in range(lowest, highest + 1)]
    total = sum(weights)
    return lowest, np.array([w / total for w in weights], dtype=np.float64)


SEQUENTIAL_LIMIT = 20_000  # above this total support, convolve pairwise with FFT (a year of postings)


def _convolve(a: npt.NDArray[np.float64], b: npt.NDArray[np.float64]) -> npt.NDArray[np.float64]:
    """The convolution of two pmfs: direct when small, by FFT when large (then clipped at 0, as FFT
    rounding can leave values of about -1e-17 where the truth is a tiny positive number)."""
    if len(a) * len(b) <= 1 << 16:
        return np.convolve(a, b)
    size = len(a) + len(b) - 1
    length = 1 << (size - 1).bit_length()
    product = np.fft.irfft(np.fft.rfft(a, length) * np.fft.rfft(b, length), length)[:size]
    return np.clip(product, 0.0, None)


def _pairwise(pieces: list[npt.NDArray[np.float64]]) -> npt.NDArray[np.float64]:
    """All pmfs convolved in a balanced tree: O(L log L log K) for total support L and K strata."""
    while len(pieces) > 1:
        merged = [_convolve(pieces[i], pieces[i + 1]) for i in range(0, len(pieces) - 1, 2)]
        if len(pieces) % 2:
            merged.append(pieces[-1])
        pieces = merged
    return pieces[0]


def _lower_tail(pieces: list[tuple[int, npt.NDArray[np.float64]]], observed: int) -> float:
    """P(Σ X_k ≤ observed) for independent X_k = lowest_k + (index into pmf_k).

    For a few strata, convolves one stratum at a time and drops, after each step, the partial sums
    that are already too large to end at or below ``observed`` whatever the remaining strata add
    (each adds at least its lowest value). That cut is exact; it only keeps the arrays short. For
    many strata (a year of postings) the one-at-a-time convolution is quadratic, so the pmfs are
    convolved pairwise by FFT instead; p-values from about 1e-12 up keep full precision.
    """
    if sum(len(pmf) for _, pmf in pieces) > SEQUENTIAL_LIMIT:
        whole = _pairwise([pmf for _, pmf in pieces])
        keep = observed - sum(lowest for lowest, _ in pieces) + 1
        return 0.0 if keep <= 0 else float(whole[:keep].sum()) / float(whole.sum())
    remaining_lowest = sum(lowest for lowest, _ in pieces)
    distribution: npt.NDArray[np.float64] = np.ones(1, dtype=np.float64)
    offset = 0
    for lowest, pmf in pieces:
        remaining_lowest -= lowest
        offset += lowest
        distribution = np.convolve(distribution, pmf)
        keep = observed - remaining_lowest - offset + 1
        if keep <= 0:
            return 0.0
        distribution = distribution[:keep]
    return float(distribution.sum())


def exact_conditional_p(strata: Iterable[Stratum], direction: Direction = "less") -> float | None:
    """Exact one-sided p-value conditional on every stratum's margins.

    Given its margins, a stratum's group-selected count ``a`` is hypergeometric; the statistic is
    ``S = Σ a`` and its exact null distribution is the convolution of the strata's hypergeometric
    distributions (R's ``mantelhaen.test(exact=TRUE)``; for one stratum, Fisher's exact test).
    ``"less"`` gives ``P(S ≤ observed)`` — was the group selected less than expected? — and
    ``"greater"`` gives ``P(S ≥ observed)``.

    The outcomes in the tail are picked by their integer value, not by comparing probabilities, so
    no tolerance for ties is needed here (the ``1 + 1e-7`` fuzz in R is for the two-sided test,
    which picks outcomes "as unlikely as the observed one"). The tail is summed directly, never as
    ``1 −`` the other tail, so small p-values keep their precision; the result is clipped to [0, 1].

    ``None`` when no stratum is informative (the distribution is a single point).
    """
    if direction not in ("less", "greater"):
        raise ValueError(f"direction must be 'less' or 'greater', not {direction!r}")
    informative = [s for s in strata if is_informative(s)]
    if not informative:
        return None
    # Strata without information have one possible value, the observed one: they shift S and the
    # observed value alike, so they are left out.
    observed = sum(s.group_selected for s in informative)
    pieces = [_hypergeometric(s) for s in informative]
    if direction == "greater":
        # P(S ≥ s) = P(S' ≤ s') with X'_k = lowest_k + highest_k − X_k: the same support, pmf reversed.
        highest_sum = sum(lowest + len(pmf) - 1 for lowest, pmf in pieces)
        observed = sum(lowest for lowest, _ in pieces) + highest_sum - observed
        pieces = [(lowest, pmf[::-1].copy()) for lowest, pmf in pieces]
    p = _lower_tail(pieces, observed)
    if not math.isfinite(p):  # pragma: no cover - the pmfs are finite and normalised
        return None
    return min(1.0, max(0.0, p))


# --- all of it ---------------------------------------------------------------------------------------


def stratified(strata: Iterable[Stratum]) -> StratifiedResult:
    """The stratified statistics for one funnel step, one stratum per posting."""
    items = tuple(strata)
    pooled = crude(items)
    cmh = cmh_test(items)
    return StratifiedResult(
        strata=len(items),
        informative_strata=informative_strata(items),
        crude=pooled,
        crude_impact_ratio=impact_ratio(
            pooled.group_selected, pooled.group_total, pooled.reference_selected, pooled.reference_total
        ),
        mh_risk_ratio=mh_risk_ratio(items),
        mh_odds_ratio=mh_odds_ratio(items),
        cmh_statistic=None if cmh is None else cmh.statistic,
        cmh_p=None if cmh is None else cmh.p_value,
        cmh_statistic_corrected=None if cmh is None else cmh.statistic_corrected,
        cmh_p_corrected=None if cmh is None else cmh.p_value_corrected,
        exact_p_one_sided=exact_conditional_p(items, "less"),
        mh_risk_ratio_exact=mh_risk_ratio_exact(items),
    )

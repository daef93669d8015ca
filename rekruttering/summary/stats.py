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

A year has tens of thousands of strata, so the work is done on four integer arrays, one element per
stratum (:func:`stratified_arrays`); the functions that take :class:`Stratum` objects turn them into
those arrays and give the same results.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass
from fractions import Fraction
from functools import lru_cache
from typing import Literal

import numpy as np
import numpy.typing as npt

FOUR_FIFTHS = Fraction(4, 5)

Direction = Literal["less", "greater"]
IntArray = npt.NDArray[np.int64]


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


@dataclass(frozen=True, slots=True)
class StrataArrays:
    """Strata as four int64 arrays of one length, one element per stratum (per posting), checked.

    Build it with :meth:`of` (from arrays) or :meth:`from_strata` (from :class:`Stratum` objects).
    """

    group_selected: IntArray
    group_total: IntArray
    reference_selected: IntArray
    reference_total: IntArray

    @classmethod
    def of(cls, group_selected: npt.ArrayLike, group_total: npt.ArrayLike, reference_selected: npt.ArrayLike,
           reference_total: npt.ArrayLike) -> StrataArrays:
        """The four arrays, checked as :class:`Stratum` checks one stratum; ``ValueError`` if impossible."""
        named = {"group_selected": group_selected, "group_total": group_total,
                 "reference_selected": reference_selected, "reference_total": reference_total}
        arrays: dict[str, IntArray] = {}
        for name, value in named.items():
            array = np.asarray(value)
            if array.size and array.dtype.kind not in "iu":
                raise ValueError(f"{name} must hold integers, not {array.dtype}")
            if array.ndim != 1:
                raise ValueError(f"{name} must be one-dimensional, not of shape {array.shape}")
            arrays[name] = array.astype(np.int64)
            if (arrays[name] < 0).any():
                raise ValueError(f"{name} must not be negative")
        if len({a.shape for a in arrays.values()}) != 1:
            raise ValueError("the four arrays must have the same length")
        if (arrays["group_selected"] > arrays["group_total"]).any():
            raise ValueError("group_selected > group_total")
        if (arrays["reference_selected"] > arrays["reference_total"]).any():
            raise ValueError("reference_selected > reference_total")
        return cls(**arrays)

    @classmethod
    def from_strata(cls, strata: Iterable[Stratum]) -> StrataArrays:
        rows = [(s.group_selected, s.group_total, s.reference_selected, s.reference_total) for s in strata]
        table = np.array(rows, dtype=np.int64).reshape(-1, 4)
        return cls(table[:, 0].copy(), table[:, 1].copy(), table[:, 2].copy(), table[:, 3].copy())

    def __len__(self) -> int:
        return len(self.group_total)

    @property
    def total(self) -> IntArray:
        return self.group_total + self.reference_total

    @property
    def selected(self) -> IntArray:
        return self.group_selected + self.reference_selected

    def informative(self) -> npt.NDArray[np.bool_]:
        """Which strata are informative (see :func:`is_informative`)."""
        selected, total = self.selected, self.total
        return (self.group_total > 0) & (self.reference_total > 0) & (selected > 0) & (selected < total)

    def crude(self) -> Stratum:
        return Stratum(int(self.group_selected.sum()), int(self.group_total.sum()),
                       int(self.reference_selected.sum()), int(self.reference_total.sum()))


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


def _ratio(numerator: Fraction, denominator: Fraction) -> float | None:
    if denominator == 0:
        return None
    return float(numerator / denominator)


# --- exact sums over the strata ----------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Sums:
    """The exact sums behind the Mantel-Haenszel estimators and the CMH statistic (see their functions)."""

    risk_numerator: Fraction
    risk_denominator: Fraction
    odds_numerator: Fraction
    odds_denominator: Fraction
    delta: Fraction
    variance: Fraction


def _fraction_sum(numerators: list[int], denominators: list[int]) -> Fraction:
    """Σ numerator / denominator exactly, over one common denominator (a single Fraction, no gcd per term)."""
    common = math.lcm(*denominators) if denominators else 1
    return Fraction(sum(num * (common // den) for num, den in zip(numerators, denominators, strict=True)), common)


def _sums(strata: StrataArrays) -> _Sums:
    """Every term has the stratum total ``n`` (or ``n²(n−1)``, a function of ``n``) as its denominator, so the
    numerators are added as integers per distinct ``n`` and only the few distinct ``n`` meet as fractions.

    Strata with fewer than two people carry no information and would divide by zero: they are left out.
    """
    usable = strata.total >= 2
    gs, gt = strata.group_selected[usable], strata.group_total[usable]
    rs, rt = strata.reference_selected[usable], strata.reference_total[usable]
    n = gt + rt
    if len(n) and len(n) * int(n.max()) ** 4 >= 1 << 62:  # the variance terms could overflow int64
        gs, gt, rs, rt, n = (x.astype(object) for x in (gs, gt, rs, rt, n))
    m = gs + rs
    numerators = [gs * rt, rs * gt, gs * (rt - rs), (gt - gs) * rs, gs * n - gt * m, gt * rt * m * (n - m)]
    order = np.argsort(n, kind="stable")
    ordered = n[order]
    starts = np.flatnonzero(np.concatenate(([True], ordered[1:] != ordered[:-1]))) if len(n) else np.array([], int)
    totals = [int(x) for x in ordered[starts].tolist()]
    summed = [[int(x) for x in np.add.reduceat(num[order], starts).tolist()] if len(n) else [] for num in numerators]
    risk_num, risk_den, odds_num, odds_den, delta = (_fraction_sum(s, totals) for s in summed[:5])
    variance = _fraction_sum(summed[5], [t * t * (t - 1) for t in totals])
    return _Sums(risk_num, risk_den, odds_num, odds_den, delta, variance)


# --- Mantel-Haenszel estimators ----------------------------------------------------------------------


def mh_risk_ratio(strata: Iterable[Stratum]) -> float | None:
    """Mantel-Haenszel pooled risk ratio, group rate / reference rate.

    ``Σ a·(c+d)/n  /  Σ c·(a+b)/n`` (Greenland & Robins 1985), the same as statsmodels'
    ``StratifiedTable.riskratio_pooled``. Strata with fewer than two people are skipped; strata
    without information add zero to both sums, except a stratum where both groups are present and
    everyone was selected: both rates are 1 there and it adds equally to both sums, pulling the
    estimate towards 1, as in the standard estimator. ``None`` when the denominator is zero.
    """
    sums = _sums(StrataArrays.from_strata(strata))
    return _ratio(sums.risk_numerator, sums.risk_denominator)


def mh_risk_ratio_exact(strata: Iterable[Stratum]) -> Fraction | None:
    """The Mantel-Haenszel risk ratio as an exact fraction, for comparing it with 4/5 exactly."""
    return _risk_ratio_exact(_sums(StrataArrays.from_strata(strata)))


def _risk_ratio_exact(sums: _Sums) -> Fraction | None:
    return None if sums.risk_denominator == 0 else sums.risk_numerator / sums.risk_denominator


def mh_odds_ratio(strata: Iterable[Stratum]) -> float | None:
    """Mantel-Haenszel pooled odds ratio ``Σ a·d/n  /  Σ b·c/n`` (statsmodels' ``oddsratio_pooled``).

    Only informative strata add to the sums. ``None`` when the denominator is zero.
    """
    sums = _sums(StrataArrays.from_strata(strata))
    return _ratio(sums.odds_numerator, sums.odds_denominator)


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
    return _cmh(_sums(StrataArrays.from_strata(strata)))


def _cmh(sums: _Sums) -> CMHResult | None:
    variance = sums.variance
    if variance == 0:
        return None
    distance = abs(sums.delta)
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


@lru_cache(maxsize=1 << 14)
def _hypergeometric(group_total: int, reference_total: int, selected: int) -> tuple[int, npt.NDArray[np.float64]]:
    """Lowest possible group-selected count and the pmf over the support, given a stratum's margins.

    A year of postings has few distinct margins (33 k strata, about 1,700 margins), so each is built
    once; the pmf is read-only because it is shared.
    """
    lowest = max(0, selected - reference_total)
    highest = min(group_total, selected)
    # exact integer weights C(K, k)·C(N−K, n−k); their sum is C(N, n), so one division normalises
    weights = [math.comb(group_total, k) * math.comb(reference_total, selected - k)
               for k in range(lowest, highest + 1)]
    total = sum(weights)
    pmf = np.array([w / total for w in weights], dtype=np.float64)
    pmf.setflags(write=False)
    return lowest, pmf


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


def _power(pmf: npt.NDArray[np.float64], times: int) -> npt.NDArray[np.float64]:
    """The pmf of the sum of ``times`` independent copies, by repeated squaring."""
    result: npt.NDArray[np.float64] | None = None
    while True:
        if times & 1:
            result = pmf if result is None else _convolve(result, pmf)
        times >>= 1
        if not times:
            break
        pmf = _convolve(pmf, pmf)
    assert result is not None
    return result


Piece = tuple[int, npt.NDArray[np.float64]]


def _lower_tail(distinct: list[Piece], which: list[int], counts: list[int], observed: int) -> float:
    """P(Σ X_k ≤ observed) for independent X_k = lowest_k + (index into pmf_k).

    ``distinct`` holds the distribution of each distinct margin, ``counts`` how many strata have it and
    ``which`` the margin of each stratum in turn.

    For a few strata, convolves one stratum at a time and drops, after each step, the partial sums
    that are already too large to end at or below ``observed`` whatever the remaining strata add
    (each adds at least its lowest value). That cut is exact; it only keeps the arrays short. For
    many strata (a year of postings) the one-at-a-time convolution is quadratic, so each distinct
    margin's pmf is raised to its count and those are convolved pairwise by FFT instead; p-values
    from about 1e-12 up keep full precision.
    """
    lowest_sum = sum(lowest * k for (lowest, _), k in zip(distinct, counts, strict=True))
    if sum(len(pmf) * k for (_, pmf), k in zip(distinct, counts, strict=True)) > SEQUENTIAL_LIMIT:
        whole = _pairwise([_power(pmf, k) for (_, pmf), k in zip(distinct, counts, strict=True)])
        keep = observed - lowest_sum + 1
        return 0.0 if keep <= 0 else float(whole[:keep].sum()) / float(whole.sum())
    remaining_lowest = lowest_sum
    distribution: npt.NDArray[np.float64] = np.ones(1, dtype=np.float64)
    offset = 0
    for index in which:
        lowest, pmf = distinct[index]
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
    return _exact_p(StrataArrays.from_strata(strata), direction)


def _exact_p(strata: StrataArrays, direction: Direction) -> float | None:
    if direction not in ("less", "greater"):
        raise ValueError(f"direction must be 'less' or 'greater', not {direction!r}")
    informative = strata.informative()
    if not informative.any():
        return None
    # Strata without information have one possible value, the observed one: they shift S and the
    # observed value alike, so they are left out.
    observed = int(strata.group_selected[informative].sum())
    group_total, reference_total = strata.group_total[informative], strata.reference_total[informative]
    selected = strata.selected[informative]
    # one integer per margin (group_total, reference_total, selected), as np.unique on rows is slow;
    # selected ≤ group_total + reference_total, so the key is unique and small while totals are
    span = int(group_total.max() + reference_total.max()) + 1
    if span ** 3 < 1 << 62:
        keys = (group_total * span + reference_total) * span + selected
        unique_keys, inverse, times = np.unique(keys, return_inverse=True, return_counts=True)
        margins = [(k // (span * span), k // span % span, k % span) for k in unique_keys.tolist()]
    else:
        rows, inverse, times = np.unique(np.stack([group_total, reference_total, selected], axis=1), axis=0,
                                         return_inverse=True, return_counts=True)
        margins = [(g, r, m) for g, r, m in rows.tolist()]
    distinct = [_hypergeometric(*margin) for margin in margins]
    counts: list[int] = times.tolist()
    if direction == "greater":
        # P(S ≥ s) = P(S' ≤ s') with X'_k = lowest_k + highest_k − X_k: the same support, pmf reversed.
        lowest_sum = sum(lowest * k for (lowest, _), k in zip(distinct, counts, strict=True))
        highest_sum = sum((lowest + len(pmf) - 1) * k for (lowest, pmf), k in zip(distinct, counts, strict=True))
        observed = lowest_sum + highest_sum - observed
        distinct = [(lowest, pmf[::-1]) for lowest, pmf in distinct]
    p = _lower_tail(distinct, inverse.reshape(-1).tolist(), counts, observed)
    if not math.isfinite(p):  # pragma: no cover - the pmfs are finite and normalised
        return None
    return min(1.0, max(0.0, p))


# --- all of it ---------------------------------------------------------------------------------------


def stratified(strata: Iterable[Stratum]) -> StratifiedResult:
    """The stratified statistics for one funnel step, one stratum per posting."""
    return _stratified(StrataArrays.from_strata(strata))


def stratified_arrays(group_selected: npt.ArrayLike, group_total: npt.ArrayLike, reference_selected: npt.ArrayLike,
                      reference_total: npt.ArrayLike) -> StratifiedResult:
    """The stratified statistics for one funnel step from four integer arrays, one element per posting:
    the group's selected and total, the reference's selected and total. ``ValueError`` on impossible counts."""
    return _stratified(StrataArrays.of(group_selected, group_total, reference_selected, reference_total))


def _stratified(strata: StrataArrays) -> StratifiedResult:
    pooled = strata.crude()
    sums = _sums(strata)
    cmh = _cmh(sums)
    return StratifiedResult(
        strata=len(strata),
        informative_strata=int(strata.informative().sum()),
        crude=pooled,
        crude_impact_ratio=impact_ratio(
            pooled.group_selected, pooled.group_total, pooled.reference_selected, pooled.reference_total
        ),
        mh_risk_ratio=_ratio(sums.risk_numerator, sums.risk_denominator),
        mh_odds_ratio=_ratio(sums.odds_numerator, sums.odds_denominator),
        cmh_statistic=None if cmh is None else cmh.statistic,
        cmh_p=None if cmh is None else cmh.p_value,
        cmh_statistic_corrected=None if cmh is None else cmh.statistic_corrected,
        cmh_p_corrected=None if cmh is None else cmh.p_value_corrected,
        exact_p_one_sided=_exact_p(strata, "less"),
        mh_risk_ratio_exact=_risk_ratio_exact(sums),
    )

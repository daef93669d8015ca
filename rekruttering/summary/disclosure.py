"""Disclosure control for the yearly summary: which counts of persons to hide, chosen over one report.

A count of persons from 1 to K−1 (K = ``--min-cell``) is hidden (primary suppression); zeros are
shown, as Statistics Norway does, unless asked otherwise. Hiding a cell is not enough when the rest
of the report gives it away, so every hidden cell is then bounded by a linear program built from
everything the report publishes beside it:

* within one group's table the categories partition the same applicants, so at every stage they add
  up to the stage total, which is taken as known (the inputs count the applications; a fully shown
  table, or a representation share, gives the others away);
* stages nest: applied ≥ qualified ≥ invited ≥ hired ≥ 0;
* compliance counts of the interview rules bound the declared group's counts (``Bound``): a
  posting where the rule is met has a qualified declared applicant invited, a breach has one not
  invited.

A hidden cell whose bounds leave less than one person of room could be recomputed, so another cell
is hidden beside it (secondary suppression), preferring the smallest count in the same stage of the
same table, and the bounds are computed again until no hidden cell can be pinned down. Rates,
ratios and tests are published only where none of their cells is hidden, so they add nothing here.
scipy's HiGHS solves the programs (a few dozen variables, milliseconds each).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

Cell = tuple[str, str, str]  # (group, category, stage)
MIN_ROOM = 1.0  # a hidden cell must be free to move by at least one person


@dataclass(frozen=True)
class Bound:
    """A linear fact the report reveals: ``Σ coefficient · cell ≥ lower`` (or ``≤ upper``)."""

    terms: tuple[tuple[Cell, int], ...]
    lower: float | None = None
    upper: float | None = None


@dataclass
class Tables:
    """Every count of persons a summary would publish, and what else ties them together."""

    cells: dict[Cell, int]
    stages: tuple[str, ...]  # the stages present in the exports, in funnel order
    groups: dict[str, tuple[str, ...]]  # group -> its categories
    share_groups: tuple[str, ...] = ()  # groups whose "yes" share of each stage total is published
    bounds: list[Bound] = field(default_factory=list)


def small(value: int, k: int, zeros: bool) -> bool:
    """A count that may not be shown: 1 to k−1, and 0 too when zeros are hidden."""
    return (value == 0 and zeros) or 0 < value < k


def protect(tables: Tables, k: int, *, zeros: bool = False) -> set[Cell]:
    """The cells to hide: the small ones, and enough others that none of them can be pinned down."""
    if k <= 1 and not zeros:
        return set()
    hidden = {cell for cell, value in tables.cells.items() if small(value, k, zeros)}
    settled: set[Cell] = set()  # cells that hiding more cannot free (see ``_complement``)
    while True:
        pinned = next((cell for cell in sorted(hidden - settled) if _room(tables, hidden, cell) < MIN_ROOM), None)
        if pinned is None:
            return hidden
        more = _complement(tables, hidden, pinned)
        if more <= hidden:
            settled.add(pinned)
        hidden |= more


def _complement(tables: Tables, hidden: set[Cell], pinned: Cell) -> set[Cell]:
    """One more cell to hide that frees ``pinned``; failing that, every shown cell that shares a fact with
    it (nothing more, when none is left: then the cell is pinned by the facts alone, not by a cell)."""
    candidates = _candidates(tables, hidden, pinned)
    for candidate in candidates:
        if _room(tables, hidden | {candidate}, pinned) >= MIN_ROOM:
            return {candidate}
    return set(candidates)


def _candidates(tables: Tables, hidden: set[Cell], pinned: Cell) -> list[Cell]:
    """Shown cells that share a fact with ``pinned``: the same stage of its table (smallest first),
    the same category at other stages (nearest first), then the same stage of the other tables."""
    group, category, stage = pinned
    at = tables.stages.index(stage)
    shown = [c for c in tables.cells if c not in hidden]
    same_stage = sorted((c for c in shown if c[0] == group and c[2] == stage), key=lambda c: (tables.cells[c], c))
    same_row = sorted((c for c in shown if c[0] == group and c[1] == category),
                      key=lambda c: (abs(tables.stages.index(c[2]) - at), tables.cells[c], c))
    others = sorted((c for c in shown if c[0] != group and c[2] == stage), key=lambda c: (tables.cells[c], c))
    return list(dict.fromkeys([*same_stage, *same_row, *others]))


def room(tables: Tables, hidden: set[Cell], cell: Cell) -> float:
    """How far a hidden cell can move given everything published (for tables protected elsewhere, such as
    the yearly rules' slices in ``summary.yearly``)."""
    return _room(tables, hidden, cell)


def _room(tables: Tables, hidden: set[Cell], cell: Cell) -> float:
    """How far the linear program lets ``cell`` move, given everything published (inf when unbounded)."""
    program = _program(tables, hidden)
    index = program.index[cell]
    low = program.solve(index, maximise=False)
    high = program.solve(index, maximise=True)
    if low is None or high is None:
        return float("inf")
    return high - low


@dataclass
class _Program:
    """``A_eq x = b_eq``, ``A_ub x ≤ b_ub``, x ≥ 0 over the hidden cells and the stage totals."""

    index: dict[Cell, int]
    size: int
    eq: list[tuple[dict[int, float], float]]
    ub: list[tuple[dict[int, float], float]]

    def solve(self, variable: int, *, maximise: bool) -> float | None:
        """The least (or greatest) value of one variable; None when unbounded."""
        from scipy.optimize import linprog

        objective = [0.0] * self.size
        objective[variable] = -1.0 if maximise else 1.0
        result = linprog(objective, A_ub=_dense(self.ub, self.size) or None, b_ub=[b for _, b in self.ub] or None,
                         A_eq=_dense(self.eq, self.size) or None, b_eq=[b for _, b in self.eq] or None,
                         bounds=[(0, None)] * self.size, method="highs")
        if result.status == 3:  # unbounded
            return None
        if result.status != 0:  # infeasible cannot happen for true counts; treat as no information
            return None
        return float(result.x[variable])


def _dense(rows: Sequence[tuple[dict[int, float], float]], size: int) -> list[list[float]]:
    out = []
    for coefficients, _ in rows:
        row = [0.0] * size
        for position, value in coefficients.items():
            row[position] = value
        out.append(row)
    return out


def _program(tables: Tables, hidden: set[Cell]) -> _Program:
    """The attacker's program. The stage totals are taken as known: the report's inputs count the
    applications read, and HR knows how many were invited; any fully shown table gives the rest."""
    cells = sorted(hidden)
    index: dict[Cell, int] = {cell: i for i, cell in enumerate(cells)}
    eq: list[tuple[dict[int, float], float]] = []
    ub: list[tuple[dict[int, float], float]] = []

    def linear(terms: Iterable[tuple[Cell, float]]) -> tuple[dict[int, float], float]:
        """Coefficients of the hidden cells, and the constant the shown ones add up to."""
        coefficients: dict[int, float] = {}
        constant = 0.0
        for cell, weight in terms:
            if cell in index:
                coefficients[index[cell]] = coefficients.get(index[cell], 0.0) + weight
            else:
                constant += weight * tables.cells[cell]
        return coefficients, constant

    for group, categories in tables.groups.items():
        for stage in tables.stages:
            coefficients, constant = linear(((group, c, stage), 1.0) for c in categories)
            if coefficients:
                total = sum(tables.cells[(group, c, stage)] for c in categories)
                eq.append((coefficients, total - constant))
        for category in categories:
            for before, after in zip(tables.stages, tables.stages[1:], strict=False):
                coefficients, constant = linear((((group, category, after), 1.0), ((group, category, before), -1.0)))
                if coefficients:
                    ub.append((coefficients, -constant))
    for bound in tables.bounds:
        if any(cell not in tables.cells for cell, _ in bound.terms):
            continue
        coefficients, constant = linear((cell, float(weight)) for cell, weight in bound.terms)
        if not coefficients:
            continue
        if bound.lower is not None:
            ub.append(({i: -w for i, w in coefficients.items()}, constant - bound.lower))
        if bound.upper is not None:
            ub.append((coefficients, bound.upper - constant))
    return _Program(index, len(cells), eq, ub)


def interview_bounds(group: str, minimum: int, counts: Mapping[str, int]) -> list[Bound]:
    """What an interview rule's compliance counts tell about its group's declared counts."""
    invited, qualified = (group, "yes", "invited"), (group, "yes", "qualified")
    bounds = [Bound(((invited, 1),), lower=counts.get("met", 0) * minimum),
              Bound(((qualified, 1), (invited, -1)), lower=counts.get("breach", 0) + counts.get("justified", 0))]
    if minimum == 1 and not (counts.get("met", 0) or counts.get("review", 0) or counts.get("not_applicable", 0)):
        bounds.append(Bound(((invited, 1),), upper=0))
    return bounds

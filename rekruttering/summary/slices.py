"""Disclosure control for a family of slices of the postings (units, job levels, employment types): which
slices' hire counts and declared counts the yearly rules must hide.

A family partitions the period's postings, so its hire counts add up to the period's hires (which the
funnel publishes) and its declared counts to the funnel's "hired, declared yes" count. Hiding a small
count is then not enough: with every other slice shown it is the total minus the rest. Each slice is
three counts of persons, hires = declared + the rest; the attacker's linear program (``disclosure.room``)
knows the published totals, every shown count, what a status says of a hidden one ("too few hires":
fewer than ``min_hires``; otherwise at least that many) and, to be safe, that a hire count hidden for
being small lies from 1 to K − 1 (a hidden declared count is not bounded so: the reader cannot tell
whether the declared or the rest of the slice was the small one). A hidden count that program pins
down to less than one person of room gets a partner hidden beside it (complementary suppression): a
slice's declared count first, then a slice's hires (and with them its declared count), smallest first,
until no hidden count can be worked out.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from rekruttering.summary.disclosure import MIN_ROOM, Bound, Cell, Tables, room, small

STAGE = "hired"


@dataclass(frozen=True)
class HiddenSlices:
    """The slices whose hire count is hidden (their declared count is hidden with it), and those whose
    declared count is hidden."""

    hires: frozenset[str]
    declared: frozenset[str]
    whole: bool = False  # a hidden count stays pinned whatever is hidden: the family's slices may not be shown


def protect_slices(slices: Mapping[str, tuple[int, int]], total_hires: int | None, total_declared: int | None,
                   k: int, zeros: bool, min_hires: int) -> HiddenSlices:
    """``slices``: name -> (hires, declared). ``total_hires`` None: the slices' hire counts are taken as
    published (only declared counts are protected); ``total_declared`` None: the funnel hides it, and then
    every slice's declared count is hidden with it. ``whole``: some hidden count is pinned by the totals and
    the bounds alone (two units of 4 hires each out of 8, with K = 5), so no slice of the family may be shown."""
    if k <= 1 and not zeros:
        return HiddenSlices(frozenset(), frozenset())
    tables = _tables(slices, total_hires, total_declared, k, zeros, min_hires)
    hires_gone = {n for n, (h, _) in slices.items() if total_hires is not None and small(h, k, zeros)}
    declared_gone = hires_gone | {n for n, (h, d) in slices.items() if small(d, k, zeros) or small(h - d, k, zeros)
                                  or (total_declared is None and h)}
    tried: set[Cell] = set()  # pinned cells that hiding everything left could not free
    while True:
        hidden = _hidden(hires_gone, declared_gone)
        # a declared count pinned at 0 is let be (zeros are shown); the rest of a slice is its hires minus
        # its declared, so it is free when they are
        pinned = next((c for c in sorted(hidden - tried) if c[1] != "other" and tables.cells[c]
                       and room(tables, hidden, c) < MIN_ROOM), None)
        if pinned is None:
            break
        more = _partner(slices, tables, hires_gone, declared_gone, pinned, total_hires is not None)
        if more is None:
            tried.add(pinned)  # nothing shown is left to hide beside it: the totals alone pin it
            continue
        kind, name = more
        declared_gone.add(name)
        if kind == "hires":
            hires_gone.add(name)
    return HiddenSlices(frozenset(hires_gone), frozenset(declared_gone), whole=bool(tried))


def _tables(slices: Mapping[str, tuple[int, int]], total_hires: int | None, total_declared: int | None, k: int,
            zeros: bool, min_hires: int) -> Tables:
    cells: dict[Cell, int] = {}
    bounds: list[Bound] = []
    for name, (hires, declared) in slices.items():
        h, yes, rest = (name, "hires", STAGE), (name, "yes", STAGE), (name, "other", STAGE)
        cells |= {h: hires, yes: declared, rest: hires - declared}
        bounds.append(Bound(((h, 1), (yes, -1), (rest, -1)), lower=0, upper=0))
        # the status says which side of min_hires the hires lie on
        bounds.append(Bound(((h, 1),), upper=min_hires - 1) if hires < min_hires else Bound(((h, 1),), lower=min_hires))
        if small(hires, k, zeros) and hires > 0 and total_hires is not None:
            # hidden for being small, which a reader may assume of every hidden hire count: 1 to K − 1
            bounds.append(Bound(((h, 1),), lower=1, upper=k - 1))
    if total_declared is not None:
        bounds.append(Bound(tuple(((n, "yes", STAGE), 1) for n in slices), lower=total_declared,
                            upper=total_declared))
    if total_hires is not None:
        bounds.append(Bound(tuple(((n, "hires", STAGE), 1) for n in slices), lower=total_hires, upper=total_hires))
    return Tables(cells, (STAGE,), {}, bounds=bounds)


def _hidden(hires_gone: set[str], declared_gone: set[str]) -> set[Cell]:
    return {(n, "hires", STAGE) for n in hires_gone} | \
        {(n, c, STAGE) for n in declared_gone for c in ("yes", "other")}


def _partner(slices: Mapping[str, tuple[int, int]], tables: Tables, hires_gone: set[str],
             declared_gone: set[str], pinned: Cell, hires_protected: bool) -> tuple[str, str] | None:
    """The first hide that frees ``pinned``: a shown declared count (smallest first), then a shown hire
    count (smallest first); failing both, the smallest hire count, to look again with it hidden."""
    options: list[tuple[str, str]] = [("declared", n) for n in sorted(
        (n for n in slices if n not in declared_gone), key=lambda n: (slices[n][1], n))]
    if hires_protected:
        options += [("hires", n) for n in sorted((n for n in slices if n not in hires_gone),
                                                 key=lambda n: (slices[n][0], n))]
    for kind, name in options:
        more_h = hires_gone | ({name} if kind == "hires" else set())
        if room(tables, _hidden(more_h, declared_gone | {name}), pinned) >= MIN_ROOM:
            return kind, name
    if not options:
        return None
    # no single partner frees it: hide the smallest hire count (or declared count) and look again
    return next((option for option in options if option[0] == "hires"), options[0])

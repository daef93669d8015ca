"""Split coerced sheets into simple postings, as columns, and the rows the typed join must handle.

Ids are factorised to integers before joining; a (posting, applicant) pair is one int64 key.
Whatever could make a posting's values uncertain makes it *complex*, and its rows go to
``ingest.join`` unchanged, so the fallback is the reference behaviour, warnings included. When in
doubt a posting is complex.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Any

import numpy as np
import numpy.typing as npt
import pandas as pd

from rekruttering.models import Applicant, Posting, PostingType
from rekruttering.read.fields import PROCESS_FIELDS, SPECS, Field
from rekruttering.read.join import APPLICANT_FIELDS, POSTING_FIELDS, SHORTLIST_FIELDS, CoercedSheet

IntArray = npt.NDArray[np.int64]
BoolArray = npt.NDArray[np.bool_]

APPLICATION_FIELDS = (*APPLICANT_FIELDS, *SHORTLIST_FIELDS)
BOOL_FIELDS = tuple(f for f in APPLICATION_FIELDS if SPECS[f].kind in ("yesno", "answer"))
FLOAT_FIELDS = (Field.rank, Field.score)
TEXT_FIELDS = (Field.gender, Field.country_group)  # kept as object arrays of str | None


@dataclass
class Frame:
    """The simple postings (sorted by id) and their applications (grouped by posting), as arrays.

    Booleans are int8: 1 yes, 0 no, -1 unknown or not declared; rank and score are float64 with NaN
    for none; gender and country group are object arrays of ``str | None``. A simple posting has no
    doubt and no row set aside, so a value here is the value, and None is what the typed path says.
    """

    posting_ids: list[str]
    title: list[str | None]
    unit: list[str | None]
    deadline: list[date | None]
    posting_type: list[PostingType]
    reserved_for: list[str | None]
    underrepresented_gender: list[str | None]
    job_group: list[str | None]
    has_shortlist: bool
    post: npt.NDArray[np.int64]  # per application: its posting's index
    applicant_id: npt.NDArray[Any]  # object array of str
    values: dict[Field, npt.NDArray[Any]] = field(default_factory=dict)
    # per posting, the process fields (``PROCESS_FIELDS``: the ad's statement, self-declaration offered, union)
    process: dict[Field, list[bool | None]] = field(default_factory=dict)
    # posting level, for the yearly rules' splits (summary.yearly); empty lists: not given for any posting
    job_level: list[str | None] = field(default_factory=list)
    employment_type: list[str | None] = field(default_factory=list)

    @classmethod
    def of(cls, postings: Sequence[Posting]) -> Frame:
        """The frame of typed postings without doubts (sorted by id): the conformance test's adapter."""
        postings = sorted(postings, key=lambda p: p.posting_id)
        people = [(i, a) for i, p in enumerate(postings) for a in p.applicants]
        values: dict[Field, npt.NDArray[Any]] = {}
        for fld in APPLICATION_FIELDS:
            if fld is Field.justification:
                continue
            cells = [getattr(a, fld.value) for _, a in people]
            if fld in BOOL_FIELDS:
                values[fld] = np.array([-1 if v is None else int(v) for v in cells], dtype=np.int8)
            elif fld in FLOAT_FIELDS:
                values[fld] = np.array([np.nan if v is None else v for v in cells], dtype=np.float64)
            else:
                values[fld] = np.array(cells, dtype=object)
        return cls(
            posting_ids=[p.posting_id for p in postings], title=[p.title for p in postings],
            unit=[p.unit for p in postings], deadline=[p.deadline for p in postings],
            posting_type=[p.posting_type for p in postings], reserved_for=[p.reserved_for for p in postings],
            underrepresented_gender=[p.underrepresented_gender for p in postings],
            job_group=[p.job_group for p in postings],
            has_shortlist=all(p.has_shortlist for p in postings),
            post=np.array([i for i, _ in people], dtype=np.int64),
            applicant_id=np.array([a.applicant_id for _, a in people], dtype=object), values=values,
            process={f: [getattr(p, f.value) for p in postings] for f in PROCESS_FIELDS},
            job_level=[p.job_level for p in postings], employment_type=[p.employment_type for p in postings])

    def renamed(self, alias: Callable[[str], str]) -> Frame:
        """The frame with every applicant id replaced by ``alias(id)`` (a pseudonym)."""
        ids = np.array([alias(str(v)) for v in self.applicant_id.tolist()], dtype=object)
        return replace(self, applicant_id=ids)

    @property
    def size(self) -> int:
        return len(self.posting_ids)

    def bounds(self) -> IntArray:
        """Where each posting's applications start in the arrays (one more entry: the end)."""
        out: IntArray = np.searchsorted(self.post, np.arange(self.size + 1)).astype(np.int64)
        return out

    def posting(self, index: int, start: int | None = None, end: int | None = None) -> Posting:
        """The posting as the typed path builds it (applicants sorted by id), for the reference checks."""
        if start is None or end is None:
            bounds = np.searchsorted(self.post, [index, index + 1])
            start, end = int(bounds[0]), int(bounds[1])
        columns: dict[str, list[Any]] = {}  # each field's cells as Python values (numpy scalars are slow)
        for fld, column in self.values.items():
            cells = column[start:end].tolist()
            if fld in BOOL_FIELDS:
                cells = [None if value < 0 else bool(value) for value in cells]
            elif fld in FLOAT_FIELDS:
                cells = [None if value != value else value for value in cells]  # NaN: none
            columns[fld.value] = cells
        names = list(columns)
        applicants = [Applicant(str(applicant_id), **dict(zip(names, values, strict=True)))
                      for applicant_id, *values in zip(self.applicant_id[start:end].tolist(), *columns.values(),
                                                       strict=True)]
        return Posting(
            posting_id=self.posting_ids[index], title=self.title[index], unit=self.unit[index],
            deadline=self.deadline[index], posting_type=self.posting_type[index],
            reserved_for=self.reserved_for[index], underrepresented_gender=self.underrepresented_gender[index],
            job_group=self.job_group[index],
            job_level=self.level_of(index), employment_type=self.employment_of(index),
            applicants=tuple(sorted(applicants, key=lambda a: a.applicant_id)), has_shortlist=self.has_shortlist,
            ad_statement=self.process_cell(Field.ad_statement, index),
            declaration_offered=self.process_cell(Field.declaration_offered, index),
            union_involved=self.process_cell(Field.union_involved, index),
        )

    def process_cell(self, fld: Field, index: int) -> bool | None:
        """The posting's process field (None: blank, or no such column)."""
        column = self.process.get(fld)
        return None if column is None else column[index]

    def level_of(self, index: int) -> str | None:
        return self.job_level[index] if self.job_level else None

    def employment_of(self, index: int) -> str | None:
        return self.employment_type[index] if self.employment_type else None


@dataclass
class Split:
    """The simple postings as a frame, and per sheet (in join order) the row positions left to the
    typed join, and how many rows of each sheet the frame used."""

    frame: Frame
    rows: list[IntArray]
    used: list[int]


class _Coder:
    """Global integer codes for the typed values of one field, across sheets (None is -1)."""

    def __init__(self) -> None:
        self.codes: dict[Any, int] = {}
        self.values: list[Any] = []

    def rows(self, sheet: CoercedSheet, fld: Field) -> IntArray:
        codes, lookup = sheet.columns[fld]
        mapped = np.fromiter((-1 if v is None else self._code(v) for v in lookup.tolist()), dtype=np.int64,
                             count=len(lookup))
        out: IntArray = mapped[codes]  # code -1 (a missing cell) takes the lookup's last entry, a blank
        return out

    def constant(self, value: Any, n: int) -> IntArray:
        return np.full(n, self._code(value), dtype=np.int64)

    def _code(self, value: Any) -> int:
        found = self.codes.get(value)
        if found is None:
            found = self.codes[value] = len(self.values)
            self.values.append(value)
        return found


def _positions(n: int, chosen: Any) -> BoolArray:
    mask = np.zeros(n, dtype=bool)
    if chosen:
        mask[np.fromiter(chosen, dtype=np.int64, count=len(chosen))] = True
    return mask


def _blank(sheet: CoercedSheet, fld: Field) -> BoolArray:
    codes, lookup = sheet.columns[fld]
    is_none = np.fromiter((v is None for v in lookup.tolist()), dtype=bool, count=len(lookup))
    out: BoolArray = is_none[codes]
    return out


def split(coerced: list[CoercedSheet]) -> Split:
    """Decide which postings are simple, and build their frame; see the module's docstring."""
    # ids as integers: postings by a dict over the few distinct ids, applicants by one factorisation
    posting_codes: dict[str, int] = {}
    prows: list[IntArray] = []
    for sheet in coerced:
        codes, lookup = sheet.columns[Field.posting_id]
        mapped = np.fromiter((-1 if v is None else posting_codes.setdefault(v, len(posting_codes))
                              for v in lookup.tolist()), dtype=np.int64, count=len(lookup))
        prows.append(mapped[codes])
    lookups = [sheet.columns[Field.applicant_id][1] for sheet in coerced]
    applicant_codes, applicant_values = pd.factorize(np.concatenate(lookups) if lookups else np.array([], dtype=object),
                                                     use_na_sentinel=True)
    arows: list[IntArray] = []
    offset = 0
    for sheet, lookup in zip(coerced, lookups, strict=True):
        mapped = applicant_codes[offset:offset + len(lookup)].astype(np.int64)
        offset += len(lookup)
        arows.append(mapped[sheet.columns[Field.applicant_id][0]])
    n_postings, n_applicants = len(posting_codes), max(len(applicant_values), 1)

    complex_ = np.zeros(n_postings + 1, dtype=bool)  # the last entry takes "no posting" (-1)
    known = np.zeros(n_postings + 1, dtype=bool)
    goods: list[BoolArray] = []
    attributed: list[BoolArray] = []
    for sheet, prow, arow in zip(coerced, prows, arows, strict=True):
        n = len(prow)
        set_aside = _positions(n, sheet.raw.rejected.keys()) | _positions(n, sheet.bad_ids)
        unread = _positions(n, sheet.unread.keys())
        empty = ~unread
        for fld in sheet.columns:
            if not empty.any():
                break  # no row is blank in every column so far: the rest cannot make one
            empty &= _blank(sheet, fld)
        good = ~set_aside & ~empty & (prow >= 0) & (arow >= 0)
        goods.append(good)
        attributed.append(set_aside | (~empty & ~good))
        if sheet.info.role != "shortlist":
            known[prow[good]] = True
        complex_[prow[good & unread]] = True  # a cell that could not be read
        if Field.justification in sheet.columns:
            complex_[prow[good & ~_blank(sheet, Field.justification)]] = True  # a written justification

    # rows set aside: the posting they name, or every posting of their sheet (ingest._with_rows_set_aside)
    for prow, good, aside in zip(prows, goods, attributed, strict=True):
        named = prow[aside]
        if not len(named):
            continue
        certain = (named >= 0) & known[named]
        complex_[named[certain]] = True
        if not certain.all():
            complex_[prow[good]] = True

    # posting fields: two different values in any rows make the posting complex
    posting_values: dict[Field, tuple[IntArray, list[Any]]] = {}
    for fld in POSTING_FIELDS:
        coder = _Coder()
        owners_values = []
        for sheet, prow, good in zip(coerced, prows, goods, strict=True):
            if fld in sheet.columns:
                value = coder.rows(sheet, fld)
                keep = good & (value >= 0)
                owners_values.append((prow[keep], value[keep]))
        chosen = np.full(n_postings + 1, -1, dtype=np.int64)
        if owners_values:
            width = len(coder.values) + 1
            unique = np.unique(np.concatenate([p * width + v for p, v in owners_values]))
            owners = unique // width
            complex_[owners[np.bincount(owners, minlength=n_postings + 1)[owners] > 1]] = True
            chosen[owners] = unique % width
        posting_values[fld] = (chosen, coder.values)

    # application rows: applicant sheets (and combined ones), then shortlist sheets
    coders = {fld: _Coder() for fld in APPLICATION_FIELDS}
    a_keys, s_keys, a_cells, s_cells = [], [], [], []
    for sheet, prow, arow, good in zip(coerced, prows, arows, goods, strict=True):
        role = sheet.info.role
        keys = prow[good] * n_applicants + arow[good]
        row_fields = APPLICANT_FIELDS if role == "applicants" else APPLICATION_FIELDS
        cells = {}
        for fld in APPLICATION_FIELDS:
            if fld in sheet.columns and fld in row_fields:
                cells[fld] = coders[fld].rows(sheet, fld)[good]
            elif fld is Field.invited and role == "shortlist":
                cells[fld] = coders[fld].constant(True, int(good.sum()))  # on a shortlist: invited
            else:
                cells[fld] = np.full(int(good.sum()), -1, dtype=np.int64)
        if role != "shortlist":
            a_keys.append(keys)
            a_cells.append(cells)
        if role != "applicants":
            s_keys.append(keys)
        if role == "shortlist":
            s_cells.append(cells)
    a_key = np.concatenate(a_keys) if a_keys else np.zeros(0, dtype=np.int64)
    merged = {fld: np.concatenate([c[fld] for c in a_cells]) if a_cells else np.zeros(0, dtype=np.int64)
              for fld in APPLICATION_FIELDS}
    for keys in (a_key, np.concatenate(s_keys) if s_keys else np.zeros(0, dtype=np.int64)):
        unique, counts = np.unique(keys, return_counts=True)
        complex_[unique[counts > 1] // n_applicants] = True  # a duplicate row
    shortlist_keys = _shortlist_keys(coerced, prows, arows, goods, n_applicants)
    if shortlist_keys:
        s_key = np.concatenate(shortlist_keys)
        order = np.argsort(a_key, kind="stable")
        at = np.searchsorted(a_key[order], s_key)
        found = at < len(a_key)
        found[found] = a_key[order][at[found]] == s_key[found]
        complex_[s_key[~found] // n_applicants] = True  # a shortlist row with no applicant row: the typed join says so
        target = order[at[found]]
        for fld in APPLICATION_FIELDS:
            s_value = np.concatenate([c[fld] for c in s_cells])[found]
            a_value = merged[fld][target]
            clash = (a_value >= 0) & (s_value >= 0) & (a_value != s_value)
            complex_[s_key[found][clash] // n_applicants] = True
            merged[fld][target] = np.where(a_value >= 0, a_value, s_value)

    simple = known & ~complex_
    simple[-1] = False
    ids = [""] * n_postings
    for posting_id, code in posting_codes.items():
        ids[code] = posting_id
    chosen_codes = sorted(np.flatnonzero(simple[:-1]).tolist(), key=lambda c: ids[c])
    rank = np.full(n_postings + 1, -1, dtype=np.int64)
    rank[chosen_codes] = np.arange(len(chosen_codes))

    a_post = rank[a_key // n_applicants] if len(a_key) else np.zeros(0, dtype=np.int64)
    taken = np.flatnonzero(a_post >= 0)
    taken = taken[np.argsort(a_post[taken], kind="stable")]
    has_shortlist = any(sheet.info.role != "applicants" for sheet in coerced)
    values: dict[Field, npt.NDArray[Any]] = {}
    for fld in APPLICATION_FIELDS:
        if fld is Field.justification:
            continue  # a posting with a written justification is never simple
        codes = merged[fld][taken]
        table = coders[fld].values
        if fld in BOOL_FIELDS:
            lookup = np.array([1 if v else 0 for v in table] + [-1], dtype=np.int8)
            column = lookup[codes]
            if fld is Field.invited and has_shortlist:
                column = np.where(column < 0, 0, column).astype(np.int8)  # not on a shortlist: not invited
        elif fld in FLOAT_FIELDS:
            column = np.array([*table, np.nan], dtype=np.float64)[codes]
        else:
            column = np.array([*table, None], dtype=object)[codes]
        values[fld] = column

    def meta(fld: Field) -> list[Any]:
        chosen, table = posting_values[fld]
        return [None if chosen[c] < 0 else table[chosen[c]] for c in chosen_codes]

    frame = Frame(
        posting_ids=[ids[c] for c in chosen_codes], title=meta(Field.posting_title), unit=meta(Field.unit),
        deadline=meta(Field.deadline),
        posting_type=[t or PostingType.external for t in meta(Field.posting_type)],
        reserved_for=meta(Field.reserved_for), underrepresented_gender=meta(Field.underrepresented_gender),
        job_group=meta(Field.job_group), has_shortlist=has_shortlist, post=a_post[taken],
        applicant_id=np.asarray(applicant_values, dtype=object)[a_key[taken] % n_applicants],
        values=values, process={f: meta(f) for f in PROCESS_FIELDS},
        job_level=meta(Field.job_level), employment_type=meta(Field.employment_type),
    )
    rows: list[IntArray] = []
    used: list[int] = []
    for prow, good in zip(prows, goods, strict=True):
        mine = good & simple[prow]
        rows.append(np.flatnonzero(~mine))
        used.append(int(mine.sum()))
    return Split(frame, rows, used)


def _shortlist_keys(coerced: list[CoercedSheet], prows: list[IntArray], arows: list[IntArray],
                    goods: list[BoolArray], n_applicants: int) -> list[IntArray]:
    """The keys of the good rows of each shortlist sheet (not combined ones), in order."""
    return [prow[good] * n_applicants + arow[good]
            for sheet, prow, arow, good in zip(coerced, prows, arows, goods, strict=True)
            if sheet.info.role == "shortlist"]

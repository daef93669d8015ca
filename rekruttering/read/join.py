"""Turn export files into postings with applicants, collecting every problem on the way.

Steps: read each file (``readers``), decide its role from its headers (applicants, shortlist, or
both in one sheet), coerce every mapped column (``values``), and join applicant and shortlist
rows on (posting id, applicant id). Per sheet the rows read, used and set aside are counted and
always add up. Problems that make a verdict impossible are ``error`` (the caller stops with exit
2); problems that affect one row are ``warning`` (shown in the report).
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from itertools import compress, count
from operator import itemgetter, not_
from pathlib import Path
from typing import Any, Literal

from rekruttering.errors import InputError
from rekruttering.keys import normalise_header
from rekruttering.models import Applicant, Doubt, Posting, PostingType
from rekruttering.problems import Problem, ProblemLog
from rekruttering.read import proxyguard
from rekruttering.read.fields import (
    APPLICANT_ONLY,
    ID_FIELDS,
    PROCESS_FIELDS,
    SHORTLIST_ONLY,
    SPECS,
    ColumnMap,
    Field,
)
from rekruttering.read.readers import read_file
from rekruttering.read.sheet import SPREADSHEET_SUFFIXES, RawSheet
from rekruttering.read.textcolumns import TableKind, TextColumns
from rekruttering.read.values import PARSERS, is_slash_date, near_id, parse_id, parse_ids

Role = Literal["applicants", "shortlist", "combined"]
NOT_AN_EXPORT = frozenset({"read.no_header", "read.no_header_legacy", "read.no_sheet", "read.no_sheet_hidden",
                           "read.empty", "read.empty_workbook"})
POSTING_FIELDS = tuple(f for f, s in SPECS.items() if s.level == "posting" and f is not Field.posting_id)
APPLICANT_FIELDS = tuple(f for f, s in SPECS.items() if s.level == "applicant" and f is not Field.applicant_id)
SHORTLIST_FIELDS = tuple(f for f, s in SPECS.items() if s.level == "shortlist")


@dataclass
class SheetInfo:
    """What one sheet was taken to be, and how its rows were counted."""

    file: str
    sha256: str
    sheet: str | None
    role: Role
    header_row: int
    mapping: dict[Field, str]
    ignored: tuple[str, ...]
    rows_read: int = 0
    rows_used: int = 0
    rows_set_aside: int = 0


@dataclass
class Dataset:
    postings: list[Posting]
    sheets: list[SheetInfo]
    warnings: list[Problem]
    applicant_fields: frozenset[Field]  # fields present in at least one applicant sheet
    has_shortlist: bool
    shortlist_fields: frozenset[Field] = frozenset()  # shortlist fields present in at least one sheet
    process_fields: frozenset[Field] = frozenset()  # ``PROCESS_FIELDS`` present in at least one sheet
    # the postings read column-wise (a ``columnar.frame.Frame``), besides ``postings``; None on the typed path
    frame: Any = None


def expand_paths(paths: Iterable[Path]) -> list[Path]:
    """Files as given; a folder means every spreadsheet in it (sorted, not recursive)."""
    return [path for path, _ in _expand(paths)]


def _expand(paths: Iterable[Path]) -> list[tuple[Path, bool]]:
    """Each file with whether it was named (True) or found in a folder (False).

    A folder without a spreadsheet stays in the list as itself, so that reading it says so.
    """
    out: list[tuple[Path, bool]] = []
    for path in paths:
        if path.is_dir():
            found = [(p, False) for p in sorted(path.iterdir())
                     if p.is_file() and p.suffix.lower() in SPREADSHEET_SUFFIXES
                     and not p.name.startswith((".", "~$"))]
            out.extend(found or [(path, True)])
        else:
            out.append((path, True))
    return out


def read_sheets(path: Path, columns: ColumnMap, log: ProblemLog, read_as: TableKind = "auto"
                ) -> tuple[str, list[RawSheet]]:
    """The file's SHA-256 and its mapped sheets; an unreadable file raises ``InputError``.

    ``read_as``: how the columns are held (``textcolumns``), by each sheet's rows unless forced.
    """
    display = str(path)
    if path.is_dir():
        raise InputError("folder", [Problem("error", "read.empty_folder", (), display)])
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise InputError("missing", [Problem("error", "read.not_found", (), display)]) from None
    except IsADirectoryError:
        raise InputError("dir", [Problem("error", "read.empty_folder", (), display)]) from None
    except OSError as error:
        raise InputError("os", [Problem("error", "read.unreadable", (("error", str(error)),), display)]) from None
    digest = hashlib.sha256(raw).hexdigest()
    if not raw:
        raise InputError("empty", [Problem("error", "read.empty", (), display)])
    return digest, read_file(path, display, raw, columns, log, read_as)


def take_notes(sheet: RawSheet, log: ProblemLog) -> list[Problem]:
    """A reader's warnings into the log (capped per kind); its errors returned, to stop the run."""
    for note in sheet.notes:
        if note.level == "warning":
            log.add_problem(note)
    return [note for note in sheet.notes if note.level == "error"]


RULE_HEADERS = frozenset({"regel", "regelid", "rule", "ruleid"})


def is_justification_sheet(sheet: RawSheet) -> bool:
    """A --justifications file (posting, rule, applicant, text) looks like a shortlist but is not one."""
    return Field.justification in sheet.mapping and any(normalise_header(h) in RULE_HEADERS for h in sheet.ignored)


def role_of(sheet: RawSheet, forced_shortlist: bool) -> Role | None:
    """A file given with --shortlist is a shortlist; otherwise the role is read from the headers."""
    if forced_shortlist:
        return "shortlist"
    fields = set(sheet.mapping)
    applicant, shortlist = bool(fields & APPLICANT_ONLY), bool(fields & SHORTLIST_ONLY)
    if applicant and shortlist:
        return "combined"
    if shortlist:
        return "shortlist"
    if applicant:
        return "applicants"
    return None


UNREADABLE_OPTIONS: dict[str, tuple[Any, ...]] = {
    # what a cell the reader did not understand could have said, per kind of field
    "yesno": (True, False),
    "answer": (True, False),
    "gender": ("kvinne", "mann", None),
    "country_group": ("1", "2"),
    "posting_type": tuple(PostingType),
    "job_level": ("leader", "other"),
    "employment_type": ("permanent", "temporary"),
    "rank": (1.0, 1_000_000.0),
    "number": (0.0, 1_000_000.0),
    "date": (None,),
    "text": (None,),
}


def unreadable(fld: Field) -> Doubt:
    return Doubt(fld.value, UNREADABLE_OPTIONS[SPECS[fld].kind], "unreadable")


class _Notes:
    """Warnings kept to be logged later, in the order made (a sheet's coercion warnings are logged just
    before its rows are joined, as when both happened together)."""

    def __init__(self) -> None:
        self.calls: list[tuple[tuple[Any, ...], dict[str, Any]]] = []

    def add(self, *args: Any, **kwargs: Any) -> None:
        self.calls.append((args, kwargs))

    def replay(self, log: ProblemLog) -> None:
        for args, kwargs in self.calls:
            log.add(*args, **kwargs)


# per row an index into the lookup, and the lookup of typed values: numpy arrays for a frame, lists for lists
Codes = tuple[Any, Any]


@dataclass
class CoercedSheet:
    """A sheet with its role, every mapped column coerced (as codes into a lookup of typed values), the
    rows whose id could not be read, the cells that could not be (position -> fields), and the warnings."""

    raw: RawSheet
    info: SheetInfo
    columns: dict[Field, Codes]
    bad_ids: set[int]
    unread: dict[int, set[Field]]
    notes: _Notes
    order: int = 0  # the sheet's place among the sheets as given

    @property
    def size(self) -> int:
        """How many rows the sheet has."""
        return len(self.columns[Field.posting_id][0])

    def typed(self, rows: Any = None) -> dict[Field, list[Any]]:
        """Each column as a list of typed values: of every row, or of the rows at ``rows`` (positions)."""
        return {f: take(codes, lookup, rows) for f, (codes, lookup) in self.columns.items()}


def coerce_sheet(raw: RawSheet, info: SheetInfo, order: int = 0) -> CoercedSheet:
    notes = _Notes()
    columns, bad_ids, unread = _coerce_codes(raw, notes)
    return CoercedSheet(raw, info, columns, bad_ids, unread, notes, order)


MANY_IDS = 1000  # from this many distinct ids in a column, the plain ones are recognised column-wise


def _coerce(sheet: RawSheet, log: ProblemLog) -> tuple[dict[Field, list[Any]], set[int], dict[int, set[Field]]]:
    """Each mapped column as a list of typed values, the rows whose id could not be read, and the cells
    that could not be read (row position -> fields); see ``_coerce_codes``."""
    columns, bad_ids, unread = _coerce_codes(sheet, log)
    return {f: take(codes, lookup) for f, (codes, lookup) in columns.items()}, bad_ids, unread


def _coerce_codes(sheet: RawSheet, log: ProblemLog | _Notes
                  ) -> tuple[dict[Field, Codes], set[int], dict[int, set[Field]]]:
    """Each mapped column as codes into a lookup of typed values, the rows whose id could not be read, and
    the cells that could not be read (row position -> fields). An unreadable cell is ``None`` in its column
    and listed as unreadable, with a warning: it is unknown, never blank.

    Each distinct cell text is parsed once (a year has few distinct values per column), and the
    results are spread back over the rows: with numpy for a pandas frame, by a dict for lists
    (``_codes``, which numbers the texts the same way). Ids are trimmed and compared exactly
    (``values.parse_id``).
    """
    out: dict[Field, Codes] = {}
    bad_ids: set[int] = set()
    unread: dict[int, set[Field]] = {}
    for fld, positions in sheet.unknown.items():
        for position in positions:
            unread.setdefault(position, set()).add(fld)
    for name in [str(n) for n in (sheet.data.columns if hasattr(sheet.data, "columns") else sheet.data)]:
        fld = Field(name)
        is_id = fld in ID_FIELDS
        parser = parse_id if is_id else PARSERS[SPECS[fld].kind]
        codes, uniques = _codes(sheet, name)
        texts = ["" if u is None else str(u) for u in uniques]
        many = is_id and len(texts) > MANY_IDS and not isinstance(codes, list)
        parsed = parse_ids(texts) if many else [parser(t) for t in texts]
        values = list(map(itemgetter(0), parsed))
        values.append(parser("")[0])  # a missing cell (code -1) is a blank one
        out[fld] = (codes, values if isinstance(codes, list) else _lookup(values))
        if SPECS[fld].kind == "date":
            _say_slash_dates(sheet, fld, codes, texts, parsed, log)
        bad = list(compress(count(), map(not_, map(itemgetter(1), parsed))))  # the positions of the failed ones
        if not bad:
            continue
        header = sheet.mapping[fld]
        for position in _positions(codes, bad):
            if position in sheet.rejected:
                continue
            raw = texts[codes[position]]
            # a posting's own value may be quoted to help fix it; an applicant's cell never is
            quoted = {"value": raw.strip()[:60]} if SPECS[fld].level == "posting" else {}
            kind = {"answer": "yesno"}.get(SPECS[fld].kind, SPECS[fld].kind)
            code = "value.bad_id" if is_id else f"value.bad_{kind}"
            log.add("warning", code, file=sheet.file, sheet=sheet.sheet, row=sheet.row_number(position),
                    column=header, **quoted)
            if is_id:
                bad_ids.add(position)
            else:
                unread.setdefault(position, set()).add(fld)
    return out, bad_ids, unread


def _codes(sheet: RawSheet, name: str) -> tuple[Any, list[object]]:
    """Each row's code (the index of its text among the distinct texts, in order of first appearance;
    -1 for a missing cell) and the distinct texts: ``pd.factorize`` for a frame, a dict for lists."""
    data = sheet.data
    if isinstance(data, TextColumns):
        index: dict[str, int] = {}
        codes = [-1 if cell is None else index.setdefault(cell, len(index)) for cell in data[name]]
        return codes, list(index)
    import pandas as pd

    found, uniques = pd.factorize(data[name], use_na_sentinel=True)
    return found, uniques.tolist()


def _lookup(values: list[Any]) -> Any:
    """The typed values as a numpy object array, to be indexed by a frame's codes."""
    import numpy as np

    lookup = np.empty(len(values), dtype=object)
    lookup[:] = values
    return lookup


def as_arrays(sheet: CoercedSheet) -> CoercedSheet:
    """The sheet with its columns' codes and lookups as numpy arrays (the column-wise path needs them)."""
    import numpy as np

    for fld, (codes, lookup) in list(sheet.columns.items()):
        if isinstance(codes, list):
            sheet.columns[fld] = (np.asarray(codes, dtype=np.int64), _lookup(lookup))
    return sheet


def take(codes: Any, lookup: Any, rows: Any = None) -> list[Any]:
    """``lookup[code]`` for every row's code (or the rows at ``rows``); a code of -1 takes the last value.
    Lists stay lists (the small path imports no numpy); arrays are indexed by numpy."""
    if isinstance(codes, list):
        picked = codes if rows is None else [codes[r] for r in rows]
        return [lookup[c] for c in picked]
    found: list[Any] = (lookup[codes] if rows is None else lookup[codes[rows]]).tolist()
    return found


def _positions(codes: Any, wanted: list[int]) -> list[int]:
    """The rows whose code is one of ``wanted``, in order."""
    if isinstance(codes, list):
        chosen = set(wanted)
        return [position for position, code in enumerate(codes) if code in chosen]
    import numpy as np

    found: list[int] = np.flatnonzero(np.isin(codes, wanted)).tolist()
    return found


def _say_slash_dates(sheet: RawSheet, fld: Field, codes: Any, texts: list[str], parsed: list[tuple[Any, bool]],
                     log: ProblemLog | _Notes) -> None:
    """One warning per column that dates with slashes were read as day/month/year."""
    slashed = [i for i, (t, (value, _)) in enumerate(zip(texts, parsed, strict=True))
               if value is not None and is_slash_date(t)]
    if slashed:
        first = _positions(codes, slashed)[0]
        log.add("warning", "value.slash_date", file=sheet.file, sheet=sheet.sheet, row=sheet.row_number(first),
                column=sheet.mapping[fld], value=texts[codes[first]].strip()[:20])


Where = tuple[str, str | None, int]


@dataclass
class _Observed:
    """What the rows said about one thing (an application or a posting), field by field.

    Blank cells say nothing. Two different non-blank values make the field a conflict; a cell
    the reader could not read makes it unreadable. Either way the value is in doubt, whatever the
    order in which the rows came.
    """

    values: dict[Field, Any] = field(default_factory=dict)
    unread: set[Field] = field(default_factory=set)
    conflicts: dict[Field, set[Any]] = field(default_factory=dict)

    def observe(self, cells: dict[Field, Any], unread: set[Field] | frozenset[Field] = frozenset()) -> list[Field]:
        """Take in one row's cells; return the fields that became (more) conflicting."""
        changed: list[Field] = []
        for fld, value in cells.items():
            if fld in unread:
                self.unread.add(fld)
                continue
            if value is None:
                continue
            previous = self.values.get(fld)
            if previous is None:
                self.values[fld] = value
            elif previous != value:
                seen = self.conflicts.setdefault(fld, {previous})
                if value not in seen:
                    seen.add(value)
                    changed.append(fld)
        return changed

    def settled(self) -> tuple[dict[Field, Any], tuple[Doubt, ...]]:
        """The values, with every field in doubt set to None, and the doubts."""
        doubts = [unreadable(f) for f in sorted(self.unread)]
        doubts += [Doubt(f.value, tuple(sorted(options, key=repr)), "conflict")
                   for f, options in sorted(self.conflicts.items()) if f not in self.unread]
        if not doubts:
            return self.values, ()
        values = dict(self.values)
        for doubt in doubts:
            values[Field(doubt.field)] = None
        return values, tuple(doubts)


@dataclass
class _Record(_Observed):
    """An application being assembled from applicant and shortlist rows."""

    source: Where | None = None
    shortlist_source: Where | None = None


def _place(where: Where) -> str:
    file, sheet, row = where
    return f"{file} {sheet or ''} {row}".replace("  ", " ")


def load(
    applicant_paths: Sequence[Path],
    shortlist_paths: Sequence[Path] = (),
    *,
    columns: ColumnMap,
    on_file: Callable[[Path], None] | None = None,
    side_files: Iterable[Path] = (),
    read_as: TableKind = "auto",
) -> Dataset:
    """Read every file, join rows into postings, and return them with the row accounting.

    A file given as a shortlist is a shortlist, whatever columns it has; its applicant columns
    confirm the applicant lists, and a disagreement is a conflict. Raises ``InputError`` with every
    fatal problem found (not only the first), and when no row could be used. ``read_as`` forces how
    the files' columns are held (``textcolumns``); the result never depends on it.
    """
    log = ProblemLog()
    sheets = read_exports(applicant_paths, shortlist_paths, columns=columns, log=log, on_file=on_file,
                          side_files=side_files, read_as=read_as)
    return finish(join(coerce_all(sheets), log), log)


def read_exports(
    applicant_paths: Sequence[Path],
    shortlist_paths: Sequence[Path],
    *,
    columns: ColumnMap,
    log: ProblemLog,
    on_file: Callable[[Path], None] | None = None,
    side_files: Iterable[Path] = (),
    read_as: TableKind = "auto",
) -> list[tuple[RawSheet, SheetInfo]]:
    """Every sheet of the exports with its role; raises ``InputError`` with every fatal problem found."""
    fatal: list[Problem] = []
    sheets: list[tuple[RawSheet, SheetInfo]] = []
    forced = {p.resolve() for p in shortlist_paths}
    side = {p.resolve() for p in side_files}
    for path, named in _expand([*applicant_paths, *shortlist_paths]):
        if not named and path.resolve() in side:
            continue  # the --justifications or --workforce file, kept in the same folder
        if on_file is not None:
            on_file(path)
        try:
            digest, raw_sheets = read_sheets(path, columns, log, read_as)
        except InputError as error:
            if not named and all(p.code in NOT_AN_EXPORT for p in error.problems):
                log.add("warning", "read.folder_skipped", file=str(path))
                continue
            fatal.extend(error.problems)
            continue
        if any(is_justification_sheet(raw) for raw in raw_sheets):
            if named:
                fatal.append(Problem("error", "read.is_justifications", (), str(path)))
            else:
                log.add("warning", "read.folder_skipped", file=str(path))
            continue
        for raw in raw_sheets:
            fatal.extend(take_notes(raw, log))
            fatal.extend(proxyguard.refusals(raw))  # a column that may not feed its field stops the run
            role = role_of(raw, path.resolve() in forced)
            if role is None:
                fatal.append(Problem("error", "read.no_role", (), raw.file, raw.sheet, raw.header_row))
                continue
            info = SheetInfo(raw.file, digest, raw.sheet, role, raw.header_row, raw.mapping, raw.ignored,
                             rows_read=len(raw.data))
            sheets.append((raw, info))
    if not fatal:  # with a file that could not be read, what the others look like says nothing
        fatal.extend(_wrong_files(sheets, forced))
    if fatal:
        raise InputError("input", fatal)
    return sheets


def coerce_all(sheets: Sequence[tuple[RawSheet, SheetInfo]]) -> list[CoercedSheet]:
    """Every sheet coerced, applicant sheets first, so that shortlist rows in any file order find their
    applicant."""
    coerced = [coerce_sheet(raw, info, order) for order, (raw, info) in enumerate(sheets)]
    return sorted(coerced, key=lambda c: c.info.role == "shortlist")


@dataclass
class Joined:
    """What joining rows gave: the postings (rows set aside counted), the sheets, and the fields seen."""

    postings: list[Posting]
    sheets: list[SheetInfo]
    applicant_fields: frozenset[Field]
    shortlist_fields: frozenset[Field]
    has_shortlist: bool
    process_fields: frozenset[Field] = frozenset()


def join(coerced: Sequence[CoercedSheet], log: ProblemLog, rows: Sequence[Any] | None = None) -> Joined:
    """Join the rows of the coerced sheets (applicant sheets first) into postings, saying what is wrong.

    ``rows``, per sheet, the positions to join (an integer array; None: every row); the others are
    left to the caller, who counts them as used. Each sheet's coercion warnings are logged first.
    """
    fatal: list[Problem] = []
    records: dict[tuple[str, str], _Record] = {}
    posting_values: dict[str, _Observed] = {}
    conflicts: set[tuple[str, Field]] = set()
    shortlist_rows: list[tuple[RawSheet, SheetInfo, int, tuple[str, str], dict[Field, Any], set[Field]]] = []
    applicant_fields: set[Field] = set()
    shortlist_fields: set[Field] = set()
    process_fields: set[Field] = set()
    has_shortlist = False

    # rows set aside, by the sheet they are in and the posting they name (None: unknown), and the postings
    # each sheet holds: a posting that may have lost a row to the reader is reviewed, never decided
    set_aside: list[tuple[int, str | None]] = []
    sheet_postings: dict[int, set[str]] = {}

    for sheet_index, sheet in enumerate(coerced):
        raw, info, bad_ids, unread = sheet.raw, sheet.info, sheet.bad_ids, sheet.unread
        seen_postings = sheet_postings.setdefault(sheet_index, set())
        sheet.notes.replay(log)
        wanted = None if rows is None else rows[sheet_index]
        typed = sheet.typed(wanted)
        positions = range(sheet.size) if wanted is None else wanted.tolist()
        if info.role != "shortlist":
            applicant_fields |= set(raw.mapping) & set(APPLICANT_FIELDS)
        process_fields |= set(raw.mapping) & set(PROCESS_FIELDS)
        if info.role != "applicants":
            shortlist_fields |= set(raw.mapping) & set(SHORTLIST_FIELDS)
        if info.role != "applicants":
            has_shortlist = True
        names = list(typed)
        at_posting, at_applicant = names.index(Field.posting_id), names.index(Field.applicant_id)
        row_fields = (APPLICANT_FIELDS if info.role == "applicants" else
                      (*APPLICANT_FIELDS, *SHORTLIST_FIELDS))
        application_cells = _Cells(names, row_fields)
        posting_cells = _Cells(names, POSTING_FIELDS)
        last_posting: tuple[Any, ...] | None = None
        empty_rows: list[int] = []
        for position, row in zip(positions, zip(*typed.values(), strict=True), strict=True):
            row_number = raw.row_number(position)
            posting_id, applicant_id = row[at_posting], row[at_applicant]
            if position in raw.rejected or position in bad_ids:
                if position in raw.rejected:
                    log.add_problem(raw.rejected[position])
                info.rows_set_aside += 1
                set_aside.append((sheet_index, posting_id))
                continue
            bad = unread.get(position, set())
            if all(v is None for v in row) and not bad:
                empty_rows.append(row_number)
                info.rows_set_aside += 1
                continue
            if posting_id is None or applicant_id is None:
                missing = raw.mapping[Field.posting_id if posting_id is None else Field.applicant_id]
                log.add("warning", "row.missing_id", file=raw.file, sheet=raw.sheet, row=row_number,
                        column=missing)
                info.rows_set_aside += 1
                set_aside.append((sheet_index, posting_id))
                continue
            seen_postings.add(posting_id)
            # rows of one posting usually follow each other with the same posting cells: merge once
            posting_key = (posting_id, posting_cells.values(row))
            if posting_key != last_posting or bad:
                _merge_posting(posting_values, conflicts, posting_id, posting_cells.by_field(row), bad, raw,
                               row_number, log)
                last_posting = None if bad else posting_key
            key = (posting_id, applicant_id)
            cells = application_cells.by_field(row)
            if info.role == "shortlist":
                if Field.invited not in raw.mapping:
                    cells[Field.invited] = True  # presence on a shortlist without that column means invited
                shortlist_rows.append((raw, info, position, key, cells, bad))
                continue
            record = records.get(key)
            where = (raw.file, raw.sheet, row_number)
            if record is None:
                record = records[key] = _Record()
            elif record.source is not None:
                _merged(record, record.observe(cells, bad), record.source, "row.duplicate_applicant", raw, row_number,
                        key, log)
                info.rows_used += 1
                continue
            record.observe(cells, bad)
            record.source = where
            if info.role == "combined":
                record.shortlist_source = where
            info.rows_used += 1
        if empty_rows:
            log.add("warning", "row.empty", file=raw.file, sheet=raw.sheet, row=empty_rows[0],
                    count=len(empty_rows))

    near: dict[tuple[str, str], str] | None = None  # built at the first shortlist row without its applicant
    for raw, info, position, key, cells, bad in shortlist_rows:
        row_number = raw.row_number(position)
        found = records.get(key)
        if found is None:
            near = near if near is not None else _near_index(records)
            fatal.append(_unknown(key, near, raw, row_number))
            info.rows_set_aside += 1
            continue
        changed = found.observe(cells, bad)
        if found.shortlist_source is not None:
            _merged(found, changed, found.shortlist_source, "row.duplicate_shortlist", raw, row_number, key, log)
        elif changed:
            _merged(found, changed, found.source or (raw.file, raw.sheet, row_number), "", raw, row_number, key, log)
        found.shortlist_source = found.shortlist_source or (raw.file, raw.sheet, row_number)
        info.rows_used += 1
    if fatal:
        errors = [p for p in log.finish() if p.level == "error"]
        raise InputError("input", [*_summarise_unknown(fatal, [(c.raw, c.info) for c in coerced]), *errors])

    postings = _with_rows_set_aside(_build_postings(records, posting_values, has_shortlist), set_aside,
                                    sheet_postings)
    # the sheets in the order they were given (applicant sheets were joined first)
    infos = [c.info for c in sorted(coerced, key=lambda c: c.order)]
    return Joined(postings, infos, frozenset(applicant_fields), frozenset(shortlist_fields), has_shortlist,
                  frozenset(process_fields))


def finish(joined: Joined, log: ProblemLog, more_postings: int = 0) -> Dataset:
    """The dataset; with no posting (``more_postings`` counts those joined elsewhere) an ``InputError``."""
    if not joined.postings and not more_postings:
        raise InputError("input", [_nothing_usable(joined.sheets), *log.finish()[:MAX_REASONS_SHOWN]])
    return Dataset(joined.postings, joined.sheets, log.finish(), joined.applicant_fields, joined.has_shortlist,
                   joined.shortlist_fields, joined.process_fields)


MAX_REASONS_SHOWN = 5


def _with_rows_set_aside(postings: list[Posting], set_aside: Sequence[tuple[int, str | None]],
                         sheet_postings: dict[int, set[str]]) -> list[Posting]:
    """Count, per posting, the rows set aside that may belong to it: the rows naming it, and a row whose
    posting cannot be read counts for every posting of its sheet."""
    known = {p.posting_id for p in postings}
    counts: Counter[str] = Counter()
    for sheet_index, posting_id in set_aside:
        if posting_id is not None and posting_id in known:
            counts[posting_id] += 1
        else:
            counts.update(sheet_postings.get(sheet_index, set()))
    return [replace(p, rows_set_aside=counts[p.posting_id]) if counts[p.posting_id] else p for p in postings]
MAX_UNKNOWN_SHOWN = 10
DECLARATIONS = frozenset({Field.immigrant_background, Field.country_group, Field.non_western, Field.disability,
                          Field.cv_gap})


def _wrong_files(sheets: Sequence[tuple[RawSheet, SheetInfo]], forced: set[Path]) -> list[Problem]:
    """A file in the wrong place, said once about the file rather than row by row: a --shortlist file that
    holds the applicants' declarations and no shortlist column, or no applicant list among the files."""
    problems: list[Problem] = []
    for raw, info in sheets:
        fields = set(raw.mapping)
        if (info.role == "shortlist" and Path(raw.file).resolve() in forced and fields & DECLARATIONS
                and not fields & SHORTLIST_ONLY):
            problems.append(Problem("error", "read.shortlist_is_applicants", (), raw.file, raw.sheet))
    if sheets and not problems and all(info.role == "shortlist" for _, info in sheets):
        positional = [raw for raw, _ in sheets if Path(raw.file).resolve() not in forced]
        for raw in positional or [raw for raw, _ in sheets][:1]:
            problems.append(Problem("error", "read.applicants_is_shortlist" if positional else "read.no_applicants",
                                    (), raw.file, raw.sheet))
    return list(dict.fromkeys(problems))  # a file given twice is said once


def _summarise_unknown(fatal: list[Problem], sheets: Sequence[tuple[RawSheet, SheetInfo]]) -> list[Problem]:
    """Shortlist rows in no applicant list: one message for a file none of whose rows match (the wrong
    file, or another export), and at most ``MAX_UNKNOWN_SHOWN`` rows of any other file, with the rest counted."""
    unknown = {"row.unknown_applicant", "row.unknown_applicant_near"}
    by_file: dict[tuple[str, str | None], list[Problem]] = {}
    for problem in fatal:
        if problem.code in unknown:
            by_file.setdefault((problem.file or "", problem.sheet), []).append(problem)
    rows = {(raw.file, raw.sheet): info.rows_read - info.rows_set_aside + len(by_file.get((raw.file, raw.sheet), []))
            for raw, info in sheets}
    out = [p for p in fatal if p.code not in unknown]
    for (file, sheet), found in by_file.items():
        if len(found) >= 2 and len(found) >= rows.get((file, sheet), 0):
            out.append(Problem("error", "read.shortlist_matches_nothing", (("rows", str(len(found))),), file, sheet))
            continue
        out.extend(found[:MAX_UNKNOWN_SHOWN])
        if len(found) > MAX_UNKNOWN_SHOWN:
            out.append(Problem("error", "problem.more", (("count", str(len(found) - MAX_UNKNOWN_SHOWN)),
                                                         ("code", "row.unknown_applicant")), file, sheet))
    return out


def _nothing_usable(infos: Sequence[SheetInfo]) -> Problem:
    """No posting could be read: say how many rows were read and set aside, never "no breach"."""
    read = sum(i.rows_read for i in infos)
    return Problem("error", "read.nothing_usable", (("read", str(read)), ("set_aside", str(read))))


def _merged(record: _Record, changed: list[Field], first: Where, duplicate_code: str, raw: RawSheet,
            row_number: int, key: tuple[str, str], log: ProblemLog) -> None:
    """Say that a second row of one application was merged: agreeing (``duplicate_code``) or in conflict."""
    posting_id, applicant_id = key
    column = raw.mapping[Field.applicant_id]
    if changed:
        headers = ", ".join(f"«{raw.mapping.get(f, f.value)}»" for f in changed)
        log.add("warning", "row.conflict", file=raw.file, sheet=raw.sheet, row=row_number, column=column,
                posting=posting_id, applicant=applicant_id, first=_place(first), fields=headers)
    elif duplicate_code:
        log.add("warning", duplicate_code, file=raw.file, sheet=raw.sheet, row=row_number, column=column,
                posting=posting_id, applicant=applicant_id, first=_place(first))


class _Cells:
    """Picks the cells of some fields out of a row tuple, in C (``itemgetter``), for the hot loop."""

    def __init__(self, names: list[Field], wanted: Iterable[Field]) -> None:
        wanted = set(wanted)
        self.fields = tuple(f for f in names if f in wanted)
        positions = [names.index(f) for f in self.fields]
        self._take: Callable[[tuple[Any, ...]], Any] = itemgetter(*positions) if positions else (lambda row: ())
        self._single = len(positions) == 1

    def values(self, row: tuple[Any, ...]) -> tuple[Any, ...]:
        picked = self._take(row)
        return (picked,) if self._single else tuple(picked)

    def by_field(self, row: tuple[Any, ...]) -> dict[Field, Any]:
        return dict(zip(self.fields, self.values(row), strict=True))


def _near_index(records: dict[tuple[str, str], _Record]) -> dict[tuple[str, str], str]:
    """(posting, id without case or leading zeros) -> the applicant id as written (the first, sorted)."""
    index: dict[tuple[str, str], str] = {}
    for posting_id, applicant_id in sorted(records):
        index.setdefault((posting_id, near_id(applicant_id)), applicant_id)
    return index


def _unknown(key: tuple[str, str], near: dict[tuple[str, str], str], raw: RawSheet, row_number: int) -> Problem:
    """A shortlist row whose (posting, applicant) is in no applicant list; with the id that differs only
    in case or leading zeros, when the posting has one (ids are compared exactly)."""
    posting_id, applicant_id = key
    where = (raw.file, raw.sheet, row_number, raw.mapping[Field.applicant_id])
    params = (("posting", posting_id), ("applicant", applicant_id))
    meant = near.get((posting_id, near_id(applicant_id)))
    if meant is not None:
        return Problem("error", "row.unknown_applicant_near", (*params, ("near", meant)), *where)
    return Problem("error", "row.unknown_applicant", params, *where)


def _merge_posting(store: dict[str, _Observed], warned: set[tuple[str, Field]], posting_id: str,
                   values: dict[Field, Any], unread: set[Field], raw: RawSheet, row_number: int,
                   log: ProblemLog) -> None:
    known = store.setdefault(posting_id, _Observed())
    for fld in known.observe(values, unread):
        if (posting_id, fld) in warned:
            continue
        warned.add((posting_id, fld))
        shown = sorted(_shown(v) for v in known.conflicts[fld])
        log.add("warning", "posting.conflict", file=raw.file, sheet=raw.sheet, row=row_number,
                column=raw.mapping[fld], posting=posting_id, kept=shown[0], other=shown[-1])


def _shown(value: Any) -> str:
    """A posting's value as a warning quotes it: a posting type by its code, a yes/no as the export writes it."""
    if isinstance(value, PostingType):
        return value.value
    if isinstance(value, bool):
        return "Ja" if value else "Nei"
    return str(value)


def _build_postings(records: dict[tuple[str, str], _Record], posting_values: dict[str, _Observed],
                    has_shortlist: bool) -> list[Posting]:
    by_posting: dict[str, list[Applicant]] = {}
    for (posting_id, applicant_id), record in records.items():
        values, doubts = record.settled()
        if has_shortlist and values.get(Field.invited) is None and not any(d.field == "invited" for d in doubts):
            values[Field.invited] = False  # not on any shortlist, or a blank invited cell: not invited
        # the applicant and shortlist fields are named as Applicant's attributes (Field is a str enum)
        by_posting.setdefault(posting_id, []).append(Applicant(applicant_id, **values, doubts=doubts))
    postings: list[Posting] = []
    for posting_id in sorted(by_posting):
        observed = posting_values.get(posting_id, _Observed())
        meta, doubts = observed.settled()
        # what a report shows of a conflicting title or unit: one of the values, the same whatever the order
        shown = {f: min(str(v) for v in options) for f, options in observed.conflicts.items()
                 if f in (Field.posting_title, Field.unit)}
        postings.append(Posting(
            posting_id=posting_id,
            title=shown.get(Field.posting_title, meta.get(Field.posting_title)),
            unit=shown.get(Field.unit, meta.get(Field.unit)),
            deadline=meta.get(Field.deadline),
            posting_type=meta.get(Field.posting_type) or PostingType.external,
            reserved_for=meta.get(Field.reserved_for),
            underrepresented_gender=meta.get(Field.underrepresented_gender),
            job_group=meta.get(Field.job_group),
            job_level=meta.get(Field.job_level),
            employment_type=meta.get(Field.employment_type),
            applicants=tuple(sorted(by_posting[posting_id], key=lambda a: a.applicant_id)),
            has_shortlist=has_shortlist,
            doubts=doubts,
            ad_statement=meta.get(Field.ad_statement),
            declaration_offered=meta.get(Field.declaration_offered),
            union_involved=meta.get(Field.union_involved),
        ))
    return postings


def with_postings(dataset: Dataset, wanted: Sequence[str]) -> Dataset:
    """Only the postings asked for; an id that matches no posting is a usage error."""
    if not wanted:
        return dataset
    known = {p.posting_id for p in dataset.postings}
    unknown = [w for w in wanted if w not in known]
    if unknown:
        raise InputError("posting", [Problem("error", "posting.not_found", (("posting", ", ".join(unknown)),))])
    return replace(dataset, postings=[p for p in dataset.postings if p.posting_id in set(wanted)])


__all__ = ["ID_FIELDS", "Dataset", "SheetInfo", "expand_paths", "load", "with_postings"]


@dataclass
class Inspection:
    """What ``inspect`` shows for one file: its sheets and every problem found reading them."""

    file: str
    sheets: list[SheetInfo]
    problems: list[Problem]
    raw: list[RawSheet] = field(default_factory=list)


def inspect_file(path: Path, columns: ColumnMap, *, shortlist: bool = False) -> Inspection:
    """Read and coerce one file without joining it to others."""
    log = ProblemLog()
    try:
        digest, raw_sheets = read_sheets(path, columns, log)
    except InputError as error:
        return Inspection(str(path), [], list(error.problems))
    infos: list[SheetInfo] = []
    for raw in raw_sheets:
        log.extend(take_notes(raw, log))
        log.extend(proxyguard.refusals(raw))
        role = role_of(raw, shortlist)
        if role is None:
            log.problems.append(Problem("error", "read.no_role", (), raw.file, raw.sheet, raw.header_row))
        info = SheetInfo(raw.file, digest, raw.sheet, role or "applicants", raw.header_row, raw.mapping,
                         raw.ignored, rows_read=len(raw.data))
        typed, bad_ids, _ = _coerce(raw, log)
        posting_ids, applicant_ids = typed[Field.posting_id], typed[Field.applicant_id]
        for position, (posting_id, applicant_id) in enumerate(zip(posting_ids, applicant_ids, strict=True)):
            if position in raw.rejected or position in bad_ids:
                if position in raw.rejected:
                    log.add_problem(raw.rejected[position])
                info.rows_set_aside += 1
                continue
            if posting_id is None or applicant_id is None:
                info.rows_set_aside += 1
                if any(column[position] is not None for column in typed.values()):
                    missing = Field.posting_id if posting_id is None else Field.applicant_id
                    log.add("warning", "row.missing_id", file=raw.file, sheet=raw.sheet,
                            row=raw.row_number(position), column=raw.mapping[missing])
        info.rows_used = info.rows_read - info.rows_set_aside
        infos.append(info)
    return Inspection(str(path), infos, log.finish(), raw_sheets)

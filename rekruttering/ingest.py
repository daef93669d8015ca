"""Turn export files into postings with applicants, collecting every problem on the way.

Steps: read each file (``readers``), decide its role from its headers (applicants, shortlist, or
both in one sheet), coerce every mapped column (``values``), and join applicant and shortlist
rows on (posting id, applicant id). Per sheet the rows read, used and set aside are counted and
always add up. Problems that make a verdict impossible are ``error`` (the caller stops with exit
2); problems that affect one row are ``warning`` (shown in the report).
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from operator import itemgetter
from pathlib import Path
from typing import Any, Literal

from rekruttering import proxyguard
from rekruttering.errors import InputError
from rekruttering.fields import APPLICANT_ONLY, ID_FIELDS, SHORTLIST_ONLY, SPECS, ColumnMap, Field, normalise_header
from rekruttering.models import Applicant, Posting, PostingType
from rekruttering.problems import Problem, ProblemLog
from rekruttering.readers import SPREADSHEET_SUFFIXES, RawSheet, read_file
from rekruttering.values import PARSERS, near_id, parse_id

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


@dataclass
class _Record:
    """An application being assembled from applicant and shortlist rows."""

    values: dict[Field, Any] = field(default_factory=dict)
    source: tuple[str, str | None, int] | None = None
    on_shortlist: bool = False
    shortlist_source: tuple[str, str | None, int] | None = None


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


def read_sheets(path: Path, columns: ColumnMap, log: ProblemLog) -> tuple[str, list[RawSheet]]:
    """The file's SHA-256 and its mapped sheets; an unreadable file raises ``InputError``."""
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
    return digest, read_file(path, display, raw, columns, log)


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
    fields = set(sheet.mapping)
    applicant, shortlist = bool(fields & APPLICANT_ONLY), bool(fields & SHORTLIST_ONLY)
    if applicant and shortlist:
        return "combined"
    if shortlist or forced_shortlist:
        return "shortlist"
    if applicant:
        return "applicants"
    return None


def _coerce(sheet: RawSheet, log: ProblemLog) -> tuple[dict[Field, list[Any]], set[int]]:
    """Each mapped column as a list of typed values; unknown values become warnings and None.

    Each distinct cell text is parsed once (a year has few distinct values per column), and the
    results are spread back over the rows with numpy. Ids are trimmed and compared exactly
    (``values.parse_id``); the positions of rows whose id could not be read are returned too, as
    their warning already says why they are set aside.
    """
    import numpy as np
    import pandas as pd

    out: dict[Field, list[Any]] = {}
    bad_ids: set[int] = set()
    for name in sheet.data.columns:
        fld = Field(name)
        is_id = fld in ID_FIELDS
        parser = parse_id if is_id else PARSERS[SPECS[fld].kind]
        codes, uniques = pd.factorize(sheet.data[name], use_na_sentinel=True)
        parsed = [parser("" if u is None else str(u)) for u in uniques.tolist()]
        lookup = np.empty(len(parsed) + 1, dtype=object)
        lookup[:-1] = [value for value, _ in parsed]
        lookup[-1] = parser("")[0]  # a missing cell (code -1) is a blank one
        out[fld] = lookup[codes].tolist()
        bad = [i for i, (_, ok) in enumerate(parsed) if not ok]
        if not bad:
            continue
        header = sheet.mapping[fld]
        for position in np.flatnonzero(np.isin(codes, bad)).tolist():
            if position in sheet.rejected:
                continue
            raw = str(uniques[codes[position]])
            # a posting's own value may be quoted to help fix it; an applicant's cell never is
            quoted = {"value": raw.strip()[:60]} if SPECS[fld].level == "posting" else {}
            code = "value.bad_id" if is_id else f"value.bad_{SPECS[fld].kind}"
            log.add("warning", code, file=sheet.file, sheet=sheet.sheet, row=sheet.row_number(position),
                    column=header, **quoted)
            if is_id:
                bad_ids.add(position)
    return out, bad_ids


def load(
    applicant_paths: Sequence[Path],
    shortlist_paths: Sequence[Path] = (),
    *,
    columns: ColumnMap,
    on_file: Callable[[Path], None] | None = None,
    side_files: Iterable[Path] = (),
) -> Dataset:
    """Read every file, join rows into postings, and return them with the row accounting.

    Raises ``InputError`` with every fatal problem found (not only the first).
    """
    log = ProblemLog()
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
            digest, raw_sheets = read_sheets(path, columns, log)
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
    if fatal:
        raise InputError("input", fatal)

    records: dict[tuple[str, str], _Record] = {}
    posting_values: dict[str, dict[Field, Any]] = {}
    conflicts: set[tuple[str, Field]] = set()
    shortlist_rows: list[tuple[RawSheet, SheetInfo, int, tuple[str, str], dict[Field, Any]]] = []
    applicant_fields: set[Field] = set()
    has_shortlist = False

    # applicant rows first, so that shortlist rows in any file order find their applicant
    ordered = sorted(sheets, key=lambda pair: pair[1].role == "shortlist")
    for raw, info in ordered:
        typed, bad_ids = _coerce(raw, log)
        if info.role != "shortlist":
            applicant_fields |= set(raw.mapping) & set(APPLICANT_FIELDS)
        if info.role != "applicants":
            has_shortlist = True
        names = list(typed)
        at_posting, at_applicant = names.index(Field.posting_id), names.index(Field.applicant_id)
        applicant_cells = _Cells(names, APPLICANT_FIELDS)
        shortlist_cells = _Cells(names, SHORTLIST_FIELDS)
        posting_cells = _Cells(names, POSTING_FIELDS)
        last_posting: tuple[Any, ...] | None = None
        empty_rows: list[int] = []
        for position, row in enumerate(zip(*typed.values(), strict=True)):
            row_number = raw.row_number(position)
            posting_id, applicant_id = row[at_posting], row[at_applicant]
            if position in raw.rejected or position in bad_ids:
                if position in raw.rejected:
                    log.add_problem(raw.rejected[position])
                info.rows_set_aside += 1
                continue
            if all(v is None for v in row):
                empty_rows.append(row_number)
                info.rows_set_aside += 1
                continue
            if posting_id is None or applicant_id is None:
                missing = raw.mapping[Field.posting_id if posting_id is None else Field.applicant_id]
                log.add("warning", "row.missing_id", file=raw.file, sheet=raw.sheet, row=row_number,
                        column=missing)
                info.rows_set_aside += 1
                continue
            # rows of one posting usually follow each other with the same posting cells: merge once
            posting_key = (posting_id, posting_cells.values(row))
            if posting_key != last_posting:
                _merge_posting(posting_values, conflicts, posting_id, posting_cells.by_field(row), raw,
                               row_number, log)
                last_posting = posting_key
            key = (posting_id, applicant_id)
            if info.role == "shortlist":
                shortlist_rows.append((raw, info, position, key, shortlist_cells.by_field(row)))
                continue
            record = records.get(key)
            if record is not None and record.source is not None:
                file, sheet, first_row = record.source
                log.add("warning", "row.duplicate_applicant", file=raw.file, sheet=raw.sheet, row=row_number,
                        column=raw.mapping[Field.applicant_id], posting=posting_id, applicant=applicant_id,
                        first=f"{file} {sheet or ''} {first_row}".replace("  ", " "))
                info.rows_set_aside += 1
                continue
            record = records.setdefault(key, _Record())
            record.values.update(applicant_cells.by_field(row))
            record.source = (raw.file, raw.sheet, row_number)
            if info.role == "combined":
                _add_shortlist(record, shortlist_cells.by_field(row), raw, row_number, False)
            info.rows_used += 1
        if empty_rows:
            log.add("warning", "row.empty", file=raw.file, sheet=raw.sheet, row=empty_rows[0],
                    count=len(empty_rows))

    near: dict[tuple[str, str], str] | None = None  # built at the first shortlist row without its applicant
    for raw, info, position, key, values in shortlist_rows:
        row_number = raw.row_number(position)
        record = records.get(key)
        if record is None:
            near = near if near is not None else _near_index(records)
            fatal.append(_unknown(key, near, raw, row_number))
            info.rows_set_aside += 1
            continue
        if record.on_shortlist and record.shortlist_source is not None:
            file, sheet, first_row = record.shortlist_source
            log.add("warning", "row.duplicate_shortlist", file=raw.file, sheet=raw.sheet, row=row_number,
                    column=raw.mapping[Field.applicant_id], posting=key[0], applicant=key[1],
                    first=f"{file} {sheet or ''} {first_row}".replace("  ", " "))
            info.rows_set_aside += 1
            continue
        _add_shortlist(record, values, raw, row_number, True)
        info.rows_used += 1
    if fatal:
        raise InputError("input", [*fatal, *(p for p in log.finish() if p.level == "error")])

    postings = _build_postings(records, posting_values, has_shortlist)
    return Dataset(postings, [info for _, info in sheets], log.finish(), frozenset(applicant_fields), has_shortlist)


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


def _merge_posting(store: dict[str, dict[Field, Any]], warned: set[tuple[str, Field]], posting_id: str,
                   values: dict[Field, Any], raw: RawSheet, row_number: int, log: ProblemLog) -> None:
    known = store.setdefault(posting_id, {})
    for fld in POSTING_FIELDS:
        value = values.get(fld)
        if value is None:
            continue
        previous = known.get(fld)
        if previous is None:
            known[fld] = value
        elif previous != value and (posting_id, fld) not in warned:
            warned.add((posting_id, fld))
            log.add("warning", "posting.conflict", file=raw.file, sheet=raw.sheet, row=row_number,
                    column=raw.mapping[fld], posting=posting_id, kept=str(previous), other=str(value))


def _add_shortlist(record: _Record, values: dict[Field, Any], raw: RawSheet, row_number: int,
                   presence_means_invited: bool) -> None:
    """Shortlist columns onto the record. On a shortlist without an invited column, presence means invited."""
    record.values.update(values)
    if presence_means_invited and Field.invited not in raw.mapping:
        record.values[Field.invited] = True
    record.on_shortlist = True
    record.shortlist_source = (raw.file, raw.sheet, row_number)


def _build_postings(records: dict[tuple[str, str], _Record], posting_values: dict[str, dict[Field, Any]],
                    has_shortlist: bool) -> list[Posting]:
    by_posting: dict[str, list[Applicant]] = {}
    for (posting_id, applicant_id), record in records.items():
        values = record.values
        if has_shortlist and values.get(Field.invited) is None:
            values[Field.invited] = False  # not on any shortlist, or a blank invited cell: not invited
        # the applicant and shortlist fields are named as Applicant's attributes (Field is a str enum)
        by_posting.setdefault(posting_id, []).append(Applicant(applicant_id, **values))
    postings: list[Posting] = []
    for posting_id in sorted(by_posting):
        meta = posting_values.get(posting_id, {})
        postings.append(Posting(
            posting_id=posting_id,
            title=meta.get(Field.posting_title),
            unit=meta.get(Field.unit),
            deadline=meta.get(Field.deadline),
            posting_type=meta.get(Field.posting_type) or PostingType.external,
            reserved_for=meta.get(Field.reserved_for),
            underrepresented_gender=meta.get(Field.underrepresented_gender),
            applicants=tuple(sorted(by_posting[posting_id], key=lambda a: a.applicant_id)),
            has_shortlist=has_shortlist,
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
        typed, bad_ids = _coerce(raw, log)
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

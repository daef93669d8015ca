"""A corpus of malformed and awkward exports, each with the behaviour decided for it stated by hand.

Every case goes through the command line (``rekruttering check ... --rules oslo --format json``; Oslo's
interview rule has no dates, so a posting's finding does not hang on its deadline) and ends in one
of two ways, never in a traceback:

* exit 2 with one message on stderr, naming file, sheet, row and column where they apply; or
* a report (exit 0 with ``--no-fail``) whose warnings name where each problem is, and whose inputs
  count, per sheet, the rows read, used and set aside, which add up.

The files are made inside each test (tmp_path); an old .xls is written by hand as BIFF8 in an OLE2
compound file, so that no extra library is needed.
"""

from __future__ import annotations

import json
import os
import random
import struct
import subprocess
import sys
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from typer.testing import CliRunner

from rekruttering.read import filetypes
from rekruttering.read import sheet as sheet_model
from rekruttering.read.columns import load_column_map
from rekruttering.read.csv import read_csv

from conftest import ROOT, rewrite_member, run, write_csv, write_xlsx

HEADER = ["Stillings-ID", "Søker-ID", "Kvalifisert", "Innvandrerbakgrunn"]
ROWS = [["P-1", "S-1", "Ja", "Ja"], ["P-1", "S-2", "Ja", "Nei"]]
SHORT_HEADER = ["Stillings-ID", "Søker-ID", "Innkalt til intervju"]
SHORT = [["P-1", "S-1", "Ja"]]

Files = tuple[list[Path], list[Path]]  # applicant files, shortlist files
Warned = tuple[str, str | None, int | None, str | None, str]  # file name, sheet, row, column, code


# ---------------------------------------------------------------------------------------------
# Making files


def shortlist(d: Path, rows: list[list[Any]] | None = None, name: str = "intervju.csv") -> Path:
    return write_csv(d / name, [SHORT_HEADER, *(SHORT if rows is None else rows)])


def with_shortlist(applicants: Path) -> Files:
    return [applicants], [shortlist(applicants.parent)]


def book(path: Path, sheets: dict[str, list[list[Any]]], hidden: tuple[str, ...] = ()) -> Path:
    """An xlsx with the given sheets (first one first), some of them hidden."""
    workbook = openpyxl.Workbook()
    first = workbook.active
    assert first is not None
    workbook.remove(first)
    for name, rows in sheets.items():
        sheet = workbook.create_sheet(name)
        for row in rows:
            sheet.append(row)
        if name in hidden:
            sheet.sheet_state = "hidden"
    workbook.save(path)
    return path


def _record(kind: int, body: bytes) -> bytes:
    return struct.pack("<HH", kind, len(body)) + body


def biff8(rows: list[list[Any]], sheet: str) -> bytes:
    """A BIFF8 workbook stream with one sheet of text (LABEL) and number (NUMBER) cells."""
    def bof(kind: int) -> bytes:
        return _record(0x0809, struct.pack("<HHHHII", 0x0600, kind, 0x0DBB, 0x07CC, 0, 6))

    def workbook_globals(offset: int) -> bytes:
        boundsheet = struct.pack("<IBBBB", offset, 0, 0, len(sheet), 1) + sheet.encode("utf-16-le")
        return bof(0x0005) + _record(0x0042, struct.pack("<H", 1200)) + _record(0x0085, boundsheet) \
            + _record(0x000A, b"")

    cells = b""
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            if isinstance(value, int | float):
                cells += _record(0x0203, struct.pack("<HHHd", r, c, 0, float(value)))
            elif value:
                cells += _record(0x0204, struct.pack("<HHHHB", r, c, 0, len(value), 1) + value.encode("utf-16-le"))
    dimensions = _record(0x0200, struct.pack("<IIHHH", 0, len(rows), 0, max(map(len, rows)), 0))
    body = bof(0x0010) + dimensions + cells + _record(0x000A, b"")
    return workbook_globals(len(workbook_globals(0))) + body


def compound_file(streams: dict[str, bytes]) -> bytes:
    """An OLE2 compound file (version 3, 512-byte sectors) holding up to three streams of at least 4 KiB."""
    sector, end, free, nostream = 512, 0xFFFFFFFE, 0xFFFFFFFF, 0xFFFFFFFF
    fat, data, entries = [0xFFFFFFFD, end], b"", []
    for name, content in streams.items():
        content = content.ljust(max(4096, len(content)), b"\0")
        content += b"\0" * (-len(content) % sector)
        start, count = 2 + len(data) // sector, len(content) // sector
        fat += [start + i + 1 for i in range(count - 1)] + [end]
        entries.append((name, start, len(content)))
        data += content
    assert len(fat) <= 128 and len(entries) <= 3

    def entry(name: str, kind: int, child: int, start: int, size: int, right: int) -> bytes:
        raw = name.encode("utf-16-le") + b"\0\0"
        return raw.ljust(64, b"\0") + struct.pack("<HBBIII", len(raw), kind, 1, nostream, right, child) \
            + b"\0" * 36 + struct.pack("<IQ", start, size)

    directory = entry("Root Entry", 5, 1, end, 0, nostream)
    for i, (name, start, size) in enumerate(entries):
        directory += entry(name, 2, nostream, start, size, i + 2 if i + 1 < len(entries) else nostream)
    header = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 16 + struct.pack("<HHHHH", 0x3E, 3, 0xFFFE, 9, 6) \
        + b"\0" * 6 + struct.pack("<IIIIIIIII", 0, 1, 1, 0, 4096, end, 0, end, 0) \
        + struct.pack("<109I", 0, *[free] * 108)
    return header + struct.pack("<128I", *fat, *[free] * (128 - len(fat))) + directory.ljust(sector, b"\0") + data


def zip_bomb(path: Path, mib: int) -> Path:
    """A valid xlsx plus one member of ``mib`` MiB of zeros, streamed: about 1 MB on disk."""
    valid = book(path.with_name("valid.xlsx"), {"Søkere": [HEADER, *ROWS]})
    with zipfile.ZipFile(valid) as source, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            target.writestr(info, source.read(info))
        with target.open("xl/media/image1.bin", "w", force_zip64=True) as member:
            chunk = bytes(filetypes.MIB)
            for _ in range(mib):
                member.write(chunk)
    return path


def overlapping_zip(path: Path, copies: int) -> Path:
    """A zip whose central directory lists one incompressible member ``copies`` times (all at offset 0)."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_STORED) as target:
        target.writestr("xl/workbook.xml", random.Random(7).randbytes(64 * 1024))
    raw = path.read_bytes()
    end = raw.rindex(b"PK\x05\x06")
    size, offset = struct.unpack("<II", raw[end + 12:end + 20])
    central = raw[offset:offset + size]
    tail = struct.pack("<4sHHHHII", b"PK\x05\x06", 0, 0, copies, copies, size * copies, offset) + b"\0\0"
    path.write_bytes(raw[:offset] + central * copies + tail)
    return path


def encrypted_member_zip(path: Path) -> Path:
    """An xlsx whose zip says its members are encrypted (a zip password, not Office's)."""
    book(path, {"Søkere": [HEADER, *ROWS]})
    raw = bytearray(path.read_bytes())
    at = raw.find(b"PK\x01\x02")
    while at != -1:
        raw[at + 8] |= 0x1  # general purpose flag, bit 0: encrypted
        at = raw.find(b"PK\x01\x02", at + 4)
    path.write_bytes(bytes(raw))
    return path


# ---------------------------------------------------------------------------------------------
# The cases


def _empty_csv(d: Path) -> Files:
    (d / "soekere.csv").write_bytes(b"")
    return with_shortlist(d / "soekere.csv")


def _empty_xlsx(d: Path) -> Files:
    (d / "soekere.xlsx").write_bytes(b"")
    return with_shortlist(d / "soekere.xlsx")


def _empty_workbook(d: Path) -> Files:
    return with_shortlist(book(d / "soekere.xlsx", {"Ark1": []}))


def _header_only(d: Path) -> Files:
    return [write_csv(d / "soekere.csv", [HEADER])], [shortlist(d, [])]


def _title_rows_xlsx(d: Path) -> Files:
    rows = [HEADER, *ROWS, ["P-1", "S-3", "kanskje", "Ja"]]
    return with_shortlist(write_xlsx(d / "soekere.xlsx", rows, sheet="Søkere",
                                     above=[["Søkerliste – eksport"], ["Skrevet ut 01.03.2025"], []]))


def _title_rows_csv(d: Path) -> Files:
    return with_shortlist(write_csv(d / "soekere.csv", [["Søkerliste fra rekrutteringssystemet"], [],
                                                        HEADER, *ROWS, ["P-1", "S-3", "ja?", "Ja"]]))


def _same_header_twice(d: Path) -> Files:
    return with_shortlist(write_csv(d / "soekere.csv", [[*HEADER, "Søker-ID"], ["P-1", "S-1", "Ja", "Ja", "S-1"]]))


def _unmapped_header_twice(d: Path) -> Files:
    return with_shortlist(write_csv(d / "soekere.csv", [[*HEADER, "Navn", "Navn"],
                                                        *[[*r, "Kari", "Nordmann"] for r in ROWS]]))


def _two_headers_one_field(d: Path) -> Files:
    rows = [[*HEADER, "Innvandrerbakgrunn (egenerklært)"], ["P-1", "S-1", "Ja", "Ja", "Nei"]]
    return with_shortlist(write_xlsx(d / "soekere.xlsx", rows, sheet="Søkere"))


def _required_column_missing(d: Path) -> Files:
    return with_shortlist(write_csv(d / "soekere.csv", [HEADER[:3], ["P-1", "S-1", "Ja"]]))


def _id_column_missing(d: Path) -> Files:
    rows = [["Stillings-ID", "Navn", "Kvalifisert"], ["P-1", "Kari", "Ja"]]
    return with_shortlist(write_csv(d / "soekere.csv", rows))


def _unknown_yesno(d: Path) -> Files:
    return with_shortlist(write_csv(d / "soekere.csv", [HEADER, ["P-1", "S-1", "kanskje", "Ja"],
                                                        ["P-1", "S-2", "Ja", "vet ikke helt"]]))


def _impossible_dates(d: Path) -> Files:
    rows = [["Stillings-ID", "Søknadsfrist", "Søker-ID", "Kvalifisert", "Innvandrerbakgrunn"],
            ["P-1", "31.02.2025", "S-1", "Ja", "Ja"], ["P-2", "2025-13-01", "S-1", "Ja", "Ja"]]
    return [write_csv(d / "soekere.csv", rows)], [shortlist(d, [["P-1", "S-1", "Ja"], ["P-2", "S-1", "Ja"]])]


def _duplicate_applicant(d: Path) -> Files:
    return with_shortlist(write_csv(d / "soekere.csv", [HEADER, *ROWS, ["P-1", "S-1", "Nei", "Nei"]]))


def _unknown_applicant(d: Path) -> Files:
    return [write_csv(d / "soekere.csv", [HEADER, *ROWS])], [shortlist(d, [["P-1", "S-9", "Ja"]])]


def _unknown_posting(d: Path) -> Files:
    return [write_csv(d / "soekere.csv", [HEADER, *ROWS])], [shortlist(d, [["P-1", "S-1", "Ja"], ["P-9", "S-1", "Ja"]])]


def _two_postings(d: Path) -> Files:
    rows = [HEADER, ["P-1", "S-1", "Ja", "Ja"], ["P-2", "S-1", "Ja", "Ja"]]
    return [write_csv(d / "soekere.csv", rows)], [shortlist(d, [["P-1", "S-1", "Ja"], ["P-2", "S-1", "Nei"]])]


def _twice_on_shortlist(d: Path) -> Files:
    twice = [["P-1", "S-1", "Ja"], ["P-1", "S-1", "Nei"]]
    return [write_csv(d / "soekere.csv", [HEADER, *ROWS])], [shortlist(d, twice)]


def _several_sheets(d: Path) -> Files:
    return [book(d / "eksport.xlsx", {"Info": [["Eksportert fra rekrutteringssystemet"]],
                                      "Søkere": [HEADER, *ROWS],
                                      "Intervju": [SHORT_HEADER, *SHORT]})], []


def _hidden_sheet(d: Path) -> Files:
    return with_shortlist(book(d / "soekere.xlsx", {"Søkere": [HEADER, *ROWS],
                                                    "Gammel": [HEADER, ["P-1", "S-1", "Nei", "Nei"]]},
                               hidden=("Gammel",)))


def _only_hidden_data(d: Path) -> Files:
    return with_shortlist(book(d / "soekere.xlsx", {"Forside": [["Søkerliste"]], "Gammel": [HEADER, *ROWS]},
                               hidden=("Gammel",)))


def _only_unrelated_sheets(d: Path) -> Files:
    return with_shortlist(book(d / "soekere.xlsx", {"Notater": [["Husk å sende ut innkallinger"]],
                                                    "Budsjett": [["Post", "Beløp"], ["Annonse", 4000]]}))


def _formulas_without_value(d: Path) -> Files:
    rows = [HEADER, ["P-1", "S-1", "=1=1", "Ja"], ["P-1", "S-2", "Ja", '=IF(TRUE,"Ja","Nei")']]
    return with_shortlist(book(d / "soekere.xlsx", {"Søkere": rows}))


def _formula_with_cached_value(d: Path) -> Files:
    path = book(d / "soekere.xlsx", {"Søkere": [HEADER, ["P-1", "S-1", "Ja", '=IF(TRUE,"Ja","Nei")'],
                                                ["P-1", "S-2", "Ja", "Nei"]]})
    # what Excel writes once it has computed the formula: the result beside it
    rewrite_member(path, "xl/worksheets/sheet1.xml",
                   lambda xml: xml.replace(b'<c r="D2"><f>', b'<c r="D2" t="str"><f>').replace(b"<v />", b"<v>Ja</v>"))
    return with_shortlist(path)


def _error_cells(d: Path) -> Files:
    return with_shortlist(book(d / "soekere.xlsx", {"Søkere": [HEADER, ["P-1", "S-1", "Ja", "#N/A"],
                                                               ["P-1", "S-2", "#DIV/0!", "Nei"]]}))


def _merged_posting_id(d: Path) -> Files:
    path = book(d / "soekere.xlsx", {"Søkere": [HEADER, ["P-1", "S-1", "Ja", "Ja"], [None, "S-2", "Ja", "Nei"],
                                                [None, "S-3", "Ja", "Nei"]]})
    workbook = openpyxl.load_workbook(path)
    workbook["Søkere"].merge_cells("A2:A4")
    workbook.save(path)
    return with_shortlist(path)


def _merged_declaration(d: Path) -> Files:
    path = book(d / "soekere.xlsx", {"Søkere": [HEADER, ["P-1", "S-1", "Ja", "Ja"], ["P-1", "S-2", "Ja", None]]})
    workbook = openpyxl.load_workbook(path)
    workbook["Søkere"].merge_cells("D2:D3")
    workbook.save(path)
    return with_shortlist(path)


def _data_away_from_a1(d: Path) -> Files:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = "Søkere"
    sheet["C3"] = "Eksport"
    for r, row in enumerate([HEADER, ["P-1", "S-1", "Ja", "Ja"], [None, "S-2", "=1+1", "Nei"]], start=5):
        for c, value in enumerate(row, start=3):
            sheet.cell(row=r, column=c, value=value)
    sheet.merge_cells("C6:C7")
    workbook.save(d / "soekere.xlsx")
    return with_shortlist(d / "soekere.xlsx")


def _password_xlsx(d: Path) -> Files:
    path = d / "soekere.xlsx"
    path.write_bytes(compound_file({"EncryptionInfo": b"\x04\x00\x04\x00\x40\x00\x00\x00",
                                    "EncryptedPackage": random.Random(3).randbytes(6000)}))
    return with_shortlist(path)


def _zip_password(d: Path) -> Files:
    return with_shortlist(encrypted_member_zip(d / "soekere.xlsx"))


def _random_bytes(d: Path) -> Files:
    (d / "soekere.xlsx").write_bytes(random.Random(1).randbytes(4096))
    return with_shortlist(d / "soekere.xlsx")


def _truncated_zip(d: Path) -> Files:
    path = book(d / "soekere.xlsx", {"Søkere": [HEADER, *ROWS]})
    path.write_bytes(path.read_bytes()[:2000])
    return with_shortlist(path)


def _zip_without_workbook(d: Path) -> Files:
    with zipfile.ZipFile(d / "soekere.xlsx", "w") as archive:
        archive.writestr("word/document.xml", "<w:document/>")
    return with_shortlist(d / "soekere.xlsx")


def _real_xls(d: Path) -> Files:
    path = d / "soekere.xls"
    path.write_bytes(compound_file({"Workbook": biff8([HEADER, ["P-1", 12345, "Ja", "Ja"],
                                                      ["P-1", "S-2", "Ja", "Nei"]], "Søkere")}))
    return [path], [shortlist(d, [["P-1", "12345", "Ja"]])]


def _html_named_xls(d: Path) -> Files:
    (d / "soekere.xls").write_text("<html><body><table><tr><td>Stillings-ID</td><td>Søker-ID</td></tr>"
                                   "</table></body></html>", encoding="utf-8")
    return with_shortlist(d / "soekere.xls")


def _text_named_xls(d: Path) -> Files:
    return with_shortlist(write_csv(d / "soekere.xls", [HEADER, *ROWS], sep="\t"))


def _xml2003_named_xls(d: Path) -> Files:
    (d / "soekere.xls").write_text('<?xml version="1.0"?>\n<Workbook xmlns="urn:schemas-microsoft-com:office:'
                                   'spreadsheet"><Worksheet ss:Name="Ark1"/></Workbook>', encoding="utf-8")
    return with_shortlist(d / "soekere.xls")


def _xlsx_named_csv(d: Path) -> Files:
    book(d / "soekere.xlsx", {"Søkere": [HEADER, *ROWS]}).rename(d / "soekere.csv")
    return with_shortlist(d / "soekere.csv")


def _zip_bomb(d: Path) -> Files:
    return with_shortlist(zip_bomb(d / "soekere.xlsx", 320))


def _overlapping_zip(d: Path) -> Files:
    return with_shortlist(overlapping_zip(d / "soekere.xlsx", 40))


def _encoded(d: Path, data: bytes, name: str = "soekere.csv") -> Files:
    (d / name).write_bytes(data)
    return with_shortlist(d / name)


CSV_TEXT = "\n".join(";".join(row) for row in [[*HEADER, "Enhet"], *[[*r, "Økonomi"] for r in ROWS]]) + "\n"
TSV_TEXT = CSV_TEXT.replace(";", "\t")


def _nan_inf_negative(d: Path) -> Files:
    rows = [["Stillings-ID", "Søker-ID", "Innkalt til intervju", "Rangering", "Poeng"],
            ["P-1", "S-1", "Ja", "NaN", "inf"], ["P-1", "S-2", "Nei", "-1", "-5"]]
    return [write_csv(d / "soekere.csv", [HEADER, *ROWS])], [write_csv(d / "intervju.csv", rows)]


def _rank_below_one(d: Path) -> Files:
    rows = [["Stillings-ID", "Søker-ID", "Innkalt til intervju", "Rangering", "Poeng"],
            ["P-1", "S-1", "Ja", "0", "80"], ["P-1", "S-2", "Nei", "0,5", "70"]]
    return [write_csv(d / "soekere.csv", [HEADER, *ROWS])], [write_csv(d / "intervju.csv", rows)]


def _ragged_more(d: Path) -> Files:
    (d / "soekere.csv").write_text(f"{';'.join(HEADER)}\nP-1;S-1;Ja;Ja\nP-1;S-2;Ja;Nei;Oslo;Bergen\n"
                                   "P-1;S-3;Ja;Nei;;\n", encoding="utf-8")
    return with_shortlist(d / "soekere.csv")


def _ragged_fewer(d: Path) -> Files:
    (d / "soekere.csv").write_text(f"{';'.join(HEADER)}\nP-1;S-1;Ja;Ja\nP-1;S-2;Ja\n", encoding="utf-8")
    return with_shortlist(d / "soekere.csv")


def _quoted_newlines(d: Path) -> Files:
    rows = [[*HEADER, "Merknad"], ["P-1", "S-1", "Ja", "Ja", "to linjer;\nmed skilletegn"],
            ["P-1", "S-2", "Ja", "Nei", 'sitat "inni"'], ["P-1", "S-3", "kanskje", "Nei", ""]]
    return with_shortlist(write_csv(d / "soekere.csv", rows))


def _unterminated_quote(d: Path) -> Files:
    (d / "soekere.csv").write_text(f"{';'.join(HEADER)}\nP-1;S-1;Ja;Ja\nP-1;\"S-2;Ja;Nei\nP-1;S-3;Ja;Ja\n",
                                   encoding="utf-8")
    return with_shortlist(d / "soekere.csv")


def _ids_with_spaces(d: Path) -> Files:
    rows = [HEADER, ["P-1 ", " S-1\u00a0", "Ja", "Ja"], ["P-1", "S-2", "Ja", "Nei"]]
    return [write_csv(d / "soekere.csv", rows)], [shortlist(d, [[" P-1", "S-1 ", "Ja"]])]


def _ids_in_other_case(d: Path) -> Files:
    return [write_csv(d / "soekere.csv", [HEADER, *ROWS])], [shortlist(d, [["P-1", "s-1", "Ja"]])]


def _numeric_ids(d: Path) -> Files:
    applicants = book(d / "soekere.xlsx", {"Søkere": [HEADER, [2025031, 12345, "Ja", "Ja"],
                                                      [2025031, 12346.0, "Ja", "Nei"]]})
    return [applicants], [shortlist(d, [["2025031", "12345", "Ja"], ["2025031.0", "12346.0", "Nei"]])]


def _leading_zero_lost(d: Path) -> Files:
    applicants = book(d / "soekere.xlsx", {"Søkere": [HEADER, ["P-1", 1234, "Ja", "Ja"]]})
    return [applicants], [shortlist(d, [["P-1", "01234", "Ja"]])]


def _scientific_id(d: Path) -> Files:
    return with_shortlist(write_csv(d / "soekere.csv", [HEADER, *ROWS[:1], ["P-1", "1,23457E+11", "Ja", "Nei"]]))


def _ods(d: Path) -> Files:
    import pandas as pd

    path = d / "soekere.ods"
    pd.DataFrame(ROWS, columns=HEADER).to_excel(path, index=False, engine="odf", sheet_name="Søkere")
    return with_shortlist(path)


def _empty_folder(d: Path) -> Files:
    (d / "eksporter").mkdir()
    return with_shortlist(d / "eksporter")


def _missing_path(d: Path) -> Files:
    return with_shortlist(d / "finnes-ikke.xlsx")


def _unsupported(d: Path) -> Files:
    (d / "soekere.pdf").write_bytes(b"%PDF-1.7\n")
    return with_shortlist(d / "soekere.pdf")


def _blank_rows_inside(d: Path) -> Files:
    return with_shortlist(write_csv(d / "soekere.csv", [HEADER, ROWS[0], ["", "", "", ""], ROWS[1]]))


# --- values the reader does not understand: unknown, never no ---------------------------------


def _invited_by_phone(d: Path) -> Files:
    """The only qualified declared applicant's invitation reads "Ja (tlf)": invited or not is unknown."""
    return [write_csv(d / "soekere.csv", [HEADER, *ROWS])], [shortlist(d, [["P-1", "S-1", "Ja (tlf)"],
                                                                           ["P-1", "S-2", "Ja"]])]


def _unclear_invitation_that_cannot_matter(d: Path) -> Files:
    return [write_csv(d / "soekere.csv", [HEADER, *ROWS])], [shortlist(d, [["P-1", "S-1", "Ja"],
                                                                           ["P-1", "S-2", "ja?"]])]


def _unclear_declaration(d: Path) -> Files:
    rows = [HEADER, ["P-1", "S-1", "Ja", "Ja (tlf)"], ["P-1", "S-2", "Ja", "Nei"]]
    return [write_csv(d / "soekere.csv", rows)], [shortlist(d, [["P-1", "S-2", "Ja"]])]


def _unclear_declaration_that_cannot_matter(d: Path) -> Files:
    rows = [HEADER, ["P-1", "S-1", "Ja", "Ja"], ["P-1", "S-2", "Ja", "ja?"]]
    return [write_csv(d / "soekere.csv", rows)], [shortlist(d, [["P-1", "S-1", "Ja"]])]


def _unclear_qualification(d: Path) -> Files:
    rows = [HEADER, ["P-1", "S-1", "kanskje", "Ja"], ["P-1", "S-2", "Ja", "Nei"]]
    return [write_csv(d / "soekere.csv", rows)], [shortlist(d, [["P-1", "S-2", "Ja"]])]


def _unclear_withdrawal(d: Path) -> Files:
    rows = [[*HEADER, "Trukket"], ["P-1", "S-1", "Ja", "Ja", "?"], ["P-1", "S-2", "Ja", "Nei", "Nei"]]
    return [write_csv(d / "soekere.csv", rows)], [shortlist(d, [["P-1", "S-2", "Ja"]])]


RESERVED = ["Stillings-ID", "Utlysningstype", "Reservert for", "Søker-ID", "Kvalifisert", "Innvandrerbakgrunn",
            "Nedsatt funksjonsevne", "Hull i CV"]


def _reserved_invited_by_phone(d: Path) -> Files:
    """A reserved post: an applicant who declared nothing is "Ja (tlf)" invited. That is not met."""
    rows = [RESERVED, ["P-1", "reservert", "nedsatt funksjonsevne", "S-1", "Ja", "", "Ja", ""],
            ["P-1", "reservert", "nedsatt funksjonsevne", "S-2", "Ja", "", "", ""]]
    return [write_csv(d / "soekere.csv", rows)], [shortlist(d, [["P-1", "S-1", "Ja"], ["P-1", "S-2", "Ja (tlf)"]])]


def _invitation_formula_without_value(d: Path) -> Files:
    path = book(d / "intervju.xlsx", {"Intervju": [SHORT_HEADER, ["P-1", "S-1", '=IF(TRUE,"Ja","Nei")'],
                                                   ["P-1", "S-2", "Ja"]]})
    return [write_csv(d / "soekere.csv", [HEADER, *ROWS])], [path]


def _declaration_error_cell(d: Path) -> Files:
    path = book(d / "soekere.xlsx", {"Søkere": [HEADER, ["P-1", "S-1", "Ja", "#N/A"], ["P-1", "S-2", "Ja", "Nei"]]})
    return [path], [shortlist(d, [["P-1", "S-2", "Ja"]])]


def _unclear_hire_that_cannot_matter(d: Path) -> Files:
    rows = [[*SHORT_HEADER, "Ansatt"], ["P-1", "S-1", "Ja", "ja?"], ["P-1", "S-2", "Ja", "Nei"]]
    return [write_csv(d / "soekere.csv", [HEADER, *ROWS])], [write_csv(d / "intervju.csv", rows)]


# --- a file given as a shortlist is a shortlist ---------------------------------------------------


def _shortlist_with_applicant_columns(d: Path) -> Files:
    rows = [[*SHORT_HEADER, "Kvalifisert", "Kjønn"], ["P-1", "S-1", "Ja", "Ja", "kvinne"],
            ["P-1", "S-2", "Nei", "Ja", "mann"]]
    return [write_csv(d / "soekere.csv", [HEADER, *ROWS])], [write_csv(d / "intervju.csv", rows)]


def _shortlist_that_disagrees(d: Path) -> Files:
    rows = [[*SHORT_HEADER, "Kvalifisert"], ["P-1", "S-1", "Ja", "Nei"], ["P-1", "S-2", "Nei", "Ja"]]
    return [write_csv(d / "soekere.csv", [HEADER, *ROWS])], [write_csv(d / "intervju.csv", rows)]


def _combined_file(d: Path) -> Files:
    rows = [[*HEADER, "Innkalt til intervju"], ["P-1", "S-1", "Ja", "Ja", "Ja"], ["P-1", "S-2", "Ja", "Nei", "Nei"]]
    return [write_csv(d / "soekere.csv", rows)], []


# --- csv structure ------------------------------------------------------------------------------------


NAMED = ["Stillings-ID", "Søker-ID", "Navn", "Kvalifisert", "Innvandrerbakgrunn"]


def _stray_quote(d: Path) -> Files:
    """A quote at the start of a name opens a value that swallows the next five applicants."""
    lines = [";".join(NAMED), "P-1;S-1;Kari;Ja;Nei", 'P-1;S-2;"Ola;Ja;Nei',
             *[f"P-1;S-{i};Navn {i};Ja;Ja" for i in range(3, 8)], "P-1;S-8;Per;Ja;Nei"]
    (d / "soekere.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return with_shortlist(d / "soekere.csv")


def _unquoted_line_break(d: Path) -> Files:
    text = ";".join(NAMED) + "\nP-1;S-1;Kari;Ja;Ja\nP-1;S-2;Ola\nNordmann;Ja;Nei\nP-1;S-3;Per;Ja;Nei\n"
    (d / "soekere.csv").write_text(text, encoding="utf-8")
    return with_shortlist(d / "soekere.csv")


def _header_ends_with_separator(d: Path) -> Files:
    (d / "soekere.csv").write_text(";".join(HEADER) + ";\nP-1;S-1;Ja;Ja\nP-1;S-2;Ja;Nei\n", encoding="utf-8")
    return with_shortlist(d / "soekere.csv")


def _rows_end_with_separator(d: Path) -> Files:
    (d / "soekere.csv").write_text(";".join(HEADER) + "\nP-1;S-1;Ja;Ja;\nP-1;S-2;Ja;Nei;;\n", encoding="utf-8")
    return with_shortlist(d / "soekere.csv")


def _header_ends_with_separator_and_a_long_row(d: Path) -> Files:
    (d / "soekere.csv").write_text(";".join(HEADER) + ";\nP-1;S-1;Ja;Ja\nP-1;S-2;Ja;Nei;Oslo\n", encoding="utf-8")
    return with_shortlist(d / "soekere.csv")


LONG = "x" * 200_000


def _long_quoted_cell(d: Path) -> Files:
    rows = [NAMED, ["P-1", "S-1", LONG, "Ja", "Ja"], ["P-1", "S-2", 'Ola "O"', "Ja", "Nei"]]
    return with_shortlist(write_csv(d / "soekere.csv", rows))


def _long_unquoted_cell(d: Path) -> Files:
    text = ";".join(NAMED) + f"\nP-1;S-1;{LONG};Ja;Ja\nP-1;S-2;Ola;Ja;Nei\n"
    (d / "soekere.csv").write_text(text, encoding="utf-8")
    return with_shortlist(d / "soekere.csv")


def _long_cell_in_a_mapped_column(d: Path) -> Files:
    rows = [[*HEADER, "Merknad"], ["P-1", "S-1", "Ja", "Ja", '"' + LONG], ["P-1", "S-2", "Ja", LONG, ""]]
    return with_shortlist(write_csv(d / "soekere.csv", rows))


# --- dates ----------------------------------------------------------------------------------------


def _deadlines(*values: str) -> Callable[[Path], Files]:
    def make(d: Path) -> Files:
        header = ["Stillings-ID", "Søknadsfrist", "Søker-ID", "Kvalifisert", "Innvandrerbakgrunn"]
        rows = [[f"P-{i}", value, "S-1", "Ja", "Ja"] for i, value in enumerate(values, start=1)]
        short = [[f"P-{i}", "S-1", "Ja"] for i in range(1, len(values) + 1)]
        return [write_csv(d / "soekere.csv", [header, *rows])], [shortlist(d, short)]
    return make


def _bad_deadlines(*values: str) -> frozenset[Warned]:
    return warned(*[(SA, None, i, "Søknadsfrist", "value.bad_date") for i in range(2, len(values) + 2)])


# --- conflicts ----------------------------------------------------------------------------------------


def _two_shortlists_disagree(d: Path) -> Files:
    return [write_csv(d / "soekere.csv", [HEADER, *ROWS])], [
        shortlist(d, [["P-1", "S-1", "Ja"]], "runde1.csv"), shortlist(d, [["P-1", "S-1", "Nei"]], "runde2.csv")]


def _two_shortlists_agree(d: Path) -> Files:
    return [write_csv(d / "soekere.csv", [HEADER, *ROWS])], [
        shortlist(d, [["P-1", "S-1", "Ja"]], "runde1.csv"), shortlist(d, [["P-1", "S-1", "Ja"], ["P-1", "S-2", "Nei"]],
                                                                      "runde2.csv")]


def _two_posting_types(d: Path) -> Files:
    header = ["Stillings-ID", "Utlysningstype", "Søker-ID", "Kvalifisert", "Innvandrerbakgrunn"]
    rows = [header, ["P-1", "ekstern", "S-1", "Ja", "Ja"], ["P-1", "intern", "S-2", "Ja", "Nei"]]
    return [write_csv(d / "soekere.csv", rows)], [shortlist(d, [["P-1", "S-2", "Ja"]])]


def _two_deadlines(d: Path) -> Files:
    header = ["Stillings-ID", "Søknadsfrist", "Søker-ID", "Kvalifisert", "Innvandrerbakgrunn"]
    rows = [header, ["P-1", "01.03.2025", "S-1", "Ja", "Ja"], ["P-1", "15.03.2025", "S-2", "Ja", "Nei"]]
    return [write_csv(d / "soekere.csv", rows)], [shortlist(d, [["P-1", "S-1", "Ja"]])]


def _same_rows_in_two_files(d: Path) -> Files:
    return [write_csv(d / "soekere.csv", [HEADER, *ROWS]), write_csv(d / "soekere2.csv", [HEADER, ROWS[0]])], \
        [shortlist(d)]


def _a_blank_and_a_value(d: Path) -> Files:
    return [write_csv(d / "soekere.csv", [HEADER, *ROWS, ["P-1", "S-1", "", ""]])], [shortlist(d)]


# --- no silent empty run -------------------------------------------------------------------------------


def _every_id_unreadable(d: Path) -> Files:
    rows = [HEADER, ["P-1", "1,2E+11", "Ja", "Ja"], ["P-1", "1,3E+11", "Ja", "Nei"]]
    return [write_csv(d / "soekere.csv", rows)], [shortlist(d, [])]


def _every_applicant_id_missing(d: Path) -> Files:
    rows = [HEADER, ["P-1", "", "Ja", "Ja"], ["P-1", "", "Ja", "Nei"]]
    return [write_csv(d / "soekere.csv", rows)], [shortlist(d, [])]


def _only_blank_rows(d: Path) -> Files:
    return [write_csv(d / "soekere.csv", [HEADER, ["", "", "", ""], ["", "", "", ""]])], [shortlist(d, [])]



@dataclass(frozen=True)
class Case:
    """One awkward export and what the tool does with it.

    ``says``: fragments of the one message on stderr (exit 2), ``lines`` the number of problems in it.
    ``warns``: every warning of the report as (file name, sheet, row, column, code).
    ``rows``: per input sheet of the report, (read, used, set aside).
    """

    name: str
    make: Callable[[Path], Files]
    exit: int
    says: tuple[str, ...] = ()
    lines: int = 1
    warns: frozenset[Warned] = frozenset()
    rows: tuple[tuple[int, int, int], ...] = ()
    findings: dict[str, str] | None = None  # posting id -> status of the rule's finding
    rule: str = "OS01"


def warned(*items: Warned) -> frozenset[Warned]:
    return frozenset(items)


SA = "soekere.csv"
SI = "intervju.csv"
INVITED = "Innkalt til intervju"
SX = "soekere.xlsx"
OK_SHORT = (1, 1, 0)

CASES = [
    # empty and header-only files
    Case("empty csv (0 bytes)", _empty_csv, 2, ("soekere.csv: filen er tom.",)),
    Case("empty xlsx (0 bytes)", _empty_xlsx, 2, ("soekere.xlsx: filen er tom.",)),
    Case("workbook with no cell", _empty_workbook, 2, ("soekere.xlsx: arbeidsboken har ingen celler med innhold",)),
    # header only: no posting can be checked, so no report (never "no breach"); each sheet says why
    Case("header only", _header_only, 2, ("ingen stilling kan kontrolleres: 0 rader er lest",
                                          "soekere.csv, rad 1: arket har overskrifter, men ingen rader"), lines=3),
    # the header is found below title and logo rows, and row numbers stay the sheet's
    Case("title rows above the header (xlsx)", _title_rows_xlsx, 0, rows=((3, 3, 0), OK_SHORT),
         warns=warned((SX, "Søkere", 7, "Kvalifisert", "value.bad_yesno"))),
    Case("title rows above the header (csv)", _title_rows_csv, 0, rows=((3, 3, 0), OK_SHORT),
         warns=warned((SA, None, 6, "Kvalifisert", "value.bad_yesno"))),
    # headers
    Case("the same id header twice", _same_header_twice, 2,
         ("soekere.csv, rad 1, kolonne «Søker-ID»: både «Søker-ID» og «Søker-ID»", "for søker-ID")),
    Case("an unmapped header twice is fine", _unmapped_header_twice, 0, rows=((2, 2, 0), OK_SHORT)),
    Case("two headers for one field", _two_headers_one_field, 2,
         ("soekere.xlsx, ark «Søkere», rad 1, kolonne «Innvandrerbakgrunn (egenerklært)»", "for innvandrerbakgrunn")),
    Case("required column missing", _required_column_missing, 2,
         ("ingen søkerliste har kolonnen for innvandrerbakgrunn", "«Innvandrerbakgrunn»", "OS01")),
    Case("id column missing", _id_column_missing, 2,
         ("soekere.csv: fant ingen overskriftsrad med stillings-ID og søker-ID", "'Stillings-ID', 'Navn'")),
    # values
    Case("unknown yes/no values", _unknown_yesno, 0, rows=((2, 2, 0), OK_SHORT),
         warns=warned((SA, None, 2, "Kvalifisert", "value.bad_yesno"),
                      (SA, None, 3, "Innvandrerbakgrunn", "value.bad_yesno"))),
    Case("impossible dates", _impossible_dates, 0, rows=((2, 2, 0), (2, 2, 0)),
         warns=warned((SA, None, 2, "Søknadsfrist", "value.bad_date"), (SA, None, 3, "Søknadsfrist", "value.bad_date")),
         findings={"P-1": "met", "P-2": "met"}),
    Case("NaN, inf and negative rank and score", _nan_inf_negative, 0, rows=((2, 2, 0), (2, 2, 0)),
         warns=warned(*[("intervju.csv", None, row, column, code) for row in (2, 3)
                        for column, code in (("Rangering", "value.bad_rank"), ("Poeng", "value.bad_number"))])),
    Case("rank 0 and 0.5 are no places in a ranking", _rank_below_one, 0, rows=((2, 2, 0), (2, 2, 0)),
         warns=warned(*[("intervju.csv", None, row, "Rangering", "value.bad_rank") for row in (2, 3)])),
    # rows and joins
    # two rows of one application that disagree: neither wins, the rule depending on them is reviewed
    Case("duplicate applicant rows", _duplicate_applicant, 0, rows=((3, 3, 0), OK_SHORT),
         warns=warned((SA, None, 4, "Søker-ID", "row.conflict")), findings={"P-1": "review"}),
    Case("shortlist row for an unknown applicant", _unknown_applicant, 2,
         ("intervju.csv, rad 2, kolonne «Søker-ID»: søker S-9 i stilling P-1 står på kortlisten, men ikke i noen "
          "søkerliste",)),
    Case("shortlist row for an unknown posting", _unknown_posting, 2,
         ("intervju.csv, rad 3, kolonne «Søker-ID»: søker S-1 i stilling P-9 står på kortlisten",)),
    Case("the same applicant in two postings", _two_postings, 0, rows=((2, 2, 0), (2, 2, 0)),
         findings={"P-1": "met", "P-2": "breach"}),
    Case("the same applicant twice on one shortlist", _twice_on_shortlist, 0, rows=((2, 2, 0), (2, 2, 0)),
         warns=warned(("intervju.csv", None, 3, "Søker-ID", "row.conflict")), findings={"P-1": "review"}),
    Case("blank rows between rows", _blank_rows_inside, 0, rows=((3, 2, 1), OK_SHORT),
         warns=warned((SA, None, 3, None, "row.empty"))),
    # sheets
    Case("several sheets, chosen by their headers", _several_sheets, 0, rows=((2, 2, 0), OK_SHORT),
         warns=warned(("eksport.xlsx", "Info", None, None, "read.sheet_skipped_no_ids"))),
    Case("a hidden sheet is skipped and said", _hidden_sheet, 0, rows=((2, 2, 0), OK_SHORT),
         warns=warned((SX, "Gammel", None, None, "read.sheet_skipped_hidden")), findings={"P-1": "met"}),
    Case("the data only in a hidden sheet", _only_hidden_data, 2,
         ("soekere.xlsx: ingen synlige ark har både stillings-ID og søker-ID: «Forside», «Gammel»",
          "Skjulte ark leses ikke («Gammel»)")),
    Case("only unrelated sheets", _only_unrelated_sheets, 2,
         ("soekere.xlsx: ingen synlige ark har både stillings-ID og søker-ID: «Notater», «Budsjett»",)),
    # cells calamine would blank silently
    Case("formulas without a computed value", _formulas_without_value, 0, rows=((2, 2, 0), OK_SHORT),
         warns=warned((SX, "Søkere", 2, "Kvalifisert", "value.formula_no_value"),
                      (SX, "Søkere", 3, "Innvandrerbakgrunn", "value.formula_no_value")),
         findings={"P-1": "review"}),
    Case("a formula with its computed value is read", _formula_with_cached_value, 0, rows=((2, 2, 0), OK_SHORT),
         findings={"P-1": "met"}),
    Case("error cells", _error_cells, 0, rows=((2, 2, 0), OK_SHORT),
         warns=warned((SX, "Søkere", 2, "Innvandrerbakgrunn", "value.cell_error"),
                      (SX, "Søkere", 3, "Kvalifisert", "value.cell_error"))),
    # merged cells: a posting column is filled down, anything else is left blank; both are said
    Case("posting id merged down", _merged_posting_id, 0, rows=((3, 3, 0), OK_SHORT),
         warns=warned((SX, "Søkere", 2, "Stillings-ID", "read.merged_filled"))),
    Case("a declaration merged down", _merged_declaration, 0, rows=((2, 2, 0), OK_SHORT),
         warns=warned((SX, "Søkere", 3, "Innvandrerbakgrunn", "read.merged_blank"))),
    Case("data away from A1, with a merge and a formula", _data_away_from_a1, 0, rows=((2, 2, 0), OK_SHORT),
         warns=warned((SX, "Søkere", 6, "Stillings-ID", "read.merged_filled"),
                      (SX, "Søkere", 7, "Kvalifisert", "value.formula_no_value"))),
    # damaged, encrypted and disguised files
    Case("password-protected xlsx (OLE2 with EncryptedPackage)", _password_xlsx, 2,
         ("soekere.xlsx: filen er passordbeskyttet", "Lagre en kopi uten passord")),
    Case("zip with encrypted members", _zip_password, 2, ("soekere.xlsx: filen er passordbeskyttet",)),
    Case("random bytes named .xlsx", _random_bytes, 2, ("soekere.xlsx: filen kan ikke leses som regneark",)),
    Case("truncated xlsx", _truncated_zip, 2, ("soekere.xlsx: filen er skadet eller avkuttet",)),
    Case("zip without a workbook", _zip_without_workbook, 2,
         ("soekere.xlsx: filen er et zip-arkiv uten arbeidsbok",)),
    Case("an old .xls (BIFF8)", _real_xls, 0, rows=((2, 2, 0), OK_SHORT), findings={"P-1": "met"}),
    Case("a web page named .xls", _html_named_xls, 2, ("soekere.xls: filen heter .xls, men er en nettside (HTML)",)),
    Case("tab-separated text named .xls", _text_named_xls, 0, rows=((2, 2, 0), OK_SHORT),
         warns=warned(("soekere.xls", None, None, None, "read.text_named_workbook"))),
    Case("an Excel 2003 XML file named .xls", _xml2003_named_xls, 2,
         ("soekere.xls: filen er et XML-regneark fra Excel 2003",)),
    Case("an xlsx named .csv", _xlsx_named_csv, 0, rows=((2, 2, 0), OK_SHORT),
         warns=warned((SA, None, None, None, "read.workbook_named_text"))),
    Case("zip bomb (320 MiB of zeros in one member)", _zip_bomb, 2,
         ("soekere.xlsx: filen er avvist uten å pakkes ut: delen «xl/media/image1.bin» ville bli 320 MiB",
          "zip-bombe")),
    Case("zip whose entries overlap", _overlapping_zip, 2, ("soekere.xlsx: filen er avvist uten å pakkes ut",
                                                            "overlapper")),
    # encodings
    Case("UTF-8 with BOM", lambda d: _encoded(d, b"\xef\xbb\xbf" + CSV_TEXT.encode()), 0, rows=((2, 2, 0), OK_SHORT)),
    Case("UTF-16 with BOM, tab-separated", lambda d: _encoded(d, TSV_TEXT.encode("utf-16")), 0,
         rows=((2, 2, 0), OK_SHORT)),
    Case("UTF-16 without BOM", lambda d: _encoded(d, TSV_TEXT.encode("utf-16-le")), 0, rows=((2, 2, 0), OK_SHORT)),
    Case("Latin-1", lambda d: _encoded(d, CSV_TEXT.encode("latin-1")), 0, rows=((2, 2, 0), OK_SHORT)),
    Case("bytes neither UTF-8 nor Windows-1252",
         lambda d: _encoded(d, CSV_TEXT.encode("cp1252") + b"P-1;S-3;\x81\x8d;Ja\n"), 2,
         ("soekere.csv, rad 4: teksten er verken UTF-8 eller Windows-1252",)),
    Case("Shift-JIS", lambda d: _encoded(d, "求人ID;応募者ID\nＰ-1;Ｓ-1\n".encode("shift_jis")), 2,
         ("soekere.csv, rad 1: teksten er verken UTF-8 eller Windows-1252",)),
    Case("binary content named .csv", lambda d: _encoded(d, b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(64)), 2,
         ("soekere.csv: filen heter .csv, men er ikke tekst",)),
    # csv shapes
    Case("ragged rows: more fields than the header", _ragged_more, 0, rows=((3, 2, 1), OK_SHORT),
         warns=warned((SA, None, 3, None, "row.too_many_fields"))),
    Case("ragged rows: fewer fields than the header", _ragged_fewer, 0, rows=((2, 1, 1), OK_SHORT),
         warns=warned((SA, None, 3, None, "row.too_few_fields"))),
    Case("tab as separator", lambda d: _encoded(d, TSV_TEXT.encode()), 0, rows=((2, 2, 0), OK_SHORT)),
    Case("quoted fields with line breaks and separators", _quoted_newlines, 0, rows=((3, 3, 0), OK_SHORT),
         warns=warned((SA, None, 4, "Kvalifisert", "value.bad_yesno"))),
    Case("an unterminated quote", _unterminated_quote, 2,
         ("soekere.csv, rad 3: et anførselstegn på linje 3 åpner en verdi som ikke lukkes før linje 4",)),
    # ids: trimmed, then compared exactly; whole numbers join their text
    Case("ids with spaces around them", _ids_with_spaces, 0, rows=((2, 2, 0), OK_SHORT), findings={"P-1": "met"}),
    Case("ids in another case", _ids_in_other_case, 2,
         ("intervju.csv, rad 2, kolonne «Søker-ID»: søker s-1 i stilling P-1", "søkerlisten har S-1",
          "store/små bokstaver")),
    Case("numeric ids as numbers, text and floats", _numeric_ids, 0, rows=((2, 2, 0), (2, 2, 0)),
         findings={"2025031": "met"}),
    Case("a leading zero lost in Excel", _leading_zero_lost, 2,
         ("søker 01234 i stilling P-1", "søkerlisten har 1234", "innledende nuller")),
    Case("an id in scientific notation", _scientific_id, 0, rows=((2, 1, 1), OK_SHORT),
         warns=warned((SA, None, 3, "Søker-ID", "value.bad_id"))),
    # formats and paths
    Case("an ods file", _ods, 0, rows=((2, 2, 0), OK_SHORT), findings={"P-1": "met"}),
    Case("an empty folder given as the applicant file", _empty_folder, 2, ("eksporter: mappen har ingen regneark",)),
    Case("a path that does not exist", _missing_path, 2, ("finnes-ikke.xlsx: filen finnes ikke.",)),
    Case("an unsupported file type", _unsupported, 2, ("soekere.pdf: filtypen «.pdf» støttes ikke",)),
    # values the reader does not understand: unknown, so the rule says review unless they cannot matter
    Case("an invitation reading 'Ja (tlf)'", _invited_by_phone, 0, rows=((2, 2, 0), (2, 2, 0)),
         warns=warned((SI, None, 2, INVITED, "value.bad_yesno")), findings={"P-1": "review"}),
    Case("an unclear invitation that cannot change the verdict", _unclear_invitation_that_cannot_matter, 0,
         rows=((2, 2, 0), (2, 2, 0)), warns=warned((SI, None, 3, INVITED, "value.bad_yesno")),
         findings={"P-1": "met"}),
    Case("a declaration reading 'Ja (tlf)'", _unclear_declaration, 0, rows=((2, 2, 0), OK_SHORT),
         warns=warned((SA, None, 2, "Innvandrerbakgrunn", "value.bad_yesno")), findings={"P-1": "review"}),
    Case("an unclear declaration that cannot change the verdict", _unclear_declaration_that_cannot_matter, 0,
         rows=((2, 2, 0), OK_SHORT), warns=warned((SA, None, 3, "Innvandrerbakgrunn", "value.bad_yesno")),
         findings={"P-1": "met"}),
    Case("an unclear qualification", _unclear_qualification, 0, rows=((2, 2, 0), OK_SHORT),
         warns=warned((SA, None, 2, "Kvalifisert", "value.bad_yesno")), findings={"P-1": "review"}),
    Case("an unclear withdrawal", _unclear_withdrawal, 0, rows=((2, 2, 0), OK_SHORT),
         warns=warned((SA, None, 2, "Trukket", "value.bad_yesno")), findings={"P-1": "review"}),
    Case("a reserved post: an undeclared applicant invited 'Ja (tlf)'", _reserved_invited_by_phone, 0,
         rows=((2, 2, 0), (2, 2, 0)), warns=warned((SI, None, 3, INVITED, "value.bad_yesno")),
         findings={"P-1": "review"}, rule="OS02"),
    Case("an invitation formula without a value", _invitation_formula_without_value, 0, rows=((2, 2, 0), (2, 2, 0)),
         warns=warned(("intervju.xlsx", "Intervju", 2, "Innkalt til intervju", "value.formula_no_value")),
         findings={"P-1": "review"}),
    Case("an error cell as the declaration", _declaration_error_cell, 0, rows=((2, 2, 0), OK_SHORT),
         warns=warned((SX, "Søkere", 2, "Innvandrerbakgrunn", "value.cell_error")), findings={"P-1": "review"}),
    Case("an unclear hire that cannot change the interview verdict", _unclear_hire_that_cannot_matter, 0,
         rows=((2, 2, 0), (2, 2, 0)), warns=warned(("intervju.csv", None, 2, "Ansatt", "value.bad_yesno")),
         findings={"P-1": "met"}),
    # a file given with --shortlist is a shortlist, whatever else it has; its applicant columns confirm
    Case("a shortlist with qualification and gender columns", _shortlist_with_applicant_columns, 0,
         rows=((2, 2, 0), (2, 2, 0)), findings={"P-1": "met"}),
    Case("a shortlist whose qualification disagrees", _shortlist_that_disagrees, 0, rows=((2, 2, 0), (2, 2, 0)),
         warns=warned(("intervju.csv", None, 2, "Søker-ID", "row.conflict")), findings={"P-1": "review"}),
    Case("a combined file given as applicants", _combined_file, 0, rows=((2, 2, 0),), findings={"P-1": "met"}),
    # csv structure
    Case("a stray quote that would swallow five applicants", _stray_quote, 2,
         ("soekere.csv, rad 3: et anførselstegn på linje 3 åpner en verdi som ikke lukkes før linje 9",)),
    Case("an unquoted line break", _unquoted_line_break, 0, rows=((4, 2, 2), OK_SHORT),
         warns=warned((SA, None, 3, None, "row.line_break"), (SA, None, 4, None, "row.line_break"))),
    Case("the header ends with a separator", _header_ends_with_separator, 0, rows=((2, 2, 0), OK_SHORT),
         findings={"P-1": "met"}),
    Case("rows end with separators", _rows_end_with_separator, 0, rows=((2, 2, 0), OK_SHORT), findings={"P-1": "met"}),
    Case("header ends with a separator, a row has one field too many", _header_ends_with_separator_and_a_long_row, 0,
         rows=((2, 1, 1), OK_SHORT), warns=warned((SA, None, 3, None, "row.too_many_fields"))),
    Case("a quoted cell of 200,000 characters", _long_quoted_cell, 0, rows=((2, 2, 0), OK_SHORT),
         findings={"P-1": "met"}),
    Case("an unquoted cell of 200,000 characters", _long_unquoted_cell, 0, rows=((2, 2, 0), OK_SHORT),
         findings={"P-1": "met"}),
    Case("200,000 characters in a mapped column", _long_cell_in_a_mapped_column, 0, rows=((2, 2, 0), OK_SHORT),
         warns=warned((SA, None, 3, "Innvandrerbakgrunn", "value.bad_yesno")), findings={"P-1": "met"}),
    # dates: a deadline is plausible (1990 to 2100), or unknown with a warning
    Case("a bare year as deadline", _deadlines("2025"), 0, rows=((1, 1, 0), OK_SHORT), warns=_bad_deadlines("2025")),
    Case("six- and eight-digit numbers as deadlines", _deadlines("202503", "20250301"), 0,
         rows=((2, 2, 0), (2, 2, 0)), warns=_bad_deadlines("202503", "20250301")),
    Case("the first and last dates there are", _deadlines("01.01.0001", "31.12.9999"), 0, rows=((2, 2, 0), (2, 2, 0)),
         warns=_bad_deadlines("01.01.0001", "31.12.9999")),
    Case("Excel serials and ISO dates", _deadlines("45717", "2025-03-01", "2025-03-01 12:00:00"), 0,
         rows=((3, 3, 0), (3, 3, 0))),
    Case("slash dates: one warning", _deadlines("01/03/2025", "15/03/2025"), 0, rows=((2, 2, 0), (2, 2, 0)),
         warns=warned((SA, None, 2, "Søknadsfrist", "value.slash_date"))),
    Case("a slash date that only works month first", _deadlines("03/25/2025"), 0, rows=((1, 1, 0), OK_SHORT),
         warns=_bad_deadlines("03/25/2025")),
    # conflicts: neither row wins, whatever the order
    Case("two shortlists that disagree", _two_shortlists_disagree, 0, rows=((2, 2, 0), OK_SHORT, OK_SHORT),
         warns=warned(("runde2.csv", None, 2, "Søker-ID", "row.conflict")), findings={"P-1": "review"}),
    Case("two shortlists that agree", _two_shortlists_agree, 0, rows=((2, 2, 0), OK_SHORT, (2, 2, 0)),
         warns=warned(("runde2.csv", None, 2, "Søker-ID", "row.duplicate_shortlist")), findings={"P-1": "met"}),
    Case("one posting, two posting types", _two_posting_types, 0, rows=((2, 2, 0), OK_SHORT),
         warns=warned((SA, None, 3, "Utlysningstype", "posting.conflict")), findings={"P-1": "review"}),
    Case("one posting, two deadlines", _two_deadlines, 0, rows=((2, 2, 0), OK_SHORT),
         warns=warned((SA, None, 3, "Søknadsfrist", "posting.conflict")), findings={"P-1": "met"}),
    Case("the same rows in two files", _same_rows_in_two_files, 0, rows=((2, 2, 0), (1, 1, 0), OK_SHORT),
         warns=warned(("soekere2.csv", None, 2, "Søker-ID", "row.duplicate_applicant")), findings={"P-1": "met"}),
    Case("a blank and a value for one applicant", _a_blank_and_a_value, 0, rows=((3, 3, 0), OK_SHORT),
         warns=warned((SA, None, 4, "Søker-ID", "row.duplicate_applicant")), findings={"P-1": "met"}),
    # no silent empty run
    Case("every applicant id unreadable", _every_id_unreadable, 2,
         ("ingen stilling kan kontrolleres: 2 rader er lest", "soekere.csv, rad 2, kolonne «Søker-ID»"), lines=4),
    Case("every applicant id missing", _every_applicant_id_missing, 2,
         ("ingen stilling kan kontrolleres: 2 rader er lest", "raden mangler ID"), lines=4),
    Case("only blank rows below the header", _only_blank_rows, 2, ("ingen stilling kan kontrolleres: 2 rader er lest",),
         lines=3),
]


def check_json(runner: CliRunner, files: Files, *extra: str) -> tuple[int, dict[str, Any] | None, str]:
    applicants, shortlists = files
    args: list[str | Path] = ["check", *applicants]
    for path in shortlists:
        args += ["--shortlist", path]
    code, out, err = run(runner, *args, "--rules", "oslo", "--format", "json", "--no-fail", *extra)
    return code, (json.loads(out) if code == 0 else None), err


def test_the_corpus_has_at_least_a_hundred_cases() -> None:
    assert len(CASES) >= 100 and len({c.name for c in CASES}) == len(CASES)


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_awkward_export(case: Case, runner: CliRunner, tmp_path: Path) -> None:
    code, report, err = check_json(runner, case.make(tmp_path))
    assert "Traceback" not in err
    assert code == case.exit, err
    if code == 2:
        lines = err.strip().splitlines()
        assert lines[0] == "Inndata kan ikke brukes:" and lines[-1].startswith("Ingen rapport er laget")
        assert len(lines) == case.lines + 2, err
        flat = " ".join(err.split())
        for fragment in case.says:
            assert " ".join(fragment.split()) in flat, err
        return
    assert report is not None
    inputs = report["inputs"]
    for sheet in inputs:
        assert sheet["rows"] == sheet["rows_used"] + sheet["rows_set_aside"]
    assert tuple((s["rows"], s["rows_used"], s["rows_set_aside"]) for s in inputs) == case.rows
    found = {(Path(w["file"]).name if w["file"] else None, w["sheet"], w["row"], w["column"], w["code"])
             for w in report["warnings"]}
    assert found == case.warns
    if case.findings is not None:
        statuses = {p["posting_id"]: f["status"] for p in report["postings"]
                    for f in p["findings"] if f["rule"] == case.rule}
        assert statuses == case.findings


# ---------------------------------------------------------------------------------------------
# Decisions that need more than the table says


def test_several_sheets_say_which_sheet_was_taken_as_what(runner: CliRunner, tmp_path: Path) -> None:
    _, report, _ = check_json(runner, _several_sheets(tmp_path))
    assert report is not None
    assert [(s["sheet"], s["role"]) for s in report["inputs"]] == [("Søkere", "applicants"), ("Intervju", "shortlist")]


def test_merged_posting_id_is_filled_down_and_declarations_are_not(runner: CliRunner, tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    _, report, _ = check_json(runner, _merged_posting_id(tmp_path / "a"))
    assert report is not None
    [posting] = report["postings"]
    assert posting["posting_id"] == "P-1"
    assert [w["message"] for w in report["warnings"]] == [
        "sammenslått celle til og med rad 4: stillingsverdien er brukt på alle radene den dekker."]
    (tmp_path / "b").mkdir()
    _, report, _ = check_json(runner, _merged_declaration(tmp_path / "b"), "--lang", "en")
    assert report is not None
    [warning] = report["warnings"]
    assert "covered by a merged cell (down to row 3)" in warning["message"]
    # S-2's declaration stays unknown: P-1 has one declared applicant (S-1), invited
    assert report["postings"][0]["findings"][0]["status"] == "met"


def test_formula_warning_says_what_to_do_and_the_value_is_not_guessed(runner: CliRunner, tmp_path: Path) -> None:
    _, report, _ = check_json(runner, _formulas_without_value(tmp_path))
    assert report is not None
    messages = {w["message"] for w in report["warnings"]}
    assert messages == {"cellen har en formel uten beregnet verdi (filen er laget av et program, ikke lagret i Excel); "
                        "lest som ukjent. Åpne og lagre filen i Excel, eller lim inn verdiene."}


def test_error_cell_warning_names_the_error(runner: CliRunner, tmp_path: Path) -> None:
    _, report, _ = check_json(runner, _error_cells(tmp_path), "--lang", "en")
    assert report is not None
    assert sorted(w["message"] for w in report["warnings"]) == [
        "the cell holds the Excel error #DIV/0!; read as unknown.",
        "the cell holds the Excel error #N/A; read as unknown."]


def test_zip_bomb_is_refused_before_fastexcel_opens_it(runner: CliRunner, tmp_path: Path,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    import fastexcel

    files = _zip_bomb(tmp_path)
    assert files[0][0].stat().st_size < 4 * filetypes.MIB

    def never(*args: object, **kwargs: object) -> None:
        raise AssertionError("fastexcel opened a zip bomb")

    monkeypatch.setattr(fastexcel, "read_excel", never)
    code, _, err = check_json(runner, files, "--lang", "en")
    assert code == 2 and "'xl/media/image1.bin' would be 320 MiB" in err and "zip bomb" in err


def test_zip_whose_total_is_too_large_is_refused(runner: CliRunner, tmp_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(filetypes, "ZIP_MAX_TOTAL", 2 * filetypes.MIB)
    code, _, err = check_json(runner, with_shortlist(zip_bomb(tmp_path / "soekere.xlsx", 3)))
    assert code == 2 and "soekere.xlsx: filen er avvist uten å pakkes ut: innholdet ville bli 3 MiB" in err


def test_a_large_but_ordinary_member_is_not_a_bomb(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The ratio limit applies to large members only: a small, very compressible sheet is fine."""
    monkeypatch.setattr(filetypes, "ZIP_MAX_MEMBER", 4 * filetypes.MIB)
    path = zip_bomb(tmp_path / "soekere.xlsx", 3)  # 3 MiB of zeros: ratio about 1000, but small
    archive = filetypes.check_zip(path.read_bytes(), str(path))
    assert "xl/media/image1.bin" in archive.namelist()


def test_more_rows_than_excel_allows_is_said_but_read(runner: CliRunner, tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sheet_model, "EXCEL_MAX_ROWS", 3)
    rows = [HEADER, *[["P-1", f"S-{i}", "Ja", "Nei"] for i in range(1, 6)]]
    code, report, _ = check_json(runner, with_shortlist(write_csv(tmp_path / "soekere.csv", rows)), "--lang", "en")
    assert code == 0 and report is not None
    assert report["inputs"][0]["rows"] == 5 == report["inputs"][0]["rows_used"]
    [warning] = report["warnings"]
    assert (warning["code"], warning["row"]) == ("read.beyond_excel_rows", 4)
    assert "the file has 6 rows, more than Excel allows (3); all were read, but was this file joined from several" \
        in warning["message"]


def test_a_sheet_ending_on_excels_last_row_may_have_been_cut(runner: CliRunner, tmp_path: Path,
                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sheet_model, "EXCEL_MAX_ROWS", 3)
    code, report, _ = check_json(runner, with_shortlist(book(tmp_path / "soekere.xlsx", {"Søkere": [HEADER, *ROWS]})))
    assert code == 0 and report is not None
    [warning] = report["warnings"]
    assert (warning["code"], warning["sheet"], warning["row"]) == ("read.excel_row_limit", "Søkere", 3)
    assert "eksporten kan være kuttet" in warning["message"]


def test_a_real_csv_beyond_excels_rows_is_read_whole(tmp_path: Path) -> None:
    """1,100,000 short lines, written with one call; only the reader runs, which takes a few seconds."""
    count = 1_100_000
    path = tmp_path / "stor.csv"
    path.write_text("Stillings-ID;Søker-ID\n" + "P-1;S\n" * count, encoding="utf-8")
    sheet = read_csv(path, str(path), path.read_bytes(), load_column_map())
    assert len(sheet.data) == count
    [note] = sheet.notes
    assert (note.code, note.row, dict(note.params)["rows"]) == ("read.beyond_excel_rows", 1_048_577, str(count + 1))


def test_ragged_row_warning_says_how_many_fields(runner: CliRunner, tmp_path: Path) -> None:
    _, report, _ = check_json(runner, _ragged_more(tmp_path), "--lang", "en")
    assert report is not None
    [warning] = report["warnings"]
    assert warning["message"].startswith("the row has 6 fields, the header 4")


def test_latin1_text_is_read_right(runner: CliRunner, tmp_path: Path) -> None:
    _, report, _ = check_json(runner, _encoded(tmp_path, CSV_TEXT.encode("latin-1")))
    assert report is not None and report["postings"][0]["unit"] == "Økonomi"


def test_a_date_warning_quotes_the_postings_own_value(runner: CliRunner, tmp_path: Path) -> None:
    _, report, _ = check_json(runner, _impossible_dates(tmp_path))
    assert report is not None
    assert sorted(w["message"][:14] for w in report["warnings"]) == ["«2025-13-01» e", "«31.02.2025» e"]


def test_a_directory_as_justifications_file_is_said(runner: CliRunner, tmp_path: Path) -> None:
    (tmp_path / "begrunnelser").mkdir()
    code, _, err = check_json(runner, _two_postings(tmp_path), "--justifications", str(tmp_path / "begrunnelser"))
    assert code == 2 and "begrunnelser: dette er en mappe, ikke en fil." in err


def test_a_zip_bomb_as_justifications_file_is_refused_too(runner: CliRunner, tmp_path: Path,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(filetypes, "ZIP_MAX_TOTAL", 2 * filetypes.MIB)
    bomb = zip_bomb(tmp_path / "begrunnelser.xlsx", 3)
    code, _, err = check_json(runner, _two_postings(tmp_path), "--justifications", str(bomb))
    assert code == 2 and "begrunnelser.xlsx: filen er avvist uten å pakkes ut" in err


def test_inspect_names_the_problem_of_a_password_protected_file(runner: CliRunner, tmp_path: Path) -> None:
    [path], _ = _password_xlsx(tmp_path)
    code, out, _ = run(runner, "inspect", path)
    assert code == 2 and "passordbeskyttet" in out


def test_a_numeric_posting_id_joins_its_text_and_float_forms(runner: CliRunner, tmp_path: Path) -> None:
    _, report, _ = check_json(runner, _numeric_ids(tmp_path))
    assert report is not None
    assert [p["posting_id"] for p in report["postings"]] == ["2025031"]


# ---------------------------------------------------------------------------------------------
# The real command, in a process of its own: no traceback on stderr


@pytest.mark.parametrize(("make", "exit_code"), [
    (_empty_csv, 2), (_random_bytes, 2), (_password_xlsx, 2), (_truncated_zip, 2), (_missing_path, 2),
    (_ragged_more, 0), (_formulas_without_value, 0),
], ids=["empty", "random", "password", "truncated", "missing", "ragged", "formulas"])
def test_the_installed_command_never_shows_a_traceback(make: Callable[[Path], Files], exit_code: int,
                                                       tmp_path: Path) -> None:
    applicants, shortlists = make(tmp_path)
    args = [sys.executable, "-m", "rekruttering", "check", *map(str, applicants), "--rules", "oslo",
            "--format", "json", "--no-fail"]
    for path in shortlists:
        args += ["--shortlist", str(path)]
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    result = subprocess.run(args, capture_output=True, text=True, env=env, timeout=120, check=False)
    assert "Traceback" not in result.stderr
    assert result.returncode == exit_code, result.stderr
    if exit_code == 2:
        assert result.stderr.startswith("Inndata kan ikke brukes:") and result.stdout == ""
    else:
        inputs = json.loads(result.stdout)["inputs"]
        assert all(s["rows"] == s["rows_used"] + s["rows_set_aside"] for s in inputs)

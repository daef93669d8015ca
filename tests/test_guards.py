"""Input guards: what a hostile or broken file must not do to the process.

Each case is a small file made here that, unguarded, would eat memory (a zip whose directory lies
about its sizes, a value in the sheet's last cell, an OpenDocument row repeated a million times),
hang (a key file that never ends, a sheet scan that backtracks) or lose a warning (namespaced or
single-quoted sheet XML, OpenDocument formulas and merged cells). Where a failure would kill the
process rather than raise, the real command runs in a process of its own.
"""

from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import sys
import time
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from typer.testing import CliRunner

from conftest import ROOT, rewrite_member, run, write_csv, write_xlsx

HEADER = ["Stillings-ID", "Søker-ID", "Kvalifisert", "Innvandrerbakgrunn"]
ROWS = [["P-1", "S-1", "Ja", "Ja"], ["P-1", "S-2", "Ja", "Nei"]]
SHORT_HEADER = ["Stillings-ID", "Søker-ID", "Innkalt til intervju"]
ENV = {**os.environ, "PYTHONPATH": str(ROOT)}


def command(*args: str | Path, cwd: Path | None = None, env: dict[str, str] | None = None,
            timeout: float = 120) -> subprocess.CompletedProcess[str]:
    """The installed command in a process of its own, so that an abort or a hang is seen as one."""
    return subprocess.run([sys.executable, "-m", "rekruttering", *map(str, args)], capture_output=True, text=True,
                          env=env or ENV, cwd=cwd, timeout=timeout, check=False)


def shortlist(d: Path) -> Path:
    return write_csv(d / "intervju.csv", [SHORT_HEADER, ["P-1", "S-1", "Ja"]])


# ---------------------------------------------------------------------------------------------
# The pseudonym key file


@pytest.mark.parametrize(("content", "expected"), [
    (None, "er ikke en vanlig fil"),
    (b"x" * 5000, "lengre enn 4096 byte"),
    (b"   \n\t  \n", "består bare av mellomrom"),
], ids=["dev-zero", "too-long", "blank"])
def test_a_key_file_that_is_no_key_is_refused_at_once(tmp_path: Path, content: bytes | None, expected: str) -> None:
    applicants = write_csv(tmp_path / "soekere.csv", [HEADER, *ROWS])
    key = Path("/dev/zero") if content is None else tmp_path / "nokkel.txt"
    if content is not None:
        key.write_bytes(content)
    (tmp_path / "rekruttering.toml").write_text(f'pseudonym_key_file = "{key}"\n', encoding="utf-8")
    env = {k: v for k, v in ENV.items() if k != "REKRUTTERING_PSEUDO_KEY"}
    result = command("check", applicants, "-s", shortlist(tmp_path), "-r", "oslo", "--pseudonymise", cwd=tmp_path,
                     env=env, timeout=60)
    assert result.returncode == 2, result.stderr
    assert expected in result.stderr and "Traceback" not in result.stderr
    assert result.stdout == ""


def test_a_blank_key_in_the_environment_is_refused(runner: CliRunner, tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    applicants = write_csv(tmp_path / "soekere.csv", [HEADER, *ROWS])
    monkeypatch.setenv("REKRUTTERING_PSEUDO_KEY", " " * 40)
    code, out, err = run(runner, "check", applicants, "-s", shortlist(tmp_path), "-r", "oslo", "--pseudonymise")
    assert code == 2 and out == ""
    assert "nøkkelen til --pseudonymise (i REKRUTTERING_PSEUDO_KEY eller nøkkelfilen) består bare av mellomrom" in err


# ---------------------------------------------------------------------------------------------
# Making files


def book(path: Path, rows: list[list[Any]], sheet: str = "Søkere") -> Path:
    return write_xlsx(path, rows, sheet=sheet)


def lying_zip(path: Path, member: str, mib: int, said: int) -> Path:
    """A valid xlsx plus ``member``: ``mib`` MiB of zeros, whose local header and directory say ``said`` bytes."""
    book(path, [HEADER, *ROWS])
    with zipfile.ZipFile(path, "a", zipfile.ZIP_DEFLATED) as target:
        target.writestr(member, bytes(mib << 20))
    raw = bytearray(path.read_bytes())
    name = member.encode()
    end = raw.rindex(b"PK\x05\x06")
    at = int.from_bytes(raw[end + 16:end + 20], "little")
    while raw[at:at + 4] == b"PK\x01\x02":
        lengths = [int.from_bytes(raw[at + i:at + i + 2], "little") for i in (28, 30, 32)]
        if raw[at + 46:at + 46 + lengths[0]] == name:
            raw[at + 24:at + 28] = said.to_bytes(4, "little")  # the directory's uncompressed size
            local = int.from_bytes(raw[at + 42:at + 46], "little")
            raw[local + 22:local + 26] = said.to_bytes(4, "little")  # the local header's
        at += 46 + sum(lengths)
    path.write_bytes(bytes(raw))
    return path


def sheet_xml(path: Path, change: Callable[[bytes], bytes]) -> Path:
    return rewrite_member(path, "xl/worksheets/sheet1.xml", change)


ODS_NS = ('xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
          'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
          'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2"')
LIBREOFFICE_END = ('<table:table-row table:number-rows-repeated="1048570">'
                   '<table:table-cell table:number-columns-repeated="1024"/></table:table-row>')


def ods_cell(value: str | None, extra: str = "") -> str:
    if value is None:
        return f"<table:table-cell{extra}/>"
    return f'<table:table-cell office:value-type="string"{extra}><text:p>{value}</text:p></table:table-cell>'


def ods_row(cells: list[str | None], extra: str = "") -> str:
    """A row of cells; a cell given as markup (starting with ``<``) is used as it is."""
    inner = "".join(c if c is not None and c.startswith("<") else ods_cell(c) for c in cells)
    return f"<table:table-row{extra}>{inner}</table:table-row>"


def ods(path: Path, rows: list[str], sheet: str = "Søkere") -> Path:
    """An OpenDocument spreadsheet written by hand, as LibreOffice lays one out."""
    content = (f'<?xml version="1.0" encoding="UTF-8"?><office:document-content {ODS_NS}><office:body>'
               f'<office:spreadsheet><table:table table:name="{sheet}">'
               '<table:table-column table:number-columns-repeated="1024"/>' + "".join(rows)
               + "</table:table></office:spreadsheet></office:body></office:document-content>")
    manifest = ('<?xml version="1.0" encoding="UTF-8"?><manifest:manifest '
                'xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">'
                '<manifest:file-entry manifest:full-path="/" '
                'manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>'
                '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
                "</manifest:manifest>")
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        target.writestr(zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.spreadsheet")
        target.writestr("META-INF/manifest.xml", manifest)
        target.writestr("content.xml", content)
    return path


def check(runner: CliRunner, applicants: Path, *args: str) -> tuple[int, dict[str, Any] | None, str]:
    code, out, err = run(runner, "check", applicants, "-s", shortlist(applicants.parent), "-r", "oslo",
                         "-f", "json", "--no-fail", *args)
    return code, json.loads(out) if code == 0 else None, err


def never(*args: object, **kwargs: object) -> None:
    raise AssertionError("fastexcel opened a file that should have been refused")


# ---------------------------------------------------------------------------------------------
# Zip sizes, real not claimed


def test_a_member_that_unpacks_far_beyond_what_it_claims_is_refused(runner: CliRunner, tmp_path: Path,
                                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    import fastexcel

    from rekruttering.read import filetypes

    monkeypatch.setattr(filetypes, "ZIP_MAX_MEMBER", 1 << 20)
    path = lying_zip(tmp_path / "soekere.xlsx", "xl/worksheets/sheet2.xml", 4, 4096)
    assert path.stat().st_size < 100_000
    assert zipfile.ZipFile(path).getinfo("xl/worksheets/sheet2.xml").file_size == 4096  # what the directory says
    monkeypatch.setattr(fastexcel, "read_excel", never)
    code, _, err = check(runner, path, "--lang", "en")
    assert code == 2
    assert "'xl/worksheets/sheet2.xml' says it is 4096 bytes unpacked, but unpacks to at least 2 MiB" in err
    assert "zip bomb" in err


def test_an_archive_that_unpacks_beyond_the_total_it_claims_is_refused(runner: CliRunner, tmp_path: Path,
                                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    import fastexcel

    from rekruttering.read import filetypes

    monkeypatch.setattr(filetypes, "ZIP_MAX_TOTAL", 2 << 20)
    path = lying_zip(tmp_path / "soekere.xlsx", "xl/media/image1.bin", 3, 1000)
    monkeypatch.setattr(fastexcel, "read_excel", never)
    code, _, err = check(runner, path)
    assert code == 2 and "soekere.xlsx: filen er avvist: zip-arkivet sier innholdet er 0 MiB utpakket" in err


def test_an_honest_archive_under_the_limits_is_read(runner: CliRunner, tmp_path: Path,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    from rekruttering.read import filetypes

    monkeypatch.setattr(filetypes, "ZIP_MAX_MEMBER", 1 << 20)
    path = lying_zip(tmp_path / "soekere.xlsx", "xl/media/image1.bin", 1, 1 << 20)  # tells the truth
    code, report, _ = check(runner, path)
    assert code == 0 and report is not None and report["inputs"][0]["rows"] == 2


# ---------------------------------------------------------------------------------------------
# A used range too large to hold


def test_one_value_in_the_last_cell_is_refused_not_fatal(tmp_path: Path) -> None:
    path = sheet_xml(book(tmp_path / "soekere.xlsx", [HEADER, *ROWS]), lambda xml: xml.replace(
        b"</sheetData>", b'<row r="1048576"><c r="XFD1048576" t="inlineStr"><is><t>x</t></is></c></row></sheetData>'))
    result = command("check", path, "-s", shortlist(tmp_path), "-r", "oslo", "--lang", "en")
    assert result.returncode == 2, result.stderr[-2000:]
    assert "Traceback" not in result.stderr and result.stdout == ""
    assert "soekere.xlsx, sheet 'Søkere': the sheet reaches out to cell XFD1048576" in result.stderr


def test_a_styled_but_empty_last_cell_is_no_used_range(runner: CliRunner, tmp_path: Path) -> None:
    """calamine skips a cell without a value, so the range stays small: the file is read."""
    path = sheet_xml(book(tmp_path / "soekere.xlsx", [HEADER, *ROWS]), lambda xml: xml.replace(
        b"</sheetData>", b"<row r='1048576'><c r='XFD1048576' s='0'/></row></sheetData>"))
    code, report, _ = check(runner, path)
    assert code == 0 and report is not None and report["inputs"][0]["rows"] == 2


def test_a_value_far_down_in_a_narrow_sheet_is_read(runner: CliRunner, tmp_path: Path) -> None:
    """Four columns down to row 1,048,576 is a large sheet, not a refused one."""
    path = sheet_xml(book(tmp_path / "soekere.xlsx", [HEADER, *ROWS]), lambda xml: xml.replace(
        b"</sheetData>", b'<row r="1048576"><c r="D1048576" t="inlineStr"><is><t>x</t></is></c></row></sheetData>'))
    from rekruttering.read.excel import open_workbook

    reader, archive = open_workbook(path.read_bytes(), str(path))
    assert archive is not None and reader.sheet_names == ["Søkere"]


# ---------------------------------------------------------------------------------------------
# The sheet scan: linear, interruptible, and reading what Excel and others write


def bare_sheet(path: Path, body: bytes) -> zipfile.ZipFile:
    """A zip holding one sheet XML around ``body``, for the scan alone."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        target.writestr("sheet.xml", b'<worksheet><sheetData><row r="1"><c r="A1"><f>1</f></c></row>' + body
                        + b"</sheetData></worksheet>")
    return zipfile.ZipFile(path)


def test_cells_in_a_comment_are_no_cells_and_cost_one_pass(tmp_path: Path) -> None:
    """80,000 unclosed cell tags inside a comment: a backtracking scan would take minutes over them."""
    from rekruttering.read.sheetscan import scan_sheet

    archive = bare_sheet(tmp_path / "k.zip", b"<!--" + b'<c r="B2"><f>1</f>' * 80_000 + b"-->")
    scan = scan_sheet(archive, "sheet.xml")
    assert {column: list(rows) for column, rows in scan.no_value.items()} == {0: [1]}


def test_unclosed_cells_are_each_one_cell(tmp_path: Path) -> None:
    from rekruttering.read.sheetscan import scan_sheet

    body = b"".join(b'<row r="%d"><c r="B%d"><f>1</f>' % (i, i) for i in range(2, 80_002))
    scan = scan_sheet(bare_sheet(tmp_path / "k.zip", body), "sheet.xml")
    assert list(scan.no_value[1]) == list(range(2, 80_002)) and list(scan.no_value[0]) == [1]


def big_formula_book(path: Path, rows: int) -> Path:
    """An xlsx of ``rows`` applicants whose declarations are all formulas: the scan parses every cell."""
    cells = "".join(
        f'<row r="{r}"><c r="A{r}" t="inlineStr"><is><t>P-{r // 30}</t></is></c>'
        f'<c r="B{r}" t="inlineStr"><is><t>S-{r}</t></is></c><c r="C{r}" t="str"><f>"Ja"</f><v>Ja</v></c>'
        f'<c r="D{r}" t="str"><f>"Nei"</f><v>Nei</v></c></row>' for r in range(2, rows + 2))
    book(path, [HEADER])
    return sheet_xml(path, lambda xml: xml.replace(b"</row></sheetData>",
                                                   b"</row>" + cells.encode() + b"</sheetData>"))


def test_ctrl_c_while_a_sheet_is_read_ends_the_run_cleanly(tmp_path: Path) -> None:
    path = big_formula_book(tmp_path / "soekere.xlsx", 300_000)
    args = [sys.executable, "-m", "rekruttering", "check", str(path), "-s", str(shortlist(tmp_path)), "-r", "oslo"]
    process = subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=ENV)
    time.sleep(2)  # into the read: the zip check, fastexcel and the scan take several seconds for this file
    process.send_signal(signal.SIGINT)
    out, err = process.communicate(timeout=120)
    assert "Traceback" not in err and "kan ikke leses" not in err
    assert process.returncode == 130, err[-2000:]
    assert out == ""


def test_namespaced_cells_are_scanned(runner: CliRunner, tmp_path: Path) -> None:
    """``<x:c>``, ``<x:f>``, ``<x:v>``, ``<x:mergeCell>``: the same sheet with its tags prefixed."""
    path = book(tmp_path / "soekere.xlsx", [HEADER, ["P-1", "S-1", "=1=1", "Ja"], [None, "S-2", "Ja", "Nei"]])
    workbook = openpyxl.load_workbook(path)
    workbook["Søkere"].merge_cells("A2:A3")
    workbook.save(path)

    def prefixed(xml: bytes) -> bytes:
        xml = xml.replace(b"<worksheet xmlns=", b"<x:worksheet xmlns:x=")
        return re.sub(rb"<(/?)(?!x:|\?)(\w+)", rb"<\1x:\2", xml)

    code, report, _ = check(runner, sheet_xml(path, prefixed), "--lang", "en")
    assert code == 0 and report is not None
    assert sorted((w["code"], w["row"], w["column"]) for w in report["warnings"]) == [
        ("read.merged_filled", 2, "Stillings-ID"), ("value.formula_no_value", 2, "Kvalifisert")]
    assert [p["posting_id"] for p in report["postings"]] == ["P-1"]


def test_single_quoted_attributes_are_scanned(runner: CliRunner, tmp_path: Path) -> None:
    path = book(tmp_path / "soekere.xlsx", [HEADER, ["P-1", "S-1", "#N/A", "Ja"], ["P-1", "S-2", "Ja", "Nei"]])
    code, report, _ = check(runner, sheet_xml(path, lambda xml: re.sub(rb'(\w+)="([^"]*)"', rb"\1='\2'", xml)))
    assert code == 0 and report is not None
    assert [(w["code"], w["row"]) for w in report["warnings"]] == [("value.cell_error", 2)]


@pytest.mark.parametrize(("cell", "warned"), [
    (b'<c r="C2" t="str"><f>IF(TRUE,"Ja","Nei")</f></c>', True),
    (b'<c r="C2" t="str"><f>IF(TRUE,"Ja","Nei")</f><v>Ja</v></c>', False),
], ids=["without-value", "with-value"])
def test_a_text_formula_warns_only_without_its_value(runner: CliRunner, tmp_path: Path, cell: bytes,
                                                     warned: bool) -> None:
    path = book(tmp_path / "soekere.xlsx", [HEADER, ["P-1", "S-1", "Ja", "Ja"], ["P-1", "S-2", "Ja", "Nei"]])
    path = sheet_xml(path, lambda xml: re.sub(rb'<c r="C2"[^>]*>.*?</c>', cell, xml))
    code, report, _ = check(runner, path)
    assert code == 0 and report is not None
    assert [(w["code"], w["row"]) for w in report["warnings"]] == ([("value.formula_no_value", 2)] if warned else [])


# ---------------------------------------------------------------------------------------------
# OpenDocument: repeats, merged cells, formulas


def test_libreoffice_s_trailing_empty_rows_read_fine(runner: CliRunner, tmp_path: Path) -> None:
    path = ods(tmp_path / "soekere.ods", [ods_row(list(HEADER)), *(ods_row(list(r)) for r in ROWS), LIBREOFFICE_END])
    code, report, _ = check(runner, path)
    assert code == 0 and report is not None
    assert report["inputs"][0]["rows"] == 2 and report["warnings"] == []


def test_repeated_identical_rows_are_rows(runner: CliRunner, tmp_path: Path) -> None:
    """LibreOffice writes equal neighbours once with a repeat count; a few of them are ordinary."""
    path = ods(tmp_path / "soekere.ods", [
        ods_row(list(HEADER)), ods_row(["P-1", "S-1", ods_cell("Ja", ' table:number-columns-repeated="2"')]),
        ods_row(["P-1", "S-2", "Ja", "Nei"]), LIBREOFFICE_END])
    code, report, _ = check(runner, path)
    assert code == 0 and report is not None and report["inputs"][0]["rows"] == 2


def test_an_ods_row_repeated_a_million_times_is_refused(tmp_path: Path) -> None:
    """1 KB that calamine would expand to a thousand million cells."""
    bomb = ods_row(["P-1", "S-1", ods_cell("Ja", ' table:number-columns-repeated="1000"')],
                   ' table:number-rows-repeated="1000000"')
    path = ods(tmp_path / "soekere.ods", [ods_row(list(HEADER)), bomb])
    assert path.stat().st_size < 2000
    result = command("check", path, "-s", shortlist(tmp_path), "-r", "oslo", "--lang", "en")
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert "soekere.ods, sheet 'Søkere': the sheet would fill 1002001002 cells (out to cell ALN1000001)" \
        in result.stderr


def test_ods_merged_cells_and_formulas_without_a_value_warn_as_in_xlsx(runner: CliRunner, tmp_path: Path) -> None:
    path = ods(tmp_path / "soekere.ods", [
        ods_row([]),  # an empty first row: the rows named are the sheet's own
        ods_row(list(HEADER)),
        ods_row([ods_cell("P-1", ' table:number-rows-spanned="2"'), "S-1", "Ja",
                 '<table:table-cell table:formula="of:=1=1"/>']),
        ods_row(["<table:covered-table-cell/>", "S-2", "Ja", ods_cell("Nei", ' table:number-rows-spanned="2"')]),
        ods_row(["P-1", "S-3", '<table:table-cell table:formula="of:=1" office:value-type="string">'
                 "<text:p>Ja</text:p></table:table-cell>", "<table:covered-table-cell/>"]),
        LIBREOFFICE_END])
    code, report, _ = check(runner, path, "--lang", "en")
    assert code == 0 and report is not None
    assert sorted((w["code"], w["row"], w["column"]) for w in report["warnings"]) == [
        ("read.merged_blank", 5, "Innvandrerbakgrunn"),
        ("read.merged_filled", 3, "Stillings-ID"),
        ("value.formula_no_value", 3, "Innvandrerbakgrunn"),
    ]
    assert report["inputs"][0]["rows"] == 3

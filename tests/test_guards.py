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

from conftest import ROOT, run, write_csv

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
    (None, "is not a regular file"),
    (b"x" * 5000, "longer than 4096 bytes"),
    (b"   \n\t  \n", "is only blanks"),
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
    workbook = openpyxl.Workbook()
    ws = workbook.active
    assert ws is not None
    ws.title = sheet
    for row in rows:
        ws.append(row)
    workbook.save(path)
    return path


def rewrite_member(path: Path, member: str, change: Callable[[bytes], bytes]) -> Path:
    """The same zip with one member's bytes changed (to put in what openpyxl cannot write)."""
    with zipfile.ZipFile(path) as source:
        items = [(info, source.read(info)) for info in source.infolist()]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for info, data in items:
            target.writestr(info.filename, change(data) if info.filename == member else data)
    return path


def lying_zip(path: Path, member: str, mib: int, said: int) -> Path:
    """A valid xlsx plus ``member``: ``mib`` MiB of zeros whose local header and central directory say ``said`` bytes."""
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

    from rekruttering import filetypes

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

    from rekruttering import filetypes

    monkeypatch.setattr(filetypes, "ZIP_MAX_TOTAL", 2 << 20)
    path = lying_zip(tmp_path / "soekere.xlsx", "xl/media/image1.bin", 3, 1000)
    monkeypatch.setattr(fastexcel, "read_excel", never)
    code, _, err = check(runner, path)
    assert code == 2 and "soekere.xlsx: filen er avvist: zip-arkivet sier innholdet er 0 MiB utpakket" in err


def test_an_honest_archive_under_the_limits_is_read(runner: CliRunner, tmp_path: Path,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    from rekruttering import filetypes

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
    from rekruttering.readers import open_workbook

    reader, archive = open_workbook(path.read_bytes(), str(path))
    assert archive is not None and reader.sheet_names == ["Søkere"]

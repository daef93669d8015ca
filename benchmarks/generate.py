"""Deterministic synthetic years for benchmarks: N applications, about 30 per posting.

One combined sheet per year (applicant and shortlist columns together, plus name and e-mail
columns the tool must ignore), written as xlsx and as Windows-1252 csv with ';'. Every column
kind of DESIGN.md §3 is there: ids, texts, Excel date serials, yes/no, country group, gender,
posting type, ranks and scores. The xlsx is written as plain SpreadsheetML with inline strings by
this script (openpyxl would take minutes for a million rows); it opens in Excel and LibreOffice.

    python benchmarks/generate.py 100000 benchmarks/data
"""

from __future__ import annotations

import random
import sys
import zipfile
from collections.abc import Iterator
from pathlib import Path
from xml.sax.saxutils import escape

HEADER = ["Stillings-ID", "Stillingstittel", "Enhet", "Søknadsfrist", "Utlysningstype", "Søker-ID", "Navn", "E-post",
          "Kvalifisert", "Innvandrerbakgrunn", "Landgruppe", "Nedsatt funksjonsevne", "Hull i CV", "Kjønn", "Trukket",
          "Innkalt til intervju", "Rangering", "Poeng", "Innstilt", "Ansatt"]
UNITS = ["Helse og omsorg", "Oppvekst og skole", "Teknikk og miljø", "Økonomi", "Kultur", "NAV og sosial"]
TITLES = ["Sykepleier", "Lærer", "Ingeniør", "Rådgiver", "Bibliotekar", "Sosionom", "Konsulent"]
NAMES = ["Kari Nordmann", "Ola Hansen", "Åse Ødegård", "Amir Haddad", "Marta Nowak", "Jonas Berg"]
TYPES = ["ekstern"] * 20 + ["intern", "unntatt", "avlyst"]
PER_POSTING = 30
EXCEL_2025 = 45658  # 2025-01-01 as an Excel serial


def rows(n: int, seed: int = 2025) -> Iterator[list[str | int | float]]:
    rng = random.Random(seed)
    posting = -1
    for i in range(n):
        if i % PER_POSTING == 0:
            posting += 1
            unit, title = rng.choice(UNITS), rng.choice(TITLES)
            deadline, kind = EXCEL_2025 + rng.randrange(365), rng.choice(TYPES)
            hired = rng.randrange(PER_POSTING)
        position = i % PER_POSTING
        qualified = rng.random() < 0.7
        declared = rng.random()
        background = "Ja" if declared < 0.2 else "Nei" if declared < 0.75 else ""
        invited = qualified and rng.random() < 0.3
        yield [f"B-{posting:06d}", title, unit, deadline, kind, f"B-{posting:06d}-{position:02d}", rng.choice(NAMES),
               f"s{i}@example.org", "Ja" if qualified else rng.choice(["Nei", ""]), background,
               rng.choice(["1", "2"]) if background == "Ja" else "",
               "Ja" if rng.random() < 0.04 else rng.choice(["Nei", ""]),
               "Ja" if rng.random() < 0.03 else rng.choice(["Nei", ""]), rng.choice(["kvinne", "mann", ""]),
               "Ja" if rng.random() < 0.02 else "Nei", "Ja" if invited else "Nei", position + 1,
               round(100 - position * 2.5 - rng.random(), 1), "Ja" if position == hired else "Nei",
               "Ja" if position == hired else "Nei"]


def write_csv(path: Path, n: int) -> None:
    with path.open("w", encoding="cp1252", newline="") as out:
        out.write(";".join(HEADER) + "\r\n")
        for row in rows(n):
            out.write(";".join(str(v) for v in row) + "\r\n")


def _column(index: int) -> str:
    name = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        name = chr(65 + rest) + name
    return name


def _sheet(n: int) -> Iterator[bytes]:
    yield (b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
           b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>')
    letters = [_column(i) for i in range(len(HEADER))]
    for r, values in enumerate([HEADER, *rows(n)], start=1):
        cells = []
        for letter, value in zip(letters, values, strict=True):
            if isinstance(value, int | float):
                cells.append(f'<c r="{letter}{r}"><v>{value}</v></c>')
            elif value:
                cells.append(f'<c r="{letter}{r}" t="inlineStr"><is><t>{escape(value)}</t></is></c>')
        yield f'<row r="{r}">{"".join(cells)}</row>'.encode()
    yield b"</sheetData></worksheet>"


def write_xlsx(path: Path, n: int) -> None:
    parts = {
        "[Content_Types].xml": '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/'
        'package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
        'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/'
        'workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
        '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.'
        'spreadsheetml.worksheet+xml"/></Types>',
        "_rels/.rels": '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/'
        'package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/'
        '2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
        "xl/workbook.xml": '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/'
        'spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
        '<sheets><sheet name="Søkere" sheetId="1" r:id="rId1"/></sheets></workbook>',
        "xl/_rels/workbook.xml.rels": '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.'
        'openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.'
        'org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
    }
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as book:
        for name, content in parts.items():
            book.writestr(zipfile.ZipInfo(name, (2025, 1, 1, 0, 0, 0)), content)
        info = zipfile.ZipInfo("xl/worksheets/sheet1.xml", (2025, 1, 1, 0, 0, 0))
        info.compress_type = zipfile.ZIP_DEFLATED
        with book.open(info, "w", force_zip64=True) as sheet:
            for chunk in _sheet(n):
                sheet.write(chunk)


def one_posting(path: Path, applicants: int = 100) -> None:
    """A single posting of ``applicants`` applications (the `check` benchmark)."""
    with path.open("w", encoding="cp1252", newline="") as out:
        out.write(";".join(HEADER) + "\r\n")
        for row in rows(applicants, seed=7):
            row[0], row[5] = "B-ONE", f"B-ONE-{row[5]}"
            out.write(";".join(str(v) for v in row) + "\r\n")


def generate(n: int, folder: Path) -> tuple[Path, Path]:
    folder.mkdir(parents=True, exist_ok=True)
    csv_path, xlsx_path = folder / f"aar-{n}.csv", folder / f"aar-{n}.xlsx"
    if not csv_path.exists():
        write_csv(csv_path, n)
    if not xlsx_path.exists():
        write_xlsx(xlsx_path, n)
    return csv_path, xlsx_path


if __name__ == "__main__":
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000
    target = Path(sys.argv[2]) if len(sys.argv) > 2 else Path(__file__).parent / "data"
    for made in generate(count, target):
        print(made)

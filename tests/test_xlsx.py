"""xlsx as Excel users expect it, read back with openpyxl: dates as dates, numbers with number formats,
statuses coloured by conditional formatting, HR's sheet of applicants to invite, a frozen header and a
filter on every sheet, and the charts of the summary."""

from __future__ import annotations

import zipfile
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from conftest import APPLICANT_HEADER, ROOT, SHORTLIST_HEADER, run, write_csv

YEAR = ROOT / "samples" / "aar-2025"


def load(path: Path) -> Any:
    import openpyxl

    return openpyxl.load_workbook(path)


def column(sheet: Any, title: str) -> list[Any]:
    """The cells under the column titled ``title`` (the header is row 1)."""
    header = [c.value for c in sheet[1]]
    index = header.index(title)
    return [r[index] for r in sheet.iter_rows(min_row=2)]


@pytest.fixture
def exports(tmp_path: Path) -> tuple[Path, Path]:
    """P-1: three qualified applicants who declared immigrant background, none invited (ranks 3, 1 and
    unknown), so the interview rule is broken; P-2: the one declared applicant is invited (met)."""
    applicants = write_csv(tmp_path / "soekere.csv", [
        APPLICANT_HEADER,
        ["P-1", "Rådgiver", "Økonomi", "01.03.2025", "S-3", "Kari Nordmann", "Ja", "Ja"],
        ["P-1", "Rådgiver", "Økonomi", "01.03.2025", "S-1", "Ola Nordmann", "Ja", "Ja"],
        ["P-1", "Rådgiver", "Økonomi", "01.03.2025", "=2+3", "Per Hansen", "Ja", "Ja"],
        ["P-1", "Rådgiver", "Økonomi", "01.03.2025", "S-2", "Anne Berg", "Ja", "Nei"],
        ["P-2", "Lærer", "Oppvekst", "15.04.2025", "S-21", "Nils Dahl", "Ja", "Ja"],
    ])
    shortlist = write_csv(tmp_path / "intervju.csv", [
        SHORTLIST_HEADER,
        ["P-1", "S-3", "Nei", "3", ""],
        ["P-1", "S-1", "Nei", "1", ""],
        ["P-1", "=2+3", "Nei", "", ""],
        ["P-1", "S-2", "Ja", "2", ""],
        ["P-2", "S-21", "Ja", "1", ""],
    ])
    return applicants, shortlist


def check(runner: CliRunner, exports: tuple[Path, Path], target: Path, *options: str) -> Any:
    applicants, shortlist = exports
    code, _, err = run(runner, "check", applicants, "-s", shortlist, "-r", "sarpsborg", "-f", "xlsx",
                       "-o", target, *options)
    assert code == 1, err
    return load(target)


@pytest.fixture(scope="module")
def summary_book(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The summary of the bundled year, in English."""
    target = tmp_path_factory.mktemp("summary") / "oversikt.xlsx"
    code, _, err = run(CliRunner(), "summary", YEAR, "-r", "staten", "--year", "2025", "--lang", "en",
                       "--workforce", YEAR / "arbeidsstyrke.csv", "--justifications", YEAR / "begrunnelser.csv",
                       "-f", "xlsx", "-o", target)
    assert code == 1, err
    return target


def test_hr_gets_the_applicants_to_invite_best_ranked_first(runner: CliRunner, exports: tuple[Path, Path],
                                                            tmp_path: Path) -> None:
    book = check(runner, exports, tmp_path / "r.xlsx", "--lang", "en")
    assert book.sheetnames == ["Findings", "To invite", "Totals", "Inputs", "Method"]
    sheet = book["To invite"]
    assert [c.value for c in sheet[1]] == ["Posting", "Title", "Unit", "Deadline", "Rule", "Applicant ID", "Rank"]
    rows = [[c.value for c in r] for r in sheet.iter_rows(min_row=2)]
    assert rows == [
        ["P-1", "Rådgiver", "Økonomi", datetime(2025, 3, 1), "SA01", "S-1", 1],
        ["P-1", "Rådgiver", "Økonomi", datetime(2025, 3, 1), "SA01", "S-3", 3],
        ["P-1", "Rådgiver", "Økonomi", datetime(2025, 3, 1), "SA01", "=2+3", None],  # no rank: last
    ]
    deadline, rank, odd_id = sheet["D2"], sheet["G2"], sheet["F4"]
    assert deadline.is_date and deadline.number_format == "yyyy-mm-dd"
    assert rank.data_type == "n" and rank.number_format == "0"
    assert odd_id.data_type == "s" and odd_id.quotePrefix  # an id that looks like a formula stays text


def test_the_follow_up_sheet_in_bokmaal(runner: CliRunner, exports: tuple[Path, Path], tmp_path: Path) -> None:
    book = check(runner, exports, tmp_path / "r.xlsx")
    sheet = book["Kall inn"]
    assert [c.value for c in sheet[1]][-2:] == ["Søker-ID", "Rangering"]
    assert [c.value for c in column(sheet, "Søker-ID")] == ["S-1", "S-3", "=2+3"]
    assert sheet["D2"].is_date and sheet["D2"].number_format == "dd.mm.yyyy"


def test_union_representatives_get_no_follow_up_sheet(runner: CliRunner, exports: tuple[Path, Path],
                                                     tmp_path: Path) -> None:
    book = check(runner, exports, tmp_path / "r.xlsx", "--audience", "tillitsvalgt", "--lang", "en")
    assert book.sheetnames == ["Findings", "Totals", "Inputs", "Method"]
    seen = {c.value for s in book.worksheets for r in s.iter_rows() for c in r}
    assert not {"S-1", "S-3", "=2+3", "Applicant ID", "Rank"} & seen


def test_no_follow_up_sheet_when_nobody_is_to_invite(runner: CliRunner, tmp_path: Path) -> None:
    applicants = write_csv(tmp_path / "a.csv", [APPLICANT_HEADER,
                                                ["P-2", "Lærer", "Oppvekst", "15.04.2025", "S-21", "N", "Ja", "Ja"]])
    shortlist = write_csv(tmp_path / "k.csv", [SHORTLIST_HEADER, ["P-2", "S-21", "Ja", "1", ""]])
    target = tmp_path / "r.xlsx"
    code, _, err = run(runner, "check", applicants, "-s", shortlist, "-r", "sarpsborg", "-f", "xlsx", "-o", target,
                       "--lang", "en")
    assert code == 0, err
    assert "To invite" not in load(target).sheetnames


def test_status_cells_are_coloured_by_conditional_formatting(runner: CliRunner, exports: tuple[Path, Path],
                                                            tmp_path: Path) -> None:
    book = check(runner, exports, tmp_path / "r.xlsx", "--lang", "en")
    sheet = book["Findings"]
    statuses = column(sheet, "Status")
    letter = statuses[0].column_letter
    status_range = f"{letter}2:{letter}{len(statuses) + 1}"
    rules = {rule.formula[0]: rule for cf in sheet.conditional_formatting if str(cf.sqref) == status_range
             for rule in cf.rules}
    assert {'"breach"', '"met"'} <= rules.keys()
    assert {c.value for c in statuses} >= {"breach", "met"}
    breach, met = rules['"breach"'], rules['"met"']
    assert breach.type == "cellIs" and breach.operator == "equal"
    assert breach.dxf.fill.bgColor.rgb.endswith("FFC7CE") and met.dxf.fill.bgColor.rgb.endswith("C6EFCE")
    # the colour is the rule's, not a fill stuck on the cell
    assert all(c.fill.fill_type is None for c in statuses)


def test_every_sheet_has_a_frozen_header_and_a_filter(runner: CliRunner, exports: tuple[Path, Path],
                                                     tmp_path: Path, summary_book: Path) -> None:
    books = [check(runner, exports, tmp_path / f"{audience}.xlsx", "--audience", audience)
             for audience in ("hr", "tillitsvalgt")]
    for book in [*books, load(summary_book)]:
        for sheet in book.worksheets:
            assert sheet.freeze_panes == "A2", sheet.title
            assert sheet.auto_filter.ref == f"A1:{sheet.cell(1, sheet.max_column).column_letter}{sheet.max_row}", \
                sheet.title
    method = books[0]["Metode"]
    assert [c.value for c in method[1]] == ["Opplysning", "Verdi"]
    assert method["A3"].value == "Konklusjon" and method["B3"].value.startswith("1 brudd")


def test_summary_numbers_have_number_formats(summary_book: Path) -> None:
    book = load(summary_book)
    rate = column(book["By rule"], "Compliance")[0]
    assert rate.data_type == "n" and rate.number_format == "0.0 %" and 0 < rate.value < 1  # a fraction: 0.845
    count = column(book["By rule"], "Postings")[0]
    assert isinstance(count.value, int) and count.number_format == "0"
    deadline = column(book["Follow up"], "Deadline")[0]
    assert deadline.is_date and deadline.number_format == "yyyy-mm-dd"
    steps = book["Selection by step"]
    ratio = column(steps, "Impact ratio")[0]
    assert isinstance(ratio.value, float) and ratio.number_format == "0.000"
    assert column(steps, "CMH")[0].number_format == "0.00"
    p_values = column(steps, "CMH p")
    numeric = [c for c in p_values if isinstance(c.value, float)]
    assert numeric and all(c.number_format == "0.000#" for c in numeric)
    below = [c for c in p_values if c.value == "< 0.001"]
    assert below and all(c.data_type == "s" for c in below)  # what the report says in words stays words
    shares = column(book["Representation"], "Applicants")
    assert all(c.number_format == "0.0 %" and 0 < c.value < 1 for c in shares)


def test_summary_keeps_its_charts(summary_book: Path) -> None:
    archive = zipfile.ZipFile(summary_book)
    charts = [archive.read(n).decode() for n in archive.namelist() if n.startswith("xl/charts/chart")]
    assert len(charts) >= 3
    # rates are fractions now, so a percentage chart runs from 0 to 1 and labels its axis in percent
    assert any('<max val="1"' in c and 'formatCode="0 %"' in c for c in charts)


def test_ranks_are_read_for_the_right_applicant(runner: CliRunner, tmp_path: Path) -> None:
    """A rank of 2,5 in bokmål, and ids that end like one another: each applicant keeps their own rank."""
    applicants = write_csv(tmp_path / "a.csv", [["Stillings-ID", "Søker-ID", "Kvalifisert", "Innvandrerbakgrunn"],
                                                ["P-1", "XS-1", "Ja", "Ja"], ["P-1", "S-1", "Ja", "Ja"],
                                                ["P-1", "S-10", "Ja", "Ja"]])
    shortlist = write_csv(tmp_path / "k.csv", [["Stillings-ID", "Søker-ID", "Innkalt", "Rangering"],
                                               ["P-1", "XS-1", "Nei", "7"], ["P-1", "S-1", "Nei", "2,5"],
                                               ["P-1", "S-10", "Nei", ""]])
    target = tmp_path / "r.xlsx"
    code, _, err = run(runner, "check", applicants, "-s", shortlist, "-r", "sarpsborg", "-f", "xlsx", "-o", target)
    assert code == 1, err
    sheet = load(target)["Kall inn"]
    assert [(r[5].value, r[6].value) for r in sheet.iter_rows(min_row=2)] == [
        ("S-1", 2.5), ("XS-1", 7), ("S-10", None)]

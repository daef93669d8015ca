"""Reading exports: header forms, encodings, separators, formats, roles, joins and row accounting."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from rekruttering.errors import InputError
from rekruttering.keys import normalise_header
from rekruttering.problems import ProblemLog
from rekruttering.read.columns import load_column_map
from rekruttering.read.csv import read_csv
from rekruttering.read.excel import read_excel
from rekruttering.read.fields import Field
from rekruttering.read.join import Dataset, load
from rekruttering.read.textcolumns import column_texts

from conftest import APPLICANT_HEADER, SHORTLIST_HEADER, write_csv, write_xlsx

COLUMNS = load_column_map()
ROWS = [
    ["P-1", "Rådgiver", "Økonomi", "01.03.2025", "S-1", "Kari Ødegård", "Ja", "Ja"],
    ["P-1", "Rådgiver", "Økonomi", "01.03.2025", "S-2", "Ola Ærlig", "Ja", "Nei"],
]
SHORT = [["P-1", "S-1", "Nei", "2", ""], ["P-1", "S-2", "Ja", "1", ""]]


def by_id(dataset: Dataset) -> dict[str, dict[str, object]]:
    return {a.applicant_id: {"qualified": a.qualified, "ib": a.immigrant_background, "invited": a.invited}
            for p in dataset.postings for a in p.applicants}


@pytest.mark.parametrize(("field", "alias"), [(f, a) for f, aliases in COLUMNS.aliases.items() for a in aliases])
def test_every_builtin_alias_maps_to_its_field(field: Field, alias: str) -> None:
    assert COLUMNS.field_for(alias) is field
    assert COLUMNS.field_for(f"  {alias.upper()} ") is field


@pytest.mark.parametrize("header", ["søker-id", "SØKER ID", "Søker_ID", "søker.id", "Søker–ID"])
def test_headers_ignore_case_space_and_punctuation(header: str) -> None:
    assert COLUMNS.field_for(header) is Field.applicant_id
    assert normalise_header(header) == "søkerid"


@pytest.mark.parametrize(("encoding", "bom", "sep"), [
    ("utf-8", False, ";"), ("utf-8", True, ";"), ("cp1252", False, ";"), ("utf-8", False, ","),
    ("cp1252", False, ","), ("utf-8", False, "\t"),
])
def test_csv_encodings_and_separators(tmp_path: Path, encoding: str, bom: bool, sep: str) -> None:
    applicants = write_csv(tmp_path / "a.csv", [APPLICANT_HEADER, *ROWS], sep=sep, encoding=encoding)
    if bom:
        applicants.write_bytes(b"\xef\xbb\xbf" + applicants.read_bytes())
    shortlist = write_csv(tmp_path / "k.csv", [SHORTLIST_HEADER, *SHORT], sep=sep, encoding=encoding)
    dataset = load([applicants], [shortlist], columns=COLUMNS)
    [posting] = dataset.postings
    assert posting.title == "Rådgiver" and posting.unit == "Økonomi" and posting.deadline == date(2025, 3, 1)
    assert by_id(dataset) == {"S-1": {"qualified": True, "ib": True, "invited": False},
                              "S-2": {"qualified": True, "ib": False, "invited": True}}


def test_cp1252_bytes_are_read_as_windows_1252(tmp_path: Path) -> None:
    path = tmp_path / "a.csv"
    path.write_bytes("Stillings-ID;Søker-ID;Enhet;Kvalifisert\nP-1;S-1;Økonomi;Ja\n".encode("cp1252"))
    sheet = read_csv(path, str(path), path.read_bytes(), COLUMNS)
    assert column_texts(sheet.data, "unit") == ["Økonomi"]


def test_undecodable_csv_is_refused_with_the_line(tmp_path: Path) -> None:
    path = tmp_path / "a.csv"
    path.write_bytes(b"Stillings-ID;S\xf8ker-ID\nP-1;\x81\x8d\n")
    with pytest.raises(InputError) as caught:
        load([path], columns=COLUMNS)
    [problem] = caught.value.problems
    assert problem.code == "read.encoding" and problem.row == 2  # the first byte Windows-1252 lacks


def test_xlsx_with_title_rows_above_the_header(tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "a.xlsx", [APPLICANT_HEADER, *ROWS, ["P-1", "", "", "", "S-3", "", "kanskje", ""]],
                      sheet="Søkere", above=[["Søkerliste – eksport 2026"], []])
    sheets = read_excel(path, str(path), COLUMNS, ProblemLog())
    [sheet] = sheets
    assert sheet.sheet == "Søkere" and sheet.header_row == 3 and sheet.first_data_row == 4
    assert "Navn" in sheet.ignored
    assert set(sheet.data.columns) == {"posting_id", "posting_title", "unit", "deadline", "applicant_id",
                                       "qualified", "immigrant_background"}
    shortlist = write_csv(tmp_path / "k.csv", [SHORTLIST_HEADER, *SHORT])
    dataset = load([path], [shortlist], columns=COLUMNS)
    [warning] = dataset.warnings
    assert (warning.code, warning.sheet, warning.row, warning.column) == (
        "value.bad_yesno", "Søkere", 6, "Kvalifisert")


def test_xlsx_dates_as_date_cells_and_serials(tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "a.xlsx", [
        ["Stillings-ID", "Søknadsfrist", "Søker-ID", "Kvalifisert", "Innkalt"],
        ["P-1", date(2025, 3, 1), "S-1", "Ja", "Ja"],
        ["P-2", 45717, "S-2", "Ja", "Ja"],
    ])
    dataset = load([path], columns=COLUMNS)
    assert [p.deadline for p in dataset.postings] == [date(2025, 3, 1), date(2025, 3, 1)]


def test_ods_is_read(tmp_path: Path) -> None:
    import pandas as pd

    path = tmp_path / "a.ods"
    pd.DataFrame([["P-1", "S-1", "Ja", "Ja", "Ja"]],
                 columns=["Stillings-ID", "Søker-ID", "Kvalifisert", "Innvandrerbakgrunn", "Innkalt"]
                 ).to_excel(path, index=False, engine="odf")
    dataset = load([path], columns=COLUMNS)
    assert by_id(dataset) == {"S-1": {"qualified": True, "ib": True, "invited": True}}


def test_combined_sheet_holds_applicants_and_shortlist(tmp_path: Path) -> None:
    path = write_csv(tmp_path / "alt.csv", [
        ["Stillings-ID", "Søker-ID", "Kvalifisert", "Innvandrerbakgrunn", "Innkalt til intervju"],
        ["P-1", "S-1", "Ja", "Ja", ""], ["P-1", "S-2", "Ja", "", "Ja"],
    ])
    dataset = load([path], columns=COLUMNS)
    assert dataset.sheets[0].role == "combined"
    assert by_id(dataset)["S-1"]["invited"] is False and by_id(dataset)["S-2"]["invited"] is True


def test_presence_on_a_shortlist_without_invited_column_means_invited(tmp_path: Path) -> None:
    applicants = write_csv(tmp_path / "a.csv", [APPLICANT_HEADER, *ROWS])
    shortlist = write_csv(tmp_path / "k.csv", [["Stillings-ID", "Søker-ID"], ["P-1", "S-1"]])
    dataset = load([applicants], [shortlist], columns=COLUMNS)
    assert by_id(dataset)["S-1"]["invited"] is True and by_id(dataset)["S-2"]["invited"] is False


def test_shortlist_role_is_read_from_headers_in_any_argument_position(tmp_path: Path) -> None:
    applicants = write_csv(tmp_path / "a.csv", [APPLICANT_HEADER, *ROWS])
    shortlist = write_csv(tmp_path / "k.csv", [SHORTLIST_HEADER, *SHORT])
    dataset = load([shortlist, applicants], columns=COLUMNS)
    assert [s.role for s in dataset.sheets] == ["shortlist", "applicants"]
    assert by_id(dataset)["S-2"]["invited"] is True


def test_rows_read_used_and_set_aside_add_up(tmp_path: Path) -> None:
    applicants = write_csv(tmp_path / "a.csv", [
        APPLICANT_HEADER, *ROWS,
        ["", "Rådgiver", "", "", "S-9", "", "Ja", "Ja"],        # no posting id: set aside
        ["", "", "", "", "", "", "", ""],                        # empty: set aside
        ["P-1", "Rådgiver", "Økonomi", "01.03.2025", "S-1", "", "Nei", "Nei"],  # a second row that disagrees
    ])
    shortlist = write_csv(tmp_path / "k.csv", [SHORTLIST_HEADER, *SHORT, ["P-1", "S-1", "Ja", "1", ""]])
    dataset = load([applicants], [shortlist], columns=COLUMNS)
    for sheet in dataset.sheets:
        assert sheet.rows_read == sheet.rows_used + sheet.rows_set_aside
    assert [(s.rows_read, s.rows_used, s.rows_set_aside) for s in dataset.sheets] == [(5, 3, 2), (3, 3, 0)]
    codes = sorted(w.code for w in dataset.warnings)
    assert codes == ["row.conflict", "row.conflict", "row.empty", "row.missing_id"]
    # neither row wins: every field the rows disagree on is in doubt
    assert by_id(dataset)["S-1"] == {"qualified": None, "ib": None, "invited": None}
    [s1] = [a for a in dataset.postings[0].applicants if a.applicant_id == "S-1"]
    assert {(d.field, d.options, d.cause) for d in s1.doubts} == {
        ("qualified", (False, True), "conflict"), ("immigrant_background", (False, True), "conflict"),
        ("invited", (False, True), "conflict"), ("rank", (1.0, 2.0), "conflict")}


def test_identical_duplicate_rows_merge_with_a_warning(tmp_path: Path) -> None:
    applicants = write_csv(tmp_path / "a.csv", [APPLICANT_HEADER, *ROWS, ROWS[0]])
    shortlist = write_csv(tmp_path / "k.csv", [SHORTLIST_HEADER, *SHORT, SHORT[0]])
    dataset = load([applicants], [shortlist], columns=COLUMNS)
    assert [(s.rows_read, s.rows_used, s.rows_set_aside) for s in dataset.sheets] == [(3, 3, 0), (3, 3, 0)]
    assert sorted(w.code for w in dataset.warnings) == ["row.duplicate_applicant", "row.duplicate_shortlist"]
    assert by_id(dataset)["S-1"] == {"qualified": True, "ib": True, "invited": False}
    assert not any(a.doubts for p in dataset.postings for a in p.applicants)


def test_same_applicant_in_two_postings_is_fine(tmp_path: Path) -> None:
    applicants = write_csv(tmp_path / "a.csv", [APPLICANT_HEADER, ROWS[0], ["P-2", *ROWS[0][1:]]])
    shortlist = write_csv(tmp_path / "k.csv", [SHORTLIST_HEADER, ["P-2", "S-1", "Ja", "1", ""]])
    dataset = load([applicants], [shortlist], columns=COLUMNS)
    assert [(p.posting_id, p.applicants[0].invited) for p in dataset.postings] == [("P-1", False), ("P-2", True)]
    assert not dataset.warnings


def test_shortlist_row_for_unknown_applicant_stops_the_run(tmp_path: Path) -> None:
    applicants = write_csv(tmp_path / "a.csv", [APPLICANT_HEADER, *ROWS])
    shortlist = write_csv(tmp_path / "k.csv", [SHORTLIST_HEADER, *SHORT, ["P-1", "S-404", "Ja", "3", ""],
                                               ["P-9", "S-1", "Ja", "1", ""]])
    with pytest.raises(InputError) as caught:
        load([applicants], [shortlist], columns=COLUMNS)
    found = [(p.code, p.row, p.column, dict(p.params)["applicant"]) for p in caught.value.problems]
    assert found == [("row.unknown_applicant", 4, "Søker-ID", "S-404"), ("row.unknown_applicant", 5, "Søker-ID", "S-1")]


def test_two_headers_for_one_field_stop_the_run(tmp_path: Path) -> None:
    path = write_csv(tmp_path / "a.csv", [
        ["Stillings-ID", "Søker-ID", "Innvandrerbakgrunn", "Innvandrerbakgrunn (egenerklært)", "Innkalt"],
        ["P-1", "S-1", "Ja", "Nei", "Ja"],
    ])
    with pytest.raises(InputError) as caught:
        load([path], columns=COLUMNS)
    [problem] = caught.value.problems
    assert problem.code == "read.duplicate_field" and problem.column == "Innvandrerbakgrunn (egenerklært)"


def test_file_without_ids_stops_with_what_it_saw(tmp_path: Path) -> None:
    path = write_csv(tmp_path / "a.csv", [["Stillings-ID", "Navn"], ["P-1", "Kari"]])
    with pytest.raises(InputError) as caught:
        load([path], columns=COLUMNS)
    [problem] = caught.value.problems
    assert problem.code == "read.no_header" and "'Stillings-ID'" in dict(problem.params)["seen"]


def test_all_fatal_problems_are_collected_not_only_the_first(tmp_path: Path) -> None:
    bad = write_csv(tmp_path / "a.csv", [["Navn"], ["Kari"]])
    garbage = tmp_path / "b.xlsx"
    garbage.write_bytes(b"not a spreadsheet")
    with pytest.raises(InputError) as caught:
        load([bad, garbage, tmp_path / "missing.csv"], columns=COLUMNS)
    assert [p.code for p in caught.value.problems] == ["read.no_header", "read.unreadable", "read.not_found"]


def test_unmapped_columns_are_never_loaded(tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "a.xlsx", [
        ["Stillings-ID", "Søker-ID", "Navn", "E-post", "Fødselsdato", "Statsborgerskap", "Morsmål", "Kvalifisert"],
        ["P-1", "S-1", "KANARI", "kanari@example.org", date(1990, 1, 1), "KANARI-land", "KANARI-språk", "Ja"],
    ])
    [sheet] = read_excel(path, str(path), COLUMNS, ProblemLog())
    assert list(sheet.data.columns) == ["posting_id", "applicant_id", "qualified"]
    assert not any("KANARI" in (cell or "") for name in sheet.data.columns for cell in column_texts(sheet.data, name))
    assert sheet.ignored == ("Navn", "E-post", "Fødselsdato", "Statsborgerskap", "Morsmål")


def test_hidden_and_unrelated_sheets_are_skipped_and_said(tmp_path: Path) -> None:
    import openpyxl

    book = openpyxl.Workbook()
    notes = book.active
    assert notes is not None
    notes.title = "Notater"
    notes.append(["Dette er notater"])
    data = book.create_sheet("Søkere")
    for row in [["Stillings-ID", "Søker-ID", "Kvalifisert", "Innkalt"], ["P-1", "S-1", "Ja", "Ja"]]:
        data.append(row)
    hidden = book.create_sheet("Gammel")
    for row in [["Stillings-ID", "Søker-ID", "Kvalifisert", "Innkalt"], ["P-1", "S-1", "Nei", "Nei"]]:
        hidden.append(row)
    hidden.sheet_state = "hidden"
    path = tmp_path / "a.xlsx"
    book.save(path)
    dataset = load([path], columns=COLUMNS)
    assert [s.sheet for s in dataset.sheets] == ["Søkere"]
    assert sorted((w.sheet, w.code) for w in dataset.warnings) == [
        ("Gammel", "read.sheet_skipped_hidden"), ("Notater", "read.sheet_skipped_no_ids")]


def test_folder_means_every_spreadsheet_inside(tmp_path: Path) -> None:
    write_csv(tmp_path / "a.csv", [APPLICANT_HEADER, *ROWS])
    write_csv(tmp_path / "k.csv", [SHORTLIST_HEADER, *SHORT])
    (tmp_path / "notes.md").write_text("not a spreadsheet")
    dataset = load([tmp_path], columns=COLUMNS)
    assert sorted(s.role for s in dataset.sheets) == ["applicants", "shortlist"]


def test_conflicting_posting_values_warn_and_do_not_depend_on_order(tmp_path: Path) -> None:
    other = [*ROWS[1][:1], "Lærer", *ROWS[1][2:]]
    shortlist = write_csv(tmp_path / "k.csv", [SHORTLIST_HEADER, *SHORT])
    for name, rows in (("a.csv", [ROWS[0], other]), ("b.csv", [other, ROWS[0]])):
        applicants = write_csv(tmp_path / name, [APPLICANT_HEADER, *rows])
        dataset = load([applicants], [shortlist], columns=COLUMNS)
        assert dataset.postings[0].title == "Lærer"  # the same value shown, whichever row came first
        assert [d.field for d in dataset.postings[0].doubts] == ["posting_title"]
        [warning] = dataset.warnings
        assert (warning.code, warning.row, warning.column) == ("posting.conflict", 3, "Stillingstittel")


def test_user_columns_file_adds_aliases(tmp_path: Path) -> None:
    extra = tmp_path / "kolonner.toml"
    extra.write_text('[aliases]\napplicant_id = ["Kandidat nr."]\n'
                     'immigrant_background = ["Egenerklæring innvandrerbakgrunn"]\n', encoding="utf-8")
    columns = load_column_map(extra)
    assert columns.field_for("Kandidat nr.") is Field.applicant_id
    assert columns.field_for("egenerklæring innvandrerbakgrunn") is Field.immigrant_background


@pytest.mark.parametrize("suffix", ["csv", "xlsx"])
def test_the_same_header_twice_stops_the_run(tmp_path: Path, suffix: str) -> None:
    rows = [["Stillings-ID", "Søker-ID", "Innvandrerbakgrunn", "Innvandrerbakgrunn", "Innkalt"],
            ["P-1", "S-1", "Ja", "Nei", "Ja"]]
    path = write_csv(tmp_path / "a.csv", rows) if suffix == "csv" else write_xlsx(tmp_path / "a.xlsx", rows)
    with pytest.raises(InputError) as caught:
        load([path], columns=COLUMNS)
    [problem] = caught.value.problems
    assert problem.code == "read.duplicate_field" and dict(problem.params)["field"] == "immigrant_background"


def test_blank_rows_above_the_header_keep_row_numbers_right(tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "a.xlsx", [["Stillings-ID", "Søker-ID", "Kvalifisert", "Innkalt"],
                                            ["P-1", "S-1", "Ja", "Ja"], ["P-1", "S-2", "kanskje", "Ja"]],
                      above=[[], []])
    dataset = load([path], columns=COLUMNS)
    assert dataset.sheets[0].header_row == 3
    [warning] = dataset.warnings
    assert (warning.row, warning.column) == (5, "Kvalifisert")

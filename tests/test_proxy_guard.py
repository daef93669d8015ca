"""The proxy guard: group membership only from the applicant's own declaration, ids never personal data.

Header words are refused when a --columns file or the config's [aliases] maps them; cell contents
are judged when a file is read. Every case runs through the command line, as a user would.
"""

from __future__ import annotations

import json
import tomllib
from pathlib import Path

import pytest
from typer.testing import CliRunner

from rekruttering.keys import is_national_id
from rekruttering.read.fields import Field
from rekruttering.read.proxyguard import alias_refusal

from conftest import ROOT, run, write_csv, write_xlsx

PROXY_HEADERS = [
    "Norskkunnskaper", "Utenlandsfødt", "Nasjon", "Botid i Norge", "Innvandringsår",
    # bokmål
    "Fødselsland", "Fødeland", "Fødested", "Statsborgerskap", "Statsborger", "Nasjonalitet", "Etnisitet",
    "Etnisk bakgrunn", "Etnisk opprinnelse", "Språk", "Språkbakgrunn", "Morsmål", "Førstespråk", "Religion",
    "Trossamfunn", "Livssyn", "Tro", "Fullt navn", "Fornavn", "Etternavn", "Opprinnelse", "Herkomst",
    "Opphavsland", "Hjemland", "Land", "Landbakgrunn", "Hudfarge", "Rase", "Passnummer", "Oppholdstillatelse",
    "Født i utlandet", "Fødselsnummer", "E-post",
    # nynorsk
    "Fødestad", "Statsborgarskap", "Namn", "Etternamn", "Trussamfunn", "Fyrstespråk", "Heimland", "Fødd",
    # English
    "Full name", "Name", "First name", "Surname", "Country of birth", "Place of birth", "Birth country",
    "Citizenship", "Nationality", "Native language", "Mother tongue", "First language", "Language", "Ethnicity",
    "Ethnic origin", "Race", "Religion or belief", "Faith", "Origin", "Skin colour", "Passport",
    "Residence permit", "Country", "CountryOfBirth",
    # spellings without ø/å
    "Fodselsland", "Morsmaal",
]
DECLARATION_HEADERS = {
    "immigrant_background": ["Innvandrerbakgrunn", "Innvandrerbakgrunn (egenerklært)",
                             "Egenerklæring innvandrerbakgrunn", "Ikke-vestlig bakgrunn (egenerklært)",
                             "Innvandrarbakgrunn (eigenerklært)"],
    "country_group": ["Landgruppe", "Land gruppe", "Country group"],
    "disability": ["Nedsatt funksjonsevne", "Funksjonsnedsettelse", "Nedsett funksjonsevne"],
    "cv_gap": ["Hull i CV", "Fravær fra arbeid"],
    "gender": ["Kjønn", "Gender", "Kjønn (selvoppgitt)"],
}
PERSONAL_HEADERS = [
    "Navn", "Namn", "Fornavn", "Etternavn", "Name", "Full name", "Søkers navn", "Kandidatnavn", "E-post", "Epost",
    "E-mail", "Email", "E-postadresse", "Fødselsnummer", "Personnummer", "Fnr", "D-nummer", "National ID", "SSN",
    "Fødselsdato", "Fødd", "Date of birth", "DOB", "Telefon", "Mobil", "Phone", "Adresse", "Postnummer",
]
BASE = ["Stillings-ID", "Søker-ID", "Kvalifisert"]


def columns_file(tmp_path: Path, field: str, header: str) -> Path:
    path = tmp_path / "kolonner.toml"
    path.write_text(f'[aliases]\n{field} = ["{header}"]\n', encoding="utf-8")
    return path


def applicants(tmp_path: Path, header: str, cells: list[str], *, ids: list[str] | None = None,
               id_header: str = "Søker-ID") -> Path:
    """An applicant export of one posting, with ``cells`` in a column headed ``header``."""
    ids = ids or [f"S-{n}" for n in range(1, len(cells) + 1)]
    rows = [["Stillings-ID", id_header, "Kvalifisert", "Innkalt til intervju", header]]
    rows += [["P-1", applicant, "Ja", "Ja", cell] for applicant, cell in zip(ids, cells, strict=True)]
    return write_csv(tmp_path / "soekere.csv", rows)


def check(runner: CliRunner, path: Path, *extra: str | Path) -> tuple[int, str, str]:
    return run(runner, "check", path, "-r", "sarpsborg", "--lang", "en", *extra)


def fnr(body: str) -> str:
    """A checksum-valid 11-digit number from 9 digits (synthetic, like the tax authority's test numbers)."""
    digits = [int(c) for c in body]
    k1 = 11 - sum(d * w for d, w in zip(digits, (3, 7, 6, 1, 8, 9, 4, 5, 2), strict=True)) % 11
    k1 = 0 if k1 == 11 else k1
    k2 = 11 - sum(d * w for d, w in zip([*digits, k1], (5, 4, 3, 2, 7, 6, 5, 4, 3, 2), strict=True)) % 11
    k2 = 0 if k2 == 11 else k2
    assert k1 < 10 and k2 < 10, body
    return body + str(k1) + str(k2)


FNRS = [fnr(b) for b in ("150765005", "010190124", "311299876", "030385214", "121203456")]


# ---- header words -------------------------------------------------------------------------------

@pytest.mark.parametrize("header", PROXY_HEADERS)
def test_a_proxy_header_is_refused_for_a_group_field(runner: CliRunner, tmp_path: Path, header: str) -> None:
    path = applicants(tmp_path, "Innvandrerbakgrunn", ["Ja", "Nei"])
    code, out, err = check(runner, path, "--columns", columns_file(tmp_path, "immigrant_background", header))
    assert code == 2 and out == "" and "Traceback" not in err
    assert header in err and "own declaration" in err
    assert "egen erklæring" not in err  # --lang en: the error in English only


@pytest.mark.parametrize("header", ["Fødselsland", "Full name", "Etnisitet", "Språk", "Statsborgarskap"])
@pytest.mark.parametrize("field", ["country_group", "disability", "cv_gap", "gender"])
def test_every_group_field_is_guarded(runner: CliRunner, tmp_path: Path, field: str, header: str) -> None:
    path = applicants(tmp_path, "Innvandrerbakgrunn", ["Ja", "Nei"])
    code, _, err = check(runner, path, "--columns", columns_file(tmp_path, field, header))
    assert code == 2 and header in err and field in err


def test_a_proxy_header_in_the_config_is_refused(runner: CliRunner, tmp_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    path = applicants(tmp_path, "Innvandrerbakgrunn", ["Ja", "Nei"])
    (tmp_path / "rekruttering.toml").write_text(
        'rules = "sarpsborg"\n[aliases]\ngender = ["Fullt navn"]\n', encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    code, out, err = run(runner, "check", path)
    assert code == 2 and out == "" and "Fullt navn" in err and "egen erklæring" in err


@pytest.mark.parametrize(("field", "header"), [(f, h) for f, hs in DECLARATION_HEADERS.items() for h in hs])
def test_a_declaration_header_maps_and_is_read(runner: CliRunner, tmp_path: Path, field: str, header: str) -> None:
    cells = {"country_group": ["1", "2", "1"], "gender": ["kvinne", "mann", "Ønsker ikke å oppgi"]}.get(
        field, ["Ja", "Nei", "Ønsker ikke å oppgi"])
    path = applicants(tmp_path, header, cells)
    code, out, err = run(runner, "inspect", path, "--columns", columns_file(tmp_path, field, header))
    assert code == 0, err
    assert field in out and header in out


def test_no_built_in_alias_is_a_proxy_or_personal_data() -> None:
    table = tomllib.loads((ROOT / "rules" / "columns.toml").read_text(encoding="utf-8"))["aliases"]
    refused = [(name, alias) for name, aliases in table.items() for alias in aliases
               if alias_refusal(Field(name), alias, "en")]
    assert refused == []
    assert any(Field(name) is Field.gender for name in table)  # the file was read


@pytest.mark.parametrize("header", PERSONAL_HEADERS)
@pytest.mark.parametrize("field", ["applicant_id", "posting_title", "unit", "justification"])
def test_an_id_or_text_field_may_not_point_at_personal_data(runner: CliRunner, tmp_path: Path, field: str,
                                                            header: str) -> None:
    path = applicants(tmp_path, "Innvandrerbakgrunn", ["Ja", "Nei"])
    code, out, err = check(runner, path, "--columns", columns_file(tmp_path, field, header))
    assert code == 2 and out == "" and header in err and "Traceback" not in err


@pytest.mark.parametrize(("field", "header"), [
    ("posting_title", "Stillingsnavn"), ("posting_title", "Navn på stilling"), ("unit", "Enhetsnavn"),
    ("unit", "Department name"), ("applicant_id", "Kandidat nr."), ("applicant_id", "Løpenummer"),
    ("justification", "Merknad"),
])
def test_names_of_postings_and_units_are_not_names_of_persons(runner: CliRunner, tmp_path: Path, field: str,
                                                              header: str) -> None:
    path = applicants(tmp_path, "Innvandrerbakgrunn", ["Ja", "Nei"])
    code, _, err = check(runner, path, "--columns", columns_file(tmp_path, field, header))
    assert code in (0, 1), err


# ---- cell contents: group fields ----------------------------------------------------------------

def test_a_declaration_column_holding_country_names_is_refused(runner: CliRunner, tmp_path: Path) -> None:
    path = applicants(tmp_path, "Innvandrerbakgrunn", ["Polen", "Norge", "Somalia", "Norge", "Sverige"])
    code, out, err = check(runner, path)
    assert code == 2 and out == "" and "Traceback" not in err
    assert "soekere.csv" in err and "Innvandrerbakgrunn" in err and "0%" in err
    assert "own declaration" in err
    assert not any(country in err for country in ("Polen", "Norge", "Somalia", "Sverige"))


def test_a_gender_column_of_names_is_refused_in_xlsx_with_the_sheet_named(runner: CliRunner,
                                                                          tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "soekere.xlsx", [
        ["Stillings-ID", "Søker-ID", "Kvalifisert", "Innkalt", "Kjønn"],
        ["P-1", "S-1", "Ja", "Ja", "Kari Nordmann"], ["P-1", "S-2", "Ja", "Ja", "Ola Nordmann"],
        ["P-1", "S-3", "Ja", "Ja", "Per Hansen"], ["P-1", "S-4", "Ja", "Ja", "kvinne"],
    ], sheet="Søkere")
    code, out, err = check(runner, path)
    assert code == 2 and out == ""
    assert "soekere.xlsx" in err and "Søkere" in err and "Kjønn" in err and "25%" in err
    assert "Nordmann" not in err and "Hansen" not in err


def test_a_yes_no_column_with_one_typo_is_read_with_a_warning(runner: CliRunner, tmp_path: Path) -> None:
    path = applicants(tmp_path, "Innvandrerbakgrunn", ["Ja", "Nei", "jaa", "Nei", "Ja"])
    code, out, err = run(runner, "check", path, "-r", "sarpsborg", "--lang", "en", "--format", "json")
    assert code in (0, 1), err
    warnings = json.loads(out)["warnings"]
    assert [(w["row"], w["column"], w["code"]) for w in warnings] == [(4, "Innvandrerbakgrunn", "value.bad_yesno")]


def test_a_few_odd_answers_among_many_do_not_refuse_the_column(runner: CliRunner, tmp_path: Path) -> None:
    cells = ["Ja", "Nei"] * 40 + ["kanskje", "vet ikke helt", "ja?"]  # 96 % understood
    path = applicants(tmp_path, "Innvandrerbakgrunn", cells)
    code, _, err = check(runner, path)
    assert code in (0, 1), err


def test_many_odd_answers_in_a_large_column_refuse_it(runner: CliRunner, tmp_path: Path) -> None:
    cells = ["Ja", "Nei"] * 20 + ["Polen", "Irak", "Chile", "Norge"]  # 90 % understood
    path = applicants(tmp_path, "Innvandrerbakgrunn", cells)
    code, _, err = check(runner, path)
    assert code == 2 and "90%" in err and "Innvandrerbakgrunn" in err


def test_a_small_column_is_refused_only_when_most_cells_fail(runner: CliRunner, tmp_path: Path) -> None:
    half = applicants(tmp_path, "Innvandrerbakgrunn", ["Ja", "Nei", "Ja", "x1", "x2", "x3"])
    assert check(runner, half)[0] in (0, 1)
    most = applicants(tmp_path, "Innvandrerbakgrunn", ["Ja", "Nei", "x1", "x2", "x3"])
    code, _, err = check(runner, most)
    assert code == 2 and "40%" in err


def test_country_group_accepts_only_declared_groups(runner: CliRunner, tmp_path: Path) -> None:
    declared = applicants(tmp_path, "Landgruppe", ["1", "2", "Landgruppe 1", "Ønsker ikke å oppgi"])
    code, out, _ = run(runner, "inspect", declared, "--lang", "en")
    assert code == 0 and "country_group" in out
    countries = applicants(tmp_path, "Landgruppe", ["Polen", "Irak", "Norge", "1"])
    code, out, _ = run(runner, "inspect", countries, "--lang", "en")
    assert code == 2 and "Landgruppe" in out and "country_group" in out and "25%" in out and "Irak" not in out


def test_inspect_reports_the_refused_column(runner: CliRunner, tmp_path: Path) -> None:
    path = applicants(tmp_path, "Innvandrerbakgrunn", ["Polen", "Norge", "Somalia"])
    code, out, _ = run(runner, "inspect", path, "--lang", "en")
    assert code == 2 and "own declaration" in out and "Polen" not in out


# ---- cell contents: ids and text fields ---------------------------------------------------------

def test_an_applicant_id_column_of_e_mail_addresses_is_refused(runner: CliRunner, tmp_path: Path) -> None:
    mails = ["kari@example.org", "ola.nordmann@example.no", "per@firma.com"]
    path = applicants(tmp_path, "Innvandrerbakgrunn", ["Ja", "Nei", "Ja"], ids=mails)
    code, out, err = check(runner, path)
    assert code == 2 and out == "" and "Søker-ID" in err and "e-mail" in err and "100%" in err
    assert "example" not in err


def test_an_applicant_id_column_of_national_id_numbers_is_refused(runner: CliRunner, tmp_path: Path) -> None:
    path = applicants(tmp_path, "Innvandrerbakgrunn", ["Ja", "Nei", "Ja", "Nei", "Ja"], ids=FNRS)
    code, out, err = check(runner, path)
    assert code == 2 and out == "" and "Søker-ID" in err and "national id" in err
    assert not any(number in err for number in FNRS)


def test_an_applicant_id_column_of_names_is_refused(runner: CliRunner, tmp_path: Path) -> None:
    names = ["Kari Nordmann", "Nordmann, Ola", "Anne-Lise Berg"]
    path = applicants(tmp_path, "Innvandrerbakgrunn", ["Ja", "Nei", "Ja"], ids=names, id_header="Kandidat nr.")
    extra = columns_file(tmp_path, "applicant_id", "Kandidat nr.")
    code, _, err = check(runner, path, "--columns", extra)
    assert code == 2 and "Kandidat nr." in err and "names" in err and "Nordmann" not in err


def test_a_justification_column_of_e_mail_addresses_is_refused(runner: CliRunner, tmp_path: Path) -> None:
    shortlist = write_csv(tmp_path / "intervju.csv", [
        ["Stillings-ID", "Søker-ID", "Innkalt", "Begrunnelse"],
        ["P-1", "S-1", "Ja", "a@example.org"], ["P-1", "S-2", "Nei", "b@example.org"],
        ["P-1", "S-3", "Nei", "c@example.org"],
    ])
    path = applicants(tmp_path, "Innvandrerbakgrunn", ["Ja", "Nei", "Ja"])
    code, _, err = run(runner, "check", path, "-s", shortlist, "-r", "sarpsborg", "--lang", "en")
    assert code == 2 and "Begrunnelse" in err and "intervju.csv" in err and "example" not in err


@pytest.mark.parametrize("ids", [
    ["S-1042", "S-1043", "S-1044", "S-1045"], ["12345", "12346", "12347", "12348"],
    ["2025-031-7", "2025-031-8", "2025-032-1", "2025-033-4"], ["12345678901", "10987654321", "11111111112",
                                                               "22222222223"],
])
def test_ordinary_applicant_ids_pass(runner: CliRunner, tmp_path: Path, ids: list[str]) -> None:
    path = applicants(tmp_path, "Innvandrerbakgrunn", ["Ja", "Nei", "Ja", "Nei"], ids=ids)
    code, _, err = check(runner, path)
    assert code in (0, 1), err


def test_titles_and_units_of_capitalised_words_pass(runner: CliRunner, tmp_path: Path) -> None:
    path = write_csv(tmp_path / "soekere.csv", [
        ["Stillings-ID", "Stillingstittel", "Enhet", "Søker-ID", "Kvalifisert", "Innkalt", "Innvandrerbakgrunn"],
        *[["P-1", "Rådgiver Økonomi", "Helse Og Omsorg", f"S-{n}", "Ja", "Ja", "Ja"] for n in range(5)],
    ])
    code, _, err = check(runner, path)
    assert code in (0, 1), err


def test_the_national_id_checksum() -> None:
    assert all(is_national_id(number) for number in FNRS)
    assert not is_national_id(FNRS[0][:-1] + str((int(FNRS[0][-1]) + 1) % 10))
    assert is_national_id(FNRS[1][1:] + ".0")  # Excel lost the leading zero
    assert not is_national_id("S-1042") and not is_national_id("123456789012")

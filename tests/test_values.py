"""Cell values: every accepted yes/no form, blanks as not declared, dates, numbers."""

from __future__ import annotations

from datetime import date

import pytest

from rekruttering.models import PostingType
from rekruttering.read.values import (
    parse_country_group,
    parse_date,
    parse_gender,
    parse_number,
    parse_posting_type,
    parse_rank,
    parse_yesno,
)


@pytest.mark.parametrize("raw", ["ja", "Ja", "JA", " j ", "yes", "Y", "true", "TRUE", "1", "1.0", "x", "X"])
def test_yes_forms(raw: str) -> None:
    assert parse_yesno(raw) == (True, True)


@pytest.mark.parametrize("raw", ["nei", "Nei", "n", "no", "false", "FALSE", "0", "0.0"])
def test_no_forms(raw: str) -> None:
    assert parse_yesno(raw) == (False, True)


@pytest.mark.parametrize("raw", ["", "   ", "Ønsker ikke å oppgi", "ønsker ikke å oppgi", "ØNSKER IKKE Å OPPGI",
                                 "Vil ikke oppgi", "ikke oppgitt", "Prefer not to say"])
def test_blank_and_refusal_are_not_declared_never_no(raw: str) -> None:
    assert parse_yesno(raw) == (None, True)


@pytest.mark.parametrize("raw", ["kanskje", "2", "ja?", "nei takk"])
def test_unknown_yes_no_is_flagged(raw: str) -> None:
    assert parse_yesno(raw) == (None, False)


@pytest.mark.parametrize(("raw", "expected"), [
    ("01.03.2025", date(2025, 3, 1)),
    ("1.3.2025", date(2025, 3, 1)),
    ("01/03/2025", date(2025, 3, 1)),
    ("2025-03-01", date(2025, 3, 1)),
    ("2025-03-01 00:00:00", date(2025, 3, 1)),
    ("2025-03-01T12:30:00", date(2025, 3, 1)),
    ("45717", date(2025, 3, 1)),
    ("45717.5", date(2025, 3, 1)),
])
def test_dates(raw: str, expected: date) -> None:
    assert parse_date(raw) == (expected, True)


@pytest.mark.parametrize("raw", ["32.03.2025", "29.02.2025", "2025-13-01", "i morgen", "0"])
def test_impossible_dates_are_flagged(raw: str) -> None:
    assert parse_date(raw) == (None, False)


@pytest.mark.parametrize(("raw", "expected"), [("3", 3.0), ("2,5", 2.5), ("1 000", 1000.0), ("87.5", 87.5)])
def test_numbers(raw: str, expected: float) -> None:
    assert parse_number(raw) == (expected, True)


@pytest.mark.parametrize("raw", ["-1", "nan", "inf", "tre"])
def test_bad_numbers(raw: str) -> None:
    assert parse_number(raw) == (None, False)


@pytest.mark.parametrize(("raw", "expected"), [
    ("ekstern", PostingType.external), ("Intern", PostingType.internal),
    ("Unntatt offentlig utlysning", PostingType.exempt), ("fortrinnsrett", PostingType.exempt),
    ("Reservert", PostingType.reserved), ("AVLYST", PostingType.cancelled),
])
def test_posting_types(raw: str, expected: PostingType) -> None:
    assert parse_posting_type(raw) == (expected, True)


@pytest.mark.parametrize(("raw", "expected"), [("1", (1.0, True)), ("12", (12.0, True)), ("0", (None, False)),
                                               ("0,5", (None, False)), ("", (None, True))])
def test_ranks_start_at_one(raw: str, expected: tuple[float | None, bool]) -> None:
    assert parse_rank(raw) == expected


def test_gender_and_country_group() -> None:
    assert parse_gender("Kvinne") == ("kvinne", True)
    assert parse_gender("M") == ("mann", True)
    assert parse_gender("") == (None, True)
    assert parse_gender("ukjent kode") == (None, False)
    assert parse_country_group("2") == ("2", True)
    assert parse_country_group("Landgruppe 1") == ("1", True)
    assert parse_country_group("3") == (None, False)

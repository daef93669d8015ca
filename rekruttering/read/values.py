"""Parse cell texts into typed values: yes/no, dates, numbers, posting types, genders.

Each parser returns ``(value, ok)``. A blank cell, or an answer like "ønsker ikke å oppgi", is
``(None, True)``: not declared (or unknown) and not a problem. A value the parser does not know
is ``(None, False)``: the caller turns it into a warning naming the cell. A blank is never no.
"""

from __future__ import annotations

import itertools
import math
import re
from collections.abc import Callable
from datetime import date, timedelta
from typing import Any

from rekruttering.models import PostingType
from rekruttering.read.fields import Kind

YES = frozenset({"ja", "j", "yes", "y", "true", "sann", "sant", "1", "x", "✓", "✔"})
NO = frozenset({"nei", "n", "no", "false", "usann", "usant", "0"})
NOT_DECLARED = frozenset({
    "ønskerikkeåoppgi", "ønskerikkeoppgi", "vilikkeoppgi", "ikkeoppgitt", "ikkeoppgi", "oppgirikke",
    "ønskerikkeåsvare", "preferernottosay", "prefernottosay", "notdeclared", "ukjent", "unknown", "vetikke",
})
POSTING_TYPES: dict[str, PostingType] = {
    **dict.fromkeys(("ekstern", "extern", "external", "offentlig", "åpen"), PostingType.external),
    **dict.fromkeys(("intern", "internal", "internutlysning"), PostingType.internal),
    **dict.fromkeys(
        ("unntatt", "unntattoffentligutlysning", "unntak", "exempt", "fortrinnsrett", "fortrinnsberettiget"),
        PostingType.exempt,
    ),
    **dict.fromkeys(("reservert", "reserved", "forbeholdt"), PostingType.reserved),
    **dict.fromkeys(("trainee", "traineestilling", "trainee-stilling", "traineeprogram", "traineeprogrammet"),
                    PostingType.trainee),
    **dict.fromkeys(("avlyst", "cancelled", "canceled", "kansellert", "trukket"), PostingType.cancelled),
}
GENDERS: dict[str, str] = {
    **dict.fromkeys(("kvinne", "k", "kvinnelig", "female", "f", "woman", "w", "kvinner"), "kvinne"),
    **dict.fromkeys(("mann", "m", "mannlig", "male", "man", "menn"), "mann"),
    **dict.fromkeys(("annet", "annen", "other", "x", "ikkebinær", "ikke-binær", "nonbinary", "non-binary"), "annet"),
}
# posting level: a leader post or not ("Lederstilling" ja/nei, "Stillingsnivå" leder/ikke leder)
JOB_LEVELS: dict[str, str] = {
    **dict.fromkeys(("leder", "lederstilling", "leader", "manager", "management", "toppleder", "mellomleder",
                     "enhetsleder", "avdelingsleder", "seksjonsleder", "virksomhetsleder", "kommunedirektør",
                     "rådmann", "direktør", "nøkkelposisjon", "nøkkelstilling"), "leader"),
    **dict.fromkeys(("ikkeleder", "ikke-leder", "ikkelederstilling", "fagstilling", "medarbeider", "ansatt",
                     "nonmanager", "non-manager", "staff", "notleader", "not-leader"), "other"),
}
# "Ansettelsesform": fast or temporary (vikariat, engasjement, midlertidig)
EMPLOYMENT_TYPES: dict[str, str] = {
    **dict.fromkeys(("fast", "fastansettelse", "fastansatt", "faststilling", "permanent", "permanentposition"),
                    "permanent"),
    **dict.fromkeys(("midlertidig", "midlertidigansettelse", "midlertidigstilling", "vikariat", "vikar",
                     "engasjement", "temporary", "fixedterm", "fixed-term", "sesong", "sesongarbeid"), "temporary"),
}
EXCEL_EPOCH = date(1899, 12, 30)  # serials from 61 on; Excel counts a 29 February 1900 that never was
EXCEL_EARLY_EPOCH = date(1899, 12, 31)  # serials 1 to 59 (1900-01-01 to 1900-02-28)
EXCEL_LEAP_BUG = 60  # Excel's 1900-02-29: no date
PLAUSIBLE_FROM = date(1990, 1, 1)  # a posting deadline outside these is a typo or a mangled cell
PLAUSIBLE_TO = date(2100, 12, 31)
_DMY = re.compile(r"^(\d{1,2})([./-])(\d{1,2})\2(\d{4})$")
_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?$")
_SERIAL = re.compile(r"^\d{1,7}(?:\.\d+)?$")


def _key(raw: str) -> str:
    """Case and spaces ignored, and a full stop at the end; other punctuation kept ("ja?" is no answer)."""
    text = "".join(raw.casefold().split()).removesuffix(".")
    if text.endswith(".0") and text[:-2].isdigit():
        text = text[:-2]
    return text


def parse_yesno(raw: str) -> tuple[bool | None, bool]:
    if not raw.strip():
        return None, True
    key = _key(raw)
    if key in YES:
        return True, True
    if key in NO:
        return False, True
    if key in NOT_DECLARED:
        return None, True
    return None, False


def excel_serial(days: int) -> date | None:
    """The date of an Excel (1900 system) serial, right on both sides of Excel's 1900 leap-year bug."""
    if days < 1 or days > 2_958_465 or days == EXCEL_LEAP_BUG:  # 2_958_465 is Excel's 9999-12-31
        return None
    return (EXCEL_EARLY_EPOCH if days < EXCEL_LEAP_BUG else EXCEL_EPOCH) + timedelta(days=days)


def parse_answer(raw: str) -> tuple[bool | None, bool]:
    """A yes/no the employer records (qualified, invited, withdrawn, recommended, hired): blank is no
    answer, but "ukjent" or "ønsker ikke å oppgi" is not an answer the reader understands."""
    value, ok = parse_yesno(raw)
    if value is None and ok and raw.strip():
        return None, False
    return value, ok


def parse_date(raw: str) -> tuple[date | None, bool]:
    """dd.mm.yyyy (also with - or /, read as day before month), ISO yyyy-mm-dd, or an Excel serial."""
    text = raw.strip()
    if not text:
        return None, True
    try:
        if match := _DMY.match(text):
            day, _, month, year = match.groups()
            return date(int(year), int(month), int(day)), True
        if match := _ISO.match(text):
            year, month, day = (int(g) for g in match.groups())
            return date(year, month, day), True
        if _SERIAL.match(text):
            found = excel_serial(int(float(text)))
            return (found, True) if found else (None, False)
    except (ValueError, OverflowError):
        pass
    return None, False


def parse_deadline(raw: str) -> tuple[date | None, bool]:
    """A posting deadline: a date between 1990 and 2100. A bare year ("2025", which Excel would read as
    the serial of 1905-07-17), a number of six or eight digits, 01.01.0001 or 31.12.9999 is no deadline."""
    text = raw.strip()
    if text.isdigit() and len(text) in (4, 6, 8):
        return None, False
    found, ok = parse_date(text)
    if found is not None and not PLAUSIBLE_FROM <= found <= PLAUSIBLE_TO:
        return None, False
    return found, ok


def is_slash_date(raw: str) -> bool:
    """A date written with slashes, which the reader takes as day/month/year (Norwegian order)."""
    match = _DMY.match(raw.strip())
    return match is not None and match.group(2) == "/"


def parse_number(raw: str) -> tuple[float | None, bool]:
    text = raw.strip().replace("\u00a0", "").replace(" ", "")
    if not text:
        return None, True
    if text.count(",") == 1 and "." not in text:
        text = text.replace(",", ".")
    try:
        value = float(text)
    except ValueError:
        return None, False
    if math.isnan(value) or math.isinf(value) or value < 0:
        return None, False
    return value, True


def parse_rank(raw: str) -> tuple[float | None, bool]:
    """A place in the ranking: a number from 1 (the best) up."""
    value, ok = parse_number(raw)
    if value is not None and value < 1:
        return None, False
    return value, ok


def parse_posting_type(raw: str) -> tuple[PostingType | None, bool]:
    if not raw.strip():
        return None, True
    found = POSTING_TYPES.get(_key(raw))
    return found, found is not None


def parse_gender(raw: str) -> tuple[str | None, bool]:
    if not raw.strip():
        return None, True
    key = _key(raw)
    if key in NOT_DECLARED:
        return None, True
    found = GENDERS.get(key)
    return found, found is not None


def parse_job_level(raw: str) -> tuple[str | None, bool]:
    """"leader" or "other": a leader post or not, from yes/no ("Lederstilling") or a level ("Stillingsnivå")."""
    if not raw.strip():
        return None, True
    key = _key(raw)
    if key in YES:
        return "leader", True
    if key in NO:
        return "other", True
    found = JOB_LEVELS.get(key)
    return found, found is not None


def parse_employment_type(raw: str) -> tuple[str | None, bool]:
    """"permanent" or "temporary" ("Ansettelsesform": fast / midlertidig, vikariat, engasjement)."""
    if not raw.strip():
        return None, True
    found = EMPLOYMENT_TYPES.get(_key(raw))
    return found, found is not None


def parse_country_group(raw: str) -> tuple[str | None, bool]:
    if not raw.strip():
        return None, True
    key = _key(raw)
    if key in NOT_DECLARED:
        return None, True
    digits = re.sub(r"^(landgruppe|gruppe|group)", "", key)
    return (digits, True) if digits in {"1", "2"} else (None, False)


_WHOLE_FLOAT = re.compile(r"^(\d+)\.0+$")
_SCIENTIFIC = re.compile(r"^\d+(?:[.,]\d+)?[eE][+-]?\d+$")
_INVISIBLE = "\u200b\u200c\u200d\u2060\ufeff"


def parse_id(raw: str) -> tuple[str | None, bool]:
    """A posting or applicant id: compared exactly (case and inner spaces count) after trimming spaces.

    A whole number Excel stored as a float joins its integer form ("12345.0" is "12345"). A number
    in scientific notation ("1,23457E+11") has lost its digits in Excel and is no id: ``(None, False)``.
    """
    text = raw.strip().strip(_INVISIBLE).strip()
    if not text:
        return None, True
    if _SCIENTIFIC.match(text):
        return None, False
    if match := _WHOLE_FLOAT.match(text):
        return match.group(1), True
    return text, True


# an id that ``parse_id`` returns as it is: ASCII, starting and ending with a letter or digit (nothing to
# trim), and neither scientific notation nor a whole float (checked with RE2, the same on ASCII text)
_PLAIN_ID = r"^[A-Za-z0-9](.*[A-Za-z0-9])?$"
_WHOLE_FLOAT_ASCII = r"^[0-9]+\.0+$"
_SCIENTIFIC_ASCII = r"^[0-9]+(?:[.,][0-9]+)?[eE][+-]?[0-9]+$"


def parse_ids(texts: list[str]) -> list[tuple[str | None, bool]]:
    """``[parse_id(t) for t in texts]``, with the plain ids (nearly all of a year's) recognised in one
    pass over the column (pyarrow) and only the others parsed one by one."""
    import pyarrow as pa
    import pyarrow.compute as pc

    column = pa.array(texts, type=pa.string())
    plain = pc.and_(pc.and_(pc.string_is_ascii(column), pc.match_substring_regex(column, _PLAIN_ID)),
                    pc.invert(pc.or_(pc.match_substring_regex(column, _WHOLE_FLOAT_ASCII),
                                     pc.match_substring_regex(column, _SCIENTIFIC_ASCII))))
    import numpy as np

    parsed: list[tuple[str | None, bool]] = list(zip(texts, itertools.repeat(True)))  # built in C
    for index in np.flatnonzero(~plain.to_numpy(zero_copy_only=False)).tolist():
        parsed[index] = parse_id(texts[index])
    return parsed


def near_id(value: str) -> str:
    """What an id would be without case or leading zeros: only to suggest the id that was meant."""
    key = value.casefold()
    return (key.lstrip("0") or "0") if key.isdigit() else key


def parse_text(raw: str) -> tuple[str | None, bool]:
    text = " ".join(raw.split())
    return (text or None), True


PARSERS: dict[Kind, Callable[[str], tuple[Any, bool]]] = {
    "text": parse_text,
    "yesno": parse_yesno,
    "answer": parse_answer,
    "date": parse_deadline,
    "number": parse_number,
    "rank": parse_rank,
    "posting_type": parse_posting_type,
    "gender": parse_gender,
    "country_group": parse_country_group,
    "job_level": parse_job_level,
    "employment_type": parse_employment_type,
}

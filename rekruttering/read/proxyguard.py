"""The guard against proxies: group membership comes from the applicant's own declaration only.

Inferring immigrant background, country group, disability, CV gap or gender from nationality,
citizenship, country of birth, ethnicity, language, religion, name and the like is forbidden
(likestillings- og diskrimineringsloven § 30), and the identity and text fields (applicant id,
posting id, title, unit, justification) must never carry names, e-mail addresses, national id
numbers or birth dates. Two guards, both pure functions:

* **Header words** (``alias_refusal``), used on every alias (built-in, ``--columns``, config
  ``[aliases]``): a header whose words name a proxy may never map to a group field, and a header
  naming personal data may never map to an identity or text field. Headers are compared folded
  (case, accents and ``ø/æ/å`` ignored, bokmål, nynorsk and English, compounds included).
* **Cell contents** (``group_column_refusal``, ``personal_column_refusal``, and ``refusals`` for
  a whole sheet): a group field is fed only by a column whose cells are declarations in the
  documented forms (an allowlist, not a blocklist of proxies); an identity or text field may not
  hold a column of e-mail addresses, fødselsnummer/D-nummer (checksum-valid) or, for the
  applicant id, person names. A refusal names file, sheet, column and the share that was
  counted, never a cell.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

from rekruttering.keys import is_national_id
from rekruttering.problems import Problem
from rekruttering.read.fields import GROUP_FIELDS, SPECS, Field
from rekruttering.read.values import PARSERS
from rekruttering.words.catalogue import Lang, text

if TYPE_CHECKING:
    from rekruttering.read.sheet import RawSheet

# The identity and text fields that may never carry personal data.
IDENTITY_FIELDS = frozenset(
    {Field.applicant_id, Field.posting_id, Field.posting_title, Field.unit, Field.justification}
)

# A group column is a declaration column when at least this percentage of its filled cells parse.
MIN_DECLARED_PERCENT = 95
# Below this many filled cells, a column is refused only when most of its cells fail.
SMALL_SAMPLE = 20
# Fewer failing cells than this never refuse a column: a typo or two stays a warning.
MIN_FAILING = 3
# An identity or text column is refused when at least this percentage of its filled cells (and at
# least MIN_FAILING of them) look like personal data.
PERSONAL_PERCENT = 50
# At most this many cells of a column are examined, evenly spaced (exact for every file below it).
SAMPLE_ROWS = 20_000

# Header words, in folded form (see ``_forms``): each (kind, pattern) is searched in the folded
# header, words separated by single spaces. Order matters only for which kind is named.
_PERSONAL: tuple[tuple[str, str], ...] = (
    ("national_id", r"fodselsn|personn(?:r|ummer)|person ?nr\b|\bfnr\b|\bpnr\b|\bd ?n(?:r|ummer)\b|national ?id"
                    r"|\bssn\b|social ?security|\bnin\b|identitetsnummer|personal ?identity"),
    ("birth", r"fodsel|fode(?:land|sted|stad|by|dato|dag|ar)|\bfod(?:d|t|de)\b|fod(?:d|t)\b|birth|\bborn\b|\bdob\b"),
    ("email", r"\be ?post|epost|e ?mail|\bmail"),
    ("phone", r"telefon|\btlf|mobil|phone|\bcell|\bmob\b"),
    ("address", r"adress|address|post ?n(?:r|ummer)|\bpost ?sted|\bzip|\bbosted"),
    ("name", r"navn|namn|name"),
)
_PROXIES: tuple[tuple[str, str], ...] = (
    ("nationality", r"nasjon|national|statsborg|statsborgar|citizen|borgerskap|borgarskap"),
    # "Landgruppe" / "Country group" is the declared country group, not a country
    ("country", r"land\b(?! ?(?:grupp|group))|\bland(?! ?(?:grupp|group))|\bcountr(?:y|ies)\b(?! ?groups?\b)"
                r"|utland|utanland|utenlands|heimland|hjemland"),
    ("ethnicity", r"etni|ethni|\bra[cs]e\b|\bracial|\brasemessig|samisk"),
    ("origin", r"opprinnel|opphav|herkomst|origin|avstam|descent|ancestr|heritage"),
    ("skin", r"hudfar|\bhud\b|\bskin|\bcolou?r|farge\b"),
    ("language", r"sprak|sprog|morsmal|malform|language|tongue|\blingu|dialekt|dialect|aksent|accent|norsk"
                 r"|norwegian|engelsk|english"),
    ("religion", r"religi|\btro\b|\btr[ou]s|livss?yn|faith|belief|\bkirke|church|moske|mosque|denomination"),
    ("residence", r"\bpass\b|pass ?(?:nr|nummer|port)|opphald|opphold|residen|permit|\bvis(?:a|um)\b|botid|butid"
                  r"|innvandringsar|innvandringsaar|ankomst|arrival|immigrat(?:ed|ion) ?(?:year|date)"),
    ("photo", r"\bfoto|photo|\bbilde|picture"),
    ("salutation", r"tiltale|salutation|honorific"),
)
# A posting's title or unit may well have a name ("Stillingsnavn", "Enhetsnavn", "Unit name").
_NOT_A_PERSON = re.compile(
    r"stilling|tittel|title|job|posting|position|rolle|role|annonse|utlysning|enhet|eining|virksomhet|verksemd"
    r"|avdeling|tjenestested|tenestestad|arbeidssted|arbeidsstad|arbeidsgiver|unit|department|seksjon|section"
    r"|etat|kommune|organisasjon|organi[sz]ation|employer|office|kontor"
)
_PERSONAL_RE = tuple((kind, re.compile(pattern)) for kind, pattern in _PERSONAL)
_PROXY_RE = tuple((kind, re.compile(pattern)) for kind, pattern in _PROXIES)
_FOLD = str.maketrans({"ø": "o", "æ": "ae", "å": "a", "ä": "a", "ö": "o", "ü": "u", "ß": "ss", "ð": "d"})
_CAMEL = re.compile(r"(?<=[a-zæøå])(?=[A-ZÆØÅ])")
_NON_WORD = re.compile(r"[\W_]+")


def _forms(header: str) -> tuple[str, ...]:
    """The header folded: 'Fødsels-Land' -> 'fodsels land'; also with 'aa'/'oe' read as 'a'/'o' ('Morsmaal')."""
    spaced = _CAMEL.sub(" ", unicodedata.normalize("NFC", str(header)))
    folded = unicodedata.normalize("NFKD", spaced.casefold().translate(_FOLD))
    plain = "".join(c for c in folded if not unicodedata.combining(c))
    words = " ".join(_NON_WORD.sub(" ", plain).split())
    old_spelling = words.replace("aa", "a").replace("oe", "o")
    return (words,) if old_spelling == words else (words, old_spelling)


def _first_kind(header: str, patterns: Iterable[tuple[str, re.Pattern[str]]]) -> str | None:
    forms = _forms(header)
    for kind, pattern in patterns:
        if any(pattern.search(form) for form in forms):
            return kind
    return None


def proxy_kind(header: str) -> str | None:
    """What a header is about if it may never be a source of group membership ('birth', 'language'...)."""
    return _first_kind(header, (*_PERSONAL_RE, *_PROXY_RE))


def personal_kind(header: str, fld: Field) -> str | None:
    """What personal data a header names, if it may not feed the identity or text field ``fld``.

    A name word is a person's name unless, for a posting's title or unit, the header says whose
    name it is ("Stillingsnavn", "Unit name").
    """
    kind = _first_kind(header, _PERSONAL_RE)
    if kind == "name" and fld in (Field.posting_title, Field.unit) \
            and any(_NOT_A_PERSON.search(form) for form in _forms(header)):
        return None
    return kind


def alias_refusal(fld: Field, alias: str, lang: Lang) -> str | None:
    """Why ``alias`` may not map to ``fld``, in ``lang``; None when it may."""
    if fld in GROUP_FIELDS:
        kind = proxy_kind(alias)
        code = "proxy.alias_group"
    elif fld in IDENTITY_FIELDS:
        kind = personal_kind(alias, fld)
        code = "proxy.alias_personal"
    else:
        return None
    if kind is None:
        return None
    return text(code, lang, field=fld.value, alias=alias, kind=text(f"proxy.kind.{kind}", lang))


# ---- cell contents ------------------------------------------------------------------------------

_EMAIL = re.compile(r"^[^@\s<>(),;:]+@[^@\s<>(),;:]+\.[^@\s<>(),;:]{2,}$")
_WORD = re.compile(r"^[^\W\d_]+(?:['’\-][^\W\d_]+)*,?$")


def is_email(cell: str) -> bool:
    return bool(_EMAIL.match(cell.strip()))


def looks_like_name(cell: str) -> bool:
    """Two to five capitalised words of letters only ('Kari Nordmann', 'Nordmann, Kari', 'Anne-Lise Berg')."""
    words = cell.split()
    return 2 <= len(words) <= 5 and all(len(w) > 1 and _WORD.match(w) and w[0].isupper() for w in words)


@dataclass(frozen=True, slots=True)
class Refusal:
    """A column that may not feed its field: a message key and its parameters (never a cell)."""

    code: str
    params: tuple[tuple[str, str], ...]


def _filled(counts: Mapping[str, int]) -> dict[str, int]:
    out: dict[str, int] = {}
    for cell, count in counts.items():
        if cell.strip():
            out[cell] = out.get(cell, 0) + count
    return out


def _percent(part: int, whole: int) -> str:
    return str(math.floor(100 * part / whole))


def group_column_refusal(fld: Field, counts: Mapping[str, int]) -> Refusal | None:
    """Refuse a group column whose cells are not declarations: an allowlist of the documented forms.

    ``counts`` maps each cell text to how many cells hold it. The column is refused when fewer
    than 95 % of its filled cells parse with the field's parser, at least 3 cells fail, and, for
    a column of fewer than 20 filled cells, more than half of them fail. So a column of country
    names, languages or names is refused at any size, while a typo or two in a small file stays a
    warning on its row (the value becomes unknown), as does a stray answer among hundreds.
    """
    parser = PARSERS[SPECS[fld].kind]
    filled = _filled(counts)
    total = sum(filled.values())
    failing = sum(n for cell, n in filled.items() if not parser(cell)[1])
    if failing < MIN_FAILING or 100 * (total - failing) >= MIN_DECLARED_PERCENT * total:
        return None
    if total < SMALL_SAMPLE and 2 * failing <= total:
        return None
    return Refusal("proxy.group_values", (("field", fld.value), ("share", _percent(total - failing, total)),
                                          ("forms", SPECS[fld].kind)))


def personal_column_refusal(fld: Field, counts: Mapping[str, int]) -> Refusal | None:
    """Refuse an identity or text column that mostly holds personal data.

    Counted are cells that are an e-mail address or a checksum-valid fødselsnummer/D-nummer, and
    for the applicant id also cells shaped like a person's name (a posting's title or unit is
    capitalised words too, so the name shape is not used there). Refused when they are at least
    half of the filled cells and at least 3. The most frequent shape names the message.
    """
    filled = _filled(counts)
    total = sum(filled.values())
    found = {"email": 0, "national_id": 0, "name": 0}
    for cell, n in filled.items():
        if is_email(cell):
            found["email"] += n
        elif is_national_id(cell):
            found["national_id"] += n
        elif fld is Field.applicant_id and looks_like_name(cell):
            found["name"] += n
    personal = sum(found.values())
    if personal < MIN_FAILING or 100 * personal < PERSONAL_PERCENT * total:
        return None
    kind = max(found, key=lambda k: found[k])
    return Refusal(f"proxy.personal_values.{kind}", (("field", fld.value), ("share", _percent(personal, total))))


def column_refusal(fld: Field, counts: Mapping[str, int]) -> Refusal | None:
    """The content check that applies to ``fld``, if any."""
    if fld in GROUP_FIELDS:
        return group_column_refusal(fld, counts)
    if fld in IDENTITY_FIELDS:
        return personal_column_refusal(fld, counts)
    return None


def refusals(sheet: RawSheet) -> list[Problem]:
    """An error for each mapped column of ``sheet`` that may not feed its field (see ``column_refusal``).

    Rows the reader set aside are not counted. A sheet of more than 20,000 rows is judged on
    20,000 evenly spaced rows.
    """
    problems: list[Problem] = []
    for fld, header in sheet.mapping.items():
        if fld not in GROUP_FIELDS and fld not in IDENTITY_FIELDS:
            continue
        counts = _value_counts(sheet, fld.value)
        refusal = column_refusal(fld, counts)
        if refusal is not None:
            problems.append(Problem("error", refusal.code, refusal.params, sheet.file, sheet.sheet, None, header))
    return problems


def _value_counts(sheet: RawSheet, name: str) -> dict[str, int]:
    """How often each text occurs in one column, missing cells and set-aside rows left out, most frequent
    first; over evenly spaced rows (every k-th kept row) when more than ``SAMPLE_ROWS`` are kept."""
    from rekruttering.read.textcolumns import TextColumns

    data = sheet.data
    if isinstance(data, TextColumns):
        column = data[name]
        kept = [cell for position, cell in enumerate(column) if position not in sheet.rejected]
        if len(kept) > SAMPLE_ROWS:
            kept = kept[:: math.ceil(len(kept) / SAMPLE_ROWS)]
        return dict(Counter(str(cell) for cell in kept if cell is not None).most_common())
    cells = data[name]  # only this column is sliced: slicing the frame would copy every column
    if sheet.rejected:
        cells = cells.drop(index=cells.index[sorted(sheet.rejected)])
    if len(cells) > SAMPLE_ROWS:
        cells = cells.iloc[:: math.ceil(len(cells) / SAMPLE_ROWS)]
    counted = cells.value_counts(dropna=True)
    return dict(zip(map(str, counted.index.tolist()), counted.tolist(), strict=True))


__all__ = [
    "IDENTITY_FIELDS", "Refusal", "alias_refusal", "column_refusal", "group_column_refusal", "is_email",
    "is_national_id", "looks_like_name", "personal_column_refusal", "personal_kind", "proxy_kind", "refusals",
]

"""Keys shared by every stage: how headers and free texts are compared, and how a national id
number (fødselsnummer, D-nummer) is recognised. A leaf module: it imports nothing of ours."""

from __future__ import annotations

import re
import unicodedata

_PUNCT = re.compile(r"[\W_]+", re.UNICODE)


def normalise_header(header: str) -> str:
    """Lower-case, NFC, and without spaces or punctuation: 'Søker-ID ' -> 'søkerid'."""
    return _PUNCT.sub("", unicodedata.normalize("NFC", str(header)).casefold())



_NUMBER_FLOAT = re.compile(r"^(\d{10,11})\.0+$")
_ID_WEIGHTS_1 = (3, 7, 6, 1, 8, 9, 4, 5, 2)
_ID_WEIGHTS_2 = (5, 4, 3, 2, 7, 6, 5, 4, 3, 2)


def _control(digits: list[int], weights: tuple[int, ...]) -> int:
    rest = 11 - sum(d * w for d, w in zip(digits, weights, strict=False)) % 11
    return 0 if rest == 11 else rest  # 10 means no valid number has these digits



def is_national_id(cell: str) -> bool:
    """An 11-digit fødselsnummer or D-nummer whose two mod-11 control digits are right.

    Spaces are ignored, and a number Excel stored as a float with its leading zero lost
    ("1019012345.0") is read back with it.
    """
    compact = "".join(cell.split())
    if match := _NUMBER_FLOAT.match(compact):
        compact = match.group(1)
    if len(compact) == 10 and compact.isdigit():
        compact = "0" + compact
    if len(compact) != 11 or not compact.isascii() or not compact.isdigit():
        return False
    digits = [int(c) for c in compact]
    return _control(digits, _ID_WEIGHTS_1) == digits[9] and _control(digits, _ID_WEIGHTS_2) == digits[10]



def job_group_key(name: str) -> str:
    """The workforce key of a job group (stillingsgruppe), apart from any unit of the same name."""
    return "stillingsgruppe:" + normalise_header(name)

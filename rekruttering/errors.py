"""User-facing errors and the exit codes of the command-line contract.

Every error a user can cause (bad input, bad rule pack, bad usage) is a ``RekrutteringError``;
``cli.py`` catches that one class and turns it into exit code 2 with the message on stderr.

An error raised where the reader's language is not known (reading a rule pack, a columns file,
the config or the pseudonym key) carries its message as a function of the language; ``say(lang)``
gives it in the one language the command line was asked for.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from rekruttering.keys import is_national_id

if TYPE_CHECKING:
    from rekruttering.words.catalogue import Lang

Level = Literal["error", "warning"]


def text(key: str, lang: Lang, **params: object) -> str:
    """The catalogue's text, loaded at the first message (``--help`` never needs the catalogue)."""
    from rekruttering.words.catalogue import text as catalogue_text

    return catalogue_text(key, lang, **params)

EXIT_OK = 0
EXIT_BREACH = 1
EXIT_BAD_INPUT = 2

Say = Callable[["Lang"], str]


def said(key: str, **params: object) -> Say:
    """A catalogue message, put into words only once the language is known."""
    return lambda lang: text(key, lang, **params)


@dataclass(frozen=True, slots=True)
class Problem:
    """One problem, with as much of file, sheet, row and column as is known."""

    level: Level
    code: str
    params: tuple[tuple[str, str], ...] = ()
    file: str | None = None
    sheet: str | None = None
    row: int | None = None
    column: str | None = None

    def location(self, lang: Lang) -> str:
        parts: list[str] = []
        if self.file:
            parts.append(self.file)
        if self.sheet:
            parts.append(text("loc.sheet", lang, sheet=self.sheet))
        if self.row is not None:
            parts.append(text("loc.row", lang, row=self.row))
        if self.column:
            parts.append(text("loc.column", lang, column=self.column))
        return ", ".join(parts)

    def message(self, lang: Lang) -> str:
        return text(self.code, lang, **{k: _worded(k, _masked(k, v), lang) for k, v in self.params})

    def render(self, lang: Lang) -> str:
        where = self.location(lang)
        return f"{where}: {self.message(lang)}" if where else self.message(lang)



def _worded(key: str, value: str, lang: Lang) -> str:
    """A code as the words a reader knows: a canonical field name (``immigrant_background``) as
    "innvandrerbakgrunn", a kind of field (``yesno``) as the answers it takes."""
    if key == "field":
        from rekruttering.words.catalogue import field_labels

        return field_labels([value], lang)
    from rekruttering.words.catalogue import CATALOGUE

    return text(f"forms.{value}", lang) if key == "forms" and f"forms.{value}" in CATALOGUE else value


def _masked(key: str, value: str) -> str:
    """An applicant id that is a national id number (fødselsnummer) is never printed whole in a message."""
    if key in ("applicant", "near") and len(value.strip()) in (10, 11) and is_national_id(value):
        return value.strip()[:6] + "*****"
    return value



class RekrutteringError(Exception):
    """A problem the user can fix; shown without a traceback, exit code 2.

    ``message`` is a text, or a function of the language (see ``said``); ``.message`` is then the
    bokmål and the English together, for a caller that has no language to choose.
    """

    def __init__(self, message: str | Say, problems: Sequence[Problem] = ()) -> None:
        self._say: Say | None = None
        if callable(message):
            self._say = message
            nb, en = message("nb"), message("en")
            message = nb if nb == en else f"{nb}\n{en}" if "\n" in nb else f"{nb} / {en}"
        super().__init__(message)
        self.message = message
        self.problems = tuple(problems)

    def say(self, lang: Lang) -> str:
        """The message in ``lang`` (a plain text message is the same in every language)."""
        return self._say(lang) if self._say is not None else self.message


class InputError(RekrutteringError):
    """An export could not be read or makes a verdict impossible."""


class RulePackError(RekrutteringError):
    """A rule pack (or columns file) is missing or invalid."""


class UsageError(RekrutteringError):
    """Options that contradict each other or name something that does not exist."""

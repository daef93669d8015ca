"""User-facing errors and the exit codes of the command-line contract.

Every error a user can cause (bad input, bad rule pack, bad usage) is a ``RekrutteringError``;
``cli.py`` catches that one class and turns it into exit code 2 with the message on stderr.

An error raised where the reader's language is not known (reading a rule pack, a columns file,
the config or the pseudonym key) carries its message as a function of the language; ``say(lang)``
gives it in the one language the command line was asked for.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from rekruttering.problems import Problem
    from rekruttering.words.catalogue import Lang

EXIT_OK = 0
EXIT_BREACH = 1
EXIT_BAD_INPUT = 2

Say = Callable[["Lang"], str]


def said(key: str, **params: object) -> Say:
    """A catalogue message, put into words only once the language is known."""
    from rekruttering.words.catalogue import text

    return lambda lang: text(key, lang, **params)


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

"""User-facing errors and the exit codes of the command-line contract.

Every error a user can cause (bad input, bad rule pack, bad usage) is a ``RekrutteringError``;
``cli.py`` catches that one class and turns it into exit code 2 with the message on stderr.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from rekruttering.problems import Problem

EXIT_OK = 0
EXIT_BREACH = 1
EXIT_BAD_INPUT = 2


class RekrutteringError(Exception):
    """A problem the user can fix; shown without a traceback, exit code 2."""

    def __init__(self, message: str, problems: Sequence[Problem] = ()) -> None:
        super().__init__(message)
        self.message = message
        self.problems = tuple(problems)


class InputError(RekrutteringError):
    """An export could not be read or makes a verdict impossible."""


class RulePackError(RekrutteringError):
    """A rule pack (or columns file) is missing or invalid."""


class UsageError(RekrutteringError):
    """Options that contradict each other or name something that does not exist."""

"""Input problems collected while reading exports, with where they were found.

Nothing stops at the first problem: readers add every problem to a ``ProblemLog`` and the
caller decides at the end whether any of them makes a verdict impossible (``error``) or only
affects one row (``warning``). Repeated problems of the same kind in the same column are capped,
so a bad column in a million-row file gives a readable list, with the rest counted.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from rekruttering.errors import InputError, Level, Problem

MAX_PER_KIND = 10


@dataclass
class ProblemLog:
    """Collects problems; keeps the first ``MAX_PER_KIND`` of a kind and counts the rest."""

    problems: list[Problem] = field(default_factory=list)
    _seen: Counter[tuple[str, str | None, str | None, str | None, str]] = field(default_factory=Counter)

    def add(
        self,
        level: Level,
        code: str,
        *,
        file: str | None = None,
        sheet: str | None = None,
        row: int | None = None,
        column: str | None = None,
        **params: object,
    ) -> None:
        key = (level, file, sheet, column, code)
        self._seen[key] += 1
        if self._seen[key] <= MAX_PER_KIND:
            self.problems.append(
                Problem(level, code, tuple((k, str(v)) for k, v in params.items()), file, sheet, row, column)
            )

    def add_problem(self, problem: Problem) -> None:
        """A problem made elsewhere (a reader's note), capped like those made with ``add``."""
        key = (problem.level, problem.file, problem.sheet, problem.column, problem.code)
        self._seen[key] += 1
        if self._seen[key] <= MAX_PER_KIND:
            self.problems.append(problem)

    def extend(self, problems: list[Problem]) -> None:
        self.problems.extend(problems)

    def finish(self) -> list[Problem]:
        """All problems, with one extra line per kind that was capped, saying how many more."""
        out = list(self.problems)
        for (level, file, sheet, column, code), count in sorted(
            self._seen.items(), key=lambda item: tuple(str(part) for part in item[0])
        ):
            if count > MAX_PER_KIND:
                out.append(
                    Problem(
                        level,  # type: ignore[arg-type]
                        "problem.more",
                        (("count", str(count - MAX_PER_KIND)), ("code", code)),
                        file,
                        sheet,
                        None,
                        column,
                    )
                )
        return out

    @property
    def has_errors(self) -> bool:
        return any(problem.level == "error" for problem in self.problems)


def input_error(code: str, display: str | None = None, sheet: str | None = None, row: int | None = None,
                **params: object) -> InputError:
    """An ``InputError`` carrying one problem."""
    problem = Problem("error", code, tuple((k, str(v)) for k, v in params.items()), display, sheet, row)
    return InputError(code, [problem])


def first_line(error: BaseException) -> str:
    """An exception's first line, short enough for a message (third-party errors can be long)."""
    text = str(error).strip().splitlines()
    return (text[0] if text else type(error).__name__)[:300]


__all__ = ["MAX_PER_KIND", "Level", "Problem", "ProblemLog", "first_line", "input_error"]

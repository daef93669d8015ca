"""The columns a reader hands over: plain lists for a small sheet, a pandas frame for a large one.

``RawSheet.data`` is either. Both are used the same way, as a mapping from a field's name to its
column, whose ``len()`` is the number of rows:

* ``data.columns``: the column names, in order; ``name in data``; ``data[name]``: one column;
* ``len(data)``: the rows; ``column_texts(data, name)``: a column as a list of ``str | None``.

A missing cell is ``None`` in a ``TextColumns`` and NaN (or None) in a frame; ``column_texts`` gives
``None`` for both. Nothing downstream may depend on which one it got: ``tests/test_small_path.py``
reads the same files both ways and requires the same postings, warnings and verdicts.

A small sheet is read without importing pandas, numpy or pyarrow (about a second of start-up), which
is what makes ``check`` of one posting fast; a large one gets pyarrow (or pandas' C parser) and vectorised work.
Small means up to ``SMALL_ROWS`` rows, counted before the cells are converted (a sheet's height in
fastexcel, a csv's line breaks). At 10,000 applications the lists were still faster end to end
(``summary``: about 15 % less CPU from csv, 25 % from xlsx), so the limit is not where lists get slow
but where the column-wise path for large inputs takes over.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING, Literal, TypeAlias

if TYPE_CHECKING:
    import pandas as pd

SMALL_ROWS = 10_000  # a sheet of up to this many rows is read into plain lists; a larger one into a pandas frame

TableKind = Literal["auto", "lists", "pandas"]  # how to hold a sheet's columns: by its rows, or forced (tests)


def use_lists(rows: int, read_as: TableKind) -> bool:
    """Whether a sheet of about ``rows`` rows is read into ``TextColumns`` rather than a pandas frame."""
    if read_as == "auto":
        return rows <= SMALL_ROWS
    return read_as == "lists"


class TextColumns:
    """Named columns of equal length, each a list of ``str | None`` (None: a missing cell)."""

    def __init__(self, columns: dict[str, list[str | None]], rows: int | None = None) -> None:
        lengths = {len(column) for column in columns.values()}
        if len(lengths) > 1:
            raise ValueError(f"columns of different lengths: {sorted(lengths)}")
        self._columns = columns
        self._rows = lengths.pop() if lengths else (rows or 0)

    @property
    def columns(self) -> list[str]:
        return list(self._columns)

    @property
    def empty(self) -> bool:
        return self._rows == 0 or not self._columns

    def __len__(self) -> int:
        return self._rows

    def __getitem__(self, name: str) -> list[str | None]:
        return self._columns[name]

    def __contains__(self, name: object) -> bool:
        return name in self._columns

    def __iter__(self) -> Iterator[str]:
        return iter(self._columns)

    def __repr__(self) -> str:
        return f"TextColumns({self.columns}, rows={self._rows})"

    def rename(self, names: Sequence[str]) -> TextColumns:
        """The same columns under new names (in order)."""
        return TextColumns(dict(zip(names, self._columns.values(), strict=True)), self._rows)


Data: TypeAlias = "TextColumns | pd.DataFrame"


def column_texts(data: Data, name: str) -> list[str | None]:
    """One column as texts, a missing cell (None or NaN) as None."""
    if isinstance(data, TextColumns):
        return data[name]
    return [None if value is None or value != value else str(value) for value in data[name].tolist()]

"""The text report written to a file or a pipe is exactly what rich would lay out line by line, though the
lines that fit are written without rich's per-line layout."""

from __future__ import annotations

import io
from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rich.console import Console

from rekruttering.api import Options, check
from rekruttering.render.check_document import build
from rekruttering.render.document import Cell, Document
from rekruttering.render.text import render, render_to

SAMPLES = Path(__file__).parent.parent / "samples"


def through_rich(document: Document, width: int) -> str:
    """Every line laid out by rich: a recording console never takes the plain path."""
    buffer = io.StringIO()
    render_to(Console(file=buffer, width=width, no_color=True, highlight=False, emoji=False, record=True), document)
    return buffer.getvalue()


@pytest.mark.parametrize("width", [30, 80, 100, 140])
@pytest.mark.parametrize("audience", ["hr", "tillitsvalgt"])
def test_the_sample_year_reads_as_rich_lays_it_out(audience: str, width: int) -> None:
    year = SAMPLES / "aar-2025"
    report = check([year], [], Options(rules="staten", audience=audience,  # type: ignore[arg-type]
                                       justifications=year / "begrunnelser.csv"))
    document = build(report)
    assert render(document, width) == through_rich(document, width)


WORDS = st.sampled_from(["Sykepleier", "Helse og omsorg", "漢字漢字漢字", "x" * 130, "  trailing  ", "a\tb", "", "é",
                         "linje\nto", "[bold]ikke markup[/bold]", "Søkeren trakk seg per telefon 20.04.2025"])


@given(st.lists(st.lists(WORDS, min_size=1, max_size=6), min_size=1, max_size=4), st.integers(8, 120))
@settings(max_examples=60, deadline=None)
def test_awkward_cells_read_as_rich_lays_them_out(texts: list[list[str]], width: int) -> None:
    year = SAMPLES / "for-intervju"
    document = build(check([year / "soekere.xlsx"], [year / "intervju.xlsx"], Options(rules="staten")))
    tables = list(document.tables)
    first = tables[0]
    rows = tuple(tuple(Cell(" ".join(words)) if i > 4 else cell for i, cell in enumerate(row))
                 for row, words in zip(first.rows, texts * len(first.rows), strict=False))
    tables[0] = replace(first, rows=rows)
    document = replace(document, tables=tuple(tables), title=" / ".join(texts[0]))
    assert render(document, width) == through_rich(document, width)

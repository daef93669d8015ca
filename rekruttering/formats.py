"""The report formats, one enum for the command line, the config and the renderers.

A format is rendered by the module of its name in ``rekruttering.render`` (``render/html.py`` for
``html``), which offers ``render_report(report, document)``; the file suffixes that imply it are
listed here. Adding a format touches this enum and its one module. A leaf module: the command line
imports it for its options before anything heavy is loaded.
"""

from __future__ import annotations

from enum import StrEnum


class Format(StrEnum):
    text = "text"
    json = "json"
    markdown = "markdown"
    html = "html"
    xlsx = "xlsx"

    @property
    def suffixes(self) -> tuple[str, ...]:
        """The output file suffixes that imply this format."""
        return _SUFFIXES[self]

    @property
    def binary(self) -> bool:
        return self is Format.xlsx


_SUFFIXES: dict[Format, tuple[str, ...]] = {
    Format.text: (".txt",),
    Format.json: (".json",),
    Format.markdown: (".md", ".markdown"),
    Format.html: (".html", ".htm"),
    Format.xlsx: (".xlsx",),
}


class ListFormat(StrEnum):
    """The formats of the listing commands (``inspect``, ``columns``, ``rules``): the formats above that
    a listing has."""

    text = Format.text.value
    json = Format.json.value


def implied_by(suffix: str) -> Format | None:
    """The format a file suffix implies (``.md`` → markdown), or None."""
    wanted = suffix.lower()
    return next((fmt for fmt in Format if wanted in fmt.suffixes), None)

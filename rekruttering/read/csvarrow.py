"""The fast way through a large, clean csv: pyarrow's multi-threaded parser, straight from the bytes.

``read.csv`` decides; this module only does what it is asked. A file takes this way when it is
UTF-8 (with or without BOM) or Windows-1252 without a NUL byte, has no quote character, only LF or
CRLF line breaks, and every line below the header has exactly the header's fields
(``rectangular``): then a record is a line, and pyarrow reads the same cells as pandas' C parser
or the csv module would, only faster and without holding the file as one ``str`` (a Windows-1252
file is transcoded to UTF-8 piece by piece). Anything else, and any file pyarrow refuses, is read
by the general path in ``read.csv``, which finds and names what is wrong.

Every byte that matters here (separator, quote, CR, LF) is ASCII, and in UTF-8 and Windows-1252
an ASCII byte is always that character, so counting them in the bytes is counting them in the text.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import pandas as pd

PIECE = 1 << 24  # bytes decoded at a time when checking or transcoding a file
BLOCK = 1 << 23  # bytes per block pyarrow parses (one thread each)
_BREAK = re.compile(r"\r\n|\n")


@dataclass(frozen=True)
class Utf8Source:
    """A csv file as UTF-8 bytes (from ``start``: a BOM is left out), and the encoding it was in."""

    data: bytes | bytearray
    start: int
    encoding: str  # "utf-8" or "cp1252", as ``read.csv.decode`` names them
    raw: bytes  # the file as read
    lf: int  # its line feeds
    cr: int  # its carriage returns

    def breaks(self) -> int:
        """The most line breaks of one kind (LF or CR): about the records."""
        return max(self.lf, self.cr)

    def head(self, lines: int) -> str:
        """The text of the first ``lines`` lines (to the end of the ``lines``-th LF), decoded."""
        end = self.start
        for _ in range(lines):
            found = self.data.find(b"\n", end)
            if found < 0:
                end = len(self.data)
                break
            end = found + 1
        return bytes(self.data[self.start:end]).decode("utf-8")

    def offset(self, lines: int) -> int | None:
        """Where the line after the first ``lines`` lines starts; None when the file ends before."""
        at = self.start
        for _ in range(lines):
            found = self.data.find(b"\n", at)
            if found < 0:
                return None
            at = found + 1
        return at


def utf8_source(raw: bytes, lf: int, cr: int) -> Utf8Source | None:
    """The file as UTF-8, read as ``read.csv.decode`` reads it (UTF-8 with or without BOM, else
    Windows-1252); None for a file only ``decode`` reads or refuses (a UTF-16 or UTF-32 BOM, a NUL
    byte, bytes no encoding takes), so that it says what it says. ``lf``, ``cr``: the file's line feeds and
    carriage returns, counted by the caller."""
    if raw.startswith((b"\xff\xfe", b"\xfe\xff", b"\x00\x00\xfe\xff")) or b"\x00" in raw:
        return None
    if raw.startswith(b"\xef\xbb\xbf"):
        return Utf8Source(raw, 3, "utf-8", raw, lf, cr) if _decodes(raw, 3, "utf-8") else None
    if _decodes(raw, 0, "utf-8"):
        return Utf8Source(raw, 0, "utf-8", raw, lf, cr)
    out = bytearray()
    decoder = codecs.getincrementaldecoder("cp1252")()
    try:
        for at in range(0, len(raw), PIECE):
            out += decoder.decode(raw[at:at + PIECE], final=at + PIECE >= len(raw)).encode("utf-8")
    except UnicodeDecodeError:
        return None
    return Utf8Source(out, 0, "cp1252", raw, lf, cr)


def _decodes(raw: bytes, start: int, encoding: str) -> bool:
    """Whether ``raw[start:]`` is valid in ``encoding``, checked piece by piece (no str of the whole)."""
    decoder = codecs.getincrementaldecoder(encoding)()
    view = memoryview(raw)
    try:
        for at in range(start, len(raw), PIECE):
            decoder.decode(view[at:at + PIECE], final=at + PIECE >= len(raw))
        decoder.decode(b"", final=True)
    except UnicodeDecodeError:
        return False
    return True


def plain_lines(head: str) -> bool:
    """True when the only line breaks in ``head`` are LF and CRLF, so that the lines ``str.splitlines``
    finds (which the header search uses) are the records pyarrow and pandas find."""
    lines = _BREAK.split(head)
    if lines and lines[-1] == "":
        lines.pop()
    return head.splitlines() == lines


def rectangular(source: Utf8Source, separator: str, width: int, skip: int) -> bool:
    """True when the file has no quote character, only LF and CRLF line breaks, and as many
    separators below the first ``skip`` lines as ``width`` fields on every line would have.

    With pyarrow refusing any line of another width, the two together mean every line has
    ``width`` fields (``read.csv._rectangular`` is the same test on the text). The bytes are
    counted in the file as read, where each of these ASCII bytes is the same character.
    """
    raw = source.raw
    if b'"' in raw or (source.cr and raw.count(b"\r\n") != source.cr):
        return False
    at = source.offset(skip)
    if at is None:
        return True  # nothing below the header
    lines = source.lf - skip + (0 if at >= len(source.data) or source.data.endswith(b"\n") else 1)
    mark = separator.encode("ascii")
    return raw.count(mark) - source.data.count(mark, source.start, at) == (width - 1) * lines


def arrow_frame(source: Utf8Source, skip: int, separator: str, width: int, wanted: list[int],
                names: list[str]) -> pd.DataFrame | None:
    """The columns at ``wanted`` (0-based) of the lines below the first ``skip``, under ``names``, every
    cell as text as written; None when there is no line below them, or a line pyarrow will not take
    (the general path reads the file then)."""
    import pyarrow as pa
    import pyarrow.csv as pcsv

    at = source.offset(skip)
    if at is None or at >= len(source.data):
        return None
    fields = [f"f{i}" for i in range(width)]
    try:
        table = pcsv.read_csv(
            pa.BufferReader(pa.py_buffer(source.data).slice(at)),
            read_options=pcsv.ReadOptions(column_names=fields, block_size=BLOCK),
            parse_options=pcsv.ParseOptions(delimiter=separator, quote_char=False, escape_char=False,
                                            newlines_in_values=False, ignore_empty_lines=False),
            convert_options=pcsv.ConvertOptions(include_columns=[fields[p] for p in wanted],
                                                column_types={fields[p]: pa.string() for p in wanted},
                                                strings_can_be_null=False, quoted_strings_can_be_null=False),
        )
    except pa.ArrowException:
        return None
    frame: pd.DataFrame = table.rename_columns(names).to_pandas()
    return frame

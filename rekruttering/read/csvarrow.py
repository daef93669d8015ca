"""The fast way through a large, clean csv: pyarrow's multi-threaded parser, straight from the bytes.

``read.csv`` decides; this module only does what it is asked. A file takes this way when it is
UTF-8 (with or without BOM) or Windows-1252 without a NUL byte, has no quote character and only LF
or CRLF line breaks (``clean``), and every line below the header has exactly the header's fields
or none (pyarrow refuses any other line): then a record is a line, a blank line a row of blank
cells, and pyarrow reads the same cells as pandas' C parser or the csv module would, only faster
and without the file ever being one ``str``. Anything else, and any file pyarrow refuses, is read
by the general path in ``read.csv``, which finds and names what is wrong.

Every byte that matters here (separator, quote, CR, LF) is ASCII, and in UTF-8 and Windows-1252
an ASCII byte is always that character, so counting them in the bytes is counting them in the text.
A Windows-1252 column is read as bytes: a column of ASCII only is already its UTF-8 text; another
is decoded one distinct value at a time.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import pandas as pd
    import pyarrow as pa

PIECE = 1 << 24  # bytes decoded at a time when checking that a file is UTF-8
BLOCK = 1 << 23  # bytes per block pyarrow parses (one thread each)
CP1252_UNDEFINED = (b"\x81", b"\x8d", b"\x8f", b"\x90", b"\x9d")  # no character in Windows-1252
_BREAK = re.compile(r"\r\n|\n")


@dataclass(frozen=True)
class Source:
    """A csv file's bytes, where its text starts (after a BOM), the encoding, and its line breaks."""

    raw: bytes
    start: int
    encoding: str  # "utf-8" or "cp1252", as ``read.csv.decode`` names them
    lf: int  # line feeds
    cr: int  # carriage returns

    def breaks(self) -> int:
        """The most line breaks of one kind (LF or CR): about the records."""
        return max(self.lf, self.cr)

    def head(self, lines: int) -> str:
        """The text of the first ``lines`` lines (to the end of the ``lines``-th LF), decoded."""
        end = self.offset(lines)
        return self.raw[self.start:len(self.raw) if end is None else end].decode(self.encoding)

    def offset(self, lines: int) -> int | None:
        """Where the line after the first ``lines`` lines starts; None when the file ends before."""
        at = self.start
        for _ in range(lines):
            found = self.raw.find(b"\n", at)
            if found < 0:
                return None
            at = found + 1
        return at


def source_of(raw: bytes, lf: int, cr: int) -> Source | None:
    """The file with the encoding ``read.csv.decode`` would read it in (UTF-8 with or without BOM, else
    Windows-1252); None for a file only ``decode`` reads or refuses (a UTF-16 or UTF-32 BOM, a NUL
    byte, bytes no encoding takes), so that it says what it says. ``lf``, ``cr``: the file's line
    feeds and carriage returns, counted by the caller."""
    if raw.startswith((b"\xff\xfe", b"\xfe\xff", b"\x00\x00\xfe\xff")) or b"\x00" in raw:
        return None
    if raw.startswith(b"\xef\xbb\xbf"):
        return Source(raw, 3, "utf-8", lf, cr) if _is_utf8(raw, 3) else None
    if _is_utf8(raw, 0):
        return Source(raw, 0, "utf-8", lf, cr)
    if any(byte in raw for byte in CP1252_UNDEFINED):
        return None
    return Source(raw, 0, "cp1252", lf, cr)


def _is_utf8(raw: bytes, start: int) -> bool:
    """Whether ``raw[start:]`` is valid UTF-8, checked piece by piece (never one str of the whole)."""
    decoder = codecs.getincrementaldecoder("utf-8")()
    view = memoryview(raw)
    try:
        for at in range(start, len(raw), PIECE):
            decoder.decode(view[at:at + PIECE])
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


def clean(source: Source) -> bool:
    """True when the file has no quote character and only LF and CRLF line breaks: then, with
    pyarrow refusing any line of another width than the header's (a blank line aside), a record is
    a line of the header's fields."""
    raw = source.raw
    return b'"' not in raw and (not source.cr or raw.count(b"\r\n") == source.cr)


def arrow_frame(source: Source, skip: int, separator: str, width: int, wanted: list[int],
                names: list[str]) -> pd.DataFrame | None:
    """The columns at ``wanted`` (0-based) of the lines below the first ``skip``, under ``names``, every
    cell as text as written; None when there is no line below them, or a line pyarrow will not take
    (the general path reads the file then)."""
    import pyarrow as pa
    import pyarrow.csv as pcsv

    at = source.offset(skip)
    if at is None or at >= len(source.raw):
        return None
    fields = [f"f{i}" for i in range(width)]
    kind = pa.large_string() if source.encoding == "utf-8" else pa.large_binary()  # large: as pandas holds text
    try:
        table = pcsv.read_csv(
            pa.BufferReader(pa.py_buffer(source.raw).slice(at)),
            read_options=pcsv.ReadOptions(column_names=fields, block_size=BLOCK),
            parse_options=pcsv.ParseOptions(delimiter=separator, quote_char=False, escape_char=False,
                                            newlines_in_values=False, ignore_empty_lines=False),
            convert_options=pcsv.ConvertOptions(include_columns=[fields[p] for p in wanted],
                                                column_types={fields[p]: kind for p in wanted},
                                                strings_can_be_null=False, quoted_strings_can_be_null=False,
                                                check_utf8=False),  # the whole file was checked (source_of)
        )
    except pa.ArrowException:
        return None
    if source.encoding != "utf-8":
        table = pa.table([_cp1252_text(column) for column in table.columns], names=table.column_names)
    frame: pd.DataFrame = table.rename_columns(names).to_pandas()
    return frame


def _cp1252_text(column: pa.ChunkedArray) -> pa.ChunkedArray:
    """A column of Windows-1252 bytes as text: as it is when every byte is ASCII (then it is UTF-8
    already), else each distinct value decoded once (the file has no byte Windows-1252 lacks)."""
    import pyarrow as pa

    if all(_ascii(chunk) for chunk in column.chunks):
        return pa.chunked_array([chunk.view(pa.large_string()) for chunk in column.chunks], pa.large_string())
    encoded = column.combine_chunks().dictionary_encode()
    words = pa.array([value.decode("cp1252") for value in encoded.dictionary.to_pylist()], pa.large_string())
    return pa.chunked_array([words.take(encoded.indices)])


def _ascii(chunk: pa.Array) -> bool:
    """Whether every byte of a binary chunk's values is ASCII (its whole value buffer is looked at: a
    chunk that only shares a buffer with other bytes may be judged not ASCII, and is decoded then)."""
    import numpy as np

    values = chunk.buffers()[2]
    return values is None or not len(values) or int(np.frombuffer(values, dtype=np.uint8).max()) < 0x80

"""What a file is, from its first bytes, and whether a zip archive is safe to open.

A zip is an xlsx/xlsm/xlsb/ods, an OLE2 compound file an old xls or a password-protected xlsx,
text is read as csv, whatever the file is called. Before anything unpacks a zip, it is checked
against zip bombs, encryption and damage (``check_zip``): its central directory first, then the
real size of every member, inflated once and counted.
"""

from __future__ import annotations

import io
import re
import struct
import zipfile
import zlib
from collections.abc import Callable, Iterator
from typing import Literal

from rekruttering.problems import first_line, input_error

MIB = 1 << 20
ZIP_MAX_MEMBER = 256 * MIB  # a member larger than this ...
ZIP_MAX_RATIO = 200  # ... that also expands more than this many times is a zip bomb
ZIP_MAX_TOTAL = 4096 * MIB  # everything in the archive, uncompressed
ZIP_MAGIC = (b"PK\x03\x04", b"PK\x05\x06")
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ENCRYPTED_PACKAGE = "EncryptedPackage".encode("utf-16-le")  # the stream of a password-protected xlsx
SPREADSHEET_XML = b"urn:schemas-microsoft-com:office:spreadsheet"  # Excel 2003 XML, often saved as .xls
INFLATE_PIECE = 1 * MIB  # inflated bytes held at once while a member is measured
INFLATE_INPUT = 256 * 1024  # compressed bytes fed at once
Watcher = Callable[[bytes], None]  # sees each inflated piece of one member
Content = Literal["zip", "ole", "html", "xml", "text", "binary"]


def sniff(raw: bytes) -> Content:
    """What the bytes are, whatever the file is called."""
    if raw.startswith(ZIP_MAGIC):
        return "zip"
    if raw.startswith(OLE_MAGIC):
        return "ole"
    head = raw[:4096]
    if head.startswith(b"\x00\x00\xfe\xff"):
        return "text"  # UTF-32, big-endian (little-endian starts like UTF-16 below)
    if head.startswith((b"\xff\xfe", b"\xfe\xff")) or utf16_without_bom(head):
        return "text"
    start = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if start.startswith((b"<!doctype html", b"<html", b"<table", b"<meta", b"<head", b"<body")):
        return "html"
    if start.startswith(b"<?xml"):
        return "html" if b"<html" in start else "xml"
    if b"\x00" in head:
        return "binary"
    return "text"


def utf16_without_bom(head: bytes) -> str | None:
    """``utf-16-le`` or ``utf-16-be`` when every other byte is NUL, as in UTF-16 text without a BOM.

    Text with three NULs in every four bytes is UTF-32 without a BOM: not UTF-16, and not read."""
    if len(head) < 4:
        return None
    quads = head[: len(head) // 4 * 4]
    if quads and sum(quads[i:i + 4].count(0) == 3 for i in range(0, len(quads), 4)) * 4 > len(quads) // 2:
        return None
    even, odd = head[0::2], head[1::2]
    share_even, share_odd = even.count(0) / len(even), odd.count(0) / len(odd)
    if share_odd > 0.3 and share_even < 0.02:
        return "utf-16-le"
    if share_even > 0.3 and share_odd < 0.02:
        return "utf-16-be"
    return None


def check_zip(raw: bytes, display: str, watch: Callable[[str], Watcher | None] | None = None) -> zipfile.ZipFile:
    """The archive, once it shows it is whole, unencrypted and no zip bomb.

    First the central directory: a member over ``ZIP_MAX_MEMBER`` that expands more than
    ``ZIP_MAX_RATIO`` times, more than ``ZIP_MAX_TOTAL`` in all, or members that share their
    compressed bytes are refused before anything expands them. Then, as the directory may lie about
    sizes (a reader in Rust believes the data, not the directory), every member is inflated once
    and counted, without keeping it, against the same limits, stopping as soon as one is passed.
    ``watch(name)`` may return a function that sees each inflated piece of that member.
    """
    try:
        archive = zipfile.ZipFile(io.BytesIO(raw))
        infos = archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, OSError, EOFError) as error:
        raise input_error("read.corrupt_zip", display, error=first_line(error)) from None
    total = packed = 0
    for info in infos:
        if info.flag_bits & 0x1:
            raise input_error("read.password", display)
        ratio = info.file_size / max(info.compress_size, 1)
        if info.file_size > ZIP_MAX_MEMBER and ratio > ZIP_MAX_RATIO:
            raise input_error("read.zip_bomb", display, member=info.filename, size=info.file_size // MIB,
                              ratio=int(ratio), limit=ZIP_MAX_RATIO)
        total += info.file_size
        packed += info.compress_size
    if total > ZIP_MAX_TOTAL:
        raise input_error("read.zip_too_large", display, size=total // MIB, limit=ZIP_MAX_TOTAL // MIB)
    if packed > len(raw):
        raise input_error("read.zip_overlap", display)
    _check_real_sizes(raw, infos, display, total, watch)
    return archive


def _check_real_sizes(raw: bytes, infos: list[zipfile.ZipInfo], display: str, claimed: int,
                      watch: Callable[[str], Watcher | None] | None) -> None:
    total = 0
    for info in infos:
        if info.is_dir():
            continue
        seen = watch(info.filename) if watch is not None else None
        size = 0
        for piece in inflate(raw, info, display):
            size += len(piece)
            if size > ZIP_MAX_MEMBER and size / max(info.compress_size, 1) > ZIP_MAX_RATIO:
                raise input_error("read.zip_bomb_hidden", display, member=info.filename, said=info.file_size,
                                  size=size // MIB, limit=ZIP_MAX_RATIO)
            if total + size > ZIP_MAX_TOTAL:
                raise input_error("read.zip_too_large_hidden", display, said=claimed // MIB,
                                  size=(total + size) // MIB, limit=ZIP_MAX_TOTAL // MIB)
            if seen is not None:
                seen(piece)
        total += size


def inflate(raw: bytes, info: zipfile.ZipInfo, display: str) -> Iterator[bytes]:
    """A member's bytes as a reader would get them, in pieces of at most ``INFLATE_PIECE``.

    Read from the member's own data (its local header says where it starts), as much as the
    compressed data gives: not cut at the size the directory claims, as Python's zipfile would.
    """
    start = info.header_offset
    header = raw[start:start + 30]
    if len(header) < 30 or not header.startswith(b"PK\x03\x04"):
        raise input_error("read.corrupt_zip", display, error=f"no local header for {info.filename}")
    name_length, extra_length = struct.unpack("<HH", header[26:30])
    begin = start + 30 + name_length + extra_length
    data = memoryview(raw)[begin:begin + info.compress_size]
    if info.compress_type == zipfile.ZIP_STORED:
        for at in range(0, len(data), INFLATE_PIECE):
            yield bytes(data[at:at + INFLATE_PIECE])
        return
    if info.compress_type != zipfile.ZIP_DEFLATED:
        raise input_error("read.zip_method", display, member=info.filename, method=info.compress_type)
    try:
        yield from _inflate_pieces(data)
    except zlib.error as error:
        raise input_error("read.corrupt_zip", display, error=f"{info.filename}: {first_line(error)}") from None


def _inflate_pieces(data: memoryview) -> Iterator[bytes]:
    """Raw deflate data inflated in pieces of at most ``INFLATE_PIECE``: never more held at once."""
    decompressor = zlib.decompressobj(-15)
    at = 0
    pending = b""
    while not decompressor.eof:
        if not pending and at < len(data):
            pending, at = bytes(data[at:at + INFLATE_INPUT]), at + INFLATE_INPUT
        piece = decompressor.decompress(pending, INFLATE_PIECE)
        pending = decompressor.unconsumed_tail
        if piece:
            yield piece
        elif not pending and at >= len(data):
            return  # the data ends before the stream does: the reader will say it is damaged


def is_workbook(archive: zipfile.ZipFile) -> bool:
    names = archive.namelist()
    return any(re.search(r"(^|/)workbook\.(xml|bin)$", n) for n in names) or "content.xml" in names

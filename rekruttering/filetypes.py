"""What a file is, from its first bytes, and whether a zip archive is safe to open.

A zip is an xlsx/xlsm/xlsb/ods, an OLE2 compound file an old xls or a password-protected xlsx,
text is read as csv, whatever the file is called. Before anything unpacks a zip, its central
directory is checked against zip bombs, encryption and damage (``check_zip``).
"""

from __future__ import annotations

import io
import re
import zipfile
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
Content = Literal["zip", "ole", "html", "xml", "text", "binary"]


def sniff(raw: bytes) -> Content:
    """What the bytes are, whatever the file is called."""
    if raw.startswith(ZIP_MAGIC):
        return "zip"
    if raw.startswith(OLE_MAGIC):
        return "ole"
    head = raw[:4096]
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
    """``utf-16-le`` or ``utf-16-be`` when every other byte is NUL, as in UTF-16 text without a BOM."""
    if len(head) < 4:
        return None
    even, odd = head[0::2], head[1::2]
    share_even, share_odd = even.count(0) / len(even), odd.count(0) / len(odd)
    if share_odd > 0.3 and share_even < 0.02:
        return "utf-16-le"
    if share_even > 0.3 and share_odd < 0.02:
        return "utf-16-be"
    return None


def check_zip(raw: bytes, display: str) -> zipfile.ZipFile:
    """The archive, once its central directory shows it is whole, unencrypted and no zip bomb.

    Only the central directory is read (no member is decompressed), so a bomb is refused before
    anything expands it: a member over ``ZIP_MAX_MEMBER`` that expands more than ``ZIP_MAX_RATIO``
    times, more than ``ZIP_MAX_TOTAL`` in all, or members that share their compressed bytes.
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
    return archive


def is_workbook(archive: zipfile.ZipFile) -> bool:
    names = archive.namelist()
    return any(re.search(r"(^|/)workbook\.(xml|bin)$", n) for n in names) or "content.xml" in names

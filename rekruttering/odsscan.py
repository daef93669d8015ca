"""OpenDocument spreadsheets (ods): what calamine would expand too far, or turn silently into blanks."""

from __future__ import annotations

import zipfile


def check_ods(raw: bytes, archive: zipfile.ZipFile, display: str) -> None:
    return None

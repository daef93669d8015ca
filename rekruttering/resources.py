"""Where the shipped data files live, in a checkout and in an installed wheel.

A wheel carries ``rules/`` inside the package (``rekruttering/rules``); a checkout or editable
install has it beside the package.
"""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


def rules_dir() -> Path:
    for candidate in (_PACKAGE / "rules", _PACKAGE.parent / "rules"):
        if (candidate / "columns.toml").is_file():
            return candidate
    raise FileNotFoundError("rules/ not found beside or inside the rekruttering package")

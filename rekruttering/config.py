"""Defaults from ``rekruttering.toml`` in the working directory (or ``--config FILE``).

Command-line options win over the file; the file wins over built-in defaults. Unknown keys are
an error (a typo should not silently do nothing). Paths in the file are relative to the file.
"""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, PrivateAttr, ValidationError

from rekruttering.errors import UsageError

CONFIG_NAME = "rekruttering.toml"


class Config(BaseModel):
    model_config = ConfigDict(extra="forbid")

    rules: str | None = None
    columns: Path | None = None
    lang: Literal["nb", "en"] | None = None
    format: Literal["text", "json", "markdown", "html", "xlsx"] | None = None
    audience: Literal["hr", "tillitsvalgt"] | None = None
    no_fail: bool | None = None
    justifications: Path | None = None
    workforce: Path | None = None
    pseudonymise: bool | None = None
    pseudonym_key_file: Path | None = None
    min_cell: int | None = Field(default=None, ge=1)
    suppress_zeros: bool | None = None
    min_informative: int | None = Field(default=None, ge=1)
    aliases: dict[str, list[str]] | None = None
    fail_on: list[Literal["breach", "review"]] | None = None
    select: list[str] | None = None  # rule ids to keep, as --select
    ignore: list[str] | None = None  # rule ids to leave out, as --ignore
    _source: Path | None = PrivateAttr(default=None)

    @property
    def source(self) -> Path | None:
        """The file these settings were read from, if any (it is named in every report's inputs)."""
        return self._source


def load_config(path: Path | None) -> Config:
    explicit = path is not None
    path = path or Path.cwd() / CONFIG_NAME
    if not path.is_file():
        if explicit:
            raise UsageError(f"{path}: konfigurasjonsfilen finnes ikke / config file not found")
        return Config()
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        config = Config.model_validate(data)
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as error:
        raise UsageError(f"{path}: ugyldig TOML / invalid TOML: {error}") from None
    except ValidationError as error:
        lines = [f"{path}: ugyldig konfigurasjon / invalid configuration:"]
        lines += [f"  {'.'.join(str(p) for p in e['loc'])}: {e['msg']}" for e in error.errors()]
        raise UsageError("\n".join(lines)) from None
    base = path.resolve().parent
    for key in ("columns", "justifications", "workforce", "pseudonym_key_file"):
        value = getattr(config, key)
        if value is not None and not value.is_absolute():
            config = config.model_copy(update={key: base / value})
    if config.rules and (config.rules.endswith(".toml") or "/" in config.rules):
        rules = Path(config.rules)
        config = config.model_copy(update={"rules": str(rules if rules.is_absolute() else base / rules)})
    config._source = path
    return config

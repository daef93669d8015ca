"""Defaults from ``rekruttering.toml`` in the working directory (or ``--config FILE``).

Command-line options win over the file; the file wins over built-in defaults. Unknown keys are
an error (a typo should not silently do nothing). Paths in the file are relative to the file.
"""

from __future__ import annotations

import re
import tomllib
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, PrivateAttr, ValidationError

from rekruttering.errors import Say, UsageError, said
from rekruttering.formats import Format
from rekruttering.words.catalogue import text

if TYPE_CHECKING:
    from pydantic_core import ErrorDetails

    from rekruttering.words.catalogue import Lang

CONFIG_NAME = "rekruttering.toml"


class Config(BaseModel):
    model_config = ConfigDict(extra="forbid")

    rules: str | None = None
    columns: Path | None = None
    lang: Literal["nb", "en"] | None = None
    format: Format | None = None
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
    fail_on: list[Literal["breach", "review", "advice"]] | None = None
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
            raise UsageError(said("config.not_found", path=path))
        return Config()
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        config = Config.model_validate(data)
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as error:
        raise UsageError(invalid_toml(path, error)) from None
    except ValidationError as error:
        items = error.errors()
        raise UsageError(lambda lang: "\n".join([
            text("config.invalid", lang, path=path),
            *(f"  {'.'.join(str(p) for p in item['loc'])}: {invalid_value(item, lang)}" for item in items)])
        ) from None
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


_AT = re.compile(r"^(?P<detail>.*?)\s*\(at line (?P<line>\d+), column (?P<column>\d+)\)\s*$", re.S)


def invalid_toml(path: Path | str, error: Exception) -> Say:
    """A TOML file that does not parse, said with its line and column (the parser's own words only in English)."""
    found = _AT.match(str(error))
    if found is None:
        return said("toml.invalid_somewhere", path=path, detail=str(error))
    return said("toml.invalid", path=path, line=found["line"], column=found["column"], detail=found["detail"])


class Refusal(ValueError):
    """A validator's refusal as a catalogue message, so that pydantic's error can be said in either language."""

    def __init__(self, key: str, **params: object) -> None:
        super().__init__(text(key, "en", **params))
        self.key, self.params = key, params


_KINDS: dict[str, str] = {
    "bool_type": "invalid.bool", "bool_parsing": "invalid.bool",
    "int_type": "invalid.int", "int_parsing": "invalid.int", "int_from_float": "invalid.int",
    "float_type": "invalid.float", "float_parsing": "invalid.float",
    "string_type": "invalid.string", "list_type": "invalid.list", "dict_type": "invalid.table",
    "model_type": "invalid.table", "model_attributes_type": "invalid.table",
    "date_type": "invalid.date", "date_parsing": "invalid.date", "date_from_datetime_parsing": "invalid.date",
    "date_from_datetime_inexact": "invalid.date", "string_too_short": "invalid.empty",
    "too_short": "invalid.empty", "extra_forbidden": "invalid.extra_forbidden", "missing": "invalid.missing",
}
_LIMITS = {"greater_than_equal": ("invalid.ge", "ge"), "greater_than": ("invalid.gt", "gt"),
           "less_than_equal": ("invalid.le", "le")}


def invalid_value(item: ErrorDetails, lang: Lang) -> str:
    """What is wrong with one value of a config file or a rule pack, in ``lang`` (pydantic says it in English)."""
    kind = item["type"]
    context: dict[str, Any] = dict(item.get("ctx") or {})
    refusal = context.get("error")
    if isinstance(refusal, Refusal):
        return text(refusal.key, lang, **refusal.params)
    if kind in _KINDS:
        return text(_KINDS[kind], lang)
    if kind in _LIMITS:
        key, name = _LIMITS[kind]
        return text(key, lang, limit=context.get(name))
    if kind in ("literal_error", "enum"):
        expected = str(context.get("expected", ""))
        return text("invalid.literal_error", lang, expected=expected.replace(" or ", f" {text('word.or', lang)} "))
    if kind == "string_pattern_mismatch":
        return text("invalid.pattern", lang, pattern=context.get("pattern", ""))
    return item["msg"] if lang == "en" else text("invalid.other", lang)

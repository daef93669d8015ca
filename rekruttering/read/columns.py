"""The column map: the built-in header aliases (``rules/columns.toml``), a user's ``--columns`` file and
the config's ``[aliases]``, each alias checked against the proxy guard before it may feed a field."""

from __future__ import annotations

import tomllib
from pathlib import Path

from rekruttering.errors import RulePackError, Say, said
from rekruttering.keys import normalise_header
from rekruttering.read.fields import ColumnMap, Field
from rekruttering.read.proxyguard import alias_refusal
from rekruttering.resources import rules_dir
from rekruttering.words.catalogue import text


def _read_aliases(path: Path) -> dict[Field, list[str]]:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError as error:
        raise RulePackError(said("file.not_found", path=path)) from error
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as error:
        from rekruttering.config import invalid_toml

        raise RulePackError(invalid_toml(path, error)) from error
    return _validate_aliases(str(path), data.get("aliases"))


def _alias_refusal(field: Field, alias: str) -> Say | None:
    """Why an alias may not map to ``field`` (``proxyguard``), in either language; None when it may."""
    if alias_refusal(field, alias, "nb") is None:
        return None
    return lambda lang: alias_refusal(field, alias, lang) or ""


def _refused(path: str, refusal: Say) -> Say:
    return lambda lang: text("columns.refused", lang, path=path, refusal=refusal(lang))


def _validate_aliases(path: str, table: object) -> dict[Field, list[str]]:
    if not isinstance(table, dict):
        raise RulePackError(said("columns.no_table", path=path))
    out: dict[Field, list[str]] = {}
    for name, values in table.items():
        try:
            field = Field(name)
        except ValueError:
            known = ", ".join(f.value for f in Field)
            raise RulePackError(said("columns.unknown_field", path=path, name=name, known=known)) from None
        if isinstance(values, str):
            values = [values]
        if not isinstance(values, list) or not all(isinstance(v, str) and v.strip() for v in values):
            raise RulePackError(said("columns.not_texts", path=path, name=name))
        for value in values:
            if refusal := _alias_refusal(field, value):
                raise RulePackError(_refused(path, refusal))
        out[field] = list(values)
    return out


def load_column_map(extra: Path | None = None, inline: dict[str, list[str]] | None = None) -> ColumnMap:
    """The built-in aliases, a user's ``--columns`` file, then ``[aliases]`` of the config (later wins)."""
    builtin = rules_dir() / "columns.toml"
    sources = [builtin] + ([extra] if extra else [])
    lookup: dict[str, Field] = {normalise_header(f.value): f for f in Field}
    aliases: dict[Field, list[str]] = {f: [] for f in Field}
    tables = [_read_aliases(source) for source in sources]
    if inline:
        tables.append(_validate_aliases("rekruttering.toml [aliases]", inline))
    for table in tables:
        for field, values in table.items():
            for value in values:
                lookup[normalise_header(value)] = field
                if value not in aliases[field]:
                    aliases[field].append(value)
    return ColumnMap(lookup, {f: tuple(v) for f, v in aliases.items()}, tuple(sources))

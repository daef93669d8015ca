"""Load and validate rule packs (``rules/*.toml``).

A pack is data: rules name a check kind (Python, in ``checks``), its parameters, a severity,
their text in bokmål and English, their source and the dates they are in force. Validation is
pydantic's; every error names the file, the rule and the field.
"""

from __future__ import annotations

import difflib
import hashlib
import tomllib
from collections.abc import Iterable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from rekruttering.checks import KINDS, PackRule, Rule, YearlyRule, is_yearly
from rekruttering.checks.rule import Localised
from rekruttering.config import Refusal, invalid_toml, invalid_value
from rekruttering.errors import RulePackError, UsageError, said
from rekruttering.resources import rules_dir
from rekruttering.words.catalogue import Lang, text

if TYPE_CHECKING:
    from pydantic_core import ErrorDetails

class PackInfo(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str = Field(pattern=r"^[a-z0-9][a-z0-9_-]*$")
    title: str
    version: str
    employer: Localised
    description: Localised
    population_share_immigrant_background: float | None = Field(default=None, ge=0, le=1)
    population_source: str | None = None


class PackFile(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    pack: PackInfo
    rule: list[PackRule] = Field(min_length=1)

    @model_validator(mode="after")
    def _unique_ids(self) -> PackFile:
        seen: set[str] = set()
        for rule in self.rule:
            if rule.id in seen:
                raise Refusal("pack.duplicate_id", rule=rule.id)
            seen.add(rule.id)
        return self


@dataclass(frozen=True)
class RulePack:
    """A validated pack with its file and fingerprint. ``rules`` are judged per posting (``check`` and the
    summary's compliance); ``yearly`` are judged once per summary (``summary.yearly``)."""

    info: PackInfo
    rules: tuple[Rule, ...]
    path: Path
    sha256: str
    yearly: tuple[YearlyRule, ...] = ()

    def rule(self, rule_id: str) -> Rule | YearlyRule | None:
        wanted = rule_id.casefold()
        return next((r for r in (*self.rules, *self.yearly) if r.id.casefold() == wanted), None)

    @property
    def all_rules(self) -> tuple[Rule | YearlyRule, ...]:
        """Every rule of the pack, per-posting and yearly, in the pack's order by kind."""
        return (*self.rules, *self.yearly)


def shipped_packs() -> list[str]:
    return sorted(p.stem for p in rules_dir().glob("*.toml") if p.stem != "columns")


def resolve(name_or_path: str) -> Path:
    """A pack name from ``rules/`` (``sarpsborg``) or a path to a TOML file."""
    candidate = Path(name_or_path)
    if candidate.suffix == ".toml" or "/" in name_or_path or "\\" in name_or_path:
        if not candidate.is_file():
            raise RulePackError(said("file.not_found", path=name_or_path))
        return candidate
    names = shipped_packs()
    wanted = name_or_path.strip().casefold()
    found = next((name for name in names if name.casefold() == wanted), None)
    if found is None:
        close = difflib.get_close_matches(wanted, names, n=3, cutoff=0.6)

        def say(lang: Lang) -> str:
            message = text("pack.unknown", lang, name=name_or_path, available=", ".join(names))
            return message + (f" {text('pack.did_you_mean', lang, names=', '.join(close))}" if close else "")

        raise RulePackError(say)
    return rules_dir() / f"{found}.toml"


def load_pack(name_or_path: str) -> RulePack:
    path = resolve(name_or_path)
    raw = path.read_bytes()
    try:
        data: dict[str, Any] = tomllib.loads(raw.decode("utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as error:
        raise RulePackError(invalid_toml(path, error)) from None
    try:
        parsed = PackFile.model_validate(data)
    except ValidationError as error:
        items = error.errors()
        raise RulePackError(lambda lang: _describe(path, data, items, lang)) from None
    posting_rules = tuple(r for r in parsed.rule if not is_yearly(r))
    yearly = tuple(r for r in parsed.rule if is_yearly(r))
    return RulePack(parsed.pack, posting_rules, path, hashlib.sha256(raw).hexdigest(),  # type: ignore[arg-type]
                    yearly)  # type: ignore[arg-type]


def _split(ids: Iterable[str]) -> list[str]:
    """Rule ids as given: repeated, comma-separated or both (``--select ST01,ST02 --select ST04``)."""
    return [part.strip() for item in ids for part in item.split(",") if part.strip()]


def select_rules(pack: RulePack, select: Iterable[str] = (), ignore: Iterable[str] = (), lang: Lang = "nb",
                 *, yearly: bool = False) -> RulePack:
    """The pack with only the rules ``select`` names (all when empty), less those ``ignore`` names.

    Ids match case-insensitively. An id the pack does not have is refused, with the closest ids
    offered: a typo must not quietly check more (or fewer) rules than the user meant.
    """
    chosen, dropped = _split(select), _split(ignore)
    if not chosen and not dropped:
        if not pack.rules and not yearly:  # a pack of yearly rules only: nothing for check to judge
            raise UsageError(text("select.only_yearly", lang, pack=pack.info.id))
        return pack
    ids = {rule.id.casefold(): rule.id for rule in pack.all_rules}
    for option, given in (("--select", chosen), ("--ignore", dropped)):
        for rule_id in given:
            if rule_id.casefold() not in ids:
                close = difflib.get_close_matches(rule_id.casefold(), list(ids), n=3, cutoff=0.5)
                message = text("select.unknown_rule", lang, option=option, rule=rule_id, pack=pack.info.id,
                               ids=", ".join(sorted(ids.values())))
                if close:
                    message += " " + text("select.did_you_mean", lang, ids=", ".join(ids[c] for c in close))
                raise UsageError(message)
    keep = {r.casefold() for r in chosen} or set(ids)
    keep -= {r.casefold() for r in dropped}
    rules = tuple(rule for rule in pack.rules if rule.id.casefold() in keep)
    kept_yearly = tuple(rule for rule in pack.yearly if rule.id.casefold() in keep)
    if not rules and not (yearly and kept_yearly):  # ``yearly``: the caller (summary) judges yearly rules too
        raise UsageError(text("select.nothing_left", lang, pack=pack.info.id))
    return replace(pack, rules=rules, yearly=kept_yearly)


def _describe(path: Path, data: dict[str, Any], items: list[ErrorDetails], lang: Lang) -> str:
    lines = [text("pack.invalid", lang, path=path)]
    found = data.get("rule")
    rules: list[Any] = found if isinstance(found, list) else []
    for item in items:
        loc = list(item["loc"])
        if len(loc) >= 3 and loc[0] == "rule" and loc[2] in KINDS:
            loc = [*loc[:2], *loc[3:]]  # pydantic names the kind it tried; the reader knows the rule
        message = invalid_value(item, lang)
        if item["type"] in ("union_tag_invalid", "union_tag_not_found"):
            loc = [*loc, "check"]
            tag = (item.get("ctx") or {}).get("tag")
            message = (text("pack.unknown_check", lang, value=tag, known=", ".join(sorted(KINDS)))
                       if tag is not None else text("invalid.missing", lang))
        where = ".".join(str(part) for part in loc)
        if len(loc) >= 2 and loc[0] == "rule" and isinstance(loc[1], int):
            index = loc[1]
            rule_id = rules[index].get("id", f"#{index + 1}") if index < len(rules) and isinstance(
                rules[index], dict) else f"#{index + 1}"
            field = ".".join(str(part) for part in loc[2:]) or "-"
            where = text("pack.where", lang, rule=rule_id, field=field)
        lines.append(f"  {where}: {message}")
    return "\n".join(lines)

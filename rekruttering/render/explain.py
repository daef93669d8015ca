"""``rules list`` and ``rules show``: the rule packs explained in the reader's language; and, for ``inspect``,
which ignored headers look like a known one."""

from __future__ import annotations

import difflib
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text

from rekruttering.checks import Rule, YearlyRule, is_yearly, kind_statuses
from rekruttering.checks.pack import RulePack, load_pack, shipped_packs
from rekruttering.errors import UsageError, said
from rekruttering.keys import normalise_header
from rekruttering.read.fields import ColumnMap, Field
from rekruttering.words.catalogue import Lang, format_date, format_number, group_label, text


def _packs(name: str | None) -> list[RulePack]:
    return [load_pack(name)] if name else [load_pack(n) for n in shipped_packs()]


AnyRule = Rule | YearlyRule


def in_force(rule: AnyRule, lang: Lang) -> str:
    parts = []
    if rule.in_force_from:
        parts.append(text("rules.from", lang, date=format_date(rule.in_force_from, lang)))
    if rule.in_force_to:
        parts.append(text("rules.to", lang, date=format_date(rule.in_force_to, lang)))
    if not parts:
        # no dates: say "no time limit" only where the source says so, not where it is silent
        if rule.in_force_verified:
            return text("rules.always", lang)
        return f"{text('rules.no_dates', lang)} {text('rules.dates_unverified', lang)}"
    if not rule.in_force_verified:
        parts.append(text("rules.dates_unverified", lang))
    return " ".join(parts)


def posting_types(rule: AnyRule) -> list[str]:
    """The posting types the rule applies to (its own list, or its kind's default), in a fixed order; a
    yearly rule looks at the postings its kind chooses (see ``posting_scope``)."""
    from rekruttering.checks.engine import applies_to
    from rekruttering.models import PostingType

    if is_yearly(rule):
        return ["trainee"] if rule.check == "trainee_recruitment" else [t.value for t in PostingType]
    found = applies_to(rule)  # type: ignore[arg-type]
    return [t.value for t in PostingType if t in found]


def parameters(rule: AnyRule) -> dict[str, str]:
    found = {"check": rule.check, "group": ", ".join(rule.groups) or "-", "severity": rule.severity}
    for name, value in sorted(rule.parameters().items()):
        found[name] = str(value)
    for name, default in rule.defaults().items():
        found.setdefault(name, default)
    if rule.approximate_by_country_group:
        found["approximate_by_country_group"] = rule.approximate_by_country_group
    return found


def list_rules(pack_name: str | None, lang: Lang) -> RenderableType:
    parts: list[RenderableType] = []
    for pack in _packs(pack_name):
        table = Table(title=f"{pack.info.id}: {pack.info.title} ({pack.info.version})", title_justify="left",
                      show_lines=False)
        for key in ("rules.id", "rules.check", "rules.group", "rules.title", "rules.in_force"):
            table.add_column(text(key, lang))
        for rule in pack.all_rules:
            table.add_row(rule.id, rule.check, group_label(rule.groups, rule.qualifier, lang),
                          Text(rule.title.get(lang)), in_force(rule, lang))
        parts.append(table)
    return Group(*parts)


def find_rule(rule_id: str, pack_name: str | None) -> tuple[RulePack, AnyRule]:
    packs = _packs(pack_name)
    for pack in packs:
        rule = pack.rule(rule_id)
        if rule is not None:
            return pack, rule
    names = ", ".join(p.info.id for p in packs)
    raise UsageError(said("rules.unknown", rule=rule_id, packs=names))


def status_name(status: str, lang: Lang) -> str:
    """The status word, with the JSON value beside it where the word differs ("oppfylt (met)"), not
    where it is the same word ("met", "not applicable")."""
    word = text(f"status.{status}", lang)
    return word if word.replace(" ", "_") == status else f"{word} ({status})"


def show_rule(rule_id: str, pack_name: str | None, lang: Lang) -> RenderableType:
    pack, rule = find_rule(rule_id, pack_name)
    group = group_label(rule.groups, rule.qualifier, lang)
    lines: list[RenderableType] = [
        Text(f"{rule.id}: {rule.title.get(lang)}", style="bold"),
        Text(f"{text('rules.pack', lang)}: {pack.info.id} – {pack.info.title} ({pack.info.version})"),
        Text(""),
        Text(rule.text.get(lang)),
        Text(""),
        Text(f"{text('rules.source', lang)}: {rule.source.document}, {rule.source.section}"
             + ("" if rule.source.verified else f" {text(_unverified_key(rule), lang)}"), style="bold"),
        Text(f"  {rule.source.summary.get(lang)}"),
    ]
    if rule.source.note:
        lines.append(Text(f"  {text('rules.source_note', lang)}: {rule.source.note.get(lang)}"))
    for ref in rule.legal_background:
        lines += [Text(f"{text('rules.legal_background', lang)}: {ref.document}, {ref.section}", style="bold"),
                  Text(f"  {ref.summary.get(lang)}")]
    lines.append(Text(f"{text('rules.in_force', lang)}: {in_force(rule, lang)}"))
    if rule.in_force_note:
        lines.append(Text(f"  {rule.in_force_note.get(lang)}"))
    if rule.severity == "advice":
        lines.append(Text(text("rules.severity.advice", lang)))
    if is_yearly(rule):
        lines.append(Text(text("rules.yearly", lang)))
    types = text(f"rules.posting_types.yearly.{rule.check}", lang) if is_yearly(rule) else \
        ", ".join(text(f"posting_type.{t}", lang) for t in posting_types(rule))
    lines += [
        Text(f"{text('rules.posting_types', lang)}: {types}"),
        Text(f"{text('rules.parameters', lang)}: "
             + ", ".join(f"{k} = {v}" for k, v in parameters(rule).items())),
        Text(""),
        Text(text("rules.statuses", lang), style="bold"),
    ]
    minimum = str(rule.required)
    for status in rule.statuses(kind_statuses(rule.check)):
        meaning = text(f"explain.{rule.check}.{status}", lang, group=group, min=minimum)
        name = f"{text('status.advice', lang)} ({status})" if status == "breach" and rule.severity == "advice" \
            else status_name(status, lang)
        lines.append(Text(f"  {name}: {meaning}"))
    if rule.check == "moderate_quotation":
        params = parameters(rule)
        lines.append(Text("  " + text("explain.moderate_quotation.tolerance", lang,
                                      score=format_number(params["max_score_gap_pct"], lang),
                                      rank=format_number(params["max_rank_distance"], lang))))
    lines += [
        Text(""),
        Text(text("rules.justify", lang), style="bold"),
        Text("  " + (rule.justify.get(lang) if rule.justify else
                     text("rules.justify.yearly" if is_yearly(rule) else "rules.justify.default", lang))),
    ]
    return Group(*lines)


def _unverified_key(rule: AnyRule) -> str:
    """Unverified wording (no note beyond that) or an unverified reading the note explains."""
    return "rules.unverified.reading" if rule.source.note else "rules.unverified"


def packs(pack_name: str | None) -> list[RulePack]:
    """The pack named (all shipped packs without a name), as ``rules list`` reads them."""
    return _packs(pack_name)


def _dates(rule: AnyRule) -> dict[str, str | None]:
    return {"in_force_from": rule.in_force_from.isoformat() if rule.in_force_from else None,
            "in_force_to": rule.in_force_to.isoformat() if rule.in_force_to else None}


def _pack_json(pack: RulePack) -> dict[str, object]:
    return {"id": pack.info.id, "title": pack.info.title, "version": pack.info.version, "file": str(pack.path),
            "sha256": pack.sha256}


def rules_json(pack_name: str | None, lang: Lang) -> dict[str, object]:
    """``rules list --format json``: every pack with its rules, the titles in ``lang``."""
    return {"schema": "rules/1", "lang": lang, "packs": [
        {**_pack_json(pack), "rules": [
            {"id": rule.id, "check": rule.check, "groups": list(rule.groups), "country_group": rule.qualifier,
             "group_label": group_label(rule.groups, rule.qualifier, lang), "severity": rule.severity,
             "title": rule.title.get(lang), **_dates(rule), "in_force": in_force(rule, lang),
             "yearly": is_yearly(rule)}
            for rule in pack.all_rules]}
        for pack in _packs(pack_name)]}


def rule_json(rule_id: str, pack_name: str | None, lang: Lang) -> dict[str, object]:
    """``rules show --format json``: what ``rules show`` says, as fields (the texts in ``lang``)."""
    pack, rule = find_rule(rule_id, pack_name)
    group = group_label(rule.groups, rule.qualifier, lang)
    minimum = str(rule.required)
    params = parameters(rule)
    statuses = {status: {"label": text(f"status.{status}", lang),
                         "meaning": text(f"explain.{rule.check}.{status}", lang, group=group, min=minimum)}
                for status in rule.statuses(kind_statuses(rule.check))}
    tolerance = text("explain.moderate_quotation.tolerance", lang, score=params["max_score_gap_pct"],
                     rank=params["max_rank_distance"]) if rule.check == "moderate_quotation" else None
    return {
        "schema": "rule/1", "lang": lang, "pack": _pack_json(pack), "id": rule.id, "check": rule.check,
        "groups": list(rule.groups), "country_group": rule.qualifier, "group_label": group,
        "severity": rule.severity, "title": rule.title.get(lang), "text": rule.text.get(lang),
        "source": {"document": rule.source.document, "section": rule.source.section,
                   "summary": rule.source.summary.get(lang), "verified": rule.source.verified,
                   "note": rule.source.note.get(lang) if rule.source.note else None},
        "legal_background": [{"document": ref.document, "section": ref.section, "summary": ref.summary.get(lang)}
                             for ref in rule.legal_background],
        **_dates(rule), "in_force": in_force(rule, lang), "in_force_verified": rule.in_force_verified,
        "in_force_note": rule.in_force_note.get(lang) if rule.in_force_note else None,
        "posting_types": posting_types(rule), "yearly": is_yearly(rule),
        "parameters": {name: value for name, value in params.items() if name not in ("check", "group", "severity")},
        "statuses": statuses, "tolerance": tolerance,
        "justify": rule.justify.get(lang) if rule.justify else
        text("rules.justify.yearly" if is_yearly(rule) else "rules.justify.default", lang),
    }


@dataclass(frozen=True)
class NearMiss:
    """An ignored header that looks like a known one: the field it may be, and the alias it resembles."""

    header: str
    field: Field
    alias: str

    @property
    def columns_line(self) -> str:
        """The line to put under ``[aliases]`` in a ``--columns`` file to have the header read."""
        return f"{self.field.value} = [{json.dumps(self.header, ensure_ascii=False)}]"


NEAR = 0.8  # "Hull i CV-en" is 0.88 from "Hull i CV"; "Navn" is near nothing


def near_misses(ignored: Iterable[str], mapped: Mapping[Field, str], columns: ColumnMap) -> list[NearMiss]:
    """Ignored headers close to a known alias (case, spaces and punctuation ignored), for fields not yet found.

    Never a header the proxy guard would refuse for that field: a group field is never offered for a header
    about nationality, birth, language or the like, nor an id field for names or e-mail addresses.
    """
    from rekruttering.read.proxyguard import alias_refusal

    known: dict[str, tuple[Field, str]] = {}
    for fld, aliases in columns.aliases.items():
        if fld in mapped:
            continue  # the sheet has this field already; a second column for it would be refused
        for alias in (fld.value, *aliases):
            known.setdefault(normalise_header(alias), (fld, alias))
    found = []
    for header in ignored:
        close = difflib.get_close_matches(normalise_header(header), list(known), n=3, cutoff=NEAR)
        for match in close:
            fld, alias = known[match]
            if alias_refusal(fld, header, "nb") is None:
                found.append(NearMiss(header, fld, alias))
                break
    return found

"""``rules list`` and ``rules show``: the rule packs explained in the reader's language."""

from __future__ import annotations

from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text

from rekruttering.checks import CHECKS
from rekruttering.errors import UsageError
from rekruttering.messages import Lang, format_date, format_number, group_label, text
from rekruttering.rulepack import Rule, RulePack, load_pack, shipped_packs

DEFAULTS = {
    "interview_minimum": {"min_invited": "1"},
    "moderate_quotation": {"max_rank_distance": "1", "max_score_gap_pct": "5.0", "preference": "may"},
}


def _packs(name: str | None) -> list[RulePack]:
    return [load_pack(name)] if name else [load_pack(n) for n in shipped_packs()]


def in_force(rule: Rule, lang: Lang) -> str:
    parts = []
    if rule.in_force_from:
        parts.append(text("rules.from", lang, date=format_date(rule.in_force_from, lang)))
    if rule.in_force_to:
        parts.append(text("rules.to", lang, date=format_date(rule.in_force_to, lang)))
    return " ".join(parts) or text("rules.always", lang)


def parameters(rule: Rule) -> dict[str, str]:
    found = {"check": rule.check, "group": ", ".join(rule.groups) or "-", "severity": rule.severity}
    for name in sorted(CHECKS[rule.check].parameters):
        value = getattr(rule, name)
        if value is not None:
            found[name] = str(value)
    for name, default in DEFAULTS.get(rule.check, {}).items():
        found.setdefault(name, default)
    if rule.check == "moderate_quotation" and "gender" in rule.groups:
        found.setdefault("underrepresented_below", "0.4")
    return found


def list_rules(pack_name: str | None, lang: Lang) -> RenderableType:
    parts: list[RenderableType] = []
    for pack in _packs(pack_name):
        table = Table(title=f"{pack.info.id}: {pack.info.title} ({pack.info.version})", title_justify="left",
                      show_lines=False)
        for key in ("rules.id", "rules.check", "rules.group", "rules.title", "rules.in_force"):
            table.add_column(text(key, lang))
        for rule in pack.rules:
            table.add_row(rule.id, rule.check, group_label(rule.groups, rule.country_group, lang),
                          Text(rule.title.get(lang)), in_force(rule, lang))
        parts.append(table)
    return Group(*parts)


def find_rule(rule_id: str, pack_name: str | None) -> tuple[RulePack, Rule]:
    packs = _packs(pack_name)
    for pack in packs:
        rule = pack.rule(rule_id)
        if rule is not None:
            return pack, rule
    names = ", ".join(p.info.id for p in packs)
    raise UsageError(f"{text('rules.unknown', 'nb', rule=rule_id, packs=names)} / "
                     f"{text('rules.unknown', 'en', rule=rule_id, packs=names)}")


def status_name(status: str, lang: Lang) -> str:
    """The status word, with the JSON value beside it where the word differs ("oppfylt (met)"), not
    where it is the same word ("met", "not applicable")."""
    word = text(f"status.{status}", lang)
    return word if word.replace(" ", "_") == status else f"{word} ({status})"


def show_rule(rule_id: str, pack_name: str | None, lang: Lang) -> RenderableType:
    pack, rule = find_rule(rule_id, pack_name)
    group = group_label(rule.groups, rule.country_group, lang)
    lines: list[RenderableType] = [
        Text(f"{rule.id}: {rule.title.get(lang)}", style="bold"),
        Text(f"{text('rules.pack', lang)}: {pack.info.id} – {pack.info.title} ({pack.info.version})"),
        Text(""),
        Text(rule.text.get(lang)),
        Text(""),
        Text(f"{text('rules.source', lang)}: {rule.source.document}, {rule.source.section}"
             + ("" if rule.source.verified else f" {text('rules.unverified', lang)}"), style="bold"),
        Text(f"  {rule.source.summary.get(lang)}"),
        Text(f"{text('rules.in_force', lang)}: {in_force(rule, lang)}"),
        Text(f"{text('rules.parameters', lang)}: "
             + ", ".join(f"{k} = {v}" for k, v in parameters(rule).items())),
        Text(""),
        Text(text("rules.statuses", lang), style="bold"),
    ]
    minimum = str(rule.min_invited or 1)
    for status in CHECKS[rule.check].statuses:
        meaning = text(f"explain.{rule.check}.{status}", lang, group=group, min=minimum)
        lines.append(Text(f"  {status_name(status, lang)}: {meaning}"))
    if rule.check == "moderate_quotation":
        params = parameters(rule)
        lines.append(Text("  " + text("explain.moderate_quotation.tolerance", lang,
                                      score=format_number(params["max_score_gap_pct"], lang),
                                      rank=format_number(params["max_rank_distance"], lang))))
    lines += [
        Text(""),
        Text(text("rules.justify", lang), style="bold"),
        Text("  " + (rule.justify.get(lang) if rule.justify else text("rules.justify.default", lang))),
    ]
    return Group(*lines)

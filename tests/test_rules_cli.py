"""`rules list` and `rules show`, for every shipped rule and both languages."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from rekruttering.checks import CHECKS
from rekruttering.checks.pack import load_pack, shipped_packs
from rekruttering.models import STATUSES

from conftest import run

SHIPPED = [(name, rule.id) for name in shipped_packs() for rule in load_pack(name).rules]


def test_four_packs_are_shipped() -> None:
    assert shipped_packs() == ["bergen", "oslo", "sarpsborg", "staten"]
    assert [rule for _, rule in SHIPPED] == ["BE01", "BE02", "BE03", "OS01", "OS02", "OS03", "OS04", "SA01", "SA02",
                                             "SA03", "SA04", "ST01", "ST02", "ST03", "ST04", "ST05", "ST06"]


def test_rules_list_names_every_rule(runner: CliRunner) -> None:
    code, out, _ = run(runner, "rules", "list")
    assert code == 0
    for pack, rule in SHIPPED:
        assert rule in out and pack in out


@pytest.mark.parametrize(("pack_name", "rule_id"), SHIPPED)
@pytest.mark.parametrize("lang", ["nb", "en"])
def test_rules_show_explains_the_rule(runner: CliRunner, pack_name: str, rule_id: str, lang: str) -> None:
    rule = load_pack(pack_name).rule(rule_id)
    assert rule is not None
    code, out, _ = run(runner, "rules", "show", rule_id.lower(), "--lang", lang)
    assert code == 0
    flat = " ".join(out.split())
    assert rule.title.get(lang) in flat
    assert rule.source.document in flat and rule.source.section in flat
    assert " ".join(rule.text.get(lang).split()) in flat
    words = {"nb": ["oppfylt", "brudd", "begrunnet avvik", "til vurdering", "gjelder ikke"],
             "en": ["met", "breach", "justified", "review", "not applicable"]}[lang]
    # the statuses the rule can give (a rule that is never a breach does not explain breach or justified)
    possible = rule.statuses(CHECKS[rule.check].statuses)
    labels = [word for word, status in zip(words, STATUSES, strict=True) if status in possible]
    if "breach" not in possible:
        assert ("brudd (breach)" if lang == "nb" else "breach: ") not in flat
    if rule.severity == "advice" and "breach" in possible:  # an unmet advice is "not followed (advice)"
        labels = [label for label in labels if label not in ("brudd", "breach")]
        assert ("ikke fulgt (råd) (breach)" if lang == "nb" else "not followed (advice) (breach)") in flat
    for label in labels:  # the JSON value beside the word where they differ: "oppfylt (met)", never "met (met)"
        assert f"{label} (" in flat if lang == "nb" else f"{label}: " in flat
    assert "met (met)" not in flat
    expected = {"interview_minimum": ["min_invited = 1"],
                "moderate_quotation": ["max_rank_distance = 1", "max_score_gap_pct = 5.0", "tolerance" if lang == "en"
                                       else "toleransen"],
                "reserved_posting": [f"group = {', '.join(rule.groups) or '-'}"],
                "ad_statement": [f"without_statement = {'breach' if 'breach' in possible else 'review'}"],
                "union_involvement": ["group = -"]}[rule.check]
    for part in expected:
        assert part in flat
    if "gender" in rule.groups:
        assert "underrepresented_below = 0.4" in flat
    if rule.justify:
        assert " ".join(rule.justify.get(lang).split()) in flat
    if rule.in_force_from:
        assert rule.in_force_from.strftime("%d.%m.%Y" if lang == "nb" else "%Y-%m-%d") in flat
    if not rule.source.verified:
        assert ("ikke bekreftet" if lang == "nb" else "not verified") in flat
    if rule.source.note:
        assert " ".join(rule.source.note.get(lang).split()) in flat
    if not rule.in_force_verified:
        assert ("datoene er ikke bekreftet" if lang == "nb" else "dates not verified") in flat
        assert rule.in_force_note is not None and " ".join(rule.in_force_note.get(lang).split()) in flat
    for ref in rule.legal_background:
        assert ref.document in flat and " ".join(ref.summary.get(lang).split()) in flat


def test_rules_show_unknown_rule(runner: CliRunner) -> None:
    code, _, err = run(runner, "rules", "show", "XX99")
    assert code == 2 and "XX99" in err and "sarpsborg" in err


def test_rules_show_within_one_pack(runner: CliRunner) -> None:
    code, _, err = run(runner, "rules", "show", "ST01", "--rules", "oslo")
    assert code == 2 and "oslo" in err
    code, out, _ = run(runner, "rules", "show", "BE01", "--rules", "bergen", "--lang", "en")
    assert code == 0 and "country_group = 2" in out


def test_rules_show_json_says_what_the_source_does_not(runner: CliRunner) -> None:
    """Unverified dates and readings, legal background apart from the source, and the posting types a rule
    applies to are fields of ``rules show --format json``, not only words."""
    def shown(rule_id: str) -> dict[str, object]:
        code, out, _ = run(runner, "rules", "show", rule_id, "--format", "json", "--lang", "en")
        assert code == 0
        found: dict[str, object] = json.loads(out)
        return found

    sa01 = shown("SA01")
    assert sa01["in_force_verified"] is False and "2016–2028" in str(sa01["in_force_note"])
    assert sa01["posting_types"] == ["external", "internal", "reserved", "trainee"]  # no internal exception
    st01 = shown("ST01")
    assert st01["posting_types"] == ["external", "reserved", "trainee"]
    # no stored source says when § 4b came into force: the date is read from the regulation's id
    assert st01["in_force_verified"] is False and "§ 4b" in str(st01["in_force_note"])
    os02 = shown("OS02")
    assert os02["groups"] == ["disability"] and os02["source"]["document"] == (  # type: ignore[index]
        "Oslo kommune: Innspill til arbeidet for en inkluderende arbeidsplass")
    assert "E-1/02" in str(os02["legal_background"]) and "E-1/02" not in str(os02["source"])
    be01 = shown("BE01")
    assert be01["source"]["verified"] is False and "EU/EEA" in be01["source"]["note"]  # type: ignore[index]
    assert shown("OS01")["severity"] == "advice" and shown("BE02")["severity"] == "advice"

"""Rule packs and columns files are validated when loaded; errors name file, rule and field."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from rekruttering.checks.pack import load_pack, shipped_packs
from rekruttering.errors import RulePackError
from rekruttering.read.columns import load_column_map

from conftest import run

VALID_RULE = '''
[[rule]]
id = "X01"
check = "interview_minimum"
group = "immigrant_background"
title.nb = "t"
title.en = "t"
text.nb = "t"
text.en = "t"
source.document = "d"
source.section = "s"
source.summary.nb = "s"
source.summary.en = "s"
'''
PACK_HEAD = '''
[pack]
id = "test"
title = "Test"
version = "1"
employer.nb = "e"
employer.en = "e"
description.nb = "d"
description.en = "d"
'''


def write_pack(tmp_path: Path, body: str) -> Path:
    path = tmp_path / "pakke.toml"
    path.write_text(PACK_HEAD + body, encoding="utf-8")
    return path


@pytest.mark.parametrize("name", shipped_packs())
def test_shipped_packs_are_complete(name: str) -> None:
    pack = load_pack(name)
    assert pack.info.id == name and len(pack.sha256) == 64
    assert 0 < (pack.info.population_share_immigrant_background or 0) < 1
    for rule in pack.rules:
        assert rule.title.nb and rule.title.en and rule.text.nb and rule.text.en
        assert rule.source.document and rule.source.section and rule.source.summary.nb


def test_a_valid_pack_from_a_path(tmp_path: Path) -> None:
    pack = load_pack(str(write_pack(tmp_path, VALID_RULE)))
    assert [r.id for r in pack.rules] == ["X01"]


@pytest.mark.parametrize(("change", "expected"), [
    (('check = "interview_minimum"', 'check = "interview_maximum"'), "rule X01, field check"),
    (('title.en = "t"\n', ""), "rule X01, field title.en"),
    (('group = "immigrant_background"', 'group = "nationality"'), "rule X01, field group"),
    (('id = "X01"', 'id = "X01"\nmin_invited = 0'), "rule X01, field min_invited"),
    (('id = "X01"', 'id = "X01"\nin_force_from = 2020-01-01\nin_force_to = 2019-01-01'), "in_force_to is before"),
    (('id = "X01"', 'id = "X01"\nfarge = "blå"'), "rule X01, field farge"),
])
def test_invalid_rules_name_file_rule_and_field(tmp_path: Path, change: tuple[str, str], expected: str) -> None:
    path = write_pack(tmp_path, VALID_RULE.replace(*change))
    with pytest.raises(RulePackError) as caught:
        load_pack(str(path))
    assert str(path) in caught.value.message
    assert expected in caught.value.message.replace("regel / rule", "rule").replace("felt / field", "field")


def test_duplicate_rule_ids(tmp_path: Path) -> None:
    with pytest.raises(RulePackError) as caught:
        load_pack(str(write_pack(tmp_path, VALID_RULE + VALID_RULE)))
    assert "X01 is used twice" in caught.value.message


def test_invalid_toml(tmp_path: Path) -> None:
    path = tmp_path / "feil.toml"
    path.write_text("[pack\nid = ", encoding="utf-8")
    with pytest.raises(RulePackError) as caught:
        load_pack(str(path))
    assert "feil.toml" in caught.value.message and "TOML" in caught.value.message


def test_bad_pack_on_the_command_line_exits_2(runner: CliRunner, tmp_path: Path) -> None:
    path = write_pack(tmp_path, VALID_RULE.replace('title.en = "t"\n', ""))
    code, _, err = run(runner, "rules", "list", "--rules", path)
    assert code == 2 and "X01" in err and "title.en" in err and "Traceback" not in err


@pytest.mark.parametrize("header", ["Nasjonalitet", "Statsborgerskap", "Fødeland", "Country of birth", "Morsmål",
                                    "Religion", "Navn", "Etternavn", "Birthplace", "Citizenship"])
def test_a_group_field_may_not_point_at_a_proxy_column(tmp_path: Path, header: str) -> None:
    path = tmp_path / "kolonner.toml"
    path.write_text(f'[aliases]\nimmigrant_background = ["{header}"]\n', encoding="utf-8")
    with pytest.raises(RulePackError) as caught:
        load_column_map(path)
    assert "egen erklæring" in caught.value.message and "own declaration" in caught.value.message


def test_proxy_mapping_is_refused_on_the_command_line(runner: CliRunner, tmp_path: Path,
                                                      small_exports: tuple[Path, Path]) -> None:
    applicants, shortlist = small_exports
    path = tmp_path / "kolonner.toml"
    path.write_text('[aliases]\ndisability = ["Statsborgerskap"]\n', encoding="utf-8")
    code, out, err = run(runner, "check", applicants, "-s", shortlist, "-r", "sarpsborg", "--columns", path)
    assert code == 2 and out == "" and "Statsborgerskap" in err


def test_unknown_field_in_columns_file(tmp_path: Path) -> None:
    path = tmp_path / "kolonner.toml"
    path.write_text('[aliases]\nsoker = ["Kandidat"]\n', encoding="utf-8")
    with pytest.raises(RulePackError) as caught:
        load_column_map(path)
    assert "soker" in caught.value.message and "applicant_id" in caught.value.message

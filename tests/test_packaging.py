"""Rule packs travel with the package: found from a checkout and from an installed wheel."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

from conftest import ROOT


def test_wheel_carries_the_rule_packs_and_finds_them_installed(tmp_path: Path) -> None:
    wheels = tmp_path / "wheels"
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(wheels), str(ROOT)],
                   check=True, capture_output=True)
    [wheel] = wheels.glob("rekruttering-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    for pack in ("staten", "sarpsborg", "oslo", "bergen", "columns"):
        assert f"rekruttering/rules/{pack}.toml" in names
    target = tmp_path / "site"
    subprocess.run([sys.executable, "-m", "pip", "install", "--no-deps", "-q", "--target", str(target), str(wheel)],
                   check=True, capture_output=True)
    code = ("import rekruttering.checks.pack as r, rekruttering.resources as s; "
            "print(s.rules_dir()); print(r.load_pack('bergen').info.id)")
    proc = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, capture_output=True, text=True, check=True,
                          env={**os.environ, "PYTHONPATH": str(target)})
    where, pack = proc.stdout.split()
    assert Path(where) == target / "rekruttering" / "rules"
    assert pack == "bergen"

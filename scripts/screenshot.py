"""Make the README's picture of the HTML report (docs/rapport.png) from the bundled samples.

    python scripts/screenshot.py [--output docs/rapport.png] [--chromium /usr/bin/chromium] [--lang nb]

It runs ``rekruttering check`` on ``samples/for-intervju`` (rule pack ``sarpsborg``, HR audience)
with ``--format html`` into a temporary folder, and photographs the page with headless Chromium
in a fresh profile, with background networking, updates and sync off. The report time is fixed
(``SOURCE_DATE_EPOCH``), so the picture only changes when the report does. Needs Chromium
(``apt-get install chromium``); nothing is fetched from the network, and the HTML page itself
forbids any fetch.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples" / "for-intervju"
REPORT_TIME = "1795165200"  # 2026-11-20 09:00 UTC, after the sample posting's deadline, before its interviews
WINDOW = "1200,1100"
MAX_BYTES = 400_000


def make_report(target: Path, lang: str) -> None:
    """The sample check report as one HTML page, made by the repository's own code (run from the
    repository's root, so the report names the samples by their paths in the repository)."""
    env = {**os.environ, "SOURCE_DATE_EPOCH": REPORT_TIME,
           "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")]))}
    subprocess.run(
        [sys.executable, "-m", "rekruttering", "check", str(SAMPLES.relative_to(ROOT) / "soekere.xlsx"),
         "--shortlist", str(SAMPLES.relative_to(ROOT) / "intervju.xlsx"), "--rules", "sarpsborg", "--lang", lang,
         "--format", "html", "--output", str(target), "--no-fail", "--quiet"],
        check=True, cwd=ROOT, env=env,
    )


def photograph(page: Path, picture: Path, chromium: str, profile: Path) -> None:
    """A PNG of ``page`` as headless Chromium draws it in a window of ``WINDOW`` pixels."""
    picture.parent.mkdir(parents=True, exist_ok=True)
    subprocess.run(
        [chromium, "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
         "--disable-background-networking", "--disable-component-update", "--no-first-run", "--disable-sync",
         f"--user-data-dir={profile}", f"--screenshot={picture}", f"--window-size={WINDOW}",
         page.as_uri()],
        check=True, timeout=120, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--output", type=Path, default=ROOT / "docs" / "rapport.png")
    parser.add_argument("--chromium", default=shutil.which("chromium") or "/usr/bin/chromium")
    parser.add_argument("--lang", choices=("nb", "en"), default="nb")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="rekruttering-screenshot-") as folder:
        page = Path(folder) / "rapport.html"
        make_report(page, args.lang)
        photograph(page, args.output.resolve(), args.chromium, Path(folder) / "profile")
    size = args.output.stat().st_size
    print(f"{args.output}: {size} bytes")
    if size >= MAX_BYTES:
        print(f"larger than {MAX_BYTES} bytes; make the window smaller (WINDOW)", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())

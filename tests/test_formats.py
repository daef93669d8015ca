"""Report formats say the same thing: golden text and Markdown, xlsx read back, HTML in a browser.

Golden files live in tests/golden/; after an intended change of wording, regenerate them with
`REKRUTTERING_UPDATE_GOLDEN=1 pytest tests/test_formats.py` and review the diff before committing.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from datetime import datetime
from pathlib import Path

import pytest
from typer.testing import CliRunner

from rekruttering.cli import app

from conftest import run, write_csv

GOLDEN = Path(__file__).parent / "golden"
EPOCH = "1764000000"  # 2025-11-24T16:00:00Z


@pytest.fixture
def fixed_run(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Exports with relative names in a fresh folder and a fixed clock: byte-identical reports."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)
    write_csv(tmp_path / "soekere.csv", [
        ["Stillings-ID", "Stillingstittel", "Enhet", "Søknadsfrist", "Søker-ID", "Kvalifisert", "Innvandrerbakgrunn",
         "Nedsatt funksjonsevne", "Hull i CV", "Kjønn"],
        ["2025-031", "Sykepleier", "Helse og omsorg", "01.03.2025", "S-1042", "Ja", "Ja", "", "", "kvinne"],
        ["2025-031", "Sykepleier", "Helse og omsorg", "01.03.2025", "S-1043", "Ja", "Nei", "", "", "mann"],
        ["2025-031", "Sykepleier", "Helse og omsorg", "01.03.2025", "S-1077", "Ja", "Ja", "", "", "mann"],
        ["2025-040", "Rådgiver", "Økonomi", "15.04.2025", "S-2001", "Ja", "Ja", "", "", "kvinne"],
        ["2025-040", "Rådgiver", "Økonomi", "15.04.2025", "S-2002", "Ja", "Nei", "", "", "mann"],
        ["2025-052", "Lærer", "Oppvekst", "01.05.2025", "S-3001", "", "Ja", "", "", "kvinne"],
        ["2025-060", "Konsulent", "Økonomi", "01.06.2025", "S-4001", "Ja", "Ja", "", "", "mann"],
        ["2025-060", "Konsulent", "Økonomi", "01.06.2025", "S-4002", "Ja", "Nei", "", "", "kvinne"],
    ])
    write_csv(tmp_path / "intervju.csv", [
        ["Stillings-ID", "Søker-ID", "Innkalt til intervju", "Rangering", "Poeng", "Ansatt", "Begrunnelse"],
        ["2025-031", "S-1043", "Ja", "1", "", "", ""],
        ["2025-031", "S-1042", "Nei", "4", "", "", ""],
        ["2025-031", "S-1077", "Nei", "9", "", "", ""],
        ["2025-040", "S-2002", "Ja", "1", "", "", ""],
        ["2025-040", "S-2001", "Nei", "2", "", "", "Søkeren trakk seg per telefon 20.04.2025 <b>"],
        ["2025-052", "S-3001", "Nei", "1", "", "", ""],
        ["2025-060", "S-4002", "Ja", "1", "88", "Ja", ""],
        ["2025-060", "S-4001", "Ja", "2", "86", "", ""],
    ])
    return tmp_path


def _compare(name: str, actual: str) -> None:
    path = GOLDEN / name
    if os.environ.get("REKRUTTERING_UPDATE_GOLDEN"):
        path.write_text(actual, encoding="utf-8")
    assert actual == path.read_text(encoding="utf-8"), f"{name} differs; see the module docstring to regenerate"


@pytest.mark.parametrize(("audience", "lang"), [("hr", "nb"), ("tillitsvalgt", "nb")])
def test_golden_markdown(runner: CliRunner, fixed_run: Path, audience: str, lang: str) -> None:
    target = fixed_run / "rapport"
    code, _, err = run(runner, "check", "soekere.csv", "-s", "intervju.csv", "-r", "sarpsborg", "-f", "markdown",
                       "--audience", audience, "--lang", lang, "-o", target)
    assert code == 1, err
    _compare(f"check-{audience}-{lang}.md", target.read_text(encoding="utf-8"))


@pytest.mark.parametrize("width", [80, 120])
@pytest.mark.parametrize("lang", ["nb", "en"])
@pytest.mark.parametrize("audience", ["hr", "tillitsvalgt"])
def test_golden_text(runner: CliRunner, fixed_run: Path, audience: str, lang: str, width: int) -> None:
    """The terminal report at the width of a narrow and a wide terminal (COLUMNS), in both languages."""
    result = runner.invoke(app, ["check", "soekere.csv", "-s", "intervju.csv", "-r", "sarpsborg", "--audience",
                                 audience, "--lang", lang], catch_exceptions=False, env={"COLUMNS": str(width)})
    assert result.exit_code == 1, result.stderr
    _compare(f"check-{audience}-{lang}-{width}.txt", result.stdout)


def test_every_format_carries_the_same_statuses_and_provenance(runner: CliRunner, fixed_run: Path) -> None:
    code, out, _ = run(runner, "check", "soekere.csv", "-s", "intervju.csv", "-r", "sarpsborg", "-f", "json")
    report = json.loads(out)
    statuses = [f["status"] for p in report["postings"] for f in p["findings"]]
    # the reviews: SA01 and SA02 on one posting each, and SA04 on all four (the exports have no ad column)
    assert statuses.count("breach") == 1 and statuses.count("justified") == 1 and statuses.count("review") == 6
    shas = [i["sha256"] for i in report["inputs"]] + [report["rule_pack"]["sha256"]]
    labels = {"met": "oppfylt", "breach": "brudd", "justified": "begrunnet avvik", "review": "til vurdering",
              "not_applicable": "gjelder ikke"}
    for fmt in ("text", "markdown", "html"):
        code, out, _ = run(runner, "check", "soekere.csv", "-s", "intervju.csv", "-r", "sarpsborg", "-f", fmt)
        assert code == 1
        for sha in shas:
            assert sha in out, fmt
        assert "rekruttering 0.1.0" in out and "HR" in out and "2025-11-24T16:00:00+00:00" in out
        for status, label in labels.items():
            assert out.count(f">{label}<" if fmt == "html" else label) >= statuses.count(status), (fmt, status)


def test_xlsx_read_back(runner: CliRunner, fixed_run: Path) -> None:
    import openpyxl

    target = fixed_run / "rapport.xlsx"
    code, _, err = run(runner, "check", "soekere.csv", "-s", "intervju.csv", "-r", "sarpsborg", "-f", "xlsx",
                       "-o", target, "--lang", "en")
    assert code == 1, err
    book = openpyxl.load_workbook(target)
    assert book.sheetnames == ["Findings", "To invite", "Totals", "Inputs", "Method"]
    findings = book["Findings"]
    header = [c.value for c in findings[1]]
    assert header == ["Posting", "Title", "Unit", "Deadline", "Rule", "Status", "Finding", "Justification"]
    assert findings.freeze_panes == "A2" and findings.auto_filter.ref == "A1:H17"  # 4 postings, 4 rules
    rows = [[c.value for c in r] for r in findings.iter_rows(min_row=2)]
    assert rows[0][:6] == ["2025-031", "Sykepleier", "Helse og omsorg", datetime(2025, 3, 1), "SA01", "breach"]
    assert "Not invited: S-1042 (rank 4), S-1077 (rank 9)." in rows[0][6]
    totals = [c.value for c in book["Totals"][2]]
    assert totals == [4, 1, 1, 1, 6, 7]  # numbers, not texts
    method = {r[0].value: r[1].value for r in book["Method"].iter_rows(min_row=3) if r[0].value}
    assert method["Rule pack"].startswith("Sarpsborg kommune") and len(method["Rule pack SHA-256"]) == 64
    assert method["Tool"] == "rekruttering 0.1.0" and method["Audience"] == "HR (case handlers)"
    assert sum(1 for r in book["Method"].iter_rows() if r[0].value == "Input") == 2


def _chromium() -> str | None:
    return shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")


def test_html_renders_offline_with_no_request(runner: CliRunner, fixed_run: Path) -> None:
    """In headless Chromium when it is installed (CI installs it and sets REKRUTTERING_REQUIRE_BROWSER);
    without it, the page is still checked for any reference that could make a request."""
    from html.parser import HTMLParser

    target = fixed_run / "rapport.html"
    code, _, _ = run(runner, "check", "soekere.csv", "-s", "intervju.csv", "-r", "sarpsborg", "-f", "html",
                     "-o", target)
    assert code == 1
    page = target.read_text(encoding="utf-8")
    assert "default-src 'none'" in page and '<meta name="viewport"' in page and "@media print" in page

    class Links(HTMLParser):
        def __init__(self) -> None:
            super().__init__()
            self.found: list[str] = []

        def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
            # a link within the page (the table of contents) fetches nothing
            self.found += [f"{tag} {name}={value}" for name, value in attrs if name in ("src", "href", "action")
                           and not (name == "href" and (value or "").startswith("#"))]
            if tag in ("script", "link", "img", "iframe", "object", "embed"):
                self.found.append(tag)

    parser = Links()
    parser.feed(page)
    assert parser.found == [] and "url(" not in page and "@import" not in page

    browser = _chromium()
    if browser is None:
        assert not os.environ.get("REKRUTTERING_REQUIRE_BROWSER"), "Chromium is required here but not installed"
        return
    # the control page proves that a request made by a page would be seen
    control = fixed_run / "control.html"
    control.write_text('<!DOCTYPE html><p>kontroll</p><img src="http://127.0.0.1:9/probe.png">', encoding="utf-8")
    dom, requests = _open_in_chromium(browser, control, fixed_run / "control")
    assert "kontroll" in dom and requests == ["http://127.0.0.1:9/probe.png"]
    dom, requests = _open_in_chromium(browser, target, fixed_run / "report")
    assert "Kontroll av intervjuregler" in dom and "S-1042" in dom
    assert "&lt;b&gt;" in dom  # the markup in a justification stayed text in the DOM
    assert requests == []


def _open_in_chromium(browser: str, page: Path, work: Path) -> tuple[str, list[str]]:
    """The rendered DOM and the network requests the page itself started (not the browser's own)."""
    work.mkdir()
    netlog = work / "netlog.json"
    proc = subprocess.run(
        [browser, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic",
         f"--user-data-dir={work / 'profile'}", f"--log-net-log={netlog}", "--dump-dom", page.as_uri()],
        capture_output=True, text=True, timeout=120, check=False)
    assert proc.returncode == 0, proc.stderr[-2000:]
    raw = netlog.read_text(encoding="utf-8").rstrip().rstrip(",")
    log = json.loads(raw if raw.endswith("}") else raw + "]}")
    start_job = log["constants"]["logEventTypes"]["URL_REQUEST_START_JOB"]
    browser_own = "not an origin"  # Chromium's own traffic (updates, time) has no page as initiator
    requests = [str(e["params"].get("url")) for e in log["events"]
                if e.get("type") == start_job and e.get("params", {}).get("initiator", browser_own) != browser_own]
    return proc.stdout, requests


def test_markdown_escapes_a_list_marker_but_not_a_number() -> None:
    from rekruttering.render.markdown import escape

    assert escape("83.8 %") == "83.8 %" and escape("01.01.2025") == "01.01.2025"
    assert escape("1. punkt") == "1\\. punkt" and escape("- strek") == "\\- strek"

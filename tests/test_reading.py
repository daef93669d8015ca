"""Reports read well: at any terminal width, with the verdict first and the provenance last, in every format.

The text report never cuts a value with "…" and never writes a line wider than the terminal (COLUMNS), or than
100 columns when it goes to a pipe or a file. Every report opens with an overview (postings checked, breaches to
fix, to review, justified and, for HR only, whom to invite), lists the postings most serious first, and ends with
the provenance. The HTML page has a table of contents, headings in order, header cells with a scope, readable
colours and a print stylesheet.
"""

from __future__ import annotations

import html
import json
import os
import re
import shutil
import subprocess
import sys
from functools import cache
from html.parser import HTMLParser
from pathlib import Path

import pytest
from rich.cells import cell_len
from typer.testing import CliRunner

from rekruttering.cli import app
from rekruttering.words.catalogue import Lang, text

from conftest import APPLICANT_HEADER, ROOT, SHORTLIST_HEADER, flat, write_csv

SAMPLES = ROOT / "samples"
YEAR = SAMPLES / "aar-2025"
BEFORE = SAMPLES / "for-intervju"
RUNS = {
    "check-before": ("check", BEFORE / "soekere.xlsx", "-s", BEFORE / "intervju.xlsx", "-r", "staten"),
    "check-year": ("check", YEAR / "soekere.xlsx", "-s", YEAR / "kortliste.xlsx", "-r", "staten",
                   "--workforce", YEAR / "arbeidsstyrke.csv", "--justifications", YEAR / "begrunnelser.csv"),
    "summary-year": ("summary", YEAR, "-r", "staten", "--workforce", YEAR / "arbeidsstyrke.csv"),
}
# what the HR report tells HR to do; the union representatives' report must say none of it
HR_ONLY = ("overview.do.breach", "overview.do.breach.invite", "overview.do.review", "overview.do.justified",
           "overview.invite", "overview.breach")


@cache
def _terminal(name: str, width: int, *extra: str) -> str:
    """What a terminal of ``width`` columns shows for one of the RUNS (cached: the year takes seconds)."""
    result = CliRunner().invoke(app, [str(a) for a in (*RUNS[name], *extra)], catch_exceptions=False,
                                env={"COLUMNS": str(width)})
    assert result.exit_code == 1, result.stderr
    return result.stdout


@pytest.mark.parametrize("width", [80, 120])
@pytest.mark.parametrize(("name", "extra"), [("check-before", ()), ("check-year", ()), ("summary-year", ()),
                                             ("check-year", ("--audience", "tillitsvalgt", "--lang", "en"))])
def test_no_line_is_wider_than_the_terminal_and_nothing_is_cut(name: str, extra: tuple[str, ...], width: int
                                                               ) -> None:
    out = _terminal(name, width, *extra)
    lines = out.splitlines()
    assert len(lines) > 20
    too_wide = [line for line in lines if cell_len(line) > width]
    assert too_wide == [], too_wide[:3]
    assert "…" not in out and not [line for line in lines if line.endswith(" ")]
    assert "SHA-256" in out and "rekruttering 0.1.0" in out  # the fingerprints are there, whole


def test_findings_read_as_blocks_per_posting_at_80_columns() -> None:
    out = _terminal("check-before", 80)
    lines = out.splitlines()
    heading = lines.index("2026-014 · Sykepleier · Helse og omsorg · 15.11.2026")
    assert lines[heading + 1] == "  brudd · ST01"  # status and rule, then the message under them
    assert lines[heading + 2].startswith("    Ingen kvalifisert søker med innvandrerbakgrunn")
    assert "Ikke innkalt: S-1003 (rang 7), S-1010." in flat(out)


def test_the_statistics_are_blocks_on_a_narrow_terminal_and_a_table_on_a_wide_one() -> None:
    narrow = _terminal("summary-year", 80)
    assert "\n  MH risikoforhold: 0,94\n" in narrow  # one "label: value" line per statistic
    assert "\n  Eksakt p (ensidig): 0,01\n" in narrow  # 0.0100 to 2 significant digits
    assert "\ninnvandrerbakgrunn · søkt → kvalifisert · oppgitt ja mot oppgitt nei\n" in narrow
    wide = _terminal("summary-year", 240)
    assert any("risikoforhold" in line and "oddsforhold" in line for line in wide.splitlines())  # a header row
    assert all(cell_len(line) <= 240 for line in wide.splitlines())


def test_a_pipe_and_a_file_get_100_columns(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1764000000")
    args = [str(a) for a in RUNS["check-before"]]
    env = {k: v for k, v in os.environ.items() if k != "COLUMNS"}
    piped = subprocess.run([sys.executable, "-m", "rekruttering", *args], capture_output=True, text=True,
                           env=env, check=False, timeout=120)
    assert piped.returncode == 1, piped.stderr
    target = tmp_path / "rapport.txt"
    result = CliRunner().invoke(app, [*args, "-o", str(target)], catch_exceptions=False)
    assert result.exit_code == 1
    written = target.read_text(encoding="utf-8")
    assert written == piped.stdout
    widths = [cell_len(line) for line in written.splitlines()]
    assert max(widths) <= 100 and any(w > 80 for w in widths) and "…" not in written


# --- the verdict first --------------------------------------------------------------------------------------

@pytest.fixture
def exports(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Five postings whose ids run against their seriousness: P-1 met, P-2 justified, P-3 review, P-4 breach
    (S-42 ranked above S-41, both to invite), P-5 nobody declared. Every ad had a diversity statement (SA04 met)."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1764000000")
    applicant = ["Rådgiver", "Økonomi", "01.03.2025"]
    write_csv(tmp_path / "soekere.csv", [
        [*APPLICANT_HEADER, "Mangfoldserklæring i annonsen"],
        ["P-1", *applicant, "S-11", "Kari Nordmann", "Ja", "Ja", "Ja"],
        ["P-2", *applicant, "S-21", "Ola Nordmann", "Ja", "Ja", "Ja"],
        ["P-2", *applicant, "S-22", "Per Hansen", "Ja", "Nei", "Ja"],
        ["P-3", *applicant, "S-31", "Anne Berg", "", "Ja", "Ja"],
        ["P-3", *applicant, "S-32", "Nils Dahl", "Ja", "Nei", "Ja"],
        ["P-4", *applicant, "S-41", "Ida Lie", "Ja", "Ja", "Ja"],
        ["P-4", *applicant, "S-42", "Eva Moe", "Ja", "Ja", "Ja"],
        ["P-4", *applicant, "S-43", "Tor Bakke", "Ja", "Nei", "Ja"],
        ["P-5", *applicant, "S-51", "Siri Holm", "Ja", "Nei", "Ja"],
    ])
    write_csv(tmp_path / "intervju.csv", [
        SHORTLIST_HEADER,
        ["P-1", "S-11", "Ja", "1", ""],
        ["P-2", "S-22", "Ja", "1", ""],
        ["P-2", "S-21", "Nei", "2", "Søkeren trakk seg før innkallingen"],
        ["P-3", "S-32", "Ja", "1", ""],
        ["P-3", "S-31", "Nei", "2", ""],
        ["P-4", "S-43", "Ja", "1", ""],
        ["P-4", "S-41", "Nei", "5", ""],
        ["P-4", "S-42", "Nei", "2", ""],
        ["P-5", "S-51", "Ja", "1", ""],
    ])
    return tmp_path


def _said(out: str) -> str:
    """What a reader reads: no tags, entities or Markdown emphasis, every run of whitespace one space."""
    return flat(html.unescape(re.sub(r"<[^>]+>|\*\*", " ", out)).replace("\\", ""))


def _report(fmt: str, audience: str = "hr", lang: str = "nb") -> str:
    result = CliRunner().invoke(app, ["check", "soekere.csv", "-s", "intervju.csv", "-r", "sarpsborg", "-f", fmt,
                                      "--audience", audience, "--lang", lang], catch_exceptions=False,
                                env={"COLUMNS": "80"})
    assert result.exit_code == 1, result.stderr
    return result.stdout


POSTING_HEADING = {"text": "\n{id} · Rådgiver", "markdown": "\n### {id} · Rådgiver", "html": "<h3>{id} · Rådgiver"}


@pytest.mark.parametrize("fmt", ["text", "markdown", "html"])
def test_overview_first_then_postings_most_serious_first_then_provenance(exports: Path, fmt: str) -> None:
    out = _report(fmt)
    overview = out.index(text("overview.title", "nb"))
    checked = out.index(text("overview.checked", "nb"))
    invite = out.index("S-42, S-41")  # best ranked first, as the finding lists them
    places = [out.index(POSTING_HEADING[fmt].format(id=posting)) for posting in ("P-4", "P-3", "P-2", "P-1", "P-5")]
    about = out.index(text("report.about", "nb"), places[-1])
    sha = out.index("SHA-256")
    assert overview < checked < invite < places[0]
    assert places == sorted(places)  # breach, review, justified, then the rest by posting id
    assert places[-1] < about < sha
    said = _said(out)
    for label, value in (("overview.checked", "5"), ("overview.breach", "1 i 1 stilling"),
                         ("overview.review", "1 i 1 stilling"), ("overview.justified", "1 i 1 stilling")):
        assert f"{text(label, 'nb')}{':' if fmt != 'html' else ''} {value}" in said, (label, said[:600])


def test_json_keeps_the_postings_in_their_order(exports: Path) -> None:
    report = json.loads(_report("json"))
    assert [p["posting_id"] for p in report["postings"]] == ["P-1", "P-2", "P-3", "P-4", "P-5"]
    assert "overview" not in report


@pytest.mark.parametrize("lang", ["nb", "en"])
@pytest.mark.parametrize("fmt", ["text", "markdown", "html"])
def test_union_representatives_get_the_verdict_without_ids_or_instructions_for_hr(exports: Path, fmt: str,
                                                                                lang: Lang) -> None:
    hr = _said(_report(fmt, "hr", lang))
    union = _said(_report(fmt, "tillitsvalgt", lang))
    for key in HR_ONLY:
        assert flat(text(key, lang)) in hr or key == "overview.do.breach", key  # this data has people to invite
        assert flat(text(key, lang)) not in union, key
    told = text("report.verdict.breach", lang, count=1, review=1)
    assert told in hr and told not in union
    verdict = text("report.verdict.tillitsvalgt", lang, count=1, review=1)
    assert verdict in union and text("overview.breach.tillitsvalgt", lang) in union
    assert not re.search(r"S-\d\d", union)
    assert union.endswith(verdict)  # the closing line states the verdict and nothing more


# --- HTML: contents, headings, header cells, contrast, print -------------------------------------------------

class Page(HTMLParser):
    """The parts of a page that make it navigable: headings, ids, in-page links, table header cells."""

    def __init__(self) -> None:
        super().__init__()
        self.headings: list[int] = []
        self.ids: set[str] = set()
        self.links: list[str] = []
        self.header_cells: list[tuple[str, str | None]] = []
        self._in: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        if re.fullmatch(r"h[1-6]", tag):
            self.headings.append(int(tag[1]))
        if found.get("id"):
            self.ids.add(str(found["id"]))
        if tag == "a" and found.get("href"):
            self.links.append(str(found["href"]))
        if tag in ("thead", "tbody"):
            self._in.append(tag)
        if tag == "th":
            self.header_cells.append((self._in[-1] if self._in else "", found.get("scope")))

    def handle_endtag(self, tag: str) -> None:
        if tag in ("thead", "tbody") and self._in:
            self._in.pop()


def _luminance(colour: str) -> float:
    channels = [int(colour[i:i + 2], 16) / 255 for i in (1, 3, 5)]
    r, g, b = (c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def _contrast(one: str, other: str) -> float:
    high, low = sorted((_luminance(one), _luminance(other)), reverse=True)
    return (high + 0.05) / (low + 0.05)


@pytest.mark.parametrize("audience", ["hr", "tillitsvalgt"])
def test_html_has_contents_headings_in_order_and_header_cells(exports: Path, audience: str) -> None:
    page = _report("html", audience)
    parsed = Page()
    parsed.feed(page)
    assert parsed.headings[0] == 1 and parsed.headings.count(1) == 1
    assert all(b <= a + 1 for a, b in zip(parsed.headings, parsed.headings[1:], strict=False)), parsed.headings
    assert parsed.links and all(link.startswith("#") and link[1:] in parsed.ids for link in parsed.links)
    assert {"#overview", "#about"} <= set(parsed.links)
    assert parsed.header_cells and all(scope == ("col" if part == "thead" else "row")
                                       for part, scope in parsed.header_cells)
    assert '<section id="overview" class="overview is-breach"' in page and '<nav class="toc"' in page
    assert page.index('id="overview"') < page.index("<h3>P-4") < page.index('id="about"')


def test_html_colours_are_readable_and_the_page_prints(exports: Path) -> None:
    page = _report("html")
    colours = dict(re.findall(r"--([a-z_]+): (#[0-9a-f]{6})", page))
    for status in ("met", "breach", "justified", "review", "na", "text", "muted"):
        for background in ("#ffffff", colours["box"], colours["head"]):
            assert _contrast(colours[status], background) >= 4.5, (status, background)
    print_rules = page[page.index("@media print"):]
    assert "nav.toc { display: none; }" in print_rules and "break-inside: avoid" in print_rules


def test_html_reads_in_order_in_a_browser(exports: Path) -> None:
    """In headless Chromium (when installed; CI sets REKRUTTERING_REQUIRE_BROWSER): the overview box, the postings
    and the provenance come in that order in the rendered page, and the contents point at them."""
    target = exports / "rapport.html"
    target.write_text(_report("html", "tillitsvalgt", "en"), encoding="utf-8")
    browser = shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")
    if browser is None:
        assert not os.environ.get("REKRUTTERING_REQUIRE_BROWSER"), "Chromium is required here but not installed"
        return
    proc = subprocess.run(
        [browser, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--no-first-run", f"--user-data-dir={exports / 'profile'}",
         "--dump-dom", target.as_uri()], capture_output=True, text=True, timeout=120, check=False)
    assert proc.returncode == 0, proc.stderr[-2000:]
    dom = proc.stdout
    order = [dom.index(s) for s in ('<nav class="toc"', 'id="overview"', "1 unjustified breach, 1 to review.",
                                    "<h3>P-4 · Rådgiver", "<h3>P-3 · Rådgiver", 'id="about"', "SHA-256")]
    assert order == sorted(order)
    assert '<a href="#overview">Overview</a>' in dom and not re.search(r"S-\d\d", dom)


def test_summary_page_opens_with_the_overview_and_keeps_its_structure() -> None:
    result = CliRunner().invoke(app, [str(a) for a in (*RUNS["summary-year"], "-f", "html", "--audience",
                                                       "tillitsvalgt")], catch_exceptions=False)
    assert result.exit_code == 1, result.stderr
    page = result.stdout
    parsed = Page()
    parsed.feed(page)
    assert parsed.headings[0] == 1 and parsed.headings.count(1) == 1
    assert all(b <= a + 1 for a, b in zip(parsed.headings, parsed.headings[1:], strict=False))
    assert all(link[1:] in parsed.ids for link in parsed.links) and len(parsed.links) >= 9
    assert all(scope == ("col" if part == "thead" else "row") for part, scope in parsed.header_cells)
    order = [page.index(s) for s in ('id="overview"', f'<h2>{text("summary.title.follow_up", "nb")}</h2>',
                                     f'<h2>{text("summary.title.rules", "nb")}</h2>', 'id="about"', "SHA-256")]
    assert order == sorted(order)
    for key in HR_ONLY:
        assert html.escape(text(key, "nb")) not in page, key

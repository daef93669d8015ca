"""Generate the synthetic sample files in ``samples/`` (see samples/README.md).

Two sets of recruitment-system exports, all persons invented (names from short lists, e-mails at
example.org, phone numbers starting with 0, which no Norwegian subscriber number does):

* ``for-intervju/``: one posting just before interviews (soekere.xlsx, intervju.xlsx), built by hand
  so that the immigrant-background rule is breached while disability and CV gap are met.
* ``aar-2025/``: a year of postings (soekere/kortliste as xlsx and as Windows-1252 csv) with a planned
  mix of outcomes of the interview rule for each declared group; the mix is printed to stdout.

Deterministic and idempotent: a fixed seed, fixed dates, and xlsx files with fixed zip timestamps, so
two runs write byte-identical files. Run from the repository root: ``python samples/generate.py``.
"""

from __future__ import annotations

import csv
import io
import random
import re
import zipfile
from collections import Counter
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import NamedTuple

from openpyxl import Workbook  # type: ignore[import-untyped, unused-ignore]
from openpyxl.styles import Font  # type: ignore[import-untyped, unused-ignore]
from openpyxl.utils import get_column_letter  # type: ignore[import-untyped, unused-ignore]

HERE = Path(__file__).resolve().parent
SEED = 20251231
ZIP_TIME = (2026, 11, 20, 8, 0, 0)
CORE_TIME = b"2026-11-20T08:00:00Z"

APPLICANT_HEADER = [
    "Stillings-ID", "Stillingstittel", "Enhet", "Søknadsfrist", "Utlysningstype", "Søker-ID", "Navn",
    "E-post", "Telefon", "Fødselsdato", "Statsborgerskap", "Kvalifisert", "Innvandrerbakgrunn (egenerklært)",
    "Landgruppe", "Nedsatt funksjonsevne", "Hull i CV", "Kjønn", "Trukket",
]
INTERVIEW_HEADER = [
    "Stillings-ID", "Søker-ID", "Navn", "Innkalt til intervju", "Rangering", "Poeng", "Begrunnelse",
]
SHORTLIST_HEADER = [
    "Stillings-ID", "Søker-ID", "Innkalt til intervju", "Rangering", "Poeng", "Innstilt", "Ansatt",
    "Begrunnelse",
]

GROUPS = ("immigrant", "disability", "cv_gap")
GROUP_LABELS = {
    "immigrant": "Innvandrerbakgrunn", "disability": "Nedsatt funksjonsevne", "cv_gap": "Hull i CV",
}
NOT_SAID = "Ønsker ikke å oppgi"

# Planned outcome of the interview rule per (posting, group). The ekstern postings get exactly these
# counts for every group, shuffled independently per group; intern/unntatt/avlyst postings are "na_type".
EKSTERN_MIX = {
    "met": 110, "breach": 14, "justified": 7, "review": 10,
    "na_nobody": 6, "na_not_qualified": 4, "na_withdrew": 4,
}
POSTING_TYPES = {"intern": 8, "unntatt": 4, "avlyst": 3}
KIND_LABELS = {
    "met": "met (qualified declared applicant invited)",
    "breach": "breach (qualified declared, none invited)",
    "justified": "justified (as breach, with Begrunnelse)",
    "review": "review (declared have Kvalifisert blank)",
    "na_nobody": "n/a: nobody declared Ja",
    "na_not_qualified": "n/a: all declared Kvalifisert Nei",
    "na_withdrew": "n/a: all declared Trukket Ja",
    "na_type": "n/a: intern / unntatt / avlyst",
}
JA_EXTRA_RATE = {"immigrant": 0.22, "disability": 0.012, "cv_gap": 0.0}  # extra Ja in "met" postings
JA_RATE = {"immigrant": 0.20, "disability": 0.04, "cv_gap": 0.03}  # targets, to size the blank share
BLANK_SHARE, NOT_SAID_SHARE = 0.25, 0.02

UNITS = {  # unit: (weight, share of women among applicants, titles)
    "Helse og omsorg": (30, 0.80, ["Sykepleier", "Helsefagarbeider", "Vernepleier", "Fysioterapeut",
                                   "Ergoterapeut", "Avdelingsleder sykehjem"]),
    "Oppvekst og skole": (28, 0.72, ["Lærer 1.–7. trinn", "Lektor i realfag", "Barnehagelærer",
                                     "Assistent i barnehage", "Spesialpedagog", "Rektor"]),
    "Teknikk og miljø": (12, 0.30, ["Byggesaksbehandler", "Ingeniør vann og avløp", "Driftsoperatør",
                                    "Arealplanlegger", "Miljøveileder"]),
    "Økonomi": (10, 0.60, ["Regnskapsmedarbeider", "Controller", "Lønnskonsulent", "Innkjøpsrådgiver",
                           "Økonomisjef"]),
    "Kultur": (8, 0.55, ["Bibliotekar", "Kulturkonsulent", "Musikkpedagog i kulturskolen",
                         "Ungdomsarbeider"]),
    "NAV og sosial": (12, 0.70, ["NAV-veileder", "Sosionom", "Barnevernspedagog",
                                 "Rådgiver i flyktningtjenesten", "Miljøterapeut"]),
}
SIZES = {"ekstern": (24, 46), "intern": (12, 20), "unntatt": (12, 20), "avlyst": (10, 30)}

FEMALE = ["Kari", "Ingrid", "Åse", "Sølvi", "Marte", "Sigrid", "Ragnhild", "Kjersti", "Siri", "Mari",
          "Fatima", "Amina", "Maryam", "Agnieszka", "Olena", "Linh", "Sofia", "Aisha", "Samira", "Emma"]
MALE = ["Ola", "Bjørn", "Øystein", "Håkon", "Jørgen", "Lars", "Even", "Eirik", "Tor", "Magnus",
        "Ahmed", "Ali", "Mohammed", "Piotr", "Tomasz", "Dmytro", "Yusuf", "Hassan", "Carlos", "Minh"]
LAST = ["Hansen", "Johansen", "Olsen", "Larsen", "Andersen", "Pedersen", "Nilsen", "Berg", "Haugen", "Dahl",
        "Bråten", "Sæther", "Løvås", "Strøm", "Ødegård", "Åsheim", "Kvalø", "Khan", "Hussain", "Nowak",
        "Kowalski", "Nguyen", "Mohamed", "Yilmaz", "Kovalenko", "Garcia", "Abdi", "Tran", "Silva", "Haile"]
CITIZENSHIPS = ["Sverige", "Danmark", "Tyskland", "Polen", "Litauen", "Ukraina", "Syria", "Somalia",
                "Eritrea", "Filippinene"]
JUSTIFICATIONS = [
    "Søkeren trakk kandidaturet per telefon {d} før innkalling",
    "Søkeren meldte per e-post {d} at søknaden ikke lenger er aktuell",
    "Søkeren har takket ja til annen stilling, jf. e-post {d}; derfor ikke innkalt",
]
ASCII = str.maketrans({"æ": "ae", "ø": "o", "å": "a", "Æ": "Ae", "Ø": "O", "Å": "A"})

Cell = str | int | date | None


class Posting(NamedTuple):
    id: str
    title: str
    unit: str
    deadline: date
    type: str


@dataclass
class Applicant:
    """One applicant row; the shortlist fields are set only for applicants on the shortlist."""

    posting: Posting
    applicant_id: str
    name: str
    email: str
    phone: str
    birth: date
    citizenship: str
    gender: str
    qualified: str = "Ja"  # Ja / Nei / "" (not assessed)
    withdrawn: str = "Nei"
    declared: dict[str, str] = field(default_factory=dict)  # group -> Ja / Nei / "" / NOT_SAID
    country_group: int | None = None
    rank: int | None = None  # None: not on the shortlist
    invited: str = ""
    score: int | None = None
    recommended: str = "Nei"
    hired: str = "Nei"
    justification: str = ""

    def applicant_cells(self) -> list[Cell]:
        p = self.posting
        return [p.id, p.title, p.unit, p.deadline, p.type, self.applicant_id, self.name, self.email,
                self.phone, self.birth, self.citizenship, self.qualified, self.declared["immigrant"],
                self.country_group, self.declared["disability"], self.declared["cv_gap"], self.gender,
                self.withdrawn]


# --- persons and declarations ----------------------------------------------------------------------


def new_applicant(rng: random.Random, posting: Posting, applicant_id: str, female_share: float) -> Applicant:
    gender = "kvinne" if rng.random() < female_share else "mann"
    first, last = rng.choice(FEMALE if gender == "kvinne" else MALE), rng.choice(LAST)
    email = f"{first}.{last}{rng.randint(1, 99)}@example.org".lower().translate(ASCII)
    phone = f"0{rng.randint(10, 99)} {rng.randint(10, 99)} {rng.randint(100, 999)}"
    birth = date(1962, 1, 1) + timedelta(days=rng.randint(0, 44 * 365))
    citizenship = "Norge" if rng.random() < 0.85 else rng.choice(CITIZENSHIPS)
    qualified = rng.choices(["Ja", "Nei", ""], [62, 33, 5])[0]
    withdrawn = "Ja" if rng.random() < 0.03 else "Nei"
    a = Applicant(posting, applicant_id, f"{first} {last}", email, phone, birth, citizenship, gender,
                  qualified, withdrawn)
    for group in GROUPS:
        blank = BLANK_SHARE / (1 - JA_RATE[group])
        weights = [blank, NOT_SAID_SHARE, 1 - blank - NOT_SAID_SHARE]
        a.declared[group] = rng.choices(["", NOT_SAID, "Nei"], weights)[0]
    return a


def declare(rng: random.Random, a: Applicant, group: str) -> None:
    a.declared[group] = "Ja"
    if group == "immigrant":
        a.country_group = rng.choices([2, 1, None], [70, 25, 5])[0]


def outcome(applicants: list[Applicant], group: str) -> str:
    """The interview rule's status for one posting and group, as the generator intends it."""
    if applicants[0].posting.type != "ekstern":
        return "na_type"
    declared = [a for a in applicants if a.declared[group] == "Ja"]
    active = [a for a in declared if a.withdrawn == "Nei"]
    qualified = [a for a in active if a.qualified == "Ja"]
    if not declared:
        return "na_nobody"
    if not active:
        return "na_withdrew"
    if any(a.invited == "Ja" for a in qualified):
        return "met"
    if qualified:
        return "justified" if all(a.justification for a in qualified) else "breach"
    return "review" if any(a.qualified == "" for a in active) else "na_not_qualified"


# --- the year 2025 ---------------------------------------------------------------------------------


def plan_year(rng: random.Random) -> list[tuple[Posting, dict[str, str]]]:
    n = sum(EKSTERN_MIX.values()) + sum(POSTING_TYPES.values())
    weekdays = [d for d in (date(2025, 1, 1) + timedelta(days=i) for i in range(365)) if d.weekday() < 5]
    deadlines = sorted(rng.choice(weekdays) for _ in range(n))
    types = ["ekstern"] * n
    special = rng.sample(range(n), sum(POSTING_TYPES.values()))
    for i, kind in zip(special, [t for t, c in POSTING_TYPES.items() for _ in range(c)], strict=True):
        types[i] = kind
    ekstern = [i for i in range(n) if types[i] == "ekstern"]
    plans: list[dict[str, str]] = [{g: "na_type" for g in GROUPS} for _ in range(n)]
    for group in GROUPS:
        kinds = [k for k, c in EKSTERN_MIX.items() for _ in range(c)]
        rng.shuffle(kinds)
        for i, kind in zip(ekstern, kinds, strict=True):
            plans[i][group] = kind
    postings = []
    for i, deadline in enumerate(deadlines):
        unit = rng.choices(list(UNITS), [w for w, _, _ in UNITS.values()])[0]
        title = rng.choice(UNITS[unit][2])
        postings.append((Posting(f"2025-{i + 1:03d}", title, unit, deadline, types[i]), plans[i]))
    return postings


def fill_posting(rng: random.Random, posting: Posting, plans: dict[str, str]) -> list[Applicant]:
    """Applicants and shortlist of one posting, so that each group gets its planned outcome."""
    female_share = UNITS[posting.unit][1]
    apps = [new_applicant(rng, posting, f"{posting.id}-S{i:03d}", female_share)
            for i in range(1, rng.randint(*SIZES[posting.type]) + 1)]
    free = list(range(len(apps)))
    rng.shuffle(free)
    must_invite: list[int] = []  # the planned "met" applicants
    keep_out: set[int] = set()  # declared applicants who must not be invited
    shortlist_nei: list[int] = []  # declared, shortlisted with Innkalt Nei

    def take(group: str, qualified: str, withdrawn: str = "Nei") -> int:
        i = free.pop()
        apps[i].qualified, apps[i].withdrawn = qualified, withdrawn
        declare(rng, apps[i], group)
        return i

    for group in GROUPS:
        kind = plans[group]
        if kind == "na_type":  # outside the rule anyway; give it data that would otherwise count
            kind = "breach" if group == "immigrant" else rng.choice(["met", "breach"])
        extra = rng.randint(1, 3) if group == "immigrant" else rng.choice([0, 0, 1])
        if kind == "met":
            must_invite.append(take(group, "Ja"))
        elif kind == "breach":
            i = take(group, "Ja")
            keep_out.add(i)
            if rng.random() < 0.5:
                shortlist_nei.append(i)
            keep_out.update(take(group, rng.choice(["Ja", "Nei", ""])) for _ in range(extra))
        elif kind == "justified":
            i = take(group, "Ja")
            keep_out.add(i)
            shortlist_nei.append(i)
            d = posting.deadline + timedelta(days=rng.randint(2, 10))
            apps[i].justification = rng.choice(JUSTIFICATIONS).format(d=d.strftime("%d.%m.%Y"))
            for _ in range(extra):
                keep_out.add(take(group, "Nei") if rng.random() < 0.5 else take(group, "Ja", withdrawn="Ja"))
        elif kind == "review":
            keep_out.update(take(group, "") for _ in range(1 + extra))
        elif kind == "na_not_qualified":
            keep_out.update(take(group, "Nei") for _ in range(1 + extra))
        elif kind == "na_withdrew":
            for _ in range(1 + extra):
                keep_out.add(take(group, rng.choice(["Ja", "Nei", ""]), withdrawn="Ja"))
        if kind == "met":  # more declared applicants change nothing in a met posting
            for a in apps:
                if a.declared[group] != "Ja" and rng.random() < JA_EXTRA_RATE[group]:
                    declare(rng, a, group)

    if posting.type != "avlyst":  # cancelled before interviews: no shortlist
        for i in free[:4]:  # at least four applicants free of any plan can be invited
            apps[i].qualified, apps[i].withdrawn = "Ja", "Nei"
        eligible = [i for i in free if apps[i].qualified == "Ja" and apps[i].withdrawn == "Nei"]
        n_invited = max(rng.randint(4, 7), len(must_invite))
        invited = must_invite + eligible[: n_invited - len(must_invite)]
        rng.shuffle(invited)
        not_invited = eligible[len(invited) - len(must_invite) :][: rng.choice([0, 0, 1, 2])] + shortlist_nei
        hired_rank = 2 if len(invited) >= 2 and rng.random() < 0.08 else 1  # the best one said no
        score = rng.randint(84, 97)
        for rank, i in enumerate(invited + not_invited, 1):
            a = apps[i]
            a.rank, a.score, a.invited = rank, score, "Ja" if rank <= len(invited) else "Nei"
            a.recommended = "Ja" if rank == 1 and invited else "Nei"
            a.hired = "Ja" if rank == hired_rank and invited else "Nei"
            score -= rng.randint(1, 5)
    return apps


def reuse_people(rng: random.Random, postings: list[list[Applicant]], pairs: int) -> None:
    """A handful of people apply to two postings: same K- id and personal data in both."""
    chosen = rng.sample(range(len(postings)), 2 * pairs)
    for k in range(pairs):
        first = rng.choice(postings[chosen[2 * k]])
        second = rng.choice(postings[chosen[2 * k + 1]])
        for a in (first, second):
            a.applicant_id = f"K-{3001 + k}"
        second.name, second.email, second.phone = first.name, first.email, first.phone
        second.birth, second.citizenship, second.gender = first.birth, first.citizenship, first.gender


def shortlist_cells(a: Applicant) -> list[Cell]:
    return [a.posting.id, a.applicant_id, a.invited, a.rank, a.score, a.recommended, a.hired, a.justification]


def write_year(rng: random.Random) -> tuple[list[list[Applicant]], Counter[tuple[str, str]]]:
    postings: list[list[Applicant]] = []
    planned: Counter[tuple[str, str]] = Counter()
    for posting, plans in plan_year(rng):
        apps = fill_posting(rng, posting, plans)
        for group in GROUPS:
            got = outcome(apps, group)
            if got != plans[group]:
                raise SystemExit(f"{posting.id} {group}: planned {plans[group]}, generated {got}")
            planned[(group, got)] += 1
        postings.append(apps)
    reuse_people(rng, postings, pairs=6)
    applicants = [a for apps in postings for a in apps]
    shortlist = [a for a in applicants if a.rank is not None]
    shortlist.sort(key=lambda a: (a.posting.id, a.rank or 0))
    out = HERE / "aar-2025"
    out.mkdir(exist_ok=True)
    rows = [a.applicant_cells() for a in applicants]
    short_rows = [shortlist_cells(a) for a in shortlist]
    write_xlsx(out / "soekere.xlsx", "Søkere", APPLICANT_HEADER, rows)
    write_xlsx(out / "kortliste.xlsx", "Kortliste", SHORTLIST_HEADER, short_rows)
    write_csv(out / "soekere.csv", APPLICANT_HEADER, rows)
    write_csv(out / "kortliste.csv", SHORTLIST_HEADER, short_rows)
    return postings, planned


# --- one posting before interviews -----------------------------------------------------------------

# Søker-ID, Kvalifisert, Innvandrerbakgrunn, Landgruppe, Nedsatt funksjonsevne, Hull i CV, Trukket,
# Rangering, Innkalt.  "-" = blank, "Ø" = "Ønsker ikke å oppgi".
FOR_INTERVJU = """
S-1001 Ja  Nei -   Nei Nei Nei 1 Ja
S-1002 Ja  -   -   -   -   Nei - -
S-1003 Ja  Ja  2   Nei Nei Nei 7 Nei
S-1004 Nei Nei -   Nei Nei Nei - -
S-1005 Ja  Nei -   Ja  Nei Nei 3 Ja
S-1006 Ja  Ø   -   Nei Nei Nei 2 Ja
S-1007 Nei Ja  2   Nei Nei Nei - -
S-1008 Ja  Nei -   Nei Ja  Nei 5 Ja
S-1009 Ja  Nei -   Nei Nei Nei - -
S-1010 Ja  Ja  1   -   -   Nei - -
S-1011 Ja  -   -   -   -   Nei 4 Ja
S-1012 Nei Nei -   Ja  Nei Nei - -
S-1013 Ja  Ja  -   Nei Nei Ja  - -
S-1014 Ja  Nei -   Nei Nei Nei 6 Ja
S-1015 Nei -   -   -   -   Nei - -
S-1016 Ja  Nei -   Nei Nei Nei 8 Nei
S-1017 Ja  Ø   -   Ø   Nei Nei - -
S-1018 Nei Nei -   Nei Ja  Nei - -
S-1019 Ja  Nei -   Nei Nei Nei - -
S-1020 Nei Ø   -   Nei Nei Nei - -
S-1021 Ja  Nei -   Nei Nei Nei - -
S-1022 Nei Nei -   Nei Nei Nei - -
S-1023 Ja  -   -   Nei -   Nei - -
S-1024 Nei Nei -   Nei Nei Nei - -
"""


def write_for_intervju(rng: random.Random) -> list[Applicant]:
    posting = Posting("2026-014", "Sykepleier", "Helse og omsorg", date(2026, 11, 15), "ekstern")
    apps = []
    for line in FOR_INTERVJU.strip().splitlines():
        words = line.split()
        sid, qualified, immigrant, group, disability, cv_gap, withdrawn, rank, invited = (
            "" if w == "-" else NOT_SAID if w == "Ø" else w for w in words
        )
        a = new_applicant(rng, posting, sid, UNITS[posting.unit][1])
        a.qualified, a.withdrawn = qualified, withdrawn
        a.declared = {"immigrant": immigrant, "disability": disability, "cv_gap": cv_gap}
        a.country_group = int(group) if group else None
        if rank:
            a.rank, a.invited, a.score = int(rank), invited, 96 - 4 * int(rank)
        apps.append(a)
    expected = {"immigrant": "breach", "disability": "met", "cv_gap": "met"}
    got = {g: outcome(apps, g) for g in GROUPS}
    if got != expected:
        raise SystemExit(f"for-intervju: planned {expected}, generated {got}")
    shortlist = sorted((a for a in apps if a.rank is not None), key=lambda a: a.rank or 0)
    out = HERE / "for-intervju"
    out.mkdir(exist_ok=True)
    title = "Søkerliste – eksport fra rekrutteringssystemet 2026-11-20"
    write_xlsx(out / "soekere.xlsx", "Søkere", APPLICANT_HEADER, [a.applicant_cells() for a in apps], title)
    rows: list[list[Cell]] = [[posting.id, a.applicant_id, a.name, a.invited, a.rank, a.score, None]
                              for a in shortlist]
    write_xlsx(out / "intervju.xlsx", "Kortliste", INTERVIEW_HEADER, rows)
    return apps


# --- writers ---------------------------------------------------------------------------------------


def write_xlsx(path: Path, sheet: str, header: list[str], rows: list[list[Cell]], title: str = "") -> None:
    wb = Workbook()
    ws = wb.worksheets[0]
    ws.title = sheet
    if title:
        ws.append([title])
        ws.append([])
    ws.append(header)
    header_row = ws.max_row
    for cell in ws[header_row]:
        cell.font = Font(bold=True)
    for row in rows:
        ws.append(row)
    for column in ws.iter_cols(min_row=header_row + 1):
        for cell in column:
            if isinstance(cell.value, date):
                cell.number_format = "dd.mm.yyyy"
    for i, name in enumerate(header):
        ws.column_dimensions[get_column_letter(i + 1)].width = max(11, len(name) + 2)
    ws.freeze_panes = f"A{header_row + 1}"
    buffer = io.BytesIO()
    wb.save(buffer)
    # openpyxl stamps the save time into docProps/core.xml and every zip entry; pin both.
    with zipfile.ZipFile(buffer) as src, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            data = src.read(info.filename)
            if info.filename == "docProps/core.xml":
                data = re.sub(rb"(<dcterms:(?:created|modified)[^>]*>)[^<]*", rb"\g<1>" + CORE_TIME, data)
            dst.writestr(zipfile.ZipInfo(info.filename, date_time=ZIP_TIME), data, zipfile.ZIP_DEFLATED)


def write_csv(path: Path, header: list[str], rows: list[list[Cell]]) -> None:
    """Windows-1252, ';' and CRLF, as Excel on Norwegian Windows saves 'CSV (semikolonseparert)'."""

    def text(value: Cell) -> str:
        if isinstance(value, date):
            return value.strftime("%d.%m.%Y")
        return "" if value is None else str(value)

    with path.open("w", encoding="cp1252", newline="") as f:
        writer = csv.writer(f, delimiter=";", lineterminator="\r\n")
        writer.writerow(header)
        writer.writerows([text(v) for v in row] for row in rows)


# --- summary ---------------------------------------------------------------------------------------


def print_summary(postings: list[list[Applicant]], planned: Counter[tuple[str, str]]) -> None:
    applicants = [a for apps in postings for a in apps]
    print(f"aar-2025: {len(postings)} postings, {len(applicants)} applicant rows, "
          f"{sum(a.rank is not None for a in applicants)} shortlist rows")
    print(f"posting types: {dict(Counter(apps[0].posting.type for apps in postings))}")
    print(f"\n| planned outcome | {' | '.join(GROUP_LABELS.values())} |")
    print(f"|---|{'---:|' * len(GROUPS)}")
    for kind, label in KIND_LABELS.items():
        print(f"| {label} | {' | '.join(str(planned[(g, kind)]) for g in GROUPS)} |")
    print()
    for group in GROUPS:
        values = Counter(a.declared[group] for a in applicants)
        shares = ", ".join(f"{v or 'blank'} {100 * values[v] / len(applicants):.1f} %" for v in
                           ("Ja", "Nei", "", NOT_SAID))
        print(f"{GROUP_LABELS[group]}: {shares}")
    groups = Counter(a.country_group for a in applicants if a.declared["immigrant"] == "Ja")
    print(f"Landgruppe among immigrant background Ja: 2: {groups[2]}, 1: {groups[1]}, blank: {groups[None]}")
    print("\nfor-intervju: 24 applicants, 8 shortlisted (6 invited); immigrant background breach, "
          "disability met, CV gap met")


def main() -> None:
    rng = random.Random(SEED)
    write_for_intervju(rng)
    postings, planned = write_year(rng)
    if len(postings) < 160 or sum(map(len, postings)) < 5200:
        raise SystemExit("aar-2025 came out too small")
    print_summary(postings, planned)


if __name__ == "__main__":
    main()

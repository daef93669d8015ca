"""Generate the synthetic sample files in ``samples/`` (see samples/README.md).

Two sets of recruitment-system exports, all persons invented (names from short lists, e-mails at
example.org, phone numbers starting with 0, which no Norwegian subscriber number does):

* ``for-intervju/``: one posting just before interviews (soekere.xlsx, intervju.xlsx), built by hand
  so that the immigrant-background rule is breached while disability and CV gap are met.
* ``aar-2025/``: a year of postings (soekere/kortliste as xlsx; the same as Windows-1252 csv in
  ``aar-2025-csv/``) with a planned
  mix of outcomes of the interview rule for each declared group, a handful of changed decisions so that
  every outcome of moderate quotation occurs, eight reserved postings (Oslo's scheme), a workforce file
  (arbeidsstyrke) and a justifications file (begrunnelser). An own checker, independent of the package,
  verifies the plan and prints the outcome of every rule with and without the justifications.

Deterministic and idempotent: a fixed seed, fixed dates, and xlsx files with fixed zip timestamps, so
two runs write byte-identical files. Run from the repository root: ``python samples/generate.py``.
"""

from __future__ import annotations

import csv
import io
import itertools
import random
import re
import zipfile
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta
from fractions import Fraction
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
    "Landgruppe", "Nedsatt funksjonsevne", "Hull i CV", "Kjønn", "Trukket", "Reservert for",
    "Underrepresentert kjønn", "Lederstilling", "Ansettelsesform",
]
INTERVIEW_HEADER = [
    "Stillings-ID", "Søker-ID", "Navn", "Innkalt til intervju", "Rangering", "Poeng", "Begrunnelse",
]
WORKFORCE_HEADER = ["Enhet", "Kvinner", "Menn"]
JUSTIFICATION_HEADER = ["Stillings-ID", "Regel", "Søker-ID", "Begrunnelse", "Begrunnet av", "Dato"]
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
EXCLUDED_TYPES = tuple(POSTING_TYPES)  # outside the competition; "reservert" is not among them
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
    reserved_for: str = ""  # only on reserved postings
    underrepresented: str = ""  # "Underrepresentert kjønn": kvinne / mann / blank (use the workforce file)
    level: str = ""  # "Lederstilling": Ja / Nei / blank (set by yearly_rule_samples)
    employment: str = ""  # "Ansettelsesform": Fast / Vikariat / ... / blank (set by yearly_rule_samples)


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
    position: int = 0  # place on the shortlist (1, 2, ...); 0: not on the shortlist
    rank: int | None = None  # Rangering (None on postings whose shortlist has no ranking)
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
                self.withdrawn, p.reserved_for, p.underrepresented, p.level, p.employment]


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
    if applicants[0].posting.type in EXCLUDED_TYPES:
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


# --- the generator's own checker -------------------------------------------------------------------
# An implementation of the rules independent of the `rekruttering` package, written from the rule
# descriptions, to state what the samples should give. It cross-checks the package, so it shares no code.

UNDER_BELOW = Fraction(2, 5)  # a gender is under-represented in a unit below 40 % of the workforce
SCORE_TOLERANCE_PCT = 5
RANK_TOLERANCE = 1
UNLAWFUL_WORDS = ("kjønn", "kvinne", "mann", "menn", "innvandr", "etnisk", "minoritet", "vestlig", "landgruppe")


class Rule(NamedTuple):
    id: str
    kind: str  # interview / quotation / reserved
    groups: tuple[str, ...]  # GROUPS or "gender"
    country_group: int | None = None
    before_recommendation: bool = False
    unclear_counts: bool = False  # a blank Landgruppe counts as the rule's country group (a sanity check only)
    excluded: tuple[str, ...] = EXCLUDED_TYPES  # posting types the rule does not apply to


RULES = (
    # the Sarpsborg plan has no exception for internal postings; its breadth is immigrant background or disability
    Rule("SA01", "interview", ("immigrant",), excluded=("unntatt", "avlyst")),
    Rule("SA02", "quotation", ("immigrant", "disability"), excluded=("unntatt", "avlyst")),
    Rule("SA03", "quotation", ("gender",)),
    Rule("ST01", "interview", ("immigrant",)),
    Rule("ST02", "interview", ("disability",), before_recommendation=True),
    Rule("ST03", "interview", ("cv_gap",)),
    Rule("ST04", "quotation", ("gender",)),
    Rule("ST05", "quotation", ("disability", "cv_gap")),
    Rule("BE01", "interview", ("immigrant",), country_group=2),
    Rule("BE02", "quotation", ("immigrant",), country_group=2),
    Rule("OS01", "interview", ("immigrant",)),
    Rule("OS02", "reserved", ("disability",)),  # Oslo's text names disability only
    Rule("BE03", "reserved", ()),  # Bergen names no reservation: only unlawful ones are certain
)
RULE = {r.id: r for r in RULES}
# ST05 split in two, as rules/staten.toml may have it (ST05 disability, ST06 CV gap): the samples cover those too
RULE["ST05 disability"] = RULE["ST05"]._replace(groups=("disability",))
RULE["ST06 cv_gap"] = RULE["ST05"]._replace(id="ST06", groups=("cv_gap",))


class Verdict(NamedTuple):
    status: str  # met / breach / justified / review / not_applicable
    reason: str
    concerned: tuple[str, ...] = ()  # applicants whose justification can justify a breach


class FileJustification(NamedTuple):
    posting: str
    rule: str
    applicant: str  # "" = the whole posting
    text: str
    by: str
    on: date


def declared_member(a: Applicant, rule: Rule, gender: str | None = None) -> bool:
    """Declared Ja for one of the rule's groups (Landgruppe 2 only, where the rule asks for it)."""
    for group in rule.groups:
        if group == "gender":
            if a.gender == gender:
                return True
        elif a.declared[group] == "Ja" and (
            rule.country_group is None or group != "immigrant" or a.country_group == rule.country_group
            or (rule.unclear_counts and a.country_group is None)
        ):
            return True
    return False


def check_interview(apps: list[Applicant], rule: Rule) -> Verdict:
    group = rule.groups[0]
    declared = [a for a in apps if a.declared[group] == "Ja"]
    members = [a for a in declared if declared_member(a, rule)]
    unclear = [a for a in declared if rule.country_group is not None and a.country_group is None]
    if not members and not unclear:
        return Verdict("not_applicable", "nobody_declared")
    pool = [a for a in members if a.qualified == "Ja" and (a.withdrawn == "Nei" or a.invited == "Ja")]
    if any(a.invited == "Ja" for a in pool):
        return Verdict("met", "met")
    unknown = [a for a in members if a.qualified == "" and a.withdrawn == "Nei"]
    unknown += [a for a in unclear if a.qualified != "Nei" and a.withdrawn == "Nei"]
    if any(a.invited == "Ja" for a in unknown):
        return Verdict("review", "invited_unknown_qualification")
    if pool:
        reason = "not_invited"
        if rule.before_recommendation:
            decided = any(a.recommended == "Ja" or a.hired == "Ja" for a in apps)
            reason = "recommended_without_interview" if decided else "invite_before_recommendation"
        return Verdict("breach", reason, tuple(a.applicant_id for a in pool))
    if unknown:
        return Verdict("review", "country_group_unknown" if unclear and not members else "qualification_unknown")
    return Verdict("not_applicable", "none_qualified")


def workforce_gender(posting: Posting, workforce: dict[str, tuple[int, int]]) -> tuple[str | None, str]:
    if posting.underrepresented:
        return posting.underrepresented, ""
    if posting.unit not in workforce:
        return None, "workforce_unknown"
    women, men = workforce[posting.unit]
    if Fraction(women, women + men) < UNDER_BELOW:
        return "kvinne", ""
    if Fraction(men, women + men) < UNDER_BELOW:
        return "mann", ""
    return None, "balanced"


def ahead_by(better: Applicant, worse: Applicant, best: int | None) -> Fraction | None:
    """How far ``better`` is ahead of ``worse`` in units of the tolerance (<= 1: within it), or None."""
    if better.score is not None and worse.score is not None and best:
        return Fraction((better.score - worse.score) * 100, SCORE_TOLERANCE_PCT * best)
    if better.rank is not None and worse.rank is not None:
        return Fraction(worse.rank - better.rank, RANK_TOLERANCE)
    return None


def rank_key(a: Applicant) -> tuple[int, int]:
    return (a.rank if a.rank is not None else 10**6, -(a.score or 0))


def check_quotation(apps: list[Applicant], rule: Rule, workforce: dict[str, tuple[int, int]]) -> Verdict:
    posting = apps[0].posting
    if posting.type in rule.excluded:
        return Verdict("not_applicable", "posting_type")
    chosen_all = [a for a in apps if a.hired == "Ja"] or [a for a in apps if a.recommended == "Ja"]
    if not chosen_all:
        return Verdict("not_applicable", "no_choice")
    if all(a.rank is None and a.score is None for a in apps):
        return Verdict("not_applicable", "no_ranking")
    gender = None
    if "gender" in rule.groups:
        gender, why = workforce_gender(posting, workforce)
        if gender is None:
            return Verdict("not_applicable", why)
    chosen = min(chosen_all, key=rank_key)
    if chosen.qualified == "Nei":
        return Verdict("breach", "chosen_not_qualified", (chosen.applicant_id,))
    if chosen.qualified == "":
        return Verdict("review", "chosen_qualification_unknown", (chosen.applicant_id,))
    scores = [a.score for a in apps if a.score is not None]
    best = max(scores) if scores else None
    others = [a for a in apps if a is not chosen and a.qualified == "Ja" and a.withdrawn == "Nei"]
    if declared_member(chosen, rule, gender):
        leads = [(a, ahead_by(a, chosen, best)) for a in others if not declared_member(a, rule, gender)]
        clearly = [a for a, lead in leads if lead is not None and lead > 1]
        if clearly:
            return Verdict("breach", "radical_quotation", tuple(a.applicant_id for a in [*clearly, chosen]))
        if any(lead is not None and 0 < lead <= 1 for _, lead in leads):
            return Verdict("met", "quotation_used")
        return Verdict("met", "chosen_best")
    leads = [(a, ahead_by(chosen, a, best)) for a in others if declared_member(a, rule, gender)]
    if any(lead is not None and lead <= 1 for _, lead in leads):
        return Verdict("review", "near_equal_passed_over")
    if all(a.rank is None and a.score is None for a, _ in leads):
        return Verdict("not_applicable", "no_member")
    return Verdict("met", "no_near_equal")


def reserved_groups(text: str) -> tuple[str, ...] | None:
    """The groups a 'Reservert for' names (blank: none); None when it names a gender or an ethnicity."""
    words = text.casefold()
    if any(w in words for w in UNLAWFUL_WORDS):
        return None
    return (("disability",) if "funksjonsevne" in words else ()) + (("cv_gap",) if "cv" in words else ())


def check_reserved(apps: list[Applicant], rule: Rule = RULES[-2]) -> Verdict:
    """A reservation rule: a blank 'Reservert for' means the rule's one group; a named group the rule does
    not name (when it names any) cannot be judged by it."""
    posting = apps[0].posting
    if posting.type != "reservert" and not posting.reserved_for:
        return Verdict("not_applicable", "not_reserved")
    groups = reserved_groups(posting.reserved_for)
    if groups is None:
        return Verdict("breach", "unlawful_reservation")
    if groups and rule.groups and not set(groups) <= set(rule.groups):
        return Verdict("review", "reservation_unknown")
    if not groups:
        if len(rule.groups) != 1:
            return Verdict("review", "reservation_blank")
        groups = rule.groups

    def declared(a: Applicant) -> bool:
        return any(a.declared[g] == "Ja" for g in groups)

    if not any(declared(a) and a.qualified == "Ja" and a.withdrawn == "Nei" for a in apps):
        return Verdict("not_applicable", "readvertise")
    chosen = [a for a in apps if a.invited == "Ja" or a.hired == "Ja"]
    outside = [a for a in chosen if a.qualified == "Nei" or not declared(a)]
    if outside:
        return Verdict("breach", "outside_reservation", tuple(a.applicant_id for a in outside))
    if any(a.qualified == "" for a in chosen):
        return Verdict("review", "qualification_unknown")
    return Verdict("met", "met")


def judge(apps: list[Applicant], rule: Rule, workforce: dict[str, tuple[int, int]],
          justifications: list[FileJustification]) -> tuple[Verdict, list[FileJustification]]:
    """The rule's verdict on one posting, a breach justified by the shortlist or the file; and the entries used."""
    if rule.kind == "interview":
        verdict = (Verdict("not_applicable", "posting_type") if apps[0].posting.type in rule.excluded
                   else check_interview(apps, rule))
    elif rule.kind == "quotation":
        verdict = check_quotation(apps, rule, workforce)
    elif apps[0].posting.type == "avlyst":
        verdict = Verdict("not_applicable", "posting_type")
    else:
        verdict = check_reserved(apps, rule)
    if verdict.status != "breach":
        return verdict, []
    pid = apps[0].posting.id
    used = [j for j in justifications if j.posting == pid and j.rule == rule.id and j.text.strip()
            and (not j.applicant or j.applicant in verdict.concerned)]
    on_shortlist = any(a.justification.strip() for a in apps if a.applicant_id in verdict.concerned)
    if used or on_shortlist:
        return verdict._replace(status="justified"), used
    return verdict, used


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
            a.position, a.rank, a.score, a.invited = rank, rank, score, "Ja" if rank <= len(invited) else "Nei"
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


class Year(NamedTuple):
    postings: list[list[Applicant]]
    plans: dict[str, dict[str, str]]  # posting id -> group -> planned interview outcome (2025-001..170)
    showcases: list[tuple[str, str]]  # (posting id, what was done to it)
    justifications: list[FileJustification]


def build_year(rng: random.Random) -> Year:
    postings: list[list[Applicant]] = []
    plans: dict[str, dict[str, str]] = {}
    for posting, plan in plan_year(rng):
        apps = fill_posting(rng, posting, plan)
        plans[posting.id] = plan
        postings.append(apps)
    check_plan(postings, plans)
    reuse_people(rng, postings, pairs=6)
    mark_underrepresented(postings)
    showcases = make_showcases(rng, postings, plans)
    unclear_country_group(rng, postings)
    check_plan(postings, plans)
    postings += [fill_reserved(rng, posting, scenario) for posting, scenario in reserved_postings()]
    return Year(postings, plans, showcases, pick_justifications(postings))


def check_plan(postings: list[list[Applicant]], plans: dict[str, dict[str, str]]) -> None:
    """Every posting gives the planned interview-rule outcome for every group."""
    for apps in postings:
        plan = plans[apps[0].posting.id]
        for group in GROUPS:
            got = outcome(apps, group)
            if got != plan[group]:
                raise SystemExit(f"{apps[0].posting.id} {group}: planned {plan[group]}, generated {got}")


# --- what the two newer check kinds need: a workforce, decisions of every kind, reserved postings -----

QUOTATION_RULES = ("SA02", "SA03", "ST04", "ST05", "BE02")
QUOTATION_VARIANTS = ("ST05 disability", "ST06 cv_gap")
WORKFORCE = {  # Enhet: (Kvinner, Menn). Kultur is left out on purpose: its balance is unknown.
    "Helse og omsorg": (812, 188),  # men 18.8 %: men under-represented
    "Oppvekst og skole": (640, 262),  # men 29.0 %
    "Teknikk og miljø": (58, 172),  # women 25.2 %: women under-represented
    "Økonomi": (72, 48),  # men exactly 40 %, not below: balanced
    "NAV og sosial": (131, 69),  # men 34.5 %
}
# (unit, title, Underrepresentert kjønn): the first ekstern posting with that unit and title gets the column
UNDERREPRESENTED = [
    ("Kultur", "Ungdomsarbeider", "kvinne"),
    ("Kultur", "Bibliotekar", "mann"),
    ("Økonomi", "Økonomisjef", "kvinne"),
    ("Teknikk og miljø", "Driftsoperatør", "kvinne"),
]


class Showcase(NamedTuple):
    change: str
    wanted: dict[str, str]  # rule id -> the reason the posting must then give


SHOWCASES = [
    Showcase("no_choice", {"ST02": "invite_before_recommendation", "ST04": "no_choice"}),
    Showcase("no_choice", {"ST04": "no_choice"}),
    Showcase("no_choice", {"ST04": "no_choice"}),
    Showcase("no_ranking", {"ST04": "no_ranking"}),
    Showcase("no_ranking", {"ST04": "no_ranking"}),
    Showcase("no_ranking", {"ST04": "no_ranking"}),
    Showcase("not_qualified", dict.fromkeys(QUOTATION_RULES, "chosen_not_qualified")),
    Showcase("not_qualified", {"SA02": "chosen_not_qualified", "ST04": "balanced"}),  # balance is decided first
    Showcase("qualification_unknown", dict.fromkeys(QUOTATION_RULES, "chosen_qualification_unknown")),
    Showcase("score_boundary", {"ST05": "quotation_used"}),
    Showcase("score_beyond", {"SA02": "radical_quotation", "BE02": "radical_quotation"}),
    Showcase("rank_boundary", {"ST04": "quotation_used"}),
    Showcase("hire", {"ST04": "radical_quotation"}),
    Showcase("hire", {"ST04": "radical_quotation"}),  # two: one is justified in begrunnelser.csv
    Showcase("hire", {"ST05 disability": "radical_quotation"}),
    Showcase("hire", {"ST04": "quotation_used", "SA02": "chosen_best"}),
]
SHOWCASE_LABELS = {
    "no_choice": "no Innstilt/Ansatt yet (interviews held, no decision)",
    "no_ranking": "shortlist with Innkalt only (no Rangering, no Poeng)",
    "not_qualified": "the hired applicant has Kvalifisert Nei",
    "qualification_unknown": "the hired applicant has Kvalifisert blank",
    "score_boundary": "best Poeng 100, shortlist place 2 (Poeng 95) hired: gap exactly 5 %",
    "score_beyond": "best Poeng 100, shortlist place 2 (Poeng 94) hired: gap 6 %",
    "rank_boundary": "no Poeng on the shortlist, rank 2 hired: rank distance exactly 1",
    "hire": "another invited applicant hired",
}


def mark_underrepresented(postings: list[list[Applicant]]) -> None:
    """Fill 'Underrepresentert kjønn' on a handful of postings (it takes precedence over the workforce)."""
    for unit, title, gender in UNDERREPRESENTED:
        apps = next(apps for apps in postings if apps[0].posting.unit == unit and apps[0].posting.title == title
                    and apps[0].posting.type == "ekstern" and not apps[0].posting.underrepresented)
        posting = apps[0].posting._replace(underrepresented=gender)
        for a in apps:
            a.posting = posting


def verdicts(apps: list[Applicant], rule_ids: Iterable[str]) -> dict[str, str]:
    """Each rule's reason; a breach justified on the shortlist is not the breach a showcase wants."""
    found = {r: judge(apps, RULE[r], WORKFORCE, [])[0] for r in rule_ids}
    return {r: ("justified " if v.status == "justified" else "") + v.reason for r, v in found.items()}


def make_showcases(rng: random.Random, postings: list[list[Applicant]],
                   plans: dict[str, dict[str, str]]) -> list[tuple[str, str]]:
    """Change a few postings' decisions so that every outcome of moderate quotation occurs."""
    done: list[tuple[str, str]] = []
    taken: set[str] = set()
    for show in SHOWCASES:
        found = None
        order = [apps for apps in postings if apps[0].posting.type == "ekstern" and apps[0].posting.id not in taken
                 and any(a.hired == "Ja" for a in apps)]
        rng.shuffle(order)
        for apps in order:
            shortlist = sorted((a for a in apps if a.position), key=lambda a: a.position)
            invited = [a for a in shortlist if a.invited == "Ja"]
            chosen = next(a for a in apps if a.hired == "Ja")
            if show.change == "hire":
                options = [a for a in invited if a is not chosen]
            elif show.change in ("not_qualified", "qualification_unknown"):
                options = [chosen] if not any(chosen.declared[g] == "Ja" for g in GROUPS) else []
            else:
                options = invited[1:2] if len(invited) >= 3 else []
            for who in options:
                saved = [(a.qualified, a.rank, a.score, a.recommended, a.hired) for a in apps]
                change(show.change, who, shortlist)
                if verdicts(apps, show.wanted) == show.wanted and all(
                        outcome(apps, g) == plans[who.posting.id][g] for g in GROUPS):
                    found = who
                    break
                for a, values in zip(apps, saved, strict=True):
                    a.qualified, a.rank, a.score, a.recommended, a.hired = values
            if found:
                break
        if found is None:
            raise SystemExit(f"no posting can show {show}")
        taken.add(found.posting.id)
        done.append((found.posting.id, show.change))
    return done


def change(kind: str, who: Applicant, shortlist: list[Applicant]) -> None:
    if kind == "no_choice":
        for a in shortlist:
            a.recommended = a.hired = "Nei"
    elif kind == "no_ranking":
        for a in shortlist:
            a.rank = a.score = None
    elif kind == "not_qualified":
        who.qualified = "Nei"
    elif kind == "qualification_unknown":
        who.qualified = ""
    else:
        if kind in ("score_boundary", "score_beyond"):  # best 100, place 2 exactly 5 (or 6) below
            steps = [(a.score or 0) - (b.score or 0) for a, b in itertools.pairwise(shortlist)]
            scores = [100]
            for step in [5 if kind == "score_boundary" else 6, *steps[1:]]:
                scores.append(scores[-1] - step)
            for a, score in zip(shortlist, scores, strict=True):
                a.score = score
        elif kind == "rank_boundary":
            for a in shortlist:
                a.score = None
        for a in shortlist:
            a.recommended = a.hired = "Ja" if a is who else "Nei"


def unclear_country_group(rng: random.Random, postings: list[list[Applicant]]) -> None:
    """Give a Landgruppe where a blank one would decide BE02: the rule text does not say what a blank means."""
    for apps in postings:
        if blank_country_group_matters(apps):
            for a in apps:
                if a.declared["immigrant"] == "Ja" and a.country_group is None and a.position:
                    a.country_group = rng.choice([1, 2])


def blank_country_group_matters(apps: list[Applicant]) -> bool:
    """Whether BE02 could come out differently if a blank Landgruppe counted as Landgruppe 2."""
    variant = RULE["BE02"]._replace(unclear_counts=True)
    chosen = [a for a in apps if a.hired == "Ja" or a.recommended == "Ja"]
    return (judge(apps, RULE["BE02"], WORKFORCE, [])[0] != judge(apps, variant, WORKFORCE, [])[0]
            or any(a.declared["immigrant"] == "Ja" and a.country_group is None for a in chosen))


# unit, title, deadline, Reservert for, what the posting's data is made to show. OS02 (Oslo names disability
# only) reviews a reservation for a CV gap; BE03 (Bergen names no group) reviews a blank 'Reservert for'.
RESERVED = [
    ("NAV og sosial", "NAV-veileder", date(2025, 2, 14), "nedsatt funksjonsevne", "met"),
    ("Helse og omsorg", "Helsefagarbeider", date(2025, 3, 21), "hull i CV", "met"),
    ("NAV og sosial", "Miljøterapeut", date(2025, 4, 25), "", "met"),
    ("Helse og omsorg", "Vernepleier", date(2025, 5, 23), "nedsatt funksjonsevne eller hull i CV", "met"),
    ("NAV og sosial", "Sosionom", date(2025, 6, 13), "nedsatt funksjonsevne", "outside_reservation"),
    ("Helse og omsorg", "Helsefagarbeider", date(2025, 8, 29), "nedsatt funksjonsevne", "qualification_unknown"),
    ("NAV og sosial", "NAV-veileder", date(2025, 10, 10), "", "readvertise"),
    ("Helse og omsorg", "Sykepleier", date(2025, 11, 21), "kvinner", "unlawful_reservation"),
    # Bergen's practice as the plan describes it, which the law forbids: a trainee post for one ethnic group
    ("Oppvekst og skole", "Trainee", date(2025, 9, 12), "ikke-vestlig innvandrerbakgrunn", "unlawful_reservation"),
]


def planned_reserved(posting: Posting, scenario: str, rule: Rule) -> str:
    """The reason a reservation rule must give on a reserved posting of the plan."""
    named = reserved_groups(posting.reserved_for)
    if named and rule.groups and not set(named) <= set(rule.groups):
        return "reservation_unknown"
    if named == () and len(rule.groups) != 1:
        return "reservation_blank"
    return scenario


def reserved_postings() -> list[tuple[Posting, str]]:
    return [(Posting(f"2025-{171 + i}", title, unit, deadline, "trainee" if title == "Trainee" else "reservert",
                     reserved_for), scenario)
            for i, (unit, title, deadline, reserved_for, scenario) in enumerate(RESERVED)]


def fill_reserved(rng: random.Random, posting: Posting, scenario: str) -> list[Applicant]:
    """A posting reserved for applicants with disability or a CV gap (Oslo's scheme), with a planned OS02 outcome.

    Only qualified applicants who declared the reserved group are invited (except where the plan says
    otherwise); one of the invited also declared immigrant background, so the interview rules are met or do
    not apply. The re-advertised posting has no shortlist.
    """
    apps = [new_applicant(rng, posting, f"{posting.id}-S{i:03d}", UNITS[posting.unit][1])
            for i in range(1, rng.randint(12, 20) + 1)]
    free = list(range(len(apps)))
    rng.shuffle(free)
    if scenario == "unlawful_reservation":  # "kvinner": the women are the ones taken
        free.sort(key=lambda i: apps[i].gender == "kvinne")
    named = reserved_groups(posting.reserved_for)
    groups = () if named is None else named or ("disability",)  # blank: Oslo's one group

    def take(qualified: str, group: str | None, withdrawn: str = "Nei") -> Applicant:
        a = apps[free.pop()]
        a.qualified, a.withdrawn = qualified, withdrawn
        if group:
            declare(rng, a, group)
        return a

    if scenario == "readvertise":  # nobody qualified declared the group: no shortlist, nobody hired
        for qualified, withdrawn in (("Nei", "Nei"), ("Nei", "Nei"), ("Ja", "Ja")):
            take(qualified, rng.choice(groups), withdrawn)
        return apps
    eligible = [take("Ja", rng.choice(groups) if groups else None) for _ in range(rng.randint(4, 6))]
    if groups:
        take("Nei", rng.choice(groups))  # declared, not qualified: not shortlisted
    invited = eligible[: rng.randint(3, 4)]
    spare = eligible[len(invited) :][:1]
    if scenario == "outside_reservation":  # invited without having declared the group
        outsider = take("Ja", None)
        outsider.declared.update(disability="Nei", cv_gap="Nei")
        invited.insert(1, outsider)
    if scenario == "qualification_unknown":  # invited, declared, but not assessed
        invited[2].qualified = ""
    declare(rng, rng.choice([a for a in invited[1:] if a.qualified == "Ja"]), "immigrant")
    score = rng.randint(82, 95)
    for rank, a in enumerate(invited + spare, 1):
        a.position, a.rank, a.score, a.invited = rank, rank, score, "Ja" if rank <= len(invited) else "Nei"
        a.recommended = a.hired = "Ja" if rank == 1 else "Nei"
        score -= rng.randint(2, 6)
    return apps


# --- the justifications file -----------------------------------------------------------------------

JUSTIFICATION_TEXTS = {
    "not_qualified": "Dispensasjon fra utdanningskravet: søkeren fullfører utdanningen innen ett år, "
                     "avtalt med de tillitsvalgte",
    "not_invited": "Søkeren ble forsøkt kontaktet tre ganger per telefon og e-post før intervjuene, uten svar",
    "radical": "Den valgte har dokumentert spesialkompetanse som poengsummen ikke fanget opp, se innstillingen",
    "outside": "Innkalt ved en feil i utsendingen; søkeren ble ikke vurdert videre",
    "stale": "Søkeren ble ikke innkalt fordi søknaden kom inn etter fristen",
    "blank": "   ",
    "other": "Søkeren trakk seg før intervjuet",
}
SIGNED = {"Helse og omsorg": "Kommunalsjef helse og omsorg", "Oppvekst og skole": "Kommunalsjef oppvekst",
          "Teknikk og miljø": "Kommunalsjef teknikk", "Økonomi": "Økonomisjef", "Kultur": "Kultursjef",
          "NAV og sosial": "NAV-leder"}


def pick_justifications(postings: list[list[Applicant]]) -> list[FileJustification]:
    """Entries that justify one breach each, plus a stale one, a blank one and one naming the wrong applicant."""

    def first(rule_id: str, reason: str, status: str = "breach", also: str = "",
              single: bool = False) -> tuple[Posting, Verdict]:
        for apps in postings:
            verdict = judge(apps, RULE[rule_id], WORKFORCE, [])[0]
            if (verdict.status, verdict.reason) == (status, reason) and (not single or len(verdict.concerned) == 1) \
                    and (not also or judge(apps, RULE[also], WORKFORCE, [])[0].reason == reason):
                return apps[0].posting, verdict
        raise SystemExit(f"no {rule_id} {status} {reason} to justify")

    def entry(posting: Posting, rule: str, applicant: str, text: str) -> FileJustification:
        return FileJustification(posting.id, rule, applicant, JUSTIFICATION_TEXTS[text], SIGNED[posting.unit],
                                 posting.deadline + timedelta(days=30))

    unqualified, verdict = first("SA02", "chosen_not_qualified", also="ST05")
    not_invited, missed = first("ST01", "not_invited", single=True)
    radical, _ = first("ST04", "radical_quotation")
    cv_radical, _ = first("ST06 cv_gap", "radical_quotation")
    gender_radical, _ = first("SA03", "radical_quotation")
    bergen_radical, _ = first("BE02", "radical_quotation")
    outside, outsiders = first("OS02", "outside_reservation")
    met, _ = first("ST01", "met", status="met")
    blank, _ = first("ST03", "not_invited")
    other, _ = first("ST02", "recommended_without_interview")
    hired = next(a for apps in postings for a in apps if a.posting.id == other.id and a.hired == "Ja")
    return [
        entry(unqualified, "SA02", verdict.concerned[0], "not_qualified"),
        entry(unqualified, "ST05", verdict.concerned[0], "not_qualified"),
        entry(not_invited, "ST01", missed.concerned[0], "not_invited"),
        entry(radical, "ST04", "", "radical"),
        entry(cv_radical, "ST06", "", "radical"),
        entry(gender_radical, "SA03", "", "radical"),
        entry(bergen_radical, "BE02", "", "radical"),
        entry(outside, "OS02", outsiders.concerned[0], "outside"),
        entry(outside, "BE03", outsiders.concerned[0], "outside"),
        entry(met, "ST01", "", "stale"),
        entry(blank, "ST03", "", "blank"),
        entry(other, "ST02", hired.applicant_id, "other"),
    ]


def tally(postings: list[list[Applicant]], justifications: list[FileJustification],
          ) -> tuple[dict[str, Counter[tuple[str, str]]], list[tuple[FileJustification, str]]]:
    """Outcome counts per rule, and each file entry with the finding it justified ("" = none)."""
    counts: dict[str, Counter[tuple[str, str]]] = {name: Counter() for name in RULE}
    used: dict[int, str] = {}
    for apps in postings:
        for name, rule in RULE.items():
            verdict, entries = judge(apps, rule, WORKFORCE, justifications)
            counts[name][(verdict.status, verdict.reason)] += 1
            for j in entries if name in (rule.id, f"{rule.id} cv_gap") else ():
                used[id(j)] = f"{rule.id} {verdict.reason}"
    return counts, [(j, used.get(id(j), "")) for j in justifications]


def write_year(year: Year, process: Process) -> None:
    applicants = [a for apps in year.postings for a in apps]
    shortlist = sorted((a for a in applicants if a.position), key=lambda a: (a.posting.id, a.position))
    out = HERE / "aar-2025"
    out.mkdir(exist_ok=True)
    rows = [a.applicant_cells() + process.cells[a.posting.id] for a in applicants]
    header = APPLICANT_HEADER + PROCESS_HEADER
    short_rows = [shortlist_cells(a) for a in shortlist]
    write_xlsx(out / "soekere.xlsx", "Søkere", header, rows)
    write_xlsx(out / "kortliste.xlsx", "Kortliste", SHORTLIST_HEADER, short_rows)
    csv_out = HERE / "aar-2025-csv"  # a folder of its own, so that a folder is one copy of the year
    csv_out.mkdir(exist_ok=True)
    write_csv(csv_out / "soekere.csv", header, rows)
    write_csv(csv_out / "kortliste.csv", SHORTLIST_HEADER, short_rows)
    workforce: list[list[Cell]] = [[unit, women, men] for unit, (women, men) in WORKFORCE.items()]
    write_xlsx(out / "arbeidsstyrke.xlsx", "Arbeidsstyrke", WORKFORCE_HEADER, workforce)
    write_csv(out / "arbeidsstyrke.csv", WORKFORCE_HEADER, workforce, "utf-8", "\n")
    justified: list[list[Cell]] = [list(j) for j in [*year.justifications, *process.justifications]]
    write_csv(out / "begrunnelser.csv", JUSTIFICATION_HEADER, justified, "utf-8", "\n")


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


def write_csv(path: Path, header: list[str], rows: list[list[Cell]], encoding: str = "cp1252",
              line_end: str = "\r\n") -> None:
    """Separated by ';'. By default Windows-1252 with CRLF line ends, as Excel on Norwegian Windows saves
    "CSV (semikolonseparert)"; the workforce and justification files are UTF-8 with LF."""

    def text(value: Cell) -> str:
        if isinstance(value, date):
            return value.strftime("%d.%m.%Y")
        return "" if value is None else str(value)

    with path.open("w", encoding=encoding, newline="") as f:
        writer = csv.writer(f, delimiter=";", lineterminator=line_end)
        writer.writerow(header)
        writer.writerows([text(v) for v in row] for row in rows)


# --- checks and summary ----------------------------------------------------------------------------

STATUSES = ("met", "breach", "justified", "review", "not_applicable")
PACKS = {"staten": ("ST01", "ST02", "ST03", "ST04", "ST05"),
         "staten, ST05 split": ("ST01", "ST02", "ST03", "ST04", "ST05 disability", "ST06 cv_gap"),
         "sarpsborg": ("SA01", "SA02", "SA03"),
         "bergen": ("BE01", "BE02", "BE03"), "oslo": ("OS01", "OS02")}
QUOTATION_REASONS = ("quotation_used", "chosen_best", "radical_quotation", "chosen_not_qualified",
                     "near_equal_passed_over", "no_choice", "no_ranking", "posting_type")
Counts = dict[str, Counter[tuple[str, str]]]


def check_year(year: Year) -> tuple[Counts, Counts, list[tuple[FileJustification, str]]]:
    """What the samples promise beyond the interview plan; stops the generator when one is not kept."""
    plain, _ = tally(year.postings, [])
    with_file, entries = tally(year.postings, year.justifications)
    problems = []
    for rule_id in QUOTATION_RULES + QUOTATION_VARIANTS:
        wanted = QUOTATION_REASONS + (("workforce_unknown", "balanced") if "gender" in RULE[rule_id].groups else ())
        seen = {reason for _, reason in plain[rule_id]}
        problems += [f"{rule_id}: no {reason}" for reason in wanted if reason not in seen]
    planned = {posting.id: scenario for posting, scenario in reserved_postings()}
    for apps in year.postings[len(year.plans):]:
        scenario = planned[apps[0].posting.id]
        for rule_id in ("OS02", "BE03"):
            plan = planned_reserved(apps[0].posting, scenario, RULE[rule_id])
            got = check_reserved(apps, RULE[rule_id])
            if got.reason != plan:
                problems.append(f"{apps[0].posting.id} {rule_id}: planned {plan}, got {got}")
        for rule in RULES:
            if rule.kind == "interview" and check_interview(apps, rule).status not in ("met", "not_applicable"):
                problems.append(f"{apps[0].posting.id} {rule.id}: {check_interview(apps, rule)}")
    old: Counter[str] = Counter(judge(apps, RULE[r], WORKFORCE, [])[0].status for apps in year.postings
                                if apps[0].posting.id in year.plans for r in PACKS["staten"][:3])
    problems += [f"{apps[0].posting.id} BE02 depends on a blank Landgruppe" for apps in year.postings
                 if blank_country_group_matters(apps)]
    if old != Counter(met=330, breach=42, justified=21, review=30, not_applicable=87):
        problems.append(f"ST01-ST03 over 2025-001..170: {dict(old)}")
    if [used for _, used in entries] != ["SA02 chosen_not_qualified", "ST05 chosen_not_qualified",
                                         "ST01 not_invited", "ST04 radical_quotation", "ST06 radical_quotation",
                                         "SA03 radical_quotation", "BE02 radical_quotation",
                                         "OS02 outside_reservation", "BE03 outside_reservation", "", "", ""]:
        problems.append(f"justifications: {entries}")
    if problems:
        raise SystemExit("aar-2025 not as planned:\n" + "\n".join(problems))
    return plain, with_file, entries


def reason_table(rule_ids: tuple[str, ...], plain: Counts, with_file: Counts) -> None:
    keys = sorted({k for r in rule_ids for k in plain[r] | with_file[r]},
                  key=lambda k: (STATUSES.index(k[0]), k[1]))
    print(f"| status | reason | {' | '.join(rule_ids)} |")
    print(f"|---|---|{'---:|' * len(rule_ids)}")
    for status, reason in keys:
        cells = []
        for r in rule_ids:
            n, m = plain[r][(status, reason)], with_file[r][(status, reason)]
            cells.append(str(n) if n == m else f"{n} ({m})")
        print(f"| {status} | {reason} | {' | '.join(cells)} |")


def print_summary(year: Year) -> None:
    postings = year.postings
    applicants = [a for apps in postings for a in apps]
    print(f"aar-2025: {len(postings)} postings, {len(applicants)} applicant rows, "
          f"{sum(a.position > 0 for a in applicants)} shortlist rows")
    print(f"posting types: {dict(Counter(apps[0].posting.type for apps in postings))}")
    planned: Counter[tuple[str, str]] = Counter((g, plan[g]) for plan in year.plans.values() for g in GROUPS)
    print(f"\nInterview rule, planned per group over 2025-001..170:\n\n| planned outcome | "
          f"{' | '.join(GROUP_LABELS.values())} |")
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

    plain, with_file, entries = check_year(year)
    print("\nOutcomes over all postings, in parentheses where --justifications changes them:\n")
    interview = ("SA01", "ST01", "ST02", "ST03", "BE01", "OS01")
    tables: tuple[tuple[str, ...], ...] = (interview, QUOTATION_RULES + QUOTATION_VARIANTS, ("OS02", "BE03"))
    for rule_ids in tables:
        reason_table(rule_ids, plain, with_file)
        print()
    for pack, rule_ids in PACKS.items():
        totals = [Counter(s for r in rule_ids for (s, _), n in counts[r].items() for _ in range(n))
                  for counts in (plain, with_file)]
        print(f"{pack} ({', '.join(rule_ids)}): " + "; with justifications: ".join(
            ", ".join(f"{total[s]} {s}" for s in STATUSES) for total in totals))
    print("\nChanged decisions:")
    for posting_id, kind in year.showcases:
        apps = next(apps for apps in postings if apps[0].posting.id == posting_id)
        found = ", ".join(f"{r} {judge(apps, RULE[r], WORKFORCE, [])[0].reason}" for r in QUOTATION_RULES)
        print(f"  {posting_id} {apps[0].posting.unit}: {SHOWCASE_LABELS[kind]} -> {found}")
    marked = [(apps[0].posting.id, apps[0].posting.unit, apps[0].posting.underrepresented)
              for apps in postings if apps[0].posting.underrepresented]
    print(f"Underrepresentert kjønn filled: {marked}")
    print("\nbegrunnelser.csv:")
    for j, used in entries:
        print(f"  {j.posting} {j.rule} {j.applicant or '-'} {j.text[:30]!r}: {used or 'justifies nothing'}")
    print("\nfor-intervju: 24 applicants, 8 shortlisted (6 invited); immigrant background breach, "
          "disability met, CV gap met")


# --- the posting's process (issue 14 part B 1 and 4): the ad's diversity statement, self-declaration, union ----

PROCESS_HEADER = ["Mangfoldserklæring i annonsen", "Egenerklæring tilbudt", "Tillitsvalgt deltatt"]
AD_TEXT = "Annonsen ble laget fra en gammel mal uten mangfoldserklæring; malen er rettet"


class Process(NamedTuple):
    cells: dict[str, list[Cell]]  # posting id -> the three process cells, in PROCESS_HEADER's order
    justifications: list[FileJustification]  # for begrunnelser.csv, after the others


def process_columns(postings: list[list[Applicant]]) -> Process:
    """The process cells of every posting of the year, checked so that SA04, OS03 and OS04 meet every status
    they can give, and what 'Egenerklæring tilbudt' does to the interview rules on two reserved postings.

    Drawn with a random generator of its own, so the rest of the year is the same with or without these
    columns. Postings 2025-001..170 all say self-declaration was offered (their interview outcomes are
    planned); 2025-171 says it was not (the interview rules give review) and 2025-172 leaves it blank.
    """
    rng = random.Random(SEED + 14)
    cells: dict[str, list[Cell]] = {}
    for apps in postings:
        p = apps[0].posting
        if p.type in ("unntatt", "avlyst"):  # no ad, no competition
            ad, union = "", ""
        else:
            ad = rng.choices(["Ja", "Nei", ""], [80, 12, 8])[0]
            union = rng.choices(["Ja", "Nei", ""], [70, 20, 10])[0]
        offered = {"2025-171": "Nei", "2025-172": ""}.get(p.id, "Ja")
        cells[p.id] = [ad, offered, union]
    breached = next(apps[0].posting for apps in postings
                    if apps[0].posting.type == "ekstern" and cells[apps[0].posting.id][0] == "Nei")
    justifications = [FileJustification(breached.id, "SA04", "", AD_TEXT, SIGNED[breached.unit],
                                        breached.deadline + timedelta(days=30))]

    # an own reading of the three rules (SA04 breaches a missing statement, OS03 and OS04 only review)
    def verdict(rule: str, p: Posting) -> str:
        ad, _, union = cells[p.id]
        if rule == "OS04":
            return "not_applicable" if p.type in ("intern", "unntatt", "avlyst") else \
                "met" if union == "Ja" else "review"
        if p.type in ("unntatt", "avlyst"):
            return "not_applicable"
        if ad != "Nei":
            return "met" if ad == "Ja" else "review"
        if rule == "OS03":
            return "review"
        return "justified" if p.id == breached.id else "breach"

    wanted = {"SA04": set(STATUSES), "OS03": {"met", "review", "not_applicable"},
              "OS04": {"met", "review", "not_applicable"}}
    print("\nProcess columns (Mangfoldserklæring i annonsen, Egenerklæring tilbudt, Tillitsvalgt deltatt):")
    for rule, statuses in wanted.items():
        found = Counter(verdict(rule, apps[0].posting) for apps in postings)
        print(f"  {rule}: " + ", ".join(f"{found[s]} {s}" for s in STATUSES if found[s]))
        if set(found) != statuses:
            raise SystemExit(f"aar-2025 process columns: {rule} gives {dict(found)}, wanted {sorted(statuses)}")
    for apps in postings:
        p = apps[0].posting
        if cells[p.id][1] == "Ja":
            continue
        # not offered: every interview rule that applies reviews; blank: those where nobody declared review
        changed = [r.id for r in RULES if r.kind == "interview" and p.type not in r.excluded and (
            cells[p.id][1] == "Nei" or check_interview(apps, r).reason == "nobody_declared")]
        print(f"  {p.id} Egenerklæring tilbudt {cells[p.id][1] or 'blank'}: review in {', '.join(changed) or '-'}")
    return Process(cells, justifications)


# --- the yearly rules of summary (issue 14 B: BE04/SA06/OS06 splits, BE05 trainees) ----------------------

YEARLY_SEED = SEED + 14  # a generator of its own: the rest of the year comes out as before
TEMPORARY = ("Vikariat", "Engasjement", "Midlertidig")
LAST_TRAINEE = "2025-179"  # Bergen's reserved trainee post (RESERVED, last entry)


def yearly_rule_samples(postings: list[list[Applicant]]) -> list[str]:
    """Job level, employment type and trainees, for the yearly rules; returns lines for the printed summary.

    * "Lederstilling": Ja on about one posting in eight, blank on four (too few hires to judge), Nei on the rest;
    * "Ansettelsesform": Vikariat, Engasjement or Midlertidig on about one in four, blank on three, Fast on the rest;
    * trainees (BE05): the hire of the trainee post 2025-179 declared immigrant background with country group 2,
      so the year is met; one external posting of the first half year, whose one hire declared no immigrant
      background, becomes a trainee post, so the first half year alone is review; the fourth quarter has no
      trainee post (not applicable). The interview rules stay met on both (someone else declared and was
      invited), and a trainee post is judged like an external one by every per-posting rule.
    """
    rng = random.Random(YEARLY_SEED)
    ordinary = [apps for apps in postings if apps[0].posting.type != "reservert"]
    blank_level = {apps[0].posting.id for apps in rng.sample(ordinary, 4)}
    blank_employment = {apps[0].posting.id for apps in rng.sample(ordinary, 3)}
    half_year = next(apps for apps in ordinary
                     if apps[0].posting.type == "ekstern" and apps[0].posting.deadline < date(2025, 7, 1)
                     and [a.declared["immigrant"] for a in apps if a.hired == "Ja"] == ["Nei"]
                     and any(a.declared["immigrant"] == "Ja" and a.invited == "Ja" for a in apps))
    for apps in postings:
        posting = apps[0].posting
        level = "" if posting.id in blank_level else "Ja" if rng.random() < 0.125 else "Nei"
        employment = "" if posting.id in blank_employment else \
            rng.choice(TEMPORARY) if rng.random() < 0.25 else "Fast"
        changed = posting._replace(level=level, employment=employment)
        if apps is half_year:
            changed = changed._replace(type="trainee", title="Trainee")
        for a in apps:
            a.posting = changed
        if posting.id == LAST_TRAINEE:
            [hire] = [a for a in apps if a.hired == "Ja"]
            hire.declared["immigrant"], hire.country_group = "Ja", 2
    levels = Counter(apps[0].posting.level or "blank" for apps in postings)
    kinds = Counter(apps[0].posting.employment or "blank" for apps in postings)
    return [f"Lederstilling: {dict(sorted(levels.items()))}", f"Ansettelsesform: {dict(sorted(kinds.items()))}",
            f"trainee posts: {half_year[0].posting.id} (hire without immigrant background), {LAST_TRAINEE} "
            "(hire with immigrant background, country group 2)"]


def main() -> None:
    rng = random.Random(SEED)
    write_for_intervju(rng)
    year = build_year(rng)
    if len(year.postings) < 160 or sum(map(len, year.postings)) < 5200:
        raise SystemExit("aar-2025 came out too small")
    yearly = yearly_rule_samples(year.postings)
    print_summary(year)
    print("\nyearly rules:\n  " + "\n  ".join(yearly))
    write_year(year, process_columns(year.postings))


if __name__ == "__main__":
    main()

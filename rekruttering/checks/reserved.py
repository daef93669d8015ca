"""``reserved_posting``: posts reserved for applicants with disability or a CV gap (Oslo's scheme).

Everyone invited or hired to a reserved post must be qualified and have declared the reserved
group. A reservation for a gender or an ethnicity is itself unlawful (radical quotation: EFTA
Court E-1/02, LDO 10/508). With no qualified declared applicant the post may be re-advertised
without the reservation.

A posting is reserved when its type is ``reserved``, or when its 'Reservert for' cell names a group
whatever its type (a trainee post reserved for non-western applicants is the case Bergen's plan
describes). A blank 'Reservert for' on a reserved posting means the rule's group when the rule
names exactly one; otherwise it cannot be told which group is meant, and the finding is ``review``.
A reservation for a lawful group the rule does not name (Oslo's text names disability, not a CV
gap) is ``review`` too: the rule's source does not speak to it.
"""

from __future__ import annotations

from enum import StrEnum
from typing import ClassVar, Literal

from rekruttering.checks.base import CheckSpec, Context, Outcome, by_rank, ids
from rekruttering.checks.rule import RuleBase
from rekruttering.keys import normalise_header
from rekruttering.models import STATUSES, Applicant, Posting, PostingType


class ReservedRule(RuleBase):
    """A ``reserved_posting`` rule: the group a post may be reserved for (no further parameters).

    A rule without a group names no lawful reservation of its own: it still finds unlawful ones,
    and checks a lawful one the 'Reservert for' cell names."""

    check: Literal["reserved_posting"]
    needs_group: ClassVar[bool] = False


class Reason(StrEnum):
    not_reserved = "not_reserved"
    unlawful_reservation = "unlawful_reservation"
    reservation_unknown = "reservation_unknown"
    reservation_blank = "reservation_blank"
    readvertise = "readvertise"
    outside_reservation = "outside_reservation"
    qualification_unknown = "qualification_unknown"
    met = "met"


PUBLIC: dict[str, str] = {
    Reason.not_reserved: "not_reserved",
    Reason.unlawful_reservation: "unlawful_reservation",
    Reason.reservation_unknown: "reservation_unknown",
    Reason.reservation_blank: "reservation_unknown",
    Reason.readvertise: "readvertise",
    Reason.outside_reservation: "not_kept",
    Reason.qualification_unknown: "needs_judgement",
    Reason.met: "kept",
}

LAWFUL = {
    "disability": ("nedsattfunksjonsevne", "funksjonsnedsettelse", "funksjonshemming", "funksjonshemmede",
                   "disability", "disabilities"),
    "cv_gap": ("hulliicv", "hullicv", "cvgap", "gapinthecv", "fraværfraarbeid"),
}
UNLAWFUL = ("kjønn", "kvinne", "kvinner", "mann", "menn", "gender", "women", "men", "female", "male",
            "innvandrer", "etnisk", "etnisitet", "minoritet", "ikkevestlig", "landgruppe", "ethnic", "immigrant",
            "nonwestern")


def reserved_groups(text: str | None) -> tuple[set[str], bool]:
    """The lawful groups a 'Reservert for' text names, and whether it names an unlawful one."""
    key = normalise_header(text or "")
    groups = {group for group, words in LAWFUL.items() if any(word in key for word in words)}
    unlawful = any(word in key for word in UNLAWFUL if word not in ("men", "mann")) or any(
        key == word or key.startswith(word) for word in ("men", "mann"))
    return groups, unlawful


def reserved_posting(posting: Posting, rule: ReservedRule, context: Context) -> Outcome:
    named = bool(posting.reserved_for and posting.reserved_for.strip())
    if posting.posting_type is not PostingType.reserved and not named:
        return Outcome("not_applicable", "not_reserved")
    groups, unlawful = reserved_groups(posting.reserved_for)
    if unlawful:
        return Outcome("breach", "unlawful_reservation", params={"reserved_for": posting.reserved_for or ""})
    # the groups this rule can judge: its own, or (a rule naming none) every lawful group
    known = set(rule.groups) or set(LAWFUL)
    if named and (not groups or not groups <= known):
        return Outcome("review", "reservation_unknown",
                       params={"reserved_for": posting.reserved_for or "", "groups": ",".join(sorted(known))})
    if not named and len(rule.groups) != 1:
        # "either group" is no reservation anyone advertised: which one was meant must be said
        return Outcome("review", "reservation_blank")
    wanted = groups or set(rule.groups)

    def declared(applicant: Applicant) -> bool:
        return any(getattr(applicant, group) is True for group in wanted)

    params = {"groups": ",".join(sorted(wanted))}
    eligible = [a for a in posting.applicants if declared(a) and a.qualified is True and a.withdrawn is not True]
    chosen = [a for a in posting.applicants if a.invited is True or a.hired is True]
    if not eligible:
        hired = [a for a in posting.applicants if a.hired is True]
        if hired:
            return Outcome("breach", "outside_reservation", ids(by_rank(hired)), params)
        return Outcome("not_applicable", "readvertise", (), params)
    outside = [a for a in chosen if not declared(a) or a.qualified is False]
    if outside:
        return Outcome("breach", "outside_reservation", ids(by_rank(outside)), params)
    unknown = [a for a in chosen if a.qualified is None]
    if unknown:
        return Outcome("review", "qualification_unknown", ids(by_rank(unknown)), params)
    return Outcome("met", "met", (), params)


SPEC = CheckSpec("reserved_posting", reserved_posting, ReservedRule, Reason, PUBLIC,
                 frozenset({PostingType.cancelled}), STATUSES)

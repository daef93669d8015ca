"""Audiences and pseudonyms: what each reader of a report may see.

``hr`` (the case handlers of a posting) may see applicant ids where a finding concerns them,
never names. ``tillitsvalgt`` (union representatives) sees statuses, rule texts, reasons and
justifications only: no applicant ids anywhere, no row-level warnings, and reasons worded so
they do not say whether a known person (the one hired, say) declared a group, nor whether a
posting had zero or some declared applicants beyond what the status itself says.
The public wording of each reason lives with its check kind (``checks.public_reason``).
``--pseudonymise`` replaces applicant ids in hr output by keyed HMAC-SHA256 pseudonyms.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import stat
from pathlib import Path
from typing import Literal, TypeVar

from rekruttering.errors import Say, UsageError, said
from rekruttering.models import CheckReport, Provenance
from rekruttering.words.catalogue import text

Audience = Literal["hr", "tillitsvalgt"]
AUDIENCES: tuple[Audience, ...] = ("hr", "tillitsvalgt")
KEY_ENV = "REKRUTTERING_PSEUDO_KEY"
MIN_KEY_BYTES = 16
MAX_KEY_FILE_BYTES = 4096  # a key file longer than this is not a key file

Report = TypeVar("Report", bound=Provenance)


def for_audience(report: Report) -> Report:
    """The last gate for check and summary alike: whatever built the report, a tillitsvalgt report
    carries no applicant id and no row-level warning; stale justifications stay (they are a finding
    for the union representative too), without the applicant they named."""
    if report.audience == "hr":
        return report
    update: dict[str, object] = {
        "warnings": [],
        "warnings_withheld": report.warnings_withheld + len(report.warnings),
        "unused_justifications": [u.model_copy(update={"applicant_id": None}) for u in report.unused_justifications],
    }
    if isinstance(report, CheckReport):
        update["postings"] = [
            posting.model_copy(update={
                "findings": [finding.model_copy(update={"applicants": []}) for finding in posting.findings]
            })
            for posting in report.postings
        ]
    return report.model_copy(update=update)


def pseudonym_key(key_file: Path | None) -> bytes:
    """The key from ``REKRUTTERING_PSEUDO_KEY`` or a key file; refuses rather than inventing one.

    The key file must be a regular file of at most ``MAX_KEY_FILE_BYTES`` (``/dev/zero`` or a pipe
    would never end); a key of blanks only is no secret, wherever it comes from.
    """
    raw = os.environ.get(KEY_ENV, "").encode("utf-8")
    if not raw and key_file is not None:
        raw = _read_key_file(key_file)
        if not raw.strip():
            raise UsageError(_in_file(key_file, "key.blank", env=KEY_ENV))
        raw = raw.strip()
    if raw and not raw.strip():
        raise UsageError(said("key.blank", env=KEY_ENV))
    if len(raw.strip()) < MIN_KEY_BYTES:
        raise UsageError(said("key.missing", min=MIN_KEY_BYTES, env=KEY_ENV))
    return raw


def _read_key_file(key_file: Path) -> bytes:
    """At most ``MAX_KEY_FILE_BYTES`` of a regular file; opened without blocking, so a pipe cannot hang."""
    try:
        fd = os.open(key_file, os.O_RDONLY | os.O_NONBLOCK)
    except OSError as error:
        raise UsageError(said("key.unreadable", path=key_file, error=error.strerror)) from None
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise UsageError(_in_file(key_file, "key.not_file"))
        chunks: list[bytes] = []
        size = 0
        while size <= MAX_KEY_FILE_BYTES and (chunk := os.read(fd, MAX_KEY_FILE_BYTES + 1 - size)):
            chunks.append(chunk)
            size += len(chunk)
    except OSError as error:
        raise UsageError(said("key.unreadable", path=key_file, error=error.strerror)) from None
    finally:
        os.close(fd)
    if size > MAX_KEY_FILE_BYTES:
        raise UsageError(_in_file(key_file, "key.too_long", limit=MAX_KEY_FILE_BYTES))
    return b"".join(chunks)


def _in_file(key_file: Path, key: str, **params: object) -> Say:
    """A key file's problem, the file named first."""
    return lambda lang: text("key.in_file", lang, path=key_file, message=text(key, lang, **params))


def pseudonym(key: bytes, applicant_id: str) -> str:
    """A stable pseudonym: the same id and key always give the same one; without the key, no way back."""
    return "P-" + hmac.new(key, applicant_id.encode("utf-8"), hashlib.sha256).hexdigest()[:12]

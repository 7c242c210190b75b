"""What a văn thư checks across the documents of an event before signing any of them.

Each document may be right on its own and the pack still wrong: the same person with two
titles, two documents with one number, a letter signed by the Giám đốc that copies the Giám
đốc "for a report", money paid with no paying unit told to carry the decision out, a ground
(``Căn cứ Quyết định …``) without its number, date or issuer, grounds out of the order of
their legal force. :func:`review_event` lists these as findings (plain sentences naming the
document and the text); :func:`duplicate_numbers` is the one that refuses the pack, as two
documents cannot share a number in the register.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from reportkit.legal.force import FORCE, NEEDS_NUMBER, instrument_of
from reportkit.models.document import IssuedDocument
from reportkit.models.people import Person
from reportkit.vn.text import normalize

if TYPE_CHECKING:
    from reportkit.app.events import Event

__all__ = ["Finding", "duplicate_numbers", "ground_findings", "review_event"]


@dataclass(frozen=True)
class Finding:
    """One thing to correct: where (a document or a section) and what."""

    where: str
    message: str

    def __str__(self) -> str:
        return f"{self.where}: {self.message}"


# -- grounds -------------------------------------------------------------------------------------

_NUMBERED = re.compile(r"\bsố\s+\d")
_DATED = re.compile(r"\bngày\s+\d")


def ground_findings(lines: list[str], where: str) -> list[Finding]:
    """Grounds without the number, the date or the issuer of what they cite, and grounds out
    of the order of their force."""
    found: list[Finding] = []
    ranks: list[tuple[int, str]] = []
    for line in lines:
        text = normalize(line)
        kind = instrument_of(text)
        if kind is None:
            continue
        ranks.append((FORCE[kind], text))
        if kind in NEEDS_NUMBER:
            missing = [
                what
                for what, present in (
                    ("its number (số …)", _NUMBERED.search(text)),
                    ("its date (ngày …)", _DATED.search(text)),
                    ("its issuer (của …)", " của " in text),
                )
                if not present
            ]
            if missing:
                found.append(Finding(where, f"the ground {text[:60]!r}… lacks {', '.join(missing)}"))
    for (rank, text), (next_rank, next_text) in itertools.pairwise(ranks):
        if next_rank < rank:
            found.append(
                Finding(
                    where,
                    f"the ground {next_text[:50]!r}… has more force than {text[:50]!r}… and comes first",
                )
            )
    return found


# -- people --------------------------------------------------------------------------------------


def _people(event: Event) -> Iterator[tuple[str, Person]]:
    """Every named person of the event with the section naming them."""
    config = event.config
    if config.conference is not None:
        conference = config.conference
        if conference.chair is not None:
            yield "conference.chair", conference.chair
        for number, guest in enumerate(conference.guests, start=1):
            yield f"conference.guests {number}", guest
        for number, speech in enumerate(conference.speeches, start=1):
            yield f"conference.speeches {number}", speech.speaker
    if config.council is not None:
        for number, member in enumerate(config.council.members, start=1):
            yield f"council.members {number}", member
    for number, honoree in enumerate(event.honorees.honorees, start=1):
        if honoree.person is not None:
            yield f"honoree {number}", honoree.person


def title_findings(event: Event) -> list[Finding]:
    """A person named with different positions in different places (one person, one title)."""
    seen: dict[str, tuple[str, str]] = {}
    found: list[Finding] = []
    for where, person in _people(event):
        if not person.position:
            continue
        key = normalize(person.full_name).casefold()
        position = normalize(person.position)
        if key not in seen:
            seen[key] = (where, position)
            continue
        first_where, first_position = seen[key]
        if first_position.casefold() != position.casefold():
            found.append(
                Finding(
                    where,
                    f"{person.full_name} is '{position}' here but '{first_position}' in {first_where}: "
                    "one person has one title in every document",
                )
            )
    return found


# -- recipients and executors -------------------------------------------------------------------

_FOR_REPORT = re.compile(r"\(\s*(?:để\s+)?(?:b/c|báo cáo)\s*\)", re.IGNORECASE)


def recipient_findings(issue: IssuedDocument, where: str) -> list[Finding]:
    """A document signed by the head that sends the head a copy "for a report"."""
    if issue.signer.prefix is not None:
        return []
    authority = normalize(issue.signer.authority).casefold()
    return [
        Finding(
            where,
            f"'{recipient}': the document is signed by the {issue.signer.authority}, who does not send "
            "it to himself for a report; leave this recipient out",
        )
        for recipient in issue.recipients
        if _FOR_REPORT.search(recipient) and normalize(recipient).casefold().startswith(authority)
    ]


_PAYING_UNIT = re.compile(r"tài chính|kế toán|tài vụ", re.IGNORECASE)


def executor_findings(event: Event) -> list[Finding]:
    """Award money without the paying unit (Kế hoạch - Tài chính, Kế toán) among the executors."""
    decision = event.config.decision
    if not event.honorees.total_amount or (decision.executors and _PAYING_UNIT.search(decision.executors)):
        return []
    return [
        Finding(
            "decision.executors",
            "the decision pays award money but its last article does not name the unit that pays "
            "(e.g. Trưởng phòng Kế hoạch - Tài chính)",
        )
    ]


# -- the whole event -----------------------------------------------------------------------------

_SECTIONS = (
    ("plan", "Kế hoạch"),
    ("council", "Biên bản"),
    ("submission", "Tờ trình"),
    ("agenda", "Chương trình"),
    ("report", "Báo cáo"),
    ("notice", "Thông báo"),
    ("official_letter", None),
    ("letter", None),
)


def _issues(event: Event) -> Iterator[tuple[str, IssuedDocument]]:
    from reportkit.documents.conference import invitation_issues

    yield "decision", event.decision
    for section, doc_type in _SECTIONS:
        issue = event.issued(getattr(event.config, section), doc_type)
        if issue is not None:
            yield section, issue
    invitation = event.issued(event.config.invitation, "Giấy mời")
    if invitation is not None:
        guests = event.config.conference.guests if event.config.conference else []
        for number, issue in enumerate(invitation_issues(invitation, max(len(guests), 1)), start=1):
            yield f"invitation {number}", issue


def duplicate_numbers(event: Event) -> list[Finding]:
    """Documents of the event that share a number and symbol (``20/GM-SCT`` twice)."""
    first: dict[str, str] = {}
    found = []
    for where, issue in _issues(event):
        if not issue.symbol:
            continue
        if issue.symbol in first:
            found.append(Finding(where, f"number {issue.symbol} is also {first[issue.symbol]}'s"))
        else:
            first[issue.symbol] = where
    return found


def review_event(event: Event) -> list[Finding]:
    """Everything :mod:`reportkit.consistency` finds in *event*, in document order."""
    found = ground_findings(event.decision.legal_bases, "decision.legal_bases")
    if event.config.plan is not None:
        found += ground_findings(event.config.plan.grounds, "plan.grounds")
    found += executor_findings(event)
    for where, issue in _issues(event):
        found += recipient_findings(issue, where)
    found += title_findings(event)
    return found + duplicate_numbers(event)

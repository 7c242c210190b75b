"""Conferences (hội nghị): who, when, where, what was said and what was awarded."""

from __future__ import annotations

import datetime as dt

from reportkit.models.agency import Agency
from reportkit.models.awards import HonoreeList
from reportkit.models.base import ReportkitModel, Text
from reportkit.models.people import Person

__all__ = ["Conference", "ConferenceDetails", "ReceivedAward", "Speech"]


class Speech(ReportkitModel):
    """A speech at the conference: who spoke (with their title) and what they said, in summary."""

    speaker: Person
    summary: Text


class ReceivedAward(ReportkitModel):
    """An award the organiser received at the conference (``Cờ thi đua`` of a ministry)."""

    name: Text
    grantor: Text
    reason: Text | None = None

    @property
    def text(self) -> str:
        """``Cờ Đơn vị xuất sắc phong trào thi đua năm 2019 của Bộ Công Thương``."""
        text = f"{self.name} của {self.grantor}"
        return f"{text} {self.reason}" if self.reason else text


class ConferenceDetails(ReportkitModel):
    """What happened at a conference: title, time, venue, people, content, speeches, awards.

    ``guests`` are persons with their titles in ``position``; ``content`` is the agenda, one item
    per entry. An event file gives these; :class:`Conference` adds the organiser and honorees.
    """

    title: Text
    starts_at: dt.datetime
    ends_at: dt.datetime | None = None
    venue: Text
    chair: Person | None = None
    guests: list[Person] = []
    participants: Text | None = None
    content: list[Text] = []
    speeches: list[Speech] = []
    awards_received: list[ReceivedAward] = []
    conclusions: list[Text] = []
    tasks: list[Text] = []

    @property
    def date(self) -> dt.date:
        return self.starts_at.date()


class Conference(ConferenceDetails):
    """A conference, e.g. the Hội nghị Biểu dương điển hình tiên tiến of Sở Công Thương Hải Phòng,
    with its organiser and the list honoured at it."""

    organiser: Agency
    honorees: HonoreeList | None = None

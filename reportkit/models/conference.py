"""Conferences (hội nghị): who, when, where, what was said and what was awarded."""

from __future__ import annotations

import datetime as dt
import itertools
from typing import Self

from pydantic import Field, model_validator

from reportkit.models.agency import Agency
from reportkit.models.awards import HonoreeList
from reportkit.models.base import DateTime, ReportkitModel, Text
from reportkit.models.people import Person
from reportkit.models.planning import AgendaItem

__all__ = ["Conference", "ConferenceDetails", "ReceivedAward", "Speech"]


class Speech(ReportkitModel):
    """A speech at the conference: who spoke (with their title) and what they said, in summary."""

    speaker: Person = Field(description="Who spoke, with their position.")
    summary: Text = Field(description="What they said, in one or two sentences.")


class ReceivedAward(ReportkitModel):
    """An award the organiser received at the conference (``Cờ thi đua`` of a ministry)."""

    name: Text = Field(description="The award received, e.g. 'Cờ thi đua'.")
    grantor: Text = Field(description="Who granted it, e.g. 'Bộ Công Thương'.")
    reason: Text | None = Field(default=None, description="For what, e.g. 'vì đã có thành tích xuất sắc …'.")

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

    title: Text = Field(description="The conference's name, e.g. 'Hội nghị Biểu dương điển hình tiên tiến'.")
    starts_at: DateTime = Field(description="Start: '22/6/2021 08:00' or '2021-06-22T08:00'.")
    ends_at: DateTime | None = Field(default=None, description="End, same forms as starts_at.")
    venue: Text = Field(description="Where it is held.")
    chair: Person | None = Field(default=None, description="Who chairs it.")
    guests: list[Person] = Field(
        default=[], description="Invited guests, each with their title in position (one invitation each)."
    )
    participants: Text | None = Field(default=None, description="Who attends, in one sentence.")
    content: list[Text] = Field(default=[], description="The agenda, one item per entry.")
    speeches: list[Speech] = Field(default=[], description="Speeches, each with speaker and summary.")
    awards_received: list[ReceivedAward] = Field(
        default=[], description="Awards the organiser received at the conference."
    )
    conclusions: list[Text] = Field(default=[], description="The chair's conclusions, one per entry.")
    tasks: list[Text] = Field(default=[], description="Tasks assigned, one per entry.")
    programme: list[AgendaItem] = Field(
        default=[], description="The detailed programme (Chương trình): times, items, who leads them."
    )

    @model_validator(mode="after")
    def _programme_in_order(self) -> Self:
        """Items follow each other; an item without an end ends when the next one starts."""
        items = self.programme
        for number, (item, after) in enumerate(itertools.pairwise(items), start=1):
            if after.start < item.start or (item.end is not None and after.start < item.end):
                raise ValueError(
                    f"programme item {number + 1} ({after.time_range}) starts before item {number} "
                    f"({item.time_range}) ends"
                )
            if item.end is None:
                item.end = after.start
        first, last = self.starts_at.time(), self.ends_at.time() if self.ends_at else None
        for number, item in enumerate(items, start=1):
            if item.end is not None and item.end <= item.start:
                raise ValueError(f"programme item {number} ends ({item.time_range}) before it starts")
            if item.start < first or (last is not None and (item.end or item.start) > last):
                span = f"{first:%H:%M} - {last:%H:%M}" if last else f"from {first:%H:%M}"
                raise ValueError(
                    f"programme item {number} ({item.time_range}) is outside the conference's time ({span})"
                )
        return self

    @property
    def date(self) -> dt.date:
        return self.starts_at.date()


class Conference(ConferenceDetails):
    """A conference, e.g. the Hội nghị Biểu dương điển hình tiên tiến of Sở Công Thương Hải Phòng,
    with its organiser and the list honoured at it."""

    organiser: Agency = Field(description="The agency holding the conference.")
    honorees: HonoreeList | None = Field(default=None, description="The list honoured at the conference.")

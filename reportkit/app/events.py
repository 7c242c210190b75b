"""An event: the event file with its honorees read and its documents' models built once.

:func:`load_event` is the one way in, from a path, the file's bytes or text, or a mapping (a
web form, a JSON body): the legal data in force on the decision's date completes the award and
the grounds, the honoree spreadsheet the file names is read (with ``columns``, the office's own
headings mapped to fields), and the decision, the conference and each issued document are
computed when first asked, once.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from reportkit.documents.phrases import check_phrases
from reportkit.errors import UserInputError
from reportkit.legal.apply import event_by_law
from reportkit.models.awards import Honoree, HonoreeList
from reportkit.models.conference import Conference
from reportkit.models.decision import Decision
from reportkit.models.document import IssuedDocument
from reportkit.models.errors import describe_validation_error, field_path, problem_message
from reportkit.models.event import DocumentInfo, EventConfig
from reportkit.sheets.honorees import read_honorees
from reportkit.sheets.reading import TableSource

__all__ = ["COUNCIL_UNIT", "Event", "EventFileError", "EventSource", "load_event", "require_honorees"]

COUNCIL_UNIT = "Hội đồng Thi đua - Khen thưởng"
"""The issuing unit of the council's minutes, under the agency's name in their header."""

EventSource = str | os.PathLike[str] | bytes | Mapping[str, Any] | EventConfig
"""An event file's path, its bytes (YAML or JSON text), its content as a mapping, or the
validated :class:`~reportkit.models.event.EventConfig` itself."""


@dataclass
class Event:
    """An event file with its honorees read and its documents' models built (each once: the
    decision, the conference and the submission are computed when first read)."""

    config: EventConfig
    honorees: HonoreeList
    notes: list[str] = field(default_factory=list, compare=False)
    """What was made of the spreadsheet's own columns and which rows were skipped."""
    _cache: dict[str, Any] = field(default_factory=dict, init=False, repr=False, compare=False)

    def __setattr__(self, name: str, value: Any) -> None:
        super().__setattr__(name, value)
        if name in ("config", "honorees") and "_cache" in self.__dict__:
            self.__dict__.pop("decision", None)
            self.__dict__.pop("conference", None)
            self.__dict__.pop("submission", None)

    @cached_property
    def decision(self) -> Decision:
        """The decision, citing the submission (its number and date) when the event has one."""
        info = self.config.decision
        fields = info.model_dump(exclude_none=True, exclude={"signer"})
        submission = self.submission
        if submission is not None and self.config.submission is not None:
            fields.setdefault("proposal", self.config.submission.submitter)
            fields["proposal_reference"] = submission.reference
        return Decision(
            **fields,
            agency=self.config.agency,
            signer=info.signer or self.config.signer,
            honorees=self.honorees,
        )

    @cached_property
    def submission(self) -> IssuedDocument | None:
        return self.issued(self.config.submission, "Tờ trình")

    @cached_property
    def conference(self) -> Conference | None:
        info = self.config.conference
        if info is None:
            return None
        return Conference(**dict(info), organiser=self.config.agency, honorees=self.honorees)

    def issued(self, info: DocumentInfo | None, doc_type: str | None) -> IssuedDocument | None:
        """The issued document a section of the event file describes (its number, date, unit,
        summary, recipients), from the event's agency, signed by the section's or the event's
        signer."""
        if info is None:
            return None
        fields = {name: getattr(info, name) for name in DocumentInfo.model_fields if name != "signer"}
        if doc_type == "Biên bản" and fields.get("unit") is None:
            fields["unit"] = COUNCIL_UNIT  # the council issues its minutes
        return IssuedDocument(
            **{k: v for k, v in fields.items() if v is not None},
            doc_type=doc_type,
            agency=self.config.agency,
            signer=info.signer or self.config.signer,
        )


class EventFileError(UserInputError):
    """The event file does not validate; ``problems`` holds ``(field path, message)`` for each
    of its problems (the message lists them all)."""

    def __init__(self, error: ValidationError, name: str) -> None:
        super().__init__(describe_validation_error(error, name), file=name)
        self.problems = [
            (field_path(tuple(p["loc"])), problem_message(p)) for p in error.errors(include_url=False)
        ]


def require_honorees(event: Event, source: object = None) -> Event:
    """*event*, or :class:`~reportkit.errors.UserInputError` when its honoree list is empty
    (nothing to produce); *source* (the spreadsheet or event file) is named when given."""
    if not event.honorees.honorees:
        head = f"{source}: " if source is not None else ""
        raise UserInputError(
            f"{head}the honoree list is empty (a header without rows?): nothing to produce", field="honorees"
        )
    return event


def _config(source: EventSource, name: str) -> EventConfig:
    if isinstance(source, EventConfig):
        return source
    try:
        if isinstance(source, Mapping):
            return EventConfig.from_dict(dict(source))
        return EventConfig.from_yaml(source)  # YAML is a superset of JSON
    except ValidationError as exc:
        raise EventFileError(exc, name) from None


def _addressed(members: list[Honoree], style: str) -> list[Honoree]:
    """*members* with the event's honorific style given to persons whose row says none."""
    if style == "by_gender":
        return members
    return [
        m.model_copy(update={"person": m.person.model_copy(update={"address": style})})
        if m.person is not None and m.person.address is None
        else m
        for m in members
    ]


def _refuse_file_references(config: EventConfig, name: str, spreadsheet_given: bool) -> None:
    """An event from elsewhere names no file here: the legal data file, the spreadsheet (unless
    the spreadsheet itself is given)."""
    if config.legal_data:
        raise UserInputError(
            f"{name}: 'legal_data' names a file ({config.legal_data}); an uploaded event may not name "
            "files of this machine",
            file=name,
            field="legal_data",
        )
    if config.honorees_file and not spreadsheet_given:
        raise UserInputError(
            f"{name}: 'honorees_file' names a file ({config.honorees_file}); upload the spreadsheet itself",
            file=name,
            field="honorees_file",
        )


def load_event(
    source: EventSource,
    *,
    columns: Mapping[str, str] | None = None,
    folder: str | os.PathLike[str] | None = None,
    sheet: str | None = None,
    spreadsheet: TableSource | None = None,
    files: bool = True,
) -> Event:
    """Read an event (a path, the file's bytes, or a mapping) and the honoree spreadsheet it
    names. The spreadsheet and a legal data file are found relative to the event file, or to
    *folder* (default: the current folder) for bytes and mappings. *columns* maps the office's
    own headings to fields (``{"Tên đơn vị": "name"}``, added to the event file's ``columns:``),
    *sheet* chooses the workbook's sheet; what became of the other columns, and the rows
    skipped, is in :attr:`Event.notes`. *spreadsheet* (a path, bytes or a binary stream) is the
    honoree spreadsheet itself, read instead of the file the event names. ``files=False`` is for
    an event from someone else (an upload): it may name no file of this machine (a spreadsheet,
    legal data), so its spreadsheet comes as *spreadsheet* or inline.
    A wrong file raises :class:`~reportkit.errors.UserInputError` naming the field."""
    if isinstance(source, str | os.PathLike):
        path = Path(source)
        name, base = str(path), path.parent
    else:
        name, base = "the event", Path(folder) if folder is not None else Path.cwd()
    raw = _config(source if not isinstance(source, str) else Path(source), name)
    if not files:
        _refuse_file_references(raw, name, spreadsheet is not None)
    config = event_by_law(raw, base)
    check_phrases(config.phrases)
    notes: list[str] = []
    mapping = {**config.columns, **(columns or {})}
    if spreadsheet is not None:
        members = read_honorees(spreadsheet, sheet=sheet, mapping=mapping, notes=notes).honorees
    elif config.honorees_file:
        path = base / config.honorees_file
        members = read_honorees(path, sheet=sheet, mapping=mapping, notes=notes).honorees
    else:
        members = config.honorees
    members = _addressed(members, config.honorific)
    honorees = HonoreeList(
        title=config.list_title or HonoreeList.model_fields["title"].default,
        award=config.award,
        honorees=members,
        group_order=config.group_order,
        sort=config.sort,
    )
    return Event(config, honorees, notes)

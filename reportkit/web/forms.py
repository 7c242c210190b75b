"""The page's form: the fields of :file:`pages/form.yaml`, prefilled from the office kind's
starter, and back into an event (the starter's, or the uploaded event file, with the fields
the office filled in)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from reportkit.errors import UserInputError

__all__ = [
    "LINE_BREAK",
    "USED_UPLOAD",
    "Field",
    "Group",
    "event_from_form",
    "form_groups",
    "form_values",
    "office_kinds",
]

LINE_BREAK = "//"
"""How the form writes a line break inside one header line."""
_DATA = Path(__file__).with_name("pages") / "form.yaml"


@dataclass(frozen=True)
class Field:
    name: str
    path: str
    label: str
    kind: str


@dataclass(frozen=True)
class Group:
    title: str
    fields: tuple[Field, ...]


@cache
def _data() -> dict[str, Any]:
    return yaml.safe_load(_DATA.read_text(encoding="utf-8"))  # type: ignore[no-any-return]


def office_kinds() -> dict[str, str]:
    """The office kinds, each with its Vietnamese name."""
    return dict(_data()["offices"])


def form_groups() -> list[Group]:
    return [Group(g["title"], tuple(Field(**f) for f in g["fields"])) for g in _data()["groups"]]


def _starter(kind: str) -> dict[str, Any]:
    from reportkit.starter import starter_text

    if kind not in office_kinds():
        raise UserInputError(f"no office kind {kind!r}; there are: {', '.join(office_kinds())}", field="kind")
    return yaml.safe_load(starter_text(kind))  # type: ignore[no-any-return]


def _get(data: Mapping[str, Any], path: str) -> Any:
    value: Any = data
    for key in path.split("."):
        if not isinstance(value, Mapping) or key not in value:
            return None
        value = value[key]
    return value


def _set(data: dict[str, Any], path: str, value: Any) -> None:
    *parents, last = path.split(".")
    for key in parents:
        data = data.setdefault(key, {})
    if value is None:
        data.pop(last, None)
    else:
        data[last] = value


def _shown(value: Any, kind: str) -> str:
    if value is None:
        return ""
    if kind == "lines":
        lines = value if isinstance(value, list) else [value]
        return "\n".join(str(line).replace("\n", f" {LINE_BREAK} ") for line in lines)
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


def form_values(kind: str) -> dict[str, str]:
    """Each field's text as the starter of office *kind* fills it."""
    starter = _starter(kind)
    return {f.name: _shown(_get(starter, f.path), f.kind) for g in form_groups() for f in g.fields}


def _typed(text: str, field: Field) -> Any:
    text = text.strip()
    if not text:
        return None
    if field.kind == "lines":
        lines = [" ".join(line.split()) for line in text.splitlines() if line.strip()]
        return [line.replace(f" {LINE_BREAK} ", "\n").replace(LINE_BREAK, "\n") for line in lines]
    if field.kind == "number":
        if not text.isdigit():
            raise UserInputError(f"{field.label}: a number is expected, not {text!r}", field=field.name)
        return int(text)
    return text


USED_UPLOAD = "Đã dùng tệp sự kiện tải lên; các ô của biểu mẫu không được dùng."


def event_from_form(
    kind: str, values: Mapping[str, str], uploaded: bytes | None = None
) -> tuple[dict[str, Any], list[str]]:
    """The event and what became of the inputs: the uploaded event file as it is (the form's
    fields are then not used, and a note says so), or the starter of office *kind* with each
    field of *values* put in its place (an empty field removes the value)."""
    if uploaded:
        try:
            base = yaml.safe_load(uploaded.decode("utf-8-sig"))
        except (yaml.YAMLError, UnicodeDecodeError) as exc:
            raise UserInputError(f"the event file cannot be read: {exc}", file="su_kien.yaml") from None
        if not isinstance(base, dict):
            raise UserInputError("the event file is not a YAML mapping", file="su_kien.yaml")
        base.pop("honorees_file", None)  # the uploaded spreadsheet takes its place
        return base, [USED_UPLOAD]
    base = _starter(kind)
    base.pop("honorees_file", None)
    for group in form_groups():
        for field in group.fields:
            if field.name in values:
                _set(base, field.path, _typed(values[field.name], field))
    return base, []

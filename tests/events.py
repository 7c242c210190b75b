"""Event files for tests: the seed event as data, trimmed to its core when a test builds another
office's event from it, and written beside the spreadsheet it names."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import yaml

from reportkit.resources import example_event

WORKFLOW_SECTIONS = (
    "plan",
    "council",
    "submission",
    "agenda",
    "notice",
    "official_letter",
    "achievement_reports",
)
"""The seed's sections beyond the decision, the conference and the letters."""


def seed_data(*, core: bool = False) -> dict[str, Any]:
    """The seed event file as data; with *core*, without the :data:`WORKFLOW_SECTIONS`."""
    data = yaml.safe_load(example_event().read_text(encoding="utf-8"))
    if core:
        for section in WORKFLOW_SECTIONS:
            data.pop(section, None)
    return data


def write_event(folder: Path, data: dict[str, Any]) -> Path:
    """*data* written as ``folder/su_kien.yaml``, with a copy of the seed's spreadsheet when it
    names that one and the folder lacks it."""
    sheet = data.get("honorees_file")
    seed_sheet = example_event().parent / sheet if sheet else None
    if seed_sheet is not None and seed_sheet.is_file() and not (folder / sheet).exists():
        shutil.copy(seed_sheet, folder / sheet)
    path = folder / "su_kien.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path

"""The page's memory: checked inputs waiting for "Tạo bộ văn bản" (drafts) and packs being made
or made (jobs), each under a random id no other visitor can guess, kept ``keep_seconds`` and at
most ``max_jobs`` of each (the oldest forgotten first). Nothing is written to disk.
"""

from __future__ import annotations

import secrets
import threading
import time
from collections import OrderedDict
from dataclasses import dataclass, field
from typing import Any, Generic, TypeVar

__all__ = ["Draft", "Job", "Preview", "Shelf"]

T = TypeVar("T")


@dataclass
class Draft:
    """Inputs that passed the review: the event and the spreadsheet's bytes."""

    event: dict[str, Any]
    spreadsheet: bytes | None
    spreadsheet_name: str | None
    pdf: bool


@dataclass
class Preview:
    """One document's first pages as PNG pictures."""

    name: str
    pages: list[bytes]


@dataclass
class Job:
    """A pack being made: *stage* says what is being made, *archive* is the zip when done."""

    stage: str = "Đang chuẩn bị"
    steps: list[str] = field(default_factory=list)
    archive: bytes | None = None
    previews: list[Preview] = field(default_factory=list)
    error: str | None = None
    finished: bool = False


class Shelf(Generic[T]):
    """Things under random ids, forgotten after *keep_seconds* or beyond *capacity*."""

    def __init__(self, keep_seconds: float, capacity: int) -> None:
        self.keep_seconds, self.capacity = keep_seconds, capacity
        self._items: OrderedDict[str, tuple[float, T]] = OrderedDict()
        self._lock = threading.Lock()

    def _expire(self, now: float) -> None:
        while self._items and (
            len(self._items) > self.capacity or next(iter(self._items.values()))[0] < now - self.keep_seconds
        ):
            self._items.popitem(last=False)

    def put(self, item: T) -> str:
        key = secrets.token_urlsafe(18)
        with self._lock:
            self._items[key] = (time.monotonic(), item)
            self._expire(time.monotonic())
        return key

    def get(self, key: str) -> T | None:
        with self._lock:
            self._expire(time.monotonic())
            found = self._items.get(key)
        return None if found is None else found[1]

    def clear(self) -> None:
        with self._lock:
            self._items.clear()

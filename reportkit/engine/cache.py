"""Compiled templates kept by the content of their source: a caller that builds the same
template again and again (``DocxTemplate(path)`` per letter, a service receiving the same upload
per request) compiles it once. The last few are kept, by the SHA-256 of their bytes and the
options they were compiled with."""

from __future__ import annotations

import hashlib
import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import Generic, TypeVar

__all__ = ["CompiledCache"]

T = TypeVar("T")


class CompiledCache(Generic[T]):
    """``cache.get(source, options)``: ``compile(source)`` once per content and *options*."""

    def __init__(self, compile: Callable[[bytes], T], size: int = 8) -> None:
        self._compile = compile
        self._size = size
        self._items: OrderedDict[tuple[bytes, Hashable], T] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, source: bytes, options: Hashable = None, build: Callable[[bytes], T] | None = None) -> T:
        """The compiled *source* (by *build*, default the cache's own compile) for *options*."""
        key = (hashlib.sha256(source).digest(), options)
        with self._lock:
            found = self._items.get(key)
            if found is not None:
                self._items.move_to_end(key)
                return found
        compiled = (build or self._compile)(source)  # outside the lock: a compile never blocks the others
        with self._lock:
            self._items[key] = compiled
            while len(self._items) > self._size:
                self._items.popitem(last=False)
        return compiled

    def __len__(self) -> int:
        return len(self._items)

    @property
    def size(self) -> int:
        """How many compiled templates are kept."""
        return self._size

    def clear(self) -> None:
        with self._lock:
            self._items.clear()

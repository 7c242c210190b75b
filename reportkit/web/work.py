"""Where a request's work runs: in a thread, one of ``concurrency`` at once, within the time
of :class:`~reportkit.web.settings.ServiceSettings`; and the warm LibreOffice every PDF of the
process goes through.

A slot is held until its thread ends, even after the client was told ``504``: an abandoned
render still counts, so no more than ``concurrency`` documents are ever made at once.
"""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Callable
from typing import TYPE_CHECKING, TypeVar

from reportkit.engine.cache import CompiledCache
from reportkit.web.settings import ServiceSettings

if TYPE_CHECKING:
    from reportkit.pdf.server import PdfConverter
    from reportkit.template import Template

__all__ = ["Busy", "Overtime", "Workshop"]

T = TypeVar("T")


class Busy(Exception):
    """No slot came free within ``queue_seconds`` (answered ``503``)."""


class Overtime(Exception):
    """The work took longer than ``request_seconds`` (answered ``504``)."""


class Workshop:
    """The slots and the warm PDF converter of one service process."""

    def __init__(self, settings: ServiceSettings) -> None:
        self.settings = settings
        self._slots: asyncio.Semaphore | None = None
        self._converter: PdfConverter | None = None
        self._converter_lock = threading.Lock()
        self._templates: CompiledCache[Template] = CompiledCache(self._compile, size=16)

    def _compile(self, source: bytes) -> Template:
        from reportkit.engine.budget import RenderLimits
        from reportkit.template import Template

        return Template(source, render_limits=RenderLimits(max_seconds=self.settings.render_seconds))

    def template(self, source: bytes) -> Template:
        """The template of *source* (.docx bytes), compiled once per content (the same upload
        request after request is compiled once)."""
        return self._templates.get(source)

    async def run(self, work: Callable[[], T]) -> T:
        """*work()* in a thread once a slot is free; :class:`Busy` or :class:`Overtime`."""
        loop = asyncio.get_running_loop()
        if self._slots is None:
            self._slots = asyncio.Semaphore(self.settings.concurrency)
        slots = self._slots
        try:
            await asyncio.wait_for(slots.acquire(), self.settings.queue_seconds)
        except TimeoutError:
            raise Busy from None

        def held() -> T:
            try:
                return work()
            finally:
                loop.call_soon_threadsafe(slots.release)

        try:
            return await asyncio.wait_for(asyncio.to_thread(held), self.settings.request_seconds)
        except TimeoutError:
            raise Overtime from None

    def pdf(self, document: bytes) -> bytes:
        """The PDF of *document* (.docx bytes) from the process's warm LibreOffice."""
        with self._converter_lock:
            if self._converter is None:
                from reportkit.pdf.server import PdfConverter

                self._converter = PdfConverter(timeout=self.settings.request_seconds)
            converter = self._converter
        return converter.convert(document)

    def close(self) -> None:
        """Stop the warm LibreOffice, if one was started."""
        with self._converter_lock:
            if self._converter is not None:
                self._converter.close()
                self._converter = None

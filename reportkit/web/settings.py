"""What the service allows: where it listens, who may call it, how much one request may ask.

Every bound has a default for one office's use on its own machine; ``REPORTKIT_*`` environment
variables set them for ``reportkit serve --workers N`` (each worker reads them).
"""

from __future__ import annotations

import ipaddress
import os
from dataclasses import dataclass, fields

__all__ = ["LOOPBACK", "ServiceSettings", "is_loopback"]

LOOPBACK = "127.0.0.1"


def is_loopback(host: str) -> bool:
    """Whether *host* is this machine only (127.0.0.0/8, ::1, localhost)."""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


@dataclass(frozen=True)
class ServiceSettings:
    """Bounds of one service process.

    ``token``: when set, every request but the health check carries it (``Authorization: Bearer
    <token>``, or the page's cookie after ``/?token=<token>``); required to listen beyond this
    machine. ``max_upload_bytes``: a whole request body. ``concurrency``: documents made at once;
    ``queue_seconds``: how long a request waits for a free slot before ``503``.
    ``request_seconds``: the work of one request before ``504``; ``render_seconds``: one template
    render (a template loop that never ends stops there). ``keep_seconds`` and ``max_jobs``: how
    long and how many of the page's checked inputs and made packs are kept in memory.
    """

    token: str | None = None
    max_upload_bytes: int = 20 << 20
    concurrency: int = 2
    queue_seconds: float = 10.0
    request_seconds: float = 120.0
    render_seconds: float = 30.0
    keep_seconds: float = 1800.0
    max_jobs: int = 32

    @classmethod
    def from_environment(cls) -> ServiceSettings:
        """The settings with each ``REPORTKIT_<FIELD>`` variable that is set."""
        values: dict[str, object] = {}
        for item in fields(cls):
            raw = os.environ.get(f"REPORTKIT_{item.name.upper()}")
            if raw is None or raw == "":
                continue
            kind = type(getattr(cls, item.name)) if item.name != "token" else str
            values[item.name] = kind(raw)
        return cls(**values)  # type: ignore[arg-type]

"""reportkit as a service (``pip install reportkit[web]``; ``reportkit serve``): an HTTP API for
the systems around an office (:mod:`reportkit.web.api`) and a page for its staff
(:mod:`reportkit.web.page`), bounded by :class:`ServiceSettings`.

The library does not import this package; it needs FastAPI, uvicorn and python-multipart.
"""

from __future__ import annotations

from reportkit.web.app import app_from_environment, create_app
from reportkit.web.settings import LOOPBACK, ServiceSettings, is_loopback

__all__ = ["LOOPBACK", "ServiceSettings", "app_from_environment", "create_app", "is_loopback"]

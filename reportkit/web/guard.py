"""The service's gate, around every request before the application sees it: the token, the
size of the body (counted as it arrives, not trusted from a header: reading stops one chunk past
the limit), and a JSON answer for a refusal.
"""

from __future__ import annotations

import hmac
import json
from collections.abc import Awaitable, Callable, MutableMapping
from http.cookies import SimpleCookie
from typing import Any
from urllib.parse import parse_qs

from reportkit.web.settings import ServiceSettings

__all__ = ["TOKEN_COOKIE", "Guard", "error_content"]

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

TOKEN_COOKIE = "reportkit_token"
_OPEN_PATHS = ("/api/health",)


def error_content(message: str, problems: list[dict[str, Any]] | None = None) -> dict[str, Any]:
    """Every refusal's answer: ``{"error": {"message": …, "problems": [...]}}``."""
    return {"error": {"message": message, "problems": problems or []}}


def error_body(message: str) -> bytes:
    return json.dumps(error_content(message), ensure_ascii=False).encode()


class Guard:
    """Wraps the application *app* with the checks of *settings*."""

    def __init__(self, app: ASGIApp, settings: ServiceSettings) -> None:
        self.app = app
        self.settings = settings

    def _token_of(self, scope: Scope) -> str | None:
        headers = {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope.get("headers", [])}
        authorization = headers.get("authorization", "")
        if authorization.lower().startswith("bearer "):
            return authorization[7:].strip()
        cookie = SimpleCookie()
        cookie.load(headers.get("cookie", ""))
        if TOKEN_COOKIE in cookie:
            return cookie[TOKEN_COOKIE].value
        query = parse_qs(scope.get("query_string", b"").decode("latin-1"))
        return query.get("token", [None])[0]

    def _authorised(self, scope: Scope) -> bool:
        expected = self.settings.token
        if expected is None or scope.get("path") in _OPEN_PATHS:
            return True
        given = self._token_of(scope)
        return given is not None and hmac.compare_digest(given.encode(), expected.encode())

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        if not self._authorised(scope):
            await _refuse(send, 401, "a token is required: 'Authorization: Bearer <token>'")
            return
        limit = self.settings.max_upload_bytes
        for name, value in scope.get("headers", []):
            if name.lower() == b"content-length" and value.isdigit() and int(value) > limit:
                await _refuse(send, 413, f"the request is {int(value)} bytes, over the limit of {limit}")
                return
        chunks: list[bytes] = []
        received = 0
        while True:  # the body read here, bounded, before the application parses any of it
            message = await receive()
            if message["type"] == "http.disconnect":
                return
            chunk = message.get("body", b"")
            received += len(chunk)
            if received > limit:
                await _refuse(send, 413, f"the request is over the limit of {limit} bytes")
                return
            chunks.append(chunk)
            if not message.get("more_body", False):
                break
        body = b"".join(chunks)
        delivered = False

        async def replay() -> Message:
            nonlocal delivered
            if not delivered:
                delivered = True
                return {"type": "http.request", "body": body, "more_body": False}
            return await receive()  # after the body: the client's disconnect

        await self.app(scope, replay, send)


async def _refuse(send: Send, status: int, message: str) -> None:
    body = error_body(message)
    await send(
        {
            "type": "http.response.start",
            "status": status,
            "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())],
        }
    )
    await send({"type": "http.response.body", "body": body})

"""The real service for tests: ``python -m reportkit serve`` on 127.0.0.1 at a free port, in a
process of its own with a private temporary folder, stopped by the test."""

from __future__ import annotations

import contextlib
import json
import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@dataclass
class Server:
    url: str
    tmp: Path
    process: subprocess.Popen[bytes]

    def get(self, path: str, headers: dict[str, str] | None = None) -> tuple[int, bytes]:
        request = urllib.request.Request(self.url + path, headers=headers or {})
        try:
            with urllib.request.urlopen(request, timeout=120) as answer:
                return answer.status, answer.read()
        except urllib.error.HTTPError as error:
            return error.code, error.read()

    def json(self, path: str) -> Any:
        status, body = self.get(path)
        assert status == 200, body
        return json.loads(body)


@contextlib.contextmanager
def running_server(tmp: Path, *args: str, env: dict[str, str] | None = None) -> Iterator[Server]:
    port = free_port()
    folder = tmp / "server-tmp"
    folder.mkdir()
    environment = {**os.environ, "TMPDIR": str(folder), **(env or {})}
    log = (tmp / "server.log").open("wb")
    process = subprocess.Popen(
        [sys.executable, "-m", "reportkit", "serve", "--port", str(port), *args],
        env=environment,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    server = Server(f"http://127.0.0.1:{port}", folder, process)
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                if server.get("/api/health")[0] == 200:
                    break
            except OSError:
                pass
            if process.poll() is not None or time.monotonic() > deadline:
                raise AssertionError("the server did not start: " + (tmp / "server.log").read_text())
            time.sleep(0.1)
        yield server
    finally:
        process.terminate()
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        log.close()

"""Benchmark: the HTTP service making a Giấy khen (.docx) per request, under concurrent clients.

The server: ``reportkit serve --workers 2`` on 127.0.0.1 (two processes), each request
``POST /api/render`` with the certificate template of ``bench_engine`` (ten fields) uploaded and
a JSON context, the .docx in the answer. The clients: ``--clients`` (20) at once, each sending
its next request when the last is answered, for ``--requests`` requests in all per round.
Peer, in the same run: docxtpl at its best in one process (the template loaded once; per
document ``render`` + ``save`` to memory) — what a script would do without a service; the
ratio says what the service gives over it (or costs, below 1).

Prints per round requests per second and the latency percentiles (p50, p99), then the min and
median over ``--repeat`` interleaved rounds and the machine.
Run: ``python benchmarks/bench_service.py [--requests 2000] [--clients 20] [--repeat 3]``.
"""

from __future__ import annotations

import argparse
import asyncio
import io
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

import httpx
from bench_engine import FIELDS, certificate_document
from machine import describe

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from tests.web_server import running_server


def _template() -> bytes:
    buffer = io.BytesIO()
    certificate_document().save(buffer)
    return buffer.getvalue()


async def _load(url: str, template: bytes, total: int, clients: int) -> tuple[float, list[float]]:
    latencies: list[float] = []
    remaining = total

    async def client(session: httpx.AsyncClient, number: int) -> None:
        nonlocal remaining
        while remaining > 0:
            remaining -= 1
            context = dict(FIELDS, honoree=f"Bà Nguyễn Thị Hương {number}-{remaining}")
            start = time.perf_counter()
            answer = await session.post(
                url + "/api/render",
                files={"template": ("giay_khen.docx", template)},
                data={"context": json.dumps(context, ensure_ascii=False)},
            )
            latencies.append(time.perf_counter() - start)
            if answer.status_code != 200 or not answer.content.startswith(b"PK"):
                raise SystemExit(f"bad answer {answer.status_code}: {answer.text[:200]}")

    limits = httpx.Limits(max_connections=clients, max_keepalive_connections=clients)
    async with httpx.AsyncClient(timeout=120, limits=limits) as session:
        start = time.perf_counter()
        await asyncio.gather(*(client(session, n) for n in range(clients)))
        return time.perf_counter() - start, latencies


def _docxtpl(template: bytes, total: int) -> float:
    from docxtpl import DocxTemplate

    document = DocxTemplate(io.BytesIO(template))
    start = time.perf_counter()
    for number in range(total):
        document.render(dict(FIELDS, honoree=f"Bà Nguyễn Thị Hương {number}"))
        document.save(io.BytesIO())
    return time.perf_counter() - start


def _percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--requests", type=int, default=2000)
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--repeat", type=int, default=3)
    options = parser.parse_args()
    template = _template()
    served, peer, p50s, p99s = [], [], [], []
    with (
        tempfile.TemporaryDirectory() as folder,
        running_server(Path(folder), "--workers", str(options.workers), "--concurrency", "4") as server,
    ):
        asyncio.run(_load(server.url, template, 4 * options.clients, options.clients))  # warm both workers
        for round_number in range(1, options.repeat + 1):
            seconds, latencies = asyncio.run(_load(server.url, template, options.requests, options.clients))
            served.append(options.requests / seconds)
            p50s.append(_percentile(latencies, 0.50) * 1000)
            p99s.append(_percentile(latencies, 0.99) * 1000)
            peer.append(options.requests / _docxtpl(template, options.requests))
            print(
                f"round {round_number}: service {served[-1]:7.1f} req/s (p50 {p50s[-1]:.1f} ms, "
                f"p99 {p99s[-1]:.1f} ms)  docxtpl in-process {peer[-1]:7.1f} docs/s"
            )
    print(
        f"\nGiấy khen to .docx over HTTP, {options.workers} workers, {options.clients} concurrent clients, "
        f"{options.requests} requests a round, {options.repeat} rounds"
    )
    print(f"  service:            min {min(served):7.1f}  median {statistics.median(served):7.1f} req/s")
    print(
        f"  p99 latency:        min {min(p99s):7.1f}  median {statistics.median(p99s):7.1f} ms "
        f"(p50 median {statistics.median(p50s):.1f} ms)"
    )
    print(f"  docxtpl in-process: min {min(peer):7.1f}  median {statistics.median(peer):7.1f} docs/s")
    print(f"  ratio service / docxtpl (medians): {statistics.median(served) / statistics.median(peer):.2f}×")
    print(f"machine: {describe()}")


if __name__ == "__main__":
    main()

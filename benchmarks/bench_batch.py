"""Benchmark: a batch of very many files, streamed — time to the first file and memory.

Three ways to write N one-page certificates (the ten-field certificate of bench_engine.py), each
run ``--repeat`` times in a fresh subprocess, interleaved:

- ``render_each``: reportkit's streaming batch named ``0001.docx`` … (names of the index alone
  cannot repeat: no pass over the names; atomic files; a path yielded per file);
- ``render_each_named``: the same named from a field, ``{honoree}.docx`` (a first pass over the
  names makes them distinct before anything is written);
- ``render_many``: the same, returning the list of paths;
- ``loop``: the floor a user could write by hand: a ``for`` loop rendering each record and
  writing it atomically (no name checks, no list).

The records come from a sequence that builds each one when asked (as a database cursor
would), so the figures are the batch's own memory: the growth of peak RSS over the process
after imports and template loading. Prints min and median seconds, the first file's latency
and the memory, and the machine. Run: ``python benchmarks/bench_batch.py [--count 100000]
[--repeat 3]``.
"""

from __future__ import annotations

import argparse
import json
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from bench_engine import FIELDS, certificate_document, save
from machine import describe


class Records(Sequence[dict[str, str]]):
    """N records, each built when asked for."""

    def __init__(self, count: int) -> None:
        self.count = count

    def __len__(self) -> int:
        return self.count

    def __getitem__(self, index: Any) -> Any:
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(self.count))]
        if not 0 <= index < self.count:
            raise IndexError(index)
        return dict(FIELDS, honoree=f"Bà Nguyễn Thị Hương {index}", register=str(100 + index))


def rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def run(way: str, count: int, work: Path, index: int) -> dict[str, float]:
    import reportkit
    from reportkit.engine.atomic import atomic_write
    from reportkit.engine.batch import render_each

    template = reportkit.Template(work / "certificate.docx")
    out = work / f"{way}-{index}"
    out.mkdir()
    records = Records(count)
    template.render(records[0])  # compile and lay out the shared parts before the clock
    base = rss_mb()
    start = time.perf_counter()
    first = 0.0
    if way.startswith("render_each"):
        pattern = "{honoree}.docx" if way == "render_each_named" else "{index:04d}.docx"
        for number, _ in enumerate(render_each(template, records, out, filename=pattern, durable=False)):
            if number == 0:
                first = time.perf_counter() - start
    elif way == "render_many":
        paths = reportkit.render_many(template, records, out, durable=False, progress=lambda d, t: None)
        first = float("nan")
        assert len(paths) == count
    else:
        for number, record in enumerate(records):
            atomic_write(out / f"{number + 1:06d}.docx", template.render(record), durable=False)
            if number == 0:
                first = time.perf_counter() - start
    seconds = time.perf_counter() - start
    if way == "render_many":  # the first file's time, from its modification stamp
        first_file = min(out.iterdir(), key=lambda p: p.stat().st_mtime_ns)
        first = first_file.stat().st_mtime - (time.time() - (time.perf_counter() - start))
    return {"seconds": seconds, "first_ms": first * 1000, "growth_mb": rss_mb() - base}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--count", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--child", nargs=3, metavar=("WAY", "WORK", "INDEX"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        way, work, index = args.child
        print(json.dumps(run(way, args.count, Path(work), int(index))))
        return
    print(f"machine: {describe()}")
    print(f"{args.count} certificates, one file each; records built on demand; files not fsynced")
    ways = ("render_each", "render_each_named", "render_many", "loop")
    results: dict[str, list[dict[str, float]]] = {way: [] for way in ways}
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        save(certificate_document(), work / "certificate.docx")
        for index in range(args.repeat):
            for way in ways:
                command = [
                    sys.executable,
                    __file__,
                    "--count",
                    str(args.count),
                    "--child",
                    way,
                    str(work),
                    str(index),
                ]
                done = subprocess.run(command, capture_output=True, text=True, check=True)
                results[way].append(json.loads(done.stdout.strip().splitlines()[-1]))
                for path in (work / f"{way}-{index}").iterdir():
                    path.unlink()
    for way in ways:
        seconds = [r["seconds"] for r in results[way]]
        first = [r["first_ms"] for r in results[way]]
        growth = statistics.median(r["growth_mb"] for r in results[way])
        print(
            f"  {way:17s} min {min(seconds):7.2f} s  median {statistics.median(seconds):7.2f} s  "
            f"{args.count / min(seconds):8.0f} files/s  first file {statistics.median(first):8.1f} ms (median)  "
            f"peak growth +{growth:.1f} MB"
        )
    loop = statistics.median(r["seconds"] for r in results["loop"])
    each = statistics.median(r["seconds"] for r in results["render_each"])
    print(f"  render_each / hand loop time (median): {each / loop:.2f}")


if __name__ == "__main__":
    main()

"""Benchmark: `reportkit check` on a long document, against the time LibreOffice needs just to open it.

A 100-page decision (the built-in decision with its articles repeated until LibreOffice lays
it out on about 100 pages, ~1,100 paragraphs) is checked 5 times in this process; the peer is what a
reviewer would otherwise run to look at it: one `soffice --convert-to pdf` of the same file
(skipped without LibreOffice). Prints min and median seconds, pages, paragraphs, findings and
the machine. Run: ``python benchmarks/bench_check.py [--pages 100] [--repeat 5]``.
"""

from __future__ import annotations

import argparse
import copy
import io
import statistics
import tempfile
import time
from pathlib import Path

import docx
from machine import describe  # benchmarks/machine.py

from reportkit import check, documents
from reportkit.checker.pages import PAGE_OBJECT
from reportkit.pack import load_event
from reportkit.pdf import PdfError, find_soffice, to_pdf
from reportkit.resources import example_event


def long_decision(paragraphs: int) -> bytes:
    """The built-in decision with its body paragraphs repeated to *paragraphs* in all."""
    data = documents.decision(load_event(example_event()).decision)
    document = docx.Document(io.BytesIO(data))
    articles = [p for p in document.paragraphs if p.text.startswith("Điều")]
    last = articles[-1]._p
    count = len(document.paragraphs)
    while count < paragraphs:
        for article in articles:
            last.addnext(copy.deepcopy(article._p))
            count += 1
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--pages", type=int, default=100)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    data = long_decision(args.pages * 11)  # about 11 paragraphs of articles fill a page
    times = []
    report = None
    for _ in range(args.repeat):
        started = time.perf_counter()
        report = check(data)
        times.append(time.perf_counter() - started)
    assert report is not None
    paragraphs = len(docx.Document(io.BytesIO(data)).paragraphs)
    print(describe())
    print(f"document: {paragraphs} paragraphs, {len(report.findings)} findings")
    print(
        f"reportkit check: min {min(times):.3f} s, median {statistics.median(times):.3f} s ({args.repeat} runs)"
    )
    try:
        find_soffice()
    except PdfError:
        print("LibreOffice not found: no peer timing")
        return
    with tempfile.TemporaryDirectory() as folder:
        source = Path(folder) / "long.docx"
        source.write_bytes(data)
        started = time.perf_counter()
        (pdf,) = to_pdf([source], Path(folder) / "pdf")
        opened = time.perf_counter() - started
        pages = len(PAGE_OBJECT.findall(pdf.read_bytes()))
    print(f"pages (LibreOffice layout): {pages}")
    print(
        f"LibreOffice opening and laying it out: {opened:.2f} s — check is {opened / min(times):.0f}× faster"
    )


if __name__ == "__main__":
    main()

"""Benchmark: certificates to PDF — reportkit's path against one soffice call per file.

reportkit renders the certificates (``render_many``) and converts them with
``reportkit.pdf.to_pdf``: one LibreOffice process per batch of 200 files. The peer is the common
script: ``soffice --headless --convert-to pdf FILE`` once per file. reportkit's print path renders one merged document (``merge=True``) and converts it to one
PDF of every page. The peer is timed on a sample
(``--peer-sample``, default 20 files; a thousand runs take over half an hour) and its per-file
time is scaled to the same count; the ratio is printed with both absolute figures and the machine.

Run: ``python benchmarks/bench_pdf.py [--count 1000] [--peer-sample 20]``.
"""

from __future__ import annotations

import argparse
import subprocess
import tempfile
import time
from pathlib import Path

from machine import describe  # benchmarks/machine.py

from reportkit import documents
from reportkit.pack import load_event
from reportkit.pdf import find_soffice, to_pdf
from reportkit.resources import example_event


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--count", type=int, default=1000)
    parser.add_argument("--peer-sample", type=int, default=20)
    args = parser.parse_args()
    soffice = find_soffice()
    version = subprocess.run([soffice, "--version"], capture_output=True, text=True).stdout.strip()
    print(f"machine: {describe()}")
    print(f"LibreOffice: {version}")
    event = load_event(example_event())
    decision = event.decision
    honorees = decision.honorees
    assert honorees is not None
    many = [
        h.model_copy() for _ in range(args.count // len(honorees.honorees) + 1) for h in honorees.honorees
    ][: args.count]
    decision = decision.model_copy(update={"honorees": honorees.model_copy(update={"honorees": many})})
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        start = time.perf_counter()
        paths = documents.certificates(decision, folder / "docx", filename="{index:04d}.docx")
        rendered = time.perf_counter() - start
        assert isinstance(paths, list)
        start = time.perf_counter()
        pdfs = to_pdf(paths, folder / "pdf")
        converted = time.perf_counter() - start
        ours = rendered + converted
        assert len(pdfs) == args.count
        start = time.perf_counter()
        merged = documents.certificates(decision, folder / "print", merge=True)
        assert isinstance(merged, list)
        to_pdf(merged, folder / "print-pdf")
        print_file = time.perf_counter() - start
        sample = paths[: args.peer_sample]
        start = time.perf_counter()
        for path in sample:
            subprocess.run(
                [soffice, "--headless", "--convert-to", "pdf", "--outdir", str(folder / "peer"), str(path)],
                check=True,
                capture_output=True,
            )
        peer_each = (time.perf_counter() - start) / len(sample)
    peer = peer_each * args.count
    print(f"\n{args.count} certificates to PDF")
    print(
        f"  reportkit: {ours:8.1f} s  (render {rendered:.1f} s + to_pdf {converted:.1f} s; {args.count / ours:.1f} PDF/s)"
    )
    print(
        f"  one soffice per file: {peer_each:.2f} s per file (measured on {len(sample)}) → {peer:8.1f} s for {args.count}"
    )
    print(f"  ratio, a PDF per certificate: {peer / ours:.1f}x faster")
    print(f"  reportkit print file (merge=True, one {args.count}-page PDF): {print_file:8.1f} s")
    print(f"  ratio, print file: {peer / print_file:.1f}x faster")


if __name__ == "__main__":
    main()

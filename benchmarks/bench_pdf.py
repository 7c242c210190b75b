"""Benchmark: certificates to PDF against the LibreOffice call a user would write, in one run.

a. N certificate PDFs (one per honoree). reportkit: ``documents.certificate_pdfs`` — render
   the certificates merged in batches, convert each batch once (one LibreOffice per core),
   cut the pages per record. Peer: the certificates' .docx files (written by reportkit
   beforehand, not timed) converted by ``soffice --headless --convert-to pdf`` calls listing
   them — the strongest plain use of LibreOffice. One call listing all of them is what a
   user would write, but LibreOffice 7.4 stops after about 250 files and exits with 0 (the
   benchmark checks and prints how many it wrote), so the peer is one call per 200 files.
b. One one-page document to PDF, bytes in and bytes out, as a service does per request.
   reportkit: ``PdfConverter.convert`` on a warm LibreOffice (the times after the first).
   Peer: one ``soffice --convert-to pdf`` call for the file.

Each side runs ``--repeat`` times, interleaved; prints min and median, the ratio and the
machine. Run: ``python benchmarks/bench_pdf.py [--count 1000] [--repeat 3] [--requests 20]``.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import tempfile
import time
from pathlib import Path

from bench_engine import seed_decision
from machine import describe

from reportkit import documents
from reportkit.pdf import find_soffice
from reportkit.pdf_server import PdfConverter

PEER_BATCH = 200


def soffice_call(soffice: str, files: list[Path], out: Path, profile: Path) -> float:
    """One soffice call converting *files*, in a fresh profile, as a script would run it."""
    start = time.perf_counter()
    subprocess.run(
        [
            soffice,
            f"-env:UserInstallation={profile.as_uri()}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(out),
            *map(str, files),
        ],
        check=True,
        capture_output=True,
    )
    return time.perf_counter() - start


def summary(label: str, seconds: list[float], unit: str = "s") -> str:
    return f"  {label:34s} min {min(seconds):8.2f} {unit}  median {statistics.median(seconds):8.2f} {unit}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--count", type=int, default=1000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--requests", type=int, default=20)
    args = parser.parse_args()
    soffice = find_soffice()
    version = subprocess.run([soffice, "--version"], capture_output=True, text=True).stdout.strip()
    print(f"machine: {describe()}")
    print(f"LibreOffice: {version}")
    decision = seed_decision(args.count)
    ours: list[float] = []
    peer: list[float] = []
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        files = documents.certificates(decision, work / "docx", filename="{index:04d}.docx")
        assert isinstance(files, list)
        single = soffice_call(soffice, files, work / "single", work / "profile-single")
        wrote = len(list((work / "single").glob("*.pdf")))
        for run in range(args.repeat):
            start = time.perf_counter()
            pdfs = documents.certificate_pdfs(decision, work / f"ours-{run}", filename="{index:04d}.pdf")
            ours.append(time.perf_counter() - start)
            assert len(pdfs) == args.count
            peer.append(
                sum(
                    soffice_call(
                        soffice, files[i : i + PEER_BATCH], work / f"peer-{run}", work / f"profile-{run}"
                    )
                    for i in range(0, len(files), PEER_BATCH)
                )
            )
            assert len(list((work / f"peer-{run}").glob("*.pdf"))) == args.count
        print(f"\n(a) {args.count} certificate PDFs, one per honoree ({args.repeat} runs each)")
        print(
            f"  one soffice call listing all {args.count} files: {single:.1f} s, wrote {wrote} PDFs"
            + ("" if wrote == args.count else " (LibreOffice stopped early, exit code 0)")
        )
        print(summary("reportkit certificate_pdfs", ours))
        print(summary(f"soffice, one call per {PEER_BATCH} files", peer))
        print(
            f"  ratio: {min(peer) / min(ours):.1f}x (min), {statistics.median(peer) / statistics.median(ours):.1f}x"
            f" (median); {args.count / min(ours):.0f} PDF/s"
        )
        one = files[0]
        data = one.read_bytes()
        cold = [
            soffice_call(soffice, [one], work / "cold", work / f"cold-profile-{i}")
            for i in range(args.repeat)
        ]
        warm: list[float] = []
        start = time.perf_counter()
        with PdfConverter() as converter:
            started = time.perf_counter() - start
            for _ in range(args.requests):
                begin = time.perf_counter()
                pdf = converter.convert(data)
                warm.append(time.perf_counter() - begin)
                assert pdf.startswith(b"%PDF-")
    print(
        f"\n(b) one one-page document, bytes to PDF bytes ({args.requests} requests, {args.repeat} cold calls)"
    )
    print(summary("reportkit PdfConverter (warm)", warm))
    print(summary("one soffice call (cold)", cold))
    print(f"  the warm converter's start: {started:.2f} s, once")
    print(
        f"  ratio: {min(cold) / min(warm):.1f}x (min), {statistics.median(cold) / statistics.median(warm):.1f}x (median)"
    )


if __name__ == "__main__":
    main()

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
c. ``--files`` arbitrary .docx files (the demo pack's 44 documents — decision, list, letters,
   certificates, plan, minutes … — copied under distinct names until there are that many) to
   PDF. reportkit: ``to_pdf(files)`` (one LibreOffice per core, the files spread evenly over
   them). Peer: one ``soffice --convert-to pdf`` call listing all of them; where it writes fewer
   PDFs than files (LibreOffice 7.4 stops after about 250), one call per 200 files.

Each side runs ``--repeat`` times, interleaved; prints min and median, the ratio and the
machine. Run: ``python benchmarks/bench_pdf.py [--count 1000] [--repeat 3] [--requests 20]
[--files 200] [--scenario a|b|c]`` (all three by default).
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
    parser.add_argument("--files", type=int, default=200)
    parser.add_argument("--scenario", choices=["a", "b", "c"], action="append")
    args = parser.parse_args()
    soffice = find_soffice()
    version = subprocess.run([soffice, "--version"], capture_output=True, text=True).stdout.strip()
    print(f"machine: {describe()}")
    print(f"LibreOffice: {version}")
    chosen = set(args.scenario or "abc")
    if "c" in chosen:
        arbitrary_files(args, soffice)
    if chosen & {"a", "b"}:
        certificates_and_one(args, soffice)


def arbitrary_files(args: argparse.Namespace, soffice: str) -> None:
    import shutil

    from reportkit import build_pack, load_event
    from reportkit.pdf import to_pdf
    from reportkit.resources import example_event

    ours: list[float] = []
    peer: list[float] = []
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        made = [
            p
            for p in build_pack(load_event(example_event()), work / "pack", pdf=False)
            if p.suffix == ".docx"
        ]
        (work / "in").mkdir()
        files = []
        for index in range(args.files):
            files.append(work / "in" / f"{index:04d}.docx")
            shutil.copy(made[index % len(made)], files[-1])
        for run in range(args.repeat):
            start = time.perf_counter()
            assert len(to_pdf(files, work / f"ours-{run}")) == args.files
            ours.append(time.perf_counter() - start)
            out = work / f"peer-{run}"
            seconds = soffice_call(soffice, files, out, work / f"profile-{run}")
            wrote = len(list(out.glob("*.pdf")))
            if wrote < args.files:
                seconds = sum(
                    soffice_call(
                        soffice, files[i : i + PEER_BATCH], work / f"peer-b-{run}", work / f"pb-{run}"
                    )
                    for i in range(0, len(files), PEER_BATCH)
                )
            peer.append(seconds)
    label = (
        "one soffice call"
        if wrote == args.files
        else f"soffice, one call per {PEER_BATCH} (one call: {wrote})"
    )
    print(f"\n(c) {args.files} arbitrary .docx files to PDF ({args.repeat} runs each, interleaved)")
    print(summary("reportkit to_pdf", ours))
    print(summary(label, peer))
    print(
        f"  ratio: {min(peer) / min(ours):.2f}x (min), {statistics.median(peer) / statistics.median(ours):.2f}x"
        f" (median); {args.files / min(ours):.0f} PDF/s"
    )


def certificates_and_one(args: argparse.Namespace, soffice: str) -> None:
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

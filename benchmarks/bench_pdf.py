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
c. ``--files`` .docx files to PDF: the demo pack's 44 documents (decision, list, letters,
   certificates, plan, minutes …) copied under distinct names until there are that many — or,
   with ``--distinct``, each given settings of its own, so that no two are of one template.
   reportkit: ``to_pdf(files)`` — documents of one template converted together and cut, the
   rest one by one, on warm LibreOffice processes, one per core — timed as a new Python process
   (import, LibreOffice's start, conversion: a script's first call) and in a process that
   converted before (warm). Peer: one ``soffice --convert-to pdf`` call listing all of them, in
   a profile made beforehand (its first start is not timed); where it writes fewer PDFs than
   files (LibreOffice 7.4 stops after 247), one call per 200 files.

Each side runs ``--repeat`` times, interleaved; prints min and median, the ratio and the
machine. Run: ``python benchmarks/bench_pdf.py [--count 1000] [--repeat 3] [--requests 20]
[--files 200] [--distinct] [--scenario a|b|c]`` (all three by default).
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
    """One soffice call converting *files* in the LibreOffice profile *profile* (made by its
    first call), as a script would run it."""
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
    return f"  {label:40s} min {min(seconds):8.2f} {unit}  median {statistics.median(seconds):8.2f} {unit}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--count", type=int, default=1000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--requests", type=int, default=20)
    parser.add_argument("--files", type=int, default=200)
    parser.add_argument("--scenario", choices=["a", "b", "c"], action="append")
    parser.add_argument(
        "--distinct", action="store_true", help="(c): every file of its own template (none go together)"
    )
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


_FIRST_CALL = (
    "import sys; from pathlib import Path; from reportkit.pdf import to_pdf; "
    "to_pdf(sorted(Path(sys.argv[1]).glob('*.docx')), sys.argv[2])"
)


def _own_template(data: bytes, number: int) -> bytes:
    """*data* (a .docx) with settings of its own, as a file saved on another machine has: no
    two such files are of one template."""
    import io
    import zipfile

    source = zipfile.ZipFile(io.BytesIO(data))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as out:
        for name in source.namelist():
            part = source.read(name)
            if name == "word/settings.xml":
                part = part.replace(b"?>", f"?><!-- {number} -->".encode(), 1)
            out.writestr(name, part)
    return buffer.getvalue()


def arbitrary_files(args: argparse.Namespace, soffice: str) -> None:
    import shutil
    import sys

    from reportkit import build_pack, load_event
    from reportkit.pdf import ConverterPool, to_pdf
    from reportkit.pdf.siblings import TemplateFacts, read_sibling
    from reportkit.pdf.together import convert_together
    from reportkit.resources import example_event

    first: list[float] = []
    warm: list[float] = []
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
            data = made[index % len(made)].read_bytes()
            files[-1].write_bytes(_own_template(data, index) if args.distinct else data)
        profile = work / "peer-profile"
        soffice_call(soffice, files[:1], work / "peer-warm-up", profile)  # the peer's profile exists
        pool = ConverterPool(idle_seconds=3600)  # stays warm while the other sides run
        (work / "report").mkdir()
        facts: dict[str, TemplateFacts] = {}
        read = [read_sibling(file, facts) for file in files]
        report = convert_together(read, work / "report", pool, timeout=600)
        wrote = args.files
        for run in range(args.repeat):
            started = time.perf_counter()
            subprocess.run(
                [sys.executable, "-c", _FIRST_CALL, str(work / "in"), str(work / f"first-{run}")],
                check=True,
                capture_output=True,
            )
            first.append(time.perf_counter() - started)
            started = time.perf_counter()
            assert len(to_pdf(files, work / f"warm-{run}", pool=pool)) == args.files
            warm.append(time.perf_counter() - started)
            out = work / f"peer-{run}"
            seconds = soffice_call(soffice, files, out, profile)
            wrote = len(list(out.glob("*.pdf")))
            if wrote < args.files:
                shutil.rmtree(out)
                seconds = sum(
                    soffice_call(soffice, files[i : i + PEER_BATCH], out, profile)
                    for i in range(0, len(files), PEER_BATCH)
                )
                assert len(list(out.glob("*.pdf"))) == args.files
            peer.append(seconds)
        pool.close()
    label = (
        "one soffice call"
        if wrote == args.files
        else f"soffice, one call per {PEER_BATCH} (one call: {wrote})"
    )
    kind = "each its own template" if args.distinct else f"copies of the pack's {len(made)} documents"
    print(f"\n(c) {args.files} .docx files to PDF, {kind} ({args.repeat} runs each, interleaved)")
    print(
        f"  converted together: {sum(report.groups)} files in {len(report.groups)} groups; "
        f"alone: {len(report.alone)}; again one by one: {len(report.again)}"
    )
    print(summary("reportkit, a new process (first call)", first))
    print(summary("reportkit to_pdf, warm", warm))
    print(summary(label + ", its profile made", peer))
    for name, ours in (("first call", first), ("warm", warm)):
        print(
            f"  ratio, {name}: {min(peer) / min(ours):.2f}x (min), "
            f"{statistics.median(peer) / statistics.median(ours):.2f}x (median); {args.files / min(ours):.0f} PDF/s"
        )


def certificates_and_one(args: argparse.Namespace, soffice: str) -> None:
    decision = seed_decision(args.count)
    ours: list[float] = []
    peer: list[float] = []
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        files = documents.certificates(decision, work / "docx", filename="{index:04d}.docx")
        assert isinstance(files, list)
        profile = work / "peer-profile"
        single = soffice_call(soffice, files, work / "single", profile)  # also makes the profile
        wrote = len(list((work / "single").glob("*.pdf")))
        for run in range(args.repeat):
            start = time.perf_counter()
            pdfs = documents.certificate_pdfs(decision, work / f"ours-{run}", filename="{index:04d}.pdf")
            ours.append(time.perf_counter() - start)
            assert len(pdfs) == args.count
            peer.append(
                sum(
                    soffice_call(soffice, files[i : i + PEER_BATCH], work / f"peer-{run}", profile)
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
        cold = [soffice_call(soffice, [one], work / "cold", profile) for i in range(args.repeat)]
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

"""Benchmark: the time to ``import reportkit``, to print ``reportkit --help``, and to the first
document — a fresh process that imports the library and writes one Giấy khen (the ten-field
certificate of ``bench_engine``) — against docxtpl doing the same (``DocxTemplate(path)``,
``render``, ``save``), in fresh processes.

Each is run 7 times, the two first-document cases interleaved; prints min and median wall time,
the ratio, the bare interpreter start (``python -c pass``, which no import can beat) and the
machine. Run: ``python benchmarks/bench_import.py``.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import time

from machine import describe  # benchmarks/machine.py

CASES = {
    "python -c pass (floor)": [sys.executable, "-c", "pass"],
    "import reportkit": [sys.executable, "-c", "import reportkit"],
    "import reportkit; reportkit.Template": [sys.executable, "-c", "import reportkit; reportkit.Template"],
    "reportkit --help": [sys.executable, "-m", "reportkit", "--help"],
}


FIRST_REPORTKIT = (
    "import json, sys; from reportkit import Template; "
    "Template(sys.argv[1]).render(json.loads(sys.argv[2]), sys.argv[3])"
)
FIRST_DOCXTPL = (
    "import json, sys; from docxtpl import DocxTemplate; "
    "d = DocxTemplate(sys.argv[1]); d.render(json.loads(sys.argv[2])); d.save(sys.argv[3])"
)


def _timed(command: list[str]) -> float:
    started = time.perf_counter()
    subprocess.run(command, check=True, capture_output=True)
    return time.perf_counter() - started


def main() -> None:
    import json
    import tempfile
    from pathlib import Path

    from bench_engine import FIELDS, certificate_document

    print(describe())
    for label, command in CASES.items():
        times = [_timed(command) for _ in range(7)]
        print(f"{label:40s} min {min(times):.3f} s, median {statistics.median(times):.3f} s")
    with tempfile.TemporaryDirectory() as folder:
        template = Path(folder) / "giay_khen.docx"
        certificate_document().save(template)
        context = json.dumps(FIELDS, ensure_ascii=False)
        ours, theirs = [], []
        for _ in range(7):
            ours.append(
                _timed([sys.executable, "-c", FIRST_REPORTKIT, str(template), context, f"{folder}/a.docx"])
            )
            theirs.append(
                _timed([sys.executable, "-c", FIRST_DOCXTPL, str(template), context, f"{folder}/b.docx"])
            )
    for label, times in (("first Giấy khen, reportkit", ours), ("first Giấy khen, docxtpl", theirs)):
        print(f"{label:40s} min {min(times):.3f} s, median {statistics.median(times):.3f} s")
    print(
        f"{'ratio docxtpl / reportkit':40s} min {min(theirs) / min(ours):.2f}×, "
        f"median {statistics.median(theirs) / statistics.median(ours):.2f}×"
    )


if __name__ == "__main__":
    main()

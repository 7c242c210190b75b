"""Benchmark: the time to ``import reportkit`` and to print ``reportkit --help``, in fresh processes.

Each is run 7 times; prints min and median wall time, and for comparison the bare interpreter
start (``python -c pass``), which no import can beat, and the machine. Run:
``python benchmarks/bench_import.py``.
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


def main() -> None:
    print(describe())
    for label, command in CASES.items():
        times = []
        for _ in range(7):
            started = time.perf_counter()
            subprocess.run(command, check=True, capture_output=True)
            times.append(time.perf_counter() - started)
        print(f"{label:40s} min {min(times):.3f} s, median {statistics.median(times):.3f} s")


if __name__ == "__main__":
    main()

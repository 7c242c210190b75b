"""Produce the document pack of the seed event (Sở Công Thương Hải Phòng, 22/6/2021).

    python examples/hai_phong_2021/make_pack.py [OUT_DIR]

Writes the decision, its attached list, the 15 certificates (one file each and one print file),
the conference report, the invitations, a letter of commendation, and — when LibreOffice is
installed — the PDF of each. Same as ``reportkit demo OUT_DIR``.
"""

from __future__ import annotations

import sys
from pathlib import Path

from reportkit.pack import build_pack, load_event

HERE = Path(__file__).resolve().parent


def main() -> None:
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else Path("out")
    event = load_event(HERE / "hoi_nghi.yaml")
    for path in build_pack(event, out):
        print(path)


if __name__ == "__main__":
    main()

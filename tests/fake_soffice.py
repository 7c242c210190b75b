"""A stand-in for LibreOffice that misbehaves on purpose, speaking just enough of its command
line for reportkit's warm converters: started with ``--accept=pipe,name=…`` it opens that pipe's
socket and waits (a warm LibreOffice); called with ``--convert-to`` it plays its *mode*:

- ``broken``: writes a PDF cut short for every file;
- ``hang``: starts a child that sleeps, records its pid in ``child.pid``, waits for it;
- ``never-up``: the warm process itself never opens its pipe (a child sleeping, recorded the
  same way)."""

from __future__ import annotations

import sys
from pathlib import Path

_SCRIPT = """#!{python}
import os, socket, subprocess, sys, time
MODE, FOLDER = {mode!r}, {folder!r}
args = sys.argv[1:]

def sleeping_child():
    child = subprocess.Popen(["sleep", "300"])
    with open(os.path.join(FOLDER, "child.pid"), "w") as marker:
        marker.write(str(child.pid))
    child.wait()

accept = [a for a in args if a.startswith("--accept=")]
if accept:
    if MODE == "never-up":
        sleeping_child()
        sys.exit(0)
    name = accept[0].split("name=", 1)[1].split(";", 1)[0]
    pipe = socket.socket(socket.AF_UNIX)
    pipe.bind("/tmp/OSL_PIPE_%d_%s" % (os.getuid(), name))
    time.sleep(3600)
elif "--convert-to" in args:
    if MODE == "hang":
        sleeping_child()
    out = args[args.index("--outdir") + 1]
    for source in (a for a in args if a.endswith(".docx")):
        stem = os.path.splitext(os.path.basename(source))[0]
        with open(os.path.join(out, stem + ".pdf"), "wb") as pdf:
            pdf.write(b"%PDF-1.7 cut")
"""


def fake_soffice(folder: Path, mode: str) -> Path:
    """An executable LibreOffice stand-in in *folder* playing *mode*."""
    path = folder / f"soffice-{mode}"
    path.write_text(_SCRIPT.format(python=sys.executable, mode=mode, folder=str(folder)), encoding="utf-8")
    path.chmod(0o755)
    return path


def child_gone(folder: Path) -> bool:
    """Whether the sleeping child the stand-in started is gone (or a zombie)."""
    child = int((folder / "child.pid").read_text())
    stat = Path(f"/proc/{child}/stat")
    return not stat.exists() or stat.read_text().split(") ")[1].startswith("Z")

"""Every command-line example of the README runs as written, against the files the repo ships.

Each ``sh`` block of ``docs/cli.md`` runs in bash (``set -euo pipefail``) in a scratch
copy of ``examples/``, with the ``reportkit`` of this interpreter first on ``PATH``. The blocks
convert to PDF, so they need LibreOffice (marked ``pdf``).
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import docx
import pytest
from openpyxl import load_workbook

ROOT = Path(__file__).resolve().parent.parent
SECTION = (ROOT / "docs" / "cli.md").read_text(encoding="utf-8")
BLOCKS = re.findall(r"```sh\n(.*?)```", SECTION, re.DOTALL)


def run_block(block: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    bin_dir = str(Path(sys.executable).parent)
    env = dict(os.environ, PATH=bin_dir + os.pathsep + os.environ.get("PATH", ""), NO_COLOR="1")
    return subprocess.run(
        ["bash", "-euo", "pipefail", "-c", block],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=900,
    )


def test_the_section_shows_every_command() -> None:
    commands = {m for block in BLOCKS for m in re.findall(r"^reportkit ([\w-]+)", block, re.MULTILINE)}
    from reportkit.cli import app

    registered = {c.name or (c.callback.__name__ if c.callback else "") for c in app.registered_commands}
    assert registered - {"honoree_list", "check_command", "serve"} <= commands | {"list", "check"}
    assert {"init", "pack", "report", "invitations", "letters", "schema", "list", "decision"} <= commands


@pytest.mark.pdf
@pytest.mark.parametrize("index", range(len(BLOCKS)))
def test_readme_cli_block_runs_as_written(index: int, tmp_path: Path) -> None:
    shutil.copytree(ROOT / "examples", tmp_path / "examples")
    result = run_block(BLOCKS[index], tmp_path)
    assert result.returncode == 0, f"block {index + 1}:\n{BLOCKS[index]}\n{result.stderr[-3000:]}"
    assert "Traceback" not in result.stderr
    if "reportkit init" in BLOCKS[index]:
        out = tmp_path / "out"
        assert len(list((out / "giay_khen").glob("*.docx"))) == 2
        assert (out / "pdf").is_dir()
        return
    example = tmp_path / "examples" / "hai_phong_2021"
    assert (tmp_path / "out" / "quyet_dinh_12-QĐ-SCT.docx").is_file()
    # The Excel list read back by the decision: the same 15 honorees, and the total in words.
    sheet = load_workbook(example / "danh_sach.xlsx").active
    assert sheet is not None and sheet.title == "Danh sách"
    decision_text = "\n".join(p.text for p in docx.Document(str(example / "quyet_dinh.docx")).paragraphs)
    assert "04 tập thể và 11 cá nhân" in decision_text.replace("\u00a0", " ")
    assert len(list((example / "thu_khen").glob("*.docx"))) == 15
    assert [p.name for p in (example / "thu_cam_on").glob("*.docx")]
    assert len(list((example / "chuc_mung").glob("*.docx"))) == 15
    assert (example / "giay_khen" / "pdf").is_dir()
    assert sorted(p.name for p in (example / "pdf").glob("*.pdf")) == ["bao_cao.pdf", "quyet_dinh.pdf"]
    schema = json.loads((example / "su_kien.schema.json").read_text(encoding="utf-8"))
    assert "decision" in schema["properties"]

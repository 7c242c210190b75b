"""Public functions are typed so that mypy users need no casts (run when mypy is installed)."""

from __future__ import annotations

from pathlib import Path

import pytest

SNIPPET = """
from pathlib import Path
from typing import assert_type

from reportkit import Template, documents
from reportkit.models import Person
from reportkit.pack import load_event
from reportkit.sheets import write_honorees

event = load_event("examples/hai_phong_2021/hoi_nghi.yaml")
assert_type(documents.decision(event.decision), bytes)
assert_type(documents.decision(event.decision, out="qd.docx"), Path)
assert_type(documents.honoree_list(event.decision, out=Path("ds.docx")), Path)
assert_type(Template("t.docx").render({}), bytes)
assert_type(Template("t.docx").render({}, "o.docx"), Path)
assert_type(write_honorees(event.honorees), bytes)
assert_type(write_honorees(event.honorees, "ds.xlsx"), Path)
Person(full_name="Trần Thị B", gender="Nữ")
Person(full_name="Trần Văn C", gender="Nam")
"""


def test_public_api_needs_no_casts(tmp_path: Path) -> None:
    api = pytest.importorskip("mypy.api", reason="mypy is not installed (pip install -e '.[dev]')")
    source = tmp_path / "user_script.py"
    source.write_text(SNIPPET, encoding="utf-8")
    stdout, stderr, status = api.run(
        [str(source), "--no-incremental", "--follow-imports=silent", "--ignore-missing-imports"]
    )
    assert status == 0, stdout + stderr
    bad = tmp_path / "bad.py"
    bad.write_text(SNIPPET + 'Person(full_name="X", gender="Nữa")\n', encoding="utf-8")
    stdout, _, status = api.run([str(bad), "--no-incremental", "--follow-imports=silent"])
    assert status == 1 and "gender" in stdout

"""The built wheel carries the templates and the seed example: installed (not editable) in a
fresh virtual environment, it renders a certificate from its own copy of the templates."""

from __future__ import annotations

import subprocess
import sys
import venv
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

SCRIPT = r"""
import sys, pathlib, reportkit
from reportkit.resources import builtin_template, example_event
from reportkit.pack import load_event
from reportkit import documents
package = pathlib.Path(reportkit.__file__).parent
template = builtin_template("giay_khen.docx")
assert package in template.parents, (template, package)
assert package in example_event().parents
data = documents.certificates(load_event(example_event()).decision)
import docx, io
texts = [p.text for p in docx.Document(io.BytesIO(data)).paragraphs]
assert "GIẤY KHEN" in texts, texts
from reportkit.legal.regimes import BUILTIN
assert package in BUILTIN.parents and BUILTIN.is_file()  # the legal data ships as data
event = load_event(example_event())
assert event.honorees.award.amount_individual == 450000  # 0,3 × the base salary of June 2021, rounded up
assert any("91/2017" in line for line in event.decision.legal_basis_lines)
for name in ("ke_hoach_hoi_nghi.docx", "bien_ban_hop_hoi_dong.docx", "cong_van.docx"):
    assert builtin_template(name).is_file()
print("ok", template)
"""


@pytest.mark.slow
def test_wheel_installs_and_finds_its_templates(tmp_path: Path) -> None:
    dist = tmp_path / "dist"
    subprocess.run(
        [sys.executable, "-m", "build", "--wheel", "--no-isolation", "--outdir", str(dist), str(ROOT)],
        check=True,
        capture_output=True,
    )
    [wheel] = dist.glob("reportkit-*.whl")
    import zipfile

    names = zipfile.ZipFile(wheel).namelist()
    assert "reportkit/templates/giay_khen.docx" in names
    assert "reportkit/examples/hai_phong_2021/hoi_nghi.yaml" in names
    assert "reportkit/py.typed" in names
    for page in ("form.yaml", "base.html", "form.html", "review.html", "job.html", "style.css"):
        assert f"reportkit/web/pages/{page}" in names  # the service's page ships with it
    assert "reportkit/starters/sheets.yaml" in names
    env = tmp_path / "venv"
    venv.create(env, with_pip=True)
    python = env / "bin" / "python"
    install = subprocess.run(
        [str(python), "-m", "pip", "install", "-q", str(wheel)], capture_output=True, text=True
    )
    assert install.returncode == 0, install.stderr[-2000:]
    result = subprocess.run([str(python), "-c", SCRIPT], capture_output=True, text=True, cwd=tmp_path)
    assert result.returncode == 0, result.stderr[-3000:]
    assert result.stdout.startswith("ok")
    cli = subprocess.run(
        [str(env / "bin" / "reportkit"), "demo", str(tmp_path / "pack"), "--no-pdf"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
    )
    assert cli.returncode == 0, cli.stderr[-3000:]
    assert len(list((tmp_path / "pack" / "giay_khen").glob("*.docx"))) == 15

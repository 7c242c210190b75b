"""The fast PDF paths, checked on the PDFs themselves: one PDF per record cut from merged
batches (records of one and of several pages, batch ends, names, refusals) and the warm
converter (bytes in, bytes out; a LibreOffice that dies is started again)."""

from __future__ import annotations

import os
import signal
import subprocess
from pathlib import Path

import pytest

from reportkit import Rich, documents
from reportkit.engine.batch import ExistingFilesError
from reportkit.pack import load_event
from reportkit.pdf_pages import render_pdfs
from reportkit.pdf_server import PdfConverter
from reportkit.resources import example_event
from tests.docx_helpers import build

pytestmark = pytest.mark.pdf


def pdf_pages(path: Path) -> list[str]:
    text = subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], check=True, capture_output=True, text=True
    )
    return [" ".join(page.split()) for page in text.stdout.split("\f")[:-1]]


def test_one_pdf_per_record_whatever_its_length(tmp_path: Path) -> None:
    # record n has n page-long paragraphs (a page break between them): 1, 2, 3, 1, 2 … pages
    template = build(
        [
            "{%p for part in parts %}",
            "Hồ sơ {{ name }} trang {{ part }}",
            "{%p if not loop.last %}",
            "{{r page_break }}",
            "{%p endif %}",
            "{%p endfor %}",
        ]
    )
    records = [
        {"name": f"Người {i}", "parts": list(range(1, i % 3 + 2)), "page_break": Rich("\f")}
        for i in range(1, 8)
    ]
    paths = render_pdfs(template, records, tmp_path, filename="{name}.pdf", batch_size=3)
    assert [p.name for p in paths] == [f"Người {i}.pdf" for i in range(1, 8)]
    for record, path in zip(records, paths, strict=True):
        pages = pdf_pages(path)
        assert len(pages) == len(record["parts"]), (path.name, pages)
        for number, page in enumerate(pages, start=1):
            assert f"Hồ sơ {record['name']} trang {number}" in page
    with pytest.raises(ExistingFilesError):
        render_pdfs(template, records, tmp_path, filename="{name}.pdf")
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")]  # no staging left


def test_certificate_pdfs_match_the_certificates(tmp_path: Path) -> None:
    event = load_event(example_event())
    paths = documents.certificate_pdfs(event.decision, tmp_path, register_start=125)
    names = [h.name for h in event.honorees.ordered]
    assert len(paths) == len(names) == 15
    assert paths[0].name == "01 Phòng Quản lý Thương mại.pdf"
    for index, (path, name) in enumerate(zip(paths, names, strict=True)):
        [page] = pdf_pages(path)
        assert name in page and "GIẤY KHEN" in page and f"Số sổ vàng: {125 + index}" in page


def test_warm_converter(tmp_path: Path) -> None:
    document = documents.decision(load_event(example_event()).decision)
    with PdfConverter(timeout=120) as converter:
        first = converter.convert(document)
        second = converter.convert(document)
        assert first[:5] == second[:5] == b"%PDF-"
        (tmp_path / "a.pdf").write_bytes(second)
        assert "QUYẾT ĐỊNH" in pdf_pages(tmp_path / "a.pdf")[0]
        process = converter.office.process
        assert process is not None and converter.running
        os.killpg(process.pid, signal.SIGKILL)  # LibreOffice dies: the next conversion starts another
        process.wait()
        third = converter.convert(document)
        assert third[:5] == b"%PDF-" and converter.running
        folder = converter.office.folder
    assert not converter.running and not folder.exists()

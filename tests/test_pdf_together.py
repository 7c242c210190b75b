"""Documents of one template converted together (:mod:`reportkit.pdf.together`) give the pages
LibreOffice gives each of them alone: compared page by page, as pictures, with a plain
``soffice --convert-to pdf`` call listing the files — on documents built to lay out differently
after another one (sibling_docs.py), on the published Word documents of tests/data/realdocs with
their bodies changed as a mail merge changes them, and on the demo pack."""

from __future__ import annotations

import copy
import re
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pikepdf
import pytest
from lxml import etree

from reportkit import build_pack, load_event
from reportkit.pdf import ConverterPool, to_pdf
from reportkit.pdf import together as together_module
from reportkit.pdf.cutting import CutError
from reportkit.pdf.siblings import TemplateFacts, group_siblings, read_sibling
from reportkit.pdf.together import TogetherReport, convert_together
from reportkit.resources import example_event
from tests.sibling_docs import KINDS, siblings, with_body

pytestmark = pytest.mark.pdf

REALDOCS = Path(__file__).parent / "data" / "realdocs"
W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


@pytest.fixture(scope="module")
def pool() -> Iterator[ConverterPool]:
    """One LibreOffice: groups of three and more (the groups are cut to give each process
    some three of them)."""
    with ConverterPool(1) as converters:
        yield converters


def alone_pdfs(files: list[Path], folder: Path) -> dict[str, Path]:
    """The PDFs of one plain LibreOffice call listing *files*: what a user gets without
    reportkit (a call converts at most some 240 files: these lists are shorter)."""
    subprocess.run(
        ["soffice", f"-env:UserInstallation={(folder / 'profile').as_uri()}", "--headless",
         "--convert-to", "pdf", "--outdir", str(folder), *map(str, files)],
        check=True, capture_output=True, timeout=600,
    )  # fmt: skip
    return {file.stem: folder / f"{file.stem}.pdf" for file in files}


def together_pdfs(
    files: list[Path], folder: Path, pool: ConverterPool
) -> tuple[dict[str, Path], TogetherReport]:
    folder.mkdir()
    facts: dict[str, TemplateFacts] = {}
    report = convert_together([read_sibling(file, facts) for file in files], folder, pool, timeout=120)
    return {file.stem: folder / f"{file.stem}.pdf" for file in files}, report


def pictures(pdf: Path) -> list[bytes]:
    """The PDF's pages as grey pictures at 30 dpi (one PGM a page)."""
    out = subprocess.run(["pdftoppm", "-r", "30", "-gray", str(pdf)], capture_output=True, check=True).stdout
    pages, at = [], 0
    while at < len(out):  # P5\nW H\n255\n<W*H bytes>
        header = out[at:].split(b"\n", 3)
        width, height = map(int, header[1].split())
        start = at + sum(len(part) + 1 for part in header[:3])
        pages.append(out[start : start + width * height])
        at = start + width * height
    return pages


def assert_same_pages(alone: dict[str, Path], together: dict[str, Path]) -> None:
    different = [name for name in alone if pictures(alone[name]) != pictures(together[name])]
    assert different == [], f"pages differ from LibreOffice's own for {different}"


def page_count(pdf: Path) -> int:
    with pikepdf.open(pdf) as document:
        return len(document.pages)


def write_all(folder: Path, documents: dict[str, bytes]) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for name, data in documents.items():
        paths.append(folder / f"{name}.docx")
        paths[-1].write_bytes(data)
    return paths


@pytest.mark.parametrize("kind", KINDS)
def test_siblings_together_give_the_pages_each_gets_alone(
    kind: str, tmp_path: Path, pool: ConverterPool
) -> None:
    files = write_all(tmp_path / "in", {f"{kind}{n}": data for n, data in enumerate(siblings(kind, 8))})
    alone = alone_pdfs(files, tmp_path / "alone")
    together, report = together_pdfs(files, tmp_path / "together", pool)
    assert sum(report.groups) == 8 and len(report.groups) >= 2 and report.again == []
    if kind in ("fill", "table"):  # the documents end around the last line of their page
        assert {page_count(pdf) for pdf in alone.values()} == {1, 2}
    if kind in ("pages", "evenodd"):  # some start on an even page of the whole
        assert [page_count(alone[f"{kind}{n}"]) for n in range(4)] == [1, 2, 3, 1]
    assert_same_pages(alone, together)


def _real_variants() -> dict[str, bytes]:
    """Each published document, and two siblings of it: words of longer runs in reverse order
    (other line breaks), and the second half of the body twice (more pages)."""

    def reversed_words(xml: str) -> str:
        return re.sub(
            r"(<w:t(?: [^>]*)?>)([^<]{20,})(</w:t>)",
            lambda m: m.group(1) + " ".join(reversed(m.group(2).split(" "))) + m.group(3),
            xml,
        )

    def longer(xml: str) -> str:
        root = etree.fromstring(xml.encode("utf-8"))
        body = root.find(f"{{{W_NS}}}body")
        content = list(body)[:-1]  # the section properties stay last
        for element in content[len(content) // 2 :]:
            body.insert(len(body) - 1, copy.deepcopy(element))
        return etree.tostring(root, encoding="unicode")

    variants = {}
    for source in sorted(REALDOCS.glob("*.docx")):
        data = source.read_bytes()
        variants[f"{source.stem}_a"] = data
        variants[f"{source.stem}_b"] = with_body(data, reversed_words)
        variants[f"{source.stem}_c"] = with_body(data, longer)
    return variants


def test_published_documents_with_their_bodies_changed(tmp_path: Path, pool: ConverterPool) -> None:
    files = write_all(tmp_path / "in", _real_variants())
    alone = alone_pdfs(files, tmp_path / "alone")
    together, report = together_pdfs(files, tmp_path / "together", pool)
    assert report.again == []
    assert sum(report.groups) >= 36  # 13 of the 18 documents can go with their siblings
    left = {path.stem.rsplit("_", 1)[0] for path in report.alone}
    assert left >= {"BC02_De_an_06_thang_10", "KH01_thi_dua_CCHC_2026"}  # footnotes
    assert "QD03_kien_toan_doi_UCSC" in left  # a floating table at the start
    assert_same_pages(alone, together)


def test_the_demo_pack(tmp_path: Path, pool: ConverterPool) -> None:
    made = [
        p
        for p in build_pack(load_event(example_event()), tmp_path / "pack", pdf=False)
        if p.suffix == ".docx"
    ]
    files = []
    for index, path in enumerate(made):  # distinct names, one folder
        files.append(tmp_path / "in" / f"{index:02d}_{path.stem}.docx")
        files[-1].parent.mkdir(exist_ok=True)
        shutil.copy(path, files[-1])
    alone = alone_pdfs(files, tmp_path / "alone")
    together, report = together_pdfs(files, tmp_path / "together", pool)
    assert sum(report.groups) >= 40 and report.again == []
    assert_same_pages(alone, together)


def _catalogue(pdf: Path) -> tuple[dict[str, str], list[tuple[int, str, int]], str, bool]:
    """Document information (no date), the outline (depth, title, page), language, and whether
    the viewer shows the title."""
    with pikepdf.open(pdf) as document:
        info = {str(k): str(v) for k, v in document.docinfo.items() if k != "/CreationDate"}
        pages = {page.obj.objgen: n for n, page in enumerate(document.pages)}
        outline: list[tuple[int, str, int]] = []
        with document.open_outline() as tree:

            def walk(items: list[pikepdf.OutlineItem], depth: int) -> None:
                for item in items:
                    outline.append((depth, item.title, pages[item.destination[0].objgen]))
                    walk(item.children, depth + 1)

            walk(tree.root, 0)
        shows_title = bool(document.Root.get("/ViewerPreferences", {}).get("/DisplayDocTitle", False))
        return info, outline, str(document.Root.get("/Lang", "")), shows_title


def test_each_part_keeps_its_title_headings_and_language(tmp_path: Path, pool: ConverterPool) -> None:
    files = write_all(
        tmp_path / "in", {f"h{n}": data for n, data in enumerate(siblings("headings", 6, titles=True))}
    )
    alone = alone_pdfs(files, tmp_path / "alone")
    together, report = together_pdfs(files, tmp_path / "together", pool)
    assert sum(report.groups) == 6
    for name in alone:
        assert _catalogue(together[name]) == _catalogue(alone[name])
    info, outline, _, shows = _catalogue(together["h3"])
    assert (
        info["/Title"] == "Hồ sơ số 4"
        and shows
        and [title for _, title, _ in outline] == ["Chương 4", "Mục 4.1"]
    )


def test_a_group_that_cannot_be_cut_is_converted_file_by_file(
    tmp_path: Path, pool: ConverterPool, monkeypatch: pytest.MonkeyPatch
) -> None:
    files = write_all(tmp_path / "in", {f"p{n}": data for n, data in enumerate(siblings("pages", 4))})

    def refuse(pdf: Path, *args: object, **kwargs: object) -> list[Path]:
        raise CutError(f"{pdf.name}: refused by the test")

    monkeypatch.setattr(together_module, "cut_pdf", refuse)
    together, report = together_pdfs(files, tmp_path / "together", pool)
    assert report.groups == [] and sorted(report.again) == sorted(files)
    assert_same_pages(alone_pdfs(files, tmp_path / "alone"), together)


def test_a_group_libreoffice_fails_on_is_converted_file_by_file(
    tmp_path: Path, pool: ConverterPool, monkeypatch: pytest.MonkeyPatch
) -> None:
    files = write_all(tmp_path / "in", {f"n{n}": data for n, data in enumerate(siblings("numbered", 4))})
    monkeypatch.setattr(
        together_module, "write_together", lambda group, target: target.write_bytes(b"PK broken")
    )
    together, report = together_pdfs(files, tmp_path / "together", pool)
    assert report.groups == [] and sorted(report.again) == sorted(files)
    assert all(page_count(pdf) == 1 for pdf in together.values())


def test_to_pdf_converts_siblings_together_by_default(tmp_path: Path) -> None:
    files = write_all(tmp_path / "in", {f"t{n}": data for n, data in enumerate(siblings("table", 6))})
    groups, alone = group_siblings(files, 2)
    assert sum(len(group) for group in groups) == 6 and alone == []
    pdfs = to_pdf(files, tmp_path / "pdf")
    assert [p.name for p in pdfs] == [f"t{n}.pdf" for n in range(6)]
    assert sorted(p.name for p in (tmp_path / "pdf").iterdir()) == [p.name for p in pdfs]  # no staging left
    one_by_one = to_pdf(files, tmp_path / "one_by_one", together=False)
    assert [pictures(a) for a in pdfs] == [pictures(b) for b in one_by_one]


def test_a_group_past_its_time_is_converted_file_by_file(
    tmp_path: Path, pool: ConverterPool, monkeypatch: pytest.MonkeyPatch
) -> None:
    # a layout LibreOffice cannot settle (once: a floating table starting a section) must not
    # hold the batch: the group's LibreOffice is killed at its time, the files go one by one
    files = write_all(tmp_path / "in", {f"f{n}": data for n, data in enumerate(siblings("fill", 4))})
    monkeypatch.setattr(together_module, "_group_timeout", lambda timeout, size: 0.01)
    together, report = together_pdfs(files, tmp_path / "together", pool)
    assert report.groups == [] and sorted(report.again) == sorted(files)
    assert_same_pages(alone_pdfs(files, tmp_path / "alone"), together)

"""Which files go together (:mod:`reportkit.pdf.siblings`): documents of one template, and
none whose pages would change after another document — each reason named."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from reportkit.pdf.siblings import MAX_TOGETHER, group_siblings, read_sibling
from tests.sibling_docs import siblings, with_body

W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def _first_text(xml: str, replacement: str) -> str:
    """*xml* with the first run of the body replaced by *replacement*."""
    return re.sub(r"<w:r>.*?</w:r>", replacement, xml, count=1, flags=re.DOTALL)


def _second_paragraph_end(xml: str, insertion: str) -> str:
    """*insertion* put at the end of the body's second paragraph's properties."""
    paragraphs = [m.start() for m in re.finditer(r"<w:p[ >]", xml)]
    at = paragraphs[1]
    head_end = xml.index(">", at) + 1
    return xml[:head_end] + f"<w:pPr>{insertion}</w:pPr>" + xml[head_end:]


SECTION = '<w:sectPr><w:pgSz w:w="11906" w:h="16838"/>{}</w:sectPr>'
CHANGES = {
    "a NUMPAGES field": lambda x: _first_text(
        x, '<w:fldSimple w:instr=" NUMPAGES "><w:r><w:t>2</w:t></w:r></w:fldSimple>'
    ),
    "a SEQ field": lambda x: _first_text(
        x,
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> SE</w:instrText>'
        '</w:r><w:r><w:instrText>Q Bảng </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>'
        '<w:r><w:t>1</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>',
    ),
    "notes or comments": lambda x: _first_text(x, '<w:r><w:footnoteReference w:id="1"/></w:r>'),
    "tracked changes": lambda x: _first_text(
        x, '<w:ins w:id="1" w:author="A"><w:r><w:t>mới</w:t></w:r></w:ins>'
    ),
    "form fields or embedded objects": lambda x: _first_text(
        x, '<w:r><w:fldChar w:fldCharType="begin"><w:ffData><w:name w:val="a"/></w:ffData></w:fldChar></w:r>'
    ),
    "a link inside the document": lambda x: _first_text(
        x, '<w:hyperlink w:anchor="a"><w:r><w:t>xem</w:t></w:r></w:hyperlink>'
    ),
    "a section that starts on an odd or even page": lambda x: _second_paragraph_end(
        x, SECTION.format('<w:type w:val="oddPage"/>')
    ),
    "page numbers restarted": lambda x: _second_paragraph_end(x, SECTION.format("")).replace(
        "<w:cols ", '<w:pgNumType w:start="1"/><w:cols '
    ),
    "line numbers": lambda x: _second_paragraph_end(x, SECTION.format('<w:lnNumType w:countBy="1"/>')),
    "a page break before the first paragraph": lambda x: x.replace(
        "<w:p>", "<w:p><w:pPr><w:pageBreakBefore/></w:pPr>", 1
    ),
    "paragraphs numbered by their style": lambda x: x.replace(
        "<w:p>", '<w:p><w:pPr><w:pStyle w:val="ListNumber"/></w:pPr>', 1
    ),
    "a floating table at the start": lambda x: x.replace(
        "<w:body>",
        '<w:body><w:tbl><w:tblPr><w:tblpPr w:tblpY="-178"/></w:tblPr><w:tblGrid><w:gridCol w:w="2000"/>'
        "</w:tblGrid><w:tr><w:tc><w:p><w:r><w:t>A</w:t></w:r></w:p></w:tc></w:tr></w:tbl>",
        1,
    ),
}


@pytest.mark.parametrize("reason", sorted(CHANGES))
def test_a_document_that_would_change_beside_another_goes_alone(reason: str, tmp_path: Path) -> None:
    plain, other = siblings("fill", 2)
    (tmp_path / "a.docx").write_bytes(plain)
    (tmp_path / "b.docx").write_bytes(with_body(other, CHANGES[reason]))
    facts: dict[str, object] = {}
    assert read_sibling(tmp_path / "a.docx", facts).alone is None  # type: ignore[arg-type]
    assert read_sibling(tmp_path / "b.docx", facts).alone == reason  # type: ignore[arg-type]
    groups, alone = group_siblings([tmp_path / "a.docx", tmp_path / "b.docx"], 1)
    assert groups == [] and sorted(alone) == [tmp_path / "a.docx", tmp_path / "b.docx"]


def test_a_document_numbered_from_an_even_page_goes_alone(tmp_path: Path) -> None:
    even = with_body(
        siblings("fill", 1)[0], lambda x: x.replace("<w:cols ", '<w:pgNumType w:start="2"/><w:cols ')
    )
    (tmp_path / "even.docx").write_bytes(even)  # LibreOffice puts a blank page before its page 2
    assert read_sibling(tmp_path / "even.docx", {}).alone == "page numbers restarted"
    odd = with_body(
        siblings("fill", 1)[0], lambda x: x.replace("<w:cols ", '<w:pgNumType w:start="3"/><w:cols ')
    )
    (tmp_path / "odd.docx").write_bytes(odd)
    assert read_sibling(tmp_path / "odd.docx", {}).alone is None


def test_one_paragraph_is_alone_and_a_page_field_is_not(tmp_path: Path) -> None:
    documents = siblings("pages", 3)  # footers with PAGE fields: they go together
    one = with_body(
        documents[0],
        lambda x: re.sub(r"<w:p>.*</w:p>", "<w:p><w:r><w:t>Một</w:t></w:r></w:p>", x, flags=re.DOTALL),
    )
    for name, data in zip("abc", [one, *documents[1:]], strict=True):
        (tmp_path / f"{name}.docx").write_bytes(data)
    groups, alone = group_siblings(sorted(tmp_path.glob("*.docx")), 1)
    assert [[s.path.name for s in g] for g in groups] == [["b.docx", "c.docx"]] and alone == [
        tmp_path / "a.docx"
    ]
    assert read_sibling(tmp_path / "a.docx", {}).alone == "a first paragraph that closes a section"


def test_a_header_field_counting_pages_keeps_the_whole_template_apart(tmp_path: Path) -> None:
    documents = siblings("pages", 2)
    import io
    import zipfile

    def numpages_footer(data: bytes) -> bytes:
        source = zipfile.ZipFile(io.BytesIO(data))
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w") as target:
            for name in source.namelist():
                part = source.read(name)
                if name.startswith("word/footer") and b"PAGE" in part:
                    part = part.replace(b" PAGE ", b" NUMPAGES ")
                target.writestr(name, part)
        return out.getvalue()

    for index, data in enumerate(documents):
        (tmp_path / f"{index}.docx").write_bytes(numpages_footer(data))
    facts: dict[str, object] = {}
    reasons = {read_sibling(p, facts).alone for p in sorted(tmp_path.glob("*.docx"))}  # type: ignore[arg-type]
    assert len(reasons) == 1 and next(iter(reasons)).startswith("a NUMPAGES field in footer")


def test_templates_apart_properties_aside(tmp_path: Path) -> None:
    titled = siblings("link", 3, titles=True)  # own titles (docProps) still siblings
    other = siblings("fill", 2)  # python-docx's template too, but other parts
    for index, data in enumerate([*titled, *other]):
        (tmp_path / f"{index}.docx").write_bytes(data)
    facts: dict[str, object] = {}
    keys = [read_sibling(tmp_path / f"{i}.docx", facts).key for i in range(5)]  # type: ignore[arg-type]
    assert keys[0] == keys[1] == keys[2] != keys[3] == keys[4]
    assert read_sibling(tmp_path / "0.docx", {}).info["/Title"] == "Hồ sơ số 1"


def test_a_document_leaving_out_a_footer_never_follows_one_that_has_it(tmp_path: Path) -> None:
    with_footer = siblings("pages", 3)
    without = with_body(with_footer[2], lambda x: re.sub(r"<w:footerReference [^>]*/>", "", x))
    (tmp_path / "1.docx").write_bytes(with_footer[1])
    (tmp_path / "2.docx").write_bytes(without)  # would inherit 1's footers after it
    (tmp_path / "0.docx").write_bytes(with_footer[0])
    groups, alone = group_siblings([tmp_path / "1.docx", tmp_path / "2.docx", tmp_path / "0.docx"], 1)
    assert [[s.path.name for s in g] for g in groups] == [["2.docx", "0.docx"]]  # not [1, 2]
    assert alone == [tmp_path / "1.docx"]


def test_group_sizes(tmp_path: Path) -> None:
    data = siblings("table", 1)[0]
    files = []
    for index in range(130):
        files.append(tmp_path / f"{index:03d}.docx")
        files[-1].write_bytes(data)
    groups, alone = group_siblings(files, 2)  # some three groups a process: 22
    assert [len(g) for g in groups] == [22] * 5 + [20] and alone == []
    groups, _ = group_siblings(files * 3, 1)
    assert max(len(g) for g in groups) == MAX_TOGETHER
    groups, alone = group_siblings(files[:1], 2)
    assert groups == [] and alone == files[:1]


def test_a_file_that_is_not_read_goes_alone(tmp_path: Path) -> None:
    (tmp_path / "x.docx").write_bytes(b"not a zip")
    sibling = read_sibling(tmp_path / "x.docx", {})
    assert sibling.alone is not None and sibling.alone.startswith("not read here")


@pytest.mark.parametrize("kind", ["numbered", "pages", "table", "landscape"])
def test_the_document_of_a_group_is_a_valid_package(kind: str, tmp_path: Path) -> None:
    from reportkit.pdf.together import write_together
    from tests.test_validity import assert_adds_no_schema_error

    made = siblings(kind, 4)
    for index, data in enumerate(made):
        (tmp_path / f"{index}.docx").write_bytes(data)
    groups, _ = group_siblings(sorted(tmp_path.glob("*.docx")), 1)
    for number, members in enumerate(groups):
        write_together(members, tmp_path / f"together{number}.docx")
        assert_adds_no_schema_error(made[0], (tmp_path / f"together{number}.docx").read_bytes())

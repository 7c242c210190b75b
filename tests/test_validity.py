"""Every package the library writes is valid WordprocessingML: the ECMA-376 schemas, checked by
an independent validator (openxml-audit), and python-docx opens it again."""

from __future__ import annotations

import io
import tempfile
from pathlib import Path

import docx
import pytest
from openxml_audit import OpenXmlValidator

from reportkit import documents
from reportkit.pack import Event, build_pack, load_event
from reportkit.resources import example_event, templates_folder
from tests.stress import decision_with, many, stress_honorees

VALIDATOR = OpenXmlValidator()


def schema_errors(data: bytes) -> set[str]:
    """What the validator finds in the package *data*."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "checked.docx"
        path.write_bytes(data)
        return {str(e) for e in VALIDATOR.validate(path).errors}


def assert_valid(data: bytes, name: str) -> None:
    errors = schema_errors(data)
    assert not errors, f"{name}: " + "; ".join(sorted(errors)[:5])
    docx.Document(io.BytesIO(data))


def assert_adds_no_schema_error(before: bytes, after: bytes) -> None:
    """*after* (a render of a template built with python-docx, whose default package has
    findings of its own) has no finding *before* lacks."""
    added = schema_errors(after) - schema_errors(before)
    assert not added, "; ".join(sorted(added)[:5])


@pytest.fixture(scope="module")
def event() -> Event:
    return load_event(example_event())


@pytest.mark.parametrize("name", sorted(p.name for p in templates_folder().glob("*.docx")))
def test_builtin_templates_are_valid(name: str) -> None:
    assert_valid((templates_folder() / name).read_bytes(), name)


def test_the_validator_catches_what_word_refuses() -> None:
    # the defect this test exists for: w:tblLayout twice and after w:tblLook
    data = (templates_folder() / "giay_khen.docx").read_bytes()
    import zipfile

    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as target:
        for info in source.infolist():
            part = source.read(info)
            if info.filename == "word/document.xml":
                part = part.replace(b"</w:tblPr>", b'<w:tblLayout w:type="fixed"/></w:tblPr>', 1)
            target.writestr(info, part)
    with pytest.raises(AssertionError, match="tblLayout"):
        assert_valid(out.getvalue(), "broken")


def test_every_document_of_the_seed_pack_is_valid(event: Event, tmp_path: Path) -> None:
    written = build_pack(event, tmp_path, pdf=False)
    assert len(written) >= 20
    for path in written:
        assert_valid(path.read_bytes(), path.name)


def test_builder_variants_are_valid(event: Event, tmp_path: Path) -> None:
    decision = event.decision
    outputs = {
        "appendix": documents.honoree_list(decision, appendix="I"),
        "no amounts": documents.honoree_list(decision, show_amounts=False),
        "merged certificates": documents.certificates(decision),
    }
    overlay = documents.certificates(decision, tmp_path / "overlay", overlay=True, offset_mm=(2, -1))
    assert isinstance(overlay, list)
    outputs["overlay"] = overlay[0].read_bytes()
    merged_invitations = documents.invitations(
        event.conference,
        event.issued(event.config.invitation, "Giấy mời"),
        tmp_path,
        merge=True,  # type: ignore[arg-type]
    )
    outputs["merged invitations"] = merged_invitations[0].read_bytes()
    for name, data in outputs.items():
        assert isinstance(data, bytes)
        assert_valid(data, name)


def test_stress_pack_is_valid(event: Event) -> None:
    for honorees in (stress_honorees(), many(250, collectives=10)):
        decision = decision_with(event, honorees)
        for name, data in (
            ("decision", documents.decision(decision)),
            ("list", documents.honoree_list(decision)),
            ("certificates", documents.certificates(decision)),
        ):
            assert isinstance(data, bytes)
            assert_valid(data, name)


def test_thank_you_letters_are_valid(event: Event, tmp_path: Path) -> None:
    assert event.conference is not None
    letter = event.issued(event.config.letter, None)
    assert letter is not None
    for path in documents.thank_you_letters(event.conference, letter, tmp_path):
        assert_valid(path.read_bytes(), path.name)


def test_rich_content_cell_tags_and_subdocs_are_valid() -> None:
    """Every feature that writes new XML — hyperlinks, run properties, page and paragraph breaks,
    paragraphs from data, a sub-document with a picture, merged and shaded cells, a widened grid,
    templated properties — in one package on a built-in template, through the validator."""
    from docx.shared import Mm

    from reportkit import Rich, RichParagraphs, Subdoc, Template
    from reportkit.resources import builtin_template
    from tests.test_compat_docxtpl import _png

    word = docx.Document(str(builtin_template("thu_khen.docx")))
    word.add_paragraph("Xem {{r link }} và {{ listing }}")
    word.add_paragraph("{{p paras }}")
    word.add_paragraph("{{p sub }}")
    table = word.add_table(rows=4, cols=3)
    table.cell(0, 0).text = "{% colspan 2 %}{% cellbg 'FFCC00' %}Gộp"
    table.cell(1, 0).text, table.cell(3, 0).text = "{%tr for r in rows %}", "{%tr endfor %}"
    table.cell(2, 0).text, table.cell(2, 1).text = "{% vm %}Nhóm", "{{ r }}"
    grid = word.add_table(rows=1, cols=4)
    for column, text in enumerate(["Năm", "{%tc for c in cols %}", "{{ c }}", "{%tc endfor %}"]):
        grid.cell(0, column).text = text
    word.core_properties.title = "Thư {{ ten }}"
    source = io.BytesIO()
    word.save(source)
    sub = docx.Document(str(builtin_template("thu_khen.docx")))
    for child in list(sub.element.body):
        if not child.tag.endswith("sectPr"):
            sub.element.body.remove(child)
    sub.add_paragraph("Phụ lục")
    sub.add_picture(io.BytesIO(_png(20, 10)), width=Mm(20))
    sub_bytes = io.BytesIO()
    sub.save(sub_bytes)
    link = Rich("văn bản", url="https://thuvienphapluat.vn/?q=a&b=1", strike=True, highlight="yellow")
    context = {
        "link": link.add("2", vertical="superscript").add(" nền", highlight="FFFF00"),
        "listing": Rich("a\fb\ac"),
        "paras": RichParagraphs("một").add("hai"),
        "sub": Subdoc(sub_bytes.getvalue()),
        "rows": [1, 2],
        "cols": ["2019", "2020", "2021", "2022"],
        "ten": "Lan",
    }
    data = Template(source.getvalue(), strict=False).render(context)
    assert_valid(data, "features")
    assert docx.Document(io.BytesIO(data)).core_properties.title == "Thư Lan"

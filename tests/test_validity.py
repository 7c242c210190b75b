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


def assert_valid(data: bytes, name: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "checked.docx"
        path.write_bytes(data)
        result = VALIDATOR.validate(path)
    assert not result.errors, f"{name}: " + "; ".join(str(e) for e in result.errors[:5])
    docx.Document(io.BytesIO(data))


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
        event.conference, event.issued(event.config.invitation, "Giấy mời"), tmp_path, merge=True  # type: ignore[arg-type]
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

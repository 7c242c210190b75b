"""Hardening: injection payloads, hostile data, hostile or broken templates, interrupted batches,
and property tests over every model."""

from __future__ import annotations

import io
import os
import signal
import subprocess
import sys
import time
import unicodedata
import zipfile
import zlib
from pathlib import Path

import docx
import pytest
from hypothesis import given
from hypothesis import strategies as st

from reportkit import (
    PackageError,
    SecurityError,
    Template,
    TemplateSyntaxError,
    UndefinedVariableError,
    ZipLimits,
    documents,
    render_many,
)
from reportkit.engine.escaping import clean_text
from tests import strategies
from tests.docx_helpers import build, document_text, every_part_parses

PAYLOADS = [
    line
    for line in (Path(__file__).parent / "fixtures" / "ssti_payloads.txt")
    .read_text(encoding="utf-8")
    .splitlines()
    if line.strip() and not line.startswith("#")
]


def test_payload_list_is_broad() -> None:
    assert len(PAYLOADS) >= 70


@pytest.mark.parametrize("strict", [True, False], ids=["strict", "lenient"])
@pytest.mark.parametrize("payload", PAYLOADS)
def test_injection_payloads_raise_security_error(payload: str, strict: bool, tmp_path: Path) -> None:
    canary = tmp_path / "canary"
    text = payload.replace("CANARY", str(canary))
    template = Template(build(["Giấy khen", "Kính gửi: " + text]), strict=strict)
    with pytest.raises(SecurityError) as info:
        template.render({"x": "abc"})
    assert info.value.part == "word/document.xml" and info.value.location == "paragraph 2"
    assert not canary.exists()


def test_payload_in_data_is_just_text() -> None:
    template = Template(build(["{{ a }}"]))
    for payload in PAYLOADS:
        out = template.render({"a": payload})
        assert document_text(out)["body"] == [clean_text(payload)]


# -- data is data -----------------------------------------------------------------------------

DATA_TEMPLATE = Template(
    build(
        ["{{ a }}", "{%p for i in items %}", "[{{ i }}]", "{%p endfor %}"],
        tables=[[["{{ a }}", "{{ n }}"]]],
        header="{{ a }}",
    )
)


def expected_text(value: str) -> str:
    return unicodedata.normalize("NFC", clean_text(value)).replace("\r\n", "\n").replace("\r", "\n")


@given(strategies.contexts)
def test_any_string_is_written_exactly(context: dict) -> None:
    out = DATA_TEMPLATE.render(context)
    every_part_parses(out)
    texts = document_text(out)
    a = expected_text(context["a"])
    assert texts["body"][0] == a
    assert texts["body"][1 : 1 + len(context["items"])] == [f"[{expected_text(i)}]" for i in context["items"]]
    assert texts["header0"] == [a]
    table = docx.Document(io.BytesIO(out)).tables[0]
    assert table.cell(0, 0).text == a and table.cell(0, 1).text == str(context["n"])


def test_huge_and_nfd_values() -> None:
    big = "Nguye\u0302\u0303n Văn Thành <&> " * 5000
    out = DATA_TEMPLATE.render({"a": big, "items": [], "n": 1})
    assert len(big) > 100_000
    assert document_text(out)["body"][0] == unicodedata.normalize("NFC", big)


# -- hostile or broken templates -----------------------------------------------------------------


def _replace_part(data: bytes, name: str, content: bytes) -> bytes:
    source = zipfile.ZipFile(io.BytesIO(data))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            target.writestr(info.filename, content if info.filename == name else source.read(info.filename))
    return buffer.getvalue()


def _zip(files: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in files.items():
            archive.writestr(name, data)
    return buffer.getvalue()


BASE = build(["{{ a }}"])
XXE = b'<?xml version="1.0"?><!DOCTYPE w [<!ENTITY x SYSTEM "file:///etc/passwd">]><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>&x; {{ a }}</w:t></w:r></w:p></w:body></w:document>'
LAUGHS = (
    b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
    + b"".join(
        f'<!ENTITY lol{i} "{("&lol" + str(i - 1) + ";") * 10 if i > 1 else "&lol;" * 10}">'.encode()
        for i in range(1, 10)
    )
    + b']><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>&lol9; {{ a }}</w:t></w:r></w:p></w:body></w:document>'
)


def _without(data: bytes, name: str) -> bytes:
    source = zipfile.ZipFile(io.BytesIO(data))
    return _zip({n: source.read(n) for n in source.namelist() if n != name})


def _bomb(size: int) -> bytes:
    return _zip({"[Content_Types].xml": b"<Types/>", "word/document.xml": b"<" + b" " * size + b">"})


def _lying_sizes() -> bytes:
    data = bytearray(
        _zip(
            {
                "[Content_Types].xml": zipfile.ZipFile(io.BytesIO(BASE)).read("[Content_Types].xml"),
                "_rels/.rels": zipfile.ZipFile(io.BytesIO(BASE)).read("_rels/.rels"),
                "word/document.xml": b"{{ a }}" * 100_000,
            }
        )
    )
    # shrink the declared uncompressed size of word/document.xml in the central directory
    index = data.rfind(b"word/document.xml") - 46
    assert data[index : index + 4] == b"PK\x01\x02"
    data[index + 24 : index + 28] = (100).to_bytes(4, "little")
    return bytes(data)


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("not a zip", b"<html>hello</html>", "not a .docx"),
        ("truncated zip", BASE[: len(BASE) // 2], "corrupt"),
        ("empty", b"", "not a .docx"),
        ("legacy .doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 512, "Word 97-2003"),
        ("renamed .xlsx", _zip({"[Content_Types].xml": b"<Types/>", "xl/workbook.xml": b"<w/>"}), "Excel"),
        (
            "renamed .pptx",
            _zip({"[Content_Types].xml": b"<Types/>", "ppt/presentation.xml": b"<p/>"}),
            "PowerPoint",
        ),
        ("no content types", _zip({"word/document.xml": b"<w/>"}), "Content_Types"),
        ("no document part", _without(BASE, "word/document.xml"), "document part"),
        ("external entity", _replace_part(BASE, "word/document.xml", XXE), "DOCTYPE"),
        ("billion laughs", _replace_part(BASE, "word/document.xml", LAUGHS), "DOCTYPE"),
        (
            "malformed xml",
            _replace_part(BASE, "word/document.xml", b"<w:document><w:body>{{ a }}"),
            "malformed",
        ),
        ("zip bomb ratio", _bomb(5_000_000), "ratio"),
        ("lying sizes", _lying_sizes(), "corrupt|size"),
    ],
    ids=lambda v: v if isinstance(v, str) and len(v) < 30 else "",
)
def test_broken_templates(name: str, data: bytes, message: str) -> None:
    with pytest.raises(PackageError, match=message):
        Template(data)


def test_zip_limits_are_configurable() -> None:
    with pytest.raises(PackageError, match="over the limit"):
        Template(BASE, limits=ZipLimits(max_total=10_000))
    with pytest.raises(PackageError, match="entries"):
        Template(BASE, limits=ZipLimits(max_entries=3))
    Template(BASE, limits=ZipLimits(max_total=10_000_000))


@pytest.mark.parametrize(
    ("paragraphs", "message"),
    [
        (["{% if a %}", "x"], "endif"),
        (["{{ a", "}}"], "not closed"),
        (["{%p for x in a %}", "x"], "endfor"),
        (["{% endfor %}"], "endfor"),
        (["{{ a }", "b"], "not closed"),
    ],
)
def test_unbalanced_tags(paragraphs: list[str], message: str) -> None:
    with pytest.raises(TemplateSyntaxError, match=message) as info:
        Template(build(paragraphs))
    assert info.value.part == "word/document.xml" and info.value.location


# -- nothing lost -------------------------------------------------------------------------------

KILL_SCRIPT = """
import sys
from reportkit import Template, render_many
from tests.docx_helpers import build
template = Template(build(["{{ ten }}"] * 40, header="{{ ten }}"))
render_many(template, [{"ten": f"Người {i}"} for i in range(4000)], sys.argv[1], resume=True)
"""


def _valid(path: Path) -> bool:
    data = path.read_bytes()
    every_part_parses(data)
    return docx.Document(io.BytesIO(data)).paragraphs[0].text.startswith("Người")


def test_sigkill_mid_batch_loses_nothing(tmp_path: Path) -> None:
    out = tmp_path / "out"
    root = Path(__file__).resolve().parent.parent
    kills = 0
    for wait_for in (150, 900):
        process = subprocess.Popen(
            [sys.executable, "-c", KILL_SCRIPT, str(out)],
            cwd=root,
            env=dict(os.environ, PYTHONPATH=str(root)),
        )
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline and (
            not out.exists() or sum(1 for _ in out.glob("*.docx")) < wait_for
        ):
            time.sleep(0.02)
        process.send_signal(signal.SIGKILL)
        process.wait()
        kills += 1
        files = sorted(out.glob("*.docx"))
        assert wait_for <= len(files) < 4000
        for path in files:
            assert _valid(path), path
    done = {p.name: p.stat().st_mtime_ns for p in out.glob("*.docx")}
    paths = render_many(
        Template(build(["{{ ten }}"] * 40, header="{{ ten }}")),
        [{"ten": f"Người {i}"} for i in range(4000)],
        out,
        resume=True,
    )
    assert len(paths) == 4000 and all(p.exists() for p in paths)
    assert {p.name: p.stat().st_mtime_ns for p in out.glob("*.docx") if p.name in done} == done
    assert not [p for p in out.iterdir() if not p.name.endswith(".docx")]
    assert kills == 2


def test_failure_mid_batch_keeps_complete_files(tmp_path: Path) -> None:
    records = [{"n": i} for i in range(1, 50)] + [{"n": 0}] + [{"n": i} for i in range(50, 60)]
    with pytest.raises(Exception, match="record 50"):
        render_many(Template(build(["{{ 100 / n }}"])), records, tmp_path)
    assert list(tmp_path.iterdir()) == []  # no partial batch without resume
    with pytest.raises(Exception, match="record 50"):
        render_many(Template(build(["{{ 100 / n }}"])), records, tmp_path, resume=True)
    files = sorted(tmp_path.iterdir())
    assert len(files) == 49 and all(f.suffix == ".docx" for f in files)
    for f in files:
        every_part_parses(f.read_bytes())


def test_existing_file_untouched_on_failed_render(tmp_path: Path) -> None:
    target = tmp_path / "a.docx"
    Template(build(["{{ a }}"])).render({"a": "cũ"}, target)
    before = target.read_bytes()
    with pytest.raises(UndefinedVariableError):
        Template(build(["{{ b }}"])).render({}, target)
    assert target.read_bytes() == before and list(tmp_path.iterdir()) == [target]


# -- properties over the models ------------------------------------------------------------------

GENERATED: list[bytes] = []


@given(strategies.decisions)
def test_any_decision_renders_a_valid_document(decision) -> None:  # type: ignore[no-untyped-def]
    data = documents.decision(decision)
    assert data is not None
    every_part_parses(data)
    document = docx.Document(io.BytesIO(data))
    text = "\n".join(p.text for p in document.paragraphs)
    assert decision.symbol in "\n".join(c.text for t in document.tables for r in t.rows for c in r.cells)
    assert f"cho {decision.honorees.count_text}" in text
    listing = documents.honoree_list(decision)
    assert listing is not None
    every_part_parses(listing)
    rows = docx.Document(io.BytesIO(listing)).tables[-1].rows
    assert len(rows) == 1 + len(decision.honorees.groups) + len(decision.honorees.honorees) + (
        1 if decision.honorees.has_amounts else 0
    )
    if len(GENERATED) < 6:
        GENERATED.append(data)


@given(strategies.honoree_lists, strategies.signers, strategies.agencies)
def test_models_round_trip_through_yaml(honorees, signer, agency) -> None:  # type: ignore[no-untyped-def]
    for model in (honorees, signer, agency):
        assert type(model).from_yaml(model.to_yaml()) == model
        assert type(model).from_json(model.to_json()) == model


@pytest.mark.pdf
def test_a_sample_of_generated_documents_converts_in_libreoffice(tmp_path: Path) -> None:
    from reportkit.pdf import to_pdf

    if not GENERATED:
        test_any_decision_renders_a_valid_document()
    paths = []
    for index, data in enumerate(GENERATED[:6]):
        path = tmp_path / f"generated_{index}.docx"
        path.write_bytes(data)
        paths.append(path)
    pdfs = to_pdf(paths, tmp_path / "pdf")
    assert len(pdfs) == len(paths) and all(p.stat().st_size > 1000 for p in pdfs)


@given(st.text(alphabet=st.characters(exclude_categories=[]), max_size=40))
def test_clean_text_is_xml_safe_and_nfc(value: str) -> None:
    cleaned = clean_text(value)
    assert unicodedata.is_normalized("NFC", cleaned)
    assert not any(
        0xD800 <= ord(c) <= 0xDFFF or c in "\ufffe\uffff" or (ord(c) < 0x20 and c not in "\t\n\r")
        for c in cleaned
    )
    assert zlib.crc32(cleaned.encode("utf-8")) >= 0

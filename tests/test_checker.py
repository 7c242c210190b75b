"""The format checker: built-in output passes; each document of a corpus breaking one rule
reports exactly that rule; rules drawn three ways; styles resolved as Word does."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import docx
import pytest
from docx.document import Document as DocumentObject
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, RGBColor

from reportkit import check, documents
from reportkit.pack import Event, build_pack, load_event
from reportkit.resources import example_event
from tests.nd30_asserts import all_paragraphs, find


@pytest.fixture(scope="module")
def event() -> Event:
    return load_event(example_event())


@pytest.fixture(scope="module")
def decision_bytes(event: Event) -> bytes:
    data = documents.decision(event.decision)
    assert data is not None
    return data


@pytest.fixture(scope="module")
def pack(tmp_path_factory: pytest.TempPathFactory, event: Event) -> Path:
    folder = tmp_path_factory.mktemp("checkpack")
    build_pack(event, folder, pdf=False)
    return folder


@pytest.mark.parametrize(
    "name",
    [
        "quyet_dinh_12-QĐ-SCT.docx",
        "danh_sach_kem_theo_quyet_dinh.docx",
        "bao_cao_ket_qua_hoi_nghi.docx",
        "thu_khen/thu_khen_01 Phòng Quản lý Thương mại.docx",
        "thu_khen/thu_khen_15 Phan Thị Yến.docx",
        "giay_moi/giay_moi_01 Nguyễn Văn Thành.docx",
    ],
)
def test_builtin_output_passes(pack: Path, name: str) -> None:
    report = check(pack / name)
    assert report.errors == [], report.text()
    assert report.ok


def _mutate(data: bytes, change: Callable[[DocumentObject], None]) -> bytes:
    document = docx.Document(io.BytesIO(data))
    change(document)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _set_runs(paragraph, **values) -> None:  # type: ignore[no-untyped-def]
    for run in paragraph.runs:
        for key, value in values.items():
            if key == "font":
                run.font.name = value
            elif key == "size":
                run.font.size = Pt(value)
            elif key == "color":
                run.font.color.rgb = RGBColor.from_string(value)
            else:
                setattr(run, key, value)


def _replace_text(document: DocumentObject, old: str, new: str) -> None:
    p = find(document, old)
    for run in p.runs[1:]:
        run._r.getparent().remove(run._r)
    p.runs[0].text = new


def _drop_recipients(document: DocumentObject) -> None:
    label = find(document, "Nơi nhận:")
    cell = label._p.getparent()
    for p in list(cell.iterchildren(qn("w:p"))):
        cell.remove(p)
    cell.append(OxmlElement("w:p"))


def _no_motto_rule(document: DocumentObject) -> None:
    nxt = find(document, "Độc lập - Tự do - Hạnh phúc")._p.getnext()
    nxt.getparent().remove(nxt)


def _long_agency_rule(document: DocumentObject) -> None:
    nxt = find(document, "SỞ CÔNG THƯƠNG")._p.getnext()
    nxt.find(qn("w:pPr")).find(qn("w:ind")).set(qn("w:left"), "0")
    nxt.find(qn("w:pPr")).find(qn("w:ind")).set(qn("w:right"), "0")


def _footer_page_number(document: DocumentObject) -> None:
    section = document.sections[0]
    field = OxmlElement("w:fldSimple")
    field.set(qn("w:instr"), "PAGE")
    section.footer.paragraphs[0]._p.append(field)


def _body_12pt(document: DocumentObject) -> None:
    for p in all_paragraphs(document):
        if p.text.startswith("Điều"):
            _set_runs(p, size=12)


CORPUS: dict[str, tuple[str, Callable[[DocumentObject], None]]] = {
    "wrong-margin": ("page-margins", lambda d: setattr(d.sections[0], "left_margin", Mm(25))),
    "letter-paper": (
        "page-size",
        lambda d: (
            setattr(d.sections[0], "page_width", Mm(216)),
            setattr(d.sections[0], "page_height", Mm(279)),
        ),
    ),
    "arial": ("font-family", lambda d: [_set_runs(p, font="Arial") for p in all_paragraphs(d)]),
    "blue-text": ("font-color", lambda d: _set_runs(find(d, "QUYẾT ĐỊNH:"), color="0000FF")),
    "motto-not-bold": ("motto", lambda d: _set_runs(find(d, "Độc lập - Tự do - Hạnh phúc"), bold=False)),
    "motto-without-rule": ("motto-rule", _no_motto_rule),
    "national-title-14pt": (
        "national-title",
        lambda d: _set_runs(find(d, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"), size=14),
    ),
    "agency-not-bold": ("agency", lambda d: _set_runs(find(d, "SỞ CÔNG THƯƠNG"), bold=False)),
    "agency-rule-too-long": ("agency-rule", _long_agency_rule),
    "date-unpadded": (
        "place-date",
        lambda d: _replace_text(
            d, "Hải Phòng, ngày 15 tháng 6 năm 2021", "Hải Phòng, ngày 5 tháng 1 năm 2021"
        ),
    ),
    "date-month-padded": (
        "place-date",
        lambda d: _replace_text(
            d, "Hải Phòng, ngày 15 tháng 6 năm 2021", "Hải Phòng, ngày 15 tháng 06 năm 2021"
        ),
    ),
    "number-unpadded": ("number", lambda d: _replace_text(d, "Số: 12/QĐ-SCT", "Số: 5/QĐ-SCT")),
    "type-not-bold": ("document-type", lambda d: _set_runs(find(d, "QUYẾT ĐỊNH"), bold=False)),
    "basis-upright": (
        "legal-basis",
        lambda d: _set_runs(next(p for p in all_paragraphs(d) if p.text.startswith("Căn cứ")), italic=False),
    ),
    "body-12pt": ("body-size", _body_12pt),
    "no-recipients": ("recipients-missing", _drop_recipients),
    "no-archive-line": ("recipients", lambda d: _replace_text(d, "- Lưu: VT, VP.", "- Lãnh đạo Sở.")),
    "signer-not-bold": ("signature", lambda d: _set_runs(find(d, "Trần Minh Quang"), bold=False)),
    "page-number-on-page-1": (
        "page-number",
        lambda d: setattr(d.sections[0], "different_first_page_header_footer", False),
    ),
    "page-number-in-footer": ("page-number", _footer_page_number),
}


def test_decision_has_no_findings(decision_bytes: bytes) -> None:
    assert check(decision_bytes).findings == []


@pytest.mark.parametrize("case", list(CORPUS), ids=list(CORPUS))
def test_each_broken_rule_is_reported_alone(decision_bytes: bytes, case: str) -> None:
    rule, change = CORPUS[case]
    report = check(_mutate(decision_bytes, change))
    assert report.rules == {rule}, report.text()
    assert not report.ok
    finding = report.findings[0]
    assert finding.vi and finding.en and finding.expected and finding.found


def test_finding_names_place_and_values(decision_bytes: bytes) -> None:
    report = check(_mutate(decision_bytes, CORPUS["date-unpadded"][1]))
    [finding] = report.findings
    assert finding.where == "table 1, row 2, cell 2"
    assert (
        finding.expected == "Hải Phòng, ngày 05 tháng 01 năm 2021"
        and finding.found == "Hải Phòng, ngày 5 tháng 1 năm 2021"
    )
    assert "ngày dưới 10" in finding.vi


def _rule_as_underscores(document: DocumentObject) -> None:
    motto = find(document, "Độc lập - Tự do - Hạnh phúc")
    old = motto._p.getnext()
    new = OxmlElement("w:p")
    run = OxmlElement("w:r")
    text = OxmlElement("w:t")
    text.text = "_" * 26  # 26 × half an em at 13 pt ≈ 60 mm: as long as the motto
    run.append(text)
    new.append(run)
    old.addprevious(new)
    old.getparent().remove(old)
    for r in new.iter(qn("w:r")):
        rpr = OxmlElement("w:rPr")
        fonts = OxmlElement("w:rFonts")
        fonts.set(qn("w:ascii"), "Times New Roman")
        fonts.set(qn("w:hAnsi"), "Times New Roman")
        rpr.append(fonts)
        size = OxmlElement("w:sz")
        size.set(qn("w:val"), "26")
        rpr.append(size)
        r.insert(0, rpr)


def _rule_as_shape(document: DocumentObject) -> None:
    motto = find(document, "Độc lập - Tự do - Hạnh phúc")
    old = motto._p.getnext()
    xml = (
        '<w:p xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
        'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
        'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
        'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape">'
        '<w:r><w:drawing><wp:anchor behindDoc="0" distT="0" distB="0" distL="0" distR="0" simplePos="0" locked="0" layoutInCell="1" allowOverlap="1" relativeHeight="1">'
        '<wp:simplePos x="0" y="0"/><wp:positionH relativeFrom="column"><wp:posOffset>500000</wp:posOffset></wp:positionH>'
        '<wp:positionV relativeFrom="paragraph"><wp:posOffset>0</wp:posOffset></wp:positionV>'
        '<wp:extent cx="2160000" cy="0"/><wp:wrapNone/><wp:docPr id="99" name="Line"/>'
        '<a:graphic><a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape">'
        '<wps:wsp><wps:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="2160000" cy="0"/></a:xfrm><a:prstGeom prst="line"><a:avLst/></a:prstGeom></wps:spPr><wps:bodyPr/></wps:wsp>'
        "</a:graphicData></a:graphic></wp:anchor></w:drawing></w:r></w:p>"
    )
    from lxml import etree

    old.addprevious(etree.fromstring(xml))
    old.getparent().remove(old)


@pytest.mark.parametrize("form", [_rule_as_underscores, _rule_as_shape], ids=["underscores", "line-shape"])
def test_rules_drawn_other_ways_are_recognised(
    decision_bytes: bytes, form: Callable[[DocumentObject], None]
) -> None:
    assert check(_mutate(decision_bytes, form)).findings == []


def test_short_shape_rule_is_judged(decision_bytes: bytes) -> None:
    def short(document: DocumentObject) -> None:
        _rule_as_shape(document)
        for extent in document.element.body.iter(
            "{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}extent"
        ):
            extent.set("cx", "720000")  # 20 mm under a 60 mm motto

    report = check(_mutate(decision_bytes, short))
    assert report.rules == {"motto-rule"}


def test_formatting_inherited_from_styles_counts(decision_bytes: bytes) -> None:
    def via_style(document: DocumentObject) -> None:
        style = document.styles.add_style("Tieu ngu", 1)
        style.font.bold = True
        style.font.size = Pt(14)
        style.font.name = "Times New Roman"
        motto = find(document, "Độc lập - Tự do - Hạnh phúc")
        motto.style = style
        for run in motto.runs:
            rpr = run._r.rPr
            for tag in ("w:b", "w:bCs", "w:sz", "w:szCs"):
                element = rpr.find(qn(tag))
                if element is not None:
                    rpr.remove(element)

    assert check(_mutate(decision_bytes, via_style)).findings == []

    def style_not_bold(document: DocumentObject) -> None:
        via_style(document)
        document.styles["Tieu ngu"].font.bold = False

    assert check(_mutate(decision_bytes, style_not_bold)).rules == {"motto"}


def test_theme_fonts_resolve() -> None:
    # python-docx's default document is in the theme's minor font (Calibri): not Times New Roman
    document = docx.Document()
    document.add_paragraph("Một đoạn văn bản bằng phông chữ mặc định của Word, đủ dài để là thân văn bản.")
    out = io.BytesIO()
    document.save(out)
    report = check(out.getvalue())
    fonts = [f for f in report.findings if f.rule == "font-family"]
    assert fonts and fonts[0].found in ("Calibri", "Cambria")


def test_cli_check(pack: Path, decision_bytes: bytes, tmp_path: Path) -> None:
    ok = subprocess.run(
        [sys.executable, "-m", "reportkit", "check", str(pack / "quyet_dinh_12-QĐ-SCT.docx")],
        capture_output=True,
        text=True,
    )
    assert ok.returncode == 0 and "0 error(s)" in ok.stdout
    bad = tmp_path / "bad.docx"
    bad.write_bytes(_mutate(decision_bytes, CORPUS["number-unpadded"][1]))
    result = subprocess.run(
        [sys.executable, "-m", "reportkit", "check", str(bad), "--json"], capture_output=True, text=True
    )
    assert result.returncode == 1
    (data,) = json.loads(result.stdout)  # always a list of reports, one per file
    assert data["errors"] == 1 and data["findings"][0]["rule"] == "number"
    assert data["findings"][0]["expected"] == "Số: 05/QĐ-SCT"

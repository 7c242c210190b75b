"""Layouts real offices use, each on a small document of its own: the checker reads them as a
person would, instead of reporting what it failed to find. One test per cause of the false
findings seen on real documents, and one per rule added for them."""

from __future__ import annotations

import copy
import io
import json
from pathlib import Path

import docx
import pytest
from docx.document import Document as DocumentObject
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt
from lxml import etree

from reportkit import check, documents
from reportkit.checker.elements import map_document
from reportkit.checker.findings import RULES
from reportkit.pack import Event, load_event
from reportkit.resources import example_event
from tests.nd30_asserts import all_paragraphs, find
from tests.test_checker import _mutate, _replace_text, _set_runs

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
CHECKER_DOC = Path(__file__).resolve().parent.parent / "docs" / "checker.md"


@pytest.fixture(scope="module")
def event() -> Event:
    return load_event(example_event())


@pytest.fixture(scope="module")
def decision(event: Event) -> bytes:
    return documents.decision(event.decision)


def _line_shape(width_mm: float) -> etree._Element:
    """A run holding a DrawingML line of *width_mm*, as Word draws a rule."""
    cx = int(width_mm * 36000)
    xml = (
        f'<w:r xmlns:w="{W}" '
        'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
        'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
        'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape">'
        '<w:drawing><wp:anchor behindDoc="0" distT="0" distB="0" distL="0" distR="0" simplePos="0" '
        'locked="0" layoutInCell="1" allowOverlap="1" relativeHeight="1"><wp:simplePos x="0" y="0"/>'
        '<wp:positionH relativeFrom="column"><wp:posOffset>500000</wp:posOffset></wp:positionH>'
        '<wp:positionV relativeFrom="paragraph"><wp:posOffset>-20000</wp:posOffset></wp:positionV>'
        f'<wp:extent cx="{cx}" cy="0"/><wp:wrapNone/><wp:docPr id="98" name="Line"/>'
        '<a:graphic><a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape">'
        f'<wps:wsp><wps:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="{cx}" cy="0"/></a:xfrm>'
        '<a:prstGeom prst="line"><a:avLst/></a:prstGeom></wps:spPr><wps:bodyPr/></wps:wsp>'
        "</a:graphicData></a:graphic></wp:anchor></w:drawing></w:r>"
    )
    return etree.fromstring(xml)


def _body(document: DocumentObject) -> list:
    return [p for p in all_paragraphs(document) if p.text.startswith("Điều")]


# -- causes of false findings -------------------------------------------------------------


def test_a_draft_is_a_notice_not_an_error(decision: bytes) -> None:
    def draft(document: DocumentObject) -> None:
        _replace_text(document, "Số: 12/QĐ-SCT", "Số:          /QĐ-SCT")
        _replace_text(
            document, "Hải Phòng, ngày 15 tháng 6 năm 2021", "Hải Phòng, ngày      tháng 6 năm 2021"
        )
        for p in all_paragraphs(document):
            if p.text.startswith("Hải Phòng, ngày"):
                _set_runs(p, italic=True, size=14)
            if p.text.startswith("Số:"):
                _set_runs(p, size=13)

    report = check(_mutate(decision, draft))
    assert report.rules == {"draft"} and report.ok, report.text()
    assert {f.severity for f in report.findings} == {"info"} and len(report.findings) == 2


def test_agency_name_on_two_bold_lines_is_one_name(decision: bytes) -> None:
    report = check(_mutate(decision, lambda d: _set_runs(find(d, "UBND THÀNH PHỐ HẢI PHÒNG"), bold=True)))
    assert report.findings == [], report.text()
    found = map_document(
        docx.Document(
            io.BytesIO(_mutate(decision, lambda d: _set_runs(find(d, "UBND THÀNH PHỐ HẢI PHÒNG"), bold=True)))
        ).element.body
    )
    assert [p.text for p in found.agency_lines] == ["UBND THÀNH PHỐ HẢI PHÒNG", "SỞ CÔNG THƯƠNG"]
    assert found.parent_agency is None
    # A second line that is too big is reported once, as the agency's.
    big = check(
        _mutate(
            decision,
            lambda d: [
                _set_runs(find(d, t), bold=True, size=14)
                for t in ("UBND THÀNH PHỐ HẢI PHÒNG", "SỞ CÔNG THƯƠNG")
            ],
        )
    )
    assert [f.rule for f in big.findings] == ["agency"]


def test_a_typed_rule_is_a_rule_not_the_agency(decision: bytes) -> None:
    def dashes(document: DocumentObject) -> None:
        rule = find(document, "SỞ CÔNG THƯƠNG")._p.getnext()
        rule.find(qn("w:pPr")).remove(rule.find(qn("w:pPr")).find(qn("w:pBdr")))
        run = OxmlElement("w:r")
        text = OxmlElement("w:t")
        text.text = "-" * 10  # about 15 mm under a 38 mm name
        run.append(text)
        rule.append(run)

    report = check(_mutate(decision, dashes))
    assert report.findings == [], report.text()


def test_a_rule_anchored_in_the_next_line_is_found(decision: bytes) -> None:
    def moved(document: DocumentObject) -> None:
        motto = find(document, "Độc lập - Tự do - Hạnh phúc")._p
        rule = motto.getnext()
        date = find(document, "Hải Phòng, ngày", exact=False)._p
        cell = date.getparent()
        cell.append(OxmlElement("w:p"))  # the cell keeps a paragraph
        rule.addprevious(date)
        rule.getparent().remove(rule)
        date.append(_line_shape(60))

    report = check(_mutate(decision, moved))
    assert report.findings == [], report.text()
    short = check(
        _mutate(
            decision,
            lambda d: (
                moved(d),
                [
                    e.set("cx", "360000")
                    for e in d.element.body.iter(
                        "{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}extent"
                    )
                ],
            ),
        )
    )
    assert short.rules == {"motto-rule"}  # a real rule that is far too short is still judged


def test_a_summary_on_two_lines_has_its_rule(decision: bytes) -> None:
    def two_lines(document: DocumentObject) -> None:
        summary = find(document, "Về việc tặng Giấy khen", exact=False)
        first = copy.deepcopy(summary._p)
        summary._p.addprevious(first)
        words = summary.text.split()
        half = len(words) // 2
        for element, text in ((first, " ".join(words[:half])), (summary._p, " ".join(words[half:]))):
            runs = element.findall(qn("w:r"))
            for run in runs[1:]:
                element.remove(run)
            runs[0].find(qn("w:t")).text = text

    data = _mutate(decision, two_lines)
    found = map_document(docx.Document(io.BytesIO(data)).element.body)
    assert len(found.summary_lines) == 2
    assert check(data).findings == []


def _build(lines: list[str], *, header: str | None = None) -> bytes:
    document = docx.Document()
    style = document.styles["Normal"]
    style.font.name = "Times New Roman"
    style.font.size = Pt(14)
    for line in lines:
        p = document.add_paragraph()
        for i, piece in enumerate(line.split("\n")):
            run = p.add_run()
            if i:
                run.add_break()
            for j, part in enumerate(piece.split("\t")):
                if j:
                    run.add_tab()
                run.add_text(part)
    if header is not None:
        document.sections[0].header.paragraphs[0].text = header
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def test_a_header_laid_out_with_tabs_is_read() -> None:
    data = _build(
        [
            "UBND TỈNH LÂM ĐỒNG\t\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
            "SỞ NỘI VỤ\t\tĐộc lập - Tự do - Hạnh phúc",
            "Số: 15/BC-SNV\t\tLâm Đồng, ngày 20 tháng 10 năm 2025",
            "BÁO CÁO",
            "Kết quả công tác năm 2025",
            "Nội dung báo cáo.",
            "Nơi nhận:\t\tGIÁM ĐỐC",
            "- UBND tỉnh;\t\t",
            "- Lưu: VT.\t\tNguyễn Văn A",
        ]
    )
    found = map_document(docx.Document(io.BytesIO(data)).element.body)
    assert found.national_title is not None and found.motto is not None
    assert found.number is not None and found.number.text == "Số: 15/BC-SNV"
    assert found.place_date is not None and found.agency is not None and found.agency.text == "SỞ NỘI VỤ"
    assert found.doc_type is not None and found.doc_type.text == "BÁO CÁO"
    assert [p.text for p in found.recipients] == ["- UBND tỉnh;", "- Lưu: VT."]
    assert [p.text for p in found.signature] == ["GIÁM ĐỐC", "Nguyễn Văn A"]
    report = check(data)
    assert not report.rules & {"number-missing", "recipients-missing", "unlocated"}, report.text()
    anchors = {"national-title", "motto", "agency", "place-date", "number"}
    assert not [f for f in report.findings if f.rule in anchors and f.found in ("none", "no place-date line")]


def test_line_breaks_inside_a_paragraph_are_lines() -> None:
    data = _build(
        [
            "SỞ NỘI VỤ",
            "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc",
            "Nơi nhận:\n- Như trên;\n- Lưu: VT.",
        ]
    )
    found = map_document(docx.Document(io.BytesIO(data)).element.body)
    assert found.national_title is not None and found.motto is not None
    assert found.motto.element is found.national_title.element
    assert [p.text for p in found.recipients] == ["- Như trên;", "- Lưu: VT."]


def test_can_cu_in_a_report_is_body_text() -> None:
    data = _build(["BÁO CÁO", "Căn cứ kết quả kiểm tra, Sở báo cáo như sau", "Nội dung."])
    found = map_document(docx.Document(io.BytesIO(data)).element.body)
    assert found.legal_bases == [] and found.body[0].text.startswith("Căn cứ")
    assert "legal-basis" not in check(data).rules


def test_face_names_from_conversions_are_the_family(decision: bytes) -> None:
    data = _mutate(
        decision,
        lambda d: [_set_runs(p, font="Times New Roman Bold") for p in all_paragraphs(d) if p.text.isupper()],
    )
    assert "font-family" not in check(data).rules


def test_an_indent_typed_with_tab(decision: bytes) -> None:
    def tabbed(document: DocumentObject) -> None:
        for p in _body(document):
            p.paragraph_format.first_line_indent = Pt(0)
            p.runs[0]._r.addprevious(OxmlElement("w:r"))
            p._p.find(qn("w:r")).append(OxmlElement("w:tab"))

    assert check(_mutate(decision, tabbed)).findings == []
    unindented = _mutate(
        decision, lambda d: [setattr(p.paragraph_format, "first_line_indent", Pt(0)) for p in _body(d)]
    )
    assert "body-indent" in check(unindented).rules


def test_a_page_number_centred_with_a_tab_stop(decision: bytes) -> None:
    def tab_centred(document: DocumentObject) -> None:
        p = document.sections[0].header.paragraphs[0]
        p.alignment = WD_ALIGN_PARAGRAPH.LEFT
        p.paragraph_format.tab_stops.add_tab_stop(Pt(233), alignment=1)  # centre
        first = p._p.find(qn("w:r"))
        tab_run = OxmlElement("w:r")
        tab_run.append(OxmlElement("w:tab"))
        (first if first is not None else p._p.find(qn("w:fldSimple"))).addprevious(tab_run)

    assert "page-number" not in check(_mutate(decision, tab_centred)).rules


def test_a_landscape_appendix_section(decision: bytes) -> None:
    def appendix(document: DocumentObject) -> None:
        section = document.add_section(WD_SECTION.NEW_PAGE)
        section.orientation = WD_ORIENT.LANDSCAPE
        section.page_width, section.page_height = section.page_height, section.page_width
        document.add_table(rows=2, cols=8)

    assert "page-orientation" not in check(_mutate(decision, appendix)).rules


def test_notes_in_the_recipients_cell_are_not_recipients(decision: bytes) -> None:
    def note(document: DocumentObject) -> None:
        last = find(document, "- Lưu: VT, VP.")
        p = copy.deepcopy(last._p)
        last._p.addnext(p)
        p.findall(qn("w:r"))[0].find(qn("w:t")).text = "Số eOffice: 1234/2021"
        for run in p.findall(qn("w:r"))[1:]:
            p.remove(run)

    assert check(_mutate(decision, note)).findings == []


def test_recipients_label_with_extra_spaces_is_recognised(decision: bytes) -> None:
    report = check(_mutate(decision, lambda d: _replace_text(d, "Nơi nhận:", "Nơi  nhận :")))
    assert report.rules == {"recipients"}  # the label is found (its spelling is reported), the list checked
    assert report.findings[0].found == "Nơi  nhận :"


# -- rules added ----------------------------------------------------------------------------


def test_no_page_number_on_a_long_document(decision: bytes) -> None:
    def long_without_numbers(document: DocumentObject) -> None:
        header = document.sections[0].header._element
        for p in header.findall(qn("w:p")):
            for child in list(p):
                if child.tag != qn("w:pPr"):
                    p.remove(child)
        body = _body(document)[-1]
        for _ in range(40):
            body._p.addnext(copy.deepcopy(body._p))

    report = check(_mutate(decision, long_without_numbers))
    [finding] = [f for f in report.findings if f.rule == "page-number-missing"]
    assert "estimate" in finding.found
    assert "page-number-missing" not in check(decision).rules


@pytest.mark.pdf
def test_page_count_from_the_layout(decision: bytes) -> None:
    def no_numbers(document: DocumentObject) -> None:
        for section in document.sections:
            for p in section.header._element.findall(qn("w:p")):
                for child in list(p):
                    if child.tag != qn("w:pPr"):
                        p.remove(child)

    short = _mutate(decision, no_numbers)
    assert "page-number-missing" not in check(short, layout=True).rules  # one page: nothing to number


@pytest.mark.parametrize(("font", "rule"), [("Calibri Light", "font-family"), (".VnTime", "legacy-font")])
def test_fonts_of_headers_are_checked(decision: bytes, font: str, rule: str) -> None:
    def header_font(document: DocumentObject) -> None:
        for p in document.sections[0].header.paragraphs:
            for r in p._p.iter(qn("w:r")):
                rpr = r.find(qn("w:rPr"))
                if rpr is None:
                    rpr = OxmlElement("w:rPr")
                    r.insert(0, rpr)
                fonts = rpr.find(qn("w:rFonts"))
                if fonts is None:
                    fonts = OxmlElement("w:rFonts")
                    rpr.insert(0, fonts)
                fonts.set(qn("w:ascii"), font)
                fonts.set(qn("w:hAnsi"), font)

    report = check(_mutate(decision, header_font))
    assert report.rules == {rule}, report.text()
    if rule == "legacy-font":
        assert "TCVN3" in report.findings[0].found


def test_official_letter_subject_and_addressee() -> None:
    letter = _build(
        [
            "SỞ NỘI VỤ\t\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
            "Số: 05/SNV-VP\t\tĐộc lập - Tự do - Hạnh phúc",
            "V/v báo cáo kết quả thi đua",
            "Lâm Đồng, ngày 20 tháng 10 năm 2025",
            "Sở Nội vụ đề nghị các đơn vị báo cáo.",
        ]
    )
    report = check(letter)
    assert {"subject", "addressee"} <= report.rules  # V/v at 14 pt; no Kính gửi
    found = map_document(docx.Document(io.BytesIO(letter)).element.body)
    assert found.subject is not None and found.subject.text.startswith("V/v")


def test_an_element_that_cannot_be_located_is_said(decision: bytes) -> None:
    def no_signature(document: DocumentObject) -> None:
        cell = find(document, "Trần Minh Quang")._p.getparent()
        for p in list(cell.iterchildren(qn("w:p"))):
            cell.remove(p)
        cell.append(OxmlElement("w:p"))

    report = check(_mutate(decision, no_signature))
    assert "unlocated" in report.rules and "signature block" in report.text()


def test_certificates_have_their_profile(event: Event, tmp_path: Path) -> None:
    paths = documents.certificates(event.decision, tmp_path, register_start=event.config.register_start)
    merged = documents.certificates(event.decision, tmp_path, merge=True, merged_name="all.docx")
    for path in [paths[0], paths[-1], *merged]:
        report = check(path)
        assert report.findings == [], report.text()
    assert not check(paths[0], profile="document").ok  # judged as a Nghị định 30 document it is not


def test_json_is_always_a_list(decision: bytes, tmp_path: Path) -> None:
    from tests.test_cli import run

    path = tmp_path / "qd.docx"
    path.write_bytes(decision)
    result = run("check", str(path), "--json")
    assert result.returncode == 0
    [report] = json.loads(result.stdout)
    assert report["ok"] and report["findings"] == []


def test_every_rule_id_is_documented_in_the_readme() -> None:
    text = CHECKER_DOC.read_text(encoding="utf-8")
    table = text.split("## Rules of `reportkit check`", 1)[1].split("\n## ", 1)[0]
    for rule in RULES.values():
        assert f"| `{rule.id}` | {rule.severity} |" in table
        assert rule.vi in table

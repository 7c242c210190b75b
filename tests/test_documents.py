"""The document pack: every document checked against the rules of Nghị định 30, and the seed
example converted to PDF (page counts and text)."""

from __future__ import annotations

import io
import shutil
import subprocess
import zipfile
from pathlib import Path

import docx
import pytest

from reportkit import documents
from reportkit.layout.generate import TEMPLATES, build_all
from reportkit.models import IssuedDocument
from reportkit.pack import Event, build_pack, load_event
from reportkit.resources import example_event, templates_folder
from tests.docx_helpers import body_lines, every_part_parses
from tests.nd30_asserts import (
    all_paragraphs,
    assert_base_font,
    assert_closing,
    assert_format,
    assert_header_block,
    assert_page,
    assert_page_numbers_from_page_two,
    body_first_line_indent,
    find,
    plain,
)

HEADER = {"agency": "SỞ CÔNG THƯƠNG", "parent": "UBND THÀNH PHỐ HẢI PHÒNG"}


@pytest.fixture(scope="module")
def event() -> Event:
    return load_event(example_event())


@pytest.fixture(scope="module")
def pack(tmp_path_factory: pytest.TempPathFactory, event: Event) -> Path:
    folder = tmp_path_factory.mktemp("pack")
    build_pack(event, folder, pdf=False)
    return folder


@pytest.fixture(scope="module")
def pdf_pack(pack: Path) -> Path:
    """The seed pack's PDFs, in ``pack/pdf`` (only tests marked ``pdf`` ask for it)."""
    from reportkit.pdf import to_pdf

    top = sorted(pack.glob("*.docx"))
    to_pdf(top, pack / "pdf")
    for sub in ("giay_khen", "giay_moi"):
        to_pdf(sorted((pack / sub).glob("*.docx")), pack / "pdf" / sub)
    return pack


def open_doc(path: Path) -> docx.document.Document:
    every_part_parses(path.read_bytes())
    return docx.Document(str(path))


def pdf_text(path: Path) -> str:
    return subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], check=True, capture_output=True, text=True
    ).stdout


def pdf_pages(path: Path) -> int:
    info = subprocess.run(["pdfinfo", str(path)], check=True, capture_output=True, text=True).stdout
    return int(next(line.split()[-1] for line in info.splitlines() if line.startswith("Pages:")))


# -- the built-in templates ---------------------------------------------------------------


def test_committed_templates_match_their_generator(tmp_path: Path) -> None:
    build_all(tmp_path)
    committed = templates_folder()
    assert sorted(p.name for p in committed.glob("*.docx")) == sorted(TEMPLATES)
    for name in TEMPLATES:
        assert (committed / name).read_bytes() == (tmp_path / name).read_bytes(), name
        with zipfile.ZipFile(committed / name) as a, zipfile.ZipFile(tmp_path / name) as b:
            assert sorted(a.namelist()) == sorted(b.namelist()), name
            for part in a.namelist():
                if part == "docProps/core.xml":
                    continue
                assert a.read(part) == b.read(part), (
                    f"{name}: {part} differs; run python -m reportkit.layout.generate"
                )


# -- the decision -------------------------------------------------------------------------


def test_decision(pack: Path) -> None:
    document = open_doc(pack / "quyet_dinh_12-QĐ-SCT.docx")
    assert_page(document)
    assert_base_font(document)
    assert_header_block(
        document, **HEADER, number="Số: 12/QĐ-SCT", place_date="Hải Phòng, ngày 15 tháng 6 năm 2021"
    )
    assert_format(find(document, "QUYẾT ĐỊNH"), size=14, bold=True)
    summary = find(document, "Về việc tặng Giấy khen", exact=False)
    assert_format(summary, size=14, bold=True)
    assert_format(find(document, "GIÁM ĐỐC SỞ CÔNG THƯƠNG"), size=14, bold=True)
    bases = [p for p in all_paragraphs(document) if p.text.startswith("Căn cứ")]
    assert len(bases) == 4 and all(p.text.endswith(";") for p in bases)
    for p in bases:
        assert_format(p, size=14, italic=True)
    proposal = "Theo đề nghị của Chánh Văn phòng Sở tại Tờ trình số 10/TTr-VP ngày 11 tháng 6 năm 2021."
    assert_format(find(document, proposal), size=14, italic=True)
    assert_format(find(document, "QUYẾT ĐỊNH:"), size=14, bold=True)
    article1 = find(document, "Điều 1.", exact=False)
    assert article1.runs[0].text == "Điều 1." and article1.runs[0].bold
    assert (
        "Tặng Giấy khen của Giám đốc Sở Công Thương cho 04 tập thể và 11 cá nhân (có danh sách kèm theo)"
        in article1.text
    )
    assert body_first_line_indent(article1) == 12.7
    assert article1.paragraph_format.alignment == 3  # justified
    article2 = find(document, "Điều 2.", exact=False).text
    assert "mỗi tập thể được thưởng 900.000 đồng (Chín trăm nghìn đồng)" in article2
    assert "mỗi cá nhân được thưởng 450.000 đồng (Bốn trăm năm mươi nghìn đồng)" in article2
    assert (
        "Tổng số tiền thưởng là 8.550.000 đồng (Bằng chữ: Tám triệu năm trăm năm mươi nghìn đồng)" in article2
    )
    assert find(document, "Điều 3.", exact=False).text.endswith("thi hành Quyết định này./.")
    assert_closing(
        document, last_recipient="- Lưu: VT, VP.", signer_lines=["GIÁM ĐỐC"], name="Trần Minh Quang"
    )
    assert_page_numbers_from_page_two(document)


@pytest.mark.pdf
def test_decision_pdf(pdf_pack: Path) -> None:
    pdf = pdf_pack / "pdf" / "quyet_dinh_12-QĐ-SCT.pdf"
    assert pdf_pages(pdf) == 1
    text = pdf_text(pdf)
    for expected in (
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "Số: 12/QĐ-SCT",
        "Hải Phòng, ngày 15 tháng 6 năm 2021",
        "QUYẾT ĐỊNH:",
        "Trần Minh Quang",
    ):
        assert expected in text


# -- the list -----------------------------------------------------------------------------


def test_honoree_list(pack: Path) -> None:
    document = open_doc(pack / "danh_sach_kem_theo_quyet_dinh.docx")
    assert_page(document)
    assert_header_block(document, **HEADER, number=None, place_date=None)
    assert not any(p.text.startswith("Số:") for p in all_paragraphs(document))
    assert_format(find(document, "DANH SÁCH"), size=14, bold=True)
    assert_format(
        find(document, "Tập thể, cá nhân được tặng Giấy khen của Giám đốc Sở Công Thương"), size=14, bold=True
    )
    reference = find(
        document, "(Kèm theo Quyết định số 12/QĐ-SCT ngày 15 tháng 6 năm 2021 của Giám đốc Sở Công Thương)"
    )
    assert_format(reference, size=14, italic=True)
    table = document.tables[-1]
    rows = [[c.text for c in r.cells] for r in table.rows]
    assert rows[0] == ["STT", "Họ và tên / Tên tập thể", "Chức vụ, đơn vị", "Số tiền (đồng)"]
    assert (
        table.rows[0]._tr.trPr.find("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}tblHeader")
        is not None
    )
    assert rows[1][0] == "I. TẬP THỂ (04)" and rows[6][0] == "II. CÁ NHÂN (11)"
    assert rows[2] == ["1", "Phòng Quản lý Thương mại", "Sở Công Thương", "900.000"]
    assert rows[7] == ["1", "Nguyễn Thị Hương", "Chuyên viên, Văn phòng Sở", "450.000"]
    assert rows[-1][0] == "Tổng cộng: 04 tập thể và 11 cá nhân" and rows[-1][-1] == "8.550.000"
    assert len(rows) == 1 + 2 + 15 + 1
    assert_page_numbers_from_page_two(document)


def test_list_as_appendix_and_individuals_first(event: Event, tmp_path: Path) -> None:
    model = event.decision
    model = model.model_copy(
        update={
            "honorees": model.honorees.model_copy(update={"group_order": "individuals_first", "sort": True})
        }
    )
    data = documents.honoree_list(model, appendix="I", show_amounts=False)
    path = tmp_path / "pl.docx"
    path.write_bytes(data)
    document = open_doc(path)
    assert_format(find(document, "Phụ lục I"), size=14, bold=True)
    assert_format(
        find(document, "TẬP THỂ, CÁ NHÂN ĐƯỢC TẶNG GIẤY KHEN CỦA GIÁM ĐỐC SỞ CÔNG THƯƠNG"), size=14, bold=True
    )
    assert not any(p.text == "DANH SÁCH" for p in all_paragraphs(document))
    assert not any(p.text == "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" for p in all_paragraphs(document))
    rows = [[c.text for c in r.cells] for r in document.tables[-1].rows]
    assert rows[0] == ["STT", "Họ và tên / Tên tập thể", "Chức vụ, đơn vị"]
    assert rows[1][0] == "I. CÁ NHÂN (11)"
    assert [r[1] for r in rows[2:5]] == ["Đặng Thị Ngọc Ánh", "Ngô Văn Bình", "Đỗ Văn Đức"]


def test_list_with_thousands_of_rows(event: Event, tmp_path: Path) -> None:
    base = event.decision
    people = next(h for h in base.honorees.honorees if h.person)
    many = [
        people.model_copy(
            update={"person": people.person.model_copy(update={"full_name": f"Nguyễn Văn Số {i}"})}
        )
        for i in range(3000)
    ]
    model = base.model_copy(update={"honorees": base.honorees.model_copy(update={"honorees": many})})
    data = documents.honoree_list(model)
    path = tmp_path / "big.docx"
    path.write_bytes(data)
    table = docx.Document(str(path)).tables[-1]
    assert len(table.rows) == 1 + 1 + 3000 + 1
    assert table.rows[-1].cells[-1].text == "1.350.000.000"


# -- certificates -------------------------------------------------------------------------


def test_certificates_one_per_honoree(pack: Path) -> None:
    files = sorted((pack / "giay_khen").glob("*.docx"))
    assert len(files) == 15
    assert files[0].name == "01 Phòng Quản lý Thương mại.docx"
    document = open_doc(files[4])
    assert_page(document, landscape=True, margins=None)
    sect = document.sections[0]._sectPr
    assert sect.find("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}pgBorders") is not None
    assert_format(find(document, "GIÁM ĐỐC SỞ CÔNG THƯƠNG THÀNH PHỐ HẢI PHÒNG"), size=17, bold=True)
    assert_format(find(document, "TẶNG"), size=17, bold=True)
    title = find(document, "GIẤY KHEN")
    assert_format(title, size=48, bold=True)
    assert max(r.font.size.pt for p in all_paragraphs(document) for r in p.runs if r.text.strip()) == 48
    assert_format(find(document, "Bà Nguyễn Thị Hương"), size=24, bold=True)
    assert find(document, "Chuyên viên, Văn phòng Sở").runs[0].italic
    assert find(document, "Đã có thành tích xuất sắc trong phong trào thi đua giai đoạn 2015 - 2020.")
    assert find(document, "Quyết định số 12/QĐ-SCT ngày 15/6/2021")
    assert find(document, "Số sổ vàng: 129")
    assert_format(find(document, "Hải Phòng, ngày 15 tháng 6 năm 2021"), size=14, italic=True)
    assert_format(find(document, "Trần Minh Quang"), size=14, bold=True)


def test_certificates_merged_print_file(pack: Path) -> None:
    merged = pack / "giay_khen_in_tat_ca.docx"
    document = open_doc(merged)
    assert len(document.sections) == 15
    assert_page(document, landscape=True, margins=None)


@pytest.mark.pdf
def test_certificates_pdf_one_page_each(pdf_pack: Path) -> None:
    pack = pdf_pack
    pdf = pack / "pdf" / "giay_khen_in_tat_ca.pdf"
    assert pdf_pages(pdf) == 15
    pages = pdf_text(pdf).split("\f")
    assert "Phòng Quản lý Thương mại" in pages[0] and "Bà Phan Thị Yến" in pages[14]
    assert all("GIẤY KHEN" in page for page in pages[:15])
    for name in sorted((pack / "pdf" / "giay_khen").glob("*.pdf")):
        assert pdf_pages(name) == 1


def test_overlay_certificates_with_calibration(event: Event, tmp_path: Path) -> None:
    plain = documents.certificates(event.decision, tmp_path / "a", overlay=True)
    moved = documents.certificates(event.decision, tmp_path / "b", overlay=True, offset_mm=(2.0, -1.5))
    frame = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}framePr"
    w = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"

    def frames(path: Path) -> list[tuple[int, int]]:
        return [
            (int(f.get(w + "x")), int(f.get(w + "y")))
            for f in docx.Document(str(path)).element.body.iter(frame)
        ]

    a, b = frames(plain[0]), frames(moved[0])
    assert len(a) == len(b) >= 8
    for (xa, ya), (xb, yb) in zip(a, b, strict=True):
        assert xb - xa == round(2.0 * 1440 / 25.4) and ya - yb == round(1.5 * 1440 / 25.4)
    texts = [p.text for p in docx.Document(str(plain[0])).paragraphs]
    assert "Phòng Quản lý Thương mại" in texts and "GIẤY KHEN" not in texts
    assert not any("CỘNG HÒA" in t for t in texts)


# -- report, invitations, letter -------------------------------------------------------------


def test_conference_report(pack: Path) -> None:
    document = open_doc(pack / "bao_cao_ket_qua_hoi_nghi.docx")
    assert_page(document)
    assert_header_block(
        document, **HEADER, number="Số: 15/BC-SCT", place_date="Hải Phòng, ngày 23 tháng 6 năm 2021"
    )
    assert_format(find(document, "BÁO CÁO"), size=14, bold=True)
    assert_format(
        find(document, "Kết quả Hội nghị Biểu dương điển hình tiên tiến giai đoạn 2015 - 2020"),
        size=14,
        bold=True,
    )
    text = "\n".join(plain(p.text) for p in all_paragraphs(document))
    for expected in (
        "1. Thời gian: từ 08 giờ 00 đến 11 giờ 30, Thứ Ba, ngày 22 tháng 6 năm 2021.",
        "2. Địa điểm: Hội trường Sở Công Thương Hải Phòng.",
        "- Đồng chí Nguyễn Văn Thành - Ủy viên Thành ủy, Phó Chủ tịch Ủy ban nhân dân thành phố;",
        "- Đồng chí Lê Hoàng Sơn - Trưởng phòng Thi đua - Khen thưởng, Bộ Công Thương.",
        "Sở Công Thương vinh dự đón nhận Cờ thi đua của Bộ Công Thương vì đã có thành tích xuất sắc trong phong trào thi đua năm 2019.",
        "04 tập thể và 11 cá nhân được biểu dương và nhận Giấy khen của Giám đốc Sở Công Thương",
        "./.",
    ):
        assert expected in text, expected
    assert_closing(
        document, last_recipient="- Lưu: VT, VP.", signer_lines=["GIÁM ĐỐC"], name="Trần Minh Quang"
    )
    assert_page_numbers_from_page_two(document)


@pytest.mark.pdf
def test_conference_report_pdf(pdf_pack: Path) -> None:
    pdf = pdf_pack / "pdf" / "bao_cao_ket_qua_hoi_nghi.pdf"
    assert pdf_pages(pdf) == 2
    assert "\n2\n" in "\n" + pdf_text(pdf).split("\f")[1].strip().split("\n")[0].strip() + "\n"


def test_invitations(pack: Path) -> None:
    files = sorted((pack / "giay_moi").glob("*.docx"))
    assert [f.name for f in files] == ["giay_moi_01 Nguyễn Văn Thành.docx", "giay_moi_02 Lê Hoàng Sơn.docx"]
    document = open_doc(files[1])
    assert_header_block(
        document, **HEADER, number="Số: 20/GM-SCT", place_date="Hải Phòng, ngày 15 tháng 6 năm 2021"
    )
    assert_format(find(document, "GIẤY MỜI"), size=14, bold=True)
    assert find(document, "Sở Công Thương trân trọng kính mời:")
    assert_format(find(document, "Ông Lê Hoàng Sơn"), size=14, bold=True)
    assert find(
        document, "Tới dự Hội nghị Biểu dương điển hình tiên tiến Sở Công Thương giai đoạn 2015 - 2020."
    )
    assert find(document, "Chủ trì: Ông Trần Minh Quang - Giám đốc Sở Công Thương.")
    assert find(document, "Thời gian: 08 giờ 00, Thứ Ba, ngày 22 tháng 6 năm 2021.")
    assert find(document, "Địa điểm: Hội trường Sở Công Thương Hải Phòng.")


@pytest.mark.pdf
def test_invitations_pdf(pdf_pack: Path) -> None:
    for name in sorted((pdf_pack / "giay_moi").glob("*.docx")):
        assert pdf_pages(pdf_pack / "pdf" / "giay_moi" / f"{name.stem}.pdf") == 1


def test_letter(pack: Path, event: Event) -> None:
    letters = sorted((pack / "thu_khen").glob("*.docx"))
    assert len(letters) == 15  # one letter per honoree, not only the first
    assert letters[-1].name == "thu_khen_15 Phan Thị Yến.docx"
    document = open_doc(letters[0])
    assert_header_block(document, **HEADER, number=None, place_date="Hải Phòng, ngày 22 tháng 6 năm 2021")
    assert_format(find(document, "THƯ KHEN"), size=16, bold=True)
    assert find(document, "Thân gửi: Phòng Quản lý Thương mại")
    assert find(document, "Thay mặt lãnh đạo Sở Công Thương", exact=False)
    person = next(h for h in event.honorees.honorees if h.person)
    issue = IssuedDocument(date="2021-06-22", agency=event.config.agency, signer=event.config.signer)
    data = documents.commendation_letter(person, issue, body=["Đoạn một.", "Đoạn hai./."])
    path = Path(str(pack)) / "letter2.docx"
    path.write_bytes(data)
    document = open_doc(path)
    assert find(document, "Thân gửi: Đồng chí Nguyễn Thị Hương, Văn phòng Sở")
    data = documents.commendation_letter(person, issue)
    lines = [plain(line) for line in body_lines(data)]
    praise = next(line for line in lines if line.startswith("Thay mặt"))
    assert "tới đồng chí Nguyễn Thị Hương" in praise and "Đồng chí" not in praise
    assert "Chúc đồng chí sức khỏe, hạnh phúc và thành công./." in lines
    assert find(document, "Đoạn hai./.")


def test_user_template_replaces_builtin(event: Event, tmp_path: Path) -> None:
    from tests.docx_helpers import build

    user = tmp_path / "mine.docx"
    user.write_bytes(
        build(["{{ decision.symbol }} — {{ honorees.count_text }} — {{ honorees.total_amount|money }}"])
    )
    data = documents.decision(event.decision, template=user)
    assert body_lines(data) == ["12/QĐ-SCT — 04 tập thể và 11 cá nhân — 8.550.000 đồng"]


def test_signature_image(event: Event) -> None:
    from reportkit import Image
    from tests.test_engine import _png

    data = documents.decision(event.decision, signature=Image(_png(60, 30), width_mm=35))
    document = docx.Document(io.BytesIO(data))
    assert len(document.inline_shapes) == 1 and round(document.inline_shapes[0].width.mm) == 35


def test_pdf_missing_soffice_is_a_clear_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from reportkit.pdf import PdfError, to_pdf

    source = tmp_path / "a.docx"
    source.write_bytes(documents.decision(load_event(example_event()).decision) or b"")
    monkeypatch.setenv("REPORTKIT_SOFFICE", str(tmp_path / "no-soffice"))
    with pytest.raises(PdfError, match="apt-get install"):
        to_pdf([source], tmp_path / "pdf")
    assert not list((tmp_path / "pdf").glob("*.pdf"))


@pytest.mark.pdf
def test_soffice_is_installed() -> None:
    assert shutil.which("soffice"), "CI installs libreoffice-writer-nogui"

"""The whole commendation workflow of the seed event (plan, council minutes, submission, decision,
list, certificates, invitations, programme, report, notice, letters, official letter): every
document's numbers, dates, counts, votes and cross-references, its format (``reportkit check``
and the ND30 assertions), the legal regime that follows the date, and refusals of inconsistent
events."""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path
from typing import Any

import docx
import pytest
from docx.oxml.ns import qn
from pydantic import ValidationError
from typer.testing import CliRunner

from reportkit import check, documents
from reportkit.cli import app
from reportkit.documents import workflow
from reportkit.legal import LegalDataError, builtin_legal_data
from reportkit.models import EventConfig
from reportkit.models.council import CouncilMeeting
from reportkit.models.notices import OfficialLetterContent
from reportkit.models.planning import parse_clock
from reportkit.pack import Event, build_pack, load_event, single_documents
from reportkit.resources import example_event
from reportkit.vn import format_percent
from tests.events import seed_data, write_event
from tests.nd30_asserts import (
    all_paragraphs,
    assert_base_font,
    assert_closing,
    assert_format,
    assert_header_block,
    assert_page,
    assert_page_numbers_from_page_two,
    find,
    plain,
)
from tests.test_validity import assert_valid

HEADER = {"agency": "SỞ CÔNG THƯƠNG", "parent": "UBND THÀNH PHỐ HẢI PHÒNG"}
WORKFLOW_FILES = [
    "ke_hoach_05-KH-SCT.docx",
    "bien_ban_hop_hoi_dong_01-BB-HĐTĐKT.docx",
    "to_trinh_10-TTr-VP.docx",
    "quyet_dinh_12-QĐ-SCT.docx",
    "danh_sach_kem_theo_quyet_dinh.docx",
    "giay_khen_in_tat_ca.docx",
    "chuong_trinh_hoi_nghi.docx",
    "bao_cao_ket_qua_hoi_nghi.docx",
    "thong_bao_ket_luan_25-TB-SCT.docx",
    "cong_van_130-SCT-VP.docx",
]


@pytest.fixture(scope="module")
def event() -> Event:
    return load_event(example_event())


@pytest.fixture(scope="module")
def pack(tmp_path_factory: pytest.TempPathFactory, event: Event) -> tuple[Path, list[Path]]:
    folder = tmp_path_factory.mktemp("workflow")
    return folder, build_pack(event, folder, pdf=False)


def text_of(path: Path) -> str:
    document = docx.Document(str(path))
    return "\n".join(plain(p.text) for p in all_paragraphs(document))


# -- the pack -----------------------------------------------------------------------------------


def test_pack_writes_the_workflow_in_order(pack: tuple[Path, list[Path]]) -> None:
    folder, written = pack
    top = [p.name for p in written if p.parent == folder]
    assert top == WORKFLOW_FILES
    assert len([p for p in written if p.parent.name == "giay_khen"]) == 15
    assert len([p for p in written if p.parent.name == "thu_khen"]) == 15
    assert len([p for p in written if p.parent.name == "giay_moi"]) == 2


@pytest.mark.parametrize("name", WORKFLOW_FILES)
def test_every_document_passes_the_checker_and_the_schema(pack: tuple[Path, list[Path]], name: str) -> None:
    folder, _ = pack
    report = check(folder / name, layout=False)
    assert report.findings == [], [(f.rule, f.expected, f.found) for f in report.findings]
    assert_valid((folder / name).read_bytes(), name)


def test_single_documents_lists_only_the_sections_present(event: Event) -> None:
    assert list(single_documents(event)) == [
        "plan",
        "minutes",
        "submission",
        "decision",
        "list",
        "agenda",
        "report",
        "notice",
        "official_letter",
    ]
    data = seed_data()
    for section in ("plan", "council", "submission", "agenda", "notice", "official_letter"):
        del data[section]
    bare = Event(EventConfig.from_dict(data), event.honorees)
    assert list(single_documents(bare)) == ["decision", "list", "report"]


# -- each document --------------------------------------------------------------------------------


def test_plan(pack: tuple[Path, list[Path]]) -> None:
    path = pack[0] / "ke_hoach_05-KH-SCT.docx"
    document = docx.Document(str(path))
    assert_page(document)
    assert_base_font(document)
    assert_header_block(
        document, **HEADER, number="Số: 05/KH-SCT", place_date="Hải Phòng, ngày 25 tháng 5 năm 2021"
    )
    assert_format(find(document, "KẾ HOẠCH"), size=14, bold=True)
    text = text_of(path)
    for expected in (
        "I. MỤC ĐÍCH, YÊU CẦU",
        "1. Thời gian: từ 08 giờ 00 đến 11 giờ 30, Thứ Ba, ngày 22 tháng 6 năm 2021.",
        "3. Chủ trì: đồng chí Trần Minh Quang - Giám đốc Sở Công Thương.",
        "- Đại biểu: đồng chí Nguyễn Văn Thành - Ủy viên Thành ủy, Phó Chủ tịch Ủy ban nhân dân thành phố;",
        "- 08h00 - 08h20: Đón tiếp đại biểu, văn nghệ chào mừng (Văn phòng Sở).",
        "- 10h45 - 11h30: Phát biểu tiếp thu và bế mạc Hội nghị (Giám đốc Sở).",
        "IV. KHEN THƯỞNG",
        # written before the council meets: what is expected, not what was decided
        "Dự kiến trao Giấy khen của Giám đốc Sở Công Thương cho 04 tập thể và 11 cá nhân",
        # the award money is the list's total (the decision's), then the plan's own lines
        "- Tiền thưởng kèm theo Giấy khen: 8.550.000 đồng;",
        "- Trang trí hội trường, khánh tiết: 5.000.000 đồng;",
        "- In ấn tài liệu, Giấy khen: 2.500.000 đồng.",
        "Tổng kinh phí dự kiến: 16.050.000 đồng (Bằng chữ: Mười sáu triệu không trăm năm mươi nghìn đồng), "
        "từ Quỹ thi đua, khen thưởng của Sở Công Thương.",
        # its grounds are what it implements, then what it is
        "Thực hiện Kế hoạch số 03/KH-SCT ngày 15 tháng 01 năm 2021 của Sở Công Thương về công tác thi đua, "
        "khen thưởng năm 2021, Sở Công Thương xây dựng Kế hoạch tổ chức Hội nghị Biểu dương điển hình tiên "
        "tiến giai đoạn 2015 - 2020 như sau:",
        "Trên đây là Kế hoạch tổ chức Hội nghị Biểu dương",
        "VI. TỔ CHỨC THỰC HIỆN",
        "1. Văn phòng Sở",
        "2. Các phòng, đơn vị thuộc Sở",
    ):
        assert expected in text, expected
    assert text.count("./.") == 1
    assert_closing(
        document, last_recipient="- Lưu: VT, VP.", signer_lines=["GIÁM ĐỐC"], name="Trần Minh Quang"
    )
    assert_page_numbers_from_page_two(document)


def test_council_minutes(pack: tuple[Path, list[Path]]) -> None:
    path = pack[0] / "bien_ban_hop_hoi_dong_01-BB-HĐTĐKT.docx"
    document = docx.Document(str(path))
    assert_page(document)
    # the council issues its minutes: the agency over the council, broken between words we choose
    assert_header_block(
        document,
        agency="HỘI ĐỒNG THI ĐUA -\nKHEN THƯỞNG",
        parent="SỞ CÔNG THƯƠNG",
        number="Số: 01/BB-HĐTĐKT",
        place_date="Hải Phòng, ngày 10 tháng 6 năm 2021",
    )
    text = text_of(path)
    assert "1. Thời gian: từ 14 giờ 00 đến 15 giờ 30, Thứ Năm, ngày 10 tháng 6 năm 2021." in text
    assert "3. Thành phần: 06/07 thành viên Hội đồng Thi đua - Khen thưởng Sở Công Thương có mặt:" in text
    present = [line for line in text.splitlines() if line.startswith("- Đồng chí")]
    assert len(present) == 7  # 6 present, 1 absent
    assert "- Đồng chí Nguyễn Đức Thắng - Bí thư Chi đoàn, Ủy viên (lý do: đi công tác)." in text
    assert "4. Chủ trì: đồng chí Trần Minh Quang - Giám đốc Sở Công Thương, Chủ tịch Hội đồng." in text
    assert "5. Thư ký: đồng chí Lương Thị Mai - Chuyên viên Văn phòng Sở, Ủy viên, Thư ký." in text
    # the proposals count the list of the decision; each share is of all 7 members
    assert "1. Đề nghị tặng Giấy khen của Giám đốc Sở Công Thương cho 04 tập thể đã có thành tích" in text
    assert "2. Đề nghị tặng Giấy khen của Giám đốc Sở Công Thương cho 11 cá nhân đã có thành tích" in text
    # how they voted, the count in figures and in words
    votes = (
        "Kết quả biểu quyết bằng hình thức giơ tay: nhất trí 06/06 (sáu trên sáu) thành viên có mặt, "
        "đạt 85,71% tổng số thành viên Hội đồng Thi đua - Khen thưởng Sở Công Thương; không có thành viên "
        "không nhất trí. Đề nghị được thông qua."
    )
    assert text.count(votes) == 2
    assert text.count("(có danh sách kèm theo)") == 2
    assert text.count("Đề nghị được thông qua.") == 2
    assert (
        "Cuộc họp kết thúc vào 15 giờ 30 cùng ngày. Biên bản đã được đọc lại và thông qua trước các "
        "thành viên dự họp./."
    ) in text
    # two signatures side by side, on one row that never splits; minutes carry no Nơi nhận
    table = document.tables[-1]
    left, right = (plain(c.text).split("\n") for c in table.rows[0].cells)
    assert [line for line in left if line] == ["THƯ KÝ", "Lương Thị Mai"]
    assert [line for line in right if line] == ["CHỦ TỊCH HỘI ĐỒNG", "Trần Minh Quang"]
    assert table.rows[0]._tr.trPr.find(qn("w:cantSplit")) is not None
    assert "Nơi nhận:" not in text


def test_submission_carries_the_list_the_council_approved(pack: tuple[Path, list[Path]]) -> None:
    path = pack[0] / "to_trinh_10-TTr-VP.docx"
    document = docx.Document(str(path))
    # the office submits: the agency over the office
    assert_header_block(
        document,
        agency="VĂN PHÒNG",
        parent="SỞ CÔNG THƯƠNG",
        number="Số: 10/TTr-VP",
        place_date="Hải Phòng, ngày 11 tháng 6 năm 2021",
    )
    assert_format(find(document, "TỜ TRÌNH"), size=14, bold=True)
    assert_format(find(document, "Kính gửi: Giám đốc Sở Công Thương."), size=14)
    text = text_of(path)
    grounds = [line for line in text.splitlines() if line.startswith("Căn cứ")]
    assert grounds[0].startswith("Căn cứ Luật Thi đua, khen thưởng ngày 26 tháng 11 năm 2003")
    assert grounds[1].startswith("Căn cứ Nghị định số 91/2017/NĐ-CP")
    assert grounds[-1] == (
        "Căn cứ Biên bản số 01/BB-HĐTĐKT ngày 10 tháng 6 năm 2021 của Hội đồng Thi đua - Khen thưởng "
        "Sở Công Thương."
    )
    assert all(g.endswith(";") for g in grounds[:-1])
    assert (
        "đã họp ngày 10 tháng 6 năm 2021, xem xét và thống nhất đề nghị khen thưởng với tỷ lệ 85,71%" in text
    )
    assert "tặng Giấy khen của Giám đốc Sở Công Thương cho 04 tập thể và 11 cá nhân" in text
    assert "- Mỗi tập thể được thưởng 900.000 đồng (Chín trăm nghìn đồng);" in text
    assert "- Mỗi cá nhân được thưởng 450.000 đồng (Bốn trăm năm mươi nghìn đồng)." in text
    assert (
        "Tổng số tiền thưởng: 8.550.000 đồng (Bằng chữ: Tám triệu năm trăm năm mươi nghìn đồng), "
        "trích từ Quỹ thi đua, khen thưởng của Sở Công Thương."
    ) in text
    assert "Kính trình Giám đốc Sở Công Thương xem xét, quyết định./." in text
    assert_closing(
        document, last_recipient="- Lưu: VT, VP.", signer_lines=["CHÁNH VĂN PHÒNG"], name="Phạm Thu Hà"
    )


def test_decision_cites_the_submission_and_the_law_of_its_date(pack: tuple[Path, list[Path]]) -> None:
    text = text_of(pack[0] / "quyet_dinh_12-QĐ-SCT.docx")
    assert "Theo đề nghị của Chánh Văn phòng Sở tại Tờ trình số 10/TTr-VP ngày 11 tháng 6 năm 2021." in text
    bases = [line for line in text.splitlines() if line.startswith("Căn cứ")]
    # in the order of their force: the law, the decree, then the agency's own instruments, each
    # with its number, date and issuer
    assert len(bases) == 4
    assert "ngày 14 tháng 6 năm 2005 và ngày 16 tháng 11 năm 2013" in bases[0]
    assert bases[1].startswith("Căn cứ Nghị định số 91/2017/NĐ-CP ngày 31 tháng 7 năm 2017")
    assert bases[2].startswith(
        "Căn cứ Quyết định số 08/2021/QĐ-UBND ngày 12 tháng 3 năm 2021 của Ủy ban nhân dân thành phố Hải Phòng"
    )
    assert bases[3].startswith("Căn cứ Quyết định số 35/QĐ-SCT ngày 20 tháng 3 năm 2019 của Giám đốc Sở")
    # Điều 3 names the unit that pays
    assert "Trưởng phòng Kế hoạch - Tài chính" in next(
        line for line in text.splitlines() if line.startswith("Điều 3.")
    )


def test_agenda_is_one_table_of_the_programme(pack: tuple[Path, list[Path]], event: Event) -> None:
    path = pack[0] / "chuong_trinh_hoi_nghi.docx"
    document = docx.Document(str(path))
    assert_header_block(
        document, **HEADER, number="Số: 21/CTr-SCT", place_date="Hải Phòng, ngày 15 tháng 6 năm 2021"
    )
    assert_format(find(document, "CHƯƠNG TRÌNH"), size=14, bold=True)
    table = next(t for t in document.tables if plain(t.rows[0].cells[0].text) == "Thời gian")
    rows = [[plain(c.text) for c in row.cells] for row in table.rows]
    assert rows[0] == ["Thời gian", "Nội dung", "Thực hiện"]
    assert table.rows[0]._tr.trPr.find(qn("w:tblHeader")) is not None  # repeated on each page
    assert all(row._tr.trPr.find(qn("w:cantSplit")) is not None for row in table.rows)
    programme = event.conference.programme  # type: ignore[union-attr]
    assert len(rows) == 1 + len(programme) == 8
    assert rows[1] == ["08h00 - 08h20", "Đón tiếp đại biểu, văn nghệ chào mừng", "Văn phòng Sở"]
    assert rows[-1] == ["10h45 - 11h30", "Phát biểu tiếp thu và bế mạc Hội nghị", "Giám đốc Sở"]
    # an item without an end ends when the next begins
    assert [r[0].split(" - ")[1] for r in rows[1:-1]] == [r[0].split(" - ")[0] for r in rows[2:]]


def test_notice_cites_the_conference_and_dates_each_task(pack: tuple[Path, list[Path]]) -> None:
    path = pack[0] / "thong_bao_ket_luan_25-TB-SCT.docx"
    document = docx.Document(str(path))
    assert_header_block(
        document, **HEADER, number="Số: 25/TB-SCT", place_date="Hải Phòng, ngày 24 tháng 6 năm 2021"
    )
    assert_format(find(document, "THÔNG BÁO"), size=14, bold=True)
    text = text_of(path)
    assert (
        text.count(
            "Ngày 22 tháng 6 năm 2021, tại Hội trường Sở Công Thương Hải Phòng, Sở Công Thương tổ chức "
            "Hội nghị Biểu dương điển hình tiên tiến Sở Công Thương giai đoạn 2015 - 2020."
        )
        == 1
    )
    assert "đồng chí Trần Minh Quang - Giám đốc Sở Công Thương kết luận như sau:" in text
    assert "1. Đánh giá chung" in text and "2. Nhiệm vụ trong thời gian tới" in text
    assert (
        "a) Văn phòng Sở: Tham mưu xây dựng kế hoạch phát động phong trào thi đua giai đoạn 2021 - 2025. "
        "Thời hạn: trước ngày 15/7/2021."
    ) in text
    assert "b) Các phòng, đơn vị thuộc Sở:" in text and "Thời hạn: trước ngày 30/6/2021." in text
    assert "Văn phòng Sở thông báo để các phòng, đơn vị biết, thực hiện./." in text
    assert_closing(
        document,
        last_recipient="- Lưu: VT, VP.",
        signer_lines=["TL. GIÁM ĐỐC", "CHÁNH VĂN PHÒNG"],
        name="Phạm Thu Hà",
    )


def test_official_letter(pack: tuple[Path, list[Path]]) -> None:
    path = pack[0] / "cong_van_130-SCT-VP.docx"
    document = docx.Document(str(path))
    assert_header_block(
        document, **HEADER, number="Số: 130/SCT-VP", place_date="Hải Phòng, ngày 25 tháng 6 năm 2021"
    )
    subject = find(document, "V/v báo cáo kết quả khen thưởng giai đoạn 2015 - 2020")
    assert_format(subject, size=13, bold=False, italic=False)
    number_cell = find(document, "Số: 130/SCT-VP")._p.getparent()
    assert subject._p.getparent() is number_cell  # under the number, in the agency column
    assert_format(find(document, "Kính gửi: Ban Thi đua - Khen thưởng thành phố Hải Phòng."), size=14)
    text = text_of(path)
    assert (
        "Ngày 15 tháng 6 năm 2021, Giám đốc Sở Công Thương đã ban hành Quyết định số 12/QĐ-SCT về việc "
        "tặng Giấy khen"
    ) in text
    assert "theo đó, 04 tập thể và 11 cá nhân được tặng Giấy khen của Giám đốc Sở Công Thương" in text
    assert (
        "với tổng số tiền thưởng 8.550.000 đồng (Bằng chữ: Tám triệu năm trăm năm mươi nghìn đồng), "
        "trích từ Quỹ thi đua, khen thưởng của Sở Công Thương."
    ) in text
    # signed by the Giám đốc: no copy to the Giám đốc "for a report"
    assert "Giám đốc Sở (để b/c)" not in text
    assert text.count("./.") == 1
    assert_closing(
        document, last_recipient="- Lưu: VT, VP.", signer_lines=["GIÁM ĐỐC"], name="Trần Minh Quang"
    )


def test_official_letter_to_several_recipients(event: Event) -> None:
    issue = event.issued(event.config.official_letter, None)
    assert issue is not None
    content = OfficialLetterContent(
        addressees=["Sở Nội vụ thành phố Hải Phòng", "Ban Thi đua - Khen thưởng thành phố"],
        body=["Sở Công Thương đề nghị Quý cơ quan phối hợp"],
    )
    data = workflow.official_letter(content, issue)
    document = docx.Document(io.BytesIO(data))
    lines = [plain(p.text) for p in all_paragraphs(document) if p.text.strip()]
    at = lines.index("Kính gửi:")
    assert lines[at + 1 : at + 3] == [
        "- Sở Nội vụ thành phố Hải Phòng;",
        "- Ban Thi đua - Khen thưởng thành phố.",
    ]
    assert "Sở Công Thương đề nghị Quý cơ quan phối hợp./." in lines
    assert check(data, layout=False).findings == []


# -- votes, shares and refusals ---------------------------------------------------------------------


def council(**changes: Any) -> dict[str, Any]:
    data = seed_data()["council"]
    data.update(changes)
    return data


def test_shares_are_of_all_members_and_decide_the_result() -> None:
    assert format_percent(6, 7) == "85,71%" and format_percent(7, 7) == "100%"
    meeting = CouncilMeeting.model_validate(
        {
            k: v
            for k, v in council(proposals=[{"votes_for": 4, "votes_against": 2}]).items()
            if k in CouncilMeeting.model_fields
        }
    )
    proposal = meeting.proposals[0]
    assert meeting.share(proposal) == "57,14%" and not meeting.passed(proposal)
    assert meeting.attendance == "06/07"


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        (
            {"proposals": [{"votes_for": 6, "votes_against": 1}]},
            "proposal 1: 7 votes cast but only 6 members present",
        ),
        ({"chair": "Nguyễn Đức Thắng"}, "chair 'Nguyễn Đức Thắng' is marked absent"),
        ({"secretary": "Nguyễn Văn Khác"}, "secretary 'Nguyễn Văn Khác' is not among the members"),
        ({"ends_at": "2021-06-10T13:00:00"}, "ends_at is not after starts_at"),
    ],
)
def test_inconsistent_councils_are_refused(changes: dict[str, Any], message: str) -> None:
    data = seed_data()
    data["council"] = council(**changes)
    with pytest.raises(ValidationError) as caught:
        EventConfig.from_dict(data)
    assert message in str(caught.value)


def test_a_list_the_council_rejected_cannot_be_submitted(tmp_path: Path) -> None:
    data = seed_data()
    data["council"] = council(proposals=[{"votes_for": 4, "votes_against": 2}])
    event = load_event(write_event(tmp_path, data))
    minutes = single_documents(event)["minutes"]
    minutes.produce(tmp_path / "bien_ban.docx")
    text = text_of(tmp_path / "bien_ban.docx")
    assert "Đề nghị không được thông qua (chưa đạt 70%)." in text
    assert "không thông qua đề nghị nào" in text
    with pytest.raises(ValueError, match=r"did not approve proposal 1 \(57,14% of its members, 70% needed\)"):
        single_documents(event)["submission"].produce(tmp_path / "to_trinh.docx")
    assert not (tmp_path / "to_trinh.docx").exists()


@pytest.mark.parametrize(
    ("section", "field", "value", "message"),
    [
        ("submission", "date", "2021-06-16", "submission is dated 16/6/2021, after decision (15/6/2021)"),
        ("plan", "date", "2021-06-23", "plan is dated 23/6/2021, after conference (22/6/2021)"),
        ("notice", "date", "2021-06-21", "conference is dated 22/6/2021, after notice (21/6/2021)"),
        ("official_letter", "date", "2021-06-14", "decision is dated 15/6/2021, after official_letter"),
        ("council", "starts_at", "2021-06-12T14:00:00", "council is dated 12/6/2021, after submission"),
    ],
)
def test_dates_must_follow_the_workflow(section: str, field: str, value: str, message: str) -> None:
    data = seed_data()
    data[section][field] = value
    if field == "starts_at":
        data[section].pop("ends_at")
    with pytest.raises(ValidationError) as caught:
        EventConfig.from_dict(data)
    assert message in str(caught.value)


def test_programme_must_fit_the_conference() -> None:
    data = seed_data()
    data["conference"]["programme"][0]["start"] = "07:30"
    with pytest.raises(ValidationError, match=r"programme item 1 \(07h30 - 08h20\) is outside"):
        EventConfig.from_dict(data)
    data = seed_data()
    data["conference"]["programme"][2]["start"] = "08:10"
    with pytest.raises(ValidationError, match=r"programme item 3 .* starts before item 2"):
        EventConfig.from_dict(data)
    assert parse_clock("8h30") == dt.time(8, 30) == parse_clock("8 giờ 30") == parse_clock("08:30")
    with pytest.raises(ValueError, match="not a time of day"):
        parse_clock("sáng")


def test_notice_deadline_before_the_conference_is_refused(tmp_path: Path) -> None:
    data = seed_data()
    data["notice"]["assignments"][0]["deadline"] = "2021-06-01"
    event = load_event(write_event(tmp_path, data))
    with pytest.raises(ValueError, match=r"assignment 1 \(Văn phòng Sở\): the deadline 01/6/2021"):
        single_documents(event)["notice"].produce(tmp_path / "tb.docx")


def test_point_letters_follow_the_vietnamese_alphabet() -> None:
    assert workflow.point_letters(7) == ["a)", "b)", "c)", "d)", "đ)", "e)", "g)"]
    with pytest.raises(ValueError):
        workflow.point_letters(30)


# -- the law follows the date ------------------------------------------------------------------------


def event_on(tmp_path: Path, day: str, **award: Any) -> Event:
    """The seed event moved to *day* (its dates, in order), with only the workflow's core."""
    data = seed_data()
    for section in ("plan", "council", "submission", "agenda", "notice", "official_letter"):
        data.pop(section)
    when = dt.date.fromisoformat(day)
    data["decision"]["date"] = day
    for section in ("invitation", "report", "letter"):
        data[section]["date"] = (when + dt.timedelta(days=7)).isoformat()
    data["conference"]["starts_at"] = f"{(when + dt.timedelta(days=7)).isoformat()}T08:00:00"
    data["conference"]["ends_at"] = f"{(when + dt.timedelta(days=7)).isoformat()}T11:30:00"
    data["award"].update(award)
    return load_event(write_event(tmp_path, data))


def test_2021_event_cites_the_law_of_2003_and_nd91(event: Event) -> None:
    award = event.honorees.award
    assert award is not None and (award.amount_individual, award.amount_collective) == (450_000, 900_000)
    assert award.round_up_to == 10_000  # Nghị định 91/2017 Điều 68 khoản 2 rounds up, as 98/2023 does


def test_2024_event_cites_the_law_of_2022_and_rounds_up(tmp_path: Path) -> None:
    event = event_on(tmp_path, "2024-09-10")
    award = event.honorees.award
    assert award is not None
    # 0,3 × 2.340.000 = 702.000 → 710.000; 0,6 × 2.340.000 = 1.404.000 → 1.410.000
    assert (award.amount_individual, award.amount_collective) == (710_000, 1_410_000)
    bases = event.decision.legal_basis_lines
    assert bases[0] == "Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022;"
    assert bases[1].startswith("Căn cứ Nghị định số 98/2023/NĐ-CP ngày 31 tháng 12 năm 2023")
    assert not any("2003" in b or "91/2017" in b for b in bases)
    single_documents(event)["decision"].produce(tmp_path / "qd.docx")
    text = text_of(tmp_path / "qd.docx")
    assert "mỗi cá nhân được thưởng 710.000 đồng (Bảy trăm mười nghìn đồng)" in text
    assert "Tổng số tiền thưởng là 13.450.000 đồng" in text  # 4 × 1.410.000 + 11 × 710.000


def test_early_2024_uses_the_base_salary_then_in_force(tmp_path: Path) -> None:
    award = event_on(tmp_path, "2024-03-01").honorees.award
    assert award is not None and (award.amount_individual, award.amount_collective) == (540_000, 1_080_000)


def test_the_event_overrides_the_legal_data(tmp_path: Path) -> None:
    award = event_on(tmp_path, "2024-09-10", base_salary=2_000_000).honorees.award
    assert award is not None and award.amount_individual == 600_000  # 0,3 × 2.000.000, already round
    award = event_on(
        tmp_path, "2024-09-10", amount_individual=500_000, amount_collective=900_000
    ).honorees.award
    assert award is not None and (award.amount_individual, award.amount_collective) == (500_000, 900_000)


def test_a_users_legal_data_file_extends_the_builtin_one(tmp_path: Path) -> None:
    (tmp_path / "phap_ly.yaml").write_text(
        "base_salaries:\n  - {from: 2026-07-01, amount: 2530000, source: Nghị định giả định}\n"
        "regimes:\n  - id: nd98-2023\n    from: 2024-01-01\n    law: Luật 2022\n    decree: Nghị định 98/2023\n"
        "    legal_bases: [Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022]\n"
        "    awards: {Giấy khen: {individual: '0.3'}, Bằng khen: {individual: '1.0'}}\n    round_up_to: 10000\n",
        encoding="utf-8",
    )
    data = seed_data()
    for section in ("plan", "council", "submission", "agenda", "notice", "official_letter"):
        data.pop(section)
    data["legal_data"] = "phap_ly.yaml"
    data["award"]["kind"] = "Bằng khen"
    data["decision"]["date"] = "2026-09-01"
    for section in ("invitation", "report", "letter"):
        data[section]["date"] = "2026-09-10"
    data["conference"]["starts_at"] = "2026-09-10T08:00:00"
    data["conference"]["ends_at"] = "2026-09-10T11:30:00"
    award = load_event(write_event(tmp_path, data)).honorees.award
    assert award is not None
    assert (award.amount_individual, award.amount_collective) == (2_530_000, 5_060_000)


def test_regime_none_and_dates_without_a_regime(tmp_path: Path) -> None:
    data = seed_data()
    for section in ("plan", "council", "submission", "agenda", "notice", "official_letter"):
        data.pop(section)
    data["regime"] = "none"
    event = load_event(write_event(tmp_path, data))
    assert event.honorees.award is not None and not event.honorees.award.has_money
    assert len(event.decision.legal_basis_lines) == 2  # the event's own two, no law added
    with pytest.raises(LegalDataError, match=r"no law on emulation and commendation is known on 01/01/2015"):
        builtin_legal_data().regime_on(dt.date(2015, 1, 1))
    with pytest.raises(LegalDataError, match="regime: none"):
        event_on(tmp_path, "2016-01-04")


# -- the command line ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("command", "name"),
    [
        ("plan", "ke_hoach_05-KH-SCT.docx"),
        ("minutes", "bien_ban_hop_hoi_dong_01-BB-HĐTĐKT.docx"),
        ("submission", "to_trinh_10-TTr-VP.docx"),
        ("agenda", "chuong_trinh_hoi_nghi.docx"),
        ("notice", "thong_bao_ket_luan_25-TB-SCT.docx"),
        ("official-letter", "cong_van_130-SCT-VP.docx"),
    ],
)
def test_cli_writes_each_workflow_document(
    command: str, name: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    runner = CliRunner()
    result = runner.invoke(app, [command, str(example_event())])
    assert result.exit_code == 0, result.output
    assert (tmp_path / name).is_file() and check(tmp_path / name, layout=False).ok
    again = runner.invoke(app, [command, str(example_event())])
    assert again.exit_code == 2 and "exists" in again.output


def test_cli_names_the_missing_section(tmp_path: Path) -> None:
    data = seed_data()
    del data["council"], data["submission"]
    path = write_event(tmp_path, data)
    result = CliRunner().invoke(app, ["minutes", str(path), "-o", str(tmp_path / "bb.docx")])
    assert result.exit_code == 2
    assert "has no 'council' section" in result.output
    assert not (tmp_path / "bb.docx").exists()


def test_list_items_are_punctuated_once(event: Event) -> None:
    """Items typed with or without their own ``.``/``;`` end with one ``;``, the last with ``.``."""
    config = event.config
    assert config.plan and event.conference
    plan = config.plan.model_copy(update={"purposes": ["Đánh giá kết quả.", "Biểu dương điển hình;"]})
    conference = event.conference.model_copy(
        update={"tasks": ["Đổi mới nội dung.", "Tham mưu cho thành phố"]}
    )
    plan_text = "\n".join(
        plain(p.text)
        for p in all_paragraphs(
            docx.Document(
                io.BytesIO(
                    workflow.plan(plan, conference, event.issued(config.plan, "Kế hoạch"))  # type: ignore[arg-type]
                )
            )
        )
    )
    assert "- Đánh giá kết quả;\n- Biểu dương điển hình." in plan_text
    report = documents.conference_report(conference, event.issued(config.report, "Báo cáo"))
    report_text = "\n".join(plain(p.text) for p in all_paragraphs(docx.Document(io.BytesIO(report))))
    assert "- Đổi mới nội dung;\n- Tham mưu cho thành phố." in report_text
    assert ".." not in plan_text.replace("./.", "") and ".." not in report_text.replace("./.", "")

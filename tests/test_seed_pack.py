"""The seed pack as the văn thư who signs it reads it: the decree's rounded money in every
document that states money, one fund, text findable as typed (no U+00A0, no invisible format
characters), each document from its issuer, its own number, recipients and titles that agree,
and the review that names what another office's event gets wrong."""

from __future__ import annotations

import datetime as dt
import io
import itertools
import re
import subprocess
import sys
import unicodedata
import zipfile
from pathlib import Path

import docx
import pytest
from lxml import etree

from reportkit import documents
from reportkit.charclasses import CONTROL_CHARS, FORMAT_CHARS
from reportkit.consistency import review_event
from reportkit.documents.certificates import calibrated_overlay, certificate_contexts
from reportkit.layout.metrics import lines_within, text_width_mm
from reportkit.legal.apply import award_by_law
from reportkit.legal.regimes import authority_level, builtin_legal_data
from reportkit.models import Award, HonoreeList
from reportkit.pack import Event, build_pack, load_event
from reportkit.resources import example_event
from reportkit.vn.positions import is_staff_category, position_in_unit
from reportkit.vn.text import findable, normalize
from tests.events import seed_data, write_event
from tests.nd30_asserts import all_paragraphs

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
FUND = "Quỹ thi đua, khen thưởng của Sở Công Thương"


@pytest.fixture(scope="module")
def event() -> Event:
    return load_event(example_event())


@pytest.fixture(scope="module")
def pack(tmp_path_factory: pytest.TempPathFactory, event: Event) -> tuple[Path, list[Path]]:
    folder = tmp_path_factory.mktemp("seed")
    return folder, build_pack(event, folder, pdf=False)


def text_of(path: Path) -> str:
    return "\n".join(p.text for p in all_paragraphs(docx.Document(str(path))))


# -- money -----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("day", "authority", "individual", "collective"),
    [
        # Nghị định 91/2017 Điều 68 khoản 2: 0,3 × 1.490.000 = 447.000 → 450.000; 894.000 → 900.000
        ("2021-06-15", "Giám đốc Sở Công Thương", 450_000, 900_000),
        # a commune's Chủ tịch: 0,15 × 1.490.000 = 223.500 → 230.000; 447.000 → 450.000
        ("2021-06-15", "Chủ tịch Ủy ban nhân dân xã An Lư", 230_000, 450_000),
        ("2018-03-01", "Chủ tịch UBND phường Máy Chai", 200_000, 390_000),  # 195.000, 390.000
        # Nghị định 98/2023: 0,3 × 2.340.000 = 702.000 → 710.000
        ("2024-09-10", "Giám đốc Sở Công Thương", 710_000, 1_410_000),
        ("2024-09-10", "Chủ tịch Ủy ban nhân dân thị trấn Núi Đèo", 360_000, 710_000),  # 351.000
    ],
)
def test_award_money_is_rounded_up_per_recipient_under_every_regime(
    day: str, authority: str, individual: int, collective: int
) -> None:
    award = award_by_law(Award(authority=authority), dt.date.fromisoformat(day), builtin_legal_data())
    assert (award.amount_individual, award.amount_collective) == (individual, collective)


def test_rounding_applies_to_the_users_own_base_and_factor_and_keeps_given_amounts() -> None:
    assert Award(authority="X", base_salary=1_490_000, individual_factor="0.15").amount_individual == 230_000
    assert Award(
        authority="X", base_salary=1_490_000, individual_factor="0.3", round_up_to=1
    ).amount_individual == (447_000)
    assert Award(authority="X", amount_individual=447_000).amount_individual == 447_000
    law = award_by_law(
        Award(authority="X", amount_individual=447_000, amount_collective=894_000),
        dt.date(2021, 6, 15),
        builtin_legal_data(),
    )
    assert (law.amount_individual, law.amount_collective) == (447_000, 894_000)
    # per recipient, before the sum: 11 × 450.000, never round(11 × 447.000)
    honorees = HonoreeList(
        award=Award(authority="X", base_salary=1_490_000, individual_factor="0.3"),
        honorees=[{"person": {"full_name": f"Người {chr(65 + i)}"}} for i in range(11)],
    )
    assert honorees.total_amount == 4_950_000


def test_commune_level_is_read_from_the_authority() -> None:
    assert authority_level("Chủ tịch Ủy ban nhân dân xã Tiên Cường") == "commune"
    assert authority_level("Chủ tịch UBND phường Lê Chân") == "commune"
    assert authority_level("Chủ tịch Ủy ban nhân dân huyện Tiên Lãng") is None
    assert authority_level("Giám đốc Sở Công Thương") is None


def test_every_document_that_states_money_states_the_rounded_sum_and_one_fund(
    pack: tuple[Path, list[Path]],
) -> None:
    folder = pack[0]
    stating = {
        "ke_hoach_05-KH-SCT.docx": "8.550.000 đồng",
        "to_trinh_10-TTr-VP.docx": "8.550.000 đồng (Bằng chữ: Tám triệu năm trăm năm mươi nghìn đồng)",
        "quyet_dinh_12-QĐ-SCT.docx": "8.550.000 đồng (Bằng chữ: Tám triệu năm trăm năm mươi nghìn đồng)",
        "bao_cao_ket_qua_hoi_nghi.docx": "8.550.000 đồng (Bằng chữ: Tám triệu năm trăm năm mươi nghìn đồng)",
        "cong_van_130-SCT-VP.docx": "8.550.000 đồng (Bằng chữ: Tám triệu năm trăm năm mươi nghìn đồng)",
    }
    for name, total in stating.items():
        text = text_of(folder / name)
        assert total in text, name
        assert FUND in text, name
        assert "chi thường xuyên" not in text and "8.493.000" not in text, name
    listing = docx.Document(str(folder / "danh_sach_kem_theo_quyet_dinh.docx")).tables[-1]
    amounts = [row.cells[-1].text for row in listing.rows[2:-1] if row.cells[-1].text[:1].isdigit()]
    assert set(amounts) == {"900.000", "450.000"} and listing.rows[-1].cells[-1].text == "8.550.000"


# -- findable as typed ------------------------------------------------------------------------------


def _invisible(text: str) -> list[str]:
    odd = [c for c in text if unicodedata.category(c) in ("Cf", "Zs") and c != " "]
    return [f"U+{ord(c):04X}" for c in odd]


def test_no_document_of_the_pack_carries_an_invisible_character(pack: tuple[Path, list[Path]]) -> None:
    docx_files = [p for p in pack[1] if p.suffix == ".docx"]
    assert len(docx_files) >= 30
    for path in docx_files:
        with zipfile.ZipFile(path) as archive:
            for name in archive.namelist():
                if not name.endswith(".xml"):
                    continue
                root = etree.fromstring(archive.read(name))
                texts = "".join(t.text or "" for t in root.iter(f"{{{W}}}t"))
                assert not _invisible(texts), (path.name, name, _invisible(texts))
                assert not CONTROL_CHARS.search(texts.replace("\t", "").replace("\n", "")), (path.name, name)


def test_names_and_dates_are_found_as_typed(pack: tuple[Path, list[Path]]) -> None:
    folder = pack[0]
    decision = text_of(folder / "quyet_dinh_12-QĐ-SCT.docx")
    assert "ngày 15 tháng 6 năm 2021" in decision and "giai đoạn 2015 - 2020" in decision
    certificate = text_of(folder / "giay_khen" / "05 Nguyễn Thị Hương.docx")
    assert "Bà Nguyễn Thị Hương" in certificate
    letter = text_of(folder / "thu_khen" / "thu_khen_05 Nguyễn Thị Hương.docx")
    assert "Nguyễn Thị Hương" in letter


def test_data_with_invisible_characters_is_printed_plain(event: Event) -> None:
    assert normalize("Nguyễn\u00a0Văn\u200b An\u2060") == "Nguyễn Văn An"
    assert findable("22/6/2021\u202f—\u00adx") == "22/6/2021 —x"
    members = list(event.honorees.honorees)
    person = members[4].person
    assert person is not None
    members[4] = members[4].model_copy(
        update={"person": person.model_copy(update={"full_name": "Nguyễn\u00a0Thị\u200bHương"})}
    )
    decision = event.decision.model_copy(
        update={"honorees": event.honorees.model_copy(update={"honorees": members})}
    )
    data = documents.honoree_list(decision)
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        texts = "".join(etree.fromstring(archive.read("word/document.xml")).itertext())
    assert "\u00a0" not in texts and "\u200b" not in texts and "Nguyễn ThịHương" in texts


def test_format_characters_class_is_unicode_category_cf() -> None:
    every_cf = [chr(c) for c in range(0x110000) if unicodedata.category(chr(c)) == "Cf"]
    assert all(FORMAT_CHARS.fullmatch(c) for c in every_cf)
    assert not FORMAT_CHARS.search("Nguyễn Văn An 22/6/2021 - Đ ư ơ")


def test_a_calibrated_overlay_prints_text_as_the_plain_one_does(event: Event) -> None:
    contexts = certificate_contexts(event.decision, fit=False)
    person = contexts[4]["honoree"].person
    contexts[4]["honoree"] = contexts[4]["honoree"].model_copy(
        update={"person": person.model_copy(update={"full_name": "Nguyễn\u00a0Thị Hương"})}
    )
    for offset in ((0.0, 0.0), (3.0, -2.0)):
        data = calibrated_overlay(offset).render(contexts[4])
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            texts = "".join(etree.fromstring(archive.read("word/document.xml")).itertext())
        assert "Bà Nguyễn Thị Hương" in texts and "\u00a0" not in texts, offset


# -- who issues, numbers, recipients, titles --------------------------------------------------------


def test_header_lines_break_between_words_we_choose() -> None:
    assert (
        lines_within("HỘI ĐỒNG THI ĐUA - KHEN THƯỞNG", 13, 68.2, bold=True)
        == "HỘI ĐỒNG THI ĐUA -\nKHEN THƯỞNG"
    )
    assert lines_within("SỞ CÔNG THƯƠNG", 13, 68.2, bold=True) == "SỞ CÔNG THƯƠNG"
    long = "BAN CHỈ ĐẠO PHONG TRÀO THI ĐUA YÊU NƯỚC CỦA ỦY BAN NHÂN DÂN HUYỆN TIÊN LÃNG"
    assert all(
        text_width_mm(line, 13, bold=True) <= 68.2
        for line in lines_within(long, 13, 68.2, bold=True).split("\n")
    )


def test_each_invitation_has_its_own_number(pack: tuple[Path, list[Path]]) -> None:
    numbers = sorted(
        next(line for line in text_of(path).splitlines() if line.startswith("Số:"))
        for path in sorted((pack[0] / "giay_moi").glob("*.docx"))
    )
    assert numbers == ["Số: 19/GM-SCT", "Số: 20/GM-SCT"]


def test_two_documents_with_one_number_are_refused_before_anything_is_written(tmp_path: Path) -> None:
    data = seed_data()
    data["official_letter"]["issuer"] = "GM-SCT"
    data["official_letter"]["number"] = 20  # the second invitation's 20/GM-SCT
    event = load_event(write_event(tmp_path, data))
    with pytest.raises(ValueError, match=r"invitation 2: number 20/GM-SCT is also official_letter's"):
        build_pack(event, tmp_path / "out", pdf=False)
    assert not (tmp_path / "out").exists()


def test_invitations_address_people_one_way(pack: tuple[Path, list[Path]]) -> None:
    for path in (pack[0] / "giay_moi").glob("*.docx"):
        text = text_of(path)
        assert "Chủ trì: Ông Trần Minh Quang - Giám đốc Sở Công Thương." in text
        assert "đồng chí" not in text.casefold()


def test_the_seed_event_has_nothing_to_correct(event: Event) -> None:
    assert [str(f) for f in review_event(event)] == []


def test_review_names_what_the_old_seed_got_wrong(tmp_path: Path) -> None:
    data = seed_data()
    data["decision"]["legal_bases"] = [
        "Căn cứ Quyết định của Ủy ban nhân dân thành phố Hải Phòng quy định chức năng, nhiệm vụ của Sở"
    ]
    data["decision"]["executors"] = "Chánh Văn phòng Sở, Trưởng các phòng, đơn vị thuộc Sở"
    data["official_letter"]["recipients"] = ["Như trên", "Giám đốc Sở (để b/c)"]
    data["council"]["members"][0]["position"] = "Giám đốc Sở"
    data["plan"]["grounds"] = [
        "Thực hiện Kế hoạch số 03/KH-SCT ngày 15/01/2021 của Sở Công Thương",
        "Căn cứ Luật Thi đua, khen thưởng ngày 26 tháng 11 năm 2003",
    ]
    found = [str(f) for f in review_event(load_event(write_event(tmp_path, data)))]
    expected = [
        r"^decision\.legal_bases: .*lacks its number \(số …\), its date \(ngày …\)$",
        r"^decision\.executors: .*unit that pays",
        r"^official_letter: 'Giám đốc Sở \(để b/c\)': the document is signed by the GIÁM ĐỐC",
        r"^council\.members 1: Trần Minh Quang is 'Giám đốc Sở' here but 'Giám đốc Sở Công Thương'",
        r"^plan\.grounds: .*'Căn cứ Luật.*has more force",
    ]
    for pattern in expected:
        assert any(re.search(pattern, f) for f in found), (pattern, found)
    assert len(found) == len(expected), found


def test_the_cli_prints_each_finding_and_still_writes_the_pack(tmp_path: Path) -> None:
    data = seed_data()
    data["official_letter"]["recipients"] = ["Như trên", "Giám đốc Sở (để b/c)"]
    path = write_event(tmp_path, data)
    result = subprocess.run(
        [sys.executable, "-m", "reportkit", "pack", str(path), "-o", str(tmp_path / "out"), "--no-pdf"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "warning: official_letter: 'Giám đốc Sở (để b/c)'" in " ".join(result.stderr.split())
    assert (tmp_path / "out" / "quyet_dinh_12-QĐ-SCT.docx").exists()


# -- letters ----------------------------------------------------------------------------------------


def test_letters_follow_the_list_and_name_positions_not_categories(
    pack: tuple[Path, list[Path]], event: Event
) -> None:
    letters = sorted((pack[0] / "thu_khen").glob("*.docx"))
    assert [p.stem.split(" ", 1)[1] for p in letters] == [h.name for h in event.honorees.ordered]
    for path in letters:
        text = text_of(path)
        assert "toàn ngành" not in text and "Mong tiếp tục" not in text
        assert "Thay mặt lãnh đạo Sở Công Thương" in text and "thành tích chung của Sở Công Thương" in text
        greeting = next(line for line in text.splitlines() if line.startswith("Thân gửi:"))
        assert not any(
            f", {c.capitalize()}," in greeting for c in ("chuyên viên", "viên chức", "kế toán viên")
        )
    hung = text_of(pack[0] / "thu_khen" / "thu_khen_06 Trần Văn Hùng.docx")
    assert "Thân gửi: Đồng chí Trần Văn Hùng, Trưởng phòng Quản lý Công nghiệp" in hung
    assert "Mong đồng chí tiếp tục phát huy" in hung
    office = text_of(pack[0] / "thu_khen" / "thu_khen_01 Phòng Quản lý Thương mại.docx")
    assert "Mong Phòng Quản lý Thương mại tiếp tục phát huy" in office


@pytest.mark.parametrize(
    ("position", "unit", "expected"),
    [
        ("Trưởng phòng", "Phòng Quản lý Công nghiệp", "Trưởng phòng Quản lý Công nghiệp"),
        ("Phó Trưởng phòng", "Phòng Kế hoạch - Tài chính", "Phó Trưởng phòng Kế hoạch - Tài chính"),
        ("Phó Chánh Văn phòng", "Văn phòng Sở", "Phó Chánh Văn phòng Sở"),
        ("Chuyên viên", "Văn phòng Sở", "Văn phòng Sở"),
        ("Nhân viên lái xe", "Văn phòng Sở", "Văn phòng Sở"),
        ("Hiệu trưởng", "Trường Tiểu học Lê Lợi", "Hiệu trưởng, Trường Tiểu học Lê Lợi"),
        ("Kế toán trưởng", None, "Kế toán trưởng"),
        (None, "Phòng Tổ chức", "Phòng Tổ chức"),
    ],
)
def test_position_in_unit(position: str | None, unit: str | None, expected: str) -> None:
    assert position_in_unit(position, unit) == expected


def test_staff_categories_are_not_positions() -> None:
    assert is_staff_category("Chuyên viên chính") and is_staff_category("viên chức")
    assert not is_staff_category("Trưởng phòng") and not is_staff_category("Chuyên gia tư vấn")


# -- capitals, the programme, the certificate's signature space --------------------------------------


def test_capitals_where_vietnamese_style_puts_them(pack: tuple[Path, list[Path]]) -> None:
    for path in [p for p in pack[1] if p.suffix == ".docx"]:
        text = text_of(path)
        assert not re.search(r"\bhội nghị [A-ZĐ]", text), path.name  # the conference's name keeps its capital
        assert "Thay mặt Lãnh đạo" not in text, path.name


def test_the_programme_grid_and_the_signature_block_are_apart(pack: tuple[Path, list[Path]]) -> None:
    document = docx.Document(str(pack[0] / "chuong_trinh_hoi_nghi.docx"))
    body = [el for el in document.element.body.iterchildren() if el.tag != f"{{{W}}}sectPr"]
    tables = [i for i, el in enumerate(body) if el.tag == f"{{{W}}}tbl"]
    # header table, programme table, closing table: never two tables side by side (Word joins them)
    assert len(tables) == 3 and all(b - a > 1 for a, b in itertools.pairwise(tables))
    programme = document.tables[1]
    assert "GIÁM ĐỐC" not in "".join(c.text for row in programme.rows for c in row.cells)


@pytest.mark.pdf
def test_the_certificate_leaves_35_mm_for_signature_and_seal(tmp_path: Path, event: Event) -> None:
    paths = documents.certificate_pdfs(event.decision, tmp_path, register_start=125)
    for pdf in paths[:2] + paths[4:6]:
        html = subprocess.run(
            ["pdftotext", "-bbox", str(pdf), "-"], check=True, capture_output=True, text=True
        ).stdout
        words = [
            (m.group(5), float(m.group(2)), float(m.group(4)))
            for m in re.finditer(
                r'xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<', html
            )
        ]
        title_bottom = max(y1 for word, _, y1 in words if word == "ĐỐC")
        name_top = min(y0 for word, y0, _ in words if word == "Quang")
        gap_mm = (name_top - title_bottom) * 25.4 / 72
        assert 33 <= gap_mm <= 40, (pdf.name, gap_mm)
        pages = subprocess.run(["pdfinfo", str(pdf)], check=True, capture_output=True, text=True).stdout
        assert re.search(r"Pages:\s+1\n", pages), pdf.name


@pytest.mark.pdf
def test_the_packs_certificate_pdfs_are_the_print_files_pages(tmp_path: Path, event: Event) -> None:
    paths = build_pack(event, tmp_path, pdf=True)
    pdfs = sorted((tmp_path / "pdf" / "giay_khen").glob("*.pdf"))
    assert [p.stem for p in pdfs] == [p.stem for p in sorted((tmp_path / "giay_khen").glob("*.docx"))]
    assert set(pdfs) <= set(paths)
    for pdf, honoree in zip(pdfs, event.honorees.ordered, strict=True):
        pages = subprocess.run(["pdfinfo", str(pdf)], check=True, capture_output=True, text=True).stdout
        assert re.search(r"Pages:\s+1\n", pages), pdf.name
        text = subprocess.run(["pdftotext", str(pdf), "-"], check=True, capture_output=True, text=True).stdout
        assert honoree.name in " ".join(text.split()), pdf.name

"""``reportkit init --kind``: a starter for each office kind — a Sở, a commune, a district, a
school, a company, a trade union — that runs ``pack`` clean (no warning of the review) and whose
decision passes ``reportkit check``; what each office writes differently shows in its pack."""

from __future__ import annotations

import io
import subprocess
import sys
from pathlib import Path

import docx
import pytest

from reportkit import check
from reportkit.app import load_event
from reportkit.sheets.columns import HEADINGS, heading_key
from reportkit.starter import STARTERS
from tests.nd30_asserts import all_paragraphs
from tests.test_validity import assert_valid

RUN = [sys.executable, "-m", "reportkit"]


def text(path: Path) -> str:
    return "\n".join(p.text for p in all_paragraphs(docx.Document(str(path))))


def packed(kind: str, tmp_path_factory: pytest.TempPathFactory) -> tuple[str, Path, str]:
    """``init --kind`` then ``pack``: the kind, the pack's folder and what pack said."""
    folder = tmp_path_factory.mktemp(kind)
    made = subprocess.run(
        [*RUN, "init", str(folder / "su_kien"), "--kind", kind], capture_output=True, text=True
    )
    assert made.returncode == 0, made.stderr
    result = subprocess.run(
        [*RUN, "pack", str(folder / "su_kien" / "su_kien.yaml"), "-o", str(folder / "out"), "--no-pdf"],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    return kind, folder / "out", result.stderr


@pytest.fixture(scope="module", params=sorted(STARTERS))
def pack(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> tuple[str, Path, str]:
    return packed(request.param, tmp_path_factory)


@pytest.fixture(scope="module")
def school(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return packed("truong", tmp_path_factory)[1]


def test_each_starter_packs_clean_and_its_decision_passes_the_check(pack: tuple[str, Path, str]) -> None:
    _, out, said = pack
    assert "warning:" not in said, said
    decision = next(out.glob("quyet_dinh_*.docx"))
    report = check(decision.read_bytes(), layout=False)
    assert report.ok, report.text()
    for written in [
        decision,
        *sorted(out.glob("giay_khen/*.docx"))[:1],
        *sorted(out.glob("thu_khen/*.docx"))[:1],
    ]:
        assert_valid(written.read_bytes(), written.name)  # ECMA-376, by openxml-audit


EXPECTED = {
    # kind: texts the decision holds (header, signer, money)
    "so": ["SỞ GIÁO DỤC VÀ ĐÀO TẠO", "KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"],
    "xa": ["ỦY BAN NHÂN DÂN XÃ AN LƯ", "CHỦ TỊCH", "360.000 đồng"],  # 0,15 × 2.340.000 → 360.000
    "huyen": ["ỦY BAN NHÂN DÂN\nHUYỆN TIÊN LÃNG", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"],
    "truong": ["UBND TỈNH HẢI DƯƠNG", "SỞ GIÁO DỤC VÀ ĐÀO TẠO", "TRƯỜNG THPT CHU VĂN AN", "200.000 đồng"],
    "cong_ty": ["CÔNG TY CỔ PHẦN CƠ KHÍ HẢI PHÒNG", "5.000.000 đồng", "Quỹ khen thưởng của Công ty"],
    "cong_doan": ["TM. BAN CHẤP HÀNH", "CHỦ TỊCH", "300.000 đồng", "600.000 đồng"],
}


def test_each_office_writes_its_own_first_page(pack: tuple[str, Path, str]) -> None:
    kind, out, _ = pack
    decision = text(next(out.glob("quyet_dinh_*.docx")))
    for expected in EXPECTED[kind]:
        assert expected in decision, (kind, expected)
    header = docx.Document(str(next(out.glob("quyet_dinh_*.docx")))).tables[0].rows[0].cells[0]
    assert header.paragraphs[0].text.strip(), "the header starts with an empty line"
    if kind == "xa":  # a line break written in the agency's header is kept, both lines bold
        assert header.paragraphs[0].text == "ỦY BAN NHÂN DÂN\nXÃ AN LƯ"
        assert all(run.bold for run in header.paragraphs[0].runs if run.text.strip())


def test_a_school_addresses_its_students_em(school: Path) -> None:
    certificate = text(school / "giay_khen" / "01 Lê Minh Châu.docx")
    assert "Em Lê Minh Châu" in certificate and "12A1" in certificate


def test_an_unknown_kind_is_refused_with_the_list() -> None:
    result = subprocess.run([*RUN, "init", "x", "--kind", "ubnd"], capture_output=True, text=True)
    assert result.returncode == 2 and "no starter 'ubnd'; there are: so, xa" in " ".join(
        result.stderr.split()
    )


def test_a_schools_letters_use_its_own_sentences(school: Path) -> None:
    letter = text(school / "thu_khen" / "thu_khen_01 Lê Minh Châu.docx")
    assert "thành tích chung của nhà trường. Mong em tiếp tục phát huy, chăm ngoan, học giỏi" in letter


def test_a_phrase_that_replaces_nothing_or_names_an_unknown_placeholder_is_refused(tmp_path: Path) -> None:
    import yaml

    from reportkit.app import load_event
    from reportkit.errors import UserInputError
    from reportkit.resources import example_event

    data = yaml.safe_load(example_event().read_text(encoding="utf-8"))
    data["phrases"] = {"letter.reslt": "x"}
    with pytest.raises(
        UserInputError, match=r"no phrase 'letter.reslt' to replace; did you mean 'letter.result'"
    ):
        load_event(data, folder=example_event().parent)
    data["phrases"] = {"letter.result": "Chúc mừng {agnecy}"}
    with pytest.raises(UserInputError, match=r"unknown placeholder \{agnecy\}"):
        load_event(data, folder=example_event().parent)


# -- each office's starter with a spreadsheet written as that office writes it --------------------

OFFICE_SHEETS = {
    # kind: (headings, two rows, honorific seen on a person's certificate, signer block)
    "so": (
        ["STT", "Họ và tên", "Giới tính", "Chức vụ", "Đơn vị công tác", "Ghi chú"],
        [[1, "Lê Văn Minh", "Nam", "Chuyên viên", "Văn phòng Sở", "Đề nghị năm 2024"],
         [2, "Trần Thị Hà", "Nữ", "Phó Trưởng phòng", "Phòng Giáo dục Trung học", None]],
        "Ông Lê Văn Minh",
        ["KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "Nguyễn Thị Lan"],
    ),
    "xa": (
        ["STT", "Họ và tên", "Giới tính", "Chức vụ", "Thôn / Đơn vị", "Ghi chú"],
        [[1, "Trần Văn Tâm", "Nam", "Trưởng thôn", "Thôn Đông", "Thôn nông thôn mới kiểu mẫu"],
         [2, "Phạm Thị Nga", "Nữ", "Chi hội trưởng phụ nữ", "Thôn Tây", None]],
        "Ông Trần Văn Tâm",
        ["CHỦ TỊCH", "Nguyễn Văn Hải"],
    ),
    "huyen": (
        ["STT", "Họ và tên", "Giới tính", "Chức vụ", "Đơn vị", "Ghi chú"],
        [[1, "Hoàng Thị Thu", "Nữ", "Chuyên viên", "Phòng Nội vụ", None],
         [2, "Vũ Văn Long", "Nam", "Trưởng phòng", "Phòng Tài chính - Kế hoạch", "Sáng kiến"]],
        "Bà Hoàng Thị Thu",
        ["KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Lê Văn Bình"],
    ),
    "truong": (
        ["STT", "Họ và tên", "Giới tính", "Lớp / Đơn vị", "Thành tích", "Ghi chú"],
        [[1, "Lê Minh Châu", "Nữ", "12A1", "Đạt giải Nhất học sinh giỏi cấp tỉnh", "Môn Toán"],
         [2, "Phạm Đức Dũng", "Nam", "11A2", "Đạt giải Ba học sinh giỏi cấp tỉnh", None]],
        "Em Lê Minh Châu",
        ["HIỆU TRƯỞNG", "Nguyễn Thị Hoa"],
    ),
    "cong_ty": (
        ["STT", "Họ và tên", "Giới tính", "Bộ phận", "Số tiền thưởng (VNĐ)", "Ghi chú"],
        [[1, "Nguyễn Văn An", "Nam", "Phân xưởng Cơ khí 1", 2_000_000, "Sáng kiến"],
         [2, "Trần Thị Bình", "Nữ", "Phòng Kế toán", 1_500_000, None]],
        "Ông Nguyễn Văn An",
        ["GIÁM ĐỐC", "Phạm Văn Long"],
    ),
    "cong_doan": (
        ["STT", "Họ và tên", "Giới tính", "Chức vụ công đoàn", "Tổ công đoàn", "Ghi chú"],
        [[1, "Vũ Thị Mai", "Nữ", "Tổ trưởng", "Tổ Phân xưởng 1", None],
         [2, "Đỗ Văn Nam", "Nam", "Đoàn viên", "Tổ Phân xưởng 2", "Đoàn viên xuất sắc"]],
        "Đồng chí Vũ Thị Mai",
        ["TM. BAN CHẤP HÀNH", "CHỦ TỊCH", "Đỗ Thị Hằng"],
    ),
}  # fmt: skip


def _office_sheet(path: Path, headings: list[str], rows: list[list[object]]) -> None:
    """A merged title row, a blank row, the office's own headings, the rows and a total row
    whose sum is a formula (no computed value, as openpyxl writes it)."""
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.append(["DANH SÁCH ĐỀ NGHỊ KHEN THƯỞNG NĂM 2024"])
    sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(headings))
    sheet.append([])
    sheet.append(headings)
    for row in rows:
        sheet.append(row)
    total = [None] * len(headings)
    total[1] = "Tổng cộng"
    if "Số tiền thưởng (VNĐ)" in headings:
        column = "ABCDEFGH"[headings.index("Số tiền thưởng (VNĐ)")]
        total[headings.index("Số tiền thưởng (VNĐ)")] = f"=SUM({column}4:{column}5)"
    sheet.append(total)
    book.save(path)


@pytest.mark.parametrize("kind", sorted(OFFICE_SHEETS))
def test_each_office_with_its_own_spreadsheet(kind: str, tmp_path: Path) -> None:
    headings, rows, addressed, signer = OFFICE_SHEETS[kind]
    folder = tmp_path / "su_kien"
    assert subprocess.run([*RUN, "init", str(folder), "--kind", kind], capture_output=True).returncode == 0
    _office_sheet(folder / "danh_sach.xlsx", headings, rows)
    result = subprocess.run(
        [*RUN, "pack", str(folder / "su_kien.yaml"), "-o", str(tmp_path / "out"), "--no-pdf"],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    said = " ".join(result.stderr.split())
    assert "warning:" not in said, said
    for heading in headings:  # every heading that is not a built-in one is named: used or kept
        if heading_key(heading) not in HEADINGS:
            assert f"'{heading}'" in said, (kind, heading, said)
    assert "is a total, not an honoree: skipped" in said
    out = tmp_path / "out"
    decision = next(out.glob("quyet_dinh_*.docx"))
    right = docx.Document(str(decision)).tables[-1].rows[0].cells[-1]
    assert [p.text for p in right.paragraphs if p.text.strip()] == signer
    first = next(out.glob("giay_khen/01 *.docx"))
    assert addressed in text(first)
    listing = docx.Document(str(out / "danh_sach_kem_theo_quyet_dinh.docx")).tables[-1]
    amounts = [row.cells[-1].text for row in listing.rows if row.cells[-1].text[:1].isdigit()]
    event = load_event(folder / "su_kien.yaml")
    if kind == "cong_ty":
        assert amounts == ["2.000.000", "1.500.000", "3.500.000"]  # the company's own money, summed
    elif event.honorees.total_amount:
        assert amounts[-1] == f"{event.honorees.total_amount:,}".replace(",", ".")
    assert check(decision.read_bytes(), layout=False).ok


def test_the_phrase_table_parses_and_every_phrase_fills() -> None:
    from reportkit.documents.phrases import PHRASES, check_phrases, phrase

    table = PHRASES()
    assert {"letter.praise", "letter.result", "decision.money", "thanks.thanks"} <= set(table)
    check_phrases(table)  # the built-in sentences name only known placeholders
    assert all("{" not in phrase(key) for key in table)


def test_an_event_may_word_the_money_article_its_own_way(tmp_path: Path) -> None:
    import yaml

    from reportkit import documents
    from reportkit.resources import example_event

    data = yaml.safe_load(example_event().read_text(encoding="utf-8"))
    data["phrases"] = {
        "decision.money": "Mức thưởng kèm theo {kind}: {clauses}; tổng cộng {total}, từ {fund}."
    }
    event = load_event(data, folder=example_event().parent)
    decision = documents.decision(event.decision, phrases=event.config.phrases)
    body = "\n".join(p.text for p in docx.Document(io.BytesIO(decision)).paragraphs)
    assert "Điều 2. Mức thưởng kèm theo Giấy khen: mỗi tập thể được thưởng 900.000 đồng" in body
    assert "tổng cộng 8.550.000 đồng, từ Quỹ thi đua, khen thưởng của Sở Công Thương." in body

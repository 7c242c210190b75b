"""``reportkit init --kind``: a starter for each office kind — a Sở, a commune, a district, a
school, a company, a trade union — that runs ``pack`` clean (no warning of the review) and whose
decision passes ``reportkit check``; what each office writes differently shows in its pack."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import docx
import pytest

from reportkit import check
from reportkit.starter import STARTERS
from tests.nd30_asserts import all_paragraphs

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

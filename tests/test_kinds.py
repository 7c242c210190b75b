"""The architecture's promises: one registry of kinds drives the templates, the pack and the
command line; events load one way from a path, bytes or a mapping; every error has one root and
one exit code; a new kind (Báo cáo thành tích) works end to end through the registry."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import docx
import pytest
from typer.testing import CliRunner

from reportkit.app import build_pack, classify, load_event, single_documents
from reportkit.errors import EXIT_BUG, EXIT_INPUT, ReportkitError, ToolError, UserInputError
from reportkit.kinds import KINDS, by_command, by_template
from reportkit.resources import TEMPLATE_NAMES, example_event, templates_folder
from tests.events import seed_data
from tests.nd30_asserts import all_paragraphs
from tests.test_validity import assert_valid

ROOT = Path(__file__).resolve().parent.parent


def text_of(path: Path) -> str:
    return "\n".join(p.text for p in all_paragraphs(docx.Document(str(path))))


# -- one registry ------------------------------------------------------------------------------------


def test_the_registry_is_the_list_of_templates() -> None:
    shipped = sorted(p.name for p in templates_folder().glob("*.docx"))
    assert sorted(TEMPLATE_NAMES) == shipped == sorted(k.template for k in KINDS.values())
    from reportkit.layout.generate import TEMPLATES

    assert list(TEMPLATES) == [k.template for k in KINDS.values()]
    assert by_template("giay_khen.docx").name == "certificate"


def test_every_one_file_kind_with_a_command_is_a_command_of_the_cli() -> None:
    from reportkit.cli import app

    runner = CliRunner()
    listing = runner.invoke(app, ["--help"], env={"COLUMNS": "200"}).output
    for kind in KINDS.values():
        if kind.command:
            assert by_command(kind.command) is kind
            assert kind.command in listing, kind.command
            assert kind.step is not None, kind.name


def test_the_pack_makes_every_one_file_kind_the_event_asks_for() -> None:
    event = load_event(example_event())
    steps = single_documents(event)
    expected = [
        k.name for k in KINDS.values() if k.step and (k.section is None or getattr(event.config, k.section))
    ]
    assert list(steps) == expected
    assert steps["plan"].file_name == "ke_hoach_05-KH-SCT.docx"
    assert steps["list"].file_name == "danh_sach_kem_theo_quyet_dinh.docx"


def test_the_event_is_computed_once() -> None:
    event = load_event(example_event())
    assert event.decision is event.decision and event.conference is event.conference
    event.honorees = event.honorees.model_copy(update={"honorees": event.honorees.honorees[:3]})
    assert event.decision.honorees is not None and len(event.decision.honorees.honorees) == 3


def test_no_module_is_longer_than_500_lines() -> None:
    long = {
        str(p.relative_to(ROOT)): n
        for p in (ROOT / "reportkit").rglob("*.py")
        if (n := len(p.read_text(encoding="utf-8").splitlines())) > 500
    }
    assert long == {}


# -- one way in ----------------------------------------------------------------------------------------


def test_an_event_loads_the_same_from_a_path_bytes_and_a_mapping() -> None:
    folder = example_event().parent
    from_path = load_event(example_event())
    from_bytes = load_event(example_event().read_bytes(), folder=folder)
    from_mapping = load_event(seed_data(), folder=folder)
    assert from_path.config == from_bytes.config == from_mapping.config
    assert from_path.honorees == from_bytes.honorees == from_mapping.honorees


def test_columns_map_the_offices_own_headings(tmp_path: Path) -> None:
    (tmp_path / "ds.csv").write_text(
        "STT,Tên người được khen,Giới tính\n1,Nguyễn Văn An,Nam\n2,Trần Thị Bình,Nữ\n", encoding="utf-8"
    )
    data = seed_data()
    for section in ("plan", "council", "submission", "agenda", "notice", "official_letter"):
        data.pop(section)
    data.pop("achievement_reports")
    data["honorees_file"] = "ds.csv"
    event = load_event(data, folder=tmp_path, columns={"Tên người được khen": "name"})
    assert [h.name for h in event.honorees.honorees] == ["Nguyễn Văn An", "Trần Thị Bình"]


def test_a_wrong_event_is_a_user_input_error_naming_the_field() -> None:
    data = seed_data()
    data["decision"]["date"] = "32/13/2021"
    with pytest.raises(UserInputError, match=r"decision\.date"):
        load_event(data, folder=example_event().parent)


# -- one root of errors, one exit code each -----------------------------------------------------------


def test_every_error_reportkit_raises_on_purpose_has_one_root() -> None:
    from reportkit.documents.fitting import CertificateFitError
    from reportkit.engine.batch import ExistingFilesError
    from reportkit.engine.errors import ImageError, PackageError, RenderError, TemplateError
    from reportkit.legal.regimes import LegalDataError
    from reportkit.models.loading import DataFileError
    from reportkit.pdf import PdfError
    from reportkit.sheets import SheetError, UnreadableSheetError
    from reportkit.sheets.honorees import RowError
    from reportkit.vn.amounts import AmountError
    from reportkit.vn.dates import DateError

    for kind in (
        TemplateError, PackageError, RenderError, ImageError, SheetError, UnreadableSheetError, RowError,
        DataFileError, LegalDataError, AmountError, DateError, CertificateFitError, ExistingFilesError,
    ):  # fmt: skip
        assert issubclass(kind, UserInputError) and issubclass(kind, ValueError), kind
    assert issubclass(PdfError, ToolError) and issubclass(PdfError, ReportkitError)
    assert issubclass(ExistingFilesError, FileExistsError)


def test_classify_tells_the_users_errors_from_ours() -> None:
    from reportkit.engine.errors import PackageError

    assert classify(PackageError("not a .docx")) == (EXIT_INPUT, "not a .docx")
    assert classify(FileNotFoundError(2, "No such file", "x.yaml"))[0] == EXIT_INPUT
    code, message = classify(KeyError("oops"))
    assert code == EXIT_BUG and "bug in reportkit" in message and "KeyError" in message


def test_the_cli_exits_2_on_input_and_70_on_a_bug(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    broken = tmp_path / "su_kien.yaml"
    broken.write_text("agency: [\n", encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "reportkit", "pack", str(broken), "-o", str(tmp_path / "out")],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == EXIT_INPUT and "Traceback" not in result.stderr
    from reportkit.app import packs
    from reportkit.cli import app

    def bug(*args: object, **kwargs: object) -> None:
        raise ZeroDivisionError("a bug")

    monkeypatch.setattr(packs, "build_pack", bug)
    outcome = CliRunner().invoke(app, ["demo", str(tmp_path / "demo"), "--no-pdf"])
    assert outcome.exit_code == EXIT_BUG
    assert "bug in reportkit" in outcome.output and "ZeroDivisionError" in outcome.output


# -- the new kind, end to end ------------------------------------------------------------------------


@pytest.fixture(scope="module")
def pack(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("reports")
    build_pack(load_event(example_event()), folder, pdf=False)
    return folder


def test_achievement_reports_are_written_in_the_lists_order(pack: Path) -> None:
    names = sorted(p.name for p in (pack / "bao_cao_thanh_tich").glob("*.docx"))
    assert names == ["01 Phòng Quản lý Thương mại.docx", "05 Nguyễn Thị Hương.docx"]
    for name in names:
        assert_valid((pack / "bao_cao_thanh_tich" / name).read_bytes(), name)


def test_an_individuals_report_follows_the_form(pack: Path) -> None:
    text = text_of(pack / "bao_cao_thanh_tich" / "05 Nguyễn Thị Hương.docx")
    for expected in (
        "BÁO CÁO THÀNH TÍCH",
        "ĐỀ NGHỊ TẶNG GIẤY KHEN CỦA GIÁM ĐỐC SỞ CÔNG THƯƠNG",
        "I. SƠ LƯỢC LÝ LỊCH",
        "- Họ và tên: Nguyễn Thị Hương",
        "- Sinh ngày, tháng, năm: 12/3/1985",
        "- Giới tính: Nữ",
        "- Đơn vị công tác: Văn phòng Sở",
        "1. Quyền hạn, nhiệm vụ được giao hoặc đảm nhận",
        "2. Thành tích đạt được của cá nhân",
        "III. CÁC HÌNH THỨC ĐÃ ĐƯỢC KHEN THƯỞNG",
        "NGƯỜI BÁO CÁO THÀNH TÍCH",
        "THỦ TRƯỞNG ĐƠN VỊ XÁC NHẬN, ĐỀ NGHỊ",
        "Hải Phòng, ngày 01 tháng 6 năm 2021",
    ):
        assert expected in text, expected
    assert "Chức vụ (Đảng, chính quyền, đoàn thể): Chuyên viên" not in text  # a category, not a position
    assert (
        "SỞ CÔNG THƯƠNG\n" not in text.split("BÁO CÁO THÀNH TÍCH")[0]
    )  # no agency block: the person reports
    document = docx.Document(str(pack / "bao_cao_thanh_tich" / "05 Nguyễn Thị Hương.docx"))
    awards = next(t for t in document.tables if t.rows[0].cells[1].text == "Hình thức khen thưởng")
    assert awards.rows[1].cells[0].text == "2018"
    signatures = document.tables[-1]
    assert [c.text.strip() for c in signatures.rows[1].cells] == ["Phạm Thu Hà", "Nguyễn Thị Hương"]


def test_a_collectives_report_follows_the_form(pack: Path) -> None:
    text = text_of(pack / "bao_cao_thanh_tich" / "01 Phòng Quản lý Thương mại.docx")
    for expected in (
        "SỞ CÔNG THƯƠNG",
        "Tên tập thể đề nghị: Phòng Quản lý Thương mại",
        "I. SƠ LƯỢC ĐẶC ĐIỂM, TÌNH HÌNH",
        "2. Chức năng, nhiệm vụ",
        "3. Việc thực hiện chủ trương, đường lối của Đảng, chính sách, pháp luật của Nhà nước",
        "2. Hình thức khen thưởng\nChưa có.",
        "THỦ TRƯỞNG ĐƠN VỊ CẤP TRÊN TRỰC TIẾP NHẬN XÉT, XÁC NHẬN",
    ):
        assert expected in text, expected
    assert "I. SƠ LƯỢC LÝ LỊCH" not in text


def test_a_report_about_someone_not_in_the_list_is_refused_before_anything_is_written(tmp_path: Path) -> None:
    data = seed_data()
    data["achievement_reports"][1]["honoree"] = "Nguyễn Thị Hưong"
    event = load_event(data, folder=example_event().parent)
    with pytest.raises(
        UserInputError, match=r"report 2: 'Nguyễn Thị Hưong' .*did you mean 'Nguyễn Thị Hương'"
    ):
        build_pack(event, tmp_path / "out", pdf=False)
    assert not (tmp_path / "out").exists() or not any((tmp_path / "out").iterdir())


@pytest.mark.pdf
def test_achievement_reports_convert_and_keep_their_signatures_together(pack: Path, tmp_path: Path) -> None:
    from reportkit.pdf import to_pdf
    from tests.test_pdf_fast import pdf_pages

    pdfs = to_pdf(sorted((pack / "bao_cao_thanh_tich").glob("*.docx")), tmp_path)
    for pdf in pdfs:
        pages = pdf_pages(pdf)
        signed = next(i for i, page in enumerate(pages) if "(Ký," in page)
        names = "Trần Minh Quang" if pdf.name.startswith("01") else "Nguyễn Thị Hương"
        assert names in pages[signed], pdf.name  # titles and names on the same page

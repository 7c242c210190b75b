"""A newcomer's path: init → edit → pack for a new agency, and the messages met on the way."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest

from reportkit import render_many
from reportkit.models import EventConfig
from reportkit.models.base import DataFileError
from tests.docx_helpers import build
from tests.test_cli import EVENT, run


def test_init_edit_pack_for_a_new_agency(tmp_path: Path) -> None:
    folder = tmp_path / "su_kien"
    assert run("init", str(folder)).returncode == 0
    event_file, sheet = folder / "su_kien.yaml", folder / "danh_sach.xlsx"
    assert "# Sự kiện" in event_file.read_text(encoding="utf-8") and sheet.is_file()
    # the clerk edits: another agency, another signer, three more rows
    text = event_file.read_text(encoding="utf-8")
    text = text.replace("Sở Giáo dục và Đào tạo", "Sở Y tế").replace("SGDĐT", "SYT")
    text = text.replace("Nguyễn Thị Lan", "Phạm Quốc Huy").replace("prefix: KT.", "prefix: TL.")
    event_file.write_text(text, encoding="utf-8")
    from openpyxl import load_workbook

    book = load_workbook(sheet)
    for index, name in enumerate(["Hoàng Thu Hà", "Đỗ Văn Tùng", "Vũ Thị Mai"], start=3):
        book.active.append(
            [
                index,
                "Cá nhân",
                name,
                "Nữ" if "Thị" in name or "Thu" in name else "Nam",
                "Bác sĩ",
                "Bệnh viện tỉnh",
                "Hoàn thành xuất sắc nhiệm vụ",
                None,
            ]
        )
    book.save(sheet)
    result = run("pack", str(event_file), "-o", str(tmp_path / "out"), "--no-pdf")
    assert result.returncode == 0, result.stderr
    out = tmp_path / "out"
    decision = docx.Document(str(out / "quyet_dinh_05-QĐ-SYT.docx"))
    text = "\n".join(p.text.replace("\u00a0", " ") for p in decision.paragraphs)
    # May 2024: Nghị định 98/2023 and the base salary then in force (1.800.000 until 30/6/2024)
    assert "01 tập thể và 04 cá nhân" in text and "mỗi cá nhân được thưởng 540.000 đồng" in text
    assert "Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022;" in text
    assert "tại Tờ trình số 03/TTr-VP ngày 16 tháng 5 năm 2024" in text
    for name in (
        "bien_ban_hop_hoi_dong_02-BB-HĐTĐKT.docx",
        "to_trinh_03-TTr-VP.docx",
        "cong_van_120-SYT-VP.docx",
    ):
        assert (out / name).is_file(), name
    closing = "\n".join(c.text for t in decision.tables for r in t.rows for c in r.cells)
    assert "TL. GIÁM ĐỐC" in closing and "Phạm Quốc Huy" in closing
    assert len(list((out / "giay_khen").glob("*.docx"))) == 5
    assert len(list((out / "thu_khen").glob("*.docx"))) == 5
    assert len(list((out / "giay_moi").glob("*.docx"))) == 1
    again = run("pack", str(event_file), "-o", str(out), "--no-pdf")
    assert again.returncode == 2 and "--overwrite" in again.stderr and "Traceback" not in again.stderr
    assert run("pack", str(event_file), "-o", str(out), "--no-pdf", "--overwrite").returncode == 0
    assert run("init", str(folder)).returncode == 2


def test_pack_refuses_only_its_own_files(tmp_path: Path) -> None:
    from reportkit.engine.batch import ExistingFilesError
    from reportkit.pack import build_pack, load_event
    from reportkit.resources import example_event

    out = tmp_path / "out"
    out.mkdir()
    (out / "mau_rieng.docx").write_bytes(build(["{{ x }}"]))  # the user's own template beside the pack
    event = load_event(example_event())
    written = build_pack(event, out, pdf=False)
    assert len(list((out / "thu_khen").glob("*.docx"))) == 15 and (out / "mau_rieng.docx").is_file()
    before = {p: p.stat().st_mtime_ns for p in written}
    with pytest.raises(ExistingFilesError) as info:
        build_pack(event, out, pdf=False)
    assert out / "mau_rieng.docx" not in info.value.paths and len(info.value.paths) == len(written)
    assert {p: p.stat().st_mtime_ns for p in written} == before  # refused before writing anything


def test_decision_and_list_refuse_to_overwrite(sample_data: Path, tmp_path: Path) -> None:
    target = tmp_path / "new" / "qd.docx"
    args = ("decision", str(sample_data / "honorees_2015_2020.csv"), "-c", str(EVENT), "--out", str(target))
    assert run(*args).returncode == 0 and target.is_file()  # the folder was created
    refused = run(*args)
    assert refused.returncode == 2 and "exists: add --overwrite" in refused.stderr
    assert "overwrite=True" not in refused.stderr
    assert run(*args, "--overwrite").returncode == 0


def test_version_and_sheet_option(sample_data: Path, tmp_path: Path) -> None:
    version = run("--version")
    assert version.returncode == 0 and version.stdout.startswith("reportkit ")
    wrong = run(
        "list",
        str(sample_data / "honorees_2015_2020.xlsx"),
        "-c",
        str(EVENT),
        "--sheet",
        "Nope",
        "-o",
        str(tmp_path / "l.docx"),
    )
    assert wrong.returncode == 2 and "no sheet named 'Nope' (its sheets: '" in wrong.stderr


def test_error_text_is_printed_literally(tmp_path: Path) -> None:
    name = tmp_path / "ds[red]2024[/].csv"
    result = run("certificates", str(name), "-c", str(EVENT), "-o", str(tmp_path / "gk"))
    assert (
        result.returncode == 2 and "ds[red]2024[/].csv" in result.stderr and "Traceback" not in result.stderr
    )


def test_yaml_errors_name_file_and_line(tmp_path: Path, sample_data: Path) -> None:
    broken = tmp_path / "su_kien.yaml"
    broken.write_text("agency:\n  name: Sở\n  parent: [unclosed\nsigner: x\n", encoding="utf-8")
    with pytest.raises(DataFileError, match=r"su_kien.yaml: line \d+, column \d+"):
        EventConfig.from_yaml(str(broken))  # a path given as str
    result = run(
        "decision",
        str(sample_data / "honorees_2015_2020.csv"),
        "-c",
        str(broken),
        "-o",
        str(tmp_path / "q.docx"),
    )
    assert result.returncode == 2 and "su_kien.yaml: line" in result.stderr


def test_validation_errors_speak_fields_not_types(tmp_path: Path, sample_data: Path) -> None:
    text = EVENT.read_text(encoding="utf-8").replace("  number: 12\n", "  number: mười hai\n", 1)
    bad = tmp_path / "hoi_nghi.yaml"
    bad.write_text(text, encoding="utf-8")
    (tmp_path / "honorees_2015_2020.csv").write_bytes((sample_data / "honorees_2015_2020.csv").read_bytes())
    result = run(
        "decision", str(tmp_path / "honorees_2015_2020.csv"), "-c", str(bad), "-o", str(tmp_path / "q.docx")
    )
    assert result.returncode == 2
    assert "decision.number: " in result.stderr and "('mười hai')" in result.stderr
    assert "https://errors.pydantic.dev" not in result.stderr and "type=" not in result.stderr


def test_empty_list_is_a_clear_error(tmp_path: Path) -> None:
    folder = tmp_path / "ev"
    assert run("init", str(folder)).returncode == 0
    from openpyxl import load_workbook

    book = load_workbook(folder / "danh_sach.xlsx")
    book.active.delete_rows(2, 2)
    book.save(folder / "danh_sach.xlsx")
    result = run("pack", str(folder / "su_kien.yaml"), "-o", str(tmp_path / "out"), "--no-pdf")
    assert result.returncode == 2 and "empty" in result.stderr and "Traceback" not in result.stderr


def test_a_failed_batch_leaves_nothing(tmp_path: Path) -> None:
    template = build(["{{ name }} {{ 10 // n }}"])
    records = [{"name": "A", "n": 1}, {"name": "B", "n": 0}, {"name": "C", "n": 1}]
    with pytest.raises(Exception, match="record 2"):
        render_many(template, records, tmp_path / "out")
    assert list((tmp_path / "out").iterdir()) == []

"""Streams everywhere: every API that takes a path also takes bytes or a binary stream and can
give bytes back, so that a service never touches the disk unless asked (issue: web)."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest

import reportkit
from reportkit import Image, Subdoc, Template, check, load_event, pack_archive
from reportkit.sheets.reading import UnreadableSheetError, read_table
from reportkit.starter import sample_sheet, starter_text
from tests.docx_helpers import build, document_text
from tests.test_compat_docxtpl import PNG
from tests.test_validity import assert_valid


@pytest.mark.parametrize(
    "name", ["honorees_2015_2020.xlsx", "honorees_2015_2020.csv", "honorees_2015_2020.cp1258.csv"]
)
def test_a_table_reads_the_same_from_a_path_bytes_and_a_stream(sample_data: Path, name: str) -> None:
    path = sample_data / name
    from_path = read_table(path)
    assert read_table(path.read_bytes()) == from_path
    with path.open("rb") as stream:
        assert read_table(stream) == from_path


def test_a_stream_is_named_in_messages_by_its_file_name() -> None:
    stream = io.BytesIO(b"PK\x03\x04broken")
    stream.name = "/uploads/danh_sach.xlsx"
    with pytest.raises(UnreadableSheetError, match=r"^danh_sach\.xlsx: not a readable \.xlsx"):
        read_table(stream)
    with pytest.raises(UnreadableSheetError, match=r"^the table: the old \.xls"):
        read_table(b"\xd0\xcf\x11\xe0" + b"\x00" * 100)


def test_an_event_with_its_spreadsheet_as_bytes(tmp_path: Path) -> None:
    event = load_event(
        starter_text("xa").encode(), spreadsheet=sample_sheet("xa"), folder=tmp_path, files=False
    )
    assert [h.name for h in event.honorees.honorees] == ["Thôn Đông", "Trần Văn Tâm"]
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize(
    ("change", "field"),
    [({"legal_data": "/etc/passwd"}, "legal_data"), ({}, "honorees_file")],
)
def test_an_event_from_elsewhere_names_no_file_here(change: dict, field: str) -> None:
    import yaml

    data = {**yaml.safe_load(starter_text("xa")), **change}
    spreadsheet = sample_sheet("xa") if field != "honorees_file" else None
    with pytest.raises(reportkit.UserInputError, match=field) as caught:
        load_event(data, spreadsheet=spreadsheet, files=False)
    assert caught.value.field == field


def test_the_pack_as_zip_bytes_leaves_no_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TMPDIR", str(tmp_path))
    import tempfile

    monkeypatch.setattr(tempfile, "tempdir", None)
    event = load_event(
        starter_text("huyen").encode(), spreadsheet=io.BytesIO(sample_sheet("huyen")), files=False
    )
    steps: list[str] = []
    archive = pack_archive(event, pdf=False, progress=steps.append)
    with zipfile.ZipFile(io.BytesIO(archive)) as pack:
        names = pack.namelist()
        decision = pack.read(names[0])
    assert names[0].startswith("quyet_dinh_") and "giay_khen_in_tat_ca.docx" in names
    assert steps[0] == names[0] and "giay_khen/" in steps
    assert_valid(decision, names[0])
    assert "KT. CHỦ TỊCH" in document_text(decision)["body"]
    assert list(tmp_path.iterdir()) == []


def test_templates_pictures_subdocuments_and_checks_from_streams() -> None:
    template = build(["{{ name }}", "{{ picture }}", "{{p part }}"])
    sub = build(["Phụ lục kèm theo"])
    rendered = Template(io.BytesIO(template)).render(
        {"name": "An", "picture": Image(io.BytesIO(PNG), width_mm=10), "part": Subdoc(io.BytesIO(sub))}
    )
    assert isinstance(rendered, bytes)
    assert (
        document_text(rendered)["body"][0] == "An" and "Phụ lục kèm theo" in document_text(rendered)["body"]
    )
    with zipfile.ZipFile(io.BytesIO(rendered)) as package:
        assert any(n.startswith("word/media/") for n in package.namelist())
    assert check(io.BytesIO(rendered)).findings == check(rendered).findings
    with pytest.raises(reportkit.ImageError, match="binary mode"):
        Image(io.StringIO("x"))  # type: ignore[arg-type]

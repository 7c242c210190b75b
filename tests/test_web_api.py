"""The HTTP API against the real server (``reportkit serve`` on 127.0.0.1, a free port): every
endpoint with good input and with bad (oversized, broken, hostile), each refusal a clear 4xx
JSON, and the server still serving after each."""

from __future__ import annotations

import io
import json
import subprocess
import sys
import zipfile
from collections.abc import Iterator
from pathlib import Path

import httpx
import openpyxl
import pytest
import yaml

from reportkit.starter import sample_sheet, starter_text
from tests.docx_helpers import build, document_text
from tests.test_hostile_round3 import linked_picture
from tests.test_validity import assert_valid
from tests.web_server import Server, running_server

MAX_UPLOAD = 2 << 20


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    with running_server(
        tmp_path_factory.mktemp("web"), env={"REPORTKIT_MAX_UPLOAD_BYTES": str(MAX_UPLOAD)}
    ) as running:
        yield running


def _still_serving(server: Server) -> None:
    assert server.json("/api/health")["status"] == "ok"


def _error(answer: httpx.Response, status: int) -> dict:
    assert answer.status_code == status, answer.text
    assert answer.headers["content-type"].startswith("application/json")
    return answer.json()["error"]


def _event(kind: str = "xa") -> bytes:
    return starter_text(kind).encode()


def _broken_sheet() -> bytes:
    book = openpyxl.load_workbook(io.BytesIO(sample_sheet("xa")))
    book.active.append([3, "Tập thẻ", "Thôn Tây", None, None, "xã An Lư", "x"])
    book.active.append([4, "Cá nhân", "", "Nam", None, "Thôn Tây", "y"])
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def test_health_and_openapi_from_the_models(server: Server) -> None:
    schema = server.json("/openapi.json")
    assert {"/api/render", "/api/events/review", "/api/packs", "/api/packs/json", "/api/check"} <= set(
        schema["paths"]
    )
    components = schema["components"]["schemas"]
    assert {"EventConfig", "Agency", "Honoree", "ReviewOut", "ProblemOut", "CheckOut"} <= set(components)
    assert "decision" in components["EventConfig"]["properties"]
    kinds = [o["kind"] for o in server.json("/api/offices")]
    assert kinds == ["so", "xa", "huyen", "truong", "cong_ty", "cong_doan"]


def test_review_of_a_good_event(server: Server) -> None:
    answer = httpx.post(
        server.url + "/api/events/review",
        files={"event": ("su_kien.yaml", _event()), "spreadsheet": ("danh_sach.xlsx", sample_sheet("xa"))},
    )
    assert answer.status_code == 200
    assert answer.json() == {"ok": True, "honorees": 2, "problems": []}


def test_review_names_every_bad_row_with_its_heading(server: Server) -> None:
    answer = httpx.post(
        server.url + "/api/events/review",
        files={"event": ("su_kien.yaml", _event()), "spreadsheet": ("danh_sach.xlsx", _broken_sheet())},
    )
    found = answer.json()
    assert answer.status_code == 200 and found["ok"] is False
    rows = {(p["row"], p["column"]) for p in found["problems"]}
    assert rows == {(4, "Loại"), (5, "Họ và tên / Tên tập thể")}
    assert all(p["file"] == "danh_sach.xlsx" for p in found["problems"])
    assert "Tập thẻ" in found["problems"][0]["message"]


def test_review_names_every_bad_field_of_the_event(server: Server) -> None:
    data = yaml.safe_load(_event())
    data["decision"]["date"] = "31/02/2024"
    data["signer"]["full_name"] = ""
    answer = httpx.post(
        server.url + "/api/events/review",
        files={
            "event": ("su_kien.yaml", yaml.safe_dump(data, allow_unicode=True).encode()),
            "spreadsheet": ("danh_sach.xlsx", sample_sheet("xa")),
        },
    )
    columns = {p["column"] for p in answer.json()["problems"]}
    assert {"decision.date", "signer.full_name"} <= columns, answer.json()


def test_an_event_may_not_name_files_of_the_server(server: Server) -> None:
    data = yaml.safe_load(_event())
    data["legal_data"] = "/etc/passwd"
    answer = httpx.post(
        server.url + "/api/packs",
        files={
            "event": ("su_kien.yaml", yaml.safe_dump(data, allow_unicode=True).encode()),
            "spreadsheet": ("danh_sach.xlsx", sample_sheet("xa")),
        },
    )
    error = _error(answer, 422)
    assert "legal_data" in error["message"] and error["problems"][0]["column"] == "legal_data"
    answer = httpx.post(server.url + "/api/packs", files={"event": ("su_kien.yaml", _event())})
    assert "upload the spreadsheet" in _error(answer, 422)["message"]
    _still_serving(server)


def test_a_broken_workbook_is_a_4xx_naming_the_file(server: Server) -> None:
    broken = b"PK\x03\x04" + b"\x00" * 200
    answer = httpx.post(
        server.url + "/api/packs",
        files={"event": ("su_kien.yaml", _event()), "spreadsheet": ("danh_sach.xlsx", broken)},
    )
    error = _error(answer, 422)
    assert "danh_sach.xlsx" in error["message"] and "not a readable .xlsx" in error["message"]
    _still_serving(server)


def test_an_oversized_upload_is_refused_before_it_is_read(server: Server) -> None:
    answer = httpx.post(server.url + "/api/check", files={"document": ("big.docx", b"x" * (MAX_UPLOAD + 1))})
    assert "over the limit" in _error(answer, 413)["message"]

    def chunks() -> Iterator[bytes]:  # no Content-Length: counted as it arrives
        for _ in range(MAX_UPLOAD // 65536 + 2):
            yield b"y" * 65536

    answer = httpx.post(
        server.url + "/api/check", content=chunks(), headers={"content-type": "application/octet-stream"}
    )
    assert answer.status_code == 413
    _still_serving(server)


def test_the_pack_as_a_zip_from_uploads(server: Server) -> None:
    answer = httpx.post(
        server.url + "/api/packs",
        files={"event": ("su_kien.yaml", _event()), "spreadsheet": ("danh_sach.xlsx", sample_sheet("xa"))},
        timeout=120,
    )
    assert answer.status_code == 200 and answer.headers["content-type"] == "application/zip"
    with zipfile.ZipFile(io.BytesIO(answer.content)) as pack:
        names = pack.namelist()
        decision = next(n for n in names if n.startswith("quyet_dinh_"))
        assert names[0] == decision or names.index(decision) < names.index("giay_khen_in_tat_ca.docx")
        data = pack.read(decision)
        listed = "\n".join(document_text(pack.read("danh_sach_kem_theo_quyet_dinh.docx"))["body"])
    assert_valid(data, decision)
    text = "\n".join(document_text(data)["body"])
    assert "ỦY BAN NHÂN DÂN\nXÃ AN LƯ" in text and "Nguyễn Văn Hải" in text
    assert "Trần Văn Tâm" in listed and "Thôn Đông" in listed


def test_the_pack_from_json_with_honorees_inline(server: Server) -> None:
    data = yaml.safe_load(_event())
    data.pop("honorees_file")
    data["honorees"] = [
        {
            "person": {"full_name": "Lê Thị Hoa", "gender": "Nữ"},
            "achievement": "Hoàn thành xuất sắc nhiệm vụ năm 2024",
        }
    ]
    answer = httpx.post(
        server.url + "/api/packs/json",
        content=json.dumps(data, default=str),
        headers={"content-type": "application/json"},
        timeout=120,
    )
    assert answer.status_code == 200, answer.text
    with zipfile.ZipFile(io.BytesIO(answer.content)) as pack:
        assert any("Lê Thị Hoa" in n for n in pack.namelist())
    data["decision"]["number"] = "không số"
    answer = httpx.post(server.url + "/api/packs/json", json=json.loads(json.dumps(data, default=str)))
    error = _error(answer, 422)
    assert any(p["column"] == "decision.number" for p in error["problems"]), error


def test_render_an_uploaded_template_escapes_the_data(server: Server) -> None:
    template = build(["Kính gửi: {{ name }}", "{% for x in items %}{{ x }}; {% endfor %}"])
    context = {"name": "Ông <b>Nguyễn</b> & Co", "items": ["một", "hai"]}
    answer = httpx.post(
        server.url + "/api/render",
        files={"template": ("thu.docx", template)},
        data={"context": json.dumps(context, ensure_ascii=False)},
    )
    assert answer.status_code == 200
    assert "thu.docx" in answer.headers["content-disposition"]
    lines = document_text(answer.content)["body"]
    assert lines[:2] == ["Kính gửi: Ông <b>Nguyễn</b> & Co", "một; hai; "]


@pytest.mark.parametrize(
    ("template", "context", "expected"),
    [
        (build(["{{ name.__class__.__mro__ }}"]), {"name": "x"}, "not allowed"),
        (build(["{{ missing }}"]), {}, "missing"),
        (build(["{% for %}"]), {}, "paragraph 1"),
        (linked_picture("http://127.0.0.1:9/x.png"), {}, "external"),
        (b"not a docx", {}, "not a .docx"),
    ],
    ids=["sandbox", "undefined", "syntax", "linked-picture", "not-docx"],
)
def test_a_hostile_or_broken_template_is_a_422(
    server: Server, template: bytes, context: dict, expected: str
) -> None:
    answer = httpx.post(
        server.url + "/api/render",
        files={"template": ("t.docx", template)},
        data={"context": json.dumps(context)},
    )
    error = _error(answer, 422)
    assert expected in error["message"].lower() or expected in error["message"], error
    _still_serving(server)


def test_render_refuses_a_context_that_is_not_a_json_object(server: Server) -> None:
    answer = httpx.post(
        server.url + "/api/render", files={"template": ("t.docx", build(["x"]))}, data={"context": "[1"}
    )
    assert "context: not JSON" in _error(answer, 422)["message"]
    answer = httpx.post(server.url + "/api/render", data={"context": "{}"})
    assert "template" in _error(answer, 422)["message"]


def test_check_a_document(server: Server) -> None:
    pack = httpx.post(
        server.url + "/api/packs",
        files={"event": ("su_kien.yaml", _event()), "spreadsheet": ("danh_sach.xlsx", sample_sheet("xa"))},
        timeout=120,
    ).content
    with zipfile.ZipFile(io.BytesIO(pack)) as archive:
        decision = next(archive.read(n) for n in archive.namelist() if n.startswith("quyet_dinh_"))
    answer = httpx.post(server.url + "/api/check", files={"document": ("qd.docx", decision)})
    assert answer.status_code == 200 and answer.json() == {"ok": True, "findings": []}
    wrong = build(["QUYẾT ĐỊNH", "Văn bản không đúng thể thức"])
    found = httpx.post(server.url + "/api/check", files={"document": ("x.docx", wrong)}).json()
    assert found["ok"] is False and {f["rule"] for f in found["findings"]}
    assert all(f["vi"] and f["where"] for f in found["findings"])
    assert (
        "not a .docx"
        in _error(httpx.post(server.url + "/api/check", files={"document": ("x.docx", b"plain")}), 422)[
            "message"
        ]
    )


def test_nothing_is_left_in_the_temporary_folder(server: Server) -> None:
    httpx.post(
        server.url + "/api/packs",
        files={"event": ("su_kien.yaml", _event()), "spreadsheet": ("danh_sach.xlsx", sample_sheet("xa"))},
        timeout=120,
    )
    left = [
        p.name for p in server.tmp.iterdir() if not p.name.startswith("reportkit-warm-")
    ]  # the warm LibreOffice of /api/render
    assert left == []


@pytest.mark.pdf
def test_render_to_pdf_through_the_warm_converter(server: Server) -> None:
    template = build(["Giấy mời: {{ name }}"])
    answer = httpx.post(
        server.url + "/api/render",
        files={"template": ("moi.docx", template)},
        data={"context": json.dumps({"name": "Bà Trần Thị Mai"}), "format": "pdf"},
        timeout=120,
    )
    assert answer.status_code == 200 and answer.content.startswith(b"%PDF-")
    text = subprocess.run(
        ["pdftotext", "-", "-"], input=answer.content, capture_output=True, check=True
    ).stdout
    assert "Giấy mời: Bà Trần Thị Mai" in text.decode()


def test_a_token_guards_everything_but_health(tmp_path: Path) -> None:
    with running_server(tmp_path, "--token", "s3cret") as guarded:
        assert guarded.get("/api/health")[0] == 200
        status, body = guarded.get("/api/offices")
        assert status == 401 and "token" in json.loads(body)["error"]["message"]
        assert guarded.get("/api/offices", {"Authorization": "Bearer wrong"})[0] == 401
        assert guarded.get("/api/offices", {"Authorization": "Bearer s3cret"})[0] == 200
        assert guarded.get("/")[0] == 401
        answer = httpx.get(guarded.url + "/?token=s3cret")
        assert answer.status_code == 200 and "reportkit_token" in answer.headers["set-cookie"]
        assert (
            httpx.get(guarded.url + "/api/offices", cookies={"reportkit_token": "s3cret"}).status_code == 200
        )


def test_listening_beyond_this_machine_needs_a_token() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "reportkit", "serve", "--host", "0.0.0.0", "--port", "9"],
        capture_output=True,
        text=True,
        timeout=60,
        env={"PATH": "/usr/bin:/bin"},
    )
    assert result.returncode == 2
    assert "--token" in result.stderr


@pytest.mark.pdf
def test_busy_and_overtime_are_503_and_504_and_the_server_goes_on(tmp_path: Path) -> None:
    import concurrent.futures
    import time

    # a PDF pack starts LibreOffice (about a second): never within 0.3 s, and its slot is held
    # until its thread ends, even after the client was told 504
    env = {"REPORTKIT_CONCURRENCY": "1", "REPORTKIT_QUEUE_SECONDS": "0.3", "REPORTKIT_REQUEST_SECONDS": "0.3"}
    files = {"event": ("su_kien.yaml", _event()), "spreadsheet": ("danh_sach.xlsx", sample_sheet("xa"))}
    with running_server(tmp_path, env=env) as slow:
        with concurrent.futures.ThreadPoolExecutor(2) as pool:
            long = pool.submit(
                httpx.post, slow.url + "/api/packs", files=files, data={"pdf": "true"}, timeout=60
            )
            time.sleep(0.1)
            busy = httpx.post(slow.url + "/api/events/review", files=files, timeout=60)
            assert "busy" in _error(busy, 503)["message"]
            assert "0.3 s" in _error(long.result(), 504)["message"]
        deadline = time.monotonic() + 60
        while True:  # the abandoned pack ends; its slot comes back
            answer = httpx.post(slow.url + "/api/events/review", files=files, timeout=60)
            if answer.status_code == 200 or time.monotonic() > deadline:
                break
            time.sleep(0.5)
        assert answer.status_code == 200 and answer.json()["ok"] is True


def test_the_page_without_a_browser(server: Server) -> None:
    page = httpx.get(server.url + "/?loai=cong_doan").text
    assert 'value="Công đoàn cơ sở Công ty Cổ phần Cơ khí Hải Phòng"' in page
    assert page.count("<option") == 6 and 'lang="vi"' in page
    sheet = httpx.get(server.url + "/mau/cong_doan/danh_sach.xlsx")
    assert (
        sheet.status_code == 200
        and openpyxl.load_workbook(io.BytesIO(sheet.content)).active["A1"].value == "STT"
    )
    assert httpx.get(server.url + "/mau/khong_co/danh_sach.xlsx").status_code == 404
    answer = httpx.post(
        server.url + "/kiem-tra",
        data={"loai": "xa", "decision_number": "hai mươi"},
        files={"danh_sach": ("ds.xlsx", sample_sheet("xa"))},
    )
    assert (
        answer.status_code == 422 and "a number is expected" in answer.text and 'id="tao"' not in answer.text
    )
    answer = httpx.post(
        server.url + "/kiem-tra", data={"loai": "xa"}, files={"danh_sach": ("ds.xlsx", _broken_sheet())}
    )
    assert answer.status_code == 422 and "<td>ds.xlsx</td><td>4</td><td>Loại</td>" in answer.text
    assert answer.text.count('class="error"') == 2
    uploaded = httpx.post(
        server.url + "/kiem-tra",
        data={"loai": "xa", "agency_name": "bị bỏ qua"},
        files={"danh_sach": ("ds.xlsx", sample_sheet("xa")), "su_kien_tep": ("su_kien.yaml", _event("xa"))},
    )
    assert (
        uploaded.status_code == 200 and "các ô của biểu mẫu không được dùng" in uploaded.text
    )  # named, not lost
    assert httpx.get(server.url + "/viec/not-a-job").status_code == 404
    assert httpx.post(server.url + "/tao", data={"ban_nhap": "guess"}).status_code == 404

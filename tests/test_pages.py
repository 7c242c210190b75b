"""Pages hold together, checked on paper: the stress pack converted by LibreOffice and read back
page by page with pdftotext. A certificate is one page whatever the data; the closing block
(Nơi nhận | signature) never splits; list rows never split and a group heading stays with its
first row."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from reportkit import documents
from reportkit.documents import workflow
from reportkit.pack import Event, load_event
from reportkit.resources import example_event
from tests.stress import LONG_COLLECTIVE, decision_with, many, stress_honorees

pytestmark = pytest.mark.pdf
COUNTS = (1, 9, 10, 99, 100, 250)


def pages_of(pdf: Path) -> list[str]:
    text = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], check=True, capture_output=True, text=True
    ).stdout
    return [" ".join(page.split()) for page in text.split("\f")[:-1]]


@pytest.fixture(scope="module")
def event() -> Event:
    return load_event(example_event())


@pytest.fixture(scope="module")
def converted(event: Event, tmp_path_factory: pytest.TempPathFactory) -> dict[str, list[str]]:
    """Every stress document, converted in one LibreOffice run: name → page texts."""
    from reportkit.pdf import to_pdf

    folder = tmp_path_factory.mktemp("stress")
    files: dict[str, bytes] = {}
    stress = decision_with(event, stress_honorees())
    files["certificates_stress"] = documents.certificates(stress)  # type: ignore[assignment]
    files["certificates_10"] = documents.certificates(decision_with(event, many(10, 3)))  # type: ignore[assignment]
    for count in COUNTS:
        decision = decision_with(event, many(count, collectives=min(10, count // 2)))
        files[f"list_{count}"] = documents.honoree_list(decision)  # type: ignore[assignment]
        files[f"decision_{count}"] = documents.decision(decision)  # type: ignore[assignment]
    conference, issue = event.conference, event.issued(event.config.report, "Báo cáo")
    assert conference and issue
    item = "Nội dung thảo luận về kết quả phong trào thi đua và phương hướng nhiệm vụ giai đoạn tới của ngành Công Thương."
    for extra in range(0, 16):
        longer = conference.model_copy(update={"content": [*conference.content, *[item] * extra]})
        files[f"report_{extra:02d}"] = documents.conference_report(longer, issue)  # type: ignore[assignment]
    config = event.config
    assert config.plan and config.council
    task = "Phối hợp chuẩn bị nội dung, tài liệu và các điều kiện cần thiết phục vụ Hội nghị theo chức năng."
    plan_issue, minutes_issue = (
        event.issued(config.plan, "Kế hoạch"),
        event.issued(config.council, "Biên bản"),
    )
    assert plan_issue and minutes_issue
    for extra in range(0, 16):
        units = [*config.plan.tasks, *[config.plan.tasks[0].model_copy(update={"tasks": [task]})] * extra]
        longer_plan = config.plan.model_copy(update={"tasks": units})
        files[f"plan_{extra:02d}"] = workflow.plan(longer_plan, conference, plan_issue)  # type: ignore[assignment]
        meeting = config.council.model_copy(update={"conclusions": [task] * (extra + 1)})
        files[f"minutes_{extra:02d}"] = workflow.council_minutes(meeting, event.honorees, minutes_issue)  # type: ignore[assignment]
    paths = []
    for name, data in files.items():
        path = folder / f"{name}.docx"
        path.write_bytes(data)
        paths.append(path)
    pdfs = to_pdf(paths, folder / "pdf")
    return {pdf.stem: pages_of(pdf) for pdf in pdfs}


def test_each_certificate_is_one_page(converted: dict[str, list[str]]) -> None:
    stress = converted["certificates_stress"]
    assert len(stress) == len(stress_honorees())
    for page in stress:
        assert (
            page.count("GIẤY KHEN") == 1 and "Trần Minh Quang" in page and "Quyết định số 12/QĐ-SCT" in page
        )
    assert LONG_COLLECTIVE.split(",")[0] in stress[0]
    assert len(converted["certificates_10"]) == 10


def test_a_certificate_too_long_for_any_layout_is_refused(event: Event) -> None:
    from reportkit.documents.fitting import CertificateFitError
    from reportkit.models import Honoree

    huge = Honoree.model_validate(
        {"collective": {"name": "Phòng"}, "achievement": " ".join([LONG_COLLECTIVE] * 12)}
    )
    with pytest.raises(CertificateFitError, match=r"record 2 \(Phòng\).*too tall"):
        documents.certificates(decision_with(event, [*many(1, collectives=1), huge]))


@pytest.mark.parametrize("count", COUNTS)
def test_list_rows_never_split_and_headings_stay_with_their_first_row(
    converted: dict[str, list[str]], count: int
) -> None:
    pages = converted[f"list_{count}"]
    collectives = min(10, count // 2)
    text = " ".join(pages)
    for index in range(1, count + 1):
        label = f"Phòng số {index} " if index <= collectives else f"Nguyễn Văn An {index} "
        assert (text + " ").count(label) == 1, label
    for page in pages:  # a long unit wraps over several lines: its first and last words on one page
        words = page.split()
        assert words.count("Kế") == words.count("nghiệp")
    if collectives:
        heading = next(i for i, p in enumerate(pages) if "II. CÁ NHÂN" in p)
        first = next(i for i, p in enumerate(pages) if f"Nguyễn Văn An {collectives + 1} " in p + " ")
        assert heading == first


@pytest.mark.parametrize("count", COUNTS)
def test_decision_closing_block_on_one_page(converted: dict[str, list[str]], count: int) -> None:
    pages = converted[f"decision_{count}"]
    last = pages[-1]
    assert "Nơi nhận:" in last and "GIÁM ĐỐC" in last and "Trần Minh Quang" in last


def test_report_closing_block_never_splits(converted: dict[str, list[str]]) -> None:
    page_counts = set()
    for extra in range(0, 16):
        pages = converted[f"report_{extra:02d}"]
        page_counts.add(len(pages))
        closing = [i for i, page in enumerate(pages) if "Nơi nhận:" in page]
        assert closing == [len(pages) - 1], (extra, closing)  # Nơi nhận on the last page …
        last = pages[-1]
        assert last.rstrip().endswith("Trần Minh Quang") and "GIÁM ĐỐC" in last  # … with the signature
        assert "./." in last  # … and never alone: the body's last paragraph goes with it
    assert len(page_counts) >= 2  # the closing crossed a page end somewhere in the range


@pytest.mark.parametrize("kind", ["plan", "minutes"])
def test_workflow_closing_never_alone_on_a_page(converted: dict[str, list[str]], kind: str) -> None:
    """Plans and minutes of growing length: the signature block stays whole, on the last page,
    with the body's closing paragraph (``…./.``) above it."""
    page_counts = set()
    for extra in range(0, 16):
        pages = converted[f"{kind}_{extra:02d}"]
        page_counts.add(len(pages))
        last = pages[-1]
        assert "./." in last, (kind, extra)
        assert last.rstrip().endswith("Trần Minh Quang") or "Lương Thị Mai Trần Minh Quang" in last, (
            kind,
            extra,
        )
        if kind == "plan":
            assert [i for i, page in enumerate(pages) if "Nơi nhận:" in page] == [len(pages) - 1]
        else:
            assert "THƯ KÝ" in last and "CHỦ TỊCH HỘI ĐỒNG" in last
    assert len(page_counts) >= 2, (kind, page_counts)

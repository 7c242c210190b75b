"""The wording a reviewer expects: money articles that agree with the list, report numbering
from what is present, letters that fit the recipient, same bytes twice."""

from __future__ import annotations

import datetime as dt
import time

import pytest

from reportkit import documents
from reportkit.models import Award, HonoreeList
from reportkit.pack import Event, load_event
from reportkit.resources import example_event
from tests.docx_helpers import body_lines, document_text
from tests.nd30_asserts import plain


@pytest.fixture(scope="module")
def event() -> Event:
    return load_event(example_event())


def article(data: bytes, number: int) -> str | None:
    lines = [plain(line) for line in body_lines(data)]
    return next((line for line in lines if line.startswith(f"Điều {number}.")), None)


def with_honorees(event: Event, honorees: HonoreeList):  # type: ignore[no-untyped-def]
    return event.decision.model_copy(update={"honorees": honorees})


def test_money_article_states_each_different_amount_and_the_total(event: Event) -> None:
    members = [h.model_copy() for h in event.honorees.honorees]
    members[5] = members[5].model_copy(update={"amount": 1_000_000})  # one person gets more
    members[6] = members[6].model_copy(update={"amount": 1_000_000})
    honorees = event.honorees.model_copy(update={"honorees": members})
    data = documents.decision(with_honorees(event, honorees))
    text = article(data, 2)
    assert text is not None
    assert "mỗi tập thể được thưởng 900.000 đồng (Chín trăm nghìn đồng)" in text
    assert "02 cá nhân, mỗi cá nhân được thưởng 1.000.000 đồng (Một triệu đồng)" in text
    assert "09 cá nhân, mỗi cá nhân được thưởng 450.000 đồng (Bốn trăm năm mươi nghìn đồng)" in text
    total = 4 * 900_000 + 2 * 1_000_000 + 9 * 450_000
    assert honorees.total_amount == total
    assert f"Tổng số tiền thưởng là {total:,} đồng".replace(",", ".") in text
    assert "(Bằng chữ: Chín triệu sáu trăm năm mươi nghìn đồng)" in text  # 9.650.000
    assert article(data, 3) is not None


def test_award_without_money_has_no_money_article(event: Event) -> None:
    honorees = event.honorees.model_copy(update={"award": Award(authority="Giám đốc Sở Công Thương")})
    data = documents.decision(with_honorees(event, honorees))
    assert article(data, 1) is not None
    assert "thưởng" not in (article(data, 2) or "") and "đồng" not in (article(data, 2) or "")
    assert article(data, 2).endswith("thi hành Quyết định này./.")  # type: ignore[union-attr]
    assert article(data, 3) is None


def test_changing_the_base_salary_changes_every_document(event: Event) -> None:
    award = event.config.award.model_copy(update={"base_salary": 1_800_000})
    honorees = event.honorees.model_copy(update={"award": award})
    text = article(documents.decision(with_honorees(event, honorees)), 2) or ""
    assert "mỗi cá nhân được thưởng 540.000 đồng" in text and "1.080.000 đồng" in text
    lines = [plain(x) for x in document_text(documents.honoree_list(with_honorees(event, honorees)))["body"]]
    assert "540.000" in lines and "1.080.000" in lines


def report_lines(event: Event, **changes: object) -> list[str]:
    conference = event.conference
    assert conference is not None
    issue = event.issued(event.config.report, "Báo cáo")
    assert issue is not None
    data = documents.conference_report(conference.model_copy(update=changes), issue)
    return [plain(line) for line in body_lines(data)]


def test_report_numbers_what_is_present(event: Event) -> None:
    lines = report_lines(event, chair=None, guests=[], honorees=None, awards_received=[])
    numbered = [line.split(".")[0] for line in lines if line[:2] in ("1.", "2.", "3.", "4.", "5.")]
    assert numbered[:3] == ["1", "2", "3"]  # time, venue, participants: no gap where the chair was
    assert any(line.startswith("3. Thành phần tham dự") for line in lines)
    assert not any("KHEN THƯỞNG" in line for line in lines)
    assert any(line == "III. KẾT LUẬN VÀ NHIỆM VỤ" for line in lines)


def test_report_time_range_and_speech_full_stop(event: Event) -> None:
    conference = event.conference
    assert conference is not None
    speech = conference.speeches[0].model_copy(update={"summary": "đánh giá cao kết quả đạt được"})
    lines = report_lines(event, ends_at=dt.datetime(2021, 6, 22, 11, 30), speeches=[speech])
    assert "1. Thời gian: từ 08 giờ 00 đến 11 giờ 30, Thứ Ba, ngày 22 tháng 6 năm 2021." in lines
    spoken = next(line for line in lines if line.startswith("Phát biểu tại Hội nghị"))
    assert spoken.endswith("đánh giá cao kết quả đạt được.")
    chair = next(line for line in lines if "Chủ trì" in line)
    guest = next(line for line in lines if line.startswith("- Đồng chí"))
    assert "Chủ trì: đồng chí " in chair and " - " in chair and " - " in guest  # one form for both


def test_letter_to_a_collective_has_a_greeting_for_a_collective(event: Event) -> None:
    collective = event.honorees.collectives[0]
    issue = event.issued(event.config.letter, None)
    assert issue is not None
    lines = [plain(x) for x in body_lines(documents.commendation_letter(collective, issue))]
    assert not any("sức khỏe" in line for line in lines)
    assert any(line.startswith("Chúc tập thể") for line in lines)


def test_same_input_same_bytes(event: Event, monkeypatch: pytest.MonkeyPatch) -> None:
    first = documents.decision(event.decision)
    later = time.time() + 3 * 86_400 + 7
    monkeypatch.setattr(time, "time", lambda: later)
    monkeypatch.setattr(time, "localtime", lambda *a: time.gmtime(later))
    assert documents.decision(event.decision) == first
    assert documents.certificates(event.decision) == documents.certificates(event.decision)

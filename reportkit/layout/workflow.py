"""The built-in templates of the steps around the decision: the plan of the conference (Kế hoạch),
the council's minutes (Biên bản), the submission (Tờ trình), the programme (Chương trình), the
notice of conclusions (Thông báo kết luận) and the official letter (công văn).

Each is Mẫu 1.4 of Phụ lục III (the letter Mẫu 1.5): the standard header, the type and summary,
the body, and the closing table. The names they read are built by
:mod:`reportkit.documents.workflow`; every builder adds ``agency``, ``doc``, ``rules``,
``signer``, ``signature`` and ``recipients`` (:func:`reportkit.documents.common.standard_context`).
"""

from __future__ import annotations

from docx.document import Document as DocumentObject
from docx.enum.table import WD_TABLE_ALIGNMENT

from reportkit.layout.nd30 import (
    LEFT,
    cant_split,
    closing_table,
    fixed_table,
    page_number_header,
    paragraph,
    repeat_header,
    signatures_side_by_side,
    title_block,
)
from reportkit.layout.parts import (
    BODY,
    CLOSING,
    RECIPIENTS,
    SIGNER,
    Section,
    addressee_block,
    cell_text,
    grid_borders,
    new_document,
    sections,
    standard_header,
)

__all__ = ["agenda", "conclusions_notice", "council_minutes", "official_letter", "plan", "submission"]


def _each(items: str, line: str = "{{ item }}") -> list[Section]:
    """A body paragraph *line* for each ``item`` of the list *items*."""
    return [(f"{{%p for item in {items} %}}", None), (line, BODY), ("{%p endfor %}", None)]


def _bullets(items: str) -> list[Section]:
    """``- …`` lines for the list *items* (punctuated by the builder: ``;``, the last ``.``)."""
    return _each(items, "- {{ item }}")


def _document(kind: str) -> DocumentObject:
    d = new_document()
    page_number_header(d)
    standard_header(d)
    title_block(d, kind, "{{ doc.summary }}", "{{p rules.summary }}")
    paragraph(d, "", after=6)
    return d


def plan() -> DocumentObject:
    """Kế hoạch tổ chức hội nghị: purposes, time and place, programme, awards, budget, tasks."""
    d = _document("KẾ HOẠCH")
    body: list[Section] = [
        ("{%p for line in plan.grounds %}", None),
        ("{{ line }}", BODY),
        ("{%p endfor %}", None),
        ("{{ plan.numerals.purpose }}. MỤC ĐÍCH, YÊU CẦU", "heading"),
        ("1. Mục đích", BODY),
        *_bullets("plan.purposes"),
        ("{%p if plan.requirements %}", None),
        ("2. Yêu cầu", BODY),
        *_bullets("plan.requirements"),
        ("{%p endif %}", None),
        ("{{ plan.numerals.info }}. THỜI GIAN, ĐỊA ĐIỂM, THÀNH PHẦN", "heading"),
        ("{{ plan.number.time }}. Thời gian: {{ plan.time }}.", BODY),
        ("{{ plan.number.venue }}. Địa điểm: {{ conference.venue }}.", BODY),
        ("{%p if plan.chair %}", None),
        ("{{ plan.number.chair }}. Chủ trì: {{ plan.chair }}.", BODY),
        ("{%p endif %}", None),
        ("{%p if plan.guests or conference.participants %}", None),
        ("{{ plan.number.participants }}. Thành phần:", BODY),
        *_bullets("plan.participants"),
        ("{%p endif %}", None),
        ("{{ plan.numerals.programme }}. NỘI DUNG, CHƯƠNG TRÌNH", "heading"),
        *_each("conference.content", "{{ loop.index }}. {{ item }}"),
        ("{%p if conference.programme %}", None),
        ("Chương trình cụ thể:", BODY),
        ("{%p for item in conference.programme %}", None),
        ("- {{ item.time_range }}: {{ item.content }}{{ item.led_by }}.", BODY),
        ("{%p endfor %}", None),
        ("{%p endif %}", None),
        ("{%p if plan.numerals.awards %}", None),
        ("{{ plan.numerals.awards }}. KHEN THƯỞNG", "heading"),
        ("{{ plan.awards }}", BODY),
        ("{%p endif %}", None),
        ("{{ plan.numerals.budget }}. KINH PHÍ", "heading"),
        *_bullets("plan.budget_lines"),
        ("Tổng kinh phí dự kiến: {{ plan.budget_total }}, từ {{ plan.budget_source }}.", BODY),
        ("{%p if plan.units %}", None),
        ("{{ plan.numerals.tasks }}. TỔ CHỨC THỰC HIỆN", "heading"),
        ("{%p for unit in plan.units %}", None),
        ("{{ loop.index }}. {{ unit.unit }}", BODY),
        *_bullets("unit.tasks"),
        ("{%p endfor %}", None),
        ("{%p endif %}", None),
        ("{{ plan.closing }}", CLOSING),
    ]
    sections(d, body)
    closing_table(d, recipients=RECIPIENTS, signer=SIGNER)
    return d


def council_minutes() -> DocumentObject:
    """Biên bản họp Hội đồng Thi đua - Khen thưởng: attendance, each proposal's vote, the
    conclusion; the secretary and the chair sign side by side."""
    d = _document("BIÊN BẢN")
    body: list[Section] = [
        ("I. THỜI GIAN, ĐỊA ĐIỂM, THÀNH PHẦN", "heading"),
        ("1. Thời gian: {{ minutes.time }}.", BODY),
        ("2. Địa điểm: {{ meeting.venue }}.", BODY),
        ("3. Thành phần: {{ minutes.attendance }} thành viên {{ minutes.council }} có mặt:", BODY),
        *_bullets("minutes.present"),
        ("{%p if minutes.absent %}", None),
        ("Vắng mặt:", BODY),
        *_bullets("minutes.absent"),
        ("{%p endif %}", None),
        ("4. Chủ trì: {{ minutes.chair }}.", BODY),
        ("5. Thư ký: {{ minutes.secretary }}.", BODY),
        ("II. NỘI DUNG", "heading"),
        ("{{ minutes.opening }}", BODY),
        ("{%p for p in minutes.proposals %}", None),
        ("{{ loop.index }}. {{ p.text }}", BODY),
        ("Kết quả biểu quyết {{ p.method }}: {{ p.votes }}. {{ p.result }}", BODY),
        ("{%p endfor %}", None),
        ("III. KẾT LUẬN", "heading"),
        *_each("minutes.conclusions"),
        ("{{ minutes.closing }}", CLOSING),
    ]
    sections(d, body)
    blank = ["", "", "", ""]
    signatures_side_by_side(
        d,
        ["THƯ KÝ", *blank, "{{ minutes.secretary_name }}"],
        ["{{ minutes.chair_title }}", *blank, "{{ minutes.chair_name }}"],
    )
    return d


def submission() -> DocumentObject:
    """Tờ trình đề nghị khen thưởng: to the head, on the grounds, the list with its counts and
    money, and the council's vote."""
    d = _document("TỜ TRÌNH")
    addressee_block(d)
    body: list[Section] = [
        *_each("submission.grounds"),
        ("{%p if submission.council %}", None),
        ("{{ submission.council }}", BODY),
        ("{%p endif %}", None),
        ("{{ submission.request }}", BODY),
        ("{%p if submission.money %}", None),
        *_bullets("submission.money"),
        ("{{ submission.total }}", BODY),
        ("{%p endif %}", None),
        ("{{ submission.closing }}", CLOSING),
    ]
    sections(d, body)
    closing_table(d, recipients=RECIPIENTS, signer=SIGNER)
    return d


def agenda() -> DocumentObject:
    """Chương trình hội nghị: time and place, then one table of times, items and who leads them."""
    d = _document("CHƯƠNG TRÌNH")
    sections(
        d,
        [
            ("Thời gian: {{ agenda.time }}.", BODY),
            ("Địa điểm: {{ conference.venue }}.", BODY),
        ],
    )
    paragraph(d, "", after=6)
    table = fixed_table(d, (40, 85, 40), rows=4)
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    grid_borders(table)
    head = ("Thời gian", "Nội dung", "Thực hiện")
    for cell, text in zip(table.rows[0].cells, head, strict=True):
        cell_text(cell, text, bold=True, size=14)
    cell_text(table.rows[1].cells[0], "{%tr for item in conference.programme %}", align=LEFT)
    item = table.rows[2].cells
    cell_text(item[0], "{{ item.time_range }}", size=14)
    cell_text(item[1], "{{ item.content }}", align=LEFT, size=14)
    cell_text(item[2], "{{ item.presenter or '' }}", align=LEFT, size=14)
    cell_text(table.rows[3].cells[0], "{%tr endfor %}", align=LEFT)
    for row in table.rows:
        cant_split(row)
    repeat_header(table.rows[0])
    closing_table(d, recipients=RECIPIENTS, signer=SIGNER)
    return d


def conclusions_notice() -> DocumentObject:
    """Thông báo kết luận: the conference, what the chair assessed, what each unit must do."""
    d = _document("THÔNG BÁO")
    body: list[Section] = [
        ("{{ notice.opening }}", BODY),
        ("{%p if notice.assessments %}", None),
        ("{{ notice.number.assessments }}. Đánh giá chung", "heading"),
        *_each("notice.assessments"),
        ("{%p endif %}", None),
        ("{%p if notice.assignments %}", None),
        ("{{ notice.number.assignments }}. Nhiệm vụ trong thời gian tới", "heading"),
        *_each("notice.assignments"),
        ("{%p endif %}", None),
        ("{{ notice.closing }}", CLOSING),
    ]
    sections(d, body)
    closing_table(d, recipients=RECIPIENTS, signer=SIGNER)
    return d


def official_letter() -> DocumentObject:
    """Công văn (Mẫu 1.5): ``Số: 05/SCT-VP`` with ``V/v …`` under it, ``Kính gửi:``, the body."""
    d = new_document()
    page_number_header(d)
    standard_header(d, subject="V/v {{ doc.summary }}")
    paragraph(d, "", after=6)
    addressee_block(d)
    sections(d, _each("body"))
    closing_table(d, recipients=RECIPIENTS, signer=SIGNER)
    return d

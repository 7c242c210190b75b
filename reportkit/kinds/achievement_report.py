"""Báo cáo thành tích đề nghị khen thưởng: the achievement report of an honoree (Nghị định
98/2023, Phụ lục: the form for an individual and the form for a collective), one file each.

Everything of the kind is here: its layout (how ``bao_cao_thanh_tich.docx`` is built), its
context (an :class:`~reportkit.models.achievement.AchievementReport` and the honoree it is about
→ template variables), its wording, and its pack step (one report per entry of the event file's
``achievement_reports``, in ``bao_cao_thanh_tich/``).

An individual's report has no agency block (the person reports, their unit's head confirms); a
collective's carries its unit and the unit above. Both end with the titles and awards already
received, as two tables, and two signatures side by side.
"""

from __future__ import annotations

import difflib
import os
from pathlib import Path
from typing import TYPE_CHECKING, Any

from reportkit.errors import UserInputError
from reportkit.kinds.base import Kind

if TYPE_CHECKING:
    from docx.document import Document as DocumentObject

    from reportkit.app.events import Event
    from reportkit.models.achievement import AchievementReport, PastHonour
    from reportkit.models.awards import Honoree

__all__ = ["FOLDER", "KIND", "context", "layout", "write"]

FOLDER = "bao_cao_thanh_tich"
"""The pack's subfolder of the reports."""

WORDING = {
    "title": "BÁO CÁO THÀNH TÍCH",
    "proposed": "ĐỀ NGHỊ TẶNG {award}",
    "person_cv": "I. SƠ LƯỢC LÝ LỊCH",
    "collective_situation": "I. SƠ LƯỢC ĐẶC ĐIỂM, TÌNH HÌNH",
    "achievements": "II. THÀNH TÍCH ĐẠT ĐƯỢC",
    "honours": "III. CÁC HÌNH THỨC ĐÃ ĐƯỢC KHEN THƯỞNG",
    "titles_table": "1. Danh hiệu thi đua",
    "awards_table": "2. Hình thức khen thưởng",
    "none_yet": "Chưa có.",
    "person_confirmer": "THỦ TRƯỞNG ĐƠN VỊ XÁC NHẬN, ĐỀ NGHỊ",
    "person_reporter": "NGƯỜI BÁO CÁO THÀNH TÍCH",
    "collective_confirmer": "THỦ TRƯỞNG ĐƠN VỊ CẤP TRÊN TRỰC TIẾP NHẬN XÉT, XÁC NHẬN",
    "collective_reporter": "THỦ TRƯỞNG ĐƠN VỊ",
    "sealed": "(Ký, đóng dấu)",
    "signed": "(Ký, ghi rõ họ và tên)",
}
"""Every fixed text of the report, in one place."""

_CV = (  # (label, attribute of the report or of the person)
    ("Họ và tên", "full_name"),
    ("Sinh ngày, tháng, năm", "birth"),
    ("Giới tính", "gender"),
    ("Quê quán", "hometown"),
    ("Trú quán", "residence"),
    ("Đơn vị công tác", "unit"),
    ("Chức vụ (Đảng, chính quyền, đoàn thể)", "positions"),
    ("Trình độ chuyên môn, nghiệp vụ", "qualifications"),
    ("Học hàm, học vị, danh hiệu, giải thưởng", "degrees"),
)


# -- layout ----------------------------------------------------------------------------------------


def _honours_table(d: DocumentObject, rows: str, heading: str) -> None:
    """Năm | the title or award | the decision: one row per item of *rows*."""
    from reportkit.layout.nd30 import LEFT, fixed_table, paragraph, repeat_header
    from reportkit.layout.parts import BODY, cell_text, grid_borders

    paragraph(d, f"{{%p if {rows} %}}")
    table = fixed_table(d, (25, 55, 85), 4)
    grid_borders(table)
    repeat_header(table.rows[0])
    headings = ("Năm", heading, "Số, ngày, tháng, năm của quyết định; cơ quan ban hành")
    for cell, text in zip(table.rows[0].cells, headings, strict=True):
        cell_text(cell, text, bold=True)
    cell_text(table.rows[1].cells[0], f"{{%tr for item in {rows} %}}")
    year, name, decision = table.rows[2].cells
    cell_text(year, "{{ item.year }}")
    cell_text(name, "{{ item.name }}", align=LEFT)
    cell_text(decision, "{{ item.decision }}", align=LEFT)
    cell_text(table.rows[3].cells[0], "{%tr endfor %}")
    paragraph(d, "{%p else %}")
    paragraph(d, WORDING["none_yet"], **BODY)
    paragraph(d, "{%p endif %}")


def layout() -> DocumentObject:
    """The template ``bao_cao_thanh_tich.docx``: one layout, the individual's and the
    collective's parts chosen by ``report.collective``."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    from reportkit.layout.metrics import text_width_mm
    from reportkit.layout.nd30 import MOTTO, NATIONAL_TITLE, paragraph, rule

    RIGHT = WD_ALIGN_PARAGRAPH.RIGHT
    from reportkit.layout.parts import BODY, new_document, sections, standard_header

    d = new_document()
    paragraph(d, "{%p if report.collective %}")
    standard_header(d, number=False)
    paragraph(d, "{%p else %}")
    paragraph(d, NATIONAL_TITLE, size=13, bold=True)
    paragraph(d, MOTTO, size=14, bold=True)
    rule(d, text_width_mm(MOTTO, 14, bold=True), 165)
    paragraph(d, "{{ doc.place_date }}", italic=True, align=RIGHT, before=6)
    paragraph(d, "{%p endif %}")
    paragraph(d, WORDING["title"], bold=True, before=18, keep_with_next=True)
    paragraph(d, "{{ report.proposed }}", bold=True, keep_with_next=True)
    paragraph(d, "{{ report.subject }}", italic=True, after=12)
    heading = "heading"
    body: list[Any] = [
        ("{%p if report.collective %}", None),
        (WORDING["collective_situation"], heading),
        ("1. Đặc điểm, tình hình", BODY),
        ("{%p for line in report.situation %}", None),
        ("{{ line }}", BODY),
        ("{%p endfor %}", None),
        ("2. Chức năng, nhiệm vụ", BODY),
        ("{%p for line in report.functions %}", None),
        ("{{ line }}", BODY),
        ("{%p endfor %}", None),
        ("{%p else %}", None),
        (WORDING["person_cv"], heading),
        ("{%p for line in report.cv %}", None),
        ("- {{ line }}", BODY),
        ("{%p endfor %}", None),
        ("{%p endif %}", None),
        (WORDING["achievements"], heading),
        ("{%p for part in report.parts %}", None),
        ("{{ part.heading }}", BODY),
        ("{%p for line in part.lines %}", None),
        ("{{ line }}", BODY),
        ("{%p endfor %}", None),
        ("{%p endfor %}", None),
        (WORDING["honours"], heading),
        (WORDING["titles_table"], BODY),
    ]
    sections(d, body)
    _honours_table(d, "report.emulation_titles", "Danh hiệu thi đua")
    paragraph(d, WORDING["awards_table"], **BODY)
    _honours_table(d, "report.awards", "Hình thức khen thưởng")
    _signatures(d)
    return d


def _signatures(d: DocumentObject) -> None:
    """The confirming head (left) and the reporter (right): titles on one row, top-aligned,
    and the names on the row below after the signature space, so that they line up whatever
    the titles' lengths. Neither row leaves the other's page."""
    from reportkit.layout.nd30 import HeaderWidths, cant_split, fixed_table, keep_apart, paragraph

    widths = HeaderWidths()
    half = (widths.closing_left + widths.closing_right) / 2
    keep_apart(d)
    paragraph(d, "", size=6)
    table = fixed_table(d, (half, half), 2)
    for row in table.rows:
        cant_split(row)
    titles = (("confirmer_title", "confirmer_note"), ("reporter_title", "reporter_note"))
    for cell, (title, note) in zip(table.rows[0].cells, titles, strict=True):
        cell.paragraphs[0]._p.getparent().remove(cell.paragraphs[0]._p)
        paragraph(cell, f"{{{{ report.{title} }}}}", size=13, bold=True, keep_with_next=True)
        paragraph(cell, f"{{{{ report.{note} }}}}", size=13, italic=True, keep_with_next=True)
    for cell, name in zip(table.rows[1].cells, ("confirmer", "reporter"), strict=True):
        cell.paragraphs[0]._p.getparent().remove(cell.paragraphs[0]._p)
        for _ in range(4):
            paragraph(cell, "", size=14)
        paragraph(cell, f"{{{{ report.{name} }}}}", size=14, bold=True)


# -- context ---------------------------------------------------------------------------------------


def _find(event: Event, report: AchievementReport, number: int) -> Honoree:
    names = [h.name for h in event.honorees.ordered]
    for honoree in event.honorees.ordered:
        if honoree.name == report.honoree:
            return honoree
    close = difflib.get_close_matches(report.honoree, names, n=1)
    hint = f" (did you mean {close[0]!r}?)" if close else ""
    raise UserInputError(
        f"achievement report {number}: {report.honoree!r} is not in the honoree list{hint}",
        field=f"achievement_reports.{number}.honoree",
    )


def _parts(report: AchievementReport, collective: bool) -> list[dict[str, Any]]:
    """The numbered parts of section II that have something to say."""
    wanted = (
        [
            ("Báo cáo thành tích căn cứ chức năng, nhiệm vụ được giao", report.achievements),
            (
                "Những biện pháp hoặc nguyên nhân đạt được thành tích; các phong trào thi đua đã được "
                "áp dụng",
                report.measures,
            ),
            (
                "Việc thực hiện chủ trương, đường lối của Đảng, chính sách, pháp luật của Nhà nước",
                report.policies,
            ),
        ]
        if collective
        else [
            ("Quyền hạn, nhiệm vụ được giao hoặc đảm nhận", report.duties),
            ("Thành tích đạt được của cá nhân", report.achievements),
        ]
    )
    present = [(heading, lines) for heading, lines in wanted if lines]
    return [
        {"heading": f"{number}. {heading}", "lines": list(lines)}
        for number, (heading, lines) in enumerate(present, start=1)
    ]


def context(report: AchievementReport, honoree: Honoree, event: Event) -> dict[str, Any]:
    """What ``bao_cao_thanh_tich.docx`` reads for *report* about *honoree*."""
    from reportkit.documents.common import standard_context
    from reportkit.vn.dates import numeric_date
    from reportkit.vn.text import upper

    collective = honoree.collective is not None
    award = report.award or (event.honorees.award.title if event.honorees.award else "")
    issue = event.issued(event.config.decision, None)
    assert issue is not None
    issue = issue.model_copy(update={"date": report.date, "number": None, "summary": None})
    base = standard_context(issue)
    values: dict[str, Any] = {
        "collective": collective,
        "proposed": WORDING["proposed"].format(award=upper(award)),
        "situation": list(report.situation),
        "functions": list(report.functions),
        "parts": _parts(report, collective),
        "emulation_titles": [_row(h) for h in report.emulation_titles],
        "awards": [_row(h) for h in report.awards],
        "confirmer": report.confirmer or "",
        "confirmer_note": WORDING["sealed"],
    }
    if collective:
        assert honoree.collective is not None
        values |= {
            "subject": f"Tên tập thể đề nghị: {honoree.collective.name}",
            "confirmer_title": WORDING["collective_confirmer"],
            "reporter_title": WORDING["collective_reporter"],
            "reporter_note": WORDING["sealed"],
            "reporter": report.reporter or "",
        }
    else:
        person = honoree.person
        assert person is not None
        known = {
            "full_name": person.full_name,
            "birth": numeric_date(report.birth_date) if report.birth_date else None,
            "gender": {"male": "Nam", "female": "Nữ"}.get(person.gender or ""),
            "unit": person.unit,
            "positions": report.positions or _position(person.position),
            "hometown": report.hometown,
            "residence": report.residence,
            "qualifications": report.qualifications,
            "degrees": report.degrees,
        }
        values |= {
            "subject": "",
            "cv": [f"{label}: {known[key]}" for label, key in _CV if known.get(key)],
            "confirmer_title": WORDING["person_confirmer"],
            "reporter_title": WORDING["person_reporter"],
            "reporter_note": WORDING["signed"],
            "reporter": person.full_name,
        }
    base["report"] = values
    return base


def _position(position: str | None) -> str | None:
    """A position for the CV's ``Chức vụ``: a staff category (``Chuyên viên``) is none."""
    from reportkit.vn.positions import is_staff_category

    return None if position is None or is_staff_category(position) else position


def _row(honour: PastHonour) -> dict[str, str]:
    return {"year": honour.year, "name": honour.name, "decision": honour.decision}


# -- the pack step ---------------------------------------------------------------------------------


def prepare(event: Event) -> list[dict[str, Any]]:
    """The context of every report of *event*, in the order of the honoree list; a report
    about someone the list does not hold is refused (with a did-you-mean) before anything is
    written."""
    reports = event.config.achievement_reports
    order = {h.name: index for index, h in enumerate(event.honorees.ordered, start=1)}
    found = [(_find(event, r, n), r) for n, r in enumerate(reports, start=1)]
    found.sort(key=lambda pair: order[pair[0].name])
    return [dict(context(report, honoree, event), honoree=honoree) for honoree, report in found]


def write(event: Event, folder: str | os.PathLike[str], *, overwrite: bool = False) -> list[Path]:
    """One report per entry of the event's ``achievement_reports``, written as a batch
    (``01 Nguyễn Thị Hương.docx`` …, numbered in the order of the list)."""
    from reportkit.documents.common import load_template
    from reportkit.engine.batch import render_many

    contexts = prepare(event)
    if not contexts:
        return []
    order = {h.name: index for index, h in enumerate(event.honorees.ordered, start=1)}

    def name(index: int, values: dict[str, Any]) -> str:
        return f"{order[values['honoree'].name]:02d} {values['honoree'].name}.docx"

    return list(  # a few hundred documents at most: a list, as before
        render_many(load_template(None, KIND.template), contexts, folder, filename=name, overwrite=overwrite)
    )


KIND = Kind(
    name="achievement_report",
    template="bao_cao_thanh_tich.docx",
    layout="reportkit.kinds.achievement_report:layout",
    title="Báo cáo thành tích đề nghị khen thưởng",
    summary=(
        "The achievement report of an honoree proposed for an award (Nghị định 98/2023, Phụ lục: "
        "the form for an individual and for a collective), one file each."
    ),
    section="achievement_reports",
    folder=FOLDER,
    batch="reportkit.kinds.achievement_report:write",
    check="reportkit.kinds.achievement_report:prepare",
)

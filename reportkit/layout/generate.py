"""The built-in templates, written as code so a change to a layout can be reviewed.

``python -m reportkit.layout.generate [FOLDER]`` writes every template into FOLDER (the
repository's ``templates/`` by default). A test regenerates them and checks that the committed
files say the same, part by part.

Every template is an ordinary .docx with the engine's tags, which a clerk can open in Word,
edit and use in place of the built-in one. The names they read are the contexts that
:mod:`reportkit.documents` builds: ``agency``, ``doc``, ``rules``, ``signer``, ``signature``,
``recipients`` in every administrative document, plus the models of each document.
"""

from __future__ import annotations

import io
import sys
import zipfile
from collections.abc import Callable
from pathlib import Path

from docx.document import Document as DocumentObject
from docx.enum.table import WD_ALIGN_VERTICAL, WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn

from reportkit.layout.metrics import text_width_mm
from reportkit.layout.nd30 import (
    FIRST_LINE_INDENT,
    LEFT,
    MOTTO,
    NATIONAL_TITLE,
    SIGNATURE_SPACE_MM,
    cant_split,
    closing_table,
    fixed_table,
    page_number_header,
    paragraph,
    repeat_header,
    rule,
    title_block,
)
from reportkit.layout.ooxml import insert_property
from reportkit.layout.parts import (
    BODY,
    CLOSING,
    RECIPIENTS,
    SIGNER,
    Section,
    cell_text,
    grid_borders,
    new_document,
    span,
    standard_header,
)
from reportkit.layout.parts import sections as write_sections
from reportkit.layout.slim import slim_package

__all__ = ["TEMPLATES", "build_all", "main"]


def decision() -> DocumentObject:
    """Mẫu 1.2: Quyết định khen thưởng."""
    d = new_document()
    page_number_header(d)
    standard_header(d)
    title_block(d, "QUYẾT ĐỊNH", "{{ doc.summary }}", "{{p rules.summary }}")
    paragraph(d, "{{ decision.authority }}", bold=True, before=6, after=6)
    for text in ("{%p for basis in decision.legal_basis_lines %}", "{{ basis }}", "{%p endfor %}"):
        paragraph(d, text, italic=True, **BODY)
    for text in (
        "{%p if decision.proposal_text %}",
        "Theo đề nghị của {{ decision.proposal_text }}.",
        "{%p endif %}",
    ):
        paragraph(d, text, italic=True, **BODY)
    paragraph(d, "QUYẾT ĐỊNH:", bold=True, before=6, after=6)
    paragraph(
        d,
        "Điều 1.",
        bold=True,
        **BODY,
        runs=[
            (
                " Tặng {{ award.title }} cho {{ honorees.count_text }} (có danh sách kèm theo) {{ reason }}.",
                {"bold": False},
            )
        ],
    )
    paragraph(d, "{%p if money_article %}")
    paragraph(d, "Điều 2.", bold=True, **BODY, runs=[(" {{ money_article }}", {"bold": False})])
    paragraph(d, "{%p endif %}")
    paragraph(
        d,
        "Điều {{ 3 if money_article else 2 }}.",
        bold=True,
        **CLOSING,
        runs=[
            (
                " Quyết định có hiệu lực kể từ ngày ký. {{ decision.executors }} và các tập thể,"
                " cá nhân có tên tại Điều 1 chịu trách nhiệm thi hành Quyết định này./.",
                {"bold": False},
            )
        ],
    )
    closing_table(d, recipients=RECIPIENTS, signer=SIGNER)
    return d


def _list_table(d: DocumentObject, amounts: bool) -> None:
    widths = (14, 66, 60, 25) if amounts else (14, 76, 75)
    heads = ["STT", "Họ và tên / Tên tập thể", "Chức vụ, đơn vị"] + (["Số tiền (đồng)"] if amounts else [])
    n = len(widths)
    table = fixed_table(d, widths, rows=7)
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    grid_borders(table)
    header = table.rows[0]
    repeat_header(header)
    for cell, text in zip(header.cells, heads, strict=True):
        cell_text(cell, text, bold=True)
    controls = {
        1: "{%tr for group in honorees.groups %}",
        3: "{%tr for h in group.honorees %}",
        5: "{%tr endfor %}",
    }
    for index, text in controls.items():
        cell_text(table.rows[index].cells[0], text, align=LEFT)
    group = table.rows[2]
    span(group, n)
    cell_text(group.cells[0], "{{ group.heading }}", bold=True, align=LEFT)
    group.cells[0].paragraphs[0].paragraph_format.keep_with_next = True  # the heading stays with row 1
    for row in table.rows:
        cant_split(row)
    item = table.rows[4].cells
    cell_text(item[0], "{{ loop.index }}")
    cell_text(item[1], "{{ h.name }}", align=LEFT)
    cell_text(item[2], "{{ h.position_and_unit }}", align=LEFT)
    if amounts:
        cell_text(item[3], "{{ honorees.amount_of(h)|number }}", align=WD_ALIGN_PARAGRAPH.RIGHT)
    # row 5 closes the inner loop; row 6 closes the outer loop and is followed by the total
    cell_text(table.rows[5].cells[0], "{%tr endfor %}", align=LEFT)
    cell_text(table.rows[6].cells[0], "{%tr endfor %}", align=LEFT)
    if amounts:
        total = table.add_row()
        span(total, n - 1)
        cell_text(total.cells[0], "Tổng cộng: {{ honorees.count_text }}", bold=True)
        cell_text(
            total.cells[-1], "{{ honorees.total_amount|number }}", bold=True, align=WD_ALIGN_PARAGRAPH.RIGHT
        )
        cant_split(total)


def honoree_list() -> DocumentObject:
    """The list attached to a decision (văn bản ban hành kèm theo) or, as an option, an appendix."""
    d = new_document()
    page_number_header(d)
    paragraph(d, "{%p if not appendix %}")
    standard_header(d, number=False, date=False)
    paragraph(d, "DANH SÁCH", bold=True, before=18)
    paragraph(d, "{%p else %}")
    paragraph(d, "Phụ lục {{ appendix }}", bold=True)
    paragraph(d, "{%p endif %}")
    paragraph(d, "{{ doc.summary }}", bold=True)
    paragraph(d, "({{ doc.reference }})", italic=True)
    paragraph(d, "{{p rules.summary }}")
    paragraph(d, "", after=6)
    paragraph(d, "{%p if show_amounts %}")
    _list_table(d, amounts=True)
    paragraph(d, "{%p else %}")
    _list_table(d, amounts=False)
    paragraph(d, "{%p endif %}")
    paragraph(d, "{%p if list_note %}")
    paragraph(d, "{{ list_note }}", italic=True, align=LEFT, before=6)
    paragraph(d, "{%p endif %}")
    return d


def _page_border(d: DocumentObject, color: str = "C00000") -> None:
    """A decorative double page border (thick-thin), in the certificate colour."""
    sect = d.sections[0]._sectPr
    borders = OxmlElement("w:pgBorders")
    borders.set(qn("w:offsetFrom"), "page")
    for side in ("top", "left", "bottom", "right"):
        edge = OxmlElement(f"w:{side}")
        for key, value in (
            ("w:val", "thickThinMediumGap"),
            ("w:sz", "36"),
            ("w:space", "24"),
            ("w:color", color),
        ):
            edge.set(qn(key), value)
        borders.append(edge)
    insert_property(sect, borders)


def certificate() -> DocumentObject:
    """Giấy khen, full mode: A4 landscape, decorative border, one page per honoree."""
    d = new_document(landscape=True, margins=(24, 16, 25, 25))
    _page_border(d)
    red = "C00000"
    paragraph(d, NATIONAL_TITLE, size=14, bold=True)
    paragraph(d, MOTTO, size=15, bold=True)
    rule(d, text_width_mm(MOTTO, 15, bold=True), 247)
    # fit.* are the texts at the sizes that keep the page whole (reportkit.documents.fitting)
    paragraph(d, "{%p if fit.roomy %}")
    paragraph(d, "{{r fit.authority }}", size=17, bold=True, color=red, before=28)
    paragraph(d, "{%p else %}")
    paragraph(d, "{{r fit.authority }}", size=17, bold=True, color=red, before=10)
    paragraph(d, "{%p endif %}")
    paragraph(d, "TẶNG", size=17, bold=True, before=14)
    paragraph(d, "{{r fit.title }}", size=48, bold=True, color=red, before=8, after=14)
    paragraph(d, "{{r fit.name }}", size=24, bold=True, after=6)
    paragraph(d, "{%p if honoree.position_and_unit %}")
    paragraph(d, "{{r fit.unit }}", size=16, italic=True, after=4)
    paragraph(d, "{%p endif %}")
    paragraph(d, "{%p if fit.roomy %}")
    paragraph(d, "{{r fit.achievement }}", size=16, before=8, after=28)
    paragraph(d, "{%p else %}")
    paragraph(d, "{{r fit.achievement }}", size=16, before=8, after=10)
    paragraph(d, "{%p endif %}")
    table = fixed_table(d, (120, 127))
    cant_split(table.rows[0])
    left, right = table.rows[0].cells
    for c in (left, right):
        c.paragraphs[0]._p.getparent().remove(c.paragraphs[0]._p)
    left.vertical_alignment = WD_ALIGN_VERTICAL.BOTTOM
    paragraph(
        left,
        "Quyết định số {{ decision.symbol }} ngày {{ decision.date|numeric_date }}",
        size=13,
        italic=True,
    )
    paragraph(left, "{%p if honoree.register_number %}", size=13)
    paragraph(left, "Số sổ vàng: {{ honoree.register_number }}", size=13, italic=True)
    paragraph(left, "{%p endif %}", size=13)
    paragraph(right, "{{ doc.place_date }}", size=14, italic=True)
    # the signature and the seal get SIGNATURE_SPACE_MM (one empty 14 pt line and the rest as
    # spacing after it), the same room the fitting counts
    space_after = SIGNATURE_SPACE_MM * 72 / 25.4 - 14 * 1.15
    signer_lines = ["{%p for line in signer.lines %}", "{{ line }}", "{%p endfor %}"]
    signer_lines += ["{%p if signature %}", "{{ signature }}", "{%p else %}"]
    for line in signer_lines:
        paragraph(right, line, size=14, bold=True)
    paragraph(right, "", size=14, after=space_after)
    for line in ("{%p endif %}", "{{ signer.full_name }}"):
        paragraph(right, line, size=14, bold=True)
    return d


def _frame(p, x_mm: float, y_mm: float, width_mm: float) -> None:  # type: ignore[no-untyped-def]
    frame = OxmlElement("w:framePr")
    for key, value in (
        ("w:w", round(width_mm * 1440 / 25.4)),
        ("w:hAnchor", "page"),
        ("w:vAnchor", "page"),
        ("w:x", round(x_mm * 1440 / 25.4)),
        ("w:y", round(y_mm * 1440 / 25.4)),
        ("w:wrap", "around"),
    ):
        frame.set(qn(key), str(value))
    insert_property(p._p.get_or_add_pPr(), frame)


OVERLAY_FIELDS = (
    # (tag, x mm, y mm, width mm, size pt, bold, italic) on an A4 landscape blank
    ("{{ honoree.addressed }}", 38.5, 108, 220, 22, True, False),
    ("{{ honoree.position_and_unit }}", 38.5, 122, 220, 15, False, True),
    ("{{ certificate.achievement }}", 38.5, 133, 220, 15, False, False),
    (
        "Quyết định số {{ decision.symbol }} ngày {{ decision.date|numeric_date }}",
        30,
        168,
        110,
        13,
        False,
        True,
    ),
    (
        "{%if honoree.register_number %}Số sổ vàng: {{ honoree.register_number }}{% endif %}",
        30,
        176,
        110,
        13,
        False,
        True,
    ),
    ("{{ doc.place_date }}", 150, 152, 120, 14, False, True),
    ("{{ signer.authority_line }}", 150, 160, 120, 14, True, False),
    ("{{ signer.position_line }}", 150, 167, 120, 14, True, False),
    ("{{ signer.full_name }}", 150, 190, 120, 14, True, False),
)


def certificate_overlay() -> DocumentObject:
    """Giấy khen, overlay mode: only the fields, each framed at a position in millimetres."""
    d = new_document(landscape=True, margins=(10, 10, 10, 10))
    for text, x, y, width, size, bold, italic in OVERLAY_FIELDS:
        p = paragraph(d, text, size=size, bold=bold, italic=italic)
        _frame(p, x, y, width)
    return d


def conference_report() -> DocumentObject:
    """Mẫu 1.4: Báo cáo kết quả Hội nghị."""
    d = new_document()
    page_number_header(d)
    standard_header(d)
    title_block(d, "BÁO CÁO", "{{ doc.summary }}", "{{p rules.summary }}")
    paragraph(d, "", after=6)
    body: list[Section] = [
        ("{%p if intro %}", None),
        ("{{ intro }}", BODY),
        ("{%p endif %}", None),
        ("{{ report.numerals.info }}. THỜI GIAN, ĐỊA ĐIỂM, THÀNH PHẦN", "heading"),
        ("{{ report.number.time }}. Thời gian: {{ report.time }}.", BODY),
        ("{{ report.number.venue }}. Địa điểm: {{ conference.venue }}.", BODY),
        ("{%p if report.chair %}", None),
        ("{{ report.number.chair }}. Chủ trì: {{ report.chair }}.", BODY),
        ("{%p endif %}", None),
        ("{%p if report.guests %}", None),
        ("{{ report.number.guests }}. Khách mời:", BODY),
        ("{%p for g in report.guest_lines %}", None),
        ("- {{ g }}", BODY),
        ("{%p endfor %}", None),
        ("{%p endif %}", None),
        ("{%p if conference.participants %}", None),
        ("{{ report.number.participants }}. Thành phần tham dự: {{ conference.participants }}.", BODY),
        ("{%p endif %}", None),
        ("{{ report.numerals.content }}. NỘI DUNG HỘI NGHỊ", "heading"),
        ("{%p for item in conference.content %}", None),
        ("{{ loop.index }}. {{ item }}", BODY),
        ("{%p endfor %}", None),
        ("{%p for s in report.speeches %}", None),
        ("Phát biểu tại Hội nghị, {{ s.speaker }} {{ s.summary }}", BODY),
        ("{%p endfor %}", None),
        ("{%p if report.numerals.awards %}", None),
        ("{{ report.numerals.awards }}. KHEN THƯỞNG", "heading"),
        ("{%p endif %}", None),
        ("{%p for a in conference.awards_received %}", None),
        ("{{ conference.organiser.name }} vinh dự đón nhận {{ a.text }}.", BODY),
        ("{%p endfor %}", None),
        ("{%p if honorees %}", None),
        (
            "{{ honorees.count_text|capitalize_first }} được biểu dương và nhận {{ award.title }} vì {{ reason }}{{ report.money }}.",
            BODY,
        ),
        ("{%p endif %}", None),
        ("{%p if report.numerals.conclusions %}", None),
        ("{{ report.numerals.conclusions }}. KẾT LUẬN VÀ NHIỆM VỤ", "heading"),
        ("{%p endif %}", None),
        ("{%p for item in conference.conclusions %}", None),
        ("{{ item }}", BODY),
        ("{%p endfor %}", None),
        ("{%p for item in report.tasks %}", None),
        ("- {{ item }}", BODY),
        ("{%p endfor %}", None),
        ("Trên đây là báo cáo kết quả {{ conference.title }}./.", CLOSING),
    ]
    write_sections(d, body)
    closing_table(d, recipients=RECIPIENTS, signer=SIGNER)
    return d


def invitation() -> DocumentObject:
    """Mẫu 1.7: Giấy mời, one per guest."""
    d = new_document()
    standard_header(d)
    title_block(d, "GIẤY MỜI", "{{ doc.summary }}", "{{p rules.summary }}")
    paragraph(d, "", after=6)
    paragraph(d, "{{ agency.name }} trân trọng kính mời:", **BODY)
    paragraph(d, "{{ guest.addressed }}", bold=True, after=0)
    paragraph(d, "{%p if guest.position_and_unit %}")
    paragraph(d, "{{ guest.position_and_unit }}", italic=True, after=6)
    paragraph(d, "{%p endif %}")
    paragraph(d, "Tới dự {{ conference.title }}.", **BODY)
    paragraph(d, "{%p if conference.chair %}")
    paragraph(
        d,
        "Chủ trì: ",
        bold=True,
        **BODY,
        runs=[
            (
                "{{ conference.chair.addressed }}{% if conference.chair.position %} - {{ conference.chair.position }}{% endif %}.",
                {"bold": False},
            )
        ],
    )
    paragraph(d, "{%p endif %}")
    paragraph(
        d,
        "Thời gian: ",
        bold=True,
        **BODY,
        runs=[("{{ conference.starts_at|clock }}, {{ conference.starts_at|long_date }}.", {"bold": False})],
    )
    paragraph(d, "Địa điểm: ", bold=True, **BODY, runs=[("{{ conference.venue }}.", {"bold": False})])
    paragraph(d, "Rất mong {{ guest.honorific|lower }} quan tâm, dành thời gian tới dự./.", **BODY)
    closing_table(d, recipients=RECIPIENTS, signer=SIGNER)
    return d


def commendation_letter() -> DocumentObject:
    """Thư khen (or Thư cảm ơn): an administrative letter to a person or a collective, signed by the head."""
    d = new_document()
    standard_header(d, number=False)
    paragraph(d, "{{ letter_title }}", bold=True, size=16, before=18, after=12)
    paragraph(
        d,
        "{{ greeting }}: {{ recipient_name }}",
        bold=True,
        align=LEFT,
        first_line=FIRST_LINE_INDENT,
        after=6,
    )
    for text in ("{%p for line in body %}", "{{ line }}", "{%p endfor %}"):
        paragraph(d, text, **BODY)
    closing_table(d, recipients=RECIPIENTS, signer=SIGNER)
    return d


def _templates() -> dict[str, Callable[[], DocumentObject]]:
    from reportkit.kinds import KINDS
    from reportkit.kinds.base import load

    return {kind.template: load(kind.layout) for kind in KINDS.values()}


TEMPLATES: dict[str, Callable[[], DocumentObject]] = _templates()
"""Every built-in template and the function building it, from the kinds' registry."""


def build_all(folder: Path) -> list[Path]:
    """Write every built-in template into *folder*; return the paths."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for name, factory in TEMPLATES.items():
        document = factory()
        core = document.core_properties
        core.author = "reportkit"
        core.title = name.removesuffix(".docx")
        _set_last_modified_by(document, "reportkit")
        path = folder / name
        path.write_bytes(_reproducible(document))
        paths.append(path)
    return paths


def _set_last_modified_by(document: DocumentObject, name: str) -> None:
    """``cp:lastModifiedBy`` written in its own namespace, directly: docxcompose (which a user
    may have imported) patches python-docx's setter to write it in the wrong one."""
    core = document.core_properties._element  # type: ignore[attr-defined]
    tag = "{http://schemas.openxmlformats.org/package/2006/metadata/core-properties}lastModifiedBy"
    element = core.find(tag)
    if element is None:
        element = core.makeelement(tag, {})
        core.append(element)
    element.text = name


def _reproducible(document: DocumentObject) -> bytes:
    """The .docx slimmed (:mod:`reportkit.layout.slim`) and with fixed zip timestamps, so that
    regenerating an unchanged template changes no byte of it."""
    raw = io.BytesIO()
    document.save(raw)
    with zipfile.ZipFile(raw) as source:
        parts = slim_package({name: source.read(name) for name in source.namelist()})
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for name, data in parts.items():
            fixed = zipfile.ZipInfo(name, date_time=(2021, 6, 22, 8, 0, 0))
            fixed.compress_type = zipfile.ZIP_DEFLATED
            target.writestr(fixed, data)
    return out.getvalue()


def main(argv: list[str] | None = None) -> None:
    args = sys.argv[1:] if argv is None else argv
    folder = Path(args[0]) if args else Path(__file__).resolve().parents[2] / "templates"
    for path in build_all(folder):
        print(path)


if __name__ == "__main__":
    main()

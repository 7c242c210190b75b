"""What template users lost without a word, now the right output or a clear error naming the
place: a conditional cell shading, a column loop written inside one cell, tags in a chart,
tags in a comment."""

from __future__ import annotations

import io
import re
import zipfile

import docx
import pytest

from reportkit import Template
from reportkit.engine.errors import TemplateSyntaxError
from tests.docx_helpers import one_column_table


def fills(data: bytes) -> list[str]:
    return re.findall(
        r'w:fill="([^"]+)"', zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml").decode()
    )


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ("{% if r.late %}{% cellbg 'FF0000' %}{% endif %}{{ r.name }}", ["FF0000", "auto", "FF0000"]),
        (
            "{% if r.late %}{% cellbg 'FF0000' %}{% else %}{% cellbg 'DDDDDD' %}{% endif %}{{ r.name }}",
            ["FF0000", "DDDDDD", "FF0000"],
        ),
        ("{% cellbg r.colour %}{{ r.name }}", ["auto", "00FF00", "auto"]),  # '' is no shading
    ],
)
def test_a_cells_shading_follows_its_condition_in_a_row_loop(cell: str, expected: list[str]) -> None:
    rows = [
        {"name": "A", "late": True, "colour": ""},
        {"name": "B", "late": False, "colour": "00FF00"},
        {"name": "C", "late": True, "colour": None},
    ]
    out = Template(one_column_table(["{%tr for r in rows %}", cell, "{%tr endfor %}"])).render({"rows": rows})
    assert fills(out) == expected
    assert [r.cells[0].text for r in docx.Document(io.BytesIO(out)).tables[0].rows] == ["A", "B", "C"]


def test_a_column_loop_inside_one_cell_is_an_error_naming_the_cell() -> None:
    with pytest.raises(TemplateSyntaxError, match=r"table 1, row 1, cell 1.*would drop the cell"):
        Template(one_column_table(["{%tc for c in cols %}{{ c }}{%tc endfor %}"]))


def test_a_row_loop_inside_one_row_is_an_error() -> None:
    document = docx.Document()
    row = document.add_table(rows=1, cols=2).rows[0]
    row.cells[0].text, row.cells[1].text = "{%tr for r in rows %}", "{{ r }}{%tr endfor %}"
    buffer = io.BytesIO()
    document.save(buffer)
    with pytest.raises(TemplateSyntaxError, match="would drop the row"):
        Template(buffer.getvalue())


def _with_part(name: str, xml: bytes, content_type: str | None = None) -> bytes:
    document = docx.Document()
    document.add_paragraph("Xin chào {{ name }}")
    buffer = io.BytesIO()
    document.save(buffer)
    source = zipfile.ZipFile(io.BytesIO(buffer.getvalue()))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for info in source.infolist():
            data = source.read(info.filename)
            if info.filename == "[Content_Types].xml" and content_type:
                data = data.replace(
                    b"</Types>",
                    f'<Override PartName="/{name}" ContentType="{content_type}"/></Types>'.encode(),
                )
            archive.writestr(info, data)
        archive.writestr(name, xml)
    return out.getvalue()


def test_tags_in_a_chart_are_refused_with_the_parts_name() -> None:
    chart = (
        b'<c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart">'
        b"<c:title><c:v>{{ title }}</c:v></c:title></c:chartSpace>"
    )
    with pytest.raises(TemplateSyntaxError, match=r"word/charts/chart1\.xml: .*does not render"):
        Template(_with_part("word/charts/chart1.xml", chart))


def test_tags_in_a_comment_are_rendered() -> None:
    comments = (
        '<w:comments xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
        '<w:comment w:id="0" w:author="VT"><w:p><w:r><w:t>Kiểm tra {{ name }}</w:t></w:r></w:p>'
        "</w:comment></w:comments>"
    ).encode()
    kind = "application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml"
    out = Template(_with_part("word/comments.xml", comments, kind)).render({"name": "Ông An"})
    assert "Kiểm tra Ông An" in zipfile.ZipFile(io.BytesIO(out)).read("word/comments.xml").decode()


def test_tags_in_content_controls_and_text_boxes_are_rendered() -> None:
    document = docx.Document()
    document.add_paragraph("X")
    buffer = io.BytesIO()
    document.save(buffer)
    source = zipfile.ZipFile(io.BytesIO(buffer.getvalue()))
    body = source.read("word/document.xml").decode()
    control = (
        '<w:sdt><w:sdtPr><w:id w:val="5"/></w:sdtPr><w:sdtContent><w:p><w:r><w:t>Ô {{ name }}</w:t>'
        "</w:r></w:p></w:sdtContent></w:sdt>"
    )
    box = (
        '<w:p><w:r><mc:AlternateContent xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006">'
        '<mc:Choice Requires="wps"><w:drawing><wp:anchor xmlns:wp="http://schemas.openxmlformats.org/drawingml/'
        '2006/wordprocessingDrawing"><a:graphic xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main">'
        '<a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"><wps:wsp '
        'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"><wps:txbx><w:txbxContent>'
        "<w:p><w:r><w:t>Hộp {{ name }}</w:t></w:r></w:p></w:txbxContent></wps:txbx></wps:wsp></a:graphicData>"
        '</a:graphic></wp:anchor></w:drawing></mc:Choice><mc:Fallback><w:pict><v:shape xmlns:v="urn:schemas-'
        'microsoft-com:vml"><v:textbox><w:txbxContent><w:p><w:r><w:t>Hộp {{ name }}</w:t></w:r></w:p>'
        "</w:txbxContent></v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r></w:p>"
    )
    body = body.replace("<w:sectPr", control + box + "<w:sectPr", 1)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        for info in source.infolist():
            archive.writestr(
                info, body if info.filename == "word/document.xml" else source.read(info.filename)
            )
    xml = zipfile.ZipFile(io.BytesIO(Template(out.getvalue()).render({"name": "An"}))).read(
        "word/document.xml"
    )
    text = xml.decode()
    assert (
        "Ô An" in text and text.count("Hộp An") == 2 and "{{" not in text
    )  # both the shape and its fallback


def test_fields_can_be_refreshed_when_the_document_opens() -> None:
    from reportkit.resources import builtin_template
    from tests.test_validity import assert_valid

    source = builtin_template("thu_khen.docx").read_bytes()
    plain = zipfile.ZipFile(io.BytesIO(source)).read("word/settings.xml")
    assert b"updateFields" not in plain
    from reportkit.app import load_event
    from reportkit.documents.conference import letter_context
    from reportkit.resources import example_event

    event = load_event(example_event())
    context = letter_context(event.honorees.ordered[0], event.issued(event.config.letter, None))
    out = Template(source, update_fields=True).render(context)
    settings = zipfile.ZipFile(io.BytesIO(out)).read("word/settings.xml")
    assert b'<w:updateFields w:val="true"/>' in settings
    assert_valid(out, "update-fields.docx")  # in the schema's order among the settings


def _checkbox(tag: str) -> str:
    return (
        '<w:sdt xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml"><w:sdtPr>'
        f'<w:tag w:val="{tag}"/><w:id w:val="7"/><w14:checkbox><w14:checked w14:val="0"/>'
        '<w14:checkedState w14:val="2612" w14:font="MS Gothic"/>'
        '<w14:uncheckedState w14:val="2610" w14:font="MS Gothic"/></w14:checkbox></w:sdtPr>'
        "<w:sdtContent><w:r><w:t>☐</w:t></w:r></w:sdtContent></w:sdt>"
    )


def test_checkbox_content_controls_follow_a_boolean_per_record() -> None:
    document = docx.Document()
    grid = document.add_table(rows=3, cols=2)
    grid.cell(0, 0).text = "{%tr for m in members %}"
    grid.cell(1, 0).text = "{{ m.name }}"
    grid.cell(2, 0).text = "{%tr endfor %}"
    buffer = io.BytesIO()
    document.save(buffer)
    source = zipfile.ZipFile(io.BytesIO(buffer.getvalue()))
    body = source.read("word/document.xml").decode()
    # the looped row's paragraph holds the checkbox after the name
    after_name = body.index("</w:r>", body.index("{{ m.name }}")) + len("</w:r>")
    body = body[:after_name] + _checkbox("{{ m.present }}") + body[after_name:]
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        for info in source.infolist():
            archive.writestr(
                info, body if info.filename == "word/document.xml" else source.read(info.filename)
            )
    members = [{"name": "An", "present": True}, {"name": "Bình", "present": False}]
    rendered = Template(out.getvalue()).render({"members": members})
    xml = zipfile.ZipFile(io.BytesIO(rendered)).read("word/document.xml").decode()
    assert re.findall(r'w14:checked w14:val="(\d)"', xml) == ["1", "0"]
    assert re.findall(r"<w:t[^>]*>([☐☒])</w:t>", xml) == ["☒", "☐"]
    assert re.findall(r'<w:tag w:val="([^"]+)"', xml) == ["m.present", "m.present"]

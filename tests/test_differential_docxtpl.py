"""Differential suite: the same templates and contexts through docxtpl and reportkit.

docxtpl (0.20.x) is the Python standard for Jinja in Word; templates written for it must render
unchanged. Each case is a template built with python-docx and a context; both engines render it
(docxtpl with ``autoescape=True``, reportkit with its defaults, filters aside) and the text of every
paragraph of the body, headers and footers must be the same.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import docx
import pytest
from docx.document import Document as DocumentObject
from docxtpl import DocxTemplate, RichText

from reportkit import Rich, Template
from tests.docx_helpers import build, document_text, split_paragraph, to_bytes

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


@dataclass
class Case:
    name: str
    template: bytes
    context: dict[str, Any] = field(default_factory=dict)
    rich: Callable[[type], dict[str, Any]] | None = None


def _split(pieces: list[str], noise: bool = True) -> bytes:
    document = docx.Document()
    proof = (f'<w:proofErr xmlns:w="{W_NS}" w:type="spellStart"/>',) if noise else ()
    split_paragraph(document.add_paragraph(), pieces, proof)
    return to_bytes(document)


def _nested_table(document: DocumentObject) -> None:
    outer = document.add_table(rows=3, cols=1)
    outer.cell(0, 0).text = "{%tr for g in groups %}"
    cell = outer.cell(1, 0)
    cell.text = "{{ g.name }}"
    inner = cell.add_table(rows=3, cols=2)
    inner.cell(0, 0).text = "{%tr for m in g.members %}"
    inner.cell(1, 0).text = "{{ loop.index }}"
    inner.cell(1, 1).text = "{{ m }}"
    inner.cell(2, 0).text = "{%tr endfor %}"
    outer.cell(2, 0).text = "{%tr endfor %}"


def _rich_in_run(document: DocumentObject) -> None:
    document.add_paragraph().add_run("Kính gửi: {{r who }}, Giám đốc Sở Công Thương.").bold = True


def _run_statement_in_run(document: DocumentObject) -> None:
    document.add_paragraph().add_run("Trước {%r if show %}hiện{%r endif %} sau")


def _rich_runs(document: DocumentObject) -> None:
    p = document.add_paragraph("Kính gửi: ")
    p.add_run("{{r who }}")


ROWS = [
    {"stt": i, "ten": n, "dv": d}
    for i, (n, d) in enumerate(
        [
            ("Nguyễn Thị Hương", "Văn phòng Sở"),
            ("Trần Văn Hùng", "Phòng Quản lý Công nghiệp"),
            ("Phạm Thị Lan", "Phòng Kế hoạch - Tài chính"),
        ],
        1,
    )
]
GROUPS = [
    {"name": "I. TẬP THỂ", "members": ["Phòng A", "Phòng B"]},
    {"name": "II. CÁ NHÂN", "members": ["An", "Bình", "Chi"]},
]

CASES = [
    Case("variable", build(["Xin chào {{ name }}!"]), {"name": "Lan"}),
    Case(
        "vietnamese",
        build(["{{ agency }} — {{ place }}"]),
        {"agency": "Sở Công Thương", "place": "Hải Phòng"},
    ),
    Case(
        "split-runs",
        _split(["Họ tên: {{ na", "me }}, ", "đơn vị: {", "{ unit }}"]),
        {"name": "An", "unit": "VP"},
    ),
    Case(
        "split-statement", _split(["{% if ", "ok %}", "có", "{% else %}không{% e", "ndif %}"]), {"ok": False}
    ),
    Case("attribute", build(["{{ p.name }} ({{ p['unit'] }})"]), {"p": {"name": "Lan", "unit": "VP"}}),
    Case(
        "filters",
        build(["{{ s|upper }} {{ s|title }} {{ n|default('—') }} {{ items|join(', ') }}"]),
        {"s": "sở công thương", "items": ["a", "b"]},
    ),
    Case(
        "length", build(["{{ items|length }} mục; {{ items|first }}…{{ items|last }}"]), {"items": [3, 1, 2]}
    ),
    Case("inline-if", build(["{% if x > 1 %}lớn{% elif x == 1 %}một{% else %}nhỏ{% endif %}"]), {"x": 1}),
    Case(
        "inline-for",
        build(["{% for i in items %}{{ i }}{% if not loop.last %}, {% endif %}{% endfor %}"]),
        {"items": ["An", "Bình", "Chi"]},
    ),
    Case(
        "paragraph-for",
        build(["Danh sách:", "{%p for r in rows %}", "{{ r.stt }}. {{ r.ten }}", "{%p endfor %}", "Hết."]),
        {"rows": ROWS},
    ),
    Case("paragraph-if-true", build(["a", "{%p if show %}", "hiện", "{%p endif %}", "b"]), {"show": True}),
    Case("paragraph-if-false", build(["a", "{%p if show %}", "hiện", "{%p endif %}", "b"]), {"show": False}),
    Case(
        "paragraph-if-else",
        build(["{%p if show %}", "có", "{%p else %}", "không", "{%p endif %}"]),
        {"show": False},
    ),
    Case(
        "nested-paragraph-loops",
        build(
            [
                "{%p for g in groups %}",
                "{{ g.name }}",
                "{%p for m in g.members %}",
                "- {{ m }}",
                "{%p endfor %}",
                "{%p endfor %}",
            ]
        ),
        {"groups": GROUPS},
    ),
    Case(
        "table-rows",
        build(
            tables=[
                [
                    ["STT", "Họ và tên", "Đơn vị"],
                    ["{%tr for r in rows %}", "", ""],
                    ["{{ r.stt }}", "{{ r.ten }}", "{{ r.dv }}"],
                    ["{%tr endfor %}", "", ""],
                ]
            ]
        ),
        {"rows": ROWS},
    ),
    Case(
        "table-rows-empty",
        build(
            tables=[
                [
                    ["STT", "Tên"],
                    ["{%tr for r in rows %}", ""],
                    ["{{ r.stt }}", "{{ r.ten }}"],
                    ["{%tr endfor %}", ""],
                ]
            ]
        ),
        {"rows": []},
    ),
    Case(
        "table-row-condition",
        build(
            tables=[[["a", "b"], ["{%tr if total %}", ""], ["Tổng", "{{ total }}"], ["{%tr endif %}", ""]]]
        ),
        {"total": "8.493.000"},
    ),
    Case(
        "table-cells",
        build(tables=[[["{%tc for c in cols %}", "{{ c }}", "{%tc endfor %}"]]]),
        {"cols": ["STT", "Họ và tên", "Số tiền"]},
    ),
    Case(
        "table-inline-loop-in-cell",
        build(tables=[[["{% for m in members %}{{ m }}; {% endfor %}"]]]),
        {"members": ["An", "Bình"]},
    ),
    Case("nested-tables", build(extra=_nested_table), {"groups": GROUPS}),
    Case("header", build(["thân"], header="{{ agency|upper }}"), {"agency": "Sở Công Thương"}),
    Case("footer", build(["thân"], footer="Trang {{ page }} / {{ pages }}"), {"page": 2, "pages": 5}),
    Case(
        "header-footer-body",
        build(["{{ body }}"], header="H: {{ h }}", footer="F: {{ f }}"),
        {"body": "B", "h": "Đầu", "f": "Cuối"},
    ),
    Case("escape-xml", build(["{{ v }}"]), {"v": "a < b && c > d"}),
    Case("escape-quotes", build(["{{ v }}"]), {"v": "\"trích\" 'dẫn' ]]>"}),
    Case("data-is-not-template", build(["{{ v }}"]), {"v": "{{ 7*7 }} {% if %}"}),
    Case("format", build(["{{ '%.2f'|format(x) }} {{ '%05d'|format(n) }}"]), {"x": 3.14159, "n": 42}),
    Case(
        "loop-variables",
        build(["{% for x in xs %}[{{ loop.index }}/{{ loop.length }}{{ '*' if loop.first }}]{% endfor %}"]),
        {"xs": "abc"},
    ),
    Case("set", build(["{% set total = a + b %}Tổng: {{ total }}"]), {"a": 3_576_000, "b": 4_917_000}),
    Case(
        "macro",
        build(
            [
                "{% macro hon(g) %}{{ 'Ông' if g == 'Nam' else 'Bà' }}{% endmacro %}{{ hon('Nam') }} {{ hon('Nữ') }}"
            ]
        ),
        {},
    ),
    Case(
        "dict-items",
        build(["{% for k, v in d|dictsort %}{{ k }}={{ v }} {% endfor %}"]),
        {"d": {"b": 2, "a": 1}},
    ),
    Case("whitespace-control", build(["A {%- if x %} B {%- endif %} C"]), {"x": True}),
    Case("smart-quotes", build(["{{ “Kính gửi ” ~ name ~ ‘.’ }}"]), {"name": "Ông A"}),
    Case("numbers-and-none", build(["{{ n }} {{ f }} {{ b }}"]), {"n": 447000, "f": 0.5, "b": True}),
    Case("multiline-value", build(["{{ v }}"]), {"v": "dòng 1\ndòng 2"}),
    Case("comment", build(["a{# ghi chú #}b"]), {}),
    Case(
        "rich-run",
        build(extra=_rich_runs),
        rich=lambda cls: {"who": cls("Ông Trần Văn Hùng", bold=True)},
    ),
    Case(
        "rich-run-inside-text",  # the text around {{r}} in the same run is kept
        build(extra=_rich_in_run),
        rich=lambda cls: {"who": cls("Ông Trần Văn Hùng", italic=True)},
    ),
    Case("run-statement-inside-text", build(extra=_run_statement_in_run), {"show": True}),
    Case("colspan", build(tables=[[["{% colspan n %}Gộp", "b"]]]), {"n": 2}),
    Case("cellbg", build(tables=[[["{% cellbg c %}Nền", "b"]]]), {"c": "FF0000"}),
    Case(
        "vertical-merge",
        build(
            tables=[[["{%tr for r in rows %}", ""], ["{% vm %}{{ g }}", "{{ r }}"], ["{%tr endfor %}", ""]]]
        ),
        {"rows": [1, 2, 3], "g": "Nhóm"},
    ),
    Case(
        "horizontal-merge",
        build(
            tables=[
                [
                    ["{%tc for c in cols %}", "{% hm %}Năm", "{%tc endfor %}"],
                    ["{%tc for c in cols %}", "{{ c }}", "{%tc endfor %}"],
                ]
            ]
        ),
        {"cols": ["2019", "2020", "2021"]},
    ),
    Case("join-paragraphs", build(["Trước", "{%- if x %}", "giữa", "{% endif -%}", "sau"]), {"x": True}),
    Case("literal-braces", build(["Viết {_{ ten }_} và {_% if %_}"]), {}),
    Case(
        "table-cells-wider-than-grid",
        build(tables=[[["Tên", "{%tc for c in cols %}", "{{ c }}", "{%tc endfor %}"]]]),
        {"cols": ["2019", "2020", "2021", "2022", "2023"]},
    ),
]


def _docxtpl(case: Case) -> bytes:
    template = DocxTemplate(io.BytesIO(case.template))
    context = dict(case.context)
    if case.rich:
        context.update(case.rich(RichText))
    template.render(context, autoescape=True)
    out = io.BytesIO()
    template.save(out)
    return out.getvalue()


def _reportkit(case: Case) -> bytes:
    context = dict(case.context)
    if case.rich:
        context.update(case.rich(Rich))
    out = Template(case.template).render(context)
    assert out is not None
    return out


def test_at_least_thirty_cases() -> None:
    assert len(CASES) >= 30
    assert len({c.name for c in CASES}) == len(CASES)


def test_plain_value_in_a_rich_run_is_kept_where_docxtpl_drops_it() -> None:
    """A deliberate difference (docs/templates.md, the table): docxtpl writes nothing for a plain string in
    ``{{r …}}``; reportkit writes the string in the run's formatting."""
    case = Case("plain-in-rich", build(extra=_rich_in_run), {"who": "Bà Nguyễn Thị Hương"})
    assert document_text(_reportkit(case))["body"] == [
        "Kính gửi: Bà Nguyễn Thị Hương, Giám đốc Sở Công Thương."
    ]
    assert document_text(_docxtpl(case))["body"] == ["Kính gửi: , Giám đốc Sở Công Thương."]


def _cell_properties(data: bytes) -> list[str]:
    body = docx.Document(io.BytesIO(data)).element.body
    found = []
    for tag in ("gridSpan", "vMerge", "shd"):
        for element in body.iter(f"{{{W_NS}}}{tag}"):
            found.append(
                f"{tag}:" + ",".join(f"{k.split('}')[1]}={v}" for k, v in sorted(element.attrib.items()))
            )
    return found


@pytest.mark.parametrize("name", ["colspan", "cellbg", "vertical-merge", "horizontal-merge"])
def test_cell_tags_set_the_same_properties_as_docxtpl(name: str) -> None:
    case = next(c for c in CASES if c.name == name)
    assert _cell_properties(_reportkit(case)) == _cell_properties(_docxtpl(case)) != []


def test_cell_tag_values_are_checked() -> None:
    from reportkit.engine.errors import RenderError

    with pytest.raises(RenderError, match="colour"):
        Template(build(tables=[[["{% cellbg c %}x"]]])).render({"c": '"/><w:b/>'})
    with pytest.raises(RenderError, match="colspan"):
        Template(build(tables=[[["{% colspan n %}x"]]])).render({"n": '2" w:x="1'})


def _grids(data: bytes) -> list[tuple[int, int]]:
    """(grid columns, cells of the widest row) of each table of the body."""
    body = docx.Document(io.BytesIO(data)).element.body
    found = []
    for table in body.iter(f"{{{W_NS}}}tbl"):
        grid = table.findall(f"{{{W_NS}}}tblGrid/{{{W_NS}}}gridCol")
        widest = max(len(row.findall(f"{{{W_NS}}}tc")) for row in table.findall(f"{{{W_NS}}}tr"))
        found.append((len(grid), widest))
    return found


@pytest.mark.parametrize("columns", [["a"], ["a", "b", "c", "d", "e", "f"]])
def test_cell_loops_fit_the_grid_like_docxtpl(columns: list[str]) -> None:
    case = Case("grid", build(tables=[[["Tên", "{%tc for c in cols %}", "{{ c }}", "{%tc endfor %}"]]]))
    case.context = {"cols": columns}
    ours, theirs = _grids(_reportkit(case)), _grids(_docxtpl(case))
    assert ours == [(len(columns) + 1, len(columns) + 1)]
    assert [g for g, _ in ours] == [g for g, _ in theirs]


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_same_text_as_docxtpl(case: Case) -> None:
    expected = document_text(_docxtpl(case))
    actual = document_text(_reportkit(case))
    assert actual == expected
    assert any(t.strip() for texts in actual.values() for t in texts)

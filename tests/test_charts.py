"""Charts filled from data: a chart whose alternative text is a tag shows the data that tag
gives (series, names, categories, values in the chart's caches and in its embedded workbook),
through the native API and the docxtpl drop-in; LibreOffice draws the new data."""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

import pytest
from openpyxl import load_workbook

from reportkit import ChartData, Template
from reportkit.engine.errors import RenderError, TemplateSyntaxError
from tests.chart_docs import chart_template
from tests.docx_helpers import render_as
from tests.pdf_helpers import libreoffice_convert, libreoffice_pdf, poppler
from tests.test_validity import assert_adds_no_schema_error

YEARS = ChartData(["2021", "2022", "2023"], {"Tập thể": [4, 6, 5], "Cá nhân": [11, 15, 9.5]})
SHARES = {
    "categories": ["Lao động tiên tiến", "Chiến sĩ thi đua", "Giấy khen"],
    "series": {"Số người": [40, 8, 20]},
}
C = "{http://schemas.openxmlformats.org/drawingml/2006/chart}"


def _template() -> bytes:
    return chart_template(
        ["Thống kê", "[chart 1]", "Cơ cấu", "[chart 2]"], [("bar", "{{ thong_ke }}"), ("pie", "{{ co_cau }}")]
    )


def _series(data: bytes, number: int) -> list[tuple[str, list[str], list[str], list[str]]]:
    """(name, categories, values, formulas) of each series of chart *number*."""
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        text = package.read(f"word/charts/chart{number}.xml").decode()
    found = []
    for series in re.findall(r"<c:ser>.*?</c:ser>", text, re.S):
        tx, cat, val = (
            re.search(rf"<c:{tag}>.*?</c:{tag}>", series, re.S).group(0) for tag in ("tx", "cat", "val")
        )
        values = lambda part: re.findall(r"<c:v>([^<]*)</c:v>", part)  # noqa: E731
        formulas = re.findall(r"<c:f>([^<]*)</c:f>", series)
        found.append((values(tx)[0], values(cat), values(val), formulas))
    return found


@pytest.mark.parametrize("way", ["native", "compat"])
def test_a_chart_shows_the_data_of_its_tag(way: str) -> None:
    template = _template()
    data = render_as(way, template, {"thong_ke": YEARS, "co_cau": SHARES})
    assert _series(data, 1) == [
        ("Tập thể", ["2021", "2022", "2023"], ["4", "6", "5"], ["Sheet1!$B$1", "Sheet1!$A$2:$A$4", "Sheet1!$B$2:$B$4"]),
        ("Cá nhân", ["2021", "2022", "2023"], ["11", "15", "9.5"], ["Sheet1!$C$1", "Sheet1!$A$2:$A$4", "Sheet1!$C$2:$C$4"]),
    ]  # fmt: skip
    assert _series(data, 2) == [
        (
            "Số người",
            SHARES["categories"],
            ["40", "8", "20"],
            ["Sheet1!$B$1", "Sheet1!$A$2:$A$4", "Sheet1!$B$2:$B$4"],
        )
    ]
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        book = load_workbook(io.BytesIO(package.read("word/embeddings/Workbook1.xlsx")))
        document = package.read("word/document.xml").decode()
    assert [list(row) for row in book["Sheet1"].iter_rows(values_only=True)] == [
        [None, "Tập thể", "Cá nhân"], ["2021", 4, 11], ["2022", 6, 15], ["2023", 5, 9.5],
    ]  # fmt: skip
    assert "thong_ke" not in document and "{{" not in document  # the alternative text is not left as a tag
    assert_adds_no_schema_error(template, data)


def test_the_template_formatting_stays_and_extra_points_go() -> None:
    data = Template(_template()).render(
        {"thong_ke": YEARS, "co_cau": {"categories": ["Một"], "series": {"A": [1]}}}
    )
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        bar = package.read("word/charts/chart1.xml").decode()
        pie = package.read("word/charts/chart2.xml").decode()
    first, second = re.findall(r"<c:ser>.*?</c:ser>", bar, re.S)
    assert 'srgbClr val="C00000"' in first and "srgbClr" not in second  # a new series: the theme's colour
    assert re.findall(r'<c:dPt><c:idx val="(\d+)"/>', pie) == ["0"]  # points past the data removed


def test_fewer_series_than_the_template_removes_the_others() -> None:
    template = chart_template(
        ["[chart 1]"], [("line", "{{ d }}")], sample=(["a", "b"], {"x": [1, 2], "y": [3, 4]})
    )
    data = Template(template).render({"d": ChartData(["Q1", "Q2", "Q3"], {"Doanh thu": [1.5, 2.25, 3]})})
    assert _series(data, 1) == [
        (
            "Doanh thu",
            ["Q1", "Q2", "Q3"],
            ["1.5", "2.25", "3"],
            ["Sheet1!$B$1", "Sheet1!$A$2:$A$4", "Sheet1!$B$2:$B$4"],
        )
    ]
    assert_adds_no_schema_error(template, data)


def test_a_chart_without_a_tag_is_left_as_made() -> None:
    template = chart_template(["{{ x }}[chart 1]"], [("bar", "Biểu đồ mẫu")])
    data = Template(template).render({"x": "X"})
    with zipfile.ZipFile(io.BytesIO(template)) as before, zipfile.ZipFile(io.BytesIO(data)) as after:
        assert after.read("word/charts/chart1.xml") == before.read("word/charts/chart1.xml")
        assert 'descr="Biểu đồ mẫu"' in after.read("word/document.xml").decode()


@pytest.mark.parametrize(
    ("value", "message"),
    [
        (ChartData.__new__(ChartData), "ChartData"),
        ({"categories": ["a", "b"], "series": {"s": [1]}}, "series 's' has 1 values for 2 categories"),
        (
            {"categories": ["a"], "series": {"s": ["nhiều"]}},
            "series 's', value 1 is 'nhiều': a chart value is a number",
        ),
        ({"categories": ["a"], "series": {"s": [float("nan")]}}, "finite"),
        ("12", "not str"),
        ({"categories": [], "series": {}}, "at least one category"),
    ],
)
def test_bad_chart_data_is_a_clear_error_naming_the_chart(value: object, message: str) -> None:
    if isinstance(value, ChartData):
        value = {"categories": ["a"], "series": []}
        message = "at least one series"
    with pytest.raises(RenderError, match=re.escape(message)) as caught:
        Template(_template()).render({"thong_ke": value, "co_cau": SHARES})
    assert "word/charts/chart1.xml" in str(caught.value)


def test_a_chart_in_a_loop_and_a_scatter_chart_are_refused() -> None:
    looped = chart_template(["{%p for d in all %}", "[chart 1]", "{%p endfor %}"], [("bar", "{{ d }}")])
    with pytest.raises(RenderError, match="given data twice"):
        Template(looped).render({"all": [YEARS, YEARS]})
    scatter = chart_template(["[chart 1]"], [("scatter", "{{ d }}")])
    with pytest.raises(RenderError, match="scatter"):
        Template(scatter).render({"d": YEARS})


def test_tags_inside_the_chart_part_are_refused_with_the_way_to_do_it() -> None:
    template = chart_template(["[chart 1]"], [("bar", "x")], sample=(["{{ a }}"], {"s": [1]}))
    with pytest.raises(TemplateSyntaxError, match="alternative text") as caught:
        Template(template)
    assert "word/charts/chart1.xml" in str(caught.value)


def test_the_template_names_the_charts_value() -> None:
    assert Template(_template()).variables() == {"thong_ke", "co_cau"}


@pytest.mark.pdf
def test_libreoffice_draws_the_new_data(tmp_path: Path) -> None:
    data = Template(_template()).render({"thong_ke": YEARS, "co_cau": SHARES})
    text = " ".join(poppler("pdftotext", libreoffice_pdf(data, tmp_path)).split())
    for label in ["2021", "2022", "2023", "Tập thể", "Cá nhân", *SHARES["categories"]]:
        assert label in text
    assert "Mẫu 1" not in text and "Dữ liệu mẫu" not in text
    with zipfile.ZipFile(libreoffice_convert(data, tmp_path, "charts.docx", "odt")) as odt:
        tables = [
            odt.read(n).decode()
            for n in odt.namelist()
            if n.startswith("Object") and n.endswith("content.xml")
        ]
    values = [re.findall(r'office:value="([^"]+)"', t) for t in tables]
    assert ["4", "11", "6", "15", "5", "9.5"] in values and ["40", "8", "20"] in values


def test_a_chart_libreoffice_wrote_named_by_its_tag() -> None:
    """LibreOffice writes its own chart XML and keeps no alternative text: the tag goes in the
    object's name (Format → Name…); tests/fixtures/charts_written_by_libreoffice.docx is the
    two charts above saved by LibreOffice 7 as .docx, then named so."""
    template = (Path(__file__).parent / "fixtures" / "charts_written_by_libreoffice.docx").read_bytes()
    assert Template(template).variables() == {"thong_ke", "co_cau"}
    data = Template(template).render({"thong_ke": YEARS, "co_cau": SHARES})
    names = [(name, categories, values) for name, categories, values, _ in _series(data, 1)]
    assert names == [
        ("Tập thể", ["2021", "2022", "2023"], ["4", "6", "5"]),
        ("Cá nhân", ["2021", "2022", "2023"], ["11", "15", "9.5"]),
    ]
    assert [values for _, _, values, _ in _series(data, 2)] == [["40", "8", "20"]]
    assert_adds_no_schema_error(template, data)

"""Templates with a chart, built with python-docx and the chart parts python-docx cannot write:
a DrawingML chart (bar, line, pie or scatter) with sample data and its embedded workbook, as Word
makes them."""

from __future__ import annotations

import io

import docx
from openpyxl import Workbook

from tests.docx_helpers import around_marked_run, rewrite_package, to_bytes

C = "http://schemas.openxmlformats.org/drawingml/2006/chart"
A = "http://schemas.openxmlformats.org/drawingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_RELS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
SAMPLE = (["Mẫu 1", "Mẫu 2"], {"Dữ liệu mẫu": [1, 2]})


def _series(index: int, name: str, categories: list[str], values: list[float], kind: str) -> str:
    count = len(categories)
    cats = "".join(f'<c:pt idx="{i}"><c:v>{c}</c:v></c:pt>' for i, c in enumerate(categories))
    vals = "".join(f'<c:pt idx="{i}"><c:v>{v}</c:v></c:pt>' for i, v in enumerate(values))
    column = chr(66 + index)
    colour = '<c:spPr><a:solidFill><a:srgbClr val="C00000"/></a:solidFill></c:spPr>'
    points = "".join(
        f'<c:dPt><c:idx val="{i}"/><c:bubble3D val="0"/><c:spPr><a:solidFill><a:srgbClr val="00{i}0C0"/>'
        "</a:solidFill></c:spPr></c:dPt>"
        for i in range(count)
    ) if kind == "pie" else ""  # fmt: skip
    extra = {"bar": '<c:invertIfNegative val="0"/>', "line": '<c:marker><c:symbol val="none"/></c:marker>'}
    tail = '<c:smooth val="0"/>' if kind == "line" else ""
    if kind == "scatter":
        return (
            f'<c:ser><c:idx val="{index}"/><c:order val="{index}"/><c:xVal><c:numRef><c:f>Sheet1!$A$2:$A${count + 1}</c:f>'
            f"</c:numRef></c:xVal><c:yVal><c:numRef><c:f>Sheet1!${column}$2:${column}${count + 1}</c:f></c:numRef></c:yVal>"
            '<c:smooth val="0"/></c:ser>'
        )
    return (
        f'<c:ser><c:idx val="{index}"/><c:order val="{index}"/>'
        f'<c:tx><c:strRef><c:f>Sheet1!${column}$1</c:f><c:strCache><c:ptCount val="1"/><c:pt idx="0">'
        f"<c:v>{name}</c:v></c:pt></c:strCache></c:strRef></c:tx>{colour}{extra.get(kind, '')}{points}"
        f'<c:cat><c:strRef><c:f>Sheet1!$A$2:$A${count + 1}</c:f><c:strCache><c:ptCount val="{count}"/>{cats}'
        f"</c:strCache></c:strRef></c:cat><c:val><c:numRef><c:f>Sheet1!${column}$2:${column}${count + 1}</c:f>"
        f'<c:numCache><c:formatCode>General</c:formatCode><c:ptCount val="{count}"/>{vals}</c:numCache>'
        f"</c:numRef></c:val>{tail}</c:ser>"
    )


_AXES = (
    '<c:catAx><c:axId val="111"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/>'
    '<c:axPos val="b"/><c:crossAx val="222"/></c:catAx><c:valAx><c:axId val="222"/><c:scaling>'
    '<c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="l"/><c:majorGridlines/>'
    '<c:numFmt formatCode="General" sourceLinked="1"/><c:crossAx val="111"/></c:valAx>'
)


def chart_xml(kind: str, categories: list[str], series: dict[str, list[float]]) -> bytes:
    body = "".join(_series(i, n, categories, v, kind) for i, (n, v) in enumerate(series.items()))
    axis_ids = '<c:axId val="111"/><c:axId val="222"/>'
    plot = {
        "bar": f'<c:barChart><c:barDir val="col"/><c:grouping val="clustered"/><c:varyColors val="0"/>{body}'
        f'<c:gapWidth val="150"/>{axis_ids}</c:barChart>{_AXES}',
        "line": f'<c:lineChart><c:grouping val="standard"/><c:varyColors val="0"/>{body}<c:marker val="1"/>'
        f"{axis_ids}</c:lineChart>{_AXES}",
        "pie": f'<c:pieChart><c:varyColors val="1"/>{body}<c:firstSliceAng val="0"/></c:pieChart>',
        "scatter": f'<c:scatterChart><c:scatterStyle val="lineMarker"/><c:varyColors val="0"/>{body}{axis_ids}'
        f"</c:scatterChart>{_AXES.replace('catAx', 'valAx', 2)}",
    }[kind]
    return (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<c:chartSpace xmlns:c="{C}" xmlns:a="{A}" '
        f'xmlns:r="{R}"><c:roundedCorners val="0"/><c:chart><c:autoTitleDeleted val="1"/><c:plotArea><c:layout/>'
        f'{plot}</c:plotArea><c:legend><c:legendPos val="r"/><c:overlay val="0"/></c:legend>'
        '<c:plotVisOnly val="1"/></c:chart><c:externalData r:id="rId1"><c:autoUpdate val="0"/></c:externalData>'
        "</c:chartSpace>"
    ).encode()


def _workbook(categories: list[str], series: dict[str, list[float]]) -> bytes:
    book = Workbook()
    sheet = book.active
    sheet.title = "Sheet1"
    sheet.append([None, *series])
    for row, category in enumerate(categories):
        sheet.append([category, *(values[row] for values in series.values())])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _drawing(alt: str, number: int) -> str:
    return (
        f'<w:r><w:drawing><wp:inline distT="0" distB="0" distL="0" distR="0"><wp:extent cx="4572000" cy="2743200"/>'
        f'<wp:effectExtent l="0" t="0" r="0" b="0"/><wp:docPr id="{100 + number}" name="Biểu đồ {number}" descr="{alt}"/>'
        f'<wp:cNvGraphicFramePr/><a:graphic xmlns:a="{A}"><a:graphicData uri="{C}"><c:chart xmlns:c="{C}" '
        f'xmlns:r="{R}" r:id="rkChart{number}"/></a:graphicData></a:graphic></wp:inline></w:drawing></w:r>'
    )


def chart_template(paragraphs: list[str], charts: list[tuple[str, str]], sample=SAMPLE) -> bytes:
    """A .docx of *paragraphs*; ``[chart N]`` in one is replaced by chart N of *charts*, each
    (kind, alternative text) with the *sample* data."""
    document = docx.Document()
    for text in paragraphs:
        document.add_paragraph(text)

    def drawn(text: str) -> str:
        for number, (_, alt) in enumerate(charts, start=1):
            text = around_marked_run(
                text, f"[chart {number}]", lambda run, a=alt, n=number: run + _drawing(a, n)
            )
        return text

    numbers = range(1, len(charts) + 1)
    types = (
        "".join(
            f'<Override PartName="/word/charts/chart{n}.xml" '
            'ContentType="application/vnd.openxmlformats-officedocument.drawingml.chart+xml"/>'
            for n in numbers
        )
        + '<Default Extension="xlsx" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"/>'
    )
    rels = "".join(
        f'<Relationship Id="rkChart{n}" Type="{_RELS}chart" Target="charts/chart{n}.xml"/>' for n in numbers
    )
    categories, series = list(sample[0]), dict(sample[1])
    added: dict[str, bytes] = {}
    for number, (kind, _) in enumerate(charts, start=1):
        added[f"word/charts/chart{number}.xml"] = chart_xml(kind, categories, series)
        added[f"word/charts/_rels/chart{number}.xml.rels"] = (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.'
            f'openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="{_RELS}package" '
            f'Target="../embeddings/Workbook{number}.xlsx"/></Relationships>'
        ).encode()
        added[f"word/embeddings/Workbook{number}.xlsx"] = _workbook(categories, series)
    return rewrite_package(
        to_bytes(document),
        {
            "word/document.xml": drawn,
            "[Content_Types].xml": lambda text: text.replace("</Types>", types + "</Types>"),
            "word/_rels/document.xml.rels": lambda text: text.replace(
                "</Relationships>", rels + "</Relationships>"
            ),
        },
        added,
    )

"""Charts filled from data: a chart of the template whose alternative text (Word: right click →
*Edit Alt Text*, the drawing's ``descr``), title or name (LibreOffice: *Format → Name…*; it
keeps no alternative text) is a tag, ``{{ thong_ke }}``, shows the
:class:`~reportkit.engine.chart_data.ChartData` that tag gives.

At compile time :func:`mark_charts` turns that tag into a call recording the value for the
chart part the drawing points to. Once the parts are rendered, :func:`filled_charts` rewrites
each recorded chart: one series element per series of the data (the template's first ones kept
with their formatting, new ones copied from the last without its colours, extra ones removed),
each with its name, categories and values in the caches Word and LibreOffice draw from, and the
formulas pointing to a new embedded workbook holding the same table (Word's *Edit Data*).
Bar, column, line, area, pie, doughnut and radar charts; a scatter or bubble chart (numbers on
both axes) is refused. Tags inside a chart part itself stay refused.
"""

from __future__ import annotations

import copy
import dataclasses
import io
import re
from collections.abc import Callable, Mapping
from typing import Any

from lxml import etree

from reportkit.engine.chart_data import ChartData
from reportkit.engine.errors import RenderError
from reportkit.engine.escaping import Xml
from reportkit.engine.package import DocxPackage
from reportkit.engine.preprocess import PartSource
from reportkit.engine.state import CURRENT_RENDER
from reportkit.engine.xml import NS, parse_xml

__all__ = ["CHART_CALL", "chart_value", "filled_charts", "mark_charts"]

CHART_CALL = "_rk_chart"
C = "http://schemas.openxmlformats.org/drawingml/2006/chart"
_PACKAGE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/package"
_DRAWING = re.compile(r"<w:drawing>.*?</w:drawing>", re.DOTALL)
_ALT_TAG = re.compile(r'(<wp:docPr\b[^>]*?\b(?:descr|title|name)=")\{\{(.*?)\}\}(")', re.DOTALL)
_CHART_ID = re.compile(r'<\w+:chart\b[^>]*?\br:id="([^"]+)"')
_PLOTS = {"barChart", "bar3DChart", "lineChart", "line3DChart", "areaChart", "area3DChart",
          "pieChart", "pie3DChart", "doughnutChart", "radarChart", "ofPieChart"}  # fmt: skip
_REFUSED = {"scatterChart", "bubbleChart", "stockChart", "surfaceChart", "surface3DChart"}
_SHEET = re.compile(r"^(?:'((?:[^']|'')+)'|([^!]+))!")


def _c(tag: str) -> str:
    return f"{{{C}}}{tag}"


def _targets(package: DocxPackage, part: str) -> dict[str, str]:
    """Relationship id → target part name, for *part*."""
    return {rid: target for rid, _, target in package.relationships(part)}


def mark_charts(
    package: DocxPackage, sources: dict[str, PartSource], prepare: Callable[[str], PartSource]
) -> None:
    """Turn each chart drawing whose alternative text is a tag into a call that records the
    tag's value for its chart part (*sources* updated in place; *prepare* prepares a part whose
    only tag is a chart's)."""
    for part in package.text_parts:
        prepared = sources.get(part)
        if prepared is None:
            data = package.data(part)
            if b":chart " not in data or not _ALT_TAG.search(data.decode("utf-8")):
                continue
            prepared = prepare(part)
        if "<w:drawing>" not in prepared.source or ":chart " not in prepared.source:
            continue
        targets = _targets(package, part)

        def marked(drawing: re.Match[str], targets: dict[str, str] = targets) -> str:
            text = drawing.group(0)
            chart = _CHART_ID.search(text)
            if chart is None or chart.group(1) not in targets:
                return text
            name = targets[chart.group(1)]
            call = f"{{{{ {CHART_CALL}('{name}', (\\2)) }}}}"
            return _ALT_TAG.sub(lambda m: m.expand(rf"\1{call}\3"), text, count=1)

        source = _DRAWING.sub(marked, prepared.source)
        if source != prepared.source:
            sources[part] = dataclasses.replace(prepared, source=source)


def chart_value(part: str, value: Any) -> Xml:
    """Record *value* (chart data) for the chart part *part*; the alternative text is left empty."""
    state = CURRENT_RENDER.get()
    try:
        data = ChartData.coerce(value)
    except ValueError as exc:
        raise RenderError(f"chart {part}: {exc}") from None
    if part in state.charts:
        raise RenderError(
            f"chart {part} is given data twice (a chart inside a loop, or a merged document): "
            "one chart shows one set of data"
        )
    state.charts[part] = data
    return Xml("")


def _sheet_of(root: etree._Element) -> str:
    formula = root.find(f".//{_c('f')}")
    match = _SHEET.match(formula.text or "") if formula is not None else None
    if match is None:
        return "Sheet1"
    return (match.group(1) or "").replace("''", "'") or match.group(2)


def _reference(sheet: str) -> str:
    return "'" + sheet.replace("'", "''") + "'" if re.search(r"[^A-Za-z0-9_]", sheet) else sheet


def _column(index: int) -> str:
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def _cache(tag: str, values: list[str], format_code: str | None = None) -> etree._Element:
    cache = etree.Element(_c(tag))
    if format_code is not None:
        etree.SubElement(cache, _c("formatCode")).text = format_code
    etree.SubElement(cache, _c("ptCount")).set("val", str(len(values)))
    for index, value in enumerate(values):
        point = etree.SubElement(cache, _c("pt"))
        point.set("idx", str(index))
        etree.SubElement(point, _c("v")).text = value
    return cache


def _ref(tag: str, formula: str, cache: etree._Element) -> etree._Element:
    ref = etree.Element(_c(tag))
    etree.SubElement(ref, _c("f")).text = formula
    ref.append(cache)
    return ref


def _set_child(series: etree._Element, tag: str, content: etree._Element, before: str) -> None:
    """Series child *tag* holding only *content*, in place of the old one or before *before*."""
    element = series.find(_c(tag))
    if element is None:
        element = etree.Element(_c(tag))
        anchor = series.find(_c(before))
        if anchor is None:
            series.append(element)
        else:
            anchor.addprevious(element)
    for child in list(element):
        element.remove(child)
    element.append(content)


def _fill_series(series: etree._Element, index: int, name: str, values: tuple[float | int, ...],
                 data: ChartData, sheet: str) -> None:  # fmt: skip
    rows = len(data.categories)
    column = _column(index + 1)
    series.find(_c("idx")).set("val", str(index))  # type: ignore[union-attr]
    series.find(_c("order")).set("val", str(index))  # type: ignore[union-attr]
    tx = series.find(_c("tx"))
    if tx is None:
        tx = etree.Element(_c("tx"))
        series.find(_c("order")).addnext(tx)  # type: ignore[union-attr]
    for child in list(tx):
        tx.remove(child)
    tx.append(_ref("strRef", f"{sheet}!${column}$1", _cache("strCache", [name])))
    _set_child(
        series,
        "cat",
        _ref("strRef", f"{sheet}!$A$2:$A${rows + 1}", _cache("strCache", list(data.categories))),
        "val",
    )
    old = series.find(f"{_c('val')}//{_c('formatCode')}")
    format_code = old.text if old is not None and old.text else "General"
    numbers = [str(v) if isinstance(v, int) else repr(float(v)) for v in values]
    _set_child(
        series,
        "val",
        _ref("numRef", f"{sheet}!${column}$2:${column}${rows + 1}", _cache("numCache", numbers, format_code)),
        "smooth",
    )
    for point in series.findall(f"{_c('dPt')}") + series.findall(f"{_c('dLbls')}/{_c('dLbl')}"):
        idx = point.find(_c("idx"))
        if idx is not None and int(idx.get("val", "0")) >= rows:
            point.getparent().remove(point)  # type: ignore[union-attr]


def _fill(chart: bytes, data: ChartData, part: str) -> tuple[bytes, str]:
    root = parse_xml(chart)
    plot_area = root.find(f"{_c('chart')}/{_c('plotArea')}")
    plots = [
        p
        for p in (plot_area if plot_area is not None else [])
        if etree.QName(p).localname in _PLOTS | _REFUSED
    ]
    if any(etree.QName(p).localname in _REFUSED for p in plots):
        raise RenderError(
            f"chart {part}: a scatter, bubble, stock or surface chart cannot be filled from categories"
        )
    templates = [s for p in plots for s in p.findall(_c("ser"))]
    if not templates:
        raise RenderError(f"chart {part}: the chart has no series to fill (make it in Word with sample data)")
    sheet = _sheet_of(root)
    shown = _reference(sheet)
    templates_and_copies = templates[:1]
    for index, (name, values) in enumerate(data.series):
        if index < len(templates):
            series = templates[index]
        else:
            series = copy.deepcopy(templates[-1])
            for tag in ("spPr", "marker", "dPt", "extLst"):  # extLst: Word's per-series unique ids
                for child in series.findall(_c(tag)):
                    series.remove(child)
            templates_and_copies[-1].addnext(series)
        _fill_series(series, index, name, values, data, shown)
        templates_and_copies.append(series)
    for series in templates[len(data.series) :]:
        series.getparent().remove(series)  # type: ignore[union-attr]
    xml = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
    return xml, sheet


def _workbook(data: ChartData, sheet: str) -> bytes:
    from openpyxl import Workbook

    book = Workbook()
    table = book.active
    table.title = sheet[:31]
    table.append([None, *(name for name, _ in data.series)])
    for row, category in enumerate(data.categories):
        table.append([category, *(values[row] for _, values in data.series)])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def filled_charts(package: DocxPackage, charts: Mapping[str, ChartData]) -> dict[str, bytes]:
    """The chart parts (and their embedded workbooks) rewritten with *charts*' data."""
    updates: dict[str, bytes] = {}
    for part, data in charts.items():
        xml, sheet = _fill(package.data(part), data, part)
        updates[part] = xml
        root = parse_xml(xml)
        external = root.find(_c("externalData"))
        if external is not None:
            target = _targets(package, part).get(external.get(f"{{{NS['r']}}}id", ""))
            if target in package.entries and target.endswith(".xlsx"):
                updates[target] = _workbook(data, sheet)
    return updates

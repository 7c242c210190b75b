"""What every check of :mod:`reportkit.checker.checks` reads: the :class:`Context` (the
document, its mapped elements, the style resolver, the profile, the pages) and the helpers that
compare an element's formatting with the decree's range (:mod:`reportkit.nd30.spec`)."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from typing import Literal

from docx.document import Document as DocumentObject

from reportkit.checker.elements import DocumentMap, Para
from reportkit.checker.findings import Finding
from reportkit.checker.formatting import RunFormat, StyleResolver
from reportkit.checker.lines import container_width_mm, rule_length_mm
from reportkit.engine.xml import qn
from reportkit.layout.metrics import text_width_mm
from reportkit.nd30.spec import (
    FONT,
    FULL_RULE,
    SHORT_RULE,
    SIZES,
)

__all__ = ["CERTIFICATE_TITLES", "Check", "Context", "Profile", "detect_profile"]

_FONT = FONT


def _range(element: str) -> tuple[float, float]:
    """The size range of *element* in points (:data:`reportkit.nd30.spec.SIZES`)."""
    size = SIZES[element]
    return size.low, size.high


_BLACK = {None, "auto", "000000"}
_NUMBER = re.compile(r"^Số:\s*(\d+)(/\S+)?\s*$")
_DATE = re.compile(r"^(?P<place>[^,]+),\s*ngày\s+(?P<d>\d+)\s+tháng\s+(?P<m>\d+)\s+năm\s+(?P<y>\d{4})$")
_ARCHIVE = re.compile(r"^-\s*Lưu:\s*VT\b.*\.$")
_TWIPS_PER_CM = 1440 / 2.54
_SHORT_RULE = (SHORT_RULE.low, SHORT_RULE.high)
_FULL_RULE = (FULL_RULE.low, FULL_RULE.high)

Check = Callable[["Context"], Iterator[Finding]]


CERTIFICATE_TITLES = ("GIẤY KHEN", "BẰNG KHEN", "GIẤY CHỨNG NHẬN", "GIẤY KHEN THƯỞNG")
Profile = Literal["document", "certificate"]


def detect_profile(found: DocumentMap) -> Profile:
    """``certificate`` for a Giấy khen or Bằng khen (its title among the first lines), else
    ``document`` (an administrative document of Nghị định 30)."""
    for para in found.paragraphs[:16]:
        if para.text.strip().upper() in CERTIFICATE_TITLES and para.text.strip().isupper():
            return "certificate"
    return "document"


class Context:
    """A document under check: python-docx object, element map, style resolver, profile, and
    the number of pages (from the layout, or ``None`` to estimate it)."""

    def __init__(
        self,
        document: DocumentObject,
        found: DocumentMap,
        resolver: StyleResolver,
        profile: Profile | None = None,
        pages: int | None = None,
        count_pages: Callable[[], int | None] | None = None,
    ) -> None:
        self.document = document
        self.found = found
        self.resolver = resolver
        self.profile: Profile = profile or detect_profile(found)
        self.pages = pages
        self.count_pages = count_pages
        """Lays the document out (LibreOffice) when the estimate cannot decide; ``None`` if unavailable."""
        section = document.sections[0]
        width = (section.page_width or 0) - (section.left_margin or 0) - (section.right_margin or 0)
        self.text_width_mm = width / 36000

    def runs(self, para: Para) -> list[RunFormat]:
        candidates = para.runs if para.runs is not None else para.element.iter(qn("w:r"))
        runs = [r for r in candidates if "".join(t.text or "" for t in r.iter(qn("w:t"))).strip()]
        return [self.resolver.run(para.element, r) for r in runs] or [self.resolver.run(para.element)]

    def finding(self, rule: str, para: Para | None, expected: str, found: str) -> Finding:
        if para is None:
            return Finding.of(rule, "document", "", expected, found)
        return Finding.of(rule, para.where, para.snippet, expected, found)

    @property
    def is_appendix(self) -> bool:
        first = next((p for p in self.found.paragraphs if p.text), None)
        return first is not None and first.text.startswith("Phụ lục")

    @property
    def kind(self) -> str:
        """The document type as written (``QUYẾT ĐỊNH``), or an empty string."""
        return self.found.doc_type.text if self.found.doc_type else ""

    @property
    def is_attachment(self) -> bool:
        """A list issued with a decision, or an appendix: no number, date or signature."""
        return self.is_appendix or self.kind.startswith("DANH SÁCH")


def _sizes(runs: list[RunFormat]) -> str:
    return "/".join(sorted({f"{r.size:g} pt" for r in runs}))


def _style(
    ctx: Context,
    rule: str,
    para: Para,
    *,
    sizes: tuple[float, float],
    bold: bool | None,
    italic: bool | None = None,
    upper: bool = False,
) -> Iterator[Finding]:
    runs = ctx.runs(para)
    if any(not sizes[0] <= r.size <= sizes[1] for r in runs):
        yield ctx.finding(rule, para, f"{sizes[0]:g}-{sizes[1]:g} pt", _sizes(runs))
    if bold is not None and any(r.bold is not bold for r in runs):
        yield ctx.finding(rule, para, "bold" if bold else "not bold", "not bold" if bold else "bold")
    if italic is not None and any(r.italic is not italic for r in runs):
        yield ctx.finding(rule, para, "italic" if italic else "upright", "upright" if italic else "italic")
    if upper and para.text != para.text.upper() and not all(r.caps for r in runs):
        yield ctx.finding(rule, para, "upper case", "lower case letters")


def _rule_under(
    ctx: Context,
    rule: str,
    para: Para,
    bounds: tuple[float, float],
    *,
    size: float,
    bold: bool,
    lines: list[Para] | None = None,
) -> Iterator[Finding]:
    """The rule under *para*, 1/3 to 1/2 of the text above it. For a text on several *lines*
    offices size the rule by the line right above it or by the longest line: either passes."""

    def width(line: Para) -> float:
        return min(
            text_width_mm(line.text, size, bold=bold), container_width_mm(line.element, ctx.text_width_mm)
        )

    candidates = [width(para)]
    if lines and len(lines) > 1:
        candidates.append(max(width(line) for line in lines))
    low, high = bounds[0] * min(candidates), bounds[1] * max(candidates)
    length = rule_length_mm(para.element, ctx.text_width_mm, size, (low, high))
    if not length:
        yield ctx.finding(rule, para, "a rule (line) under the text", "none")
        return
    ratios = [length / text if text else 0.0 for text in candidates]
    if not any(bounds[0] <= ratio <= bounds[1] for ratio in ratios):
        text = candidates[-1]
        yield ctx.finding(
            rule,
            para,
            f"{bounds[0]:.2f}-{bounds[1]:.2f} of the text ({text:.0f} mm)",
            f"{length:.0f} mm ({length / text if text else 0:.2f})",
        )

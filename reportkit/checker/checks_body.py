"""The checks of the body and the end: body paragraphs, the closing block (Nơi nhận, the
signature), the page count and the page numbers."""

from __future__ import annotations

import math
from collections.abc import Iterator

from lxml import etree

from reportkit.checker.checks_head import font_problem
from reportkit.checker.context import (
    _ARCHIVE,
    _TWIPS_PER_CM,
    Context,
    _range,
    _sizes,
    _style,
)
from reportkit.checker.elements import PLACE_DATE, Para
from reportkit.checker.findings import Finding
from reportkit.checker.lines import container_width_mm
from reportkit.checker.pages import estimate_pages
from reportkit.engine.xml import qn
from reportkit.layout.metrics import text_width_mm
from reportkit.nd30.spec import (
    FIRST_LINE_INDENT_CM,
    SIZES,
)

__all__ = ["check_body", "check_closing", "check_header_fonts", "check_page_count", "check_page_numbers"]


def check_body(ctx: Context) -> Iterator[Finding]:
    found = ctx.found
    if ctx.profile == "certificate":
        return
    for index, para in enumerate(found.legal_bases):
        runs = ctx.runs(para)
        if any(not r.italic for r in runs):
            yield ctx.finding("legal-basis", para, "italic", "upright")
        last = index == len(found.legal_bases) - 1
        if not para.text.endswith(";") and not (last and para.text.endswith(".")):
            yield ctx.finding("legal-basis", para, "ends with ';'", repr(para.text[-1:]))
    running = [
        p for p in found.body if ctx.resolver.paragraph(p.element).alignment != "center" and len(p.text) >= 60
    ]
    for para in [*found.legal_bases, *running]:
        runs = ctx.runs(para)
        if any(not SIZES["body"].holds(r.size) for r in runs):
            yield ctx.finding("body-size", para, f"{SIZES['body']} pt", _sizes(runs))
        fmt = ctx.resolver.paragraph(para.element)
        indent_cm = fmt.first_line / _TWIPS_PER_CM
        if para.leading_tab and indent_cm < FIRST_LINE_INDENT_CM.low:
            indent_cm += _first_tab_stop(ctx, para.element) / _TWIPS_PER_CM  # an indent typed with Tab
        if not FIRST_LINE_INDENT_CM.holds(indent_cm):
            yield ctx.finding("body-indent", para, "1 cm or 1.27 cm", f"{indent_cm:.2f} cm")
        if fmt.before + fmt.after < 6:
            yield ctx.finding("body-spacing", para, "≥ 6 pt", f"{fmt.before + fmt.after:g} pt")
        if fmt.alignment != "justify" and _wraps(ctx, para, runs[0].size, indent_cm):
            # a paragraph on one line looks the same justified or not: nothing to see, nothing said
            yield ctx.finding("body-alignment", para, "justified", fmt.alignment)


def _wraps(ctx: Context, para: Para, size: float, indent_cm: float) -> bool:
    """Whether the paragraph runs over more than one line (where its alignment shows)."""
    width = container_width_mm(para.element, ctx.text_width_mm) - max(indent_cm, 0) * 10
    return text_width_mm(para.text, size) > width


def _first_tab_stop(ctx: Context, p: etree._Element) -> int:
    """Where a leading tab goes, in twips: the first tab stop (paragraph or style), else Word's
    default 1.27 cm."""
    stops = [
        int(tab.get(qn("w:pos"), "0"))
        for tab in ctx.resolver.tab_stops(p)
        if tab.get(qn("w:val")) not in ("clear", "bar")
        and (tab.get(qn("w:pos"), "0") or "0").lstrip("-").isdigit()
    ]
    positive = [stop for stop in stops if stop > 0]
    return min(positive) if positive else 720


def check_closing(ctx: Context) -> Iterator[Finding]:
    found = ctx.found
    if ctx.is_attachment:
        return
    signature = [p for p in found.signature if not PLACE_DATE.match(p.text)]  # a certificate's date line
    if not signature and ctx.found.national_title is not None:
        yield ctx.finding("unlocated", None, "the signature block (right of Nơi nhận:)", "none")
    if signature:
        *titles, name = signature
        for para in titles:
            yield from _style(ctx, "signature", para, sizes=_range("signature"), bold=True, upper=True)
        yield from _style(ctx, "signature", name, sizes=_range("signature"), bold=True)
    if ctx.profile == "certificate":
        return  # no Nơi nhận on a certificate
    label = found.recipients_label
    if label is None:
        if not ctx.kind.startswith("BIÊN BẢN"):  # minutes are signed side by side, often unsent
            yield ctx.finding("recipients-missing", None, "Nơi nhận:", "none")
        return
    if label.text != "Nơi nhận:":
        yield ctx.finding("recipients", label, "Nơi nhận:", label.text)
    yield from _style(ctx, "recipients", label, sizes=_range("recipients-heading"), bold=True, italic=True)
    items = found.recipients
    if not items:
        yield ctx.finding("recipients", label, "a list under Nơi nhận:", "none")
        return
    for para in items:
        runs = ctx.runs(para)
        if any(not SIZES["recipients"].holds(r.size) for r in runs):
            yield ctx.finding("recipients", para, "11 pt", _sizes(runs))
        if not para.text.startswith("-"):
            yield ctx.finding("recipients", para, "a line starting with '- '", para.text[:12])
    for para in items[:-1]:
        if not para.text.endswith(";"):
            yield ctx.finding("recipients", para, "ends with ';'", repr(para.text[-1:]))
    if not _ARCHIVE.match(items[-1].text):
        yield ctx.finding("recipients", items[-1], "last line '- Lưu: VT, ….'", items[-1].text)


def _has_page_field(element: etree._Element | None) -> bool:
    if element is None:
        return False
    simple = any("PAGE" in (f.get(qn("w:instr")) or "").split() for f in element.iter(qn("w:fldSimple")))
    complex_ = any("PAGE" in (t.text or "").split() for t in element.iter(qn("w:instrText")))
    return simple or complex_


def _tab_centred(p: etree._Element, ctx: Context) -> bool:
    """A page number placed with the Tab key at a centre tab stop (of the paragraph or its
    style, as Word's Header style has), with no text before it."""
    before_field = []
    for child in p:
        if child.tag == qn("w:fldSimple"):
            break
        if child.tag != qn("w:r"):
            continue
        if child.find(qn("w:fldChar")) is not None or child.find(qn("w:instrText")) is not None:
            break
        before_field.append(child)
    tabs = sum(1 for run in before_field for _ in run.iter(qn("w:tab")))
    text = "".join(t.text or "" for run in before_field for t in run.iter(qn("w:t")))
    if not tabs or text.strip():
        return False
    return any(tab.get(qn("w:val")) == "center" for tab in ctx.resolver.tab_stops(p))


def _any_page_number(ctx: Context) -> bool:
    for section in ctx.document.sections:
        for part in (section.header, section.first_page_header, section.even_page_header,
                     section.footer, section.first_page_footer, section.even_page_footer):  # fmt: skip
            if not part.is_linked_to_previous and _has_page_field(part._element):
                return True
    return False


def check_page_count(ctx: Context) -> Iterator[Finding]:
    """Two pages or more and no page number anywhere."""
    if ctx.profile == "certificate" or _any_page_number(ctx):
        return
    if ctx.pages is not None:
        if ctx.pages >= 2:
            yield Finding.of(
                "page-number-missing", "document", "", "page numbers", f"none on {ctx.pages} pages"
            )
        return
    estimate = estimate_pages(ctx.document, ctx.resolver)
    if 0.7 <= estimate < 3 and ctx.count_pages is not None:  # near the line: ask the layout
        counted = ctx.count_pages()
        if counted is not None:
            if counted >= 2:
                yield Finding.of(
                    "page-number-missing", "document", "", "page numbers", f"none on {counted} pages"
                )
            return
    if estimate >= 1.5:  # well past one page: the estimate is good to a fraction of a page
        yield Finding.of(
            "page-number-missing",
            "document",
            "",
            "page numbers",
            f"none on about {math.ceil(estimate)} pages (an estimate from the text)",
        )


def check_header_fonts(ctx: Context) -> Iterator[Finding]:
    """Fonts of the headers and footers (page numbers in Calibri, legacy .Vn fonts): one
    finding per header or footer."""
    seen: set[int] = set()
    for index, section in enumerate(ctx.document.sections, start=1):
        parts = (
            ("header", section.header),
            ("footer", section.footer),
            ("first-page header", section.first_page_header),
        )
        for name, part in parts:
            if part.is_linked_to_previous or id(part._element) in seen:
                continue
            seen.add(id(part._element))
            formats = [
                ctx.resolver.run(p, r)
                for p in part._element.iter(qn("w:p"))
                for r in p.iter(qn("w:r"))
                if r.find(qn("w:t")) is not None or r.find(qn("w:instrText")) is not None
            ]
            problem = font_problem(formats)
            if problem is not None:
                yield Finding.of(problem[0], f"section {index}, {name}", "", problem[1], problem[2])


def check_page_numbers(ctx: Context) -> Iterator[Finding]:
    if ctx.profile == "certificate":
        return
    for index, section in enumerate(ctx.document.sections, start=1):
        where = f"section {index}"
        title_page = section.different_first_page_header_footer
        default_header = section.header._element if not section.header.is_linked_to_previous else None
        first_header = section.first_page_header._element if title_page else default_header
        footers = [section.footer, section.first_page_footer]
        if any(not f.is_linked_to_previous and _has_page_field(f._element) for f in footers):
            yield Finding.of(
                "page-number", where, "", "page numbers in the header", "a page number in the footer"
            )
        if _has_page_field(first_header):
            yield Finding.of(
                "page-number", where, "", "no number on the first page", "a page number on page 1"
            )
        if default_header is not None and _has_page_field(default_header):
            fields = [r for f in default_header.iter(qn("w:fldSimple")) for r in f.iter(qn("w:r"))]
            for p in default_header.iter(qn("w:p")):
                if _has_page_field(p):
                    if ctx.resolver.paragraph(p).alignment != "center" and not _tab_centred(p, ctx):
                        yield Finding.of(
                            "page-number", where, "", "centred", ctx.resolver.paragraph(p).alignment
                        )
                    sizes = {ctx.resolver.run(p, r).size for r in fields} or {ctx.resolver.run(p).size}
                    if any(not SIZES["page-number"].holds(s) for s in sizes):
                        yield Finding.of(
                            "page-number", where, "", "13-14 pt", "/".join(f"{s:g} pt" for s in sorted(sizes))
                        )

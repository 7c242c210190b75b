"""The rules of Nghị định 30/2020/NĐ-CP, Phụ lục I, checked on a mapped document."""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Iterator
from typing import Literal

from docx.document import Document as DocumentObject
from lxml import etree

from reportkit.checker.elements import PLACE_DATE, DocumentMap, Para
from reportkit.checker.findings import Finding
from reportkit.checker.formatting import RunFormat, StyleResolver
from reportkit.checker.lines import container_width_mm, rule_length_mm
from reportkit.checker.pages import estimate_pages
from reportkit.engine.xml import qn
from reportkit.layout.metrics import text_width_mm
from reportkit.vn.doc_numbers import DOC_TYPES

__all__ = ["run_checks"]

NATIONAL_TITLE = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
MOTTO = "Độc lập - Tự do - Hạnh phúc"
_FONT = "Times New Roman"
_BLACK = {None, "auto", "000000"}
_NUMBER = re.compile(r"^Số:\s*(\d+)(/\S+)?\s*$")
_DATE = re.compile(r"^(?P<place>[^,]+),\s*ngày\s+(?P<d>\d+)\s+tháng\s+(?P<m>\d+)\s+năm\s+(?P<y>\d{4})$")
_ARCHIVE = re.compile(r"^-\s*Lưu:\s*VT\b.*\.$")
_TWIPS_PER_CM = 1440 / 2.54
_SHORT_RULE = (0.28, 0.56)  # 1/3 to 1/2, with room for how text widths are measured
_FULL_RULE = (0.85, 1.15)

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


def check_page(ctx: Context) -> Iterator[Finding]:
    for index, section in enumerate(ctx.document.sections, start=1):
        where = f"section {index}"
        width, height = round((section.page_width or 0) / 36000), round((section.page_height or 0) / 36000)
        if sorted((width, height)) != [210, 297]:
            yield Finding.of("page-size", where, "", "210 × 297 mm", f"{width} × {height} mm")
        if ctx.profile == "certificate":
            continue  # a certificate's layout (landscape, margins) is its own design
        if width > height and index == 1:  # a later landscape section holds a wide appendix table
            yield Finding.of("page-orientation", where, "", "portrait", "landscape")
        margins = {
            name: round(getattr(section, f"{name}_margin").mm, 1)
            for name in ("top", "bottom", "left", "right")
        }
        bounds = {"top": (20, 25), "bottom": (20, 25), "left": (30, 35), "right": (15, 20)}
        wrong = [
            f"{n} {v:g} mm" for n, v in margins.items() if not bounds[n][0] - 0.2 <= v <= bounds[n][1] + 0.2
        ]
        if wrong:
            yield Finding.of(
                "page-margins", where, "", "top/bottom 20-25, left 30-35, right 15-20 mm", ", ".join(wrong)
            )


_FACE_SUFFIX = re.compile(r"\s+(bold|italic|bold italic|regular)$", re.IGNORECASE)


def face_family(font: str | None) -> str | None:
    """``Times New Roman Bold`` (a face name written by converters) → ``Times New Roman``."""
    return _FACE_SUFFIX.sub("", font) if font else font


def legacy_encoding(font: str | None) -> str | None:
    """The pre-Unicode Vietnamese encoding a font implies (``.VnTime`` → TCVN3, ``VNI-Times`` →
    VNI), or ``None``: text in such a font is not Unicode and shows as garbage elsewhere."""
    name = (font or "").lower()
    if name.startswith(".vn"):
        return "TCVN3 (ABC)"
    if name.startswith(("vni-", "vni ")):
        return "VNI"
    return None


def font_problem(formats: list[RunFormat]) -> tuple[str, str, str] | None:
    """(rule, expected, found) for runs set in a legacy Vietnamese font or not in Times New Roman."""
    legacy = sorted({f"{r.font} ({legacy_encoding(r.font)})" for r in formats if legacy_encoding(r.font)})
    if legacy:
        return "legacy-font", "Unicode text in Times New Roman", ", ".join(legacy)
    fonts = sorted({str(r.font) for r in formats if face_family(r.font) != _FONT})
    return ("font-family", _FONT, ", ".join(fonts)) if fonts else None


def _font_findings(ctx: Context, para: Para, runs: list[RunFormat]) -> Iterator[Finding]:
    problem = font_problem(runs)
    if problem is not None:
        yield ctx.finding(problem[0], para, problem[1], problem[2])


def check_fonts(ctx: Context) -> Iterator[Finding]:
    for para in ctx.found.paragraphs:
        if not para.text:
            continue
        runs = ctx.runs(para)
        yield from _font_findings(ctx, para, runs)
        if ctx.profile == "certificate":
            continue  # a certificate's title is traditionally red
        colours = {
            r.color for r in runs if (r.color or "auto").upper() not in {c.upper() for c in _BLACK if c}
        }
        if colours:
            yield ctx.finding("font-color", para, "black", ", ".join(sorted(str(c) for c in colours)))


def _literal(ctx: Context, rule: str, para: Para | None, text: str) -> Iterator[Finding]:
    """The element must exist and read exactly *text*."""
    if para is None:
        yield ctx.finding(rule, None, text, "none")
    elif para.text != text:
        yield ctx.finding(rule, para, text, para.text)


def check_national(ctx: Context) -> Iterator[Finding]:
    found = ctx.found
    if ctx.is_appendix:
        return
    title = found.national_title
    yield from _literal(ctx, "national-title", title, NATIONAL_TITLE)
    if ctx.profile == "certificate":
        yield from _literal(ctx, "motto", found.motto, MOTTO)
        return
    if title is not None:
        yield from _style(ctx, "national-title", title, sizes=(12, 13), bold=True, italic=False, upper=True)
    motto = found.motto
    yield from _literal(ctx, "motto", motto, MOTTO)
    if motto is None:
        return
    yield from _style(ctx, "motto", motto, sizes=(13, 14), bold=True, italic=False)
    size = ctx.runs(motto)[0].size
    yield from _rule_under(ctx, "motto-rule", motto, _FULL_RULE, size=size, bold=True)


def _first(findings: Iterator[Finding]) -> Iterator[Finding]:
    """One finding per rule and expectation (a name on two lines is one name)."""
    seen: set[tuple[str, str]] = set()
    for finding in findings:
        key = (finding.rule, finding.expected)
        if key not in seen:
            seen.add(key)
            yield finding


def check_agency(ctx: Context) -> Iterator[Finding]:
    found = ctx.found
    if ctx.is_appendix or found.national_title is None or ctx.profile == "certificate":
        return
    if found.agency is None:
        yield ctx.finding(
            "unlocated", None, "the agency block (agency name left of the national title)", "none"
        )
        return
    lines = found.agency_lines or [found.agency]
    yield from _first(
        finding
        for line in lines
        for finding in _style(ctx, "agency", line, sizes=(12, 13), bold=True, italic=False, upper=True)
    )
    size = ctx.runs(found.agency)[0].size
    yield from _rule_under(ctx, "agency-rule", found.agency, _SHORT_RULE, size=size, bold=True, lines=lines)
    if found.parent_agency is not None:
        yield from _style(
            ctx, "parent-agency", found.parent_agency, sizes=(12, 13), bold=False, italic=False, upper=True
        )


def check_number_and_date(ctx: Context) -> Iterator[Finding]:
    found = ctx.found
    if ctx.is_attachment:
        return
    number = found.number
    if ctx.profile == "certificate":
        pass  # a certificate carries its register number (Số sổ vàng), not a document number
    elif number is None:
        if ctx.kind not in ("THƯ KHEN", "THƯ CHÚC MỪNG", "THƯ CẢM ƠN"):
            yield ctx.finding("number-missing", None, "Số: NN/ABC-XYZ", "no Số: line")
    else:
        match = _NUMBER.match(number.text)
        if found.draft_number:
            yield ctx.finding("draft", number, "a number (the document is issued)", "the number left blank")
        elif match is None:
            yield ctx.finding("number", number, "Số: 12/QĐ-SCT", number.text)
        elif len(match.group(1)) < 2:
            yield ctx.finding(
                "number", number, f"Số: {int(match.group(1)):02d}{match.group(2) or ''}", number.text
            )
        yield from _style(ctx, "number", number, sizes=(13, 13), bold=False, italic=False)
    date = found.place_date
    if date is None:
        yield ctx.finding("place-date", None, "Địa danh, ngày DD tháng M năm YYYY", "no place-date line")
        return
    if found.draft_date:
        yield ctx.finding("draft", date, "a day and month (the document is issued)", "left blank")
    else:
        match = _DATE.match(date.text)
        if match is None:
            yield ctx.finding("place-date", date, "Hải Phòng, ngày 05 tháng 01 năm 2021", date.text)
        else:
            day, month = match.group("d"), match.group("m")
            good_day = f"{int(day):02d}"
            good_month = f"{int(month):02d}" if int(month) < 3 else str(int(month))
            if day != good_day or month != good_month:
                expected = (
                    f"{match.group('place')}, ngày {good_day} tháng {good_month} năm {match.group('y')}"
                )
                yield ctx.finding("place-date", date, expected, date.text)
    yield from _style(ctx, "place-date", date, sizes=(13, 14), bold=None, italic=True)


def check_title(ctx: Context) -> Iterator[Finding]:
    found = ctx.found
    if ctx.profile == "certificate":
        return
    if found.doc_type is not None:
        yield from _style(ctx, "document-type", found.doc_type, sizes=(13, 16), bold=True, upper=True)
    elif not ctx.is_appendix and found.subject is None and found.national_title is not None:
        yield ctx.finding(
            "unlocated", None, "the document type (QUYẾT ĐỊNH, BÁO CÁO …) under the header", "none"
        )
    if found.summary is not None:
        lines = found.summary_lines or [found.summary]
        yield from _first(
            f for line in lines for f in _style(ctx, "summary", line, sizes=(13, 14), bold=True)
        )
        under = found.reference or lines[-1]
        size = ctx.runs(under)[0].size
        bold = ctx.runs(under)[0].bold
        yield from _rule_under(ctx, "summary-rule", under, _SHORT_RULE, size=size, bold=bold, lines=lines)
    if found.subject is not None:  # công văn: V/v … under the number, 12-13 pt, upright
        yield from _style(ctx, "subject", found.subject, sizes=(12, 13), bold=None, italic=False)
    if _is_letter(ctx) and found.addressee is None:
        yield ctx.finding("addressee", None, "Kính gửi: …", "none")


_TYPE_ABBREVIATIONS = frozenset(DOC_TYPES.values())


def _is_letter(ctx: Context) -> bool:
    """An official letter (công văn): a number without a type abbreviation, or a V/v line."""
    number = ctx.found.number
    if ctx.found.subject is not None:
        return True
    if number is None or ctx.found.doc_type is not None:
        return False
    symbol = number.text.split("/", 1)[1] if "/" in number.text else ""
    return bool(symbol) and symbol.split("-", 1)[0] not in _TYPE_ABBREVIATIONS


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
        if any(not 13 <= r.size <= 14 for r in runs):
            yield ctx.finding("body-size", para, "13-14 pt", _sizes(runs))
        fmt = ctx.resolver.paragraph(para.element)
        indent_cm = fmt.first_line / _TWIPS_PER_CM
        if para.leading_tab and indent_cm < 0.95:
            indent_cm += _first_tab_stop(ctx, para.element) / _TWIPS_PER_CM  # an indent typed with Tab
        if not 0.95 <= indent_cm <= 1.3:
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
            yield from _style(ctx, "signature", para, sizes=(13, 14), bold=True, upper=True)
        yield from _style(ctx, "signature", name, sizes=(13, 14), bold=True)
    if ctx.profile == "certificate":
        return  # no Nơi nhận on a certificate
    label = found.recipients_label
    if label is None:
        if not ctx.kind.startswith("BIÊN BẢN"):  # minutes are signed side by side, often unsent
            yield ctx.finding("recipients-missing", None, "Nơi nhận:", "none")
        return
    if label.text != "Nơi nhận:":
        yield ctx.finding("recipients", label, "Nơi nhận:", label.text)
    yield from _style(ctx, "recipients", label, sizes=(12, 12), bold=True, italic=True)
    items = found.recipients
    if not items:
        yield ctx.finding("recipients", label, "a list under Nơi nhận:", "none")
        return
    for para in items:
        runs = ctx.runs(para)
        if any(r.size != 11 for r in runs):
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
                    if any(not 13 <= s <= 14 for s in sizes):
                        yield Finding.of(
                            "page-number", where, "", "13-14 pt", "/".join(f"{s:g} pt" for s in sorted(sizes))
                        )


CHECKS: tuple[Check, ...] = (
    check_page,
    check_fonts,
    check_national,
    check_agency,
    check_number_and_date,
    check_title,
    check_body,
    check_closing,
    check_page_numbers,
    check_page_count,
    check_header_fonts,
)


def run_checks(ctx: Context) -> list[Finding]:
    findings: list[Finding] = []
    for check in CHECKS:
        findings.extend(check(ctx))
    return findings

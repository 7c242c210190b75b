"""The checks of the page and the document's head: page size and margins, fonts, the national
title and motto, the agency block, the number and the place-date, the type and summary."""

from __future__ import annotations

import re
from collections.abc import Iterator

from reportkit.checker.context import (
    _BLACK,
    _DATE,
    _FONT,
    _FULL_RULE,
    _NUMBER,
    _SHORT_RULE,
    Context,
    _range,
    _rule_under,
    _style,
)
from reportkit.checker.elements import Para
from reportkit.checker.findings import Finding
from reportkit.checker.formatting import RunFormat
from reportkit.nd30.spec import (
    MARGINS_MM,
    MOTTO,
    NATIONAL_TITLE,
    PAGE_MM,
)
from reportkit.vn.doc_numbers import DOC_TYPES

__all__ = [
    "check_agency",
    "check_fonts",
    "check_national",
    "check_number_and_date",
    "check_page",
    "check_title",
    "face_family",
    "font_problem",
    "legacy_encoding",
]


def check_page(ctx: Context) -> Iterator[Finding]:
    for index, section in enumerate(ctx.document.sections, start=1):
        where = f"section {index}"
        width, height = round((section.page_width or 0) / 36000), round((section.page_height or 0) / 36000)
        if sorted((width, height)) != sorted(PAGE_MM):
            yield Finding.of("page-size", where, "", "210 × 297 mm", f"{width} × {height} mm")
        if ctx.profile == "certificate":
            continue  # a certificate's layout (landscape, margins) is its own design
        if width > height and index == 1:  # a later landscape section holds a wide appendix table
            yield Finding.of("page-orientation", where, "", "portrait", "landscape")
        margins = {
            name: round(getattr(section, f"{name}_margin").mm, 1)
            for name in ("top", "bottom", "left", "right")
        }
        wrong = [f"{n} {v:g} mm" for n, v in margins.items() if not MARGINS_MM[n].holds(v, 0.2)]
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
        yield from _style(
            ctx, "national-title", title, sizes=_range("national-title"), bold=True, italic=False, upper=True
        )
    motto = found.motto
    yield from _literal(ctx, "motto", motto, MOTTO)
    if motto is None:
        return
    yield from _style(ctx, "motto", motto, sizes=_range("motto"), bold=True, italic=False)
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
        for finding in _style(
            ctx, "agency", line, sizes=_range("agency"), bold=True, italic=False, upper=True
        )
    )
    size = ctx.runs(found.agency)[0].size
    yield from _rule_under(ctx, "agency-rule", found.agency, _SHORT_RULE, size=size, bold=True, lines=lines)
    if found.parent_agency is not None:
        yield from _style(
            ctx,
            "parent-agency",
            found.parent_agency,
            sizes=_range("parent-agency"),
            bold=False,
            italic=False,
            upper=True,
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
        yield from _style(ctx, "number", number, sizes=_range("number"), bold=False, italic=False)
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
    yield from _style(ctx, "place-date", date, sizes=_range("place-date"), bold=None, italic=True)


def check_title(ctx: Context) -> Iterator[Finding]:
    found = ctx.found
    if ctx.profile == "certificate":
        return
    if found.doc_type is not None:
        yield from _style(
            ctx, "document-type", found.doc_type, sizes=_range("document-type"), bold=True, upper=True
        )
    elif not ctx.is_appendix and found.subject is None and found.national_title is not None:
        yield ctx.finding(
            "unlocated", None, "the document type (QUYẾT ĐỊNH, BÁO CÁO …) under the header", "none"
        )
    if found.summary is not None:
        lines = found.summary_lines or [found.summary]
        yield from _first(
            f for line in lines for f in _style(ctx, "summary", line, sizes=_range("summary"), bold=True)
        )
        under = found.reference or lines[-1]
        size = ctx.runs(under)[0].size
        bold = ctx.runs(under)[0].bold
        yield from _rule_under(ctx, "summary-rule", under, _SHORT_RULE, size=size, bold=bold, lines=lines)
    if found.subject is not None:  # công văn: V/v … under the number, 12-13 pt, upright
        yield from _style(ctx, "subject", found.subject, sizes=_range("subject"), bold=None, italic=False)
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

"""The numbers of Nghị định 30/2020/NĐ-CP (Phụ lục I) once: the page, the margins, the font,
the size range of each element, the rules under the motto, the agency and the summary, the
first-line indent. The layout of the built-in templates (:mod:`reportkit.layout.nd30`) takes
its sizes from :data:`LAYOUT` (each inside its :data:`SIZES` range), and the checker
(:mod:`reportkit.checker`) checks documents against the ranges.

>>> SIZES["motto"], LAYOUT["motto"], MARGINS_MM["left"]
(Range(low=13, high=14), 14, Range(low=30, high=35))
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = [
    "FIRST_LINE_INDENT_CM",
    "FONT",
    "FULL_RULE",
    "LAYOUT",
    "LAYOUT_MARGINS_MM",
    "MARGINS_MM",
    "MOTTO",
    "NATIONAL_TITLE",
    "PAGE_MM",
    "SHORT_RULE",
    "SIGNATURE_SPACE_MM",
    "SIZES",
    "Range",
]


@dataclass(frozen=True)
class Range:
    """From *low* to *high*, both included."""

    low: float
    high: float

    def holds(self, value: float, tolerance: float = 0.0) -> bool:
        return self.low - tolerance <= value <= self.high + tolerance

    def __str__(self) -> str:
        return f"{self.low:g}-{self.high:g}" if self.low != self.high else f"{self.low:g}"


FONT = "Times New Roman"
"""The font (Phông chữ Times New Roman, Unicode, TCVN 6909:2001)."""
NATIONAL_TITLE = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
MOTTO = "Độc lập - Tự do - Hạnh phúc"
PAGE_MM = (210, 297)
"""A4."""
MARGINS_MM = {"top": Range(20, 25), "bottom": Range(20, 25), "left": Range(30, 35), "right": Range(15, 20)}
LAYOUT_MARGINS_MM = (20.0, 20.0, 30.0, 15.0)
"""The margins of the built-in templates: top, bottom, left, right."""
SIZES: dict[str, Range] = {
    "national-title": Range(12, 13),
    "motto": Range(13, 14),
    "parent-agency": Range(12, 13),
    "agency": Range(12, 13),
    "number": Range(13, 13),
    "subject": Range(12, 13),
    "place-date": Range(13, 14),
    "document-type": Range(13, 16),
    "summary": Range(13, 14),
    "body": Range(13, 14),
    "signature": Range(13, 14),
    "recipients-heading": Range(12, 12),
    "recipients": Range(11, 11),
    "page-number": Range(13, 14),
}
"""The size, in points, of each element of Phụ lục I."""
LAYOUT: dict[str, float] = {
    "national-title": 13,
    "motto": 14,
    "parent-agency": 13,
    "agency": 13,
    "number": 13,
    "subject": 13,
    "place-date": 14,
    "document-type": 14,
    "summary": 14,
    "body": 14,
    "signature": 14,
    "recipients-heading": 12,
    "recipients": 11,
    "page-number": 14,
}
"""The size the built-in templates use for each element (inside its range)."""
assert all(SIZES[name].holds(size) for name, size in LAYOUT.items())
SHORT_RULE = Range(0.28, 0.56)
"""The rule under the agency and the summary: 1/3 to 1/2 of the text, with room for how text
widths are measured."""
FULL_RULE = Range(0.85, 1.15)
"""The rule under the motto: as long as the motto."""
FIRST_LINE_INDENT_CM = Range(0.95, 1.3)
"""The first-line indent of a body paragraph: 1 to 1.27 cm."""
SIGNATURE_SPACE_MM = 35.0
"""Room for the signature and the seal between the signer's title and name on a certificate
(a round seal is 35–40 mm across and covers about a third of the signature)."""

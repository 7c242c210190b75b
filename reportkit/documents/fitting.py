"""Fit a Giấy khen on one page, whatever the data.

A certificate is one landscape page. Long collective names, long units and three-line
achievements push the signature onto a second page unless the layout gives way. This module
measures each variable paragraph with the Times metrics of :mod:`reportkit.layout.metrics`
(word-wrapped at spaces), adds up the page, and walks a ladder of layouts — the designed one
first, then tighter spacing, then smaller type within sensible bounds — until the page holds
with the honoree's name on one line (no hidden no-break space does that: the type does; a name
too long for any step breaks between its words). Past the last step the record fails with
:class:`CertificateFitError`, which names the honoree and how much is too much.

The vertical model is the one LibreOffice and Word use for single-spaced Times: a line is
1.15 em high, plus the paragraph's spacing before and after. Widths carry a 4% safety margin.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from reportkit.engine.rich import Rich
from reportkit.errors import UserInputError
from reportkit.layout.metrics import text_width_mm
from reportkit.layout.nd30 import SIGNATURE_SPACE_MM

__all__ = ["CERTIFICATE_STEPS", "CertificateFit", "CertificateFitError", "fit_certificate", "wrapped_lines"]

_LINE = 1.15
_SAFETY = 1.04
_PT_PER_MM = 72 / 25.4

# The page of templates/giay_khen.docx: A4 landscape, margins 24 (top), 16 (bottom), 25 / 25 mm.
PAGE_HEIGHT_PT = (210 - 24 - 16) * _PT_PER_MM
TEXT_WIDTH_MM = 247.0
_SIGNER_CELL_MM = 127.0 - 3.8
_DECISION_CELL_MM = 120.0 - 3.8
# The fixed top of the page: national title 14 pt, motto 15 pt, the 6 pt rule, "TẶNG" 17 pt + 14.
_FIXED_TOP_PT = 14 * _LINE + 15 * _LINE + 6 + 17 * _LINE + 14
_SLACK_PT = 8.0


class CertificateFitError(UserInputError):
    """A certificate that cannot be fitted on one page even at the smallest allowed layout."""


@dataclass(frozen=True)
class CertificateFit:
    """One step of the ladder: type sizes (pt) and the spacing that varies (pt)."""

    authority: float = 17
    title: float = 48
    name: float = 24
    unit: float = 16
    achievement: float = 16
    roomy: bool = True  # 28 pt above the authority and below the achievement (else 10 pt)

    def context(self, **texts: str) -> dict[str, object]:
        """What the template reads as ``fit``: each text as :class:`Rich` at its step's size."""
        sized: dict[str, object] = {key: Rich(text, size=getattr(self, key)) for key, text in texts.items()}
        sized["roomy"] = self.roomy
        return sized


CERTIFICATE_STEPS: tuple[CertificateFit, ...] = (
    CertificateFit(),
    CertificateFit(roomy=False),
    CertificateFit(name=21, unit=15, achievement=15, roomy=False),
    CertificateFit(title=44, name=19, unit=14, achievement=14, roomy=False),
    CertificateFit(authority=16, title=40, name=18, unit=13, achievement=13, roomy=False),
    CertificateFit(authority=15, title=36, name=17, unit=12.5, achievement=12.5, roomy=False),
)
"""From the designed layout to the smallest one that still reads as a certificate."""


def wrapped_lines(text: str, size_pt: float, width_mm: float, *, bold: bool = False) -> int:
    """How many lines *text* takes when word-wrapped in *width_mm* (breaks at spaces)."""
    if not text:
        return 0
    lines = 1
    current = 0.0
    space = text_width_mm(" ", size_pt, bold=bold) * _SAFETY
    for word in text.split(" "):
        width = text_width_mm(word, size_pt, bold=bold) * _SAFETY
        needed = width if current == 0 else current + space + width
        if needed <= width_mm or current == 0:
            current = needed
            if current > width_mm:  # one word wider than the line: it breaks inside
                extra = int(current // width_mm)
                lines += extra
                current -= extra * width_mm
        else:
            lines += 1
            current = width
    return lines


def _paragraph_pt(text: str, size: float, width_mm: float, *, bold: bool = False) -> float:
    return wrapped_lines(text, size, width_mm, bold=bold) * size * _LINE


def _closing_pt(decision_line: str, register: bool, place_date: str, signer_lines: Sequence[str]) -> float:
    left = _paragraph_pt(decision_line, 13, _DECISION_CELL_MM) + (13 * _LINE if register else 0)
    right = _paragraph_pt(place_date, 14, _SIGNER_CELL_MM)
    right += sum(_paragraph_pt(line, 14, _SIGNER_CELL_MM, bold=True) for line in signer_lines)
    right += SIGNATURE_SPACE_MM * _PT_PER_MM + 14 * _LINE
    return max(left, right)


def page_height_pt(
    step: CertificateFit,
    *,
    authority: str,
    title: str,
    name: str,
    unit: str,
    achievement: str,
    closing_pt: float,
) -> float:
    """The height the certificate's content takes at *step*, in points."""
    gap = 28 if step.roomy else 10
    height = _FIXED_TOP_PT + closing_pt
    height += gap + _paragraph_pt(authority, step.authority, TEXT_WIDTH_MM, bold=True)
    height += 8 + _paragraph_pt(title, step.title, TEXT_WIDTH_MM, bold=True) + 14
    height += _paragraph_pt(name, step.name, TEXT_WIDTH_MM, bold=True) + 6
    if unit:
        height += _paragraph_pt(unit, step.unit, TEXT_WIDTH_MM) + 4
    height += 8 + _paragraph_pt(achievement, step.achievement, TEXT_WIDTH_MM) + gap
    return height


def fit_certificate(
    *,
    authority: str,
    title: str,
    name: str,
    unit: str,
    achievement: str,
    decision_line: str,
    register: bool,
    place_date: str,
    signer_lines: Sequence[str],
    record: str,
) -> CertificateFit:
    """The first step of :data:`CERTIFICATE_STEPS` at which the certificate fits one page with
    the name on one line, else the first at which it fits one page.

    Raise :class:`CertificateFitError` naming *record* when even the last step is too tall.
    """
    closing = _closing_pt(decision_line, register, place_date, signer_lines)
    available = PAGE_HEIGHT_PT - _SLACK_PT
    height = 0.0
    fitting: list[CertificateFit] = []
    for step in CERTIFICATE_STEPS:
        height = page_height_pt(
            step,
            authority=authority,
            title=title,
            name=name,
            unit=unit,
            achievement=achievement,
            closing_pt=closing,
        )
        if height <= available:
            if wrapped_lines(name, step.name, TEXT_WIDTH_MM, bold=True) == 1:
                return step
            fitting.append(step)
    if fitting:
        return fitting[0]
    over_mm = (height - available) / _PT_PER_MM
    raise CertificateFitError(
        f"{record}: the certificate does not fit on one page even with the smallest type "
        f"({over_mm:.0f} mm too tall): shorten the name, unit or achievement"
    )

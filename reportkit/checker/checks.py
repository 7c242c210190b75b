"""The rules of Nghị định 30/2020/NĐ-CP, Phụ lục I, checked on a mapped document: the checks
of :mod:`~reportkit.checker.checks_head` and :mod:`~reportkit.checker.checks_body`, in order."""

from __future__ import annotations

from reportkit.checker.checks_body import (
    check_body,
    check_closing,
    check_header_fonts,
    check_page_count,
    check_page_numbers,
)
from reportkit.checker.checks_head import (
    check_agency,
    check_fonts,
    check_national,
    check_number_and_date,
    check_page,
    check_title,
    face_family,
    font_problem,
    legacy_encoding,
)
from reportkit.checker.context import Check, Context, Profile, detect_profile
from reportkit.checker.findings import Finding

__all__ = [
    "CHECKS",
    "Context",
    "Profile",
    "detect_profile",
    "face_family",
    "font_problem",
    "legacy_encoding",
    "run_checks",
]

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

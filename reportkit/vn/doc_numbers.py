"""Document numbers and symbols (số, ký hiệu) of Nghị định 30/2020/NĐ-CP.

``Số: 12/QĐ-SCT``: the number (zero-padded below 10), ``/``, the abbreviation of the document type
(Phụ lục III, Mục I), ``-``, the issuer's abbreviation. An official letter (công văn) has no type:
``05/SCT-VP``.
"""

from __future__ import annotations

from types import MappingProxyType

from reportkit.errors import UserInputError
from reportkit.vn.text import normalize

__all__ = ["DOC_TYPES", "doc_number", "doc_type_abbreviation"]

DOC_TYPES: MappingProxyType[str, str] = MappingProxyType(
    {
        "Nghị quyết": "NQ",
        "Quyết định": "QĐ",
        "Chỉ thị": "CT",
        "Quy chế": "QC",
        "Quy định": "QyĐ",
        "Thông cáo": "TC",
        "Thông báo": "TB",
        "Hướng dẫn": "HD",
        "Chương trình": "CTr",
        "Kế hoạch": "KH",
        "Phương án": "PA",
        "Đề án": "ĐA",
        "Dự án": "DA",
        "Báo cáo": "BC",
        "Biên bản": "BB",
        "Tờ trình": "TTr",
        "Hợp đồng": "HĐ",
        "Công điện": "CĐ",
        "Bản ghi nhớ": "BGN",
        "Bản thỏa thuận": "BTT",
        "Giấy ủy quyền": "GUQ",
        "Giấy mời": "GM",
        "Giấy giới thiệu": "GGT",
        "Giấy nghỉ phép": "GNP",
        "Phiếu gửi": "PG",
        "Phiếu chuyển": "PC",
        "Phiếu báo": "PB",
        "Bản sao y": "SY",
        "Bản trích sao": "TrS",
        "Bản sao lục": "SL",
    }
)
_BY_LOWER = {name.lower(): abbr for name, abbr in DOC_TYPES.items()}
_ABBREVIATIONS = frozenset(DOC_TYPES.values())


def doc_type_abbreviation(doc_type: str) -> str:
    """``"Quyết định"`` → ``"QĐ"``; an abbreviation of Phụ lục III is returned as it is."""
    text = normalize(doc_type)
    if text in _ABBREVIATIONS:
        return text
    try:
        return _BY_LOWER[text.lower()]
    except KeyError:
        raise UserInputError(f"unknown document type {doc_type!r} (Phụ lục III, Mục I)") from None


def doc_number(number: int, doc_type: str | None, issuer: str) -> str:
    """``(12, "Quyết định", "SCT")`` → ``"12/QĐ-SCT"``; ``(5, None, "SCT-VP")`` → ``"05/SCT-VP"``."""
    if isinstance(number, bool) or not isinstance(number, int) or number < 1:
        raise UserInputError(f"a document number is a positive integer, got {number!r}")
    issuer = normalize(issuer).replace(" ", "")
    if not issuer:
        raise UserInputError("the issuer abbreviation cannot be empty")
    symbol = issuer if doc_type is None else f"{doc_type_abbreviation(doc_type)}-{issuer}"
    return f"{number:02d}/{symbol}"

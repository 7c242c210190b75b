"""Findings and reports of the format checker, with the catalogue of rules.

Each rule has an id, a severity and a one-line description in English and in Vietnamese. A
finding says which rule, where (paragraph or table cell, with a text snippet), what was expected
and what was found.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from typing import Literal

__all__ = ["RULES", "Finding", "Report", "Rule", "Severity"]

Severity = Literal["error", "warning", "info"]


@dataclass(frozen=True)
class Rule:
    id: str
    severity: Severity
    en: str
    vi: str


_RULES = [
    Rule("page-size", "error", "Paper is A4 (210 × 297 mm)", "Khổ giấy A4 (210 × 297 mm)"),
    Rule(
        "page-orientation",
        "warning",
        "Pages are portrait (landscape only for wide tables)",
        "Trang in theo chiều dài (chiều rộng chỉ cho bảng rộng)",
    ),
    Rule(
        "page-margins",
        "error",
        "Margins: top and bottom 20-25 mm, left 30-35 mm, right 15-20 mm",
        "Lề trên, dưới 20-25 mm; lề trái 30-35 mm; lề phải 15-20 mm",
    ),
    Rule("font-family", "error", "Text is set in Times New Roman", "Phông chữ Times New Roman"),
    Rule(
        "legacy-font",
        "error",
        "Text is Unicode (no TCVN3 .Vn… or VNI fonts: their text is another encoding)",
        "Văn bản dùng bảng mã Unicode (không dùng phông .Vn… của TCVN3 hay VNI)",
    ),
    Rule("font-color", "error", "Text is black", "Chữ màu đen"),
    Rule(
        "national-title",
        "error",
        "National title: CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM, 12-13 pt, upper case, bold",
        "Quốc hiệu: CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM, cỡ 12-13, in hoa, đậm",
    ),
    Rule(
        "motto",
        "error",
        "Motto: Độc lập - Tự do - Hạnh phúc, 13-14 pt, bold",
        "Tiêu ngữ: Độc lập - Tự do - Hạnh phúc, cỡ 13-14, đậm",
    ),
    Rule(
        "motto-rule",
        "error",
        "A solid rule under the motto, as long as the motto",
        "Dưới tiêu ngữ có đường kẻ ngang, nét liền, dài bằng tiêu ngữ",
    ),
    Rule(
        "agency",
        "error",
        "Issuing agency: 12-13 pt, upper case, bold",
        "Tên cơ quan ban hành: cỡ 12-13, in hoa, đậm",
    ),
    Rule(
        "parent-agency",
        "warning",
        "Parent agency: 12-13 pt, upper case, not bold",
        "Tên cơ quan chủ quản: cỡ 12-13, in hoa, đứng, không đậm",
    ),
    Rule(
        "agency-rule",
        "error",
        "A solid rule under the agency name, 1/3 to 1/2 of its length",
        "Dưới tên cơ quan có đường kẻ ngang, dài 1/3 đến 1/2 độ dài tên",
    ),
    Rule(
        "number",
        "error",
        "Số: NN/ABC-XYZ, 13 pt, the number below 10 with a leading zero",
        "Số, ký hiệu: cỡ 13, số nhỏ hơn 10 ghi thêm số 0 phía trước",
    ),
    Rule("number-missing", "warning", "The document has a Số: line", "Văn bản có số, ký hiệu"),
    Rule(
        "place-date",
        "error",
        "Place and date: 'Hải Phòng, ngày 05 tháng 01 năm 2021', 13-14 pt, italic; day < 10 and months 1, 2 padded",
        "Địa danh, ngày tháng năm: cỡ 13-14, nghiêng; ngày dưới 10 và tháng 1, 2 thêm số 0",
    ),
    Rule(
        "document-type",
        "error",
        "Document type: 13-14 pt, upper case, bold",
        "Tên loại văn bản: cỡ 13-14, in hoa, đậm",
    ),
    Rule("summary", "error", "Summary (trích yếu): 13-14 pt, bold", "Trích yếu nội dung: cỡ 13-14, đậm"),
    Rule(
        "summary-rule",
        "error",
        "A solid rule under the summary, 1/3 to 1/2 of its length",
        "Dưới trích yếu có đường kẻ ngang, dài 1/3 đến 1/2 độ dài dòng chữ",
    ),
    Rule(
        "legal-basis",
        "error",
        "Legal bases: italic, one per line, each ending with ';' (the last with '.' or ';')",
        "Căn cứ ban hành: in nghiêng, mỗi căn cứ một dòng, kết thúc bằng dấu ';'",
    ),
    Rule("body-size", "error", "Body text: 13-14 pt", "Nội dung văn bản: cỡ 13-14"),
    Rule(
        "body-indent",
        "warning",
        "Body paragraphs: first-line indent 1 cm or 1.27 cm",
        "Đoạn văn lùi đầu dòng 1 cm hoặc 1,27 cm",
    ),
    Rule(
        "body-spacing",
        "warning",
        "Body paragraphs: at least 6 pt between paragraphs",
        "Khoảng cách giữa các đoạn văn tối thiểu 6pt",
    ),
    Rule("body-alignment", "warning", "Body paragraphs are justified", "Nội dung căn đều hai lề"),
    Rule(
        "signature",
        "error",
        "Signing authority and signer's title: 13-14 pt, upper case, bold; signer's name bold",
        "Quyền hạn, chức vụ người ký: cỡ 13-14, in hoa, đậm; họ tên người ký in đậm",
    ),
    Rule("recipients-missing", "error", "The document has a 'Nơi nhận:' block", "Văn bản có mục Nơi nhận"),
    Rule(
        "recipients",
        "error",
        "'Nơi nhận:' 12 pt bold italic; the list 11 pt, '- …;' per line, ending with '- Lưu: VT, ….'",
        "'Nơi nhận:' cỡ 12, đậm nghiêng; danh sách cỡ 11, mỗi dòng '- …;', dòng cuối '- Lưu: VT, ….'",
    ),
    Rule(
        "subject",
        "error",
        "Official letter: the 'V/v …' summary under the number, 12-13 pt, upright",
        "Công văn: trích yếu 'V/v …' dưới số, ký hiệu, cỡ 12-13, đứng",
    ),
    Rule("addressee", "warning", "Official letter: a 'Kính gửi:' line", "Công văn có dòng 'Kính gửi:'"),
    Rule(
        "page-number-missing",
        "error",
        "A document of two pages or more numbers its pages",
        "Văn bản từ hai trang trở lên phải đánh số trang",
    ),
    Rule(
        "draft",
        "info",
        "A draft: the number or the day is left blank, to be filled in when issued",
        "Dự thảo: số hoặc ngày để trống, điền khi ban hành",
    ),
    Rule(
        "unlocated",
        "warning",
        "An element the other rules need could not be located, so they were not checked",
        "Không xác định được một thành phần của văn bản nên không kiểm tra được các quy định liên quan",
    ),
    Rule(
        "page-number",
        "error",
        "Page numbers: in the header, centred, 13-14 pt, none on the first page",
        "Số trang: ở lề trên, giữa, cỡ 13-14, không đánh số trang đầu",
    ),
]
RULES: dict[str, Rule] = {rule.id: rule for rule in _RULES}


@dataclass(frozen=True)
class Finding:
    """One breach of one rule."""

    rule: str
    severity: Severity
    where: str
    snippet: str
    expected: str
    found: str
    en: str
    vi: str

    @classmethod
    def of(cls, rule: str, where: str, snippet: str, expected: str, found: str) -> Finding:
        info = RULES[rule]
        return cls(rule, info.severity, where, snippet, expected, found, info.en, info.vi)

    def line(self) -> str:
        place = f"{self.where} «{self.snippet}»" if self.snippet else self.where
        return f"{self.severity.upper():7s} {self.rule}: {place}: expected {self.expected}, found {self.found} — {self.vi}"


@dataclass
class Report:
    """All findings for one document."""

    source: str
    findings: list[Finding] = field(default_factory=list)

    @property
    def errors(self) -> list[Finding]:
        return [f for f in self.findings if f.severity == "error"]

    @property
    def warnings(self) -> list[Finding]:
        return [f for f in self.findings if f.severity == "warning"]

    @property
    def notices(self) -> list[Finding]:
        return [f for f in self.findings if f.severity == "info"]

    @property
    def ok(self) -> bool:
        """No errors (warnings allowed)."""
        return not self.errors

    @property
    def rules(self) -> set[str]:
        return {f.rule for f in self.findings}

    def to_dict(self) -> dict[str, object]:
        return {
            "source": self.source,
            "ok": self.ok,
            "errors": len(self.errors),
            "warnings": len(self.warnings),
            "notices": len(self.notices),
            "findings": [asdict(f) for f in self.findings],
        }

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=2)

    def text(self) -> str:
        head = f"{self.source}: {len(self.errors)} error(s), {len(self.warnings)} warning(s)"
        return "\n".join([head, *("  " + f.line() for f in self.findings)])

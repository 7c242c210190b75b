"""`reportkit check` on real documents drafted by provincial offices (tests/data/realdocs).

Each document's findings were judged one by one — by opening the document, its XML and a PDF
page image — and written down in ``expected.json`` with a verdict. The checker must report
exactly those findings: a new one is unjudged (and likely false), a missing one is a true
finding lost. At most 5% of the findings may be false.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from reportkit import check

CORPUS = Path(__file__).resolve().parent / "data" / "realdocs"
EXPECTED = json.loads((CORPUS / "expected.json").read_text(encoding="utf-8"))["documents"]


def _key(rule: str, where: str, found: str) -> tuple[str, str, str]:
    return rule, where, found


def test_the_corpus_is_in_the_repository() -> None:
    assert len(list(CORPUS.glob("*.docx"))) == 18 == len(EXPECTED)


def _layout_available() -> bool:
    from reportkit.pdf import PdfError, find_soffice

    try:
        find_soffice()
    except PdfError:
        return False
    return True


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_findings_are_the_judged_ones(name: str) -> None:
    layout = _layout_available()  # pages counted by LibreOffice where it is installed
    report = check(CORPUS / name)
    actual = sorted(_key(f.rule, f.where, f.found) for f in report.findings)
    expected = sorted(
        _key(e["rule"], e["where"], e["found"]) for e in EXPECTED[name] if layout or not e.get("layout")
    )
    assert actual == expected, report.text()


def test_false_findings_are_at_most_five_percent() -> None:
    judged = [e for entries in EXPECTED.values() for e in entries]
    false = [e for e in judged if e["verdict"] == "false"]
    assert len(judged) >= 50
    assert len(false) <= 0.05 * len(judged)


def test_every_rule_family_is_exercised_by_the_corpus() -> None:
    rules = {e["rule"] for entries in EXPECTED.values() for e in entries}
    assert {
        "draft",
        "recipients",
        "page-number",
        "page-margins",
        "motto",
        "summary-rule",
        "legacy-font",
    } <= rules

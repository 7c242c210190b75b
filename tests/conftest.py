"""Shared fixtures: the sample data shipped in ``tests/data``, hypothesis profiles, and the policy
for tests that need LibreOffice and poppler.

Tests marked ``@pytest.mark.pdf`` convert documents with LibreOffice (``soffice``) and read them
with poppler (``pdftotext``, ``pdfinfo``, ``pdftoppm``). Where a tool is missing they are skipped
with a one-line reason; with ``REPORTKIT_REQUIRE_PDF=1`` (set by ``.ci/run``) a missing tool is a
failure instead, so CI can never pass by skipping them.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(__file__).resolve().parent / "data"
PDF_TOOLS = ("soffice", "pdftotext", "pdfinfo", "pdftoppm")

settings.register_profile("dev", max_examples=200, deadline=None)
settings.register_profile(
    "ci", max_examples=1000, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci" if os.environ.get("CI") else "dev"))


def missing_pdf_tools() -> list[str]:
    """The PDF tools not found on this machine (``REPORTKIT_SOFFICE`` may name soffice)."""
    missing = [tool for tool in PDF_TOOLS[1:] if shutil.which(tool) is None]
    soffice = os.environ.get("REPORTKIT_SOFFICE") or "soffice"
    if shutil.which(soffice) is None:
        missing.insert(0, "soffice")
    return missing


def pytest_runtest_setup(item: pytest.Item) -> None:
    if item.get_closest_marker("pdf") is None:
        return
    missing = missing_pdf_tools()
    if not missing:
        return
    reason = (
        f"needs {', '.join(missing)} (apt-get install -y --no-install-recommends "
        "libreoffice-writer-nogui fonts-liberation2 poppler-utils)"
    )
    if os.environ.get("REPORTKIT_REQUIRE_PDF") == "1":
        pytest.fail(f"REPORTKIT_REQUIRE_PDF=1 but this test {reason}", pytrace=False)
    pytest.skip(reason)


@pytest.fixture(scope="session")
def sample_data() -> Path:
    """``tests/data``: the sample honoree lists (UTF-8, cp1258, xlsx, messy) and the seed article."""
    return DATA

"""reportkit: Vietnamese official documents from typed data, as .docx and PDF.

The public names are loaded when first used (``reportkit.Template`` imports the engine,
``reportkit.check`` the checker), so ``import reportkit`` itself costs almost nothing.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from reportkit.lazy import lazy_exports

__version__ = "0.1.0"

_EXPORTS = {
    "DataLimits": "reportkit.models.loading",
    "Image": "reportkit.engine.media",
    "PackageError": "reportkit.engine.errors",
    "RenderError": "reportkit.engine.errors",
    "RenderLimits": "reportkit.engine.budget",
    "Report": "reportkit.checker.findings",
    "Rich": "reportkit.engine.rich",
    "RichParagraphs": "reportkit.engine.rich",
    "Rule": "reportkit.engine.rich",
    "SecurityError": "reportkit.engine.errors",
    "SheetLimits": "reportkit.sheets.reading",
    "Subdoc": "reportkit.engine.subdoc",
    "Template": "reportkit.template",
    "TemplateError": "reportkit.engine.errors",
    "TemplateSyntaxError": "reportkit.engine.errors",
    "UndefinedVariableError": "reportkit.engine.errors",
    "ZipLimits": "reportkit.engine.zipio",
    "check": "reportkit.checker",
    "render_many": "reportkit.engine.batch",
}

__all__ = [
    "DataLimits",
    "Image",
    "PackageError",
    "RenderError",
    "RenderLimits",
    "Report",
    "Rich",
    "RichParagraphs",
    "Rule",
    "SecurityError",
    "SheetLimits",
    "Subdoc",
    "Template",
    "TemplateError",
    "TemplateSyntaxError",
    "UndefinedVariableError",
    "ZipLimits",
    "__version__",
    "check",
    "render_many",
]

if TYPE_CHECKING:  # what type checkers and editors see
    from reportkit.checker import check
    from reportkit.checker.findings import Report
    from reportkit.engine.batch import render_many
    from reportkit.engine.budget import RenderLimits
    from reportkit.engine.errors import (
        PackageError,
        RenderError,
        SecurityError,
        TemplateError,
        TemplateSyntaxError,
        UndefinedVariableError,
    )
    from reportkit.engine.media import Image
    from reportkit.engine.rich import Rich, RichParagraphs, Rule
    from reportkit.engine.subdoc import Subdoc
    from reportkit.engine.zipio import ZipLimits
    from reportkit.models.loading import DataLimits
    from reportkit.sheets.reading import SheetLimits
    from reportkit.template import Template


__getattr__, __dir__ = lazy_exports(__name__, globals(), _EXPORTS)

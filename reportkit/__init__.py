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
    "ImageError": "reportkit.engine.errors",
    "KINDS": "reportkit.kinds",
    "ReportkitError": "reportkit.errors",
    "TemplateWarning": "reportkit.engine.errors",
    "ToolError": "reportkit.errors",
    "UserInputError": "reportkit.errors",
    "build_pack": "reportkit.app",
    "load_event": "reportkit.app",
    "pack_archive": "reportkit.app",
    "review": "reportkit.app",
    "ChartData": "reportkit.engine.chart_data",
    "Html": "reportkit.engine.html_value",
    "HtmlError": "reportkit.engine.html_value",
    "Image": "reportkit.engine.media",
    "PackageError": "reportkit.engine.errors",
    "RawXml": "reportkit.engine.raw_xml",
    "RawXmlError": "reportkit.engine.raw_xml",
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
    "render_many": "reportkit.template",
}

__all__ = [
    "KINDS",
    "ChartData",
    "DataLimits",
    "Html",
    "HtmlError",
    "Image",
    "ImageError",
    "PackageError",
    "RawXml",
    "RawXmlError",
    "RenderError",
    "RenderLimits",
    "Report",
    "ReportkitError",
    "Rich",
    "RichParagraphs",
    "Rule",
    "SecurityError",
    "SheetLimits",
    "Subdoc",
    "Template",
    "TemplateError",
    "TemplateSyntaxError",
    "TemplateWarning",
    "ToolError",
    "UndefinedVariableError",
    "UserInputError",
    "ZipLimits",
    "__version__",
    "build_pack",
    "check",
    "load_event",
    "pack_archive",
    "render_many",
    "review",
]

if TYPE_CHECKING:  # what type checkers and editors see
    from reportkit.app import build_pack, load_event, pack_archive, review
    from reportkit.checker import check
    from reportkit.checker.findings import Report
    from reportkit.engine.budget import RenderLimits
    from reportkit.engine.chart_data import ChartData
    from reportkit.engine.errors import (
        ImageError,
        PackageError,
        RenderError,
        SecurityError,
        TemplateError,
        TemplateSyntaxError,
        TemplateWarning,
        UndefinedVariableError,
    )
    from reportkit.engine.html_value import Html, HtmlError
    from reportkit.engine.media import Image
    from reportkit.engine.raw_xml import RawXml, RawXmlError
    from reportkit.engine.rich import Rich, RichParagraphs, Rule
    from reportkit.engine.subdoc import Subdoc
    from reportkit.engine.zipio import ZipLimits
    from reportkit.errors import ReportkitError, ToolError, UserInputError
    from reportkit.kinds import KINDS
    from reportkit.models.loading import DataLimits
    from reportkit.sheets.reading import SheetLimits
    from reportkit.template import Template, render_many


__getattr__, __dir__ = lazy_exports(__name__, globals(), _EXPORTS)

"""The docx template engine: Jinja2 inside Word files, compiled once, rendered many times.

It knows nothing of Vietnamese administration: language helpers arrive as filters
(:mod:`reportkit.filters`). Layers, from the bottom: :mod:`~.zipio` (zip entries, raw copy),
:mod:`~.xml` (safe parser, names), :mod:`~.package` (OPC parts), :mod:`~.preprocess` (tags typed
in Word → Jinja source), :mod:`~.escaping` / :mod:`~.rich` / :mod:`~.media` (values → XML),
:mod:`~.environment` (Jinja setup) with :mod:`~.budget` (the work a render may do),
:mod:`~.template` (compile and render), :mod:`~.merge` and :mod:`~.batch` (many records).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from reportkit.lazy import lazy_exports

_EXPORTS = {
    "DocxTemplate": "reportkit.engine.template",
    "ChartData": "reportkit.engine.chart_data",
    "Html": "reportkit.engine.html_value",
    "HtmlError": "reportkit.engine.html_value",
    "Image": "reportkit.engine.media",
    "PackageError": "reportkit.engine.errors",
    "RawXml": "reportkit.engine.raw_xml",
    "RawXmlError": "reportkit.engine.raw_xml",
    "RenderError": "reportkit.engine.errors",
    "RenderLimits": "reportkit.engine.budget",
    "Rich": "reportkit.engine.rich",
    "RichParagraphs": "reportkit.engine.rich",
    "Rule": "reportkit.engine.rich",
    "SecurityError": "reportkit.engine.errors",
    "Subdoc": "reportkit.engine.subdoc",
    "TemplateError": "reportkit.engine.errors",
    "TemplateSyntaxError": "reportkit.engine.errors",
    "UndefinedVariableError": "reportkit.engine.errors",
    "ZipLimits": "reportkit.engine.zipio",
    "render_many": "reportkit.engine.batch",
    "safe_filename": "reportkit.engine.batch",
}

__all__ = [
    "ChartData",
    "DocxTemplate",
    "Html",
    "HtmlError",
    "Image",
    "PackageError",
    "RawXml",
    "RawXmlError",
    "RenderError",
    "RenderLimits",
    "Rich",
    "RichParagraphs",
    "Rule",
    "SecurityError",
    "Subdoc",
    "TemplateError",
    "TemplateSyntaxError",
    "UndefinedVariableError",
    "ZipLimits",
    "render_many",
    "safe_filename",
]

if TYPE_CHECKING:
    from reportkit.engine.batch import render_many, safe_filename
    from reportkit.engine.budget import RenderLimits
    from reportkit.engine.chart_data import ChartData
    from reportkit.engine.errors import (
        PackageError,
        RenderError,
        SecurityError,
        TemplateError,
        TemplateSyntaxError,
        UndefinedVariableError,
    )
    from reportkit.engine.html_value import Html, HtmlError
    from reportkit.engine.media import Image
    from reportkit.engine.raw_xml import RawXml, RawXmlError
    from reportkit.engine.rich import Rich, RichParagraphs, Rule
    from reportkit.engine.subdoc import Subdoc
    from reportkit.engine.template import DocxTemplate
    from reportkit.engine.zipio import ZipLimits

__getattr__, __dir__ = lazy_exports(__name__, globals(), _EXPORTS)

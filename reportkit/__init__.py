"""reportkit: Vietnamese official documents from typed data, as .docx and PDF."""

from reportkit.checker import Report, check
from reportkit.engine import (
    Image,
    PackageError,
    RenderError,
    RenderLimits,
    Rich,
    RichParagraphs,
    Rule,
    SecurityError,
    Subdoc,
    TemplateError,
    TemplateSyntaxError,
    UndefinedVariableError,
    ZipLimits,
    render_many,
)
from reportkit.models.loading import DataLimits
from reportkit.sheets.reading import SheetLimits
from reportkit.template import Template

__version__ = "0.1.0"

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

"""reportkit: Vietnamese official documents from typed data, as .docx and PDF."""

from reportkit.checker import Report, check
from reportkit.engine import (
    Image,
    PackageError,
    RenderError,
    Rich,
    Rule,
    SecurityError,
    TemplateError,
    TemplateSyntaxError,
    UndefinedVariableError,
    ZipLimits,
    render_many,
)
from reportkit.template import Template

__version__ = "0.1.0"

__all__ = [
    "Image",
    "PackageError",
    "RenderError",
    "Report",
    "Rich",
    "Rule",
    "SecurityError",
    "Template",
    "TemplateError",
    "TemplateSyntaxError",
    "UndefinedVariableError",
    "ZipLimits",
    "__version__",
    "check",
    "render_many",
]

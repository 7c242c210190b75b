"""The public :class:`Template`: the docx engine with the Vietnamese helpers as default filters."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any, ClassVar

from reportkit.engine.template import DocxTemplate
from reportkit.filters import VN_FILTERS

__all__ = ["Template"]


class Template(DocxTemplate):
    """A .docx template with Jinja tags (docxtpl syntax), compiled once and rendered many times.

    ``Template(source, *, sandbox=True, strict=True)``: *source* is a path, bytes or a binary
    file. See :class:`reportkit.engine.DocxTemplate` for every option; the filters of
    :mod:`reportkit.filters` (``admin_date``, ``words``, ``money``, ``pad`` …) are available.
    """

    default_filters: ClassVar[Mapping[str, Callable[..., Any]]] = VN_FILTERS

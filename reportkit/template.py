"""The public :class:`Template`: the docx engine with the Vietnamese helpers as default filters."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any, ClassVar

from reportkit.engine import batch
from reportkit.engine.template import DocxTemplate, Source
from reportkit.filters import VN_FILTERS

__all__ = ["Template", "compiled", "render_each", "render_many"]


class Template(DocxTemplate):
    """A .docx template with Jinja tags (docxtpl syntax), compiled once and rendered many times.

    ``Template(source, *, sandbox=True, strict=True)``: *source* is a path, bytes or a binary
    file. See :class:`reportkit.engine.DocxTemplate` for every option; the filters of
    :mod:`reportkit.filters` (``admin_date``, ``words``, ``money``, ``pad`` …) are available.
    """

    default_filters: ClassVar[Mapping[str, Callable[..., Any]]] = VN_FILTERS


def compiled(template: DocxTemplate | Source) -> DocxTemplate:
    """*template* as it is when compiled, else compiled as a :class:`Template` (with the
    Vietnamese filters)."""
    return template if isinstance(template, DocxTemplate) else Template(template)


def render_many(
    template: DocxTemplate | Source, contexts: Any, out_dir: Any, **options: Any
) -> Sequence[Path]:
    """:func:`reportkit.engine.batch.render_many`, a template given as a path or bytes being
    compiled as a :class:`Template` (``|money``, ``|admin_date`` … available)."""
    return batch.render_many(compiled(template), contexts, out_dir, **options)


def render_each(template: DocxTemplate | Source, contexts: Any, out_dir: Any, **options: Any) -> Any:
    """:func:`reportkit.engine.batch.render_each`, compiling a path or bytes as a :class:`Template`."""
    return batch.render_each(compiled(template), contexts, out_dir, **options)

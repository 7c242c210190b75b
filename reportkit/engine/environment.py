"""The Jinja environment a template renders in: sandbox, strictness, escaping, filters.

* ``autoescape`` is on and :func:`finalize` turns every value into XML text
  (:mod:`reportkit.engine.escaping`); reportkit's own rich content (runs, pictures) is the only
  markup that passes through unescaped.
* In the sandbox (the default) an unsafe attribute (``__class__``, ``__globals__`` …) raises at
  once instead of rendering as undefined, and the HTML-only filters that would let a template
  inject raw markup (``safe``, ``urlize``, ``xmlattr``) are replaced or removed.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from jinja2 import BaseLoader, Environment, StrictUndefined, Undefined
from jinja2.sandbox import SandboxedEnvironment
from markupsafe import Markup

from reportkit.engine.errors import SecurityError
from reportkit.engine.escaping import clean_text, escape_text, text_xml
from reportkit.engine.media import CURRENT_RENDER, Image
from reportkit.engine.preprocess import RICH_PARAGRAPH, RICH_RUN
from reportkit.engine.rich import Rich, Rule, rule_paragraph_xml, runs_xml

__all__ = ["Xml", "finalize", "make_environment"]


class Xml(Markup):
    """Markup produced by reportkit itself (runs, paragraphs, drawings): written as it is."""


def _drawing(image: Image) -> str:
    return CURRENT_RENDER.get().place(image)


def finalize(value: Any) -> Markup:
    """Turn the value of a ``{{ … }}`` inside ``<w:t>`` into safe XML text."""
    if isinstance(value, str):
        if isinstance(value, Xml):
            return value
        if isinstance(value, Markup):  # already escaped by |e
            return Markup(text_xml(clean_text(str(value))))
        return Markup(text_xml(escape_text(value)))
    if value is None:
        return Markup("")
    if isinstance(value, Image):
        return Markup(f'</w:t>{_drawing(value)}<w:t xml:space="preserve">')
    if isinstance(value, Rich):
        value = value.text
    return Markup(text_xml(escape_text(str(value))))


def rich_run(value: Any, run_properties: str) -> Xml:
    """``{{r value}}``: the run replaced by the value's runs, in the run's own formatting."""
    if isinstance(value, Image):
        return Xml(f"<w:r>{run_properties}{_drawing(value)}</w:r>")
    return Xml(runs_xml(value, run_properties))


def rich_paragraph(value: Any, paragraph_properties: str) -> Xml:
    """``{{p value}}``: the paragraph replaced by one holding the value's runs (or a rule)."""
    if isinstance(value, Rule):
        return Xml(rule_paragraph_xml(value))
    if value is None:
        return Xml("")
    inner = rich_run(value, _run_properties_of(paragraph_properties))
    return Xml(f"<w:p>{paragraph_properties}{inner}</w:p>")


def _run_properties_of(paragraph_properties: str) -> str:
    """The paragraph mark's run properties (``<w:pPr><w:rPr>``), the default for its text."""
    start = paragraph_properties.find("<w:rPr")
    if start < 0:
        return ""
    end = paragraph_properties.find("</w:rPr>", start)
    return paragraph_properties[start : end + len("</w:rPr>")] if end > 0 else ""


class _DocxSandbox(SandboxedEnvironment):
    """Jinja's sandbox, failing fast on unsafe attributes."""

    def unsafe_undefined(self, obj: Any, attribute: str) -> Undefined:
        raise SecurityError(
            f"access to attribute {attribute!r} of a {type(obj).__name__!r} object is not allowed"
        )


def make_environment(
    *,
    loader: BaseLoader,
    sandbox: bool,
    strict: bool,
    filters: Mapping[str, Callable[..., Any]],
    globals: Mapping[str, Any] | None = None,
) -> Environment:
    """Build the environment of one template."""
    cls = _DocxSandbox if sandbox else Environment
    env = cls(
        loader=loader,
        autoescape=True,
        undefined=StrictUndefined if strict else Undefined,
        finalize=finalize,
        keep_trailing_newline=True,
        auto_reload=False,
        cache_size=0,
    )
    if sandbox:
        env.filters["safe"] = str
        for name in ("urlize", "xmlattr"):
            env.filters.pop(name, None)
    env.filters.update(filters)
    env.globals[RICH_RUN] = rich_run
    env.globals[RICH_PARAGRAPH] = rich_paragraph
    if globals:
        env.globals.update(globals)
    return env

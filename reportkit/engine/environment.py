"""The Jinja environment a template renders in: sandbox, strictness, escaping, filters.

* ``autoescape`` is on and :func:`finalize` turns every value into XML text
  (:mod:`reportkit.engine.escaping`); reportkit's own rich content (runs, pictures) is the only
  markup that passes through unescaped.
* In the sandbox (the default) an unsafe attribute (``__class__``, ``__globals__`` …) raises
  :class:`~reportkit.engine.errors.SecurityError` at once instead of rendering as undefined, a
  dunder walk from a missing name (``config.__class__``) too; ``*`` and ``**`` cannot build huge
  values; the HTML-only filters that would let a template inject raw markup (``safe``,
  ``urlize``, ``xmlattr``) are replaced or removed, and ``lipsum`` is gone.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from functools import partial
from typing import Any

from jinja2 import BaseLoader, ChainableUndefined, Environment, StrictUndefined, Undefined
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


def finalize(value: Any, text_transform: Callable[[str], str] | None = None) -> Markup:
    """Turn the value of a ``{{ … }}`` inside ``<w:t>`` into safe XML text.

    *text_transform* (a template option) rewrites plain text values before escaping, e.g. to
    put no-break spaces where a line break would read wrong.
    """
    if isinstance(value, str):
        if isinstance(value, Xml):
            return value
        if isinstance(value, Markup):  # already escaped by |e
            return Markup(text_xml(clean_text(str(value))))
    elif value is None:
        return Markup("")
    elif isinstance(value, Image):
        return Markup(f'</w:t>{_drawing(value)}<w:t xml:space="preserve">')
    elif isinstance(value, Rich):
        value = value.text
    text = str(value)
    if text_transform is not None:
        text = text_transform(text)
    return Markup(text_xml(escape_text(text)))


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


MAX_SEQUENCE = 1_000_000
"""The longest string or list a template may build with ``*`` (the sandbox's DoS guard)."""
MAX_EXPONENT = 1_000


def _undefined_guard(strict: bool) -> type[Undefined]:
    """The undefined type of the sandbox: a missing name can be walked (``a.b.c``) and fails
    only when used (strict mode) or renders empty (lenient mode) — and any dunder step on the
    way (``config.__class__``, ``request.application.__globals__``, ``x['__class__']``) raises
    :class:`SecurityError`, so injection payloads are reported as what they are.
    """
    bases = (ChainableUndefined, StrictUndefined) if strict else (ChainableUndefined,)

    class Guarded(*bases):  # type: ignore[misc]
        __slots__ = ()

        def __getattr__(self, name: str) -> Any:
            if name.startswith("__") and name.endswith("__"):
                raise SecurityError(f"access to attribute {name!r} of an undefined value is not allowed")
            return self

        def __getitem__(self, key: Any) -> Any:
            if isinstance(key, str) and key.startswith("_"):
                raise SecurityError(f"access to item {key!r} of an undefined value is not allowed")
            return self

    Guarded.__name__ = "StrictUndefined" if strict else "Undefined"
    return Guarded


class _DocxSandbox(SandboxedEnvironment):
    """Jinja's sandbox, failing fast on unsafe attributes and on huge ``*`` / ``**`` results."""

    intercepted_binops = frozenset({"*", "**"})

    def unsafe_undefined(self, obj: Any, attribute: str) -> Undefined:
        raise SecurityError(
            f"access to attribute {attribute!r} of a {type(obj).__name__!r} object is not allowed"
        )

    def getattr(self, obj: Any, attribute: str) -> Any:
        if attribute.startswith("_"):
            raise SecurityError(
                f"access to attribute {attribute!r} of a {type(obj).__name__!r} object is not allowed"
            )
        return super().getattr(obj, attribute)

    def getitem(self, obj: Any, argument: Any) -> Any:
        value = super().getitem(obj, argument)
        if isinstance(value, Undefined) and isinstance(argument, str) and argument.startswith("_"):
            raise SecurityError(
                f"access to item {argument!r} of a {type(obj).__name__!r} object is not allowed"
            )
        return value

    def call_binop(self, context: Any, operator: str, left: Any, right: Any) -> Any:
        if operator == "*":
            for seq, times in ((left, right), (right, left)):
                if (
                    isinstance(seq, str | list | tuple)
                    and isinstance(times, int)
                    and len(seq) * times > MAX_SEQUENCE
                ):
                    raise SecurityError(f"a sequence of more than {MAX_SEQUENCE} items is not allowed")
            return left * right
        if isinstance(right, int) and abs(right) > MAX_EXPONENT and isinstance(left, int) and abs(left) > 1:
            raise SecurityError(f"an exponent above {MAX_EXPONENT} is not allowed")
        return left**right


def make_environment(
    *,
    loader: BaseLoader,
    sandbox: bool,
    strict: bool,
    filters: Mapping[str, Callable[..., Any]],
    globals: Mapping[str, Any] | None = None,
    text_transform: Callable[[str], str] | None = None,
) -> Environment:
    """Build the environment of one template."""
    cls = _DocxSandbox if sandbox else Environment
    undefined = StrictUndefined if strict else Undefined
    env = cls(
        loader=loader,
        autoescape=True,
        undefined=_undefined_guard(strict) if sandbox else undefined,
        finalize=partial(finalize, text_transform=text_transform) if text_transform else finalize,
        keep_trailing_newline=True,
        auto_reload=False,
        cache_size=0,
    )
    if sandbox:
        env.filters["safe"] = str
        for name in ("urlize", "xmlattr"):
            env.filters.pop(name, None)
        env.globals.pop("lipsum", None)
    env.filters.update(filters)
    env.globals[RICH_RUN] = rich_run
    env.globals[RICH_PARAGRAPH] = rich_paragraph
    if globals:
        env.globals.update(globals)
    return env

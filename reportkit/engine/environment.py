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

import string
from collections.abc import Callable, Mapping
from functools import partial
from typing import Any

from jinja2 import BaseLoader, ChainableUndefined, Environment, StrictUndefined, Undefined, nodes
from jinja2.sandbox import ImmutableSandboxedEnvironment
from markupsafe import Markup

from reportkit.engine.budget import (
    CURRENT_BUDGET,
    LOOP_GUARD,
    RenderLimits,
    check_format_widths,
    check_power,
    check_product,
    check_text,
    check_width,
    guarded_loop,
)
from reportkit.engine.cell_tags import CELL_FILL, CELL_SPAN, fill_colour, grid_span
from reportkit.engine.charts import CHART_CALL, chart_value
from reportkit.engine.errors import RenderError, SecurityError
from reportkit.engine.escaping import Xml, escape_text, text_xml
from reportkit.engine.html_docx import html_paragraphs_xml, html_runs_xml
from reportkit.engine.html_value import Html
from reportkit.engine.media import Image
from reportkit.engine.notes import NOTE_FUNCTIONS
from reportkit.engine.numbering import RestartNumbering
from reportkit.engine.preprocess import RICH_PARAGRAPH, RICH_RUN
from reportkit.engine.raw_xml import RawXml
from reportkit.engine.rich import (
    HYPERLINK,
    Rich,
    RichParagraphs,
    Rule,
    paragraph_run_properties,
    rule_paragraph_xml,
    runs_xml,
    with_paragraph_style,
)
from reportkit.engine.state import CURRENT_RENDER
from reportkit.engine.subdoc import Subdoc

__all__ = ["Xml", "finalize", "make_environment"]


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
        if isinstance(value, Markup):
            # From |e, |forceescape, or a Markup object in the data. Its text may be cut inside
            # an entity (|truncate), upper-cased (&LT;) or forged: read it back as plain text and
            # escape it once, here, like any value. Only reportkit's own Xml passes as markup.
            value = value.unescape()
    elif value is None:
        return Markup("")
    elif isinstance(value, Image):
        return Markup(f'</w:t>{_drawing(value)}<w:t xml:space="preserve">')
    elif isinstance(value, Rich):
        # in {{ }}, a Rich keeps its text; \f breaks the page and \a starts a paragraph (docxtpl's
        # Listing); {{r }} keeps the run and paragraph formatting across those breaks as well
        return Markup(listing_xml(value.text, text_transform))
    elif isinstance(value, Subdoc):
        raise RenderError("a sub-document replaces a whole paragraph: write {{p …}}, not {{ … }}")
    elif isinstance(value, RawXml):
        raise RenderError("raw XML is written as paragraphs or runs: write {{p …}} or {{r …}}, not {{ … }}")
    elif isinstance(value, Html):
        raise RenderError(
            "an HTML value is written as paragraphs or runs: write {{p …}} or {{r …}}, not {{ … }}"
        )
    text = str(value)
    if "\f" in text or "\a" in text:  # a page break or a new paragraph, as docxtpl makes them
        return Markup(listing_xml(text, text_transform))
    if text_transform is not None:
        text = text_transform(text)
    return Markup(text_xml(escape_text(text)))


def _link(url: str) -> str:
    """The relationship id of hyperlink *url* from the part being rendered."""
    state = CURRENT_RENDER.get()
    return state.relate(state.part, HYPERLINK, url, "rIdRkLink")


_NEW_PARAGRAPH = '</w:t></w:r></w:p><w:p><w:r><w:t xml:space="preserve">'
_PAGE_PARAGRAPH = (
    '</w:t></w:r></w:p><w:p><w:r><w:br w:type="page"/></w:r></w:p><w:p><w:r><w:t xml:space="preserve">'
)


def listing_xml(text: str, text_transform: Callable[[str], str] | None = None) -> str:
    """Text with line breaks, tabs, page breaks (``\\f``: a paragraph of its own, as docxtpl
    writes it) and new paragraphs (``\\a``) as XML."""
    paragraphs = []
    for piece in text.split("\a"):
        pages = [text_xml(escape_text(text_transform(p) if text_transform else p)) for p in piece.split("\f")]
        paragraphs.append(_PAGE_PARAGRAPH.join(pages))
    return _NEW_PARAGRAPH.join(paragraphs)


def rich_run(value: Any, run_properties: str, paragraph_properties: str = "") -> Xml:
    """``{{r value}}``: the run replaced by the value's runs, in the run's own formatting."""
    if isinstance(value, Subdoc):
        raise RenderError("a sub-document replaces a whole paragraph: write {{p …}}, not {{r …}}")
    if isinstance(value, Image):
        return Xml(f"<w:r>{run_properties}{_drawing(value)}</w:r>")
    if isinstance(value, RawXml):
        if not value.runs:
            raise RenderError("raw XML of paragraphs or tables replaces a whole paragraph: write {{p …}}")
        return Xml(value.xml)
    if isinstance(value, Html):
        return Xml(html_runs_xml(value, run_properties, paragraph_properties, CURRENT_RENDER.get(), _link))
    return Xml(runs_xml(value, run_properties, paragraph_properties, _link))


def rich_paragraph(value: Any, paragraph_properties: str) -> Xml:
    """``{{p value}}``: the paragraph replaced by one holding the value's runs (or a rule)."""
    if isinstance(value, Rule):
        return Xml(rule_paragraph_xml(value))
    if value is None:
        return Xml("")
    if isinstance(value, Subdoc):
        return Xml(value.body_xml(CURRENT_RENDER.get()))
    if isinstance(value, RawXml):
        return Xml(f"<w:p>{paragraph_properties}{value.xml}</w:p>" if value.runs else value.xml)
    if isinstance(value, Html):
        return Xml(html_paragraphs_xml(value, paragraph_properties, CURRENT_RENDER.get(), _link))
    if isinstance(value, RichParagraphs):
        paragraphs = []
        for rich, style in value.paragraphs:
            ppr = with_paragraph_style(paragraph_properties, style)
            paragraphs.append(f"<w:p>{ppr}{rich_run(rich, paragraph_run_properties(ppr), ppr)}</w:p>")
        return Xml("".join(paragraphs))
    inner = rich_run(value, paragraph_run_properties(paragraph_properties), paragraph_properties)
    return Xml(f"<w:p>{paragraph_properties}{inner}</w:p>")


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


class _BudgetedParsing(Environment):
    """Every ``{% for %}`` iterates through :func:`~reportkit.engine.budget.guarded_loop`, which
    charges the render's budget: a loop cannot run without end."""

    def _parse(self, source: str, name: str | None, filename: str | None) -> nodes.Template:
        tree = super()._parse(source, name, filename)
        for loop in tree.find_all(nodes.For):
            loop.iter = nodes.Call(nodes.Name(LOOP_GUARD, "load"), [loop.iter], [], None, None)
        return tree


class _DocxEnvironment(_BudgetedParsing):
    """The environment of a trusted template (``sandbox=False``): loops still charge the budget."""


_WIDE_STR_METHODS = frozenset({"center", "ljust", "rjust", "zfill", "expandtabs"})


class _DocxSandbox(_BudgetedParsing, ImmutableSandboxedEnvironment):
    """Jinja's immutable sandbox (a template cannot change the caller's lists and dicts),
    failing fast on unsafe attributes, and charging the render budget for loops, big integers
    and wide strings."""

    intercepted_binops = frozenset({"*", "**", "%"})

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
            check_product(left, right)
            return left * right
        if operator == "%":
            if isinstance(left, str):
                check_format_widths(left, "the % operator", percent=True)
            return left % right
        check_power(left, right)
        return left**right

    def call(__self, __context: Any, __obj: Any, *args: Any, **kwargs: Any) -> Any:
        owner = getattr(__obj, "__self__", None)
        name = getattr(__obj, "__name__", "")
        if isinstance(owner, str) and name in _WIDE_STR_METHODS:
            for argument in (*args, *kwargs.values()):
                check_width(argument, f"str.{name}")
        return super().call(__context, __obj, *args, **kwargs)

    def wrap_str_format(self, value: Any) -> Callable[..., str] | None:
        """``str.format`` / ``format_map`` in the sandbox, refusing field widths past the limit
        (written in the pattern, or given as arguments to a nested ``{:{width}}``)."""
        wrapped = super().wrap_str_format(value)
        if wrapped is None:
            return None
        pattern = str(value.__self__)
        what = f"str.{value.__name__}"
        nested = "{" in pattern and any("{" in (spec or "") for spec in _specs(pattern))

        def guarded(*args: Any, **kwargs: Any) -> str:
            check_format_widths(pattern, what)
            if nested:
                for argument in (
                    *args,
                    *kwargs.values(),
                    *(args[0].values() if args and isinstance(args[0], dict) else ()),
                ):
                    check_width(argument, what)
            return wrapped(*args, **kwargs)

        return guarded


def _specs(pattern: str) -> list[str]:
    try:
        return [spec or "" for _, _, spec, _ in string.Formatter().parse(pattern)]
    except ValueError:
        return []


def _width_guarded(name: str, function: Callable[..., Any], *, wrap: bool = False) -> Callable[..., Any]:
    """A built-in filter that refuses widths (and, for ``wordwrap``, texts) past the limits."""

    def guarded(*args: Any, **kwargs: Any) -> Any:
        values = [v for v in (*args, *kwargs.values()) if not isinstance(v, Environment)]
        for value in values[1:]:
            check_width(value, f"the filter {name}")
        if wrap and values:
            check_text(values[0], f"the filter {name}", limit=_wrap_limit())
        if name == "format" and values and isinstance(values[0], str):
            check_format_widths(values[0], "the filter format", percent=True)
        return function(*args, **kwargs)

    guarded.__name__ = getattr(function, "__name__", name)
    for flag in ("jinja_pass_arg",):
        if hasattr(function, flag):
            setattr(guarded, flag, getattr(function, flag))
    return guarded


def _wrap_limit() -> int:
    budget = CURRENT_BUDGET.get()
    return (budget.limits if budget else RenderLimits()).max_wrap_length


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
    cls = _DocxSandbox if sandbox else _DocxEnvironment
    undefined = StrictUndefined if strict else Undefined
    env = cls(
        loader=loader,
        extensions=[RestartNumbering],
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
    for name in ("center", "indent", "truncate", "format", "wordwrap", "join"):
        if name in env.filters:
            env.filters[name] = _width_guarded(name, env.filters[name], wrap=name == "wordwrap")
    env.filters.update(filters)
    env.globals[LOOP_GUARD] = guarded_loop
    env.globals[CELL_SPAN] = grid_span
    env.globals[CELL_FILL] = fill_colour
    env.globals.update(NOTE_FUNCTIONS)
    env.globals[CHART_CALL] = chart_value
    env.globals[RICH_RUN] = rich_run
    env.globals[RICH_PARAGRAPH] = rich_paragraph
    if globals:
        env.globals.update(globals)
    return env

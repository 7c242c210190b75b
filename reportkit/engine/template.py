"""A .docx template compiled once and rendered many times.

``DocxTemplate(source)`` reads the package once, prepares every part that holds tags (document,
headers, footers, footnotes, endnotes) into Jinja source (:mod:`~reportkit.engine.preprocess`)
and compiles it. :meth:`DocxTemplate.render` then only runs the compiled code, deflates the
rendered parts, and copies every other part of the package byte for byte, still compressed.
"""

from __future__ import annotations

import html
import os
import pickle
import warnings
from collections.abc import Callable, Container, Iterable, Iterator, Mapping
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Any, BinaryIO, ClassVar, overload

import jinja2
import jinja2.meta
from jinja2.sandbox import SecurityError as JinjaSecurityError

from reportkit.engine.atomic import atomic_write
from reportkit.engine.budget import CURRENT_BUDGET, RenderBudget, RenderLimits
from reportkit.engine.cache import CompiledCache
from reportkit.engine.charts import filled_charts, mark_charts
from reportkit.engine.contract import VariableTree, check_context, context_schema, paths_of, read_paths
from reportkit.engine.environment import make_environment
from reportkit.engine.errors import (
    PackageError,
    RenderError,
    SecurityError,
    TemplateError,
    TemplateSyntaxError,
    TemplateWarning,
    UndefinedVariableError,
)
from reportkit.engine.grids import fit_table_grids
from reportkit.engine.hints import filter_hint, find_by_quoted_name, template_line, undefined_hint
from reportkit.engine.inputs import Source, context_mapping, read_source
from reportkit.engine.notes import inline_notes
from reportkit.engine.numbering import list_definitions, restarted, styled_numbering
from reportkit.engine.package import DocxPackage, ExternalPolicy
from reportkit.engine.preprocess import (
    PROPERTIES,
    RICH_PARAGRAPH,
    RICH_RUN,
    SOURCE_TAG,
    Location,
    PartSource,
    prepare_part,
)
from reportkit.engine.state import CURRENT_RENDER, RenderState
from reportkit.engine.unique_ids import needs_unique_ids, with_unique_ids
from reportkit.engine.xml import parse_xml
from reportkit.engine.zipio import (
    RawEntry,
    ZipFileWriter,
    ZipLimits,
    ZipPrefix,
    ZipWriter,
    compress_stream,
)

__all__ = ["DocxTemplate", "Source", "context_mapping"]

_INTERNAL_NAMES = frozenset({RICH_RUN, RICH_PARAGRAPH, PROPERTIES})


@dataclass(frozen=True)
class CompiledPart:
    """One part's prepared source and compiled Jinja template."""

    source: PartSource
    template: jinja2.Template
    unique_ids: bool = False
    """The part's loops copy elements with ids (drawings, bookmarks …): renumbered once rendered."""
    restarts: bool = False
    """The part restarts list numbering (``{%p restart_numbering %}``)."""

    def __post_init__(self) -> None:
        object.__setattr__(self, "unique_ids", needs_unique_ids(self.source.source))
        object.__setattr__(self, "restarts", "restart_numbering" in self.source.source)


def _properties_source(part: str, data: bytes) -> PartSource | None:
    """The document properties part as a template: its values (``<dc:title>Giấy khen {{ ten
    }}</dc:title>``) render like any text, escaped."""
    text = data.decode("utf-8")
    if not SOURCE_TAG.search(text):
        return None
    text = SOURCE_TAG.sub(lambda m: html.unescape(m.group(0)), text)
    lines = [Location("document properties", "")] * (text.count("\n") + 1)
    return PartSource(part=part, source=text, properties=[], lines=lines)


def _spend(budget: RenderBudget, chunks: Iterator[str]) -> Iterator[str]:
    """*chunks*, each charged to the render's output budget (and its clock) as it is produced."""
    for chunk in chunks:
        budget.spend_output(len(chunk))
        yield chunk


class Variables(frozenset[str]):
    """The top-level names a template reads (a frozenset), with the nested ``tree`` and the
    dotted ``paths`` of every field."""

    tree: VariableTree

    def __new__(cls, names: Iterable[str], tree: VariableTree) -> Variables:
        instance = super().__new__(cls, names)
        instance.tree = tree
        return instance

    @property
    def paths(self) -> list[str]:
        return paths_of(self.tree)


class DocxTemplate:
    """A Word template with Jinja tags, compiled once.

    :param source: a path, the bytes of a .docx, or a binary file object.
    :param sandbox: render in Jinja's sandbox (default; required for untrusted templates).
    :param strict: a name missing from the context is an error (default) instead of empty text.
    :param filters: extra Jinja filters, added to :attr:`default_filters`.
    :param limits: size limits against zip bombs (:class:`~reportkit.engine.zipio.ZipLimits`).
    :param compress_level: zlib level for the rendered parts (1 fastest … 9 smallest).
    :param text_transform: a function applied to the text of every ``{{ … }}`` value before it
        is escaped (the document builders make text findable with it: no no-break spaces, no
        invisible format characters).
    :param render_limits: the work one render may do (time, output, loop iterations, integer
        digits, string widths; :class:`~reportkit.engine.budget.RenderLimits`); past a limit
        the render stops with a :class:`~reportkit.engine.errors.SecurityError`.
    :param external: a template linking outside itself (a linked picture, an OLE object, an
        attached template, a frame: what Word or LibreOffice would fetch) is refused with a
        :class:`~reportkit.engine.errors.PackageError` (``"refuse"``), or loaded with those
        links removed (``"strip"``, with a :class:`~reportkit.engine.errors.TemplateWarning`);
        web and mail hyperlinks stay. Macros (a ``.docm``) are always removed, with a warning.
    :param update_fields: ask Word to refresh the fields when an output opens (a table of
        contents, page references: ``w:updateFields``).
    """

    default_filters: ClassVar[Mapping[str, Callable[..., Any]]] = {}

    def __init__(
        self,
        source: Source,
        *,
        sandbox: bool = True,
        strict: bool = True,
        filters: Mapping[str, Callable[..., Any]] | None = None,
        globals: Mapping[str, Any] | None = None,
        limits: ZipLimits = ZipLimits(),
        compress_level: int = 6,
        text_transform: Callable[[str], str] | None = None,
        render_limits: RenderLimits = RenderLimits(),
        external: ExternalPolicy = "refuse",
        update_fields: bool = False,
    ) -> None:
        self._data = read_source(source, limits)
        self._options: dict[str, Any] = {
            "sandbox": sandbox,
            "strict": strict,
            "filters": dict(filters or {}),
            "globals": dict(globals or {}),
            "limits": limits,
            "compress_level": compress_level,
            "text_transform": text_transform,
            "render_limits": render_limits,
            "external": external,
            "update_fields": update_fields,
        }
        self.render_limits = render_limits
        self.package, removed = DocxPackage.from_bytes(self._data, limits).made_safe(external)
        for note in removed:
            warnings.warn(f"template: {note}", TemplateWarning, stacklevel=2)
        if update_fields:
            self.package = self.package.with_fields_updated()
        for part in self.package.untouched_tags():
            raise TemplateSyntaxError(
                "this part holds tags reportkit does not render (a chart, a diagram or another part "
                "that is not text): they would stay as written; move them into the document's text "
                "(a chart takes its data from one tag in its alternative text: {{ data }})",
                part=part,
            )
        self._sources: dict[str, PartSource] = {}
        for part in self.package.text_parts:
            prepared = self._prepare(part)
            if prepared is not None:
                self._sources[part] = prepared
        inline_notes(self.package, self._sources, self._prepare_untagged)
        mark_charts(self.package, self._sources, self._prepare_untagged)
        self.environment = make_environment(
            loader=jinja2.FunctionLoader(self._load),
            sandbox=sandbox,
            strict=strict,
            filters={**self.default_filters, **(filters or {})},
            globals=globals,
            text_transform=text_transform,
        )
        self.parts: dict[str, CompiledPart] = {
            part: CompiledPart(prepared, self._compile(prepared)) for part, prepared in self._sources.items()
        }
        self.compress_level = compress_level
        self._prefixes: dict[frozenset[str], ZipPrefix] = {}

    # -- preparation -------------------------------------------------------------------------

    def _prepare(self, part: str) -> PartSource | None:
        data = self.package.data(part)
        try:  # parsed even without a tag: a damaged part is refused here, not copied to outputs
            root = parse_xml(data)
        except ValueError as exc:
            raise PackageError(str(exc), part=part) from None
        if b"{" not in data:
            return None
        if part == self.package.properties_part:
            return _properties_source(part, data)
        return prepare_part(root, part)

    def _prepare_untagged(self, part: str) -> PartSource:
        """A part without tags as a template all the same (its notes or charts change)."""
        prepared = prepare_part(parse_xml(self.package.data(part)), part, always=True)
        assert prepared is not None
        return prepared

    def _load(self, name: str) -> tuple[str, str, Callable[[], bool]]:
        return self._sources[name].source, name, lambda: True

    def _compile(self, prepared: PartSource) -> jinja2.Template:
        try:
            return self.environment.get_template(prepared.part, globals={PROPERTIES: prepared.properties})
        except jinja2.TemplateSyntaxError as exc:
            raise self._located(TemplateSyntaxError, exc.message or str(exc), prepared, exc.lineno) from None

    @staticmethod
    def _located(
        kind: type[TemplateError], detail: str, prepared: PartSource, lineno: int | None
    ) -> TemplateError:
        place = prepared.locate(lineno)
        if place is None or not place.description:
            place = find_by_quoted_name(detail, prepared) or place
        return kind(
            detail,
            part=prepared.part,
            location=place.description if place else None,
            snippet=place.snippet if place else None,
        )

    # -- introspection -----------------------------------------------------------------------

    def variables(self) -> Variables:
        """The names the template reads: a set of the top-level names, whose ``tree`` and
        ``paths`` give the nested fields with loops resolved
        (``decision.honorees[].person.full_name``)."""
        names: set[str] = set()
        asts = []
        for prepared in self._sources.values():
            ast = self.environment.parse(prepared.source)
            asts.append(ast)
            names |= jinja2.meta.find_undeclared_variables(ast)
        skip = _INTERNAL_NAMES | set(self.environment.globals)
        tree = read_paths(asts, skip)
        return Variables(names - skip, tree)

    def schema(self) -> dict[str, Any]:
        """A JSON Schema of the context the template reads (see :meth:`variables`)."""
        return context_schema(self.variables().tree)

    def validate(self, context: Any) -> list[str]:
        """Every field the template reads that *context* lacks or holds in the wrong shape
        (``decision.number: missing``, ``honorees: expected a list, got str``); empty when
        the context has all it needs."""
        return check_context(self.variables().tree, context_mapping(context))

    @property
    def tagged_parts(self) -> list[str]:
        """The parts that hold tags, in package order."""
        return list(self.parts)

    # -- rendering ---------------------------------------------------------------------------

    def render_part(self, part: str, context: Mapping[str, Any]) -> Iterator[str]:
        """Render one part as text chunks, turning Jinja errors into located reportkit errors."""
        compiled = self.parts[part]
        state = CURRENT_RENDER.get()
        state.part = part
        budget = CURRENT_BUDGET.get()
        token = None
        if budget is None:  # a part rendered on its own (merge): a budget of its own
            budget = RenderBudget(self.render_limits)
            token = CURRENT_BUDGET.set(budget)
        try:
            chunks = _spend(budget, compiled.template.generate(context))
            if compiled.unique_ids or compiled.restarts or compiled.source.column_loops:
                text = "".join(chunks)
                if compiled.source.column_loops:  # the grid is fitted to the cells once rendered
                    text = fit_table_grids(text)
                if compiled.restarts:
                    text = restarted(text, self._lists, state, self._styled_lists)
                yield with_unique_ids(text, state) if compiled.unique_ids else text
            else:
                yield from chunks
        except (JinjaSecurityError, SecurityError) as exc:
            detail = exc.detail if isinstance(exc, SecurityError) else str(exc)
            line = template_line(exc, part)
            raise self._located(SecurityError, detail, compiled.source, line) from None
        except TemplateError:
            raise
        except jinja2.UndefinedError as exc:
            raise self._located(
                UndefinedVariableError,
                undefined_hint(exc.message or str(exc), context),
                compiled.source,
                template_line(exc, part),
            ) from None
        except jinja2.TemplateSyntaxError as exc:
            raise self._located(
                TemplateSyntaxError, exc.message or str(exc), compiled.source, exc.lineno
            ) from None
        except Exception as exc:
            line = template_line(exc, part)
            lines = compiled.source.source.split("\n")
            text = lines[line - 1] if line is not None and 0 < line <= len(lines) else ""
            detail = filter_hint(exc, text, self.environment.filters)
            raise self._located(RenderError, detail, compiled.source, line) from exc
        finally:
            if token is not None:
                CURRENT_BUDGET.reset(token)

    @cached_property
    def style_ids(self) -> dict[str, str]:
        """The template's styles: lower-case name → style id."""
        return self.package.style_ids()

    @cached_property
    def _lists(self) -> dict[str, str]:
        return list_definitions(self.package)  # for restart_numbering

    @cached_property
    def _styled_lists(self) -> dict[str, str]:
        return styled_numbering(self.package)

    @overload
    def render(self, context: Any = None, out: None = None) -> bytes: ...
    @overload
    def render(self, context: Any, out: str | os.PathLike[str]) -> Path: ...
    @overload
    def render(self, context: Any, out: BinaryIO) -> None: ...
    def render(
        self, context: Any = None, out: str | os.PathLike[str] | BinaryIO | None = None
    ) -> bytes | Path | None:
        """Render with *context* (a mapping or a pydantic model).

        Without *out* the .docx is returned as bytes. With a path it is written atomically
        (a temporary file renamed when complete: never a half-written file) and its
        :class:`~pathlib.Path` returned; with a binary file object the complete document is
        written to it once rendering has succeeded.
        """
        data = self.render_bytes(context_mapping(context))
        if out is None:
            return data
        if isinstance(out, str | os.PathLike):
            return atomic_write(out, data)
        out.write(data)
        return None

    def render_bytes(self, context: Mapping[str, Any]) -> bytes:
        """Render a context that is already a mapping into the bytes of a .docx."""
        state = RenderState(style_ids=self.style_ids)
        token = CURRENT_RENDER.set(state)
        budget_token = CURRENT_BUDGET.set(RenderBudget(self.render_limits))
        try:
            rendered = {
                part: compress_stream(part, self.render_part(part, context), self.compress_level)
                for part in self.parts
            }
        finally:
            CURRENT_BUDGET.reset(budget_token)
            CURRENT_RENDER.reset(token)
        return self.package_bytes(rendered, state)

    def _shared_prefix(self, rendered: frozenset[str]) -> ZipPrefix:
        """The entries no render changes, laid out once (they open every archive)."""
        prefix = self._prefixes.get(rendered)
        if prefix is None:
            writer = ZipWriter(level=self.compress_level)
            for name, entry in self.package.entries.items():
                if name not in rendered:
                    writer.write_raw(entry)
            prefix = self._prefixes[rendered] = writer.prefix()
        return prefix

    def _changed_parts(self, state: RenderState) -> dict[str, bytes]:
        """The template's parts a render changes beyond its own text: relationships, content
        types, styles and numbering carried in by sub-documents."""
        if state.styles or state.numbering:
            self._carry_definitions(state)
        if state.charts:
            state.part_updates.update(filled_charts(self.package, state.charts))
        changed = self._relationship_updates(state)
        changed.update(state.part_updates)
        if state.defaults or state.overrides:
            changed["[Content_Types].xml"] = self._content_types_with(state)
        return changed

    def _write_rest(
        self, writer: ZipWriter | ZipFileWriter, done: Container[str], changed: dict[str, bytes]
    ) -> None:
        """Every template entry not in *done*, the *changed* ones with their new bytes."""
        for name, entry in self.package.entries.items():
            if name in changed:
                writer.write(name, changed.pop(name))
            elif name not in done:
                writer.write_raw(entry)
        for name, data in changed.items():
            writer.write(name, data)

    def package_bytes(self, rendered: Mapping[str, RawEntry], state: RenderState) -> bytes:
        """The package: *rendered* parts replace the template's, *state* adds the rest."""
        changed = self._changed_parts(state)
        if changed:
            writer = ZipWriter(level=self.compress_level)
            self._write_rest(writer, rendered, changed)
        else:
            writer = ZipWriter(level=self.compress_level, prefix=self._shared_prefix(frozenset(rendered)))
        for entry in rendered.values():
            writer.write_raw(entry)
        for name, blob in state.new_parts.items():
            writer.write(name, blob)
        return writer.getvalue()

    def finish_package(self, writer: ZipFileWriter, state: RenderState) -> None:
        """Complete an archive whose rendered parts *writer* already holds: the other template
        entries, the parts *state* changed or added, and the central directory."""
        self._write_rest(writer, writer.names, self._changed_parts(state))
        for name, blob in state.new_parts.items():
            writer.write(name, blob)
        writer.close()

    def _carry_definitions(self, state: RenderState) -> None:
        self.package.carry_definitions(state)

    def _relationship_updates(self, state: RenderState) -> dict[str, bytes]:
        return self.package.relationship_updates(state)

    def _content_types_with(self, state: RenderState) -> bytes:
        return self.package.content_types_with(state)

    def with_pictures(self, pictures: Mapping[str, Any], *, keep_size: bool = True) -> DocxTemplate:
        """This template with each picture named in *pictures* (by its name, description or
        title) replaced by an :class:`~reportkit.engine.media.Image` (or a path or bytes)."""
        from reportkit.engine.pictures import replaced_pictures

        return type(self)(replaced_pictures(self.package, pictures, keep_size=keep_size), **self._options)

    # -- pickling (for process pools and clusters) --------------------------------------------

    def __reduce__(self) -> tuple[Any, ...]:
        """A template pickles as its source bytes and options; a worker process that receives
        the same template again (a chunk after another) reuses the one it compiled."""
        return (_rebuild, (type(self), self._data, self._options))


_REBUILT: CompiledCache[DocxTemplate] = CompiledCache(DocxTemplate, size=4)


def _rebuild(cls: type[DocxTemplate], data: bytes, options: dict[str, Any]) -> DocxTemplate:
    """The template compiled from *data* and *options*, once per process (the last few kept)."""
    key = pickle.dumps((cls.__module__, cls.__qualname__, sorted(options.items())))
    return _REBUILT.get(data, key, lambda source: cls(source, **options))

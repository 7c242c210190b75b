"""docxtpl's API on reportkit's engine: ``from reportkit.compat.docxtpl import DocxTemplate``.

A thin mapping, not a second engine: the template is a :class:`reportkit.Template` (sandboxed
unless the caller passes their own Jinja environment; lenient about missing names, as docxtpl
is); :class:`RichText` builds a :class:`reportkit.Rich`, :class:`RichTextParagraph` a
:class:`reportkit.engine.rich.RichParagraphs`, :class:`InlineImage` a :class:`reportkit.Image`.
Deliberate differences (see docs/templates.md): values are always escaped as XML text (docxtpl with
``autoescape=False`` drops ``&`` and ``<``), a plain string in ``{{r …}}`` is written instead
of dropped. ``new_subdoc`` gives a python-docx document on the template's styles (or an
existing .docx), inserted by :class:`reportkit.engine.subdoc.Subdoc`.

Run ``python -m reportkit.compat.docxtpl TEMPLATE JSON OUTPUT [-o] [-q]`` as docxtpl's module.
"""

from __future__ import annotations

import argparse
import io
import json
import os
import sys
import zlib
from collections.abc import Mapping
from pathlib import Path
from typing import IO, Any

import jinja2.meta
from jinja2 import Environment

from reportkit.engine.atomic import atomic_write
from reportkit.engine.cache import CompiledCache
from reportkit.engine.errors import ImageError
from reportkit.engine.media import MAX_IMAGE_BYTES, Image
from reportkit.engine.package import DocxPackage
from reportkit.engine.pictures import replaced_pictures
from reportkit.engine.rich import Rich, RichParagraphs
from reportkit.engine.subdoc import Subdoc as EngineSubdoc
from reportkit.engine.zipio import ZipLimits, read_bounded
from reportkit.template import Template

__all__ = [
    "RP",
    "DocxTemplate",
    "InlineImage",
    "Listing",
    "R",
    "RichText",
    "RichTextParagraph",
    "Subdoc",
    "main",
]

_EMU_PER_MM = 36_000
_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_URL_TOKEN = "rk-url:"


class RichText:
    """docxtpl's ``RichText``: ``RichText("x", bold=True, color="FF0000", size=28)``.

    ``size`` is in half-points, as in docxtpl; ``font="eastAsia:MS Mincho"`` sets the
    East-Asian font; ``url_id`` comes from :meth:`DocxTemplate.build_url_id`.
    """

    def __init__(self, text: object = None, **text_prop: Any) -> None:
        self.rich = Rich()
        if text:
            self.add(text, **text_prop)

    def add(
        self,
        text: object,
        style: str | None = None,
        color: str | None = None,
        highlight: str | None = None,
        size: int | None = None,
        subscript: bool | None = None,
        superscript: bool | None = None,
        bold: bool = False,
        italic: bool = False,
        underline: bool | str = False,
        strike: bool = False,
        font: str | None = None,
        url_id: str | None = None,
        rtl: bool = False,
        lang: str | None = None,
    ) -> None:
        """Append text with docxtpl's properties (``rtl`` and ``lang`` are accepted and ignored)."""
        if isinstance(text, RichText):
            self.rich.add(text.rich)
            return
        east_asian = None
        if font and ":" in font:
            region, font = font.split(":", 1)
            east_asian = font if region == "eastAsia" else None
        if underline and underline is not True and underline not in (
            "single", "double", "thick", "dotted", "dash", "dotDash", "dotDotDash", "wave"
        ):  # fmt: skip
            underline = "single"  # docxtpl's fallback
        self.rich.add(
            text,
            bold=True if bold else None,
            italic=True if italic else None,
            underline=underline or None,
            size=size / 2 if size else None,
            color=color,
            font=font if not east_asian else None,
            east_asian_font=east_asian,
            style=style,
            strike=True if strike else None,
            highlight=highlight,
            vertical="subscript" if subscript else ("superscript" if superscript else None),
            url=url_id[len(_URL_TOKEN) :] if url_id and url_id.startswith(_URL_TOKEN) else None,
        )

    def __str__(self) -> str:
        return self.rich.text


R = RichText


class RichTextParagraph:
    """docxtpl's ``RichTextParagraph`` (for ``{{p …}}``): ``add(text, parastyle=None)``."""

    def __init__(self, text: object = None, **text_prop: Any) -> None:
        self.paragraphs = RichParagraphs()
        if text:
            self.add(text, **text_prop)

    def add(self, text: object, parastyle: str | None = None) -> None:
        rich = text.rich if isinstance(text, RichText) else RichText(text).rich
        self.paragraphs.add(rich, parastyle)

    def __str__(self) -> str:
        return self.paragraphs.text


RP = RichTextParagraph


class Listing:
    """docxtpl's ``Listing``: text whose ``\\n`` (line break), ``\\t`` (tab), ``\\f`` (page
    break) and ``\\a`` (new paragraph) are kept. Use it in ``{{r …}}`` or ``{{ … }}``."""

    def __init__(self, text: object) -> None:
        self.rich = Rich(str(text))

    def __str__(self) -> str:
        return self.rich.text


class InlineImage:
    """docxtpl's ``InlineImage(tpl, image_descriptor, width=Mm(30), height=None)``."""

    def __init__(
        self,
        tpl: DocxTemplate,
        image_descriptor: str | os.PathLike[str] | IO[bytes],
        width: int | None = None,
        height: int | None = None,
        anchor: str | None = None,
    ) -> None:
        self.image = Image(
            _read(image_descriptor),
            width_mm=width / _EMU_PER_MM if width else None,
            height_mm=height / _EMU_PER_MM if height else None,
        )
        self.anchor = anchor


class Subdoc:
    """docxtpl's ``Subdoc`` (from :meth:`DocxTemplate.new_subdoc`): a python-docx document to
    build in code (``add_paragraph``, ``add_table``, ``add_picture`` …) on the template's styles,
    or an existing .docx; insert it with ``{{p subdoc }}``."""

    def __init__(self, tpl: DocxTemplate, docpath: str | os.PathLike[str] | IO[bytes] | None = None) -> None:
        import docx

        if docpath is not None:
            data = _read(docpath, ZipLimits().max_file)
            EngineSubdoc(data)  # refused here, with the engine's error, if unsafe or damaged
            self.subdocx = docx.Document(io.BytesIO(data))
        else:  # an empty document with the template's styles, numbering and page setup
            self.subdocx = docx.Document(io.BytesIO(tpl._source))
            body = self.subdocx.element.body
            for child in list(body):
                if child.tag != f"{{{_W}}}sectPr":
                    body.remove(child)

    def __getattr__(self, name: str) -> Any:
        return getattr(self.subdocx, name)

    def engine_subdoc(self) -> EngineSubdoc:
        return EngineSubdoc.from_document(self.subdocx)


_COMPILED: CompiledCache[Template] = CompiledCache(lambda source: Template(source, strict=False))
"""The template compiled from its source, once per content: a script that builds
``DocxTemplate(path)`` for every one of 1,000 letters compiles the template once."""


def _compiled(source: bytes) -> Template:
    return _COMPILED.get(source)


def _read(source: str | os.PathLike[str] | IO[bytes], limit: int = MAX_IMAGE_BYTES) -> bytes:
    """The bytes of a path or a binary stream (from its start, as python-docx reads it), at
    most *limit* of them (a pipe or ``/dev/zero`` is not read to its end)."""
    if hasattr(source, "read") and hasattr(source, "seek"):
        source.seek(0)
    try:
        return read_bounded(source, limit, "the file")
    except ValueError as exc:
        raise ImageError(str(exc)) from None


def _plain(value: Any) -> Any:
    """docxtpl's objects as reportkit's, in any nesting of dicts, lists and tuples."""
    if isinstance(value, RichText | Listing):
        return value.rich
    if isinstance(value, RichTextParagraph):
        return value.paragraphs
    if isinstance(value, InlineImage):
        return value.image
    if isinstance(value, Subdoc):
        return value.engine_subdoc()
    if isinstance(value, Mapping):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return type(value)(_plain(v) for v in value)
    return value


class DocxTemplate:
    """docxtpl's ``DocxTemplate``: ``render(context)``, then ``save(path)``."""

    def __init__(self, template_file: str | os.PathLike[str] | IO[bytes]) -> None:
        source = _read(template_file)
        self.template_file = template_file
        self._source: bytes = source
        self._rendered: bytes | None = None
        self._replacements: dict[str, bytes] = {}
        self._by_content: list[tuple[bytes, bytes]] = []
        self._pictures: dict[str, bytes] = {}
        self.is_rendered = False
        self.is_saved = False

    # -- rendering -----------------------------------------------------------------------------

    def _template(self, jinja_env: Environment | None) -> Template:
        if jinja_env is None:
            return _compiled(self._source)
        # the caller's own environment: its filters and globals, and no sandbox (their choice)
        return Template(
            self._source,
            strict=False,
            sandbox=False,
            filters=dict(jinja_env.filters),
            globals={k: v for k, v in jinja_env.globals.items() if k not in Environment().globals},
        )

    def render(
        self, context: Mapping[str, Any], jinja_env: Environment | None = None, autoescape: bool = False
    ) -> None:
        """Render *context* (``autoescape`` is accepted: values are always escaped)."""
        self._rendered = self._template(jinja_env).render(_plain(dict(context)))
        self.is_rendered = True

    def render_properties(self, context: Mapping[str, Any], jinja_env: Environment | None = None) -> None:
        """Render the document properties (title, subject, author …) as templates."""
        import docx
        from jinja2.sandbox import ImmutableSandboxedEnvironment

        env = jinja_env or ImmutableSandboxedEnvironment()
        document = docx.Document(io.BytesIO(self._rendered or self._source))
        core = document.core_properties
        for name in ("author", "comments", "identifier", "language", "subject", "title"):
            text = getattr(core, name) or ""
            if "{" in text:
                setattr(core, name, env.from_string(text).render(dict(context)))
        buffer = io.BytesIO()
        document.save(buffer)
        if self._rendered is None:
            self._source = buffer.getvalue()
        else:
            self._rendered = buffer.getvalue()

    def get_undeclared_template_variables(
        self, jinja_env: Environment | None = None, context: Mapping[str, Any] | None = None
    ) -> set[str]:
        """The names the template reads (less those in *context*)."""
        names = set(self._template(jinja_env).variables())
        return names - set(context) if context is not None else names

    def build_url_id(self, url: str) -> str:
        """An id for a hyperlink to *url*, to pass as ``RichText(url_id=…)``."""
        return f"{_URL_TOKEN}{url}"

    def new_subdoc(self, docpath: str | os.PathLike[str] | IO[bytes] | None = None) -> Subdoc:
        """A sub-document to fill in code (or the .docx at *docpath*, a path or a binary
        stream), for ``{{p … }}``."""
        return Subdoc(self, docpath)

    # -- replacements --------------------------------------------------------------------------

    @staticmethod
    def _bytes(source: str | os.PathLike[str] | IO[bytes]) -> bytes:
        return _read(source)

    def replace_zipname(self, zipname: str, dst_file: str | os.PathLike[str] | IO[bytes]) -> None:
        """Replace the package part *zipname* (``word/media/image1.png``) with a file's bytes."""
        self._replacements[zipname] = self._bytes(dst_file)

    def replace_media(
        self, src_file: str | os.PathLike[str] | IO[bytes], dst_file: str | os.PathLike[str] | IO[bytes]
    ) -> None:
        """Replace every media part whose bytes equal *src_file*'s with *dst_file*'s."""
        self._by_content.append((self._bytes(src_file), self._bytes(dst_file)))

    replace_embedded = replace_media

    def replace_pic(self, embedded_file: str, dst_file: str | os.PathLike[str] | IO[bytes]) -> None:
        """Replace the picture inserted in Word from the file named *embedded_file* (or whose
        description or title that is); a name no picture has is an error when saving, as in
        docxtpl."""
        self._pictures[Path(embedded_file).name] = self._bytes(dst_file)

    def reset_replacements(self) -> None:
        self._replacements.clear()
        self._by_content.clear()
        self._pictures.clear()

    def _apply_replacements(self, data: bytes) -> bytes:
        if not (self._replacements or self._by_content or self._pictures):
            return data
        package = DocxPackage.from_bytes(data)
        if self._pictures:  # by name, description or title, each replaced picture its own media part
            package = DocxPackage.from_bytes(replaced_pictures(package, self._pictures))
        replacements = {n: b for n, b in self._replacements.items() if n in package.entries}
        for name in package.entries:
            current = replacements.get(name)
            for old, new in self._by_content:
                entry = package.entries[name]
                if current is None and entry.size == len(old) and entry.crc == zlib.crc32(old):
                    current = package.data(name)
                if current is not None and current == old:
                    replacements[name] = current = new
        return package.with_parts(replacements).to_bytes()

    # -- saving --------------------------------------------------------------------------------

    def save(self, filename: str | os.PathLike[str] | IO[bytes], *args: Any, **kwargs: Any) -> None:
        """Write the rendered document (or the template with its replacements, unrendered)."""
        data = self._apply_replacements(self._rendered if self._rendered is not None else self._source)
        if hasattr(filename, "write"):
            filename.write(data)  # type: ignore[union-attr]
        else:
            atomic_write(filename, data)  # type: ignore[arg-type]
        self.is_saved = True

    def get_docx(self) -> Any:
        """The rendered document as a python-docx ``Document``."""
        import docx

        return docx.Document(io.BytesIO(self._rendered or self._source))


def main(argv: list[str] | None = None) -> int:
    """``python -m reportkit.compat.docxtpl TEMPLATE JSON OUTPUT [-o] [-q]``, as docxtpl's."""
    parser = argparse.ArgumentParser(
        prog="python -m reportkit.compat.docxtpl",
        description="Make a .docx from a template .docx and JSON data (docxtpl's command).",
    )
    parser.add_argument("template_path", help="The template .docx.")
    parser.add_argument("json_path", help="The JSON file with the data.")
    parser.add_argument("output_filename", help="The .docx to write.")
    parser.add_argument("-o", "--overwrite", action="store_true", help="Replace OUTPUT if it exists.")
    parser.add_argument("-q", "--quiet", action="store_true", help="Print nothing but errors.")
    args = parser.parse_args(argv)
    output = Path(args.output_filename)
    if output.exists() and not args.overwrite:
        print(f"error: {output} exists (add -o to replace it)", file=sys.stderr)
        return 2
    try:
        context = json.loads(Path(args.json_path).read_text(encoding="utf-8"))
        template = DocxTemplate(args.template_path)
        template.render(context)
        template.save(output)
    except (OSError, ValueError, jinja2.TemplateError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    except Exception as exc:  # a template error of reportkit (located) or a bug: one line
        print(f"error: {exc}", file=sys.stderr)
        return 1
    if not args.quiet:
        print(f"Document successfully generated and saved at {output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

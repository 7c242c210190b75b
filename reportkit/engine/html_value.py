"""An HTML subset as a value: ``Html("<p>Kính gửi <b>Sở Công Thương</b></p><ul><li>…</li></ul>")``.

The text is read once, when the value is made, by the standard library's HTML parser into
blocks — paragraphs (``p``, ``h1``–``h3``, list items of ``ul``/``ol``, nested) and tables
(``table``/``tr``/``td``/``th``, with ``thead``/``tbody``) — whose runs carry bold
(``b``/``strong``), italic (``i``/``em``), underline (``u``), strike (``s``/``del``), ``sup``/``sub``,
line breaks (``br``) and links (``a href``: http, https, mailto). Anything else — another element,
another attribute, an unclosed or stray tag, a link elsewhere — is an :class:`HtmlError` naming it
and its line and column: nothing of the value is dropped without a word. Text is data: entities are
decoded, every character is escaped when written. :mod:`~reportkit.engine.html_docx` writes the
blocks as WordprocessingML in the document's own styles.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from html.parser import HTMLParser

from reportkit.engine.links import url_problem
from reportkit.engine.rich import Rich
from reportkit.errors import UserInputError

__all__ = ["Html", "HtmlError", "HtmlParagraph", "HtmlTable"]

_INLINE = {"b": "bold", "strong": "bold", "i": "italic", "em": "italic", "u": "underline", "s": "strike",
           "del": "strike", "strike": "strike", "sup": "superscript", "sub": "subscript"}  # fmt: skip
_FORMATS = ("bold", "italic", "underline", "strike")
_HEADINGS = {"h1": 1, "h2": 2, "h3": 3}
_TABLE_PARTS = {"thead", "tbody", "tfoot"}
SUBSET = "p, br, b, strong, i, em, u, s, del, sup, sub, a href, ul, ol, li, h1, h2, h3, table, tr, td, th"
_SPACES = re.compile(r"\s+")


class HtmlError(UserInputError, ValueError):
    """HTML outside the subset, or not well formed."""


@dataclass
class HtmlParagraph:
    """One paragraph: its runs, its heading level (0: body text) and, in a list, the list's
    number among the value's lists, its depth and whether it is numbered."""

    rich: Rich = field(default_factory=Rich)
    heading: int = 0
    list_id: int | None = None
    depth: int = 0
    ordered: bool = False
    header_cell: bool = False


@dataclass
class HtmlTable:
    """Rows of cells, each cell a list of paragraphs."""

    rows: list[list[list[HtmlParagraph]]] = field(default_factory=list)


class _Reader(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[HtmlParagraph | HtmlTable] = []
        self.open: list[tuple[str, tuple[int, int]]] = []
        self.style: dict[str, int] = {}
        self.url: str | None = None
        self.lists: list[tuple[int, bool]] = []  # (list id, ordered) of the open lists
        self.list_count = 0
        self.table: HtmlTable | None = None
        self.cell: list[HtmlParagraph] | None = None
        self.paragraph: HtmlParagraph | None = None
        self.header = False

    def fail(self, message: str) -> None:
        line, column = self.getpos()
        raise HtmlError(f"HTML, line {line}, column {column + 1}: {message}")

    # -- where text goes --------------------------------------------------------------------

    def _target(self) -> list[HtmlParagraph | HtmlTable] | list[HtmlParagraph]:
        return self.cell if self.cell is not None else self.blocks

    def _start_paragraph(self, **shape: object) -> HtmlParagraph:
        paragraph = HtmlParagraph(header_cell=self.header, **shape)  # type: ignore[arg-type]
        self._target().append(paragraph)  # type: ignore[arg-type]
        self.paragraph = paragraph
        return paragraph

    def _current(self) -> HtmlParagraph:
        if self.table is not None and self.cell is None:
            self.fail("text in a table must be inside a cell (td or th)")
        return self.paragraph if self.paragraph is not None else self._start_paragraph()

    def _add(self, text: str) -> None:
        paragraph = self._current()
        style = {name: True for name, count in self.style.items() if count and name in _FORMATS}
        vertical = next((v for v in ("superscript", "subscript") if self.style.get(v)), None)
        if paragraph.header_cell:
            style["bold"] = True
        text = text.replace("\a", "")  # a control character: in Rich it would start a paragraph
        paragraph.rich.add(text, vertical=vertical, url=self.url, **style)  # type: ignore[arg-type]

    # -- the parser's events ----------------------------------------------------------------

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        names = {name for name, _ in attrs}
        if names - ({"href"} if tag == "a" else set()):
            self.fail(f"<{tag}> with the attribute {sorted(names)[0]!r}: the subset has only <a href>")
        if tag == "br":
            self._add("\n")
            return
        self.open.append((tag, self.getpos()))
        if tag in _INLINE:
            self.style[_INLINE[tag]] = self.style.get(_INLINE[tag], 0) + 1
        elif tag == "a":
            href = dict(attrs).get("href")
            if href is None or (problem := url_problem(href)) is not None:
                self.fail(f"<a href>: {problem if href is not None else 'a link needs its href'}")
            if self.url is not None:
                self.fail("a link inside a link")
            self.url = href
        elif tag == "p" or tag in _HEADINGS:
            if any(self.style.values()) or self.url:
                self.fail(f"<{tag}> inside a run of formatting (<b>, <i>, <a> …)")
            self._start_paragraph(heading=_HEADINGS.get(tag, 0))
        elif tag in ("ul", "ol"):
            self.list_count += 1
            self.lists.append((self.list_count, tag == "ol"))
            self.paragraph = None
        elif tag == "li":
            if not self.lists:
                self.fail("<li> outside a list (ul or ol)")
            list_id, ordered = self.lists[-1]
            self._start_paragraph(list_id=list_id, depth=len(self.lists) - 1, ordered=ordered)
        elif tag == "table":
            if self.table is not None:
                self.fail("a table inside a table")
            self.table = HtmlTable()
            self.blocks.append(self.table)
            self.paragraph = None
        elif tag in _TABLE_PARTS:
            if self.table is None:
                self.fail(f"<{tag}> outside a table")
        elif tag == "tr":
            if self.table is None:
                self.fail("<tr> outside a table")
            self.table.rows.append([])  # type: ignore[union-attr]
        elif tag in ("td", "th"):
            if self.table is None or not self.table.rows:
                self.fail(f"<{tag}> outside a table row")
            self.cell = []
            self.table.rows[-1].append(self.cell)  # type: ignore[union-attr]
            self.header = tag == "th"
            self.paragraph = None
        else:
            self.fail(f"<{tag}> is not in the HTML subset reportkit writes ({SUBSET})")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag != "br":
            self.handle_endtag(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag == "br":
            return
        if not self.open or self.open[-1][0] != tag:
            expected = f"</{self.open[-1][0]}>" if self.open else "no closing tag"
            self.fail(f"</{tag}> where {expected} was expected")
        self.open.pop()
        if tag in _INLINE:
            self.style[_INLINE[tag]] -= 1
        elif tag == "a":
            self.url = None
        elif tag in ("p", "li") or tag in _HEADINGS:
            self.paragraph = None
        elif tag in ("ul", "ol"):
            self.lists.pop()
            self.paragraph = None
        elif tag == "table":
            self.table = None
        elif tag in ("td", "th"):
            self.cell, self.header, self.paragraph = None, False, None

    def handle_data(self, data: str) -> None:
        text = _SPACES.sub(" ", data)
        if self.paragraph is None and not text.strip():
            return  # the layout of the source between blocks
        self._add(text)

    def handle_comment(self, data: str) -> None:
        """Comments are not content."""

    def handle_decl(self, decl: str) -> None:
        self.fail(f"<!{decl}>: a value is a fragment of HTML, not a page")

    def handle_pi(self, data: str) -> None:
        self.fail(f"<?{data}>: processing instructions are not HTML content")

    def unknown_decl(self, data: str) -> None:
        self.fail(f"<![{data}]> is not HTML content")

    def finish(self) -> list[HtmlParagraph | HtmlTable]:
        self.close()
        if self.open:
            tag, (line, column) = self.open[-1]
            raise HtmlError(f"HTML, line {line}, column {column + 1}: <{tag}> is never closed")
        return self.blocks


@dataclass(frozen=True, init=False)
class Html:
    """An HTML fragment of the subset, rendered by ``{{p value}}`` as paragraphs, lists and
    tables in the document's styles (``{{r value}}`` takes one paragraph's runs)."""

    source: str
    blocks: tuple[HtmlParagraph | HtmlTable, ...]

    def __init__(self, source: str) -> None:
        if not isinstance(source, str):
            raise HtmlError(f"HTML is text, not {type(source).__name__}")
        reader = _Reader()
        try:
            reader.feed(source)
            blocks = reader.finish()
        except HtmlError:
            raise
        except UserInputError as exc:  # a value Rich refuses
            raise HtmlError(f"HTML: {exc}") from None
        for block in blocks:
            if isinstance(block, HtmlParagraph):
                _trim(block)
            else:
                for row in block.rows:
                    for cell in row:
                        for paragraph in cell:
                            _trim(paragraph)
        object.__setattr__(self, "source", source)
        object.__setattr__(self, "blocks", tuple(blocks))

    @property
    def text(self) -> str:
        """The plain text, a line per paragraph."""
        lines = []
        for block in self.blocks:
            if isinstance(block, HtmlParagraph):
                lines.append(block.rich.text)
            else:
                lines.extend(
                    "\t".join(" ".join(p.rich.text for p in cell) for cell in row) for row in block.rows
                )
        return "\n".join(lines)

    def __str__(self) -> str:
        return self.text


def _trim(paragraph: HtmlParagraph) -> None:
    """Spaces at a paragraph's start and end are the source's layout, not text."""
    segments = paragraph.rich.segments
    while segments and not segments[0].text.strip(" "):
        segments.pop(0)
    while segments and not segments[-1].text.strip(" "):
        segments.pop()
    if segments:
        segments[0] = replace(segments[0], text=segments[0].text.lstrip(" "))
        segments[-1] = replace(segments[-1], text=segments[-1].text.rstrip(" "))

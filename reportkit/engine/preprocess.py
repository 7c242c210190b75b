"""Turn a WordprocessingML part with tags typed in Word into a Jinja template source.

Word splits what the user typed into runs at its pleasure (spelling marks, revision ids, a
bookmark, a change of language), so ``{{ name }}`` may reach the XML as ``{{``, ``na``, ``me }}``
in three ``<w:t>`` elements. For each paragraph this module:

1. joins the text of the paragraph's own ``<w:t>`` elements and finds the tags in it;
2. moves each tag whole into the ``<w:t>`` where it starts (the run that holds the formatting
   the user saw on the tag's first character), emptying the others;
3. straightens the quotes Word's AutoCorrect curls (``“ ” ‘ ’``) and non-breaking spaces inside
   tags;
4. applies the block forms of docxtpl: ``{%p …%}`` replaces its paragraph, ``{%tr …%}`` its table
   row, ``{%tc …%}`` its cell, ``{%r …%}`` its run; ``{{p x}}`` and ``{{r x}}`` replace the
   paragraph or run with rich content rendered from ``x`` in that element's formatting; the
   comment forms ``{#p …#}`` etc. remove the element.

The tree is serialised with a newline before every paragraph and table so that a Jinja line
number leads back to a paragraph; :class:`PartSource` keeps, for each line, where it is
(``table 1, row 2, cell 3``) and a snippet of its text for error messages.
"""

from __future__ import annotations

import copy
import html
import re
from dataclasses import dataclass

from lxml import etree

from reportkit.engine.cell_tags import PLACEHOLDER, apply_cell_tags, join_paragraphs, literal_braces
from reportkit.engine.checkboxes import prepare_checkboxes
from reportkit.engine.errors import TemplateSyntaxError
from reportkit.engine.locations import Location, describe_paragraphs, owner_paragraph
from reportkit.engine.xml import qn

__all__ = ["PROPERTIES", "RICH_PARAGRAPH", "RICH_RUN", "SOURCE_TAG", "Location", "PartSource", "prepare_part"]

RICH_RUN = "_rk_rich_run"
RICH_PARAGRAPH = "_rk_rich_paragraph"
PROPERTIES = "_rk_properties"

_P, _R, _T, _TR, _TC, _TBL = (qn(t) for t in ("w:p", "w:r", "w:t", "w:tr", "w:tc", "w:tbl"))
_PPR, _RPR, _BODY = qn("w:pPr"), qn("w:rPr"), qn("w:body")
_XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
_PLACEHOLDER = PLACEHOLDER
_LOC = "rkloc"

_TAG = re.compile(r"\{\{.*?\}\}|\{%.*?%\}|\{#.*?#\}", re.DOTALL)
_OPENERS = ("{{", "{%", "{#")
_BLOCK = re.compile(r"^\{([{%#])(p|tr|tc|r)\s(.*?)\s*([}%#])\}$", re.DOTALL)
_DOUBLED_BLOCK = re.compile(r"^\{\{(%-?\s*(?:tr|tc|p|r)\s.*%)\}\}$", re.DOTALL)


def _tutorial_spelling(tag: str) -> str:
    """``{{%tr for item in items %}}`` — the misspelling docxtpl's tutorial spread into most
    published invoice templates — read as the ``{%tr … %}`` docxtpl renders it as (its row,
    cell, paragraph or run is replaced whole, so the extra braces never show)."""
    match = _DOUBLED_BLOCK.match(tag)
    return "{" + match.group(1) + "}" if match else tag


_QUOTES = str.maketrans({"“": '"', "”": '"', "„": '"', "‘": "'", "’": "'", "\u00a0": " "})
_LINE_START = re.compile(r"(?=<(?:w:p|w:tbl|rk-jinja)[ >])")
_LOC_ATTR = re.compile(r' rkloc="(\d+)"')
_PLACEHOLDER_ELEMENT = re.compile(r"<rk-jinja[^>]*>(.*?)</rk-jinja>|<rk-jinja[^>]*/>", re.DOTALL)
_XMLNS = re.compile(r' xmlns(?::\w+)?="[^"]*"')
SOURCE_TAG = re.compile(r"\{\{.*?\}\}|\{%.*?%\}", re.DOTALL)
"""An expression or statement tag in a prepared Jinja source."""


@dataclass
class PartSource:
    """The Jinja source of one part, with the rich-content properties and a line map."""

    part: str
    source: str
    properties: list[str]
    lines: list[Location]
    column_loops: bool = False
    """Whether a ``{%tc for …%}`` can change the number of cells in a row (the table grid is
    then fitted after rendering)."""

    def locate(self, lineno: int | None) -> Location | None:
        """The location of a 1-based Jinja line number, if known."""
        if lineno is None or not 1 <= lineno <= len(self.lines):
            return None
        return self.lines[lineno - 1]


def _gather_tags(p: etree._Element, part: str, where: Location) -> list[etree._Element]:
    """Move every tag of paragraph *p* whole into one ``<w:t>``; return the ``<w:t>`` with tags."""
    texts = [t for t in p.iter(_T) if owner_paragraph(t) is p]
    if not texts:
        return []
    pieces = [t.text or "" for t in texts]
    full = "".join(pieces)
    if "{" not in full:
        return []
    owner: list[int] = []
    for index, piece in enumerate(pieces):
        owner.extend([index] * len(piece))
    matches = list(_TAG.finditer(full))
    rest = _TAG.sub("", full)
    for opener in _OPENERS:
        if opener in rest:
            raise TemplateSyntaxError(
                f"a tag opened with {opener!r} is not closed in the same paragraph "
                "(a tag cannot span paragraphs)",
                part=part,
                location=where.description,
                snippet=where.snippet,
            )
    if not matches:
        return []
    spans = {m.start(): m.end() for m in matches}
    new_pieces = [[] for _ in texts]  # type: list[list[str]]
    position = 0
    while position < len(full):
        end = spans.get(position)
        if end is not None:
            new_pieces[owner[position]].append(_tutorial_spelling(full[position:end].translate(_QUOTES)))
            position = end
        else:
            new_pieces[owner[position]].append(full[position])
            position += 1
    tagged = []
    for t, chars in zip(texts, new_pieces, strict=True):
        text = "".join(chars)
        if text != (t.text or ""):
            t.text = text
        if _TAG.search(text):
            t.set(_XML_SPACE, "preserve")
            tagged.append(t)
    return tagged


def _is_run_block(tag: str) -> bool:
    block = _BLOCK.match(tag)
    return block is not None and block.group(2) == "r"


def _isolate_run_tags(t: etree._Element) -> list[etree._Element]:
    """Give every ``{{r …}}`` / ``{%r …%}`` of *t* a run of its own (same formatting), so that
    replacing the run keeps the text around the tag: ``Kính gửi: {{r ten }}, Giám đốc Sở.``
    becomes three runs, and only the middle one is replaced. Returns the ``<w:t>`` elements
    that hold tags afterwards."""
    run = t.getparent()
    text = t.text or ""
    if run is None or run.tag != _R or not any(_is_run_block(m.group(0)) for m in _TAG.finditer(text)):
        return [t]
    pieces: list[tuple[bool, str]] = []
    position = 0
    for match in _TAG.finditer(text):
        if _is_run_block(match.group(0)):
            if match.start() > position:
                pieces.append((False, text[position : match.start()]))
            pieces.append((True, match.group(0)))
            position = match.end()
    if position < len(text):
        pieces.append((False, text[position:]))
    children = [c for c in run if c.tag != _RPR]
    index = children.index(t)
    if len(pieces) == 1 and len(children) == 1:
        return [t]  # the tag is the whole run already
    rpr = run.find(_RPR)
    groups: list[list[etree._Element]] = [list(children[:index])]
    for is_tag, piece in pieces:
        element = etree.Element(_T)
        element.text = piece
        element.set(_XML_SPACE, "preserve")
        if is_tag:
            groups.append([element])
            groups.append([])
        else:
            groups[-1].append(element)
    groups[-1].extend(children[index + 1 :])
    parent = run.getparent()
    assert parent is not None
    at = parent.index(run)
    tail = run.tail
    parent.remove(run)
    tagged: list[etree._Element] = []
    for group in (g for g in groups if g):
        new_run = etree.Element(_R, attrib=dict(run.attrib))
        if rpr is not None:
            new_run.append(copy.deepcopy(rpr))
        for element in group:
            new_run.append(element)
            if element.tag == _T and _TAG.search(element.text or ""):
                tagged.append(element)
        parent.insert(at, new_run)
        at += 1
    if tail:
        parent[at - 1].tail = tail
    return tagged


def _rich_call(
    function: str, expression: str, properties: list[str], element: etree._Element, prop_tag: str
) -> str:
    """``{{ _rk_rich_run(expr, 3) }}`` where 3 indexes the element's serialised properties; for a
    run, the properties of its paragraph follow (for the paragraphs a ``\\a`` starts)."""
    prop = element.find(prop_tag)
    properties.append("" if prop is None else _fragment(prop))
    index = len(properties) - 1
    if function != RICH_RUN:
        return f"{{{{ {function}({expression}, {PROPERTIES}[{index}]) }}}}"
    paragraph = next(element.iterancestors(_P), None)
    ppr = paragraph.find(_PPR) if paragraph is not None else None
    properties.append("" if ppr is None else _fragment(ppr))
    return f"{{{{ {function}({expression}, {PROPERTIES}[{index}], {PROPERTIES}[{index + 1}]) }}}}"


def _fragment(element: etree._Element) -> str:
    """Serialise an element without the namespace declarations lxml puts on a fragment."""
    return _XMLNS.sub("", etree.tostring(element, encoding="unicode"))


def _target(t: etree._Element, kind: str) -> etree._Element | None:
    tag = {"p": _P, "tr": _TR, "tc": _TC, "r": _R}[kind]
    return next(t.iterancestors(tag), None)


def prepare_part(root: etree._Element, part: str, *, always: bool = False) -> PartSource | None:
    """Build the Jinja source of a part (the tree is modified), or ``None`` when it has no tags
    (unless *always*: a part whose notes or charts a render changes)."""
    prepare_checkboxes(root)  # a checkbox control tagged {{ expression }} follows the data
    places = describe_paragraphs(root)
    replacements: dict[etree._Element, list[str]] = {}
    order: list[etree._Element] = []
    properties: list[str] = []
    found = False
    column_loops = False
    for p in list(root.iter(_P)):
        where = places[p]
        gathered = [piece for t in _gather_tags(p, part, where) for piece in _isolate_run_tags(t)]
        for t in gathered:
            found = True
            apply_cell_tags(t)
            for match in _TAG.finditer(t.text or ""):
                block = _BLOCK.match(match.group(0))
                if block is None:
                    continue
                kind_char, kind, body, _close = block.groups()
                target = _target(t, kind)
                if target is None:
                    raise TemplateSyntaxError(
                        f"{{{kind_char}{kind} …}} is not inside a {_element_name(kind)}",
                        part=part,
                        location=where.description,
                        snippet=where.snippet,
                    )
                if kind_char == "%":
                    statement = f"{{% {body} %}}"
                    column_loops = column_loops or (kind == "tc" and body.lstrip().startswith("for "))
                elif kind_char == "#":
                    statement = ""
                elif kind == "r":
                    statement = _rich_call(RICH_RUN, body, properties, target, _RPR)
                elif kind == "p":
                    statement = _rich_call(RICH_PARAGRAPH, body, properties, target, _PPR)
                else:
                    raise TemplateSyntaxError(
                        f"{{{{{kind} …}}}} is not a tag; use {{%{kind} …%}} for blocks",
                        part=part,
                        location=where.description,
                        snippet=where.snippet,
                    )
                if target not in replacements:
                    replacements[target] = []
                    order.append(target)
                replacements[target].append(statement)
                places.setdefault(target, where)
    if (
        not always
        and not found
        and not any("{_{" in (t.text or "") or "{_%" in (t.text or "") for t in root.iter(_T))
    ):  # a part with no tags (literal braces alone still need a render)
        return None
    locations: list[Location] = []
    for p, where in places.items():
        if p.getparent() is not None and p.tag == _P:
            p.set(_LOC, str(len(locations)))
            locations.append(where)
    for target in order:
        if target.tag in (_TC, _TR) and _opens_and_closes(replacements[target]):
            where = places.get(target, Location("", ""))
            element = "cell" if target.tag == _TC else "row"
            raise TemplateSyntaxError(
                f"a loop opened and closed in one table {element} would drop the {element}: put "
                f"{{%{'tc' if element == 'cell' else 'tr'} for … %}} in the {element} before the "
                f"repeated one and its endfor in the {element} after",
                part=part,
                location=where.description,
                snippet=where.snippet,
            )
        parent = target.getparent()
        if parent is None:
            continue
        placeholder = etree.Element(_PLACEHOLDER)
        placeholder.text = "".join(replacements[target])
        placeholder.set(_LOC, str(len(locations)))
        locations.append(places.get(target, Location("", "")))
        placeholder.tail = target.tail
        parent.replace(target, placeholder)
    serialised = join_paragraphs(etree.tostring(root, encoding="unicode"))
    prepared = _finish(part, serialised, properties, locations)
    prepared.column_loops = column_loops
    return prepared


_FOR_OPEN = re.compile(r"^\{%-?\s*for\b")
_FOR_CLOSE = re.compile(r"^\{%-?\s*endfor\b")


def _opens_and_closes(statements: list[str]) -> bool:
    """Whether the statements that replace one cell or row hold a ``for`` and its ``endfor``:
    the element itself would be replaced by an empty loop."""
    return any(_FOR_OPEN.match(s) for s in statements) and any(_FOR_CLOSE.match(s) for s in statements)


def _element_name(kind: str) -> str:
    return {"p": "paragraph", "tr": "table row", "tc": "table cell", "r": "run"}[kind]


def _unescape_tag(match: re.Match[str]) -> str:
    return html.unescape(match.group(0))


def _finish(part: str, serialised: str, properties: list[str], locations: list[Location]) -> PartSource:
    """Split into lines at paragraphs, map lines to locations, unwrap placeholders."""
    text = _LINE_START.sub("\n", serialised)
    lines: list[Location] = []
    out: list[str] = []
    current = Location("", "")
    for line in text.split("\n"):
        found = _LOC_ATTR.search(line)
        if found:
            current = locations[int(found.group(1))]
            line = _LOC_ATTR.sub("", line)
        lines.append(current)
        out.append(line)
    source = "\n".join(out)
    source = _PLACEHOLDER_ELEMENT.sub(lambda m: m.group(1) or "", source)
    source = literal_braces(SOURCE_TAG.sub(_unescape_tag, source))
    return PartSource(part=part, source=source, properties=properties, lines=lines)

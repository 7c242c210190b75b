"""An :class:`~reportkit.engine.html_value.Html` value as WordprocessingML, in the document's
own styles.

Body paragraphs keep the template paragraph's properties and its text formatting; headings take
the template's *heading 1*–*3* styles, list items its *List Paragraph* with a list of their own
(bullets for ``ul``, 1. 2. 3. for ``ol``; a nested list is a list of its own one level in),
tables its *Table Grid* (a header row of ``th`` repeats on every page), links its *Hyperlink*
character style. Styles are found by their names (a Vietnamese Word calls *heading 1* ``u1``);
one the template lacks is added with a plain definition, so the output never names a style it
does not define.
"""

from __future__ import annotations

from dataclasses import replace

from reportkit.engine.errors import RenderError
from reportkit.engine.html_value import Html, HtmlParagraph, HtmlTable
from reportkit.engine.rich import Link, Rich, paragraph_run_properties
from reportkit.engine.state import RenderState

__all__ = ["html_paragraphs_xml", "html_runs_xml"]

_GRID_WIDTH = 9000
"""Twips a table spans by default (A4 less 30 + 20 mm margins is 9,070)."""
_HEADING_SIZES = {1: 32, 2: 28, 3: 26}
_BULLETS = ("•", "◦", "▪")
_STYLE_DEFINITIONS = {
    "heading {level}": (
        "Heading{level}",
        '<w:style w:type="paragraph" w:styleId="Heading{level}"><w:name w:val="heading {level}"/>'
        '<w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/><w:pPr><w:keepNext/>'
        '<w:spacing w:before="240" w:after="120"/><w:outlineLvl w:val="{outline}"/></w:pPr>'
        '<w:rPr><w:b/><w:bCs/><w:sz w:val="{size}"/><w:szCs w:val="{size}"/></w:rPr></w:style>',
    ),
    "list paragraph": (
        "ListParagraph",
        '<w:style w:type="paragraph" w:styleId="ListParagraph"><w:name w:val="List Paragraph"/>'
        '<w:basedOn w:val="Normal"/><w:qFormat/><w:pPr><w:ind w:left="720"/><w:contextualSpacing/>'
        "</w:pPr></w:style>",
    ),
    "table grid": (
        "TableGrid",
        '<w:style w:type="table" w:styleId="TableGrid"><w:name w:val="Table Grid"/><w:tblPr><w:tblBorders>'
        + "".join(
            f'<w:{side} w:val="single" w:sz="4" w:space="0" w:color="auto"/>'
            for side in ("top", "left", "bottom", "right", "insideH", "insideV")
        )
        + '</w:tblBorders><w:tblCellMar><w:left w:w="108" w:type="dxa"/><w:right w:w="108" w:type="dxa"/>'
        "</w:tblCellMar></w:tblPr></w:style>",
    ),
    "hyperlink": (
        "Hyperlink",
        '<w:style w:type="character" w:styleId="Hyperlink"><w:name w:val="Hyperlink"/><w:rPr>'
        '<w:color w:val="0563C1"/><w:u w:val="single"/></w:rPr></w:style>',
    ),
}


def _style(state: RenderState, name: str, level: int = 0) -> str:
    """The id of the template's style called *name* (``heading 2``), or of the one added."""
    key = name.format(level=level) if "{level}" in name else name
    found = state.style_ids.get(key)
    if found is not None:
        return found
    style_id, definition = _STYLE_DEFINITIONS[name]
    style_id = style_id.format(level=level)
    state.styles.setdefault(
        style_id,
        definition.format(level=level, outline=level - 1, size=_HEADING_SIZES.get(level, 24))
        if level
        else definition,
    )
    return style_id


def _list_id(state: RenderState, ordered: bool) -> str:
    """A new list (its own definition and instance) of bullets or numbers."""
    number = state.next_list_id()
    levels = []
    for level in range(9):
        kind, text = ("decimal", f"%{level + 1}.") if ordered else ("bullet", _BULLETS[level % 3])
        levels.append(
            f'<w:lvl w:ilvl="{level}"><w:start w:val="1"/><w:numFmt w:val="{kind}"/>'
            f'<w:lvlText w:val="{text}"/><w:lvlJc w:val="left"/><w:pPr>'
            f'<w:ind w:left="{720 + 360 * level}" w:hanging="360"/></w:pPr></w:lvl>'
        )
    state.numbering.append(
        (
            f'<w:abstractNum w:abstractNumId="{number}"><w:multiLevelType w:val="hybridMultilevel"/>'
            f"{''.join(levels)}</w:abstractNum>",
            f'<w:num w:numId="{number}"><w:abstractNumId w:val="{number}"/></w:num>',
        )
    )
    return number


def _runs(rich: Rich, base: str, properties: str, state: RenderState, link: Link) -> str:
    if any(s.url is not None and s.style is None for s in rich.segments):
        style = _style(state, "hyperlink")
        linked = Rich()
        linked.segments = [
            replace(s, style=style) if s.url is not None and s.style is None else s for s in rich.segments
        ]
        rich = linked
    return rich.runs_xml(base, properties, link)


class _Writer:
    def __init__(self, state: RenderState, properties: str, link: Link) -> None:
        self.state = state
        self.properties = properties
        self.base = paragraph_run_properties(properties)
        self.link = link
        self.lists: dict[int, str] = {}

    def paragraph(self, paragraph: HtmlParagraph, in_cell: bool = False) -> str:
        base = self.base
        if paragraph.heading:
            style = _style(self.state, "heading {level}", paragraph.heading)
            properties = f'<w:pPr><w:pStyle w:val="{style}"/></w:pPr>'
            base = ""
        elif paragraph.list_id is not None:
            number = self.lists.get(paragraph.list_id)
            if number is None:
                number = self.lists[paragraph.list_id] = _list_id(self.state, paragraph.ordered)
            properties = (
                f'<w:pPr><w:pStyle w:val="{_style(self.state, "list paragraph")}"/><w:numPr>'
                f'<w:ilvl w:val="{min(paragraph.depth, 8)}"/><w:numId w:val="{number}"/></w:numPr></w:pPr>'
            )
        elif in_cell:
            properties = '<w:pPr><w:spacing w:before="0" w:after="0"/></w:pPr>'
        else:
            properties = self.properties
        return f"<w:p>{properties}{_runs(paragraph.rich, base, properties, self.state, self.link)}</w:p>"

    def table(self, table: HtmlTable) -> str:
        columns = max((len(row) for row in table.rows), default=0)
        if columns == 0:
            return ""
        width = _GRID_WIDTH // columns
        grid = "".join(f'<w:gridCol w:w="{width}"/>' for _ in range(columns))
        rows = []
        for row in table.rows:
            cells = [*row, *([[]] * (columns - len(row)))]  # a short row is filled, not dropped
            header = bool(row) and all(p.header_cell for cell in row for p in cell)
            xml = "".join(
                f'<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/></w:tcPr>'
                + ("".join(self.paragraph(p, in_cell=True) for p in cell) or "<w:p/>")
                + "</w:tc>"
                for cell in cells
            )
            rows.append(f"<w:tr>{'<w:trPr><w:tblHeader/></w:trPr>' if header else ''}{xml}</w:tr>")
        style = _style(self.state, "table grid")
        return (
            f'<w:tbl><w:tblPr><w:tblStyle w:val="{style}"/><w:tblW w:w="5000" w:type="pct"/>'
            f'<w:tblLook w:val="04A0"/></w:tblPr><w:tblGrid>{grid}</w:tblGrid>{"".join(rows)}</w:tbl>'
        )


def html_paragraphs_xml(value: Html, paragraph_properties: str, state: RenderState, link: Link) -> str:
    """``{{p value}}``: the paragraph replaced by the value's paragraphs, lists and tables."""
    writer = _Writer(state, paragraph_properties, link)
    out = []
    blocks = value.blocks
    for index, block in enumerate(blocks):
        if isinstance(block, HtmlParagraph):
            out.append(writer.paragraph(block))
            continue
        out.append(writer.table(block))
        following = blocks[index + 1] if index + 1 < len(blocks) else None
        if not isinstance(following, HtmlParagraph):  # Word keeps a paragraph after a table
            out.append(f"<w:p>{paragraph_properties}</w:p>")
    return "".join(out)


def html_runs_xml(value: Html, run_properties: str, paragraph_properties: str, state: RenderState,
                  link: Link) -> str:  # fmt: skip
    """``{{r value}}``: the runs of a value that is one paragraph of text."""
    blocks = value.blocks
    if len(blocks) > 1 or (blocks and (not isinstance(blocks[0], HtmlParagraph) or blocks[0].heading
                                       or blocks[0].list_id is not None)):  # fmt: skip
        raise RenderError(
            "an HTML value with several paragraphs, a heading, a list or a table replaces a whole "
            "paragraph: write {{p …}}, not {{r …}}"
        )
    if not blocks:
        return ""
    return _runs(blocks[0].rich, run_properties, paragraph_properties, state, link)  # type: ignore[union-attr]

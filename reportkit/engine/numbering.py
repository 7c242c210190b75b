"""``{%p restart_numbering %}``: the numbered lists after it start again at 1 — written at the
top of an outer loop, each item's inner list is numbered 1, 2, 3 … instead of going on from the
item before (Word keeps one counter per list, however often a loop copies its paragraphs).

The tag writes a mark into the rendered part; :func:`restarted` then gives every numbered
paragraph after each mark (``<w:numId w:val="N"/>``) a new list instance of the same list
definition, each level starting at 1 (``w:lvlOverride/w:startOverride``), added to the
numbering part through the render's state. A paragraph numbered by its paragraph style alone
(Word's *List Number*) first gets the style's ``w:numPr`` written out (:func:`styled_numbering`),
so that it restarts the same way.
"""

from __future__ import annotations

import re
from typing import Any

from jinja2 import nodes
from jinja2.ext import Extension

from reportkit.engine.package import DocxPackage
from reportkit.engine.state import RenderState

__all__ = ["RESTART_MARK", "RestartNumbering", "list_definitions", "restarted", "styled_numbering"]

RESTART_MARK = "<!--reportkit:restart-numbering-->"
_NUM = re.compile(r'<w:num\b[^>]*\bw:numId="(\d+)"[^>]*>.*?<w:abstractNumId\b[^>]*\bw:val="(\d+)"', re.DOTALL)
_STYLE = re.compile(
    r'<w:style\b[^>]*\bw:type="paragraph"[^>]*\bw:styleId="([^"]+)"[^>]*>(.*?)</w:style>', re.DOTALL
)
_STYLE_NUMBER = re.compile(r'<w:numPr>.*?<w:numId w:val="(\d+)"\s*/>.*?</w:numPr>', re.DOTALL)
_STYLE_LEVEL = re.compile(r'<w:ilvl w:val="(\d+)"')
_PARAGRAPH_STYLE = re.compile(
    r'(<w:pPr><w:pStyle w:val="([^"]+)"/>'
    r"(?:<w:(?:keepNext|keepLines|pageBreakBefore|framePr|widowControl)\b[^>]*/>)*)"
    r"((?:(?!</w:pPr>).)*</w:pPr>)",
    re.DOTALL,
)
_IN_TEXT = re.compile(re.escape(RESTART_MARK) + r'|<w:numId\b[^>]*\bw:val="(\d+)"\s*/>')


class RestartNumbering(Extension):
    """The ``restart_numbering`` tag (no arguments)."""

    tags = {"restart_numbering"}

    def parse(self, parser: Any) -> nodes.Node:
        lineno = next(parser.stream).lineno
        return nodes.Output([nodes.TemplateData(RESTART_MARK)]).set_lineno(lineno)


def list_definitions(package: DocxPackage) -> dict[str, str]:
    """The list definition (``w:abstractNumId``) of every list instance (``w:numId``) of the
    numbering part of *package*."""
    part = package.definition_part("numbering")
    if not part or part not in package.entries:
        return {}
    return dict(_NUM.findall(package.data(part).decode("utf-8")))


def styled_numbering(package: DocxPackage) -> dict[str, str]:
    """Paragraph style id → the ``w:numPr`` its definition numbers paragraphs with."""
    part = package.definition_part("styles")
    if not part or part not in package.entries:
        return {}
    found = {}
    for match in _STYLE.finditer(package.data(part).decode("utf-8")):
        number = _STYLE_NUMBER.search(match.group(2))
        if number is not None:
            level = _STYLE_LEVEL.search(number.group(0))
            found[match.group(1)] = (
                f'<w:numPr><w:ilvl w:val="{level.group(1) if level else 0}"/>'
                f'<w:numId w:val="{number.group(1)}"/></w:numPr>'
            )
    return found


def _with_style_numbers(xml: str, styled: dict[str, str]) -> str:
    """Paragraphs numbered by their style alone, with the style's ``w:numPr`` written out."""

    def written(match: re.Match[str]) -> str:
        numbering = styled.get(match.group(2))
        if numbering is None or "<w:numPr>" in match.group(0):
            return match.group(0)
        return match.group(1) + numbering + match.group(3)

    return _PARAGRAPH_STYLE.sub(written, xml)


def restarted(
    xml: str, definitions: dict[str, str], state: RenderState, styled: dict[str, str] | None = None
) -> str:
    """*xml* with the marks removed and the numbered paragraphs after each mark in new list
    instances that start at 1 (*styled*: the list styles, see :func:`styled_numbering`)."""
    if styled:
        xml = _with_style_numbers(xml, styled)
    generation = 0
    instances: dict[tuple[str, int], str] = {}

    def replace(match: re.Match[str]) -> str:
        nonlocal generation
        if match.group(1) is None:
            generation += 1
            return ""
        old = match.group(1)
        if generation == 0 or old not in definitions:
            return match.group(0)
        key = (old, generation)
        if key not in instances:
            new = state.next_list_id()
            levels = "".join(
                f'<w:lvlOverride w:ilvl="{level}"><w:startOverride w:val="1"/></w:lvlOverride>'
                for level in range(9)
            )
            state.numbering.append(
                ("", f'<w:num w:numId="{new}"><w:abstractNumId w:val="{definitions[old]}"/>{levels}</w:num>')
            )
            instances[key] = new
        return f'<w:numId w:val="{instances[key]}"/>'

    return _IN_TEXT.sub(replace, xml)

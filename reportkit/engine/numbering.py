"""``{%p restart_numbering %}``: the numbered lists after it start again at 1 — written at the
top of an outer loop, each item's inner list is numbered 1, 2, 3 … instead of going on from the
item before (Word keeps one counter per list, however often a loop copies its paragraphs).

The tag writes a mark into the rendered part; :func:`restarted` then gives every numbered
paragraph after each mark (``<w:numId w:val="N"/>``) a new list instance of the same list
definition, each level starting at 1 (``w:lvlOverride/w:startOverride``), added to the
numbering part through the render's state. Lists numbered by a paragraph style without their own
``w:numPr`` are not changed.
"""

from __future__ import annotations

import re
from typing import Any

from jinja2 import nodes
from jinja2.ext import Extension

from reportkit.engine.package import DocxPackage
from reportkit.engine.state import RenderState

__all__ = ["RESTART_MARK", "RestartNumbering", "list_definitions", "restarted"]

RESTART_MARK = "<!--reportkit:restart-numbering-->"
_NUM = re.compile(r'<w:num\b[^>]*\bw:numId="(\d+)"[^>]*>.*?<w:abstractNumId\b[^>]*\bw:val="(\d+)"', re.DOTALL)
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


def restarted(xml: str, definitions: dict[str, str], state: RenderState) -> str:
    """*xml* with the marks removed and the numbered paragraphs after each mark in new list
    instances that start at 1."""
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

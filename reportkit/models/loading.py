"""YAML and JSON documents read within limits, with errors that name the file, line and column.

Event files and record files come from users and, in a web system, from anyone. A 5 KB YAML
"billion laughs" (anchors of anchors) expands to 10⁹ nodes when walked; a pipe or ``/dev/zero``
never ends. :func:`load_document` reads at most :attr:`DataLimits.max_bytes`, composes the YAML
node graph, counts the nodes it *would* expand to (aliases included, shared subtrees counted
each time they are used) and refuses past :attr:`DataLimits.max_nodes` before anything is
built. Only plain data is constructed (``yaml.SafeLoader``: no Python objects).
"""

from __future__ import annotations

import json
import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from reportkit.errors import UserInputError

__all__ = ["DataFileError", "DataLimits", "load_document", "parse_json", "parse_yaml", "read_text"]


class DataFileError(UserInputError):
    """A YAML or JSON document that cannot be read: the message names the file and line."""


@dataclass(frozen=True)
class DataLimits:
    """Bounds on a data document: ``max_bytes`` of text, ``max_nodes`` once aliases are expanded.

    A real event file is a few kilobytes and a few hundred nodes; a record file of 100,000
    rows of ten fields is about a million nodes.
    """

    max_bytes: int = 64 << 20
    max_nodes: int = 5_000_000


def read_text(path: Path, limits: DataLimits = DataLimits()) -> str:
    """The UTF-8 text of *path* (a BOM is dropped), reading at most ``limits.max_bytes``."""
    try:
        with path.open("rb") as stream:
            data = stream.read(limits.max_bytes + 1)
    except FileNotFoundError:
        raise DataFileError(f"{path}: file not found") from None
    except IsADirectoryError:
        raise DataFileError(f"{path}: a folder, not a file") from None
    if len(data) > limits.max_bytes:
        raise DataFileError(f"{path}: longer than the limit of {limits.max_bytes} bytes")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise DataFileError(f"{path}: line {line}: not UTF-8 text (byte {exc.start})") from None


def _expanded_size(root: yaml.Node, limit: int) -> int:
    """The number of nodes *root* expands to, stopping as soon as it passes *limit*."""
    sizes: dict[int, int] = {}
    in_progress: set[int] = set()

    def size(node: yaml.Node) -> int:
        key = id(node)
        if key in sizes:
            return sizes[key]
        if key in in_progress:
            raise DataFileError("an alias refers to the node that contains it (a recursive anchor)")
        in_progress.add(key)
        total = 1
        if isinstance(node, yaml.SequenceNode):
            for child in node.value:
                total += size(child)
                if total > limit:
                    break
        elif isinstance(node, yaml.MappingNode):
            for key_node, value_node in node.value:
                total += size(key_node) + size(value_node)
                if total > limit:
                    break
        in_progress.discard(key)
        sizes[key] = total
        return total

    return size(root)


def _where(exc: yaml.YAMLError) -> str:
    mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
    return f"line {mark.line + 1}, column {mark.column + 1}: " if mark is not None else ""


class _VietnameseLoader(yaml.SafeLoader):
    """YAML as an office types it: ``300.000`` and ``1.500.000`` are amounts grouped by dots
    (read as the text they are, for :func:`reportkit.vn.parse_amount`), not the float 300.0
    YAML would make of them (a prize of 300 đồng instead of 300.000)."""


_GROUPED = re.compile(r"^[-+]?\d{1,3}(?:\.\d{3})+$")
_VietnameseLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:float"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
_VietnameseLoader.add_implicit_resolver(
    "tag:yaml.org,2002:float",
    re.compile(
        r"""^(?:(?![-+]?\d{1,3}(?:\.\d{3})+$)[-+]?(?:[0-9][0-9_]*)\.[0-9_]*(?:[eE][-+][0-9]+)?
        |(?![-+]?\d{1,3}(?:\.\d{3})+$)[-+]?(?:[0-9][0-9_]*)(?:[eE][-+][0-9]+)
        |\.[0-9_]+(?:[eE][-+][0-9]+)?
        |[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*
        |[-+]?\.(?:inf|Inf|INF)
        |\.(?:nan|NaN|NAN))$""",
        re.X,
    ),
    list("-+0123456789."),
)


def parse_yaml(text: str, name: str = "the document", limits: DataLimits = DataLimits()) -> Any:
    """Plain data from YAML *text*; :class:`DataFileError` names *name*, the line and the column.
    Numbers grouped by dots (``300.000``) stay text, for the amount reader."""
    if len(text) > limits.max_bytes:
        raise DataFileError(f"{name}: longer than the limit of {limits.max_bytes} bytes")
    loader = _VietnameseLoader(text)
    try:
        node = loader.get_single_node()
        if node is None:
            return None
        try:
            expanded = _expanded_size(node, limits.max_nodes)
        except RecursionError:
            raise DataFileError(f"{name}: nested too deeply") from None
        except DataFileError as exc:
            raise DataFileError(f"{name}: {exc}") from None
        if expanded > limits.max_nodes:
            raise DataFileError(
                f"{name}: expands to more than {limits.max_nodes} values (anchors and aliases "
                "repeated inside each other?)"
            )
        return loader.construct_document(node)
    except yaml.YAMLError as exc:
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise DataFileError(f"{name}: {_where(exc)}{problem}") from None
    except RecursionError:
        raise DataFileError(f"{name}: nested too deeply") from None
    finally:
        loader.dispose()


def parse_json(text: str | bytes, name: str = "the document", limits: DataLimits = DataLimits()) -> Any:
    """Plain data from JSON *text*; :class:`DataFileError` names *name*, the line and the column."""
    if len(text) > limits.max_bytes:
        raise DataFileError(f"{name}: longer than the limit of {limits.max_bytes} bytes")
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise DataFileError(f"{name}: line {exc.lineno}, column {exc.colno}: {exc.msg}") from None
    except RecursionError:
        raise DataFileError(f"{name}: nested too deeply") from None
    except UnicodeDecodeError as exc:
        raise DataFileError(f"{name}: not UTF-8 text (byte {exc.start})") from None


def load_document(source: str | os.PathLike[str], limits: DataLimits = DataLimits()) -> Any:
    """The data in a ``.yaml``/``.yml``/``.json`` file, read and parsed within *limits*."""
    path = Path(source)
    text = read_text(path, limits)
    if path.suffix.lower() == ".json":
        return parse_json(text, str(path), limits)
    return parse_yaml(text, str(path), limits)

"""What a template needs from its context: the names it reads, nested, with loops resolved.

``{% for h in decision.honorees %}{{ h.person.full_name }}{% endfor %}`` reads
``decision.honorees[].person.full_name``: :func:`read_paths` walks the compiled templates'
syntax trees, following attribute and item access, filters and loop variables, and returns
the paths as a tree. :func:`context_schema` turns the tree into a JSON Schema, and
:func:`check_context` reports every missing or mistyped field of a context with its path,
before anything is rendered.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from jinja2 import nodes

__all__ = ["ITEMS", "VariableTree", "check_context", "context_schema", "paths_of", "read_paths"]

ITEMS = "[]"
"""The key under which a tree holds what each item of a looped-over value is read for."""

VariableTree = dict[str, "VariableTree"]
"""``{"decision": {"number": {}, "honorees": {"[]": {"person": {"full_name": {}}}}}}``."""


def _path(node: nodes.Node, scope: Mapping[str, list[str] | None], skip: frozenset[str]) -> list[str] | None:
    """The context path an expression reads (``decision.number``), or ``None`` when it is not one."""
    if isinstance(node, nodes.Name):
        if node.name in scope:
            return scope[node.name]
        return None if node.name in skip else [node.name]
    if isinstance(node, nodes.Getattr):
        base = _path(node.node, scope, skip)
        return [*base, node.attr] if base is not None else None
    if isinstance(node, nodes.Getitem):
        base = _path(node.node, scope, skip)
        if base is None:
            return None
        if isinstance(node.arg, nodes.Const) and isinstance(node.arg.value, str):
            return [*base, node.arg.value]
        return [*base, ITEMS]
    if isinstance(node, nodes.Filter | nodes.Test) and node.node is not None:
        return _path(node.node, scope, skip)
    if (
        isinstance(node, nodes.Call)
        and isinstance(node.node, nodes.Name)
        and node.node.name in skip
        and node.args
    ):
        return _path(node.args[0], scope, skip)  # the loop guard the engine wraps iterables in
    return None


def _add(tree: VariableTree, path: list[str]) -> None:
    for key in path:
        tree = tree.setdefault(key, {})


def _walk(
    node: nodes.Node, scope: dict[str, list[str] | None], tree: VariableTree, skip: frozenset[str]
) -> None:
    if isinstance(node, nodes.For):
        _walk(node.iter, scope, tree, skip)
        source = _path(node.iter, scope, skip)
        inner = dict(scope)
        single = isinstance(node.target, nodes.Name)
        targets: list[nodes.Name] = [node.target] if single else list(node.target.find_all(nodes.Name))  # type: ignore[list-item]
        for target in targets:
            inner[target.name] = [*source, ITEMS] if source is not None and single else None
        if source is not None and single:
            _add(tree, [*source, ITEMS])
        inner["loop"] = None
        for child in [*node.body, *node.else_]:
            _walk(child, inner, tree, skip)
        if node.test is not None:
            _walk(node.test, inner, tree, skip)
        return
    if isinstance(node, nodes.Assign | nodes.AssignBlock):
        if isinstance(node, nodes.Assign):
            _walk(node.node, scope, tree, skip)
            value = _path(node.node, scope, skip)
        else:
            for child in node.body:
                _walk(child, scope, tree, skip)
            value = None
        names = (
            [node.target] if isinstance(node.target, nodes.Name) else list(node.target.find_all(nodes.Name))
        )
        for name in names:
            scope[str(getattr(name, "name", ""))] = value if isinstance(node.target, nodes.Name) else None
        return
    if isinstance(node, nodes.Macro | nodes.CallBlock):
        inner = dict(scope)
        for argument in getattr(node, "args", []):
            inner[str(getattr(argument, "name", ""))] = None
        for child in node.body:
            _walk(child, inner, tree, skip)
        return
    if isinstance(node, nodes.Call) and isinstance(node.node, nodes.Getattr):
        # a method call (d.items(), s.upper()): the object is read, the method is not a field
        base = _path(node.node.node, scope, skip)
        if base is not None:
            _add(tree, base)
        for child in [*node.args, *node.kwargs]:
            _walk(child, scope, tree, skip)
        return
    if isinstance(node, nodes.Name | nodes.Getattr | nodes.Getitem):
        path = _path(node, scope, skip)
        if path is not None:
            _add(tree, path)
            return
    for child in node.iter_child_nodes():
        _walk(child, scope, tree, skip)


def read_paths(templates: Iterable[nodes.Template], skip: Iterable[str] = ()) -> VariableTree:
    """The context paths *templates* read, as a tree (*skip*: globals and internal names)."""
    tree: VariableTree = {}
    skipped = frozenset(skip)
    for template in templates:
        _walk(template, {}, tree, skipped)
    return tree


def paths_of(tree: VariableTree, prefix: str = "") -> list[str]:
    """The leaves of *tree* as dotted paths: ``decision.honorees[].person.full_name``."""
    paths = []
    for key, sub in sorted(tree.items()):
        name = f"{prefix}{key}" if key == ITEMS else (f"{prefix}.{key}" if prefix else key)
        paths.extend(paths_of(sub, name) if sub else [name])
    return paths


def context_schema(tree: VariableTree) -> dict[str, Any]:
    """A JSON Schema of a context that satisfies *tree* (leaves may be any value)."""

    def node(sub: VariableTree) -> dict[str, Any]:
        if not sub:
            return {}
        if ITEMS in sub and len(sub) == 1:
            return {"type": "array", "items": node(sub[ITEMS])}
        properties = {key: node(value) for key, value in sorted(sub.items()) if key != ITEMS}
        return {"type": "object", "properties": properties, "required": sorted(properties)}

    schema = node(tree) or {"type": "object"}
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    return schema


def _get(value: Any, key: str) -> tuple[bool, Any]:
    if isinstance(value, Mapping):
        return (key in value, value.get(key))
    if hasattr(value, key):
        return True, getattr(value, key)
    return False, None


def check_context(tree: VariableTree, context: Any, prefix: str = "") -> list[str]:
    """Every field of *tree* that *context* lacks or holds in the wrong shape, with its path."""
    problems: list[str] = []
    for key, sub in sorted(tree.items()):
        if key == ITEMS:
            continue
        path = f"{prefix}.{key}" if prefix else key
        present, value = _get(context, key)
        if not present:
            problems.append(f"{path}: missing")
            continue
        if ITEMS in sub:
            if isinstance(value, str | bytes) or not isinstance(value, Iterable):
                problems.append(f"{path}: expected a list, got {type(value).__name__}")
                continue
            for index, item in enumerate(value):
                problems += check_context(sub[ITEMS], item, f"{path}[{index}]")
        others = {k: v for k, v in sub.items() if k != ITEMS}
        if others and value is not None:
            problems += check_context(others, value, path)
    return problems

"""Package names loaded on first use (PEP 562), so that importing a package costs nothing
until one of its names is needed: ``import reportkit`` does not load lxml, Jinja2, pydantic,
python-docx or openpyxl; ``reportkit.Template`` loads the engine."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from importlib import import_module
from typing import Any

__all__ = ["lazy_exports"]


def lazy_exports(
    package: str, namespace: dict[str, Any], exports: Mapping[str, str]
) -> tuple[Callable[[str], Any], Callable[[], list[str]]]:
    """``__getattr__`` and ``__dir__`` for *package*: each name of *exports* (name → module)
    is imported from its module when first read, then kept in *namespace*."""

    def __getattr__(name: str) -> Any:
        module = exports.get(name)
        if module is None:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        value = getattr(import_module(module), name)
        namespace[name] = value
        return value

    def __dir__() -> list[str]:
        return sorted(set(namespace) | set(exports))

    return __getattr__, __dir__

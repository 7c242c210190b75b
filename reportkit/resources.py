"""Where the built-in templates are: inside the installed package, or in a source checkout.

A wheel carries them as ``reportkit/templates/*.docx``; a checkout (or an editable install) keeps
them in the repository's top-level ``templates/``.
"""

from __future__ import annotations

from pathlib import Path

from reportkit.errors import UserInputError
from reportkit.kinds import KINDS

__all__ = ["TEMPLATE_NAMES", "builtin_template", "example_event", "templates_folder"]

TEMPLATE_NAMES = tuple(kind.template for kind in KINDS.values())
"""The built-in templates, one per document kind (:data:`reportkit.kinds.KINDS`)."""

_PACKAGE = Path(__file__).resolve().parent


def templates_folder() -> Path:
    """The folder holding the built-in templates."""
    for folder in (_PACKAGE / "templates", _PACKAGE.parent / "templates"):
        if (folder / KINDS["decision"].template).is_file():
            return folder
    raise FileNotFoundError(
        "the built-in templates are missing: reinstall reportkit, or run "
        "`python -m reportkit.layout.generate` in a source checkout"
    )


def builtin_template(name: str) -> Path:
    """The path of a built-in template, by file name (``"giay_khen.docx"``)."""
    if name not in TEMPLATE_NAMES:
        raise UserInputError(f"no built-in template {name!r}; there are: {', '.join(TEMPLATE_NAMES)}")
    return templates_folder() / name


def example_event() -> Path:
    """The seed example's event file (``examples/hai_phong_2021/hoi_nghi.yaml``)."""
    for folder in (_PACKAGE / "examples", _PACKAGE.parent / "examples"):
        path = folder / "hai_phong_2021" / "hoi_nghi.yaml"
        if path.is_file():
            return path
    raise FileNotFoundError("the seed example is missing: reinstall reportkit")

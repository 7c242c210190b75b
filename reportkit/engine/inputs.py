"""What a template is read from (a path, bytes, a binary stream) and what it renders (a mapping
or a pydantic model, without importing pydantic)."""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping
from typing import IO, Any

from reportkit.engine.errors import PackageError
from reportkit.engine.zipio import ZipLimits, read_bounded

__all__ = ["Source", "context_mapping", "read_source"]

Source = str | os.PathLike[str] | bytes | IO[bytes]
"""A template: a path, the bytes of a .docx, or a binary file object."""


def read_source(source: Source, limits: ZipLimits) -> bytes:
    """The bytes of *source*, read within *limits*, or a clear :class:`PackageError`."""
    if isinstance(source, bytes | bytearray | memoryview):
        return bytes(source)
    if isinstance(source, str | os.PathLike) or hasattr(source, "read"):
        name = str(source) if isinstance(source, str | os.PathLike) else "the template stream"
        try:
            return read_bounded(source, limits.max_file, name)  # type: ignore[arg-type]
        except FileNotFoundError:
            raise PackageError(f"template file not found: {source}") from None
        except IsADirectoryError:
            raise PackageError(f"template path is a folder, not a .docx: {source}") from None
        except TypeError:
            raise PackageError("the template stream must be opened in binary mode ('rb')") from None
        except (ValueError, OSError) as exc:
            raise PackageError(f"cannot read {name}: {exc}") from None
    raise TypeError(f"a template source is a path, bytes or a binary file, not {type(source).__name__}")


def context_mapping(context: Any) -> dict[str, Any]:
    """The render context as a dict: a mapping as is, a pydantic model by its fields and properties."""
    if context is None:
        return {}
    if isinstance(context, Mapping):
        return dict(context)
    pydantic = sys.modules.get("pydantic")  # not imported: the context cannot be a model of it
    if pydantic is not None and isinstance(context, pydantic.BaseModel):
        data = {name: getattr(context, name) for name in type(context).model_fields}
        for name in dir(type(context)):
            if not name.startswith("_") and isinstance(getattr(type(context), name, None), property):
                data.setdefault(name, getattr(context, name))
        return data
    raise TypeError(f"a render context is a mapping or a pydantic model, not {type(context).__name__}")

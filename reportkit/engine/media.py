"""Pictures from data (a signature or a seal PNG) and the per-render state that places them.

``Image("chu_ky.png", width_mm=40)`` in ``{{ signature }}`` becomes an inline picture: the bytes
are added as ``word/media/rk_imageN.png``, related to the part being rendered, and declared in
``[Content_Types].xml``. What a render adds lives in its
:class:`~reportkit.engine.state.RenderState` (:mod:`reportkit.engine.state`).
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path
from typing import IO

from reportkit.engine.errors import ImageError
from reportkit.engine.escaping import escape_attribute
from reportkit.engine.state import CURRENT_RENDER, IMAGE_RELATIONSHIP, RenderState

__all__ = ["CURRENT_RENDER", "IMAGE_RELATIONSHIP", "MAX_IMAGE_BYTES", "MAX_SIZE_MM", "Image", "RenderState"]

_EMU_PER_MM = 36_000
MAX_IMAGE_BYTES = 50 << 20
"""The largest picture read (a scanned seal or signature is well under a megabyte)."""
MAX_SIZE_MM = 1000.0
"""The longest side of a placed picture: larger than an A0 page is no document's."""


def _read_image(source: Path | IO[bytes]) -> bytes:
    """The bytes of an image file or binary stream, reading at most one byte past the limit."""
    if not isinstance(source, Path):
        data = source.read(MAX_IMAGE_BYTES + 1)
        if not isinstance(data, bytes):
            raise ImageError("the image stream must be opened in binary mode ('rb')")
        return data
    try:
        with source.open("rb") as stream:
            return stream.read(MAX_IMAGE_BYTES + 1)
    except OSError as exc:
        raise ImageError(f"{source}: cannot read the image ({exc.strerror or exc})") from None


def _size_mm(value: float | None, name: str) -> float | None:
    """A size in millimetres: a finite positive number up to :data:`MAX_SIZE_MM`."""
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise ImageError(f"{name} must be a number of millimetres, not {value!r}")
    if not (0 < value <= MAX_SIZE_MM):  # also refuses NaN and the infinities
        raise ImageError(f"{name} {value!r} is not between 0 and {MAX_SIZE_MM:g} mm")
    return float(value)


class Image:
    """A picture to place inline, sized by width (and/or height) in millimetres.

    Give one of ``width_mm`` / ``height_mm`` to keep the aspect ratio, both to force a size, or
    neither for the picture's own size at its resolution. PNG, JPEG, GIF, BMP and TIFF are read,
    at most :data:`MAX_IMAGE_BYTES` of them (a pipe or ``/dev/zero`` is not read to its end); a
    size is a finite number of millimetres up to :data:`MAX_SIZE_MM`. Anything else raises
    :class:`~reportkit.engine.errors.ImageError`.
    """

    def __init__(
        self,
        source: str | os.PathLike[str] | bytes | IO[bytes],
        *,
        width_mm: float | None = None,
        height_mm: float | None = None,
        description: str = "",
    ) -> None:
        if isinstance(source, bytes):
            name, blob = "the image", source
        elif isinstance(source, str | os.PathLike):
            name, blob = os.fspath(source), _read_image(Path(source))
        else:
            name, blob = "the image", _read_image(source)
        if len(blob) > MAX_IMAGE_BYTES:
            raise ImageError(f"{name}: {len(blob)} bytes, more than the limit of {MAX_IMAGE_BYTES}")
        from docx.image.exceptions import UnrecognizedImageError  # python-docx: only for pictures
        from docx.image.image import Image as _ImageHeader

        try:
            header = _ImageHeader.from_blob(blob)
            native_w, native_h = int(header.width), int(header.height)
        except UnrecognizedImageError:
            raise ImageError(f"{name}: unrecognised image format (use PNG, JPEG, GIF, BMP or TIFF)") from None
        except Exception as exc:  # a damaged header: struct.error, IndexError, ZeroDivisionError …
            raise ImageError(f"{name}: damaged image ({type(exc).__name__}: {exc})") from None
        if native_w <= 0 or native_h <= 0:
            raise ImageError(f"{name}: the image is {native_w} × {native_h} pixels: nothing to show")
        self.blob = blob
        self.content_type: str = header.content_type
        self.extension: str = header.ext
        self.description = description
        width, height = _size_mm(width_mm, "width_mm"), _size_mm(height_mm, "height_mm")
        if width is not None and height is not None:
            self.cx, self.cy = round(width * _EMU_PER_MM), round(height * _EMU_PER_MM)
        elif width is not None:
            self.cx = round(width * _EMU_PER_MM)
            self.cy = max(1, round(self.cx * native_h / native_w))
        elif height is not None:
            self.cy = round(height * _EMU_PER_MM)
            self.cx = max(1, round(self.cy * native_w / native_h))
        else:
            self.cx, self.cy = native_w, native_h
        if max(self.cx, self.cy) > MAX_SIZE_MM * _EMU_PER_MM:
            raise ImageError(
                f"{name}: {self.cx / _EMU_PER_MM:.0f} × {self.cy / _EMU_PER_MM:.0f} mm is larger than a page "
                f"(at most {MAX_SIZE_MM:g} mm a side): give width_mm or height_mm"
            )
        self.digest = hashlib.sha1(blob).hexdigest()

    def __str__(self) -> str:
        return self.description

    def drawing_xml(self, rid: str, shape_id: int) -> str:
        """The ``<w:drawing>`` of an inline picture related as *rid*."""
        name = f"Picture {shape_id}"
        description = escape_attribute(self.description)
        return (
            "<w:drawing>"
            '<wp:inline distT="0" distB="0" distL="0" distR="0" '
            'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing">'
            f'<wp:extent cx="{self.cx}" cy="{self.cy}"/>'
            f'<wp:docPr id="{shape_id}" name="{name}" descr="{description}"/>'
            "<wp:cNvGraphicFramePr><a:graphicFrameLocks "
            'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" noChangeAspect="1"/>'
            "</wp:cNvGraphicFramePr>"
            '<a:graphic xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main">'
            '<a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture">'
            '<pic:pic xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture">'
            f'<pic:nvPicPr><pic:cNvPr id="{shape_id}" name="{name}"/><pic:cNvPicPr/></pic:nvPicPr>'
            f'<pic:blipFill><a:blip r:embed="{rid}" '
            'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"/>'
            "<a:stretch><a:fillRect/></a:stretch></pic:blipFill>"
            f'<pic:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="{self.cx}" cy="{self.cy}"/></a:xfrm>'
            '<a:prstGeom prst="rect"><a:avLst/></a:prstGeom></pic:spPr>'
            "</pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing>"
        )

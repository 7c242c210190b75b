"""What a document kind is: its template, how the template is built, where the event file asks
for it, how the pack and the command line produce it.

A :class:`Kind` is data. The modules of :mod:`reportkit.kinds` each declare one; the registry
:data:`reportkit.kinds.KINDS` lists them in the order an office issues them, and drives the
template generator (:mod:`reportkit.layout.generate`), the built-in template names
(:mod:`reportkit.resources`), the pack (:func:`reportkit.pack.single_documents`) and the
command line (one command per one-file kind).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from importlib import import_module
from pathlib import Path
from typing import TYPE_CHECKING, Any

from reportkit.errors import UserInputError

if TYPE_CHECKING:
    from docx.document import Document as DocumentObject

    from reportkit.app.events import Event
    from reportkit.models.conference import Conference
    from reportkit.models.document import IssuedDocument

__all__ = ["Builder", "Kind", "conference_of", "load"]

Builder = Callable[..., object]
"""A document's builder waiting for ``out=`` (and ``template=``)."""


def load(reference: str) -> Any:
    """The object a ``"module:name"`` reference names, imported when first needed (the command
    line's ``--help`` and the import of :mod:`reportkit` stay fast)."""
    module, _, name = reference.partition(":")
    return getattr(import_module(module), name)


@dataclass(frozen=True)
class Kind:
    """One kind of document.

    ``name``: the registry key (``plan``); ``template``: the built-in template's file name;
    ``layout``: ``"module:function"`` building that template with python-docx; ``title``: its
    Vietnamese name; ``summary``: one sentence for the command line and the docs; ``section``:
    the event file's section that asks for it (``None``: always produced with the decision);
    ``doc_type``: its type in Phụ lục III (``Kế hoạch``; ``None`` for a letter without one);
    ``command``: the command line's command for a one-file kind; ``file_prefix``: its file
    name before the number (``ke_hoach`` → ``ke_hoach_05-KH-SCT.docx``); ``file_name``: a fixed
    file name instead; ``step``: ``"module:function"`` taking ``(event, issue)`` and returning
    the builder of a one-file document (``None`` for kinds the pack writes as batches: one
    certificate, invitation or letter per person); ``batch``: ``"module:function"`` writing a
    batch kind's files into the pack's subfolder ``folder`` (``(event, folder, overwrite=)`` →
    paths); ``check``: ``"module:function"`` taking the event and raising
    :class:`~reportkit.errors.UserInputError` for what the batch would refuse, called before
    the pack writes anything.
    """

    name: str
    template: str
    layout: str
    title: str
    summary: str
    section: str | None = None
    doc_type: str | None = None
    command: str | None = None
    file_prefix: str | None = None
    file_name: str | None = None
    step: str | None = None
    folder: str | None = None
    batch: str | None = None
    check: str | None = None

    def build_template(self) -> DocumentObject:
        """The built-in template of this kind, as a python-docx document."""
        factory: Callable[[], DocumentObject] = load(self.layout)
        return factory()

    def builder(self, event: Event, issue: IssuedDocument | None) -> Builder:
        """The builder of this kind's document for *event*, waiting for ``out=``."""
        if self.step is None:
            raise TypeError(f"{self.name} is written as a batch, not as one file")
        make: Callable[[Event, IssuedDocument | None], Builder] = load(self.step)
        return make(event, issue)

    def write_batch(self, event: Event, folder: Path, *, overwrite: bool = False) -> list[Path]:
        """Write this batch kind's files for *event* into *folder*; return their paths."""
        if self.batch is None:
            raise TypeError(f"{self.name} has no batch step")
        write: Callable[..., list[Path]] = load(self.batch)
        return write(event, folder, overwrite=overwrite)

    def check_event(self, event: Event) -> None:
        """Refuse now what this kind would refuse when written (nothing is written yet)."""
        if self.check is not None:
            load(self.check)(event)

    def output_name(self, symbol: str) -> str:
        """The file name of the document numbered *symbol* (``05/KH-SCT``)."""
        if self.file_name:
            return self.file_name
        stem = self.file_prefix or self.name
        return f"{stem}_{symbol.replace('/', '-')}.docx" if symbol else f"{stem}.docx"


def conference_of(event: Event, what: str) -> Conference:
    """The event's conference, or a clear error: *what* needs the ``conference`` section."""
    conference = event.conference
    if conference is None:
        raise UserInputError(f"the {what} needs the event file's 'conference' section", field="conference")
    return conference

"""Templates with footnotes, endnotes and comments, built with python-docx and a few parts
python-docx cannot write (its default template has no notes part)."""

from __future__ import annotations

import docx

from tests.docx_helpers import around_marked_run, rewrite_package, to_bytes

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_TYPES = "application/vnd.openxmlformats-officedocument.wordprocessingml."
_RELS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'


def _note(kind: str, note_id: int, text: str) -> str:
    mark = "<w:r><w:annotationRef/></w:r>" if kind == "comment" else f"<w:r><w:{kind}Ref/></w:r>"
    extra = ' w:author="Văn thư" w:initials="VT" w:date="2026-12-04T00:00:00Z"' if kind == "comment" else ""
    return (
        f'<w:{kind} w:id="{note_id}"{extra}><w:p><w:pPr><w:pStyle w:val="Normal"/></w:pPr>{mark}'
        f'<w:r><w:t xml:space="preserve"> {text}</w:t></w:r></w:p></w:{kind}>'
    )


def _notes_part(kind: str, notes: dict[int, str]) -> bytes:
    separators = ""
    if kind != "comment":
        separators = (
            f'<w:{kind} w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:{kind}>'
            f'<w:{kind} w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/>'
            f"</w:r></w:p></w:{kind}>"
        )
    body = "".join(_note(kind, i, t) for i, t in notes.items())
    return f'{_HEAD}<w:{kind}s xmlns:w="{W}">{separators}{body}</w:{kind}s>'.encode()


def _reference(kind: str, note_id: int) -> str:
    if kind == "comment":
        return f'<w:r><w:commentReference w:id="{note_id}"/></w:r>'
    return (
        f'<w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr><w:{kind}Reference w:id="{note_id}"/></w:r>'
    )


def noted_template(paragraphs: list[str], notes: dict[str, dict[int, str]]) -> bytes:
    """A .docx whose *paragraphs* may end in ``[footnote 1]``, ``[endnote 2]`` or
    ``[comment 0]`` (a reference to that note; a comment's range covers the paragraph's text);
    *notes* gives each kind's notes by id."""
    document = docx.Document()
    for text in paragraphs:
        document.add_paragraph(text)

    def referenced(text: str) -> str:
        for kind in ("comment", "footnote", "endnote"):
            for note_id in notes.get(kind, {}):

                def noted(run: str, kind: str = kind, note_id: int = note_id) -> str:
                    if kind == "comment":
                        run = f'<w:commentRangeStart w:id="{note_id}"/>{run}<w:commentRangeEnd w:id="{note_id}"/>'
                    return run + _reference(kind, note_id)

                while f"[{kind} {note_id}]" in text:
                    text = around_marked_run(text, f"[{kind} {note_id}]", noted)
        return text

    def separators(text: str) -> str:
        properties = "".join(
            f'<w:{kind}Pr><w:{kind} w:id="-1"/><w:{kind} w:id="0"/></w:{kind}Pr>'
            for kind in ("footnote", "endnote")
            if kind in notes
        )
        at = text.index("<w:compat") if "<w:compat" in text else text.index("</w:settings>")
        return text[:at] + properties + text[at:]

    overrides = "".join(
        f'<Override PartName="/word/{kind}s.xml" ContentType="{_TYPES}{kind}s+xml"/>' for kind in notes
    )
    rels = "".join(
        f'<Relationship Id="rkTest{n}" Type="{_RELS}{kind}s" Target="{kind}s.xml"/>'
        for n, kind in enumerate(notes)
    )
    return rewrite_package(
        to_bytes(document),
        {
            "word/document.xml": referenced,
            "word/settings.xml": separators,
            "[Content_Types].xml": lambda text: text.replace("</Types>", overrides + "</Types>"),
            "word/_rels/document.xml.rels": lambda text: text.replace(
                "</Relationships>", rels + "</Relationships>"
            ),
        },
        {f"word/{kind}s.xml": _notes_part(kind, by_id) for kind, by_id in notes.items()},
    )

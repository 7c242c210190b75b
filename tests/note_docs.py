"""Templates with footnotes, endnotes and comments, built with python-docx and a few parts
python-docx cannot write (its default template has no notes part)."""

from __future__ import annotations

import io
import zipfile

import docx

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
    buffer = io.BytesIO()
    document.save(buffer)
    source = zipfile.ZipFile(buffer)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == "word/document.xml":
                text = data.decode()
                for kind in ("comment", "footnote", "endnote"):
                    for note_id in notes.get(kind, {}):
                        marker = f"[{kind} {note_id}]"
                        while marker in text:
                            start = text.index(marker)
                            run_start = text.rfind("<w:r>", 0, start)
                            run_end = text.index("</w:r>", start) + len("</w:r>")
                            run = text[run_start:run_end].replace(marker, "")
                            if kind == "comment":
                                run = (
                                    f'<w:commentRangeStart w:id="{note_id}"/>{run}'
                                    f'<w:commentRangeEnd w:id="{note_id}"/>'
                                )
                            text = text[:run_start] + run + _reference(kind, note_id) + text[run_end:]
                data = text.encode()
            elif item.filename == "word/settings.xml":
                properties = "".join(
                    f'<w:{kind}Pr><w:{kind} w:id="-1"/><w:{kind} w:id="0"/></w:{kind}Pr>'
                    for kind in ("footnote", "endnote")
                    if kind in notes
                )
                text = data.decode()
                at = text.index("<w:compat") if "<w:compat" in text else text.index("</w:settings>")
                data = (text[:at] + properties + text[at:]).encode()
            elif item.filename == "[Content_Types].xml":
                overrides = "".join(
                    f'<Override PartName="/word/{kind}s.xml" ContentType="{_TYPES}{kind}s+xml"/>'
                    for kind in notes
                )
                data = data.decode().replace("</Types>", overrides + "</Types>").encode()
            elif item.filename == "word/_rels/document.xml.rels":
                rels = "".join(
                    f'<Relationship Id="rkTest{n}" Type="{_RELS}{kind}s" Target="{kind}s.xml"/>'
                    for n, kind in enumerate(notes)
                )
                data = data.decode().replace("</Relationships>", rels + "</Relationships>").encode()
            target.writestr(item, data)
        for kind, by_id in notes.items():
            target.writestr(f"word/{kind}s.xml", _notes_part(kind, by_id))
    return out.getvalue()

"""Which .docx files can be converted together: documents made from one template.

LibreOffice spends some 30 ms on every document it converts (a window, its toolbars, the
import filter, the PDF writer) and a few on each page. Documents made from one template —
letters, certificates, invitations rendered from it — share every part but their body, so
they can be laid out as one document, each from a new page with its own page numbers, and cut
into their own PDFs (:mod:`reportkit.pdf.together`, :mod:`reportkit.pdf.cutting`).

Two files are *siblings* when every part of their packages but the main document part and the
document properties is the same, byte for byte, and so are the main part's root and whatever
it holds besides the body. A file is converted on its own when anything in it would lay out
differently with other documents before it:

- notes, comments and tracked changes (their numbers and places run across a document);
- a field other than ``PAGE`` or a web ``HYPERLINK`` (``NUMPAGES``, ``SEQ``, a cross-reference,
  a table of contents, a document property … count or look across the whole document), form
  fields, embedded objects, internal links;
- sections starting on an odd or even page, page numbers restarted past the first section (or
  at an even number), line numbers: LibreOffice inserts blank pages or counts lines across;
- numbering taken from a paragraph style or a list style (a list would go on counting from the
  document before; lists of their own are given a copy of their definition);
- a first paragraph with a page break before it or closing a section (LibreOffice would put
  its bookmark on the page before), a floating table at the start (LibreOffice 7.4 lays such a
  table out again and again when a section starts with it), a body without a paragraph or
  without its section properties.

Every such reason is named by :func:`read_sibling` (``Sibling.alone``).
"""

from __future__ import annotations

import hashlib
import posixpath
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

from reportkit.engine.errors import PackageError
from reportkit.engine.package import DocxPackage
from reportkit.engine.xml import NS, parse_xml, qn

__all__ = [
    "MAX_TOGETHER",
    "Sibling",
    "TemplateFacts",
    "group_siblings",
    "grouped",
    "read_sibling",
    "sibling_of",
]

_W = NS["w"]
_BODY, _P, _PPR, _SECTPR = (qn(t) for t in ("w:body", "w:p", "w:pPr", "w:sectPr"))
_VAL, _ID, _TYPE_ATTR = qn("w:val"), qn("w:id"), qn("w:type")
_RID = f"{{{NS['r']}}}id"
_ALONE_TAGS = {
    qn(f"w:{tag}"): reason
    for reason, tags in (
        ("notes or comments", "footnoteReference endnoteReference commentReference commentRangeStart"),
        (
            "tracked changes",
            "ins del moveFrom moveTo rPrChange pPrChange sectPrChange tblPrChange trPrChange "
            "tcPrChange tblGridChange numberingChange",
        ),
        ("form fields or embedded objects", "ffData object control altChunk subDoc"),
        ("line numbers", "lnNumType"),
    )
    for tag in tags.split()
}
_ALLOWED_FIELDS = {"PAGE", "HYPERLINK"}
_CORE = {
    "/Title": "{http://purl.org/dc/elements/1.1/}title",
    "/Author": "{http://purl.org/dc/elements/1.1/}creator",
    "/Subject": "{http://purl.org/dc/elements/1.1/}subject",
    "/Keywords": "{http://schemas.openxmlformats.org/package/2006/metadata/core-properties}keywords",
}
_REFERENCES = (qn("w:headerReference"), qn("w:footerReference"))

MAX_TOGETHER = 50
"""At most this many documents are laid out as one (LibreOffice's time per page stays flat up
to several hundred pages; smaller groups share the work between its processes)."""


@dataclass
class TemplateFacts:
    """What the parts siblings share say about their bodies (read once per template)."""

    alone: str | None
    """Why no document of this template can be converted together, or ``None``."""
    styled_numbering: frozenset[str] = frozenset()
    """Paragraph styles that number their paragraphs (themselves or through ``basedOn``)."""
    default_style: str | None = None
    """The default paragraph style (a paragraph without ``pStyle`` has it)."""
    linked_lists: frozenset[str] = frozenset()
    """``numId`` values whose definition is a list style's (``numStyleLink``/``styleLink``)."""


@dataclass
class Sibling:
    """A .docx file as the grouping sees it."""

    path: Path
    key: str
    """Equal for documents of one template."""
    alone: str | None
    """Why this file is converted on its own (``None``: it can go with its siblings)."""
    first_references: frozenset[str] = frozenset()
    """The header and footer kinds its first section names (``header:default`` …)."""
    last_references: frozenset[str] = frozenset()
    """… and its last section: a next document's first section inherits what it leaves out."""
    info: dict[str, str] = field(default_factory=dict)
    """The PDF document information LibreOffice takes from its properties (title, author …)."""


def read_sibling(path: Path, facts: dict[str, TemplateFacts]) -> Sibling:
    """*path* read as a possible sibling; *facts* caches what each template's shared parts say."""
    try:
        package = DocxPackage.from_bytes(path.read_bytes())
    except (PackageError, OSError) as exc:
        return Sibling(path, f"unread:{path}", f"not read here ({exc})")
    return sibling_of(path, package, facts)


def sibling_of(path: Path, package: DocxPackage, facts: dict[str, TemplateFacts]) -> Sibling:
    """The file *path* holding *package* (read once by the caller) as a possible sibling."""
    try:
        root = parse_xml(package.data(package.main_part))
    except (PackageError, ValueError) as exc:
        return Sibling(path, f"unread:{path}", f"not read here ({exc})")
    key = _template_key(package, root)
    if key not in facts:
        facts[key] = _template_facts(package)
    shared = facts[key]
    info = _document_info(package)
    body = root.find(_BODY)
    if body is None:
        return Sibling(path, key, "no body", info=info)
    sections = [s for s in body.iter(_SECTPR) if s.getparent() is body or s.getparent().tag == _PPR]
    alone = shared.alone or _body_problem(body, sections, shared)
    return Sibling(
        path,
        key,
        alone,
        _references(sections[0]) if sections else frozenset(),
        _references(sections[-1]) if sections else frozenset(),
        info,
    )


def group_siblings(files: Sequence[Path], workers: int) -> tuple[list[list[Sibling]], list[Path]]:
    """:func:`grouped` of *files*, each read here."""
    facts: dict[str, TemplateFacts] = {}
    return grouped([read_sibling(file, facts) for file in files], workers)


def grouped(read: Sequence[Sibling], workers: int) -> tuple[list[list[Sibling]], list[Path]]:
    """*read* as groups of siblings to convert together (in their order within each template)
    and the files to convert on their own. Groups hold up to :data:`MAX_TOGETHER` files, fewer
    when that gives each of the *workers* processes some three groups; a file whose first
    section leaves out a header or footer the one before it has (and would inherit it) starts a
    new group."""
    alone = [sibling.path for sibling in read if sibling.alone]
    templates: dict[str, list[Sibling]] = {}
    for sibling in read:
        if not sibling.alone:
            templates.setdefault(sibling.key, []).append(sibling)
    together = sum(len(members) for members in templates.values() if len(members) > 1)
    size = max(2, min(MAX_TOGETHER, -(-together // (max(1, workers) * 3))))
    groups: list[list[Sibling]] = []
    for members in templates.values():
        run: list[Sibling] = []
        for sibling in members:
            if run and (len(run) >= size or not sibling.first_references >= run[-1].last_references):
                groups.append(run)
                run = []
            run.append(sibling)
        groups.append(run)
    alone += [run[0].path for run in groups if len(run) == 1]
    return [run for run in groups if len(run) > 1], alone


def _template_key(package: DocxPackage, root: etree._Element) -> str:
    """A digest of everything siblings share: every part but the main part and the document
    properties (their bytes, however compressed), the main part's root element (its namespaces
    and attributes) and its children other than the body."""
    digest = hashlib.sha256()
    for name in sorted(package.entries):
        if name == package.main_part or name.startswith("docProps/"):
            continue
        entry = package.entries[name]
        digest.update(f"{name}\0{entry.size}\0".encode())
        digest.update(hashlib.sha256(entry.data()).digest())
    digest.update(repr(sorted((k or "", v) for k, v in root.nsmap.items())).encode())
    digest.update(repr(sorted(root.attrib.items())).encode())
    for child in root:
        if child.tag != _BODY:
            digest.update(etree.tostring(child))
    digest.update(package.main_part.encode())
    return digest.hexdigest()


def _template_facts(package: DocxPackage) -> TemplateFacts:
    """What the shared parts say: their headers' and footers' fields, numbering by style."""
    for _, kind, target in package.relationships(package.main_part):
        if kind.endswith(("/header", "/footer")) and target in package.entries:
            try:
                problem = _fields_problem(parse_xml(package.data(target)))
            except (PackageError, ValueError) as exc:
                problem = f"a header or footer not read ({exc})"
            if problem:
                return TemplateFacts(f"{problem} in {posixpath.basename(target)}")
    styles_part = package.definition_part("styles")
    numbering_part = package.definition_part("numbering")
    try:
        styles = parse_xml(package.data(styles_part)) if styles_part in package.entries else None
        numbering = parse_xml(package.data(numbering_part)) if numbering_part in package.entries else None
    except (PackageError, ValueError) as exc:
        return TemplateFacts(f"styles or numbering not read ({exc})")
    numbered, default = _numbered_styles(styles)
    return TemplateFacts(None, numbered, default, _linked_lists(numbering))


def _numbered_styles(styles: etree._Element | None) -> tuple[frozenset[str], str | None]:
    if styles is None:
        return frozenset(), None
    based: dict[str, str] = {}
    own: set[str] = set()
    default = None
    for style in styles.iter(qn("w:style")):
        if style.get(_TYPE_ATTR) != "paragraph":
            continue
        name = style.get(qn("w:styleId"), "")
        if style.get(qn("w:default")) in ("1", "true", "on"):
            default = name
        parent = style.find(qn("w:basedOn"))
        if parent is not None:
            based[name] = parent.get(_VAL, "")
        if style.find(f"{qn('w:pPr')}/{qn('w:numPr')}") is not None:
            own.add(name)
    numbered = set()
    for name in set(based) | own:
        seen, current = set(), name
        while current and current not in seen:
            if current in own:
                numbered.add(name)
                break
            seen.add(current)
            current = based.get(current, "")
    return frozenset(numbered), default


def _linked_lists(numbering: etree._Element | None) -> frozenset[str]:
    if numbering is None:
        return frozenset()
    linked = {
        abstract.get(qn("w:abstractNumId"))
        for abstract in numbering.iter(qn("w:abstractNum"))
        if abstract.find(qn("w:numStyleLink")) is not None or abstract.find(qn("w:styleLink")) is not None
    }
    found = set()
    for num in numbering.iter(qn("w:num")):
        abstract = num.find(qn("w:abstractNumId"))
        if abstract is not None and abstract.get(_VAL) in linked:
            found.add(num.get(qn("w:numId"), ""))
    return frozenset(found)


def _body_problem(body: etree._Element, sections: list[etree._Element], shared: TemplateFacts) -> str | None:
    """Why this body (its *sections*' properties in order) would lay out differently after
    another document's, or ``None``."""
    children = list(body)
    if not children or children[-1].tag != _SECTPR:
        return "no section properties at the end of the body"
    for element in body.iter(*_ALONE_TAGS):
        return _ALONE_TAGS[element.tag]
    problem = _fields_problem(body)
    if problem:
        return problem
    for link in body.iter(qn("w:hyperlink")):
        if link.get(qn("w:anchor")) is not None:
            return "a link inside the document"
    for index, sect in enumerate(sections):
        kind = sect.find(qn("w:type"))
        if kind is not None and kind.get(_VAL) in ("oddPage", "evenPage"):
            return "a section that starts on an odd or even page"
        numbers = sect.find(qn("w:pgNumType"))
        start = numbers.get(qn("w:start")) if numbers is not None else None
        if start is not None and (index > 0 or not start.isdigit() or int(start) % 2 == 0):
            return "page numbers restarted"
    first = next(body.iter(_P), None)
    if first is None:
        return "no paragraph"
    if first.find(f"{_PPR}/{qn('w:pageBreakBefore')}") is not None:
        return "a page break before the first paragraph"
    if first.find(f"{_PPR}/{qn('w:sectPr')}") is not None or first is children[-2]:
        return "a first paragraph that closes a section"
    if children[0].tag == qn("w:tbl") and children[0].find(f"{qn('w:tblPr')}/{qn('w:tblpPr')}") is not None:
        return "a floating table at the start"
    return _numbering_problem(body, shared)


def _numbering_problem(body: etree._Element, shared: TemplateFacts) -> str | None:
    style_tag, num_tag = qn("w:pStyle"), qn("w:numId")
    for paragraph in body.iter(_P):
        ppr = paragraph.find(_PPR)
        own = ppr.find(qn("w:numPr")) if ppr is not None else None
        if own is not None:
            number = own.find(num_tag)
            if number is not None and number.get(_VAL) in shared.linked_lists:
                return "a list numbered by a list style"
            if number is not None:
                continue
        style = ppr.find(style_tag) if ppr is not None else None
        name = style.get(_VAL) if style is not None else shared.default_style
        if name in shared.styled_numbering:
            return "paragraphs numbered by their style"
    return None


def _fields_problem(part: etree._Element) -> str | None:
    """The first field of *part* that counts or looks across the document, named."""
    codes = [simple.get(qn("w:instr"), "") for simple in part.iter(qn("w:fldSimple"))]
    stack: list[list[str]] = []
    for element in part.iter(qn("w:fldChar"), qn("w:instrText")):
        if element.tag == qn("w:instrText"):
            if stack:
                stack[-1].append(element.text or "")
            continue
        kind = element.get(qn("w:fldCharType"))
        if kind == "begin":
            stack.append([])
        elif kind in ("separate", "end") and stack:
            codes.append("".join(stack[-1]))
            stack[-1] = [] if kind == "separate" else stack[-1]
            if kind == "end":
                stack.pop()
    for code in codes:
        words = code.split()
        if not words:
            continue
        name = words[0].upper()
        if name not in _ALLOWED_FIELDS or (name == "HYPERLINK" and "\\l" in words):
            return f"a {name} field"
    return None


def _references(sect: etree._Element) -> frozenset[str]:
    return frozenset(
        f"{etree.QName(reference).localname}:{reference.get(_TYPE_ATTR, 'default')}"
        for reference in sect
        if reference.tag in _REFERENCES
    )


def _document_info(package: DocxPackage) -> dict[str, str]:
    """Title, author, subject and keywords as LibreOffice puts them in a PDF (empty ones left
    out)."""
    part = package.properties_part
    if part is None or part not in package.entries:
        return {}
    try:
        core = parse_xml(package.data(part))
    except (PackageError, ValueError):
        return {}
    info = {}
    for key, tag in _CORE.items():
        element = core.find(tag)
        if element is not None and (element.text or "").strip():
            info[key] = element.text or ""
    return info

"""render_many: one file per record or one merged document; naming, safety, executors."""

from __future__ import annotations

import io
import re
import zipfile
from concurrent.futures import Executor, Future, ProcessPoolExecutor, ThreadPoolExecutor
from pathlib import Path

import docx
import pytest
from docx.enum.section import WD_ORIENT
from docx.shared import Mm
from hypothesis import given
from hypothesis import strategies as st

from reportkit import Template, UndefinedVariableError, render_many
from reportkit.engine.batch import unique_names
from tests.docx_helpers import body_lines, build, document_text, every_part_parses, to_bytes

PEOPLE = [
    {"ten": n, "dv": "Văn phòng Sở"}
    for n in ["Nguyễn Thị Hương", "Trần Văn Hùng", "Phạm Thị Lan", "Lê Minh Tuấn"]
]


def landscape_template() -> bytes:
    document = docx.Document()
    section = document.sections[0]
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = Mm(297), Mm(210)
    section.left_margin = Mm(25)
    section.header.paragraphs[0].text = "Giấy khen — {{ ten }}"
    document.add_paragraph("GIẤY KHEN")
    document.add_paragraph("{{ ten }}")
    document.add_paragraph("{{ dv }}")
    return to_bytes(document)


def test_one_file_per_record_named_by_pattern(tmp_path: Path) -> None:
    paths = render_many(build(["{{ ten }} — {{ dv }}"]), PEOPLE, tmp_path, filename="{index:02d} {ten}.docx")
    assert [p.name for p in paths] == [
        "01 Nguyễn Thị Hương.docx",
        "02 Trần Văn Hùng.docx",
        "03 Phạm Thị Lan.docx",
        "04 Lê Minh Tuấn.docx",
    ]
    for path, person in zip(paths, PEOPLE, strict=True):
        assert body_lines(path.read_bytes()) == [f"{person['ten']} — {person['dv']}"]


def test_callable_names_unsafe_characters_and_duplicates(tmp_path: Path) -> None:
    paths = render_many(
        build(["{{ ten }}"]),
        [{"ten": "A/B"}, {"ten": "A/B"}, {"ten": 'C:"D"'}],
        tmp_path,
        filename=lambda i, c: c["ten"],
    )
    assert [p.name for p in paths] == ["A_B.docx", "A_B-2.docx", "C_D_.docx"]


def test_existing_files_are_not_overwritten(tmp_path: Path) -> None:
    template = build(["{{ ten }}"])
    render_many(template, PEOPLE[:2], tmp_path)
    before = (tmp_path / "0001.docx").read_bytes()
    with pytest.raises(FileExistsError, match=r"0001.docx"):
        render_many(template, [{"ten": "khác"}] * 3, tmp_path)
    assert (tmp_path / "0001.docx").read_bytes() == before
    assert not (tmp_path / "0003.docx").exists()
    render_many(template, [{"ten": "khác"}] * 2, tmp_path, overwrite=True)
    assert body_lines((tmp_path / "0001.docx").read_bytes()) == ["khác"]


def test_resume_skips_finished_files(tmp_path: Path) -> None:
    template = build(["{{ ten }}"])
    render_many(template, PEOPLE[:2], tmp_path)
    (tmp_path / ".0003.docx.abc.rk-tmp").write_bytes(b"half")
    stamp = (tmp_path / "0001.docx").stat().st_mtime_ns
    progress: list[tuple[int, int]] = []
    paths = render_many(
        template, PEOPLE, tmp_path, resume=True, progress=lambda d, t: progress.append((d, t))
    )
    assert len(paths) == 4 and (tmp_path / "0001.docx").stat().st_mtime_ns == stamp
    assert body_lines((tmp_path / "0004.docx").read_bytes()) == ["Lê Minh Tuấn"]
    assert not list(tmp_path.glob("*.rk-tmp")) and not list(tmp_path.glob(".*.rk-tmp"))
    assert progress[0] == (2, 4) and progress[-1] == (4, 4)


def test_error_names_the_record_and_leaves_no_partial_batch(tmp_path: Path) -> None:
    records = [{"ten": "A"}, {"ten": "B"}, {}, {"ten": "D"}]
    with pytest.raises(UndefinedVariableError, match=r"record 3, word/document.xml, paragraph 1"):
        render_many(build(["{{ ten }}"]), records, tmp_path)
    assert list(tmp_path.iterdir()) == []  # a failed batch leaves nothing behind
    with pytest.raises(UndefinedVariableError, match=r"record 3"):
        render_many(build(["{{ ten }}"]), records, tmp_path, resume=True)
    names = sorted(p.name for p in tmp_path.iterdir())
    assert names == ["0001.docx", "0002.docx"]  # with resume, finished files stay, whole
    for name in names:
        every_part_parses((tmp_path / name).read_bytes())


def test_bad_filename_pattern_names_record(tmp_path: Path) -> None:
    with pytest.raises(Exception, match=r"record 1.*'missing'"):
        render_many(build(["x"]), [{"ten": "A"}], tmp_path, filename="{missing}.docx")


def test_merge_keeps_sections_headers_and_orientation(tmp_path: Path) -> None:
    [path] = render_many(landscape_template(), PEOPLE, tmp_path, merge=True, filename="giay_khen.docx")
    assert path.name == "giay_khen.docx"
    data = path.read_bytes()
    every_part_parses(data)
    document = docx.Document(io.BytesIO(data))
    assert len(document.sections) == 4
    for section, person in zip(document.sections, PEOPLE, strict=True):
        assert section.orientation == WD_ORIENT.LANDSCAPE
        assert round(section.page_width.mm) == 297 and round(section.left_margin.mm) == 25
        assert section.header.paragraphs[0].text == f"Giấy khen — {person['ten']}"
    body = [t for t in document_text(data)["body"] if t]
    assert body == [x for p in PEOPLE for x in ("GIẤY KHEN", p["ten"], p["dv"])]
    xml = zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml").decode()
    assert xml.count('w:val="nextPage"') == 4


def test_merge_record_ending_with_table(tmp_path: Path) -> None:
    template = build(["{{ ten }}"], tables=[[["{{ dv }}"]]])
    [path] = render_many(template, PEOPLE[:3], tmp_path, merge=True)
    document = docx.Document(path)
    assert len(document.sections) == 3 and len(document.tables) == 3


def test_thread_and_process_executors(tmp_path: Path) -> None:
    template = Template(build(["{{ ten }}"]))
    records = [{"ten": f"Người {i}"} for i in range(30)]
    with ThreadPoolExecutor(3) as pool:
        paths = render_many(template, records, tmp_path / "t", executor=pool, chunk_size=4)
    with ProcessPoolExecutor(2) as pool:
        paths_p = render_many(template, records, tmp_path / "p", executor=pool, chunk_size=7)
    for group in (paths, paths_p):
        assert [body_lines(p.read_bytes())[0] for p in group] == [r["ten"] for r in records]


# -- the merged document: text joining against the lxml path ------------------------------------


def _with_last_paragraph(xml: str) -> bytes:
    """A template whose main part is *xml* (a fragment of body children before the sectPr)."""
    data = build(["{{ ten }}"])
    with zipfile.ZipFile(io.BytesIO(data)) as source:
        parts = {n: source.read(n) for n in source.namelist()}
    main = parts["word/document.xml"].decode()
    start = main.index("<w:body>") + len("<w:body>")
    parts["word/document.xml"] = (main[:start] + xml + main[main.index("<w:sectPr") :]).encode()
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as target:
        for name, blob in parts.items():
            target.writestr(name, blob)
    return out.getvalue()


MERGE_SHAPES = {
    "plain paragraphs": None,
    "ends with a table": "table",
    "landscape with tagged header": "landscape",
    "bookmarks": '<w:p><w:bookmarkStart w:id="0" w:name="a"/><w:r><w:t>{{ ten }}</w:t></w:r>'
    '<w:bookmarkEnd w:id="0"/></w:p>',
    "bookmark across paragraphs": '<w:p><w:bookmarkStart w:id="3" w:name="b"/><w:r><w:t>{{ ten }}</w:t></w:r>'
    '</w:p><w:p><w:r><w:t>{{ dv }}</w:t></w:r><w:bookmarkEnd w:id="3"/></w:p>',
    "empty properties": "<w:p><w:pPr/><w:r><w:t>{{ ten }}</w:t></w:r></w:p>",
    "tracked property change": '<w:p><w:pPr><w:jc w:val="center"/><w:pPrChange w:id="9" w:author="A">'
    "<w:pPr/></w:pPrChange></w:pPr><w:r><w:t>{{ ten }}</w:t></w:r></w:p>",
    "text box in the last paragraph": "<w:p><w:r><w:t>{{ ten }}</w:t></w:r></w:p><w:p><w:r><w:pict><v:shape "
    'xmlns:v="urn:schemas-microsoft-com:vml"><v:textbox><w:txbxContent><w:p><w:r><w:t>hộp</w:t></w:r>'
    "</w:p></w:txbxContent></v:textbox></v:shape></w:pict></w:r></w:p>",
    "section break inside": '<w:p><w:pPr><w:sectPr><w:pgSz w:w="11906" w:h="16838"/></w:sectPr></w:pPr></w:p>'
    "<w:p><w:r><w:t>{{ ten }}</w:t></w:r></w:p><w:p><w:pPr><w:sectPr>"
    '<w:pgSz w:w="11906" w:h="16838"/></w:sectPr></w:pPr></w:p>',
}


def _merged_main(template: Template | bytes, tmp_path: Path, name: str) -> str:
    from lxml import etree

    [path] = render_many(template, PEOPLE, tmp_path / name, merge=True)
    data = path.read_bytes()
    every_part_parses(data)
    docx.Document(io.BytesIO(data))
    xml = zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml")
    blank = etree.XMLParser(remove_blank_text=True)  # whitespace between body elements means nothing
    return etree.tostring(etree.fromstring(xml, blank), method="c14n").decode()


@pytest.mark.parametrize("shape", list(MERGE_SHAPES))
def test_merge_joins_text_as_lxml_would(shape: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Records joined as text (the fast path) give the same document as joined by lxml."""
    from reportkit.engine import merge

    fragment = MERGE_SHAPES[shape]
    if fragment is None:
        source: bytes = build(["{{ ten }}", "{{ dv }}"])
    elif fragment == "table":
        source = build(["{{ ten }}"], tables=[[["{{ dv }}"]]])
    elif fragment == "landscape":
        source = landscape_template()
    else:
        source = _with_last_paragraph(fragment)
    fast = _merged_main(Template(source), tmp_path, "fast")
    monkeypatch.setattr(merge, "_split_body", lambda text: None)
    slow = _merged_main(Template(source), tmp_path, "slow")
    assert fast == slow
    assert fast.count('w:val="nextPage"') >= len(PEOPLE)
    starts = re.findall(r'<w:bookmarkStart w:id="(\d+)"', fast)
    assert sorted(starts) == sorted(re.findall(r'<w:bookmarkEnd w:id="(\d+)"', fast))
    assert len(set(starts)) == len(starts)  # each record's bookmarks keep their own ids


# -- streaming batches --------------------------------------------------------------------------


def test_render_each_writes_as_it_goes(tmp_path: Path) -> None:
    from reportkit.engine.batch import render_each

    records = [{"ten": f"Người {i}"} for i in range(50)]
    stream = render_each(build(["{{ ten }}"]), records, tmp_path)
    first = next(stream)
    assert first.name == "0001.docx" and sorted(p.name for p in tmp_path.glob("*.docx")) == ["0001.docx"]
    rest = list(stream)
    assert len(rest) == 49 and body_lines(rest[-1].read_bytes()) == ["Người 49"]


@given(
    st.lists(st.sampled_from(["A.docx", "a.docx", "A-2.docx", "B.docx", "A-3.docx", "b-2.docx"]), max_size=12)
)
def test_names_without_a_list_of_names_stay_distinct_and_stable(names: list[str]) -> None:
    """Above the exact size the names are told apart by digests in a bit table: still N
    distinct names, the same on every run, and untouched when nothing repeats."""
    from reportkit.engine import batch

    exact = unique_names(names)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(batch.BatchNames, "EXACT", 0)
        hashed = unique_names(names)
        assert hashed == unique_names(names)
    assert len({n.lower() for n in hashed}) == len(names) == len(exact)
    if len({n.lower() for n in names}) == len(names):
        assert hashed == names == exact


class _CountingExecutor(Executor):
    """Runs a task when its result is asked for; counts the tasks submitted and not yet run."""

    _max_workers = 2

    def __init__(self) -> None:
        self.pending = 0
        self.most = 0

    def submit(self, fn, /, *args, **kwargs):  # type: ignore[no-untyped-def, override]
        self.pending += 1
        self.most = max(self.most, self.pending)
        executor = self

        class Lazy(Future):  # type: ignore[type-arg]
            def result(self, timeout=None):  # type: ignore[no-untyped-def]
                if not self.done():
                    executor.pending -= 1
                    self.set_result(fn(*args, **kwargs))
                return super().result(timeout)

        return Lazy()


def test_chunks_in_flight_are_bounded(tmp_path: Path) -> None:
    executor = _CountingExecutor()
    records = [{"ten": f"Người {i}"} for i in range(40)]
    paths = render_many(build(["{{ ten }}"]), records, tmp_path, executor=executor, chunk_size=2)
    assert len(paths) == 40 and executor.most == 4  # twice the workers, not the 20 chunks


def test_a_worker_compiles_the_template_once() -> None:
    import pickle

    template = Template(build(["{{ ten }}"]))
    first, second = (pickle.loads(pickle.dumps(template)) for _ in range(2))
    assert first is second and first is not template
    assert first.render({"ten": "A"}) == template.render({"ten": "A"})


class _CountedRecords(list):  # type: ignore[type-arg]
    """A list that counts the passes made over it."""

    passes = 0

    def __iter__(self):  # type: ignore[no-untyped-def]
        self.passes += 1
        return super().__iter__()


@pytest.mark.parametrize(
    ("pattern", "passes"), [("{index:04d}.docx", 1), ("giay_khen_{index}.docx", 1), ("{ten}.docx", 2)]
)
def test_names_pass_only_when_names_could_repeat(tmp_path: Path, pattern: str, passes: int) -> None:
    """Names from the index alone cannot repeat, and an empty folder has nothing to overwrite:
    the first file is then written at once, without a pass over the names."""
    records = _CountedRecords({"ten": f"Người {i}"} for i in range(5))
    render_many(build(["{{ ten }}"]), records, tmp_path, filename=pattern, durable=False)
    assert records.passes == passes

"""Batches fed a generator: read once, each record rendered as it comes (the first file is
written before the second record is read), memory flat whatever the count (issue: speed)."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path

import pytest

from reportkit import Template, render_many
from reportkit.engine.batch import BatchPaths, ExistingFilesError
from reportkit.template import render_each
from tests.conftest import ROOT
from tests.docx_helpers import build, document_text

TEMPLATE = build(["Kính gửi {{ name }}"])


def test_the_first_file_is_written_before_the_second_record_is_read(tmp_path: Path) -> None:
    seen: list[list[str]] = []

    def records() -> Iterator[dict[str, str]]:
        for name in ("An", "Bình", "Chi"):
            seen.append(sorted(p.name for p in tmp_path.glob("*.docx")))
            yield {"name": name}

    paths = render_many(TEMPLATE, records(), tmp_path, durable=False)
    assert seen == [[], ["0001.docx"], ["0001.docx", "0002.docx"]]
    assert [document_text(p.read_bytes())["body"] for p in paths] == [
        ["Kính gửi An"],
        ["Kính gửi Bình"],
        ["Kính gửi Chi"],
    ]


def test_a_generator_that_fails_after_the_first_record_still_yields_the_first_file(tmp_path: Path) -> None:
    def records() -> Iterator[dict[str, str]]:
        yield {"name": "An"}
        raise RuntimeError("the database went away")

    stream = render_each(TEMPLATE, records(), tmp_path)
    first = next(stream)
    assert first.name == "0001.docx" and document_text(first.read_bytes())["body"] == ["Kính gửi An"]
    with pytest.raises(RuntimeError, match="database went away"):
        next(stream)
    assert list(tmp_path.iterdir()) == []  # a failed batch leaves no partial set behind


def test_one_pass_names_stay_distinct(tmp_path: Path) -> None:
    names = ["An", "An", "an", "An-2", "Bình"]
    paths = render_many(
        TEMPLATE, ({"name": n} for n in names), tmp_path, filename="{name}.docx", durable=False
    )
    assert [p.name for p in paths] == ["An.docx", "An-2.docx", "an-3.docx", "An-2-2.docx", "Bình.docx"]
    assert len({p.name.casefold() for p in tmp_path.iterdir()}) == 5


def test_an_existing_file_stops_a_one_pass_batch_and_loses_nothing(tmp_path: Path) -> None:
    (tmp_path / "0002.docx").write_bytes(b"someone's own file")
    with pytest.raises(ExistingFilesError):
        render_many(TEMPLATE, ({"name": n} for n in ("An", "Bình", "Chi")), tmp_path)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["0002.docx"]
    assert (tmp_path / "0002.docx").read_bytes() == b"someone's own file"


def test_the_paths_returned_are_a_compact_sequence(tmp_path: Path) -> None:
    paths = render_many(TEMPLATE, ({"name": str(i)} for i in range(5)), tmp_path, durable=False)
    assert isinstance(paths, BatchPaths) and len(paths) == 5
    expected = [tmp_path / f"{i:04d}.docx" for i in range(1, 6)]
    assert paths == expected and list(paths) == expected
    assert paths[-1] == expected[-1] and paths[1:3] == expected[1:3]
    with pytest.raises(IndexError):
        paths[5]
    named = render_many(TEMPLATE, [{"name": "Ánh"}, {"name": "Ánh"}], tmp_path / "n", filename="{name}.docx")
    assert [p.name for p in named] == ["Ánh.docx", "Ánh-2.docx"]


_MEMORY = textwrap.dedent(
    """
    import json, sys, tempfile, tracemalloc
    sys.path.insert(0, {root!r})
    from tests.docx_helpers import build
    from reportkit import Template, render_many
    template = Template(build(["Kính gửi {{{{ name }}}}, {{{{ unit }}}}"]))
    peaks = {{}}
    for count in (1_000, 10_000):
        with tempfile.TemporaryDirectory() as folder:
            tracemalloc.start()
            records = ({{"name": f"Nguyễn Văn {{i}}", "unit": "Phòng Kế hoạch - Tài chính"}} for i in range(count))
            paths = render_many(template, records, folder, durable=False)
            peaks[count] = tracemalloc.get_traced_memory()[1]
            tracemalloc.stop()
            assert len(paths) == count
    print(json.dumps(peaks))
    """
)


def test_memory_of_a_generator_batch_does_not_grow_with_its_count() -> None:
    script = _MEMORY.format(root=str(ROOT))
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=600, check=True
    )
    peaks = {int(k): v for k, v in json.loads(result.stdout).items()}
    growth = peaks[10_000] - peaks[1_000]
    assert growth < 2 << 20, f"the peak grew by {growth / 1e6:.1f} MB from 1,000 to 10,000 records: {peaks}"


def test_a_sequence_and_a_generator_give_the_same_files(tmp_path: Path) -> None:
    records = [{"name": n} for n in ("An", "Bình", "An")]
    a = render_many(Template(TEMPLATE), records, tmp_path / "a", filename="{name}.docx")
    b = render_many(Template(TEMPLATE), iter(records), tmp_path / "b", filename="{name}.docx")
    assert [p.name for p in a] == [p.name for p in b] == ["An.docx", "Bình.docx", "An-2.docx"]


@pytest.mark.pdf
def test_the_pdf_batch_reads_a_generator_as_its_batches_go(tmp_path: Path) -> None:
    from reportkit.pdf.pages import render_pdfs

    read: list[int] = []

    def records() -> Iterator[dict[str, str]]:
        for number, name in enumerate(("An", "Bình", "Chi", "Dũng", "Giang"), start=1):
            read.append(number)
            yield {"name": name}

    paths = render_pdfs(TEMPLATE, records(), tmp_path, filename="{name}.pdf", batch_size=2, workers=1)
    assert [p.name for p in paths] == ["An.pdf", "Bình.pdf", "Chi.pdf", "Dũng.pdf", "Giang.pdf"]
    for path, name in zip(paths, ("An", "Bình", "Chi", "Dũng", "Giang"), strict=True):
        text = subprocess.run(
            ["pdftotext", str(path), "-"], capture_output=True, text=True, check=True
        ).stdout
        assert text.strip() == f"Kính gửi {name}"
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(p.name for p in paths)  # no staging left

"""The warm LibreOffice processes behind ``to_pdf`` (:class:`reportkit.pdf.ConverterPool`):
kept between calls, started again after many documents or after a failure, stopped when idle,
shared by threads, never killed by a forked child, ended by a cancelled conversion."""

from __future__ import annotations

import os
import threading
import time
from pathlib import Path

import pytest

from reportkit.pdf import ConverterPool, PdfError, to_pdf
from reportkit.pdf import pool as pool_module
from tests.docx_helpers import build
from tests.fake_soffice import child_gone, fake_soffice


def _documents(folder: Path, count: int, prefix: str = "d") -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for index in range(count):
        paths.append(folder / f"{prefix}{index}.docx")
        paths[-1].write_bytes(build([f"Văn bản {prefix} số {index}", "Hết."]))
    return paths


def _pids(pool: ConverterPool) -> list[int]:
    return [office.process.pid for office in pool.offices if office.running and office.process is not None]


@pytest.mark.pdf
def test_the_processes_stay_warm_and_start_again_after_many_documents(tmp_path: Path) -> None:
    files = _documents(tmp_path / "in", 6)
    with ConverterPool(1, recycle_after=4) as pool:
        to_pdf(files[:1], tmp_path / "a", pool=pool)
        first = _pids(pool)
        to_pdf(files[1:3], tmp_path / "b", pool=pool, together=False)
        assert _pids(pool) == first and len(first) == 1  # warm: the same LibreOffice
        to_pdf(files[3:5], tmp_path / "c", pool=pool, together=False)  # 5 documents: a new one
        assert _pids(pool) != first
        folders = [office.folder for office in pool.offices]
    assert not any(folder.exists() for folder in folders)  # closed: profiles removed
    assert all((tmp_path / d / f"{f.stem}.pdf").exists() for d, f in zip("abbcc", files, strict=False))


@pytest.mark.pdf
def test_an_idle_process_stops_and_the_next_call_starts_one(tmp_path: Path) -> None:
    files = _documents(tmp_path / "in", 2)
    with ConverterPool(1, idle_seconds=0.5) as pool:
        to_pdf(files[:1], tmp_path / "a", pool=pool)
        deadline = time.monotonic() + 10
        while _pids(pool) and time.monotonic() < deadline:
            time.sleep(0.1)
        assert _pids(pool) == []
        assert to_pdf(files[1:], tmp_path / "b", pool=pool)[0].read_bytes()[:5] == b"%PDF-"


@pytest.mark.pdf
def test_threads_share_the_processes(tmp_path: Path) -> None:
    results: dict[str, list[Path]] = {}
    errors: list[BaseException] = []

    def convert(name: str) -> None:
        try:
            results[name] = to_pdf(_documents(tmp_path / name, 5, name), tmp_path / f"{name}-pdf", workers=2)
        except BaseException as error:  # reported below
            errors.append(error)

    threads = [threading.Thread(target=convert, args=(name,)) for name in ("x", "y", "z")]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=300)
    assert errors == []
    assert {name: [p.name for p in paths] for name, paths in results.items()} == {
        name: [f"{name}{i}.pdf" for i in range(5)] for name in "xyz"
    }
    assert len(pool_module.shared_pool(workers=2).offices) == 2


@pytest.mark.pdf
def test_a_forked_child_leaves_its_parents_libreoffice_alone(tmp_path: Path) -> None:
    import atexit

    to_pdf(_documents(tmp_path / "in", 1), tmp_path / "pdf", workers=1)
    pool = pool_module.shared_pool(workers=1)
    before = _pids(pool)
    child = os.fork()
    if child == 0:  # the child exits as a process does: its exit handlers run
        try:
            atexit._run_exitfuncs()
        finally:
            os._exit(0)
    os.waitpid(child, 0)
    assert before and _pids(pool) == before
    assert to_pdf(_documents(tmp_path / "more", 1), tmp_path / "pdf2", workers=1)[0].exists()


def test_a_cancelled_conversion_ends_its_libreoffice_call(tmp_path: Path) -> None:
    files = _documents(tmp_path / "in", 1)
    with ConverterPool(1, soffice=str(fake_soffice(tmp_path, "hang"))) as pool:
        conversion = pool.submit(files, tmp_path, timeout=300)
        deadline = time.monotonic() + 20
        while not (tmp_path / "child.pid").exists() and time.monotonic() < deadline:
            time.sleep(0.05)
        started = time.monotonic()
        conversion.cancel()
        assert time.monotonic() - started < 10
        time.sleep(0.2)
        assert child_gone(tmp_path)
        assert not any(office.running for office in pool.offices)


def test_a_closed_pool_refuses_work(tmp_path: Path) -> None:
    pool = ConverterPool(1, soffice=str(fake_soffice(tmp_path, "broken")))
    pool.close()
    with pytest.raises(PdfError, match="closed"):
        pool.convert(_documents(tmp_path / "in", 1), tmp_path)

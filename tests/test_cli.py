"""The command line, run as a user runs it: in a subprocess, on the sample data in tests/data."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import docx
import pytest

from reportkit.resources import example_event
from tests.docx_helpers import body_lines, build

EVENT = example_event()


def run(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, COLUMNS="200", NO_COLOR="1")
    return subprocess.run(
        [sys.executable, "-m", "reportkit", *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        env=env,
        timeout=300,
    )


@pytest.mark.parametrize(
    "name", ["honorees_2015_2020.xlsx", "honorees_2015_2020.csv", "honorees_2015_2020.cp1258.csv"]
)
def test_certificates_from_each_sample(sample_data: Path, tmp_path: Path, name: str) -> None:
    result = run("certificates", str(sample_data / name), "--config", str(EVENT), "-o", str(tmp_path / "gk"))
    assert result.returncode == 0, result.stderr
    files = sorted((tmp_path / "gk").glob("*.docx"))
    assert len(files) == 15
    assert files[12].name == "13 Đặng Thị Ngọc Ánh.docx"
    texts = [p.text.replace("\u00a0", " ") for p in docx.Document(str(files[12])).paragraphs]
    assert "Bà Đặng Thị Ngọc Ánh" in texts and "GIẤY KHEN" in texts


def test_messy_list_is_reported_and_nothing_written(sample_data: Path, tmp_path: Path) -> None:
    out = tmp_path / "gk"
    result = run("certificates", str(sample_data / "honorees_messy.csv"), "-c", str(EVENT), "-o", str(out))
    assert result.returncode == 2
    assert "row 11, column 'Họ và tên / Tên tập thể'" in result.stderr  # STT 10, under the header row
    assert "row 12, column 'Giới tính'" in result.stderr and "'X'" in result.stderr
    assert "row 6" not in result.stderr and "row 7" not in result.stderr and "row 9" not in result.stderr
    assert not out.exists()


@pytest.mark.pdf
def test_merged_certificates_with_pdf_and_jobs(sample_data: Path, tmp_path: Path) -> None:
    result = run(
        "certificates",
        str(sample_data / "honorees_2015_2020.xlsx"),
        "-c",
        str(EVENT),
        "-o",
        str(tmp_path),
        "--merge",
        "--pdf",
    )
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "giay_khen.docx").is_file() and (tmp_path / "pdf" / "giay_khen.pdf").is_file()
    result = run(
        "certificates",
        str(sample_data / "honorees_2015_2020.csv"),
        "-c",
        str(EVENT),
        "-o",
        str(tmp_path / "j"),
        "--jobs",
        "2",
    )
    assert result.returncode == 0, result.stderr
    assert len(list((tmp_path / "j").glob("*.docx"))) == 15


def test_existing_files_need_overwrite_or_resume(sample_data: Path, tmp_path: Path) -> None:
    args = (
        "certificates",
        str(sample_data / "honorees_2015_2020.csv"),
        "-c",
        str(EVENT),
        "-o",
        str(tmp_path),
    )
    assert run(*args).returncode == 0
    again = run(*args)
    assert again.returncode == 2 and "already exist" in again.stderr
    assert run(*args, "--resume").returncode == 0
    assert run(*args, "--overwrite").returncode == 0


def test_decision_and_list(sample_data: Path, tmp_path: Path) -> None:
    result = run(
        "decision",
        str(sample_data / "honorees_2015_2020.xlsx"),
        "-c",
        str(EVENT),
        "-o",
        str(tmp_path / "qd.docx"),
    )
    assert result.returncode == 0, result.stderr
    assert any("04 tập thể và 11 cá nhân" in line for line in body_lines((tmp_path / "qd.docx").read_bytes()))
    result = run(
        "list",
        str(sample_data / "honorees_2015_2020.csv"),
        "-c",
        str(EVENT),
        "-o",
        str(tmp_path / "ds.docx"),
        "--appendix",
        "I",
    )
    assert result.returncode == 0, result.stderr
    assert "Phụ lục I" in body_lines((tmp_path / "ds.docx").read_bytes())


def test_render_a_user_template_per_row(sample_data: Path, tmp_path: Path) -> None:
    template = tmp_path / "mau.docx"
    template.write_bytes(build(["{{ row['Họ và tên / Tên tập thể'] }} — {{ don_vi }}"]))
    result = run(
        "render",
        str(template),
        str(sample_data / "honorees_2015_2020.xlsx"),
        "-o",
        str(tmp_path / "out"),
        "--name",
        "{STT:02d} {Họ và tên / Tên tập thể}.docx",
    )
    assert result.returncode == 0, result.stderr
    files = sorted((tmp_path / "out").glob("*.docx"))
    assert files[4].name == "05 Nguyễn Thị Hương.docx"
    assert body_lines(files[4].read_bytes()) == ["Nguyễn Thị Hương — Văn phòng Sở"]
    result = run(
        "render",
        str(template),
        str(sample_data / "honorees_2015_2020.csv"),
        "-o",
        str(tmp_path / "all.docx"),
        "--merge",
    )
    assert result.returncode == 0, result.stderr
    assert len(docx.Document(str(tmp_path / "all.docx")).sections) == 15


def test_render_reports_template_errors(sample_data: Path, tmp_path: Path) -> None:
    template = tmp_path / "mau.docx"
    template.write_bytes(build(["ok", "{{ khong_co }}"]))
    result = run(
        "render", str(template), str(sample_data / "honorees_2015_2020.csv"), "-o", str(tmp_path / "out")
    )
    assert result.returncode == 2
    assert (
        "record 1, word/document.xml, paragraph 2" in result.stderr
        and "'khong_co' is undefined" in result.stderr
    )


def test_render_yaml_single(tmp_path: Path) -> None:
    template = tmp_path / "t.docx"
    template.write_bytes(build(["{{ ten }} {{ ngay|admin_date }}"]))
    data = tmp_path / "d.yaml"
    data.write_text("ten: Lan\nngay: 2021-01-05\n", encoding="utf-8")
    result = run("render", str(template), str(data), "-o", str(tmp_path / "x.docx"))
    assert result.returncode == 0, result.stderr
    assert body_lines((tmp_path / "x.docx").read_bytes()) == ["Lan ngày 05 tháng 01 năm 2021"]


@pytest.mark.pdf
def test_variables_and_pdf(tmp_path: Path) -> None:
    template = tmp_path / "t.docx"
    template.write_bytes(build(["{{ a }} {% for x in items %}{{ x.b }}{% endfor %}"]))
    result = run("variables", str(template))
    assert result.returncode == 0 and result.stdout.split() == ["a", "items"]
    result = run("pdf", str(template), "-o", str(tmp_path / "pdf"))
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "pdf" / "t.pdf").is_file()


def test_usage_errors_exit_2(tmp_path: Path) -> None:
    assert run("certificates").returncode == 2
    assert run("no-such-command").returncode == 2
    assert run("certificates", "x.csv", "-c", str(EVENT), "--offset", "abc").returncode == 2
    help_text = run("certificates", "--help")
    assert help_text.returncode == 0 and "Example" in help_text.stdout


def test_demo(tmp_path: Path) -> None:
    result = run("demo", str(tmp_path / "pack"), "--no-pdf")
    assert result.returncode == 0, result.stderr
    assert len(list((tmp_path / "pack" / "giay_khen").glob("*.docx"))) == 15
    assert (tmp_path / "pack" / "quyet_dinh_12-QĐ-SCT.docx").is_file()


def test_dask_local_cluster(tmp_path: Path) -> None:
    import dask.distributed as distributed  # the 'dask' extra, installed by the test extra

    from reportkit import Template, render_many

    with (
        distributed.LocalCluster(
            processes=False, n_workers=1, threads_per_worker=2, dashboard_address=None, protocol="tcp"
        ) as cluster,
        distributed.Client(cluster) as client,
    ):
        template = Template(build(["{{ ten }}"]))
        paths = render_many(
            template,
            [{"ten": f"Người {i}"} for i in range(20)],
            tmp_path / "d",
            executor=client.get_executor(),
            chunk_size=6,
        )
        assert [body_lines(p.read_bytes())[0] for p in paths] == [f"Người {i}" for i in range(20)]
        shared = tmp_path / "list.csv"
        shared.write_text("STT,Họ và tên,Giới tính\n1,An,Nam\n2,Bình,Nữ\n", encoding="utf-8")
        result = run(
            "certificates",
            str(shared),
            "-c",
            str(EVENT),
            "-o",
            str(tmp_path / "s"),
            "--scheduler",
            cluster.scheduler_address,
        )
        assert result.returncode == 0, result.stderr
        assert len(list((tmp_path / "s").glob("*.docx"))) == 2


@pytest.mark.pdf
def test_certificates_with_a_pdf_each(sample_data: Path, tmp_path: Path) -> None:
    """`--pdf` without `--merge`: a PDF beside each certificate, cut from one conversion."""
    result = run("certificates", str(EVENT), "-o", str(tmp_path), "--pdf")
    assert result.returncode == 0, result.stderr
    docx_names = sorted(p.stem for p in tmp_path.glob("*.docx"))
    pdf_names = sorted(p.stem for p in (tmp_path / "pdf").glob("*.pdf"))
    assert len(docx_names) == 15 and pdf_names == docx_names
    text = subprocess.run(
        ["pdftotext", str(tmp_path / "pdf" / f"{docx_names[0]}.pdf"), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert "GIẤY KHEN" in text and docx_names[0].split(" ", 1)[1] in " ".join(text.split())

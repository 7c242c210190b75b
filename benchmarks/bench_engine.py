"""Benchmark: reportkit's engine against docxtpl 0.20.x, side by side in one run.

Scenarios (each run in a fresh subprocess so peak memory is its own):

a. N one-page certificates, one file each. docxtpl as its documentation shows: the template is
   loaded for every document (``DocxTemplate(path)``, ``render``, ``save``).
b. The same N certificates in one file. reportkit: ``render_many(..., merge=True)`` (one section
   per record). docxtpl: one render of a template that loops over the records with a page break.
c. One document with a 20,000-row table (``{%tr for %}``).
d. N certificates on the built-in ``giay_khen.docx``, one file each, as ``documents.certificates``
   writes them (the type fitted to one page per honoree, named ``01 Họ và tên.docx``). docxtpl
   renders the same template, loaded per document, with the same contexts prepared before its
   clock (the fitted texts as RichText). Beside them, the floor: per record only the
   template's parts copied raw, one rendered document part deflated and the file written
   atomically.
e. The docxtpl drop-in used the docxtpl way: ``reportkit.compat.docxtpl.DocxTemplate(path)``,
   ``render``, ``save`` for each of N certificates, against docxtpl doing the same (the compiled
   template is cached by content, so the script pays compilation once).

Each engine runs ``--repeat`` times (3), interleaved with the other; prints min and median
seconds, documents/s at the min, the growth of peak RSS over the process after imports (median),
the ratios docxtpl / reportkit at the min and at the median, and the machine. Run:
``python benchmarks/bench_engine.py [--count 1000] [--rows 20000] [--repeat 3]``. Needs docxtpl
(``pip install -e '.[test]'``).
"""

from __future__ import annotations

import argparse
import json
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import docx
from docx.enum.section import WD_ORIENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Mm, Pt
from machine import describe  # benchmarks/machine.py

FIELDS = {
    "authority": "GIÁM ĐỐC SỞ CÔNG THƯƠNG THÀNH PHỐ HẢI PHÒNG",
    "honoree": "Bà Nguyễn Thị Hương",
    "position": "Chuyên viên, Văn phòng Sở",
    "achievement": "Đã có thành tích xuất sắc trong phong trào thi đua giai đoạn 2015 - 2020",
    "place_date": "Hải Phòng, ngày 22 tháng 6 năm 2021",
    "decision": "Quyết định số 12/QĐ-SCT ngày 15/6/2021",
    "register": "125",
    "signer_title": "GIÁM ĐỐC",
    "signer": "Nguyễn Văn A",
}


def certificate_document(loop: bool = False) -> docx.document.Document:
    """A one-page landscape certificate with ten fields (and, for (b), a loop over records)."""
    document = docx.Document()
    section = document.sections[0]
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = Mm(297), Mm(210)
    if loop:
        document.add_paragraph("{%p for c in records %}")

    def line(text: str, size: int = 14, bold: bool = False) -> None:
        p = document.add_paragraph()
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        run = p.add_run(text)
        run.font.name = "Times New Roman"
        run.font.size = Pt(size)
        run.bold = bold

    prefix = "c." if loop else ""
    line("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", 13, True)
    line("Độc lập - Tự do - Hạnh phúc", 14, True)
    line(f"{{{{ {prefix}authority }}}}", 16, True)
    line("TẶNG", 16, True)
    line("GIẤY KHEN", 36, True)
    line(f"{{{{ {prefix}honoree }}}}", 20, True)
    line(f"{{{{ {prefix}position }}}}")
    line(f"{{{{ {prefix}achievement }}}}")
    line(f"{{{{ {prefix}place_date }}}}")
    line(f"{{{{ {prefix}decision }}}} — Số sổ vàng: {{{{ {prefix}register }}}}")
    line(f"{{{{ {prefix}signer_title }}}}", 14, True)
    line(f"{{{{ {prefix}signer }}}}", 14, True)
    if loop:
        document.add_paragraph("{%p if not loop.last %}")
        document.add_paragraph().add_run().add_break(docx.enum.text.WD_BREAK.PAGE)
        document.add_paragraph("{%p endif %}")
        document.add_paragraph("{%p endfor %}")
    return document


def table_document() -> docx.document.Document:
    document = docx.Document()
    table = document.add_table(rows=4, cols=4)
    for c, text in enumerate(["STT", "Họ và tên", "Chức vụ, đơn vị", "Số tiền"]):
        table.cell(0, c).text = text
    table.cell(1, 0).text = "{%tr for r in rows %}"
    for c, text in enumerate(["{{ r.stt }}", "{{ r.name }}", "{{ r.unit }}", "{{ r.amount }}"]):
        table.cell(2, c).text = text
    table.cell(3, 0).text = "{%tr endfor %}"
    return document


def records(count: int) -> list[dict[str, str]]:
    return [dict(FIELDS, honoree=f"Bà Nguyễn Thị Hương {i}", register=str(100 + i)) for i in range(count)]


def rows(count: int) -> list[dict[str, str]]:
    return [
        {
            "stt": str(i),
            "name": f"Nguyễn Văn Thành {i}",
            "unit": "Chuyên viên, Phòng Quản lý Công nghiệp",
            "amount": "447.000",
        }
        for i in range(1, count + 1)
    ]


DURABLE = True


def save(document: docx.document.Document, path: Path) -> Path:
    document.save(str(path))
    return path


def rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


# -- one scenario, in a subprocess -----------------------------------------------------------------


def run_scenario(
    engine: str, scenario: str, count: int, rows_count: int, work: Path, run: int = 0
) -> dict[str, float]:
    if engine == "reportkit":
        import reportkit

        reportkit.Template, reportkit.render_many  # noqa: B018 - load the engine before the clock starts
    else:
        import docxtpl
    base = rss_mb()
    out = work / f"{engine}-{scenario}-{run}"
    out.mkdir(parents=True, exist_ok=True)
    start = time.perf_counter()
    if scenario == "a":
        template_path = work / "certificate.docx"
        if engine == "reportkit":
            reportkit.render_many(reportkit.Template(template_path), records(count), out, durable=DURABLE)
        else:
            for i, record in enumerate(records(count)):
                template = docxtpl.DocxTemplate(str(template_path))
                template.render(record, autoescape=True)
                template.save(str(out / f"{i:04d}.docx"))
        docs = count
    elif scenario == "b":
        if engine == "reportkit":
            reportkit.render_many(
                reportkit.Template(work / "certificate.docx"), records(count), out, merge=True
            )
        else:
            template = docxtpl.DocxTemplate(str(work / "certificate_loop.docx"))
            template.render({"records": records(count)}, autoescape=True)
            template.save(str(out / "merged.docx"))
        docs = count
    elif scenario == "d":
        return certificates_scenario(engine, count, out, base)
    elif scenario == "e":
        # the docxtpl drop-in, used the docxtpl way: a new DocxTemplate(path) per document
        from reportkit.compat import docxtpl as compat

        template_path = work / "certificate.docx"
        if engine == "native":  # the native API's precompiled path, for the drop-in's own ratio
            import reportkit

            native = reportkit.Template(template_path)
            for i, record in enumerate(records(count)):
                native.render(record, out / f"{i:04d}.docx")
            return _timed(start, count, base)
        module = compat if engine == "reportkit" else docxtpl
        for i, record in enumerate(records(count)):
            template = module.DocxTemplate(str(template_path))
            template.render(record, autoescape=True)
            template.save(str(out / f"{i:04d}.docx"))
        docs = count
    else:
        data = {"rows": rows(rows_count)}
        if engine == "reportkit":
            reportkit.Template(work / "table.docx").render(data, out / "table.docx")
        else:
            template = docxtpl.DocxTemplate(str(work / "table.docx"))
            template.render(data, autoescape=True)
            template.save(str(out / "table.docx"))
        docs = 1
    return _timed(start, docs, base)


def _timed(start: float, docs: int, base: float) -> dict[str, float]:
    seconds = time.perf_counter() - start
    peak = rss_mb()
    return {"seconds": seconds, "docs_per_s": docs / seconds, "peak_mb": peak, "growth_mb": peak - base}


def seed_decision(count: int) -> Any:
    """The seed decision with *count* honorees (the seed list repeated, names numbered)."""
    from reportkit.pack import load_event
    from reportkit.resources import example_event

    decision = load_event(example_event()).decision
    honorees = decision.honorees
    assert honorees is not None
    seed = honorees.honorees
    many = []
    for i in range(count):
        h = seed[i % len(seed)]
        if h.person:
            h = h.model_copy(
                update={"person": h.person.model_copy(update={"full_name": f"{h.person.full_name} {i}"})}
            )
        else:
            h = h.model_copy(update={"collective": h.collective.model_copy(update={"name": f"{h.name} {i}"})})
        many.append(h)
    return decision.model_copy(update={"honorees": honorees.model_copy(update={"honorees": many})})


def certificates_scenario(engine: str, count: int, out: Path, base: float) -> dict[str, float]:
    from reportkit import documents
    from reportkit.documents.certificates import certificate_contexts
    from reportkit.resources import builtin_template

    decision = seed_decision(count)
    template_path = builtin_template("giay_khen.docx")
    if engine == "reportkit":
        documents.certificates(decision, out / "warm", merge=True)  # load the template before the clock
        start = time.perf_counter()
        documents.certificates(decision, out / "files")
        seconds = time.perf_counter() - start
    elif engine == "floor":
        from reportkit import Template
        from reportkit.engine.atomic import atomic_write
        from reportkit.engine.media import CURRENT_RENDER, RenderState
        from reportkit.engine.zipio import deflate_entry

        template = Template(template_path)
        main = template.package.main_part
        token = CURRENT_RENDER.set(RenderState())
        try:  # one rendered document part: the floor deflates it and copies the rest raw
            sample = "".join(template.render_part(main, certificate_contexts(decision)[0])).encode("utf-8")
        finally:
            CURRENT_RENDER.reset(token)
        template.package_bytes({main: deflate_entry(main, sample)}, RenderState())  # lay out the prefix
        (out / "files").mkdir()
        start = time.perf_counter()
        for i in range(count):
            data = template.package_bytes({main: deflate_entry(main, sample)}, RenderState())
            atomic_write(out / "files" / f"{i:05d}.docx", data, durable=DURABLE)
        seconds = time.perf_counter() - start
    else:
        import docxtpl

        contexts = certificate_contexts(decision)
        for context in contexts:
            context["fit"] = {
                k: docxtpl.RichText(v.text) if hasattr(v, "text") else v for k, v in context["fit"].items()
            }
        import jinja2

        from reportkit.vn import numeric_date

        environment = jinja2.Environment()
        environment.filters["numeric_date"] = numeric_date
        (out / "files").mkdir()
        start = time.perf_counter()
        for i, context in enumerate(contexts):
            template = docxtpl.DocxTemplate(str(template_path))
            template.render(context, jinja_env=environment, autoescape=True)
            template.save(str(out / "files" / f"{i:05d}.docx"))
        seconds = time.perf_counter() - start
    peak = rss_mb()
    return {"seconds": seconds, "docs_per_s": count / seconds, "peak_mb": peak, "growth_mb": peak - base}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--count", type=int, default=1000)
    parser.add_argument("--rows", type=int, default=20000)
    parser.add_argument("--scenario", choices=["a", "b", "c", "d", "e"], action="append")
    parser.add_argument(
        "--repeat", type=int, default=3, help="Interleaved runs of each engine (min and median)."
    )
    parser.add_argument("--run", type=int, default=0, help=argparse.SUPPRESS)
    parser.add_argument(
        "--no-durable",
        action="store_true",
        help="(a) without flushing the files to disk at the end (docxtpl does not flush either)",
    )
    parser.add_argument("--child", nargs=2, metavar=("ENGINE", "SCENARIO"), help=argparse.SUPPRESS)
    parser.add_argument("--work", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    global DURABLE
    DURABLE = not args.no_durable
    if args.child:
        result = run_scenario(args.child[0], args.child[1], args.count, args.rows, args.work, args.run)
        print(json.dumps(result))
        return
    import docxtpl

    print(f"machine: {describe()}")
    print(f"peer: docxtpl {docxtpl.__version__}")
    print(f"reportkit render_many(durable={DURABLE}): files flushed to disk at the end: {DURABLE}")
    names = {
        "a": f"(a) {args.count} certificates, separate files",
        "b": f"(b) {args.count} certificates, merged",
        "c": f"(c) table of {args.rows} rows",
        "d": f"(d) {args.count} certificates on the built-in giay_khen.docx, separate files",
        "e": f"(e) {args.count} certificates through the docxtpl drop-in, a DocxTemplate(path) each",
    }
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        save(certificate_document(), work / "certificate.docx")
        save(certificate_document(loop=True), work / "certificate_loop.docx")
        save(table_document(), work / "table.docx")
        for scenario in args.scenario or ["a", "b", "c", "d", "e"]:
            engines = {"d": ("reportkit", "docxtpl", "floor"), "e": ("reportkit", "docxtpl", "native")}.get(
                scenario, ("reportkit", "docxtpl")
            )
            runs: dict[str, list[dict[str, float]]] = {engine: [] for engine in engines}
            for run in range(args.repeat):  # interleaved, so that a slow moment hits both
                for engine in engines:
                    command = [
                        sys.executable,
                        __file__,
                        "--child",
                        engine,
                        scenario,
                        "--count",
                        str(args.count),
                        "--rows",
                        str(args.rows),
                        "--work",
                        str(work),
                        "--run",
                        str(run),
                        *(["--no-durable"] if args.no_durable else []),
                    ]
                    done = subprocess.run(command, capture_output=True, text=True, check=True)
                    runs[engine].append(json.loads(done.stdout.strip().splitlines()[-1]))
            print(f"\n{names[scenario]} ({args.repeat} runs each)")
            summary = {}
            for engine, results in runs.items():
                seconds = [r["seconds"] for r in results]
                growth = statistics.median(r["growth_mb"] for r in results)
                summary[engine] = (min(seconds), statistics.median(seconds), growth)
                docs = results[0]["docs_per_s"] * results[0]["seconds"]
                print(
                    f"  {engine:9s}  min {min(seconds):7.2f} s  median {statistics.median(seconds):7.2f} s  "
                    f"{docs / min(seconds):9.1f} docs/s  peak growth +{growth:.1f} MB"
                )
            ours, peer = summary["reportkit"], summary["docxtpl"]
            print(
                f"  ratio: {peer[0] / ours[0]:.1f}x (min), {peer[1] / ours[1]:.1f}x (median); "
                f"peak growth {ours[2] / max(peer[2], 0.1):.2f} of docxtpl's"
            )
            if "native" in summary:
                native = summary["native"]
                print(
                    f"  drop-in / native precompiled Template: {ours[0] / native[0]:.2f} (min), "
                    f"{ours[1] / native[1]:.2f} (median)"
                )
            if "floor" in summary:
                floor = summary["floor"]
                print(
                    f"  reportkit / floor: {ours[0] / floor[0]:.2f} (min), {ours[1] / floor[1]:.2f} (median)"
                )


if __name__ == "__main__":
    main()

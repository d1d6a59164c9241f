"""Benchmark the import library (not a test).

    .venv/bin/python bench/bench_import.py [SHARED_DIR]

Imports the five seed plans and .docx/.xlsx/.pdf versions of their gold tables (generated in a
temporary folder at run time) in one process; prints seconds (wall clock and CPU time of the
process, since the machine may be shared), MB/s, peak memory, and the time pdfplumber alone takes
to extract the same PDF's tables. Each file is timed from cold importer caches, best of
BENCH_ROUNDS (default 3) rounds.
"""

from __future__ import annotations

import io
import json
import multiprocessing
import os
import resource
import sys
import tempfile
import time
import tracemalloc
from html import escape
from pathlib import Path
from typing import Any

from intake.importer.api import import_document

HEADER = ["Ref", "Action", "Action Owner", "Due by", "RAG", "Progress"]


def _rows(gold: dict[str, Any]) -> list[list[str]]:
    return [
        [
            a.get("ref") or "",
            a["text"],
            a.get("owner") or "",
            a.get("due_text") or "",
            a.get("rag") or "",
            a.get("progress") or "",
        ]
        for a in gold["actions"]
    ]


def _docx(rows: list[list[str]]) -> bytes:
    import docx

    document = docx.Document()
    table = document.add_table(rows=1, cols=len(HEADER))
    for cell, text in zip(table.rows[0].cells, HEADER, strict=True):
        cell.text = text
    for row in rows:
        for cell, text in zip(table.add_row().cells, row, strict=True):
            cell.text = text
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _xlsx(rows: list[list[str]]) -> bytes:
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(HEADER)
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _pdf(rows: list[list[str]]) -> bytes:
    from weasyprint import HTML

    body = "".join("<tr>" + "".join(f"<td>{escape(c)}</td>" for c in r) + "</tr>" for r in rows)
    head = "".join(f"<th>{h}</th>" for h in HEADER)
    markup = (
        "<style>@page{size:A4 landscape;margin:1cm} table{border-collapse:collapse;font-size:7pt}"
        f"td,th{{border:1px solid black;padding:2px}}</style><table><tr>{head}</tr>{body}</table>"
    )
    return HTML(string=markup).write_pdf() or b""


def _make_files(shared: Path, seeds: list[Path], folder: Path) -> None:
    for seed in seeds:
        gold = json.loads((shared / "gold" / f"{seed.stem}.json").read_text(encoding="utf-8"))
        rows = _rows(gold)
        for suffix, make in (("docx", _docx), ("xlsx", _xlsx), ("pdf", _pdf)):
            (folder / f"{seed.stem}.{suffix}").write_bytes(make(rows))


def _clear_caches() -> None:
    """Forget what the importer memoised, so each document is timed as a first upload would be."""
    for name, module in list(sys.modules.items()):
        if name.startswith("intake.importer"):
            for value in vars(module).values():
                if callable(getattr(value, "cache_clear", None)):
                    value.cache_clear()


def _plumber(path: Path) -> None:
    import pdfplumber

    with pdfplumber.open(path) as pdf:
        for page in pdf.pages:
            page.extract_tables()


def _timed(run: Any) -> tuple[float, float]:
    """(wall seconds, CPU seconds of this process) of one call."""
    wall, cpu = time.perf_counter(), time.process_time()
    run()
    return time.perf_counter() - wall, time.process_time() - cpu


def main() -> int:
    shared = Path(sys.argv[1] if len(sys.argv) > 1 else os.environ.get("OVERSIGHT_SHARED", "../shared"))
    rounds = int(os.environ.get("BENCH_ROUNDS", "3"))
    seeds = sorted((shared / "seeds").glob("*.txt"))
    if not seeds:
        print(f"no seeds in {shared}", file=sys.stderr)
        return 1
    with tempfile.TemporaryDirectory() as tmp:
        # made in a child process, so that the memory of writing PDFs is not counted as the import's
        maker = multiprocessing.get_context("fork").Process(
            target=_make_files, args=(shared, seeds, Path(tmp))
        )
        maker.start()
        maker.join()
        files: list[Path] = list(seeds)
        files += [Path(tmp) / f"{seed.stem}.{suffix}" for seed in seeds for suffix in ("docx", "xlsx", "pdf")]
        sizes = {path: path.stat().st_size for path in files}
        # Timed passes: each document from cold caches; pdfplumber alone right after each PDF import,
        # so both see the same load on a shared machine. Best of `rounds` per file, wall and CPU.
        best: dict[Path, tuple[float, float]] = {}
        plumber: dict[Path, tuple[float, float]] = {}
        actions: dict[Path, int] = {}
        for _ in range(rounds):
            for path in files:
                _clear_caches()
                wall, cpu = _timed(
                    lambda path=path: actions.__setitem__(path, len(import_document(path).actions))
                )
                old = best.get(path, (float("inf"), float("inf")))
                best[path] = (min(old[0], wall), min(old[1], cpu))
                if path.suffix == ".pdf":
                    wall, cpu = _timed(lambda path=path: _plumber(path))
                    old = plumber.get(path, (float("inf"), float("inf")))
                    plumber[path] = (min(old[0], wall), min(old[1], cpu))
        rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1e3  # before tracemalloc adds its own
        tracemalloc.start()  # a last pass for the peak of Python allocations (tracing slows the code)
        for path in files:
            import_document(path)
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()

    by_kind: dict[str, list[float]] = {}
    for path, (wall, cpu) in best.items():
        row = by_kind.setdefault(path.suffix.lstrip("."), [0, 0.0, 0.0, 0.0, 0])
        row[0] += 1
        row[1] += wall
        row[2] += cpu
        row[3] += sizes[path]
        row[4] += actions[path]
    print(f"best of {rounds} per file; MB/s = size / seconds")
    print(
        f"{'format':<6} {'files':>5} {'wall s':>8} {'CPU s':>8} {'MB':>7} {'MB/s wall':>10} {'MB/s CPU':>9} {'actions':>8}"
    )
    totals = [0, 0.0, 0.0, 0.0, 0]
    for kind, (count, wall, cpu, size, found) in sorted(by_kind.items()):
        totals = [t + v for t, v in zip(totals, (count, wall, cpu, size, found), strict=True)]
        print(
            f"{kind:<6} {int(count):>5} {wall:>8.3f} {cpu:>8.3f} {size / 1e6:>7.3f} {size / 1e6 / wall:>10.2f} "
            f"{size / 1e6 / cpu:>9.2f} {int(found):>8}"
        )
    count, wall, cpu, size, found = totals
    print(
        f"{'all':<6} {int(count):>5} {wall:>8.3f} {cpu:>8.3f} {size / 1e6:>7.3f} {size / 1e6 / wall:>10.2f} "
        f"{size / 1e6 / cpu:>9.2f} {int(found):>8}"
    )
    print(
        f"peak traced memory {peak / 1e6:.1f} MB; max RSS of the importing process {rss:.0f} MB "
        "(the documents are made in a child process)"
    )
    pdf_wall = sum(best[p][0] for p in plumber)
    pdf_cpu = sum(best[p][1] for p in plumber)
    alone_wall = sum(w for w, _ in plumber.values())
    alone_cpu = sum(c for _, c in plumber.values())
    print(
        f"pdf: import {pdf_wall:.3f} s wall / {pdf_cpu:.3f} s CPU; pdfplumber extract_tables alone "
        f"{alone_wall:.3f} s wall / {alone_cpu:.3f} s CPU; ratio {pdf_wall / alone_wall:.2f}x wall, "
        f"{pdf_cpu / alone_cpu:.2f}x CPU"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())

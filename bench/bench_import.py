"""Benchmark the import library (not a test).

    .venv/bin/python bench/bench_import.py [SHARED_DIR]

Imports the five seed plans and .docx/.xlsx/.pdf versions of their gold tables (generated in a
temporary folder at run time) in one process; prints seconds, MB/s, peak memory, and the time
pdfplumber alone takes to extract the same PDF's tables.
"""

from __future__ import annotations

import io
import json
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


def main() -> int:
    shared = Path(sys.argv[1] if len(sys.argv) > 1 else os.environ.get("OVERSIGHT_SHARED", "../shared"))
    seeds = sorted((shared / "seeds").glob("*.txt"))
    if not seeds:
        print(f"no seeds in {shared}", file=sys.stderr)
        return 1
    with tempfile.TemporaryDirectory() as tmp:
        files: list[Path] = list(seeds)
        for seed in seeds:
            gold = json.loads((shared / "gold" / f"{seed.stem}.json").read_text(encoding="utf-8"))
            rows = _rows(gold)
            for suffix, make in (("docx", _docx), ("xlsx", _xlsx), ("pdf", _pdf)):
                path = Path(tmp) / f"{seed.stem}.{suffix}"
                path.write_bytes(make(rows))
                files.append(path)
        tracemalloc.start()  # a first pass for peak memory (tracemalloc slows the code it traces)
        for path in files:
            import_document(path)
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        by_kind: dict[str, list[float]] = {}
        total_bytes = 0
        started = time.perf_counter()
        for path in files:
            t0 = time.perf_counter()
            draft = import_document(path)
            elapsed = time.perf_counter() - t0
            kind = path.suffix.lstrip(".")
            by_kind.setdefault(kind, [0.0, 0.0, 0.0])
            by_kind[kind][0] += elapsed
            by_kind[kind][1] += path.stat().st_size
            by_kind[kind][2] += len(draft.actions)
            total_bytes += path.stat().st_size
        wall = time.perf_counter() - started

        import pdfplumber

        pdfs = [p for p in files if p.suffix == ".pdf"]
        t0 = time.perf_counter()
        for path in pdfs:
            with pdfplumber.open(path) as pdf:
                for page in pdf.pages:
                    page.extract_tables()
        plumber = time.perf_counter() - t0

    print(f"{'format':<6} {'files':>5} {'seconds':>8} {'MB':>7} {'MB/s':>7} {'actions':>8}")
    for kind, (secs, size, actions) in sorted(by_kind.items()):
        count = sum(1 for p in files if p.suffix == f".{kind}")
        print(
            f"{kind:<6} {count:>5} {secs:>8.3f} {size / 1e6:>7.3f} {size / 1e6 / secs:>7.2f} {int(actions):>8}"
        )
    print(f"all    {len(files):>5} {wall:>8.3f} {total_bytes / 1e6:>7.3f} {total_bytes / 1e6 / wall:>7.2f}")
    print(
        f"peak traced memory {peak / 1e6:.1f} MB; max RSS {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1e3:.0f} MB"
    )
    pdf_import = by_kind.get("pdf", [0.0])[0]
    print(
        f"pdf: import {pdf_import:.3f} s, pdfplumber extract_tables alone {plumber:.3f} s, "
        f"ratio {pdf_import / plumber:.2f}x"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())

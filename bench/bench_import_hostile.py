"""Benchmark: the import library on hostile text shaped to make its patterns work hard (not a test).

    .venv/bin/python bench/bench_import_hostile.py

Each input is about 0.5-2.5 MB of lines the importer looks for (labels alone, committee report
headings, column names joined by single spaces, outcome columns left empty, long runs of one word),
imported at two sizes: the seconds of each and their ratio (about 2 for linear time). Prints
figures; asserts nothing (tests never time).
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from intake.importer.api import import_document  # noqa: E402
from intake.importer.errors import IntakeError  # noqa: E402
from intake.importer.model import ImportLimits  # noqa: E402


def labels_alone(n: int) -> str:
    return "".join(
        f"Recommendation {i}\nPartners should review practice number {i}.\n"
        f"Action\tLead\tTimescale\n{i}.1 Do the thing {i}\tHead of Service\tMarch 2025\n"
        for i in range(1, n // 5)
    )


def joined_header(n: int) -> str:
    rows = "".join(f"{i}.1 Train staff in item {i} Head of Service March 2025 Green Done\n" for i in range(n))
    return "Area for development Action Lead Timescale RAG Progress\n" + rows


def outcome_groups(n: int) -> str:
    rows = "".join(
        (f"Priority {i}\tOutcome {i}\t" if i % 7 == 0 else "\t\t")
        + f"Do item {i}\tLead {i}\tMarch 2025\tGreen\n"
        for i in range(n)
    )
    return "Priority\tOutcome\tAction\tLead\tBy when\tRAG\n" + rows


def report_headings(n: int) -> str:
    return "\n".join(
        f"### **{k}. Financial implications**\n\n{k}.1 The Board is asked to note." for k in range(n // 2)
    )


def one_word(n: int) -> str:
    return "Recommendation " * (n * 3) + "\n"


def partnership_lines(n: int) -> str:
    return "Partnership Action Plan\nHarrowdale Safeguarding Children Partnership\n" * (n // 2)


def furniture_tables(n: int) -> str:
    plan = (
        "Ref\tAction\tLead\tBy when\tRAG\n1.1\tAudit strategy meetings\tHead of Service\tMarch 2025\tGreen\n"
    )
    log = "".join(f"0.{i}\t01/0{1 + i % 9}/2024\tJ Smith\tAdded action {i}\n" for i in range(n))
    return plan + "\nVersion\tDate\tAuthor\tChanges\n" + log


CASES: dict[str, Callable[[int], str]] = {
    "labels alone": labels_alone,
    "column names joined by spaces": joined_header,
    "outcome column left empty": outcome_groups,
    "committee report headings": report_headings,
    "one word repeated": one_word,
    "partnership lines": partnership_lines,
    "version table after the plan": furniture_tables,
}


def timed(text: str) -> tuple[float, str]:
    started = time.perf_counter()
    try:
        # no cap on actions: the benchmark reads tens of thousands to show the time grows linearly
        draft = import_document(text.encode(), filename="hostile.txt", limits=ImportLimits(max_actions=10**9))
        outcome = f"{len(draft.actions)} actions, {len(draft.warnings)} warnings"
    except IntakeError as error:
        outcome = f"refused: {str(error)[:60]}"
    return time.perf_counter() - started, outcome


def main() -> None:
    print(
        f"{'input':32s} {'MB':>5s} {'s':>6s} {'MB (x2)':>8s} {'s':>6s} {'ratio':>6s}  result at the larger size"
    )
    for name, make in CASES.items():
        small, large = make(15000), make(30000)
        t_small, _ = timed(small)
        t_large, outcome = timed(large)
        print(
            f"{name:32s} {len(small.encode()) / 1e6:5.2f} {t_small:6.2f} {len(large.encode()) / 1e6:8.2f} "
            f"{t_large:6.2f} {t_large / max(t_small, 1e-6):6.1f}  {outcome}",
            flush=True,
        )


if __name__ == "__main__":
    main()

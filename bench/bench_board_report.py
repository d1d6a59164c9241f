"""Benchmark of the board report: a 300-action plan with 12 months of updates.

    .venv/bin/python bench/bench_board_report.py [--actions 300] [--months 12]

Builds the plan in a throwaway SQLite database (bulk inserts, with history rows so the
"as at" figures work), then times, several runs per format, building the figures and
rendering HTML, PDF, Word and Excel (CPU and wall seconds), and prints the peak memory and a
table judged on the median wall-clock time (CPU seconds, summed over the PDF printer
processes, are printed beside it). Targets (issue 4): HTML < 0.5 s, PDF < 5 s, Word and
Excel < 2 s, peak memory < 500 MB. `--evidence N` attaches N evidence files to each action.
"""

from __future__ import annotations

import argparse
import atexit
import datetime as dt
import os
import random
import resource
import shutil
import statistics
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
if __name__ == "__main__":
    # Only the benchmark itself: the PDF printer processes import this file again when they
    # start (as __mp_main__), and must not each make (and leave) a directory of their own.
    TMP = tempfile.mkdtemp(prefix="bench-report-")
    atexit.register(shutil.rmtree, TMP, ignore_errors=True)
    os.environ["DATABASE_URL"] = f"sqlite:///{TMP}/bench.sqlite3"
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "oversight.settings")

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from django.utils import timezone  # noqa: E402
from simple_history.utils import bulk_create_with_history  # noqa: E402

from plans.models import Action, Agency, Evidence, Partnership, Plan, ProgressUpdate, Section  # noqa: E402

TARGETS = {"html": 0.5, "pdf": 5.0, "docx": 2.0, "xlsx": 2.0}


def build_plan(n_actions: int, months: int, rng: random.Random, evidence: int = 0) -> Plan:
    today = timezone.localdate()
    start = today - dt.timedelta(days=31 * months + 5)
    partnership = Partnership.objects.create(name="Bench Safeguarding Children Partnership", slug="bench")
    agencies = Agency.objects.bulk_create(
        [
            Agency(partnership=partnership, name=n)
            for n in ("Police", "Council", "NHS ICB", "Education", "YJS")
        ]
    )
    plan = Plan.objects.create(partnership=partnership, title="Bench JTAI written statement of action")
    statuses = plan.add_default_rag_scheme()
    sections = []
    for i in range(6):
        top = Section.objects.create(
            plan=plan,
            ref=str(i + 1),
            title=f"Area for development {i + 1}",
            order=i * 10,
            what_needs_to_improve="Timely, consistent multi-agency responses. " * 3,
        )
        sections.append(top)
        for j in range(3):
            sections.append(
                Section.objects.create(
                    plan=plan,
                    parent=top,
                    ref=f"{i + 1}.{j + 1}",
                    title=f"Finding {i + 1}.{j + 1}",
                    order=i * 10 + j + 1,
                )
            )
    leaves = [s for s in sections if s.parent_id]
    actions = [
        Action(
            plan=plan,
            section=leaves[k % len(leaves)],
            ref=f"{k // 10 + 1}.{k % 10 + 1}",
            order=k,
            text="Review the multi-agency escalation process and report its impact to the board. " * 2,
            owner_text="Sussex Police – Jane Smith, Head of Safeguarding",
            lead_agency=agencies[k % 5],
            due_date=start + dt.timedelta(days=rng.randint(60, 31 * months + 120)),
            due_text="",
            constraints="Capacity of the analyst team." if k % 7 == 0 else "",
        )
        for k in range(n_actions)
    ]
    actions = bulk_create_with_history(
        actions, Action, default_date=timezone.make_aware(dt.datetime.combine(start, dt.time(9)))
    )
    actions = list(Action.objects.filter(plan=plan).order_by("pk"))
    # A quarter of the actions had their due date moved once: saved, then recorded in history
    # through django-simple-history's own bulk API, dated on the day the move happened.
    moved = actions[::4]
    for action in moved:
        moved_on = start + dt.timedelta(days=rng.randint(30, 31 * months - 10))
        action.due_date += dt.timedelta(days=60)
        action._history_date = timezone.make_aware(dt.datetime.combine(moved_on, dt.time(12)))
    Action.objects.bulk_update(moved, ["due_date"])
    Action.history.bulk_history_create(moved, update=True)
    updates = []
    for action in actions:
        for m in range(months):
            day = start + dt.timedelta(days=31 * m + rng.randint(0, 20))
            status = statuses[min(3, max(0, int(rng.gauss(1 + m / months * 2, 0.8))))]
            updates.append(
                ProgressUpdate(
                    action=action,
                    date=day,
                    status=status,
                    narrative=f"Month {m + 1}: audit of 20 cases completed; findings shared with the partnership. "
                    * 3,
                )
            )
    ProgressUpdate.objects.bulk_create(updates, batch_size=1000)
    if evidence:
        # The last updates' evidence: a stored file name (the report reads names, not files).
        latest_updates = updates[months - 1 :: months]
        Evidence.objects.bulk_create(
            [
                Evidence(
                    update=u,
                    title=f"Audit {k + 1}",
                    file=f"evidence/1/2026/01/audit-{u.action_id}-{k + 1}.pdf",
                )
                for u in latest_updates
                for k in range(evidence)
            ]
        )
    for action in actions:
        latest = max((u for u in updates if u.action_id == action.pk), key=lambda u: u.date)
        action.status, action.last_update_on = latest.status, latest.date
    Action.objects.bulk_update(actions, ["status", "last_update_on"], batch_size=500)
    return plan


def machine_speed() -> float:
    """CPU seconds of a fixed pure-Python loop (median of three): this shared machine's speed
    drifts by half within an hour, so results are printed beside it to be compared fairly."""
    times = []
    for _ in range(3):
        start = time.process_time()
        sum(i * i for i in range(3_000_000))
        times.append(time.process_time() - start)
    return statistics.median(times)


def printer_status(name: str) -> list[str]:
    """`/proc/<pid>/<name>` of each living PDF printer process (reports/render/pdf_parallel.py):
    they live on between reports, so this process's own rusage never sees them."""
    from reports.render import pdf_parallel

    texts = []
    for pid in list(getattr(pdf_parallel._pool, "_processes", None) or {}):
        try:
            texts.append(Path(f"/proc/{pid}/{name}").read_text())
        except OSError:
            continue
    return texts


def printers_cpu() -> float:
    """CPU seconds used so far by the PDF printer processes (utime + stime of /proc/pid/stat)."""
    total = 0.0
    for stat in printer_status("stat"):
        fields = stat.rpartition(")")[2].split()
        total += (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    return total


def printers_peak_rss_mb() -> list[float]:
    """Peak resident memory (VmHWM) of each PDF printer process, in MB."""
    return [
        int(line.split()[1]) / 1024
        for status in printer_status("status")
        for line in status.splitlines()
        if line.startswith("VmHWM:")
    ]


def timed(label: str, func, *args):  # noqa: ANN001, ANN202
    """Wall-clock seconds (what the user waits), and CPU seconds of this process and of the PDF
    printers (the work done; on a busy shared machine the wall clock is inflated by the load)."""
    start, cpu, printers = time.perf_counter(), time.process_time(), printers_cpu()
    result = func(*args)
    CPU[label] = time.process_time() - cpu + printers_cpu() - printers
    return result, time.perf_counter() - start


CPU: dict[str, float] = {}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--actions", type=int, default=300)
    parser.add_argument("--months", type=int, default=12)
    parser.add_argument("--repeat", type=int, default=5, help="runs per format; the median is judged")
    parser.add_argument("--evidence", type=int, default=0, help="evidence files per action (internal report)")
    parser.add_argument("--formats", default="html,pdf,docx,xlsx", help="comma-separated formats to time")
    parser.add_argument("--profile", choices=["html", "pdf", "docx", "xlsx"], help="profile one renderer")
    args = parser.parse_args()
    call_command("migrate", verbosity=0)
    plan = build_plan(args.actions, args.months, random.Random(4), args.evidence)
    print(
        f"Plan: {plan.actions.count()} actions, {ProgressUpdate.objects.filter(action__plan=plan).count()} "
        f"progress updates, {Action.history.filter(plan_id=plan.pk).count()} history rows"
    )

    from reports.figures import build_report
    from reports.render.docx import render_docx
    from reports.render.html import render_page
    from reports.render.pdf import render_pdf
    from reports.render.xlsx import render_xlsx

    if args.profile:
        import cProfile
        import pstats

        report = build_report(plan=plan)
        renderer = {
            "html": lambda r: render_page(r),
            "pdf": render_pdf,
            "docx": render_docx,
            "xlsx": render_xlsx,
        }[args.profile]
        cProfile.runctx(
            "renderer(report)", globals(), {"renderer": renderer, "report": report}, f"{TMP}/prof"
        )
        pstats.Stats(f"{TMP}/prof").sort_stats("cumulative").print_stats(25)
        return
    with CaptureQueriesContext(connection) as queries:
        report = build_report(plan=plan)
    print(
        f"figures (build_report): {len(queries)} queries, {report.total} actions, {len(getattr(report, 'evidence', []))} evidence"
    )

    renderers = {
        "html": lambda r: render_page(r).encode(),
        "pdf": render_pdf,
        "docx": render_docx,
        "xlsx": render_xlsx,
    }
    renderers = {k: v for k, v in renderers.items() if k in args.formats.split(",")}
    for render in renderers.values():
        render(report)  # warm-up: template loading, fonts, imports happen once per server process
    # Each run times what a user waits for: the figures, then the file. Formats take turns so
    # a burst of other work on the shared machine does not land on one format only.
    runs: dict[str, list[tuple[float, float]]] = {name: [] for name in renderers}
    sizes: dict[str, int] = {}
    load_before, speed_before = os.getloadavg()[0], machine_speed()
    for _ in range(args.repeat):
        for name, render in renderers.items():
            data, wall = timed(name, lambda r=render: r(build_report(plan=plan)))
            runs[name].append((CPU[name], wall))
            sizes[name] = len(data)
    load_after, speed_after = os.getloadavg()[0], machine_speed()
    print(f"load average (1 min) before {load_before:.2f}, after {load_after:.2f} on {os.cpu_count()} cores")
    print(
        f"machine speed (CPU s of a fixed loop; lower is faster): before {speed_before:.3f}, after {speed_after:.3f}"
    )
    failed: list[str] = []
    rows = []
    for name, times in runs.items():
        cpu = sorted(t[0] for t in times)
        wall = sorted(t[1] for t in times)
        median_cpu, median_wall = statistics.median(cpu), statistics.median(wall)
        # Judged on the wall clock: the PDF is printed on every core at once, so its CPU seconds
        # (summed over the processes) exceed the time anybody waits.
        ok = median_wall < TARGETS[name]
        if not ok:
            failed.append(name)
        print(
            f"{name:5} figures + render, {len(times)} runs: CPU {', '.join(f'{t:.2f}' for t in cpu)} s; "
            f"wall {', '.join(f'{t:.2f}' for t in wall)} s; {sizes[name] / 1024:.0f} KB"
        )
        rows.append(
            f"| {name} | {median_wall:.2f} (best {wall[0]:.2f}) | {median_cpu:.2f} (best {cpu[0]:.2f}) "
            f"| < {TARGETS[name]} | {'met' if ok else 'NOT MET'} |"
        )
    print("\n| format | wall s, median | CPU s (all processes), median | target s | |\n|---|---|---|---|---|")
    print("\n".join(rows))
    tracemalloc.start()
    for render in renderers.values():
        render(build_report(plan=plan))
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    printers = printers_peak_rss_mb()
    # Judged on the web process and its PDF printers together: they run at the same time.
    total = rss + sum(printers)
    print(
        f"peak Python memory (tracemalloc): {peak / 2**20:.0f} MB; peak RSS: this process {rss:.0f} MB, "
        f"PDF printer processes {', '.join(f'{p:.0f}' for p in printers) or 'none'} MB; "
        f"together {total:.0f} MB (target < 500 MB) {'OK' if total < 500 else 'HIGH'}"
    )
    # A benchmark reports; it does not fail the run (tests never assert on time).
    missed = [*failed, *(["memory"] if total >= 500 else [])]
    print(f"targets missed: {', '.join(missed)}" if missed else "every target met")


if __name__ == "__main__":
    main()

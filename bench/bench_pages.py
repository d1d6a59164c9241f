"""Benchmark: server time of the main pages against the time of their own SQL and the admin.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/oversight_bench BENCH_SIZE=national \
        .venv/bin/python bench/bench_pages.py [--repeat 50] [--markdown]

Loads the demo dataset of the size BENCH_SIZE names (unless the database already holds it).
Each page is requested in-process (Django test client, so no network noise) `--warmup` times
unmeasured, and the SQL it issues is captured. Then `--repeat` rounds: each round requests
every page once and re-runs every page's captured SELECTs alone once, interleaved, so the
machine's other work weighs on the page and on its SQL alike. Prints p50 and p95 of the server
time, p50 and p95 of the SQL re-run, the number of queries, and p95 / SQL p50 (target: under
3; the stricter reading, judged here) with p95 / SQL p95 beside it (the same percentile on both
sides: the machine's noise lengthens both tails), beside a plain Django admin changelist over the same table (target: slower than every
page), and two floor pages of no work of Oversight's own (a signed-in "ok", the empty base
template) that show what Django alone costs over its SQL. A statement Django reads through a server-side cursor is re-run as its SELECT. Like
the WSGI app (oversight/wsgi.py), objects alive after start-up are frozen out of
the garbage collector's work. Prints figures and the load average; asserts nothing.
"""

from __future__ import annotations

import argparse
import gc
import os
import re
import statistics
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "oversight.settings")
os.environ.setdefault("OVERSIGHT_ENV", "test")

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.contrib.auth import get_user_model  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from django.urls import reverse  # noqa: E402

settings.ALLOWED_HOSTS = ["*"]


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(share * (len(ordered) - 1))))]


# Django reads `.iterator()` querysets through a server-side cursor on PostgreSQL.
DECLARE = re.compile(r'^DECLARE\s+"[^"]+"\s+NO SCROLL CURSOR WITH(?:OUT)? HOLD FOR\s+', re.IGNORECASE)


def selected(sql: str) -> str | None:
    """The SELECT a captured statement runs (a cursor's too), or None for anything else."""
    sql = DECLARE.sub("", sql.lstrip())
    return sql if sql.upper().startswith(("SELECT", "WITH")) else None


@dataclass
class Page:
    name: str
    client: Client
    url: str
    statements: list[str] = field(default_factory=list)
    times: list[float] = field(default_factory=list)
    sql_times: list[float] = field(default_factory=list)

    def prepare(self, warmup: int) -> None:
        """Unmeasured requests first (caches, connections), then the statements of one more."""
        for _ in range(warmup):
            response = self.client.get(self.url)
            if response.status_code != 200:
                raise SystemExit(f"{self.url} answered {response.status_code}")
        with CaptureQueriesContext(connection) as captured:
            self.client.get(self.url)
        self.statements = [select for q in captured.captured_queries if (select := selected(q["sql"]))]

    def measure(self) -> None:
        start = time.perf_counter()
        self.client.get(self.url)
        self.times.append(time.perf_counter() - start)
        # The same statements re-run alone: what the database (and the round trips) cost.
        start = time.perf_counter()
        with connection.cursor() as cursor:
            for sql in self.statements:
                cursor.execute(sql)
                cursor.fetchall()
        self.sql_times.append(time.perf_counter() - start)


def add_floor_pages() -> None:
    """Two pages that do nothing of Oversight's own, as the floor any page stands on: a signed-in
    view answering "ok" (the middleware, the session and the user read), and one rendering the
    empty base template (plus the menu's context processor). Added for this run only."""
    from django.contrib.auth.decorators import login_required
    from django.http import HttpResponse
    from django.shortcuts import render
    from django.urls import clear_url_caches, path

    import oversight.urls

    oversight.urls.urlpatterns[:0] = [
        path("bench-floor/ok/", login_required(lambda request: HttpResponse("ok"))),
        path("bench-floor/base/", login_required(lambda request: render(request, "base.html"))),
    ]
    clear_url_caches()


def signed_in(username: str) -> Client:
    client = Client()
    client.force_login(get_user_model().objects.get(username=username))
    return client


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=50)
    parser.add_argument("--warmup", type=int, default=5)
    parser.add_argument("--markdown", action="store_true", help="also print a table for bench/README.md")
    parser.add_argument(
        "--only", default="", help="measure only the pages whose name contains this (for a profiler run)"
    )
    args = parser.parse_args()
    size = os.environ.get("BENCH_SIZE", "small")

    from plans.models import Action, Plan

    if not get_user_model().objects.filter(username="demo-manager").exists():
        call_command("migrate", verbosity=0)
        started = time.perf_counter()
        call_command("load_demo", "--size", size)
        print(f"loaded BENCH_SIZE={size} in {time.perf_counter() - started:.1f} s")
    print(
        f"database: {connection.vendor}; actions: {Action.objects.count():,}; plans: {Plan.objects.count():,}; "
        f"load average before: {' '.join(f'{x:.2f}' for x in os.getloadavg())}"
    )

    manager = signed_in("demo-manager")
    # My actions as the agency lead: the manager owns no actions, so their page would be empty.
    contributor = signed_in("demo-contributor")
    user = get_user_model().objects.get(username="demo-manager")
    plan = Plan.objects.for_user(user).order_by("pk").first()
    action = Action.objects.for_user(user).order_by("pk").first()
    plan_url = reverse("plans:plan", args=[plan.pk])
    admin_user, _ = get_user_model().objects.get_or_create(
        username="bench-admin", defaults={"is_staff": True, "is_superuser": True}
    )
    admin = Client()
    admin.force_login(admin_user)
    add_floor_pages()
    pages = [
        Page("floor: signed-in 'ok'", manager, "/bench-floor/ok/"),
        Page("floor: empty base template", manager, "/bench-floor/base/"),
        Page("partnership home", manager, reverse("home")),
        Page("plan page (overdue filter, page 2)", manager, f"{plan_url}?overdue=1&page=2"),
        Page("plan page (page 2 of 4, 25 rows)", manager, f"{plan_url}?page=2"),
        Page("plan page (search)", manager, f"{plan_url}?q=review"),
        Page("action page", manager, reverse("plans:action", args=[action.pk])),
        Page("My actions (50 rows)", contributor, reverse("plans:my_actions")),
        Page("API actions list (page 2)", manager, "/api/actions/?page=2"),
        Page("admin changelist (Action, page 2)", admin, "/admin/plans/action/?p=2"),
    ]
    pages = [page for page in pages if args.only in page.name]
    for page in pages:
        page.prepare(args.warmup)
    # What a server process holds after start-up is not garbage: keep the collector off it.
    gc.collect()
    gc.freeze()
    for _ in range(args.repeat):
        for page in pages:
            page.measure()

    ms = 1000
    header = f"{'page':36s} {'p50 ms':>7s} {'p95 ms':>7s} {'SQL p50':>8s} {'SQL p95':>8s} {'queries':>7s} {'p95/SQL':>8s} {'p95/SQLp95':>10s}"
    print(
        f"--repeat {args.repeat}, warm-up {args.warmup}; load average after: {' '.join(f'{x:.2f}' for x in os.getloadavg())}"
    )
    print(header)
    rows = []
    for page in pages:
        p50, p95 = statistics.median(page.times), percentile(page.times, 0.95)
        sql50, sql95 = statistics.median(page.sql_times), percentile(page.sql_times, 0.95)
        ratio = p95 / sql50 if sql50 else float("nan")
        tails = p95 / sql95 if sql95 else float("nan")
        rows.append(
            (page.name, p50 * ms, p95 * ms, sql50 * ms, sql95 * ms, len(page.statements), ratio, tails)
        )
        print(
            f"{page.name:36s} {p50 * ms:7.1f} {p95 * ms:7.1f} {sql50 * ms:8.1f} {sql95 * ms:8.1f} "
            f"{len(page.statements):7d} {ratio:8.1f} {tails:10.1f}"
        )
    if args.markdown:
        print(
            "\n| page | p50 ms | p95 ms | its SQL p50 ms | its SQL p95 ms | queries | p95 / SQL p50 | p95 / SQL p95 |"
        )
        print("|---|---:|---:|---:|---:|---:|---:|---:|")
        for name, p50, p95, sql50, sql95, n, ratio, tails in rows:
            print(
                f"| {name} | {p50:.1f} | {p95:.1f} | {sql50:.1f} | {sql95:.1f} | {n} | {ratio:.1f} | {tails:.1f} |"
            )


if __name__ == "__main__":
    main()

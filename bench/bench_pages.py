"""Benchmark: server time of the main pages against the time of their own SQL and the admin.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/oversight_bench BENCH_SIZE=small \
        .venv/bin/python bench/bench_pages.py [--repeat 30]

Loads the demo dataset of the size BENCH_SIZE names (unless the database already holds it),
then for each page requests it `--repeat` times in-process (Django test client, so no network
noise), and prints p50 and p95 of the server time, beside the time the database spends on the
SQL that page issues (the captured statements re-run on their own) and the p50/p95 of a plain
Django admin changelist over the same table. Prints figures only; asserts nothing.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
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


def time_page(client: Client, url: str, repeat: int) -> tuple[list[float], float, int]:
    """Server times of `repeat` requests, and the time of that page's SQL re-run alone."""
    response = client.get(url)
    if response.status_code != 200:
        raise SystemExit(f"{url} answered {response.status_code}")
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        client.get(url)
        times.append(time.perf_counter() - start)
    with CaptureQueriesContext(connection) as captured:
        client.get(url)
    statements = [q["sql"] for q in captured.captured_queries]
    sql_times = []
    for _ in range(max(3, repeat // 5)):
        start = time.perf_counter()
        with connection.cursor() as cursor:
            for sql in statements:
                if sql.lstrip().upper().startswith(("SELECT", "WITH")):
                    cursor.execute(sql)
                    cursor.fetchall()
        sql_times.append(time.perf_counter() - start)
    return times, statistics.median(sql_times), len(statements)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=30)
    args = parser.parse_args()
    size = os.environ.get("BENCH_SIZE", "small")

    from plans.models import Action, Plan

    if not get_user_model().objects.filter(username="demo-manager").exists():
        call_command("migrate", verbosity=0)
        started = time.perf_counter()
        call_command("load_demo", "--size", size)
        print(f"loaded BENCH_SIZE={size} in {time.perf_counter() - started:.1f} s")
    print(
        f"database: {connection.vendor}; actions: {Action.objects.count():,}; plans: {Plan.objects.count():,}"
    )

    user = get_user_model().objects.get(username="demo-manager")
    client = Client()
    client.force_login(user)
    plan = Plan.objects.for_user(user).order_by("pk").first()
    action = Action.objects.for_user(user).order_by("pk").first()
    plan_url = reverse("plans:plan", args=[plan.pk])
    pages = {
        "partnership home": reverse("home"),
        "plan page (filtered, page 2)": f"{plan_url}?overdue=1&page=2",
        "plan page (search)": f"{plan_url}?q=review",
        "action page": reverse("plans:action", args=[action.pk]),
        "my actions": reverse("plans:my_actions"),
        "API actions list": "/api/actions/?page=2",
    }
    admin_user, _ = get_user_model().objects.get_or_create(
        username="bench-admin", defaults={"is_staff": True, "is_superuser": True}
    )
    admin_client = Client()
    admin_client.force_login(admin_user)
    admin_times, admin_sql, admin_n = time_page(admin_client, "/admin/plans/action/?p=2", args.repeat)

    print(f"{'page':32s} {'p50 ms':>8s} {'p95 ms':>8s} {'SQL ms':>8s} {'queries':>8s} {'p95/SQL':>8s}")
    for name, url in pages.items():
        try:
            times, sql, n = time_page(client, url, args.repeat)
        except SystemExit as exc:
            print(f"{name:32s} skipped: {exc}")
            continue
        p95 = percentile(times, 0.95)
        print(
            f"{name:32s} {statistics.median(times) * 1000:8.1f} {p95 * 1000:8.1f} {sql * 1000:8.1f} {n:8d} "
            f"{p95 / sql if sql else float('nan'):8.1f}"
        )
    print(
        f"{'admin changelist (Action)':32s} {statistics.median(admin_times) * 1000:8.1f} "
        f"{percentile(admin_times, 0.95) * 1000:8.1f} {admin_sql * 1000:8.1f} {admin_n:8d}"
    )


if __name__ == "__main__":
    main()

"""Benchmark: how fast the demo generator loads a national-size dataset (issue 8, item 1).

    createdb -h 127.0.0.1 -U postgres oversight_bench
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/oversight_bench .venv/bin/python manage.py migrate
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/oversight_bench BENCH_SIZE=small \
        .venv/bin/python bench/bench_load_demo.py

BENCH_SIZE: `small` (20 partnerships, 100 plans, 10,000 actions, 200,000 updates; default) or
`national` (200 partnerships, 1,000 plans, 100,000 actions, 2,000,000 updates; PostgreSQL only,
target under 10 minutes). BENCH_UPDATE_HISTORY=0 skips the history rows of progress updates.

Empties the plans tables of that database first (TRUNCATE on PostgreSQL: this is a benchmark
database, every partnership in it goes), then runs `load_demo --size BENCH_SIZE` and prints
the seconds, the rows written per table and rows per second. Prints figures; asserts nothing.
The data is left in place for bench_pages.py.
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "oversight.settings")
os.environ.setdefault("OVERSIGHT_ENV", "test")

import django  # noqa: E402

django.setup()

from django.apps import apps  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402

from plans.demo import SIZES, delete_demo  # noqa: E402


def empty_plans_tables() -> None:
    """Start from nothing, so the figure is the load alone (not a delete of the last run)."""
    if connection.vendor == "postgresql":
        tables = [
            m._meta.db_table for m in apps.get_app_config("plans").get_models(include_auto_created=True)
        ]
        with connection.cursor() as cursor:
            cursor.execute(f"TRUNCATE {', '.join(connection.ops.quote_name(t) for t in tables)} CASCADE")
    else:
        delete_demo()


def table_rows() -> dict[str, int]:
    counts = {}
    with connection.cursor() as cursor:
        for model in apps.get_app_config("plans").get_models(include_auto_created=True):
            cursor.execute(f"SELECT count(*) FROM {connection.ops.quote_name(model._meta.db_table)}")  # noqa: S608
            counts[model._meta.db_table] = cursor.fetchone()[0]
    return counts


def main() -> None:
    size = os.environ.get("BENCH_SIZE", "small")
    if size not in SIZES:
        raise SystemExit(f"BENCH_SIZE must be one of {', '.join(SIZES)}")
    if size == "national" and connection.vendor != "postgresql":
        raise SystemExit("The national size is for PostgreSQL: set DATABASE_URL to a PostgreSQL database.")
    call_command("migrate", verbosity=0)
    empty_plans_tables()
    options = ["--size", size]
    if os.environ.get("BENCH_UPDATE_HISTORY", "1") == "0":
        options.append("--without-update-history")
    print(f"Loading size {size} ({SIZES[size]}) into {connection.vendor} {connection.settings_dict['NAME']}")
    start = time.perf_counter()
    call_command("load_demo", *options)
    seconds = time.perf_counter() - start
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    counts = table_rows()
    rows = sum(counts.values())
    print(f"\n{'table':<45} {'rows':>12}")
    for table, n in sorted(counts.items(), key=lambda item: -item[1]):
        if n:
            print(f"{table:<45} {n:>12,}")
    print(f"\nsize {size}: {rows:,} rows in {seconds:.1f} s = {rows / seconds:,.0f} rows/s")
    print(f"actions {counts['plans_action']:,}, progress updates {counts['plans_progressupdate']:,}")


if __name__ == "__main__":
    main()

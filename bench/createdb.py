"""Create the PostgreSQL database DATABASE_URL names, if it does not exist yet (for `make bench`).

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/oversight_bench_small .venv/bin/python bench/createdb.py

Connects to the server's `postgres` database with the same user and creates the database, so a
fresh checkout runs the benchmarks without a manual `createdb`. Does nothing for SQLite.
"""

from __future__ import annotations

import os
import sys

import dj_database_url
import psycopg
from psycopg import sql


def main() -> None:
    url = os.environ.get("DATABASE_URL", "")
    config = dj_database_url.parse(url) if url else {}
    if "postgresql" not in config.get("ENGINE", ""):
        print(f"Not a PostgreSQL DATABASE_URL ({url or 'unset'}): nothing to create.")
        return
    name = config["NAME"]
    params = {
        "dbname": "postgres",
        "user": config.get("USER") or None,
        "password": config.get("PASSWORD") or None,
        "host": config.get("HOST") or None,
        "port": config.get("PORT") or None,
    }
    with psycopg.connect(**{k: v for k, v in params.items() if v}, autocommit=True) as conn:
        if conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone():
            print(f"Database {name} exists.")
            return
        conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
        print(f"Created database {name}.")


if __name__ == "__main__":
    sys.exit(main())

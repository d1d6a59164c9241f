"""Where a page's time goes, by layer, from a py-spy sampling profile of `bench_pages.py`.

    pip install --target /tmp/pyspy py-spy     # a profiler, not a project dependency
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/oversight_bench /tmp/pyspy/bin/py-spy record \\
        -r 400 -f raw -o /tmp/plan.txt -- .venv/bin/python bench/bench_pages.py \\
        --only "plan page (page 2" --repeat 300
    python3 bench/profile_layers.py /tmp/plan.txt [more files]

Only samples inside Django's request handling count (not the benchmark's SQL re-runs). Each
sample goes to the layer of its innermost frame: waiting for PostgreSQL, the ORM (split into
building querysets, compiling SQL, reading rows into objects and the rest), psycopg, the
template engine, forms, this project's own code, and the rest of Django and the libraries.
Sampling barely slows the program down, unlike cProfile, which inflates code that makes many
small calls (templates, the ORM) and so misleads about their share. Standard library only.
"""

from __future__ import annotations

import re
import sys
from collections import Counter

OURS = re.compile(r"\((plans|governance|oversight|api|reports|scorecard|intake)/")
PACKAGE = re.compile(r"\(([a-z_]+)/(\w+)?")
# Innermost matching frame wins: (layer, marker in the stack).
ORM_STAGES = [
    ("ORM: build querysets", "Query.add_q"),
    ("ORM: build querysets", "QuerySet._chain"),
    ("ORM: build querysets", "Query.clone"),
    ("ORM: compile SQL", "SQLCompiler.as_sql"),
    ("ORM: compile SQL", "SQLCompiler.pre_sql_setup"),
    ("ORM: compile SQL", "SQLCompiler.compile"),
    ("ORM: read rows into objects", "ModelIterable.__iter__"),
    ("ORM: read rows into objects", "Model.from_db"),
    ("ORM: read rows into objects", "results_iter"),
    ("ORM: read rows into objects", "cursor_iter"),
]


def layer(frames: list[str]) -> str:
    stack = ";".join(frames)
    leaf = frames[-1]
    if "Connection.wait" in stack:
        return "PostgreSQL (waiting for it)"
    if OURS.search(leaf):
        return "this project's code"
    found = PACKAGE.search(leaf)
    package, module = (found.group(1), found.group(2) or "") if found else ("", "")
    if package == "psycopg":  # the driver (the SQL re-run pays it too)
        return "psycopg"
    if package == "django" and module == "db" or "(django/db/" in stack:
        best, at = "ORM: other", -1
        for name, marker in ORM_STAGES:
            position = stack.rfind(marker)
            if position > at:
                best, at = name, position
        return best
    in_template = "Template.render" in stack
    if package == "django" and module == "template":
        return "templates (Django's engine)"
    if package == "django" and module == "forms":
        return "forms"
    if in_template:
        return "templates (helpers: escaping, formats)"
    return f"other: {package}.{module}" if package else "other: standard library"


def main(paths: list[str]) -> None:
    for path in paths:
        layers: Counter[str] = Counter()
        total = 0
        with open(path, encoding="utf-8") as samples:
            for line in samples:
                stack, _, count = line.rstrip().rpartition(" ")
                frames = stack.split(";")
                start = next((i for i, f in enumerate(frames) if "BaseHandler.get_response" in f), None)
                if start is None:
                    continue
                total += int(count)
                layers[layer(frames[start:])] += int(count)
        print(f"{path}: {total} samples in request handling")
        for name, count in layers.most_common(16):
            print(f"  {100 * count / total:5.1f}%  {name}")


if __name__ == "__main__":
    main(sys.argv[1:])

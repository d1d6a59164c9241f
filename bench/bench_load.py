"""Bounded load run: gunicorn on loopback, a mix of page reads, API reads and progress updates.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/oversight_bench \
        .venv/bin/python bench/bench_load.py --seconds 600 --clients 4 --workers 2

Starts gunicorn on 127.0.0.1 (only), signs the clients in (a session cookie for the pages, an
API token for the API), and for `--seconds` sends requests from `--clients` threads: about
nine reads (partnership home, plan pages, action pages, My actions, the API action list) to
one write (a progress update POSTed to /api/updates/). A read counts as an error unless it is
a 200, a write unless it is a 201 (so a page answered with a redirect to sign-in is an error,
not a success). Prints requests per second, errors, p50/p95 response time per kind, and each
worker's resident memory sampled every 10 seconds, then each worker's first, last and largest
sample, so growth over the run shows. Stops by itself after the given time or
`--max-requests`. Writes progress updates into the database: use a benchmark database.
Prints figures; asserts nothing.
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import random
import statistics
import subprocess
import sys
import threading
import time
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "oversight.settings")
os.environ.setdefault("OVERSIGHT_ENV", "test")

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY, get_user_model  # noqa: E402
from django.contrib.sessions.backends.db import SessionStore  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.urls import reverse  # noqa: E402
from rest_framework.authtoken.models import Token  # noqa: E402

HOST, PORT = "127.0.0.1", int(os.environ.get("BENCH_PORT", "8765"))
SAMPLE_SECONDS = 10


def rss_mb(pid: int) -> float:
    try:
        with open(f"/proc/{pid}/status", encoding="ascii") as fh:
            for line in fh:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) / 1024
    except FileNotFoundError:  # a worker that has just exited
        pass
    return 0.0


def worker_pids(master: int) -> list[int]:
    out = subprocess.run(
        ["ps", "-o", "pid=", "--ppid", str(master)], capture_output=True, text=True, check=False
    )
    return sorted(int(p) for p in out.stdout.split())


def session_cookie(user: object) -> str:
    """A signed-in session for the pages, as the sign-in form would leave it."""
    session = SessionStore()
    session[SESSION_KEY] = str(user.pk)  # type: ignore[attr-defined]
    session[BACKEND_SESSION_KEY] = settings.AUTHENTICATION_BACKENDS[-1]
    session[HASH_SESSION_KEY] = user.get_session_auth_hash()  # type: ignore[attr-defined]
    session.save()
    return f"{settings.SESSION_COOKIE_NAME}={session.session_key}"


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(share * (len(ordered) - 1))))] if ordered else 0.0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=int, default=60)
    parser.add_argument("--clients", type=int, default=4)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--max-requests", type=int, default=200_000)
    args = parser.parse_args()

    from plans.models import Action, Plan

    call_command("migrate", verbosity=0)
    call_command("load_demo", "--if-empty")
    user = get_user_model().objects.get(username="demo-manager")
    token, _ = Token.objects.get_or_create(user=user)
    cookie = session_cookie(user)
    plans = list(Plan.objects.for_user(user).values_list("pk", flat=True))
    actions = list(Action.objects.for_user(user).values_list("pk", flat=True)[:2000])
    reads = [reverse("home"), reverse("plans:my_actions"), "/api/actions/", "/api/actions/?page=2"]
    reads += [reverse("plans:plan", args=[pk]) for pk in plans]
    reads += [f"{reverse('plans:plan', args=[pk])}?page=2" for pk in plans]
    reads += [f"{reverse('plans:plan', args=[pk])}?overdue=1" for pk in plans]

    env = dict(os.environ, OVERSIGHT_ENV="test", ALLOWED_HOSTS=HOST)
    server = subprocess.Popen(  # noqa: S603 - fixed arguments, loopback only
        [
            str(ROOT / ".venv/bin/gunicorn"),
            "oversight.wsgi",
            "-w",
            str(args.workers),
            "-b",
            f"{HOST}:{PORT}",
            "--log-level",
            "warning",
        ],
        cwd=ROOT,
        env=env,
    )
    counts: Counter[str] = Counter()
    latencies: dict[str, list[float]] = defaultdict(list)
    memory: list[tuple[float, list[float]]] = []
    failures: Counter[str] = Counter()
    try:
        for _ in range(150):
            try:
                probe = http.client.HTTPConnection(HOST, PORT, timeout=1)
                probe.request("GET", "/sign-in/")
                probe.getresponse().read()
                break
            except OSError:
                time.sleep(0.2)
        api_headers = {"Authorization": f"Token {token.key}", "Accept": "application/json"}
        page_headers = {"Cookie": cookie}
        lock = threading.Lock()
        stop_at = time.monotonic() + args.seconds

        def client(seed: int) -> None:
            rng = random.Random(seed)
            conn = http.client.HTTPConnection(HOST, PORT, timeout=30)
            while time.monotonic() < stop_at and sum(counts.values()) < args.max_requests:
                if rng.random() < 0.1:
                    kind, expected, method = "write", 201, "POST"
                    path = "/api/updates/"
                    body = json.dumps(
                        {
                            "action": rng.choice(actions),
                            "status": rng.choice(["red", "amber", "green"]),
                            "narrative": "Load test update",
                            "date": time.strftime("%Y-%m-%d"),
                        }
                    )
                    headers = {**api_headers, "Content-Type": "application/json"}
                else:
                    kind, expected, method, body = "read", 200, "GET", None
                    path = rng.choice(reads + [reverse("plans:action", args=[rng.choice(actions)])])
                    headers = api_headers if path.startswith("/api/") else page_headers
                started = time.perf_counter()
                try:
                    conn.request(method, path, body, headers)
                    response = conn.getresponse()
                    response.read()
                    status = response.status
                except (OSError, http.client.HTTPException) as exc:
                    conn.close()
                    conn = http.client.HTTPConnection(HOST, PORT, timeout=30)
                    status = type(exc).__name__
                took = time.perf_counter() - started
                with lock:
                    if status == expected:
                        counts[kind] += 1
                        latencies[kind].append(took)
                    else:
                        counts[f"{kind} error"] += 1
                        failures[f"{method} {path.split('?')[0]} -> {status}"] += 1

        threads = [threading.Thread(target=client, args=(i,)) for i in range(args.clients)]
        started = time.monotonic()
        for t in threads:
            t.start()
        while any(t.is_alive() for t in threads):
            memory.append((time.monotonic() - started, [rss_mb(p) for p in worker_pids(server.pid)]))
            for t in threads:
                t.join(timeout=SAMPLE_SECONDS / len(threads))
        elapsed = time.monotonic() - started
        memory.append((elapsed, [rss_mb(p) for p in worker_pids(server.pid)]))
    finally:
        server.terminate()
        server.wait(timeout=30)

    total = sum(counts.values())
    errors = sum(v for k, v in counts.items() if "error" in k)
    print(
        f"{total} requests in {elapsed:.0f} s with {args.clients} clients and {args.workers} workers: "
        f"{total / elapsed:.1f} req/s; {dict(counts)}; errors {errors}; "
        f"load average {' '.join(f'{x:.2f}' for x in os.getloadavg())}"
    )
    for kind, values in sorted(latencies.items()):
        print(
            f"  {kind}: p50 {statistics.median(values) * 1000:.0f} ms, "
            f"p95 {percentile(values, 0.95) * 1000:.0f} ms, max {max(values) * 1000:.0f} ms"
        )
    for failure, n in failures.most_common(10):
        print(f"  error x{n}: {failure}")
    print("worker memory (RSS, MB) every ~10 s:")
    for at, sizes in memory:
        print(f"  t={at:6.0f}s  " + "  ".join(f"{m:6.1f}" for m in sizes))
    columns = list(zip(*[sizes for _, sizes in memory if sizes], strict=False))
    for i, samples in enumerate(columns):
        first, last, top = samples[0], samples[-1], max(samples)
        print(f"worker {i + 1}: first {first:.1f} MB, last {last:.1f} MB, largest {top:.1f} MB")


if __name__ == "__main__":
    main()

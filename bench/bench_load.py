"""Bounded load run: gunicorn on loopback, a mix of page reads and progress updates.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/oversight_bench \
        .venv/bin/python bench/bench_load.py --seconds 600 --clients 4 --workers 2

Starts gunicorn on 127.0.0.1 (only), signs clients in, and for `--seconds` sends requests
from `--clients` threads: about nine reads (home, plan page, action page, My actions, API
list) to one write (a progress update through the API). Prints requests per second, errors,
and each worker's resident memory sampled every 10 seconds, so growth over the run shows.
It stops by itself after the given time or `--max-requests`. Prints figures; asserts nothing.
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import random
import subprocess
import sys
import threading
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "oversight.settings")
os.environ.setdefault("OVERSIGHT_ENV", "test")

import django  # noqa: E402

django.setup()

from django.contrib.auth import get_user_model  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.urls import reverse  # noqa: E402
from rest_framework.authtoken.models import Token  # noqa: E402

HOST, PORT = "127.0.0.1", int(os.environ.get("BENCH_PORT", "8765"))


def rss_mb(pid: int) -> float:
    with open(f"/proc/{pid}/status", encoding="ascii") as fh:
        for line in fh:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return 0.0


def worker_pids(master: int) -> list[int]:
    out = subprocess.run(
        ["ps", "-o", "pid=", "--ppid", str(master)], capture_output=True, text=True, check=False
    )
    return [int(p) for p in out.stdout.split()]


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
    plans = list(Plan.objects.for_user(user).values_list("pk", flat=True))
    actions = list(Action.objects.for_user(user).values_list("pk", flat=True)[:2000])
    reads = [reverse("home"), reverse("plans:my_actions"), "/api/actions/"]
    reads += [reverse("plans:plan", args=[pk]) for pk in plans]
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
    try:
        for _ in range(100):
            try:
                http.client.HTTPConnection(HOST, PORT, timeout=1).request("GET", "/sign-in/")
                break
            except OSError:
                time.sleep(0.2)
        headers = {"Authorization": f"Token {token.key}", "Accept": "application/json"}
        counts: Counter[str] = Counter()
        lock = threading.Lock()
        stop_at = time.monotonic() + args.seconds
        memory: list[tuple[float, list[float]]] = []

        def client(seed: int) -> None:
            rng = random.Random(seed)
            conn = http.client.HTTPConnection(HOST, PORT, timeout=30)
            while time.monotonic() < stop_at and sum(counts.values()) < args.max_requests:
                try:
                    if rng.random() < 0.1:
                        body = json.dumps(
                            {
                                "action": rng.choice(actions),
                                "narrative": "Load test update",
                                "date": time.strftime("%Y-%m-%d"),
                            }
                        )
                        conn.request(
                            "POST", "/api/updates/", body, {**headers, "Content-Type": "application/json"}
                        )
                        kind = "write"
                    else:
                        path = rng.choice(reads + [reverse("plans:action", args=[rng.choice(actions)])])
                        conn.request("GET", path, headers=headers)
                        kind = "read"
                    response = conn.getresponse()
                    response.read()
                    ok = response.status < 400
                except (OSError, http.client.HTTPException):
                    conn.close()
                    conn = http.client.HTTPConnection(HOST, PORT, timeout=30)
                    ok = False
                with lock:
                    counts[kind if ok else f"{kind} error"] += 1

        threads = [threading.Thread(target=client, args=(i,)) for i in range(args.clients)]
        started = time.monotonic()
        for t in threads:
            t.start()
        while any(t.is_alive() for t in threads):
            memory.append((time.monotonic() - started, [rss_mb(p) for p in worker_pids(server.pid)]))
            time.sleep(min(10, max(1, args.seconds / 10)))
        elapsed = time.monotonic() - started
    finally:
        server.terminate()
        server.wait(timeout=30)

    total = sum(counts.values())
    errors = sum(v for k, v in counts.items() if "error" in k)
    print(
        f"{total} requests in {elapsed:.0f} s: {total / elapsed:.1f} req/s; {dict(counts)}; errors {errors}"
    )
    print("worker memory (MB) over the run:")
    for at, sizes in memory:
        print(f"  t={at:6.0f}s  " + "  ".join(f"{m:6.1f}" for m in sizes))


if __name__ == "__main__":
    main()

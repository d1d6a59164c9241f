"""`python manage.py load_demo`: build the demo partnership and print the demo logins.

The four demo logins (password `oversight-demo`) are created here and nowhere else.
`make run` calls `load_demo --if-empty` every time: when the demo partnership exists it only
prints the logins. Bigger sizes (`--size small|national`, or `--partnerships/--plans/--actions/
--updates`) add more partnerships for the benchmarks.

After the core demo is built, every installed app with a module `<app>.demo` that has
`extend_demo(partnership, plans, rng)` is called, so governance, scorecard and the rest add
their own demo data.
"""

from __future__ import annotations

import datetime as dt
import importlib
import importlib.util
import random
from typing import Any

from django.apps import apps
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import transaction

from plans.demo import (
    DEMO_PARTNERSHIP_NAME,
    SIZES,
    DemoResult,
    DemoSize,
    DemoUsers,
    build_demo,
    delete_demo,
    demo_partnership,
)
from plans.models import Membership, Partnership, Person, Role

DEMO_PASSWORD = "oversight-demo"  # noqa: S105 - the demo's published password, demo data only
# (username, role, who they are)
DEMO_LOGINS: list[tuple[str, str, str]] = [
    ("demo-admin", Role.ADMIN, "partnership business manager: users, agencies, plans"),
    ("demo-manager", Role.MANAGER, "plan manager: edits plans, sections and actions"),
    ("demo-contributor", Role.CONTRIBUTOR, "agency lead: updates their own actions"),
    ("demo-viewer", Role.VIEWER, "board member: reads everything, changes nothing"),
]

# Names shown beside their updates and decisions (the contributor takes their person's name).
DEMO_NAMES = {
    "demo-admin": ("Sam", "Okafor"),
    "demo-manager": ("Priya", "Shah"),
    "demo-viewer": ("Tom", "Reid"),
}


def demo_users() -> dict[str, Any]:
    """The demo logins, created (or reset to the demo password) here only."""
    user_model = get_user_model()
    users = {}
    for username, _role, _who in DEMO_LOGINS:
        user, _ = user_model.objects.get_or_create(
            username=username, defaults={"email": f"{username}@example.org"}
        )
        user.set_password(DEMO_PASSWORD)
        user.is_active = True
        if username in DEMO_NAMES:
            user.first_name, user.last_name = DEMO_NAMES[username]
        user.save()
        users[username] = user
    return users


def grant_roles(result: DemoResult, users: dict[str, Any]) -> None:
    for username, role, _who in DEMO_LOGINS:
        agency = result.contributor_agency if role == Role.CONTRIBUTOR else None
        Membership.objects.update_or_create(
            user=users[username], partnership=result.partnership, defaults={"role": role, "agency": agency}
        )
    person = result.contributor_person
    person.user = users["demo-contributor"]
    person.save(update_fields=["user"])
    contributor = users["demo-contributor"]
    contributor.first_name, _, contributor.last_name = person.name.partition(" ")
    contributor.save(update_fields=["first_name", "last_name"])


def extend_demo(partnership: Partnership, plans: list[Any], seed: int) -> list[str]:
    """Call `<app>.demo.extend_demo(partnership, plans, rng)` for each installed app that has it."""
    extended = []
    for config in apps.get_app_configs():
        module_name = f"{config.name}.demo"
        if config.name == "plans" or importlib.util.find_spec(module_name) is None:
            continue
        hook = getattr(importlib.import_module(module_name), "extend_demo", None)
        if hook is None:
            continue
        # Each app gets its own random stream, so one app's demo does not shift another's.
        hook(partnership, plans, random.Random(f"{seed}:{config.label}"))
        extended.append(config.label)
    return extended


class Command(BaseCommand):
    help = "Load the demo partnership (or a bigger dataset) and print the demo logins."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--if-empty", action="store_true", help="Do nothing if the demo partnership exists."
        )
        parser.add_argument(
            "--replace", action="store_true", help="Delete the demo data first, then load it."
        )
        parser.add_argument(
            "--size",
            choices=sorted(SIZES),
            default="demo",
            help="demo (one partnership, about 150 actions), small or national.",
        )
        for name, what in [
            ("partnerships", "partnerships"),
            ("plans", "plans in total"),
            ("actions", "actions in total"),
            ("updates", "progress updates in total"),
        ]:
            parser.add_argument(f"--{name}", type=int, help=f"Number of {what} (overrides --size).")
        parser.add_argument("--seed", type=int, default=2024, help="Random seed (same seed, same data).")
        parser.add_argument("--today", type=dt.date.fromisoformat, help="Build as if today were YYYY-MM-DD.")
        parser.add_argument(
            "--without-update-history",
            action="store_true",
            help="Skip the history rows of progress updates (faster for very large sizes).",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if settings.PRODUCTION:
            # its logins' password is published in the README: never beside children's case detail
            raise CommandError(
                "The demo partnership is not loaded when OVERSIGHT_ENV=production: its logins' password "
                "is published. Use a development or test database for the demo."
            )
        existing = demo_partnership()
        if existing is not None and options["if_empty"]:
            self.stdout.write(f"{DEMO_PARTNERSHIP_NAME} is already loaded.")
            self.print_logins()
            return
        if existing is not None and not options["replace"]:
            raise CommandError(f"{DEMO_PARTNERSHIP_NAME} already exists: use --replace to load it again.")
        preset = SIZES[options["size"]]
        try:
            size = DemoSize(
                partnerships=options["partnerships"] or preset.partnerships,
                plans=options["plans"] if options["plans"] is not None else preset.plans,
                actions=options["actions"] if options["actions"] is not None else preset.actions,
                updates=options["updates"] if options["updates"] is not None else preset.updates,
            )
        except ValueError as exc:
            raise CommandError(str(exc)) from exc
        if size.updates is not None and size.actions is None:
            raise CommandError("Give --actions with --updates.")
        with transaction.atomic():
            if existing is not None:
                delete_demo()
            users = demo_users()
            result = build_demo(
                size,
                seed=options["seed"],
                today=options["today"],
                users=DemoUsers(manager=users["demo-manager"], contributor=users["demo-contributor"]),
                with_update_history=not options["without_update_history"],
            )
            grant_roles(result, users)
            extended = extend_demo(result.partnership, result.plans, options["seed"])
        rows = sum(result.counts.values())
        self.stdout.write(
            f"Loaded {DEMO_PARTNERSHIP_NAME}: {size.partnerships} partnership(s), "
            f"{result.counts.get('plans.Plan', 0)} plans, {result.counts.get('plans.Action', 0)} actions, "
            f"{result.counts.get('plans.ProgressUpdate', 0)} progress updates "
            f"({rows} rows in {result.seconds:.1f} s)."
        )
        if extended:
            self.stdout.write(f"Demo data added by: {', '.join(extended)}.")
        self.print_logins(result.contributor_person)

    def print_logins(self, person: Person | None = None) -> None:
        if person is None:
            person = Person.objects.filter(user__username="demo-contributor").select_related("agency").first()
        self.stdout.write(self.style.SUCCESS(f"Demo logins (password: {DEMO_PASSWORD}):"))
        for username, _role, who in DEMO_LOGINS:
            detail = who
            if username == "demo-contributor" and person is not None:
                detail = f"{who} ({person.name}, {person.job_title}, {person.agency})"
            self.stdout.write(f"  {username:<18} {detail}")

"""Every URL of the service, every role, the expected answer: the authorisation matrix.

HOW TO EXTEND (a new page or endpoint makes `test_every_url_pattern_is_in_the_table` fail):
add one entry to `TABLE` below, keyed by the url name:

    "app:name": page(obj="action"),                 # an object page every member reads
    "app:name": page(obj="plan", who=MANAGERS),     # only managers and admins; others 403
    "app:name": [page(obj="action", ...), page(obj="council_action", ...)]  # several cases

`obj` names one of the objects `Things` builds (world objects plus a board, meeting, round,
sign-off, import, measure, evidence file; add one there if needed); it fills every argument
of the url. `who` is the set of roles answered 200 (the rest of the members get 403);
`anonymous` defaults to a redirect to sign-in (pages; 403 for a form sent) or 401 (API); `outsider` (an admin
of another partnership) defaults to 404 when `obj` belongs to the world's partnership.
`method="post"` sends an empty form: allowed roles get 200 (the form again, with errors) or
400, never a change. `ok` overrides the code allowed roles get (e.g. 302 for a redirect).
`expect={...}` overrides any role's code outright. `data` is the body (a dict, or a function
of `Things` when it needs ids). `query` is added to the url; `{slug}` in
it becomes the world partnership's slug.

The walk sends every request inside a rolled-back savepoint, so a DELETE or POST by one
role never changes what the next role sees; all differences are collected and reported
together as one table.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

import pytest
from django.apps import apps
from django.core.files.base import ContentFile
from django.db import transaction
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.utils import timezone
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from plans import models
from plans.tests import factories

ROLES = ["anonymous", "viewer", "contributor", "manager", "admin", "outsider"]
MEMBERS = {"viewer", "contributor", "manager", "admin"}
MANAGERS = {"manager", "admin"}
UPDATERS = {"contributor", "manager", "admin"}  # for the contributor's own (police) action
ADMINS = {"admin"}
ANYONE_SIGNED_IN = MEMBERS | {"outsider"}
NOT_ALLOWED = dict.fromkeys(UPDATERS | {"outsider"}, 405)
SKIPPED_PREFIXES = ("admin/", "static/", "media/", "__debug__/")
SIGN_IN = "/sign-in/"
# Written into the world partnership's plan, section, actions, update, board and measure: no
# page or API answer the outsider (another partnership's admin) gets may contain it.
MARKER = "Zebracrossing"
SEARCH = f"search={MARKER}&q={MARKER}"


@dataclass
class Case:
    """One request (url name + object + method) and the answer expected for each role."""

    obj: str | None = None
    who: set[str] = field(default_factory=lambda: set(MEMBERS))
    method: str = "get"
    api: bool = False
    ok: int | tuple[int, ...] = 200
    expect: dict[str, int | tuple[int, ...]] = field(default_factory=dict)
    query: str = ""
    data: dict[str, Any] | Callable[[Things], dict[str, Any]] | None = None
    fresh_session: bool = False  # for requests that end the session (sign out)
    public: bool = False  # open to anyone: a redirect is the page's own, not to sign-in

    def expected(self, role: str, obj_is_ours: bool) -> int | tuple[int, ...]:
        if role in self.expect:
            return self.expect[role]
        if role == "anonymous":
            # a page sends someone signed out to sign in; a form they send is refused with a page
            # saying they were signed out, their words given back (QA round 10)
            return 401 if self.api else 403 if self.method == "post" else 302
        if role == "outsider" and obj_is_ours:
            return 404
        if role in self.who:
            return self.ok
        return 403


def page(**kwargs: Any) -> Case:
    return Case(**kwargs)


def api(**kwargs: Any) -> Case:
    return Case(api=True, **kwargs)


# Reads of API objects: every member 200, outsider 404; PATCH with an empty body: allowed roles
# `patched` (200: nothing to change; 400 where a field is required, like an action's version),
# refused 403. DELETE is answered 204 for managers (rolled back afterwards).
def api_object(
    obj: str,
    writers: set[str] = MANAGERS,
    methods: tuple[str, ...] = ("get", "patch", "delete"),
    patched: int = 200,
) -> list:
    cases = []
    for method in methods:
        if method == "get":
            cases.append(api(obj=obj))
        elif method == "delete":
            cases.append(api(obj=obj, method="delete", who=writers, ok=204))
        else:
            cases.append(api(obj=obj, method=method, who=writers, ok=patched, data={}))
    return cases


def api_list(creators: set[str] = MANAGERS, create: bool = True) -> list:
    cases = [api(who=ANYONE_SIGNED_IN), api(who=ANYONE_SIGNED_IN, query=f"search={MARKER}")]
    if create:
        # An empty body: allowed roles get 400 (what is missing); viewers are refused first.
        cases.append(api(method="post", who=creators | {"outsider"}, ok=400, data={}))
    return cases


def new_update(things: Things, action: str) -> dict[str, Any]:
    return {"action": things.get(action).pk, "status": "red", "narrative": "Audit done."}


TABLE: dict[str, Case | list[Case]] = {
    # --- oversight: sign-in, home ---------------------------------------------------------
    "login": page(expect=dict.fromkeys(ROLES, 200)),
    "logout": page(method="post", expect=dict.fromkeys(ROLES, 302), fresh_session=True),
    "home": [page(who=ANYONE_SIGNED_IN), page(who=ANYONE_SIGNED_IN, query=SEARCH)],
    # --- plans: the tracker ---------------------------------------------------------------
    "plans:plan": page(obj="plan"),
    # The confirmation page, then the deletion itself (302 home; rolled back after each role).
    "plans:delete_plan": [
        page(obj="plan", who=MANAGERS),
        page(obj="plan", who=MANAGERS, method="post", ok=302),
        # A plan with an area the board has signed off: a plan manager is told why not, and refused.
        page(obj="signed_off_plan", who=MANAGERS),
        page(obj="signed_off_plan", who=ADMINS, method="post", ok=302),
    ],
    "plans:action": page(obj="action"),
    "plans:add_update": [
        page(obj="action", who=UPDATERS),
        page(obj="action", who=UPDATERS, method="post"),
        # A contributor cannot change another agency's action (GET or POST).
        page(obj="council_action", who=MANAGERS),
        page(obj="council_action", who=MANAGERS, method="post"),
    ],
    "plans:edit_action": [
        page(obj="action", who=MANAGERS),
        page(obj="action", who=MANAGERS, method="post"),
    ],
    "plans:edit_section": [
        page(obj="section", who=MANAGERS),
        page(obj="section", who=MANAGERS, method="post"),
    ],
    "plans:add_section": [
        page(obj="plan", who=MANAGERS),
        page(obj="plan", who=MANAGERS, method="post"),
    ],
    "plans:add_action": [
        page(obj="plan", who=MANAGERS),
        page(obj="plan", who=MANAGERS, method="post"),
    ],
    "plans:edit_plan": [
        page(obj="plan", who=MANAGERS),
        page(obj="plan", who=MANAGERS, method="post"),
    ],
    # The confirmation page, then the removal itself (302 to the plan; rolled back after each role).
    "plans:delete_action": [
        page(obj="action", who=MANAGERS),
        page(obj="action", who=MANAGERS, method="post", ok=302),
    ],
    # The update's author (the contributor), plan managers and admins; an empty form is refused.
    "plans:withdraw_update": [
        page(obj="update", who=UPDATERS),
        page(obj="update", who=UPDATERS, method="post"),
    ],
    "plans:evidence": page(obj="evidence"),
    "plans:my_actions": [page(who=ANYONE_SIGNED_IN), page(who=ANYONE_SIGNED_IN, query=SEARCH)],
    # --- accounts: partnership administration, by its admins ---------------------------------
    "accounts:manage": page(obj="partnership", who=ADMINS),
    "accounts:add_agency": [
        page(obj="partnership", who=ADMINS),
        page(obj="partnership", who=ADMINS, method="post"),
    ],
    "accounts:edit_agency": [page(obj="agency", who=ADMINS), page(obj="agency", who=ADMINS, method="post")],
    "accounts:add_person": [
        page(obj="partnership", who=ADMINS),
        page(obj="partnership", who=ADMINS, method="post"),
    ],
    "accounts:edit_person": [page(obj="person", who=ADMINS), page(obj="person", who=ADMINS, method="post")],
    "accounts:add_member": [
        page(obj="partnership", who=ADMINS),
        page(obj="partnership", who=ADMINS, method="post"),
    ],
    "accounts:add_existing_member": [
        page(obj="partnership", who=ADMINS),
        page(obj="partnership", who=ADMINS, method="post"),
    ],
    "accounts:edit_member": [page(obj="member", who=ADMINS), page(obj="member", who=ADMINS, method="post")],
    # The confirmation page, then the removal itself (302; rolled back after each role).
    "accounts:remove_member": [
        page(obj="member", who=ADMINS),
        page(obj="member", who=ADMINS, method="post", ok=302),
    ],
    # The link of a "set your password" email works signed in or not; this one is out of date.
    "accounts:set_password": page(obj="set_password_link", expect=dict.fromkeys(ROLES, 200)),
    "accounts:set_password_done": page(expect=dict.fromkeys(ROLES, 200)),
    # A forgotten password: asked for signed in or not; an unknown address gets the same answer.
    "accounts:forgotten_password": [
        page(expect=dict.fromkeys(ROLES, 200)),
        page(
            method="post", data={"email": "nobody@example.org"}, expect=dict.fromkeys(ROLES, 302), public=True
        ),
    ],
    "accounts:forgotten_password_sent": page(expect=dict.fromkeys(ROLES, 200)),
    # One's own password: anyone signed in, members of no partnership too.
    "accounts:change_password": [
        page(who=ANYONE_SIGNED_IN),
        page(method="post", who=ANYONE_SIGNED_IN, data={}),
    ],
    # --- intake: importing a plan ---------------------------------------------------------
    "intake:upload": page(who=MANAGERS | {"outsider"}),
    "intake:batch": page(obj="batch", who=MANAGERS),
    "intake:status": page(obj="batch", who=MANAGERS),
    # Discarding an import before it is saved (302 to the upload page; rolled back after each role).
    "intake:discard": page(obj="batch", who=MANAGERS, method="post", ok=302),
    # --- governance -----------------------------------------------------------------------
    "governance:index": page(who=ANYONE_SIGNED_IN),
    "governance:new_board": page(obj="partnership", who=MANAGERS),
    "governance:board": page(obj="board"),
    "governance:edit_board": page(obj="board", who=MANAGERS),
    "governance:meeting": page(obj="meeting"),
    "governance:plan": page(obj="plan"),
    "governance:open_round": page(obj="plan", who=MANAGERS),
    "governance:change_stage": page(obj="plan", who=MANAGERS, method="post"),
    "governance:versions": page(obj="plan"),
    "governance:new_clock": page(obj="plan", who=MANAGERS),
    "governance:edit_clock": page(obj="clock", who=MANAGERS),
    "governance:round": page(obj="round"),
    # Closing a round early: plan managers (302 to the round; rolled back after each role).
    "governance:close_round": page(obj="round", who=MANAGERS, method="post", ok=302),
    "governance:propose_sign_off": page(obj="section", who=MANAGERS),
    "governance:record_decision": page(obj="sign_off", who=MANAGERS),
    # Reopening a signed-off area: admins only (the fixture's section is signed off).
    "governance:reopen_sign_off": page(obj="signed_off_section", who=ADMINS),
    # --- reports --------------------------------------------------------------------------
    "reports:index": page(who=ANYONE_SIGNED_IN),
    "reports:plan_report": page(obj="plan"),
    "reports:plan_report_download": page(obj="plan_xlsx"),
    "reports:public_report": page(obj="plan"),
    "reports:public_settings": page(obj="plan", who=MANAGERS, method="post", ok=302),
    "reports:partnership_report": page(obj="partnership"),
    "reports:partnership_report_download": page(obj="partnership_xlsx"),
    # --- scorecard ------------------------------------------------------------------------
    "scorecard:index": page(who=ANYONE_SIGNED_IN),
    "scorecard:add_measure": page(who=MANAGERS, query="partnership={slug}", expect={"outsider": 404}),
    "scorecard:import_tables": page(who=MANAGERS, query="partnership={slug}", expect={"outsider": 404}),
    "scorecard:measure": page(obj="measure"),
    "scorecard:edit_measure": page(obj="measure", who=MANAGERS),
    "scorecard:add_value": page(obj="measure", who=MANAGERS),
    "scorecard:upload": page(obj="measure", who=MANAGERS),
    "scorecard:export_csv": page(obj="measure"),
    "scorecard:export_xlsx": page(obj="measure"),
    # --- api --------------------------------------------------------------------------------
    "api:api-root": api(who=ANYONE_SIGNED_IN),
    "api:schema": api(who=ANYONE_SIGNED_IN),
    "api:docs": page(who=ANYONE_SIGNED_IN),
    "api:token": page(method="post", who=ANYONE_SIGNED_IN),
    "api:revoke_token": page(method="post", who=ANYONE_SIGNED_IN, ok=302),
    "api:plan_export_csv": api(obj="plan"),
    "api:plan_export_json": api(obj="plan"),
    "api:plan-list": api_list(),
    "api:plan-detail": api_object("plan"),
    "api:section-list": api_list(),
    "api:section-detail": api_object("section"),
    "api:action-list": api_list(),
    "api:action-detail": [
        *api_object("action", patched=400),
        # A contributor cannot change any action's own fields, even their agency's.
        api(obj="council_action", method="patch", who=MANAGERS, ok=400, data={}),
    ],
    "api:update-list": [
        *api_list(creators=UPDATERS),
        # A progress update on the contributor's own agency's action, then on another agency's:
        # the outsider cannot even name the action (400: it does not exist for them).
        api(
            method="post",
            who=UPDATERS,
            ok=201,
            expect={"outsider": 400},
            data=lambda t: new_update(t, "action"),
        ),
        api(
            method="post",
            who=MANAGERS,
            ok=201,
            expect={"outsider": 400},
            data=lambda t: new_update(t, "council_action"),
        ),  # fmt: skip
    ],
    "api:update-detail": [
        api(obj="update"),
        # Updates are a dated record: the API adds them but never edits or deletes them.
        # Viewers are refused before the method is looked at (DRF checks permissions first).
        api(obj="update", method="patch", expect={**NOT_ALLOWED, "viewer": 403}, data={}),
        api(obj="update", method="delete", expect={**NOT_ALLOWED, "viewer": 403}),
    ],
    # The update's author (the contributor), plan managers and admins; an empty reason is refused.
    "api:update-withdraw": api(obj="update", method="post", who=UPDATERS, ok=400, data={}),
    "api:agency-list": api_list(create=False),
    "api:agency-detail": api(obj="agency"),
    "api:measure-list": api_list(create=False),
    "api:measure-detail": api(obj="measure"),
    # values take no search: a filter they do take, and an unknown one refused for everyone (400)
    "api:measure-value-list": [
        api(who=ANYONE_SIGNED_IN),
        api(who=ANYONE_SIGNED_IN, query="period__gte=2025-04-01"),
        api(who=ANYONE_SIGNED_IN, query=f"search={MARKER}", ok=400, expect={"outsider": 400}),
    ],
    "api:measure-value-detail": api(obj="value"),
}


class Things:
    """The objects urls are filled with, all in the world's partnership, built on first use."""

    def __init__(self, world: Any) -> None:
        self.world = world
        self.cache: dict[str, Any] = {}
        for obj, attr in [
            (world.plan, "title"),
            (world.police_action.section, "title"),
            (world.police_action, "text"),
            (world.council_action, "text"),
        ]:
            setattr(obj, attr, f"{getattr(obj, attr)} {MARKER}")
            obj.save()

    def get(self, name: str) -> Any:
        if name not in self.cache:
            self.cache[name] = getattr(self, f"make_{name}")()
        return self.cache[name]

    def kwargs(self, name: str | None, pattern_args: list[str]) -> dict[str, Any]:
        if name is None:
            return {}
        value = self.get(name)
        if isinstance(value, dict):  # the url's arguments themselves
            return {arg: value[arg] for arg in pattern_args}
        extra = {}
        if isinstance(value, tuple):  # (object, format)
            value, extra = value[0], {"fmt": value[1]}
        return {arg: extra.get(arg, value.pk) for arg in pattern_args if arg != "format"}

    def partnership_of(self, name: str | None) -> int | None:
        if name is None:
            return None
        obj = self.get(name)
        obj = obj[0] if isinstance(obj, tuple) else obj
        if isinstance(obj, dict):
            return None
        if isinstance(obj, models.Partnership):
            return obj.pk
        path = type(obj).objects.all().partnership_path
        return type(obj).objects.filter(pk=obj.pk).values_list(path, flat=True).first()

    # world objects
    def make_partnership(self) -> Any:
        return self.world.partnership

    def make_partnership_xlsx(self) -> Any:
        return (self.world.partnership, "xlsx")

    def make_plan(self) -> Any:
        return self.world.plan

    def make_plan_xlsx(self) -> Any:
        return (self.world.plan, "xlsx")

    def make_action(self) -> Any:
        return self.world.police_action

    def make_council_action(self) -> Any:
        return self.world.council_action

    def make_section(self) -> Any:
        return self.world.police_action.section

    def make_agency(self) -> Any:
        return self.world.police

    def make_person(self) -> Any:
        return factories.PersonFactory(
            partnership=self.world.partnership, agency=self.world.police, name=f"Jo Bloggs {MARKER}"
        )

    def make_member(self) -> Any:
        return models.Membership.objects.get(user=self.world.viewer, partnership=self.world.partnership)

    def make_set_password_link(self) -> Any:
        # The viewer's, with a token that was never issued (a link used already or out of date).
        return {
            "uidb64": urlsafe_base64_encode(force_bytes(self.world.viewer.pk)),
            "token": "cz1h2k-0123456789abcdef",
        }

    def make_update(self) -> Any:
        return factories.ProgressUpdateFactory(
            action=self.world.police_action, author=self.world.contributor, narrative=f"Audit done {MARKER}"
        )

    def make_evidence(self) -> Any:
        evidence = models.Evidence(update=self.get("update"), title="Audit report")
        evidence.file.save("audit.txt", ContentFile(b"Audit of the front door"), save=True)
        return evidence

    # other apps' objects: built from their models, so this file needs no other test helpers
    def make_board(self) -> Any:
        board = apps.get_model("governance", "Board").objects.create(
            partnership=self.world.partnership, name=f"Executive {MARKER}"
        )
        board.plans.add(self.world.plan)
        return board

    def make_meeting(self) -> Any:
        return apps.get_model("governance", "Meeting").objects.create(
            board=self.get("board"), date=dt.date(2025, 5, 1)
        )

    def make_round(self) -> Any:
        return apps.get_model("governance", "UpdateRound").objects.create(
            plan=self.world.plan,
            deadline=dt.date(2030, 1, 1),
            opened_by=self.world.manager,
            opened_at=timezone.now(),
        )

    def make_clock(self) -> Any:
        return apps.get_model("governance", "StatutoryClock").objects.create(
            plan=self.world.plan,
            label="Written statement of action",
            start=dt.date(2025, 1, 6),
            working_days=70,
        )

    def make_sign_off(self) -> Any:
        # A section of its own: one awaiting the board's decision cannot be proposed again, and
        # the "section" probes must still reach the proposal form.
        section = self.world.plan.sections.create(ref="9", title=f"Signed-off area {MARKER}", order=9)
        return apps.get_model("governance", "SignOff").objects.create(
            section=section, proposed_by=self.world.manager, proposed_on=dt.date(2025, 5, 1),
            evidence="Audit shows the front door works.",
        )  # fmt: skip

    def make_signed_off_section(self) -> Any:
        # an area signed off, in a plan of its own: the other probes' plan and section stay open
        plan = models.Plan.objects.create(partnership=self.world.partnership, title=f"Older plan {MARKER}")
        return plan.sections.create(
            ref="8", title=f"Addressed area {MARKER}", signed_off_on=dt.date(2025, 5, 1)
        )

    def make_signed_off_plan(self) -> Any:
        return self.get("signed_off_section").plan

    def make_batch(self) -> Any:
        return apps.get_model("intake", "ImportBatch").objects.create(
            partnership=self.world.partnership, user=self.world.manager, filename="plan.docx"
        )

    def make_value(self) -> Any:
        source = apps.get_model("scorecard", "Source").objects.create(
            partnership=self.world.partnership, name="Performance report"
        )
        return apps.get_model("scorecard", "Value").objects.create(
            measure=self.get("measure"), period=dt.date(2025, 4, 1), number=12, source=source
        )

    def make_measure(self) -> Any:
        return apps.get_model("scorecard", "Measure").objects.create(
            partnership=self.world.partnership, name=f"Strategy meetings held within 3 days {MARKER}"
        )


def walk(
    patterns: list, prefix: str = "", namespace: str | None = None
) -> Iterator[tuple[str, str, list[str]]]:
    """(route, url name, argument names) of every pattern, depth first."""
    for pattern in patterns:
        route = prefix + str(pattern.pattern)
        if isinstance(pattern, URLResolver):
            ns = namespace
            if pattern.namespace:
                ns = f"{namespace}:{pattern.namespace}" if namespace else pattern.namespace
            yield from walk(pattern.url_patterns, route, ns)
        elif isinstance(pattern, URLPattern):
            name = f"{namespace}:{pattern.name}" if namespace and pattern.name else (pattern.name or "")
            yield route, name, list(pattern.pattern.regex.groupindex)


def project_routes() -> list[tuple[str, str, list[str]]]:
    return [r for r in walk(get_resolver().url_patterns) if not r[0].startswith(SKIPPED_PREFIXES)]


def cases_for(name: str) -> list[Case]:
    entry = TABLE[name]
    return entry if isinstance(entry, list) else [entry]


def test_every_url_pattern_is_in_the_table():
    missing = sorted({name or route for route, name, _ in project_routes() if name not in TABLE})
    assert not missing, (
        "These url patterns are not in the authorisation matrix; add each to TABLE in "
        f"api/tests/test_authorisation_matrix.py with the answer each role should get: {missing}"
    )


def test_the_table_names_only_url_patterns_that_exist():
    names = {name for _, name, _ in project_routes()}
    assert not sorted(set(TABLE) - names), "Remove or rename these TABLE entries"


def answer_matches(response: Any, expected: int | tuple[int, ...], role: str, case: Case) -> bool:
    codes = expected if isinstance(expected, tuple) else (expected,)
    if response.status_code not in codes:
        return False
    if role == "anonymous" and response.status_code == 302 and not case.api and not case.public:
        return response["Location"].startswith(SIGN_IN)
    return True


@pytest.fixture
def clients(world: Any) -> dict[str, Callable[[], Client]]:
    def signed_in(user: Any) -> Callable[[], Client]:
        def make() -> Client:
            client = Client()
            if user is not None:
                client.force_login(user)
            return client

        return make

    return {role: signed_in(None if role == "anonymous" else getattr(world, role)) for role in ROLES}


def test_every_route_answers_every_role_as_the_table_says(world, clients, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    things = Things(world)
    sessions = {role: make() for role, make in clients.items()}
    problems: list[str] = []
    checked = 0
    marker_seen_by_members = 0
    for _route, name, args in project_routes():
        if name not in TABLE:
            continue  # reported by test_every_url_pattern_is_in_the_table
        for case in cases_for(name):
            kwargs = things.kwargs(case.obj, args)
            if "format" in args:
                kwargs["format"] = "json"
            query = case.query.format(slug=world.partnership.slug)
            url = reverse(name, kwargs=kwargs) + (f"?{query}" if query else "")
            ours = things.partnership_of(case.obj) == world.partnership.pk
            for role in ROLES:
                expected = case.expected(role, ours)
                session = clients[role]() if case.fresh_session else sessions[role]
                send = getattr(session, case.method)
                data = case.data(things) if callable(case.data) else case.data
                with transaction.atomic():
                    if case.api and data is not None:
                        response = send(url, data, content_type="application/json")
                    else:
                        response = send(url, data or {})
                    transaction.set_rollback(True)
                checked += 1
                body = b"" if response.streaming else response.content
                if role == "outsider" and MARKER.encode() in body:
                    problems.append(
                        f"{case.method.upper():6} {url:55} outsider sees the other partnership's data"
                    )
                if role in MEMBERS and MARKER.encode() in body:
                    marker_seen_by_members += 1
                if not answer_matches(response, expected, role, case):
                    where = response.get("Location", "")
                    problems.append(
                        f"{case.method.upper():6} {url:55} {role:11} expected {expected}, got "
                        f"{response.status_code} {where}".rstrip()
                    )
    assert checked > 0
    assert marker_seen_by_members > 10  # the leak check can see the data where it belongs
    assert not problems, f"{len(problems)} of {checked} answers differ from the table:\n" + "\n".join(
        problems
    )

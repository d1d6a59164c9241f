"""Every page and API endpoint issues the same number of queries for few and many actions.

Issue 8, item 3. The test walks the project's url patterns (like the authorisation matrix),
so a new route makes `test_every_url_pattern_is_counted_or_said_why_not` fail until it is
added to COUNTED (with the object its url needs) or to NOT_COUNTED (with the reason).

The data grows between the two measurements in every direction a page lists: more actions
in the world's plan (each with a person and an agency as owners, two progress updates with
evidence, and history), and more plans of the partnership, each with its own actions, put on
the partnership's boards and linked to its measures.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

import pytest
from django.apps import apps
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from api.tests.test_authorisation_matrix import Things, project_routes
from plans import models
from plans.tests import factories


@dataclass(frozen=True)
class Probe:
    """One GET of a url name: the object that fills its arguments, who asks, the query string."""

    obj: str | None = None
    role: str = "manager"
    # Formatted with the world's ids: {police}, {plan}, {slug}.
    query: str = ""


PLAN_FILTERS = "status=red&agency={police}&overdue=on&q=review"
API_FILTERS = "plan={plan}&agency={police}&status=red&overdue=true&search=review"

COUNTED: dict[str, list[Probe]] = {
    "home": [Probe()],
    "plans:plan": [
        Probe(obj="plan"),
        Probe(obj="plan", query=PLAN_FILTERS),
        Probe(obj="plan", query="as_at=2024-02-15"),
        Probe(obj="plan", query="page=2", role="viewer"),
    ],
    "plans:delete_plan": [
        Probe(obj="plan"),
        Probe(obj="plan", role="admin"),
        Probe(obj="signed_off_plan"),  # the plan manager told why not
    ],
    "plans:action": [Probe(obj="action"), Probe(obj="action", role="contributor")],
    "plans:add_update": [Probe(obj="action", role="contributor")],
    "plans:edit_action": [Probe(obj="action")],
    "plans:edit_section": [Probe(obj="section")],
    "plans:add_section": [Probe(obj="plan")],
    "plans:add_action": [Probe(obj="plan")],
    "plans:edit_plan": [Probe(obj="plan")],
    "plans:delete_action": [Probe(obj="action")],
    "plans:withdraw_update": [Probe(obj="update"), Probe(obj="update", role="contributor")],
    "plans:evidence": [Probe(obj="evidence")],
    "plans:my_actions": [Probe(role="contributor"), Probe(role="contributor", query="page=2")],
    "accounts:manage": [Probe(obj="partnership", role="admin")],
    "accounts:add_agency": [Probe(obj="partnership", role="admin")],
    "accounts:edit_agency": [Probe(obj="agency", role="admin")],
    "accounts:add_person": [Probe(obj="partnership", role="admin")],
    "accounts:edit_person": [Probe(obj="person", role="admin")],
    "accounts:add_member": [Probe(obj="partnership", role="admin")],
    "accounts:add_existing_member": [Probe(obj="partnership", role="admin")],
    "accounts:edit_member": [Probe(obj="member", role="admin")],
    "accounts:remove_member": [Probe(obj="member", role="admin")],
    "accounts:set_password": [Probe(obj="set_password_link")],
    "accounts:set_password_done": [Probe()],
    "accounts:forgotten_password": [Probe()],
    "accounts:forgotten_password_sent": [Probe()],
    "accounts:change_password": [Probe()],
    "intake:upload": [Probe()],
    "intake:batch": [Probe(obj="batch")],
    "intake:status": [Probe(obj="batch")],
    "governance:index": [Probe()],
    "governance:new_board": [Probe(obj="partnership")],
    "governance:board": [Probe(obj="board")],
    "governance:edit_board": [Probe(obj="board")],
    "governance:meeting": [Probe(obj="meeting")],
    "governance:plan": [Probe(obj="plan")],
    "governance:open_round": [Probe(obj="plan")],
    "governance:change_stage": [Probe(obj="plan")],
    "governance:versions": [Probe(obj="plan")],
    "governance:new_clock": [Probe(obj="plan")],
    "governance:edit_clock": [Probe(obj="clock")],
    "governance:round": [Probe(obj="round")],
    "governance:propose_sign_off": [Probe(obj="section")],
    "governance:record_decision": [Probe(obj="sign_off")],
    "governance:reopen_sign_off": [Probe(obj="signed_off_section", role="admin")],
    "reports:index": [Probe()],
    "reports:plan_report": [Probe(obj="plan")],
    "reports:plan_report_download": [Probe(obj="plan_xlsx")],
    "reports:public_report": [Probe(obj="plan")],
    "reports:partnership_report": [Probe(obj="partnership")],
    "reports:partnership_report_download": [Probe(obj="partnership_xlsx")],
    "scorecard:index": [Probe()],
    "scorecard:add_measure": [Probe(query="partnership={slug}")],
    "scorecard:import_tables": [Probe(query="partnership={slug}")],
    "scorecard:measure": [Probe(obj="measure")],
    "scorecard:edit_measure": [Probe(obj="measure")],
    "scorecard:add_value": [Probe(obj="measure")],
    "scorecard:upload": [Probe(obj="measure")],
    "scorecard:export_csv": [Probe(obj="measure")],
    "scorecard:export_xlsx": [Probe(obj="measure")],
    "api:docs": [Probe()],
    "api:plan_export_csv": [Probe(obj="plan")],
    "api:plan_export_json": [Probe(obj="plan")],
    "api:plan-list": [Probe()],
    "api:plan-detail": [Probe(obj="plan")],
    "api:section-list": [Probe(), Probe(query="plan={plan}")],
    "api:section-detail": [Probe(obj="section")],
    "api:action-list": [Probe(), Probe(query="page=2"), Probe(query=API_FILTERS)],
    "api:action-detail": [Probe(obj="action")],
    "api:update-list": [Probe(), Probe(query="plan={plan}")],
    "api:update-detail": [Probe(obj="update")],
    "api:agency-list": [Probe()],
    "api:agency-detail": [Probe(obj="agency")],
    "api:measure-list": [Probe()],
    "api:measure-detail": [Probe(obj="measure")],
    "api:measure-value-list": [Probe()],
    "api:measure-value-detail": [Probe(obj="value")],
}

NOT_COUNTED: dict[str, str] = {
    "login": "the sign-in form reads nothing",
    "logout": "POST only",
    "api:api-root": "a fixed list of links, no queries",
    "api:schema": "describes the API, reads no plan data",
    "api:token": "POST only",
    "api:revoke_token": "POST only: one user's token deleted",
    "api:update-withdraw": "POST only: one update withdrawn, the same queries for any plan",
    "reports:public_settings": "POST only",
    "governance:close_round": "POST only: one round closed, the same queries for any plan",
    "intake:discard": "POST only: one import deleted, the same queries for any document",
}


def route_names() -> dict[str, list[str]]:
    """Url name -> argument names, one per name (DRF's `.json` suffix twins left out)."""
    names: dict[str, list[str]] = {}
    for _route, name, args in project_routes():
        if "format" not in args:
            names.setdefault(name, args)
    return names


def grow_actions(world: Any, actions: int) -> None:
    """More actions in the world's plan, each owned, updated twice with evidence, with history."""
    measures = list(apps.get_model("scorecard", "Measure").objects.filter(partnership=world.partnership))
    new_actions = []
    for action, update in factories.police_actions(world, actions, author=world.contributor):
        models.Evidence.objects.create(update=update, link=f"https://example.org/audit/{action.pk}")
        new_actions.append(action)
    for measure in measures:
        measure.actions.add(*new_actions)
    # The world's own actions change too, so their history and updates grow.
    factories.ProgressUpdateFactory(action=world.police_action, date=dt.date(2024, 3, 1))
    world.police_action.due_date = (world.police_action.due_date or dt.date(2030, 1, 1)) + dt.timedelta(
        days=1
    )
    world.police_action.save()


def grow_plans(world: Any, plans: int) -> None:
    """More plans of the partnership, each with actions, on the partnership's boards."""
    boards = list(apps.get_model("governance", "Board").objects.filter(partnership=world.partnership))
    for _ in range(plans):
        plan = factories.PlanFactory(partnership=world.partnership)
        for _ in range(3):
            factories.ActionFactory(plan=plan, lead_agency=world.police)
        for board in boards:
            board.plans.add(plan)


def address(world: Any, things: Things, name: str, args: list[str], probe: Probe) -> str:
    kwargs = things.kwargs(probe.obj, args)
    query = probe.query.format(police=world.police.pk, plan=world.plan.pk, slug=world.partnership.slug)
    return reverse(name, kwargs=kwargs) + (f"?{query}" if query else "")


def count_all(world: Any, clients: dict[str, Client], urls: list[tuple[str, Probe, str]]) -> dict[str, int]:
    counts = {}
    for name, probe, url in urls:
        client = clients[probe.role]
        client.get(url)  # warm the session and per-process caches (content types, ...)
        with CaptureQueriesContext(connection) as captured:
            response = client.get(url)
        assert response.status_code == 200, f"{url} as {probe.role}: {response.status_code}"
        counts[f"{name} {url} ({probe.role})"] = len(captured.captured_queries)
    return counts


def test_every_url_pattern_is_counted_or_said_why_not():
    names = set(route_names())
    missing = sorted(names - set(COUNTED) - set(NOT_COUNTED))
    assert not missing, (
        "Add these url names to COUNTED (with the object their url needs) or NOT_COUNTED "
        f"(with the reason) in oversight/tests/test_query_counts.py: {missing}"
    )
    assert not sorted((set(COUNTED) | set(NOT_COUNTED)) - names), "Remove or rename these entries"
    assert not set(COUNTED) & set(NOT_COUNTED)


@pytest.fixture
def measured(world: Any, settings: Any, tmp_path: Any) -> dict[str, dict[str, int]]:
    """Query counts of every probe at three sizes: some actions, many more, and more plans."""
    settings.MEDIA_ROOT = tmp_path
    things = Things(world)
    # Build every object first, so later counts see them with more data, not for the first time.
    for name in (
        "board", "meeting", "round", "clock", "sign_off", "signed_off_section", "signed_off_plan", "batch",
        "measure", "value", "evidence", "person",
    ):  # fmt: skip
        things.get(name)
    names = route_names()
    clients = {}
    for role in ("viewer", "contributor", "manager", "admin"):
        clients[role] = Client()
        clients[role].force_login(getattr(world, role))
    # Enough that the second pages (25 actions on the plan page, 50 in the API) exist at every size.
    grow_actions(world, 52)
    urls = [
        (name, probe, address(world, things, name, names[name], probe))
        for name, probes in COUNTED.items()
        for probe in probes
    ]
    counts = {"some actions": count_all(world, clients, urls)}
    grow_actions(world, 60)
    counts["more actions"] = count_all(world, clients, urls)
    grow_plans(world, 3)
    counts["more plans"] = count_all(world, clients, urls)
    assert len(counts["some actions"]) == sum(len(p) for p in COUNTED.values())
    return counts


def grown(counts: dict[str, dict[str, int]], before: str, after: str) -> dict[str, str]:
    return {
        key: f"{counts[before][key]} -> {counts[after][key]} queries"
        for key in counts[before]
        if counts[after][key] != counts[before][key]
    }


# Pages of other apps that still issue a query or more per plan of the partnership (not per
# action): reported to their owners; an entry that stops growing must be taken out.
QUERIES_PER_PLAN = {
    "governance:meeting": "the board's plans are read one by one",
    "reports:partnership_report": "figures are computed plan by plan",
    "reports:partnership_report_download": "figures are computed plan by plan",
}


def test_no_page_or_endpoint_issues_more_queries_for_more_actions_or_plans(measured):
    # One test for both, so the data is built once (the slow part).
    more_actions = grown(measured, "some actions", "more actions")
    more_plans = grown(measured, "more actions", "more plans")
    per_plan = {k: v for k, v in more_plans.items() if k.split()[0] not in QUERIES_PER_PLAN}
    fixed = set(QUERIES_PER_PLAN) - {key.split()[0] for key in more_plans}

    assert not more_actions, "These pages issue more queries with more actions:\n" + "\n".join(
        f"{key}: {change}" for key, change in more_actions.items()
    )
    assert not per_plan, "These pages issue more queries with more plans:\n" + "\n".join(
        f"{key}: {change}" for key, change in per_plan.items()
    )
    assert not fixed, f"These pages no longer grow with plans; take them out of QUERIES_PER_PLAN: {fixed}"

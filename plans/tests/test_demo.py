"""The demo generator and `load_demo`: a realistic partnership, its logins, history and sizes."""

from __future__ import annotations

import datetime as dt
import importlib.machinery
import random
import sys
import types
from collections import Counter
from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command
from django.db.models import F
from django.utils import timezone

from plans import figures, rules
from plans.demo import (
    DEMO_PARTNERSHIP_NAME,
    DemoSize,
    apportion,
    build_demo,
    delete_demo,
    due_words,
)
from plans.models import (
    Action,
    Evidence,
    Membership,
    Partnership,
    Plan,
    PlanKind,
    ProgressUpdate,
    RagStatus,
    Role,
    Section,
)

TODAY = dt.date(2026, 3, 31)


def load(*args: str) -> str:
    out = StringIO()
    call_command("load_demo", "--today", TODAY.isoformat(), *args, stdout=out)
    return out.getvalue()


@pytest.fixture
def demo(db) -> str:
    return load("--seed", "7")


def user(username: str):
    return get_user_model().objects.get(username=username)


def snapshot() -> list[tuple]:
    """What a reader of the demo would see: actions, due dates, statuses and dated updates."""
    actions = Action.objects.select_related("plan", "status").order_by("plan__title", "ref")
    return [
        (
            a.plan.title,
            a.ref,
            a.text,
            a.owner_text,
            a.due_text,
            a.due_date,
            a.status.key if a.status else None,
            tuple(a.updates.order_by("date", "pk").values_list("date", "status__key", "narrative")),
        )
        for a in actions
    ]


def test_load_demo_prints_the_four_logins_and_gives_each_its_role(demo):
    for username in ["demo-admin", "demo-manager", "demo-contributor", "demo-viewer"]:
        assert username in demo
        assert user(username).check_password("oversight-demo")
    assert "oversight-demo" in demo
    partnership = Partnership.objects.get(name=DEMO_PARTNERSHIP_NAME)
    roles = {m.user.username: (m.role, m.agency) for m in Membership.objects.filter(partnership=partnership)}
    assert roles["demo-admin"][0] == Role.ADMIN
    assert roles["demo-manager"][0] == Role.MANAGER
    assert roles["demo-viewer"][0] == Role.VIEWER
    role, agency = roles["demo-contributor"]
    assert role == Role.CONTRIBUTOR and agency is not None and agency.kind == "police"


def test_every_demo_login_has_a_name_to_show_beside_its_updates(demo):
    for username in ["demo-admin", "demo-manager", "demo-contributor", "demo-viewer"]:
        full_name = user(username).get_full_name()
        assert full_name and " " in full_name and "demo" not in full_name


def test_the_demo_has_three_plans_of_different_kinds_each_with_the_rag_scheme_it_writes(demo):
    plans = {p.kind: p for p in Plan.objects.all()}
    assert set(plans) == {PlanKind.JTAI, PlanKind.SCR, PlanKind.DELIVERY}
    assert Plan.objects.count() == 3
    jtai_done = RagStatus.objects.get(plan=plans[PlanKind.JTAI], is_done=True)
    assert (jtai_done.key, jtai_done.definition) == ("green", "Action completed")
    scr = {s.key: s for s in plans[PlanKind.SCR].rag_statuses.all()}
    assert scr["green"].definition == "Progress on track no additional action" and not scr["green"].is_done
    assert scr["complete"].label == "Action completed" and scr["complete"].is_done
    # The JTAI plan: themes > areas for development with what inspectors found.
    areas = Section.objects.filter(plan=plans[PlanKind.JTAI], parent__isnull=False)
    assert areas.count() >= 5 and all(a.what_inspectors_found and a.what_needs_to_improve for a in areas)
    # The review: findings > board questions, actions answer a question.
    questions = Section.objects.filter(plan=plans[PlanKind.SCR], parent__isnull=False)
    assert questions.exists() and all("Board" in q.title for q in questions)
    assert not Action.objects.filter(plan=plans[PlanKind.SCR], question="").exists()
    # The delivery plan: the 4P strands and refs like PUR-1, PRO-12.
    strands = set(Section.objects.filter(plan=plans[PlanKind.DELIVERY]).values_list("ref", flat=True))
    assert strands == {"PUR", "PRE", "PRO", "PRP"}
    assert Action.objects.filter(plan=plans[PlanKind.DELIVERY], ref="PUR-1").exists()


def test_the_demo_has_about_150_actions_with_owners_and_due_dates_as_plans_write_them(demo):
    actions = list(Action.objects.prefetch_related("owners", "owner_agencies"))
    assert 120 <= len(actions) <= 180
    assert all(
        a.owner_text and a.owners.all() and a.owner_agencies.all() and a.lead_agency_id for a in actions
    )
    assert any(" – " in a.owner_text and ", " in a.owner_text for a in actions)  # "Agency – Name, Job title"
    # Due text as written; a date derived where the words give one, none for "Autumn 2026".
    assert all(a.due_text for a in actions)
    assert any(a.due_date is None for a in actions)
    assert sum(a.due_date is not None for a in actions) > 100
    assert any(a.due_text.startswith("Q") for a in actions)


def test_progress_updates_are_spread_over_the_last_twelve_months_with_changing_statuses(demo):
    dates = list(ProgressUpdate.objects.values_list("date", flat=True))
    assert len(dates) >= 300
    assert min(dates) >= TODAY - dt.timedelta(days=366) and max(dates) <= TODAY
    assert len({(d.year, d.month) for d in dates}) >= 12
    assert ProgressUpdate.objects.exclude(narrative="").count() == len(dates)
    changed = [a for a in Action.objects.all() if a.updates.values("status").distinct().count() > 1]
    assert len(changed) > 20
    assert Evidence.objects.exclude(link="").exists()
    # The cached status is the status of the latest update.
    for action in Action.objects.all()[:40]:
        latest = action.updates.order_by("-date", "-created", "-pk").first()
        assert action.status_id == (latest.status_id if latest else None)
        assert action.last_update_on == (latest.date if latest else None)


def test_some_actions_are_overdue_some_red_and_some_complete(demo):
    actions = Action.objects.all()
    assert actions.overdue(TODAY).count() >= 10
    assert actions.filter(status__key="red").count() >= 5
    assert actions.filter(status__is_done=True).count() >= 20
    assert actions.filter(status__isnull=True).exists()


def test_the_agency_lead_owns_actions_some_of_which_need_an_update(demo):
    contributor = user("demo-contributor")
    owned = Action.objects.owned_by(contributor)
    as_person = Action.objects.filter(owners__user=contributor)
    assert as_person.count() >= 6
    stale = [
        a
        for a in as_person.select_related("status", "plan")
        if not a.is_done() and (a.last_update_on is None or a.last_update_on < TODAY - dt.timedelta(days=42))
    ]
    assert stale
    assert all(rules.can_add_update(contributor, a) for a in owned)
    others = Action.objects.exclude(pk__in=owned.values("pk"))
    assert others.exists() and not any(rules.can_add_update(contributor, a) for a in others[:10])
    viewer = user("demo-viewer")
    assert not rules.can_add_update(viewer, owned.first())


def test_history_is_dated_when_things_happened_so_the_plan_as_at_a_past_date_differs(demo):
    historical = Action.history.model
    created = historical.objects.filter(history_type="+")
    assert created.count() == Action.objects.count()
    assert all(h.history_date.date() < TODAY - dt.timedelta(days=300) for h in created)
    # Slippage: a due date that moved leaves a "~" row holding the new date, the "+" row the old one.
    moved = historical.objects.filter(history_type="~")
    assert moved.count() >= 5
    for row in moved[:5]:
        original = created.get(id=row.id)
        assert original.due_date != row.due_date and original.history_date < row.history_date
        assert "revised from" in row.due_text
    plan = Plan.objects.get(kind=PlanKind.SCR)
    then = figures.status_counts_as_at(
        figures.actions_as_at(plan.actions.all(), TODAY - dt.timedelta(days=180))
    )
    now = figures.status_counts_as_at(figures.actions_as_at(plan.actions.all(), TODAY))
    assert then != now
    assert now["complete"] > then["complete"]
    # Owners are in the history too.
    assert created.first().owners.exists()


def test_load_demo_if_empty_prints_the_logins_and_adds_nothing(demo):
    counts = (Partnership.objects.count(), Action.objects.count(), ProgressUpdate.objects.count())
    output = load("--if-empty")
    assert "demo-contributor" in output and "oversight-demo" in output
    assert (Partnership.objects.count(), Action.objects.count(), ProgressUpdate.objects.count()) == counts
    assert get_user_model().objects.filter(username__startswith="demo-").count() == 4


def test_load_demo_refuses_to_load_twice_unless_asked_to_replace(demo):
    with pytest.raises(CommandError):
        load()
    load("--replace", "--seed", "8")
    assert Partnership.objects.count() == 1
    assert Membership.objects.count() == 4


def test_the_same_seed_and_day_give_the_same_demo_and_another_seed_another(db):
    build_demo(seed=11, today=TODAY)
    first = snapshot()
    delete_demo()
    build_demo(seed=11, today=TODAY)
    assert snapshot() == first
    delete_demo()
    build_demo(seed=12, today=TODAY)
    assert snapshot() != first


def test_the_demo_stays_fresh_relative_to_today(db):
    later = timezone.localdate()
    build_demo(seed=3, today=later)
    assert ProgressUpdate.objects.latest("date").date >= later - dt.timedelta(days=31)


def test_a_scale_size_gives_exactly_the_partnerships_plans_actions_and_updates_asked_for(db):
    result = build_demo(DemoSize(partnerships=3, plans=7, actions=300, updates=3000), seed=5, today=TODAY)
    assert Partnership.objects.count() == 3
    assert Plan.objects.count() == 7
    assert Action.objects.count() == 300
    assert ProgressUpdate.objects.count() == 3000
    assert result.counts["plans.Action"] == 300
    assert Counter(Plan.objects.values_list("kind", flat=True)) == {"jtai": 3, "scr": 3, "delivery": 1}
    # Refs stay unique within each plan, and each partnership's plans are its own.
    assert Action.objects.values("plan", "ref").distinct().count() == 300
    assert ProgressUpdate.history.count() == 3000
    assert not ProgressUpdate.objects.exclude(status__plan=F("action__plan")).exists()


def test_extend_demo_calls_each_app_that_has_a_demo_module(db, monkeypatch):
    calls = []
    module = types.ModuleType("governance.demo")
    module.__spec__ = importlib.machinery.ModuleSpec("governance.demo", None)
    module.extend_demo = lambda partnership, plans, rng: calls.append((partnership.name, len(plans), rng))
    monkeypatch.setitem(sys.modules, "governance.demo", module)
    output = load()
    assert len(calls) == 1
    name, n_plans, rng = calls[0]
    assert (name, n_plans) == (DEMO_PARTNERSHIP_NAME, 3) and isinstance(rng, random.Random)
    assert "governance" in output


def test_apportion_splits_a_total_exactly():
    assert sum(apportion(2_000_000, [random.Random(1).random() + 0.1 for _ in range(997)])) == 2_000_000
    assert apportion(10, [1, 1, 1]) in ([4, 3, 3], [3, 4, 3], [3, 3, 4])


def test_due_words_derive_the_date_a_reader_would_take():
    rng = random.Random(4)
    seen = {}
    for _ in range(400):
        day = dt.date(2025, rng.randint(1, 12), rng.randint(1, 28))
        text, date = due_words(day, rng)
        seen[text.split()[0]] = (text, date, day)
        if text.startswith("Q"):
            assert date is not None and date >= day and (date - day).days < 92
            assert date.month in (3, 6, 9, 12)
        elif text.split()[0] in {"Spring", "Summer", "Autumn", "Winter", "Ongoing", "TBC"}:
            assert date is None
        elif date is not None:
            assert date.month == day.month and date.year == day.year
    assert {"End", "By"} <= set(seen)
    assert any(word.startswith("Q") for word in seen)
    assert set(seen) & {"Spring", "Summer", "Autumn", "Winter"}


def test_load_demo_refuses_a_number_of_updates_without_a_number_of_actions(db):
    with pytest.raises(CommandError):
        load("--updates", "100")
    assert not Partnership.objects.exists()


def test_rows_added_after_the_demo_get_new_keys_and_history(demo):
    """The loader takes keys from the tables' sequences, so ordinary saves carry on after it."""
    action = Action.objects.filter(status__is_done=False).first()
    highest = ProgressUpdate.objects.order_by("-pk").values_list("pk", flat=True).first()
    update = ProgressUpdate.objects.create(
        action=action, date=TODAY, status=action.status, narrative="Checked."
    )
    assert update.pk > highest
    assert update.history.count() == 1
    assert Action.history.filter(id=action.pk).count() >= 1


def test_load_demo_refuses_to_run_in_production(db, settings):
    """QA round 6: `make run` or a mistaken run against a live database added a partnership admin
    whose password is in the README."""
    from django.core.management import CommandError, call_command

    from plans.models import Partnership

    settings.PRODUCTION = True
    with pytest.raises(CommandError, match="not loaded when OVERSIGHT_ENV=production"):
        call_command("load_demo", "--if-empty")
    assert not Partnership.objects.exists()

"""The plan page: section tree, actions table, filters, search, pagination and "as at" a date."""

from __future__ import annotations

import datetime as dt

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone

from plans import models, views
from plans.tests import factories


def plan_url(world, **params) -> str:
    from urllib.parse import urlencode

    return reverse("plans:plan", args=[world.plan.pk]) + ("?" + urlencode(params) if params else "")


def refs(response) -> list[str]:
    return [row.ref for row in response.context["page"].object_list]


@pytest.fixture
def viewer(client, world):
    client.force_login(world.viewer)
    return client


def test_the_section_tree_nests_to_any_depth_with_the_inspection_texts(viewer, world):
    parent = world.police_action.section
    parent.what_inspectors_found = "Referrals were not always screened promptly."
    parent.save()
    child = factories.SectionFactory(plan=world.plan, parent=parent, ref="1.A", title="Screening")
    factories.SectionFactory(
        plan=world.plan,
        parent=child,
        ref="1.A.i",
        title="Board question",
        what_needs_to_improve="Timeliness of strategy meetings.",
    )

    response = viewer.get(plan_url(world))

    tree = response.context["tree"]
    assert tree[0].section == parent
    assert tree[0].children[0].children[0].section.ref == "1.A.i"
    html = response.content.decode()
    assert "What inspectors found" in html and "Referrals were not always screened promptly." in html
    assert "What needs to improve" in html and "Timeliness of strategy meetings." in html
    assert html.count('<ul class="app-section-tree">') == 3


def test_the_actions_table_shows_a_labelled_status_tag(viewer, world):
    factories.ProgressUpdateFactory(action=world.police_action, status=factories.status(world.plan, "red"))

    html = viewer.get(plan_url(world)).content.decode()

    assert '<strong class="govuk-tag govuk-tag--rag-red">Red</strong>' in html
    assert '<strong class="govuk-tag govuk-tag--rag-grey">No update yet</strong>' in html


def test_filtering_by_status_keeps_only_actions_in_that_status(viewer, world):
    factories.ProgressUpdateFactory(action=world.police_action, status=factories.status(world.plan, "green"))

    assert refs(viewer.get(plan_url(world, status="green"))) == ["1.1"]
    assert refs(viewer.get(plan_url(world, status="none"))) == ["1.2"]


def test_filtering_by_agency_includes_lead_and_owning_agencies(viewer, world):
    world.council_action.owner_agencies.add(world.police)

    assert refs(viewer.get(plan_url(world, agency=world.police.pk))) == ["1.1", "1.2"]
    assert refs(viewer.get(plan_url(world, agency=world.council.pk))) == ["1.2"]


def test_filtering_by_owner_keeps_the_persons_actions(viewer, world):
    person = factories.PersonFactory(partnership=world.partnership, agency=world.council, name="Sam Jones")
    world.council_action.owners.add(person)

    assert refs(viewer.get(plan_url(world, owner=person.pk))) == ["1.2"]


def test_filtering_overdue_keeps_late_unfinished_actions(viewer, world):
    world.police_action.due_date = timezone.localdate() - dt.timedelta(days=1)
    world.police_action.save()

    response = viewer.get(plan_url(world, overdue="on"))

    assert refs(response) == ["1.1"]
    assert "Overdue</strong>" in response.content.decode()
    assert "1 action matches the filters." in response.content.decode()


def test_searching_matches_reference_text_and_owner(viewer, world):
    world.council_action.text = "Audit the MASH threshold decisions"
    world.council_action.owner_text = "Police – Detective Inspector"
    world.council_action.save()

    assert refs(viewer.get(plan_url(world, q="mash threshold"))) == ["1.2"]
    assert refs(viewer.get(plan_url(world, q="detective"))) == ["1.2"]
    assert refs(viewer.get(plan_url(world, q="1.1"))) == ["1.1"]


def test_the_actions_table_is_paginated_keeping_the_filters(viewer, world, monkeypatch):
    monkeypatch.setattr(views, "PAGE_SIZE", 2)
    for n in range(3):
        factories.ActionFactory(
            plan=world.plan,
            section=world.police_action.section,
            ref=f"2.{n}",
            text=f"Audit of return interviews {n}",
        )

    first = viewer.get(plan_url(world, q="return interviews"))
    second = viewer.get(plan_url(world, q="return interviews", page=2))

    assert refs(first) == ["2.0", "2.1"]
    assert refs(second) == ["2.2"]
    html = first.content.decode()
    assert 'class="govuk-pagination"' in html
    assert "q=return+interviews&amp;page=2" in html
    # a page number below 1 is the first page; past the end, the last
    assert refs(viewer.get(plan_url(world, q="return interviews", page=0))) == ["2.0", "2.1"]
    assert refs(viewer.get(plan_url(world, q="return interviews", page=-1))) == ["2.0", "2.1"]
    assert refs(viewer.get(plan_url(world, q="return interviews", page=9))) == ["2.2"]


def test_the_count_of_actions_is_exact_unfiltered_filtered_and_as_at_and_asked_for_only_when_filtered(
    viewer, world, monkeypatch
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    monkeypatch.setattr(views, "PAGE_SIZE", 2)
    for n in range(3):
        factories.ActionFactory(plan=world.plan, ref=f"2.{n}", text=f"Audit of return interviews {n}")
    factories.ActionFactory(ref="X.1")  # in another partnership's plan: never counted
    total = world.plan.actions.count()

    def shown(**params):
        with CaptureQueriesContext(connection) as queries:
            page = viewer.get(plan_url(world, **params)).context["page"]
        counted = sum('AS "__count"' in q["sql"] for q in queries.captured_queries)  # the paginator's own
        return page.paginator.count, page.paginator.num_pages, counted

    # Unfiltered, the figures' total is the table's count: no second COUNT query.
    assert shown() == (total, (total + 1) // 2, 0)
    assert shown(page=2)[:2] == (total, (total + 1) // 2)
    assert shown(q="return interviews")[:2] == (3, 2)
    assert shown(q="return interviews")[2] == 1
    assert shown(as_at=timezone.localdate().isoformat())[:2] == (total, (total + 1) // 2)


def test_as_at_a_past_date_shows_the_status_due_date_and_update_of_then(viewer, world):
    action = world.police_action
    with time_machine.travel(dt.datetime(2024, 2, 1, 12, tzinfo=dt.UTC)):
        action.due_date = dt.date(2024, 6, 30)
        action.save()
    factories.ProgressUpdateFactory(
        action=action,
        date=dt.date(2024, 2, 10),
        status=factories.status(world.plan, "red"),
        narrative="Recruitment delayed.",
    )
    factories.ProgressUpdateFactory(
        action=action,
        date=dt.date(2024, 4, 10),
        status=factories.status(world.plan, "green"),
        narrative="Team in post.",
    )
    action.due_date = dt.date(2024, 9, 30)
    action.save()

    response = viewer.get(plan_url(world, as_at="2024-03-01"))

    html = response.content.decode()
    assert "As at 1 March 2024" in html
    # the headline figures above are today's, and say so
    assert f"Today, {timezone.localdate():%-d %B %Y}" in html
    row = next(r for r in response.context["page"].object_list if r.pk == action.pk)
    assert row.status.key == "red"
    assert row.due_date == dt.date(2024, 6, 30)
    assert row.latest_update.narrative == "Recruitment delayed."
    assert "Recruitment delayed." in html and "Team in post." not in html
    # Today the same action is green with the later due date.
    today = next(r for r in viewer.get(plan_url(world)).context["page"].object_list if r.pk == action.pk)
    assert today.status.key == "green" and today.due_date == dt.date(2024, 9, 30)


def test_as_at_filters_by_the_status_of_then_and_leaves_out_actions_not_yet_written(viewer, world):
    with time_machine.travel(dt.datetime(2024, 1, 5, 12, tzinfo=dt.UTC)):
        world.police_action.save()
    factories.ProgressUpdateFactory(
        action=world.police_action, date=dt.date(2024, 2, 10), status=factories.status(world.plan, "red")
    )
    factories.ProgressUpdateFactory(
        action=world.police_action, date=dt.date(2024, 4, 10), status=factories.status(world.plan, "green")
    )

    assert [r.ref for r in viewer.get(plan_url(world, as_at="2024-03-01", status="red")).context["page"]] == [
        "1.1"
    ]


@pytest.mark.parametrize("bad", ["2024-02-31", "yesterday", "3000-01-01"])
def test_an_invalid_as_at_date_is_an_error_message_not_a_crash(viewer, world, bad):
    response = viewer.get(plan_url(world, as_at=bad))

    assert response.status_code == 200
    html = response.content.decode()
    assert "There is a problem" in html
    assert 'href="#id_as_at"' in html
    assert "As at" not in html
    assert refs(response) == ["1.1", "1.2"]


def test_plan_managers_see_change_links_and_viewers_do_not(client, world):
    url = reverse("plans:edit_action", args=[world.police_action.pk])
    client.force_login(world.manager)
    assert url in client.get(plan_url(world)).content.decode()

    client.force_login(world.viewer)
    assert url not in client.get(plan_url(world)).content.decode()


def test_the_filter_form_works_without_javascript_and_refreshes_with_htmx(viewer, world):
    html = viewer.get(plan_url(world)).content.decode()

    assert 'method="get"' in html
    assert 'hx-get="' + reverse("plans:plan", args=[world.plan.pk]) + '"' in html
    assert 'hx-target="#plan-results"' in html


def test_governance_flags_show_beside_the_status_without_repeating_overdue(viewer, world):
    world.police_action.due_date = timezone.localdate() - dt.timedelta(days=10)
    world.police_action.save()
    factories.ProgressUpdateFactory(action=world.police_action, status=factories.status(world.plan, "amber"))

    response = viewer.get(plan_url(world))

    row = next(r for r in response.context["page"].object_list if r.pk == world.police_action.pk)
    keys = [flag.key for flag in row.flags]
    assert "rag_mismatch" in keys
    assert "overdue" not in keys
    assert row.flags[0].label in response.content.decode()


def test_a_link_to_a_route_not_built_yet_is_left_out_not_an_error():
    from plans.templatetags.plans_tags import optional_url

    assert optional_url("reports:no_such_report", 1) == ""
    assert optional_url("plans:plan", 7) == "/plans/7/"


def test_the_board_report_link_shows_when_the_reports_app_has_it(viewer, world):
    from plans.templatetags.plans_tags import optional_url

    report = optional_url("reports:plan_report", world.plan.pk)
    html = viewer.get(plan_url(world)).content.decode()

    assert (report and f'href="{report}"' in html) or (not report and "Board report" not in html)


def test_a_relation_not_among_the_rows_read_is_left_for_django_to_read_not_shown_wrong(world):
    action = models.Action.objects.get(pk=world.police_action.pk)
    views.attach(action, "lead_agency", {})  # the page read no agencies
    assert action.lead_agency == world.police
    read = models.Agency(
        pk=world.police.pk, partnership=world.partnership, name="Police, as the page read it"
    )
    views.attach(action, "lead_agency", {read.pk: read})
    assert action.lead_agency.name == "Police, as the page read it"
    action.section = None
    views.attach(action, "section", {})
    assert action.section is None


def test_as_at_a_past_date_the_sections_list_counts_the_actions_of_then(viewer, world):
    """It showed today's counts beside the table of then: a section holding an action moved out
    since, and one holding an action written since."""
    with time_machine.travel(dt.datetime(2024, 1, 5, 12, tzinfo=dt.UTC)):
        world.police_action.save()
        world.council_action.save()
    other = factories.SectionFactory(plan=world.plan, ref="2", title="Voice of the child")
    world.council_action.section = other
    world.council_action.save()  # moved today
    factories.ActionFactory(plan=world.plan, section=other, ref="2.2")  # written today

    then = viewer.get(plan_url(world, as_at="2024-03-01")).context["tree"]
    now = viewer.get(plan_url(world)).context["tree"]

    def counts(tree):
        return {node.section.ref: node.counts.total if node.counts else 0 for node in tree}

    assert counts(then) == {"1": 2}  # section 2 was written since: not in the plan then
    assert counts(now) == {"1": 1, "2": 2}


def test_a_filter_edited_by_hand_is_answered_in_words_without_echoing_what_was_sent(client, world):
    client.force_login(world.manager)
    page = client.get(
        reverse("plans:plan", args=[world.plan.pk]) + "?status=zzz&agency=999999"
    ).content.decode()

    assert "Select the status in the list" in page and "Select the agency in the list" in page
    assert "zzz is not one of" not in page and "Select a valid choice" not in page

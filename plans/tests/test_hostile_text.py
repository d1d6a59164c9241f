"""Text that users and imported documents put into a plan is shown as text, never run as markup.

Rows of the plan page, the action page's updates and history, and My actions are drawn in
Python for speed (plans_tags); these tests hold them to the escaping a template would give.
"""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse

from plans import models
from plans.tests import factories

HOSTILE = '<script>alert("x")</script><img src=x onerror=alert(1)>'


def assert_shown_as_text(html: str) -> None:
    assert "<script>alert" not in html
    assert "<img src=x" not in html
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in html


@pytest.fixture
def hostile_action(world):
    world.police.name = f"Police {HOSTILE}"
    world.police.save()
    section = world.police_action.section
    section.ref = "1<i>"
    section.title = HOSTILE
    section.save()
    action = world.police_action
    action.ref = "1.1<b>"
    action.text = f"Review {HOSTILE}"
    action.owner_text = f"DI {HOSTILE}"
    action.due_text = f"Soon {HOSTILE}"
    action.due_date = None
    action.save()
    person = factories.PersonFactory(partnership=world.partnership, agency=world.police, name=HOSTILE)
    action.owners.add(person)
    update = factories.ProgressUpdateFactory(
        action=action,
        date=dt.date.today() - dt.timedelta(days=3),
        narrative=f"Progress {HOSTILE}",
        status=factories.status(world.plan, "red"),
    )
    models.Evidence.objects.create(update=update, link="javascript:alert(1)", title=HOSTILE)
    # A second version of the text, so the history shows a change with both values.
    action.text = f"Reviewed {HOSTILE}"
    action.save()
    return action


@pytest.mark.django_db
def test_the_plan_page_rows_show_hostile_text_as_text(client, world, hostile_action):
    client.force_login(world.manager)
    html = client.get(reverse("plans:plan", args=[world.plan.pk])).content.decode()
    assert_shown_as_text(html)
    assert "1.1&lt;b&gt;" in html and "1.1<b>" not in html


@pytest.mark.django_db
def test_a_search_for_hostile_text_shows_it_as_text(client, world, hostile_action):
    client.force_login(world.manager)
    url = reverse("plans:plan", args=[world.plan.pk])
    html = client.get(url, {"q": "<script>"}).content.decode()
    assert "<script>alert" not in html and 'value="&lt;script&gt;"' in html


@pytest.mark.django_db
def test_the_action_page_updates_history_and_evidence_show_hostile_text_as_text(
    client, world, hostile_action
):
    client.force_login(world.manager)
    html = client.get(reverse("plans:action", args=[hostile_action.pk])).content.decode()
    assert_shown_as_text(html)
    assert 'href="javascript:' not in html


@pytest.mark.django_db
def test_my_actions_rows_show_hostile_text_as_text(client, world, hostile_action):
    client.force_login(world.contributor)
    html = client.get(reverse("plans:my_actions")).content.decode()
    assert "Review" in html
    assert_shown_as_text(html)


@pytest.mark.parametrize(
    "link, shown",
    [
        ("https://example.org/audit.pdf", "https://example.org/audit.pdf"),
        (" http://intranet.local/x ", "http://intranet.local/x"),
        ("HTTPS://EXAMPLE.ORG", "HTTPS://EXAMPLE.ORG"),
        ("javascript:alert(1)", ""),
        ("JavaScript://%0aalert(1)", ""),
        ("data:text/html,<script>alert(1)</script>", ""),
        ("https:evil", ""),
        ("", ""),
    ],
)
def test_only_web_addresses_may_be_links(link, shown):
    assert models.web_link(link) == shown


def test_the_home_tables_show_hostile_agency_and_plan_names_as_text(client, world, hostile_action):
    world.plan.title = f"Plan {HOSTILE}"
    world.plan.save()
    client.force_login(world.viewer)
    html = client.get(reverse("home")).content.decode()
    assert_shown_as_text(html)
    assert '<th scope="row" class="govuk-table__header">Police &lt;script&gt;' in html
    assert f'href="{reverse("plans:plan", args=[world.plan.pk])}">Plan &lt;script&gt;' in html

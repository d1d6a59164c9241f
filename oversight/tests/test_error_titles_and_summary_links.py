"""A page that shows a problem says so in its title ("Error: ", as GOV.UK asks, so screen reader
users hear it first), and each link of its error summary leads to a field that is on the page,
radios and checkboxes included (Django gives those no single id)."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse

from governance.tests.test_pages_and_permissions import gov  # noqa: F401  (fixture)
from scorecard.models import Unit
from scorecard.tests.factories import MeasureFactory


def title(page: str) -> str:
    found = re.search(r"<title>(.*?)</title>", page, re.S)
    assert found
    return found.group(1).strip()


def summary_targets(page: str) -> list[str]:
    summary = re.search(r'<ul class="govuk-list govuk-error-summary__list">(.*?)</ul>', page, re.S)
    assert summary, "no error summary"
    return re.findall(r'<a href="#([^"]*)"', summary.group(1))


def assert_error_page(response) -> None:
    page = response.content.decode()
    assert response.status_code == 200
    assert title(page).startswith("Error: "), title(page)
    targets = summary_targets(page)
    assert targets
    # at the top of the main content, above the heading, as GOV.UK places it
    assert page.index("govuk-error-summary") < page.index("<h1"), "the error summary is below the h1"
    for target in targets:
        assert target, "an error summary link to '#' goes nowhere"
        assert re.search(rf'<(?:input|textarea|select)[^>]*\bid="{target}"', page), target


def test_sign_in_with_nothing_typed_says_error_in_the_title(client, db):
    assert_error_page(client.post(reverse("login"), {"username": "", "password": ""}))


def test_the_sign_in_page_does_not_take_focus_away_from_the_start_of_the_page(client, db):
    page = client.get(reverse("login")).content.decode()
    assert "autofocus" not in page
    assert title(page) == "Sign in – Oversight"


@pytest.mark.parametrize(
    "name",
    [
        "governance:change_stage",
        "governance:open_round",
        "governance:propose_sign_off",
        "governance:record_decision",
    ],
)
def test_governance_forms_with_a_problem_say_error_and_link_to_their_fields(client, gov, name):  # noqa: F811
    args = {
        "governance:change_stage": [gov.plan.pk],
        "governance:open_round": [gov.plan.pk],
        "governance:propose_sign_off": [gov.open_section.pk],
        "governance:record_decision": [gov.sign_off.pk],
    }[name]
    client.force_login(gov.manager)
    assert_error_page(client.post(reverse(name, args=args), {"sent": "1"}))


def test_the_stage_radios_error_link_reaches_the_first_radio(client, gov):  # noqa: F811
    client.force_login(gov.manager)
    page = client.post(reverse("governance:change_stage", args=[gov.plan.pk]), {"sent": "1"}).content.decode()
    assert summary_targets(page) == ["id_stage_0"]


@pytest.mark.parametrize("name", ["scorecard:add_measure", "scorecard:import_tables"])
def test_scorecard_forms_with_a_problem_put_their_error_summary_above_the_heading(client, world, name):
    client.force_login(world.manager)
    url = reverse(name) + f"?partnership={world.partnership.slug}"
    assert_error_page(client.post(url, {"sent": "1"}))


def test_a_scorecard_value_with_a_problem_says_error_in_the_title(client, world):
    measure = MeasureFactory(partnership=world.partnership, unit=Unit.COUNT)
    client.force_login(world.manager)
    assert_error_page(client.post(reverse("scorecard:add_value", args=[measure.pk]), {"sent": "1"}))


def test_the_published_board_report_has_a_title_of_its_own(client, world):
    client.force_login(world.manager)
    internal = client.get(reverse("reports:plan_report", args=[world.plan.pk])).content.decode()
    public = client.get(reverse("reports:public_report", args=[world.plan.pk])).content.decode()
    assert title(internal) == "Board report: JTAI action plan – Oversight"
    assert title(public) == "Board report: JTAI action plan – published version – Oversight"


def test_a_wrong_password_is_told_in_plain_words_linked_to_the_username(client, world):
    response = client.post(reverse("login"), {"username": "viewer", "password": "not it"})
    page = response.content.decode()
    assert summary_targets(page) == ["id_username"]
    assert "The username or password is not right" in page and "Please enter" not in page

"""Changing an action: plan managers only, and never silently over someone else's change."""

from __future__ import annotations

import pytest
from django.urls import reverse

from plans.views import CONFLICT


def edit_data(world, action, **changes) -> dict:
    data = {
        "ref": action.ref,
        "section": action.section_id or "",
        "text": action.text,
        "owner_text": action.owner_text,
        "lead_agency": world.police.pk,
        "due_text": action.due_text,
        "due_date": action.due_date.isoformat() if action.due_date else "",
        "outcome": "",
        "constraints": "",
        "version": action.version,
    }
    data.update(changes)
    return data


def test_a_manager_changes_an_action_and_its_version_rises(client, world):
    action = world.police_action
    client.force_login(world.manager)

    response = client.post(
        reverse("plans:edit_action", args=[action.pk]),
        edit_data(world, action, due_text="March 2031", due_date="2031-03-31"),
    )

    assert response.status_code == 302
    action.refresh_from_db()
    assert action.due_text == "March 2031"
    assert action.version == 2
    assert action.history.first().history_user == world.manager


def test_the_edit_form_carries_the_version_in_a_hidden_input(client, world):
    client.force_login(world.manager)

    html = client.get(reverse("plans:edit_action", args=[world.police_action.pk])).content.decode()

    assert 'type="hidden" name="version" value="1"' in html


def test_a_save_over_someone_elses_change_is_refused_with_a_clear_message(client, world):
    action = world.police_action
    opened = edit_data(world, action, text="My rewording")
    # Someone else saves first.
    client.force_login(world.admin)
    client.post(
        reverse("plans:edit_action", args=[action.pk]), edit_data(world, action, text="Their rewording")
    )
    client.force_login(world.manager)

    response = client.post(reverse("plans:edit_action", args=[action.pk]), opened)

    assert response.status_code == 200
    html = response.content.decode()
    assert "Someone else changed this action since you opened it" in html
    assert "There is a problem" in html
    assert "Their rewording" in html
    action.refresh_from_db()
    assert action.text == "Their rewording"
    assert action.version == 2
    assert response.context["form"].non_field_errors() == [CONFLICT]
    # the due date is shown again as the page writes dates, not as 2031-03-31 (QA round 7)
    day = action.due_date
    assert response.context["form"].data["due_date"] == f"{day.day}/{day.month}/{day.year}"


def test_saving_again_after_the_refusal_replaces_the_other_change_deliberately(client, world):
    action = world.police_action
    client.force_login(world.admin)
    client.post(
        reverse("plans:edit_action", args=[action.pk]), edit_data(world, action, text="Their rewording")
    )
    client.force_login(world.manager)
    refused = client.post(
        reverse("plans:edit_action", args=[action.pk]), edit_data(world, action, text="Mine")
    )
    retry = refused.context["form"].data.copy()

    response = client.post(reverse("plans:edit_action", args=[action.pk]), retry)

    assert response.status_code == 302
    action.refresh_from_db()
    assert action.text == "Mine"
    assert action.version == 3


def test_a_manager_changes_a_section(client, world):
    section = world.police_action.section
    client.force_login(world.manager)

    response = client.post(
        reverse("plans:edit_section", args=[section.pk]),
        {
            "ref": "1",
            "title": "Front door and MASH",
            "what_needs_to_improve": "Timeliness",
            "what_inspectors_found": "",
        },
    )

    assert response.status_code == 302
    section.refresh_from_db()
    assert section.title == "Front door and MASH"


def test_a_due_date_left_empty_is_read_from_the_plans_wording(client, world):
    # 'End of June 2031' names a day: left without a date, the action would drop out of the overdue figures
    action = world.police_action
    client.force_login(world.manager)

    response = client.post(
        reverse("plans:edit_action", args=[action.pk]),
        edit_data(world, action, due_text="End of June 2031", due_date=""),
    )

    assert response.status_code == 302
    action.refresh_from_db()
    assert action.due_date.isoformat() == "2031-06-30"


def test_new_wording_of_the_due_date_moves_the_date_when_the_date_was_left_as_it_was(client, world):
    action = world.police_action
    client.force_login(world.manager)

    client.post(
        reverse("plans:edit_action", args=[action.pk]), edit_data(world, action, due_text="Q3 2031/32")
    )

    action.refresh_from_db()
    assert (action.due_text, action.due_date.isoformat()) == ("Q3 2031/32", "2031-12-31")


def test_a_due_date_given_with_the_wording_is_kept_as_given(client, world):
    action = world.police_action
    client.force_login(world.manager)

    client.post(
        reverse("plans:edit_action", args=[action.pk]),
        edit_data(world, action, due_text="Ongoing (review March 2031)", due_date="2031-01-15"),
    )

    action.refresh_from_db()
    assert action.due_date.isoformat() == "2031-01-15"


def test_a_due_date_in_another_century_is_refused_and_nothing_changes(client, world):
    action = world.police_action
    before = action.due_date
    client.force_login(world.manager)

    response = client.post(
        reverse("plans:edit_action", args=[action.pk]), edit_data(world, action, due_date="1900-01-01")
    )

    assert response.status_code == 200
    assert "Enter a due date between 2000 and 2099" in response.content.decode()
    action.refresh_from_db()
    assert (action.due_date, action.version) == (before, 1)


def test_changes_to_different_fields_at_once_are_both_kept(client, world):
    """One manager writes the outcome while another writes the constraints: neither is lost, and
    the second is told the other's change was kept."""
    action = world.police_action
    opened = edit_data(world, action, constraints="IT capacity")
    client.force_login(world.admin)
    client.post(
        reverse("plans:edit_action", args=[action.pk]), edit_data(world, action, outcome="Every child heard")
    )
    client.force_login(world.manager)

    response = client.post(reverse("plans:edit_action", args=[action.pk]), opened, follow=True)

    action.refresh_from_db()
    assert (action.outcome, action.constraints, action.version) == ("Every child heard", "IT capacity", 3)
    page = response.content.decode()
    assert "Someone else changed its outcome sought meanwhile; their change is kept." in page


def test_the_refusal_names_the_field_both_changed_and_keeps_the_others_saved_values(client, world):
    action = world.police_action
    opened = edit_data(world, action, text="My rewording", constraints="IT capacity")
    client.force_login(world.admin)
    client.post(
        reverse("plans:edit_action", args=[action.pk]),
        edit_data(world, action, text="Their rewording", outcome="Every child heard"),
    )
    client.force_login(world.manager)

    response = client.post(reverse("plans:edit_action", args=[action.pk]), opened)

    assert response.context["clashes"] == ["Action"]
    form = response.context["form"]
    assert form.data["text"] == "My rewording" and form.data["outcome"] == "Every child heard"
    assert form.data["constraints"] == "IT capacity"
    retry = client.post(reverse("plans:edit_action", args=[action.pk]), form.data.copy())
    assert retry.status_code == 302
    action.refresh_from_db()
    assert (action.text, action.outcome, action.constraints) == (
        "My rewording",
        "Every child heard",
        "IT capacity",
    )


def test_a_manager_renumbers_an_action_and_moves_it_to_another_section(client, world):
    """Routine when a plan is refreshed; the API could, the page could not."""
    from plans.tests import factories

    action = world.police_action
    other = factories.SectionFactory(plan=world.plan, ref="3", title="Front door")
    client.force_login(world.manager)
    response = client.post(
        reverse("plans:edit_action", args=[action.pk]),
        edit_data(world, action, ref="3.1", section=other.pk),
    )
    assert response.status_code == 302
    action.refresh_from_db()
    assert (action.ref, action.section) == ("3.1", other)


def test_a_reference_another_action_has_or_a_section_of_another_plan_is_refused(client, world):
    from plans.tests import factories

    action = world.police_action
    client.force_login(world.manager)
    page = client.post(
        reverse("plans:edit_action", args=[action.pk]), edit_data(world, action, ref=world.council_action.ref)
    )
    assert f"The plan already has an action {world.council_action.ref}." in page.content.decode()
    elsewhere = factories.SectionFactory(plan=world.other_plan, ref="9")
    page = client.post(
        reverse("plans:edit_action", args=[action.pk]), edit_data(world, action, section=elsewhere.pk)
    )
    assert page.status_code == 200 and "govuk-error-summary" in page.content.decode()
    action.refresh_from_db()
    assert action.section != elsewhere and action.ref == "1.1"


def test_a_manager_cannot_move_an_action_into_a_signed_off_area(client, world):
    import datetime as dt

    from plans.tests import factories

    action = world.police_action
    closed = factories.SectionFactory(
        plan=world.plan, ref="4", title="Done", signed_off_on=dt.date(2026, 1, 5)
    )
    client.force_login(world.manager)
    page = client.post(
        reverse("plans:edit_action", args=[action.pk]), edit_data(world, action, section=closed.pk)
    )
    assert "only an admin can move actions into it" in page.content.decode()
    action.refresh_from_db()
    assert action.section != closed


def test_a_due_date_that_contradicts_an_exact_date_in_the_plans_wording_is_questioned(client, world):
    """'31/12/2026' as written and 30 June 2027 as the date: the board pack would show one and the
    overdue figures follow the other."""
    action = world.police_action
    client.force_login(world.manager)
    page = client.post(
        reverse("plans:edit_action", args=[action.pk]),
        edit_data(world, action, due_text="31/12/2026", due_date="2027-06-30"),
    )
    assert (
        "The due date as written (31 December 2026) is not the due date (30 June 2027)"
        in page.content.decode()
    )
    agreeing = edit_data(world, action, due_text="31/12/2026", due_date="2026-12-31")
    assert client.post(reverse("plans:edit_action", args=[action.pk]), agreeing).status_code == 302
    # wording that names a period, not a day, may carry a date of its choosing
    period = edit_data(world, action, due_text="Q3 2026/27", due_date="2026-11-15")
    assert (
        client.post(reverse("plans:edit_action", args=[action.pk]), {**period, "version": 2}).status_code
        == 302
    )


@pytest.mark.parametrize("wording", ["March 0000", "Mar-0000", "Q4 9999", "Q1 0000", "FY 9999/00", "9999-00"])
def test_wording_naming_a_year_no_calendar_holds_keeps_the_words_and_no_date(client, world, wording):
    """Was a 500: the wording's year 0 or 10000 could not be made a date."""
    action = world.police_action
    client.force_login(world.manager)

    response = client.post(
        reverse("plans:edit_action", args=[action.pk]),
        edit_data(world, action, due_text=wording, due_date=""),
    )

    assert response.status_code == 302
    action.refresh_from_db()
    assert (action.due_text, action.due_date) == (wording, None)


def test_an_action_text_of_a_pasted_document_is_refused_and_nothing_changes(client, world):
    action = world.police_action
    before = action.text
    client.force_login(world.manager)

    response = client.post(
        reverse("plans:edit_action", args=[action.pk]), edit_data(world, action, text="W" * 20_001)
    )

    assert response.status_code == 200
    assert "must be 10,000 characters or fewer" in response.content.decode()
    action.refresh_from_db()
    assert (action.text, action.version) == (before, 1)


def test_due_words_naming_no_day_without_a_date_are_said_on_saving(client, world):
    """QA round 7: 'Autumn 2027' with the date left empty was saved silently, and the action could
    never show as overdue."""
    action = world.police_action
    client.force_login(world.manager)
    url = reverse("plans:edit_action", args=[action.pk])

    season = client.post(url, edit_data(world, action, due_text="Autumn term 2027", due_date=""), follow=True)
    action.refresh_from_db()
    ongoing = client.post(url, edit_data(world, action, due_text="Ongoing", due_date=""), follow=True)

    assert action.due_date is None
    assert "No date could be read from the due date as written, “Autumn term 2027”" in season.content.decode()
    assert "No date could be read" not in ongoing.content.decode()


def test_a_real_day_out_of_range_is_said_to_be_out_of_range_not_unreal(client, world):
    from plans.models import due_text_problem

    assert (
        due_text_problem("1 Jan 1900") == "The due date as written, 1 Jan 1900, must be between 2000 and 2099"
    )
    assert "is not a real date" in due_text_problem("31/02/2027")

"""Plan managers add actions and sections, change the plan's own fields and its status
definitions, and remove an action, on pages of their own; others are refused, and a signed-off
area stays closed to all but admins."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from django.urls import reverse

from plans import models
from plans.models import historical_model
from plans.tests import factories


def signed_in(client, user):
    client.force_login(user)
    return client


def action_form(section, **changes) -> dict:
    data = {
        "version": "1",
        "ref": "1.3",
        "section": str(section.pk),
        "text": "Audit 20 strategy discussions for the attendance of health.",
        "owner_text": "Head of Quality Assurance",
        "lead_agency": "",
        "due_text": "March 2026",
        "due_date": "",
        "outcome": "",
        "constraints": "",
    }
    return data | changes


# --- adding an action -------------------------------------------------------------------


def test_a_plan_manager_adds_an_action_to_a_section_and_it_goes_last(client, world):
    url = reverse("plans:add_action", args=[world.plan.pk])
    page = signed_in(client, world.manager).get(world.plan.get_absolute_url()).content.decode()
    assert f'href="{url}"' in page

    response = client.post(url, action_form(world.police_action.section, lead_agency=str(world.police.pk)))

    action = models.Action.objects.get(plan=world.plan, ref="1.3")
    assert response.status_code == 302 and response["Location"] == action.get_absolute_url()
    assert (action.section, action.lead_agency, action.due_date) == (
        world.police_action.section,
        world.police,
        dt.date(2026, 3, 31),  # read from the wording, as an import reads it
    )
    assert action.order > max(world.police_action.order, world.council_action.order)  # last of its section
    assert historical_model(models.Action).objects.filter(id=action.pk, history_type="+").exists()


def test_an_action_added_with_a_reference_already_in_the_plan_is_refused_and_nothing_is_saved(client, world):
    response = signed_in(client, world.manager).post(
        reverse("plans:add_action", args=[world.plan.pk]), action_form(world.police_action.section, ref="1.1")
    )

    assert response.status_code == 200
    assert "govuk-error-summary" in response.content.decode()
    assert models.Action.objects.filter(plan=world.plan).count() == 2


@pytest.mark.parametrize("who", ["contributor", "viewer", "outsider"])
def test_only_plan_managers_and_admins_may_add_an_action(client, world, who):
    url = reverse("plans:add_action", args=[world.plan.pk])
    client = signed_in(client, getattr(world, who))

    assert client.get(url).status_code in (403, 404)
    assert client.post(url, action_form(world.police_action.section)).status_code in (403, 404)
    assert models.Action.objects.filter(plan=world.plan).count() == 2
    assert "Add an action" not in client.get(world.plan.get_absolute_url()).content.decode()


def test_a_manager_cannot_add_an_action_to_an_area_the_board_has_signed_off(client, world):
    section = world.police_action.section
    section.signed_off_on = dt.date(2025, 3, 4)
    section.save()

    response = signed_in(client, world.manager).post(
        reverse("plans:add_action", args=[world.plan.pk]), action_form(section)
    )

    assert "The board has signed off that area" in response.content.decode()
    assert not models.Action.objects.filter(ref="1.3").exists()


# --- adding a section -------------------------------------------------------------------


def test_a_plan_manager_adds_a_section_inside_another(client, world):
    parent = world.police_action.section
    response = signed_in(client, world.manager).post(
        reverse("plans:add_section", args=[world.plan.pk]),
        {"parent": str(parent.pk), "ref": "1.B", "title": "Strategy discussions"},
    )

    section = models.Section.objects.get(plan=world.plan, ref="1.B")
    assert response.status_code == 302
    assert (section.parent, section.title) == (parent, "Strategy discussions")


def test_a_section_cannot_be_put_inside_another_plans_section(client, world):
    foreign = factories.SectionFactory(plan=world.other_plan, ref="9")
    response = signed_in(client, world.manager).post(
        reverse("plans:add_section", args=[world.plan.pk]), {"parent": str(foreign.pk), "ref": "2"}
    )

    assert "Select the" in response.content.decode()
    assert not models.Section.objects.filter(plan=world.plan, ref="2").exists()


# --- changing the plan ------------------------------------------------------------------


def test_a_plan_manager_changes_the_plans_stale_period_and_a_status_definition(client, world):
    red = factories.status(world.plan, "red")
    data = {
        "title": "JTAI written statement of action",
        "kind": models.PlanKind.JTAI,
        "start": "1/4/2025",
        "end": "31/3/2027",
        "stale_after_days": "45",
    }
    data |= {f"definition_{s.pk}": s.definition for s in world.plan.rag_statuses.all()}
    data[f"definition_{red.pk}"] = "Off track: the board must decide what to do"

    response = signed_in(client, world.manager).post(reverse("plans:edit_plan", args=[world.plan.pk]), data)

    world.plan.refresh_from_db()
    red.refresh_from_db()
    assert response.status_code == 302
    assert (world.plan.title, world.plan.stale_days, world.plan.end) == (
        "JTAI written statement of action",
        45,
        dt.date(2027, 3, 31),
    )
    assert red.definition == "Off track: the board must decide what to do"


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        (
            {"stale_after_days": "0"},
            "Days without an update before an action is stale must be between 1 and 366",
        ),
        (
            {"stale_after_days": "-1"},
            "Days without an update before an action is stale must be between 1 and 366",
        ),
        (
            {"stale_after_days": "367"},
            "Days without an update before an action is stale must be between 1 and 366",
        ),
        ({"definition_RED": "x" * 2001}, "What Red means must be 2,000 characters or fewer"),
        ({"start": "1/4/2026", "end": "31/3/2026"}, "The end date must be on or after the start date"),
    ],
)
def test_a_wrong_plan_value_is_refused_with_a_message_and_nothing_changes(client, world, changes, message):
    red = factories.status(world.plan, "red")
    changes = {(f"definition_{red.pk}" if k == "definition_RED" else k): v for k, v in changes.items()}
    data = {"title": "Another title", "kind": models.PlanKind.OTHER, "start": "", "end": ""} | changes
    response = signed_in(client, world.manager).post(reverse("plans:edit_plan", args=[world.plan.pk]), data)

    world.plan.refresh_from_db()
    assert message in response.content.decode()
    assert world.plan.title == "JTAI action plan"


def test_a_contributor_cannot_change_the_plan(client, world):
    url = reverse("plans:edit_plan", args=[world.plan.pk])
    response = signed_in(client, world.contributor).post(url, {"title": "Mine now", "kind": "other"})

    world.plan.refresh_from_db()
    assert response.status_code == 403
    assert world.plan.title == "JTAI action plan"


# --- removing an action -----------------------------------------------------------------


def test_a_plan_manager_removes_an_action_after_being_asked_and_its_history_is_kept(client, world):
    factories.ProgressUpdateFactory(action=world.police_action, date=dt.date(2025, 1, 6))
    url = reverse("plans:delete_action", args=[world.police_action.pk])
    client = signed_in(client, world.manager)
    assert f'href="{url}"' in client.get(world.police_action.get_absolute_url()).content.decode()
    assert "with its 1 progress update" in client.get(url).content.decode()

    response = client.post(url)

    assert response["Location"] == world.plan.get_absolute_url()
    assert not models.Action.objects.filter(pk=world.police_action.pk).exists()
    assert (
        historical_model(models.Action).objects.filter(id=world.police_action.pk, history_type="-").exists()
    )


@pytest.mark.parametrize("who", ["contributor", "viewer", "outsider"])
def test_only_plan_managers_and_admins_may_remove_an_action(client, world, who):
    url = reverse("plans:delete_action", args=[world.police_action.pk])
    response = signed_in(client, getattr(world, who)).post(url)

    assert response.status_code in (403, 404)
    assert models.Action.objects.filter(pk=world.police_action.pk).exists()


def test_a_manager_cannot_remove_an_action_of_a_signed_off_area_but_an_admin_can(client, world):
    section = world.police_action.section
    section.signed_off_on = dt.date(2025, 3, 4)
    section.save()
    url = reverse("plans:delete_action", args=[world.police_action.pk])

    assert signed_in(client, world.manager).post(url).status_code == 403
    assert signed_in(client, world.admin).post(url).status_code == 302
    assert not models.Action.objects.filter(pk=world.police_action.pk).exists()


def test_the_section_list_follows_the_plans_tree_and_names_the_sections_each_sits_in(client, world):
    front_door = world.police_action.section  # '1 Front door'
    later = factories.SectionFactory(plan=world.plan, ref="2", title="Health", order=5)
    factories.SectionFactory(plan=world.plan, parent=front_door, ref="1.A", title="Screening", order=9)
    page = signed_in(client, world.manager).get(reverse("plans:edit_action", args=[world.police_action.pk]))

    options = re.findall(r"<option value=\"\d*\"[^>]*>([^<]*)</option>", page.content.decode())
    section_options = [
        o for o in options if o in {"No section", "1 Front door", "1 Front door › 1.A Screening", str(later)}
    ]
    assert section_options == ["No section", "1 Front door", "1 Front door › 1.A Screening", "2 Health"]


def test_removing_an_action_warns_that_its_uploaded_evidence_files_are_deleted_for_good(
    client, world, settings, tmp_path
):
    from django.core.files.base import ContentFile

    settings.MEDIA_ROOT = tmp_path

    update = factories.ProgressUpdateFactory(action=world.police_action, date=dt.date(2025, 1, 6))
    evidence = models.Evidence(update=update, title="Audit")
    evidence.file.save("audit.pdf", ContentFile(b"%PDF-1.4 audit"), save=True)
    page = signed_in(client, world.manager).get(reverse("plans:delete_action", args=[world.police_action.pk]))

    assert "Its 1 uploaded evidence file will be deleted for good" in page.content.decode()


def test_an_action_added_to_a_section_is_listed_with_that_sections_actions_not_at_the_plans_end(
    client, world
):
    later = factories.SectionFactory(plan=world.plan, ref="2", title="Health", order=5)
    after = factories.ActionFactory(plan=world.plan, section=later, ref="2.1", order=50)
    signed_in(client, world.manager).post(
        reverse("plans:add_action", args=[world.plan.pk]), action_form(world.police_action.section, ref="1.3")
    )

    listed = list(
        models.Action.objects.filter(plan=world.plan).order_by("order", "pk").values_list("ref", flat=True)
    )
    assert listed == ["1.1", "1.2", "1.3", "2.1"]
    after.refresh_from_db()
    assert after.order == 51


def test_the_plans_period_set_on_its_change_page_is_shown_on_the_plan_page_and_the_board_report(
    client, world
):
    world.plan.start, world.plan.end = dt.date(2025, 4, 1), dt.date(2027, 3, 31)
    world.plan.save()
    client = signed_in(client, world.manager)

    page = client.get(world.plan.get_absolute_url()).content.decode()
    report = client.get(reverse("reports:plan_report", args=[world.plan.pk])).content.decode()

    assert "Plan period: 1 April 2025 to 31 March 2027" in page
    assert "Plan period</dt>" in report and "1 April 2025 to 31 March 2027" in report


def test_a_section_title_over_1000_characters_is_refused_with_a_message(client, world):
    response = signed_in(client, world.manager).post(
        reverse("plans:add_section", args=[world.plan.pk]), {"ref": "9", "title": "Z" * 1001}
    )
    assert "Title must be 1,000 characters or fewer" in response.content.decode()
    assert not models.Section.objects.filter(plan=world.plan, ref="9").exists()


def test_an_action_without_a_reference_sent_twice_is_added_once(client, world):
    client = signed_in(client, world.manager)
    url = reverse("plans:add_action", args=[world.plan.pk])
    first = client.post(url, action_form(world.police_action.section, ref=""))
    second = client.post(url, action_form(world.police_action.section, ref=""))

    assert models.Action.objects.filter(plan=world.plan, ref="").count() == 1
    assert second["Location"] == first["Location"]


def test_an_update_sent_for_an_action_removed_meanwhile_says_so_and_gives_back_what_was_written(
    client, world
):
    action, removed_id = world.police_action, world.police_action.pk
    action._history_user = world.manager
    action.delete()
    response = signed_in(client, world.contributor).post(
        reverse("plans:add_update", args=[removed_id]),
        {"date": "6/1/2025", "status": "", "narrative": "Audit booked for March."},
    )

    page = response.content.decode()
    assert response.status_code == 410
    assert "Action 1.1 was removed from the plan" in page and "Audit booked for March." in page
    # another partnership's removed action is still just not found
    other_id = world.other_action.pk
    world.other_action.delete()
    assert client.post(reverse("plans:add_update", args=[other_id]), {}).status_code == 404


def test_two_managers_changing_the_plan_at_once_keep_each_others_changes(client, world):
    import json

    from django.test import Client

    url = reverse("plans:edit_plan", args=[world.plan.pk])
    red = factories.status(world.plan, "red")

    def opened_form(who) -> dict:
        page = signed_in(Client(), who).get(url)
        form = page.context["form"]
        data = {name: form.initial.get(name, form.fields[name].initial) for name in form.fields}
        data = {
            k: ("" if v is None else v.strftime("%d/%m/%Y") if hasattr(v, "strftime") else v)
            for k, v in data.items()
        }
        data["opened"] = form.initial["opened"]
        return data

    manager_form, admin_form = opened_form(world.manager), opened_form(world.admin)
    manager_form["stale_after_days"] = "21"
    signed_in(client, world.manager).post(url, manager_form)
    admin_form[f"definition_{red.pk}"] = "Off track and escalated"
    response = signed_in(Client(), world.admin).post(url, admin_form, follow=True)

    world.plan.refresh_from_db()
    red.refresh_from_db()
    assert (world.plan.stale_after_days, red.definition) == (21, "Off track and escalated")
    assert "their change is kept" in response.content.decode()
    assert json.loads(admin_form["opened"])["stale_after_days"] == ""


def test_an_action_added_with_owners_shows_one_history_entry_naming_them(client, world):
    """django-simple-history writes the row and then each list of links: one save, one entry."""
    person = factories.PersonFactory(partnership=world.partnership, agency=world.police, name="Jo Bloggs")
    data = action_form(
        world.police_action.section, owners=[str(person.pk)], owner_agencies=[str(world.council.pk)]
    )
    signed_in(client, world.manager).post(reverse("plans:add_action", args=[world.plan.pk]), data)
    action = models.Action.objects.get(plan=world.plan, ref="1.3")
    assert historical_model(models.Action).objects.filter(id=action.pk).count() > 1  # the records stay

    history = client.get(action.get_absolute_url()).context["history"]

    assert [entry.what for entry in history] == ["Action added"]
    changes = {change.label: (change.old, change.new) for change in history[0].changes}
    assert changes["Owners"] == ("", str(person)) and changes["Owner agencies"] == ("", str(world.council))


def test_an_edit_of_the_wording_and_the_owners_in_one_save_is_one_history_entry(client, world):
    from plans.tests.test_edit_action import edit_data

    action = world.police_action
    first = factories.PersonFactory(partnership=world.partnership, agency=world.police, name="Ann Able")
    action.owners.set([first])
    second = factories.PersonFactory(partnership=world.partnership, agency=world.police, name="Ben Brook")
    signed_in(client, world.manager)
    client.post(
        reverse("plans:edit_action", args=[action.pk]),
        edit_data(world, action, text="A new wording", owners=[second.pk], owner_agencies=[]),
    )

    newest = client.get(action.get_absolute_url()).context["history"][0]

    assert newest.what == "Action changed"
    changes = {change.label: (change.old, change.new) for change in newest.changes}
    assert changes["Owners"] == (str(first), str(second)) and "Action" in {c.label for c in newest.changes}


def test_a_removed_actions_old_link_shows_who_removed_it_and_its_history_not_page_not_found(client, world):
    """A reminder email or an old board pack links to the action: its page says what happened."""
    action, removed_id = world.police_action, world.police_action.pk
    factories.ProgressUpdateFactory(action=action, date=dt.date(2025, 1, 6), narrative="Audit booked.")
    action.owner_agencies.set([world.council])
    signed_in(client, world.manager).post(reverse("plans:delete_action", args=[removed_id]))

    response = signed_in(client, world.viewer).get(reverse("plans:action", args=[removed_id]))

    page = response.content.decode()
    assert response.status_code == 410
    assert "Action 1.1 was removed from the plan" in page and "by " in page
    assert "your update was not saved" not in page
    whats = [entry.what for entry in response.context["history"]]
    assert whats[0] == "Action deleted" and "Progress update of 6 January 2025 added" in whats
    assert "Front door" in page and "Sussex Police" in page  # its section and lead then, by name
    # another partnership's removed action is still just not found
    other_id = world.other_action.pk
    world.other_action.delete()
    assert client.get(reverse("plans:action", args=[other_id])).status_code == 404


def test_changes_to_the_plans_details_are_listed_with_who_made_them_on_its_versions_page(client, world):
    red = factories.status(world.plan, "red")
    old_title = world.plan.title
    data = {"title": "JTAI written statement of action", "kind": world.plan.kind, "start": "", "end": ""}
    data |= {"stale_after_days": "45"}
    data |= {f"definition_{s.pk}": s.definition for s in world.plan.rag_statuses.all()}
    data[f"definition_{red.pk}"] = "Off track: the board must decide"
    edit = reverse("plans:edit_plan", args=[world.plan.pk])
    versions = reverse("governance:versions", args=[world.plan.pk])
    assert f'href="{versions}#details"' in signed_in(client, world.manager).get(edit).content.decode()
    client.post(edit, data)

    details = signed_in(client, world.viewer).get(versions).context["details"]

    found = {(d.label, d.before, d.after, d.by) for d in details}
    assert ("Title", old_title, "JTAI written statement of action", "manager") in found
    assert ("Days without an update before an action is stale", "(none)", "45", "manager") in found
    assert any(d.label == "What Red means" and d.after == "Off track: the board must decide" for d in details)
    assert {d.label for d in details} == {
        "Title",
        "Days without an update before an action is stale",
        "What Red means",
    }


@pytest.mark.parametrize("written", ["31/02/2027", "12/31/2026", "2027-02-30"])
def test_a_due_date_written_as_a_day_that_does_not_exist_is_refused_with_a_message(client, world, written):
    """It was saved with no due date (never overdue) or beside a date its words contradicted."""
    signed_in(client, world.manager)
    response = client.post(
        reverse("plans:add_action", args=[world.plan.pk]),
        action_form(world.police_action.section, due_text=written),
    )
    assert response.status_code == 200
    assert f"The due date as written, {written}, is not a real date" in response.content.decode()
    assert not models.Action.objects.filter(plan=world.plan, ref="1.3").exists()

    from plans.tests.test_edit_action import edit_data

    action = world.police_action
    before = (action.due_text, action.due_date)
    edited = client.post(
        reverse("plans:edit_action", args=[action.pk]), edit_data(world, action, due_text=written)
    )
    assert edited.status_code == 200 and "is not a real date" in edited.content.decode()
    action.refresh_from_db()
    assert (action.due_text, action.due_date) == before


def test_the_api_refuses_a_due_date_written_as_a_day_that_does_not_exist(world):
    from rest_framework.test import APIClient

    client = APIClient()
    client.force_authenticate(world.manager)
    action = world.police_action
    response = client.patch(
        f"/api/actions/{action.pk}/", {"version": action.version, "due_text": "31/02/2027"}, format="json"
    )
    assert response.status_code == 400 and "is not a real date" in response.json()["due_text"][0]


def test_the_versions_page_names_people_as_every_other_page_does(client, world):
    """QA round 6: it showed the login 'demo-manager' where other pages say 'Priya Shah'."""
    world.manager.first_name, world.manager.last_name = "Priya", "Shah"
    world.manager.save()
    data = {"title": "Renamed plan", "kind": world.plan.kind, "start": "", "end": "", "stale_after_days": ""}
    data |= {f"definition_{s.pk}": s.definition for s in world.plan.rag_statuses.all()}
    signed_in(client, world.manager).post(reverse("plans:edit_plan", args=[world.plan.pk]), data)
    details = client.get(reverse("governance:versions", args=[world.plan.pk])).context["details"]
    assert [d.by for d in details if d.label == "Title"] == ["Priya Shah"]


def test_due_words_changed_to_name_no_date_beside_the_old_date_are_questioned(client, world):
    """QA round 6: 'To be determined' was saved beside 31 December 2026, and the action went overdue."""
    from plans.tests.test_edit_action import edit_data

    action = world.police_action
    action.due_text, action.due_date = "31/12/2026", dt.date(2026, 12, 31)
    action.save()
    signed_in(client, world.manager)
    url = reverse("plans:edit_action", args=[action.pk])
    kept_date = edit_data(world, action, due_text="To be determined")
    response = client.post(url, kept_date)
    assert "names no date, but the due date is still 31 December 2026" in response.content.decode()
    action.refresh_from_db()
    assert action.due_text == "31/12/2026"
    assert (
        client.post(url, edit_data(world, action, due_text="To be determined", due_date="")).status_code
        == 302
    )
    action.refresh_from_db()
    assert (action.due_text, action.due_date) == ("To be determined", None)


def test_the_api_questions_due_words_that_name_no_date_beside_the_old_date(world):
    from rest_framework.test import APIClient

    action = world.police_action
    action.due_text, action.due_date = "31/12/2026", dt.date(2026, 12, 31)
    action.save()
    client = APIClient()
    client.force_authenticate(world.manager)
    response = client.patch(
        f"/api/actions/{action.pk}/", {"version": action.version, "due_text": "Q5 2026/27"}, format="json"
    )
    assert response.status_code == 400 and "names no date" in response.json()["due_date"][0]

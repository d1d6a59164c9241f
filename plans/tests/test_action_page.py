"""The action page: details, progress updates, history, and adding an update with evidence."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from plans import models
from plans.tests import factories

PDF = b"%PDF-1.7\n1 0 obj\n<<>>\nendobj\n"


@pytest.fixture
def contributor(client, world, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    client.force_login(world.contributor)
    return client


def action_url(action) -> str:
    return reverse("plans:action", args=[action.pk])


def add_url(action) -> str:
    return reverse("plans:add_update", args=[action.pk])


def valid_update(world, **changes) -> dict:
    data = {
        "date": (timezone.localdate() - dt.timedelta(days=1)).isoformat(),
        "status": str(factories.status(world.plan, "amber").pk),
        "narrative": "Return interviews now offered within 72 hours.",
        "next_steps": "Audit a sample in May.",
        "evidence_link": "",
    }
    data.update(changes)
    return data


def test_the_action_page_shows_the_details_as_written_and_derived(contributor, world):
    action = world.police_action
    person = factories.PersonFactory(partnership=world.partnership, agency=world.police, name="Alex Reid")
    action.owners.add(person)
    action.owner_agencies.add(world.council)
    action.outcome = "Children are seen quickly."
    action.save()

    html = contributor.get(action_url(action)).content.decode()

    for text in [
        "Action 1.1",
        "Council – Head of Children&#x27;s Services",
        "Alex Reid",
        "East Sussex County Council",
        "Sussex Police",
        "October 2030",
        "31 October 2030",
        "Children are seen quickly.",
        "Owner as written",
        "Due date as written",
        "Front door",
    ]:
        assert text in html, text
    assert '<strong class="govuk-tag govuk-tag--rag-grey">No update yet</strong>' in html


def test_an_overdue_action_is_tagged_overdue(contributor, world):
    world.police_action.due_date = timezone.localdate() - dt.timedelta(days=2)
    world.police_action.save()

    assert (
        '<strong class="govuk-tag govuk-tag--red">Overdue</strong>'
        in contributor.get(action_url(world.police_action)).content.decode()
    )


def test_adding_an_update_saves_it_sets_the_status_and_records_the_author(contributor, world):
    response = contributor.post(
        add_url(world.police_action), valid_update(world, evidence_link="https://example.org/audit")
    )

    assert response.status_code == 302
    update = models.ProgressUpdate.objects.get()
    assert update.author == world.contributor
    assert update.status.key == "amber"
    assert update.evidence.get().link == "https://example.org/audit"
    world.police_action.refresh_from_db()
    assert world.police_action.status.key == "amber"
    assert world.police_action.last_update_on == update.date
    html = contributor.get(action_url(world.police_action)).content.decode()
    assert "Return interviews now offered within 72 hours." in html
    assert 'href="https://example.org/audit"' in html


def test_the_status_radios_carry_the_plans_definitions_as_hints(contributor, world):
    html = contributor.get(add_url(world.police_action)).content.decode()

    assert "Progress not on track – remedial action required" in html
    assert html.count('class="govuk-radios__input"') == 4


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"narrative": ""}, "Enter the progress and impact"),
        ({"status": ""}, "Select the status of the action"),
        ({"date": "2099-01-01"}, "The date of the update must be today or in the past"),
        ({"date": "31/02/2024"}, "Enter a real date"),
        ({"evidence_link": "not a link"}, "Enter a link in the correct format"),
    ],
)
def test_bad_input_shows_the_error_summary_and_saves_nothing(contributor, world, changes, message):
    response = contributor.post(add_url(world.police_action), valid_update(world, **changes))

    html = response.content.decode()
    assert response.status_code == 200
    assert "There is a problem" in html and 'class="govuk-error-summary"' in html
    assert message in html
    assert not models.ProgressUpdate.objects.exists()
    assert not models.Evidence.objects.exists()


def test_the_error_summary_links_a_missing_status_to_the_first_radio(contributor, world):
    html = contributor.post(add_url(world.police_action), valid_update(world, status="")).content.decode()

    assert '<a href="#id_status">Select the status of the action</a>' in html
    assert 'id="id_status" name="status" type="radio"' in html


def test_a_status_of_another_plan_is_refused(contributor, world):
    other_status = factories.status(world.other_plan, "green")

    response = contributor.post(
        add_url(world.police_action), valid_update(world, status=str(other_status.pk))
    )

    assert "Select one of this plan" in response.content.decode()
    assert not models.ProgressUpdate.objects.exists()


def test_an_evidence_file_is_uploaded_and_downloaded_through_the_checked_view(contributor, world):
    upload = SimpleUploadedFile("audit.pdf", PDF, content_type="application/pdf")

    contributor.post(add_url(world.police_action), valid_update(world, evidence_file=upload))

    evidence = models.Evidence.objects.get()
    assert evidence.file.name.endswith(".pdf")
    html = contributor.get(action_url(world.police_action)).content.decode()
    download = reverse("plans:evidence", args=[evidence.pk])
    assert download in html
    assert "/media" not in html
    response = contributor.get(download)
    assert b"".join(response.streaming_content) == PDF
    assert response["Content-Disposition"].startswith('attachment; filename="audit')


def test_evidence_downloads_under_its_title_as_shown_not_the_stored_name(contributor, world):
    # storage dropped the emoji and added a random suffix to a repeated name
    for _ in range(2):
        upload = SimpleUploadedFile("minutes 😀.pdf", PDF, content_type="application/pdf")
        contributor.post(
            add_url(world.police_action), valid_update(world, evidence_file=upload, narrative=f"n{_}")
        )

    for evidence in models.Evidence.objects.all():
        response = contributor.get(reverse("plans:evidence", args=[evidence.pk]))
        assert "filename*=utf-8''minutes%20%F0%9F%98%80.pdf" in response["Content-Disposition"]


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("tool.exe", b"MZ\x90\x00", "The file must be a PDF"),
        ("report.pdf", b"MZ\x90\x00 not a pdf", "The file is not a PDF file"),
        ("data.csv", b"a,b\x00\x00", "The file is not a CSV file"),
    ],
)
def test_an_evidence_file_of_the_wrong_type_is_refused(contributor, world, name, content, message):
    upload = SimpleUploadedFile(name, content)

    response = contributor.post(add_url(world.police_action), valid_update(world, evidence_file=upload))

    assert message in response.content.decode()
    assert not models.ProgressUpdate.objects.exists()
    assert not models.Evidence.objects.exists()


def test_an_evidence_file_over_the_size_limit_is_refused(contributor, world, settings):
    settings.OVERSIGHT_EVIDENCE_MAX_BYTES = 1024
    upload = SimpleUploadedFile("big.pdf", PDF + b"0" * 2000)

    response = contributor.post(add_url(world.police_action), valid_update(world, evidence_file=upload))

    assert "The file must be smaller than" in response.content.decode()
    assert not models.ProgressUpdate.objects.exists()


def test_evidence_of_another_partnership_cannot_be_downloaded(client, world, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    update = factories.ProgressUpdateFactory(action=world.other_action)
    evidence = models.Evidence(update=update)
    evidence.file.save("secret.txt", ContentFile(b"secret"), save=True)
    client.force_login(world.admin)

    assert client.get(reverse("plans:evidence", args=[evidence.pk])).status_code == 404


def test_the_history_shows_who_changed_what_in_the_users_words(client, world):
    client.force_login(world.manager)
    action = world.police_action
    edit = {
        "text": action.text,
        "owner_text": "Police – DCI Morgan",
        "lead_agency": world.police.pk,
        "due_text": "March 2031",
        "due_date": "2031-03-31",
        "outcome": "",
        "constraints": "",
        "version": action.version,
    }
    client.post(reverse("plans:edit_action", args=[action.pk]), edit)
    client.post(add_url(action), valid_update(world, evidence_link="https://example.org/minutes"))
    update = models.ProgressUpdate.objects.get()

    response = client.get(action_url(action))

    html = response.content.decode()
    entries = response.context["history"]
    whats = [e.what for e in entries]
    assert "Action added" in whats
    assert "Action changed" in whats
    assert f"Progress update of {update.date:%-d %B %Y} added" in whats
    assert f"Evidence for the update of {update.date:%-d %B %Y} added" in whats
    changed = next(e for e in entries if e.what == "Action changed")
    assert changed.who == "manager"
    labels = {c.label: (c.old, c.new) for c in changed.changes}
    assert labels["Owner as written"] == ("Council – Head of Children's Services", "Police – DCI Morgan")
    assert labels["Due date"] == ("31 October 2030", "31 March 2031")
    assert "Due date as written" in labels
    assert "owner_text" not in html
    assert "Amber" in html


def test_the_history_shows_a_deleted_update(client, world):
    update = factories.ProgressUpdateFactory(action=world.police_action, narrative="Wrong action")
    update.delete()
    client.force_login(world.viewer)

    whats = [e.what for e in client.get(action_url(world.police_action)).context["history"]]

    assert f"Progress update of {update.date:%-d %B %Y} deleted" in whats


def test_the_history_shows_changes_of_the_linked_owners(client, world):
    action = world.police_action
    person = factories.PersonFactory(partnership=world.partnership, agency=world.police, name="Alex Reid")
    action.owners.add(person)
    action.save()
    client.force_login(world.viewer)

    entries = client.get(action_url(action)).context["history"]

    owner_changes = [c for e in entries for c in e.changes if c.label == "Owners"]
    assert owner_changes and owner_changes[0].new.startswith("Alex Reid")


def test_bad_input_on_the_add_update_page_is_shown_on_that_page(contributor, world):
    page = contributor.get(add_url(world.police_action)).content.decode()
    assert 'name="source" value="add_update"' in page

    response = contributor.post(
        add_url(world.police_action), valid_update(world, narrative="", source="add_update")
    )

    assert [t.name for t in response.templates][0] == "plans/add_update.html"
    assert "Enter the progress and impact" in response.content.decode()
    assert not models.ProgressUpdate.objects.exists()


def test_the_history_names_the_section_agencies_and_owners_an_action_had_before(client, world):
    action = world.police_action
    old_section = action.section
    new_section = factories.SectionFactory(plan=world.plan, ref="2", title="Return home interviews")
    former = factories.PersonFactory(partnership=world.partnership, name="Sam Former")
    current = factories.PersonFactory(partnership=world.partnership, name="Kim Current")
    action.owners.add(former)
    action.owner_agencies.add(world.council)
    action.save()  # a history record with the former owner and the council
    action.owners.set([current])
    action.owner_agencies.set([])
    action.section, action.lead_agency = new_section, world.council
    action.save()
    client.force_login(world.viewer)

    entries = client.get(action_url(action)).context["history"]

    changes = {(c.label, c.old, c.new) for e in entries for c in e.changes if e.what == "Action changed"}
    assert ("Section", str(old_section), str(new_section)) in changes
    assert ("Lead agency", str(world.police), str(world.council)) in changes
    # The former owner and agency are no longer linked: their names are read for the history.
    named = {name for label, old, new in changes if label.startswith("Owner") for name in (old, new)}
    assert {str(former), str(current), str(world.council)} <= named


def test_the_same_update_sent_again_moments_later_is_saved_once(contributor, world):
    # Back, then Save again: the form arrives twice with the same words
    first = contributor.post(add_url(world.police_action), valid_update(world))
    again = contributor.post(add_url(world.police_action), valid_update(world), follow=True)

    assert first.status_code == 302
    assert models.ProgressUpdate.objects.filter(action=world.police_action).count() == 1
    assert "was already saved" in again.content.decode()


def test_the_same_update_sent_again_with_the_file_and_next_steps_forgotten_keeps_them(contributor, world):
    """Back, add the file forgotten the first time, Save: it was dropped with 'already saved'."""
    action = world.police_action
    contributor.post(add_url(action), valid_update(world, next_steps=""))
    upload = SimpleUploadedFile("minutes.pdf", PDF, content_type="application/pdf")
    again = contributor.post(
        add_url(action),
        {
            **valid_update(world, next_steps="Present the audit in June."),
            "evidence_link": "https://example.org/minutes",
            "evidence_file": upload,
        },
        follow=True,
    )

    update = models.ProgressUpdate.objects.get(action=action)
    assert update.next_steps == "Present the audit in June."
    assert {(e.link, bool(e.file)) for e in update.evidence.all()} == {
        ("https://example.org/minutes", False),
        ("", True),
    }
    assert "already saved; the next steps, link and file you added are kept with it" in again.content.decode()


def test_the_same_words_with_other_next_steps_are_a_second_update(contributor, world):
    action = world.police_action
    contributor.post(add_url(action), valid_update(world, next_steps="Audit a sample in May."))
    contributor.post(add_url(action), valid_update(world, next_steps="Report to the board in July."))

    assert sorted(
        models.ProgressUpdate.objects.filter(action=action).values_list("next_steps", flat=True)
    ) == [
        "Audit a sample in May.",
        "Report to the board in July.",
    ]


def test_a_different_update_on_the_same_day_is_saved_as_well(contributor, world):
    contributor.post(add_url(world.police_action), valid_update(world))
    contributor.post(add_url(world.police_action), valid_update(world, narrative="Audit booked for May."))

    assert models.ProgressUpdate.objects.filter(action=world.police_action).count() == 2


def test_an_update_dated_before_the_latest_says_the_action_keeps_its_status(contributor, world):
    """Entering an old update must not tell its author they changed the RAG."""
    amber = factories.status(world.plan, "amber")
    factories.ProgressUpdateFactory(
        action=world.police_action, date=dt.date.today(), status=amber, author=world.contributor
    )
    world.police_action.refresh_status()
    old = dt.date.today() - dt.timedelta(days=30)
    page = contributor.post(
        add_url(world.police_action),
        valid_update(world, date=old.isoformat(), status=factories.status(world.plan, "red").pk),
        follow=True,
    ).content.decode()
    assert "stays Amber" in page and "is now Red" not in page
    world.police_action.refresh_from_db()
    assert world.police_action.status == amber


def test_a_long_evidence_file_name_is_cut_to_fit_keeping_its_extension(contributor, world):
    """SharePoint and Teams names run past the 200 characters of a title (PostgreSQL refused
    the whole update with a 500)."""
    name = "Minutes of the multi-agency safeguarding hub strategic group " * 4 + "final v3.pdf"
    upload = SimpleUploadedFile(name, b"%PDF-1.4 minutes", content_type="application/pdf")
    contributor.post(add_url(world.police_action), {**valid_update(world), "evidence_file": upload})
    evidence = models.Evidence.objects.get(update__action=world.police_action)
    assert len(evidence.title) == 200 and evidence.title.endswith(".pdf")


def test_an_update_refused_in_a_signed_off_area_says_the_board_signed_it_off(contributor, world):
    section = world.police_action.section
    section.signed_off_on = dt.date(2026, 11, 19)
    section.save()
    page = contributor.get(add_url(world.police_action))
    assert page.status_code == 403
    text = " ".join(page.content.decode().split())
    assert f"Section {section.ref} was signed off by the board on 19 November 2026" in text


def test_an_update_without_a_status_is_marked_not_rated_rather_than_no_update_yet(client, world):
    """An imported update the document did not rate is still an update."""
    factories.ProgressUpdateFactory(action=world.police_action, status=None, narrative="Meeting held.")
    world.police_action.refresh_status()
    client.force_login(world.viewer)
    page = client.get(action_url(world.police_action)).content.decode()
    assert "Not rated" in page and "No update yet" not in page
    plan_page = client.get(world.plan.get_absolute_url()).content.decode()
    row = plan_page[plan_page.index(f'data-action="{world.police_action.pk}"') :]
    assert "Not rated" in row[: row.index("</tr>")]


def test_an_action_without_a_reference_or_lead_agency_is_named_by_its_text_and_says_not_given(client, world):
    action = world.police_action
    action.ref, action.lead_agency, action.text = (
        "",
        None,
        "Audit the front door decisions of the MASH each month",
    )
    action.save()
    client.force_login(world.viewer)
    page = client.get(action.get_absolute_url()).content.decode()
    assert '<h1 class="govuk-heading-l">Action “Audit the front door decisions of…”</h1>' in page
    assert ">None<" not in page and "Not given" in page


def test_a_failed_change_keeps_the_saved_name_in_the_title_and_heading(client, world):
    from plans.tests.test_edit_action import edit_data

    action = world.police_action
    client.force_login(world.manager)
    page = client.post(
        reverse("plans:edit_action", args=[action.pk]), edit_data(world, action, ref="", text="")
    ).content.decode()
    assert "<title>Error: Change action 1.1" in page and "Change action 1.1</h1>" in page


def test_an_update_dated_long_ago_is_asked_about_once_and_saved_when_the_date_is_confirmed(
    contributor, world
):
    """1/1/2001 typed for 1/1/2026 would count the action with that status in every figure since."""
    url = add_url(world.police_action)
    slip = (timezone.localdate() - dt.timedelta(days=93)).strftime("%-d/%-m/%Y")
    first = contributor.post(url, valid_update(world, date=slip, source="add_update"))

    page = first.content.decode()
    assert first.status_code == 200 and "more than 3 months ago: check the date" in page
    assert 'name="date_confirmed"' in page
    assert not models.ProgressUpdate.objects.exists()

    confirmed = contributor.post(url, valid_update(world, date=slip, date_confirmed="on"))
    assert confirmed.status_code == 302
    assert models.ProgressUpdate.objects.get().date == timezone.localdate() - dt.timedelta(days=93)


def test_a_recent_date_is_not_questioned_and_the_page_does_not_offer_the_confirmation(contributor, world):
    url = add_url(world.police_action)
    assert 'name="date_confirmed"' not in contributor.get(url).content.decode()
    recent = (timezone.localdate() - dt.timedelta(days=92)).isoformat()
    assert contributor.post(url, valid_update(world, date=recent)).status_code == 302

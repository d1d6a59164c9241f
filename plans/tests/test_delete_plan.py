"""Deleting a plan on its own page (a plan imported by mistake): the link on the plan page for
those who may, a page that asks once more and says what goes with the plan, one door for access,
and the same deletion as the API's."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from django.core.files.base import ContentFile
from django.urls import reverse

from plans import deleting, models, rules
from plans.models import historical_model
from plans.tests import factories

SIGNED_OFF_EXPLANATION = "Only an admin can delete a plan with an area the board has signed off"


def delete_url(plan) -> str:
    return reverse("plans:delete_plan", args=[plan.pk])


def signed_in(client, user):
    client.force_login(user)
    return client


def sign_off(section) -> None:
    section.signed_off_on = dt.date(2025, 3, 4)
    section.save()


@pytest.fixture
def filled_plan(world):
    """The world's plan with a second, nested section, three updates and two pieces of evidence."""
    child = factories.SectionFactory(
        plan=world.plan, parent=world.police_action.section, ref="1.A", title="Screening"
    )
    factories.ActionFactory(plan=world.plan, section=child, ref="1.A.1")
    first = factories.ProgressUpdateFactory(action=world.police_action, date=dt.date(2025, 1, 6))
    factories.ProgressUpdateFactory(action=world.police_action, date=dt.date(2025, 2, 3))
    factories.ProgressUpdateFactory(action=world.council_action, date=dt.date(2025, 2, 3))
    models.Evidence.objects.create(update=first, link="https://example.org/audit")
    models.Evidence.objects.create(update=first, link="https://example.org/minutes")
    return world.plan


# --- the link on the plan page ---------------------------------------------------------


def test_a_plan_manager_sees_a_delete_this_plan_link_on_the_plan_page(client, world):
    page = signed_in(client, world.manager).get(world.plan.get_absolute_url()).content.decode()

    assert "Delete this plan" in page
    assert f'href="{delete_url(world.plan)}"' in page


@pytest.mark.parametrize("who", ["viewer", "contributor"])
def test_viewers_and_contributors_do_not_see_the_delete_link(client, world, who):
    page = signed_in(client, getattr(world, who)).get(world.plan.get_absolute_url()).content.decode()

    assert "Delete this plan" not in page
    assert delete_url(world.plan) not in page


def test_a_plan_manager_does_not_see_the_link_once_an_area_is_signed_off_but_an_admin_does(client, world):
    sign_off(world.police_action.section)

    manager_page = signed_in(client, world.manager).get(world.plan.get_absolute_url()).content.decode()
    admin_page = signed_in(client, world.admin).get(world.plan.get_absolute_url()).content.decode()

    assert "Delete this plan" not in manager_page
    assert "Delete this plan" in admin_page


def test_the_plan_page_asks_the_same_rule_from_the_sections_it_has_read(world):
    sections = list(world.plan.sections.all())
    for user in (world.admin, world.manager, world.contributor, world.viewer, world.outsider):
        assert rules.can_delete_plan(user, world.plan, sections=sections) == rules.can_delete_plan(
            user, world.plan
        )
    sign_off(world.police_action.section)
    sections = list(world.plan.sections.all())
    assert not rules.can_delete_plan(world.manager, world.plan, sections=sections)
    assert rules.can_delete_plan(world.admin, world.plan, sections=sections)


# --- the confirmation page ---------------------------------------------------------------


def test_the_confirmation_page_asks_and_says_what_goes_with_the_plan(client, world, filled_plan):
    response = signed_in(client, world.manager).get(delete_url(filled_plan))

    assert response.status_code == 200
    page = response.content.decode()
    assert "Are you sure you want to delete JTAI action plan?" in page
    assert (
        "The plan will be deleted with its 2 sections, 3 actions, 3 progress updates and 2 pieces of evidence."
        in page
    )
    assert "This cannot be undone." in page
    assert 'class="govuk-warning-text"' in page
    assert 'class="govuk-button govuk-button--warning"' in page and ">Delete plan</button>" in page
    assert 'name="csrfmiddlewaretoken"' in page
    assert f'<a class="govuk-link" href="{filled_plan.get_absolute_url()}">Cancel</a>' in page


def test_the_page_of_an_empty_plan_says_it_has_nothing_in_it(client, world):
    empty = factories.PlanFactory(partnership=world.partnership, title="Delivery plan 2026")

    page = signed_in(client, world.manager).get(delete_url(empty)).content.decode()

    assert "The plan will be deleted. It has no sections, actions or progress updates." in page
    assert ">Delete plan</button>" in page


def test_opening_the_confirmation_page_deletes_nothing(client, world, filled_plan):
    signed_in(client, world.admin).get(delete_url(filled_plan))

    assert models.Plan.objects.filter(pk=filled_plan.pk).exists()
    assert models.Action.objects.filter(plan=filled_plan).count() == 3
    assert models.ProgressUpdate.objects.filter(action__plan=filled_plan).count() == 3


# --- deleting ----------------------------------------------------------------------------


def test_a_plan_manager_deletes_a_plan_and_is_told_on_the_home_page(client, world, filled_plan):
    manager = signed_in(client, world.manager)
    action_ids = list(models.Action.objects.filter(plan=filled_plan).values_list("pk", flat=True))

    response = manager.post(delete_url(filled_plan), follow=True)

    assert response.redirect_chain == [(reverse("home"), 302)]
    assert not models.Plan.objects.filter(pk=filled_plan.pk).exists()
    assert not models.Action.objects.filter(pk__in=action_ids).exists()
    assert not models.Section.objects.filter(plan_id=filled_plan.pk).exists()
    assert not models.ProgressUpdate.objects.filter(action_id__in=action_ids).exists()
    assert not models.Evidence.objects.filter(update__action_id__in=action_ids).exists()
    page = response.content.decode()
    assert "govuk-notification-banner--success" in page
    assert "JTAI action plan has been deleted" in page
    assert manager.get(filled_plan.get_absolute_url()).status_code == 404


def test_the_deletion_is_kept_in_the_history_with_who_deleted_it(client, world, filled_plan):
    signed_in(client, world.manager).post(delete_url(filled_plan))

    deleted = historical_model(models.Plan).objects.get(id=filled_plan.pk, history_type="-")
    assert deleted.history_user == world.manager
    assert deleted.title == "JTAI action plan"
    gone = historical_model(models.Action).objects.filter(plan_id=filled_plan.pk, history_type="-")
    assert gone.count() == 3
    assert {row.history_user for row in gone} == {world.manager}


def test_a_plans_evidence_files_go_with_it(
    client, world, settings, tmp_path, django_capture_on_commit_callbacks
):
    settings.MEDIA_ROOT = tmp_path
    update = factories.ProgressUpdateFactory(action=world.police_action)
    evidence = models.Evidence(update=update, title="audit.txt")
    evidence.file.save("audit.txt", ContentFile(b"audit findings"), save=True)
    path = Path(evidence.file.path)
    assert path.exists()

    with django_capture_on_commit_callbacks(execute=True):
        signed_in(client, world.manager).post(delete_url(world.plan))

    assert not models.Evidence.objects.filter(pk=evidence.pk).exists()
    assert not path.exists()


def test_other_plans_are_untouched(client, world):
    kept = factories.PlanFactory(partnership=world.partnership, title="Delivery plan 2026")
    kept_action = factories.ActionFactory(plan=kept)

    signed_in(client, world.manager).post(delete_url(world.plan))

    assert models.Plan.objects.filter(pk=kept.pk).exists()
    assert models.Action.objects.filter(pk=kept_action.pk).exists()
    assert models.Action.objects.filter(pk=world.other_action.pk).exists()


def test_the_page_and_the_api_delete_through_the_same_function(client, world, monkeypatch):
    from rest_framework.test import APIClient

    real, calls = deleting.delete_plan, []

    def recorded(plan, user):
        calls.append((plan.title, user))
        return real(plan, user)

    monkeypatch.setattr(deleting, "delete_plan", recorded)
    second = factories.PlanFactory(partnership=world.partnership, title="Delivery plan 2026")
    api = APIClient()
    api.force_authenticate(user=world.admin)

    assert signed_in(client, world.manager).post(delete_url(world.plan)).status_code == 302
    assert api.delete(f"/api/plans/{second.pk}/").status_code == 204

    assert calls == [("JTAI action plan", world.manager), ("Delivery plan 2026", world.admin)]
    assert not models.Plan.objects.filter(pk__in=[world.plan.pk, second.pk]).exists()


# --- who may ---------------------------------------------------------------------------


@pytest.mark.parametrize("who", ["viewer", "contributor"])
def test_viewers_and_contributors_are_refused_the_page_and_the_deletion(client, world, who):
    user_client = signed_in(client, getattr(world, who))

    shown = user_client.get(delete_url(world.plan))
    sent = user_client.post(delete_url(world.plan))

    assert shown.status_code == 403
    assert sent.status_code == 403
    assert "Only plan managers and admins can delete a plan." in sent.content.decode()
    assert models.Plan.objects.filter(pk=world.plan.pk).exists()


def test_another_partnerships_plan_is_not_found(client, world):
    manager = signed_in(client, world.manager)

    assert manager.get(delete_url(world.other_plan)).status_code == 404
    assert manager.post(delete_url(world.other_plan)).status_code == 404
    assert models.Plan.objects.filter(pk=world.other_plan.pk).exists()


def test_someone_signed_out_is_told_to_sign_in_and_nothing_is_deleted(client, world):
    response = client.post(delete_url(world.plan))

    assert response.status_code == 403 and "You were signed out" in response.content.decode()
    assert f"{reverse('login')}?next=" in response.content.decode()
    assert models.Plan.objects.filter(pk=world.plan.pk).exists()


def test_a_plan_manager_is_told_why_a_plan_with_a_signed_off_area_cannot_be_deleted(client, world):
    sign_off(world.police_action.section)
    manager = signed_in(client, world.manager)

    response = manager.get(delete_url(world.plan))

    assert response.status_code == 200
    page = response.content.decode()
    assert "You cannot delete JTAI action plan" in page
    assert SIGNED_OFF_EXPLANATION in page
    assert "1 Front door on 4 March 2025" in page
    assert "Delete plan</button>" not in page and "<form" not in page.split('id="main-content"')[1]


def test_a_plan_managers_deletion_of_a_plan_with_a_signed_off_area_is_refused(client, world):
    sign_off(world.police_action.section)

    response = signed_in(client, world.manager).post(delete_url(world.plan))

    assert response.status_code == 403
    assert SIGNED_OFF_EXPLANATION in response.content.decode()
    assert models.Plan.objects.filter(pk=world.plan.pk).exists()
    assert models.Section.objects.filter(
        pk=world.police_action.section_id, signed_off_on__isnull=False
    ).exists()


def test_an_area_signed_off_inside_another_section_also_keeps_the_plan_for_admins(client, world):
    child = factories.SectionFactory(plan=world.plan, parent=world.police_action.section, ref="1.A")
    sign_off(child)

    assert signed_in(client, world.manager).post(delete_url(world.plan)).status_code == 403
    assert models.Plan.objects.filter(pk=world.plan.pk).exists()


def test_an_admin_deletes_a_plan_with_a_signed_off_area(client, world):
    sign_off(world.police_action.section)
    admin = signed_in(client, world.admin)

    page = admin.get(delete_url(world.plan)).content.decode()
    response = admin.post(delete_url(world.plan))

    assert "Are you sure you want to delete JTAI action plan?" in page and ">Delete plan</button>" in page
    assert response.status_code == 302
    assert not models.Plan.objects.filter(pk=world.plan.pk).exists()


def test_an_area_signed_off_after_the_page_was_shown_still_stops_a_plan_manager(client, world):
    manager = signed_in(client, world.manager)
    assert ">Delete plan</button>" in manager.get(delete_url(world.plan)).content.decode()
    sign_off(world.police_action.section)

    assert manager.post(delete_url(world.plan)).status_code == 403
    assert models.Plan.objects.filter(pk=world.plan.pk).exists()


def test_delete_plan_asks_the_rule_itself(world):
    sign_off(world.police_action.section)

    with pytest.raises(deleting.PermissionDenied):
        deleting.delete_plan(world.plan, world.manager)
    with pytest.raises(deleting.PermissionDenied):
        deleting.delete_plan(world.plan, world.viewer)
    assert deleting.delete_plan(world.plan, world.admin) is True
    assert deleting.delete_plan(world.plan, world.admin) is False  # sent twice: gone already


# --- the counts and their words ------------------------------------------------------------


def test_plan_contents_counts_sections_at_every_depth_actions_updates_and_evidence(world, filled_plan):
    assert deleting.plan_contents(filled_plan) == deleting.PlanContents(
        sections=2, actions=3, updates=3, evidence=2
    )


def test_plan_contents_counts_only_the_plans_own(world, filled_plan):
    factories.ProgressUpdateFactory(action=world.other_action)

    assert deleting.plan_contents(world.other_plan) == deleting.PlanContents(
        sections=1, actions=1, updates=1, evidence=0
    )
    assert deleting.plan_contents(filled_plan).updates == 3


def test_an_empty_plan_has_nothing_to_count(world):
    empty = factories.PlanFactory(partnership=world.partnership)

    assert deleting.plan_contents(empty) == deleting.PlanContents(0, 0, 0, 0)


def test_plan_contents_reads_four_queries_whatever_the_plans_size(world, django_assert_num_queries):
    factories.police_actions(world, 5)

    with django_assert_num_queries(4):
        deleting.plan_contents(world.plan)


@pytest.mark.parametrize(
    ("contents", "words"),
    [
        ((2, 14, 31, 5), "2 sections, 14 actions, 31 progress updates and 5 pieces of evidence"),
        ((1, 1, 1, 1), "1 section, 1 action, 1 progress update and 1 piece of evidence"),
        ((1, 3, 0, 0), "1 section and 3 actions"),
        ((0, 2, 4, 0), "2 actions and 4 progress updates"),
        ((3, 0, 0, 0), "3 sections"),
        ((0, 0, 0, 0), ""),
    ],
)
def test_contents_in_words_counts_in_plain_words_leaving_out_what_there_is_none_of(contents, words):
    assert deleting.contents_in_words(deleting.PlanContents(*contents)) == words


@pytest.mark.parametrize(
    ("parts", "text"),
    [([], ""), (["a"], "a"), (["a", "b"], "a and b"), (["a", "b", "c"], "a, b and c")],
)
def test_joined_puts_and_before_the_last_part(parts, text):
    assert deleting.joined(parts) == text


def test_counted_says_one_in_the_singular_and_others_in_the_plural():
    assert deleting.counted(1, "action", "actions") == "1 action"
    assert deleting.counted(0, "action", "actions") == "0 actions"
    assert deleting.counted(2, "piece of evidence", "pieces of evidence") == "2 pieces of evidence"


def test_signed_off_areas_lists_the_plans_signed_off_sections_in_order(world):
    later = factories.SectionFactory(plan=world.plan, ref="2", title="Early help", order=2)
    sign_off(later)
    sign_off(world.police_action.section)
    factories.SectionFactory(plan=world.plan, ref="3", title="Open area", order=3)

    assert deleting.signed_off_areas(world.plan) == [world.police_action.section, later]


def test_the_api_tells_a_plan_manager_why_a_plan_with_a_signed_off_area_cannot_be_deleted(world):
    from rest_framework.test import APIClient

    sign_off(world.police_action.section)
    api = APIClient()
    api.force_authenticate(user=world.manager)

    response = api.delete(f"/api/plans/{world.plan.pk}/")

    assert response.status_code == 403
    assert response.json()["detail"] == (
        "The board has signed off an area of this plan: only admins can delete the plan."
    )
    assert models.Plan.objects.filter(pk=world.plan.pk).exists()

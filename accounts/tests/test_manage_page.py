"""The "Manage the partnership" page lists the partnership's own members, agencies and people."""

from __future__ import annotations

from django.urls import reverse

from accounts.tests.helpers import HOSTILE, person_in
from plans.tests import factories


def test_an_admin_sees_the_partnerships_members_agencies_and_people(client, world):
    person_in(world, name="Detective Inspector Jo Bloggs")
    client.force_login(world.admin)

    html = client.get(reverse("accounts:manage", args=[world.partnership.pk])).content.decode()

    for text in ("Sussex Police", "East Sussex County Council", "Detective Inspector Jo Bloggs"):
        assert text in html
    for username in ("admin", "manager", "contributor", "viewer"):
        assert f">{username}<" in html
    assert reverse("accounts:edit_agency", args=[world.police.pk]) in html


def test_the_page_shows_nothing_of_another_partnership(client, world):
    other = world.other_plan.partnership
    factories.AgencyFactory(partnership=other, name="Essex Police")
    factories.PersonFactory(partnership=other, name="Thurrock Officer")
    client.force_login(world.admin)

    html = client.get(reverse("accounts:manage", args=[world.partnership.pk])).content.decode()

    assert "Essex Police" not in html
    assert "Thurrock Officer" not in html
    assert ">outsider<" not in html


def test_another_partnerships_management_page_is_not_found(client, world):
    client.force_login(world.admin)

    response = client.get(reverse("accounts:manage", args=[world.other_plan.partnership_id]))

    assert response.status_code == 404


def test_names_from_other_doors_are_shown_as_text(client, world):
    # An import or the API may have stored names these forms refuse.
    world.police.name = f"Police {HOSTILE}"
    world.police.save()
    person_in(world, name=HOSTILE, job_title=HOSTILE)
    world.viewer.first_name = HOSTILE
    world.viewer.save()
    client.force_login(world.admin)

    html = client.get(reverse("accounts:manage", args=[world.partnership.pk])).content.decode()

    assert "<script>alert" not in html
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in html


def test_a_member_who_has_not_set_a_password_is_marked(client, world):
    world.viewer.set_unusable_password()
    world.viewer.save()
    client.force_login(world.admin)

    html = client.get(reverse("accounts:manage", args=[world.partnership.pk])).content.decode()

    assert html.count("Password not set") == 1

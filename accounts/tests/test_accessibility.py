"""axe-core finds no serious or critical accessibility problems on the administration pages,
with and without an error summary, nor on the set-password page."""

from __future__ import annotations

import os

import pytest
from django.urls import reverse

from accounts.members import set_password_link
from accounts.tests.helpers import person_in
from oversight.testing import axe_violations, chromium, sign_in
from plans.models import Membership

os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"

pytestmark = pytest.mark.browser


def test_the_administration_pages_have_no_serious_or_critical_accessibility_violations(
    live_server, transactional_db, world, settings
):
    settings.SITE_URL = ""
    p = world.partnership.pk
    person = person_in(world)
    viewer = Membership.objects.get(user=world.viewer)
    pages = {
        "manage": reverse("accounts:manage", args=[p]),
        "add agency": reverse("accounts:add_agency", args=[p]),
        "change agency": reverse("accounts:edit_agency", args=[world.police.pk]),
        "add person": reverse("accounts:add_person", args=[p]),
        "change person": reverse("accounts:edit_person", args=[person.pk]),
        "add member": reverse("accounts:add_member", args=[p]),
        "add existing login": reverse("accounts:add_existing_member", args=[p]),
        "change member": reverse("accounts:edit_member", args=[viewer.pk]),
        "remove member": reverse("accounts:remove_member", args=[viewer.pk]),
        "remove the last admin": reverse(
            "accounts:remove_member", args=[Membership.objects.get(user=world.admin).pk]
        ),
    }
    world.viewer.set_unusable_password()
    world.viewer.save()
    link = set_password_link(world.viewer)
    found: dict[str, list] = {}

    def check(name: str, page) -> None:
        assert page.locator("h1").count() >= 1, name
        violations = axe_violations(page)
        if violations:
            found[name] = [(v["id"], v["impact"], [n["html"] for n in v["nodes"]][:3]) for v in violations]

    with chromium() as browser:
        page = browser.new_page()
        sign_in(page, live_server.url, "admin", "correct-horse-battery")
        for name, address in pages.items():
            page.goto(live_server.url + address)
            check(name, page)
        page.goto(live_server.url + pages["add member"])
        page.click("main form button[type=submit]")
        assert page.locator(".govuk-error-summary").count() == 1
        check("add member with errors", page)
        page.goto(live_server.url + link)
        check("set password", page)
        page.click("main form button[type=submit]")
        check("set password with errors", page)

    assert found == {}

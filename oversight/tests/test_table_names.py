"""Every data table a screen reader user meets is named: a <caption>, or aria-labelledby pointing
at the heading above it (the board report, whose text must match its PDF word for word)."""

from __future__ import annotations

import re

import time_machine
from django.urls import reverse

from governance.tests.test_pages_and_permissions import TODAY, gov  # noqa: F401  (fixture)
from plans.tests import factories
from scorecard.models import Unit
from scorecard.tests.factories import MeasureFactory, ValueFactory


def unnamed_tables(page: str) -> list[str]:
    found = []
    for match in re.finditer(r"<table\b([^>]*)>(.*?)</table>", page, re.S):
        attrs, body = match.groups()
        labelled = re.search(r'aria-labelledby="([^"]+)"', attrs)
        if labelled:
            assert f'id="{labelled.group(1)}"' in page, labelled.group(1)
            continue
        if not re.match(r"\s*<caption\b", body):
            found.append(match.group(0)[:120])
    return found


def test_the_governance_pages_and_board_report_name_every_table(client, gov):  # noqa: F811
    factories.ProgressUpdateFactory(action=gov.police_action, status=factories.status(gov.plan, "red"))
    client.force_login(gov.manager)
    with time_machine.travel(TODAY, tick=False):
        for address in (
            reverse("governance:plan", args=[gov.plan.pk]),
            reverse("governance:versions", args=[gov.plan.pk]),
            reverse("reports:plan_report", args=[gov.plan.pk]),
        ):
            page = client.get(address).content.decode()
            assert "<table" in page, address
            assert unnamed_tables(page) == [], address


def test_a_measure_page_names_its_history_table(client, world):
    measure = MeasureFactory(partnership=world.partnership, unit=Unit.COUNT)
    ValueFactory(measure=measure)
    client.force_login(world.manager)
    page = client.get(reverse("scorecard:measure", args=[measure.pk])).content.decode()
    assert "History of values" in page
    assert unnamed_tables(page) == []

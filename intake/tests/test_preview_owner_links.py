"""A newer version's preview says an unchanged owner keeps its links, rather than '(new)' of an
agency it does not offer to add (QA round 9)."""

from __future__ import annotations

from django.urls import reverse

from intake.models import ImportBatch
from plans.models import Agency, Plan

from .test_web_import import confirm, upload, xlsx_bytes

ROWS = [
    ["1.1", "Audit return home interviews", "Sussex Police", "October 2020", "Amber", "Audit booked"],
    ["1.2", "Run a learning event", "LSCP task and finish group", "June 2021", "Green", ""],
]


def test_an_unchanged_owner_is_said_to_keep_its_links_not_matched_or_proposed_again(client, world):
    client.force_login(world.manager)
    upload(client, "v1.xlsx", xlsx_bytes(ROWS))
    confirm(client, ImportBatch.objects.get(), owners_to_add=[])  # every proposal unticked
    plan = Plan.objects.get(title="Front door plan")
    assert not Agency.objects.filter(name__icontains="task and finish").exists()

    upload(client, "v2.xlsx", xlsx_bytes(ROWS), plan=plan.pk)
    page = client.get(reverse("intake:batch", args=[ImportBatch.objects.latest("pk").pk])).content.decode()

    assert "LSCP task and finish group (new)" not in page
    assert "Owner unchanged: its links to agencies and people stay as they are" in page
    assert 'name="owners_to_add"' not in page

"""The saved import's page keeps the notes its preview gave, each linked to its action."""

from __future__ import annotations

import re

from django.urls import reverse

from intake.models import ImportBatch
from intake.saving import saved_notes
from plans.models import Action
from plans.tests import factories

from .test_web_import import confirm, preview, xlsx_bytes


def test_the_saved_page_lists_the_previews_notes_as_said_before_saving_each_linked_to_its_action(
    client, world
):
    """QA round 8: the notes were repeated as plain paragraphs, in the preview's future tense, with
    nothing to follow to the action they were about."""
    client.force_login(world.manager)
    rows = [
        [
            "1.1",
            "Audit return home interviews",
            "Sussex Police",
            "October 2020",
            "Amber",
            "12/01/2026 - Audit booked. 01/03/2099 - Audit done.",
        ],
        ["1.1", "Train designated leads", "Sussex Police", "June 2020", "Green", ""],
    ]
    batch, _page = preview(client, "plan.xlsx", xlsx_bytes(rows))
    page = confirm(client, batch, title="Front door plan", kind="jtai")
    saved = client.get(reverse("intake:batch", args=[batch.pk])).content.decode()
    audit = Action.objects.get(plan=ImportBatch.objects.get().saved_plan, ref="1.1")
    assert "What the check before saving said (2)" in saved
    assert "they say what saving was going to do" in saved
    # the note on 1.1 links to it; the note on the plan as a whole links nowhere
    link = re.search(
        r'<a class="govuk-link" href="([^"]+)">1\.1</a>: the progress has an update dated', saved
    )
    assert link and link.group(1) == audit.get_absolute_url(), page
    assert "The document has two actions with ref 1.1" in saved


def test_a_note_links_the_longest_reference_it_opens_with_and_not_a_removed_action(world):
    plan = world.plan
    section = world.police_action.section
    short = factories.ActionFactory(plan=plan, section=section, ref="7.1", text="Short")
    longer = factories.ActionFactory(plan=plan, section=section, ref="7.1a", text="Longer")
    ref_less = factories.ActionFactory(plan=plan, section=section, ref="", text="Review the front door")
    notes = saved_notes(
        [
            "7.1a: kept as changed in Oversight since the last import.",
            "7.1 is in the document but was removed from the plan in Oversight.",
            "“Review the front door”: its agency would change.",
            "9.9: an action since removed.",
        ],
        plan,
    )
    assert [(n.ref, n.url) for n in notes] == [
        ("7.1a", longer.get_absolute_url()),
        ("7.1", short.get_absolute_url()),
        ("“Review the front door”", ref_less.get_absolute_url()),
        ("", ""),
    ]
    assert notes[0].text == ": kept as changed in Oversight since the last import."
    assert notes[3].text == "9.9: an action since removed."
    assert saved_notes(["A note"], None)[0].url == ""
    assert not ImportBatch.objects.exists()

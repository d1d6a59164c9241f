"""A meeting page lists the areas proposed for sign-off awaiting the board, with their evidence,
for every member to read before deciding (QA rounds 9 and 10)."""

from __future__ import annotations

import datetime as dt

from governance.models import Board, Decision, Meeting, SignOff
from plans.tests import factories


def test_a_board_member_reads_each_proposal_its_evidence_and_what_agreeing_would_lock(client, world):
    board = Board.objects.create(partnership=world.partnership, name="Partnership Executive")
    board.plans.add(world.plan)
    meeting = Meeting.objects.create(board=board, date=dt.date(2026, 3, 20))
    section = world.police_action.section
    SignOff.objects.create(
        section=section,
        proposed_on=dt.date(2026, 3, 2),
        evidence="Audit of 20 cases: 18 show the child's lived experience.",
        evidence_links="https://example.org/audit.pdf",
        monitored_through="the quarterly practice audit",
    )
    other = factories.SectionFactory(plan=world.plan, ref="9", title="Decided already")
    SignOff.objects.create(
        section=other, proposed_on=dt.date(2026, 2, 1), evidence="Old", monitored_through="y",
        decision=Decision.NOT_AGREED, decided_on=dt.date(2026, 2, 20),
    )  # fmt: skip
    client.force_login(world.viewer)

    page = client.get(meeting.get_absolute_url()).content.decode().replace("&#x27;", "'")

    assert "Areas proposed for sign-off, awaiting the board's decision" in page
    assert "Audit of 20 cases: 18 show the child's lived experience." in page
    assert "https://example.org/audit.pdf" in page and "the quarterly practice audit" in page
    not_done = section.actions.exclude(status__is_done=True).count()
    assert f"{not_done}: agreeing locks" in page
    assert "Decided already" not in page

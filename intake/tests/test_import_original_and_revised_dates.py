"""A plan with an 'Original date' and a 'Revised date' column (blind round 5): an action never
moved has only its original date, which is its due date; a moved one is due by the later."""

from __future__ import annotations

import datetime as dt

from intake.importer.api import import_document

PLAN = (
    "Ref\tAction\tLead officer\tOriginal date\tRevised date\tBRAG\n"
    "IP1.1\tLaunch a revised supervision policy.\tPrincipal Social Worker\tMay 2024\t\tBlue\n"
    "IP1.2\tIntroduce a monthly tracker of children's plans.\tService Manager\tJuly 2024\tOctober 2024\tRed\n"
    "IP1.3\tReview the fostering recruitment campaign.\tFostering Manager\tQ2 2024/25\tQ4 2024/25\tAmber\n"
)


def test_an_action_with_only_its_original_date_is_due_by_it_and_a_moved_one_by_the_revised() -> None:
    draft = import_document(PLAN.encode(), filename="plan.txt")

    assert [(a.ref, a.due) for a in draft.actions] == [
        ("IP1.1", dt.date(2024, 5, 31)),
        ("IP1.2", dt.date(2024, 10, 31)),
        ("IP1.3", dt.date(2025, 3, 31)),
    ]
    assert draft.actions[1].due_text == "July 2024 October 2024"  # both kept, as written

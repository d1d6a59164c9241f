"""A report that lists some actions again before the plan itself (this service's own board pack, a
committee report): its exceptions tables ('Red (1)', 'Overdue (2)') shorten an action's words with
'…' and give a 'Last update' date where the plan gives the update; a listing of nothing ('Evidence
(0)', 'None.') follows; the plan's areas are numbered rows ('2  Identifying needs') with what needs
to improve under them; a line closes the report ('Produced by ... on 7 December 2026.'). Read once
each, from the plan, in their areas."""

from __future__ import annotations

from intake.importer.api import import_document
from intake.importer.model import PlanDraft

REPORT = """\
Thurrock Safeguarding Children Partnership
Neglect delivery plan
Progress updates as at 14 December 2025

Exceptions

Red (1)
Ref       Action                                       Owner                      Due by              RAG       Last update
2.2       Review the escalation process for children   Essex Police               31 January 2026     Red       8 December 2025
          missing from …

Evidence (0)
None.

2 Identifying needs
What needs to improve: Quality and timeliness of police recording.

Ref       Action                                       Owner                      Due by              RAG       Progress and impact
2.1       Audit police recording of neglect concerns   Essex Police               31 October 2025     Amber     10 December 2025: Analyst recruited.
2.2       Review the escalation process for children   Essex Police               31 January 2026     Red       8 December 2025: Not started: waiting for
          missing from education each month.                                                                   funding.

Produced by Oversight on 7 December 2026.
"""


def _read(text: str = REPORT) -> PlanDraft:
    return import_document(text.encode(), "report.txt")


def test_an_action_listed_again_with_its_words_shortened_is_read_once_with_its_whole_words() -> None:
    draft = _read()

    assert [(a.ref, a.text) for a in draft.actions] == [
        ("2.1", "Audit police recording of neglect concerns"),
        ("2.2", "Review the escalation process for children missing from education each month."),
    ]
    assert draft.actions[1].progress == "8 December 2025: Not started: waiting for funding."
    assert any("listing" in w.message for w in draft.warnings)


def test_a_listing_of_nothing_heads_no_rows_and_the_plans_numbered_area_holds_its_actions() -> None:
    draft = _read()

    assert [(s.ref, s.title) for s in draft.sections] == [("2", "Identifying needs")]
    assert {a.section for a in draft.actions} == {"2"}


def test_what_needs_to_improve_under_an_areas_numbered_row_is_that_areas_text_not_a_section() -> None:
    draft = _read()

    assert draft.sections[0].what_needs_to_improve == "Quality and timeliness of police recording."


def test_a_sentence_closing_the_report_is_not_a_section() -> None:
    assert not any("Produced by" in s.title for s in _read().sections)

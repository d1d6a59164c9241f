"""Rules from the tenth blind round, each on a small document of its own."""

from __future__ import annotations

from intake.importer.api import import_document

WIKI = """# Business plan 2025–27

## Priority 1 – Neglect

| Ref | Action | Owner | Due | Status | Notes |
|-----|--------|-------|-----|--------|-------|
| P1.1 | Relaunch the Graded Care Profile 2 with refresher training. | Early Help Manager | 31/10/25 | ✅ Complete | 118 staff trained. |
| P1.2 | Agree an approach to places of concern (Dunmere bus station \\| Riverside retail park) with the CSP. | CSP Manager | Q1 2026/27 | 🟢 Green | Two assessments done. |
| P1.3 | ~~Run a stand-alone neglect conference~~ | ~~Business Unit~~ | ~~Sept 2025~~ | Withdrawn | Merged into P1.1 |
| P1.4 | Audit 12 neglect cases ~~in the spring~~ for the impact of plans. | QA Subgroup chair | Q4 2025/26 | 🟠 Amber | Cases selected. |
"""


def test_a_pipe_escaped_in_a_markdown_cell_is_part_of_its_text() -> None:
    draft = import_document(WIKI.encode(), filename="plan.md")
    action = next(a for a in draft.actions if a.ref == "P1.2")
    assert action.text == (
        "Agree an approach to places of concern (Dunmere bus station | Riverside retail park) with the CSP."
    )
    assert (action.owner, str(action.due), action.rag) == ("CSP Manager", "2026-06-30", "green")


def test_a_markdown_row_struck_through_is_a_removed_action_and_struck_words_are_left_out() -> None:
    draft = import_document(WIKI.encode(), filename="plan.md")
    assert [a.ref for a in draft.actions] == ["P1.1", "P1.2", "P1.4"]
    assert draft.actions[-1].text == "Audit 12 neglect cases for the impact of plans."
    assert any(w.message.startswith("1 struck-through row (line 9) was not imported") for w in draft.warnings)

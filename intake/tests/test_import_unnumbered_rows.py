"""An action printed without a reference after the numbered actions of its section (blind round 6,
a Word plan printed to PDF): a document's own cells lose nothing, so it keeps no reference; in text
a tool extracted, where a number can be lost, it takes the next one with a warning."""

from __future__ import annotations

import io

from intake.importer.api import import_document

ROWS = [
    ["Area", "Ref", "Action", "Owner", "Timescale"],
    ["1. Housing", "1.1", "Agree a joint housing protocol.", "Head of Housing", "March 2025"],
    ["1. Housing", "1.2", "Tell every young person of their rights.", "Head of Service", "April 2025"],
    ["1. Housing", "", "Review every 16 and 17 year old in a hostel.", "Team Manager", "May 2025"],
    [
        "2. Leaving care",
        "2.1",
        "Write pathway plans with the young person.",
        "Leaving Care Manager",
        "June 2025",
    ],
    ["2. Leaving care", "2.2", "Keep caseloads under 25.", "Head of Service", "July 2025"],
]


def _docx() -> bytes:
    import docx

    document = docx.Document()
    table = document.add_table(rows=0, cols=5)
    for values in ROWS:
        for cell, value in zip(table.add_row().cells, values, strict=True):
            cell.text = value
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def test_a_word_tables_unnumbered_last_row_of_a_section_keeps_no_reference() -> None:
    draft = import_document(_docx(), filename="plan.docx")

    assert [a.ref for a in draft.actions] == ["1.1", "1.2", None, "2.1", "2.2"]


def test_in_extracted_text_the_same_row_takes_the_number_its_section_leaves() -> None:
    text = "\n".join("\t".join(row) for row in ROWS)
    draft = import_document(text.encode(), filename="plan.txt")

    assert [a.ref for a in draft.actions] == ["1.1", "1.2", "1.3", "2.1", "2.2"]
    assert any("it was numbered 1.3" in w.message for w in draft.warnings)


def test_a_row_across_the_table_naming_who_made_the_recommendation_heads_its_actions() -> None:
    # blind round 6: 'Ofsted recommendation 1: ...' rows, the Lead column first and merged down
    rows = [
        ["Ref", "Lead", "Action", "Target date", "RAG"],
        ["Ofsted recommendation 1: The quality and timeliness of assessments.", "", "", "", ""],
        ["1.1", "Head of Service", "Re-issue the assessment practice standards.", "Oct-24", "G"],
        ["1.2", "Head of Service", "Hold monthly performance clinics.", "November 2024", "A"],
        ["Ofsted recommendation 2: The sufficiency of placements.", "", "", "", ""],
        ["2.1", "Director of Children's Services", "Refresh the sufficiency strategy.", "March 2025", "R"],
    ]
    text = "\n".join("\t".join(row) for row in rows)
    draft = import_document(text.encode(), filename="plan.txt")

    assert [(a.ref, a.section) for a in draft.actions] == [("1.1", "1"), ("1.2", "1"), ("2.1", "2")]
    assert [s.title for s in draft.sections] == [
        "The quality and timeliness of assessments.",
        "The sufficiency of placements.",
    ]


def test_an_outcome_column_naming_numbered_outcomes_groups_its_actions_into_sections() -> None:
    # blind round 6: 'Outcome we want' merged down its actions, each cell 'Outcome N: ...'
    first = "Outcome 1: Children who go missing are found quickly"
    second = "Outcome 2: Children at risk of exploitation have a plan"
    rows = [
        ["Ref", "Outcome we want", "Action", "Lead", "By when", "RAG"],
        [
            "1a",
            first,
            "Sign every children's home up to the Philomena Protocol.",
            "Police",
            "December 2024",
            "A",
        ],
        ["1b", first, "Analyse return home interview themes.", "Missing Coordinator", "Quarterly", "G"],
        [
            "2a",
            second,
            "Give every child at medium risk a safety plan.",
            "Exploitation Manager",
            "Oct 2024",
            "G",
        ],
    ]
    text = "\n".join("\t".join(row) for row in rows)
    draft = import_document(text.encode(), filename="plan.txt")

    assert [(a.ref, a.section, a.outcome) for a in draft.actions] == [
        ("1a", "1", None),
        ("1b", "1", None),
        ("2a", "2", None),
    ]
    assert [s.title for s in draft.sections] == [
        "Children who go missing are found quickly",
        "Children at risk of exploitation have a plan",
    ]


def test_an_outcome_sought_in_words_stays_the_actions_outcome() -> None:
    rows = [
        ["Ref", "Action", "Outcome sought", "Lead"],
        [
            "1.1",
            "Train every social worker.",
            "Practitioners recognise neglect sooner.",
            "Principal Social Worker",
        ],
    ]
    draft = import_document("\n".join("\t".join(r) for r in rows).encode(), filename="plan.txt")

    assert draft.actions[0].outcome == "Practitioners recognise neglect sooner."


def test_a_running_footer_read_from_a_table_printed_out_of_order_is_no_action() -> None:
    from intake.importer.api import _page_furniture_dropped
    from intake.importer.model import Action, PlanDraft

    draft = PlanDraft(document="plan.txt")
    footer = Action(text="JTAI Written Statement of Action v3.2 – OFFICIAL Page 2 of 3")
    action = Action(text="Review the strategy discussion protocol.", ref="1.1")
    draft.actions = [footer, action]
    _page_furniture_dropped(draft)

    assert draft.actions == [action]
    assert any("header or footer" in w.message for w in draft.warnings)

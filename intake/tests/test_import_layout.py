"""Tables whose rows a noisy extraction merged or cut: numbered actions are split back out."""

from __future__ import annotations

from intake.importer.api import import_document
from intake.importer.layout import banner_title, split_numbered
from intake.importer.normalise import split_at_dates

HEADER = "Ref\tAreas for development\tActions\tCompletion date\tLead/s\n"


def _plan(*rows: str) -> bytes:
    return (HEADER + "".join(f"{row}\n" for row in rows)).encode()


def test_a_cell_holding_the_next_numbered_action_is_split_in_two() -> None:
    pieces = split_numbered("Do the audit. 6.2 Agree the data to report", 6, (6, 1))
    assert pieces == [(None, "Do the audit."), ("6.2", "Agree the data to report")]


def test_references_glued_to_their_text_are_split_in_sequence() -> None:
    pieces = split_numbered("13.6Update the leads 13.7Arrange three events", 13, (13, 5))
    assert pieces == [("13.6", "Update the leads"), ("13.7", "Arrange three events")]


def test_a_number_that_does_not_continue_the_sequence_stays_in_the_text() -> None:
    text = "Review the pathway agreed under 4.2 Safeguarding procedures"
    assert split_numbered(text, 6, (6, 1)) == [(None, text)]


def test_a_decimal_followed_by_lower_case_is_not_a_reference() -> None:
    text = "Fund 1.2 million hours 1.3 more"
    assert split_numbered(text, 1, (1, 1)) == [(None, text)]


def test_text_before_the_first_action_of_a_section_comes_back_unnumbered() -> None:
    pieces = split_numbered("governance groups. 14.1Assess the tool through audit.", 14, (13, 14))
    assert pieces == [(None, "governance groups."), ("14.1", "Assess the tool through audit.")]


def test_a_reference_at_the_start_of_the_cell_is_the_actions_own() -> None:
    assert split_numbered("2.2. Improve the understanding", 2, (1, 5)) == [
        ("2.2", "Improve the understanding")
    ]


def test_a_heading_row_cut_at_the_first_column_is_joined_again() -> None:
    assert banner_title(["Eas", "t Sussex County Council", "", ""]) == "East Sussex County Council"
    assert banner_title(["Hea", "Health", ""]) == "Health"
    assert banner_title(["Mul", "ulti-agency areas for development"]) == "Multi-agency areas for development"


def test_ordinary_rows_are_not_heading_rows() -> None:
    assert banner_title(["CCG", "Audit GP records", ""]) is None
    assert banner_title(["1", "For some children"]) is None
    assert banner_title(["Eas", "t Sussex", "October 2020"]) is None


def test_a_due_cell_is_cut_after_each_date() -> None:
    assert split_at_dates("July 2020 September 2020") == ["July 2020", "September 2020"]
    assert split_at_dates("Audit undertaken June 2020 December 2020") == [
        "Audit undertaken June 2020",
        "December 2020",
    ]
    assert split_at_dates("May 2020 - complete") == ["May 2020 - complete"]
    assert split_at_dates("September 2020 Review December 2020 Q2 review as planned") == [
        "September 2020",
        "Review December 2020",
        "Q2 review as planned",
    ]


def test_merged_rows_of_numbered_actions_import_as_separate_actions() -> None:
    draft = import_document(
        _plan(
            "1\tFor some children the pathway is unclear\t1.1 Audit the team\tOctober 2020\tJane Doe, Head of Service",
            "\tand needs are missed.\t1.2Revise the escalation policy 1.3Publish the policy\tJuly 2020 September 2020\t",
            "2\tPlans are not clear\tImprove the recording of plans\tMay 2021\tACME – Bob Smith",
            "\t\tReview every plan each quarter\tJune 2021\tACME – Bob Smith",
            "\t\tand report to the board.\t\t",
        ),
        filename="plan.txt",
    )
    got = [(a.ref, a.section, a.text, a.due.isoformat() if a.due else None) for a in draft.actions]
    assert got == [
        ("1.1", "1", "Audit the team", "2020-10-31"),
        ("1.2", "1", "Revise the escalation policy", "2020-07-31"),
        ("1.3", "1", "Publish the policy", "2020-09-30"),
        (None, "2", "Improve the recording of plans", "2021-05-31"),
        (None, "2", "Review every plan each quarter and report to the board.", "2021-06-30"),
    ]
    assert draft.actions[2].owner == "Jane Doe, Head of Service"  # the lead cell merged over the rows below
    assert [s.ref for s in draft.sections] == ["1", "2"]


def test_every_split_or_guessed_row_is_reported_with_its_line() -> None:
    draft = import_document(
        _plan(
            "1\tFinding\t1.1 Audit the team 1.2 Publish the policy\tOctober 2020\tJane Doe",
            "\t\tReview every plan each quarter\tJune 2021\tBob Smith",
        ),
        filename="plan.txt",
    )
    split = [w.location.line for w in draft.warnings if w.message.startswith("Action 1.2 shared a cell")]
    guessed = [w.location.line for w in draft.warnings if "was read as a new action" in w.message]
    assert split == [2]
    assert guessed == [3]


def test_a_row_continued_in_lower_case_joins_the_action_above() -> None:
    draft = import_document(
        _plan(
            "1.1\tFinding\tAudit the team\tOctober 2020\tJane Doe",
            "\t\tand the service.\tdelayed\t",
        ),
        filename="plan.txt",
    )
    assert [(a.ref, a.text) for a in draft.actions] == [("1.1", "Audit the team and the service.")]


def test_partner_headings_group_the_sections_below_them() -> None:
    draft = import_document(
        _plan(
            "Hea\tHealth\t\t\t",
            "10\tWaits are too long\t10.1 Fund more clinicians\tDecember 2020\tJane Doe",
        ),
        filename="plan.txt",
    )
    sections = {s.ref: s.parent for s in draft.sections}
    assert sections == {"Health": None, "10": "Health"}

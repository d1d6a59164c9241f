"""The fourteenth blind round's general rules, each on a small document of its own: a form whose
action is picked in a drop-down per area, a row of months coloured by rating under each action,
Word's list numbering saved as plain text, Project for the web's outline of summary tasks, and a
sheet Google Sheets saved as a web page."""

from __future__ import annotations

import io

from intake.importer.api import import_document
from intake.tests.test_import_round_thirteen_rules import _xlsx


def test_a_forms_drop_down_per_area_and_a_new_target_date_read_one_action_per_choice():
    header = [
        "ID", "Start time", "Completion time", "Email", "Name", "Which area does your update relate to?",
        "Area 1 actions – which action are you updating?", "Area 2 actions – which action are you updating?",
        "Action lead", "Target date in the published plan", "If yes, what is the new target date?", "RAG rating",
        "Update",
    ]  # fmt: skip
    rows = [
        header,
        [1, "2024-11-22 14:49", "2024-11-22 15:01", "a@x.org", "Sam Heskin", "Area 1 – Front door",
         "1.1 – Revise the MASH screening tool.", None, "DI Sam Heskin", "2024-12-31", None, "Green", "Drafted."],
        [2, "2024-11-25 13:44", "2024-11-25 14:03", "b@x.org", "Claire Pendleford", "Area 2 – Strategy",
         None, "2.1 – Make sure that strategy discussions include education.", "Claire Pendleford",
         "2025-03-31", None, "Amber", "Agreed in principle."],
        [3, "2025-01-10 09:00", "2025-01-10 09:10", "c@x.org", "Marcus Oyelaran", "Area 1 – Front door",
         "1.1 – Revise the MASH screening tool.", None, "Marcus Oyelaran, Head of MASH", "2024-12-31",
         "2025-02-28", "Red", "Delayed by the system supplier."],
    ]  # fmt: skip
    draft = import_document(_xlsx(rows), "responses.xlsx")

    by_ref = {a.ref: a for a in draft.actions}
    assert sorted(by_ref) == ["1.1", "2.1"]  # the later 1.1, by another person, is the same action
    latest = by_ref["1.1"]
    assert (latest.rag, latest.owner, str(latest.due)) == (
        "red",
        "Marcus Oyelaran, Head of MASH",
        "2025-02-28",
    )


def test_a_row_of_months_coloured_by_rating_under_an_action_gives_its_rating_and_is_no_action():
    import docx
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls

    document = docx.Document()
    table = document.add_table(rows=0, cols=5)
    for values in (
        ["Ref", "Action", "Lead", "Target", "Update"],
        ["Ref", "RAG history", "Oct", "Nov", "Dec"],
    ):
        for cell, value in zip(table.add_row().cells, values, strict=True):
            cell.text = value
    for ref, colours in (("R1.1", ("00B050", "FFC000", "FF0000")), ("R1.2", ("FFC000", "00B050", None))):
        for cell, value in zip(
            table.add_row().cells,
            [ref, f"Action {ref} of the plan.", "Head of Service", "March 2025", "Going well."],
            strict=True,
        ):
            cell.text = value
        history = table.add_row().cells
        history[0].text, history[1].text = ref, "RAG history"
        for cell, colour in zip(history[2:], colours, strict=True):
            if colour:
                cell._tc.get_or_add_tcPr().append(
                    parse_xml(f'<w:shd {nsdecls("w")} w:val="clear" w:fill="{colour}"/>')
                )
    out = io.BytesIO()
    document.save(out)

    draft = import_document(out.getvalue(), "plan.docx")

    assert [(a.ref, a.rag) for a in draft.actions] == [("R1.1", "red"), ("R1.2", "green")]


def test_word_list_numbers_saved_as_plain_text_open_the_action_cell_they_number():
    lines = [
        "Action\tLead agency and officer\tTarget date\tStatus\tUpdate",
        "1.1\tAdd a prompt to the assessment template to record who lives in the household.\tWrenbeck Council"
        " – Head of Service\t30 April 2025\tOn track\tTemplate drafted.",
        "1.2\tDeliver 'Seeing the men' briefings to practitioners in health and schools.\tWrenbeck SCP – Training"
        " Officer\tJune 2025\tSome slippage\tFour briefings held.",
    ]
    draft = import_document("\r\n".join(lines).encode("cp1252", "replace"), "plan.txt")

    assert [(a.ref, a.owner, a.rag) for a in draft.actions] == [
        ("1.1", "Wrenbeck Council – Head of Service", "green"),
        ("1.2", "Wrenbeck SCP – Training Officer", "amber"),
    ]
    assert draft.actions[0].text.startswith("Add a prompt")


def test_project_for_the_webs_summary_tasks_are_the_sections_of_the_tasks_numbered_under_them():
    header = ["Task number", "Outline number", "Name", "Assigned to", "Start", "Finish", "% complete", "Bucket",
              "Labels", "Notes"]  # fmt: skip
    rows = [
        header,
        [1, "1", "Neglect is recognised early", None, "2024-04-08", "2025-09-30", "76%", None, None, None],
        [2, "1.1", "Practitioners use the Graded Care Profile", None, "2024-04-08", "2025-09-30", "70%", None,
         None, None],
        [3, "1.1.1", "Train 120 practitioners in GCP2.", "Hayley Dunstan", "2024-04-08", "2025-03-31", "100%",
         "SCP Business Unit", "RAG Amber", "12/11/2024 – 86 trained."],
        [4, "1.1.2", "Make a GCP2 assessment the expected tool.", "Nadia Roscoe", "2024-06-03", "2025-06-30",
         "60%", "Early Help", "RAG Green", "05/12/2024 – standard agreed."],
    ]  # fmt: skip
    draft = import_document(_xlsx(rows), "project.xlsx")

    assert [(s.ref, s.parent) for s in draft.sections] == [("1", None), ("1.1", "1")]
    assert [(a.ref, a.section, a.rag, a.owner) for a in draft.actions] == [
        ("1.1.1", "1.1", "complete", "Hayley Dunstan"),  # 100% complete whatever its label says
        ("1.1.2", "1.1", "green", "Nadia Roscoe"),
    ]


def test_a_sheet_google_sheets_saved_as_a_web_page_is_read_as_html():
    page = (
        '<meta http-equiv="Content-Type" content="text/html; charset=utf-8"><style>.ritz .waffle{}</style>'
        '<div class="ritz grid-container"><table class="waffle"><tbody>'
        "<tr><td>Ref</td><td>Action</td><td>Lead</td><td>Target</td><td>Status</td></tr>"
        "<tr><td>1.1</td><td>Relaunch the escalation policy.</td><td>Business Manager</td><td>March 2025</td>"
        "<td>On track</td></tr>"
        "</tbody></table></div>"
    )
    draft = import_document(page.encode(), "tracker.html")

    assert [(a.ref, a.owner, a.rag) for a in draft.actions] == [("1.1", "Business Manager", "green")]


def test_a_long_run_of_letters_is_tried_as_a_dated_rating_once_not_from_every_position(monkeypatch):
    """QA round 6: a 64,000-letter cell took 84 s to import (the dated ratings' pattern was searched
    for across the cell, every start rescanning the run); the upload waited for it."""
    from intake.importer import normalise

    calls: list[str] = []
    pattern = normalise._DATED_STATUS

    class Counting:
        def match(self, text: str, pos: int = 0):  # noqa: ANN201
            calls.append("match")
            return pattern.match(text, pos)

        def finditer(self, text: str):  # noqa: ANN201
            calls.append("finditer")
            return pattern.finditer(text)

    monkeypatch.setattr(normalise, "_DATED_STATUS", Counting())
    assert normalise._dated_statuses("a" * 64_000) is None
    assert calls == ["match"]
    calls.clear()
    assert normalise._dated_statuses("amber (june 25) green (sept 25)") == "green"
    assert calls == ["match", "match"]


def test_an_owner_holding_a_date_while_no_due_date_was_read_is_a_doubt_said_at_the_row():
    """QA round 6: a borderless table's columns ran together ('30/04/2027 Karen Walsh NCC CSC') and
    the preview said the document was read without doubts."""
    lines = [
        "Ref\tAction\tLead\tRAG",
        "A1\tCommission neglect training.\t30/04/2027 Karen Walsh NCC CSC\tAmber",
    ]
    draft = import_document("\n".join(lines).encode(), "plan.txt")

    assert any(
        "A1: its owner" in w.message and "the columns may have run together" in w.message
        for w in draft.warnings
    )
    fine = import_document(b"Ref\tAction\tLead\tRAG\nA1\tAudit.\tNHS 111 service lead\tAmber", "plan.txt")
    assert not any("run together" in w.message for w in fine.warnings)

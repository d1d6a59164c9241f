"""The fifteenth blind round's general rules, each on a small document of its own: Azure DevOps'
CSV export, an email quoting its earlier version, Word's sub-bullets in plain text, a Notion
toggle's title, a plan on its side, a RAID log, cancelled actions, a key's line of marks, OCR's
rule marks and misread page furniture."""

from __future__ import annotations

from intake.importer.api import import_document
from intake.importer.owners import split_owner
from intake.importer.readers.text import read_text
from intake.tests.test_import_round_thirteen_rules import _xlsx


def test_an_azure_devops_tree_query_reads_epics_as_areas_and_leaves_out_removed_items():
    lines = [
        '"ID","Work Item Type","Title 1","Title 2","State","Assigned To","RAG Status","Target Date","Area Path"',
        '"1","Epic","1. Strategy meetings","","Active","Simon Okafor <s.okafor@x.police.uk>","","","P\\A1"',
        '"2","Feature","","1.1 Revise the strategy meeting protocol.","Closed","Dawn Merrick <d.merrick@x.gov.uk>",'
        '"Blue - Complete","31/01/2026 00:00:00","P\\A1"',
        '"3","Feature","","1.2 Audit strategy meetings weekly.","Active","Simon Okafor <s.okafor@x.police.uk>",'
        '"Green","31/03/2026 00:00:00","P\\A1"',
        '"4","Feature","","1.3 Pilot a police-led interview.","Removed","Simon Okafor <s.okafor@x.police.uk>",'
        '"","31/03/2026 00:00:00","P\\A1"',
    ]
    draft = import_document(("\r\n".join(lines) + "\r\n").encode("utf-8-sig"), "query.csv")

    assert [(a.ref, a.section, a.owner, a.rag) for a in draft.actions] == [
        ("1.1", "1", "Dawn Merrick", "complete"),
        ("1.2", "1", "Simon Okafor", "green"),
    ]
    assert [s.title for s in draft.sections] == ["Strategy meetings"]
    assert any(
        "1.3 Pilot a police-led interview." in w.message and "removed" in w.message for w in draft.warnings
    )


def test_an_owner_written_with_an_email_address_is_the_person_alone():
    (part,) = split_owner("Dawn Merrick <dawn.merrick@kessingmoor.gov.uk>")
    assert (part.person, part.job_title) == ("Dawn Merrick", None)


EMAIL = """From:\tMarion Keld <Marion.Keld@x.gov.uk>
Sent:\t18 February 2026 17:03
To:\tImprovement Board <board@x.gov.uk>
Subject:\tRE: Improvement plan - February update

Dear all,
Please use the version below. It replaces the version circulated on 2 February (at the bottom).

Recommendation 1: The quality of assessments

1.1\tIntroduce a weekly assessment performance clinic.
o\tLead: Dawn Parfitt, Head of Service
o\tTarget: 31 March 2026
o\tRAG: GREEN
o\tUpdate: Clinic running weekly since 8 December.

1.2\tRefresh the assessment practice standards.
o\tLead: Ian Tolley, Principal Social Worker
o\tTarget: January 2026
o\tRAG: COMPLETE
o\tUpdate: New template live from 12 January.

From:\tMarion Keld <Marion.Keld@x.gov.uk>
Sent:\t02 February 2026 09:12
To:\tImprovement Board <board@x.gov.uk>
Subject:\tImprovement plan - February update

Recommendation 1: The quality of assessments

1.1\tIntroduce a weekly assessment performance clinic.
o\tLead: Dawn Parfitt, Head of Service
o\tTarget: 31 March 2026
o\tRAG: AMBER
o\tUpdate: Clinic planned.
"""


def test_an_email_quoting_its_earlier_version_is_read_from_its_newest_message_with_word_sub_bullets():
    draft = import_document(EMAIL.encode(), "email.txt")

    assert [(a.ref, a.owner, a.due_text, a.rag) for a in draft.actions] == [
        ("1.1", "Dawn Parfitt, Head of Service", "31 March 2026", "green"),
        ("1.2", "Ian Tolley, Principal Social Worker", "January 2026", "complete"),
    ]
    assert any("quotes an earlier message from line 23" in w.message for w in draft.warnings)


def test_a_forward_whose_plan_is_in_the_quoted_message_is_read_whole():
    forward = EMAIL.split("From:")[0] + "From:" + EMAIL.split("From:")[2]
    forward = (
        "From:\tKerry <k@x.gov.uk>\nSent:\t3 March 2026\nSubject:\tFW: plan\n\nHi Jo, the plan is below.\n\n"
        + ("From:" + EMAIL.split("From:")[2])
    )
    draft = import_document(forward.encode(), "forward.txt")
    assert [(a.ref, a.rag) for a in draft.actions] == [("1.1", "amber")]


def test_a_notion_toggles_bold_title_naming_a_lettered_strand_is_a_section():
    text = """# Delivery plan

- **Strand A – Understanding the problem**

    Strand lead: Niamh Okafor

    | Ref | Action | Owner | Due | Status |
    | --- | --- | --- | --- | --- |
    | A1 | Produce a problem profile. | Dev Chaudhry | March 2026 | On track |

- **Strand B – Prevent**

    | Ref | Action | Owner | Due | Status |
    | --- | --- | --- | --- | --- |
    | B1 | Deliver sessions in schools. | Farah Iqbal | June 2026 | At risk |
"""
    draft = import_document(text.encode(), "plan.md")
    assert [(a.ref, a.section) for a in draft.actions] == [("A1", "A"), ("B1", "B")]
    assert [(s.ref, s.title) for s in draft.sections] == [
        ("A", "Understanding the problem"),
        ("B", "Prevent"),
    ]


def test_a_4p_strand_column_names_the_section():
    rows = [
        ["4P strand", "Ref", "Action", "Lead", "Timescale", "RAG"],
        ["PURSUE", "PUR 1", "Use civil orders against exploiters.", "DCI Marsh", "Ongoing", "G"],
        ["PREVENT", "PRE 1", "Deliver sessions in schools.", "Education Lead", "June 2026", "A"],
    ]
    draft = import_document(_xlsx(rows), "plan.xlsx")
    assert [(a.ref, a.section) for a in draft.actions] == [("PUR 1", "PURSUE"), ("PRE 1", "PREVENT")]


def test_a_line_of_what_marks_mean_under_a_key_is_no_action():
    rows = [
        ["Ref", "Action", "Lead", "Due", "RAG"],
        ["1.1", "Refresh the neglect training.", "L&D Manager", "March 2026", "G"],
        [None, None, None, None, None],
        ["Key", None, None, None, None],
        [None, "Planned activity (blue bar); grey bar = complete; ◆ = milestone", None, None, None],
        ["G", "Green – on track", None, None, None],
    ]
    draft = import_document(_xlsx(rows), "gantt.xlsx")
    assert [a.ref for a in draft.actions] == ["1.1"]


def test_a_plan_on_its_side_is_turned_upright_with_its_recommendations_merged_across():
    import io

    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    for row in (
        ["Recommendation", "Recommendation 1: Hear the child", None, None, "Recommendation 2: Schools"],
        ["Action ref", "1.1", "1.2", None, "2.1"],
        ["Action", "Add a question on the child's view.", "Deliver a young people's panel.", None,
         "Introduce a model letter."],
        ["Lead", "Head of Service", "Youth Service Manager", None, "Education Safeguarding Lead"],
        ["Target date", "March 2026", "Summer term 2026", None, "February 2026"],
        ["RAG", "G", "A", None, "B"],
    ):  # fmt: skip
        sheet.append(row)
    sheet.merge_cells("B1:C1")
    out = io.BytesIO()
    book.save(out)

    draft = import_document(out.getvalue(), "sideways.xlsx")

    assert [(a.ref, a.section, a.owner, a.rag) for a in draft.actions] == [
        ("1.1", "1", "Head of Service", "green"),
        ("1.2", "1", "Youth Service Manager", "amber"),
        ("2.1", "2", "Education Safeguarding Lead", "complete"),
    ]


def test_a_raid_logs_actions_alone_are_read_and_the_date_an_entry_was_raised_is_not_its_due_date():
    rows = [
        ["ID", "Type", "Workstream", "Description", "Raised by", "Date raised", "Owner", "Target date", "RAG"],
        ["R-01", "Risk", "WS1 – Front door", "Turnover of agency staff.", "EF", "2025-10-02", "Sue H", None, "A"],
        ["A-01", "Action", "WS1 – Front door", "Recruit two MASH social workers.", "Ofsted", "2025-10-02",
         "Karen Doyle", "2026-01-31", "A"],
        ["I-01", "Issue", "WS1 – Front door", "Backlog of contacts.", "KD", "2025-12-01", "Karen Doyle", None, "R"],
        ["A-04", "Action", "WS1 – Front door", "Audit 40 contacts a month.", "Board", "2025-10-30", "Karen Doyle",
         "Monthly", "G"],
        ["D-01", "Decision", "WS1 – Front door", "Board agreed the new model.", "Board", "2025-12-10", "EF", None, None],
    ]  # fmt: skip
    draft = import_document(_xlsx(rows), "raid.xlsx")

    assert [(a.ref, a.text, a.section, a.due_text, str(a.due)) for a in draft.actions] == [
        ("A-01", "Recruit two MASH social workers.", "WS1", "2026-01-31", "2026-01-31"),
        ("A-04", "Audit 40 contacts a month.", "WS1", "Monthly", "None"),
    ]


def test_an_action_marked_cancelled_is_left_out_and_said():
    rows = [
        ["Ref", "Action", "Lead", "Due", "Status"],
        ["1.1", "Refresh the protocol.", "Head of MASH", "March 2026", "Green"],
        ["1.2", "Produce a single risk assessment.", "Service Manager", "March 2026", "Cancelled"],
    ]
    draft = import_document(_xlsx(rows), "plan.xlsx")
    assert [a.ref for a in draft.actions] == ["1.1"]
    assert any(
        "Produce a single risk assessment." in w.message and "cancelled" in w.message for w in draft.warnings
    )


def test_ocr_rule_marks_are_gaps_and_its_misread_marking_and_page_number_are_page_furniture():
    lines = [
        " No.    Action                                         Lead                          Target date",
        " 1.1    Revise the guidance on working with fathers.   MSCP Business Manager         30/09/2025",
        "_ ___ _____________ __ _ ___________",
        " 1.2    Audit assessments each quarter.                Head of Service               Q4 2025/26",
        "  MSCP – LCSPR action plan v4                              Paqe 1 of 3              0FFICIAL",
    ]
    result = read_text("\n".join(lines), laid_out_by_reader=True)
    assert [item.cells[0] for item in result.items if item.cells] == ["No.", "1.1", "1.2"]
    assert result.raw_lines[2] == ""  # the rule is a gap between rows, not a row's words
    assert "Page 1 of 3" in result.raw_lines[4] and result.raw_lines[4].endswith("OFFICIAL")


def test_an_action_moved_under_another_area_is_said_and_the_plans_title_names_no_area():
    """QA round 7: 2.3 moved up into area 1's rows made the importer open area 2 there, titled with
    the plan's title printed above the table; the real area 2 row below then kept that title."""
    import io

    import docx

    document = docx.Document()
    document.add_heading("Written Statement of Action: JTAI – children at risk of exploitation", level=1)
    table = document.add_table(rows=0, cols=4)
    for values in (
        ["Ref", "Action", "Lead", "Due by"],
        ["Area for development 1: Strategy discussions"] * 4,
        ["1.1", "Revise the strategy discussion protocol.", "DI Naomi Ellis", "30/04/2026"],
        ["2.3", "Report missing episodes data to the strategy group.", "NSCP Business Unit", "Quarterly"],
        ["Area for development 2: Information about missing children"] * 4,
        ["2.1", "Offer every child a return home interview.", "Youth Justice Service", "31/05/2026"],
    ):
        cells = table.add_row().cells
        if len(set(values)) == 1:
            cells[0].merge(cells[3]).text = values[0]
        else:
            for cell, value in zip(cells, values, strict=True):
                cell.text = value
    out = io.BytesIO()
    document.save(out)

    draft = import_document(out.getvalue(), "plan.docx")

    assert [(a.ref, a.section) for a in draft.actions] == [("1.1", "1"), ("2.3", "2"), ("2.1", "2")]
    assert sorted((s.ref, s.title) for s in draft.sections) == [
        ("1", "Strategy discussions"),
        ("2", "Information about missing children"),
    ]
    assert any(
        w.message.startswith("2.3 is listed under section 1 but numbered as section 2's")
        for w in draft.warnings
    )


def test_a_title_row_dated_after_a_dash_gives_the_title_and_the_date():
    """QA round 7: 'Northshire SCP Business Plan 2026-27 – progress as at 31 May 2026' was no title,
    and the plan was named after its file."""
    text = (
        "Northshire SCP Business Plan 2026-27 – progress as at 31 May 2026\n"
        "Priority,Action,Lead,Timescale,RAG\n"
        "Priority 1: Neglect,Launch the neglect strategy,NSCP,April 2026,Green\n"
    )
    draft = import_document(text.encode(), "norefs.csv")
    assert draft.plan.title == "Northshire SCP Business Plan 2026-27"
    assert str(draft.plan.as_at) == "2026-05-31"


def test_a_column_name_with_words_for_screen_readers_only_is_named_as_seen():
    """Round 16: '<span class="govuk-visually-hidden">Progress </span>Status' read as 'Progress Status',
    a second progress column, and the statuses were lost."""
    page = (
        "<html><body><table><tr><th>Ref</th><th>What we will do</th><th>Who leads</th>"
        '<th><span class="govuk-visually-hidden">Progress </span>Status</th></tr>'
        "<tr><td>1.1</td><td>Roll out the Graded Care Profile 2.</td><td>HSCP</td><td>On track</td></tr>"
        "</table></body></html>"
    )
    (action,) = import_document(page.encode(), "plan.html").actions
    assert action.rag == "green"

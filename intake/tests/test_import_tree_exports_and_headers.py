"""Round seven of the blind plans: a performance system's export of a tree of items (a Type column
saying 'Priority', 'Objective' or 'Action', a Parent ID naming the item above), and column names
met there ('Latest commentary' with its 'Commentary date', 'Revised due', 'Where are we now') and a
section label ('Learning theme 2: ...')."""

from __future__ import annotations

from intake.importer.api import import_document

TREE = """\
"Action ID","Parent ID","Type","Title","Owner (Agency)","Target date","RAG","Latest commentary","Commentary date"
"4500","","Priority","Priority 1: Children are safe from harm outside the home","","","","",""
"4503","4500","Objective","Strengthen the response to exploitation","Exploitation Subgroup","31/03/2026","","",""
"4521","4503","Action","Review the MACE terms of reference","Sarah Okafor (Council)","30/06/2025","Green","Agreed by the subgroup.","12/06/2025"
"4522","4503","Action","Introduce a partnership exploitation dataset","","30/09/2025","Amber","Analyst in post.","01/07/2025"
"4504","4500","Objective","Respond to serious youth violence","Community Safety Partnership","31/03/2026","","",""
"4530","4504","Action","Agree a joint needs assessment","Mark Ellison (Council)","31/10/2025","Red","Data sharing not agreed.","03/07/2025"
"""


def test_a_tree_exports_priorities_and_objectives_are_sections_under_their_parents() -> None:
    draft = import_document(TREE.encode(), "export.csv")

    assert [(s.ref, s.title, s.parent) for s in draft.sections] == [
        ("4500", "Priority 1: Children are safe from harm outside the home", None),
        ("4503", "Strengthen the response to exploitation", "4500"),
        ("4504", "Respond to serious youth violence", "4500"),
    ]
    assert [(a.ref, a.section) for a in draft.actions] == [
        ("4521", "4503"),
        ("4522", "4503"),
        ("4530", "4504"),
    ]


def test_a_tree_exports_empty_lead_stays_empty_not_the_row_aboves() -> None:
    draft = import_document(TREE.encode(), "export.csv")

    assert {a.ref: a.owner for a in draft.actions}["4522"] is None


def test_the_latest_commentary_is_the_progress_and_its_date_the_updates_date() -> None:
    action = import_document(TREE.encode(), "export.csv").actions[0]

    assert action.progress == "Agreed by the subgroup."
    assert str(action.progress_date) == "2025-06-12"


def test_a_revised_due_column_gives_the_date_the_action_is_now_due() -> None:
    text = (
        "Ref,Action,Lead,Due,Revised due,RAG\n"
        "DA1.1,Refresh the DA protocol,Head of Service,30/04/2025,Sept 2025,Amber\n"
        "DA1.2,Train all DSLs,Education Lead,31/05/2025,,Green\n"
    )
    draft = import_document(text.encode(), "tracker.csv")

    assert [str(a.due) for a in draft.actions] == ["2025-09-30", "2025-05-31"]


def test_where_are_we_now_is_the_progress_column() -> None:
    text = (
        "Ref\tAction\tLead\tBy when\tWhere are we now\tRAG\n"
        "1.1\tRelaunch the threshold policy\tHead of Service\tJune 2025\tPolicy relaunched in May.\tGreen\n"
    )
    draft = import_document(text.encode(), "plan.txt")

    assert draft.actions[0].progress == "Policy relaunched in May."


def test_a_learning_theme_heading_is_the_section_of_its_number() -> None:
    text = (
        "# Learning theme 2: Hearing the voice of the baby\n\n"
        "Ref\tAction\tLead\tBy when\tRAG\n"
        "H2.1\tAdd the baby's daily routine to the assessment template\tPrincipal Social Worker\tJuly 2025\tAmber\n"
    )
    draft = import_document(text.encode(), "plan.md")

    assert draft.actions[0].section == "2"
    assert [(s.ref, s.title) for s in draft.sections] == [("2", "Hearing the voice of the baby")]


def test_an_update_row_merged_across_under_each_action_is_that_actions_progress() -> None:
    import io

    import docx

    document = docx.Document()
    table = document.add_table(rows=1, cols=5)
    for cell, name in zip(table.rows[0].cells, ["Ref", "Action", "Lead", "By when", "RAG"], strict=True):
        cell.text = name
    for ref, action, update in [
        ("H1.1", "Develop practice guidance on communicating with disabled children", "Update (June 2025): Draft written."),
        ("H1.2", "Audit 20 child protection plans for disabled children", "Update (June 2025): Audit tool agreed."),
    ]:  # fmt: skip
        row = table.add_row().cells
        for cell, value in zip(
            row, [ref, action, "Principal Social Worker", "September 2025", "A"], strict=True
        ):
            cell.text = value
        merged = table.add_row().cells
        merged[0].merge(merged[-1]).text = update
    data = io.BytesIO()
    document.save(data)

    draft = import_document(data.getvalue(), "plan.docx")

    assert [(a.ref, a.progress) for a in draft.actions] == [
        ("H1.1", "Update (June 2025): Draft written."),
        ("H1.2", "Update (June 2025): Audit tool agreed."),
    ]
    assert not draft.sections


PLAN_THEN_PROGRESS = """\
Part A - Action plan

Rec\tRef\tAction\tLead\tTarget date
1\t1.1\tProduce a partnership briefing on adolescent neglect\tSCP Business Unit\tApril 2025
1\t1.2\tAdd a module on adolescent neglect to the training\tSCP Training Coordinator\tSeptember 2025
2\t2.1\tReport progress to the subgroup every two months\tChair of the subgroup\tUntil complete

Part B - Progress report

Ref\tRAG\tProgress update (May 2025)
1.1\tCompleted\tBriefing published 3 April 2025.
1.2\tGreen\tModule piloted with 18 practitioners.
9.9\tRed\tNot a reference of the plan.
"""


def test_a_progress_table_after_the_plan_gives_the_status_and_progress_of_the_actions_it_names() -> None:
    draft = import_document(PLAN_THEN_PROGRESS.encode(), "plan.txt")

    assert [(a.ref, a.rag, a.progress, str(a.progress_date)) for a in draft.actions] == [
        ("1.1", "complete", "Briefing published 3 April 2025.", "2025-05-31"),
        ("1.2", "green", "Module piloted with 18 practitioners.", "2025-05-31"),
        ("2.1", None, None, "None"),
    ]
    assert any("9.9" in w.message and "names no action" in w.message for w in draft.warnings)


def test_a_target_until_complete_says_how_long_the_action_runs_not_that_it_is_complete() -> None:
    draft = import_document(PLAN_THEN_PROGRESS.encode(), "plan.txt")

    assert draft.actions[2].due_text == "Until complete" and draft.actions[2].rag is None


def test_a_plan_is_not_a_jtai_plan_because_an_update_mentions_an_inspection() -> None:
    text = TREE.replace("Agreed by the subgroup.", "Postponed because of the Ofsted JTAI.")
    draft = import_document(text.encode(), "export.csv")

    assert draft.plan.kind != "jtai"


def test_an_exports_count_of_its_rows_is_not_a_section() -> None:
    draft = import_document((TREE + '"Rows returned: 6"\n').encode(), "export.csv")

    assert not any("Rows" in s.title for s in draft.sections)


def _word_plan_with_dot_key() -> bytes:
    import io

    import docx
    from docx.shared import RGBColor

    document = docx.Document()
    document.add_paragraph().add_run("Hexworth Safeguarding Children Partnership").bold = True
    document.add_paragraph("Children's Services Improvement Plan 2025–26", style="Title")
    document.add_paragraph("Position at 30 April 2025. Monitored monthly by the Improvement Board.")
    document.add_paragraph("Key to progress:")
    key = document.add_table(rows=0, cols=2)
    colours = {"red": "D4351C", "amber": "F47738", "green": "00703C", "blue": "1D70B8"}
    for colour, meaning in [
        ("red", "Not on track – the Board's attention is needed"),
        ("amber", "Some slippage; a recovery plan is in place"),
        ("green", "On track"),
        ("blue", "Completed and signed off by the Board"),
    ]:
        row = key.add_row().cells
        row[0].paragraphs[0].add_run("●").font.color.rgb = RGBColor.from_string(colours[colour])
        row[1].text = meaning
    plan = document.add_table(rows=1, cols=5)
    for cell, name in zip(
        plan.rows[0].cells, ["No.", "What we will do", "Who", "By when", "RAG"], strict=True
    ):
        cell.text = name
    row = plan.add_row().cells
    for cell, value in zip(
        row[:4],
        ["1.1", "Relaunch the supervision policy", "Principal Social Worker", "May 2025"],
        strict=True,
    ):
        cell.text = value
    row[4].paragraphs[0].add_run("●").font.color.rgb = RGBColor.from_string(colours["amber"])
    data = io.BytesIO()
    document.save(data)
    return data.getvalue()


def test_a_key_of_coloured_dots_beside_their_meanings_is_the_plans_rag_scheme() -> None:
    draft = import_document(_word_plan_with_dot_key(), "plan.docx")

    assert [(s.key, s.definition) for s in draft.rag_scheme] == [
        ("red", "Not on track – the Board's attention is needed"),
        ("amber", "Some slippage; a recovery plan is in place"),
        ("green", "On track"),
        ("complete", "Completed and signed off by the Board"),
    ]
    assert draft.actions[0].rag == "amber"


def test_the_title_under_the_partnerships_name_and_the_position_date_are_read() -> None:
    draft = import_document(_word_plan_with_dot_key(), "plan.docx")

    assert draft.plan.title == "Children's Services Improvement Plan 2025–26"
    assert str(draft.plan.as_at) == "2025-04-30"

"""Rows whose Actions cell holds several bulleted actions: each bullet is an action with the row's
section, lead, due date, status and agency, in Word, Excel, CSV, HTML, Markdown and tab-separated
text; bullets after an introductory line, or in a row with its own reference, are the steps of one
action. Each document is built here, in a temporary folder."""

from __future__ import annotations

import csv
from pathlib import Path
from types import ModuleType
from typing import Any

from intake.importer.api import import_document
from intake.importer.bullets import list_items
from intake.importer.model import PlanDraft

HEADER = ["Finding", "Actions", "Lead", "By when", "RAG"]
SEEN_ALONE = [
    "Issue practice guidance on seeing children alone.",
    "Audit 20 assessments for evidence of the child seen alone.",
    "Add a prompt to the assessment form.",
]


class Listed:
    """A Word cell of list paragraphs (Word draws the bullet; it is not in the text), after an
    optional introductory paragraph."""

    def __init__(self, items: list[str], intro: str | None = None, style: str = "List Bullet") -> None:
        self.items, self.intro, self.style = items, intro, style


def _word(tmp_path: Path, rows: list[list[Any]], heading: str | None = None) -> PlanDraft:
    """A Word plan of one table; a cell given as a str holds a paragraph per line."""
    import docx

    document = docx.Document()
    if heading:
        document.add_heading(heading, level=1)
    table = document.add_table(rows=0, cols=len(rows[0]))
    for row in rows:
        for cell, value in zip(table.add_row().cells, row, strict=True):
            if isinstance(value, Listed):
                cell.text = value.intro or ""
                for n, item in enumerate(value.items):
                    if n == 0 and not value.intro:
                        cell.paragraphs[0].text = item
                        cell.paragraphs[0].style = document.styles[value.style]
                    else:
                        cell.add_paragraph(item, style=value.style)
            else:
                lines = value.split("\n")
                cell.text = lines[0]
                for line in lines[1:]:
                    cell.add_paragraph(line)
    path = tmp_path / "plan.docx"
    document.save(str(path))
    return import_document(path)


def _xlsx(tmp_path: Path, rows: list[list[str]]) -> PlanDraft:
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    for row in rows:
        sheet.append(row)
    path = tmp_path / "plan.xlsx"
    book.save(path)
    return import_document(path)


def _csv(tmp_path: Path, rows: list[list[str]]) -> PlanDraft:
    path = tmp_path / "plan.csv"
    with path.open("w", newline="", encoding="utf-8") as handle:
        csv.writer(handle).writerows(rows)
    return import_document(path)


def _text(tmp_path: Path, text: str, name: str) -> PlanDraft:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return import_document(path)


def _rows(draft: PlanDraft) -> list[tuple[str | None, str, str | None, str | None, str | None]]:
    return [(a.section, a.text, a.owner, str(a.due) if a.due else None, a.rag) for a in draft.actions]


SPLIT_SEEN_ALONE = [("1", text, "Head of Service", "2025-06-30", "amber") for text in SEEN_ALONE]


# --------------------------------------------------------------------------- Word


def test_each_bullet_of_an_actions_cell_is_an_action_with_the_rows_lead_and_date(tmp_path: Path) -> None:
    bullets = "\n".join(f"• {text}" for text in SEEN_ALONE)
    draft = _word(
        tmp_path,
        [
            HEADER,
            ["1. Children are not always seen alone", bullets, "Head of Service", "June 2025", "Amber"],
            ["2. Strategy discussions are late", "Audit the timeliness of strategy discussions",
             "MASH Manager", "March 2025", "Green"],
        ],
    )  # fmt: skip
    assert _rows(draft) == [
        *SPLIT_SEEN_ALONE,
        ("2", "Audit the timeliness of strategy discussions", "MASH Manager", "2025-03-31", "green"),
    ]
    assert all(a.due_text == "June 2025" for a in draft.actions[:3])
    assert all(a.ref is None for a in draft.actions)


def test_the_items_of_a_word_list_whose_bullets_are_not_in_the_text_are_actions(tmp_path: Path) -> None:
    draft = _word(
        tmp_path,
        [
            HEADER,
            ["1. Children are not always seen alone", Listed(SEEN_ALONE), "Head of Service", "June 2025", "Amber"],
        ],
    )  # fmt: skip
    assert _rows(draft) == SPLIT_SEEN_ALONE


def test_the_items_of_a_numbered_word_list_are_actions(tmp_path: Path) -> None:
    draft = _word(
        tmp_path,
        [
            HEADER,
            ["1. Children are not always seen alone", Listed(SEEN_ALONE, style="List Number"),
             "Head of Service", "June 2025", "Amber"],
        ],
    )  # fmt: skip
    assert _rows(draft) == SPLIT_SEEN_ALONE


def test_bullets_after_an_introductory_line_are_the_steps_of_one_action(tmp_path: Path) -> None:
    steps = ["set out the partnership's expectations", "be agreed by the board"]
    draft = _word(
        tmp_path,
        [
            HEADER,
            ["1. Neglect is not always recognised", Listed(steps, intro="Develop a neglect strategy that will:"),
             "Head of Early Help", "June 2025", "Amber"],
            ["2. Escalation", "Embed the escalation policy by:\n• briefing team managers\n• auditing escalations",
             "Business Manager", "May 2025", "Green"],
        ],
    )  # fmt: skip
    assert _rows(draft) == [
        ("1", "Develop a neglect strategy that will: set out the partnership's expectations be agreed by the board",
         "Head of Early Help", "2025-06-30", "amber"),
        ("2", "Embed the escalation policy by: • briefing team managers • auditing escalations",
         "Business Manager", "2025-05-31", "green"),
    ]  # fmt: skip


def test_a_bullet_introducing_the_bullets_after_it_keeps_them_as_its_steps(tmp_path: Path) -> None:
    cell = "• Develop a strategy that will:\n• set out expectations\n• be agreed by the board"
    draft = _word(tmp_path, [HEADER, ["1. Neglect", cell, "Head of Early Help", "June 2025", "Amber"]])
    assert [a.text for a in draft.actions] == [
        "• Develop a strategy that will: • set out expectations • be agreed by the board"
    ]


def test_bullets_in_a_row_with_its_own_reference_are_the_steps_of_that_action(tmp_path: Path) -> None:
    draft = _word(
        tmp_path,
        [
            ["Ref", "Action", "Lead", "Due", "RAG"],
            ["1.1", "• Issue practice guidance\n• Brief team managers on it", "Head of Service", "June 2025", "A"],
            ["1.2", Listed(["Audit 20 assessments", "Report to the board"]), "QA Lead", "July 2025", "G"],
        ],
    )  # fmt: skip
    got = [(a.ref, a.text, a.owner) for a in draft.actions]
    assert got == [
        ("1.1", "• Issue practice guidance • Brief team managers on it", "Head of Service"),
        ("1.2", "Audit 20 assessments Report to the board", "QA Lead"),
    ]


def test_points_marked_with_a_symbol_other_than_a_bullet_stay_one_action(tmp_path: Path) -> None:
    cell = "◆ Roll the pathway out in level 3 training\n◆ Staff remain aware of the signs"
    draft = _word(tmp_path, [HEADER, ["1. Exploitation", cell, "Head of Nursing", "March 2025", "Amber"]])
    assert [a.text for a in draft.actions] == [
        "◆ Roll the pathway out in level 3 training ◆ Staff remain aware of the signs"
    ]


# --------------------------------------------------------------------------- Excel and CSV


def test_progress_with_a_bullet_per_action_is_paired_with_each_in_order(tmp_path: Path) -> None:
    draft = _xlsx(
        tmp_path,
        [
            ["Priority", "Actions", "Lead", "Due", "RAG", "Progress"],
            ["1. Seen alone", "• Issue guidance\n• Audit 20 assessments", "Head of Service", "June 2025", "A",
             "• Guidance drafted\n• Audit booked for May"],
        ],
    )  # fmt: skip
    assert [(a.text, a.progress) for a in draft.actions] == [
        ("Issue guidance", "Guidance drafted"),
        ("Audit 20 assessments", "Audit booked for May"),
    ]
    assert not any("progress" in w.message for w in draft.warnings)


def test_progress_without_a_bullet_per_action_is_given_to_each_action_with_a_warning(tmp_path: Path) -> None:
    draft = _xlsx(
        tmp_path,
        [
            ["Priority", "Actions", "Lead", "Due", "RAG", "Progress"],
            ["1. Seen alone", "• Issue guidance\n• Audit 20 assessments\n• Add a prompt", "Head of Service",
             "June 2025", "A", "Guidance drafted; audit booked for May."],
        ],
    )  # fmt: skip
    assert [a.progress for a in draft.actions] == ["Guidance drafted; audit booked for May."] * 3
    assert [a.rag for a in draft.actions] == ["amber"] * 3
    assert any("each of them was given all of it" in w.message for w in draft.warnings)


def test_due_dates_with_a_bullet_per_action_are_paired_with_each_in_order(tmp_path: Path) -> None:
    draft = _xlsx(
        tmp_path,
        [
            ["Priority", "Actions", "Lead", "Due", "RAG"],
            ["1. Seen alone", "- Issue guidance\n- Audit 20 assessments", "Head of Service",
             "- April 2025\n- September 2025", "A"],
        ],
    )  # fmt: skip
    assert [(a.text, a.due_text, str(a.due)) for a in draft.actions] == [
        ("Issue guidance", "April 2025", "2025-04-30"),
        ("Audit 20 assessments", "September 2025", "2025-09-30"),
    ]


def test_each_line_of_an_excel_cell_opened_by_a_bullet_is_an_action_with_the_rows_agency(
    tmp_path: Path,
) -> None:
    draft = _xlsx(
        tmp_path,
        [
            ["Theme", "Agency", "Action", "Lead officer", "Target date", "Status"],
            ["Information sharing", "Police", "▪ Brief response officers\n▪ Add flags to the niche record",
             "DCI Brown", "31/05/2025", "Green"],
        ],
    )  # fmt: skip
    got = [(a.text, a.agency, a.owner, str(a.due), a.rag) for a in draft.actions]
    assert got == [
        ("Brief response officers", "Police", "DCI Brown", "2025-05-31", "green"),
        ("Add flags to the niche record", "Police", "DCI Brown", "2025-05-31", "green"),
    ]


def test_lettered_and_numbered_items_in_rows_without_a_reference_are_actions(tmp_path: Path) -> None:
    draft = _csv(
        tmp_path,
        [
            ["Area", "Action", "Lead", "Due", "RAG"],
            ["1. Seen alone", "a) Issue guidance b) Audit 20 assessments c) Add a prompt", "Head of Service",
             "June 2025", "Amber"],
            ["2. Escalation", "1) Relaunch the policy\n2) Record escalations", "Business Manager", "May 2025",
             "Green"],
            ["3. Training", "(i) Train DSLs\n(ii) Train GPs", "L&D Manager", "July 2025", "Red"],
        ],
    )  # fmt: skip
    got = [(a.section, a.text, a.ref) for a in draft.actions]
    assert got == [
        ("1", "Issue guidance", None),
        ("1", "Audit 20 assessments", None),
        ("1", "Add a prompt", None),
        ("2", "Relaunch the policy", None),
        ("2", "Record escalations", None),
        ("3", "Train DSLs", None),
        ("3", "Train GPs", None),
    ]


def test_a_cell_that_only_points_elsewhere_gives_no_action_among_the_bullets(tmp_path: Path) -> None:
    draft = _csv(
        tmp_path,
        [
            ["Area", "Action", "Lead", "Due", "RAG"],
            ["1. Seen alone", "• Issue guidance\n• N/A\n• Add a prompt", "Head of Service", "June 2025", "Amber"],
        ],
    )  # fmt: skip
    assert [a.text for a in draft.actions] == ["Issue guidance", "Add a prompt"]


# --------------------------------------------------------------------------- HTML, Markdown, text


def test_each_item_of_an_html_list_in_a_cell_is_an_action(tmp_path: Path) -> None:
    page = """<!DOCTYPE html><html><body><h1>Action plan</h1><table>
<tr><th>Finding</th><th>Actions</th><th>Lead</th><th>By when</th><th>RAG</th></tr>
<tr><td>1. Children are not always seen alone</td><td><ul>
  <li>Issue practice guidance on seeing children alone.</li>
  <li>Audit 20 assessments for evidence of the child seen alone.</li>
  <li>Add a prompt to the assessment form.</li></ul></td>
  <td>Head of Service</td><td>June 2025</td><td>Amber</td></tr>
<tr><td>2. Escalation</td><td><p>Embed the escalation policy by:</p><ul><li>briefing managers</li>
  <li>auditing escalations</li></ul></td><td>Business Manager</td><td>May 2025</td><td>Green</td></tr>
<tr><td>3. Training</td><td>Train designated leads<br>Train GPs</td><td>L&amp;D Manager</td>
  <td>July 2025</td><td>Red</td></tr>
</table></body></html>"""
    draft = _text(tmp_path, page, "plan.html")
    assert _rows(draft) == [
        *SPLIT_SEEN_ALONE,
        ("2", "Embed the escalation policy by: briefing managers auditing escalations", "Business Manager",
         "2025-05-31", "green"),
        ("3", "Train designated leads Train GPs", "L&D Manager", "2025-07-31", "red"),
    ]  # fmt: skip


def test_bullets_after_line_breaks_in_a_markdown_cell_are_actions(tmp_path: Path) -> None:
    text = (
        "# Action plan\n\n"
        "| Finding | Actions | Lead | By when | RAG |\n"
        "|---|---|---|---|---|\n"
        "| 1. Children are not always seen alone | "
        + "<br>".join(f"- {t}" for t in SEEN_ALONE)
        + " | Head of Service | June 2025 | Amber |\n"
        "| 2. Escalation | • Relaunch the policy • Record escalations | Business Manager | May 2025 | Green |\n"
    )
    draft = _text(tmp_path, text, "plan.md")
    assert _rows(draft) == [
        *SPLIT_SEEN_ALONE,
        ("2", "Relaunch the policy", "Business Manager", "2025-05-31", "green"),
        ("2", "Record escalations", "Business Manager", "2025-05-31", "green"),
    ]


def test_bullets_printed_inline_in_tab_separated_text_are_actions(tmp_path: Path) -> None:
    lines = [
        "\t".join(HEADER),
        "\t".join(
            ["1. Children are not always seen alone", " ".join(f"• {t}" for t in SEEN_ALONE),
             "Head of Service", "June 2025", "Amber"]
        ),
        "\t".join(["2. Escalation", "Relaunch the policy - with the LADO", "Business Manager", "May 2025", "G"]),
    ]  # fmt: skip
    draft = _text(tmp_path, "Action plan\n\n" + "\n".join(lines) + "\n", "plan.txt")
    assert _rows(draft) == [
        *SPLIT_SEEN_ALONE,
        ("2", "Relaunch the policy - with the LADO", "Business Manager", "2025-05-31", "green"),
    ]


def test_several_numbered_actions_printed_in_one_cell_are_still_split_at_their_numbers(
    tmp_path: Path,
) -> None:
    lines = [
        "\t".join(["Ref", "Action", "Lead", "Due", "RAG"]),
        "\t".join(["14", "14.3 Review the missing protocol 14.4 Audit return interviews", "Head of Service",
                   "June 2025", "A"]),
    ]  # fmt: skip
    draft = _text(tmp_path, "\n".join(lines) + "\n", "plan.txt")
    assert [(a.ref, a.text) for a in draft.actions] == [
        ("14.3", "Review the missing protocol"),
        ("14.4", "Audit return interviews"),
    ]


def test_bulleted_lines_of_a_plan_written_as_paragraphs_are_not_split(tmp_path: Path) -> None:
    text = (
        "Action plan\n\n"
        "Recommendation 1: Children are seen alone\n\n"
        "Action 1.1: Develop practice guidance\n"
        "• on seeing children alone\n"
        "• on recording it\n"
        "Lead: Head of Service\n"
        "Timescale: June 2025\n"
        "RAG: Amber\n\n"
        "Action 1.2: Audit 20 assessments\n"
        "Lead: QA Lead\n"
        "Timescale: July 2025\n"
        "RAG: Green\n"
    )
    draft = _text(tmp_path, text, "plan.txt")
    assert [a.ref for a in draft.actions] == ["1.1", "1.2"]
    assert draft.actions[0].owner == "Head of Service"


def test_a_cell_is_a_list_of_actions_only_when_it_opens_with_a_bullet() -> None:
    assert list_items("• Issue guidance\n• Audit") == ["Issue guidance", "Audit"]
    assert list_items("Issue guidance\n• Audit\n• Report") is None  # an introductory line
    assert list_items("• Issue guidance") is None  # one item
    assert list_items("• Issue guidance\nwritten with the LADO\n• Audit") == [
        "Issue guidance written with the LADO",
        "Audit",
    ]
    assert list_items("• Develop a plan\n  o with schools\n  o with GPs\n• Audit") == [
        "Develop a plan o with schools o with GPs",
        "Audit",
    ]  # a sub-list is the steps of its item
    assert list_items("b) Audit\nc) Report") is None  # a list opens at its first letter
    assert list_items("Review the policy - and the protocol - by June") is None


# --------------------------------------------------------------------------- a whole plan, scored


def _gold(section: str, text: str, owner: str, due: str | None, rag: str | None) -> dict[str, Any]:
    return {"ref": None, "section": section, "text": text, "owner": owner, "due": due, "rag": rag}


def test_a_word_practice_review_plan_with_bulleted_actions_scores_against_its_gold(
    tmp_path: Path, scorer: ModuleType
) -> None:
    """A practice review plan in Word as partnerships write it: a finding per row, its actions as
    bullets typed or drawn by Word, steps after an introductory line, a progress cell with a bullet
    per action and one without."""
    header = ["Finding", "Actions", "Lead", "By when", "RAG", "Progress"]
    rows: list[list[Any]] = [
        header,
        ["1. Children are not always seen alone", "\n".join(f"• {t}" for t in SEEN_ALONE), "Head of Service",
         "June 2025", "Amber", "• Guidance drafted\n• Audit tool agreed\n• Form change requested"],
        ["2. Strategy discussions do not always include health",
         Listed(["Invite the named nurse to every strategy discussion", "Audit attendance at strategy discussions"]),
         "MASH Manager", "March 2025", "Green", "Named nurse now invited."],
        ["3. Neglect is recognised late", Listed(["set out the partnership's expectations", "be agreed by the board"],
         intro="Develop a neglect strategy that will:"), "Head of Early Help", "September 2025", "Red", ""],
        ["4. Professional curiosity", "- Publish a seven minute briefing\n- Deliver two learning events\n"
         "- Add curiosity to supervision templates", "Business Manager", "31/12/2025", "Amber", ""],
        ["5. Escalation", "Relaunch the escalation policy", "Principal Social Worker", "Q1 2025/26", "Green", ""],
    ]  # fmt: skip
    draft = _word(tmp_path, rows, heading="Child Safeguarding Practice Review: Child S – action plan")
    gold = {
        "sections": [{"ref": str(n), "title": rows[n][0][3:], "parent": None} for n in range(1, 6)],
        "actions": [
            *[_gold("1", t, "Head of Service", "2025-06-30", "amber") for t in SEEN_ALONE],
            _gold("2", "Invite the named nurse to every strategy discussion", "MASH Manager", "2025-03-31", "green"),
            _gold("2", "Audit attendance at strategy discussions", "MASH Manager", "2025-03-31", "green"),
            _gold("3", "Develop a neglect strategy that will: set out the partnership's expectations be agreed by "
                  "the board", "Head of Early Help", "2025-09-30", "red"),
            _gold("4", "Publish a seven minute briefing", "Business Manager", "2025-12-31", "amber"),
            _gold("4", "Deliver two learning events", "Business Manager", "2025-12-31", "amber"),
            _gold("4", "Add curiosity to supervision templates", "Business Manager", "2025-12-31", "amber"),
            _gold("5", "Relaunch the escalation policy", "Principal Social Worker", "2025-06-30", "green"),
        ],
    }  # fmt: skip
    result = scorer.score(draft.to_dict(), gold)
    assert result["f1"] >= 0.95, result
    assert result["field_mean"] >= 0.9, result
    for name, value in result["fields"].items():
        assert value >= 0.9, (name, result)
    progress = {a.text: a.progress for a in draft.actions}
    assert progress[SEEN_ALONE[1]] == "Audit tool agreed"
    assert progress["Audit attendance at strategy discussions"] == "Named nurse now invited."

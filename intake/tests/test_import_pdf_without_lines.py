"""PDF plans whose tables have no ruling lines (exported from Excel or Word without borders):
read by where each cell sits on the page, as `pdftotext -layout` text is."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from intake.importer.api import import_document

SECTIONS = [
    ("1", "Leadership and governance"),
    ("2", "Information sharing at the front door"),
    ("3", "Voice of the child"),
]
OWNERS = ["Partnership Business Manager", "Head of MASH", "Detective Inspector, Police", "Designated Nurse"]
STATUSES = ["Red", "Amber", "Green", "Complete"]
RAG = {"Red": "red", "Amber": "amber", "Green": "green", "Complete": "complete"}
MONTHS = ["March", "June", "September", "December"]


def _rows() -> list[dict[str, str]]:
    rows = []
    for number, _title in SECTIONS:
        for k in range(1, 6):
            n = len(rows)
            rows.append(
                {
                    "section": number,
                    "ref": f"{number}.{k}",
                    "text": f"Review how partners record decisions about children at risk ({number}.{k}), "
                    "agree a shared standard and audit ten cases against it.",
                    "owner": OWNERS[n % len(OWNERS)],
                    "due_text": f"30 {MONTHS[n % 4]} 2025"
                    if MONTHS[n % 4] in ("June", "September")
                    else f"31 {MONTHS[n % 4]} 2025",
                    "rag": STATUSES[n % 4],
                    "progress": f"Update {n + 1}: the draft standard was discussed at the subgroup.",
                }
            )
    return rows


def _pdf(tmp_path: Path, borders: bool) -> Path:
    from weasyprint import HTML

    line = "1px solid black" if borders else "none"
    body = []
    for number, title in SECTIONS:
        body.append(f"<tr><td colspan='6'><b>{number}. {title}</b></td></tr>")
        for row in _rows():
            if row["section"] == number:
                body.append(
                    "<tr>"
                    + "".join(
                        f"<td>{row[key]}</td>"
                        for key in ("ref", "text", "owner", "due_text", "rag", "progress")
                    )
                    + "</tr>"
                )
    markup = (
        "<style>@page{size:A4 landscape;margin:1.5cm} body{font-family:sans-serif}"
        f"table{{border-collapse:collapse;font-size:9pt}} td,th{{border:{line};padding:4px 8px;vertical-align:top}}"
        "td:nth-child(2){width:38%} td:nth-child(6){width:25%}</style>"
        "<h1>Northfield Safeguarding Children Partnership</h1><p>JTAI action plan, updated 1 May 2025</p>"
        "<table><thead><tr><th>Ref</th><th>Action</th><th>Lead</th><th>Target date</th><th>RAG</th>"
        f"<th>Progress</th></tr></thead><tbody>{''.join(body)}</tbody></table>"
    )
    path = tmp_path / ("ruled.pdf" if borders else "unruled.pdf")
    HTML(string=markup).write_pdf(path)
    return path


@pytest.mark.filterwarnings("ignore")
@pytest.mark.parametrize("borders", [False, True], ids=["without lines", "with lines"])
def test_a_pdf_table_is_read_whole_with_or_without_ruling_lines(tmp_path: Path, borders: bool) -> None:
    draft = import_document(_pdf(tmp_path, borders))
    expected = _rows()
    got = [(a.ref, a.section, a.text, a.owner, a.due_text, a.rag, a.progress) for a in draft.actions]
    assert got == [
        (r["ref"], r["section"], r["text"], r["owner"], r["due_text"], RAG[r["rag"]], r["progress"])
        for r in expected
    ]
    assert [(s.ref, s.title) for s in draft.sections] == SECTIONS
    assert draft.actions[0].due == dt.date(2025, 3, 31)
    assert draft.plan.organisation == "Northfield Safeguarding Children Partnership"


@pytest.mark.filterwarnings("ignore")
def test_a_pdf_of_prose_without_a_table_still_says_no_actions_were_found(tmp_path: Path) -> None:
    from weasyprint import HTML

    paragraphs = "".join(
        f"<p>Paragraph {n}: the partnership met in the spring and agreed its priorities for the year ahead, "
        "and the board will publish its annual report in the autumn.</p>"
        for n in range(30)
    )
    path = tmp_path / "report.pdf"
    HTML(string=f"<h1>Annual report</h1>{paragraphs}").write_pdf(path)
    draft = import_document(path)
    assert draft.actions == []
    assert any("No actions were found" in w.message for w in draft.warnings)


@pytest.mark.filterwarnings("ignore")
def test_a_plan_without_lines_beside_a_ruled_rag_key_is_read_with_the_keys_meanings(tmp_path: Path) -> None:
    from weasyprint import HTML

    body = "".join(
        "<tr>"
        + "".join(f"<td>{row[key]}</td>" for key in ("ref", "text", "owner", "due_text", "rag"))
        + "</tr>"
        for row in _rows()
    )
    key = (
        "<table class='key'><tr><td>Red</td><td>Not started or off track</td></tr>"
        "<tr><td>Amber</td><td>Started, some risk</td></tr><tr><td>Green</td><td>On track</td></tr></table>"
    )
    markup = (
        "<style>@page{size:A4 landscape;margin:1.5cm} table{border-collapse:collapse;font-size:9pt}"
        "td,th{padding:4px 8px;vertical-align:top;text-align:left} .key td{border:1px solid black}</style>"
        f"<h1>Southdale Safeguarding Children Partnership</h1><h2>RAG key</h2>{key}"
        "<table><thead><tr><th>Ref</th><th>Action</th><th>Lead</th><th>Target date</th><th>RAG</th></tr></thead>"
        f"<tbody>{body}</tbody></table>"
    )
    path = tmp_path / "keyed.pdf"
    HTML(string=markup).write_pdf(path)
    draft = import_document(path)
    assert [(a.ref, a.owner, a.rag) for a in draft.actions] == [
        (r["ref"], r["owner"], RAG[r["rag"]]) for r in _rows()
    ]
    assert {s.key: s.definition for s in draft.rag_scheme}["red"] == "Not started or off track"


@pytest.mark.filterwarnings("ignore")
def test_a_ruled_row_broken_across_pages_without_a_repeated_header_is_one_action(tmp_path: Path) -> None:
    from weasyprint import HTML

    long_text = " ".join(["Audit the strategy discussions held out of hours and report the findings."] * 12)
    rows = "".join(
        f"<tr><td>{n}</td><td>{long_text if n == 4 else f'Short action {n}.'}</td><td>Head of MASH</td>"
        "<td>June 2025</td><td>Amber</td></tr>"
        for n in range(1, 8)
    )
    markup = (
        "<style>@page{size:A5;margin:1cm} table{border-collapse:collapse;font-size:9pt}"
        "td,th{border:1px solid black;padding:3px;vertical-align:top}</style><p style='height:9cm'>Plan</p>"
        "<table><tr><th>Ref</th><th>Action</th><th>Lead</th><th>Due</th><th>RAG</th></tr>"
        f"{rows}</table>"
    )
    path = tmp_path / "split.pdf"
    HTML(string=markup).write_pdf(path)
    draft = import_document(path)
    assert [a.ref for a in draft.actions] == ["1", "2", "3", "4", "5", "6", "7"]
    assert draft.actions[3].text == long_text
    assert [a.owner for a in draft.actions] == ["Head of MASH"] * 7


@pytest.mark.filterwarnings("ignore")
@pytest.mark.parametrize("borders", [False, True], ids=["without lines", "with lines"])
def test_the_large_print_heading_of_a_pdf_plan_is_its_title(tmp_path: Path, borders: bool) -> None:
    draft = import_document(_pdf(tmp_path, borders))
    # the partnership's name in large print, or the plan's own line under it where that is read
    # as a heading too (the name above a title is the organisation, not the title)
    assert draft.plan.title in (
        "Northfield Safeguarding Children Partnership",
        "JTAI action plan, updated 1 May 2025",
    )
    assert draft.plan.organisation == "Northfield Safeguarding Children Partnership"


@pytest.mark.filterwarnings("ignore")
def test_a_rag_key_heading_under_the_title_is_not_part_of_the_title(tmp_path: Path) -> None:
    from weasyprint import HTML

    markup = (
        "<style>table{border-collapse:collapse;font-size:9pt} td,th{border:1px solid black;padding:3px}</style>"
        "<h1>Hillshire neglect improvement plan</h1><h2>RAG key</h2>"
        "<table><tr><td>Red</td><td>Off track</td></tr><tr><td>Amber</td><td>Some risk</td></tr>"
        "<tr><td>Green</td><td>On track</td></tr></table><p></p>"
        "<table><tr><th>Ref</th><th>Action</th><th>Lead</th><th>RAG</th></tr>"
        "<tr><td>1</td><td>Launch the neglect toolkit.</td><td>Early Help Manager</td><td>Green</td></tr></table>"
    )
    path = tmp_path / "keyed.pdf"
    HTML(string=markup).write_pdf(path)
    draft = import_document(path)
    assert draft.plan.title == "Hillshire neglect improvement plan"
    assert [(a.ref, a.rag) for a in draft.actions] == [("1", "green")]


def test_a_status_shown_only_by_a_cells_colour_in_a_table_without_lines_is_read(tmp_path: Path) -> None:
    # Excel exported without borders: the status cells hold no word, only their fill. pdfplumber
    # takes a run of such coloured cells for a ruled table, so the page around it was read without
    # them and every status but an isolated first one was lost.
    from weasyprint import HTML

    fills = {"red": "#e06666", "amber": "#ffbf00", "green": "#93c47d", "complete": "#6fa8dc"}
    wanted = ["green", "complete", "red", "red", "amber", "complete", "green"]
    rows = "".join(
        f"<tr><td>Review how partners record decisions about children at risk, case {n + 1}.</td>"
        f"<td style='background:{fills[rag]}'></td><td>31 March 2026</td><td>Head of MASH</td></tr>"
        for n, rag in enumerate(wanted)
    )
    html = (
        "<style>@page { size: A4 landscape } td, th { padding: 4pt; border: none } table { border-collapse:"
        " collapse }</style><h1>Improvement plan</h1><table><tr><th>Agreed action</th><th>BRAG</th>"
        f"<th>Due date</th><th>Lead</th></tr>{rows}</table>"
    )
    path = tmp_path / "plan.pdf"
    HTML(string=html).write_pdf(path)
    draft = import_document(path)
    assert [a.rag for a in draft.actions] == wanted

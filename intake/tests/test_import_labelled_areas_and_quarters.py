"""Rules found on plans written blind in the fourteenth session (SEND written statements of action,
section 11 audits, business plans with a RAG column per quarter, ILACS plans with their
recommendations as rows of the table), each in the smallest text that shows it."""

from __future__ import annotations

from intake.importer.api import import_document
from intake.importer.normalise import parse_rag


def _read(text: str, name: str = "plan.txt"):
    return import_document(text.encode(), filename=name)


def test_an_area_of_weakness_heading_names_its_section_by_its_number() -> None:
    """'Area of weakness 1' (SEND) and '## Standard 2: ...' (section 11 audits) head their areas
    as 'Finding 1' and 'Priority 2' do."""
    text = (
        "# SEND written statement of action\n\n"
        "## Area of weakness 1: The local area's strategy for SEND is not clear\n\n"
        "<b>Ref</b>\t<b>Action</b>\t<b>Lead officer</b>\t<b>By when</b>\n"
        "1.1\tCo-produce a local area SEND strategy\tHead of SEND\tApril 2020\n"
        "1.2\tPublish the strategy\tHead of SEND\tJune 2020\n\n"
        "## Standard 2: Safer recruitment\n\n"
        "<b>Ref</b>\t<b>Action</b>\t<b>Lead officer</b>\t<b>By when</b>\n"
        "2.1\tAudit recruitment files\tHR Lead\tMay 2020\n"
    )
    draft = _read(text)
    assert {a.ref: a.section for a in draft.actions} == {"1.1": "1", "1.2": "1", "2.1": "2"}
    titles = {s.ref: s.title for s in draft.sections}
    assert titles["1"].startswith("The local area's strategy") and titles["2"] == "Safer recruitment"


def test_quarter_column_names_and_a_sentence_ending_in_a_quarter_are_not_action_references() -> None:
    """A business plan rated each quarter: 'Q1'..'Q4' over the RAG columns, printed one cell per
    line by pdftotext, and a progress cell ending '... reviewed in Q3.' are not actions."""
    cells = [
        "Ref", "Action", "Lead", "Target date", "Q1", "Q2", "Q3", "Q4", "Comments / progress",
        "1.1", "Launch the graded care profile and train practitioners in its use.",
        "Training Manager", "Q2 2021/22", "G", "G", "C", "214 practitioners trained.",
        "1.2", "Refresh the neglect strategy and publish a briefing.", "Head of Early Help",
        "December 2021", "A", "A", "G", "Panel meets monthly; 23 children reviewed in", "Q3.",
        "1.3", "Audit neglect cases across the partnership.", "Quality Group", "March 2022",
        "G", "A", "A", "Audit tool agreed.",
    ]  # fmt: skip
    draft = _read("Business plan 2021-22\n\n" + "\n\n".join(cells) + "\n")
    refs = [a.ref for a in draft.actions]
    assert not any(r and r.startswith("Q") for r in refs), refs
    assert {"1.1", "1.2", "1.3"} <= set(refs)


def test_a_recommendation_row_inside_the_table_heads_its_actions_and_is_not_one() -> None:
    text = (
        "<b>Ref</b>\t<b>Recommendation / Action</b>\t<b>Lead</b>\t<b>Target date</b>\t<b>Status</b>\n"
        "R1\tRecommendation: Improve the quality of management oversight\t\t\t\n"
        "R1.1\tIntroduce a revised supervision policy\tHead of Service\tMarch 2022\tOn track\n"
        "R1.2\tDeliver a management development programme\tHead of Service\tJune 2022\tAt risk\n"
        "R2\tRecommendation: Strengthen the help for care leavers\t\t\t\n"
        "R2.1\tExtend the local offer\tCorporate Parenting Board\tApril 2022\tComplete\n"
    )
    draft = _read(text)
    assert [a.ref for a in draft.actions] == ["R1.1", "R1.2", "R2.1"]
    assert [a.section for a in draft.actions] == ["R1", "R1", "R2"]
    titles = {s.ref: s.title for s in draft.sections}
    assert titles["R1"] == "Improve the quality of management oversight"


def test_a_status_word_with_its_cells_colour_after_it_takes_the_colour() -> None:
    """A coloured cell as the PDF reader prints it: the words, then the fill's colour name."""
    assert parse_rag("At risk Amber") == ("amber", True)
    assert parse_rag("Delayed Red") == ("red", True)
    assert parse_rag("On track Green") == ("green", True)
    assert parse_rag("Training booked Green") == (None, False)


def test_a_column_named_two_ways_is_one_column_and_a_labelled_heading_under_another_is_its_own() -> None:
    """'Comments / progress' printed with single spaces was read as three columns, so no row fitted
    the header; 'Objective 1.1: ...' printed under 'Priority 1: ...' was joined to it."""
    from intake.importer.synonyms import exact_header_field

    assert exact_header_field("Comments / progress") == "progress"
    assert exact_header_field("Target date / Status") is None  # two different columns' names
    rows = [
        " Ref      Action                                   Lead                 Target date      Comments / progress",
        " Priority 1: Early help and neglect",
        " Objective 1.1: Practitioners recognise neglect earlier",
        " 1.1.1    Launch the graded care profile and       Training Manager     Q2 2021/22       214 practitioners",
        "          train practitioners in its use.                                                trained.",
        " 1.1.2    Refresh the neglect strategy.            Head of Early Help   December 2021    Approved.",
        " Objective 1.2: Families get help at the right time",
        " 1.2.1    Review the threshold document.           Head of Front Door   September 2021   Relaunched.",
    ]  # fmt: skip
    draft = _read("Business plan\n\n" + "\n".join(rows) + "\n")
    assert {a.ref: a.section for a in draft.actions} == {"1.1.1": "1.1", "1.1.2": "1.1", "1.2.1": "1.2"}
    titles = {s.ref: s.title for s in draft.sections}
    assert (
        titles["1"] == "Early help and neglect" and titles["1.1"] == "Practitioners recognise neglect earlier"
    )


def test_rows_holding_only_a_reference_and_words_above_rows_extending_it_are_sections() -> None:
    """A business plan's priority '1' and outcome '1.1' rows over actions '1.1.1', '1.1.2', as a
    PDF's laid-out text prints them: no bold, no merged cell, only the numbering says so."""
    rows = [
        " No.      What we will do                          Lead(s)              By when       Status",
        " 1        Neglect: children get the right help at the right time",
        " 1.1      Practitioners recognise neglect",
        " 1.1.1    Relaunch the graded care profile.        Neglect Subgroup     Sept 2025     Complete",
        " 1.1.2    Train 300 practitioners.                 Workforce Manager    31/03/2026    Amber",
        " 1.2      Early help is timely",
        " 1.2.1    Agree an early help pathway.             Early Help Manager   Jan 2026      Amber",
        " 2        Exploitation: children are safe",
        " 2.1      A shared understanding of risk",
        " 2.1.1    Replace the screening tool.              Police DCI           Dec 2025      Green",
    ]  # fmt: skip
    draft = _read("Business plan 2025-2027\n\n" + "\n".join(rows) + "\n")
    assert {a.ref: a.section for a in draft.actions} == {
        "1.1.1": "1.1", "1.1.2": "1.1", "1.2.1": "1.2", "2.1.1": "2.1",
    }  # fmt: skip
    parents = {s.ref: s.parent for s in draft.sections}
    assert parents["1.1"] == "1" and parents["2.1"] == "2"

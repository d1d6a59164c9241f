"""Plans as text extracted from PDF and Word documents (pdftotext with and without -layout,
Markdown and tab-separated converters), unlike the seed documents: other header words, section
rows, page furniture inside tables. Each document is a small text fixture written here."""

from __future__ import annotations

from intake.importer.api import import_document
from intake.importer.model import PlanDraft


def _import(text: str, name: str = "plan.txt") -> PlanDraft:
    return import_document(text.encode("utf-8"), filename=name)


def _by_ref(draft: PlanDraft) -> dict[str | None, object]:
    return {a.ref: a for a in draft.actions}


def test_a_section_row_labelled_area_for_priority_action_names_its_section() -> None:
    draft = _import(
        "| <b>Ref</b> | <b>Action required</b> | <b>Lead officer</b> | <b>Target date</b> | <b>RAG rating</b> |\n"
        "|---|---|---|---|---|\n"
        "| <b>Area for priority action 1: Leaders do not share an understanding of exploitation</b> | | | | |\n"
        "| 1.1a | Audit strategy discussions | Head of Service | March 2024 | G |\n"
        "| <b>Theme 2 – Front door</b> | | | | |\n"
        "| 2.1a | Review the MASH operating model | DCI Holt | Q3 2023/24 | A |\n"
    )
    sections = {a.ref: a.section for a in draft.actions}
    assert sections == {"1.1a": "1", "2.1a": "2"}
    titles = {s.ref: s.title for s in draft.sections}
    assert titles["1"] == "Leaders do not share an understanding of exploitation"
    assert titles["2"] == "Front door"


def test_a_recommendation_cell_labelled_rec_is_a_section_named_by_its_number() -> None:
    draft = _import(
        "Recommendation\tAction\tLead officer\tBy when\tBRAG\n"
        "Rec 1 – The partnership should assure itself that neglect is identified early\tAudit neglect cases\t"
        "Principal Social Worker\tMarch 2024\tGreen\n"
        "\tRefresh the neglect strategy\tPartnership Business Manager\tApril 2024\tBlue\n"
        "Rec 2 – Agencies should include fathers in assessments\tDeliver training on working with fathers\t"
        "LSCP Training Lead\tMay 2024\tAmber\n"
    )
    assert [a.section for a in draft.actions] == ["1", "1", "2"]


# ``pdftotext -layout``: a table's cells side by side, with no separators between them
JTAI_LAYOUT = (
    "Blackburn with Darwen Safeguarding Children Partnership\n"
    "Written Statement of Action\n\n"
    "\x0cRef Action required                                          Lead officer               Target date   RAG      Progress to date\n"
    "                                                                                                      rating\n"
    "Area for priority action 1: Leaders do not have a shared understanding of the impact of exploitation on children\n"
    "1.1a Audit the voice of the child in child protection        Partnership Business       September     G        Two sessions delivered to 64 DSLs. Feedback\n"
    "     conferences through advocacy and pre-meetings           Manager                    2023                   positive; further dates booked for the spring\n"
    "                                                                                                               term.\n"
    "1.1b Publish the MASH operating model so that decisions      Det Supt Mark Ellis        April 2024    G        Dip sample of 30 strategy discussions\n"
    "     are made within 24 hours of a contact                                                                     completed. Health attended 27 of 30; report to\n"
    "                                                                                                               QA subgroup.\n"
    "1.2a Evaluate supervision standards for frontline social     LSCP Training Lead         Ongoing       R        Delayed due to staffing changes in the business\n"
    "     workers, with management oversight recorded on                                                            unit. New date agreed with the independent\n"
    "     the child's file                                                                                          scrutineer.\n"
    "1.2b Deliver information sharing agreements between the Designated Nurse                December      G\n"
    "     MASH partners and the integrated care board        Safeguarding Children,          2023\n"
    "                                                        ICB\n"
    "Area for priority action 2: Strategy meetings do not always include health and education\n"
    "2.1a Develop supervision standards for frontline social      Det Supt Mark Ellis        Q2 2020/21    A        Audit tool agreed. Fieldwork underway in three\n"
    "     workers, with management oversight recorded on                                                            localities with findings expected in March.\n"
    "     the child's file\n"
    "2.1b Launch information sharing agreements between the LSCP Training Lead               30th          A        Not yet started; dependent on the outcome of\n"
    "     MASH partners and the integrated care board                                        November               the restructure consultation.\n"
    "                                                                                        2023\n"
    "2.2a Refresh a quarterly exploitation data profile for the Designated Nurse             Q3 2023/24    B        Guidance drafted and consulted on with partners\n"
    "     MACE so that hotspots and peer groups are identified Safeguarding Children,                               in November; sign-off at the December\n"
    "                                                           ICB                                                 executive.\n"
    "\n\n                                                                       OFFICIAL - Page 2 of 2\n"
)


def test_a_table_laid_out_in_columns_is_read_by_where_its_cells_sit() -> None:
    draft = _import(JTAI_LAYOUT)
    assert [a.ref for a in draft.actions] == ["1.1a", "1.1b", "1.2a", "1.2b", "2.1a", "2.1b", "2.2a"]
    first = draft.actions[0]
    assert (
        first.text
        == "Audit the voice of the child in child protection conferences through advocacy and pre-meetings"
    )
    assert first.owner == "Partnership Business Manager"
    assert first.due_text == "September 2023"
    assert first.rag == "green"
    assert first.progress is not None and first.progress.endswith("further dates booked for the spring term.")
    assert [a.section for a in draft.actions] == ["1", "1", "1", "1", "2", "2", "2"]


def test_a_cell_pushed_against_a_long_line_beside_it_stays_in_its_own_column() -> None:
    actions = {a.ref: a for a in _import(JTAI_LAYOUT).actions}
    # '... agreements between the Designated Nurse': the lead printed one space after the action
    assert actions["1.2b"].text == (
        "Deliver information sharing agreements between the MASH partners and the integrated care board"
    )
    assert actions["1.2b"].owner == "Designated Nurse Safeguarding Children, ICB"
    assert actions["2.1b"].owner == "LSCP Training Lead"
    assert actions["2.1b"].due_text == "30th November 2023"
    assert actions["2.2a"].owner == "Designated Nurse Safeguarding Children, ICB"


def test_a_header_word_on_a_second_line_and_a_page_footer_are_not_cells() -> None:
    draft = _import(JTAI_LAYOUT)
    assert all("OFFICIAL" not in (a.progress or "") and not a.text.endswith("rating") for a in draft.actions)
    assert (
        draft.actions[-1].progress
        == "Guidance drafted and consulted on with partners in November; sign-off at the December executive."
    )


CCE_LAYOUT = (
    "Southend, Essex and Thurrock Safeguarding Children Partnership\n"
    "Child Criminal Exploitation Delivery Plan 2023-2025\n\n"
    "                                                                        OFFICIAL - Page 1 of 3\n"
    "\x0cPursue\n"
    "Ref     Action                                                Owner                      Timescale     Status      Progress\n"
    "PUR-1 Audit the voice of the child in child protection        Partnership Business       September     Off track   Two sessions delivered to 64 DSLs. Feedback\n"
    "      conferences through advocacy and pre-meetings           Manager                    2023                      positive; further dates booked for the spring\n"
    "                                                                                                                   term.\n"
    "PUR-2 Publish the MASH operating model so that decisions Det Supt Mark Ellis             April 2024    On track    Dip sample of 30 strategy discussions\n"
    "      are made within 24 hours of a contact                                                                        completed. Health attended 27 of 30; report to\n"
    "                                                                                                                   QA subgroup.\n"
    "PUR-3 Evaluate supervision standards for frontline social     LSCP Training Lead         Ongoing       Some        Delayed due to staffing changes in the\n"
    "      workers, with management oversight recorded on                                                   slippage    business unit. New date agreed with the\n"
    "      the child's file                                                                                             independent scrutineer.\n"
    "PUR-4 Deliver information sharing agreements between          Designated Nurse           December      Completed\n"
    "      the MASH partners and the integrated care board         Safeguarding Children,     2023\n"
    "                                                              ICB\n"
    "PUR-5 Develop a quarterly exploitation data profile for the   Education Safeguarding     Q2 2020/21    On track    Data profile now produced monthly and shared\n"
    "      MACE so that hotspots and peer groups are               Lead                                                 with MACE members in advance of each\n"
    "      identified                                                                                                   meeting.\n"
    "\n"
    "\n"
    "Prevent\n"
    "Ref     Action                                              Owner                      Timescale       Status      Progress\n"
    "PRE-1 Launch information sharing agreements between         LSCP Training Lead         30th            Completed Not yet started; dependent on the outcome of\n"
    "      the MASH partners and the integrated care board                                  November                  the restructure consultation.\n"
    "                                                                                       2023\n"
    "PRE-2 Refresh a quarterly exploitation data profile for     Designated Nurse           Q3 2023/24      On track    Guidance drafted and consulted on with\n"
    "      the MACE so that hotspots and peer groups are         Safeguarding Children,                                 partners in November; sign-off at the December\n"
    "      identified                                            ICB                                                    executive.\n"
    "PRE-3 Embed an audit of neglect cases using the             Education Safeguarding     31/03/24        Off track   Two sessions delivered to 64 DSLs. Feedback\n"
    "      Graded Care Profile 2 tool                            Lead                                                   positive; further dates booked for the spring\n"
    "                                                                                                                   term.\n"
    "PRE-4 Establish the return home interview offer for     Principal Social Worker        31/01/2024      On track    Dip sample of 30 strategy discussions\n"
)


def test_a_short_line_above_each_laid_out_table_names_its_section() -> None:
    draft = _import(CCE_LAYOUT)
    assert [(a.ref, a.section) for a in draft.actions] == [
        ("PUR-1", "Pursue"),
        ("PUR-2", "Pursue"),
        ("PUR-3", "Pursue"),
        ("PUR-4", "Pursue"),
        ("PUR-5", "Pursue"),
        ("PRE-1", "Prevent"),
        ("PRE-2", "Prevent"),
        ("PRE-3", "Prevent"),
        ("PRE-4", "Prevent"),
    ]
    assert draft.actions[2].rag == "amber"  # 'Some' over 'slippage', one cell over two lines


def test_a_column_named_with_a_date_is_read_by_its_name() -> None:
    from intake.importer.synonyms import exact_header_field

    assert exact_header_field("Update Jan 2024") == "progress"
    assert exact_header_field("RAG (March 2023)") == "rag"
    assert exact_header_field("Lead officer Target") is None


def test_text_running_across_the_columns_is_not_read_as_a_table_laid_out_in_them() -> None:
    body = "".join(
        f"{n}.1 Undertake an audit of the emotional wellbeing team as part of the review  October 2020 "
        f"Celia Lamden, Head of Early Help Services\n\n"
        f"{n}.2 Revise and republish escalation processes for single and multi-professional groups agreed\n"
        f"by all partners September 2020 Health – Matt Stone, CAMHS Head of Service\n\n"
        for n in range(1, 8)
    )
    from intake.importer.columns import table_items

    lines = (" Ref Areas  for development Actions         Lead/s\n\n" + body).split("\n")
    assert table_items(lines) == {}


def test_a_responsible_agency_column_with_no_lead_column_gives_the_owner() -> None:
    draft = _import(
        "| <b>Ref</b> | <b>Actions required</b> | <b>Responsible agency</b> | <b>Timescale</b> | <b>RAG</b> |\n"
        "|---|---|---|---|---|\n"
        "| R1.1 | Audit pre-birth assessments | Children's Social Care | March 2024 | G |\n"
        "| R1.2 | Refresh the escalation policy | Police | Q3 2023/24 | A |\n"
    )
    assert [(a.owner, a.agency) for a in draft.actions] == [
        ("Children's Social Care", "Children's Social Care"),
        ("Police", "Police"),
    ]


def test_a_header_over_two_lines_of_a_laid_out_table_names_its_column_by_both() -> None:
    lines = [
        "Recommendation           Action                         Responsible   Lead officer        By when      BRAG",
        "                                                        agency",
    ]
    rows = [
        (
            "Rec 1 – The partnership",
            "Audit neglect cases in two",
            "Police",
            "Head of Service",
            "March 2024",
            "Green",
        ),
        ("should act on neglect", "localities", "", "", "", ""),
        ("", "Refresh the neglect strategy", "ICB", "Designated Nurse", "April 2024", "Amber"),
        (
            "Rec 2 – Agencies should",
            "Deliver training on working",
            "Education",
            "LSCP Training Lead",
            "May 2024",
            "Red",
        ),
        ("include fathers", "with fathers", "", "", "", ""),
    ]
    widths = (25, 31, 14, 20, 13, 6)
    for row in rows:
        lines.append("".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)).rstrip())
    text = (
        "Child T review action plan\n\n"
        + "\n".join(lines * 1)
        + "\n"
        + "\n".join(f"Note {n}" for n in range(20))
    )
    draft = _import(text)
    assert [(a.section, a.agency, a.owner, a.rag) for a in draft.actions] == [
        ("1", "Police", "Head of Service", "green"),
        ("1", "ICB", "Designated Nurse", "amber"),
        ("2", "Education", "LSCP Training Lead", "red"),
    ]
    assert draft.actions[0].text == "Audit neglect cases in two localities"


def test_a_row_cut_by_a_page_break_in_a_table_without_references_is_one_action() -> None:
    draft = _import(
        "<b>Recommendation</b>\t<b>Action</b>\t<b>Lead officer</b>\t<b>By when</b>\t<b>BRAG</b>\t<b>Update Jan 2024</b>\n"
        "Rec 1 – The partnership should\tDevelop supervision standards for social workers, with\t"
        "Det Supt Mark Ellis\tQ2 2020/21\tAmber\tAudit tool agreed. Fieldwork underway in three\n"
        "\n"
        "OFFICIAL\n"
        "\n"
        "Page 2\n"
        "\n"
        "assure itself that neglect is identified early\tmanagement oversight recorded on the child's file\t\t\t\t"
        "localities with findings expected in March.\n"
        "\tLaunch information sharing agreements\tLSCP Training Lead\tMarch 2024\tGreen\tNot yet started.\n"
    )
    assert [a.text for a in draft.actions] == [
        "Develop supervision standards for social workers, with management oversight recorded on the child's file",
        "Launch information sharing agreements",
    ]
    assert draft.actions[0].progress == (
        "Audit tool agreed. Fieldwork underway in three localities with findings expected in March."
    )
    assert [s.title for s in draft.sections] == [
        "The partnership should assure itself that neglect is identified early"
    ]
    assert {a.section for a in draft.actions} == {"1"}


def test_a_bold_row_across_the_table_without_a_number_is_a_section() -> None:
    draft = _import(
        "| <b>Ref</b> | <b>Action</b> | <b>Lead</b> | <b>By when</b> | <b>RAG rating</b> |\n"
        "|---|---|---|---|---|\n"
        "| <b>Early identification</b> | | | | |\n"
        "| 1.1 | Launch the neglect toolkit | Head of Early Help | March 2024 | Green |\n"
        "| <b>Assessment and planning</b> | | | | |\n"
        "| 2.1 | Audit neglect plans | QA subgroup chair | 31.03.24 | Amber |\n"
    )
    assert [(a.ref, a.section) for a in draft.actions] == [
        ("1.1", "Early identification"),
        ("2.1", "Assessment and planning"),
    ]
    assert [s.parent for s in draft.sections] == [None, None]


# ``pdftotext`` without ``-layout``: each cell a block of lines, in reading order
CELL_AFTER_CELL = """Sandwell Children's Safeguarding Partnership

Improvement plan following the inspection

OFFICIAL - Page 1 of 3

Ref Action required

Lead officer

Target date

RAG
rating

Progress to date

Area for priority action 1: Leaders do not share an understanding of exploitation
1.1a Audit the voice of the child in child protection
conferences through advocacy and pre-meetings

Partnership Business
Manager

September
2023

G

Two sessions delivered to 64 DSLs. Feedback
positive; further dates booked.

1.1b Publish the MASH operating model so that decisions
are made within 24 hours of a contact

Det Supt Mark Ellis

April 2024

A

OFFICIAL - Page 2 of 3
\f
Ref Action required

Lead officer

Target date

RAG
rating

Progress to date

Area for priority action 2: Strategy meetings do not always include health
2

Review the strategy meeting template

Head of Service, Children's Social Care

Q3 2023/24

R

Not started.
"""


def test_a_table_extracted_one_cell_after_another_is_read_row_by_row() -> None:
    draft = _import(CELL_AFTER_CELL)
    assert [(a.ref, a.section, a.owner, a.due_text, a.rag) for a in draft.actions] == [
        ("1.1a", "1", "Partnership Business Manager", "September 2023", "green"),
        ("1.1b", "1", "Det Supt Mark Ellis", "April 2024", "amber"),
        ("2", "2", "Head of Service, Children's Social Care", "Q3 2023/24", "red"),
    ]
    assert draft.actions[0].text == (
        "Audit the voice of the child in child protection conferences through advocacy and pre-meetings"
    )
    assert (
        draft.actions[0].progress
        == "Two sessions delivered to 64 DSLs. Feedback positive; further dates booked."
    )
    assert draft.actions[1].progress is None


def test_a_status_column_per_update_round_gives_the_latest_status() -> None:
    draft = _import(
        "| Ref | Action | Lead | Target date | RAG Jan 2024 | Update Jan 2024 | RAG Mar 2024 | Update Mar 2024 |\n"
        "|---|---|---|---|---|---|---|---|\n"
        "| 1.1 | Audit neglect plans | Ann Bell | March 2024 | A | Started | G | Going well |\n"
        "| 1.2 | Refresh the strategy | Ann Bell | May 2024 | R | Not started | Complete | Done |\n"
        "| 1.3 | Train DSLs | Ann Bell | June 2024 | G | Booked | | |\n"
    )
    assert [a.rag for a in draft.actions] == ["green", "complete", "green"]
    assert not [w for w in draft.warnings if "status" in w.message]


def test_a_quarter_written_after_its_financial_year_is_read() -> None:
    from intake.importer.normalise import parse_due

    assert str(parse_due("2024/25 Q1")) == "2024-06-30"
    assert str(parse_due("2023-24 Q4")) == "2024-03-31"


def test_each_numbered_recommendation_row_starts_its_own_section_with_a_rec_column_of_refs() -> None:
    draft = _import(
        "| <b>Rec</b> | <b>Action required</b> | <b>Lead officer</b> | <b>By when</b> | <b>Status</b> |\n"
        "|---|---|---|---|---|\n"
        "| <b>Recommendation 1: Professionals did not recognise the impact of neglect</b> | | | | |\n"
        "| 1a | Audit neglect plans | Head of Service | March 2024 | On track |\n"
        "| <b>Recommendation 2: Information about the father was not shared</b> | | | | |\n"
        "| 2a | Add fathers to the assessment template | Principal Social Worker | May 2024 | Off track |\n"
    )
    assert [(a.ref, a.section) for a in draft.actions] == [("1a", "1"), ("2a", "2")]
    assert [s.title for s in draft.sections] == [
        "Professionals did not recognise the impact of neglect",
        "Information about the father was not shared",
    ]


NARROW_LAYOUT = (
    "Cumbria Safeguarding Children Partnership\n"
    "JTAI Written Statement of Action\n\n"
    "Front door and MASH\n"
    "Action   Specific actions                                         Responsible officer Target     BRAG             Progress update\n"
    "ref                                                                                   completion status\n"
    "                                                                                      date\n"
    "A1       Audit the voice of the child in child protection         Partnership Business    September    Green      Two sessions delivered to 64 DSLs. Feedback\n"
    "         conferences through advocacy and pre-meetings            Manager                 2023                    positive; further dates booked for the spring\n"
    "                                                                                                                  term.\n"
    "A2       Publish the MASH operating model so that decisions       Det Supt Mark Ellis     April 2024   Green      Dip sample of 30 strategy discussions\n"
    "         are made within 24 hours of a contact                                                                    completed. Health attended 27 of 30; report to\n"
    "                                                                                                                  QA subgroup.\n"
    "A3       Evaluate supervision standards for frontline social LSCP Training Lead           Ongoing      Amber      Delayed due to staffing changes in the business\n"
    "         workers, with management oversight recorded on the                                                       unit. New date agreed with the independent\n"
    "         child's file                                                                                             scrutineer.\n"
    "A4       Deliver information sharing agreements between the       Designated Nurse        December     Complete\n"
    "         MASH partners and the integrated care board              Safeguarding            2023\n"
    "                                                                  Children, ICB\n"
    "A5       Develop a quarterly exploitation data profile for the    Education               Q2 2020/21 Red          Data profile now produced monthly and shared\n"
    "         MACE so that hotspots and peer groups are identified     Safeguarding Lead                               with MACE members in advance of each\n"
    "                                                                                                                  meeting.\n"
    "A6       Launch an audit of neglect cases using the Graded        Principal Social        30th         Green      Audit tool agreed. Fieldwork underway in three\n"
    "         Care Profile 2 tool                                      Worker                  November                localities with findings expected in March.\n"
    "                                                                                          2023\n"
)


def test_narrow_columns_whose_headers_wrap_and_sit_left_of_their_cells_are_read() -> None:
    draft = _import(NARROW_LAYOUT)
    assert [(a.ref, a.due_text, a.rag) for a in draft.actions] == [
        ("A1", "September 2023", "green"),
        ("A2", "April 2024", "green"),
        ("A3", "Ongoing", "amber"),
        ("A4", "December 2023", "complete"),
        ("A5", "Q2 2020/21", "red"),
        ("A6", "30th November 2023", "green"),
    ]
    assert draft.actions[3].owner == "Designated Nurse Safeguarding Children, ICB"


def test_a_status_of_two_words_pushed_against_the_date_beside_it_is_read_whole() -> None:
    lines = [
        "Ref   Action                                   Lead                 Due           Status",
        "1a    Review the neglect strategy and publish   Head of Service      End of June Some",
        "      it on the partnership website                                  2020        slippage",
        "1b    Train designated safeguarding leads       LSCP Training Lead   March 2024  On track",
    ]
    text = "Plan\n\n" + "\n".join(lines) + "\n\n" + "\n".join(f"Note {n}." for n in range(20))
    actions = _import(text).actions
    assert [(a.due_text, a.rag) for a in actions[:2]] == [
        ("End of June 2020", "amber"),
        ("March 2024", "green"),
    ]


def test_a_line_under_a_laid_out_header_that_would_rename_its_action_column_is_not_part_of_it() -> None:
    # 'Action' over 'ref' names a reference column; with no other action column the line below
    # the header is not read as the header's second line (it used to leave a table with no actions column)
    lines = ["Action   Lead          Target date   RAG", "ref      review        plan          child"]
    lines += [f"word {n}   more words    and more      text" for n in range(30)]
    draft = _import("\n".join(lines))  # raised an error before
    # a table it cannot make sense of is read as far as it goes and reported, not refused
    assert draft.actions and draft.warnings


def test_a_numbered_bold_heading_row_with_no_action_is_a_section_not_a_skipped_row() -> None:
    draft = _import(
        "Ref\tRecommendation\tAction required\tLead officer\tTimescale\tRAG rating\n"
        "1\t<b>Neglect</b>\n"
        "1.1\tPartners should use GCP2\tTrain 200 staff in GCP2\tJo Bloggs\tQ1 2024/25\tAmber\n"
        "2\t<b>Exploitation</b>\n"
        "2.1\tMACE should review data\tProduce a monthly profile\tDI Smith\tOngoing\tRed\n"
    )
    titles = {s.ref: (s.title, s.parent) for s in draft.sections}
    assert titles["1"] == ("Neglect", None)
    assert titles["2"] == ("Exploitation", None)
    assert [titles[a.section or ""][1] for a in draft.actions] == ["1", "2"]
    assert not [w for w in draft.warnings if "no action text" in w.message]


def test_a_cell_that_points_to_another_action_is_not_an_action() -> None:
    draft = _import(
        "Ref\tAction\tLead\tDue by\tRAG\n"
        "2.1\tProduce a monthly profile\tDI Smith\tOngoing\tRed\n"
        "2.2\tSee 2.1\t\t\t\n"
        "2.3\tAs per action 2.1 above\t\t\t\n"
        "2.4\tReview the terms of reference\tDI Smith\tMay 2024\tA\n"
    )
    assert [a.ref for a in draft.actions] == ["2.1", "2.4"]


def test_a_rag_key_written_on_one_line_is_read() -> None:
    draft = _import(
        "RAG key: Red – not started or off track; Amber – in progress; Green – on track; Blue – complete\n\n"
        "Ref\tAction\tLead\tDue by\tRAG\n"
        "1.1\tProduce a monthly profile\tDI Smith\tOngoing\tRed\n"
    )
    assert [(s.key, s.definition) for s in draft.rag_scheme] == [
        ("red", "not started or off track"),
        ("amber", "in progress"),
        ("green", "on track"),
        ("complete", "complete"),
    ]


def test_a_lead_pushed_against_the_due_date_beside_it_keeps_its_last_name() -> None:
    lines = [
        "Ref   Action                                   Lead officer        By when      BRAG",
        "1a    Publish the MASH operating model         Partnership         September    Green",
        "                                               Business Manager    2023",
        "1b    Review the escalation policy             Det Supt Mark Ellis April 2024   Amber",
    ]
    text = "Plan\n\n" + "\n".join(lines) + "\n\n" + "\n".join(f"Note {n}." for n in range(20))
    actions = _import(text).actions
    assert [(a.owner, a.due_text) for a in actions[:2]] == [
        ("Partnership Business Manager", "September 2023"),
        ("Det Supt Mark Ellis", "April 2024"),
    ]


def test_a_grid_table_row_over_several_lines_is_one_row() -> None:
    draft = _import(
        "+-------------------------------+------------------+-------------+--------------+\n"
        "| Action                        | Lead officer     | Target date | RAG          |\n"
        "+===============================+==================+=============+==============+\n"
        "| Priority 1: Neglect                                                            |\n"
        "+-------------------------------+------------------+-------------+--------------+\n"
        "| Audit the voice of the child  | Partnership      | September   | On track     |\n"
        "| in child protection           | Business Manager | 2023        |              |\n"
        "+-------------------------------+------------------+-------------+--------------+\n"
        "| Publish the MASH operating    | Det Supt Mark    | April 2024  | Off track    |\n"
        "| Model                         | Ellis            |             |              |\n"
        "+-------------------------------+------------------+-------------+--------------+\n"
    )
    assert [(a.text, a.owner, a.due_text, a.rag, a.section) for a in draft.actions] == [
        ("Audit the voice of the child in child protection", "Partnership Business Manager", "September 2023",
         "green", "1"),
        ("Publish the MASH operating Model", "Det Supt Mark Ellis", "April 2024", "red", "1"),
    ]  # fmt: skip
    assert not draft.warnings


def test_a_due_date_completed_after_a_page_break_leaves_no_warning_about_its_first_half() -> None:
    draft = _import(
        "Ref\tAction\tLead\tDue by\tRAG\n"
        "1.1\tAudit the voice of the child in\tPartnership Business\tEnd of\tG\n\nOFFICIAL\n\nPage 2\n\n"
        "\tchild protection conferences\tManager\tSeptember 2023\t\n"
    )
    assert str(draft.actions[0].due) == "2023-09-30"
    assert draft.actions[0].owner == "Partnership Business Manager"
    assert [w.message for w in draft.warnings] == [
        "The due date of action 1.1 goes on after a page break; read together as “End of September 2023”."
    ]


def _laid_out(rows: list[str]) -> str:
    """A small pdftotext -layout page: a header, the rows given, and notes enough to read as laid out."""
    header = "Ref  Action required                          Lead officer        Target date   RAG"
    notes = "\n".join(f"Note {n}." for n in range(20))
    return "Plan\n\n" + header + "\n" + "\n".join(rows) + "\n\n" + notes


def test_a_paragraph_between_laid_out_rows_is_text_not_a_section() -> None:
    draft = _import(
        _laid_out(
            [
                "1.1  Audit strategy discussions               Head of Service     March 2024    G",
                "What inspectors found",
                "Leaders do not have a clear understanding of the scale of criminal exploitation across the area.",
                "Data is not routinely shared between the police, the council and health partners.",
                "1.2  Publish a data profile                   DI Smith            April 2024    A",
            ]
        )
    )
    assert [a.ref for a in draft.actions] == ["1.1", "1.2"]
    assert draft.sections == []
    assert draft.actions[0].text == "Audit strategy discussions"


def test_a_numbered_heading_across_a_laid_out_table_over_two_lines_is_one_section() -> None:
    draft = _import(
        _laid_out(
            [
                "Area for priority action 2: Strategy meetings do not always include health and education, so",
                "decisions about risk are made without all the information",
                "2.1  Audit strategy discussions               Head of Service     March 2024    G",
            ]
        )
    )
    assert [(a.ref, a.section) for a in draft.actions] == [("2.1", "2")]
    assert draft.sections[0].title.endswith("made without all the information")


def test_narrow_header_cells_printed_into_each_other_one_cell_after_another_are_read() -> None:
    text = (
        "Cumbria Safeguarding Children Partnership\n\nFront door and MASH\nAction\nref\n\nSpecific actions\n\n"
        "Responsible officer Target\nBRAG\ncompletion status\ndate\n\nProgress update\n\n"
        "A1\n\nAudit the voice of the child in child protection\nconferences\n\nPartnership Business\nManager\n\n"
        "September\n2023\n\nGreen\n\nTwo sessions delivered.\n\n"
        "A2\n\nPublish the MASH operating model\n\nDet Supt Mark Ellis\n\nApril 2024\n\nAmber\n\n"
        + "\n\n".join(f"Note {n}." for n in range(12))
    )
    draft = _import(text)
    assert [(a.ref, a.owner, a.due_text, a.rag) for a in draft.actions] == [
        ("A1", "Partnership Business Manager", "September 2023", "green"),
        ("A2", "Det Supt Mark Ellis", "April 2024", "amber"),
    ]


def test_a_reference_whose_action_text_is_on_the_next_page_keeps_its_date_and_status() -> None:
    draft = _import(
        "Ref\tAction\tOwner\tTimescale\tStatus\n"
        "PRO-1\t\t\tMarch 2024\tOff track\n"
        "\f\n"
        "Ref\tAction\tOwner\tTimescale\tStatus\n"
        "\tReview an audit of neglect cases\tDesignated Nurse\t\t\n"
        "PRO-2\tAudit the return home interview offer\tEducation Lead\tMay 2024\tOn track\n"
    )
    assert [(a.ref, a.text, a.owner, a.due_text, a.rag) for a in draft.actions] == [
        ("PRO-1", "Review an audit of neglect cases", "Designated Nurse", "March 2024", "red"),
        ("PRO-2", "Audit the return home interview offer", "Education Lead", "May 2024", "green"),
    ]
    assert not draft.warnings


def test_text_after_a_table_extracted_cell_after_cell_is_not_part_of_its_last_row() -> None:
    draft = _import(
        CELL_AFTER_CELL
        + "\nGlossary\n\nMASH Multi-Agency Safeguarding Hub\n\nICB Integrated Care Board\n\n"
        + "\n\n".join(f"Note {n}." for n in range(6))
    )
    assert draft.actions[-1].progress == "Not started."

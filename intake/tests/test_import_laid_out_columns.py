"""Tables laid out in columns as ``pdftotext -layout`` prints them: cells found by where their words
sit, when the columns nearly touch, rows are printed a little apart from the header, the header's
names wrap over two lines, and there is no reference column to say where a row starts."""

from __future__ import annotations

from intake.importer.api import import_document
from intake.importer.model import PlanDraft


def _import(*lines: str) -> PlanDraft:
    return import_document(("\n".join(lines) + "\n").encode("utf-8"), filename="plan.txt")


def _rows(draft: PlanDraft) -> list[tuple[str | None, str, str | None, str | None]]:
    return [(a.ref, a.text, a.owner, a.progress) for a in draft.actions]


def test_a_line_printed_left_of_its_column_far_from_the_column_before_is_the_next_columns() -> None:
    # the progress cell's third line sits three characters left of 'Progress', where the owner's
    # cells never start: it goes on with the progress, not the owner
    draft = _import(
        "Ref    Action                          Lead                   Progress                      RAG",
        "1.1    Refresh the neglect strategy.   Partnership Business Draft shared with partners      G",
        "                                       Manager              for comment. Agreed at the",
        "                                                            executive in April.",
        "1.2    Audit strategy discussions.     Head of Early Help        No update this quarter.       R",
    )
    assert _rows(draft) == [
        (
            "1.1",
            "Refresh the neglect strategy.",
            "Partnership Business Manager",
            "Draft shared with partners for comment. Agreed at the executive in April.",
        ),
        ("1.2", "Audit strategy discussions.", "Head of Early Help", "No update this quarter."),
    ]


def test_a_short_line_under_a_cell_before_a_repeated_header_is_the_cells_not_a_title() -> None:
    header = "Ref    Action                               Deadline     Lead/s                  RAG"
    draft = _import(
        header,
        "1.1    Publish the strategy discussion      March 2025   Education Safeguarding  Amber",
        "       record.                                           Lead and Head of",
        "                                                         Service, Front Door",
        header,
        "1.2    Report on the locality meeting.      30/11/2026   Head of Early Help      Green",
    )
    assert [(a.ref, a.owner) for a in draft.actions] == [
        ("1.1", "Education Safeguarding Lead and Head of Service, Front Door"),
        ("1.2", "Head of Early Help"),
    ]


def test_rows_printed_a_little_left_of_the_header_are_still_read_as_a_table() -> None:
    # pdftotext places each row on its own: these rows' cells start two or three characters left of
    # the header's names, so their words reach over where the header puts a column's start
    draft = _import(
        "Number Agreed action                   Progress              Responsible RAG    Deadline",
        "                                                             officer     rating",
        "1.1       Review a standard for        Two of four        Education             31/07/2026",
        "          health partners.             sessions held.     Safeguarding",
        "                                                          Lead",
        "1.2       Publish the strategy         Delayed by         Designated            End of March",
        "          discussion record.           changes.           Nurse                 2026",
        "1.3       Report on the escalation     Recruitment failed Education      Green  25 December",
        "          policy.                      twice.             Safeguarding          2026",
        "                                                          Lead",
    )
    assert [(a.ref, a.text, a.owner, a.progress) for a in draft.actions] == [
        (
            "1.1",
            "Review a standard for health partners.",
            "Education Safeguarding Lead",
            "Two of four sessions held.",
        ),
        ("1.2", "Publish the strategy discussion record.", "Designated Nurse", "Delayed by changes."),
        (
            "1.3",
            "Report on the escalation policy.",
            "Education Safeguarding Lead",
            "Recruitment failed twice.",
        ),
    ]
    assert [a.due_text for a in draft.actions] == ["31/07/2026", "End of March 2026", "25 December 2026"]


def test_a_header_whose_names_wrap_over_two_lines_is_found_without_a_reference_column() -> None:
    draft = _import(
        "Action                                             Completion date   Current",
        "                                                                     status",
        "",
        "Commission the escalation and resolution           Sep 2024          Complete",
        "protocol.",
        "",
        "Introduce the escalation and resolution protocol   Q3 2023-24        Amber",
        "so that the child's lived experience is",
        "recorded.",
    )
    assert [(a.text, a.due_text, a.rag) for a in draft.actions] == [
        ("Commission the escalation and resolution protocol.", "Sep 2024", "complete"),
        (
            "Introduce the escalation and resolution protocol so that the child's lived experience is recorded.",
            "Q3 2023-24",
            "amber",
        ),
    ]


def test_without_references_a_wrapped_sentence_of_the_action_cell_is_not_a_new_row() -> None:
    # the second sentence of an action opens on a line where no other cell opens: it goes on with the
    # action; a row starts where the owner and due cells open too
    draft = _import(
        "What we will do                              Lead                    By when",
        "Audit the quality of strategy discussions.   Head of Early Help      Sep 2024",
        "This includes a dip sample of 20 cases.",
        "Attendance will be monitored.",
        "Develop the Graded Care Profile 2.           Designated Nurse        January 2025",
        "Publish the neglect strategy.                Head of Service         March 2025",
    )
    assert [(a.text, a.owner) for a in draft.actions] == [
        (
            "Audit the quality of strategy discussions. This includes a dip sample of 20 cases. "
            "Attendance will be monitored.",
            "Head of Early Help",
        ),
        ("Develop the Graded Care Profile 2.", "Designated Nurse"),
        ("Publish the neglect strategy.", "Head of Service"),
    ]


def test_without_a_reference_column_a_reference_opening_the_action_cell_starts_a_row() -> None:
    # the owner cells are two lines long, so no column shows a gap where the next row starts
    draft = _import(
        "What we will do                                  Lead/s                 Deadline",
        "2.2 Audit the strategy discussion record so      Partnership Training   End of February",
        "that it asks what the child has said.            Coordinator            2025",
        "2.3 Audit a standard for health partners to      Head of Service, Front",
        "return information within one working day.       Door",
    )
    assert [(a.ref, a.owner) for a in draft.actions] == [
        ("2.2", "Partnership Training Coordinator"),
        ("2.3", "Head of Service, Front Door"),
    ]


def test_a_labelled_heading_alone_between_rows_without_references_is_a_section() -> None:
    draft = _import(
        "Actions to be taken                                 Lead/s                      By when",
        "",
        "Priority 1: Pursue",
        "",
        "Evaluate the early help assessment tool with        Head of Service             March 2021",
        "police, health and education partners.",
        "",
        "Priority 2: Quality assurance and audit",
        "",
        "Publish threshold guidance for partners.            Independent Scrutineer      May 2021",
    )
    assert [(a.section, a.text) for a in draft.actions] == [
        ("1", "Evaluate the early help assessment tool with police, health and education partners."),
        ("2", "Publish threshold guidance for partners."),
    ]
    assert {s.ref: s.title for s in draft.sections} == {"1": "Pursue", "2": "Quality assurance and audit"}


def test_a_numbered_title_above_rows_with_references_of_another_kind_is_a_section() -> None:
    draft = _import(
        "Ref     Actions to be taken                                    Responsible person           Deadline",
        "1. Domestic abuse",
        "A1      Refresh the early help assessment tool for all         Service Manager, MASH        August 2019",
        "        frontline practitioners.",
        "2. Children in care and care leavers",
        "A2      Report on supervision standards.                       Head of Early Help           31 August 2019",
    )
    assert [(a.ref, a.section) for a in draft.actions] == [("A1", "1"), ("A2", "2")]
    assert {s.ref: s.title for s in draft.sections} == {
        "1": "Domestic abuse",
        "2": "Children in care and care leavers",
    }


def test_a_title_alone_in_the_reference_column_is_a_section_even_right_under_the_header() -> None:
    draft = _import(
        "Ref.    Key actions                                       Timescale    Current      Owner",
        "                                                                       status",
        "Prevent",
        "A1      Evaluate the multi-agency neglect strategy.       TBC          G            Head of Service",
        "A2      Commission the neglect strategy including         31 December  R            LSCP Training Lead",
        "        schools and early years settings.                 2023",
        "Neglect",
        "A3      Strengthen the escalation protocol.               June 2024    A            Designated Nurse",
    )
    assert [(a.ref, a.section) for a in draft.actions] == [
        ("A1", "Prevent"),
        ("A2", "Prevent"),
        ("A3", "Neglect"),
    ]


def test_a_group_column_whose_name_wraps_keeps_its_cells_beside_the_reference_column() -> None:
    # 'Area for' over 'improvement': read alone, 'for' would be a column of its own, taking the words
    # of the group's cells that sit under it ('1: Mental') away from the group
    draft = _import(
        "Area for             Ref No   Agreed action                               Due date        Lead",
        "improvement",
        "Theme 1: Mental      MHA-1    Establish the MASH operating model.         31st May 2026   Head of Service",
        "health and                                                                                ",
        "emotional wellbeing",
        "                     MHA-2    Deliver the quality of strategy             31 August       CSC – Sam Patel",
        "                              discussions.                                2025",
        "Theme 2: Leadership  LAG-1    Establish health attendance at child        To be           LSCP Training Lead",
        "and governance                protection conferences.                     confirmed",
    )
    assert [(a.ref, a.section) for a in draft.actions] == [("MHA-1", "1"), ("MHA-2", "1"), ("LAG-1", "2")]
    assert {s.ref: s.title for s in draft.sections} == {
        "1": "Mental health and emotional wellbeing",
        "2": "Leadership and governance",
    }


def test_a_status_wrapped_over_two_lines_does_not_start_a_row_on_its_second() -> None:
    # 'Action' over 'complete' is one status; 'complete' on the next line goes on with it
    draft = _import(
        "Action                                          RAG         Responsible officer           Due date",
        "                                                status",
        "",
        "Embed multi-agency case audits in line with     Action      Mark Ellis, Service Manager,  By 31 October",
        "Working Together 2023. Findings will be         complete    MASH                          2022",
        "shared with the Quality Assurance subgroup.",
        "",
        "Refresh the early help assessment tool.         A           LSCP Training Lead            31/08/2022",
    )
    assert [(a.text, a.rag, a.due_text) for a in draft.actions] == [
        (
            "Embed multi-agency case audits in line with Working Together 2023. Findings will be shared "
            "with the Quality Assurance subgroup.",
            "complete",
            "By 31 October 2022",
        ),
        ("Refresh the early help assessment tool.", "amber", "31/08/2022"),
    ]


def test_a_day_one_space_from_the_due_column_is_read_in_it() -> None:
    # the action's line runs to one space short of the due cell: '... locality on | 16 July 2026'
    draft = _import(
        "Ref    Action required                                          Due date        Lead",
        "1.1    Relaunch a multi-agency meeting for each locality on 16 July 2026   Jo Smith",
        "       children at risk of exploitation.",
        "1.2    Audit supervision records of team managers against the   30/11/2026      Head of Early Help",
        "       partnership standard.",
        "1.3    Publish the neglect strategy.                            31 March 2026   LSCP Training Lead",
        "1.4    Review the escalation policy.                            May 2026        Designated Nurse",
    )
    assert [(a.text, a.due_text) for a in draft.actions][0] == (
        "Relaunch a multi-agency meeting for each locality on children at risk of exploitation.",
        "16 July 2026",
    )


def test_a_status_one_space_from_the_status_column_is_read_in_it() -> None:
    # '... team managers | G': a status letter touching the end of the action's line
    draft = _import(
        "Ref    Action required                                Status      Lead",
        "1.1    Audit supervision records of team managers G               Head of Early Help",
        "       against the partnership standard.",
        "1.2    Publish the neglect strategy for a             R           LSCP Training Lead",
        "       subgroup.",
        "1.3    Review the escalation policy.                  A           Designated Nurse",
    )
    assert [(a.text, a.rag) for a in draft.actions] == [
        ("Audit supervision records of team managers against the partnership standard.", "green"),
        ("Publish the neglect strategy for a subgroup.", "red"),
        ("Review the escalation policy.", "amber"),
    ]


def test_a_long_numbered_heading_above_a_laid_out_table_is_its_section() -> None:
    draft = _import(
        "Westbury Safeguarding Children Partnership",
        "Improvement plan 2025 to 2026",
        "",
        "Priority 1: Children who go missing from home or care are not always offered an interview",
        "",
        "No.      Agreed action                             Lead                  Target date",
        "1.1a     Train practitioners in the protocol.      Head of Early Help    31/03/2026",
        "1.1b     Publish the protocol.                     Designated Nurse      June 2026",
        "",
        "2. Information sharing between health partners and the front door is too slow",
        "",
        "No.      Agreed action                             Lead                  Target date",
        "2.1a     Audit the return home interview offer.    Designated Nurse      Ongoing",
        "2.1b     Report on the interviews.                 Head of Early Help    May 2026",
    )
    assert [(a.ref, a.section) for a in draft.actions] == [
        ("1.1a", "1"),
        ("1.1b", "1"),
        ("2.1a", "2"),
        ("2.1b", "2"),
    ]
    assert {s.ref: s.title for s in draft.sections}["2"] == (
        "Information sharing between health partners and the front door is too slow"
    )


def test_a_cell_touching_the_next_is_split_where_the_rows_other_lines_open_that_column() -> None:
    # pdftotext places each row's cells a little apart from the header, but at one place down the
    # row: 'views are' opens where this row's outcome lines do (left of the header's 'Outcome'),
    # and 'Jo' where the row's lead line below does, so '2025' stays with its due date
    draft = _import(
        "Ref    Action                        RAG     Deadline      Outcome                Lead",
        "1.1    Develop the seven minute      Blue    End of   Children's                  Head of Early Help",
        "       briefings.                            December views are",
        "                                             2026     recorded.",
        "1.2    Audit the strategy record.    Green   Ongoing       Fewer referrals.       Designated Nurse",
        "1.3    Publish the neglect strategy. Red     6 May 2025    Fewer referrals.       LSCP Training Lead",
        "1.4    Report on the audit.          Amber   Q4 2024/25    Children's views.      Head of Service",
        "1.5    Relaunch the protocol.        Green   End of May 2025 Fewer referrals.     Jo Smith",
        "                                                             Seen in audits.",
    )
    assert [(a.ref, a.due_text, a.outcome) for a in draft.actions] == [
        ("1.1", "End of December 2026", "Children's views are recorded."),
        ("1.2", "Ongoing", "Fewer referrals."),
        ("1.3", "6 May 2025", "Fewer referrals."),
        ("1.4", "Q4 2024/25", "Children's views."),
        ("1.5", "End of May 2025", "Fewer referrals. Seen in audits."),
    ]


def test_a_quarter_one_space_from_the_due_column_is_read_with_its_year() -> None:
    # '... programme for | Q1 2025/26': the action's line runs to one space short of the due cell,
    # 'Q1' within where the action's lines end
    draft = _import(
        "Action                                                By when           Lead",
        "4.1 Report on the multi-agency training               February 2025     Independent",
        "programme for practitioners working with              (revised to May   Scrutineer",
        "families. The work will be led jointly with the       2025)",
        "police and the integrated care board. Progress will",
        "4.2 Audit the multi-agency training programme for Q1 2025/26            Quality Assurance",
        "practitioners working with families.                                    Manager",
        "4.3 Train practitioners in the graded care profile.   20 May 2026       Designated Nurse",
    )
    assert [(a.ref, a.due_text) for a in draft.actions] == [
        ("4.1", "February 2025 (revised to May 2025)"),
        ("4.2", "Q1 2025/26"),
        ("4.3", "20 May 2026"),
    ]


def test_a_strands_name_at_the_top_of_a_page_above_a_repeated_header_is_its_section() -> None:
    # pdftotext prints a page's first line right after the last line of the page before: the
    # strand's name there is not the end of a paragraph but the title of the table below
    header = "Number Agreed action                          Deadline      BRAG   Action owner"
    draft = _import(
        "Priority 1: Quality assurance and audit",
        header,
        "1.1a      Audit the seven minute briefings      31/10/2025    R      Detective Inspector",
        "          published after each rapid review.",
        "1.1b      Review the return home interview      Ongoing       G      Head of Early Help",
        "          offer to children who go missing.",
        "\fPriority 2: Tackling neglect",
        header,
        "2.1a      Review the training programme.        June 2026     A      Designated Nurse",
        "2.1b      Report on the graded care profile.    May 2026      G      Head of Service",
    )
    assert [(a.ref, a.section) for a in draft.actions] == [
        ("1.1a", "1"),
        ("1.1b", "1"),
        ("2.1a", "2"),
        ("2.1b", "2"),
    ]


def test_a_wrapped_header_whose_names_run_together_is_read_by_the_name_each_piece_finishes() -> None:
    # 'Completion Lead officer' is one run of words; 'date' below finishes 'Completion'
    draft = _import(
        "Agreed action                    RAG     Completion Lead officer     Success",
        "                                         date                        measure",
        "1.1 Relaunch the domestic        Red     31/05/2025   Designated     Children's",
        "abuse notification process.                           Nurse          views are heard.",
        "1.2 Review the neglect           Green   Ongoing      Head of Early  Fewer repeat",
        "strategy.                                             Help           referrals.",
    )
    assert [(a.ref, a.rag, a.due_text, a.owner, a.outcome) for a in draft.actions] == [
        ("1.1", "red", "31/05/2025", "Designated Nurse", "Children's views are heard."),
        ("1.2", "green", "Ongoing", "Head of Early Help", "Fewer repeat referrals."),
    ]


def test_a_cells_lines_left_of_its_column_follow_where_the_row_opens_that_cell() -> None:
    # 'End' one space after 'Amber' opens this row's due cell at its own place, left of the header's
    # 'Due date': 'October' and '2025' below it are the due cell's, not the status's
    draft = _import(
        "Agreed action                    RAG     Due date     Lead officer   Outcome",
        "1.1 Develop the strategy         Amber End of         Independent    Children's",
        "discussion record so that it           October        Scrutineer     views are",
        "asks what the child has said.          2025                          recorded.",
        "1.2 Report on the escalation     Green   31/10/2026   Quality        Fewer repeat",
        "policy.                                               Assurance      referrals.",
        "1.3 Develop the return home      Red     Ongoing      Head of Early  Fewer repeat",
        "interview offer.                                      Help           referrals.",
    )
    assert [(a.ref, a.rag, a.due_text) for a in draft.actions] == [
        ("1.1", "amber", "End of October 2025"),
        ("1.2", "green", "31/10/2026"),
        ("1.3", "red", "Ongoing"),
    ]


def test_a_cut_rows_owner_alone_at_the_foot_of_the_page_is_the_next_rows() -> None:
    # a page break cut row 1.3: its owner printed alone at the foot of the page, above the repeated
    # header, the rest of it on the next page
    header = "Ref   Action                               Due date      Lead officer"
    draft = _import(
        header,
        "1.1   Audit the seven minute briefings.    31/10/2025    Detective Inspector",
        "1.2   Review the return home interview     Ongoing       Head of Early Help",
        "      offer to children who go missing.",
        "                                                         Designated Nurse",
        "\f" + header,
        "1.3   Relaunch the training programme.     June 2026",
        "1.4   Report on the graded care profile.   May 2026      Head of Service",
    )
    assert [(a.ref, a.owner) for a in draft.actions] == [
        ("1.1", "Detective Inspector"),
        ("1.2", "Head of Early Help"),
        ("1.3", "Designated Nurse"),
        ("1.4", "Head of Service"),
    ]


def test_a_cut_rows_due_date_and_status_at_the_foot_of_the_page_are_the_next_rows() -> None:
    # without a reference column: 'End of June 2026  Green' at the foot of the page is the row below
    # the repeated header's, whose first line leaves both cells empty
    header = "Action                                   Due date          RAG      Lead officer"
    draft = _import(
        header,
        "Audit the seven minute briefings         End of October    Red      Detective Inspector",
        "published after each rapid review.      2025",
        "Findings go to the subgroup.",
        "                                         End of June 2026  Green",
        "\f" + header,
        "Review the return home interview                                    Head of Early Help",
        "offer to children who go missing.",
    )
    assert [(a.text[:9], a.due_text, a.rag, a.owner) for a in draft.actions] == [
        ("Audit the", "End of October 2025", "red", "Detective Inspector"),
        ("Review th", "End of June 2026", "green", "Head of Early Help"),
    ]


def test_a_cells_last_line_at_the_foot_of_the_page_stays_with_its_row() -> None:
    # 'Manager' at the foot of the page goes on with the owner right above it: nothing moves
    header = "Ref   Action                               Due date      Lead officer"
    draft = _import(
        header,
        "1.1   Audit the seven minute briefings     31/10/2025    Partnership Business",
        "      published after each rapid review.                 Manager",
        "\f" + header,
        "1.2   Relaunch the training programme.     June 2026",
    )
    assert [a.ref for a in draft.actions] == ["1.1", "1.2"]
    assert draft.actions[0].owner == "Partnership Business Manager"
    assert draft.actions[1].owner != "Manager"


def test_a_cut_rows_cells_at_the_foot_of_the_page_go_on_after_the_repeated_header() -> None:
    # row 1.2's owner, due date and progress open at the foot of the page (its status there is one
    # the row before lacks); its progress goes on below the header ('changes in ...'), so the lines
    # at the foot are row 1.2's, not row 1.1's
    header = "Ref   Action                          Lead               Due date      RAG   Progress"
    draft = _import(
        header,
        "1.1   Audit the seven minute          Head of Service    Q3 2025/26          No update.",
        "      briefings.                      (Front Door)",
        "                                      Detective          31/03/2025    R     Delayed by",
        "\f" + header,
        "1.2   Review the neglect              Inspector                              changes in the team.",
        "      strategy.",
    )
    assert [(a.ref, a.owner, a.due_text, a.rag, a.progress) for a in draft.actions] == [
        ("1.1", "Head of Service (Front Door)", "Q3 2025/26", None, "No update."),
        ("1.2", "Detective Inspector", "31/03/2025", "red", "Delayed by changes in the team."),
    ]


def test_a_numbered_heading_across_columns_whose_actions_hold_their_refs_is_a_section() -> None:
    # no Ref column: the references open the action cells, and '2. ...' runs over the next column
    draft = _import(
        "What we will do                          Progress                 Timescale     Lead",
        "1.1 Review the neglect strategy.         No update.               Ongoing       Head of Service",
        "2. Information sharing between health partners and the front door is too slow",
        "2.1 Audit the strategy discussions.      Draft shared.            May 2026      Designated Nurse",
    )
    assert [(a.ref, a.section) for a in draft.actions] == [("1.1", None), ("2.1", "2")]


def test_a_section_cell_going_on_after_its_label_does_not_open_a_row() -> None:
    # 'Recommendation 3:' wraps onto 'Leadership and governance' beside the action's second
    # sentence: the label's colon says the cell goes on, so the line is not a new row
    draft = _import(
        "Recommendation               Action                                              Lead",
        "",
        "Recommendation 3:            Deliver a seven-minute briefing on the review.      Head of Safeguarding,",
        "Leadership and governance    The revised guidance will be published on the       Acute Trust",
        "                             partnership website.",
        "",
        "                             Review the escalation and resolution protocol       Designated Nurse, ICB",
        "                             across the three localities.",
    )
    assert [(a.text, a.owner, a.section) for a in draft.actions] == [
        (
            "Deliver a seven-minute briefing on the review. The revised guidance will be published "
            "on the partnership website.",
            "Head of Safeguarding, Acute Trust",
            "3",
        ),
        (
            "Review the escalation and resolution protocol across the three localities.",
            "Designated Nurse, ICB",
            "3",
        ),
    ]


def test_a_lowercase_word_one_place_off_where_the_row_opens_a_cell_does_not_open_it() -> None:
    # pdftotext printed this row two places right of the header, so its progress cell opens under
    # 'in use' at 32; 'Agreed', run into the action's line one space after it, opens the cell, not
    # the 'at' after it that happens to sit one place off that opening
    draft = _import(
        "Action                        Evidence of progress          Lead",
        "3.3 Audit the strategy        Recruitment failed twice.     Head of Service",
        "discussion record.            Draft shared.",
        "3.4 Relaunch the locality Agreed at the executive and       Head of Early Help",
        "meeting for children at         in use since April.",
        "risk.",
    )
    assert _rows(draft)[1] == (
        "3.4",
        "Relaunch the locality meeting for children at risk.",
        "Head of Early Help",
        "Agreed at the executive and in use since April.",
    )


_STATUS_HEADER = "Action                                 Status   Lead"


def test_a_numbered_heading_at_the_foot_of_a_page_over_the_repeated_header_is_a_heading() -> None:
    # the heading's first row ('3.1') is on the next page, under the header printed again: the
    # heading is not read into the action above it
    draft = _import(
        _STATUS_HEADER,
        "2.5 Commission the escalation policy   G        Independent Scrutineer",
        "for disagreements between agencies.",
        "3. Partners do not understand the impact of domestic abuse on children",
        "\f" + _STATUS_HEADER,
        "3.1 Commission a meeting for each      A        Head of Early Help",
        "locality on children at risk.",
    )
    assert [(a.ref, a.text, a.section) for a in draft.actions] == [
        ("2.5", "Commission the escalation policy for disagreements between agencies.", None),
        ("3.1", "Commission a meeting for each locality on children at risk.", "3"),
    ]


def test_short_cells_alone_under_a_heading_at_the_foot_of_a_page_are_the_next_rows() -> None:
    # a page break cut row 3.1: its status and lead print under the heading, above the repeated
    # header, and its action text on the next page
    draft = _import(
        _STATUS_HEADER,
        "2.5 Commission the escalation policy   G        Independent Scrutineer",
        "for disagreements between agencies.",
        "3. Partners do not understand the impact of domestic abuse on children",
        "                                       R        Head of Early Help",
        "\f" + _STATUS_HEADER,
        "3.1 Commission a meeting for each",
        "locality on children at risk.",
    )
    assert [(a.ref, a.rag, a.owner, a.section) for a in draft.actions] == [
        ("2.5", "green", "Independent Scrutineer", None),
        ("3.1", "red", "Head of Early Help", "3"),
    ]


def test_a_cell_run_into_the_next_column_is_split_at_the_word_that_opens_it() -> None:
    # 'Head' ends within where the action column's lines end, so only 'of' runs past it; 'of'
    # cannot open the owner's cell, so the cell opens at the word before it that can
    draft = _import(
        "Actions                                                             Action owner                Deadline",
        "Develop the multi-agency training programme for practitioners Head of Early Help                30/04/2025",
        "working with families.",
        "Train practitioners in the graded care profile so that it is used   Designated Nurse,           31/01/2025",
        "in every neglect case.                                              Safeguarding Children",
        "Audit the multi-agency training programme for practitioners         Partnership Training        28 May 2026",
        "working with families.                                              Coordinator",
    )
    assert [(a.text, a.owner) for a in draft.actions][0] == (
        "Develop the multi-agency training programme for practitioners working with families.",
        "Head of Early Help",
    )


def test_the_rest_of_a_row_cut_by_a_page_break_goes_on_with_it_where_rows_open_with_references() -> None:
    # every row opens with its reference in the action cell; the rest of row 2.2 opens a sentence,
    # and a comment under an empty column, at the top of the next page, but has no reference
    header = "Actions                                     Due date       Comments                     Lead"
    draft = _import(
        header,
        "2.1 Audit the training programme for        April 2025     Recruitment failed twice.    Quality Assurance",
        "practitioners working with families.                                                    Manager",
        "2.2 Commission the notification process     9 September                                 Education",
        "so that schools hear of incidents before    2025                                        Safeguarding Lead",
        "the next school day.",
        "\f" + header,
        "Schools and early years settings will be                   No update this quarter.",
        "consulted before it is agreed.",
        "2.3 Introduce the training programme for    31/01/2026     Two of four sessions         Designated Nurse",
        "practitioners working with families.                       delivered.",
    )
    assert [(a.ref, a.text, a.progress) for a in draft.actions][1:] == [
        (
            "2.2",
            "Commission the notification process so that schools hear of incidents before the next "
            "school day. Schools and early years settings will be consulted before it is agreed.",
            "No update this quarter.",
        ),
        (
            "2.3",
            "Introduce the training programme for practitioners working with families.",
            "Two of four sessions delivered.",
        ),
    ]


def test_a_numbered_heading_wrapped_onto_a_second_line_above_a_table_is_its_title() -> None:
    # a portrait page wraps the heading over two lines; the second ('children') is not a title alone
    header = "Ref.   Actions                              RAG      Lead"
    draft = _import(
        "1. Early help is not offered early enough to families with younger",
        "children",
        "",
        header,
        "1.1    Review thirty child protection       R        Quality Assurance",
        "       plans each quarter.                           Manager",
        "\f2. Partners do not understand the impact of domestic abuse on",
        "children",
        "",
        header,
        "2.1    Publish the strategy discussion      G        Head of Early Help",
        "       record.",
    )
    assert [(a.ref, a.owner, a.section) for a in draft.actions] == [
        ("1.1", "Quality Assurance Manager", "1"),
        ("2.1", "Head of Early Help", "2"),
    ]
    assert {s.ref: s.title for s in draft.sections} == {
        "1": "Early help is not offered early enough to families with younger children",
        "2": "Partners do not understand the impact of domestic abuse on children",
    }


def test_a_numbered_heading_across_the_columns_of_rows_without_references_is_a_section() -> None:
    # no row holds a reference, so '1. Children's voices ...' over a row opening its own sentence
    # names the rows below, even right under the header and too long for a short title
    draft = _import(
        "Action required                                          Owner               Completion date",
        "1. Children's voices are not consistently heard in strategy discussions",
        "Publish the multi-agency training programme for          Designated Nurse    November 2026",
        "practitioners working with families.",
        "Report on the graded care profile so that it is used     Head of Early Help  April 2026",
        "in every neglect case.",
        "2. Children who go missing from home or care",
        "Commission the strategy discussion record so that it     Independent         March 2026",
        "asks what the child has said.                            Scrutineer",
    )
    assert [(a.ref, a.owner, a.section) for a in draft.actions] == [
        (None, "Designated Nurse", "1"),
        (None, "Head of Early Help", "1"),
        (None, "Independent Scrutineer", "2"),
    ]
    assert (
        draft.actions[0].text
        == "Publish the multi-agency training programme for practitioners working with families."
    )


def test_a_row_cut_by_a_page_break_opens_its_cells_where_each_pages_lines_do() -> None:
    # the repeated header sits four places left of the first page's; '2025' of row 2.1d's due date
    # on the first page sits where the second page's lines open the progress cell, but is the date's
    draft = _import(
        "No.        Key actions                                   Deadline           Evidence of progress",
        "2.1c       Relaunch the domestic abuse notification      24 May 2026        Recruitment failed twice.",
        "           process so that schools hear of incidents.",
        "2.1d                                                       14 February 2025",
        "\fNo.     Key actions                                   Deadline       Evidence of progress",
        "        Introduce the seven minute briefings published                 Delayed by changes in the",
        "        after each rapid review.                                       analyst team.",
    )
    assert [(a.ref, a.due_text, a.progress) for a in draft.actions] == [
        ("2.1c", "24 May 2026", "Recruitment failed twice."),
        ("2.1d", "14 February 2025", "Delayed by changes in the analyst team."),
    ]


def test_a_month_run_into_the_line_before_the_due_column_goes_with_its_year() -> None:
    # 'April' ends one space before the due column, no further right than the action column's lines
    # end, where only '2026' opens the due cell
    draft = _import(
        "Ref.     Action required                                   Timescale       BRAG   Action owner",
        "1.1a     Audit the domestic abuse notification process     18 November     B      Partnership Business",
        "         so that schools hear of incidents before the      2025                   Manager",
        "         next school day.",
        "1.1b     Develop a standard for health partners to         Ongoing                Head of Service",
        "         return information to the front door by Mondays.",
        "1.1c     Report on the multi-agency training               14 March 2026   G      Independent",
        "         programme for practitioners working with                                 Scrutineer",
        "2.1b     Develop the multi-agency training programme April 2026            G      Education",
        "         for practitioners working with families. The                             Safeguarding Lead",
        "         work will be led jointly with the police.",
    )
    assert [(a.ref, a.text, a.due_text) for a in draft.actions][3] == (
        "2.1b",
        "Develop the multi-agency training programme for practitioners working with families. The work "
        "will be led jointly with the police.",
        "April 2026",
    )


def test_a_year_run_past_the_due_columns_lines_stays_with_its_month() -> None:
    # 'December 2025' is the widest due cell, run on from the action's line, so '2025' ends past
    # where the due column's other lines end and one space from the lead's column
    draft = _import(
        "No.    Key actions                                            Due date         Action owner",
        "3.1a   Introduce the graded care profile so that it is used in December 2025   Service Manager,",
        "       every neglect case.                                                     Adolescent Services",
        "3.1b   Review supervision records of team managers            Q1 2025/26       Tom Wright",
        "       against the partnership standard.",
        "3.1c   Audit the strategy discussion record.                  Ongoing          Head of Early Help",
    )
    assert [(a.ref, a.due_text, a.owner) for a in draft.actions] == [
        ("3.1a", "December 2025", "Service Manager, Adolescent Services"),
        ("3.1b", "Q1 2025/26", "Tom Wright"),
        ("3.1c", "Ongoing", "Head of Early Help"),
    ]


def test_a_date_under_the_repeated_headers_due_column_is_the_cut_rows_not_the_headers() -> None:
    # row 2.1f's due date prints on the next page, right under 'By when': a date is a cell, not
    # the rest of the column's name
    header = "Number   Key actions                                   Responsible officer      By when"
    draft = _import(
        header,
        "2.1e     Publish the multi-agency training         Quality Assurance        October 2026",
        "         programme.                                    Manager",
        "2.1f     Train practitioners in the graded care        Independent Scrutineer",
        "         profile.",
        "\f" + header,
        "                                                                                May 2026",
        "                                                                                (revised to",
        "                                                                                August 2026)",
        "3.1a     Agree the multi-agency training               Designated Nurse         Q4 2024/25",
        "         programme.",
    )
    assert [(a.ref, a.due_text) for a in draft.actions] == [
        ("2.1e", "October 2026"),
        ("2.1f", "May 2026 (revised to August 2026)"),
        ("3.1a", "Q4 2024/25"),
    ]


def test_a_status_alone_at_a_pages_foot_under_a_row_without_one_is_the_cut_rows() -> None:
    # row 2.1 has no status on its first line, where its cells open: the 'G' below it, above the
    # repeated header, is the status of row 2.2, cut by the page break
    header = (
        "Action required                                BRAG   Progress                         Action owner"
    )
    draft = _import(
        header,
        "2.1 Agree the threshold document with schools         No update this quarter. Draft    Designated Nurse,",
        "and the police.                                       shared with partners.            Safeguarding Children",
        "                                               G",
        "\f" + header,
        "2.2 Report on thirty child protection plans           Delayed by changes in the        Service Manager",
        "each quarter.                                         analyst team.",
        "2.3 Develop supervision records of team       R       No update this quarter.          Quality Assurance",
        "managers.                                                                              Manager",
    )
    assert [(a.ref, a.rag) for a in draft.actions] == [("2.1", None), ("2.2", "green"), ("2.3", "red")]


def test_a_findings_label_touching_the_reference_column_does_not_open_a_reference() -> None:
    # 'Priority 3:' runs one space into '3.1a': its '3:' is no reference, so the row opens at '3.1a'
    draft = _import(
        "Finding    Ref    Agreed action         Timescale    Lead officer",
        "           2.1b Audit the multi-        End of       Designated",
        "                agency training         September    Nurse",
        "                programme.              2025",
        "           2.1c   Publish a multi-      End of July  Quality",
        "                  agency meeting.       2025         Assurance",
        "                                                     Manager",
        "Priority 3: 3.1a Review a multi-        End of       Head of",
        "Children         agency meeting for     April 2025   Service",
        "who go           each locality on",
        "missing          children at risk.",
    )
    assert [(a.ref, a.owner, a.section) for a in draft.actions] == [
        ("2.1b", "Designated Nurse", None),
        ("2.1c", "Quality Assurance Manager", None),
        ("3.1a", "Head of Service", "3"),
    ]


def test_a_cut_rows_sentence_under_the_repeated_header_is_not_part_of_a_columns_name() -> None:
    # 'board. Progress will' sits under 'Agreed action' right below the repeated header
    header = "Ref   Agreed action          RAG      Timescale   Lead officer"
    draft = _import(
        header,
        "                             rating",
        "3.1b  Introduce the graded   G        May 2026    Head of",
        "      care profile. The                           Service",
        "      work will be led by",
        "      the integrated care",
        "\f" + header,
        "                             rating",
        "      board. Progress will",
        "      be tracked monthly.",
        "3.1c  Audit the strategy     A        June 2026   Designated",
        "      discussion record.                          Nurse",
    )
    assert [(a.ref, a.text) for a in draft.actions] == [
        (
            "3.1b",
            "Introduce the graded care profile. The work will be led by the integrated care board. "
            "Progress will be tracked monthly.",
        ),
        ("3.1c", "Audit the strategy discussion record."),
    ]


def test_a_second_date_at_a_pages_foot_below_a_whole_due_date_is_the_cut_rows() -> None:
    # row 3.4's due cell reads as a whole date; '31/01/2026' below it, above the repeated header, is
    # the due date of row 4.1, cut by the page break
    draft = _import(
        "Priority            Actions                             Owner            Target         Comments",
        "                                                                         date",
        "3. Early help is    3.3 Review a standard for health    Independent      Q2 2025/26     Recruitment failed",
        "not offered early   partners.                           Scrutineer                      twice.",
        "                    3.4 Review the seven minute         Independent      December       Agreed at the executive",
        "                    briefings published after each      Scrutineer       2026           and in use since April.",
        "                    rapid review.                                        (revised to",
        "                                                                         March",
        "                                                                         2027)",
        "                                                                         31/01/2026",
        "\fPriority          Actions                             Owner          Target    Comments",
        "                                                                     date",
        "4. Safeguarding   4.1 Introduce the strategy          Designated               Draft shared with",
        "adolescents       discussion record so that it asks   Nurse                    partners for comment.",
        "outside the       what the child has said.",
    )
    assert [(a.ref, a.due_text) for a in draft.actions] == [
        ("3.3", "Q2 2025/26"),
        ("3.4", "December 2026 (revised to March 2027)"),
        ("4.1", "31/01/2026"),
    ]


def test_cells_pushed_left_of_their_columns_by_long_cells_before_them_are_still_a_table() -> None:
    # 'Fewer repeat' pushes each due date, and the leads beside it, several places left of their
    # columns' names, so that a third of the lines reach over a column's start: cells that open
    # there (a date, a capital), not text running across the columns
    draft = _import(
        "Number Agreed action                      RAG    Outcome        Deadline      Lead/s",
        "                                          rating",
        "Priority 1: Children's voices are not consistently heard in strategy discussions",
        "1.1       Agree the return home                 Practitioners   30/09/2025 Independent",
        "          interview offer to children           report more                Scrutineer",
        "          who go missing.                       confidence",
        "                                                in escalating",
        "                                                concerns.",
        "",
        "1.2       Review the graded care                Fewer repeat 31/07/2025 Designated",
        "          profile so that it is used in         referrals               Nurse,",
        "          every neglect case.                   within twelve           Safeguarding",
        "                                                months.                 Children",
        "1.3       Develop the threshold                 Fewer repeat 28/02/2025 Designated",
        "          document with schools,                referrals               Nurse,",
        "          health visitors and the               within twelve           Safeguarding",
        "          police.                               months.                 Children",
        "",
        "",
        "Priority 2: Children who go missing from home or care",
        "2.1       Review the domestic                   Fewer repeat 31/08/2025 Independent",
        "          abuse notification process            referrals               Scrutineer",
        "          so that schools hear of               within twelve",
        "          incidents before the next             months.",
        "          school day.",
        "2.2       Relaunch the threshold                Children's      March         Quality",
        "          document with schools,                views are       2026          Assurance",
        "          health visitors and the               recorded in                   Manager",
        "          police.                               every plan.",
        "2.3       Introduce the escalation              Fewer repeat 30/06/2025 Designated",
        "          policy for disagreements              referrals               Nurse,",
        "          between agencies.                     within twelve           Safeguarding",
        "                                                months.                 Children",
        "2.4       Publish the escalation                Children's      Ongoing       Designated",
        "          policy for disagreements              views are                     Nurse,",
        "          between agencies.                     recorded in                   Safeguarding",
        "                                                every plan.                   Children",
        "2.5       Develop a multi-agency                Practitioners   Q4            Head of",
        "          meeting for each locality             report more     2025/26       Service,",
        "          on children at risk of                confidence                    Front Door",
        "          exploitation.                         in escalating",
        "                                                concerns.",
        "2.6       Introduce the strategy                Practitioners   February      Quality",
        "          discussion record so that             report more     2025          Assurance",
        "          it asks what the child has            confidence      (revised to   Manager",
        "          said.                                 in escalating   May 2025)",
        "                                                concerns.",
    )
    assert [(a.ref, a.due_text, a.owner) for a in draft.actions][:3] == [
        ("1.1", "30/09/2025", "Independent Scrutineer"),
        ("1.2", "31/07/2025", "Designated Nurse, Safeguarding Children"),
        ("1.3", "28/02/2025", "Designated Nurse, Safeguarding Children"),
    ]
    assert len(draft.actions) == 9


def test_a_lead_going_on_after_a_semicolon_or_inside_brackets_is_not_the_cut_rows() -> None:
    # 'Tom Wright' after 'Coordinator);' and 'Manager,' inside '(Service' go on with row 3.1's leads;
    # only 'Service' / 'Manager,' beside 'Blue', at the page's foot, open row 3.2's
    header = "What we will do                        Responsible      BRAG       By when"
    draft = _import(
        header,
        "3.1 Audit the escalation policy for    Alex Brown       Green      End of July",
        "disagreements between agencies.        (Partnership                2026",
        "                                       Training",
        "                                       Coordinator);",
        "                                       Tom Wright",
        "                                       (Service",
        "                                       Manager,",
        "                                       Adolescent",
        "                                       Services)",
        "                                       Service          Blue",
        "                                       Manager,",
        "\f" + header,
        "3.2 Train practitioners in the         Adolescent                  April 2025",
        "strategy discussion record.            Services",
        "3.3 Develop the return home            Head of          Amber      August 2025",
        "interview offer.                       Service",
    )
    assert [(a.ref, a.owner, a.rag) for a in draft.actions] == [
        (
            "3.1",
            "Alex Brown (Partnership Training Coordinator); Tom Wright (Service Manager, Adolescent Services)",
            "green",
        ),
        ("3.2", "Service Manager, Adolescent Services", "complete"),
        ("3.3", "Head of Service", "amber"),
    ]


def test_a_cut_rows_lead_opening_a_bracket_at_a_pages_foot_goes_on_over_the_break() -> None:
    # row 3.2's leads open at the foot of the page ('Priya Shah (Service'); 'Services); Alex' on the
    # next page closes the bracket, so it goes on with them rather than opening a cell of its own
    header = "Action required                       Target date     Lead officer"
    draft = _import(
        header,
        "3.1 Audit thirty child protection     April 2026      Detective Inspector,",
        "plans each quarter.                   (revised to     Public Protection",
        "                                      July 2026)",
        "                                                      Priya Shah (Service",
        "                                                      Manager, Adolescent",
        "\f" + header,
        "3.2 Train practitioners in            January 2025    Services); Alex",
        "supervision records.                                  Brown (Detective",
        "                                                      Inspector)",
    )
    assert [(a.ref, a.owner) for a in draft.actions] == [
        ("3.1", "Detective Inspector, Public Protection"),
        ("3.2", "Priya Shah (Service Manager, Adolescent Services); Alex Brown (Detective Inspector)"),
    ]


def test_a_cut_rows_lead_ending_in_a_comma_under_the_repeated_header_is_not_part_of_its_name() -> None:
    header = "Number    Agreed action                                 Action owner               Timescale"
    draft = _import(
        header,
        "PAR-4     Commission the seven minute briefings         Designated Nurse,          End of July 2026",
        "          published after each rapid review.            Safeguarding Children",
        "\f" + header,
        "                                                        and Detective Inspector,",
        "                                                        Public Protection",
        "PAR-5     Audit the escalation policy.                  Head of Early Help         Ongoing",
    )
    assert [(a.ref, a.owner) for a in draft.actions] == [
        ("PAR-4", "Designated Nurse, Safeguarding Children and Detective Inspector, Public Protection"),
        ("PAR-5", "Head of Early Help"),
    ]


def test_a_row_cut_with_its_cells_but_not_its_action_at_a_pages_foot_opens_on_the_next_page() -> None:
    # no references: row 3's lead, progress, date and status open at the foot of the page, and its
    # action text, a new sentence after row 2's closed one, only under the repeated header
    header = "Agreed action                            Responsible    Update                      Due date        BRAG"
    draft = _import(
        header,
        "Train practitioners in supervision       Head of Early  First audit complete and    30/06/2026      B",
        "records of team managers.                Help           reported to the subgroup.",
        "Introduce the strategy discussion        Designated                                 27 July 2026    R",
        "record so that it asks what the child    Nurse",
        "has said.",
        "                                         Detective      Delayed by changes in       Q1 2026/27      G",
        "                                         Inspector,     the analyst team; new",
        "\f" + header,
        "Publish a multi-agency meeting for       Public         date agreed.",
        "each locality.                           Protection",
        "Audit the strategy discussion record.    Head of        No update this quarter.     End of June     G",
        "                                         Service        ",
    )
    assert [(a.text, a.owner, a.due_text) for a in draft.actions][1:3] == [
        (
            "Introduce the strategy discussion record so that it asks what the child has said.",
            "Designated Nurse",
            "27 July 2026",
        ),
        (
            "Publish a multi-agency meeting for each locality.",
            "Detective Inspector, Public Protection",
            "Q1 2026/27",
        ),
    ]


def test_laid_out_rows_read_with_their_cells_are_not_outread_by_bare_actions_one_line_at_a_time() -> None:
    # the cell-after-cell reading of this text finds four 'actions' (the headings too), none with
    # a lead, date or status: more actions, but at the cost of every cell the columns gave
    text = (
        "Reference  Actions                                          Outcomes                   Status       Responsible person             Due date\n\n"
        "1. Leadership and governance\n\n"
        "1.1        Report on information sharing agreements         Audits show improved       R            Head of Safeguarding, Acute    30\n"
        "           between partners across the three localities.    quality of plans.                       Trust                          September\n"
        "                                                                                                                                   2020\n\n"
        "2. The voice of the child\n\n"
        "2.1        Commission the multi-agency neglect strategy     Fewer repeat referrals to  Action       Head of Early Help; Head of    January\n"
        "           and report the findings to the executive.        the MASH.                  complete     Safeguarding, Acute Trust      2019\n"
    )
    draft = import_document(text.encode(), filename="plan.txt")
    assert [(a.ref, a.section, a.owner, a.due_text, a.rag) for a in draft.actions] == [
        ("1.1", "1", "Head of Safeguarding, Acute Trust", "30 September 2020", "red"),
        ("2.1", "2", "Head of Early Help; Head of Safeguarding, Acute Trust", "January 2019", "complete"),
    ]


def test_a_reading_with_more_actions_wins_unless_all_are_bare_where_the_other_has_cells() -> None:
    from intake.importer.api import _reads_more
    from intake.importer.model import Action

    def reading(*owners: str | None) -> PlanDraft:
        return PlanDraft(document="plan.txt", actions=[Action(text="Audit", owner=o) for o in owners])

    assert _reads_more(reading(None, None, None), reading(None, None))
    assert _reads_more(reading("Chair", None, None, None), reading("Chair", "Lead"))  # more, some cells
    assert not _reads_more(reading(None, None, None, None), reading("Chair", "Lead"))  # bare
    assert not _reads_more(reading("Chair"), reading("Chair", "Lead"))


def test_a_column_name_with_a_bracketed_note_still_names_its_column() -> None:
    # Word tables ask whoever fills a column in to 'date each entry': the note is no column of its own
    draft = _import(
        "Action                                  Lead                  Timescale        RAG   Progress update (date each entry)",
        "1.1    Launch the refreshed strategy    Business Manager      End of June 2024  B    18/06/2024: Strategy launched.",
        "1.2    Establish a strategic group.     Director of Children  Q2 2024/25        G    Group met on 11/07/2024.",
    )
    assert [(a.ref, a.owner, a.due_text, a.rag, a.progress) for a in draft.actions] == [
        ("1.1", "Business Manager", "End of June 2024", "complete", "18/06/2024: Strategy launched."),
        ("1.2", "Director of Children", "Q2 2024/25", "green", "Group met on 11/07/2024."),
    ]


def test_a_numbered_heading_whose_number_stands_apart_from_its_title_is_a_section() -> None:
    # Word's list numbering prints '2.' where the references sit and the title where the actions'
    # text starts: a heading over 2.1, not the last words of action 1.2
    header = "Action                                  Lead                  Timescale         RAG"
    draft = _import(
        header,
        "1.    Leadership and governance",
        "1.1    Launch the refreshed strategy    Business Manager      End of June 2024  G",
        "1.2    Establish a strategic group.     Director of Children  Q2 2024/25        G",
        "2.    Early identification and early help",
        "2.1    Train early help practitioners.  Head of Early Help    Q3 2024/25        A",
    )
    assert [(a.ref, a.section, a.text) for a in draft.actions] == [
        ("1.1", "1", "Launch the refreshed strategy"),
        ("1.2", "1", "Establish a strategic group."),
        ("2.1", "2", "Train early help practitioners."),
    ]
    assert [(s.ref, s.title) for s in draft.sections] == [
        ("1", "Leadership and governance"),
        ("2", "Early identification and early help"),
    ]


def test_references_with_a_capital_letter_open_rows_and_a_running_footer_with_a_bare_page_number_is_left_out() -> (
    None
):
    # '1A', '1B' number actions within a priority; the document's name at each page's foot, its page
    # number set apart at the right, is no row
    def line(*cells: str) -> str:
        widths = (9, 40, 23, 14, 6)
        return "  " + "".join(cell.ljust(width) for cell, width in zip(cells, widths, strict=False)).rstrip()

    pages = []
    for page in range(1, 4):
        pages += [
            line("Ref", "What we will do", "Lead", "Timescale", "RAG"),
            line(f"{page}A", "Roll out the toolkit across the", "Neglect Lead", "March 2026", "Green"),
            line("", f"partnership, area {page}.", "(Eastmere Council)"),
            line(f"{page}B", "Introduce a screening tool for", "Designated Nurse,", "December", "Amber"),
            line("", f"universal services, area {page}.", "ICB", "2025"),
            "",
            f"ECSCP Neglect Strategy Delivery Plan – v2.3                                        {page}",
        ]
        pages[-7] = "\f" * (page > 1) + pages[-7]
    draft = _import(*pages)
    assert [(a.ref, a.owner, a.due_text) for a in draft.actions] == [
        (f"{page}{letter}", owner, due)
        for page in range(1, 4)
        for letter, owner, due in (
            ("A", "Neglect Lead (Eastmere Council)", "March 2026"),
            ("B", "Designated Nurse, ICB", "December 2025"),
        )
    ]

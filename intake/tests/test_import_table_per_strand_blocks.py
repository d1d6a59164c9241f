"""A plan printed cell after cell by pdfminer with a small table per action under a heading per
strand (blind round 5): the tables' headers printed one after another are one header, the
headings above them head their rows, and a running footer numbered by page is no cell."""

from __future__ import annotations

from intake.importer.api import import_document
from intake.importer.blocks import _page_numbered_lines

HEADER = "\n\n".join(["Ref", "Action", "Lead", "Start", "Deadline", "RAG", "Update"])


def _row(ref: str, text: str, lead: str, start: str, deadline: str, rag: str, update: str | None) -> str:
    cells = [ref, text, lead, start, deadline, rag] + ([update] if update else [])
    return "\n\n".join(cells)


PLAN = "\n\n".join(
    [
        "Wyndham Vale SCP",
        "Child Exploitation Delivery Plan 2024/25",
        "Pursue – disrupting those who exploit children",
        HEADER,
        HEADER,
        _row(
            "PUR-01",
            "Increase the use of Child Abduction Warning Notices.",
            "Detective Superintendent",
            "April 2024",
            "March 2025",
            "Green",
            "17 notices issued in Q2.",
        ),  # fmt: skip
        _row(
            "PUR-02",
            "Map county lines monthly.",
            "Police Intelligence Unit",
            "April 2024",
            "Monthly – ongoing",
            "Green",
            None,
        ),  # fmt: skip
        "1 | Child Exploitation Delivery Plan 2024/25",
        "\fPrevent – stopping children being drawn into exploitation",
        "Wyndham Vale SCP",
        HEADER,
        HEADER,
        _row(
            "PRV-01",
            "Deliver the 'Not for Sale' programme to Year 7.",
            "Education Safeguarding Advisor",
            "September 2024",
            "July 2025",
            "Amber",
            "Delivered in 9 of 14 schools.",
        ),  # fmt: skip
        _row(
            "PRV-02",
            "Offer detached youth work in three areas.",
            "Youth Service Manager",
            "June 2024",
            "Q4 2024/25",
            "Red",
            "One team recruited.",
        ),  # fmt: skip
        "2 | Child Exploitation Delivery Plan 2024/25",
        "\f",
    ]
)


def test_tables_headed_by_strands_give_each_action_its_strand_its_deadline_and_no_footer() -> None:
    draft = import_document(PLAN.encode(), filename="plan.txt")

    got = [(a.ref, a.section, a.due_text, a.rag, a.progress) for a in draft.actions]
    pursue = "Pursue – disrupting those who exploit children"
    prevent = "Prevent – stopping children being drawn into exploitation"
    assert got == [
        ("PUR-01", pursue, "March 2025", "green", "17 notices issued in Q2."),
        ("PUR-02", pursue, "Monthly – ongoing", "green", None),
        ("PRV-01", prevent, "July 2025", "amber", "Delivered in 9 of 14 schools."),
        ("PRV-02", prevent, "Q4 2024/25", "red", "One team recruited."),
    ]


def test_a_numbered_heading_away_from_page_breaks_is_not_a_running_footer() -> None:
    lines = [
        "Area of weakness 1 in the local area",
        "text",
        "",
        "",
        "",
        "Area of weakness 2 in the local area",
    ]
    assert _page_numbered_lines(lines) == set()
    footers = [
        "1 | Child Exploitation Plan 2024",
        "\f",
        "x",
        "y",
        "z",
        "w",
        "2 | Child Exploitation Plan 2024",
        "\f",
    ]
    assert _page_numbered_lines(footers) == {0, 6}

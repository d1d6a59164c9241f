"""Owner cells are split into agency, person and job title; agencies are not taken for people."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from intake.importer.api import import_document
from intake.importer.normalise import clean_text
from intake.importer.owners import split_owner

Split = tuple[str | None, str | None, str | None]


def _split(cell: str) -> list[Split]:
    return [(p.agency, p.person, p.job_title) for p in split_owner(cell)]


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ("ESCC – Vicky Finnemore, Head of Specialist Services", [("ESCC", "Vicky Finnemore", "Head of Specialist Services")]),
        ("ESCC - Vicky Finnemore, Head of Specialist Services", [("ESCC", "Vicky Finnemore", "Head of Specialist Services")]),
        ("Vicky Finnemore, Head of Specialist Services", [(None, "Vicky Finnemore", "Head of Specialist Services")]),
        ("ESHT Sue Curties, Head of Safeguarding", [("ESHT", "Sue Curties", "Head of Safeguarding")]),
        ("Sue Curties ESHT Head of Safeguarding", [("ESHT", "Sue Curties", "Head of Safeguarding")]),
        ("Chris Jackson Head of Service", [(None, "Chris Jackson", "Head of Service")]),
        ("KCHFT Head of School Health Service – Sally Pullen", [("KCHFT", "Sally Pullen", "Head of School Health Service")]),
        ("Health – Matt Stone, CAMHS Head of Service", [("Health", "Matt Stone", "CAMHS Head of Service")]),
        ("Laurence Cartwright – Project Manager, Corporate Development", [(None, "Laurence Cartwright", "Project Manager, Corporate Development")]),
        ("Head of Service for Children's Safeguarding, Cheshire East Council", [("Cheshire East Council", None, "Head of Service for Children's Safeguarding")]),
        ("Head of Safeguarding East Cheshire Trust", [("East Cheshire Trust", None, "Head of Safeguarding")]),
        ("NELFT Lead for DV and harmful practices", [("NELFT", None, "Lead for DV and harmful practices")]),
    ],
)  # fmt: skip
def test_agency_person_and_job_title_are_told_apart(cell: str, expected: list[Split]) -> None:
    assert _split(cell) == expected


@pytest.mark.parametrize(
    "cell",
    [
        "Sussex Police",
        "NHS Sussex",
        "NHS England",
        "Children's Services",
        "East Sussex County Council",
        "Leicester City Council",
        "Cheshire East Council",
        "Thames Valley Police",
        "East Cheshire Trust",
        "LSCB Audit Group",
        "CCG Safeguarding Team",
        "Safeguarding Team",
        "Youth Offending Service",
        "Sussex Partnership NHS Foundation Trust",
        "St Mary's School",
        "Primary Schools",
        "Health",
        "Education",
        "LLR Partnership",
        "ICB",
        "MASH Unit",
        "Early Help Department",
        "Children's Social Care",
        "Safeguarding Children Partnership Board",
        "Task and finish group on supervision",
    ],
)
def test_an_organisation_alone_is_an_agency_and_never_a_person(cell: str) -> None:
    assert _split(cell) == [(cell, None, None)]


@pytest.mark.parametrize(
    "cell",
    [
        "Director of Children's Services",
        "Director of Children's Social Care",
        "Head of Universal Services",
        "Chair of the Training subgroup",
        "Chair of the Learning and Improvement Sub Group",
        "Designated Nurse",
        "Named Nurse and Named Doctor for Safeguarding Children",
        "Principal Social Worker",
        "Independent Scrutineer",
        "All Safeguarding Leads",
        "Operational leads",
        "Board members",
        "Safeguarding Detective Inspector",
        "Deputy Head of Crime and Public Protection",
        "Strategic leads for the MASH",
        "Clinical Lead ED",
    ],
)
def test_a_job_title_alone_is_a_job_title(cell: str) -> None:
    assert _split(cell) == [(None, None, cell)]


@pytest.mark.parametrize(
    ("cell", "person"),
    [
        ("DCI Tracey Harman", "DCI Tracey Harman"),
        ("D/Supt John Hull", "D/Supt John Hull"),
        ("Detective Chief Inspector Littlewood", "Detective Chief Inspector Littlewood"),
        ("Dr Judith Sakala", "Dr Judith Sakala"),
        ("Alex Bamber", "Alex Bamber"),
        ("Gurjit Singh Rai", "Gurjit Singh Rai"),
        ("Teresa Lavelle-Hill", "Teresa Lavelle-Hill"),
        ("Jan Harrison", "Jan Harrison"),
        ("AC", "AC"),  # initials in a board's action plan
    ],
)
def test_a_name_with_or_without_rank_is_a_person(cell: str, person: str) -> None:
    assert _split(cell) == [(None, person, None)]


def test_a_rank_and_a_job_after_a_dash_stay_with_the_officer() -> None:
    assert _split("T/DCI Mick Richards – Child Protection Lead") == [
        (None, "T/DCI Mick Richards", "Child Protection Lead")
    ]
    assert _split("Sussex Police Insp Adele Tucknott") == [("Sussex Police", "Insp Adele Tucknott", None)]


def test_people_in_brackets_belong_to_the_agency_before_them() -> None:
    assert _split("Leicester City Council (Gareth Dakin/ Donna Smalley)") == [
        ("Leicester City Council", "Gareth Dakin", None),
        ("Leicester City Council", "Donna Smalley", None),
    ]
    assert _split("Health (DI Helen Schofield and Chris West)") == [
        ("Health", "DI Helen Schofield", None),
        ("Health", "Chris West", None),
    ]
    assert _split("Police/ OPCC (CI Manjit Atwall/ Supt. Sian Walls)") == [
        ("Police", None, None),
        ("OPCC", "CI Manjit Atwall", None),
        ("OPCC", "Supt. Sian Walls", None),
    ]


def test_several_owners_in_one_cell_are_each_split() -> None:
    assert _split("Carly Turner/Penny Pugh") == [(None, "Carly Turner", None), (None, "Penny Pugh", None)]
    assert _split("NL/AC/LSCB") == [(None, "NL", None), (None, "AC", None), ("LSCB", None, None)]
    assert _split("Inspector Adams, Detective Chief Inspector Littlewood, and Detective Chief Inspector Whittaker") == [
        (None, "Inspector Adams", None),
        (None, "Detective Chief Inspector Littlewood", None),
        (None, "Detective Chief Inspector Whittaker", None),
    ]  # fmt: skip
    assert _split("Head of Safeguarding, East Cheshire Trust, and Lead Nurse ED") == [
        ("East Cheshire Trust", None, "Head of Safeguarding"),
        (None, None, "Lead Nurse ED"),
    ]


def test_owners_run_together_by_a_pdf_extraction_are_told_apart() -> None:
    cell = (
        "Health – Matt Stone CAMHS Head of Service Niki Cartwright, Interim Director of Commissioning, "
        "NHS East Sussex CCG Brenda Lynes, Associate Director of Operations (Women and Children), ESHT"
    )
    assert _split(cell) == [
        ("Health", "Matt Stone", "CAMHS Head of Service"),
        ("NHS East Sussex CCG", "Niki Cartwright", "Interim Director of Commissioning"),
        ("ESHT", "Brenda Lynes", "Associate Director of Operations (Women and Children)"),
    ]
    assert _split("CCG Named GP -Dr Judith Sakala Designated Nurse - Louise Jackson") == [
        ("CCG", "Dr Judith Sakala", "Named GP"),
        (None, "Louise Jackson", "Designated Nurse"),
    ]


def test_an_empty_cell_names_nobody() -> None:
    assert split_owner("") == [] and split_owner(None) == [] and split_owner("  <br> ") == []


def test_the_action_keeps_the_owner_cell_as_written() -> None:
    cell = "ESCC – Vicky Finnemore, Head of Specialist Services"
    draft = import_document(f"Ref\tAction\tLead\n1.1\tAudit the team\t{cell}\n".encode(), filename="plan.txt")
    (action,) = draft.actions
    assert action.owner == cell
    assert action.to_dict()["owner_parts"] == [
        {"agency": "ESCC", "person": "Vicky Finnemore", "job_title": "Head of Specialist Services"}
    ]


_WORDS = [
    "ESCC", "NHS", "Police", "Council", "Sussex", "East", "Head", "of", "Service", "Services", "Vicky",
    "Finnemore", "DCI", "D/Supt", "Dr", "and", "for", "Named", "Nurse", "Trust", "Team", "AC", "Children's",
    "Lead", "the", "0", "19", "Jo", "Smith-Jones", "McBryde", "'s", "&",
]  # fmt: skip
_SEPARATORS = [" ", " ", " ", ", ", " – ", " - ", "/", "; ", " (", ")", ". ", ": ", "-"]
_CELLS = st.lists(st.tuples(st.sampled_from(_WORDS), st.sampled_from(_SEPARATORS)), max_size=14).map(
    lambda pairs: "".join(w + s for w, s in pairs)
)


def _words(text: str) -> set[str]:
    return {w for w in re.split(r"[\s,;:()/–-]+", text.replace(".", " ")) if w}


@settings(max_examples=300, deadline=None)
@given(st.one_of(_CELLS, st.text(max_size=80)))
def test_splitting_never_raises_and_only_uses_the_cells_own_words(cell: str) -> None:
    parts = split_owner(cell)
    original = _words(clean_text(cell))  # markup and entities go before splitting
    for part in parts:
        assert part.agency or part.person or part.job_title
        for value in (part.agency, part.person, part.job_title):
            if value is not None:
                assert value.strip() == value and value
                assert _words(value) <= original, (cell, value)


@pytest.mark.parametrize(
    ("written", "agency", "person"),
    [
        (
            "Northshire Healthcare NHS Foundation Trust – Laura Nolan, Named Nurse",
            "Northshire Healthcare NHS Foundation Trust",
            "Laura Nolan",
        ),
        (
            "Northshire and Wexcombe Mental Health NHS Trust – Priya Das",
            "Northshire and Wexcombe Mental Health NHS Trust",
            "Priya Das",
        ),
        ("Wexcombe Community Health NHS Trust – Jane Obi", "Wexcombe Community Health NHS Trust", "Jane Obi"),
    ],
)
def test_a_trust_named_by_its_place_and_service_is_one_agency_not_a_person_and_a_bare_trust(
    written, agency, person
):
    """QA round 6: 'Northshire Healthcare' was read as a person beside an agency 'NHS Foundation
    Trust', and different trusts all became one agency 'NHS Trust'."""
    parts = split_owner(written)
    assert parts[0].agency == agency
    assert person in {p.person for p in parts}


def test_a_post_before_a_bare_trust_stays_a_post():
    assert split_owner("Head of Service NHS Trust")[0].job_title == "Head of Service"


def test_a_team_after_a_post_is_part_of_the_post_when_the_agency_is_named_already():
    """QA round 6: 'Service Manager, MASH' made 'MASH' a new agency owning the action."""
    parts = split_owner("Northshire County Council – Nicola Okafor, Service Manager, MASH")
    assert [(p.agency, p.person, p.job_title) for p in parts] == [
        ("Northshire County Council", "Nicola Okafor", "Service Manager, MASH")
    ]


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ("Rachel Osei (Marchshire Police)", [("Marchshire Police", "Rachel Osei", None)]),
        ("DI Sam Arkwright (Marchshire Police)", [("Marchshire Police", "DI Sam Arkwright", None)]),
        ("Tom Fairley (Wrenhaven Council Early Help)", [("Wrenhaven Council", "Tom Fairley", "Early Help")]),
        (
            "Dr Amir Shah (Wrenhaven Hospitals NHS Trust)",
            [("Wrenhaven Hospitals NHS Trust", "Dr Amir Shah", None)],
        ),
        ("Kerry Walsh (Wrenhaven Youth Voice)", [(None, "Kerry Walsh", "Wrenhaven Youth Voice")]),
    ],
)
def test_a_person_before_a_bracket_is_the_person_of_the_agency_or_team_in_it(cell, expected):
    """QA round 7: the same 'Name (Organisation)' was read three ways in one plan, proposing agencies
    named after people ('Rachel Osei (Marchshire Police)') or cut at the bracket ('Tom Fairley
    (Wrenhaven Council')."""
    assert [(p.agency, p.person, p.job_title) for p in split_owner(cell)] == expected

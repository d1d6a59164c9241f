"""Owners in the public version: roles and agencies kept, people's names taken out."""

from __future__ import annotations

import pytest

from reports.public import looks_like_name, roles_only


@pytest.mark.parametrize(
    ("owner", "expected"),
    [
        ("Sussex Police – Jane Smith, Head of Safeguarding", "Sussex Police, Head of Safeguarding"),
        (
            "Head of Service for Child in Need and Child Protection, Cheshire East Council",
            "Head of Service for Child in Need and Child Protection, Cheshire East Council",
        ),
        ("Principal Social Worker", "Principal Social Worker"),
        ("Dr Patel, Designated Doctor (NHS Cheshire)", "Designated Doctor, NHS Cheshire"),
        ("LSCP Business Manager (Ann Lee)", "LSCP Business Manager"),
        ("Council – Head of Children's Services", "Council, Head of Children's Services"),
        ("Missing from Home Coordinator / Mary O'Neil", "Missing from Home Coordinator"),
        ("", ""),
    ],
)
def test_roles_only_keeps_roles_and_agencies_and_drops_names(owner, expected):
    assert roles_only(owner) == expected


def test_the_partnerships_people_are_removed_wherever_they_appear():
    owner = "Detective Inspector Naomi Ellis leads with the MASH team"
    assert roles_only(owner, ["Naomi Ellis"]) == "Detective Inspector leads with the MASH team"


def test_each_line_of_a_multi_owner_cell_is_cleaned():
    owner = "Police – John Brown, Detective Superintendent\nICB – Designated Nurse"
    assert roles_only(owner) == "Police, Detective Superintendent\nICB, Designated Nurse"


@pytest.mark.parametrize("text", ["Jane Smith", "Mrs Ann Lee", "Dr Patel", "Mary O'Neil", "J. Smith"])
def test_personal_names_are_recognised(text):
    assert looks_like_name(text)


@pytest.mark.parametrize(
    "text",
    ["Sussex Police", "Head of Safeguarding", "Youth Justice Service", "MASH", "Partnership Business Unit"],
)
def test_roles_and_agencies_are_not_taken_for_names(text):
    assert not looks_like_name(text)


@pytest.mark.parametrize(
    ("owner", "public"),
    [
        ("Chief Inspector, Neighbourhood Policing", "Chief Inspector, Neighbourhood Policing"),
        (
            "Police – Claire Moss, Chief Inspector, Neighbourhood Policing",
            "Police, Chief Inspector, Neighbourhood Policing",
        ),
        ("Head of Service, Community Safety", "Head of Service, Community Safety"),
    ],
)
def test_a_department_after_a_post_is_kept_whole_as_the_accountable_post(owner, public):
    assert roles_only(owner) == public

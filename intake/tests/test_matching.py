"""Owners as the document writes them, matched to the partnership's agencies and people."""

from __future__ import annotations

import pytest

from intake.importer.model import Action as DraftAction
from intake.importer.model import OwnerPart
from intake.matching import OwnerMatcher, initials, normalise
from plans.tests import factories

pytestmark = pytest.mark.django_db


def test_names_match_whatever_their_case_punctuation_and_leading_the(world):
    matcher = OwnerMatcher(world.partnership)
    assert matcher.agency("SUSSEX POLICE").agency == world.police
    assert matcher.agency("The Sussex Police.").agency == world.police


def test_initials_of_an_agency_name_match_it_so_escc_is_east_sussex_county_council(world):
    assert initials("East Sussex County Council") == "escc"
    matcher = OwnerMatcher(world.partnership)
    assert matcher.agency("ESCC").agency == world.council
    assert matcher.agency("E.S.C.C.").agency == world.council


def test_an_agency_short_name_matches_the_agency(world):
    world.police.short_name = "SxPol"
    world.police.save()
    assert OwnerMatcher(world.partnership).agency("sxpol").agency == world.police


def test_initials_shared_by_two_agencies_match_neither(world):
    factories.AgencyFactory(partnership=world.partnership, name="East Sussex Children's Centre")
    # "ESCC" now fits two agencies: proposing a new one is safer than guessing.
    assert OwnerMatcher(world.partnership).agency("ESCC").is_new


def test_agencies_of_another_partnership_are_never_matched(world):
    other_agency = factories.AgencyFactory(partnership=world.other_plan.partnership, name="Essex Police")
    found = OwnerMatcher(world.partnership).agency("Essex Police")
    assert found.is_new and found.agency != other_agency


def test_a_person_is_matched_by_name_and_an_unknown_one_is_proposed_once(world):
    vicky = factories.PersonFactory(
        partnership=world.partnership, name="Vicky Finnemore", agency=world.council
    )
    matcher = OwnerMatcher(world.partnership)
    match = matcher.match_parts(
        [
            OwnerPart(agency="ESCC", person="vicky finnemore", job_title="Head of Specialist Services"),
            OwnerPart(agency="Youth Offending Service", person="Sam Cole"),
        ]
    )
    assert [a.agency for a in match.agencies] == [world.council, None]
    assert match.lead.agency == world.council
    assert match.people[0].person == vicky
    assert match.people[1].is_new and match.people[1].agency.name == "Youth Offending Service"
    again = matcher.match_parts([OwnerPart(agency="youth offending service", person="Sam  Cole")])
    assert len(matcher.proposed_agencies) == 1 and len(matcher.proposed_people) == 1
    assert again.agencies[0] is match.agencies[1]


def test_the_agency_column_of_an_scr_plan_leads_before_the_owner_cell(world):
    action = DraftAction(
        text="Audit referrals",
        agency="Sussex Police",
        owner="ESCC",
        owner_parts=[OwnerPart(agency="ESCC")],
    )
    match = OwnerMatcher(world.partnership).match_action(action)
    assert [a.agency for a in match.agencies] == [world.police, world.council]


def test_an_unsplit_owner_cell_links_only_someone_already_known(world):
    matcher = OwnerMatcher(world.partnership)
    known = matcher.match_action(DraftAction(text="x", owner="Sussex Police"))
    unknown = matcher.match_action(DraftAction(text="x", owner="All partners through the exec group"))
    assert [a.agency for a in known.agencies] == [world.police]
    assert unknown.agencies == [] and matcher.proposed_agencies == {}


def test_normalise_treats_ampersand_as_and():
    assert normalise("Health & Social Care") == normalise("health and social care")


def test_an_agency_the_library_took_for_a_person_is_read_as_an_agency(world):
    matcher = OwnerMatcher(world.partnership)
    known = matcher.match_parts([OwnerPart(person="Sussex Police")])
    split = matcher.match_parts([OwnerPart(person="Youth Offending", job_title="Service")])
    person = matcher.match_parts([OwnerPart(person="Celia Lamden", job_title="Head of Early Help Services")])
    assert [a.agency for a in known.agencies] == [world.police] and known.people == []
    assert [a.name for a in split.agencies] == ["Youth Offending Service"] and split.agencies[0].is_new
    assert person.agencies == [] and [p.name for p in person.people] == ["Celia Lamden"]
    assert person.people[0].job_title == "Head of Early Help Services"


def test_service_names_and_roles_split_off_as_people_are_not_proposed_as_new_people(world):
    matcher = OwnerMatcher(world.partnership)
    match = matcher.match_parts(
        [
            OwnerPart(person="Mental Health", job_title="NHS Programme Lead for"),
            OwnerPart(person="All Safeguarding Leads"),
            OwnerPart(job_title="Chair of the Contextual Safeguarding Steering Group"),
            OwnerPart(job_title="Sussex Police"),
        ]
    )
    assert match.people == [] and matcher.proposed_people == {} and matcher.proposed_agencies == {}
    assert [a.agency for a in match.agencies] == [world.police]  # a known agency is still linked


def test_a_rank_or_title_before_a_name_is_the_same_person(world):
    helen = factories.PersonFactory(
        partnership=world.partnership, name="Helen Schofield", agency=world.police
    )
    matcher = OwnerMatcher(world.partnership)
    assert matcher.person("DI Helen Schofield").person == helen
    assert matcher.person("Dr Judith Sakala") is matcher.person("Judith Sakala")
    assert matcher.person("Senior Sisters") is None


@pytest.mark.parametrize("written", ["MASH (ESCC)", "Early Help – ESCC", "Front door team / Sussex Police"])
def test_a_team_of_a_known_agency_is_that_agency_not_a_new_one(world, written):
    """A new agency named 'MASH (ESCC)' would own the action, and ESCC's own contributors could
    not update it."""
    found = OwnerMatcher(world.partnership).agency(written)
    assert found.agency in (world.council, world.police) and not found.is_new
    assert found.name == written


def test_a_name_with_no_known_agency_within_is_still_proposed_as_new(world):
    found = OwnerMatcher(world.partnership).agency("Youth Justice Service (Countywide)")
    assert found.is_new


def test_beside_an_agency_column_a_persons_team_is_not_proposed_as_a_new_agency(world):
    """'Naomi Ellis, Detective Inspector, Child Exploitation Team' with Lead agency 'Police' made an
    agency 'Child Exploitation Team' that every agency list then showed."""
    factories.PersonFactory(partnership=world.partnership, agency=world.police, name="Naomi Ellis")
    action = DraftAction(
        text="Audit CCE referrals",
        agency="Sussex Police",
        owner="Naomi Ellis, Detective Inspector, Child Exploitation Team",
        owner_parts=[
            OwnerPart(person="Naomi Ellis", job_title="Detective Inspector", agency="Child Exploitation Team")
        ],
    )
    matcher = OwnerMatcher(world.partnership)
    match = matcher.match_action(action)
    assert [a.agency for a in match.agencies] == [world.police]
    assert [p.person.name for p in match.people] == ["Naomi Ellis"]
    assert not matcher.proposed_agencies


def test_without_an_agency_column_an_unknown_agency_in_the_owner_cell_is_still_proposed(world):
    action = DraftAction(
        text="Audit", owner="Youth Justice Service", owner_parts=[OwnerPart(agency="Youth Justice Service")]
    )
    matcher = OwnerMatcher(world.partnership)
    matcher.match_action(action)
    assert list(matcher.proposed_agencies) == ["youth justice service"]


def test_an_agency_cell_naming_two_agencies_matches_both_and_proposes_nothing(world):
    """This service's export writes a shared action's agencies 'Sussex Police; East Sussex County
    Council': read back, that made one junk agency of both names, and the lead's."""
    action = DraftAction(text="Audit", agency="Sussex Police; East Sussex County Council")
    matcher = OwnerMatcher(world.partnership)
    match = matcher.match_action(action)
    assert [a.agency for a in match.agencies] == [world.police, world.council]
    assert not matcher.proposed_agencies


def test_a_name_shortened_to_its_bracketed_abbreviation_matches_the_agency(world):
    """QA round 7: 'NHS Northshire ICB' and 'NSCP Business Unit' were proposed as new agencies beside
    'NHS Northshire Integrated Care Board (ICB)' and '... business unit (NSCP)'; their contributors
    then could not update their own actions."""
    icb = factories.AgencyFactory(
        partnership=world.partnership, name="NHS Northshire Integrated Care Board (ICB)"
    )
    unit = factories.AgencyFactory(
        partnership=world.partnership,
        name="Northshire Safeguarding Children Partnership business unit (NSCP)",
    )
    matcher = OwnerMatcher(world.partnership)
    assert matcher.agency("NHS Northshire ICB").agency == icb
    assert matcher.agency("Northshire ICB").agency == icb
    assert matcher.agency("NSCP Business Unit").agency == unit
    assert matcher.agency("Northshire Constabulary").is_new


def test_an_agency_renamed_here_is_still_matched_by_its_former_name(world):
    """QA round 6: a plan written before the rename still names 'Sussex Police'."""
    world.police.name = "Sussex Constabulary"
    world.police.save()
    matcher = OwnerMatcher(world.partnership)
    assert matcher.agency("Sussex Police").agency == world.police
    assert matcher.agency("Sussex Constabulary").agency == world.police


def test_a_short_name_kept_apart_from_the_name_gives_its_shortened_forms_too(world):
    """QA round 8: the demo's 'NHS Northshire Integrated Care Board' keeps 'ICB' as its short name,
    not in brackets, and 'NHS Northshire ICB' was still proposed as a new agency."""
    icb = factories.AgencyFactory(
        partnership=world.partnership, name="NHS Northshire Integrated Care Board", short_name="ICB"
    )
    unit = factories.AgencyFactory(
        partnership=world.partnership, name="Northshire Safeguarding Children Partnership business unit",
        short_name="NSCP",
    )  # fmt: skip
    matcher = OwnerMatcher(world.partnership)
    assert matcher.agency("NHS Northshire ICB").agency == icb
    assert matcher.agency("NSCP Business Unit").agency == unit


def test_an_agency_whose_name_runs_on_into_what_was_read_as_a_team_is_that_agency(world):
    """QA round 8: 'Andrea Coyle (NCC Education)' proposed a new agency 'NCC' beside 'NCC Education'."""
    education = factories.AgencyFactory(
        partnership=world.partnership,
        name="Northshire County Council – Education and Inclusion",
        short_name="NCC Education",
    )
    matcher = OwnerMatcher(world.partnership)
    for part in (
        OwnerPart(agency="NCC", person="Andrea Coyle", job_title="Education"),
        OwnerPart(
            agency="Northshire County Council", person="Andrea Coyle", job_title="Education and Inclusion"
        ),
    ):
        found = matcher.match_parts([part])
        assert [a.agency for a in found.agencies] == [education]


@pytest.mark.parametrize(
    "owner",
    [
        "Police and NCC CSC",
        "Police & NCC CSC",
        "Police NCC CSC",
        "Sussex Police and East Sussex County Council",
    ],
)
def test_a_lead_naming_two_known_agencies_together_is_both_of_them_and_no_new_agency(world, owner):
    """QA round 9: 'Police and NCC CSC' was proposed as one new agency, ticked, and the real two
    lost the action (their contributors could not update it)."""
    world.police.short_name = "Police"
    world.police.save()
    world.council.short_name = "NCC CSC"
    world.council.save()
    matcher = OwnerMatcher(world.partnership)
    action = DraftAction(ref="1", text="Audit", owner=owner, owner_parts=[OwnerPart(agency=owner)])
    found = matcher.match_action(action)
    assert [a.agency for a in found.agencies] == [world.police, world.council]
    assert not matcher.proposed_agencies
    # and named in an agency column
    column = DraftAction(ref="2", text="Audit", owner="", agency=owner)
    assert [a.agency for a in OwnerMatcher(world.partnership).match_action(column).agencies] == [
        world.police,
        world.council,
    ]


def test_a_name_with_and_that_is_not_two_known_agencies_stays_one_name(world):
    matcher = OwnerMatcher(world.partnership)
    assert matcher.joint_agencies("Sussex Police and Crime Commissioner") == []
    assert matcher.joint_agencies("Sussex Police and Sussex Police") == []
    assert matcher.joint_agencies("Sussex Police") == []

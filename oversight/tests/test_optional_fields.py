"""Optional fields say so in their label, as GOV.UK asks ("Due date (optional)"); required ones,
filter forms and fields required only in some cases (a contributor's agency) are not marked."""

from __future__ import annotations

import re

from django.urls import reverse


def page(client, user, name: str, *args: object) -> str:
    client.force_login(user)
    response = client.get(reverse(name, args=args))
    assert response.status_code == 200
    return response.content.decode()


def test_the_change_page_marks_its_optional_fields_and_not_the_action_itself(client, world):
    html = page(client, world.manager, "plans:edit_action", world.police_action.pk)
    assert 'for="id_due_date">Due date (optional)</label>' in html
    assert 'for="id_ref">Reference (optional)</label>' in html
    assert 'for="id_text">Action</label>' in html


def test_a_label_already_saying_optional_is_not_marked_twice(client, world):
    html = page(client, world.contributor, "plans:add_update", world.police_action.pk)
    assert "(optional) (optional)" not in html
    assert "Next steps (optional)" in html


def test_the_plan_pages_filters_are_not_marked_optional(client, world):
    html = page(client, world.viewer, "plans:plan", world.plan.pk)
    assert "Search by reference, action or owner</label>" in html
    assert "(optional)" not in html


def test_a_members_agency_required_for_contributors_is_not_marked_optional(client, world):
    membership = world.contributor.memberships.get()
    html = page(client, world.admin, "accounts:edit_member", membership.pk)
    assert 'for="id_agency">Agency</label>' in html
    assert "Required for contributors" in html


def test_every_field_points_only_at_hints_that_are_drawn(client, world):
    import re

    pages = [
        page(client, world.manager, "accounts:change_password"),  # Django's own hint, blanked
        page(client, world.manager, "plans:edit_action", world.police_action.pk),
        page(client, world.contributor, "plans:add_update", world.police_action.pk),
    ]
    for html in pages:
        ids = set(re.findall(r' id="([^"]+)"', html))
        described = re.findall(r'aria-describedby="([^"]+)"', html)
        assert described
        for names in described:
            assert set(names.split()) <= ids, names


def test_a_value_forms_dimension_choice_names_itself_when_missing(world):
    from scorecard.forms import ValueForm
    from scorecard.tests.factories import MeasureFactory, area_and_risk

    measure = MeasureFactory(partnership=world.partnership, dimensions=area_and_risk(world.partnership))
    form = ValueForm({"period": "2020-04", "number": "3", "source": "Report"}, measure=measure)
    assert not form.is_valid()
    messages = [m for name, errors in form.errors.items() if name.startswith("dim_") for m in errors]
    assert messages and "This field is required." not in messages
    assert all(m.startswith(("Select", "Enter")) for m in messages)


def test_a_sections_reference_and_title_one_of_which_is_needed_are_not_marked_optional(client, world):
    html = page(client, world.manager, "plans:edit_section", world.police_action.section_id)
    assert 'for="id_ref">Reference</label>' in html and 'for="id_title">Title</label>' in html
    assert "A section needs a title or a reference, or both." in html
    assert 'for="id_what_inspectors_found">What inspectors found (optional)</label>' in html


def test_an_optional_group_of_checkboxes_says_so_in_its_legend(client, world):
    html = page(client, world.manager, "plans:edit_action", world.police_action.pk)
    legends = re.findall(
        r'<legend class="govuk-fieldset__legend govuk-fieldset__legend--s">([^<]+)</legend>', html
    )
    assert legends and all(legend.endswith("(optional)") for legend in legends), legends

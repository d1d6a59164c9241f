"""Error messages name the field ("Enter the action"), not Django's "This field is required."."""

from __future__ import annotations

from django import forms
from django.urls import reverse

from governance.forms import ProposeSignOffForm
from oversight.forms import GovukFormMixin
from plans.forms import ActionForm, PlanFilterForm


def test_a_manager_who_empties_an_action_is_told_to_enter_the_action(client, world):
    action = world.police_action
    client.force_login(world.manager)
    response = client.post(
        reverse("plans:edit_action", args=[action.pk]),
        {"text": "", "due_date": "2026-02-31", "version": action.version},
    )
    page = response.content.decode()
    assert "Enter the action" in page
    assert "Enter the due date as a real date, for example 27/3/2027" in page
    assert "This field is required." not in page and "Enter a valid date." not in page


def test_an_action_given_no_text_or_a_bad_due_date_names_both_fields(world):
    form = ActionForm({"text": "", "version": 1, "due_date": "soon"}, instance=world.police_action)
    assert form.errors["text"] == ["Enter the action"]
    assert form.errors["due_date"] == ["Enter the due date as a real date, for example 27/3/2027"]


def test_messages_a_form_sets_itself_are_kept(world):
    form = PlanFilterForm({"as_at": "soon"}, plan=world.plan, statuses=list(world.plan.rag_statuses.all()))
    assert form.errors["as_at"] == ["Enter a real date, for example 27/3/2027"]


def test_a_label_that_starts_with_the_or_an_acronym_reads_naturally():
    class Form(GovukFormMixin, forms.Form):
        decision = forms.ChoiceField(choices=[("a", "A")], label="The board's decision")
        file = forms.FileField(label="CSV or Excel file")

    form = Form({}, {})
    assert form.errors["decision"] == ["Select the board's decision"]
    assert form.errors["file"] == ["Select the CSV or Excel file"]


def test_a_sign_off_proposed_without_monitoring_asks_how_the_area_will_be_monitored():
    form = ProposeSignOffForm({"evidence": "Audit shows the change"})
    assert form.errors["monitored_through"] == ["Enter how the area will be monitored as business as usual"]


def test_too_long_text_and_numbers_out_of_range_are_named_in_govuk_words():
    class Form(GovukFormMixin, forms.Form):
        name = forms.CharField(label="Board name", max_length=200)
        days = forms.IntegerField(label="Working days", min_value=0)

    form = Form({"name": "x" * 12005, "days": "-1"})
    assert form.errors["name"] == ["Board name must be 200 characters or fewer (it has 12005)"]
    assert form.errors["days"] == ["Working days must be 0 or more"]
    assert Form({"name": "ok", "days": "two"}).errors["days"] == ["Enter the working days as a number"]


def test_no_field_cuts_text_silently_and_text_areas_count_characters(client, world):
    """maxlength made the browser drop what was pasted past 10,000 characters without a word."""
    client.force_login(world.contributor)
    page = client.get(reverse("plans:add_update", args=[world.police_action.pk])).content.decode()
    assert " maxlength=" not in page
    assert 'data-module="govuk-character-count" data-maxlength="10000"' in page
    assert "govuk-js-character-count" in page and 'id="id_narrative-info"' in page


def test_a_number_with_too_many_digits_names_the_field():
    class Form(GovukFormMixin, forms.Form):
        target = forms.DecimalField(label="Target", max_digits=14, decimal_places=2)

    errors = Form({"target": "123456789012345678"}).errors["target"]
    assert errors == ["Target must have no more than 14 digits"]

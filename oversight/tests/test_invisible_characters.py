"""Invisible characters: names lose them all (look-alikes), prose keeps the ones people write with."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from oversight.forms import visible_text

FAMILY = "\U0001f468\u200d\U0001f469\u200d\U0001f467"  # man, woman, girl joined
WALES = "\U0001f3f4\U000e0067\U000e0062\U000e0077\U000e006c\U000e0073\U000e007f"  # the flag of Wales
PERSIAN = "\u0645\u06cc\u200c\u062e\u0648\u0627\u0647\u0645"  # a word with a zero-width non-joiner
ARABIC_AMONG_ENGLISH = "Meeting with \u200f\u0627\u0644\u0623\u0633\u0631\u0629\u200f on Monday"


@pytest.mark.parametrize("prose", [FAMILY, WALES, PERSIAN, ARABIC_AMONG_ENGLISH])
def test_a_progress_narrative_keeps_joiners_emoji_tags_and_direction_marks(prose):
    assert visible_text(f"Visited the family {prose}.\nNext: review.", multiline=True) == (
        f"Visited the family {prose}.\nNext: review."
    )


def test_prose_still_loses_overrides_zero_width_spaces_and_a_byte_order_mark():
    assert visible_text("\ufeffLine\u200b one\nLine\u202e two\u2066", multiline=True) == "Line one\nLine two"


def test_prose_of_nothing_but_joiners_and_marks_is_empty():
    assert visible_text("\u200d\u200c\u200e \n\u200f", multiline=True) == ""


def test_a_name_loses_every_invisible_character_even_a_joiner():
    assert visible_text("Sussex\u200d Police\u200e") == "Sussex Police"


def test_the_progress_form_saves_an_emoji_family_as_typed(client, world):
    from django.urls import reverse

    from plans.models import ProgressUpdate
    from plans.tests.test_action_page import valid_update

    client.force_login(world.contributor)
    response = client.post(
        reverse("plans:add_update", args=[world.police_action.pk]),
        valid_update(world, narrative=f"Met the family {FAMILY} at home."),
    )
    assert response.status_code == 302
    assert (
        ProgressUpdate.objects.get(action=world.police_action).narrative
        == f"Met the family {FAMILY} at home."
    )


@given(st.text())
def test_cleaning_twice_changes_nothing_more(text):
    for multiline in (False, True):
        once = visible_text(text, multiline)
        assert visible_text(once, multiline) == once

"""A form sent with an expired security token: a plain page, and what was typed given back."""

from __future__ import annotations

from django.test import Client
from django.urls import reverse

from plans.models import ProgressUpdate


def test_an_expired_form_says_nothing_was_saved_and_gives_back_what_was_typed(world):
    """QA round 9: Django's bare 'CSRF verification failed' page, and a long progress update lost."""
    client = Client(enforce_csrf_checks=True)
    client.force_login(world.contributor)
    action = world.police_action
    response = client.post(
        reverse("plans:add_update", args=[action.pk]),
        {
            "csrfmiddlewaretoken": "expired-token-from-another-tab",
            "date": "1/12/2026",
            "narrative": "Audit of 30 cases done.\nThemes <b>shared</b> with the board.",
            "password": "never shown",
        },
    )
    page = response.content.decode()
    assert response.status_code == 403
    assert "Your form had expired" in page and "Nothing was saved" in page and "govuk-template" in page
    assert "Audit of 30 cases done.\nThemes &lt;b&gt;shared&lt;/b&gt; with the board." in page
    assert "never shown" not in page and "expired-token-from-another-tab" not in page
    assert "CSRF verification failed" not in page
    assert not ProgressUpdate.objects.filter(action=action).exists()

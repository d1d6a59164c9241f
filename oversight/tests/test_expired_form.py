"""A form that could not be saved (an expired security token, or signed out meanwhile): a plain
page saying nothing was saved, and what was typed given back (QA rounds 9 and 10)."""

from __future__ import annotations

from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from plans.models import ProgressUpdate

NARRATIVE = "Audit of 30 cases done.\nThemes <b>shared</b> with the board."


def update_form(**extra):
    return {"date": "1/12/2026", "status": "7", "narrative": NARRATIVE, "password": "never shown", **extra}


def test_an_expired_form_says_nothing_was_saved_and_gives_back_what_was_typed(world):
    """QA round 9: Django's bare 'CSRF verification failed' page, and a long progress update lost."""
    client = Client(enforce_csrf_checks=True)
    client.force_login(world.contributor)
    action = world.police_action
    response = client.post(
        reverse("plans:add_update", args=[action.pk]),
        update_form(csrfmiddlewaretoken="expired-token-from-another-tab"),
        HTTP_REFERER=f"http://testserver{reverse('plans:add_update', args=[action.pk])}",
    )
    page = response.content.decode()
    assert response.status_code == 403
    assert "Your form had expired" in page and "Nothing was saved" in page and "govuk-template" in page
    assert "Audit of 30 cases done.\nThemes &lt;b&gt;shared&lt;/b&gt; with the board." in page
    assert "never shown" not in page and "expired-token-from-another-tab" not in page
    assert ">Status<" not in page and "1/12/2026" not in page  # keys and dates are not words typed
    assert (
        f'href="http://testserver{reverse("plans:add_update", args=[action.pk])}">Go back to the form' in page
    )
    assert "CSRF verification failed" not in page
    assert not ProgressUpdate.objects.filter(action=action).exists()


def test_a_form_sent_after_signing_out_elsewhere_says_so_and_gives_back_the_words_and_names_the_file(
    world, client
):
    """QA round 10: signed out in another tab, the form's words went to the sign-in page unsaid."""
    action = world.police_action
    response = client.post(
        reverse("plans:add_update", args=[action.pk]),
        update_form(evidence_file=SimpleUploadedFile("audit.pdf", b"%PDF-1.4")),
    )
    page = response.content.decode()
    assert response.status_code == 403
    assert "You were signed out" in page and "Nothing was saved" in page
    assert "Themes &lt;b&gt;shared&lt;/b&gt; with the board." in page
    assert "(audit.pdf) was not kept: attach it again" in page
    assert f"{reverse('login')}?next={reverse('plans:add_update', args=[action.pk])}" in page
    assert not ProgressUpdate.objects.filter(action=action).exists()


def test_a_page_asked_for_while_signed_out_still_goes_to_the_sign_in_page(client, world):
    response = client.get(reverse("plans:add_update", args=[world.police_action.pk]))
    assert response.status_code == 302 and response["Location"].startswith(reverse("login"))
    signing_in = client.post(reverse("login"), {"username": "nobody", "password": "wrong"})
    assert signing_in.status_code == 200 and "You were signed out" not in signing_in.content.decode()

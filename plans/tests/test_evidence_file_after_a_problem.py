"""When an update with an evidence file shows a problem, the page asks for the file again (browsers drop it)."""

from __future__ import annotations

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from plans import models

PDF = b"%PDF-1.7\n1 0 obj\n<<>>\nendobj\n"


def post_update(client, world, **changes):
    data = {
        "date": "2025-05-01",
        "status": world.plan.rag_statuses.get(key="amber").pk,
        "narrative": "Audit done.",
        "evidence_file": SimpleUploadedFile("audit-may.pdf", PDF, content_type="application/pdf"),
        "source": "add_update",
    }
    data.update(changes)
    return client.post(reverse("plans:add_update", args=[world.police_action.pk]), data)


def test_a_file_chosen_with_an_empty_narrative_is_asked_for_again_by_name(client, world, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    client.force_login(world.contributor)
    page = post_update(client, world, narrative="").content.decode()
    assert "Enter the progress and impact" in page
    assert "Choose audit-may.pdf again: a file is not kept when the page shows a problem." in page
    assert not models.Evidence.objects.exists()


def test_a_page_without_a_chosen_file_or_without_a_problem_says_nothing_about_it(
    client, world, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path
    client.force_login(world.contributor)
    page = post_update(client, world, narrative="", evidence_file="").content.decode()
    assert "again: a file is not kept" not in page
    assert post_update(client, world).status_code == 302

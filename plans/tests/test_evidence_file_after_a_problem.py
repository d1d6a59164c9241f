"""When an update with an evidence file shows a problem, the page asks for the file again (browsers drop it)."""

from __future__ import annotations

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from plans import models

PDF = b"%PDF-1.7\n1 0 obj\n<<>>\nendobj\n"


def post_update(client, world, **changes):
    data = {
        "date": "2025-05-01",
        "date_confirmed": "on",  # long past, as the page asks
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


def test_deleting_a_plan_deletes_its_evidence_files_from_storage(
    client, world, settings, tmp_path, django_capture_on_commit_callbacks
):
    """Evidence often holds case detail about children: once its plan is gone nobody could reach
    or remove the file, so it goes with its row."""
    settings.MEDIA_ROOT = tmp_path
    client.force_login(world.contributor)
    post_update(client, world)
    evidence = models.Evidence.objects.get()
    path = tmp_path / evidence.file.name
    assert path.exists()
    with django_capture_on_commit_callbacks(execute=True):
        world.plan.delete()
    assert not path.exists() and not models.Evidence.objects.exists()

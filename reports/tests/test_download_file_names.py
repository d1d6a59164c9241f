"""A downloaded board report's file name is the plan's title cut cleanly, then the as-at date."""

from __future__ import annotations

from django.urls import reverse

from reports.views import file_stem


def test_a_long_title_cut_at_a_word_boundary_leaves_no_double_hyphen():
    title = "Joint targeted area inspection of the multi-agency response to children at risk"
    assert file_stem(title) == "joint-targeted-area-inspection-of-the-multi-agency-response"


def test_a_title_with_no_letters_a_slug_can_keep_still_gives_a_name():
    assert file_stem("¿?") == "board-report"


def test_the_word_download_of_a_long_titled_plan_has_a_clean_file_name(client, world):
    world.plan.title = "Joint targeted area inspection of the multi-agency response to children at risk"
    world.plan.save()
    client.force_login(world.viewer)
    response = client.get(reverse("reports:plan_report_download", args=[world.plan.pk, "docx"]))
    disposition = response["Content-Disposition"]
    assert 'filename="joint-targeted-area-inspection-of-the-multi-agency-response-as-at-' in disposition

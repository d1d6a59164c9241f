"""The report pages and downloads per role: members read, outsiders get 404, anonymous sign in."""

from __future__ import annotations

import io
import re

import pytest
from django.core.management import call_command
from django.urls import reverse
from openpyxl import load_workbook

from plans.tests import factories
from reports.models import PublicReportSetting

from .conftest import AS_AT, PREVIOUS

DATES = {"as_at": AS_AT.isoformat(), "previous": PREVIOUS.isoformat()}


def url(name: str, *args: object) -> str:
    return reverse(f"reports:{name}", args=args)


@pytest.mark.parametrize("role", ["admin", "manager", "contributor", "viewer"])
def test_every_member_of_the_partnership_can_read_the_report(client, world, role):
    client.force_login(getattr(world, role))
    response = client.get(url("plan_report", world.plan.pk))
    assert response.status_code == 200
    assert world.plan.title in response.content.decode()


def test_a_member_of_another_partnership_gets_not_found_everywhere(client, world):
    client.force_login(world.outsider)
    for address in (
        url("plan_report", world.plan.pk),
        url("plan_report_download", world.plan.pk, "xlsx"),
        url("public_report", world.plan.pk),
        url("partnership_report", world.partnership.pk),
        url("partnership_report_download", world.partnership.pk, "xlsx"),
    ):
        assert client.get(address).status_code == 404, address
    assert client.post(url("public_settings", world.plan.pk), {}).status_code == 404
    index = client.get(url("index")).content.decode()
    assert world.plan.title not in index and world.other_plan.title in index


def test_an_anonymous_visitor_is_sent_to_sign_in(client, world):
    for address in (
        url("index"),
        url("plan_report", world.plan.pk),
        url("public_report", world.plan.pk),
        url("plan_report_download", world.plan.pk, "pdf"),
    ):
        response = client.get(address)
        assert response.status_code == 302 and "next=" in response["Location"], address


def test_the_report_page_as_at_a_past_date_shows_the_plan_then_with_charts_and_no_inline_styles(
    client, world, history_plan
):
    client.force_login(world.viewer)
    response = client.get(url("plan_report", history_plan.plan.pk), DATES)
    html = response.content.decode()
    assert response.status_code == 200
    assert "Progress updates as at 14 December 2022" in html
    assert "What changed since 14 November 2022" in html
    assert html.count("<svg") == 3
    assert 'name="as_at" value="14/12/2022"' in html and 'name="previous" value="14/11/2022"' in html
    assert not re.search(r"<[^>]+\sstyle=", html)
    assert "Guidance published." not in html
    pk = history_plan.plan.pk
    assert f'href="/reports/plans/{pk}/download/pdf/?as_at=2022-12-14&amp;previous=2022-11-14"' in html


@pytest.mark.parametrize("value", ["14/13/2022", "2022-02-30", "soon", "2999-01-01"])
def test_a_bad_as_at_date_gives_a_clear_error_not_a_crash(client, world, value):
    client.force_login(world.viewer)
    for name in ("plan_report", "public_report"):
        response = client.get(url(name, world.plan.pk), {"as_at": value})
        assert response.status_code == 400
        assert "There is a problem" in response.content.decode()
    response = client.get(url("plan_report_download", world.plan.pk, "pdf"), {"as_at": value})
    assert response.status_code == 400


def test_a_previous_date_after_the_as_at_date_is_refused(client, world):
    client.force_login(world.viewer)
    response = client.get(
        url("plan_report", world.plan.pk), {"as_at": "2022-12-14", "previous": "2022-12-20"}
    )
    assert response.status_code == 400
    assert "The previous report date must be before the as-at date" in response.content.decode()


def test_without_dates_the_picker_shows_today_and_the_default_previous_date(client, world):
    from django.utils import timezone

    from reports.figures import month_before

    client.force_login(world.viewer)
    html = client.get(url("plan_report", world.plan.pk)).content.decode()
    today = timezone.localdate()
    assert f'name="as_at" value="{today:%-d/%-m/%Y}"' in html
    assert f'name="previous" value="{month_before(today):%-d/%-m/%Y}"' in html


def test_an_unknown_format_is_not_found(client, world):
    client.force_login(world.viewer)
    assert client.get(url("plan_report_download", world.plan.pk, "odt")).status_code == 404


def test_the_excel_download_is_an_attachment_named_after_the_plan_and_date(client, world, history_plan):
    client.force_login(world.contributor)
    response = client.get(url("plan_report_download", history_plan.plan.pk, "xlsx"), DATES)
    assert response.status_code == 200
    assert response["Content-Disposition"] == (
        'attachment; filename="jtai-criminal-exploitation-plan-as-at-2022-12-14.xlsx"'
    )
    wb = load_workbook(io.BytesIO(response.content))
    assert wb["Actions"].max_row == 7


def test_the_partnership_report_holds_every_plan_of_the_partnership(client, world, history_plan):
    client.force_login(world.viewer)
    html = client.get(url("partnership_report", world.partnership.pk)).content.decode()
    assert world.plan.title in html and history_plan.plan.title in html
    assert world.other_plan.title not in html


def test_the_public_version_shows_roles_only_until_the_plan_manager_allows_names(client, world, history_plan):
    client.force_login(world.viewer)
    address = url("public_report", history_plan.plan.pk)
    html = client.get(address, DATES).content.decode()
    assert "Jane Smith" not in html and "Head of Safeguarding" in html
    assert "Constraint of" not in html and "What changed since" not in html

    assert client.post(url("public_settings", history_plan.plan.pk), {}).status_code == 403
    client.force_login(world.manager)
    assert client.post(url("public_settings", history_plan.plan.pk), {}).status_code == 302
    assert PublicReportSetting.objects.get(plan=history_plan.plan).roles_only is False
    assert "Jane Smith" in client.get(address, DATES).content.decode()
    client.post(url("public_settings", history_plan.plan.pk), {"roles_only": "on"})
    assert "Jane Smith" not in client.get(address, DATES).content.decode()


def test_the_public_version_downloads_as_pdf(client, world, history_plan):
    client.force_login(world.viewer)
    response = client.get(url("public_report", history_plan.plan.pk), {**DATES, "format": "pdf"})
    assert response.status_code == 200 and response.content.startswith(b"%PDF")
    assert response["Content-Type"] == "application/pdf"


def test_the_index_lists_the_users_plans_with_report_links(client, world, history_plan):
    client.force_login(world.manager)
    html = client.get(url("index")).content.decode()
    for plan in (world.plan, history_plan.plan):
        assert url("plan_report_download", plan.pk, "docx") in html
        assert url("public_settings", plan.pk) in html  # managers choose roles only
    client.force_login(world.viewer)
    assert url("public_settings", world.plan.pk) not in client.get(url("index")).content.decode()


def test_the_board_report_links_tag_renders_for_the_plan_page(world):
    from django.template import Context, Template

    html = Template("{% load reports %}{% board_report_links plan %}").render(Context({"plan": world.plan}))
    assert url("plan_report_download", world.plan.pk, "pdf") in html
    assert "Download board report (Word)" in html


def test_the_command_writes_the_report_in_each_format(history_plan, tmp_path):
    for fmt, magic in (("html", b"<!DOCTYPE html>"), ("xlsx", b"PK"), ("docx", b"PK"), ("pdf", b"%PDF")):
        out = tmp_path / f"report.{fmt}"
        call_command(
            "board_report",
            str(history_plan.plan.pk),
            "--as-at",
            "2022-12-14",
            "--format",
            fmt,
            "-o",
            str(out),
        )
        assert out.read_bytes().startswith(magic), fmt
    assert "Progress updates as at 14 December 2022" in (tmp_path / "report.html").read_text()


def test_the_command_refuses_a_bad_date_and_an_unknown_plan(history_plan, tmp_path):
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="YYYY-MM-DD"):
        call_command(
            "board_report", str(history_plan.plan.pk), "--as-at", "14/12/2022", "-o", str(tmp_path / "x")
        )
    with pytest.raises(CommandError, match="no plan"):
        call_command("board_report", "999999", "-o", str(tmp_path / "x"))


def test_a_plan_without_actions_still_gives_a_report(client, world):
    plan = factories.PlanFactory(partnership=world.partnership, title="Empty plan")
    client.force_login(world.viewer)
    assert client.get(url("plan_report", plan.pk)).status_code == 200
    assert client.get(url("plan_report_download", plan.pk, "docx")).status_code == 200

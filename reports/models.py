"""The reports app's one setting: whether a plan's public version shows names or roles only."""

from __future__ import annotations

from django.db import models

from plans.models import PartnershipScopedQuerySet, Plan


class PublicReportSettingQuerySet(PartnershipScopedQuerySet):
    partnership_path = "plan__partnership"


class PublicReportSetting(models.Model):
    """Kept per plan, so the plan manager's choice holds for every later publication.

    Without a row, the public version shows roles only: publishing a name by mistake is the
    worse error.
    """

    plan = models.OneToOneField(Plan, on_delete=models.CASCADE, related_name="public_report_setting")
    roles_only = models.BooleanField(
        "roles only", default=True, help_text="Show owners' roles and agencies, not people's names."
    )
    updated = models.DateTimeField(auto_now=True)

    objects = PublicReportSettingQuerySet.as_manager()

    def __str__(self) -> str:
        return f"Public report of {self.plan}: {'roles only' if self.roles_only else 'names shown'}"


def roles_only_for(plan: Plan) -> bool:
    setting = PublicReportSetting.objects.filter(plan=plan).first()
    return True if setting is None else setting.roles_only

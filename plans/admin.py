"""Django admin for the business manager: users, agencies, people, memberships."""

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from plans import models


@admin.register(models.Partnership)
class PartnershipAdmin(admin.ModelAdmin):
    list_display = ["name", "slug"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(models.Agency)
class AgencyAdmin(SimpleHistoryAdmin):
    list_display = ["name", "short_name", "kind", "partnership"]
    list_filter = ["partnership", "kind"]
    search_fields = ["name", "short_name"]


@admin.register(models.Person)
class PersonAdmin(SimpleHistoryAdmin):
    list_display = ["name", "job_title", "agency", "user"]
    list_filter = ["partnership"]
    search_fields = ["name", "job_title"]
    raw_id_fields = ["user", "agency"]


@admin.register(models.Membership)
class MembershipAdmin(SimpleHistoryAdmin):
    list_display = ["user", "partnership", "role", "agency"]
    list_filter = ["partnership", "role"]
    raw_id_fields = ["user", "agency"]


@admin.register(models.Plan)
class PlanAdmin(SimpleHistoryAdmin):
    list_display = ["title", "kind", "stage", "partnership"]
    list_filter = ["partnership", "kind", "stage"]


@admin.register(models.Action)
class ActionAdmin(SimpleHistoryAdmin):
    list_display = ["ref", "text", "plan", "lead_agency", "due_date", "status"]
    list_filter = ["plan__partnership"]
    search_fields = ["ref", "text", "owner_text"]
    raw_id_fields = ["plan", "section", "lead_agency", "status", "owners", "owner_agencies"]

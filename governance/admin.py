"""Admin pages for boards and meetings (admins set boards up; managers add meetings on the board page)."""

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from governance.models import Board, Meeting, SignOff, UpdateRequest, UpdateRound


@admin.register(Board)
class BoardAdmin(SimpleHistoryAdmin):
    list_display = ["name", "partnership", "chair"]
    list_filter = ["partnership"]
    filter_horizontal = ["members", "plans"]


@admin.register(Meeting)
class MeetingAdmin(SimpleHistoryAdmin):
    list_display = ["board", "date"]
    list_filter = ["board"]


@admin.register(UpdateRound)
class UpdateRoundAdmin(SimpleHistoryAdmin):
    list_display = ["plan", "deadline", "opened_at"]


@admin.register(UpdateRequest)
class UpdateRequestAdmin(admin.ModelAdmin):
    list_display = ["name", "round", "sent_at", "reminded_at"]


@admin.register(SignOff)
class SignOffAdmin(SimpleHistoryAdmin):
    list_display = ["section", "decision", "decided_on"]

from django.contrib import admin

from intake.models import ImportBatch


@admin.register(ImportBatch)
class ImportBatchAdmin(admin.ModelAdmin):
    list_display = ["filename", "partnership", "user", "status", "created"]
    list_filter = ["status", "partnership"]
    readonly_fields = ["draft", "summary", "error", "started", "finished", "created"]
    exclude = ["document"]

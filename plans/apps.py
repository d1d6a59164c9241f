from django.apps import AppConfig


class PlansConfig(AppConfig):
    name = "plans"
    verbose_name = "Plans and actions"
    default_auto_field = "django.db.models.BigAutoField"

from django.apps import AppConfig


class ApiConfig(AppConfig):
    name = "api"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from django.contrib.auth import get_user_model
        from django.db.models.signals import pre_save

        import api.schema  # noqa: F401  (registers the schema's field extension)
        from api.docs import revoke_tokens_on_new_password

        pre_save.connect(
            revoke_tokens_on_new_password, sender=get_user_model(), dispatch_uid="api-token-revoke"
        )

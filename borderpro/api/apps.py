from django.apps import AppConfig


class ApiConfig(AppConfig):
    name = "borderpro.api"
    label = "api"
    verbose_name = "API"

    def ready(self) -> None:
        from borderpro.api import schema  # noqa: F401  (registers the auth extension)

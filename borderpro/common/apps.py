from django.apps import AppConfig


class CommonConfig(AppConfig):
    name = "borderpro.common"
    label = "common"
    verbose_name = "Common"

    def ready(self) -> None:
        from borderpro.common import checks  # noqa: F401  (registers the system checks)

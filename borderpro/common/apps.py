from django.apps import AppConfig


class CommonConfig(AppConfig):
    name = "borderpro.common"
    label = "common"
    verbose_name = "Common"

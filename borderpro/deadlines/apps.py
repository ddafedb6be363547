from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DeadlinesConfig(AppConfig):
    name = "borderpro.deadlines"
    label = "deadlines"
    verbose_name = _("Deadlines")

    def ready(self) -> None:
        from borderpro.common.dashboard import register_panel
        from borderpro.deadlines import evidence
        from borderpro.deadlines.panels import deadlines_panel

        evidence.register()
        register_panel(
            "deadlines.next", template="deadlines/_panel.html", context=deadlines_panel, order=5
        )

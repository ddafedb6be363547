from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DeadlinesConfig(AppConfig):
    name = "borderpro.deadlines"
    label = "deadlines"
    verbose_name = _("Deadlines")

    def ready(self) -> None:
        from borderpro.common.nav import register_nav_item

        register_nav_item(
            "deadlines",
            url="deadlines:list",
            label=_("Deadlines"),
            icon="alert",
            permission="deadlines.view",
            kinds=("client",),
            order=80,
        )
        from borderpro.common.dashboard import register_panel
        from borderpro.deadlines import evidence
        from borderpro.deadlines.panels import deadlines_panel

        evidence.register()
        register_panel(
            "deadlines.next", template="deadlines/_panel.html", context=deadlines_panel, order=5
        )

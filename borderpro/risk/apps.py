from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RiskConfig(AppConfig):
    name = "borderpro.risk"
    label = "risk"
    verbose_name = _("Risk assessment")

    def ready(self) -> None:
        from borderpro.common.dashboard import register_panel
        from borderpro.risk.panels import risk_panel

        register_panel("risk.assessment", template="risk/_panel.html", context=risk_panel, order=30)

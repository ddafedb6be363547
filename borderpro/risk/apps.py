from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RiskConfig(AppConfig):
    name = "borderpro.risk"
    label = "risk"
    verbose_name = _("Risk assessment")

    def ready(self) -> None:
        from borderpro.common.nav import register_nav_item

        register_nav_item(
            "risk",
            url="risk:list",
            label=_("Risk assessment"),
            icon="alert",
            permission="risk.view",
            kinds=("client",),
            order=100,
        )
        from borderpro.common.dashboard import register_panel
        from borderpro.common.demo import register_seeder
        from borderpro.common.proofs import register_proof_provider
        from borderpro.risk import deadlines
        from borderpro.risk.panels import risk_panel
        from borderpro.risk.proofs import approved_assessment_proofs

        register_panel("risk.assessment", template="risk/_panel.html", context=risk_panel, order=30)
        register_proof_provider("risk", approved_assessment_proofs)
        register_seeder(
            "risk",
            "borderpro.risk.demo.seed",
            after=("organizations", "profiles", "operations", "evidence"),
        )
        deadlines.register()
        from borderpro.risk import records

        records.register()

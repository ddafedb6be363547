from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EvidenceConfig(AppConfig):
    name = "borderpro.evidence"
    label = "evidence"
    verbose_name = _("Evidence")

    def ready(self) -> None:
        from borderpro.common.nav import register_nav_item

        register_nav_item(
            "evidence",
            url="evidence:list",
            label=_("Evidence"),
            icon="folder",
            permission="evidence.view",
            kinds=("client", "consultancy"),
            order=40,
        )
        from borderpro.common.dashboard import register_client_column, register_panel
        from borderpro.common.demo import register_seeder
        from borderpro.evidence.panels import evidence_counts, evidence_summary

        register_panel(
            "evidence.summary",
            template="evidence/_summary.html",
            context=evidence_summary,
            order=0,
            slot="summary",
        )
        register_client_column("evidence.files", label=_("Evidence files"), values=evidence_counts)
        register_seeder("evidence", "borderpro.evidence.demo.seed", after=("organizations",))
        from borderpro.evidence import records

        records.register()

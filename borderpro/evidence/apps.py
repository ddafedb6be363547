from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EvidenceConfig(AppConfig):
    name = "borderpro.evidence"
    label = "evidence"
    verbose_name = _("Evidence")

    def ready(self) -> None:
        from borderpro.common.demo import register_seeder

        register_seeder("evidence", "borderpro.evidence.demo.seed", after=("organizations",))

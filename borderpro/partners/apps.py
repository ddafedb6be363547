from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PartnersConfig(AppConfig):
    name = "borderpro.partners"
    label = "partners"
    verbose_name = _("Business partners")

    def ready(self) -> None:
        from borderpro.common.demo import register_seeder
        from borderpro.partners import deadlines

        register_seeder(
            "partners", "borderpro.partners.demo.seed", after=("organizations", "evidence")
        )
        deadlines.register()

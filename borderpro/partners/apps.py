from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PartnersConfig(AppConfig):
    name = "borderpro.partners"
    label = "partners"
    verbose_name = _("Business partners")

    def ready(self) -> None:
        from borderpro.common.nav import register_nav_item

        register_nav_item(
            "partners",
            url="partners:list",
            label=_("Partners"),
            icon="clients",
            permission="partners.view",
            kinds=("client",),
            order=110,
        )
        from borderpro.common.dashboard import register_panel
        from borderpro.common.demo import register_seeder
        from borderpro.partners import deadlines
        from borderpro.partners.panels import partners_panel

        register_panel(
            "partners.register", template="partners/_panel.html", context=partners_panel, order=40
        )

        register_seeder(
            "partners", "borderpro.partners.demo.seed", after=("organizations", "evidence")
        )
        deadlines.register()

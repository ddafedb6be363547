from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProgramsConfig(AppConfig):
    name = "borderpro.programs"
    label = "programs"
    verbose_name = _("Programs")

    def ready(self) -> None:
        from borderpro.common.nav import register_nav_item

        register_nav_item(
            "programs",
            url="programs:home",
            label=_("Programs"),
            icon="flag",
            permission="programs.view",
            kinds=("client", "consultancy"),
            order=70,
        )
        from borderpro.common.dashboard import register_panel
        from borderpro.common.demo import register_seeder
        from borderpro.programs import deadlines
        from borderpro.programs.panels import programs_panel

        register_panel(
            "programs.results", template="programs/_panel.html", context=programs_panel, order=20
        )
        register_seeder("programs", "borderpro.programs.demo.seed", after=("organizations",))
        deadlines.register()

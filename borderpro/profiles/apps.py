from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProfilesConfig(AppConfig):
    name = "borderpro.profiles"
    label = "profiles"
    verbose_name = _("Security profile")

    def ready(self) -> None:
        from borderpro.common.dashboard import register_panel
        from borderpro.common.demo import register_seeder
        from borderpro.profiles.panels import readiness_panel

        register_panel(
            "profiles.readiness", template="profiles/_panel.html", context=readiness_panel, order=10
        )
        register_seeder(
            "profiles", "borderpro.profiles.demo.seed", after=("organizations", "evidence")
        )

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OrganizationsConfig(AppConfig):
    name = "borderpro.organizations"
    label = "organizations"
    verbose_name = _("Organizations")

    def ready(self) -> None:
        from borderpro.common.nav import register_nav_item

        register_nav_item(
            "organizations.clients",
            url="organizations:clients",
            label=_("Clients"),
            icon="clients",
            kinds=("consultancy",),
            order=10,
        )
        from borderpro.common.demo import register_demo_logins, register_seeder
        from borderpro.organizations.demo import DEMO_PASSWORD, demo_logins

        register_seeder("organizations", "borderpro.organizations.demo.seed")
        register_demo_logins(password=DEMO_PASSWORD, users=demo_logins())

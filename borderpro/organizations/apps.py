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
        for name, url, label, icon, permission, order in (
            ("activity", "activity", _("Activity"), "clock", "view_activity", 900),
            ("integrity", "integrity", _("Record integrity"), "shield", "verify_records", 910),
            ("team", "members", _("Team"), "users", "view_members", 920),
            ("settings", "settings", _("Settings"), "gear", "manage", 930),
        ):
            register_nav_item(
                f"organizations.{name}",
                url=f"organizations:{url}",
                label=label,
                icon=icon,
                permission=f"organizations.{permission}",
                order=order,
            )
        from borderpro.common.demo import register_demo_logins, register_seeder
        from borderpro.organizations.demo import DEMO_PASSWORD, demo_logins

        register_seeder("organizations", "borderpro.organizations.demo.seed")
        register_demo_logins(password=DEMO_PASSWORD, users=demo_logins())

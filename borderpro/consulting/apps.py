from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ConsultingConfig(AppConfig):
    name = "borderpro.consulting"
    label = "consulting"
    verbose_name = _("Consulting")

    def ready(self) -> None:
        from borderpro.common.demo import register_seeder
        from borderpro.common.nav import register_nav_item
        from borderpro.consulting import deadlines, portfolio

        register_nav_item(
            "consulting.inbox",
            url="consulting:inbox",
            label=_("Requests"),
            icon="clipboard",
            permission="consulting.view",
            kinds=("consultancy",),
            order=20,
            section="consulting/requests",
        )
        register_nav_item(
            "consulting.engagements",
            url="consulting:engagements",
            label=_("Engagements"),
            icon="folder",
            permission="consulting.view",
            kinds=("consultancy",),
            order=25,
            section="consulting/engagements",
        )
        register_nav_item(
            "consulting.services",
            url="consulting:services",
            label=_("Services and pricing"),
            icon="book",
            permission="consulting.view",
            kinds=("consultancy",),
            order=27,
            section="consulting/services",
        )
        register_nav_item(
            "consulting.bookings",
            url="consulting:bookings",
            label=_("Consultations"),
            icon="clock",
            permission="consulting.view",
            kinds=("consultancy",),
            order=26,
            section="consulting/bookings",
        )
        register_nav_item(
            "consulting.client_consultations",
            url="consulting:client_consultations",
            label=_("Consultations"),
            icon="clock",
            permission="consulting.consultations",
            kinds=("client",),
            order=151,
        )
        register_nav_item(
            "consulting.client_engagements",
            url="consulting:client_engagements",
            label=_("Consulting"),
            icon="users",
            permission="consulting.engagements",
            kinds=("client",),
            order=150,
        )
        register_seeder(
            "consulting", "borderpro.consulting.demo.seed", after=("organizations", "profiles")
        )
        deadlines.register()
        portfolio.register()

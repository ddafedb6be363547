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
        register_seeder(
            "partners.questionnaires",
            "borderpro.partners.demo.seed_questionnaires",
            after=("organizations", "partners", "operations", "profiles", "catalogue"),
        )
        deadlines.register()

        from borderpro.common.records import register_binder_part, register_record_source
        from borderpro.partners import records

        register_record_source(
            records.SOURCE,
            label=_("Business partner files (screenings)"),
            records=records.partner_file_records,
            order=60,
        )
        register_binder_part(
            "partners.register",
            label=_("Business partner register with status"),
            build=records.partner_register_part,
            order=60,
        )

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OperationsConfig(AppConfig):
    name = "borderpro.operations"
    label = "operations"
    verbose_name = _("Field operations")

    def ready(self) -> None:
        from borderpro.common.nav import register_nav_item

        register_nav_item(
            "operations",
            url="operations:overview",
            label=_("Field operations"),
            icon="truck",
            permission="operations.view",
            kinds=("client",),
            order=50,
        )
        register_nav_item(
            "operations.field",
            url="operations:field",
            label=_("Field app"),
            icon="check",
            permission="operations.record",
            kinds=("client",),
            order=60,
        )
        from borderpro.common.dashboard import register_panel
        from borderpro.common.demo import register_seeder
        from borderpro.operations import deadlines
        from borderpro.operations.panels import operations_panel
        from borderpro.organizations.landing import register_landing

        register_panel(
            "operations.summary",
            template="operations/_panel.html",
            context=operations_panel,
            order=30,
        )
        # field staff work from the field app: it is their home after signing in
        register_landing("field_staff", url_name="operations:field")
        register_seeder("operations", "borderpro.operations.demo.seed", after=("organizations",))
        deadlines.register()
        from borderpro.operations import records

        records.register()

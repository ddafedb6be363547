from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OperationsConfig(AppConfig):
    name = "borderpro.operations"
    label = "operations"
    verbose_name = _("Field operations")

    def ready(self) -> None:
        from borderpro.common.dashboard import register_panel
        from borderpro.common.demo import register_seeder
        from borderpro.operations import deadlines
        from borderpro.operations.panels import operations_panel

        register_panel(
            "operations.summary",
            template="operations/_panel.html",
            context=operations_panel,
            order=30,
        )
        register_seeder("operations", "borderpro.operations.demo.seed", after=("organizations",))
        deadlines.register()

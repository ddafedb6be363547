from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DeadlinesConfig(AppConfig):
    name = "borderpro.deadlines"
    label = "deadlines"
    verbose_name = _("Deadlines")

    def ready(self) -> None:
        from borderpro.common.dashboard import register_client_column, register_panel
        from borderpro.common.demo import register_seeder
        from borderpro.common.nav import register_nav_item
        from borderpro.deadlines import evidence
        from borderpro.deadlines.panels import deadlines_panel, next_due_column, overdue_column

        register_nav_item(
            "deadlines",
            url="deadlines:list",
            label=_("Deadlines"),
            icon="alert",
            permission="deadlines.view",
            kinds=("client",),
            order=80,
        )
        register_nav_item(
            "deadlines.portfolio",
            url="deadlines:portfolio",
            label=_("What is due"),
            icon="alert",
            permission="deadlines.portfolio",
            kinds=("consultancy",),
            order=30,
        )
        evidence.register()
        register_panel(
            "deadlines.next", template="deadlines/_panel.html", context=deadlines_panel, order=5
        )
        register_client_column(
            "deadlines.overdue", label=_("Overdue deadlines"), values=overdue_column, order=20
        )
        register_client_column(
            "deadlines.next_due",
            label=_("Next deadline"),
            values=next_due_column,
            order=21,
            numeric=False,
        )
        register_seeder(
            "deadlines",
            "borderpro.deadlines.demo.seed",
            after=("organizations",),
            last=True,  # today's reminders of every module's demo deadlines
        )

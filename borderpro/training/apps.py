from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TrainingConfig(AppConfig):
    name = "borderpro.training"
    label = "training"
    verbose_name = _("Training")

    def ready(self) -> None:
        from borderpro.common.demo import register_seeder
        from borderpro.common.nav import register_nav_item
        from borderpro.common.public import register_public_section
        from borderpro.training import deadlines, records
        from borderpro.training.views.public import seminars_section

        register_nav_item(
            "training",
            url="training:matrix",
            label=_("Training"),
            icon="book",
            permission="training.view",
            kinds=("client",),
            order=95,
        )
        register_nav_item(
            "seminars",
            url="training:seminars",
            label=_("Seminars"),
            icon="users",
            permission="training.seminars_view",
            kinds=("consultancy",),
            order=60,
        )
        register_public_section(
            "training.seminars",
            template="training/public/_seminars.html",
            context=seminars_section,
            order=30,
        )
        register_seeder(
            "training", "borderpro.training.demo.seed", after=("organizations", "people")
        )
        deadlines.register()
        records.register()

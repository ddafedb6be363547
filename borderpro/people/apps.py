from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PeopleConfig(AppConfig):
    name = "borderpro.people"
    label = "people"
    verbose_name = _("People")

    def ready(self) -> None:
        from borderpro.common.nav import register_nav_item

        register_nav_item(
            "people",
            url="people:list",
            label=_("People"),
            icon="id",
            permission="people.view",
            kinds=("client",),
            order=90,
        )
        from borderpro.common.demo import register_seeder

        register_seeder("people", "borderpro.people.demo.seed", after=("organizations",))
        from borderpro.people import deadlines, records

        deadlines.register()
        records.register()

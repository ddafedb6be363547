from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CatalogueConfig(AppConfig):
    name = "borderpro.catalogue"
    label = "catalogue"
    verbose_name = _("Requirements catalogue")

    def ready(self) -> None:
        from borderpro.common.nav import register_nav_item

        register_nav_item(
            "catalogue",
            url="catalogue:index",
            label=_("Requirements"),
            icon="book",
            kinds=("client", "consultancy"),
            order=20,
            section="catalogue/",
        )
        from borderpro.common.demo import register_seeder

        register_seeder("catalogue", "borderpro.catalogue.demo.seed_demo", after=("organizations",))

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CatalogueConfig(AppConfig):
    name = "borderpro.catalogue"
    label = "catalogue"
    verbose_name = _("Requirements catalogue")

    def ready(self) -> None:
        from borderpro.common.demo import register_seeder

        register_seeder("catalogue", "borderpro.catalogue.demo.seed_demo", after=("organizations",))

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReviewsConfig(AppConfig):
    name = "borderpro.reviews"
    label = "reviews"
    verbose_name = _("Reviews and audits")

    def ready(self) -> None:
        from borderpro.common.demo import register_seeder
        from borderpro.common.nav import register_nav_item
        from borderpro.common.records import register_binder_part
        from borderpro.reviews import deadlines
        from borderpro.reviews.binder import latest_review_part

        register_nav_item(
            "reviews",
            url="reviews:list",
            label=_("Reviews and audits"),
            icon="shield",
            permission="reviews.view",
            kinds=("client",),
            order=110,
        )
        register_binder_part(
            "reviews.latest", label=_("Latest review"), build=latest_review_part, order=30
        )
        register_seeder(
            "reviews",
            "borderpro.reviews.demo.seed",
            after=("organizations", "profiles", "operations", "evidence", "risk"),
        )
        deadlines.register()

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

ANSWERS_TITLE = _("Your security profile answers: do they carry over?")
ANSWERS_HELP = _(
    "The requirements this company has started answering in its security profile, "
    "and whether each answer still stands in the newer edition."
)


class ProfilesConfig(AppConfig):
    name = "borderpro.profiles"
    label = "profiles"
    verbose_name = _("Security profile")

    def ready(self) -> None:
        from borderpro.common.nav import register_nav_item

        register_nav_item(
            "profiles",
            url="profiles:home",
            label=_("Security profile"),
            icon="clipboard",
            permission="profiles.view",
            kinds=("client",),
            order=30,
            section="profile/",
        )
        from borderpro.catalogue.answers import register_answer_source
        from borderpro.common.dashboard import register_panel
        from borderpro.common.demo import register_seeder
        from borderpro.profiles.panels import readiness_panel
        from borderpro.profiles.selectors.workspace import answered_refs

        register_panel(
            "profiles.readiness", template="profiles/_panel.html", context=readiness_panel, order=10
        )
        register_seeder(
            "profiles", "borderpro.profiles.demo.seed", after=("organizations", "evidence")
        )
        register_answer_source(
            "profile", refs=answered_refs, title=ANSWERS_TITLE, help=ANSWERS_HELP
        )
        from borderpro.profiles import records

        records.register()

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PoliciesConfig(AppConfig):
    name = "borderpro.policies"
    label = "policies"
    verbose_name = _("Policies and procedures")

    def ready(self) -> None:
        from borderpro.common.demo import register_seeder
        from borderpro.common.nav import register_nav_item
        from borderpro.common.proofs import register_proof_provider
        from borderpro.common.records import register_binder_part, register_record_source
        from borderpro.policies import binder, deadlines
        from borderpro.policies.proofs import policy_proofs

        register_nav_item(
            "policies",
            url="policies:list",
            label=_("Policies"),
            icon="file",
            permission="policies.view",
            kinds=("client",),
            order=105,
        )
        register_nav_item(
            "policies.library",
            url="policies:library",
            label=_("Policy templates"),
            icon="file",
            permission="policies.edit",
            kinds=("consultancy",),
            order=105,
        )
        register_proof_provider("policies", policy_proofs)
        register_record_source(
            "policies.documents",
            label=_("Policies and procedures"),
            records=binder.policy_records,
            order=15,
        )
        register_binder_part(
            "policies.approved",
            label=_("Approved policies and procedures"),
            build=binder.approved_policies,
            order=15,
        )
        register_seeder(
            "policies",
            "borderpro.policies.demo.seed",
            after=("organizations", "profiles", "people"),
        )
        deadlines.register()

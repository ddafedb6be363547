"""Every organization with security-profile data gets its primary security profile (the whole
company, no division), and its responses, readiness points and packages move onto it: nothing
changes for a carrier with one division."""

from typing import Any

from django.db import migrations

from borderpro.common.ids import uuid7

PRIMARY_CODE = "main"


def forwards(apps: Any, schema_editor: Any) -> None:
    SecurityProfile = apps.get_model("profiles", "SecurityProfile")
    owned = [
        apps.get_model("profiles", name) for name in ("Response", "ReadinessPoint", "PackageSnapshot")
    ]
    organization_ids: set[Any] = set()
    for model in owned:
        organization_ids.update(
            model._base_manager.filter(security_profile__isnull=True)
            .values_list("organization_id", flat=True)
            .distinct()
        )
    for organization_id in sorted(organization_ids, key=str):
        profile = SecurityProfile._base_manager.filter(
            organization_id=organization_id, is_primary=True
        ).first()
        if profile is None:
            profile = SecurityProfile._base_manager.create(
                id=uuid7(), organization_id=organization_id, code=PRIMARY_CODE, is_primary=True
            )
        for model in owned:
            model._base_manager.filter(
                organization_id=organization_id, security_profile__isnull=True
            ).update(security_profile=profile)


def backwards(apps: Any, schema_editor: Any) -> None:
    """Going back keeps only the primary profile's rows meaningful; the field is dropped after."""


class Migration(migrations.Migration):
    dependencies = [("profiles", "0002_h4_security_profiles")]

    operations = [migrations.RunPython(forwards, backwards)]

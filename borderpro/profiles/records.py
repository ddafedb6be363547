"""The security profile on the record registry (``common/records.py``): the validation
binder holds the security profile of each pursued framework as its submission PDF."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from borderpro.common.records import BinderFile, register_binder_part


def security_profile_part(
    organization: Any, start: date, end: date, language: str
) -> list[BinderFile]:
    from borderpro.profiles.selectors.workspace import frameworks_pursued
    from borderpro.profiles.services.documents import render_pdf
    from borderpro.profiles.services.package import package_content

    files = []
    for framework in frameworks_pursued(organization):
        content = package_content(organization=organization, framework=framework, language=language)
        files.append(
            BinderFile(
                f"profile/security-profile-{framework.code.lower()}.pdf",
                render_pdf(content, organization=organization),
                _("Security profile — %(framework)s") % {"framework": framework.short_name},
            )
        )
    return files


def register() -> None:
    register_binder_part(
        "profiles.security_profile",
        label=gettext_lazy("Security profile"),
        build=security_profile_part,
        order=10,
    )

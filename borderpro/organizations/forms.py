from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from borderpro.organizations.models import Organization
from borderpro.organizations.roles import Role


class LogoInput(forms.ClearableFileInput):
    """No link to the stored file (it is private); say a logo is on file, offer to remove it."""

    template_name = "organizations/_logo_input.html"


class OrganizationForm(forms.ModelForm):
    class Meta:
        model = Organization
        fields = [
            "name",
            "legal_name",
            "business_type",
            "country",
            "region",
            "city",
            "time_zone",
            "language",
            "logo",
            "require_mfa",
        ]
        widgets = {"logo": LogoInput}

    def clean_logo(self) -> Any:
        """A PNG or JPEG of at most 512 KB, recognised by its content; "" clears it."""
        from borderpro.common.documents.letterhead import MAX_LOGO_BYTES, logo_type

        upload = self.cleaned_data.get("logo")
        if upload is False:
            return ""
        if not upload or not hasattr(upload, "content_type"):
            return upload  # unchanged
        if upload.size > MAX_LOGO_BYTES:
            raise forms.ValidationError(_("The logo is larger than 512 KB."))
        head = upload.read(16)
        upload.seek(0)
        if not logo_type(head):
            raise forms.ValidationError(_("The logo must be a PNG or JPEG image."))
        return upload


class OrganizationCreateForm(forms.ModelForm):
    class Meta:
        model = Organization
        fields = [
            "name",
            "kind",
            "business_type",
            "country",
            "region",
            "city",
            "time_zone",
            "language",
        ]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("kind") == Organization.Kind.CLIENT and not data.get("business_type"):
            self.add_error("business_type", _("Choose the company's line of business."))
        return data


class ClientForm(forms.ModelForm):
    class Meta:
        model = Organization
        fields = [
            "name",
            "legal_name",
            "business_type",
            "country",
            "region",
            "city",
            "time_zone",
            "language",
        ]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["business_type"].required = True


class InviteForm(forms.Form):
    email = forms.EmailField(label=_("Email"))
    role = forms.ChoiceField(label=_("Role"))

    def __init__(self, *args: Any, roles: tuple[Role, ...], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["role"].choices = [(r.value, r.label) for r in roles]  # type: ignore[attr-defined]
        self.fields["role"].initial = (
            Role.CONSULTANT if Role.CONSULTANT in roles else Role.CONTRIBUTOR
        )


class RoleForm(forms.Form):
    role = forms.ChoiceField(label=_("Role"))

    def __init__(self, *args: Any, roles: tuple[Role, ...], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["role"].choices = [(r.value, r.label) for r in roles]  # type: ignore[attr-defined]

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from borderpro.accounts.models import User


class ProfileForm(forms.ModelForm):
    class Meta:
        model = User
        fields = ["full_name", "language"]


class ApiTokenForm(forms.Form):
    name = forms.CharField(
        label=_("Name"),
        max_length=100,
        help_text=_("What the token is for, e.g. “Telematics sync”."),
    )
    organization = forms.ChoiceField(label=_("Organization"))
    read_only = forms.BooleanField(
        label=_("Read-only"),
        required=False,
        help_text=_("The token can read but never change anything."),
    )

    def __init__(self, *args: Any, organizations: list, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        choices = [(org.code, org.name) for org, _role in organizations]
        self.fields["organization"].choices = choices  # type: ignore[attr-defined]

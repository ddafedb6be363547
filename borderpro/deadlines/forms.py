"""Forms of the reminder settings and preferences."""

from __future__ import annotations

from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from borderpro.deadlines.models import Frequency
from borderpro.deadlines.services import parse_stages


class StagesForm(forms.Form):
    kind = forms.CharField(widget=forms.HiddenInput)
    stages = forms.CharField(
        label=_("Days before the due date"),
        required=False,
        max_length=60,
        help_text=_("Numbers of days, separated by commas, e.g. 90, 60, 30, 7."),
    )
    overdue = forms.BooleanField(label=_("Remind when overdue"), required=False)

    def __init__(self, *args: Any, kinds: list[str], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.kinds = kinds

    def clean_kind(self) -> str:
        value = self.cleaned_data["kind"]
        if value not in self.kinds:
            raise ValidationError(_("Unknown kind of deadline."))
        return str(value)

    def clean_stages(self) -> list[int]:
        return parse_stages(self.cleaned_data.get("stages") or "")


class PreferenceForm(forms.Form):
    frequency = forms.ChoiceField(
        label=_("How do you want reminder emails?"),
        choices=Frequency.choices,
        widget=forms.RadioSelect,
    )
    muted = forms.MultipleChoiceField(
        label=_("No email about"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Reminders of these kinds still appear under the bell, without an email."),
    )

    def __init__(self, *args: Any, kind_choices: list[tuple[str, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["muted"].choices = kind_choices  # type: ignore[attr-defined]

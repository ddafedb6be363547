"""Forms for employees and driver cards."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from borderpro.people.models import DriverCard, Employee, IssuedItem, Screening


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, attrs: Any = None) -> None:
        super().__init__(attrs, format="%Y-%m-%d")


class EmployeeForm(forms.ModelForm):
    class Meta:
        model = Employee
        fields = [
            "full_name",
            "role",
            "site",
            "language",
            "email",
            "phone",
            "hired_on",
            "terminated_on",
            "licence_number",
            "licence_expires_on",
            "conduct_acknowledged_on",
            "active",
        ]
        widgets = {
            "hired_on": DateInput,
            "terminated_on": DateInput,
            "licence_expires_on": DateInput,
            "conduct_acknowledged_on": DateInput,
        }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["language"].required = False  # English unless said otherwise

    def clean_language(self) -> str:
        return self.cleaned_data.get("language") or Employee.Language.EN


class CardForm(forms.ModelForm):
    class Meta:
        model = DriverCard
        fields = ["kind", "number", "issued_on", "expires_on"]
        widgets = {"issued_on": DateInput, "expires_on": DateInput}


class ScreeningForm(forms.ModelForm):
    class Meta:
        model = Screening
        fields = ["kind", "checked_on", "outcome", "recheck_months", "note"]
        widgets = {"checked_on": DateInput}


class ItemForm(forms.ModelForm):
    class Meta:
        model = IssuedItem
        fields = ["kind", "label", "issued_on"]
        widgets = {"issued_on": DateInput}


class ImportUploadForm(forms.Form):
    file = forms.FileField(label=_("File (CSV or XLSX)"))

"""Forms for employees and driver cards."""

from __future__ import annotations

from typing import Any

from django import forms

from borderpro.people.models import DriverCard, Employee


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, attrs: Any = None) -> None:
        super().__init__(attrs, format="%Y-%m-%d")


class EmployeeForm(forms.ModelForm):
    class Meta:
        model = Employee
        fields = ["full_name", "role", "active"]


class CardForm(forms.ModelForm):
    class Meta:
        model = DriverCard
        fields = ["kind", "number", "issued_on", "expires_on"]
        widgets = {"issued_on": DateInput, "expires_on": DateInput}

"""Forms for memberships, declarations and what-if questions."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from borderpro.common.daterange import SaneDateFormField
from borderpro.programs.models import DECLARATION_FIELDS, Declarations, Membership, Status
from borderpro.programs.services import MEMBERSHIP_FIELDS


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, attrs: Any = None) -> None:
        super().__init__(attrs, format="%Y-%m-%d")


TRI_STATE = [("", _("Not declared")), ("true", _("Yes")), ("false", _("No"))]


class TriStateField(forms.NullBooleanField):
    widget = forms.Select(choices=TRI_STATE)


class MembershipForm(forms.ModelForm):
    class Meta:
        model = Membership
        fields = list(MEMBERSHIP_FIELDS)
        widgets = {
            **{
                name: DateInput
                for name in MEMBERSHIP_FIELDS
                if name.endswith(("_on", "_due", "_sign_in"))
            },
            "notes": forms.Textarea(attrs={"rows": 3}),
        }


class DeclarationsForm(forms.ModelForm):
    class Meta:
        model = Declarations
        fields = list(DECLARATION_FIELDS)
        widgets = {"last_cross_border_movement": DateInput}
        field_classes = {
            name: TriStateField
            for name in DECLARATION_FIELDS
            if name != "last_cross_border_movement"
        }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for name in DECLARATION_FIELDS:
            if name != "last_cross_border_movement":
                self.fields[name].widget = forms.Select(choices=TRI_STATE)


AS_RECORDED = [("", _("As recorded")), ("true", _("Yes")), ("false", _("No"))]
STATUS_CHOICES = [("", _("As recorded")), *[(s.value, s.label) for s in Status]]
WHAT_IF_FACTS = (
    ("cbsa_bonded", _("Bonded CBSA carrier code")),
    ("carm_registered", _("Registered in the CARM Client Portal")),
    ("msr_compliant", _("Every PIP Minimum Security Requirement met")),
    ("company_officer_designated", _("Company officer designated")),
    ("crown_debt", _("Unresolved debt to the Crown")),
    ("undischarged_bankruptcy", _("Undischarged bankruptcy")),
    ("unpardoned_convictions", _("Convictions without a record suspension")),
    ("foreign_convictions", _("Foreign convictions")),
    ("significant_contraventions", _("Significant customs contraventions")),
    ("shipment_tracking", _("Every shipment can be located at any time")),
    ("pre_arrival_data", _("Pre-arrival cargo data transmitted")),
)


class WhatIfForm(forms.Form):
    as_of = SaneDateFormField(
        label=_("Evaluation date"),
        required=False,
        widget=DateInput,
        help_text=_("Rules in force on this date apply. Empty: today."),
    )
    driver = forms.ChoiceField(label=_("Driver"), required=False)
    crossing_date = SaneDateFormField(label=_("Crossing date"), required=False, widget=DateInput)
    direction = forms.ChoiceField(
        label=_("Direction"),
        required=False,
        choices=[
            ("", _("No crossing")),
            ("into_canada", _("Into Canada")),
            ("into_us", _("Into the United States")),
        ],
    )
    port_code = forms.RegexField(
        label=_("Port of entry (office code)"),
        regex=r"^\d{4}$",
        required=False,
        max_length=4,
        error_messages={"invalid": _("Use the four-digit CBSA office code, e.g. 0440.")},
    )
    importer_pip = forms.NullBooleanField(
        label=_("Importer is a PIP member"),
        required=False,
        widget=forms.Select(choices=[("", _("Unknown")), ("true", _("Yes")), ("false", _("No"))]),
    )
    importer_ctpat = forms.NullBooleanField(
        label=_("Importer is C-TPAT certified"),
        required=False,
        widget=forms.Select(choices=[("", _("Unknown")), ("true", _("Yes")), ("false", _("No"))]),
    )
    fast_goods = forms.NullBooleanField(
        label=_("Goods are eligible for FAST"),
        required=False,
        widget=forms.Select(choices=[("", _("Unknown")), ("true", _("Yes")), ("false", _("No"))]),
    )
    pip_status = forms.ChoiceField(
        label=_("PIP membership"), required=False, choices=STATUS_CHOICES
    )
    ctpat_status = forms.ChoiceField(
        label=_("C-TPAT membership"), required=False, choices=STATUS_CHOICES
    )

    def __init__(self, *args: Any, drivers: list[tuple[str, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        driver_field = self.fields["driver"]
        assert isinstance(driver_field, forms.ChoiceField)
        driver_field.choices = [("", _("No driver")), *drivers]
        for name, label in WHAT_IF_FACTS:
            self.fields[f"fact_{name}"] = forms.NullBooleanField(
                label=label, required=False, widget=forms.Select(choices=AS_RECORDED)
            )

    @property
    def fact_fields(self) -> list[Any]:
        return [self[f"fact_{name}"] for name, _label in WHAT_IF_FACTS]

    def overrides(self, driver_facts: dict[str, Any] | None) -> dict[str, Any]:
        """The facts laid over the carrier's own, from what the user chose."""
        data = self.cleaned_data
        out: dict[str, Any] = {}
        organization = {
            name: data[f"fact_{name}"]
            for name, _l in WHAT_IF_FACTS
            if data.get(f"fact_{name}") is not None
        }
        if organization:
            out["organization"] = organization
        memberships = {}
        for key, program in (("pip_status", "PIP"), ("ctpat_status", "CTPAT")):
            if data.get(key):
                entry: dict[str, Any] = {"status": data[key]}
                memberships[program] = entry
        if memberships:
            out["memberships"] = memberships
        if data.get("direction"):
            out["crossing"] = {
                "direction": data["direction"],
                "port_code": data.get("port_code") or None,
                "date": data.get("crossing_date"),
                "fast_eligible_goods": data.get("fast_goods"),
            }
            out["importer"] = {"pip": data.get("importer_pip"), "ctpat": data.get("importer_ctpat")}
            out["driver"] = driver_facts or {}
        return out

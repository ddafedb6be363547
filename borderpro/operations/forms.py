from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from borderpro.evidence.models import EvidenceFile
from borderpro.operations.models import IncidentEvent, Recipient, SealLot, Unit
from borderpro.operations.services import UNIT_FIELDS


class DateInput(forms.DateInput):
    input_type = "date"


class DateTimeInput(forms.DateTimeInput):
    input_type = "datetime-local"


class UnitForm(forms.ModelForm):
    class Meta:
        model = Unit
        fields = list(UNIT_FIELDS)

    def clean_vin(self) -> str:
        vin = (self.cleaned_data.get("vin") or "").strip().upper()
        if vin and (len(vin) != 17 or any(c in "IOQ" for c in vin) or not vin.isalnum()):
            raise forms.ValidationError(_("A VIN has 17 letters and digits, without I, O or Q."))
        return vin

    def clean_plate_jurisdiction(self) -> str:
        return (self.cleaned_data.get("plate_jurisdiction") or "").strip().upper()

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("kind") == Unit.Kind.TRACTOR and data.get("body_type"):
            self.add_error("body_type", _("A tractor has no body type; leave it empty."))
        return data


class SealLotForm(forms.ModelForm):
    certificate: Any = forms.ModelChoiceField(
        queryset=None, required=False, label=_("ISO 17712 certificate")
    )

    class Meta:
        model = SealLot
        fields = [
            "manufacturer",
            "iso_class",
            "prefix",
            "first_number",
            "last_number",
            "digits",
            "received_on",
            "storage_location",
            "certificate",
        ]
        widgets = {"received_on": DateInput}

    def __init__(self, *args: Any, organization: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        certificate: Any = self.fields["certificate"]
        certificate.queryset = EvidenceFile.objects.filter(
            organization=organization, archived_at__isnull=True
        ).order_by("title")
        self.fields["certificate"].help_text = _(
            "The ISO 17712 class H certificate, from the evidence vault."
        )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        first, last = data.get("first_number"), data.get("last_number")
        if first is not None and last is not None and last < first:
            self.add_error("last_number", _("The last number is before the first number."))
        return data


class IncidentEventForm(forms.Form):
    kind = forms.ChoiceField(
        label=_("Add to the file"),
        choices=[c for c in IncidentEvent.Kind.choices if c[0] != "reported"],
    )
    occurred_at = forms.DateTimeField(
        label=_("When"), required=False, widget=DateTimeInput, help_text=_("Leave empty for now.")
    )
    recipient = forms.ChoiceField(
        label=_("Recipient"), required=False, choices=[("", "—"), *Recipient.choices]
    )
    contact = forms.CharField(
        label=_("Contact (name, office, phone or e-mail)"), required=False, max_length=200
    )
    before_border = forms.NullBooleanField(
        label=_("Before the conveyance crossed the border?"),
        required=False,
        widget=forms.Select(
            choices=[("unknown", _("Not applicable")), ("true", _("Yes")), ("false", _("No"))]
        ),
    )
    text = forms.CharField(
        label=_("Details"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    due_on = forms.DateField(label=_("Due (corrective action)"), required=False, widget=DateInput)

"""Forms for partners, certifications, status checks and screenings."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from borderpro.evidence.models import EvidenceFile
from borderpro.partners.models import Certification, Partner, Screening


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, attrs: Any = None) -> None:
        super().__init__(attrs, format="%Y-%m-%d")


class PartnerForm(forms.ModelForm):
    class Meta:
        model = Partner
        fields = [
            "name",
            "kind",
            "country",
            "services",
            "contact_name",
            "contact_email",
            "contact_phone",
            "written_contract_on",
            "active",
        ]
        widgets = {"written_contract_on": DateInput}


class CertificationForm(forms.ModelForm):
    evidence: Any = forms.ModelChoiceField(queryset=None, required=False, label=_("Proof"))

    class Meta:
        model = Certification
        fields = ["program", "number", "verified_on", "valid_until", "evidence"]
        widgets = {"verified_on": DateInput, "valid_until": DateInput}

    def __init__(self, *args: Any, organization: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        evidence: Any = self.fields["evidence"]
        evidence.queryset = EvidenceFile.objects.filter(
            organization=organization, archived_at__isnull=True
        ).order_by("title")
        evidence.help_text = _("The certificate or status page, from the evidence vault.")

    def _post_clean(self) -> None:
        # The service validates with the partner attached; nothing to check half-built here.
        pass


class StatusCheckForm(forms.ModelForm):
    class Meta:
        model = Certification
        fields = ["verified_on", "valid_until"]
        widgets = {"verified_on": DateInput, "valid_until": DateInput}

    def _post_clean(self) -> None:
        pass


class ScreeningForm(forms.ModelForm):
    class Meta:
        model = Screening
        fields = ["screened_on", "outcome", "notes"]
        widgets = {"screened_on": DateInput, "notes": forms.Textarea(attrs={"rows": 3})}

    def _post_clean(self) -> None:
        pass

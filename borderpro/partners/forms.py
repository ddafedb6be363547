"""Forms for partners, certifications, status checks and screenings."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from borderpro.evidence.models import EvidenceFile
from borderpro.partners.models import (
    Certification,
    Partner,
    Question,
    QuestionSet,
    Screening,
)


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
            "code",
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


class QuestionSetForm(forms.ModelForm):
    class Meta:
        model = QuestionSet
        fields = ["name", "partner_kind", "active"]

    def _post_clean(self) -> None:
        pass


class QuestionForm(forms.ModelForm):
    class Meta:
        model = Question
        fields = ["text_en", "text_fr", "topic", "asks_for_file", "position"]
        widgets = {
            "text_en": forms.Textarea(attrs={"rows": 3}),
            "text_fr": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["position"].required = False

    def _post_clean(self) -> None:
        pass


LANGUAGES = [("en", _("English")), ("fr", _("French"))]


class SendForm(forms.Form):
    question_set: Any = forms.ModelChoiceField(queryset=None, label=_("Question set"))
    days = forms.IntegerField(
        label=_("Link valid for (days)"), min_value=1, max_value=90, initial=30
    )
    language = forms.ChoiceField(label=_("Email language"), choices=LANGUAGES, initial="en")

    def __init__(self, *args: Any, organization: Any, partner: Partner, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field: Any = self.fields["question_set"]
        field.queryset = QuestionSet.objects.filter(organization=organization, active=True)
        suggested = field.queryset.filter(partner_kind=partner.kind).first()
        if suggested is not None:
            field.initial = suggested.pk


class ReviewForm(forms.Form):
    outcome = forms.ChoiceField(label=_("Outcome"), choices=Partner.Outcome.choices)
    notes = forms.CharField(
        label=_("Conditions or corrective actions"),
        required=False,
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Required unless the partner is approved."),
    )


class LibraryAnswerForm(forms.Form):
    requirement = forms.CharField(
        label=_("Requirement"),
        max_length=80,
        help_text=_("Its reference in the catalogue, e.g. CTPAT-HC-3.1 or PIP-2.4."),
    )
    answer = forms.CharField(
        label=_("Answer"), max_length=20000, widget=forms.Textarea(attrs={"rows": 4})
    )


class SummaryForm(forms.Form):
    format = forms.ChoiceField(
        label=_("Format"), choices=[("pdf", "PDF"), ("xlsx", _("Spreadsheet (XLSX)"))]
    )
    language = forms.ChoiceField(label=_("Language"), choices=LANGUAGES)

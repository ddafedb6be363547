"""Forms of reviews; services do the validation that needs the database."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from borderpro.catalogue.models import Requirement
from borderpro.common.daterange import validate_sane_date
from borderpro.common.forms import PlainSelect
from borderpro.evidence.models import EvidenceFile
from borderpro.reviews.models import (
    AnnualUpdateSignoff,
    ChecklistItem,
    CorrectiveAction,
    Finding,
    Review,
)


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, attrs: Any = None) -> None:
        super().__init__(attrs, format="%Y-%m-%d")


def _evidence_field(
    organization: Any, label: Any, required: bool = False
) -> forms.ModelChoiceField:
    return forms.ModelChoiceField(
        label=label,
        required=required,
        queryset=EvidenceFile.objects.filter(
            organization=organization, archived_at__isnull=True, origin="document"
        ).order_by("title"),
        empty_label=_("— none —"),
        widget=PlainSelect,  # the whole evidence vault
    )


class ReviewForm(forms.ModelForm):
    class Meta:
        model = Review
        fields = [
            "kind",
            "title",
            "period_start",
            "period_end",
            "scope",
            "participants",
            "partner_name",
            "agency",
            "agency_report_on",
            "sample_size",
        ]
        widgets = {
            "period_start": DateInput,
            "period_end": DateInput,
            "agency_report_on": DateInput,
            "scope": forms.Textarea(attrs={"rows": 3}),
            "participants": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for name in ("period_start", "period_end", "agency_report_on"):
            if name in self.fields:
                self.fields[name].validators.append(validate_sane_date)


class EditForm(ReviewForm):
    class Meta(ReviewForm.Meta):
        fields = [
            "title",
            "scope",
            "participants",
            "partner_name",
            "agency",
            "agency_report_on",
        ]


class ItemForm(forms.Form):
    result = forms.ChoiceField(label=_("Result"), choices=ChecklistItem.Result.choices)
    notes = forms.CharField(
        label=_("Notes"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )

    def __init__(self, *args: Any, organization: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["evidence"] = _evidence_field(organization, _("Evidence"))


class FindingForm(forms.Form):
    # no default: a finding left at the first choice would be recorded as critical
    severity = forms.ChoiceField(
        label=_("Severity"), choices=[("", _("— choose —")), *Finding.Severity.choices]
    )
    origin = forms.ChoiceField(
        label=_("Raised by"), choices=Finding.Origin.choices, initial=Finding.Origin.REVIEW
    )
    title = forms.CharField(label=_("Finding"), max_length=300)
    detail = forms.CharField(
        label=_("Detail"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )

    def __init__(self, *args: Any, organization: Any, review: Review, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["item"] = forms.ModelChoiceField(
            label=_("Checklist item"),
            required=False,
            queryset=review.items.exclude(result=ChecklistItem.Result.MET).order_by("position"),
            empty_label=_("— none —"),
            widget=PlainSelect,  # every item not met yet: hundreds while the review runs
        )
        self.fields["requirement"] = forms.ModelChoiceField(
            label=_("Requirement"),
            required=False,
            queryset=Requirement.objects.filter(
                framework=review.framework, retired_at__isnull=True
            ).order_by("position")
            if review.framework_id
            else Requirement.objects.none(),
            empty_label=_("— none —"),
            widget=PlainSelect,  # a framework's ~110 requirements
        )
        self.fields["evidence"] = _evidence_field(organization, _("Evidence"))


class ActionForm(forms.Form):
    title = forms.CharField(label=_("Corrective action"), max_length=300)
    due_on = forms.DateField(label=_("Due"), widget=DateInput, validators=[validate_sane_date])
    agency_deadline = forms.BooleanField(
        label=_("Deadline set by the agency's action plan"), required=False
    )

    def __init__(self, *args: Any, people: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["owner"] = forms.ModelChoiceField(label=_("Owner"), queryset=people)
        self.order_fields(["title", "owner", "due_on", "agency_deadline"])


class ActionStatusForm(forms.Form):
    status = forms.ChoiceField(
        label=_("Status"),
        choices=[
            (c, label)
            for c, label in CorrectiveAction.Status.choices
            if c != CorrectiveAction.Status.VERIFIED
        ],
    )
    completed_on = forms.DateField(
        label=_("Completed"), required=False, widget=DateInput, validators=[validate_sane_date]
    )
    closure_note = forms.CharField(
        label=_("How it was closed"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )

    def __init__(self, *args: Any, organization: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["closure_evidence"] = _evidence_field(organization, _("Evidence of closure"))


class CompleteForm(forms.Form):
    summary = forms.CharField(label=_("Summary"), widget=forms.Textarea(attrs={"rows": 5}))


class SignForm(forms.Form):
    program = forms.ChoiceField(label=_("Program"), choices=AnnualUpdateSignoff.Program.choices)
    signer_name = forms.CharField(label=_("Type your full name"), max_length=200)
    signer_title = forms.CharField(label=_("Title"), max_length=120, required=False)
    password = forms.CharField(label=_("Your password"), widget=forms.PasswordInput)


class BinderForm(forms.Form):
    start = forms.DateField(
        label=_("Period from"), widget=DateInput, validators=[validate_sane_date]
    )
    end = forms.DateField(label=_("Period to"), widget=DateInput, validators=[validate_sane_date])
    language = forms.ChoiceField(
        label=_("Language"), choices=[("en", "English"), ("fr", "Français")]
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("start") and data.get("end") and data["end"] < data["start"]:
            self.add_error("end", _("The period must end on or after the day it starts."))
        return data


class ExportForm(forms.Form):
    language = forms.ChoiceField(choices=[("en", "English"), ("fr", "Français")])
    format = forms.ChoiceField(choices=[("pdf", "PDF"), ("docx", "Word")])

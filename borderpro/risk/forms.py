"""Forms of the five steps; services do the validation that needs the database."""

from __future__ import annotations

import re
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from borderpro.catalogue.models import Requirement
from borderpro.common.forms import PlainSelect
from borderpro.risk import scoring, threats
from borderpro.risk.models import Action, Assessment, Flow, Vulnerability


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, attrs: Any = None) -> None:
        super().__init__(attrs, format="%Y-%m-%d")


class StartForm(forms.Form):
    year = forms.IntegerField(label=_("Year"), min_value=2000, max_value=2100)
    size = forms.TypedChoiceField(
        label=_("Risk matrix"),
        coerce=int,
        choices=[(3, _("3×3 (high, medium, low)")), (5, _("5×5"))],  # noqa: RUF001
        initial=3,
    )


class NextForm(forms.Form):
    trigger = forms.CharField(
        label=_("Reason for an early review"),
        required=False,
        max_length=300,
        help_text=_(
            "Leave empty for the yearly review; name the incident, lane or partner otherwise."
        ),
    )


class RecordForm(forms.ModelForm):
    class Meta:
        model = Assessment
        fields = [
            "assessed_on",
            "period_start",
            "period_end",
            "review_due_on",
            "scope",
            "participants",
            "method",
            "trigger",
        ]
        widgets = {
            "assessed_on": DateInput,
            "period_start": DateInput,
            "period_end": DateInput,
            "review_due_on": DateInput,
            "scope": forms.Textarea(attrs={"rows": 4}),
            "participants": forms.Textarea(attrs={"rows": 4}),
            "method": forms.Textarea(attrs={"rows": 6}),
        }


def parse_matrix(text: str) -> list[list[Any]]:
    """One row per line (lowest threat first), cells separated by spaces or commas; an
    empty cell between commas stays a gap so the matrix check can name it."""
    rows: list[list[Any]] = []
    for line in (text or "").strip().splitlines():
        if not line.strip():
            continue
        parts = line.split(",") if "," in line else re.split(r"\s+", line.strip())
        rows.append([p.strip() or None for p in parts])
    return rows


class MatrixForm(forms.Form):
    matrix = forms.CharField(
        label=_("Risk matrix"),
        widget=forms.Textarea(attrs={"rows": 5, "class": "mono"}),
        help_text=_(
            "One row per threat level, lowest first; in each row one risk level per "
            "vulnerability level, lowest first (0 = lowest). Separate with spaces or commas."
        ),
    )

    def clean_matrix(self) -> list[list[Any]]:
        rows = parse_matrix(self.cleaned_data["matrix"])
        try:
            return scoring.Matrix.from_rows(rows).rows()
        except scoring.MatrixError as exc:
            raise forms.ValidationError(exc.message) from None


class FlowForm(forms.ModelForm):
    class Meta:
        model = Flow
        fields = [
            "name",
            "origin",
            "destination",
            "mode",
            "crossings",
            "stops",
            "partners",
            "cargo",
            "data_flow",
        ]
        widgets = {
            "crossings": forms.Textarea(attrs={"rows": 2}),
            "stops": forms.Textarea(attrs={"rows": 3}),
            "partners": forms.Textarea(attrs={"rows": 3}),
            "data_flow": forms.Textarea(attrs={"rows": 3}),
        }


def level_field(size: int, label: Any) -> forms.TypedChoiceField:
    return forms.TypedChoiceField(label=label, coerce=int, choices=scoring.level_choices(size))


class RatingForm(forms.Form):
    threat = forms.ChoiceField(label=_("Threat"))
    flow: Any = forms.ModelChoiceField(
        label=_("Flow"), queryset=None, required=False, empty_label=_("All flows")
    )
    justification = forms.CharField(
        label=_("Justification"), widget=forms.Textarea(attrs={"rows": 2})
    )

    def __init__(self, *args: Any, assessment: Assessment, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        fields: Any = self.fields
        fields["threat"].choices = [(t.code, t.name) for t in threats.library()]
        fields["flow"].queryset = Flow.objects.filter(
            organization=assessment.organization_id, assessment=assessment
        )
        self.fields["level"] = level_field(assessment.size, _("Rating"))
        self.order_fields(["threat", "flow", "level", "justification"])


class VulnerabilityForm(forms.Form):
    justification = forms.CharField(
        label=_("Justification of the override"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )

    def __init__(self, *args: Any, size: int, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["level"] = level_field(size, _("Rating"))
        self.order_fields(["level", "justification"])


class ActionForm(forms.ModelForm):
    vulnerability: Any = forms.ModelChoiceField(
        label=_("Weakness it addresses"), queryset=None, required=False, widget=PlainSelect
    )

    class Meta:
        model = Action
        fields = [
            "title",
            "owner",
            "due_on",
            "status",
            "progress",
            "completed_on",
            "vulnerability",
            "requirement",
            "threat",
            "detail",
        ]
        widgets = {
            "due_on": DateInput,
            "completed_on": DateInput,
            "detail": forms.Textarea(attrs={"rows": 3}),
            "status": PlainSelect,
            "requirement": PlainSelect,  # a framework's ~110 requirements
        }

    def __init__(self, *args: Any, assessment: Assessment, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        fields: Any = self.fields
        fields["vulnerability"].queryset = Vulnerability.objects.filter(
            organization=assessment.organization_id, assessment=assessment
        ).select_related("category")
        fields["vulnerability"].label_from_instance = lambda v: (
            f"{v.category.code} {v.category.title}"
        )
        fields["requirement"].queryset = (
            Requirement.objects.filter(framework=assessment.framework_id)
            .only("id", "ref", "title_en", "title_fr", "position")
            .order_by("position")
            if assessment.framework_id
            else Requirement.objects.none()
        )
        fields["requirement"].label_from_instance = lambda r: f"{r.ref} {r.title}"
        self.fields["threat"] = forms.ChoiceField(
            label=_("Threat"),
            required=False,
            choices=[("", "—")] + [(t.code, t.name) for t in threats.library()],
            widget=PlainSelect,
        )


class SignForm(forms.Form):
    step = forms.ChoiceField(
        choices=[("submitted", _("Submit for review")), ("approved", _("Approve"))],
        widget=forms.HiddenInput,
    )
    signer_name = forms.CharField(label=_("Type your full name"), max_length=200)
    signer_title = forms.CharField(label=_("Title"), max_length=120, required=False)
    password = forms.CharField(label=_("Your password"), widget=forms.PasswordInput)

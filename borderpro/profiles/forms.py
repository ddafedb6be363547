"""Forms of the security profile workspace."""

from __future__ import annotations

from typing import Any, cast

from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from borderpro.profiles.models import (
    CarrierProfile,
    Division,
    LineOfBusiness,
    Mode,
    PackageSnapshot,
    SafetyCertificate,
    Site,
)
from borderpro.profiles.services.profile import PROFILE_FIELDS

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class ProfileForm(forms.ModelForm):
    version = forms.IntegerField(widget=forms.HiddenInput)
    lines_of_business = forms.MultipleChoiceField(
        label=_("Lines of business"),
        choices=LineOfBusiness.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    modes = forms.MultipleChoiceField(
        label=_("Modes"), choices=Mode.choices, required=False, widget=forms.CheckboxSelectMultiple
    )

    class Meta:
        model = CarrierProfile
        fields = list(PROFILE_FIELDS)
        widgets = {
            "bond_effective_on": DATE,
            "bond_expires_on": DATE,
            "carm_registered_on": DATE,
            "in_business_since": DATE,
            "cross_border_since": DATE,
            "border_crossings": forms.Textarea(attrs={"rows": 3}),
            "lanes": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if not self.is_bound:
            self.initial["version"] = self.instance.version
        for name in (
            "business_number",
            "rm_account",
            "cbsa_carrier_code",
            "scac",
            "usdot_number",
            "mc_number",
            "rfc",
        ):
            field = self.fields[name]
            cast(
                forms.CharField, field
            ).max_length = 40  # accept spaces and dashes; the service normalises
            field.widget.attrs["maxlength"] = "40"
            field.validators = [
                v for v in field.validators if v.__class__.__name__ != "MaxLengthValidator"
            ]
            field.widget.attrs["autocomplete"] = "off"
            field.widget.attrs["spellcheck"] = "false"

    def _post_clean(self) -> None:
        # The service runs full_clean on normalised values; don't validate the raw model here.
        pass


class SiteForm(forms.ModelForm):
    class Meta:
        model = Site
        fields = ["name", "kind", "address", "activity", "hours", "security_features"]
        widgets = {"security_features": forms.Textarea(attrs={"rows": 2})}


class DivisionForm(forms.ModelForm):
    class Meta:
        model = Division
        fields = ["name", "description"]


class SafetyForm(forms.ModelForm):
    class Meta:
        model = SafetyCertificate
        fields = ["jurisdiction", "kind", "number", "rating"]

    def validate_unique(self) -> None:
        pass  # organization is set by the service; the DB constraint still holds


SiteFormSet = forms.modelformset_factory(Site, form=SiteForm, extra=1, can_delete=True)
DivisionFormSet = forms.modelformset_factory(Division, form=DivisionForm, extra=1, can_delete=True)
SafetyFormSet = forms.modelformset_factory(
    SafetyCertificate, form=SafetyForm, extra=1, can_delete=True
)


class ResponseForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput)
    status = forms.ChoiceField(label=_("Status"), choices=[])
    narrative = forms.CharField(
        label=_("How the company meets it"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_(
            "Company-specific: who does what, where, how often, and which record proves it."
        ),
    )
    justification = forms.CharField(
        label=_("Why it does not apply"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    owner = forms.ChoiceField(label=pgettext_lazy("assignee", "Owner"), required=False, choices=[])
    due_on = forms.DateField(label=_("Due"), required=False, widget=DATE)

    def __init__(self, *args: Any, people: list[Any], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        from borderpro.profiles.models import Status

        self.people = {str(p.pk): p for p in people}
        cast(forms.ChoiceField, self.fields["status"]).choices = Status.choices
        cast(forms.ChoiceField, self.fields["owner"]).choices = [("", _("— nobody —"))] + [
            (k, p.display_name) for k, p in self.people.items()
        ]

    def clean_owner(self) -> Any:
        value = self.cleaned_data.get("owner")
        return self.people.get(value) if value else None

    @classmethod
    def initial_for(cls, response: Any) -> dict[str, Any]:
        return {
            "version": response.version,
            "status": response.status,
            "narrative": response.narrative,
            "justification": response.justification,
            "owner": str(response.owner_id) if response.owner_id else "",
            "due_on": response.due_on,
        }


class CommentForm(forms.Form):
    body = forms.CharField(label=_("Comment"), widget=forms.Textarea(attrs={"rows": 3}))


class AssignForm(forms.Form):
    category = forms.UUIDField(widget=forms.HiddenInput)
    owner = forms.ChoiceField(label=pgettext_lazy("assignee", "Owner"), required=False, choices=[])
    due_on = forms.DateField(label=_("Due"), required=False, widget=DATE)

    def __init__(self, *args: Any, people: list[Any], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.people = {str(p.pk): p for p in people}
        cast(forms.ChoiceField, self.fields["owner"]).choices = [("", _("— nobody —"))] + [
            (k, p.display_name) for k, p in self.people.items()
        ]

    def clean_owner(self) -> Any:
        value = self.cleaned_data.get("owner")
        return self.people.get(value) if value else None


class LinkEvidenceForm(forms.Form):
    evidence = forms.ChoiceField(label=_("A file already in the vault"), required=False, choices=[])
    file = forms.FileField(label=_("Or upload a new file"), required=False)
    title = forms.CharField(label=_("Title of the new file"), required=False, max_length=200)

    def __init__(self, *args: Any, choices: list[tuple[str, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        cast(forms.ChoiceField, self.fields["evidence"]).choices = [
            ("", _("— choose a file —")),
            *choices,
        ]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if not data.get("evidence") and not data.get("file"):
            raise forms.ValidationError(_("Choose a file from the vault or upload a new one."))
        return data


class PackageForm(forms.Form):
    framework = forms.ChoiceField(label=_("Framework"), choices=[])
    language = forms.ChoiceField(
        label=_("Language"), choices=[("en", "English"), ("fr", "Français")]
    )
    variant = forms.ChoiceField(
        label=_("Document"),
        choices=PackageSnapshot.Variant.choices,
        initial=PackageSnapshot.Variant.SUBMISSION,
        required=False,
        widget=forms.RadioSelect,
        help_text=_(
            "The submission copy is the company's document. The gap report adds the readiness score and chart, for internal use."
        ),
    )
    unanswered = forms.ChoiceField(
        label=_("Requirements not yet answered"),
        choices=PackageSnapshot.Unanswered.choices,
        initial=PackageSnapshot.Unanswered.OMIT,
        required=False,
        widget=forms.RadioSelect,
    )

    def clean_variant(self) -> str:
        return self.cleaned_data.get("variant") or PackageSnapshot.Variant.SUBMISSION

    def clean_unanswered(self) -> str:
        return self.cleaned_data.get("unanswered") or PackageSnapshot.Unanswered.OMIT

    def __init__(self, *args: Any, frameworks: list[Any], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        cast(forms.ChoiceField, self.fields["framework"]).choices = [
            (f.code, f.label) for f in frameworks
        ]


class SubmissionForm(forms.Form):
    agency = forms.ChoiceField(label=_("Submitted to"), choices=[])
    submitted_on = forms.DateField(label=_("Submitted on"), widget=DATE)
    snapshot = forms.ChoiceField(label=_("Package submitted"), choices=[])
    reference = forms.CharField(label=_("Portal reference"), required=False, max_length=100)
    note = forms.CharField(
        label=_("Note"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )

    def __init__(self, *args: Any, snapshots: list[Any], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        from borderpro.profiles.models import Submission

        self.snapshots = {str(s.pk): s for s in snapshots}
        cast(forms.ChoiceField, self.fields["agency"]).choices = Submission.Agency.choices
        cast(forms.ChoiceField, self.fields["snapshot"]).choices = [
            (k, f"{s.framework.label} · {s}") for k, s in self.snapshots.items()
        ]

    def clean_snapshot(self) -> Any:
        return self.snapshots.get(self.cleaned_data.get("snapshot") or "")


class ImportForm(forms.Form):
    file = forms.FileField(label=_("Spreadsheet (XLSX or CSV)"))

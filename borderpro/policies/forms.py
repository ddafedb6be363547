"""Forms of the policies module."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from borderpro.common.daterange import validate_sane_date
from borderpro.policies.library import ROLES

LANGUAGES = [("en", "English"), ("fr", "Français")]


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, attrs: Any = None) -> None:
        super().__init__(attrs, format="%Y-%m-%d")


class GenerateForm(forms.Form):
    language = forms.ChoiceField(label=_("Language of the documents"), choices=LANGUAGES)
    key = forms.CharField(required=False, widget=forms.HiddenInput)


class EditForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=200)
    body = forms.CharField(
        label=_("Text (Markdown)"),
        widget=forms.Textarea(attrs={"rows": 28, "class": "mono", "spellcheck": "true"}),
        help_text=_("# Heading, ## Sub-heading, - list item, **bold**, | table | rows |."),
        max_length=200_000,
    )
    note = forms.CharField(label=_("What changed"), max_length=300, required=False)


class SignForm(forms.Form):
    step = forms.ChoiceField(
        choices=[("submitted", _("Submit for review")), ("approved", _("Approve"))],
        widget=forms.HiddenInput,
        required=False,
    )
    signer_name = forms.CharField(label=_("Type your full name"), max_length=200)
    signer_title = forms.CharField(label=_("Title"), max_length=120, required=False)
    password = forms.CharField(label=_("Your password"), widget=forms.PasswordInput)


class ReviewForm(forms.Form):
    review_due_on = forms.DateField(
        label=_("Next review due"), widget=DateInput, validators=[validate_sane_date]
    )


class AcknowledgeForm(forms.Form):
    employees: Any = forms.ModelMultipleChoiceField(
        queryset=None, label=_("Employees who read it"), widget=forms.CheckboxSelectMultiple
    )
    acknowledged_on = forms.DateField(
        label=_("Date"), widget=DateInput, validators=[validate_sane_date]
    )

    def __init__(self, *args: Any, employees: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["employees"].queryset = employees  # type: ignore[attr-defined]


class TemplateForm(forms.Form):
    key = forms.SlugField(label=_("Key"), max_length=60, help_text=_("e.g. seal-control"))
    title_en = forms.CharField(label=_("Title (English)"), max_length=200)
    title_fr = forms.CharField(label=_("Title (French)"), max_length=200, required=False)
    body_en = forms.CharField(
        label=_("Text (English)"), widget=forms.Textarea(attrs={"rows": 18}), max_length=200_000
    )
    body_fr = forms.CharField(
        label=_("Text (French)"),
        widget=forms.Textarea(attrs={"rows": 18}),
        max_length=200_000,
        required=False,
    )
    refs = forms.CharField(
        label=_("Requirements it answers"),
        required=False,
        help_text=_("Catalogue references separated by commas, e.g. CTPAT-HC-6.1, PIP-CARGO-01."),
    )
    applies_to = forms.MultipleChoiceField(
        label=_("Roles that acknowledge it"),
        choices=[(r, r) for r in ROLES],
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    offered = forms.BooleanField(label=_("Offered to our clients"), required=False, initial=True)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        from borderpro.people.models import Employee

        self.fields["applies_to"].choices = Employee.Role.choices  # type: ignore[attr-defined]


class ImportForm(forms.Form):
    file = forms.FileField(
        label=_("Template file (.md)"),
        help_text=_("Markdown with YAML front matter, as exported from this page."),
    )

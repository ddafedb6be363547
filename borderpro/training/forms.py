"""Forms for sessions, sign-ins, records, knowledge checks, seminars and public registration."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from borderpro.people.forms import DateInput
from borderpro.people.models import Employee
from borderpro.training.models import Course, Seminar, TrainingSession
from borderpro.training.selectors import courses


class CourseChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        return obj.title


class SessionForm(forms.ModelForm):
    course = CourseChoiceField(queryset=Course.objects.none(), label=_("Course"))

    class Meta:
        model = TrainingSession
        fields = ["course", "held_on", "trainer", "location", "topics"]
        widgets = {"held_on": DateInput, "topics": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["course"].queryset = courses()  # type: ignore[attr-defined]


class SignInForm(forms.Form):
    employee: forms.ModelChoiceField[Employee] = forms.ModelChoiceField(
        queryset=Employee.objects.none(), label=_("Attendee")
    )
    signed_name = forms.CharField(
        label=_("Type your full name to sign"), max_length=200, required=False
    )
    signature = forms.CharField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args: Any, organization: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["employee"].queryset = Employee.objects.filter(  # type: ignore[attr-defined]
            organization=organization, active=True
        ).order_by("full_name")


class RecordForm(forms.Form):
    employee: forms.ModelChoiceField[Employee] = forms.ModelChoiceField(
        queryset=Employee.objects.none(), label=_("Employee")
    )
    course = CourseChoiceField(queryset=Course.objects.none(), label=_("Course"))
    completed_on = forms.DateField(label=_("Completed on"), widget=DateInput)

    def __init__(self, *args: Any, organization: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["employee"].queryset = Employee.objects.filter(  # type: ignore[attr-defined]
            organization=organization
        ).order_by("full_name")
        self.fields["course"].queryset = courses()  # type: ignore[attr-defined]


class SeminarForm(forms.ModelForm):
    course = CourseChoiceField(
        queryset=Course.objects.none(), label=_("Course it covers"), required=False
    )

    class Meta:
        model = Seminar
        fields = [
            "title",
            "description",
            "course",
            "starts_at",
            "duration_minutes",
            "language",
            "online",
            "place",
            "online_url",
            "capacity",
            "price",
            "published",
        ]
        widgets = {
            "starts_at": forms.DateTimeInput(
                attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"
            ),
            "description": forms.Textarea(attrs={"rows": 4}),
        }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["course"].queryset = courses()  # type: ignore[attr-defined]


def registration_consent_wording(consultancy: Any) -> str:
    return str(
        _(
            "I agree that %(name)s keeps these details to manage my registration and may "
            "email me about this seminar. I can withdraw this consent at any time."
        )
        % {"name": consultancy.name}
    )


class RegistrationForm(forms.Form):
    full_name = forms.CharField(label=_("Full name"), max_length=200)
    email = forms.EmailField(
        label=_("Email"),
        error_messages={"invalid": _("Enter an email address like name@company.ca.")},
    )
    company = forms.CharField(label=_("Company"), max_length=200, required=False)
    phone = forms.CharField(label=_("Phone"), max_length=40, required=False)
    consent = forms.BooleanField(
        label=_("I agree to the use of my details"),
        error_messages={
            "required": _("Tick the box to agree: we need your details to register you.")
        },
    )
    # a field people never see (hidden by the stylesheet, skipped by keyboards): bots fill it
    website = forms.CharField(label=_("Leave this field empty"), required=False)

    def __init__(self, *args: Any, consultancy: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["consent"].help_text = registration_consent_wording(consultancy)

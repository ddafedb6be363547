"""Forms of consultations: booking a slot (public page and inside the app), rescheduling,
cancelling, the office's notes and time, and a consultant's weekly window."""

from __future__ import annotations

import zoneinfo
from typing import Any

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from borderpro.consulting.consultations.models import Availability, Booking, Mode
from borderpro.consulting.forms import PublicForm
from borderpro.consulting.models import Engagement

COMMON_ZONES = (
    "America/St_Johns",
    "America/Halifax",
    "America/Toronto",
    "America/Winnipeg",
    "America/Regina",
    "America/Edmonton",
    "America/Vancouver",
    "America/Whitehorse",
    "America/New_York",
    "America/Chicago",
    "America/Denver",
    "America/Los_Angeles",
    "America/Mexico_City",
    "Europe/London",
    "Europe/Paris",
    "UTC",
)


def zone_choices(*extra: str) -> list[tuple[str, str]]:
    names = list(COMMON_ZONES)
    for name in extra:
        if name and name not in names:
            names.append(name)
    return [(name, name.replace("_", " ")) for name in names]


def valid_zone(name: str, default: str) -> str:
    return name if name in zoneinfo.available_timezones() else default


class SlotChoiceMixin:
    """A radio choice of slot keys (the page lists them grouped by day)."""

    def set_slots(self, keys: list[str]) -> None:
        field: Any = self.fields["slot"]  # type: ignore[attr-defined]
        field.choices = [(key, key) for key in keys]


class BookingDetailsForm(SlotChoiceMixin, forms.Form):
    slot = forms.ChoiceField(
        label=_("Time"),
        widget=forms.RadioSelect,
        error_messages={
            "required": _("Choose a time for the consultation."),
            "invalid_choice": _(
                "Sorry, this time was just taken or is no longer offered. Choose another time below."
            ),
        },
    )
    name = forms.CharField(
        label=_("Your name"), max_length=200, error_messages={"required": _("Enter your name.")}
    )
    email = forms.EmailField(
        label=_("Email"),
        error_messages={
            "required": _("Enter your email address: the invitation is sent there."),
            "invalid": _("Enter an email address like name@company.ca."),
        },
    )
    company = forms.CharField(label=_("Company"), max_length=200, required=False)
    topic = forms.CharField(
        label=_("What would you like to discuss?"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"required": _("Tell us in a few words what the consultation is about.")},
    )
    language = forms.ChoiceField(
        label=_("Language of the consultation"), choices=settings.LANGUAGES
    )
    time_zone = forms.CharField(widget=forms.HiddenInput)

    def clean_time_zone(self) -> str:
        return valid_zone(self.cleaned_data.get("time_zone", ""), "America/Toronto")


class PublicBookingForm(PublicForm, BookingDetailsForm):
    """The public form: the booking details, plus consent, honeypot and fill-time stamp."""


class RescheduleForm(SlotChoiceMixin, forms.Form):
    slot = BookingDetailsForm.base_fields["slot"]


class CancelForm(forms.Form):
    reason = forms.CharField(label=_("Reason (optional)"), max_length=500, required=False)


class BookingNotesForm(forms.ModelForm):
    engagement = forms.ModelChoiceField(
        label=_("Engagement"),
        queryset=Engagement._base_manager.none(),
        required=False,
        help_text=_("The engagement whose hours this consultation counts in."),
    )

    class Meta:
        model = Booking
        fields = ["notes", "minutes_spent", "engagement"]
        widgets = {"notes": forms.Textarea(attrs={"rows": 6})}

    def __init__(self, *args: Any, engagements: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field: Any = self.fields["engagement"]
        field.queryset = engagements


class AvailabilityForm(forms.ModelForm):
    languages = forms.MultipleChoiceField(
        label=_("Languages offered"),
        choices=settings.LANGUAGES,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Choose at least one language: English, French or both.")},
    )
    consultant = forms.ChoiceField(label=_("Consultant"))
    time_zone = forms.ChoiceField(label=_("Time zone"))

    class Meta:
        model = Availability
        fields = [
            "consultant",
            "weekday",
            "starts",
            "ends",
            "time_zone",
            "slot_minutes",
            "languages",
            "mode",
            "where",
        ]
        widgets = {
            "starts": forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
            "ends": forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
            "mode": forms.RadioSelect,
        }

    def __init__(self, *args: Any, consultancy: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        from borderpro.consulting.permissions import CONSULTANCY_STAFF
        from borderpro.organizations.selectors import members_of

        self.members = {
            str(m.user_id): m.user for m in members_of(consultancy) if m.role in CONSULTANCY_STAFF
        }
        consultant: Any = self.fields["consultant"]
        consultant.choices = [(k, u.display_name) for k, u in self.members.items()]
        zone: Any = self.fields["time_zone"]
        zone.choices = zone_choices(consultancy.time_zone)
        mode: Any = self.fields["mode"]
        mode.choices = Mode.choices
        if not self.is_bound:
            self.initial.setdefault("time_zone", consultancy.time_zone)
            self.initial.setdefault("languages", ["en", "fr"])

    def clean_consultant(self) -> Any:
        return self.members[self.cleaned_data["consultant"]]

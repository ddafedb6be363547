"""Forms of the public pages (Get a Quote, Ask a Question, accept a quote) and of the office."""

from __future__ import annotations

from datetime import date
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from borderpro.consulting.milestones import event_choices
from borderpro.consulting.models import (
    Engagement,
    Milestone,
    ProspectRequest,
    Quote,
    Service,
    SizingRule,
    TimeEntry,
)
from borderpro.consulting.spam import form_stamp
from borderpro.profiles.models import PROVINCES, LineOfBusiness

PROGRAMS = [
    ("PIP", _("Partners in Protection (PIP)")),
    ("FAST", _("FAST lanes")),
    ("CTPAT", _("C-TPAT")),
    ("LVS", _("Courier Low Value Shipment (LVS)")),
    ("MRA", _("Mutual recognition")),
]


def consent_wording(consultancy: Any) -> str:
    return str(
        _(
            "I agree that %(name)s may contact me by email or telephone about this request "
            "and the services it offers. I can withdraw this consent at any time."
        )
        % {"name": consultancy.name}
    )


class PublicForm(forms.Form):
    """What both public forms share: the consent, the honeypot and the fill-time stamp."""

    consent = forms.BooleanField(
        label=_("I agree to be contacted"),
        error_messages={
            "required": _("Tick the box to agree to be contacted: we cannot answer otherwise.")
        },
    )
    # the honeypot: hidden from people (and from screen readers), filled by bots
    website = forms.CharField(required=False, label=_("Leave this field empty"))
    started = forms.CharField(widget=forms.HiddenInput)

    def __init__(self, *args: Any, consultancy: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # in the page's order (the consent last), so the summary of errors reads the same way
        shared = ["consent", "website", "started"]
        self.order_fields([n for n in self.fields if n not in shared] + shared)
        self.consultancy = consultancy
        self.fields["consent"].help_text = consent_wording(consultancy)
        if not self.is_bound:
            self.initial["started"] = form_stamp()


class QuestionForm(PublicForm):
    contact_name = forms.CharField(label=_("Your name"), max_length=200)
    email = forms.EmailField(
        label=_("Email"),
        error_messages={"invalid": _("Enter an email address like name@company.ca.")},
    )
    phone = forms.CharField(label=_("Telephone"), max_length=40, required=False)
    message = forms.CharField(
        label=_("Your question"),
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 5}),
        error_messages={"required": _("Write your question.")},
    )


class QuoteRequestForm(PublicForm):
    company = forms.CharField(
        label=_("Company"),
        max_length=200,
        error_messages={"required": _("Enter the company's name.")},
    )
    contact_name = forms.CharField(
        label=_("Your name"), max_length=200, error_messages={"required": _("Enter your name.")}
    )
    email = forms.EmailField(
        label=_("Email"),
        error_messages={
            "required": _("Enter your email address: the quote is sent there."),
            "invalid": _("Enter an email address like name@company.ca."),
        },
    )
    phone = forms.CharField(label=_("Telephone"), max_length=40, required=False)
    province = forms.ChoiceField(
        label=_("Province"),
        choices=[("", "—"), *PROVINCES],
        error_messages={"required": _("Choose the province of your head office.")},
    )
    fleet_size = forms.IntegerField(
        label=_("Fleet size (power units)"),
        min_value=0,
        max_value=100_000,
        error_messages={
            "required": _("Enter how many trucks (power units) you run, even roughly."),
            "min_value": _("The fleet size cannot be negative."),
            "max_value": _("The fleet size looks too large; enter the number of power units."),
            "invalid": _("Enter the fleet size as a whole number."),
        },
    )
    sites = forms.IntegerField(
        label=_("Sites (terminals, yards, offices)"),
        min_value=1,
        max_value=1000,
        initial=1,
        error_messages={
            "required": _("Enter how many sites you have (1 if only one)."),
            "min_value": _("Count at least one site."),
            "max_value": _("Enter at most 1,000 sites."),
            "invalid": _("Enter the number of sites as a whole number."),
        },
    )
    employees = forms.IntegerField(
        label=_("Employees"),
        min_value=1,
        max_value=1_000_000,
        required=False,
        error_messages={
            "min_value": _("Count at least one employee."),
            "max_value": _("The number of employees looks too large."),
            "invalid": _("Enter the number of employees as a whole number."),
        },
    )
    lines_of_business = forms.MultipleChoiceField(
        label=_("Lines of business"),
        choices=LineOfBusiness.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    programs = forms.MultipleChoiceField(
        label=_("Programs you are interested in"),
        choices=PROGRAMS,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    services: Any = forms.ModelMultipleChoiceField(
        label=_("Services you need"),
        queryset=Service.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    cross_border_since = forms.IntegerField(
        label=_("Crossing the border since (year)"),
        required=False,
        error_messages={"invalid": _("Enter a year, like 2015.")},
    )
    timeline = forms.ChoiceField(
        label=_("When do you want to start?"),
        choices=[("", "—"), *list(ProspectRequest.Timeline.choices)],
        required=False,
    )
    message = forms.CharField(
        label=_("Anything else we should know"),
        max_length=5000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
    )

    def __init__(self, *args: Any, consultancy: Any, language: str = "en", **kwargs: Any) -> None:
        super().__init__(*args, consultancy=consultancy, **kwargs)
        field: Any = self.fields["services"]
        field.queryset = Service._base_manager.filter(organization=consultancy, active=True)
        field.label_from_instance = lambda s: s.label(language)

    def clean_cross_border_since(self) -> int | None:
        year = self.cleaned_data.get("cross_border_since")
        if year is not None and not 1900 <= year <= date.today().year:
            raise forms.ValidationError(
                _("Enter a year between 1900 and %(year)s.") % {"year": date.today().year}
            )
        return year


class ReplyForm(forms.Form):
    body = forms.CharField(
        label=_("Reply"),
        max_length=10_000,
        widget=forms.Textarea(attrs={"rows": 5}),
        error_messages={"required": _("Write the reply before sending it.")},
    )
    note = forms.BooleanField(label=_("Internal note only (not emailed)"), required=False)


class AssignForm(forms.Form):
    user = forms.ChoiceField(label=_("Consultant"))

    def __init__(self, *args: Any, consultancy: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        from borderpro.organizations.selectors import members_of

        self.members = {str(m.user_id): m.user for m in members_of(consultancy)}
        field: Any = self.fields["user"]
        field.choices = [(k, u.full_name or u.email) for k, u in self.members.items()]


class ServiceForm(forms.ModelForm):
    class Meta:
        model = Service
        fields = [
            "name",
            "name_fr",
            "description",
            "description_fr",
            "pricing",
            "unit_price",
            "currency",
            "default_quantity",
            "milestone_verb",
            "active",
            "order",
        ]
        widgets = {
            "description": forms.Textarea(attrs={"rows": 3}),
            "description_fr": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["milestone_verb"] = forms.ChoiceField(
            label=_("Delivered when"),
            choices=event_choices(),
            required=False,
            help_text=self.fields["milestone_verb"].help_text,
        )


class SizingRuleForm(forms.ModelForm):
    class Meta:
        model = SizingRule
        fields = ["basis", "min_units", "max_units", "amount"]


class QuoteForm(forms.ModelForm):
    class Meta:
        model = Quote
        fields = ["language", "currency", "province", "valid_until", "notes"]
        widgets = {
            "valid_until": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "notes": forms.Textarea(attrs={"rows": 3}),
        }


class AcceptForm(forms.Form):
    name = forms.CharField(
        label=_("Your full name (your signature)"),
        max_length=200,
        error_messages={"required": _("Type your full name to sign.")},
    )
    agree = forms.BooleanField(
        label=_("I accept this quote on behalf of the company"),
        error_messages={"required": _("Tick the box to accept the quote.")},
    )


class TimeForm(forms.ModelForm):
    class Meta:
        model = TimeEntry
        fields = ["worked_on", "hours", "note"]
        widgets = {"worked_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")}


class MilestoneForm(forms.ModelForm):
    class Meta:
        model = Milestone
        fields = ["title", "verb", "due_on"]
        widgets = {"due_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["verb"] = forms.ChoiceField(
            label=_("Reached when"), choices=event_choices(), required=False
        )


class EngagementForm(forms.ModelForm):
    class Meta:
        model = Engagement
        fields = ["title", "status", "renews_on", "hours_estimated"]
        widgets = {"renews_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")}

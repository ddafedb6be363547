from __future__ import annotations

from typing import Any, cast

from django import forms
from django.utils.translation import gettext_lazy as _

from borderpro.catalogue import selectors
from borderpro.catalogue.models import Confidence, Level
from borderpro.catalogue.selectors import RequirementFilters, Visibility

YES_NO = [
    ("", _("Procedure: any")),
    ("yes", _("Written procedure required")),
    ("no", _("No written procedure")),
]


class RequirementFilterForm(forms.Form):
    """Search and filters of the requirement list (and the same rules for the API)."""

    q = forms.CharField(label=_("Search"), required=False, max_length=200)
    framework = forms.ChoiceField(label=_("Framework"), required=False)
    category = forms.ChoiceField(label=_("Category"), required=False)
    level = forms.ChoiceField(
        label=_("Level"), required=False, choices=[("", _("Any level")), *Level.choices]
    )
    confidence = forms.ChoiceField(
        label=_("Confidence"),
        required=False,
        choices=[("", _("Any confidence")), *Confidence.choices],
    )
    procedure = forms.ChoiceField(label=_("Written procedure"), required=False, choices=YES_NO)
    retired = forms.BooleanField(label=_("Retired requirements"), required=False)

    def __init__(self, vis: Visibility, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("auto_id", "%s")
        super().__init__(*args, **kwargs)
        self.vis = vis
        frameworks = list(selectors.frameworks_visible(vis))
        earlier = _("earlier edition")
        cast(forms.ChoiceField, self.fields["framework"]).choices = [
            ("", _("Current editions of every framework"))
        ] + [
            (str(f.pk), f"{f.short_name} {f.edition}" + ("" if f.is_current else f" ({earlier})"))
            for f in frameworks
        ]
        self.selected_framework = selectors.framework_resolve(
            vis, str(self.data.get("framework", ""))
        )
        self.selected_category = selectors.category_resolve(
            vis, str(self.data.get("category", "")), self.selected_framework
        )
        chosen_framework, chosen_category = self.selected_framework, self.selected_category
        if (
            chosen_category
            and chosen_framework
            and chosen_category.framework_id != chosen_framework.pk
        ):
            self.selected_category = None
        # a framework or category named by code shows as chosen in its list
        data = dict(self.data.items())
        for name, chosen in (
            ("framework", self.selected_framework),
            ("category", self.selected_category),
        ):
            if chosen is not None:
                data[name] = str(chosen.pk)
        self.data = data
        cast(forms.ChoiceField, self.fields["category"]).choices = [
            ("", _("Every category")),
            *selectors.category_choices(vis, self.selected_framework),
        ]

    def filters(self, language: str | None = None) -> RequirementFilters:
        self.is_valid()  # a bad value drops only its own filter
        data = self.cleaned_data
        framework, category = self.selected_framework, self.selected_category
        return RequirementFilters(
            q=data.get("q", ""),
            framework=framework,
            category=category,
            level=data.get("level", ""),
            confidence=data.get("confidence", ""),
            procedure={"yes": True, "no": False}.get(data.get("procedure", "")),
            retired=bool(data.get("retired")),
            language=language,
        )

    @property
    def is_filtered(self) -> bool:
        return any(
            self.data.get(k)
            for k in ("q", "framework", "category", "level", "confidence", "procedure", "retired")
        )


class GuidanceNoteForm(forms.Form):
    text = forms.CharField(
        label=_("Guidance for your consultants and clients"),
        max_length=10000,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_(
            "How to meet this requirement in practice: what to ask for, common gaps, good evidence."
        ),
    )


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("widget", MultipleFileInput(attrs={"accept": ".yaml,.yml"}))
        super().__init__(*args, **kwargs)

    def clean(self, data: Any, initial: Any = None) -> Any:
        single = super().clean
        if isinstance(data, list | tuple):
            return [single(d, initial) for d in data]
        return [single(data, initial)]


class FrameworkUploadForm(forms.Form):
    framework_files = MultipleFileField(
        label=_("Framework files (YAML)"),
        help_text=_(
            "One file per framework edition, in the catalogue format. Several files can be "
            "loaded together; if any file has a problem, none is loaded."
        ),
    )

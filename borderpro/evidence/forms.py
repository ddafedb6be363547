from __future__ import annotations

from typing import Any

from django import forms
from django.utils.functional import lazy
from django.utils.translation import gettext_lazy as _

from borderpro.evidence.models import EvidenceFile
from borderpro.evidence.sniffing import ALLOWED_EXTENSIONS


class DateInput(forms.DateInput):
    input_type = "date"


def _accepted_help() -> Any:
    """Translated when shown, not when the module is imported (in whatever language then)."""
    return lazy(
        lambda: (
            str(_("Documents or photos. Accepted: %(types)s."))
            % {"types": ", ".join(ALLOWED_EXTENSIONS)}
        ),
        str,
    )()


class EvidenceUploadForm(forms.Form):
    file = forms.FileField(
        label=_("File"),
        help_text=_accepted_help(),
        widget=forms.ClearableFileInput(
            attrs={"accept": ",".join("." + e for e in ALLOWED_EXTENSIONS)}
        ),
    )
    title = forms.CharField(
        label=_("Title"),
        max_length=200,
        required=False,
        help_text=_("Leave empty to use the file name."),
    )
    proves = forms.CharField(
        label=_("What it proves"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    document_date = forms.DateField(label=_("Document date"), required=False, widget=DateInput)
    expires_on = forms.DateField(label=_("Expires on"), required=False, widget=DateInput)
    description = forms.CharField(
        label=_("Description"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )

    def clean(self) -> dict:
        data = super().clean() or {}
        doc, exp = data.get("document_date"), data.get("expires_on")
        if doc and exp and exp < doc:
            self.add_error("expires_on", _("The expiry date is before the document date."))
        return data


class EvidenceEditForm(forms.ModelForm):
    class Meta:
        model = EvidenceFile
        fields = ["title", "proves", "document_date", "expires_on", "description"]
        widgets = {
            "document_date": DateInput,
            "expires_on": DateInput,
            "proves": forms.Textarea(attrs={"rows": 2}),
            "description": forms.Textarea(attrs={"rows": 3}),
        }

    def clean(self) -> dict:
        data = super().clean() or {}
        doc, exp = data.get("document_date"), data.get("expires_on")
        if doc and exp and exp < doc:
            self.add_error("expires_on", _("The expiry date is before the document date."))
        return data

from __future__ import annotations

import html
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.forms.utils import ErrorDict, flatatt
from django.http import HttpResponse, HttpResponseRedirect
from django.utils.html import format_html
from django.utils.safestring import SafeData, SafeString


def apply_validation_error(form: forms.BaseForm, exc: ValidationError) -> None:
    """Show a service's ValidationError on the form, field by field: one message per field.

    ``full_clean`` runs every validator of a field, so one fault can come back twice (a
    6-character carrier code breaks both the identifier rule and the column's length); the
    first message is the specific one (a field's own validators run before its length).
    """
    if hasattr(exc, "error_dict"):
        for field, errors in exc.error_dict.items():
            target = field if field in form.fields else None
            if target is not None:
                if form.errors.get(target):
                    continue
                errors = errors[:1]
            for error in errors:
                form.add_error(target, error)
    else:
        for message in exc.messages:
            form.add_error(None, message)


# --- Refused posts go back to their page (post/redirect/get) -----------------------------
# A form that posts to an action address of its own (``…/link/``, ``…/comment/``) is refused
# by redirecting back to the page it sits on, with its errors and what was typed (never the
# file) kept in the session for that page's next GET. The browser never rests on an address
# that only answers POST, and a refresh shows the page again instead of resending.

REFUSED_KEY = "refused-forms"


def form_refuse(request: Any, form: forms.BaseForm, *, key: str, to: str) -> HttpResponse:
    """Keep ``form``'s errors and text under ``key`` and send the browser back to ``to``."""
    data = {
        name: form.data.getlist(name) if hasattr(form.data, "getlist") else [form.data[name]]
        for name in form.data
        if name != "csrfmiddlewaretoken"
    }
    errors = {field: [str(e) for e in errs] for field, errs in form.errors.items()}
    stash = request.session.get(REFUSED_KEY, {})
    stash[key] = {"data": data, "errors": errors}
    request.session[REFUSED_KEY] = stash
    return HttpResponseRedirect(to, status=303)


def form_restore(request: Any, form: forms.BaseForm, *, key: str) -> forms.BaseForm:
    """Show the refused form of ``key`` once: its text as initial values, its errors marked."""
    stash = request.session.get(REFUSED_KEY) or {}
    refused = stash.pop(key, None)
    if refused is None:
        return form
    request.session[REFUSED_KEY] = stash
    for name, field in form.fields.items():
        values = refused["data"].get(form.add_prefix(name))  # posted as "f-title" if prefixed
        if values is not None:
            multiple = isinstance(field, forms.MultipleChoiceField)
            form.initial[name] = values if multiple else (values[0] if values else "")
    form.cleaned_data = {}
    form._errors = ErrorDict()  # type: ignore[attr-defined]
    for field, messages in refused["errors"].items():
        for message in messages:
            form.add_error(field if field in form.fields else None, message)
    return form


# --- Long select lists ---------------------------------------------------------------------
class PlainSelect(forms.Select):
    """A ``<select>`` written in Python: the same HTML as Django's template widget, without a
    template include per ``<option>`` (about 0.1 ms each: a list of a framework's ~110
    requirements cost ~10 ms a render). Use it for any select of more than a few options."""

    def render(
        self, name: str, value: Any, attrs: dict[str, Any] | None = None, renderer: Any = None
    ) -> SafeString:
        widget = self.get_context(name, value, attrs)["widget"]
        parts: list[str] = [
            format_html('<select name="{}"{}>', widget["name"], flatatt(widget["attrs"]))
        ]
        for group, options, _index in widget["optgroups"]:
            if group:
                parts.append(format_html('<optgroup label="{}">', group))
            for option in options:
                extra = option["attrs"]
                flat = (
                    ""
                    if not extra
                    else " selected"
                    if extra == {"selected": True}
                    else str(flatatt(extra))
                )
                value = "" if option["value"] is None else str(option["value"])
                parts.append(
                    f'<option value="{_escape(value)}"{flat}>{_escape(option["label"])}</option>'
                )
            if group:
                parts.append("</optgroup>")
        parts.append("</select>")
        return SafeString("".join(parts))


def _escape(text: Any) -> str:
    """What a template does with a value: ``html.escape`` (as Django's ``escape``) unless it
    is already safe HTML."""
    if isinstance(text, SafeData):
        return str(text)
    return html.escape(str(text), quote=True)

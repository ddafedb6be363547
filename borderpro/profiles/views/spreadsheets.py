"""Gap register export (XLSX/CSV) and response import with a preview."""

from __future__ import annotations

import secrets

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import get_language, pgettext
from django.utils.translation import gettext as _

from borderpro.common.forms import apply_validation_error
from borderpro.organizations.tenancy import org_view
from borderpro.profiles.forms import ImportForm
from borderpro.profiles.selectors.people import people
from borderpro.profiles.services.spreadsheets import (
    gap_register_csv,
    gap_register_xlsx,
    import_apply,
    import_preview,
    parse_upload,
)
from borderpro.profiles.views.common import no_framework, setting, workspace_of

SESSION_KEY = "profiles_import"
MAX_BYTES = 5 * 1024 * 1024


@org_view("profiles.view", kinds=("client",))
def gaps_export(request: HttpRequest) -> HttpResponse:
    ctx = setting(request)
    if ctx["framework"] is None:
        return no_framework(request)
    org, framework = ctx["org"], ctx["framework"]
    ws = workspace_of(ctx)
    language = get_language() or org.language
    name = f"gaps-{org.code}-{framework.code.lower()}-{ctx['today'].isoformat()}"
    if request.GET.get("format") == "csv":
        response = HttpResponse(
            gap_register_csv(ws, language=language), content_type="text/csv; charset=utf-8"
        )
        response["Content-Disposition"] = f'attachment; filename="{name}.csv"'
    else:
        response = HttpResponse(
            gap_register_xlsx(ws, language=language, title=framework.code),
            content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        )
        response["Content-Disposition"] = f'attachment; filename="{name}.xlsx"'
    return response


@org_view("profiles.edit", kinds=("client",))
def responses_import(request: HttpRequest) -> HttpResponse:
    """Step 1: upload and preview (nothing saved). Step 2: confirm (only then are rows applied)."""
    ctx = setting(request)
    if ctx["framework"] is None:
        return no_framework(request)
    org, framework = ctx["org"], ctx["framework"]
    team = people(org)
    form = ImportForm(request.POST or None, request.FILES or None)
    preview = None
    token = ""
    if request.method == "POST" and request.POST.get("confirm"):
        stored = request.session.get(SESSION_KEY) or {}
        if (
            stored.get("token") != request.POST.get("confirm")
            or stored.get("framework") != framework.code
        ):
            messages.error(request, _("This preview has expired. Upload the file again."))
            return redirect(f"{request.path}?framework={framework.code}")
        applied, refused = import_apply(
            actor=request.user, organization=org, preview=stored["rows"], people=team
        )
        request.session.pop(SESSION_KEY, None)
        messages.success(request, _("%(count)s responses were updated.") % {"count": applied})
        for line in refused:
            messages.warning(request, line)
        return redirect(f"/o/{org.code}/profile/requirements/?framework={framework.code}")
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            if upload.size > MAX_BYTES:
                raise ValidationError({"file": _("The file is larger than 5 MB.")})
            rows = parse_upload(upload.name or "", upload.read())
        except ValidationError as exc:
            apply_validation_error(form, exc)
        else:
            ws = workspace_of(ctx)
            preview = import_preview(rows=rows, ws=ws, people=team)
            token = secrets.token_urlsafe(16)
            request.session[SESSION_KEY] = {
                "token": token,
                "framework": framework.code,
                "rows": preview,
            }
    ready = [p for p in (preview or []) if p["changes"] and not p["errors"]]
    return render(
        request,
        "profiles/import.html",
        {
            **ctx,
            "form": form,
            "preview": preview,
            "token": token,
            "ready": ready,
            "error_rows": [p for p in (preview or []) if p["errors"]],
            "labels": {
                "status": _("Status"),
                "owner": pgettext("assignee", "Owner"),
                "due_on": _("Due"),
                "narrative": _("How the company meets it"),
                "justification": _("Why it does not apply"),
            },
        },
        status=400 if form.errors else 200,
    )

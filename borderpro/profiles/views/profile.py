"""Carrier profile pages: read it, edit it (with divisions, sites and safety numbers)."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from borderpro.common.forms import apply_validation_error
from borderpro.organizations.tenancy import org_view
from borderpro.profiles import identifiers as ids
from borderpro.profiles import selectors
from borderpro.profiles.forms import DivisionFormSet, ProfileForm, SafetyFormSet, SiteFormSet
from borderpro.profiles.models import Division, LineOfBusiness, Mode, SafetyCertificate, Site
from borderpro.profiles.selectors.divisions import security_profiles
from borderpro.profiles.services.divisions import security_profile_main, security_profile_start
from borderpro.profiles.services.profile import (
    PROFILE_FIELDS,
    StaleEdit,
    profile_for,
    profile_row_delete,
    profile_row_save,
    profile_update,
)


@org_view("profiles.view", kinds=("client",))
def profile_detail(request: HttpRequest) -> HttpResponse:
    org = request.org  # type: ignore[attr-defined]
    profile = profile_for(org)
    rows = selectors.profile_rows(org)
    by_division = {p.division_id: p for p in security_profiles(org) if p.division_id}
    return render(
        request,
        "profiles/profile_detail.html",
        {
            "profile": profile,
            **rows,
            "division_rows": [(d, by_division.get(d.pk)) for d in rows["divisions"]],
            "main_profile": security_profile_main(org),
            "lines": [
                LineOfBusiness(v).label
                for v in profile.lines_of_business
                if v in LineOfBusiness.values
            ],
            "modes": [Mode(v).label for v in profile.modes if v in Mode.values],
            "identifier_rows": selectors.identifier_rows(profile),
        },
    )


def _formsets(request: HttpRequest, org: Any) -> dict[str, Any]:
    data = request.POST if request.method == "POST" else None
    return {
        "divisions": DivisionFormSet(
            data, prefix="div", queryset=Division.objects.filter(organization=org)
        ),
        "sites": SiteFormSet(data, prefix="site", queryset=Site.objects.filter(organization=org)),
        "safety": SafetyFormSet(
            data, prefix="nsc", queryset=SafetyCertificate.objects.filter(organization=org)
        ),
    }


def _save_rows(request: HttpRequest, org: Any, kind: str, formset: Any) -> None:
    for form in formset.forms:
        stored = not form.instance._state.adding
        if not form.has_changed() and not stored:
            continue
        if form.cleaned_data.get("DELETE"):
            if stored:
                profile_row_delete(
                    actor=request.user, organization=org, row=form.instance, bump=False
                )
            continue
        if form.has_changed():
            fields = {name: form.cleaned_data[name] for name in form.Meta.fields}
            try:
                profile_row_save(
                    actor=request.user,
                    organization=org,
                    kind=kind,
                    fields=fields,
                    row=form.instance if stored else None,
                    bump=False,
                )
            except ValidationError as exc:
                apply_validation_error(form, exc)
                raise


@org_view("profiles.configure", kinds=("client",))
@require_POST
def division_profile_start(request: HttpRequest, division_id: str) -> HttpResponse:
    """Give a division its own security profile (PIP: one per division)."""
    org = request.org  # type: ignore[attr-defined]
    division = get_object_or_404(Division, organization=org, pk=division_id)
    how = request.POST.get("start", "share")
    try:
        started = security_profile_start(
            actor=request.user,
            organization=org,
            division=division,
            share_answers=how == "share",
            use_main=how == "main",
        )
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
        return redirect("profiles:profile", org_code=org.code)
    messages.success(
        request,
        _("“%(name)s” has its security profile. Answers shared with the main profile show as such.")
        % {"name": division.name},
    )
    return redirect(f"{reverse('profiles:home', args=[org.code])}?division={started.code}")


@org_view("profiles.edit", kinds=("client",))
def profile_edit(request: HttpRequest) -> HttpResponse:
    org = request.org  # type: ignore[attr-defined]
    profile = profile_for(org)
    form = ProfileForm(request.POST or None, instance=profile)
    sets = _formsets(request, org)
    conflict = None
    if request.method == "POST" and form.is_valid() and all(fs.is_valid() for fs in sets.values()):
        fields = {name: form.cleaned_data[name] for name in PROFILE_FIELDS}
        try:
            with transaction.atomic():
                profile_update(
                    actor=request.user,
                    organization=org,
                    expected_version=form.cleaned_data["version"],
                    fields=fields,
                )
                _save_rows(request, org, "division", sets["divisions"])
                _save_rows(request, org, "site", sets["sites"])
                _save_rows(request, org, "safety", sets["safety"])
        except StaleEdit as exc:
            conflict = selectors.profile_conflicts(exc.current, fields)
            data = request.POST.copy()
            data["version"] = str(exc.current.version)
            form.data = data
        except ValidationError as exc:
            apply_validation_error(form, exc)
        else:
            messages.success(request, _("The carrier profile is saved."))
            for kind in ids.VALIDATORS:  # accepted values the rules still have a word about
                for note in ids.identifier_notes(kind, fields.get(kind) or ""):
                    messages.warning(request, note)
            return redirect("profiles:profile", org_code=org.code)
    has_errors = bool(form.errors) or any(fs.total_error_count() for fs in sets.values())
    return render(
        request,
        "profiles/profile_edit.html",
        {
            "form": form,
            **sets,
            "conflict": conflict,
            "profile": profile,
            "has_errors": has_errors,
        },
        status=409 if conflict else (400 if has_errors else 200),
    )

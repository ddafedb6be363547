"""Account pages: profile and language, security, personal API tokens."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import translation
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from borderpro.accounts import services
from borderpro.accounts.forms import ApiTokenForm, ProfileForm
from borderpro.accounts.models import ApiToken
from borderpro.common.http import AuthedRequest
from borderpro.organizations.tenancy import organizations_for_user, user_has_mfa


@login_required
def profile(request: AuthedRequest) -> HttpResponse:
    form = ProfileForm(request.POST or None, instance=request.user)
    if request.method == "POST" and form.is_valid():
        form.save()
        translation.activate(form.instance.language)
        messages.success(request, _("Profile saved."))
        response = redirect("accounts:profile")
        response.set_cookie("django_language", form.instance.language, samesite="Lax")
        return response
    return render(
        request, "accounts/profile.html", {"form": form, "has_mfa": user_has_mfa(request.user)}
    )


@require_POST
def set_language(request: HttpRequest) -> HttpResponse:
    """Switch the interface language; a signed-in user keeps it as their preference."""
    language = request.POST.get("language", "en")
    if language not in ("en", "fr"):
        language = "en"
    if request.user.is_authenticated:
        request.user.language = language
        request.user.save(update_fields=["language"])
    target = request.POST.get("next") or "/"
    if not url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
        target = "/"
    response = HttpResponseRedirect(target)
    response.set_cookie("django_language", language, samesite="Lax", max_age=365 * 24 * 3600)
    return response


@login_required
def api_tokens(request: AuthedRequest) -> HttpResponse:
    organizations = organizations_for_user(request.user)
    form = ApiTokenForm(request.POST or None, organizations=organizations)
    new_token = None
    if request.method == "POST" and form.is_valid():
        org = next(o for o, _r in organizations if o.code == form.cleaned_data["organization"])
        token, new_token = services.api_token_create(
            user=request.user,
            organization=org,
            name=form.cleaned_data["name"],
            read_only=form.cleaned_data["read_only"],
        )
        messages.success(
            request,
            _("Token “%(name)s” created. Copy it now: it will not be shown again.")
            % {"name": token.name},
        )
        form = ApiTokenForm(organizations=organizations)
    tokens = ApiToken.objects.filter(user=request.user).select_related("organization")
    return render(
        request, "accounts/tokens.html", {"form": form, "tokens": tokens, "new_token": new_token}
    )


@login_required
@require_POST
def api_token_revoke(request: AuthedRequest, token_id: str) -> HttpResponse:
    token = get_object_or_404(ApiToken, user=request.user, pk=token_id, revoked_at__isnull=True)
    services.api_token_revoke(user=request.user, token=token)
    messages.success(request, _("Token “%(name)s” revoked.") % {"name": token.name})
    return redirect("accounts:tokens")

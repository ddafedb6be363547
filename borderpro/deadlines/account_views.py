"""A person's own pages: notifications, reminder email preferences, calendar links; and the
two addresses that work without signing in: the unsubscribe link and the calendar feed."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from django_scopes import scopes_disabled

from borderpro.accounts.models import User
from borderpro.common.http import AuthedRequest
from borderpro.deadlines import services
from borderpro.deadlines.calendar import build_calendar, feed_deadlines
from borderpro.deadlines.forms import PreferenceForm
from borderpro.deadlines.models import CalendarFeed, Notification
from borderpro.deadlines.registry import kind as kind_info
from borderpro.deadlines.registry import kinds
from borderpro.deadlines.reminders import read_unsubscribe_token
from borderpro.organizations.models import Organization
from borderpro.organizations.tenancy import organizations_for_user

PAGE_SIZE = 30


@login_required
def notifications(request: AuthedRequest) -> HttpResponse:
    show = request.GET.get("show", "")
    items = Notification.objects.filter(user=request.user).select_related("organization")
    if show == "unread":
        items = items.filter(read_at__isnull=True)
    else:
        show = ""
    page = Paginator(items, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "deadlines/notifications.html",
        {
            "page": page,
            "show": show,
            "unread": Notification.objects.filter(user=request.user, read_at__isnull=True).count(),
        },
    )


def _back(request: HttpRequest, default: str) -> HttpResponse:
    target = request.POST.get("next", "")
    if target and url_has_allowed_host_and_scheme(target, {request.get_host()}):
        return redirect(target)
    return redirect(default)


@login_required
@require_POST
def notification_read(request: AuthedRequest, notification_id: Any) -> HttpResponse:
    found = Notification.objects.filter(user=request.user, pk=notification_id).first()
    if found is None:
        raise Http404
    services.notification_read(user=request.user, notification_id=found.pk)
    if request.POST.get("open") and found.action_url.startswith("/"):
        return redirect(found.action_url)
    return _back(request, "deadlines:notifications")


@login_required
@require_POST
def notifications_read_all(request: AuthedRequest) -> HttpResponse:
    n = services.notifications_read_all(user=request.user)
    messages.success(request, _("%(n)s notifications marked read.") % {"n": n})
    return _back(request, "deadlines:notifications")


def _kind_choices() -> list[tuple[str, str]]:
    return sorted(((k.key, str(k.label)) for k in kinds()), key=lambda c: c[1])


@login_required
def preferences(request: AuthedRequest) -> HttpResponse:
    pref = services.preference_for(request.user)
    choices = _kind_choices()
    if request.method == "POST":
        form = PreferenceForm(request.POST, kind_choices=choices)
        if form.is_valid():
            services.preference_save(
                user=request.user,
                frequency=form.cleaned_data["frequency"],
                muted_kinds=form.cleaned_data["muted"],
            )
            messages.success(request, _("Your reminder email settings are saved."))
            return redirect("deadlines:preferences")
        status = 400
    else:
        form = PreferenceForm(
            initial={"frequency": pref.frequency, "muted": pref.muted_kinds},
            kind_choices=choices,
        )
        status = 200
    return render(request, "deadlines/preferences.html", {"form": form}, status=status)


def unsubscribe(request: HttpRequest, token: str) -> HttpResponse:
    """The link in each reminder email: asks, then stops emails of that one kind. Reveals
    only the kind's name; a wrong or altered link is a 404."""
    found = read_unsubscribe_token(token)
    if found is None:
        raise Http404
    user_id, kind_key = found
    try:
        label = kind_info(kind_key).label
    except KeyError:
        raise Http404 from None
    user = User.objects.filter(pk=user_id, is_active=True).first()
    if user is None:
        raise Http404
    done = False
    if request.method == "POST":
        services.kind_unsubscribe(user=user, kind=kind_key)
        done = True
    return render(request, "deadlines/unsubscribe.html", {"label": label, "done": done})


def _feed_orgs(user: Any) -> list[Organization]:
    return [o for o, role in organizations_for_user(user) if o.kind == Organization.Kind.CLIENT]


@login_required
def calendar_links(request: AuthedRequest) -> HttpResponse:
    """The person's calendar links: every organization at once, and one per organization."""
    with scopes_disabled():
        orgs = _feed_orgs(request.user)
    active = {
        f.organization_id: f
        for f in CalendarFeed.objects.filter(user=request.user, revoked_at__isnull=True)
    }
    new_link = request.session.pop("calendar-new-link", None)
    rows = [{"org": None, "feed": active.get(None)}] + [
        {"org": o, "feed": active.get(o.pk)} for o in orgs
    ]
    return render(request, "deadlines/calendar.html", {"rows": rows, "new_link": new_link})


@login_required
@require_POST
def calendar_link_change(request: AuthedRequest) -> HttpResponse:
    code = request.POST.get("organization", "")
    organization = None
    if code:
        with scopes_disabled():
            organization = next((o for o in _feed_orgs(request.user) if o.code == code), None)
        if organization is None:
            raise Http404
    if request.POST.get("action") == "revoke":
        services.calendar_feed_revoke(user=request.user, organization=organization)
        messages.success(request, _("The link is turned off: calendars using it stop updating."))
    else:
        _feed, raw = services.calendar_feed_rotate(user=request.user, organization=organization)
        request.session["calendar-new-link"] = {
            "code": code,
            "url": request.build_absolute_uri(f"/calendar/{raw}.ics"),
        }
        messages.success(request, _("Here is the new link. Copy it now: it is shown only once."))
    return redirect("deadlines:calendar")


def calendar_feed(request: HttpRequest, token: str) -> HttpResponse:
    """The iCalendar feed behind a secret link: no session; a wrong or revoked link is a 404."""
    feed = services.calendar_feed_find(token)
    if feed is None:
        raise Http404
    org = feed.organization
    if org is not None and (not org.is_active or org.kind != Organization.Kind.CLIENT):
        raise Http404
    try:
        deadlines = feed_deadlines(feed.user, org)
    except Http404:
        raise
    name = f"Border Pro — {org.name}" if org is not None else "Border Pro"
    body = build_calendar(deadlines, name=name, language=feed.user.language or "en")
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = 'inline; filename="deadlines.ics"'
    response["Cache-Control"] = "private, max-age=900"
    response["X-Robots-Tag"] = "noindex"
    return response

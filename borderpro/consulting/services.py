"""Writes of the consulting front office: requests and their thread, conversion into a
client, services and pricing, quotes (send, withdraw, accept by link), engagements.

Every function is ``<entity>_<action>(*, actor, consultancy, ...)``, atomic, ``full_clean``
before save; emails leave after the commit.
"""

from __future__ import annotations

import hashlib
import secrets
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _
from django_scopes import scope

from borderpro.common.emails import send_templated_email
from borderpro.common.ids import new_code
from borderpro.consulting import pricing
from borderpro.consulting.eligibility import pre_eligibility
from borderpro.consulting.models import (
    Engagement,
    Milestone,
    Pricing,
    ProspectRequest,
    Quote,
    QuoteLine,
    RequestMessage,
    Service,
    SizingRule,
    TimeEntry,
)
from borderpro.organizations import services as org_services
from borderpro.organizations.activity import activity_record
from borderpro.organizations.models import ClientLink, Membership, Organization
from borderpro.profiles.services.profile import profile_update

QUOTE_VALID_DAYS = 30
LINK_DAYS = 30
Status = ProspectRequest.Status


def _hash(raw: str) -> str:
    return hashlib.sha256(raw.encode()).hexdigest()


# --- requests ----------------------------------------------------------------------------


@transaction.atomic
def request_submit(
    *,
    consultancy: Organization,
    kind: str,
    fields: dict[str, Any],
    services: list[Service],
    language: str,
    consent_text: str,
) -> ProspectRequest:
    """Store a request from the public page, its first message, its pre-eligibility; the
    prospect gets a confirmation email."""
    today = consultancy.local_today()
    request = ProspectRequest(
        organization=consultancy,
        reference="R-" + new_code(6).upper(),
        kind=kind,
        language=language,
        consent_at=timezone.now(),
        consent_text=consent_text,
        **fields,
    )
    if kind == ProspectRequest.Kind.QUOTE:
        request.eligibility = pre_eligibility(
            programs=request.programs,
            lines_of_business=request.lines_of_business,
            cross_border_since=request.cross_border_since,
            as_of=today,
            language=language,
        )
    request.full_clean()
    request.save()
    request.services.set(services)
    if request.message:
        RequestMessage.objects.create(
            organization=consultancy,
            request=request,
            direction=RequestMessage.Direction.IN,
            body=request.message,
        )
    activity_record(
        organization=consultancy,
        actor=None,
        verb="request.received",
        target=request,
        kind=str(request.get_kind_display()).lower(),
        ref=request.reference,
        name=request.display_name,
    )
    transaction.on_commit(
        lambda: send_templated_email(
            "consulting/email/request_received",
            to=[request.email],
            language=language,
            context={"request": request, "consultancy": consultancy},
        )
    )
    return request


@transaction.atomic
def request_assign(
    *, actor: Any, consultancy: Organization, request: ProspectRequest, user: Any
) -> ProspectRequest:
    if not Membership.objects.filter(organization=consultancy, user=user).exists():
        raise ValidationError({"user": _("Only members of the consultancy can be assigned.")})
    request.assigned_to = user
    if request.status == Status.NEW:
        request.status = Status.ASSIGNED
    request.save(update_fields=["assigned_to", "status", "updated_at"])
    activity_record(
        organization=consultancy,
        actor=actor,
        verb="request.assigned",
        target=request,
        ref=request.reference,
        email=user.email,
    )
    return request


def _take(request: ProspectRequest, actor: Any, consultancy: Organization) -> None:
    """An unassigned request is taken by the member who answers or quotes it: the client it
    becomes is then theirs to open (a consultant sees only the clients assigned to them)."""
    if request.assigned_to_id or actor is None:
        return
    if not Membership.objects.filter(organization=consultancy, user=actor).exists():
        return
    request.assigned_to = actor
    request.save(update_fields=["assigned_to", "updated_at"])


@transaction.atomic
def request_reply(
    *, actor: Any, consultancy: Organization, request: ProspectRequest, body: str, note: bool
) -> RequestMessage:
    """A reply emailed to the prospect and kept in the thread, or an internal note."""
    message = RequestMessage(
        organization=consultancy,
        request=request,
        direction=RequestMessage.Direction.NOTE if note else RequestMessage.Direction.OUT,
        author=actor,
        body=body.strip(),
    )
    message.full_clean()
    message.save()
    if note:
        return message
    _take(request, actor, consultancy)
    if request.status in (Status.NEW, Status.ASSIGNED):
        request.status = Status.ANSWERED
        request.save(update_fields=["status", "updated_at"])
    activity_record(
        organization=consultancy,
        actor=actor,
        verb="request.replied",
        target=request,
        ref=request.reference,
    )
    transaction.on_commit(
        lambda: send_templated_email(
            "consulting/email/reply",
            to=[request.email],
            language=request.language,
            context={"request": request, "consultancy": consultancy, "message": message},
        )
    )
    return message


@transaction.atomic
def request_set_status(
    *, actor: Any, consultancy: Organization, request: ProspectRequest, status: str
) -> ProspectRequest:
    if status not in Status.values:
        raise ValidationError({"status": _("This status does not exist.")})
    request.status = status
    request.save(update_fields=["status", "updated_at"])
    activity_record(
        organization=consultancy,
        actor=actor,
        verb="request.status_changed",
        target=request,
        ref=request.reference,
        status=str(Status(status).label),
    )
    return request


def _profile_fields(request: ProspectRequest) -> dict[str, Any]:
    fields: dict[str, Any] = {
        "legal_name": request.company,
        "operating_name": request.company,
        "lines_of_business": list(request.lines_of_business),
        "modes": ["highway"],
        "contact_name": request.contact_name,
        "contact_email": request.email,
        "contact_phone": request.phone,
    }
    if request.fleet_size:
        fields["tractors"] = request.fleet_size
    if request.cross_border_since:
        fields["cross_border_since"] = date(request.cross_border_since, 1, 1)
    return fields


@transaction.atomic
def request_convert(
    *, actor: Any, consultancy: Organization, request: ProspectRequest
) -> Organization:
    """Make the prospect a client organization of the consultancy, linked, its assigned
    consultant on it, its carrier profile filled from what the form told."""
    if request.client_id:
        return request.client  # type: ignore[return-value]
    if not request.company.strip():
        raise ValidationError(
            {"company": _("Add the company name to the request before making it a client.")}
        )
    client = org_services.client_create(
        actor=actor,
        consultancy=consultancy,
        name=request.company.strip(),
        legal_name=request.company.strip(),
        business_type="highway_carrier",
        country="CA",
        region=request.province,
        language=request.language,
    )
    if request.assigned_to_id:
        link = ClientLink.objects.get(consultancy=consultancy, client=client)
        org_services.consultant_assign(actor=actor, link=link, user=request.assigned_to)
    with scope(organization=client):
        profile_update(
            actor=actor, organization=client, expected_version=0, fields=_profile_fields(request)
        )
    request.client = client
    request.save(update_fields=["client", "updated_at"])
    activity_record(
        organization=consultancy,
        actor=actor,
        verb="request.converted",
        target=request,
        ref=request.reference,
        name=client.name,
    )
    return client


# --- services and pricing ----------------------------------------------------------------


@transaction.atomic
def service_save(
    *, actor: Any, consultancy: Organization, service: Service | None, fields: dict[str, Any]
) -> Service:
    service = service or Service(organization=consultancy)
    for name, value in fields.items():
        setattr(service, name, value)
    service.full_clean()
    service.save()
    activity_record(
        organization=consultancy,
        actor=actor,
        verb="service.saved",
        target=service,
        name=service.name,
    )
    return service


@transaction.atomic
def sizing_rule_add(
    *, actor: Any, consultancy: Organization, service: Service, fields: dict[str, Any]
) -> SizingRule:
    rule = SizingRule(organization=consultancy, service=service, **fields)
    rule.full_clean()
    if rule.basis == SizingRule.Basis.PER_SITE:
        rule.min_units, rule.max_units = 0, None
    elif rule.max_units is not None and rule.max_units < rule.min_units:
        raise ValidationError({"max_units": _("The band must end at or after where it starts.")})
    rule.save()
    return rule


def sizing_rule_remove(*, consultancy: Organization, rule: SizingRule) -> None:
    rule.delete()


# --- quotes ------------------------------------------------------------------------------


def _next_number(consultancy: Organization, year: int) -> str:
    prefix = f"Q-{year}-"
    last = (
        Quote.objects.filter(organization=consultancy, number__startswith=prefix)
        .aggregate(m=Max("number"))
        .get("m")
    )
    n = int(last.rsplit("-", 1)[1]) + 1 if last else 1
    return f"{prefix}{n:04d}"


def quote_recompute(quote: Quote) -> Quote:
    # read from the database, never a prefetched list (it misses lines added or removed since)
    lines = list(QuoteLine._base_manager.filter(quote=quote))
    for line in lines:
        line.amount = pricing.money(line.quantity * line.unit_price)
        line.save(update_fields=["amount"])
    totals = pricing.totals(
        [line.amount for line in lines], quote.province, quote.organization.local_today()
    )
    quote.subtotal, quote.tax_total, quote.total = totals.subtotal, totals.tax_total, totals.total
    quote.taxes = totals.taxes
    quote.save(update_fields=["subtotal", "tax_total", "total", "taxes", "updated_at"])
    return quote


def _add_line(quote: Quote, service: Service, sizing: pricing.Sizing, order: int) -> QuoteLine:
    priced = pricing.line_for(service, list(service.sizing_rules.all()), sizing, quote.language)
    line = QuoteLine(
        organization=quote.organization,
        quote=quote,
        service=service,
        description=priced.description,
        pricing=priced.pricing,
        quantity=priced.quantity,
        unit_price=priced.unit_price,
        amount=priced.amount,
        order=order,
    )
    line.full_clean()
    line.save()
    return line


def _sizing(request: ProspectRequest) -> pricing.Sizing:
    return pricing.Sizing(sites=request.sites or 1, fleet_size=request.fleet_size or 0)


@transaction.atomic
def quote_create(*, actor: Any, consultancy: Organization, request: ProspectRequest) -> Quote:
    """A draft quote with a line per service the prospect asked for, sized by the request."""
    today = consultancy.local_today()
    quote = Quote(
        organization=consultancy,
        request=request,
        number=_next_number(consultancy, today.year),
        language=request.language,
        province=request.province or consultancy.region or "ON",
        valid_until=today + timedelta(days=QUOTE_VALID_DAYS),
    )
    quote.full_clean()
    quote.save()
    _take(request, actor, consultancy)
    for order, service in enumerate(request.services.filter(active=True)):
        _add_line(quote, service, _sizing(request), order)
    quote_recompute(quote)
    activity_record(
        organization=consultancy,
        actor=actor,
        verb="quote.created",
        target=quote,
        number=quote.number,
    )
    return quote


def _draft(quote: Quote) -> None:
    if quote.status != Quote.Status.DRAFT:
        raise ValidationError(_("Only a draft quote can be changed; this one was sent."))


@transaction.atomic
def quote_line_add(*, consultancy: Organization, quote: Quote, service: Service) -> QuoteLine:
    _draft(quote)
    line = _add_line(quote, service, _sizing(quote.request), quote.lines.count())
    quote_recompute(quote)
    return line


@transaction.atomic
def quote_lines_update(
    *,
    consultancy: Organization,
    quote: Quote,
    changes: dict[Any, dict[str, Any]],
    fields: dict[str, Any],
) -> Quote:
    """Change the quantities and prices of lines (``changes`` by line id), remove lines
    (``{"remove": True}``) and the quote's own fields, then recompute."""
    _draft(quote)
    for name, value in fields.items():
        setattr(quote, name, value)
    quote.full_clean()
    quote.save()
    for line in quote.lines.all():
        change = changes.get(str(line.pk))
        if not change:
            continue
        if change.get("remove"):
            line.delete()
            continue
        line.quantity = change.get("quantity", line.quantity)
        line.unit_price = change.get("unit_price", line.unit_price)
        line.amount = pricing.money(line.quantity * line.unit_price)
        line.full_clean()
        line.save()
    return quote_recompute(quote)


@transaction.atomic
def quote_send(*, actor: Any, consultancy: Organization, quote: Quote) -> str:
    """Send the quote: a private acceptance link (a new one each time; the old one stops
    working) valid ``LINK_DAYS`` days, emailed to the prospect."""
    if quote.status not in (Quote.Status.DRAFT, Quote.Status.SENT):
        raise ValidationError(_("This quote can no longer be sent."))
    if not quote.lines.exists():
        raise ValidationError(_("Add at least one line before sending the quote."))
    raw = secrets.token_urlsafe(32)
    quote.token_hash = _hash(raw)
    quote.status = Quote.Status.SENT
    quote.sent_at = timezone.now()
    quote.link_expires_at = timezone.now() + timedelta(days=LINK_DAYS)
    quote.save()
    request = quote.request
    if request.status not in (Status.WON, Status.LOST):
        request.status = Status.QUOTED
        request.save(update_fields=["status", "updated_at"])
    activity_record(
        organization=consultancy,
        actor=actor,
        verb="quote.sent",
        target=quote,
        number=quote.number,
        email=request.email,
    )
    transaction.on_commit(
        lambda: send_templated_email(
            "consulting/email/quote",
            to=[request.email],
            language=quote.language,
            context={"quote": quote, "request": request, "consultancy": consultancy, "token": raw},
        )
    )
    return raw


@transaction.atomic
def quote_revoke(*, actor: Any, consultancy: Organization, quote: Quote) -> Quote:
    if quote.status == Quote.Status.ACCEPTED:
        raise ValidationError(_("An accepted quote cannot be withdrawn."))
    quote.status = Quote.Status.REVOKED
    quote.revoked_at = timezone.now()
    quote.token_hash = ""
    quote.save()
    activity_record(
        organization=consultancy,
        actor=actor,
        verb="quote.revoked",
        target=quote,
        number=quote.number,
    )
    return quote


def quote_for_token(raw: str) -> Quote | None:
    """The quote of a link that still works, or None (whatever the reason: nothing told)."""
    if not raw or len(raw) > 100:
        return None
    quote = (
        Quote._base_manager.select_related("organization", "request")
        .filter(token_hash=_hash(raw))
        .first()
    )
    if quote is None or not (quote.link_open or quote.status == Quote.Status.ACCEPTED):
        return None
    return quote


@transaction.atomic
def quote_accept(*, quote: Quote, name: str, address: str) -> Engagement:
    """The prospect signs by typing their name: the quote is accepted, the prospect becomes
    a client (if not yet) and the engagement starts with a milestone per line. Signing an
    accepted quote again changes nothing and returns its engagement."""
    quote = Quote._base_manager.select_for_update().get(pk=quote.pk)
    if quote.status == Quote.Status.ACCEPTED:  # signed twice (a double tap): one engagement
        return Engagement._base_manager.get(quote=quote)
    if not quote.link_open:
        raise ValidationError(_("This quote can no longer be accepted."))
    name = " ".join(name.split())
    if len(name) < 2:
        raise ValidationError({"name": _("Type your full name to sign.")})
    consultancy = quote.organization
    request = quote.request
    with scope(organization=consultancy):
        client = request_convert(actor=None, consultancy=consultancy, request=request)
        quote.status = Quote.Status.ACCEPTED
        quote.accepted_at = timezone.now()
        quote.accepted_name = name[:200]
        quote.accepted_address = address[:64]
        quote.save()
        request.status = Status.WON
        request.save(update_fields=["status", "updated_at"])
        engagement = _engagement_from(quote, client)
        activity_record(
            organization=consultancy,
            actor=None,
            verb="quote.accepted",
            target=quote,
            number=quote.number,
            name=quote.accepted_name,
        )
    transaction.on_commit(
        lambda: send_templated_email(
            "consulting/email/quote_accepted",
            to=[request.email],
            language=quote.language,
            context={"quote": quote, "request": request, "consultancy": consultancy},
        )
    )
    return engagement


def _engagement_from(quote: Quote, client: Organization) -> Engagement:
    today = quote.organization.local_today()
    lines = list(quote.lines.select_related("service"))
    retainer = any(line.pricing == Pricing.RETAINER for line in lines)
    hours = sum(
        (line.quantity * (8 if line.pricing == Pricing.DAILY else 1))
        for line in lines
        if line.pricing in (Pricing.HOURLY, Pricing.DAILY)
    )
    engagement = Engagement(
        organization=quote.organization,
        client=client,
        quote=quote,
        title=_("%(client)s — quote %(number)s") % {"client": client.name, "number": quote.number},
        started_on=today,
        renews_on=_plus_year(today) if retainer else None,
        hours_estimated=Decimal(hours),
    )
    engagement.full_clean()
    engagement.save()
    for order, line in enumerate(lines):
        Milestone.objects.create(
            organization=quote.organization,
            engagement=engagement,
            title=line.description,
            verb=line.service.milestone_verb if line.service else "",
            order=order,
        )
    activity_record(
        organization=quote.organization,
        actor=None,
        verb="engagement.started",
        target=engagement,
        title=engagement.title,
    )
    return engagement


def _plus_year(day: date) -> date:
    try:
        return day.replace(year=day.year + 1)
    except ValueError:  # 29 February
        return day.replace(year=day.year + 1, day=28)


# --- engagements -------------------------------------------------------------------------


@transaction.atomic
def milestone_tick(
    *, actor: Any, consultancy: Organization, milestone: Milestone, done: bool
) -> Milestone:
    milestone.done_on = consultancy.local_today() if done else None
    milestone.save(update_fields=["done_on", "updated_at"])
    if done:
        activity_record(
            organization=consultancy,
            actor=actor,
            verb="engagement.milestone",
            target=milestone.engagement,
            title=milestone.title,
        )
    return milestone


@transaction.atomic
def milestone_add(
    *, consultancy: Organization, engagement: Engagement, fields: dict[str, Any]
) -> Milestone:
    milestone = Milestone(
        organization=consultancy,
        engagement=engagement,
        order=engagement.milestones.count(),
        **fields,
    )
    milestone.full_clean()
    milestone.save()
    return milestone


@transaction.atomic
def time_log(
    *, actor: Any, consultancy: Organization, engagement: Engagement, fields: dict[str, Any]
) -> TimeEntry:
    entry = TimeEntry(organization=consultancy, engagement=engagement, user=actor, **fields)
    entry.full_clean()
    entry.save()
    activity_record(
        organization=consultancy,
        actor=actor,
        verb="engagement.time",
        target=engagement,
        hours=str(entry.hours),
        title=engagement.title,
    )
    return entry


@transaction.atomic
def engagement_update(
    *, actor: Any, consultancy: Organization, engagement: Engagement, fields: dict[str, Any]
) -> Engagement:
    for name, value in fields.items():
        setattr(engagement, name, value)
    engagement.full_clean()
    engagement.save()
    return engagement

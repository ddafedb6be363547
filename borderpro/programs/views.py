"""Programs pages: the carrier's cards, the full explanation, what-if, memberships, and the
consultant's cross-client table."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from borderpro.common.forms import apply_validation_error
from borderpro.deadlines.registry import provider_kinds
from borderpro.deadlines.selectors import needing_attention, open_deadlines, visible_kinds
from borderpro.organizations.tenancy import org_view
from borderpro.programs import selectors, services
from borderpro.programs.engine import changes, evaluate, merge
from borderpro.programs.facts import driver_entry
from borderpro.programs.forms import DeclarationsForm, MembershipForm, WhatIfForm
from borderpro.programs.models import Program
from borderpro.programs.rules import load_rules

MEMBERSHIP_OF = {
    "PIP": "PIP",
    "FAST_INTO_CANADA": "PIP",
    "FAST_INTO_US": "CTPAT",
    "LVS": "LVS",
    "CTPAT_HIGHWAY": "CTPAT",
    "MRA": "PIP",
}


def _lang() -> str:
    return "fr" if (get_language() or "en").startswith("fr") else "en"


def fix_urls(org: Any) -> dict[str, str]:
    """Where the user fixes each kind of missing or failing fact."""
    c = org.code
    return {
        "settings": reverse("organizations:settings", args=[c]),
        "profile": reverse("profiles:home", args=[c]),
        "readiness": reverse("profiles:home", args=[c]),
        "declarations": reverse("programs:declarations", args=[c]),
        "memberships": reverse("programs:memberships", args=[c]),
        "people": reverse("people:list", args=[c]),
        "what_if": reverse("programs:what_if", args=[c]),
    }


def _next_deadline(answer: dict[str, Any], program: str) -> dict[str, Any] | None:
    membership = MEMBERSHIP_OF.get(program, program)
    rows = [d for d in answer["deadlines"] if d["program"] == membership and d["status"] != "open"]
    return rows[0] if rows else None


def _visible(request: HttpRequest, keys: tuple[str, ...]) -> list[str]:
    allowed = {k.key for k in visible_kinds(request.access)}  # type: ignore[attr-defined]
    return [k for k in keys if k in allowed]


@org_view("programs.view")
def home(request: HttpRequest) -> HttpResponse:
    org = request.org  # type: ignore[attr-defined]
    if org.is_consultancy:
        return _portfolio(request, org)
    today = org.local_today()
    answer = selectors.carrier_evaluation(org, as_of=today, lang=_lang())
    memberships = {m.program: m for m in selectors.memberships(org)}
    cards = [
        {
            "p": p,
            "membership": memberships.get(MEMBERSHIP_OF.get(p["program"], "")),
            "deadline": _next_deadline(answer, p["program"]),
        }
        for p in answer["programs"]
    ]
    upcoming = needing_attention(
        open_deadlines(org, today, kinds=_visible(request, provider_kinds("programs")))
    )
    return render(
        request,
        "programs/home.html",
        {
            "answer": answer,
            "cards": cards,
            "upcoming": upcoming,
            "today": today,
            "fix": fix_urls(org),
        },
    )


def _portfolio(request: HttpRequest, org: Any) -> HttpResponse:
    rows = selectors.portfolio(org, request.user, request.access.role, lang=_lang())  # type: ignore[attr-defined]
    programs = [(p.code, p.name[_lang()]) for p in load_rules().programs]
    table = []
    for client, answer in rows:
        by_code = {p["program"]: p for p in answer["programs"]}
        overdue = [d for d in answer["deadlines"] if d["status"] == "overdue"]
        soon = [d for d in answer["deadlines"] if d["status"] == "due_soon"]
        table.append(
            {
                "client": client,
                "cells": [by_code.get(code) for code, _n in programs],
                "overdue": overdue,
                "soon": soon,
            }
        )
    return render(request, "programs/portfolio.html", {"table": table, "programs": programs})


@org_view("programs.view", kinds=("client",))
def detail(request: HttpRequest, program_code: str) -> HttpResponse:
    org = request.org  # type: ignore[attr-defined]
    rules = load_rules()
    if rules.program(program_code) is None:
        raise Http404
    today = org.local_today()
    answer = selectors.carrier_evaluation(org, as_of=today, lang=_lang())
    program = next(p for p in answer["programs"] if p["program"] == program_code)
    membership_code = MEMBERSHIP_OF.get(program_code, program_code)
    deadlines = [d for d in answer["deadlines"] if d["program"] == membership_code]
    return render(
        request,
        "programs/detail.html",
        {
            "program": program,
            "answer": answer,
            "deadlines": deadlines,
            "fix": fix_urls(org),
            "membership": selectors.membership_for(org, membership_code)
            if membership_code in Program.values
            else None,
        },
    )


def _drivers(org: Any) -> tuple[list[tuple[str, str]], dict[str, dict[str, Any]]]:
    from borderpro.people.selectors import driver_cards

    by_employee: dict[str, tuple[str, list[Any]]] = {}
    for card in driver_cards([org]):
        key = str(card.employee_id)
        by_employee.setdefault(key, (card.employee.full_name, []))[1].append(card)
    choices = [(key, name) for key, (name, _c) in by_employee.items()]
    facts = {key: driver_entry(name, cards) for key, (name, cards) in by_employee.items()}
    return choices, facts


@org_view("programs.view", kinds=("client",))
def what_if(request: HttpRequest) -> HttpResponse:
    """Re-evaluate with changed facts, a driver and a date, without saving anything."""
    org = request.org  # type: ignore[attr-defined]
    choices, driver_facts = _drivers(org)
    form = WhatIfForm(request.GET or None, drivers=choices)
    context: dict[str, Any] = {"form": form, "fix": fix_urls(org)}
    if form.is_bound and form.is_valid():
        as_of = form.cleaned_data["as_of"] or org.local_today()
        facts, notes = selectors.carrier_facts_of(org)
        overrides = form.overrides(driver_facts.get(form.cleaned_data["driver"]))
        before = evaluate(facts, as_of=as_of, lang=_lang(), notes=notes)
        after = evaluate(merge(facts, overrides), as_of=as_of, lang=_lang(), notes=notes)
        context.update(
            {"before": before, "after": after, "changes": changes(before, after), "as_of": as_of}
        )
    return render(request, "programs/what_if.html", context)


@org_view("programs.view", kinds=("client",))
def memberships(request: HttpRequest) -> HttpResponse:
    org = request.org  # type: ignore[attr-defined]
    today = org.local_today()
    answer = selectors.carrier_evaluation(org, as_of=today, lang=_lang())
    return render(
        request,
        "programs/memberships.html",
        {
            "memberships": selectors.memberships(org),
            "deadlines": answer["deadlines"],
            "today": today,
        },
    )


@org_view("programs.manage", kinds=("client",))
def membership_edit(request: HttpRequest, program_code: str) -> HttpResponse:
    org = request.org  # type: ignore[attr-defined]
    if program_code not in Program.values:
        raise Http404
    membership = selectors.membership_for(org, program_code)
    form = MembershipForm(request.POST or None, instance=membership)
    if request.method == "POST" and form.is_valid():
        try:
            fields = {name: form.cleaned_data[name] for name in form.Meta.fields}
            services.membership_save(
                actor=request.user, organization=org, program=program_code, **fields
            )
        except ValidationError as exc:
            apply_validation_error(form, exc)
        else:
            messages.success(
                request,
                _("The %(program)s membership is saved.")
                % {"program": membership.get_program_display()},
            )
            return redirect("programs:memberships", org_code=org.code)
    history = (
        list(membership.history.select_related("history_user").order_by("-history_date")[:20])
        if membership.pk
        else []
    )
    return render(
        request,
        "programs/membership_form.html",
        {
            "form": form,
            "membership": membership,
            "history": history,
        },
    )


@org_view("programs.manage", kinds=("client",))
def declarations(request: HttpRequest) -> HttpResponse:
    org = request.org  # type: ignore[attr-defined]
    current = selectors.declarations_for(org)
    form = DeclarationsForm(request.POST or None, instance=current)
    if request.method == "POST" and form.is_valid():
        try:
            services.declarations_save(
                actor=request.user,
                organization=org,
                **{k: form.cleaned_data[k] for k in form.Meta.fields},
            )
        except ValidationError as exc:
            apply_validation_error(form, exc)
        else:
            messages.success(request, _("The declarations are saved."))
            return redirect("programs:home", org_code=org.code)
    return render(request, "programs/declarations.html", {"form": form})

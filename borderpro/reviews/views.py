"""Review pages: the list (start a review), a review with its checklist and findings, a
checklist item, a finding with its corrective actions, an action, the annual update and
the validation binder."""

from __future__ import annotations

import uuid
from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from borderpro.common.forms import apply_validation_error, form_refuse, form_restore
from borderpro.common.jobs import job_result_permission, job_start
from borderpro.common.models import Job
from borderpro.organizations.tenancy import org_view
from borderpro.reviews import annual, charts, selectors, services
from borderpro.reviews.forms import (
    ActionForm,
    ActionStatusForm,
    BinderForm,
    CompleteForm,
    EditForm,
    ExportForm,
    FindingForm,
    ItemForm,
    ReviewForm,
    SignForm,
)
from borderpro.reviews.models import (
    AnnualUpdateSignoff,
    BinderSnapshot,
    ChecklistItem,
    CorrectiveAction,
    Finding,
    Review,
)

CLIENT = ("client",)


def _can(request: HttpRequest, permission: str) -> bool:
    return bool(request.access.can(permission))  # type: ignore[attr-defined]


def _ensure(request: HttpRequest, permission: str) -> None:
    if not _can(request, permission):
        raise PermissionDenied


def _job(request: HttpRequest, org: Any) -> Job | None:
    try:
        job_id = uuid.UUID(request.GET.get("job", ""))
    except ValueError:
        return None
    return Job.objects.filter(organization=org, pk=job_id).first()


def _people(org: Any) -> Any:
    from borderpro.accounts.models import User
    from borderpro.profiles.selectors.people import people

    return User.objects.filter(pk__in=[u.pk for u in people(org)]).order_by("full_name", "email")


def _review(org: Any, review_id: Any) -> Review:
    return get_object_or_404(
        Review.objects.select_related("framework"), organization=org, pk=review_id
    )


@org_view("reviews.view", kinds=CLIENT)
def review_list(request: HttpRequest) -> HttpResponse:
    org = request.org  # type: ignore[attr-defined]
    form = ReviewForm(request.POST or None, prefix="new")
    if request.method == "POST":
        _ensure(request, "reviews.edit")
        if form.is_valid():
            try:
                review = services.review_create(
                    actor=request.user, organization=org, **form.cleaned_data
                )
            except ValidationError as exc:
                apply_validation_error(form, exc)
            else:
                messages.success(request, _("The review is started and its checklist generated."))
                return redirect("reviews:review", org_code=org.code, review_id=review.pk)
    reviews = list(selectors.review_list(org))
    history = [
        (f"{r.period_end.year}", r.readiness) for r in reversed(reviews) if r.kind == "self_review"
    ]
    response = render(
        request,
        "reviews/list.html",
        {
            "reviews": reviews,
            "form": form,
            "actions": list(selectors.open_actions(org)[:20]),
            "trend": charts.readiness_trend(history[-6:]),
            "can_edit": _can(request, "reviews.edit"),
        },
    )
    if form.errors:
        response.status_code = 400
    return response


@org_view("reviews.view", kinds=CLIENT)
def review_detail(request: HttpRequest, review_id: Any) -> HttpResponse:
    org = request.org  # type: ignore[attr-defined]
    review = _review(org, review_id)
    is_open = review.status == Review.Status.IN_PROGRESS
    form = EditForm(request.POST or None, instance=review, prefix="edit")
    if request.method == "POST":
        _ensure(request, "reviews.edit")
        if form.is_valid():
            try:
                services.review_update(
                    actor=request.user,
                    organization=org,
                    review=_review(org, review_id),
                    **form.cleaned_data,
                )
            except ValidationError as exc:
                apply_validation_error(form, exc)
            else:
                messages.success(request, _("Saved."))
                return redirect("reviews:review", org_code=org.code, review_id=review.pk)
    # "Record a finding" from a checklist item that is not met: that item, chosen already
    finding_form = form_restore(
        request,
        FindingForm(
            organization=org,
            review=review,
            prefix="f",
            initial={"item": request.GET.get("item", "")},
        ),
        key=f"finding-{review.pk}",
    )
    complete_form = form_restore(request, CompleteForm(prefix="c"), key=f"complete-{review.pk}")
    history = selectors.comparison(review)
    job = _job(request, org)
    response = render(
        request,
        "reviews/review.html",
        {
            "r": review,
            "form": form,
            "groups": selectors.grouped_items(review),
            # one reverse() for the checklist's links, not one per item (hundreds)
            "items_url": reverse("reviews:item", args=[org.code, uuid.UUID(int=0)]).removesuffix(
                f"{uuid.UUID(int=0)}/"
            ),
            "totals": selectors.result_totals(review),
            "findings": list(selectors.findings(review)),
            "finding_form": finding_form,
            "complete_form": complete_form,
            "export_form": ExportForm(),
            "job": job,
            # a report already made when the page opens shows its download at once
            "can_download": job is not None and _can(request, job_result_permission(job.kind)),
            "can_edit": _can(request, "reviews.edit") and is_open,
            "can_export": _can(request, "reviews.edit"),
            "trend": charts.readiness_trend([(h["label"], h["readiness"]) for h in history]),
            "severity_chart": charts.findings_by_severity(
                [(h["label"], h["severities"]) for h in history], list(Finding.Severity.choices)
            ),
            "result_labels": dict(ChecklistItem.Result.choices),
        },
    )
    if form.errors:
        response.status_code = 400
    return response


@org_view("reviews.edit", kinds=CLIENT)
@require_POST
def review_complete(request: HttpRequest, review_id: Any) -> HttpResponse:
    org = request.org  # type: ignore[attr-defined]
    review = _review(org, review_id)
    form = CompleteForm(request.POST, prefix="c")
    to = reverse("reviews:review", args=[org.code, review.pk]) + "#complete"
    if not form.is_valid():
        return form_refuse(request, form, key=f"complete-{review.pk}", to=to)
    try:
        services.review_complete(
            actor=request.user, organization=org, review=review, **form.cleaned_data
        )
    except ValidationError as exc:
        apply_validation_error(form, exc)
        for message in exc.messages if not form.errors else []:
            messages.error(request, message)
        if not form.errors:
            return redirect(to)
        return form_refuse(request, form, key=f"complete-{review.pk}", to=to)
    messages.success(request, _("The review is completed."))
    return redirect(to)


@org_view("reviews.edit", kinds=CLIENT)
@require_POST
def review_export(request: HttpRequest, review_id: Any) -> HttpResponse:
    org = request.org  # type: ignore[attr-defined]
    review = _review(org, review_id)
    form = ExportForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose English or French, PDF or Word."))
        return redirect("reviews:review", org_code=org.code, review_id=review.pk)
    job = job_start(
        organization=org,
        actor=request.user,
        kind="reviews.export_report",
        params={"review_id": str(review.pk), **form.cleaned_data},
    )
    url = reverse("reviews:review", args=[org.code, review.pk])
    return redirect(f"{url}?job={job.pk}#export")


@org_view("reviews.view", kinds=CLIENT)
def item_detail(request: HttpRequest, checklist_item_id: Any) -> HttpResponse:
    org = request.org  # type: ignore[attr-defined]
    item: ChecklistItem = get_object_or_404(
        ChecklistItem.objects.select_related("review", "requirement", "evidence"),
        organization=org,
        pk=checklist_item_id,
    )
    initial = {"result": item.result, "notes": item.notes, "evidence": item.evidence_id}
    form = ItemForm(request.POST or None, organization=org, initial=initial)
    if request.method == "POST":
        _ensure(request, "reviews.edit")
        if form.is_valid():
            try:
                services.item_record(
                    actor=request.user, organization=org, item=item, **form.cleaned_data
                )
            except ValidationError as exc:
                apply_validation_error(form, exc)
            else:
                messages.success(request, _("The result is recorded."))
                url = reverse("reviews:review", args=[org.code, item.review_id])
                return redirect(f"{url}#item-{item.pk}")
    response = render(
        request,
        "reviews/item.html",
        {
            "item": item,
            "r": item.review,
            "form": form,
            "can_edit": _can(request, "reviews.edit")
            and item.review.status == Review.Status.IN_PROGRESS,
        },
    )
    if form.errors:
        response.status_code = 400
    return response


@org_view("reviews.edit", kinds=CLIENT)
@require_POST
def finding_create(request: HttpRequest, review_id: Any) -> HttpResponse:
    org = request.org  # type: ignore[attr-defined]
    review = _review(org, review_id)
    form = FindingForm(request.POST, organization=org, review=review, prefix="f")
    to = reverse("reviews:review", args=[org.code, review.pk]) + "#findings"
    if form.is_valid():
        try:
            finding = services.finding_create(
                actor=request.user, organization=org, review=review, **form.cleaned_data
            )
        except ValidationError as exc:
            apply_validation_error(form, exc)
        else:
            messages.success(request, _("Finding %(code)s is recorded.") % {"code": finding.code})
            return redirect("reviews:finding", org_code=org.code, finding_id=finding.pk)
    return form_refuse(request, form, key=f"finding-{review.pk}", to=to)


def _finding(org: Any, finding_id: Any) -> Finding:
    return get_object_or_404(
        Finding.objects.select_related("review", "requirement", "evidence", "item"),
        organization=org,
        pk=finding_id,
    )


@org_view("reviews.view", kinds=CLIENT)
def finding_detail(request: HttpRequest, finding_id: Any) -> HttpResponse:
    org = request.org  # type: ignore[attr-defined]
    finding = _finding(org, finding_id)
    form = ActionForm(request.POST or None, people=_people(org))
    if request.method == "POST":
        _ensure(request, "reviews.edit")
        if form.is_valid():
            try:
                services.action_create(
                    actor=request.user, organization=org, finding=finding, **form.cleaned_data
                )
            except ValidationError as exc:
                apply_validation_error(form, exc)
            else:
                messages.success(request, _("The corrective action is planned."))
                return redirect("reviews:finding", org_code=org.code, finding_id=finding.pk)
    actions = finding.actions.select_related("owner", "verified_by", "closure_evidence")
    response = render(
        request,
        "reviews/finding.html",
        {
            "finding": finding,
            "r": finding.review,
            "actions": list(actions),
            "form": form,
            "can_edit": _can(request, "reviews.edit"),
        },
    )
    if form.errors:
        response.status_code = 400
    return response


@org_view("reviews.view", kinds=CLIENT)
def action_detail(request: HttpRequest, corrective_action_id: Any) -> HttpResponse:
    org = request.org  # type: ignore[attr-defined]
    action: CorrectiveAction = get_object_or_404(
        CorrectiveAction.objects.select_related(
            "finding__review", "owner", "verified_by", "closure_evidence"
        ),
        organization=org,
        pk=corrective_action_id,
    )
    initial = {
        "status": action.status if action.status != "verified" else "done",
        "completed_on": action.completed_on,
        "closure_note": action.closure_note,
        "closure_evidence": action.closure_evidence_id,
    }
    form = ActionStatusForm(request.POST or None, organization=org, initial=initial)
    if request.method == "POST":
        _ensure(request, "reviews.edit")
        if "verify" in request.POST:
            try:
                services.action_verify(actor=request.user, organization=org, action=action)
            except ValidationError as exc:
                for message in exc.messages:
                    messages.error(request, message)
            else:
                messages.success(request, _("The action is verified."))
            return redirect("reviews:action", org_code=org.code, corrective_action_id=action.pk)
        if form.is_valid():
            try:
                services.action_update(
                    actor=request.user, organization=org, action=action, **form.cleaned_data
                )
            except ValidationError as exc:
                apply_validation_error(form, exc)
            else:
                messages.success(request, _("Saved."))
                return redirect("reviews:action", org_code=org.code, corrective_action_id=action.pk)
    response = render(
        request,
        "reviews/action.html",
        {
            "action": action,
            "finding": action.finding,
            "form": form,
            "can_edit": _can(request, "reviews.edit") and action.is_open,
            "can_verify": _can(request, "reviews.edit")
            and action.status == CorrectiveAction.Status.DONE
            and action.owner_id != request.user.pk,
        },
    )
    if form.errors:
        response.status_code = 400
    return response


@org_view("reviews.view", kinds=CLIENT)
def annual_update(request: HttpRequest) -> HttpResponse:
    org = request.org  # type: ignore[attr-defined]
    since = annual.since_day(org)
    areas = annual.changes_since(org, since)
    form = SignForm(
        request.POST or None,
        initial={"signer_name": getattr(request.user, "full_name", "")},
    )
    if request.method == "POST":
        _ensure(request, "reviews.signoff")
        if form.is_valid():
            try:
                services.annual_update_sign(
                    actor=request.user,
                    organization=org,
                    content=annual.content_of(org, since, areas),
                    **form.cleaned_data,
                )
            except ValidationError as exc:
                apply_validation_error(form, exc)
            else:
                messages.success(request, _("The annual update is signed off."))
                return redirect("reviews:annual_update", org_code=org.code)
    signoffs = AnnualUpdateSignoff.objects.filter(organization=org).order_by("-seq")[:10]
    response = render(
        request,
        "reviews/annual_update.html",
        {
            "since": since,
            "submitted_on": annual.last_submission(org),
            "areas": areas,
            "form": form,
            "signoffs": list(signoffs),
            "can_sign": _can(request, "reviews.signoff"),
        },
    )
    if form.errors:
        response.status_code = 400
    return response


@org_view("reviews.binder", kinds=CLIENT)
def binder(request: HttpRequest) -> HttpResponse:
    org = request.org  # type: ignore[attr-defined]
    today = org.local_today()
    form = BinderForm(
        request.POST or None,
        initial={
            "start": today.replace(year=today.year - 1),
            "end": today,
            "language": request.LANGUAGE_CODE if request.LANGUAGE_CODE in ("en", "fr") else "en",
        },
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        started = job_start(
            organization=org,
            actor=request.user,
            kind="reviews.build_binder",
            params={
                "start": data["start"].isoformat(),
                "end": data["end"].isoformat(),
                "language": data["language"],
            },
        )
        return redirect(f"{reverse('reviews:binder', args=[org.code])}?job={started.pk}#build")
    job = _job(request, org)
    response = render(
        request,
        "reviews/binder.html",
        {
            "form": form,
            "job": job,
            "can_download": job is not None and _can(request, job_result_permission(job.kind)),
            "snapshots": list(selectors.binders(org)[:20]),
        },
    )
    if form.errors:
        response.status_code = 400
    return response


@org_view("reviews.binder", kinds=CLIENT)
def binder_download(request: HttpRequest, binder_id: Any) -> HttpResponseBase:
    org = request.org  # type: ignore[attr-defined]
    snapshot = get_object_or_404(BinderSnapshot, organization=org, pk=binder_id)
    stored = snapshot.bundle
    response = FileResponse(
        stored.open("rb"), as_attachment=True, filename=(stored.name or "").rsplit("/", 1)[-1]
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    return response

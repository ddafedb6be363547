"""Questionnaire pages: question sets, sending by private link, the partner's public page,
the review; and the answer library with the one-step security summary."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Count, Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone, translation
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django_scopes import scope

from borderpro.catalogue.models import Requirement
from borderpro.common.forms import apply_validation_error
from borderpro.organizations.tenancy import org_view
from borderpro.partners import library as lib
from borderpro.partners import questionnaires as qs
from borderpro.partners.forms import (
    LibraryAnswerForm,
    QuestionForm,
    QuestionSetForm,
    ReviewForm,
    SendForm,
    SummaryForm,
)
from borderpro.partners.models import LibraryAnswer, Partner, Question, Questionnaire, QuestionSet


@org_view("partners.view", kinds=("client",))
def questionnaire_list(request: HttpRequest) -> HttpResponse:
    org = request.org  # type: ignore[attr-defined]
    if request.method == "POST":
        if not request.access.can("partners.manage"):  # type: ignore[attr-defined]
            return render(request, "403.html", status=403)
        made = qs.question_sets_seed(actor=request.user, organization=org)
        messages.success(
            request,
            _("%(n)s question sets prepared from the catalogue.") % {"n": len(made)}
            if made
            else _("Every partner type already has a question set."),
        )
        return redirect("partners:questionnaires", org_code=org.code)
    now = timezone.now()
    sent = list(
        Questionnaire.objects.filter(organization=org)
        .select_related("partner")
        .order_by("-sent_at")[:200]
    )
    sets = QuestionSet.objects.filter(organization=org).annotate(n=Count("questions"))
    return render(
        request,
        "partners/questionnaires.html",
        {
            "rows": [(q, q.status_at(now)) for q in sent],
            "awaiting": sum(1 for q in sent if q.submitted_at and not q.reviewed_at),
            "sets": sets,
            "can_manage": request.access.can("partners.manage"),  # type: ignore[attr-defined]
        },
    )


@org_view("partners.manage", kinds=("client",))
def question_set_edit(request: HttpRequest, question_set_id: Any = None) -> HttpResponse:
    org = request.org  # type: ignore[attr-defined]
    qset = (
        get_object_or_404(QuestionSet, organization=org, pk=question_set_id)
        if question_set_id
        else None
    )
    set_form = QuestionSetForm(
        request.POST if "save_set" in request.POST else None, instance=qset, prefix="set"
    )
    question_form = QuestionForm(request.POST if "add_question" in request.POST else None)
    if request.method == "POST":
        if "save_set" in request.POST and set_form.is_valid():
            try:
                obj = set_form.save(commit=False)
                obj.organization = org
                obj.full_clean()
                obj.save()
            except ValidationError as exc:
                apply_validation_error(set_form, exc)
            else:
                messages.success(request, _("Saved."))
                return redirect("partners:question_set", org_code=org.code, question_set_id=obj.pk)
        elif qset is not None and "add_question" in request.POST and question_form.is_valid():
            data = question_form.cleaned_data
            try:
                qs.question_save(
                    actor=request.user,
                    organization=org,
                    question_set=qset,
                    text_en=data["text_en"],
                    text_fr=data["text_fr"],
                    topic=data["topic"],
                    asks_for_file=data["asks_for_file"],
                    position=data.get("position"),
                )
            except ValidationError as exc:
                apply_validation_error(question_form, exc)
            else:
                messages.success(request, _("The question is added."))
                return redirect("partners:question_set", org_code=org.code, question_set_id=qset.pk)
        elif qset is not None and "delete_question" in request.POST:
            question = get_object_or_404(
                Question, organization=org, question_set=qset, pk=request.POST["delete_question"]
            )
            qs.question_delete(actor=request.user, question=question)
            messages.success(
                request, _("The question is removed. Questionnaires already sent keep it.")
            )
            return redirect("partners:question_set", org_code=org.code, question_set_id=qset.pk)
    return render(
        request,
        "partners/question_set.html",
        {
            "qset": qset,
            "set_form": set_form,
            "question_form": question_form,
            "questions": list(qset.questions.all()) if qset else [],
        },
    )


@org_view("partners.manage", kinds=("client",))
def questionnaire_send(request: HttpRequest, partner_id: Any) -> HttpResponse:
    org = request.org  # type: ignore[attr-defined]
    partner = get_object_or_404(Partner, organization=org, pk=partner_id)
    form = SendForm(request.POST or None, organization=org, partner=partner)
    if request.method == "POST" and form.is_valid():
        try:
            sent = qs.questionnaire_send(
                actor=request.user,
                organization=org,
                partner=partner,
                question_set=form.cleaned_data["question_set"],
                days=form.cleaned_data["days"],
                language=form.cleaned_data["language"],
            )
        except ValidationError as exc:
            apply_validation_error(form, exc)
        else:
            # The link is shown this once: only its hash is kept.
            return render(
                request,
                "partners/questionnaire_sent.html",
                {
                    "partner": partner,
                    "questionnaire": sent.questionnaire,
                    "link": request.build_absolute_uri(qs.link_path(sent.token)),
                    "emailed": sent.emailed,
                },
            )
    return render(
        request,
        "partners/questionnaire_send.html",
        {
            "partner": partner,
            "form": form,
            "has_sets": form.fields["question_set"].queryset.exists(),  # type: ignore[attr-defined]
        },
    )


@org_view("partners.view", kinds=("client",))
def questionnaire_detail(request: HttpRequest, questionnaire_id: Any) -> HttpResponse:
    org = request.org  # type: ignore[attr-defined]
    q: Questionnaire = get_object_or_404(
        Questionnaire.objects.select_related("partner", "reviewed_by", "sent_by"),
        organization=org,
        pk=questionnaire_id,
    )
    can_manage = request.access.can("partners.manage")  # type: ignore[attr-defined]
    form = ReviewForm(request.POST if "review" in request.POST else None)
    if request.method == "POST":
        if not can_manage:
            return render(request, "403.html", status=403)
        try:
            if "revoke" in request.POST:
                qs.questionnaire_revoke(actor=request.user, questionnaire=q)
                messages.success(request, _("The link is revoked: it opens nothing any more."))
                return redirect("partners:questionnaire", org_code=org.code, questionnaire_id=q.pk)
            if form.is_valid():
                qs.questionnaire_review(
                    actor=request.user,
                    organization=org,
                    questionnaire=q,
                    outcome=form.cleaned_data["outcome"],
                    notes=form.cleaned_data["notes"],
                )
                messages.success(
                    request,
                    _("The review is recorded as a screening of %(name)s.")
                    % {"name": q.partner.name},
                )
                return redirect("partners:questionnaire", org_code=org.code, questionnaire_id=q.pk)
        except ValidationError as exc:
            if hasattr(exc, "error_dict"):
                apply_validation_error(form, exc)
            else:
                messages.error(request, " ".join(exc.messages))
    answers = {a.key: a for a in q.answers.select_related("attachment")}
    language = translation.get_language() or "en"
    items = [
        {
            "text": (item.get("text_fr") if language.startswith("fr") else "") or item["text_en"],
            "topic": item.get("topic", ""),
            "answer": answers.get(item["key"]),
        }
        for item in q.questions
    ]
    return render(
        request,
        "partners/questionnaire_detail.html",
        {
            "q": q,
            "status": q.status_at(timezone.now()),
            "items": items,
            "form": form,
            "can_manage": can_manage,
        },
    )


# --- the partner's public page -------------------------------------------------------------


def _address(request: HttpRequest) -> str:
    return request.META.get("REMOTE_ADDR", "") or "unknown"


def _refusal(request: HttpRequest, status: int = 404) -> HttpResponse:
    response = render(request, "partners/public/refused.html", {"status": status}, status=status)
    response["Cache-Control"] = "no-store"
    response["Referrer-Policy"] = "same-origin"
    return response


def questionnaire_answer(request: HttpRequest, token: str) -> HttpResponse:
    """The page a partner opens from its link: no account, one questionnaire, EN or FR."""
    address = _address(request)
    if qs.rate_limited(address) or qs.failures_exceeded(address):
        return _refusal(request, status=429)
    q = qs.questionnaire_by_token(token)
    if q is None:
        qs.rate_limited(address, failed=True)
        return _refusal(request)
    with scope(organization=q.organization):
        return _answer_page(request, q)


def _answer_page(request: HttpRequest, q: Questionnaire) -> HttpResponse:
    errors: dict[str, list[str]] = {}
    texts: dict[str, str] = {}
    if request.method == "POST":
        texts = {item["key"]: request.POST.get(f"answer_{item['key']}", "") for item in q.questions}
        files = {
            item["key"]: request.FILES[f"file_{item['key']}"]
            for item in q.questions
            if f"file_{item['key']}" in request.FILES
        }
        submit = "submit" in request.POST
        try:
            qs.answers_save(questionnaire=q, texts=texts, files=files, submit=submit)
        except ValidationError as exc:
            errors = exc.message_dict if hasattr(exc, "error_dict") else {"__all__": exc.messages}
        else:
            if submit:
                messages.success(request, _("Thank you: your answers are sent."))
                return render(request, "partners/public/done.html", {"q": q, "org": q.organization})
            messages.success(
                request,
                _("Saved. Come back with the same link to finish before %(date)s.")
                % {"date": _date(q.expires_at)},
            )
            return redirect(request.path)
    else:
        qs.mark_opened(q)
    answers = {a.key: a for a in q.answers.all()}
    language = translation.get_language() or "en"
    items = []
    for number, item in enumerate(q.questions, start=1):
        answer = answers.get(item["key"])
        items.append(
            {
                "number": number,
                "key": item["key"],
                "text": (item.get("text_fr") if language.startswith("fr") else "")
                or item["text_en"],
                "asks_for_file": item.get("asks_for_file", False),
                "value": texts.get(item["key"], answer.text if answer else ""),
                "attachment": answer.attachment_id if answer else None,
                "attachment_name": answer.attachment_name if answer else "",
                "errors": errors.get(f"answer_{item['key']}", [])
                + errors.get(f"file_{item['key']}", []),
            }
        )
    response = render(
        request,
        "partners/public/answer.html",
        {
            "q": q,
            "org": q.organization,
            "items": items,
            "errors": errors,
            "general_errors": errors.get("__all__", []),
            "answered": sum(1 for i in items if str(i["value"]).strip()),
        },
        status=400 if errors else 200,
    )
    response["Cache-Control"] = "no-store"
    response["Referrer-Policy"] = "same-origin"
    return response


def _date(value: Any) -> str:
    from django.utils.formats import date_format

    return date_format(timezone.localtime(value).date(), "DATE_FORMAT")


# --- answer library ------------------------------------------------------------------------


def _requirement(value: str) -> Requirement | None:
    value = value.strip()
    if not value:
        return None
    return (
        Requirement.objects.filter(
            Q(ref__iexact=value) | Q(official_id__iexact=value),
            framework__is_current=True,
            framework__owner__isnull=True,
            retired_at__isnull=True,
        )
        .select_related("framework")
        .first()
    )


@org_view("partners.view", kinds=("client",))
def answer_library(request: HttpRequest) -> HttpResponse:
    org = request.org  # type: ignore[attr-defined]
    can_manage = request.access.can("partners.manage")  # type: ignore[attr-defined]
    form = LibraryAnswerForm(request.POST if "save_answer" in request.POST else None)
    if request.method == "POST":
        if not can_manage:
            return render(request, "403.html", status=403)
        if "draft" in request.POST:
            n = lib.library_draft_from_profile(actor=request.user, organization=org)
            messages.success(
                request,
                _("%(n)s answers drafted from the security profile.") % {"n": n}
                if n
                else _(
                    "No new answer to draft: the library already holds every answered requirement."
                ),
            )
            return redirect("partners:library", org_code=org.code)
        if "delete" in request.POST:
            entry = get_object_or_404(LibraryAnswer, organization=org, pk=request.POST["delete"])
            entry.delete()
            messages.success(request, _("The answer is removed from the library."))
            return redirect("partners:library", org_code=org.code)
        if form.is_valid():
            requirement = _requirement(form.cleaned_data["requirement"])
            if requirement is None:
                form.add_error(
                    "requirement", _("No current requirement has this reference in the catalogue.")
                )
            else:
                try:
                    lib.library_answer_save(
                        actor=request.user,
                        organization=org,
                        requirement=requirement,
                        answer=form.cleaned_data["answer"],
                    )
                except ValidationError as exc:
                    apply_validation_error(form, exc)
                else:
                    messages.success(request, _("The answer is saved in the library."))
                    return redirect("partners:library", org_code=org.code)
    return render(
        request,
        "partners/library.html",
        {
            "answers": list(lib.library(org)),
            "form": form,
            "summary_form": SummaryForm(initial={"language": translation.get_language() or "en"}),
            "can_manage": can_manage,
        },
    )


@org_view("partners.view", kinds=("client",))
def security_summary(request: HttpRequest) -> HttpResponse:
    org = request.org  # type: ignore[attr-defined]
    form = SummaryForm(request.GET)
    if not form.is_valid():
        messages.error(request, _("Choose the format and the language of the summary."))
        return redirect("partners:library", org_code=org.code)
    language = form.cleaned_data["language"]
    name = slugify(lib.summary_title(org, language))[:80] or "security-summary"
    if form.cleaned_data["format"] == "xlsx":
        content = lib.summary_xlsx(org, language)
        response = HttpResponse(
            content,
            content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        )
        response["Content-Disposition"] = f'attachment; filename="{name}.xlsx"'
    else:
        response = HttpResponse(lib.summary_pdf(org, language), content_type="application/pdf")
        response["Content-Disposition"] = f'attachment; filename="{name}.pdf"'
    return response

"""The consultancy's public pages (no sign-in): home, Get a Quote, Ask a Question, the
thank-you page with the pre-eligibility summary, and the private quote acceptance link."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import translation
from django.utils.translation import gettext as _
from django_scopes import scope

from borderpro.common.documents import render_pdf
from borderpro.common.forms import apply_validation_error
from borderpro.common.public import public_sections
from borderpro.consulting import selectors, services, spam
from borderpro.consulting.forms import AcceptForm, QuestionForm, QuoteRequestForm, consent_wording
from borderpro.consulting.models import ProspectRequest, Quote
from borderpro.organizations.models import Organization

THANKS_KEY = "consulting-thanks"


def _consultancy(code: str) -> Organization:
    consultancy = selectors.public_consultancy(code)
    if consultancy is None:
        raise Http404
    return consultancy


def home(request: HttpRequest, consultancy_code: str) -> HttpResponse:
    consultancy = _consultancy(consultancy_code)
    language = translation.get_language() or "en"
    services_list = [
        {"name": s.label(language), "text": s.text(language), "pricing": s.get_pricing_display()}
        for s in selectors.offered_services(consultancy)
    ]
    return render(
        request,
        "consulting/public/home.html",
        {
            "consultancy": consultancy,
            "services": services_list,
            "sections": public_sections(request, consultancy),
        },
    )


def _restamp(form: Any) -> None:
    """A form shown again carries a fresh stamp: the next send is timed from now."""
    data = form.data.copy()
    data["started"] = spam.form_stamp()
    form.data = data


def _refuse_spam(request: HttpRequest, consultancy: Organization, form: Any) -> HttpResponse | None:
    """A throttled address gets 429; a filled honeypot is thanked and forgotten; a form sent
    back too fast is shown again with a message (what was typed is kept)."""
    if spam.throttled(request, consultancy):
        response = render(
            request, "consulting/public/throttled.html", {"consultancy": consultancy}, status=429
        )
        response["Retry-After"] = str(spam.WINDOW)
        return response
    if request.POST.get("website"):
        return redirect("consulting:public_thanks", consultancy_code=consultancy.code)
    if spam.filled_too_fast(request.POST.get("started", "")):
        form.add_error(
            None,
            _("The form was sent too quickly or is too old. Check your answers and send it again."),
        )
        _restamp(form)
    return None


def _submit(request: HttpRequest, consultancy_code: str, kind: str) -> HttpResponse:
    consultancy = _consultancy(consultancy_code)
    language = translation.get_language() or "en"
    form_class = QuoteRequestForm if kind == ProspectRequest.Kind.QUOTE else QuestionForm
    extra = {"language": language} if kind == ProspectRequest.Kind.QUOTE else {}
    form = form_class(request.POST or None, consultancy=consultancy, **extra)
    if request.method == "POST":
        refused = _refuse_spam(request, consultancy, form)
        if refused is not None:
            return refused
        if not form.errors and form.is_valid():
            data = dict(form.cleaned_data)
            chosen = list(data.pop("services", []))
            for name in ("consent", "website", "started"):
                data.pop(name, None)
            stamp = request.POST["started"]
            first, earlier = spam.claim_send(consultancy, stamp)
            if not first:  # sent twice: the thank-you page of the first send
                if earlier:
                    request.session[THANKS_KEY] = earlier
                return redirect("consulting:public_thanks", consultancy_code=consultancy.code)
            stored = None
            try:
                with scope(organization=consultancy):
                    submitted = services.request_submit(
                        consultancy=consultancy,
                        kind=kind,
                        fields=data,
                        services=chosen,
                        language=language,
                        consent_text=consent_wording(consultancy),
                    )
                stored = str(submitted.pk)
            finally:
                spam.record_send(consultancy, stamp, stored)
            request.session[THANKS_KEY] = stored
            return redirect("consulting:public_thanks", consultancy_code=consultancy.code)
        _restamp(form)
    template = "quote" if kind == ProspectRequest.Kind.QUOTE else "question"
    return render(
        request,
        f"consulting/public/{template}.html",
        {"consultancy": consultancy, "form": form},
    )


def quote_request(request: HttpRequest, consultancy_code: str) -> HttpResponse:
    return _submit(request, consultancy_code, ProspectRequest.Kind.QUOTE)


def question(request: HttpRequest, consultancy_code: str) -> HttpResponse:
    return _submit(request, consultancy_code, ProspectRequest.Kind.QUESTION)


def thanks(request: HttpRequest, consultancy_code: str) -> HttpResponse:
    consultancy = _consultancy(consultancy_code)
    submitted = None
    pk = request.session.get(THANKS_KEY)
    if pk:
        submitted = ProspectRequest._base_manager.filter(organization=consultancy, pk=pk).first()
    return render(
        request,
        "consulting/public/thanks.html",
        {"consultancy": consultancy, "submitted": submitted},
    )


def _quote_or_refuse(request: HttpRequest, consultancy_code: str, token: str) -> Quote | None:
    quote = services.quote_for_token(token)
    if quote is None or quote.organization.code != consultancy_code:
        return None
    return quote


def _refused(request: HttpRequest) -> HttpResponse:
    return render(request, "consulting/public/link_refused.html", {"consultancy": None}, status=404)


def quote_accept(request: HttpRequest, consultancy_code: str, token: str) -> HttpResponse:
    quote = _quote_or_refuse(request, consultancy_code, token)
    if quote is None:
        return _refused(request)
    consultancy = quote.organization
    form = AcceptForm(request.POST or None)
    if request.method == "POST" and quote.status == Quote.Status.SENT and form.is_valid():
        try:
            services.quote_accept(
                quote=quote,
                name=form.cleaned_data["name"],
                address=spam.client_address(request),
            )
        except ValidationError as exc:
            apply_validation_error(form, exc)
        else:
            messages.success(request, _("Thank you: the quote is accepted. We will be in touch."))
            return redirect(
                "consulting:public_quote", consultancy_code=consultancy.code, token=token
            )
    quote = Quote._base_manager.select_related("request").get(pk=quote.pk)
    return render(
        request,
        "consulting/public/quote_accept.html",
        {
            "consultancy": consultancy,
            "quote": quote,
            "lines": list(quote.lines.model._base_manager.filter(quote=quote)),
            "form": form,
            "token": token,
        },
    )


def quote_pdf(request: HttpRequest, consultancy_code: str, token: str) -> HttpResponse:
    quote = _quote_or_refuse(request, consultancy_code, token)
    if quote is None:
        return _refused(request)
    return quote_pdf_response(quote)


def quote_pdf_response(quote: Quote) -> HttpResponse:
    lines = list(quote.lines.model._base_manager.filter(quote=quote))
    with translation.override(quote.language):
        title = _("Quote %(number)s") % {"number": quote.number}
    pdf = render_pdf(
        "consulting/quote_pdf.html",
        {"quote": quote, "lines": lines, "request_": quote.request},
        organization=quote.organization,
        language=quote.language,
        title=title,
    )
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{quote.number}.pdf"'
    return response

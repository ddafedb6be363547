"""Organization pages: home, dashboard, settings, members, clients, activity, integrity, jobs."""

from __future__ import annotations

import uuid
from datetime import timedelta

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from borderpro.accounts.models import User
from borderpro.common.dashboard import client_columns, render_panels
from borderpro.common.forms import apply_validation_error
from borderpro.common.http import AuthedRequest, OrgRequest
from borderpro.common.jobs import job_start
from borderpro.common.models import ChainHead, Job
from borderpro.organizations import selectors, services
from borderpro.organizations.activity import activity_text
from borderpro.organizations.forms import (
    ClientForm,
    InviteForm,
    OrganizationCreateForm,
    OrganizationForm,
    RoleForm,
)
from borderpro.organizations.models import Activity, ClientLink, Invitation, Membership
from borderpro.organizations.tenancy import org_view, organizations_for_user


@login_required
def home(request: AuthedRequest) -> HttpResponse:
    """Open the last organization used, or the first one, or offer to create one."""
    orgs = organizations_for_user(request.user)
    codes = {org.code for org, _role in orgs}
    last = request.session.get("last_org")
    if last in codes:
        return redirect("organizations:dashboard", org_code=last)
    if orgs:
        return redirect("organizations:dashboard", org_code=orgs[0][0].code)
    return redirect("organizations:create")


@login_required
def organization_list(request: AuthedRequest) -> HttpResponse:
    q = request.GET.get("q", "").strip().lower()
    entries = [(o, r) for o, r in organizations_for_user(request.user) if q in o.name.lower()]
    page = Paginator(entries, 50).get_page(request.GET.get("page"))
    return render(request, "organizations/list.html", {"page": page, "q": q})


@login_required
def organization_create(request: AuthedRequest) -> HttpResponse:
    form = OrganizationCreateForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        org = services.organization_create(actor=request.user, **data)
        messages.success(request, _("%(name)s is ready.") % {"name": org.name})
        return redirect("organizations:dashboard", org_code=org.code)
    return render(request, "organizations/create.html", {"form": form})


@org_view("organizations.view")
def dashboard(request: OrgRequest) -> HttpResponse:
    org = request.org
    context: dict = {
        "activity": [(a, activity_text(a)) for a in selectors.recent_activity(org, limit=8)]
    }
    if org.is_consultancy:
        mine = request.access.role == "consultant"
        q = request.GET.get("q", "").strip()
        links = selectors.client_links(org, user=request.user if mine else None, q=q)
        page = Paginator(links, 50).get_page(request.GET.get("page"))
        client_ids = [link.client_id for link in page.object_list]
        context.update(
            clients=page.object_list,
            page=page,
            q=q,
            columns=client_columns(client_ids),
        )
    else:
        context["members"] = selectors.members_of(org)[:6]
    context["summary_panels"] = render_panels(request, slot="summary")
    context["panels"] = render_panels(request)
    return render(request, "organizations/dashboard.html", context)


@org_view("organizations.manage")
def settings_view(request: OrgRequest) -> HttpResponse:
    org = request.org
    form = OrganizationForm(request.POST or None, request.FILES or None, instance=org)
    if request.method == "POST" and form.is_valid():
        services.organization_update(
            actor=request.user,
            organization=org,
            **{name: form.cleaned_data[name] for name in form.changed_data},
        )
        messages.success(request, _("Settings saved."))
        return redirect("organizations:settings", org_code=org.code)
    return render(request, "organizations/settings.html", {"form": form})


@org_view("organizations.view_members")
def members(request: OrgRequest) -> HttpResponse:
    org = request.org
    roles = services.allowed_roles(org)
    form = InviteForm(request.POST or None, roles=roles)
    if request.method == "POST":
        if not request.access.can("organizations.manage_members"):
            raise Http404
        if form.is_valid():
            try:
                services.invitation_create(
                    actor=request.user, organization=org, **form.cleaned_data
                )
            except ValidationError as exc:
                apply_validation_error(form, exc)
            else:
                messages.success(request, _("Invitation sent to %(email)s.") % form.cleaned_data)
                return redirect("organizations:members", org_code=org.code)
    return render(
        request,
        "organizations/members.html",
        {
            "memberships": selectors.members_of(org),
            "invitations": selectors.open_invitations(org),
            "form": form,
            "role_choices": roles,
        },
    )


@org_view("organizations.manage_members")
@require_POST
def member_role(request: OrgRequest, member_id: str) -> HttpResponse:
    org = request.org
    membership = get_object_or_404(
        Membership.objects.select_related("user"), organization=org, pk=member_id
    )
    form = RoleForm(request.POST, roles=services.allowed_roles(org))
    if form.is_valid():
        try:
            services.membership_change_role(
                actor=request.user, membership=membership, role=form.cleaned_data["role"]
            )
            messages.success(request, _("Role updated."))
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
    else:
        messages.error(request, _("Choose a role from the list."))
    return redirect("organizations:members", org_code=org.code)


@org_view("organizations.manage_members")
@require_POST
def member_remove(request: OrgRequest, member_id: str) -> HttpResponse:
    org = request.org
    membership = get_object_or_404(
        Membership.objects.select_related("user"), organization=org, pk=member_id
    )
    try:
        services.membership_remove(actor=request.user, membership=membership)
        messages.success(
            request, _("%(email)s no longer has access.") % {"email": membership.user.email}
        )
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    return redirect("organizations:members", org_code=org.code)


@org_view("organizations.manage_members")
@require_POST
def invitation_revoke(request: OrgRequest, invitation_id: str) -> HttpResponse:
    org = request.org
    invitation = get_object_or_404(Invitation, organization=org, pk=invitation_id)
    services.invitation_revoke(actor=request.user, organization=org, invitation=invitation)
    messages.success(request, _("Invitation withdrawn."))
    return redirect("organizations:members", org_code=org.code)


def invitation_accept(request: HttpRequest, token: str) -> HttpResponse:
    invitation = services.invitation_for_token(token)
    if invitation is None:
        raise Http404
    if not request.user.is_authenticated:
        request.session["pending_invitation"] = token
        messages.info(
            request,
            _("Sign in or create an account with %(email)s to join %(org)s.")
            % {"email": invitation.email, "org": invitation.organization.name},
        )
        return redirect(f"{reverse('account_login')}?next={request.path}")
    if request.method == "POST":
        try:
            services.invitation_accept(user=request.user, invitation=invitation)
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
        else:
            messages.success(
                request, _("Welcome to %(org)s.") % {"org": invitation.organization.name}
            )
            return redirect("organizations:dashboard", org_code=invitation.organization.code)
    return render(request, "organizations/invitation.html", {"invitation": invitation})


@org_view("organizations.view_clients", kinds=("consultancy",))
def clients(request: OrgRequest) -> HttpResponse:
    org = request.org
    form = ClientForm(request.POST or None)
    if request.method == "POST":
        if not request.access.can("organizations.manage_clients"):
            raise Http404
        if form.is_valid():
            client = services.client_create(
                actor=request.user, consultancy=org, **form.cleaned_data
            )
            messages.success(
                request,
                _("%(name)s added. Invite its people from its Team page.") % {"name": client.name},
            )
            return redirect("organizations:clients", org_code=org.code)
    mine = request.access.role == "consultant"
    q = request.GET.get("q", "").strip()
    links = selectors.client_links(org, user=request.user if mine else None, q=q)
    page = Paginator(links, 50).get_page(request.GET.get("page"))
    consultants = [m.user for m in selectors.members_of(org)]
    return render(
        request,
        "organizations/clients.html",
        {
            "links": page.object_list,
            "page": page,
            "q": q,
            "form": form,
            "consultants": consultants,
        },
    )


@org_view("organizations.manage_clients", kinds=("consultancy",))
@require_POST
def client_assign(request: OrgRequest, link_id: str) -> HttpResponse:
    org = request.org
    link = get_object_or_404(
        ClientLink.objects.select_related("client"), consultancy=org, pk=link_id
    )
    user = User.objects.filter(
        pk=request.POST.get("user") or 0, memberships__organization=org
    ).first()
    if user is None:
        messages.error(request, _("Choose a consultant of this consultancy."))
    elif request.POST.get("action") == "remove":
        services.consultant_unassign(actor=request.user, link=link, user=user)
        messages.success(
            request,
            _("%(email)s no longer works on %(client)s.")
            % {"email": user.email, "client": link.client.name},
        )
    else:
        services.consultant_assign(actor=request.user, link=link, user=user)
        messages.success(
            request,
            _("%(email)s now works on %(client)s.")
            % {"email": user.email, "client": link.client.name},
        )
    return redirect("organizations:clients", org_code=org.code)


@org_view("organizations.view_activity")
def activity(request: OrgRequest) -> HttpResponse:
    org = request.org
    queryset = (
        Activity.objects.filter(organization=org).select_related("recorded_by").order_by("-seq")
    )
    page = Paginator(queryset, 50).get_page(request.GET.get("page"))
    rows = [(a, activity_text(a)) for a in page.object_list]
    return render(request, "organizations/activity.html", {"page": page, "rows": rows})


@org_view("organizations.verify_records")
def integrity(request: OrgRequest) -> HttpResponse:
    org = request.org
    if request.method == "POST":
        started = job_start(
            organization=org, actor=request.user, kind="organizations.verify_records"
        )
        return redirect(f"{reverse('organizations:integrity', args=[org.code])}?job={started.pk}")
    heads = ChainHead.objects.filter(organization=org).order_by("chain")
    job: Job | None = None
    try:
        job_id = uuid.UUID(request.GET.get("job", ""))
    except ValueError:
        job_id = None
    if job_id is not None:
        job = Job.objects.filter(organization=org, pk=job_id).first()
    stale = timezone.now() - timedelta(days=1)
    return render(
        request, "organizations/integrity.html", {"heads": heads, "job": job, "stale": stale}
    )


@org_view("organizations.view_jobs")
def job_status(request: OrgRequest, job_id: str) -> HttpResponse:
    org = request.org
    job = get_object_or_404(Job, organization=org, pk=job_id)
    template = "organizations/_job.html" if request.htmx else "organizations/job.html"
    return render(request, template, {"job": job})


@org_view("organizations.view_jobs")
def job_download(request: OrgRequest, job_id: str) -> HttpResponseBase:
    org = request.org
    job = get_object_or_404(Job, organization=org, pk=job_id)
    if not job.result_file:
        raise Http404
    return FileResponse(job.result_file.open("rb"), as_attachment=True, filename=job.result_name)

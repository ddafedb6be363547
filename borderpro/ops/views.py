"""The organization's data export page (managers): prepare the archive, download it."""

from __future__ import annotations

import uuid

from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse

from borderpro.common.http import OrgRequest
from borderpro.common.jobs import job_start
from borderpro.common.models import Job
from borderpro.organizations.tenancy import org_view

KIND = "ops.export_data"


@org_view("ops.export")
def export_page(request: OrgRequest) -> HttpResponse:
    org = request.org
    if request.method == "POST":
        started = job_start(organization=org, actor=request.user, kind=KIND)
        return redirect(f"{reverse('ops:export', args=[org.code])}?job={started.pk}")
    job: Job | None = None
    try:
        job_id = uuid.UUID(request.GET.get("job", ""))
    except ValueError:
        job_id = None
    if job_id is not None:
        job = Job.objects.filter(organization=org, pk=job_id, kind=KIND).first()
    recent = Job.objects.filter(organization=org, kind=KIND).order_by("-created_at")[:5]
    return render(request, "ops/export.html", {"job": job, "recent": recent})

from django.urls import path

from borderpro.common.routing import register_object_kwarg
from borderpro.evidence import views

app_name = "evidence"

register_object_kwarg("evidence_id", "evidence.EvidenceFile")

urlpatterns = [
    path("o/<str:org_code>/evidence/", views.evidence_list, name="list"),
    path("o/<str:org_code>/evidence/upload/", views.evidence_upload, name="upload"),
    path("o/<str:org_code>/evidence/export/", views.evidence_export, name="export"),
    path("o/<str:org_code>/evidence/<uuid:evidence_id>/", views.evidence_detail, name="detail"),
    path(
        "o/<str:org_code>/evidence/<uuid:evidence_id>/download/",
        views.evidence_download,
        name="download",
    ),
    path(
        "o/<str:org_code>/evidence/<uuid:evidence_id>/archive/",
        views.evidence_archive,
        name="archive",
    ),
]
